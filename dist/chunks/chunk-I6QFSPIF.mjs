#!/usr/bin/env node
import { createRequire as __flytemcCreateRequire } from 'node:module'; const require = __flytemcCreateRequire(import.meta.url);
import {
  ACCESS_CHECKS,
  gr,
  missingByKind,
  rulesCover
} from "./chunk-LPW2GZIF.mjs";
import {
  connect,
  describeNetworkError,
  isTlsCode,
  loadKubeConfig,
  refuseMissingContexts,
  refuseUnverifiedTls
} from "./chunk-QWUGYWBM.mjs";
import {
  Plan,
  mapLimit,
  sleep
} from "./chunk-YBFDPERJ.mjs";
import {
  noted,
  targetContext
} from "./chunk-AVEROJ5R.mjs";
import {
  kubeContextSetting
} from "./chunk-MYO4P6B7.mjs";
import {
  progressEnabled
} from "./chunk-PWPBOTUG.mjs";
import {
  EXIT,
  FlytemcError,
  UsageError,
  error,
  redact
} from "./chunk-PXOMBRJH.mjs";

// plugin/cluster/probe.ts
import * as https from "node:https";
function request2(c, path, body) {
  const url = new URL(path, c.endpoint.endsWith("/") ? c.endpoint : c.endpoint + "/");
  const payload = body === void 0 ? void 0 : Buffer.from(JSON.stringify(body));
  const auth = payload ? { Authorization: `Bearer ${c.token}`, "Content-Type": "application/json", "Content-Length": payload.length } : {};
  return new Promise((resolve, reject) => {
    const req = https.request(
      url,
      { method: payload ? "POST" : "GET", agent: c.agent, timeout: c.timeoutMs, headers: { ...auth, Accept: "application/json", "User-Agent": "flytemc" } },
      (res) => {
        const chunks = [];
        res.on("data", (b) => chunks.push(b));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") }));
        res.on("error", reject);
      }
    );
    req.on("timeout", () => req.destroy(Object.assign(new Error("timeout"), { code: "ETIMEDOUT" })));
    req.on("error", reject);
    req.end(payload);
  });
}
var agentFor = (caPem, keepAlive) => new https.Agent({ keepAlive, maxSockets: 8, ca: caPem, rejectUnauthorized: true });
var isPem = (pem) => pem.includes("-----BEGIN CERTIFICATE-----");
async function rulesGrantAll(c, checks) {
  try {
    const a = await request2(c, "apis/authorization.k8s.io/v1/selfsubjectrulesreviews", {
      apiVersion: "authorization.k8s.io/v1",
      kind: "SelfSubjectRulesReview",
      spec: { namespace: `flytemc-probe-${Math.random().toString(36).slice(2, 10)}` }
    });
    if (a.status < 200 || a.status >= 300) return false;
    const status = JSON.parse(a.body).status;
    if (status?.incomplete !== false) return false;
    const rules = (status.resourceRules ?? []).map((x) => ({ apiGroups: x.apiGroups ?? [], resources: x.resources ?? [], verbs: x.verbs ?? [] }));
    return checks.every((k) => rulesCover(rules, [{ apiGroups: [k.group], resources: [k.resource], verbs: [k.verb] }]));
  } catch {
    return false;
  }
}
async function probe(endpoint, token, caPem, opts) {
  const started = Date.now();
  const r = { ok: false, reachable: false, tls: false, authenticated: false, permissions: false, missing: [], missingKinds: [], ms: 0 };
  const done = (failed, what, fix) => {
    r.ms = Date.now() - started;
    r.ok = failed === void 0;
    if (failed) r.failed = failed;
    if (what) r.what = redact(what);
    if (fix) r.fix = fix;
    return r;
  };
  if (!isPem(caPem))
    return done(
      "tls",
      "the CA is not a PEM certificate",
      "the CA must be the PEM of the cluster CA (the kubeconfig certificate-authority-data, decoded, or the token Secret ca.crt)"
    );
  const c = { agent: agentFor(caPem, true), endpoint, token, timeoutMs: opts.timeoutMs };
  try {
    const stopped = await whoAmI(c, r, done);
    if (stopped) return stopped;
    return opts.permissions === false ? done(void 0) : await permissions(c, opts.checks ?? ACCESS_CHECKS, r, done);
  } finally {
    c.agent.destroy();
  }
}
async function whoAmI(c, r, done) {
  let who;
  try {
    who = await request2(c, "apis/authentication.k8s.io/v1/selfsubjectreviews", { apiVersion: "authentication.k8s.io/v1", kind: "SelfSubjectReview" });
  } catch (e) {
    const code = e.code;
    if (!isTlsCode(code)) {
      const d = describeNetworkError(code, c.endpoint);
      return done("reachable", d.what, d.fix);
    }
    r.reachable = true;
    return done(
      "tls",
      `TLS verification failed with the given CA (${code})`,
      "the CA does not sign the API server certificate for this endpoint: use the cluster CA (certificate-authority-data of the kubeconfig, or ca.crt of the token Secret), and an endpoint name the certificate covers"
    );
  }
  r.reachable = true;
  r.tls = true;
  if (who.status === 401)
    return done(
      "token",
      "the API server rejects the token (401 Unauthorized)",
      "the token is revoked, expired or from another cluster: rejoin or rotate (flytemc rotate CONTEXT --name NAME)"
    );
  if (who.status >= 200 && who.status < 300) r.user = userOf(who.body);
  else if (who.status !== 404 && who.status !== 403)
    return done(
      "token",
      `unexpected answer ${who.status} to a SelfSubjectReview: ${who.body.slice(0, 200)}`,
      "check that the endpoint is a Kubernetes API server"
    );
  r.authenticated = true;
  return void 0;
}
function userOf(body) {
  try {
    return JSON.parse(body).status?.userInfo?.username;
  } catch {
    return void 0;
  }
}
async function allowed(c, k) {
  const a = await request2(c, "apis/authorization.k8s.io/v1/selfsubjectaccessreviews", {
    apiVersion: "authorization.k8s.io/v1",
    kind: "SelfSubjectAccessReview",
    spec: { resourceAttributes: { group: k.group, resource: k.resource, verb: k.verb } }
  });
  if (a.status === 401) throw Object.assign(new Error("401"), { unauthorized: true });
  if (a.status < 200 || a.status >= 300) throw new Error(`HTTP ${a.status}: ${a.body.slice(0, 200)}`);
  return JSON.parse(a.body).status?.allowed === true;
}
async function permissions(c, checks, r, done) {
  if (await rulesGrantAll(c, checks)) {
    r.permissions = true;
    r.permissionsBy = `one SelfSubjectRulesReview grants all ${checks.length} (resource, verb) pairs FlyteAdmin uses`;
    return done(void 0);
  }
  const results = await mapLimit(checks, 16, (k) => allowed(c, k));
  const missing = [];
  for (const [i, res] of results.entries()) {
    const k = checks[i];
    if (res.status === "fulfilled") {
      if (!res.value) missing.push(k);
    } else if (res.reason.unauthorized) {
      r.authenticated = false;
      return done("token", "the API server rejects the token (401 Unauthorized)", "the token is revoked or expired: rejoin or rotate");
    } else return done("permissions", `cannot review access for ${k.verb} ${gr(k)}: ${res.reason.message}`, "check the API server");
  }
  if (!missing.length) {
    r.permissions = true;
    r.permissionsBy = `all ${checks.length} SelfSubjectAccessReviews allowed (the rules review was incomplete or did not grant everything)`;
    return done(void 0);
  }
  r.missing = missing.map((k) => `${k.verb} ${gr(k)}`);
  r.missingKinds = missingByKind(missing);
  const shown = r.missingKinds.map((k) => `${k.kind} (${k.resource}): ${k.verbs.join(", ")}`).join("; ");
  return done(
    "permissions",
    `${r.user ?? "the token"} may not, of what FlyteAdmin needs (${missing.length} of ${checks.length} access reviews denied): ${shown}`,
    "bind the ServiceAccount to ClusterRole <namespace>-flyteadmin (rerun flytemc join, which creates it; `flytemc rbac -f <control-plane values>` prints the minimal rules)"
  );
}
async function reachServer(endpoint, caPem, timeoutMs) {
  if (!caPem.includes("-----BEGIN CERTIFICATE-----"))
    return { reachable: false, tls: false, what: "the CA is not a PEM certificate", fix: `put the cluster CA (PEM) into the hub Secret: rerun flytemc join` };
  const agent = agentFor(caPem, false);
  try {
    await request2({ agent, endpoint, token: "", timeoutMs }, "version");
    return { reachable: true, tls: true };
  } catch (e) {
    const code = e.code;
    if (isTlsCode(code))
      return {
        reachable: true,
        tls: false,
        what: `TLS verification failed with the given CA (${code})`,
        fix: "the CA does not sign the API server certificate for this endpoint: rejoin the cluster (flytemc join) to put its CA into the hub Secret"
      };
    return { reachable: false, tls: false, ...describeNetworkError(code, endpoint) };
  } finally {
    agent.destroy();
  }
}

