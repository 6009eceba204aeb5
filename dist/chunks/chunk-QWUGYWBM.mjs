#!/usr/bin/env node
import { createRequire as __flytemcCreateRequire } from 'node:module'; const require = __flytemcCreateRequire(import.meta.url);
import {
  TimeoutError,
  withTimeout,
  yamlOf
} from "./chunk-YBFDPERJ.mjs";
import {
  noted
} from "./chunk-AVEROJ5R.mjs";
import {
  trimSlashes
} from "./chunk-C2L5FP4Q.mjs";
import {
  EXIT,
  FlytemcError,
  error,
  formatProblem,
  redact,
  warning
} from "./chunk-PXOMBRJH.mjs";

// plugin/cluster/kube.ts
import { readFileSync } from "node:fs";

// plugin/cluster/kube-errors.ts
function statusCode(e) {
  const c = e?.code;
  return typeof c === "number" ? c : void 0;
}
var isNotFound = (e) => statusCode(e) === 404;
var isConflict = (e) => statusCode(e) === 409;
function serverMessage(e) {
  return redact(unmaskedServerMessage(e));
}
function unmaskedServerMessage(e) {
  const body = e?.body;
  let parsed = body;
  if (typeof body === "string") {
    try {
      parsed = JSON.parse(body);
    } catch {
      return body.slice(0, 300);
    }
  }
  const msg = parsed?.message;
  return typeof msg === "string" ? msg : e?.message ?? String(e);
}
function networkCode(e) {
  let cur = e;
  for (let i = 0; i < 5 && cur; i++) {
    const code = cur.code;
    if (typeof code === "string") return code;
    cur = cur.cause;
  }
  return void 0;
}
var isTlsCode = (code) => !!code && /CERT|SELF_SIGNED|TLS|SSL|UNABLE_TO|ALTNAME|ERR_OSSL/.test(code);
function describeNetworkError(code, server) {
  switch (code) {
    case "ECONNREFUSED":
      return { what: `connection refused by ${server}`, fix: "check that the API server runs and the URL/port is right" };
    case "ENOTFOUND":
    case "EAI_AGAIN":
      return { what: `cannot resolve the host of ${server}`, fix: "check the server URL and DNS" };
    case "ETIMEDOUT":
    case "ECONNRESET":
    case "EHOSTUNREACH":
    case "ENETUNREACH":
      return { what: `cannot reach ${server} (${code})`, fix: "check network access (VPN, firewall, private endpoint)" };
    default:
      if (isTlsCode(code)) {
        return {
          what: `TLS verification of ${server} failed (${code})`,
          fix: "the CA does not match the server certificate: fix certificate-authority(-data) in the kubeconfig"
        };
      }
      return { what: `cannot talk to ${server}${code ? ` (${code})` : ""}`, fix: "check the server URL and network access" };
  }
}
var UnreachableError = class extends FlytemcError {
};
function toProblem(kube, doing, e) {
  if (e instanceof FlytemcError) return e;
  const subject = noted(`context ${kube.context} (${kube.server})`, kube.tlsVerified !== false);
  if (e instanceof TimeoutError || e?.name === "AbortError")
    return new UnreachableError(
      [error({ subject, code: "cluster.unreachable" }, `${doing}: no answer within the timeout`, "check network access to the API server, or raise --timeout")],
      EXIT.failed
    );
  const code = statusCode(e);
  if (code === void 0) {
    const network = networkCode(e);
    const d = describeNetworkError(network, kube.server);
    return new UnreachableError(
      [error({ subject, code: isTlsCode(network) ? "cluster.tls" : "cluster.unreachable" }, `${doing}: ${d.what}`, d.fix)],
      EXIT.failed
    );
  }
  const msg = serverMessage(e);
  if (code === 401)
    return new FlytemcError(
      [
        error(
          { subject, code: "cluster.unauthorized" },
          `${doing}: the API server rejected the kubeconfig's credentials (${kube.userKind}): ${msg}`,
          "log in again (refresh the token or exec plugin credentials), then retry"
        )
      ],
      EXIT.failed
    );
  if (code === 403)
    return new FlytemcError(
      [
        error(
          { subject, code: "cluster.forbidden" },
          `${doing}: forbidden: ${msg}`,
          "use a context with cluster-admin rights (it must create ServiceAccounts, ClusterRoles, ClusterRoleBindings and Secrets)"
        )
      ],
      EXIT.failed
    );
  return new FlytemcError([error({ subject, code: "cluster.api" }, `${doing}: ${msg} (HTTP ${code})`, "see the API server message above")], EXIT.failed);
}

