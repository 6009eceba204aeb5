#!/usr/bin/env node
import { createRequire as __flytemcCreateRequire } from 'node:module'; const require = __flytemcCreateRequire(import.meta.url);
import {
  clustersDeployed,
  clustersFromFile,
  everyCluster,
  fromRecord,
  recordsSource
} from "./chunk-NKAH47CX.mjs";
import {
  needsFor
} from "./chunk-PJA3KWT7.mjs";
import {
  hubElsewhere,
  hubGrpcRoutes,
  hubStorage,
  readConfigMap
} from "./chunk-TWYTLRT5.mjs";
import {
  DEFAULT_CLUSTER_ID,
  clusterUid,
  deniedTo,
  propellerElsewhere,
  readCredentials,
  readDataPlane
} from "./chunk-6Z6ZYMU5.mjs";
import {
  describeStorage,
  storageDifferences,
  storageOfConfig
} from "./chunk-Q6QQLQ23.mjs";
import {
  flyteadminDeployments
} from "./chunk-QRMUNPSA.mjs";
import {
  REAL_REACH,
  hubContextOf
} from "./chunk-I6QFSPIF.mjs";
import {
  assignPorts,
  isProxied,
  kubeconfigKey,
  realEndpoint,
  sidecarName,
  wire
} from "./chunk-4MI52BG5.mjs";
import {
  IN_CLUSTER_ADMIN,
  inClusterService
} from "./chunk-EMYUWFA7.mjs";
import {
  DEFAULT_CREDENTIALS,
  caKey,
  tokenKey
} from "./chunk-CMNDI7DY.mjs";
import {
  DEFAULT_NEEDS,
  accessChecks,
  clusterRoleName,
  missingByKind
} from "./chunk-LPW2GZIF.mjs";
import {
  loadKubeConfig,
  readOrAbsent
} from "./chunk-QWUGYWBM.mjs";
import {
  mapLimit
} from "./chunk-YBFDPERJ.mjs";
import "./chunk-AVEROJ5R.mjs";
import "./chunk-MYO4P6B7.mjs";
import "./chunk-PWPBOTUG.mjs";
import "./chunk-RMH2B4TR.mjs";
import {
  parseUntrusted
} from "./chunk-SMKU2DWZ.mjs";
import {
  isObject
} from "./chunk-4VJRSWY5.mjs";
import {
  readText
} from "./chunk-FIS3OFIC.mjs";
import {
  STREAM_INPUT
} from "./chunk-QVD5WBXB.mjs";
import {
  trimSlashes
} from "./chunk-C2L5FP4Q.mjs";
import "./chunk-QI4TXXNF.mjs";
import {
  EXIT,
  FlytemcError,
  error,
  redact
} from "./chunk-PXOMBRJH.mjs";
import "./chunk-IVYUDTSF.mjs";
import "./chunk-GPAN37FC.mjs";

// plugin/cluster/check-hub.ts
import { basename } from "node:path";

// plugin/cluster/check-report.ts
var blankRow = (c) => ({
  name: c.name,
  endpoint: c.endpoint ?? "",
  enabled: c.enabled === true,
  reachable: false,
  tls: false,
  authenticated: false,
  permissions: false,
  verdict: "fail",
  findings: [],
  ms: 0
});
var failed = (findings) => findings.some((f) => f.ok === false);

