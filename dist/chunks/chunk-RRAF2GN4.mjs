#!/usr/bin/env node
import { createRequire as __flytemcCreateRequire } from 'node:module'; const require = __flytemcCreateRequire(import.meta.url);
import {
  probe
} from "./chunk-IQQW3Y55.mjs";
import {
  ACCESS_CHECKS,
  DEFAULT_TOKEN_SECRET,
  SERVICE_ACCOUNT,
  clusterUid,
  ensureClusterRole,
  ensureClusterRoleBinding,
  ensureHubNamespace,
  ensureNamespace,
  ensureServiceAccount,
  ensureTokenSecret,
  readCredentials,
  refuseDuplicate,
  upsertCredentials,
  waitForToken
} from "./chunk-VHPCF7SW.mjs";
import {
  checkEndpoint
} from "./chunk-IXMM6OG5.mjs";
import {
  caKey,
  tokenKey
} from "./chunk-CMNDI7DY.mjs";
import {
  connect
} from "./chunk-YUZUFQ34.mjs";
import {
  EXIT
} from "./chunk-BNFKKS27.mjs";
import {
  FlytemcError,
  error
} from "./chunk-XMK5AAIB.mjs";

// plugin/cluster/join.ts
async function proveToken(endpoint, token, cas, timeoutMs) {
  let last;
  const seen = /* @__PURE__ */ new Set();
  for (const ca of cas) {
    if (!ca.pem || seen.has(ca.pem.trim())) continue;
    seen.add(ca.pem.trim());
    const result = await probe(endpoint, token, ca.pem, { timeoutMs });
    last = { result, source: ca.source, pem: ca.pem };
    if (result.failed !== "tls") return last;
  }
  if (!last) throw new FlytemcError([error(endpoint, "no CA to verify the API server with: the kubeconfig names none and the token Secret has no ca.crt", "add certificate-authority-data to the kubeconfig cluster")], EXIT.failed);
  return last;
}
async function joinCluster(req, hub, opts, plan, hubNamespaceOnce2) {
  const started = Date.now();
  const { namespace: ns, secretName } = opts;
  const say = (msg) => opts.progress.step(req.name, msg);
  say(`connecting to context ${req.context}`);
  const m = await connect(req.context, opts.kube);
  const endpoint = checkEndpoint(req.endpoint ?? m.server, `context ${req.context}`);
  const uid = await clusterUid(m);
  const creds = await readCredentials(hub, ns, secretName);
  const hubWhere = `hub ${hub.context} Secret ${ns}/${secretName}`;
  refuseDuplicate(creds.records, req.name, uid, req.context, hubWhere);
  const known = creds.records[req.name];
  say("ensuring ServiceAccount, RBAC and token Secret");
  await ensureNamespace(m, ns, plan);
  await ensureServiceAccount(m, ns, req.name, plan);
  await ensureClusterRole(m, ns, req.name, plan);
  await ensureClusterRoleBinding(m, ns, req.name, plan);
  const tokenSecret = known?.tokenSecret ?? DEFAULT_TOKEN_SECRET;
  const exists = await ensureTokenSecret(m, ns, tokenSecret, req.name, plan);
  if (!exists) {
    plan.record({ target: req.context, object: `token of ServiceAccount ${ns}/${SERVICE_ACCOUNT}`, action: "skip", note: "would wait for the token controller, then prove the token before touching the hub" });
    plan.record({ target: `hub ${hub.context}`, object: `Secret ${ns}/${secretName}`, action: creds.secret ? "update" : "create", note: `keys ${tokenKey(req.name)}, ${caKey(req.name)} (token issued on the real run)` });
    return { name: req.name, context: req.context, endpoint, hubChanged: true, ms: Date.now() - started };
  }
  say(`waiting for the token in Secret ${ns}/${tokenSecret}`);
  const issued = await waitForToken(m, ns, tokenSecret, opts.tokenTimeoutMs);
  say(`proving the token against ${endpoint}`);
  const proof = await proveToken(endpoint, issued.token, [{ source: "kubeconfig", pem: m.caPem }, { source: "ca.crt", pem: issued.caCrt }], opts.kube.timeoutMs);
  if (!proof.result.ok) {
    throw new FlytemcError([error(`cluster ${req.name} (${endpoint})`, `the token of ServiceAccount ${ns}/${SERVICE_ACCOUNT} does not work: ${proof.result.what}`, `${proof.result.fix ?? ""}; the hub was not changed`)], EXIT.failed);
  }
  plan.record({ target: req.context, object: `token of ServiceAccount ${ns}/${SERVICE_ACCOUNT}`, action: "check", note: `ok: ${proof.result.user ?? "authenticated"} over TLS verified with the ${proof.source} CA; all ${ACCESS_CHECKS.length} access reviews allowed` });
  say(`writing ${tokenKey(req.name)} and ${caKey(req.name)} into the hub`);
  await hubNamespaceOnce2();
  const record = { uid, endpoint, tokenSecret, namespace: ns };
  const hubChanged = await upsertCredentials(hub, ns, secretName, { name: req.name, token: issued.token, caPem: proof.pem, record }, plan, req.context);
  say(hubChanged ? plan.dryRun ? "would update the hub" : "joined" : "already joined: nothing changed");
  return { name: req.name, context: req.context, endpoint, hubChanged, caSource: proof.source, ms: Date.now() - started };
}
function hubNamespaceOnce(hub, ns, plan) {
  let p;
  return () => p ??= ensureHubNamespace(hub, ns, plan);
}

export {
  proveToken,
  joinCluster,
  hubNamespaceOnce
};
