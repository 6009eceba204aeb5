#!/usr/bin/env node
import { createRequire as __flytemcCreateRequire } from 'node:module'; const require = __flytemcCreateRequire(import.meta.url);
import {
  DEFAULT_CLUSTER_ID,
  clusterUid,
  deniedTo,
  propellerElsewhere,
  readCredentials,
  readDataPlane
} from "./chunk-OCYD4UBY.mjs";
import {
  describeStorage,
  storageDifferences,
  storageOfConfig
} from "./chunk-RUAFNR4X.mjs";
import {
  flyteadminDeployments
} from "./chunk-KNAG57LB.mjs";
import {
  REAL_REACH,
  hubContextOf
} from "./chunk-7WDKBT5S.mjs";
import {
  ADMIN_GRPC_ROUTE,
  CATALOG_GRPC_ROUTES,
  IN_CLUSTER_ADMIN,
  inClusterService
} from "./chunk-RERYFOBX.mjs";
import {
  assignPorts,
  isProxied,
  kubeconfigKey,
  realEndpoint,
  sidecarName,
  wire
} from "./chunk-BL5UEDJI.mjs";
import {
  DEFAULT_CREDENTIALS,
  caKey,
  tokenKey
} from "./chunk-CMNDI7DY.mjs";
import {
  DEFAULT_NEEDS,
  FLYTE_CORE_TEMPLATES,
  accessChecks,
  clusterRoleName,
  missingByKind,
  neededAccess,
  templatesOfValues
} from "./chunk-LPW2GZIF.mjs";
import {
  parseUntrusted
} from "./chunk-ZCDYBYK4.mjs";
import {
  isObject
} from "./chunk-4VJRSWY5.mjs";
import {
  readText
} from "./chunk-WAQBF6VJ.mjs";
import {
  STREAM_INPUT
} from "./chunk-CNWFL7ZM.mjs";
import {
  loadKubeConfig,
  readOrAbsent
} from "./chunk-KEIB36ZM.mjs";
import {
  trimSlashes
} from "./chunk-C2L5FP4Q.mjs";
import {
  mapLimit
} from "./chunk-W4X4OBCU.mjs";
import {
  EXIT,
  FlytemcError,
  error,
  marked,
  redact
} from "./chunk-PGTI4LGT.mjs";

// plugin/cluster/check-clusters.ts
import { basename } from "node:path";