// plugin/cluster/proxy-status.ts
function proxyLogProblem(log, name) {
  const lines = log.split("\n");
  const missing = /(?:getting|refreshing) credentials: exec: executable (\S+) not found/.exec(log);
  if (missing)
    return {
      problem: `the credential proxy of ${name} cannot run its exec plugin: ${missing[1]} is not in its image (kubectl proxy: "exec: executable ${missing[1]} not found"), so every request of FlyteAdmin to ${name} fails`,
      fix: `use an image with ${missing[1]} on its PATH (multicluster.credentialProxy.image, or credentialProxy.image of ${name}), then upgrade the control plane`
    };
  const failed2 = /(?:getting|refreshing) credentials: exec: executable (\S+) failed with exit code (\d+)/.exec(log);
  if (failed2) {
    const at = lines.findIndex((l) => l.includes(failed2[0]));
    const said = lines.slice(Math.max(0, at - 3), at).filter((l) => l.trim() && !/^[EIW]\d{4} /.test(l) && !l.startsWith("Starting to serve on")).join(" ").trim();
    return {
      problem: `the exec plugin of ${name}'s credential proxy fails (${failed2[1]} exit code ${failed2[2]}${said ? `: ${redact(said).slice(0, 300)}` : ""}), so every request of FlyteAdmin to ${name} fails`,
      fix: `check the pods' identity: the ServiceAccount's role annotation (IRSA: eks.amazonaws.com/role-arn; GKE: iam.gke.io/gcp-service-account) and the cloud side join printed for ${name} (flytemc join ... --auth ... --dry-run shows it again)`
    };
  }
  const other = /(?:getting|refreshing) credentials: (.*)$/m.exec(log);
  if (other)
    return {
      problem: `the credential proxy of ${name} gets no credentials: ${redact(other[1]).slice(0, 300)}`,
      fix: `fix credentialProxy.exec of ${name} (apiVersion, command, args) and upgrade the control plane`
    };
  return void 0;
}
function templateProblem(d, c) {
  const init = d.spec?.template?.spec?.initContainers ?? [];
  const name = sidecarName(c.name);
  const i = init.findIndex((x) => x.name === name);
  const what = `Deployment ${d.metadata?.namespace}/${d.metadata?.name}`;
  if (i < 0) return `${what} has no credential proxy for ${c.name} (init container ${name}): FlyteAdmin's requests to ${c.endpoint} reach nothing`;
  const s = init[i];
  if (s.restartPolicy !== "Always") return `${what}: ${name} is not a native sidecar (restartPolicy: Always), so it ends before FlyteAdmin starts`;
  const before = init.slice(0, i).find((x) => x.restartPolicy !== "Always");
  if (before) return `${what}: ${name} starts after init container ${before.name}, which may need it`;
  if (!s.startupProbe) return `${what}: ${name} has no startup probe, so the next init container may start before the proxy listens`;
  return void 0;
}
function kubeconfigProblem(text, c, where) {
  if (text === void 0) return `${where} has no ${kubeconfigKey(c.name)}, the credential proxy's kubeconfig`;
  let kc;
  try {
    kc = parseUntrusted(text, `${where} ${kubeconfigKey(c.name)}`, STREAM_INPUT);
  } catch {
    return `${where} ${kubeconfigKey(c.name)} is not YAML`;
  }
  const cluster = isObject(kc) && Array.isArray(kc.clusters) && isObject(kc.clusters[0]) && isObject(kc.clusters[0].cluster) ? kc.clusters[0].cluster : {};
  const user = isObject(kc) && Array.isArray(kc.users) && isObject(kc.users[0]) && isObject(kc.users[0].user) ? kc.users[0].user : {};
  if (cluster["insecure-skip-tls-verify"] === true)
    return `${where} ${kubeconfigKey(c.name)} skips TLS verification (insecure-skip-tls-verify): the proxy would send short-lived credentials to whatever answers`;
  if (!cluster["certificate-authority"] && !cluster["certificate-authority-data"])
    return `${where} ${kubeconfigKey(c.name)} names no CA to verify ${c.credentialProxy.server} with`;
  if (!isObject(user.exec) || typeof user.exec.command !== "string") return `${where} ${kubeconfigKey(c.name)} names no exec plugin`;
  return void 0;
}
async function podsProblem(hub, d, c) {
  const ns = d.metadata?.namespace ?? "";
  const selector = Object.entries(d.spec?.selector?.matchLabels ?? {}).map(([k, v]) => `${k}=${v}`).join(",");
  let pods;
  try {
    pods = (await hub.call(`listing the pods of Deployment ${ns}/${d.metadata?.name}`, () => hub.core.listNamespacedPod({ namespace: ns, labelSelector: selector }))).items;
  } catch {
    return void 0;
  }
  const name = sidecarName(c.name);
  for (const pod of pods) {
    let log = "";
    try {
      log = await hub.call(
        `reading the log of ${name}`,
        () => hub.core.readNamespacedPodLog({ name: pod.metadata.name, namespace: ns, container: name, tailLines: 200 })
      );
    } catch {
    }
    const said = proxyLogProblem(String(log), c.name);
    if (said) return said;
    const st = (pod.status?.initContainerStatuses ?? []).find((x) => x.name === name);
    if (!st) continue;
    const waiting = st.state?.waiting;
    if (waiting && waiting.reason !== "PodInitializing")
      return `pod ${pod.metadata?.name}: the credential proxy of ${c.name} is waiting (${waiting.reason ?? ""}${waiting.message ? `: ${redact(waiting.message).slice(0, 200)}` : ""}), restarted ${st.restartCount} times`;
    if (st.started === false && st.restartCount > 0)
      return `pod ${pod.metadata?.name}: the credential proxy of ${c.name} has not passed its startup probe (restarted ${st.restartCount} times)`;
  }
  return void 0;
}
async function checkProxy(hub, ns, c, clustersConfigMap) {
  const upgrade = `upgrade the control plane with the values that list ${c.name} (helm flytemc install control-plane --kube-context ${hub.context} -n ${ns} -f VALUES)`;
  const deployments = await flyteadminDeployments(hub, ns);
  if (!deployments.length) return { ok: null, problem: "no FlyteAdmin Deployment in the namespace: the credential proxy was not checked" };
  for (const d of deployments) {
    const p = templateProblem(d, c);
    if (p) return { ok: false, problem: p, fix: upgrade };
  }
  const k = kubeconfigProblem(clustersConfigMap?.[kubeconfigKey(c.name)], c, `hub ConfigMap ${ns}/flyte-admin-clusters-config`);
  if (k) return { ok: false, problem: k, fix: upgrade };
  for (const d of deployments) {
    const p = await podsProblem(hub, d, c);
    if (typeof p === "string")
      return { ok: false, problem: p, fix: `kubectl --context ${hub.context} -n ${ns} logs deployment/${d.metadata?.name} -c ${sidecarName(c.name)}` };
    if (p) return { ok: false, ...p };
  }
  return { ok: true, value: `${sidecarName(c.name)} on 127.0.0.1:${c.credentialProxy.port} in ${deployments.map((d) => d.metadata?.name).join(", ")}` };
}

