#!/usr/bin/env node
import { createRequire as __flytemcCreateRequire } from 'node:module'; const require = __flytemcCreateRequire(import.meta.url);
import {
  FIELD_MANAGER
} from "./chunk-6Z6ZYMU5.mjs";
import {
  SERVICE_ACCOUNT
} from "./chunk-LPW2GZIF.mjs";
import {
  createOrExisting,
  deleteOrAbsent,
  readOrAbsent
} from "./chunk-QWUGYWBM.mjs";
import {
  maskSecret,
  sleep,
  yamlOf
} from "./chunk-YBFDPERJ.mjs";
import {
  noted
} from "./chunk-AVEROJ5R.mjs";
import {
  EXIT,
  FlytemcError,
  error
} from "./chunk-PXOMBRJH.mjs";

// plugin/cluster/member-token.ts
var SA_ANNOTATION = "kubernetes.io/service-account.name";
var TOKEN_TYPE = "kubernetes.io/service-account-token";
var decode = (b64) => Buffer.from(b64, "base64").toString("utf8");
function maskedTokenSecret(s) {
  const data = s.data ?? {};
  return {
    apiVersion: "v1",
    kind: "Secret",
    type: s.type,
    metadata: { name: s.metadata?.name, namespace: s.metadata?.namespace, labels: s.metadata?.labels, annotations: s.metadata?.annotations },
    ...Object.keys(data).length ? { data: Object.fromEntries(Object.entries(data).map(([k, v]) => [k, maskSecret(k === "token" ? "token" : k, Buffer.from(v, "base64"))])) } : {}
  };
}
function refuseForeign(m, object, have) {
  const sa = have.metadata?.annotations?.[SA_ANNOTATION];
  if (have.type === TOKEN_TYPE && sa === SERVICE_ACCOUNT) return;
  throw new FlytemcError(
    [
      error(
        { code: "join.token-secret", subject: noted(`context ${m.context}: ${object}`, m.tlsVerified !== false) },
        `exists but is not a token Secret of ServiceAccount ${SERVICE_ACCOUNT} (type ${have.type ?? "Opaque"}, service-account.name ${sa ?? "none"})`,
        "delete or rename that Secret, or install the data plane with the flyte-multicluster chart (which creates it correctly)"
      )
    ],
    EXIT.failed
  );
}
async function ensureTokenSecret(m, ns, secretName, creation, plan) {
  const object = `Secret ${ns}/${secretName}`;
  const have = await readOrAbsent(m, `reading ${object}`, () => m.core.readNamespacedSecret({ name: secretName, namespace: ns }));
  if (have) {
    refuseForeign(m, object, have);
    plan.record({ target: m.context, object, action: "unchanged" });
    return "existing";
  }
  const body = {
    apiVersion: "v1",
    kind: "Secret",
    type: TOKEN_TYPE,
    metadata: { name: secretName, namespace: ns, labels: creation.labels, annotations: { ...creation.annotations, [SA_ANNOTATION]: SERVICE_ACCOUNT } }
  };
  await plan.apply(
    { target: m.context, object, action: "create", note: "kube-controller-manager fills token and ca.crt", after: yamlOf(maskedTokenSecret(body)) },
    () => createOrExisting(m, `creating ${object}`, () => m.core.createNamespacedSecret({ namespace: ns, body, fieldManager: FIELD_MANAGER }))
  );
  return plan.dryRun ? "planned" : "created";
}
function tokenTimeout(m, ns, secretName, timeoutMs, exists) {
  return new FlytemcError(
    [
      error(
        { code: "join.token-timeout", subject: noted(`context ${m.context}: Secret ${ns}/${secretName}`, m.tlsVerified !== false) },
        exists ? `still has no token after ${Math.round(timeoutMs / 1e3)} s: the token controller of kube-controller-manager never filled it` : "disappeared while waiting for its token (deleted by a concurrent rotate or unjoin, or by the token controller because ServiceAccount flyteadmin is missing)",
        "check that kube-controller-manager runs with --service-account-private-key-file (and --root-ca-file) and its serviceaccount-token controller enabled (managed clusters always do: retry with a longer --token-timeout)"
      )
    ],
    EXIT.failed
  );
}
async function waitForToken(m, ns, secretName, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  let delay = 100;
  for (; ; ) {
    const s = await readOrAbsent(m, `reading Secret ${ns}/${secretName}`, () => m.core.readNamespacedSecret({ name: secretName, namespace: ns }));
    const token = s?.data?.token;
    if (token) {
      const ca = s?.data?.["ca.crt"];
      return { token: decode(token), ...ca ? { caCrt: decode(ca) } : {}, secretName };
    }
    if (Date.now() >= deadline) throw tokenTimeout(m, ns, secretName, timeoutMs, !!s);
    await sleep(delay);
    delay = Math.min(delay * 2, 1e3);
  }
}
async function listTokenSecrets(m, ns) {
  const list = await m.call(`listing Secrets in ${ns}`, () => m.core.listNamespacedSecret({ namespace: ns, fieldSelector: `type=${TOKEN_TYPE}` }));
  return list.items.filter((s) => s.metadata?.annotations?.[SA_ANNOTATION] === SERVICE_ACCOUNT).map((s) => ({ name: s.metadata.name, ...s.data?.token ? { token: decode(s.data.token) } : {}, labels: s.metadata?.labels ?? {} }));
}
async function deleteTokenSecret(m, ns, secretName, plan, note = "revokes its token") {
  const object = `Secret ${ns}/${secretName}`;
  const have = await readOrAbsent(m, `reading ${object}`, () => m.core.readNamespacedSecret({ name: secretName, namespace: ns }));
  if (!have) {
    plan.record({ target: m.context, object, action: "absent" });
    return;
  }
  await plan.apply(
    { target: m.context, object, action: "delete", note, before: yamlOf(maskedTokenSecret(have)) },
    () => deleteOrAbsent(m, `deleting ${object}`, () => m.core.deleteNamespacedSecret({ name: secretName, namespace: ns }))
  );
}

export {
  ensureTokenSecret,
  waitForToken,
  listTokenSecrets,
  deleteTokenSecret
};
