#!/usr/bin/env node
import { createRequire as __flytemcCreateRequire } from 'node:module'; const require = __flytemcCreateRequire(import.meta.url);
import {
  ACCESS_CHECKS,
  gr,
  missingByKind,
  rulesCover
} from "./chunk-LPW2GZIF.mjs";
import {
  kubeContextSetting
} from "./chunk-BJF2IVWH.mjs";
import {
  progressEnabled
} from "./chunk-QZFYKPST.mjs";
import {
  connect,
  describeNetworkError,
  loadKubeConfig,
  refuseMissingContexts,
  refuseUnverifiedTls
} from "./chunk-KEIB36ZM.mjs";
import {
  Plan,
  mapLimit,
  sleep
} from "./chunk-W4X4OBCU.mjs";
import {
  EXIT,
  FlytemcError,
  UsageError,
  error,
  marked,
  redact
} from "./chunk-PGTI4LGT.mjs";

// plugin/cluster/probe.ts
import * as https from "node:https";
function request2(agent, endpoint, path, token, caPem, body, timeoutMs) {
  const url = new URL(path, endpoint.endsWith("/") ? endpoint : endpoint + "/");
  const payload = body === void 0 ? void 0 : Buffer.from(JSON.stringify(body));
  return new Promise((resolve, reject) => {
    const req = https.request(
      url,
      {
        method: payload ? "POST" : "GET",
        ca: caPem,
        rejectUnauthorized: true,
        agent,
        timeout: timeoutMs,
        headers: {
          ...payload ? { Authorization: `Bearer ${token}`, "Content-Type": "application/json", "Content-Length": payload.length } : {},
          Accept: "application/json",
          "User-Agent": "flytemc"
        }
      },
      (res) => {
        const chunks = [];
        res.on("data", (c) => chunks.push(c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") }));
        res.on("error", reject);
      }
    );
    req.on("timeout", () => req.destroy(Object.assign(new Error("timeout"), { code: "ETIMEDOUT" })));
    req.on("error", reject);
    req.end(payload);
  });
}
async function rulesGrantAll(agent, endpoint, token, caPem, timeoutMs, checks) {
  try {
    const a = await request2(
      agent,
      endpoint,
      "apis/authorization.k8s.io/v1/selfsubjectrulesreviews",
      token,
      caPem,
      {
        apiVersion: "authorization.k8s.io/v1",
        kind: "SelfSubjectRulesReview",
        spec: { namespace: `flytemc-probe-${Math.random().toString(36).slice(2, 10)}` }
      },
      timeoutMs
    );
    if (a.status < 200 || a.status >= 300) return false;
    const status = JSON.parse(a.body).status;
    if (status?.incomplete !== false) return false;
    const rules = (status.resourceRules ?? []).map((x) => ({ apiGroups: x.apiGroups ?? [], resources: x.resources ?? [], verbs: x.verbs ?? [] }));
    return checks.every((c) => rulesCover(rules, [{ apiGroups: [c.group], resources: [c.resource], verbs: [c.verb] }]));
  } catch {
    return false;
  }
}
var isTlsCode = (code) => !!code && /CERT|SELF_SIGNED|TLS|SSL|UNABLE_TO|ALTNAME|ERR_OSSL/.test(code);
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
  if (!caPem.includes("-----BEGIN CERTIFICATE-----")) {
    return done(
      "tls",
      "the CA is not a PEM certificate",
      "the CA must be the PEM of the cluster CA (the kubeconfig certificate-authority-data, decoded, or the token Secret ca.crt)"
    );
  }
  const agent = new https.Agent({ keepAlive: true, maxSockets: 8, ca: caPem, rejectUnauthorized: true });
  try {
    return await probeWith(agent, endpoint, token, caPem, opts, r, done);
  } finally {
    agent.destroy();
  }
}
async function probeWith(agent, endpoint, token, caPem, opts, r, done) {
  let who;
  try {
    who = await request2(
      agent,
      endpoint,
      "apis/authentication.k8s.io/v1/selfsubjectreviews",
      token,
      caPem,
      { apiVersion: "authentication.k8s.io/v1", kind: "SelfSubjectReview" },
      opts.timeoutMs
    );
  } catch (e) {
    const code = e.code;
    if (isTlsCode(code)) {
      r.reachable = true;
      return done(
        "tls",
        `TLS verification failed with the given CA (${code})`,
        "the CA does not sign the API server certificate for this endpoint: use the cluster CA (certificate-authority-data of the kubeconfig, or ca.crt of the token Secret), and an endpoint name the certificate covers"
      );
    }
    const d = describeNetworkError(code, endpoint);
    return done("reachable", d.what, d.fix);
  }
  r.reachable = true;
  r.tls = true;
  if (who.status === 401)
    return done(
      "token",
      "the API server rejects the token (401 Unauthorized)",
      "the token is revoked, expired or from another cluster: rejoin or rotate (flytemc rotate CONTEXT --name NAME)"
    );
  if (who.status === 404) {
  } else if (who.status >= 200 && who.status < 300) {
    try {
      r.user = JSON.parse(who.body).status?.userInfo?.username;
    } catch {
    }
  } else if (who.status !== 403) {
    return done(
      "token",
      `unexpected answer ${who.status} to a SelfSubjectReview: ${who.body.slice(0, 200)}`,
      "check that the endpoint is a Kubernetes API server"
    );
  }
  r.authenticated = true;
  if (opts.permissions === false) return done(void 0);
  const checks = opts.checks ?? ACCESS_CHECKS;
  if (await rulesGrantAll(agent, endpoint, token, caPem, opts.timeoutMs, checks)) {
    r.permissions = true;
    r.permissionsBy = `one SelfSubjectRulesReview grants all ${checks.length} (resource, verb) pairs FlyteAdmin uses`;
    return done(void 0);
  }
  const results = await mapLimit(checks, 16, async (c) => {
    const a = await request2(
      agent,
      endpoint,
      "apis/authorization.k8s.io/v1/selfsubjectaccessreviews",
      token,
      caPem,
      {
        apiVersion: "authorization.k8s.io/v1",
        kind: "SelfSubjectAccessReview",
        spec: { resourceAttributes: { group: c.group, resource: c.resource, verb: c.verb } }
      },
      opts.timeoutMs
    );
    if (a.status === 401) throw Object.assign(new Error("401"), { unauthorized: true });
    if (a.status < 200 || a.status >= 300) throw new Error(`HTTP ${a.status}: ${a.body.slice(0, 200)}`);
    return JSON.parse(a.body).status?.allowed === true;
  });
  const missing = [];
  for (let i = 0; i < results.length; i++) {
    const res = results[i];
    const c = checks[i];
    if (res.status === "rejected") {
      if (res.reason.unauthorized) {
        r.authenticated = false;
        return done("token", "the API server rejects the token (401 Unauthorized)", "the token is revoked or expired: rejoin or rotate");
      }
      return done("permissions", `cannot review access for ${c.verb} ${gr(c)}: ${res.reason.message}`, "check the API server");
    }
    if (!res.value) missing.push(c);
  }
  if (missing.length) {
    r.missing = missing.map((c) => `${c.verb} ${gr(c)}`);
    r.missingKinds = missingByKind(missing);
    const shown = r.missingKinds.map((k) => `${k.kind} (${k.resource}): ${k.verbs.join(", ")}`).join("; ");
    return done(
      "permissions",
      `${r.user ?? "the token"} may not, of what FlyteAdmin needs (${missing.length} of ${checks.length} access reviews denied): ${shown}`,
      "bind the ServiceAccount to ClusterRole <namespace>-flyteadmin (rerun flytemc join, which creates it; `flytemc rbac -f <control-plane values>` prints the minimal rules)"
    );
  }
  r.permissions = true;
  r.permissionsBy = `all ${checks.length} SelfSubjectAccessReviews allowed (the rules review was incomplete or did not grant everything)`;
  return done(void 0);
}
async function reachServer(endpoint, caPem, timeoutMs) {
  if (!caPem.includes("-----BEGIN CERTIFICATE-----"))
    return { reachable: false, tls: false, what: "the CA is not a PEM certificate", fix: `put the cluster CA (PEM) into the hub Secret: rerun flytemc join` };
  const agent = new https.Agent({ ca: caPem, rejectUnauthorized: true });
  try {
    await request2(agent, endpoint, "version", "", caPem, void 0, timeoutMs);
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
          endpoint,
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
var Progress = class {
  enabled;
  started = Date.now();
  constructor(enabled = progressEnabled()) {
    this.enabled = enabled;
  }
  /** `context`: the kubeconfig context the step talks to, when `target` is a cluster name. */
  step(target, msg, context) {
    if (!this.enabled) return;
    const t = ((Date.now() - this.started) / 1e3).toFixed(1).padStart(5);
    const note = /\[[^\]]+\]$/.exec(marked(context ?? target))?.[0];
    process.stderr.write(`${t}s [${target}]${note ? ` ${note}` : ""} ${msg}
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
  refuseUnverifiedTls(kc, contexts, o.kube);
  const progress = new Progress();
  const plan = new Plan(o.dryRun, (ch) => progress.change(ch, o.dryRun));
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
    reach: REAL_REACH
  };
}

export {
  REAL_REACH,
  Progress,
  hubContextOf,
  openSession
};