// plugin/cluster/check-hub.ts
async function checkFromHub(h, c) {
  const started = Date.now();
  const base = blankRow(c);
  if (c.inCluster)
    return {
      ...base,
      verdict: "skip",
      endpoint: "in cluster",
      findings: [{ check: "token", ok: null, problem: "inCluster: FlyteAdmin uses its own ServiceAccount" }]
    };
  const fail = (check, problem, fix) => ({
    ...base,
    problem,
    fix,
    findings: [{ check, ok: false, problem, fix }],
    ms: Date.now() - started
  });
  if (!c.endpoint) return fail("reachable", "no endpoint", "set endpoint in clusterConfigs (rerun flytemc join)");
  if (isProxied(c)) return checkProxiedFromHub(h, c, base);
  const tk = c.auth?.tokenPath ? basename(c.auth.tokenPath) : tokenKey(c.name);
  const ck = c.auth?.certPath ? basename(c.auth.certPath) : caKey(c.name);
  const token = h.creds.data[tk];
  const ca = h.creds.data[ck];
  if (token === void 0 || ca === void 0) {
    const missing = [token === void 0 ? tk : void 0, ca === void 0 ? ck : void 0].filter(Boolean).join(" and ");
    const listed = h.deployed?.clusters.some((x) => x.name === c.name);
    const where = `Secret ${h.ns}/${h.secretName} has no key ${missing}`;
    return fail(
      "token",
      listed ? `FlyteAdmin's deployed config lists ${c.name}, but ${where}: FlyteAdmin fails to start (at its next restart or upgrade) without it` : `${where}: FlyteAdmin fails to start without it`,
      `join it: flytemc join CONTEXT --name ${c.name} --kube-context ${h.hub.context} -n ${h.ns}${listed ? "; or, if it was unjoined, upgrade the control plane without it" : ""}`
    );
  }
  return proven(h, c, base, await h.reach.proveToken(c.endpoint, token, [{ source: "hub", pem: ca }], h.timeoutMs, h.checks));
}
function proven(h, c, base, { result: r }) {
  const fix = r.fix?.replace("flytemc rotate CONTEXT --name NAME", `flytemc rotate CONTEXT --name ${c.name} --kube-context ${h.hub.context}`);
  const stage = (check, ok, reached) => !reached ? { check, ok: null } : ok ? { check, ok: true } : { check, ok: false, ...r.what ? { problem: r.what } : {}, ...fix ? { fix } : {} };
  return {
    ...base,
    reachable: r.reachable,
    tls: r.tls,
    authenticated: r.authenticated,
    permissions: r.permissions,
    verdict: r.ok ? "ok" : "fail",
    ...r.user ? { user: r.user } : {},
    ...r.what ? { problem: r.what } : {},
    ...fix ? { fix } : {},
    ...r.missing.length ? { missing: r.missing, missingKinds: r.missingKinds } : {},
    findings: [
      stage("reachable", r.reachable, true),
      stage("tls", r.tls, r.reachable),
      stage("token", r.authenticated, r.tls),
      stage("permissions", r.permissions, r.authenticated)
    ],
    ms: r.ms
  };
}
async function checkProxiedFromHub(h, c, base) {
  const started = Date.now();
  const w = c.credentialProxy.server ? c : wire(c, assignPorts(h.list.clusters).get(c.name) ?? 0, c.credentialProxy.image ?? "", `/${caKey(c.name)}`);
  const endpoint = w.credentialProxy.server;
  const row = { ...base, endpoint, proxied: true };
  const ca = h.creds.data[caKey(c.name)];
  if (ca === void 0) {
    const problem = `Secret ${h.ns}/${h.secretName} has no key ${caKey(c.name)}: the credential proxy verifies ${endpoint} with it, and FlyteAdmin's pods do not start without it`;
    const fix = `join it: flytemc join CONTEXT --name ${c.name} --kube-context ${h.hub.context} -n ${h.ns} --auth ...`;
    return { ...row, problem, fix, findings: [{ check: "tls", ok: false, problem, fix }], ms: Date.now() - started };
  }
  const r = await h.reach.reachServer(endpoint, ca, h.timeoutMs);
  const token = leftoverToken(h, c);
  const said = { ...r.what ? { problem: r.what } : {}, ...r.fix ? { fix: r.fix } : {} };
  const findings = [
    r.reachable ? { check: "reachable", ok: true } : { check: "reachable", ok: false, ...said },
    !r.reachable ? { check: "tls", ok: null } : r.tls ? { check: "tls", ok: true } : { check: "tls", ok: false, ...said },
    token,
    { check: "permissions", ok: null },
    { check: "proxy", ...await checkProxy(h.hub, h.ns, w, h.clustersConfig) }
  ];
  return {
    ...row,
    reachable: r.reachable,
    tls: r.tls,
    authenticated: token.ok === true,
    verdict: failed(findings) ? "fail" : "ok",
    findings,
    ms: Date.now() - started
  };
}
function leftoverToken(h, c) {
  if (h.creds.data[tokenKey(c.name)] === void 0) return { check: "token", ok: true, value: "short-lived (credential proxy)" };
  const secret = `${h.ns}/${h.secretName}`;
  return {
    check: "token",
    ok: false,
    problem: `Secret ${secret} still holds ${tokenKey(c.name)}, a long-lived token, although FlyteAdmin reaches ${c.name} through its credential proxy with short-lived credentials: one to leak, never used`,
    fix: `remove it: kubectl --context ${h.hub.context} -n ${h.ns} patch secret ${h.secretName} --type json -p '[{"op":"remove","path":"/data/${tokenKey(c.name)}"}]'; then revoke it in the data plane: kubectl -n ${h.ns} delete secret ${h.creds.records[c.name]?.tokenSecret || "flyteadmin-token"}`
  };
}
function withDeployed(h, row, c) {
  const { deployed, list } = h;
  if (!deployed) return row;
  const inDeployed = deployed.clusters.some((x) => x.name === c.name);
  const inList = list !== deployed && list.clusters.some((x) => x.name === c.name);
  let f;
  if (!inDeployed)
    f = {
      check: "deployed",
      ok: false,
      problem: `not deployed yet: ${inList ? `${list.source} lists it` : `it is joined (its keys are in Secret ${h.ns}/${h.secretName})`}, but FlyteAdmin's deployed config (${deployed.source}) does not, so FlyteAdmin sends it no executions`,
      fix: `upgrade the control plane with the values file join recorded it in: helm flytemc install control-plane --kube-context ${h.hub.context} -n ${h.ns} -f VALUES`
    };
  else if (list !== deployed && !inList && list.source !== recordsSource(h.ns, h.secretName))
    f = {
      check: "deployed",
      ok: true,
      problem: `${list.source} no longer lists it, but FlyteAdmin still runs with it (${deployed.source}): the next upgrade of the control plane takes it out; then \`flytemc unjoin CONTEXT --name ${c.name} --kube-context ${h.hub.context} -n ${h.ns} --finish\` removes its keys`
    };
  else f = { check: "deployed", ok: true };
  return { ...row, findings: [...row.findings, f], ...f.ok === false ? { verdict: "fail" } : {} };
}

