#!/usr/bin/env node
import { createRequire as __flytemcCreateRequire } from 'node:module'; const require = __flytemcCreateRequire(import.meta.url);
import {
  DEFAULT_CLUSTER_ID,
  clusterUid,
  propellerElsewhere,
  readCredentials,
  readDataPlane
} from "./chunk-WPL7ZNJ5.mjs";
import {
  describeStorage,
  storageDifferences,
  storageOfConfig
} from "./chunk-MSD6SMNW.mjs";
import {
  REAL_REACH,
  hubContextOf
} from "./chunk-BV443QMN.mjs";
import {
  loadKubeConfig,
  readOrAbsent
} from "./chunk-PHRVYTL4.mjs";
import {
  mapLimit
} from "./chunk-HMTLFFIO.mjs";
import {
  ADMIN_GRPC_ROUTE,
  CATALOG_GRPC_ROUTES,
  IN_CLUSTER_ADMIN,
  inClusterService
} from "./chunk-FMDVFPZZ.mjs";
import {
  DEFAULT_NEEDS,
  FLYTE_CORE_TEMPLATES,
  accessChecks,
  neededAccess,
  templatesOfValues
} from "./chunk-XMNVS4CT.mjs";
import {
  DEFAULT_CREDENTIALS,
  caKey,
  tokenKey
} from "./chunk-CMNDI7DY.mjs";
import {
  isObject
} from "./chunk-RLB7AC44.mjs";
import {
  trimSlashes
} from "./chunk-7QJUPDXI.mjs";
import {
  parseUntrusted
} from "./chunk-7WIHMZLF.mjs";
import {
  readText
} from "./chunk-CA6QZ6ZD.mjs";
import {
  STREAM_INPUT
} from "./chunk-WC3NI36A.mjs";
import {
  EXIT,
  FlytemcError,
  error,
  marked,
  redact
} from "./chunk-5JWNXXDS.mjs";

// plugin/cluster/check-clusters.ts
import { basename } from "node:path";
async function clustersFromFile(path, text) {
  const { configFromValues } = await import("./from-values-4SOODC56.mjs");
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
    const { readValuesFileIfPresent } = await import("./from-values-4SOODC56.mjs");
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
  const same = contexts.filter((x) => x.server && norm(x.server) === norm(c.endpoint));
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
  const wire = `reinstall the data plane pointed at the control plane, with the values file both planes share (multicluster.controlPlane, the bucket): ${install}`;
  const adminSection = section("admin.yaml");
  const admin = isObject(adminSection.admin) ? adminSection.admin : {};
  const adminEndpoint = typeof admin.endpoint === "string" ? admin.endpoint : void 0;
  if (!adminEndpoint)
    out.push({ check: "admin", ok: false, problem: `flytepropeller has no admin.endpoint (ConfigMap ${ns}/flyte-propeller-config admin.yaml)`, fix: wire });
  else {
    const svc = await service(adminEndpoint);
    if (svc && !svc.exists) {
      out.push({
        check: "admin",
        ok: false,
        value: adminEndpoint,
        problem: `flytepropeller's admin endpoint ${adminEndpoint} is ${adminEndpoint === IN_CLUSTER_ADMIN ? "flyte-core's single-cluster default, " : ""}a Service ${svc.namespace}/${svc.name} this cluster does not have: no execution event reaches FlyteAdmin, so no execution here ever finishes`,
        fix: wire
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
  const needs = opts.needs ?? { needs: DEFAULT_NEEDS, from: "flyte-core's default cluster-resource templates" };
  const checks = accessChecks(needs.needs);
  const storage = opts.members ? await hubStorage(hub, ns) : void 0;
  const routes = opts.members ? await hubGrpcRoutes(hub, ns).catch(() => void 0) : void 0;
  const all = [...list.clusters];
  for (const c of deployed?.clusters ?? []) if (!all.some((x) => x.name === c.name)) all.push(c);
  for (const [name, r] of Object.entries(records)) if (!all.some((x) => x.name === name)) all.push({ name, endpoint: r.endpoint, enabled: true });
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
    } catch (e) {
      if (!(e instanceof FlytemcError)) throw e;
      const p = e.problems[0];
      findings = [
        {
          check: "installed",
          ok: null,
          problem: `the data plane's side was not checked: context ${context}: ${p.what.split("\n")[0]}`,
          ...p.fix ? { fix: p.fix } : {}
        }
      ];
    }
    const failed = findings.some((f) => f.ok === false);
    const verdict = failed ? "fail" : row.verdict === "skip" && findings.every((f) => f.ok !== false) ? "ok" : row.verdict;
    return { ...row, memberContext: context, findings: [...row.findings, ...findings], verdict };
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
  const head = [
    "NAME",
    "ENDPOINT",
    "REACHABLE",
    "TLS",
    "TOKEN",
    "PERMISSIONS",
    ...deployed ? ["DEPLOYED"] : [],
    ...member ? ["PROPELLER", "ALIVE", "ADMIN", "CATALOG", "CLUSTER-ID", "STORAGE"] : [],
    "VERDICT"
  ];
  const rows = rep.clusters.map((r) => {
    const hubCells = r.findings.some((f) => f.check === "token" && f.ok === null && r.endpoint === "in cluster") ? ["-", "-", "-", "-"] : [r.endpoint ? r.reachable ? "yes" : "NO" : "-", mark(r.tls, r.reachable), mark(r.authenticated, r.tls), mark(r.permissions, r.authenticated)];
    const deployedCells = deployed ? [cell(r, "deployed")] : [];
    const memberCells = member ? memberChecks.map((c) => cell(r, c)) : [];
    return [r.name, r.endpoint || "-", ...hubCells, ...deployedCells, ...memberCells, r.verdict === "ok" ? "OK" : r.verdict === "skip" ? "skip" : "FAIL"];
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
    clusters: Object.entries(creds.records).map(([name, r]) => ({ name, endpoint: r.endpoint, enabled: true }))
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
