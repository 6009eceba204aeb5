#!/usr/bin/env node
import { createRequire as __flytemcCreateRequire } from 'node:module'; const require = __flytemcCreateRequire(import.meta.url);
import {
  probe
} from "./chunk-IQQW3Y55.mjs";
import {
  readCredentials
} from "./chunk-VHPCF7SW.mjs";
import {
  isObject
} from "./chunk-DX4FDJTJ.mjs";
import {
  parseYaml
} from "./chunk-C74VGJG2.mjs";
import {
  caKey,
  tokenKey
} from "./chunk-CMNDI7DY.mjs";
import {
  isNotFound
} from "./chunk-YUZUFQ34.mjs";
import {
  EXIT
} from "./chunk-BNFKKS27.mjs";
import {
  FlytemcError,
  error
} from "./chunk-XMK5AAIB.mjs";
import {
  mapLimit
} from "./chunk-RVT2UJHG.mjs";

// plugin/cluster/check.ts
import { basename } from "node:path";
async function clustersFromFile(path, text) {
  const { configFromValues } = await import("./from-values-2GSM3IAU.mjs");
  const found = configFromValues(path, text);
  const raw = found.raw;
  if (found.form === "multicluster") {
    const mc = isObject(raw) ? raw : {};
    const cl2 = isObject(mc.clusters) ? mc.clusters : {};
    const cred = isObject(mc.credentials) ? mc.credentials : {};
    return { source: path, clusters: Array.isArray(cl2.clusterConfigs) ? cl2.clusterConfigs : [], ...typeof cred.secretName === "string" ? { secretName: cred.secretName } : {} };
  }
  const cl = isObject(raw) ? raw : {};
  return { source: path, clusters: Array.isArray(cl.clusterConfigs) ? cl.clusterConfigs : [] };
}
async function clustersDeployed(hub, ns) {
  const cm = await hub.call(`reading ConfigMap ${ns}/flyte-admin-clusters-config`, async () => {
    try {
      return await hub.core.readNamespacedConfigMap({ name: "flyte-admin-clusters-config", namespace: ns });
    } catch (e) {
      if (isNotFound(e)) return void 0;
      throw e;
    }
  });
  const text = cm?.data?.["clusters.yaml"];
  if (!text) return void 0;
  const v = parseYaml(text);
  return { source: `hub ConfigMap ${ns}/flyte-admin-clusters-config`, clusters: v?.clusters?.clusterConfigs ?? [] };
}
async function checkClusters(hub, ns, secretName, list, timeoutMs, onRow) {
  const creds = await readCredentials(hub, ns, secretName);
  if (!creds.secret && list.clusters.some((c) => !c.inCluster)) {
    throw new FlytemcError([error(`hub ${hub.context}`, `there is no Secret ${ns}/${secretName} with the clusters' credentials`, `join the data planes: flytemc join CONTEXT --kube-context ${hub.context} -n ${ns}`)], EXIT.failed);
  }
  const rows = await mapLimit(list.clusters, 8, async (c) => {
    const started = Date.now();
    const base = { name: c.name, endpoint: c.endpoint ?? "", enabled: c.enabled === true, reachable: false, tls: false, authenticated: false, permissions: false, verdict: "fail", ms: 0 };
    const fail = (problem, fix) => ({ ...base, problem, fix, ms: Date.now() - started });
    if (c.inCluster) return { ...base, verdict: "skip", problem: "inCluster: FlyteAdmin uses its own ServiceAccount", ms: 0 };
    if (!c.endpoint) return fail("no endpoint", "set endpoint in clusterConfigs (rerun flytemc join)");
    const tk = c.auth?.tokenPath ? basename(c.auth.tokenPath) : tokenKey(c.name);
    const ck = c.auth?.certPath ? basename(c.auth.certPath) : caKey(c.name);
    const token = creds.data[tk];
    const ca = creds.data[ck];
    if (token === void 0 || ca === void 0) {
      const missing = [token === void 0 ? tk : void 0, ca === void 0 ? ck : void 0].filter(Boolean).join(" and ");
      return fail(`Secret ${ns}/${secretName} has no key ${missing}: FlyteAdmin fails to start without it`, `flytemc join CONTEXT --name ${c.name} --kube-context ${hub.context}`);
    }
    const r = await probe(c.endpoint, token, ca, { timeoutMs });
    const row = {
      ...base,
      reachable: r.reachable,
      tls: r.tls,
      authenticated: r.authenticated,
      permissions: r.permissions,
      verdict: r.ok ? "ok" : "fail",
      ...r.user ? { user: r.user } : {},
      ...r.what ? { problem: r.what } : {},
      ...r.fix ? { fix: r.fix.replace("flytemc rotate CONTEXT --name NAME", `flytemc rotate CONTEXT --name ${c.name} --kube-context ${hub.context}`) } : {},
      ...r.missing.length ? { missing: r.missing } : {},
      ms: r.ms
    };
    return row;
  });
  const clusters = rows.map((r, i) => r.status === "fulfilled" ? r.value : { name: list.clusters[i].name, endpoint: list.clusters[i].endpoint ?? "", enabled: false, reachable: false, tls: false, authenticated: false, permissions: false, verdict: "fail", problem: String(r.reason?.message ?? r.reason), ms: 0 });
  for (const r of clusters) onRow?.(r);
  return { hub: hub.context, secret: `${ns}/${secretName}`, source: list.source, clusters, ok: clusters.every((r) => r.verdict !== "fail") };
}
var mark = (ok, reached) => !reached ? "-" : ok ? "yes" : "NO";
function formatTable(rep) {
  const head = ["NAME", "ENDPOINT", "REACHABLE", "TLS", "TOKEN", "PERMISSIONS", "VERDICT"];
  const rows = rep.clusters.map((r) => {
    if (r.verdict === "skip") return [r.name, r.endpoint || "-", "-", "-", "-", "-", "skip"];
    return [
      r.name,
      r.endpoint || "-",
      r.endpoint ? r.reachable ? "yes" : "NO" : "-",
      mark(r.tls, r.reachable),
      mark(r.authenticated, r.tls),
      mark(r.permissions, r.authenticated),
      r.verdict === "ok" ? "OK" : "FAIL"
    ];
  });
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells) => cells.map((c, i) => i === cells.length - 1 ? c : c.padEnd(widths[i])).join("  ");
  const out = [line(head), ...rows.map(line)];
  const failed = rep.clusters.filter((r) => r.verdict === "fail");
  for (const r of rep.clusters.filter((x) => x.problem)) {
    out.push("", `${r.verdict === "fail" ? "error" : "note"}: cluster ${r.name}: ${r.problem}`);
    if (r.fix) out.push(`  fix: ${r.fix}`);
  }
  out.push("", failed.length ? `${failed.length} of ${rep.clusters.length} cluster${rep.clusters.length === 1 ? "" : "s"} FAIL (credentials from hub ${rep.hub} Secret ${rep.secret}; clusters from ${rep.source})` : `all ${rep.clusters.length} cluster${rep.clusters.length === 1 ? "" : "s"} OK (credentials from hub ${rep.hub} Secret ${rep.secret}; clusters from ${rep.source})`);
  return out.join("\n") + "\n";
}

export {
  clustersFromFile,
  clustersDeployed,
  checkClusters,
  formatTable
};
