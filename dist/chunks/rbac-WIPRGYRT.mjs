#!/usr/bin/env node
import { createRequire as __flytemcCreateRequire } from 'node:module'; const require = __flytemcCreateRequire(import.meta.url);
import {
  FLYTE_CORE_TEMPLATES,
  SERVICE_ACCOUNT,
  clusterRoleName,
  minimalRules,
  neededAccess,
  templatesOfValues
} from "./chunk-LPW2GZIF.mjs";
import {
  OUTPUT_OPTION,
  VALUES_OPTION,
  parseFormat,
  render,
  table
} from "./chunk-EL45TENR.mjs";
import {
  commandLine,
  guard
} from "./chunk-PWPBOTUG.mjs";
import {
  readValuesFiles
} from "./chunk-LRTHTFRO.mjs";
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
  FlytemcError,
  error
} from "./chunk-PXOMBRJH.mjs";
import "./chunk-IVYUDTSF.mjs";
import "./chunk-GPAN37FC.mjs";

// plugin/commands/rbac.ts
var summary = "print the least-privilege ClusterRole FlyteAdmin needs in a data plane, from the control plane's templates";
var usage = `Usage: helm flytemc rbac [-f FILE...] [-n NS] [-o yaml|json|table]

Prints the ClusterRole <namespace>-flyteadmin that grants ServiceAccount flyteadmin in a data
plane exactly what FlyteAdmin does there: for each kind of the control plane's cluster-resource
templates (flyte-core.cluster_resource_manager.templates in the values files, merged in order;
flyte-core's own Namespace and ResourceQuota when they set none) create, get and patch, and for
FlyteWorkflow objects create, get, update, delete, list and watch. flyte-core's default
ClusterRole grants every verb on secrets, roles, rolebindings and more.

Use it with \`flytemc join --rbac minimal --values FILE\` (creates it in each data plane) or
\`multicluster.dataPlane.rbac: minimal\` on the data-plane release (the chart narrows flyte-core's).

Options:
  -f, --values FILE   the control plane's values files (repeatable; a cloud overlay first)
  -n, --namespace NS  the data plane's namespace, which names the ClusterRole (default flyte)
  -o FORMAT           yaml (default: the ClusterRole, with where each rule comes from), json or table
  -h, --help          this help

Exit codes (docs/plugin.md#exit-codes): 0 printed; 1 a template without apiVersion/kind; 2 the
command line is wrong or a file cannot be read; 70 a bug in flytemc.

Example:
  helm flytemc rbac -f charts/flyte-multicluster/values-gcp.yaml -f controlplane-values.yaml > flyteadmin-clusterrole.yaml
`;
async function run(argv) {
  return guard(async () => {
    const { values } = commandLine(argv, {
      ...VALUES_OPTION,
      namespace: { type: "string", short: "n" },
      ...OUTPUT_OPTION
    });
    if (values.help) return showUsage(usage);
    const format = parseFormat(values.output, ["yaml", "json", "table"]);
    const files = values.values ?? [];
    const { merged } = readValuesFiles(files);
    const own = templatesOfValues(merged);
    const templates = own ?? FLYTE_CORE_TEMPLATES;
    const { needs, unknown } = neededAccess(templates);
    if (unknown.length) {
      throw new FlytemcError([
        error(
          { code: "rbac.template", subject: `${files.join(", ")}: flyte-core.cluster_resource_manager.templates` },
          `template${unknown.length > 1 ? "s" : ""} ${unknown.join(", ")} name${unknown.length > 1 ? "" : "s"} no apiVersion and kind`,
          "give every template top-level apiVersion: and kind: lines (FlyteAdmin cannot apply it otherwise)"
        )
      ]);
    }
    const ns = values.namespace ?? (process.env.HELM_NAMESPACE && process.env.HELM_NAMESPACE !== "default" ? process.env.HELM_NAMESPACE : "flyte");
    const role = {
      apiVersion: "rbac.authorization.k8s.io/v1",
      kind: "ClusterRole",
      metadata: { name: clusterRoleName(ns), labels: { "app.kubernetes.io/managed-by": "flytemc", "flytemc.io/rbac": "minimal" } },
      rules: minimalRules(needs)
    };
    const source = own ? `the templates of ${files.join(", ")}` : "flyte-core's default templates (the files set none)";
    const text = render(format, format === "json" ? { clusterRole: role, needs } : role, () => {
      const rows = needs.map((n) => [n.kind, n.group ? `${n.resource}.${n.group}` : n.resource, n.verbs.join(","), n.from.join(", ")]);
      return `ServiceAccount ${ns}/${SERVICE_ACCOUNT} needs, from ${source}:
${table(["KIND", "RESOURCE", "VERBS", "FROM"], rows, "  ")}`;
    });
    const header = format === "yaml" ? `# ClusterRole for ServiceAccount ${ns}/${SERVICE_ACCOUNT} in a data plane: what FlyteAdmin needs, from ${source}.
` + needs.map((n) => `#   ${n.kind} (${n.group ? `${n.resource}.${n.group}` : n.resource}): ${n.verbs.join(", ")}  <- ${n.from.join(", ")}`).join("\n") + "\n" : "";
    await writeOut(header + text);
    return EXIT.ok;
  });
}
export {
  run,
  summary,
  usage
};
