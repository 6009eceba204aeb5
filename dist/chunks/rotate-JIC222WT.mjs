#!/usr/bin/env node
import { createRequire as __flytemcCreateRequire } from 'node:module'; const require = __flytemcCreateRequire(import.meta.url);
import {
  clusterUid,
  deleteTokenSecret,
  ensureTokenSecret,
  listTokenSecrets,
  proveToken,
  readCredentials,
  restartDeployments,
  untilRejected,
  upsertCredentials,
  waitForToken
} from "./chunk-LUQ3FZXV.mjs";
import {
  connect
} from "./chunk-OTN3OYF5.mjs";
import "./chunk-IP4S7SHI.mjs";
import {
  DEFAULT_TOKEN_SECRET,
  SERVICE_ACCOUNT
} from "./chunk-XMNVS4CT.mjs";
import {
  caKey,
  tokenKey
} from "./chunk-CMNDI7DY.mjs";
import "./chunk-FHC65VTN.mjs";
import "./chunk-RLB7AC44.mjs";
import "./chunk-7QJUPDXI.mjs";
import {
  EXIT,
  FlytemcError,
  error,
  warning
} from "./chunk-5JWNXXDS.mjs";
import "./chunk-2FDVLR4Z.mjs";
import "./chunk-IVYUDTSF.mjs";
import "./chunk-GPAN37FC.mjs";

// plugin/cluster/rotate.ts
import { randomBytes } from "node:crypto";
var suffix = () => {
  const abc = "bcdfghjklmnpqrstvwxz2456789";
  return [...randomBytes(5)].map((b) => abc[b % abc.length]).join("");
};
async function rotateCluster(req, session) {
  const { namespace: ns, secretName, hub, plan } = session;
  const say = (msg) => session.progress.step(req.name, msg, req.context);
  const warnings = [];
  const creds = await readCredentials(hub, ns, secretName);
  const record = creds.records[req.name];
  const oldToken = creds.data[tokenKey(req.name)];
  if (!record || !oldToken) {
    throw new FlytemcError(
      [
        error(
          `hub ${hub.context} Secret ${ns}/${secretName}`,
          `has no joined cluster ${JSON.stringify(req.name)}`,
          `join it first: flytemc join ${req.context} --name ${req.name} --kube-context ${hub.context}`
        )
      ],
      EXIT.invalid
    );
  }
  const m = await connect(req.context, session.kube);
  const uid = await clusterUid(m);
  if (uid !== record.uid) {
    throw new FlytemcError(
      [
        error(
          `context ${req.context}`,
          `is not the cluster joined as ${JSON.stringify(req.name)} (kube-system UID ${uid}, the hub recorded ${record.uid} at ${record.endpoint})`,
          "name the context of that cluster"
        )
      ],
      EXIT.invalid
    );
  }
  let oldSecret = record.tokenSecret;
  const secrets = await listTokenSecrets(m, ns);
  const holder = secrets.find((s) => s.token === oldToken);
  if (holder) oldSecret = holder.name;
  const newSecret = `${DEFAULT_TOKEN_SECRET}-${suffix()}`;
  say(`creating Secret ${ns}/${newSecret}`);
  const created = await ensureTokenSecret(m, ns, newSecret, req.name, plan);
  if (!created) {
    plan.record({
      target: `hub ${hub.context}`,
      object: `Secret ${ns}/${secretName}`,
      action: "update",
      note: `new ${tokenKey(req.name)} (and ${caKey(req.name)}), once issued`
    });
    if (req.restart) plan.record({ target: `hub ${hub.context}`, object: `Deployments ${ns}/flyteadmin, syncresources`, action: "restart" });
    plan.record({ target: req.context, object: `Secret ${ns}/${oldSecret}`, action: "delete", note: "revokes the old token" });
    plan.record({ target: record.endpoint, object: "old token", action: "check", note: "would verify that the API server rejects it" });
    return { oldSecret, newSecret, warnings };
  }
  const issued = await waitForToken(m, ns, newSecret, session.tokenTimeoutMs);
  say("proving the new token");
  const proof = await proveToken(
    record.endpoint,
    issued.token,
    [
      { source: "hub", pem: creds.data[caKey(req.name)] },
      { source: "kubeconfig", pem: m.caPem },
      { source: "ca.crt", pem: issued.caCrt }
    ],
    session.kube.timeoutMs
  );
  if (!proof.result.ok) {
    await deleteTokenSecret(m, ns, newSecret, plan, "the new token does not work; the hub keeps the old one");
    throw new FlytemcError(
      [
        error(
          `cluster ${req.name} (${record.endpoint})`,
          `the new token does not work: ${proof.result.what}`,
          `${proof.result.fix ?? ""}; nothing else was changed`
        )
      ],
      EXIT.failed
    );
  }
  plan.record({
    target: req.context,
    object: `token in Secret ${ns}/${newSecret}`,
    action: "check",
    note: `ok: ${proof.result.user ?? "authenticated"}, all permissions`
  });
  say("updating the hub");
  await upsertCredentials(
    hub,
    ns,
    secretName,
    { name: req.name, token: issued.token, caPem: proof.pem, record: { ...record, tokenSecret: newSecret } },
    plan,
    req.context
  );
  if (req.restart) await restartDeployments(hub, ns, plan, "read the new token");
  else
    warnings.push(
      warning(
        `hub ${hub.context}`,
        "not restarted (--no-restart): FlyteAdmin keeps using the old token, which is revoked now",
        "restart flyteadmin and syncresources right away"
      )
    );
  say(`deleting Secret ${ns}/${oldSecret}`);
  if (oldSecret !== newSecret) await deleteTokenSecret(m, ns, oldSecret, plan, "revokes the old token");
  say("verifying that the old token is rejected");
  const dead = await untilRejected(record.endpoint, oldToken, proof.pem, session.kube.timeoutMs, req.revokeTimeoutMs);
  if (dead.rejectedAfterMs !== void 0) {
    plan.record({
      target: record.endpoint,
      object: "old token",
      action: "check",
      note: `rejected by the API server (401) after ${(dead.rejectedAfterMs / 1e3).toFixed(1)} s`
    });
    return { oldSecret, newSecret, oldTokenRejectedAfterMs: dead.rejectedAfterMs, warnings };
  }
  if (dead.unverified) {
    warnings.push(warning(record.endpoint, `could not verify that the old token is rejected: ${dead.unverified}`, "check it by hand"));
    return { oldSecret, newSecret, warnings };
  }
  const holderNow = (await listTokenSecrets(m, ns)).find((s) => s.token === oldToken);
  throw new FlytemcError(
    [
      error(
        record.endpoint,
        `the old token of ServiceAccount ${ns}/${SERVICE_ACCOUNT} is still accepted ${Math.round(req.revokeTimeoutMs / 1e3)} s after its Secret was deleted${holderNow ? ` (Secret ${ns}/${holderNow.name} holds the same token)` : ""}`,
        holderNow ? `delete Secret ${ns}/${holderNow.name} in context ${req.context}` : "the API server may not look up legacy token Secrets (--service-account-lookup=false): delete and recreate ServiceAccount flyteadmin, then rejoin"
      )
    ],
    EXIT.failed
  );
}
export {
  rotateCluster
};