// plugin/cluster/check-propeller.ts
var DEFAULT_LEASE_SECONDS = 15;
var CLOCK_SLACK_MS = 5e3;
function section(p, key) {
  try {
    const v = parseUntrusted(p.config?.[key] ?? "", `context ${p.m.context} ConfigMap ${p.ns}/flyte-propeller-config ${key}`, STREAM_INPUT);
    return isObject(v) ? v : {};
  } catch {
    return {};
  }
}
var objectAt = (v, key) => isObject(v[key]) ? v[key] : {};
async function propellerAlive(m, ns, config, now = Date.now()) {
  const election = objectAt(objectAt(section({ m, ns, config }, "core.yaml"), "propeller"), "leader-election");
  if (election.enabled === false)
    return {
      check: "alive",
      ok: null,
      problem: "leader election is off (propeller.leader-election.enabled: false): whether flytepropeller runs was not checked"
    };
  const lock = objectAt(election, "lock-config-map");
  const name = typeof lock.name === "string" && lock.name ? lock.name : "propeller-leader";
  const namespace = typeof lock.namespace === "string" && lock.namespace ? lock.namespace : ns;
  const object = `Lease ${namespace}/${name}`;
  const fix = `look at its pods and their logs: kubectl --context ${m.context} -n ${ns} get pods -l app.kubernetes.io/name=flytepropeller`;
  const lease = await readOrAbsent(m, `reading ${object}`, () => m.coordination.readNamespacedLease({ name, namespace }));
  if (!lease)
    return {
      check: "alive",
      ok: false,
      problem: `flytepropeller has not run here: there is no leader ${object} (a running flytepropeller holds it and renews it every few seconds)`,
      fix
    };
  const renewed = lease.spec?.renewTime ? new Date(lease.spec.renewTime).getTime() : Number.NaN;
  const seconds = lease.spec?.leaseDurationSeconds ?? DEFAULT_LEASE_SECONDS;
  const age = Math.max(0, Math.round((now - renewed) / 1e3));
  const holder = lease.spec?.holderIdentity;
  if (holder && !Number.isNaN(renewed) && now - renewed <= seconds * 1e3 + CLOCK_SLACK_MS)
    return { check: "alive", ok: true, value: `renewed ${age} s ago by ${holder}` };
  const never = Number.isNaN(renewed);
  return {
    check: "alive",
    ok: false,
    value: never ? "never renewed" : `renewed ${age} s ago`,
    problem: `flytepropeller is not running: its leader ${object} ${never ? "was never renewed" : `was last renewed ${age} s ago`}${holder ? "" : " and has no holder"} (a running flytepropeller renews it every few seconds; it expires after ${seconds} s): the executions FlyteAdmin sends here do not run`,
    fix
  };
}
async function service(p, endpoint) {
  const svc = inClusterService(endpoint, p.ns);
  if (!svc) return void 0;
  const have = await readOrAbsent(
    p.m,
    `reading Service ${svc.namespace}/${svc.name}`,
    () => p.m.core.readNamespacedService({ name: svc.name, namespace: svc.namespace })
  );
  return { ...svc, exists: !!have };
}
var rewire = (p) => `reinstall the data plane pointed at the control plane, with the values file both planes share (multicluster.controlPlane, the bucket): ${p.install}`;
async function adminFinding(p, endpoint) {
  if (!endpoint)
    return { check: "admin", ok: false, problem: `flytepropeller has no admin.endpoint (ConfigMap ${p.ns}/flyte-propeller-config admin.yaml)`, fix: rewire(p) };
  const svc = await service(p, endpoint);
  if (!svc || svc.exists) return { check: "admin", ok: true, value: endpoint };
  return {
    check: "admin",
    ok: false,
    value: endpoint,
    problem: `flytepropeller's admin endpoint ${endpoint} is ${endpoint === IN_CLUSTER_ADMIN ? "flyte-core's single-cluster default, " : ""}a Service ${svc.namespace}/${svc.name} this cluster does not have: no execution event reaches FlyteAdmin, so no execution here ever finishes`,
    fix: rewire(p)
  };
}
async function catalogFinding(p, adminEndpoint, routes) {
  const cache = objectAt(section(p, "catalog.yaml"), "catalog-cache");
  const type = String(cache.type ?? "noop");
  const endpoint = typeof cache.endpoint === "string" ? cache.endpoint : void 0;
  if (type !== "datacatalog") return { check: "catalog", ok: true, value: `off (${type})` };
  if (!endpoint)
    return {
      check: "catalog",
      ok: false,
      problem: "the catalog cache is on but has no endpoint",
      fix: "set multicluster.controlPlane.catalogEndpoint (or catalog: false) and reinstall the data plane"
    };
  const svc = await service(p, endpoint);
  if (svc && !svc.exists)
    return {
      check: "catalog",
      ok: false,
      value: endpoint,
      problem: `flytepropeller's catalog endpoint ${endpoint} is ${svc.name === "datacatalog" ? "flyte-core's single-cluster default, " : ""}a Service ${svc.namespace}/${svc.name} this cluster does not have: cached tasks fail`,
      fix: "set multicluster.controlPlane.catalogEndpoint (DataCatalog as this cluster reaches it), or catalogIngress: true on both planes, or catalog: false; then reinstall the data plane"
    };
  if (endpoint === adminEndpoint && !svc && routes?.admin.length && !routes.catalog)
    return {
      check: "catalog",
      ok: false,
      value: endpoint,
      problem: `flytepropeller reaches DataCatalog at its admin endpoint ${endpoint} (catalogIngress), but the control plane's gRPC Ingress (${routes.admin.join(", ")} in the hub) has no route for datacatalog.DataCatalog: cached tasks fail`,
      fix: "set multicluster.controlPlane.catalogIngress: true in the control plane's values and upgrade it (or give the data planes a catalogEndpoint)"
    };
  return { check: "catalog", ok: true, value: endpoint };
}
function clusterIdFinding(p, deployment, id) {
  const { c } = p;
  if (!deployment) return { check: "cluster-id", ok: false, problem: `no Deployment flytepropeller in namespace ${p.ns}`, fix: p.install };
  if (id === c.name) return { check: "cluster-id", ok: true, value: id };
  if (id === "" || id === DEFAULT_CLUSTER_ID)
    return {
      check: "cluster-id",
      ok: true,
      value: `${DEFAULT_CLUSTER_ID} (default)`,
      problem: `flytepropeller reports the default cluster id, which FlyteAdmin accepts from any cluster`,
      fix: `name it: helm flytemc install data-plane --name ${c.name} ...`
    };
  return {
    check: "cluster-id",
    ok: false,
    value: id,
    problem: `flytepropeller reports as cluster ${JSON.stringify(id)}, but the hub lists it as ${JSON.stringify(c.name)}: FlyteAdmin drops its events`,
    fix: `reinstall the data plane with --name ${c.name}, or unjoin it and join it as --name ${id}`
  };
}
function storageFinding(p, storage) {
  const text = p.config?.["storage.yaml"];
  if (!text) return { check: "storage", ok: null, problem: "flytepropeller reads its storage from a Secret (flyte-core.storage.secretName): not compared" };
  const mine = storageOfConfig(text, `context ${p.m.context} ConfigMap ${p.ns}/flyte-propeller-config storage.yaml`);
  const value = describeStorage(mine);
  if (mine.type === "minio")
    return {
      check: "storage",
      ok: false,
      value,
      problem: `flytepropeller writes to flyte-core's in-cluster minio (${mine.endpoint}), which FlyteAdmin in the control plane cannot read`,
      fix: "install the data plane with the control plane's flyte-core.storage (type, bucketName)"
    };
  if (!storage) return { check: "storage", ok: null, value, problem: "the hub has no FlyteAdmin config (flyte-admin-base-config) to compare with yet" };
  const diffs = storageDifferences(storage, mine);
  if (!diffs.length) return { check: "storage", ok: true, value };
  return {
    check: "storage",
    ok: false,
    value,
    problem: `flytepropeller's storage (${value}) is not FlyteAdmin's (${describeStorage(storage)}): ${diffs.join("; ")}; FlyteAdmin reads what flytepropeller writes`,
    fix: "use the same flyte-core.storage on both planes (`helm flytemc validate -f <control-plane values> --data-plane <data-plane values>` compares them)"
  };
}
async function notInstalled(m, ns, install) {
  const elsewhere = await propellerElsewhere(m, ns);
  const unchecked = ["alive", "admin", "catalog", "cluster-id", "storage"].map((check) => ({ check, ok: null }));
  return [
    {
      check: "installed",
      ok: false,
      problem: elsewhere.length ? `no flytepropeller in namespace ${ns} of context ${m.context}, but one runs in namespace ${elsewhere.join(", ")}: check looks in one namespace, the control plane's` : `no flytepropeller in namespace ${ns} of context ${m.context} (no ConfigMap flyte-propeller-config, no Deployment flytepropeller): nothing would run the executions FlyteAdmin sends here`,
      fix: elsewhere.length ? `rerun with -n ${elsewhere[0]} if the control plane is there too, or install the data plane in ${ns}: ${install}` : install
    },
    ...unchecked
  ];
}
async function checkPropeller(m, ns, c, storage, routes) {
  const dp = await readDataPlane(m, ns);
  const install = `helm flytemc install data-plane --name ${c.name} --kube-context ${m.context} -n ${ns} -f shared-values.yaml`;
  if (!dp.config && !dp.deployment) return notInstalled(m, ns, install);
  const p = { m, ns, c, config: dp.config, install };
  const admin = objectAt(section(p, "admin.yaml"), "admin");
  const adminEndpoint = typeof admin.endpoint === "string" ? admin.endpoint : void 0;
  return [
    { check: "installed", ok: true, value: dp.deployment ?? "ConfigMap flyte-propeller-config" },
    await propellerAlive(m, ns, dp.config),
    await adminFinding(p, adminEndpoint),
    await catalogFinding(p, adminEndpoint, routes),
    clusterIdFinding(p, dp.deployment, dp.clusterId ?? ""),
    storageFinding(p, storage)
  ];
}