// plugin/cluster/proxy-status.ts
function proxyLogProblem(log, name) {
  const lines = log.split("\n");
  const missing = /(?:getting|refreshing) credentials: exec: executable (\S+) not found/.exec(log);
  if (missing)
    return {
      problem: `the credential proxy of ${name} cannot run its exec plugin: ${missing[1]} is not in its image (kubectl proxy: "exec: executable ${missing[1]} not found"), so every request of FlyteAdmin to ${name} fails`,
      fix: `use an image with ${missing[1]} on its PATH (multicluster.credentialProxy.image, or credentialProxy.image of ${name}), then upgrade the control plane`
    };
  const failed = /(?:getting|refreshing) credentials: exec: executable (\S+) failed with exit code (\d+)/.exec(log);
  if (failed) {
    const at = lines.findIndex((l) => l.includes(failed[0]));
    const said = lines.slice(Math.max(0, at - 3), at).filter((l) => l.trim() && !/^[EIW]\d{4} /.test(l) && !l.startsWith("Starting to serve on")).join(" ").trim();
    return {
      problem: `the exec plugin of ${name}'s credential proxy fails (${failed[1]} exit code ${failed[2]}${said ? `: ${redact(said).slice(0, 300)}` : ""}), so every request of FlyteAdmin to ${name} fails`,
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

// plugin/cluster/check-clusters.ts
async function clustersFromFile(path, text) {
  const { configFromValues } = await import("./from-values-DXB66OHU.mjs");
  const found = configFromValues(path, text);
  const raw = found.raw;
  if (found.form === "multicluster") {
    const mc = isObject(raw) ? raw : {};
    const cl2 = isObject(mc.clusters) ? mc.clusters : {};
    const cred = isObject(mc.credentials) ? mc.credentials : {};
    return {
      source: path,
      clusters: Array.isArray(cl2.clusterConfigs) ? cl2.clusterConfigs : [],
      ...typeof cred.secretName === "string" ? { secretName: cred.secretName } : {}
    };
  }
  const cl = isObject(raw) ? raw : {};
  return { source: path, clusters: Array.isArray(cl.clusterConfigs) ? cl.clusterConfigs : [] };
}
async function hubElsewhere(hub, ns, secretName) {
  const found = /* @__PURE__ */ new Set();
  const look = async (list) => {
    try {
      for (const o of (await hub.call("looking in every namespace", list)).items)
        if (o.metadata?.namespace && o.metadata.namespace !== ns) found.add(o.metadata.namespace);
    } catch {
    }
  };
  await look(() => hub.core.listConfigMapForAllNamespaces({ fieldSelector: "metadata.name=flyte-admin-clusters-config" }));
  await look(() => hub.core.listSecretForAllNamespaces({ fieldSelector: `metadata.name=${secretName}` }));
  return [...found].sort();
}
async function clustersDeployed(hub, ns) {
  const text = (await readConfigMap(hub, ns, "flyte-admin-clusters-config"))?.["clusters.yaml"];
  if (!text) return void 0;
  const v = parseUntrusted(text, `hub ConfigMap ${ns}/flyte-admin-clusters-config clusters.yaml`, STREAM_INPUT);
  return { source: `hub ConfigMap ${ns}/flyte-admin-clusters-config`, clusters: v?.clusters?.clusterConfigs ?? [] };
}
async function readConfigMap(k, ns, name) {
  const cm = await readOrAbsent(k, `reading ConfigMap ${ns}/${name}`, () => k.core.readNamespacedConfigMap({ name, namespace: ns }));
  return cm ? cm.data ?? {} : void 0;
}
async function templatesDeployed(hub, ns) {
  const data = await readConfigMap(hub, ns, "clusterresource-template");
  return data ? Object.entries(data).map(([k, value]) => ({ key: k.replace(/\.yaml$/, ""), value })) : void 0;
}
async function needsFor(hub, ns, valuesFile) {
  if (valuesFile) {
    const { readValuesFileIfPresent } = await import("./from-values-DXB66OHU.mjs");
    const t = templatesOfValues(readValuesFileIfPresent(valuesFile));
    if (t) return { needs: neededAccess(t).needs, from: `the cluster-resource templates of ${valuesFile}` };
  }
  const deployed = hub ? await templatesDeployed(hub, ns) : void 0;
  if (deployed) return { needs: neededAccess(deployed).needs, from: `the hub's ConfigMap ${ns}/clusterresource-template` };
  return { needs: neededAccess(FLYTE_CORE_TEMPLATES).needs, from: "flyte-core's default cluster-resource templates" };
}
async function hubStorage(hub, ns) {
  const data = await readConfigMap(hub, ns, "flyte-admin-base-config");
  const text = data?.["storage.yaml"];
  return text ? storageOfConfig(text, `hub ConfigMap ${ns}/flyte-admin-base-config storage.yaml`) : void 0;
}
var norm = (u) => trimSlashes(u ?? "");
function memberContext(c, hubContext, contexts) {
  if (c.inCluster) return hubContext;
  const same = contexts.filter((x) => x.server && norm(x.server) === norm(realEndpoint(c)));
  return (same.find((x) => x.name === c.name) ?? same[0])?.name;
}
async function hubGrpcRoutes(hub, ns) {
  const list = await hub.call(`listing Ingresses in ${ns}`, () => hub.networking.listNamespacedIngress({ namespace: ns }));
  const out = { admin: [], catalog: false };
  for (const ing of list.items) {
    for (const rule of ing.spec?.rules ?? []) {
      const paths = (rule.http?.paths ?? []).map((p) => p.path);
      if (!paths.includes(ADMIN_GRPC_ROUTE)) continue;
      out.admin.push(`Ingress ${ns}/${ing.metadata?.name}`);
      if (CATALOG_GRPC_ROUTES.some((r) => paths.includes(r))) out.catalog = true;
    }
  }
  return { admin: [...new Set(out.admin)], catalog: out.catalog };
}
var DEFAULT_LEASE_SECONDS = 15;
var CLOCK_SLACK_MS = 5e3;
async function propellerAlive(m, ns, config, now = Date.now()) {
  let election = {};
  try {
    const core = parseUntrusted(config?.["core.yaml"] ?? "", `context ${m.context} ConfigMap ${ns}/flyte-propeller-config core.yaml`, STREAM_INPUT);
    const propeller = isObject(core) && isObject(core.propeller) ? core.propeller : {};
    election = isObject(propeller["leader-election"]) ? propeller["leader-election"] : {};
  } catch {
  }
  if (election.enabled === false)
    return {
      check: "alive",
      ok: null,
      problem: "leader election is off (propeller.leader-election.enabled: false): whether flytepropeller runs was not checked"
    };
  const lock = isObject(election["lock-config-map"]) ? election["lock-config-map"] : {};
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
  if (!lease.spec?.holderIdentity || Number.isNaN(renewed) || now - renewed > seconds * 1e3 + CLOCK_SLACK_MS)
    return {
      check: "alive",
      ok: false,
      value: Number.isNaN(renewed) ? "never renewed" : `renewed ${age} s ago`,
      problem: `flytepropeller is not running: its leader ${object} ${Number.isNaN(renewed) ? "was never renewed" : `was last renewed ${age} s ago`}${lease.spec?.holderIdentity ? "" : " and has no holder"} (a running flytepropeller renews it every few seconds; it expires after ${seconds} s): the executions FlyteAdmin sends here do not run`,
      fix
    };
  return { check: "alive", ok: true, value: `renewed ${age} s ago by ${lease.spec.holderIdentity}` };
}
async function checkMember(m, ns, c, storage, routes) {
  const dp = await readDataPlane(m, ns);
  const install = `helm flytemc install data-plane --name ${c.name} --kube-context ${m.context} -n ${ns} -f shared-values.yaml`;
  if (!dp.config && !dp.deployment) {
    const elsewhere = await propellerElsewhere(m, ns);
    return [
      {
        check: "installed",
        ok: false,
        problem: elsewhere.length ? `no flytepropeller in namespace ${ns} of context ${m.context}, but one runs in namespace ${elsewhere.join(", ")}: check looks in one namespace, the control plane's` : `no flytepropeller in namespace ${ns} of context ${m.context} (no ConfigMap flyte-propeller-config, no Deployment flytepropeller): nothing would run the executions FlyteAdmin sends here`,
        fix: elsewhere.length ? `rerun with -n ${elsewhere[0]} if the control plane is there too, or install the data plane in ${ns}: ${install}` : install
      },
      { check: "alive", ok: null },
      { check: "admin", ok: null },
      { check: "catalog", ok: null },
      { check: "cluster-id", ok: null },
      { check: "storage", ok: null }
    ];
  }
  const out = [{ check: "installed", ok: true, value: dp.deployment ?? "ConfigMap flyte-propeller-config" }, await propellerAlive(m, ns, dp.config)];
  const section = (key) => {
    try {
      const v = parseUntrusted(dp.config?.[key] ?? "", `context ${m.context} ConfigMap ${ns}/flyte-propeller-config ${key}`, STREAM_INPUT);
      return isObject(v) ? v : {};
    } catch {
      return {};
    }
  };
  const service = async (endpoint) => {
    const svc = inClusterService(endpoint, ns);
    if (!svc) return void 0;
    const have = await readOrAbsent(
      m,
      `reading Service ${svc.namespace}/${svc.name}`,
      () => m.core.readNamespacedService({ name: svc.name, namespace: svc.namespace })
    );
    return { ...svc, exists: !!have };
  };
  const wire2 = `reinstall the data plane pointed at the control plane, with the values file both planes share (multicluster.controlPlane, the bucket): ${install}`;
  const adminSection = section("admin.yaml");
  const admin = isObject(adminSection.admin) ? adminSection.admin : {};
  const adminEndpoint = typeof admin.endpoint === "string" ? admin.endpoint : void 0;
  if (!adminEndpoint)
    out.push({ check: "admin", ok: false, problem: `flytepropeller has no admin.endpoint (ConfigMap ${ns}/flyte-propeller-config admin.yaml)`, fix: wire2 });
  else {
    const svc = await service(adminEndpoint);
    if (svc && !svc.exists) {
      out.push({
        check: "admin",
        ok: false,
        value: adminEndpoint,
        problem: `flytepropeller's admin endpoint ${adminEndpoint} is ${adminEndpoint === IN_CLUSTER_ADMIN ? "flyte-core's single-cluster default, " : ""}a Service ${svc.namespace}/${svc.name} this cluster does not have: no execution event reaches FlyteAdmin, so no execution here ever finishes`,
        fix: wire2
      });
    } else out.push({ check: "admin", ok: true, value: adminEndpoint });
  }
  const cache = isObject(section("catalog.yaml")["catalog-cache"]) ? section("catalog.yaml")["catalog-cache"] : {};
  const catalogType = String(cache.type ?? "noop");
  const catalogEndpoint = typeof cache.endpoint === "string" ? cache.endpoint : void 0;
  if (catalogType !== "datacatalog") out.push({ check: "catalog", ok: true, value: `off (${catalogType})` });
  else if (!catalogEndpoint)
    out.push({
      check: "catalog",
      ok: false,
      problem: "the catalog cache is on but has no endpoint",
      fix: "set multicluster.controlPlane.catalogEndpoint (or catalog: false) and reinstall the data plane"
    });
  else {
    const svc = await service(catalogEndpoint);
    if (svc && !svc.exists) {
      out.push({
        check: "catalog",
        ok: false,
        value: catalogEndpoint,
        problem: `flytepropeller's catalog endpoint ${catalogEndpoint} is ${svc.name === "datacatalog" ? "flyte-core's single-cluster default, " : ""}a Service ${svc.namespace}/${svc.name} this cluster does not have: cached tasks fail`,
        fix: "set multicluster.controlPlane.catalogEndpoint (DataCatalog as this cluster reaches it), or catalogIngress: true on both planes, or catalog: false; then reinstall the data plane"
      });
    } else if (catalogEndpoint === adminEndpoint && !svc && routes?.admin.length && !routes.catalog) {
      out.push({
        check: "catalog",
        ok: false,
        value: catalogEndpoint,
        problem: `flytepropeller reaches DataCatalog at its admin endpoint ${catalogEndpoint} (catalogIngress), but the control plane's gRPC Ingress (${routes.admin.join(", ")} in the hub) has no route for datacatalog.DataCatalog: cached tasks fail`,
        fix: "set multicluster.controlPlane.catalogIngress: true in the control plane's values and upgrade it (or give the data planes a catalogEndpoint)"
      });
    } else out.push({ check: "catalog", ok: true, value: catalogEndpoint });
  }
  const id = dp.clusterId ?? "";
  if (!dp.deployment) out.push({ check: "cluster-id", ok: false, problem: `no Deployment flytepropeller in namespace ${ns}`, fix: install });
  else if (id === c.name) out.push({ check: "cluster-id", ok: true, value: id });
  else if (id === "" || id === DEFAULT_CLUSTER_ID)
    out.push({
      check: "cluster-id",
      ok: true,
      value: `${DEFAULT_CLUSTER_ID} (default)`,
      problem: `flytepropeller reports the default cluster id, which FlyteAdmin accepts from any cluster`,
      fix: `name it: helm flytemc install data-plane --name ${c.name} ...`
    });
  else
    out.push({
      check: "cluster-id",
      ok: false,
      value: id,
      problem: `flytepropeller reports as cluster ${JSON.stringify(id)}, but the hub lists it as ${JSON.stringify(c.name)}: FlyteAdmin drops its events`,
      fix: `reinstall the data plane with --name ${c.name}, or unjoin it and join it as --name ${id}`
    });
  const storageText = dp.config?.["storage.yaml"];
  if (!storageText)
    out.push({ check: "storage", ok: null, problem: "flytepropeller reads its storage from a Secret (flyte-core.storage.secretName): not compared" });
  else {
    const mine = storageOfConfig(storageText, `context ${m.context} ConfigMap ${ns}/flyte-propeller-config storage.yaml`);
    if (mine.type === "minio")
      out.push({
        check: "storage",
        ok: false,
        value: describeStorage(mine),
        problem: `flytepropeller writes to flyte-core's in-cluster minio (${mine.endpoint}), which FlyteAdmin in the control plane cannot read`,
        fix: "install the data plane with the control plane's flyte-core.storage (type, bucketName)"
      });
    else if (!storage)
      out.push({
        check: "storage",
        ok: null,
        value: describeStorage(mine),
        problem: "the hub has no FlyteAdmin config (flyte-admin-base-config) to compare with yet"
      });
    else {
      const diffs = storageDifferences(storage, mine);
      if (diffs.length)
        out.push({
          check: "storage",
          ok: false,
          value: describeStorage(mine),
          problem: `flytepropeller's storage (${describeStorage(mine)}) is not FlyteAdmin's (${describeStorage(storage)}): ${diffs.join("; ")}; FlyteAdmin reads what flytepropeller writes`,
          fix: "use the same flyte-core.storage on both planes (`helm flytemc validate -f <control-plane values> --data-plane <data-plane values>` compares them)"
        });
      else out.push({ check: "storage", ok: true, value: describeStorage(mine) });
    }
  }
  return out;
}
async function checkClusters(hub, ns, secretName, list, deployed, timeoutMs, opts) {
  const creds = await readCredentials(hub, ns, secretName);
  if (!creds.secret && list.clusters.some((c) => !c.inCluster)) {
    throw new FlytemcError(
      [
        error(
          `hub ${hub.context}`,
          `there is no Secret ${ns}/${secretName} with the clusters' credentials`,
          `join the data planes: flytemc join CONTEXT --kube-context ${hub.context} -n ${ns}`
        )
      ],
      EXIT.failed
    );
  }
  const records = creds.records;
  const clustersConfig = list.clusters.some(isProxied) || deployed?.clusters.some(isProxied) ? await readConfigMap(hub, ns, "flyte-admin-clusters-config") : void 0;
  const needs = opts.needs ?? { needs: DEFAULT_NEEDS, from: "flyte-core's default cluster-resource templates" };
  const checks = accessChecks(needs.needs);
  const storage = opts.members ? await hubStorage(hub, ns) : void 0;
  const routes = opts.members ? await hubGrpcRoutes(hub, ns).catch(() => void 0) : void 0;
  const all = [...list.clusters];
  for (const c of deployed?.clusters ?? []) if (!all.some((x) => x.name === c.name)) all.push(c);
  for (const [name, r] of Object.entries(records)) if (!all.some((x) => x.name === name)) all.push(fromRecord(name, r));
  const rows = await mapLimit(all, 8, async (c) => {
    const hubSide = withDeployed(await checkFromHub(c), c);
    if (!opts.members) return hubSide;
    return withMemberSide(hubSide, c, opts.members, storage);
  });
  const clusters = rows.map(
    (r, i) => r.status === "fulfilled" ? r.value : {
      name: all[i].name,
      endpoint: all[i].endpoint ?? "",
      enabled: false,
      reachable: false,
      tls: false,
      authenticated: false,
      permissions: false,
      verdict: "fail",
      problem: redact(String(r.reason?.message ?? r.reason)),
      findings: [],
      ms: 0
    }
  );
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
  async function withMemberSide(row, c, members, hubStore) {
    const context = memberContext(c, hub.context, members.contexts);
    if (!context) {
      return {
        ...row,
        findings: [
          ...row.findings,
          {
            check: "installed",
            ok: null,
            problem: `no context of your kubeconfig reaches ${c.endpoint}: the data plane's side was not checked`,
            fix: "add a context for it (its server must be the endpoint above), or pass --hub-only"
          }
        ]
      };
    }
    let findings;
    try {
      const m = context === hub.context ? hub : await opts.reach.connect(context, members.kube);
      if (!c.inCluster && context !== hub.context) {
        const uid = await clusterUid(m);
        if (records[c.name]?.uid && records[c.name].uid !== uid) {
          return {
            ...row,
            memberContext: context,
            findings: [
              ...row.findings,
              {
                check: "installed",
                ok: null,
                problem: `context ${context} reaches another cluster than the one joined as ${c.name} (kube-system UID differs): the data plane's side was not checked`
              }
            ]
          };
        }
      }
      findings = await checkMember(m, ns, c, hubStore, routes);
      if (row.proxied) findings.unshift(await identityAccess(m, c));
    } catch (e) {
      if (!(e instanceof FlytemcError)) throw e;
      const p = e.problems[0];
      findings = [
        {
          check: "installed",
          ok: null,
          problem: `the data plane's side was not checked: context ${context}: ${p.message.split("\n")[0]}`,
          ...p.fix ? { fix: p.fix } : {}
        }
      ];
    }
    const failed = findings.some((f) => f.ok === false);
    const verdict = failed ? "fail" : row.verdict === "skip" && findings.every((f) => f.ok !== false) ? "ok" : row.verdict;
    const access = findings.find((f) => f.check === "permissions");
    const hubFindings = access ? row.findings.filter((f) => f.check !== "permissions") : row.findings;
    return {
      ...row,
      ...access ? { permissions: access.ok === true } : {},
      memberContext: context,
      findings: [...hubFindings, ...findings],
      verdict
    };
  }
  async function identityAccess(m, c) {
    const identity = c.credentialProxy?.identity;
    if (!identity)
      return {
        check: "permissions",
        ok: null,
        problem: `credentialProxy.identity of ${c.name} is not set, so whose permissions to check is unknown`,
        fix: "set it to the user name the data plane sees for the proxy (flytemc join --auth records it)"
      };
    const denied = await deniedTo(m, identity, checks);
    if (!denied.length) return { check: "permissions", ok: true, value: `${identity}: all ${checks.length} (resource, verb) pairs (SubjectAccessReviews)` };
    const kinds = missingByKind(denied);
    return {
      check: "permissions",
      ok: false,
      value: identity,
      problem: `${identity} (the credential proxy's identity) may not, of what FlyteAdmin needs (${denied.length} of ${checks.length} SubjectAccessReviews denied): ${kinds.map((k) => `${k.kind} (${k.resource}): ${k.verbs.join(", ")}`).join("; ")}`,
      fix: `bind ClusterRole ${clusterRoleName(ns)} to it in the data plane: flytemc join ${m.context} --name ${c.name} --kube-context ${hub.context} -n ${ns} --auth ... --identity ${identity}`
    };
  }
  async function checkProxiedFromHub(c, base) {
    const started = Date.now();
    const w = c.credentialProxy.server ? c : wire(c, assignPorts(list.clusters).get(c.name) ?? 0, c.credentialProxy.image ?? "", `/${caKey(c.name)}`);
    const endpoint = w.credentialProxy.server;
    const row = { ...base, endpoint, proxied: true };
    const ca = creds.data[caKey(c.name)];
    if (ca === void 0) {
      const problem = `Secret ${ns}/${secretName} has no key ${caKey(c.name)}: the credential proxy verifies ${endpoint} with it, and FlyteAdmin's pods do not start without it`;
      const fix = `join it: flytemc join CONTEXT --name ${c.name} --kube-context ${hub.context} -n ${ns} --auth ...`;
      return { ...row, problem, fix, findings: [{ check: "tls", ok: false, problem, fix }], ms: Date.now() - started };
    }
    const r = await opts.reach.reachServer(endpoint, ca, timeoutMs);
    const leftover = creds.data[tokenKey(c.name)] !== void 0;
    const token = leftover ? {
      check: "token",
      ok: false,
      problem: `Secret ${ns}/${secretName} still holds ${tokenKey(c.name)}, a long-lived token, although FlyteAdmin reaches ${c.name} through its credential proxy with short-lived credentials: one to leak, never used`,
      fix: `remove it: kubectl --context ${hub.context} -n ${ns} patch secret ${secretName} --type json -p '[{"op":"remove","path":"/data/${tokenKey(c.name)}"}]'; then revoke it in the data plane: kubectl -n ${ns} delete secret ${records[c.name]?.tokenSecret || "flyteadmin-token"}`
    } : { check: "token", ok: true, value: "short-lived (credential proxy)" };
    const proxy = await checkProxy(hub, ns, w, clustersConfig);
    const findings = [
      r.reachable ? { check: "reachable", ok: true } : { check: "reachable", ok: false, ...r.what ? { problem: r.what } : {}, ...r.fix ? { fix: r.fix } : {} },
      !r.reachable ? { check: "tls", ok: null } : r.tls ? { check: "tls", ok: true } : { check: "tls", ok: false, ...r.what ? { problem: r.what } : {}, ...r.fix ? { fix: r.fix } : {} },
      token,
      { check: "permissions", ok: null },
      { check: "proxy", ...proxy }
    ];
    return {
      ...row,
      reachable: r.reachable,
      tls: r.tls,
      authenticated: !leftover,
      verdict: findings.some((f) => f.ok === false) ? "fail" : "ok",
      findings,
      ms: Date.now() - started
    };
  }
  function withDeployed(row, c) {
    if (!deployed) return row;
    const inDeployed = deployed.clusters.some((x) => x.name === c.name);
    const inList = list !== deployed && list.clusters.some((x) => x.name === c.name);
    let f;
    if (inDeployed)
      f = list !== deployed && !inList && list.source !== `what flytemc join recorded on Secret ${ns}/${secretName}` ? {
        check: "deployed",
        ok: true,
        problem: `${list.source} no longer lists it, but FlyteAdmin still runs with it (${deployed.source}): the next upgrade of the control plane takes it out; then \`flytemc unjoin CONTEXT --name ${c.name} --kube-context ${hub.context} -n ${ns} --finish\` removes its keys`
      } : { check: "deployed", ok: true };
    else
      f = {
        check: "deployed",
        ok: false,
        problem: `not deployed yet: ${inList ? `${list.source} lists it` : `it is joined (its keys are in Secret ${ns}/${secretName})`}, but FlyteAdmin's deployed config (${deployed.source}) does not, so FlyteAdmin sends it no executions`,
        fix: `upgrade the control plane with the values file join recorded it in: helm flytemc install control-plane --kube-context ${hub.context} -n ${ns} -f VALUES`
      };
    return { ...row, findings: [...row.findings, f], ...f.ok === false ? { verdict: "fail" } : {} };
  }
  async function checkFromHub(c) {
    const started = Date.now();
    const base = {
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
    };
    const fail = (check, problem, fix2) => ({
      ...base,
      problem,
      fix: fix2,
      findings: [{ check, ok: false, problem, fix: fix2 }],
      ms: Date.now() - started
    });
    if (c.inCluster)
      return {
        ...base,
        verdict: "skip",
        endpoint: "in cluster",
        findings: [{ check: "token", ok: null, problem: "inCluster: FlyteAdmin uses its own ServiceAccount" }],
        ms: 0
      };
    if (!c.endpoint) return fail("reachable", "no endpoint", "set endpoint in clusterConfigs (rerun flytemc join)");
    if (isProxied(c)) return checkProxiedFromHub(c, base);
    const tk = c.auth?.tokenPath ? basename(c.auth.tokenPath) : tokenKey(c.name);
    const ck = c.auth?.certPath ? basename(c.auth.certPath) : caKey(c.name);
    const token = creds.data[tk];
    const ca = creds.data[ck];
    if (token === void 0 || ca === void 0) {
      const missing = [token === void 0 ? tk : void 0, ca === void 0 ? ck : void 0].filter(Boolean).join(" and ");
      const listed = deployed?.clusters.some((x) => x.name === c.name);
      return fail(
        "token",
        listed ? `FlyteAdmin's deployed config lists ${c.name}, but Secret ${ns}/${secretName} has no key ${missing}: FlyteAdmin fails to start (at its next restart or upgrade) without it` : `Secret ${ns}/${secretName} has no key ${missing}: FlyteAdmin fails to start without it`,
        `join it: flytemc join CONTEXT --name ${c.name} --kube-context ${hub.context} -n ${ns}${listed ? "; or, if it was unjoined, upgrade the control plane without it" : ""}`
      );
    }
    const { result: r } = await opts.reach.proveToken(c.endpoint, token, [{ source: "hub", pem: ca }], timeoutMs, checks);
    const fix = r.fix?.replace("flytemc rotate CONTEXT --name NAME", `flytemc rotate CONTEXT --name ${c.name} --kube-context ${hub.context}`);
    const stage = (check, ok, reached) => !reached ? { check, ok: null } : ok ? { check, ok: true } : { check, ok: false, ...r.what ? { problem: r.what } : {}, ...fix ? { fix } : {} };
    const row = {
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
    return row;
  }
}
var fromRecord = (name, r) => ({
  name,
  endpoint: r.endpoint,
  enabled: true,
  ...r.auth ? { credentialProxy: { exec: { command: "(see the values file)" } } } : {}
});
var mark = (ok, reached) => !reached ? "-" : ok ? "yes" : "NO";
function cell(row, check) {
  const f = row.findings.find((x) => x.check === check);
  if (!f || f.ok === null) return "-";
  if (f.ok === false) return "NO";
  if (check === "catalog" && f.value?.startsWith("off")) return "off";
  if (check === "cluster-id" && f.value?.endsWith("(default)")) return "default";
  return "yes";
}
function formatTable(rep) {
  const memberChecks = ["installed", "alive", "admin", "catalog", "cluster-id", "storage"];
  const member = rep.clusters.some((r) => r.findings.some((f) => memberChecks.includes(f.check)));
  const deployed = rep.clusters.some((r) => r.findings.some((f) => f.check === "deployed"));
  const proxied = rep.clusters.some((r) => r.proxied);
  const head = [
    "NAME",
    "ENDPOINT",
    "REACHABLE",
    "TLS",
    "TOKEN",
    "PERMISSIONS",
    ...proxied ? ["PROXY"] : [],
    ...deployed ? ["DEPLOYED"] : [],
    ...member ? ["PROPELLER", "ALIVE", "ADMIN", "CATALOG", "CLUSTER-ID", "STORAGE"] : [],
    "VERDICT"
  ];
  const rows = rep.clusters.map((r) => {
    const hubCells = r.findings.some((f) => f.check === "token" && f.ok === null && r.endpoint === "in cluster") ? ["-", "-", "-", "-"] : r.proxied ? [r.reachable ? "yes" : "NO", mark(r.tls, r.reachable), cell(r, "token") === "yes" ? "proxy" : cell(r, "token"), cell(r, "permissions")] : [r.endpoint ? r.reachable ? "yes" : "NO" : "-", mark(r.tls, r.reachable), mark(r.authenticated, r.tls), mark(r.permissions, r.authenticated)];
    const proxyCells = proxied ? [r.proxied ? cell(r, "proxy") : "-"] : [];
    const deployedCells = deployed ? [cell(r, "deployed")] : [];
    const memberCells = member ? memberChecks.map((c) => cell(r, c)) : [];
    return [
      r.name,
      r.endpoint || "-",
      ...hubCells,
      ...proxyCells,
      ...deployedCells,
      ...memberCells,
      r.verdict === "ok" ? "OK" : r.verdict === "skip" ? "skip" : "FAIL"
    ];
  });
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells) => cells.map((c, i) => i === cells.length - 1 ? c : c.padEnd(widths[i])).join("  ");
  const out = [line(head), ...rows.map(line)];
  const failed = rep.clusters.filter((r) => r.verdict === "fail");
  for (const r of rep.clusters) {
    const seen = /* @__PURE__ */ new Set();
    for (const f of r.findings) {
      if (!f.problem || seen.has(f.problem)) continue;
      seen.add(f.problem);
      out.push(
        "",
        `${f.ok === false ? "error" : "note"}: cluster ${r.name}${f.check === "reachable" || f.check === "tls" || f.check === "token" || f.check === "permissions" ? "" : f.check === "deployed" ? " (deployed)" : ` (${f.check}${r.memberContext ? `, ${marked(`context ${r.memberContext}`)}` : ""})`}: ${f.problem}`
      );
      if (f.fix && f.ok === false) out.push(`  fix: ${f.fix}`);
    }
    if (r.problem && !seen.has(r.problem)) {
      out.push("", `${r.verdict === "fail" ? "error" : "note"}: cluster ${r.name}: ${r.problem}`);
      if (r.fix) out.push(`  fix: ${r.fix}`);
    }
  }
  const from = `credentials from ${marked(`hub ${rep.hub}`)} Secret ${rep.secret}; clusters from ${rep.source}; permissions from ${rep.needsFrom}`;
  out.push(
    "",
    failed.length ? `${failed.length} of ${rep.clusters.length} cluster${rep.clusters.length === 1 ? "" : "s"} FAIL (${from})` : `all ${rep.clusters.length} cluster${rep.clusters.length === 1 ? "" : "s"} OK (${from})`
  );
  return out.join("\n") + "\n";
}
async function checkControlPlane(req, reach = REAL_REACH) {
  const kc = await loadKubeConfig(req.kube);
  const hubContext = hubContextOf(req.kubeContext, () => kc.getCurrentContext(), false);
  const ns = req.namespace;
  const hub = await reach.connect(hubContext, req.kube);
  const deployed = await clustersDeployed(hub, ns);
  let list = req.valuesFile ? await clustersFromFile(req.valuesFile, readText(req.valuesFile)) : deployed;
  const secretName = req.secretName ?? list?.secretName ?? DEFAULT_CREDENTIALS.secretName;
  const creds = await readCredentials(hub, ns, secretName);
  list ??= {
    source: `what flytemc join recorded on Secret ${ns}/${secretName}`,
    clusters: Object.entries(creds.records).map(([name, r]) => fromRecord(name, r))
  };
  if (!list.clusters.length && !deployed?.clusters.length && !Object.keys(creds.records).length) {
    const other = !deployed && !creds.secret ? await hubElsewhere(hub, ns, secretName) : [];
    throw new FlytemcError(
      [
        error(
          list.source,
          `configures no clusters${other.length ? `; namespace ${ns} (from ${req.namespaceFrom}) has no FlyteAdmin config and no Secret ${secretName}, namespace ${other.join(", ")} has` : ""}`,
          other.length ? `rerun with -n ${other[0]}` : `join one: flytemc join CONTEXT --kube-context ${hubContext} -n ${ns}`
        )
      ],
      EXIT.failed
    );
  }
  const started = Date.now();
  const needs = await needsFor(hub, ns, req.valuesFile);
  const members = req.hubOnly ? void 0 : {
    kube: req.kube,
    contexts: kc.getContexts().map((x) => ({ name: x.name, ...kc.getCluster(x.cluster)?.server ? { server: kc.getCluster(x.cluster).server } : {} }))
  };
  const report = await checkClusters(hub, ns, secretName, list, deployed, req.kube.timeoutMs, { reach, needs, ...members ? { members } : {} });
  return { ...report, namespace: ns, namespaceFrom: req.namespaceFrom, ms: Date.now() - started };
}

export {
  clustersFromFile,
  needsFor,
  memberContext,
  formatTable,
  checkControlPlane
};
