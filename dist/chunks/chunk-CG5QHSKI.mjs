#!/usr/bin/env node
import { createRequire as __flytemcCreateRequire } from 'node:module'; const require = __flytemcCreateRequire(import.meta.url);
import {
  DEFAULT_CLUSTER_ID,
  clusterUid,
  probe,
  readCredentials,
  readDataPlane
} from "./chunk-LUQ3FZXV.mjs";
import {
  describeStorage,
  storageDifferences,
  storageOfConfig
} from "./chunk-MSD6SMNW.mjs";
import {
  hubContextOf
} from "./chunk-PD6VQJK6.mjs";
import {
  connect,
  loadKubeConfig,
  readOrAbsent
} from "./chunk-OTN3OYF5.mjs";
import {
  mapLimit
} from "./chunk-IP4S7SHI.mjs";
import {
  DEFAULT_NEEDS,
  FLYTE_CORE_TEMPLATES,
  accessChecks,
  neededAccess,
  templatesOfValues
} from "./chunk-XMNVS4CT.mjs";
import {
  IN_CLUSTER_ADMIN,
  inClusterService
} from "./chunk-3IZYYW4Y.mjs";
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
  const { configFromValues } = await import("./from-values-RHXLSV6H.mjs");
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
    const { readValuesFileIfPresent } = await import("./from-values-RHXLSV6H.mjs");
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
async function checkMember(m, ns, c, storage) {
  const dp = await readDataPlane(m, ns);
  const install = `helm flytemc install data-plane --name ${c.name} --kube-context ${m.context} -n ${ns} -f shared-values.yaml`;
  if (!dp.config && !dp.deployment) {
    return [
      {
        check: "installed",
        ok: false,
        problem: `no flytepropeller in namespace ${ns} of context ${m.context} (no ConfigMap flyte-propeller-config, no Deployment flytepropeller): nothing would run the executions FlyteAdmin sends here`,
        fix: install
      },
      { check: "admin", ok: null },
      { check: "catalog", ok: null },
      { check: "cluster-id", ok: null },
      { check: "storage", ok: null }
    ];
  }
  const out = [{ check: "installed", ok: true, value: dp.deployment ?? "ConfigMap flyte-propeller-config" }];
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
async function checkClusters(hub, ns, secretName, list, timeoutMs, opts = {}) {
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
  const rows = await mapLimit(list.clusters, 8, async (c) => {
    const hubSide = await checkFromHub(c);
    if (!opts.members) return hubSide;
    return withMemberSide(hubSide, c, opts.members, storage);
  });
  const clusters = rows.map(
    (r, i) => r.status === "fulfilled" ? r.value : {
      name: list.clusters[i].name,
      endpoint: list.clusters[i].endpoint ?? "",
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
      const m = context === hub.context ? hub : await connect(context, members.kube);
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
      findings = await checkMember(m, ns, c, hubStore);
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
      return fail(
        "token",
        `Secret ${ns}/${secretName} has no key ${missing}: FlyteAdmin fails to start without it`,
        `flytemc join CONTEXT --name ${c.name} --kube-context ${hub.context}`
      );
    }
    const r = await probe(c.endpoint, token, ca, { timeoutMs, checks });
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
  const member = rep.clusters.some((r) => r.findings.some((f) => ["installed", "admin", "catalog", "cluster-id", "storage"].includes(f.check)));
  const head = [
    "NAME",
    "ENDPOINT",
    "REACHABLE",
    "TLS",
    "TOKEN",
    "PERMISSIONS",
    ...member ? ["PROPELLER", "ADMIN", "CATALOG", "CLUSTER-ID", "STORAGE"] : [],
    "VERDICT"
  ];
  const rows = rep.clusters.map((r) => {
    const hubCells = r.findings.some((f) => f.check === "token" && f.ok === null && r.endpoint === "in cluster") ? ["-", "-", "-", "-"] : [r.endpoint ? r.reachable ? "yes" : "NO" : "-", mark(r.tls, r.reachable), mark(r.authenticated, r.tls), mark(r.permissions, r.authenticated)];
    const memberCells = member ? ["installed", "admin", "catalog", "cluster-id", "storage"].map((c) => cell(r, c)) : [];
    return [r.name, r.endpoint || "-", ...hubCells, ...memberCells, r.verdict === "ok" ? "OK" : r.verdict === "skip" ? "skip" : "FAIL"];
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
        `${f.ok === false ? "error" : "note"}: cluster ${r.name}${f.check === "reachable" || f.check === "tls" || f.check === "token" || f.check === "permissions" ? "" : ` (${f.check}${r.memberContext ? `, ${marked(`context ${r.memberContext}`)}` : ""})`}: ${f.problem}`
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
async function checkControlPlane(req) {
  const kc = await loadKubeConfig(req.kube);
  const hubContext = hubContextOf(req.kubeContext, () => kc.getCurrentContext(), false);
  const ns = req.namespace;
  const hub = await connect(hubContext, req.kube);
  let list = req.valuesFile ? await clustersFromFile(req.valuesFile, readText(req.valuesFile)) : await clustersDeployed(hub, ns);
  const secretName = req.secretName ?? list?.secretName ?? DEFAULT_CREDENTIALS.secretName;
  if (!list) {
    const creds = await readCredentials(hub, ns, secretName);
    list = {
      source: `what flytemc join recorded on Secret ${ns}/${secretName}`,
      clusters: Object.entries(creds.records).map(([name, r]) => ({ name, endpoint: r.endpoint, enabled: true }))
    };
  }
  if (list.clusters.length === 0)
    throw new FlytemcError([error(list.source, "configures no clusters", `join one: flytemc join CONTEXT --kube-context ${hubContext}`)], EXIT.failed);
  const started = Date.now();
  const needs = await needsFor(hub, ns, req.valuesFile);
  const members = req.hubOnly ? void 0 : {
    kube: req.kube,
    contexts: kc.getContexts().map((x) => ({ name: x.name, ...kc.getCluster(x.cluster)?.server ? { server: kc.getCluster(x.cluster).server } : {} }))
  };
  const report = await checkClusters(hub, ns, secretName, list, req.kube.timeoutMs, { needs, ...members ? { members } : {} });
  return { ...report, ms: Date.now() - started };
}

export {
  clustersFromFile,
  clustersDeployed,
  needsFor,
  memberContext,
  formatTable,
  checkControlPlane
};