// plugin/cluster/check-member.ts
var norm = (u) => trimSlashes(u ?? "");
function memberContext(c, hubContext, contexts) {
  if (c.inCluster) return hubContext;
  const same = contexts.filter((x) => x.server && norm(x.server) === norm(realEndpoint(c)));
  return (same.find((x) => x.name === c.name) ?? same[0])?.name;
}
async function withMemberSide(h, row, c) {
  const context = memberContext(c, h.hub.context, h.members.contexts);
  if (!context) {
    const problem = `no context of your kubeconfig reaches ${c.endpoint}: the data plane's side was not checked`;
    const fix = "add a context for it (its server must be the endpoint above), or pass --hub-only";
    return { ...row, findings: [...row.findings, { check: "installed", ok: null, problem, fix }] };
  }
  const { findings, tlsVerified } = await memberFindings(h, row, c, context);
  if (findings === "other cluster") {
    const problem = `context ${context} reaches another cluster than the one joined as ${c.name} (kube-system UID differs): the data plane's side was not checked`;
    return { ...row, memberContext: context, ...tlsNote(tlsVerified), findings: [...row.findings, { check: "installed", ok: null, problem }] };
  }
  const verdict = failed(findings) ? "fail" : row.verdict === "skip" ? "ok" : row.verdict;
  const access = findings.find((f) => f.check === "permissions");
  const hubFindings = access ? row.findings.filter((f) => f.check !== "permissions") : row.findings;
  return {
    ...row,
    ...access ? { permissions: access.ok === true } : {},
    memberContext: context,
    ...tlsNote(tlsVerified),
    findings: [...hubFindings, ...findings],
    verdict
  };
}
var tlsNote = (verified) => verified ? {} : { memberTlsVerified: false };
async function memberFindings(h, row, c, context) {
  let tlsVerified = context === h.hub.context ? h.hub.tlsVerified : true;
  try {
    const m = context === h.hub.context ? h.hub : await h.reach.connect(context, h.members.kube);
    tlsVerified = m.tlsVerified;
    if (!c.inCluster && context !== h.hub.context) {
      const joined = h.creds.records[c.name]?.uid;
      if (joined && joined !== await clusterUid(m)) return { findings: "other cluster", tlsVerified };
    }
    const findings = await checkPropeller(m, h.ns, c, h.storage, h.routes);
    if (row.proxied) findings.unshift(await identityAccess(h, m, c));
    return { findings, tlsVerified };
  } catch (e) {
    if (!(e instanceof FlytemcError)) throw e;
    const p = e.problems[0];
    const problem = `the data plane's side was not checked: context ${context}: ${p.message}`;
    return { findings: [{ check: "installed", ok: null, problem, ...p.fix ? { fix: p.fix } : {} }], tlsVerified };
  }
}
async function identityAccess(h, m, c) {
  const identity = c.credentialProxy?.identity;
  if (!identity)
    return {
      check: "permissions",
      ok: null,
      problem: `credentialProxy.identity of ${c.name} is not set, so whose permissions to check is unknown`,
      fix: "set it to the user name the data plane sees for the proxy (flytemc join --auth records it)"
    };
  const denied = await deniedTo(m, identity, h.checks);
  const all = h.checks.length;
  if (!denied.length) return { check: "permissions", ok: true, value: `${identity}: all ${all} (resource, verb) pairs (SubjectAccessReviews)` };
  const kinds = missingByKind(denied);
  return {
    check: "permissions",
    ok: false,
    value: identity,
    problem: `${identity} (the credential proxy's identity) may not, of what FlyteAdmin needs (${denied.length} of ${all} SubjectAccessReviews denied): ${kinds.map((k) => `${k.kind} (${k.resource}): ${k.verbs.join(", ")}`).join("; ")}`,
    fix: `bind ClusterRole ${clusterRoleName(h.ns)} to it in the data plane: flytemc join ${m.context} --name ${c.name} --kube-context ${h.hub.context} -n ${h.ns} --auth ... --identity ${identity}`
  };
}

