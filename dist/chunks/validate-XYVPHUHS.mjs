#!/usr/bin/env node
import { createRequire as __flytemcCreateRequire } from 'node:module'; const require = __flytemcCreateRequire(import.meta.url);
import {
  validateValues
} from "./chunk-X4HTTNKZ.mjs";
import "./chunk-Q6QQLQ23.mjs";
import "./chunk-A763IIPD.mjs";
import "./chunk-4MI52BG5.mjs";
import "./chunk-EMYUWFA7.mjs";
import "./chunk-CMNDI7DY.mjs";
import {
  OUTPUT_OPTION,
  VALUES_OPTION,
  parseFormat,
  render
} from "./chunk-EL45TENR.mjs";
import "./chunk-OUC775SF.mjs";
import "./chunk-XLSMOU2J.mjs";
import "./chunk-MYO4P6B7.mjs";
import {
  commandLine,
  guard
} from "./chunk-PWPBOTUG.mjs";
import "./chunk-LRTHTFRO.mjs";
import "./chunk-TNQNMB5Q.mjs";
import "./chunk-RMH2B4TR.mjs";
import "./chunk-SMKU2DWZ.mjs";
import "./chunk-4VJRSWY5.mjs";
import {
  showUsage,
  writeOut
} from "./chunk-FIS3OFIC.mjs";
import "./chunk-QVD5WBXB.mjs";
import "./chunk-C2L5FP4Q.mjs";
import "./chunk-QI4TXXNF.mjs";
import {
  EXIT,
  UsageError,
  formatProblem
} from "./chunk-PXOMBRJH.mjs";
import "./chunk-IVYUDTSF.mjs";
import "./chunk-GPAN37FC.mjs";

// plugin/commands/validate.ts
var summary = "check values files with the post-renderer's checks (file:line, every problem)";
var usage = `Usage: helm flytemc validate -f FILE [-f FILE...] [--data-plane FILE[,FILE...]]... [--cloud eks|gcp] [-o table|yaml|json]

Checks each values file that holds a multi-cluster config (a \`multicluster:\` block, or
flyte-core's \`configmap.clusters\`, also under \`flyte-core:\`) with the same checks as the
post-renderer: the schema, duplicate names, routes to unknown or disabled clusters, labels that
route nowhere, token files outside the mounted Secret, invalid Kubernetes names, the upstream
guide's mistakes. In every file, a key under \`flyte-core:\` that flyte-core's values do not have
(a typo such as storage.bucketname, which flyte-core would ignore) is an error, with the nearest
key; maps flyte-core renders whole (configmap.*, annotations, empty maps) take any key.
Reports every problem with file:line, warnings too. A \`multicluster\` block without clusters
(the values both planes share) is checked as a part; one of the files must list the clusters,
unless --data-plane is given.

With --data-plane, the -f files are the control plane's values (merged in order, as Helm does)
and each --data-plane is one data plane's (its files comma-separated, merged in order); --cloud
puts the chart's values-eks.yaml or values-gcp.yaml first on both. Each data plane is checked as
the chart and the post-renderer will (its way back: multicluster.controlPlane.adminEndpoint,
the catalog; not flyte-core's in-cluster minio), then against the control plane: the same
storage type, bucket/container and endpoint (FlyteAdmin reads what flytepropeller writes), the
DataCatalog route it expects (catalogIngress) and its name in clusterConfigs.

Options:
  -f, --values FILE          a values file (repeat for several; - reads standard input)
  --data-plane FILE[,FILE]   a data plane's values files (repeat for several data planes)
  --cloud eks|gcp            the cloud overlay both planes are installed with
  -o FORMAT                  table (default), yaml or json
  -h, --help                 this help

Exit codes (docs/plugin.md#exit-codes): 0 no error (warnings allowed); 1 an error in a file or a
data plane; 2 the command line is wrong or a file cannot be read; 70 a bug in flytemc.

Examples:
  helm flytemc validate -f values-override.yaml
  helm flytemc validate -f shared-values.yaml -f my-values.yaml --data-plane shared-values.yaml,dp1-values.yaml --cloud eks
`;
var problemLines = (ps) => ps.map((p) => formatProblem(p).replace(/^/gm, "  "));
var plural = (n, what) => `${n} ${what}${n === 1 ? "" : "s"}`;
function textReport(rep) {
  const lines = [];
  for (const r of rep.files) {
    const head = r.status === "no-config" ? "no multi-cluster config here" : r.status === "ok" ? `ok${r.role ? ` (${r.role})` : r.listsClusters ? "" : " (a part: no clusters)"}` : "INVALID";
    lines.push(`${r.file}: ${head}`, ...problemLines(r.problems));
  }
  const planes = rep.planes;
  if (planes) {
    lines.push(`control plane (${planes.controlPlane.files.join(", ") || "no files"}): storage ${planes.controlPlane.storage}`);
    lines.push(...problemLines(planes.controlPlane.problems));
    for (const d of planes.dataPlanes) {
      lines.push(
        `data plane ${d.name ?? "(no clusterName)"} (${d.files.join(", ")}): ${d.problems.some((p) => p.severity === "error") ? "INVALID" : "ok"}; storage ${d.storage}${d.adminEndpoint ? `; admin ${d.adminEndpoint}` : ""}${d.catalog ? `; catalog ${d.catalog}` : ""}`,
        ...problemLines(d.problems)
      );
    }
  }
  if (rep.noConfig) lines.push("error: none of the files has a multi-cluster config (`multicluster.clusters` or `configmap.clusters`)");
  if (rep.noClusters)
    lines.push(
      "error: none of the files lists clusters (multicluster.clusters.clusterConfigs), so FlyteAdmin would have nowhere to run executions\n  fix: add the file that lists them (the one `flytemc join --values` records into), or check a data plane with --data-plane"
    );
  lines.push(
    `${plural(rep.errors, "error")}, ${plural(rep.warnings, "warning")} in ${plural(rep.files.length, "file")}${planes ? ` and ${plural(planes.dataPlanes.length, "data plane")}` : ""}`
  );
  return lines.join("\n") + "\n";
}
async function run(argv) {
  return guard(async () => {
    const { values } = commandLine(argv, {
      ...VALUES_OPTION,
      "data-plane": { type: "string", multiple: true },
      cloud: { type: "string" },
      ...OUTPUT_OPTION
    });
    if (values.help) return showUsage(usage);
    const format = parseFormat(values.output);
    const files = values.values ?? [];
    const dataPlanes = (values["data-plane"] ?? []).map((d) => d.split(",").filter(Boolean));
    if (files.length === 0 && dataPlanes.length === 0) throw new UsageError("give at least one values file with -f FILE");
    if (dataPlanes.some((d) => d.length === 0)) throw new UsageError("--data-plane needs a file (or several, comma-separated)");
    if (values.cloud !== void 0 && values.cloud !== "eks" && values.cloud !== "gcp")
      throw new UsageError(`--cloud ${JSON.stringify(values.cloud)}: use eks or gcp (AWS is eks)`);
    if (values.cloud !== void 0 && dataPlanes.length === 0) throw new UsageError("--cloud applies to --data-plane checks");
    const rep = validateValues(files, dataPlanes, values.cloud);
    const data = { valid: rep.valid, errors: rep.errors, warnings: rep.warnings, files: rep.files, ...rep.planes ? { planes: rep.planes } : {} };
    await writeOut(render(format, data, () => textReport(rep)));
    return rep.valid ? EXIT.ok : EXIT.invalid;
  });
}
export {
  run,
  summary,
  usage
};
