#!/usr/bin/env node
import { createRequire as __flytemcCreateRequire } from 'node:module'; const require = __flytemcCreateRequire(import.meta.url);
import {
  probe
} from "./chunk-RKSPHI3Y.mjs";
import {
  clusterUid,
  ensureClusterRole,
  ensureClusterRoleBinding,
  ensureNamespace,
  ensureServiceAccount,
  ensureTokenSecret,
  identityProblem,
  readDataPlane,
  refuseDuplicate,
  waitForToken
} from "./chunk-QSV3TKLW.mjs";
import {
  checkEndpoint
} from "./chunk-Z2ITIDQJ.mjs";
import {
  DEFAULT_NEEDS,
  DEFAULT_TOKEN_SECRET,
  FLYTEADMIN_RULES,
  SERVICE_ACCOUNT,
  accessChecks,
  minimalRules
} from "./chunk-HSI6TMYY.mjs";
import {
  caKey,
  tokenKey
} from "./chunk-CMNDI7DY.mjs";
import {
  connect
} from "./chunk-V7OV2FKF.mjs";
import {
  EXIT
} from "./chunk-IVTEQ3JB.mjs";
import {
  FlytemcError,
  error
} from "./chunk-MLYTTTV6.mjs";

// plugin/cluster/join.ts
async function proveToken(endpoint, token, cas, timeoutMs, checks) {
  let last;
  const seen = /* @__PURE__ */ new Set();
  for (const ca of cas) {
    if (!ca.pem || seen.has(ca.pem.trim())) continue;
    seen.add(ca.pem.trim());
    const result = await probe(endpoint, token, ca.pem, { timeoutMs, ...checks ? { checks } : {} });
    last = { result, source: ca.source, pem: ca.pem };
    if (result.failed !== "tls") return last;
  }
  if (!last) throw new FlytemcError([error(endpoint, "no CA to verify the API server with: the kubeconfig names none and the token Secret has no ca.crt", "add certificate-authority-data to the kubeconfig cluster")], EXIT.failed);
  return last;
}
async function joinCluster(req, store, opts, plan) {
  const started = Date.now();
  const { namespace: ns } = opts;
  const say = (msg) => opts.progress.step(req.name, msg, req.context);
  say(`connecting to context ${req.context}`);
  const m = await connect(req.context, opts.kube);
  const endpoint = checkEndpoint(req.endpoint ?? m.server, `context ${req.context}`);
  const uid = await clusterUid(m);
  const creds = await store.read();
  refuseDuplicate(creds.records, req.name, uid, req.context, store.where);
  const known = creds.records[req.name];
  const warnings = [];
  const installed = await readDataPlane(m, ns);
  const identity = identityProblem(installed, req.name, req.context, req.force === true);
  if (identity?.severity === "error") throw new FlytemcError([identity], EXIT.failed);
  if (identity) warnings.push(identity);
  plan.record({
    target: req.context,
    object: installed.deployment ?? `flytepropeller in ${ns}`,
    action: installed.deployment ? "check" : "skip",
    note: !installed.deployment ? `not installed yet: install the data plane with --name ${req.name}` : identity ? `reports as cluster ${JSON.stringify(installed.clusterId)}, joined as ${JSON.stringify(req.name)} (--force)` : installed.clusterId === req.name ? `reports as cluster ${JSON.stringify(req.name)}` : `reports the default cluster id ${JSON.stringify(installed.clusterId || "propeller")}, which FlyteAdmin accepts`
  });
  say("ensuring ServiceAccount, RBAC and token Secret");
  const needs = req.needs ?? DEFAULT_NEEDS;
  await ensureNamespace(m, ns, plan);
  await ensureServiceAccount(m, ns, req.name, plan);
  await ensureClusterRole(m, ns, req.name, plan, req.rbac === "minimal" ? { rules: minimalRules(needs), minimal: true } : { rules: FLYTEADMIN_RULES, minimal: false });
  await ensureClusterRoleBinding(m, ns, req.name, plan);
  const tokenSecret = known?.tokenSecret ?? DEFAULT_TOKEN_SECRET;
  const exists = await ensureTokenSecret(m, ns, tokenSecret, req.name, plan);
  if (!exists) {
    plan.record({ target: req.context, object: `token of ServiceAccount ${ns}/${SERVICE_ACCOUNT}`, action: "skip", note: "would wait for the token controller, then prove the token before touching the hub" });
    plan.record({ target: store.target, object: `Secret ${ns}/${opts.secretName}`, action: creds.exists ? "update" : "create", note: `keys ${tokenKey(req.name)}, ${caKey(req.name)} (token issued on the real run)` });
    return { name: req.name, context: req.context, endpoint, hubChanged: true, warnings, ms: Date.now() - started };
  }
  say(`waiting for the token in Secret ${ns}/${tokenSecret}`);
  const issued = await waitForToken(m, ns, tokenSecret, opts.tokenTimeoutMs);
  say(`proving the token against ${endpoint}`);
  const checks = accessChecks(needs);
  const proof = await proveToken(endpoint, issued.token, [{ source: "kubeconfig", pem: m.caPem }, { source: "ca.crt", pem: issued.caCrt }], opts.kube.timeoutMs, checks);
  if (!proof.result.ok) {
    throw new FlytemcError([error(`cluster ${req.name} (${endpoint})`, `the token of ServiceAccount ${ns}/${SERVICE_ACCOUNT} does not work: ${proof.result.what}`, `${proof.result.fix ?? ""}; ${store.short} was not changed`)], EXIT.failed);
  }
  plan.record({ target: req.context, object: `token of ServiceAccount ${ns}/${SERVICE_ACCOUNT}`, action: "check", note: `ok: ${proof.result.user ?? "authenticated"} over TLS verified with the ${proof.source} CA; ${proof.result.permissionsBy ?? "permissions proven"}` });
  say(`writing ${tokenKey(req.name)} and ${caKey(req.name)} into ${store.short}`);
  const record = { uid, endpoint, tokenSecret, namespace: ns };
  const hubChanged = await store.upsert({ name: req.name, token: issued.token, caPem: proof.pem, record }, plan, req.context);
  say(hubChanged ? plan.dryRun ? `would update ${store.short}` : "joined" : "already joined: nothing changed");
  return { name: req.name, context: req.context, endpoint, hubChanged, caSource: proof.source, warnings, ms: Date.now() - started };
}

export {
  proveToken,
  joinCluster
};