// plugin/cluster/prove.ts
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
  if (!last)
    throw new FlytemcError(
      [
        error(
          { subject: endpoint, code: "cluster.ca" },
          "no CA to verify the API server with: the kubeconfig names none and the token Secret has no ca.crt",
          "add certificate-authority-data to the kubeconfig cluster"
        )
      ],
      EXIT.failed
    );
  return last;
}
async function untilRejected(endpoint, token, caPem, timeoutMs, untilMs) {
  const started = Date.now();
  for (; ; ) {
    const r = await probe(endpoint, token, caPem, { timeoutMs, permissions: false });
    if (r.failed === "token") return { rejectedAfterMs: Date.now() - started };
    if (r.failed && r.failed !== "permissions") return { unverified: r.what ?? r.failed };
    if (Date.now() - started > untilMs) return {};
    await sleep(500);
  }
}

// plugin/cluster/session.ts
var REAL_REACH = { connect, proveToken, untilRejected, reachServer };
var notedIn = (s, where, context) => noted(where, !s.unverified?.has(context));
var Progress = class {
  constructor(enabled = progressEnabled(), unverified = /* @__PURE__ */ new Set()) {
    this.unverified = unverified;
    this.enabled = enabled;
  }
  enabled;
  started = Date.now();
  /** `context`: the kubeconfig context the step talks to, when `target` is a cluster name. */
  step(target, msg, context) {
    if (!this.enabled) return;
    const t = ((Date.now() - this.started) / 1e3).toFixed(1).padStart(5);
    const tag = noted(`[${target}]`, !this.unverified.has(context ?? targetContext(target)));
    process.stderr.write(`${t}s ${tag} ${msg}
`);
  }
  change(c, dryRun) {
    if (c.action === "unchanged" || c.action === "absent") return;
    this.step(c.target, `${dryRun && c.action !== "check" && c.action !== "skip" ? "would " : ""}${c.action} ${c.object}${c.note ? ` (${c.note})` : ""}`);
  }
};
function hubContextOf(flag, currentContext, required) {
  const set = kubeContextSetting(flag);
  if (set) return set.value;
  if (process.env.HELM_PLUGIN_NAME || !required) {
    const cur = currentContext();
    if (cur) return cur;
  }
  throw new UsageError("say which cluster is the control plane (hub): --kube-context HUB (under `helm flytemc` it defaults to Helm's current context)");
}
async function openSession(o) {
  const kc = await loadKubeConfig(o.kube);
  const hubContext = o.withHub ? hubContextOf(o.kubeContext, () => kc.getCurrentContext(), true) : o.kubeContext ?? "(none: --secret-out)";
  const contexts = o.withHub ? [hubContext, ...o.members] : o.members;
  refuseMissingContexts(kc, contexts, o.kube);
  const unverified = refuseUnverifiedTls(kc, contexts, o.kube);
  const progress = new Progress(progressEnabled(), unverified);
  const plan = new Plan(o.dryRun, (ch) => progress.change(ch, o.dryRun), unverified);
  const hub = o.withHub ? await connect(hubContext, o.kube) : void 0;
  return {
    kube: o.kube,
    hubContext,
    namespace: o.namespace,
    namespaceFrom: o.namespaceFrom,
    secretName: o.secretName,
    dryRun: o.dryRun,
    tokenTimeoutMs: o.tokenTimeoutMs,
    progress,
    plan,
    ...hub ? { hub } : {},
    reach: REAL_REACH,
    unverified
  };
}

export {
  REAL_REACH,
  notedIn,
  Progress,
  hubContextOf,
  openSession
};