// plugin/cluster/kubeconfig.ts
import { existsSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
var loaded;
async function k8s() {
  loaded ??= await import("./dist-CCCXG5YN.mjs");
  return loaded;
}
function kubeconfigLabel(opts) {
  return opts.kubeconfig ?? process.env.KUBECONFIG ?? "~/.kube/config";
}
var IN_CLUSTER_TOKEN = "/var/run/secrets/kubernetes.io/serviceaccount/token";
function refuseNoKubeconfig(opts) {
  const home = join(process.env.HOME || homedir(), ".kube", "config");
  if (opts.kubeconfig || process.env.KUBECONFIG || existsSync(home) || existsSync(IN_CLUSTER_TOKEN)) return;
  throw new FlytemcError(
    [
      error(
        { subject: "~/.kube/config", code: "kubeconfig.missing" },
        "no kubeconfig: that file does not exist and neither --kubeconfig nor KUBECONFIG names another, so there is no cluster to talk to",
        "pass --kubeconfig PATH or set KUBECONFIG (your cloud writes one: aws eks update-kubeconfig, gcloud container clusters get-credentials)"
      )
    ],
    EXIT.usage
  );
}
function noSuchContext(kc, missing, opts) {
  const names = contextNames(kc);
  return new FlytemcError(
    [
      error(
        { subject: kubeconfigLabel(opts), code: "kubeconfig.context" },
        `no context ${missing.map((c) => JSON.stringify(c)).join(", ")}`,
        names.length ? `use one of: ${names.join(", ")}` : "the kubeconfig has no contexts; add one with kubectl config set-context"
      )
    ],
    EXIT.usage
  );
}
function refuseMissingContexts(kc, contexts, opts) {
  const missing = [...new Set(contexts)].filter((c) => !kc.getContextObject(c));
  if (missing.length) throw noSuchContext(kc, missing, opts);
}
async function loadKubeConfig(opts) {
  refuseNoKubeconfig(opts);
  const { KubeConfig } = await k8s();
  const kc = new KubeConfig();
  try {
    if (opts.kubeconfig) kc.loadFromFile(opts.kubeconfig);
    else kc.loadFromDefault();
  } catch (e) {
    throw new FlytemcError(
      [
        error(
          { subject: kubeconfigLabel(opts), code: "kubeconfig.unreadable" },
          `cannot read the kubeconfig: ${e.message}`,
          "pass --kubeconfig PATH or set KUBECONFIG"
        )
      ],
      EXIT.usage
    );
  }
  return kc;
}
function contextNames(kc) {
  return kc.getContexts().map((c) => c.name);
}
function skipsTlsVerification(cluster) {
  return cluster.skipTLSVerify === true;
}
function refuseUnverifiedTls(kc, contexts, opts, optIn = "--insecure-skip-tls-verify") {
  const bad = [];
  for (const context of contexts) {
    const ctx = kc.getContextObject(context);
    const cluster = ctx ? kc.getCluster(ctx.cluster) : null;
    if (cluster && skipsTlsVerification(cluster)) bad.push({ context, cluster });
  }
  if (bad.length && !opts.allowUnverifiedTls) {
    throw new FlytemcError(
      bad.map(
        ({ context, cluster }) => error(
          { subject: `${kubeconfigLabel(opts)} context ${context} (cluster ${cluster.name}, ${cluster.server})`, code: "cluster.tls" },
          `the cluster skips TLS verification (insecure-skip-tls-verify): flytemc would send your credentials to a server whose certificate it does not verify; nothing was sent`,
          `put the cluster CA in certificate-authority-data and remove insecure-skip-tls-verify; or, accepting the risk, pass ${optIn}`
        )
      ),
      EXIT.usage
    );
  }
  for (const { context, cluster } of bad) {
    if (opts.warned?.has(context)) continue;
    opts.warned?.add(context);
    process.stderr.write(
      formatProblem(
        warning(
          { subject: noted(`context ${context} (${cluster.server})`, false), code: "cluster.tls" },
          `the cluster skips TLS verification (insecure-skip-tls-verify), allowed by ${optIn}: your credentials go to a server whose certificate is not verified`,
          "put the cluster CA in certificate-authority-data and remove insecure-skip-tls-verify"
        )
      ) + "\n"
    );
  }
  return new Set(bad.map((b) => b.context));
}
async function checkHelmContext(helmArgs) {
  const flag = (name) => {
    const i = helmArgs.findIndex((a2) => a2 === name || a2.startsWith(`${name}=`));
    if (i < 0) return void 0;
    const a = helmArgs[i];
    return a.includes("=") ? a.slice(a.indexOf("=") + 1) : helmArgs[i + 1];
  };
  if (flag("--kube-apiserver") !== void 0 || process.env.HELM_KUBEAPISERVER) return;
  const optIn = "--kube-insecure-skip-tls-verify";
  const allowed = helmArgs.some((a) => a === optIn || a === `${optIn}=true`);
  const kubeconfig = flag("--kubeconfig");
  const opts = { ...kubeconfig ? { kubeconfig } : {}, timeoutMs: 0, ...allowed ? { allowUnverifiedTls: true } : {} };
  const kc = await loadKubeConfig(opts);
  const context = flag("--kube-context") ?? process.env.HELM_KUBECONTEXT ?? kc.getCurrentContext();
  if (!context) {
    const names = contextNames(kc);
    throw new FlytemcError(
      [
        error(
          { subject: kubeconfigLabel(opts), code: "kubeconfig.context" },
          "no current context, and no --kube-context",
          names.length ? `pass --kube-context, one of: ${names.join(", ")}` : "add a context with kubectl config set-context"
        )
      ],
      EXIT.usage
    );
  }
  refuseMissingContexts(kc, [context], opts);
  refuseUnverifiedTls(kc, [context], opts, `Helm's ${optIn}`);
}

// plugin/cluster/kube.ts
function withDeadline(request, timeoutMs) {
  if (timeoutMs > 0) request.setSignal(AbortSignal.timeout(timeoutMs));
  return request;
}
function contextCluster(kc, context, opts) {
  const ctx = kc.getContextObject(context);
  if (!ctx) throw noSuchContext(kc, [context], opts);
  const cluster = kc.getCluster(ctx.cluster);
  if (cluster) return { ctx, cluster };
  const message = `context ${context} names cluster ${JSON.stringify(ctx.cluster)}, which the kubeconfig does not define`;
  throw new FlytemcError(
    [error({ subject: kubeconfigLabel(opts), code: "kubeconfig.cluster" }, message, "fix the kubeconfig (kubectl config view)")],
    EXIT.usage
  );
}
function caOf(cluster, opts) {
  if (cluster.caData) return Buffer.from(cluster.caData, "base64").toString("utf8");
  if (!cluster.caFile) return void 0;
  try {
    return readFileSync(cluster.caFile, "utf8");
  } catch (e) {
    const message = `cannot read certificate-authority ${cluster.caFile}: ${e.code ?? String(e)}`;
    throw new FlytemcError(
      [error({ subject: `${kubeconfigLabel(opts)} cluster ${cluster.name}`, code: "kubeconfig.ca" }, message, "fix the path in the kubeconfig")],
      EXIT.usage
    );
  }
}
function userKindOf(user) {
  if (!user) return "none";
  if (user.exec) return "exec plugin";
  if (user.authProvider) return "auth provider";
  if (user.certData || user.certFile) return "client certificate";
  if (user.token) return "token";
  return user.username ? "basic auth" : "none";
}
async function connect(context, opts) {
  const mod = await k8s();
  const kc = await loadKubeConfig(opts);
  const { ctx, cluster } = contextCluster(kc, context, opts);
  kc.setCurrentContext(context);
  const tlsVerified = !refuseUnverifiedTls(kc, [context], opts).has(context);
  const caPem = caOf(cluster, opts);
  const config = mod.createConfiguration({
    baseServer: new mod.ServerConfiguration(cluster.server, {}),
    authMethods: { default: kc },
    promiseMiddleware: [{ pre: async (request) => withDeadline(request, opts.timeoutMs), post: async (response) => response }]
  });
  const kube = {
    context,
    server: trimSlashes(cluster.server),
    ...caPem !== void 0 ? { caPem } : {},
    tlsVerified,
    userKind: userKindOf(kc.getUser(ctx.user)),
    core: new mod.CoreV1Api(config),
    rbac: new mod.RbacAuthorizationV1Api(config),
    apps: new mod.AppsV1Api(config),
    coordination: new mod.CoordinationV1Api(config),
    networking: new mod.NetworkingV1Api(config),
    authz: new mod.AuthorizationV1Api(config),
    timeoutMs: opts.timeoutMs,
    call: (doing, fn) => apiCall(kube, doing, fn)
  };
  return kube;
}
function readOrAbsent(k, doing, read) {
  return k.call(doing, async () => {
    try {
      return await read();
    } catch (e) {
      if (isNotFound(e)) return void 0;
      throw e;
    }
  });
}
async function createOrExisting(k, doing, create) {
  await k.call(doing, async () => {
    try {
      await create();
    } catch (e) {
      if (!isConflict(e)) throw e;
    }
  });
}
async function deleteOrAbsent(k, doing, del) {
  await k.call(doing, async () => {
    try {
      await del();
    } catch (e) {
      if (!isNotFound(e)) throw e;
    }
  });
}
async function ensureNamespace(k, ns, plan, target = k.context) {
  const have = await readOrAbsent(k, `reading namespace ${ns}`, () => k.core.readNamespace({ name: ns }));
  if (have) {
    plan.record({ target, object: `Namespace ${ns}`, action: "unchanged" });
    return;
  }
  const body = { apiVersion: "v1", kind: "Namespace", metadata: { name: ns } };
  await plan.apply(
    { target, object: `Namespace ${ns}`, action: "create", after: yamlOf(body) },
    () => createOrExisting(k, `creating namespace ${ns}`, () => k.core.createNamespace({ body }))
  );
}
async function apiCall(kube, doing, fn) {
  try {
    return await withTimeout(fn(), kube.timeoutMs, doing);
  } catch (e) {
    throw toProblem(kube, doing, e);
  }
}

export {
  statusCode,
  isConflict,
  serverMessage,
  isTlsCode,
  describeNetworkError,
  UnreachableError,
  toProblem,
  refuseMissingContexts,
  loadKubeConfig,
  refuseUnverifiedTls,
  checkHelmContext,
  connect,
  readOrAbsent,
  createOrExisting,
  deleteOrAbsent,
  ensureNamespace
};