// plugin/cluster/check-clusters.ts
async function clusterList(hub, req) {
  const ns = req.namespace;
  const deployed = await clustersDeployed(hub, ns);
  const given = req.valuesFile ? await clustersFromFile(req.valuesFile, readText(req.valuesFile)) : deployed;
  const secretName = req.secretName ?? given?.secretName ?? DEFAULT_CREDENTIALS.secretName;
  const creds = await readCredentials(hub, ns, secretName);
  const list = given ?? {
    source: recordsSource(ns, secretName),
    clusters: Object.entries(creds.records).map(([name, r]) => fromRecord(name, r))
  };
  if (!list.clusters.length && !deployed?.clusters.length && !Object.keys(creds.records).length) {
    const other = !deployed && !creds.secret ? await hubElsewhere(hub, ns, secretName) : [];
    const elsewhere = `; namespace ${ns} (from ${req.namespaceFrom}) has no FlyteAdmin config and no Secret ${secretName}, namespace ${other.join(", ")} has`;
    const problem = error(
      { subject: list.source, code: "cluster.none" },
      `configures no clusters${other.length ? elsewhere : ""}`,
      other.length ? `rerun with -n ${other[0]}` : `join one: flytemc join CONTEXT --kube-context ${hub.context} -n ${ns}`
    );
    throw new FlytemcError([problem], EXIT.failed);
  }
  return { list, deployed, secretName, creds };
}
async function checkControlPlane(req, reach = REAL_REACH) {
  const kc = await loadKubeConfig(req.kube);
  const hubContext = hubContextOf(req.kubeContext, () => kc.getCurrentContext(), false);
  const hub = await reach.connect(hubContext, req.kube);
  const { list, deployed, secretName, creds } = await clusterList(hub, req);
  const started = Date.now();
  const needs = await needsFor(hub, req.namespace, req.valuesFile);
  const server = (cluster) => kc.getCluster(cluster)?.server;
  const members = req.hubOnly ? void 0 : { kube: req.kube, contexts: kc.getContexts().map((x) => ({ name: x.name, ...server(x.cluster) ? { server: server(x.cluster) } : {} })) };
  const h = { hub, ns: req.namespace, secretName, list, deployed, creds, timeoutMs: req.kube.timeoutMs, reach };
  const report = await checkClusters(h, needs, members);
  return { ...report, namespace: req.namespace, namespaceFrom: req.namespaceFrom, ms: Date.now() - started };
}
async function checkClusters(b, needs = { needs: DEFAULT_NEEDS, from: "flyte-core's default cluster-resource templates" }, members) {
  const { hub, ns, secretName, list, deployed, creds } = b;
  if (!creds.secret && list.clusters.some((c) => !c.inCluster)) {
    const problem = error(
      { subject: `hub ${hub.context}`, code: "cluster.credentials" },
      `there is no Secret ${ns}/${secretName} with the clusters' credentials`,
      `join the data planes: flytemc join CONTEXT --kube-context ${hub.context} -n ${ns}`
    );
    throw new FlytemcError([problem], EXIT.failed);
  }
  const proxied = list.clusters.some(isProxied) || deployed?.clusters.some(isProxied);
  const clustersConfig = proxied ? await readConfigMap(hub, ns, "flyte-admin-clusters-config") : void 0;
  const h = { ...b, clustersConfig, checks: accessChecks(needs.needs) };
  const storage = members ? await hubStorage(hub, ns) : void 0;
  const routes = members ? await hubGrpcRoutes(hub, ns).catch(() => void 0) : void 0;
  const m = members ? { ...h, members, storage, routes } : void 0;
  const all = everyCluster(list, deployed, creds.records);
  const rows = await mapLimit(all, 8, async (c) => {
    const hubSide = withDeployed(h, await checkFromHub(h, c), c);
    return m ? withMemberSide(m, hubSide, c) : hubSide;
  });
  const clusters = rows.map((r, i) => r.status === "fulfilled" ? r.value : broken(all[i], r.reason));
  return {
    hub: hub.context,
    hubTlsVerified: hub.tlsVerified,
    secret: `${ns}/${secretName}`,
    source: list.source,
    needsFrom: needs.from,
    ...storage ? { storage: describeStorage(storage) } : {},
    clusters,
    ok: clusters.every((r) => r.verdict !== "fail")
  };
}
function broken(c, reason) {
  const { findings, ms, ...row } = blankRow(c);
  return { ...row, enabled: false, problem: redact(String(reason?.message ?? reason)), findings, ms };
}
export {
  checkControlPlane
};
