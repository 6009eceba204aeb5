#!/usr/bin/env node
import { createRequire as __flytemcCreateRequire } from 'node:module'; const require = __flytemcCreateRequire(import.meta.url);
import {
  table
} from "./chunk-EL45TENR.mjs";
import {
  noted
} from "./chunk-AVEROJ5R.mjs";
import "./chunk-C2L5FP4Q.mjs";
import "./chunk-PXOMBRJH.mjs";
import "./chunk-IVYUDTSF.mjs";
import "./chunk-GPAN37FC.mjs";

// plugin/cluster/check-table.ts
var MEMBER_CHECKS = ["installed", "alive", "admin", "catalog", "cluster-id", "storage"];
var HUB_CHECKS = ["reachable", "tls", "token", "permissions"];
var mark = (ok, reached) => !reached ? "-" : ok ? "yes" : "NO";
function cell(row, check) {
  const f = row.findings.find((x) => x.check === check);
  if (!f || f.ok === null) return "-";
  if (f.ok === false) return "NO";
  if (check === "catalog" && f.value?.startsWith("off")) return "off";
  if (check === "cluster-id" && f.value?.endsWith("(default)")) return "default";
  return "yes";
}
function hubCells(r) {
  if (r.findings.some((f) => f.check === "token" && f.ok === null && r.endpoint === "in cluster")) return ["-", "-", "-", "-"];
  if (r.proxied) return [r.reachable ? "yes" : "NO", mark(r.tls, r.reachable), cell(r, "token") === "yes" ? "proxy" : cell(r, "token"), cell(r, "permissions")];
  return [r.endpoint ? r.reachable ? "yes" : "NO" : "-", mark(r.tls, r.reachable), mark(r.authenticated, r.tls), mark(r.permissions, r.authenticated)];
}
function grid(clusters) {
  const member = clusters.some((r) => r.findings.some((f) => MEMBER_CHECKS.includes(f.check)));
  const deployed = clusters.some((r) => r.findings.some((f) => f.check === "deployed"));
  const proxied = clusters.some((r) => r.proxied);
  const head = [
    ...["NAME", "ENDPOINT", "REACHABLE", "TLS", "TOKEN", "PERMISSIONS"],
    ...proxied ? ["PROXY"] : [],
    ...deployed ? ["DEPLOYED"] : [],
    ...member ? ["PROPELLER", "ALIVE", "ADMIN", "CATALOG", "CLUSTER-ID", "STORAGE"] : [],
    "VERDICT"
  ];
  const rows = clusters.map((r) => [
    r.name,
    r.endpoint || "-",
    ...hubCells(r),
    ...proxied ? [r.proxied ? cell(r, "proxy") : "-"] : [],
    ...deployed ? [cell(r, "deployed")] : [],
    ...member ? MEMBER_CHECKS.map((c) => cell(r, c)) : [],
    r.verdict === "ok" ? "OK" : r.verdict === "skip" ? "skip" : "FAIL"
  ]);
  return { head, rows };
}
function findingPlace(r, f) {
  if (HUB_CHECKS.includes(f.check)) return "";
  if (f.check === "deployed") return " (deployed)";
  return ` (${f.check}${r.memberContext ? `, ${noted(`context ${r.memberContext}`, r.memberTlsVerified !== false)}` : ""})`;
}
function problemLines(r) {
  const out = [];
  const seen = /* @__PURE__ */ new Set();
  for (const f of r.findings) {
    if (!f.problem || seen.has(f.problem)) continue;
    seen.add(f.problem);
    out.push("", `${f.ok === false ? "error" : "note"}: cluster ${r.name}${findingPlace(r, f)}: ${f.problem}`);
    if (f.fix && f.ok === false) out.push(`  fix: ${f.fix}`);
  }
  if (r.problem && !seen.has(r.problem)) {
    out.push("", `${r.verdict === "fail" ? "error" : "note"}: cluster ${r.name}: ${r.problem}`);
    if (r.fix) out.push(`  fix: ${r.fix}`);
  }
  return out;
}
function formatTable(rep) {
  const { head, rows } = grid(rep.clusters);
  const failed = rep.clusters.filter((r) => r.verdict === "fail").length;
  const n = rep.clusters.length;
  const from = `credentials from ${noted(`hub ${rep.hub}`, rep.hubTlsVerified)} Secret ${rep.secret}; clusters from ${rep.source}; permissions from ${rep.needsFrom}`;
  const count = failed ? `${failed} of ${n} cluster${n === 1 ? "" : "s"} FAIL (${from})` : `all ${n} cluster${n === 1 ? "" : "s"} OK (${from})`;
  return table(head, rows) + [...rep.clusters.flatMap(problemLines), "", count].join("\n") + "\n";
}
export {
  formatTable
};
