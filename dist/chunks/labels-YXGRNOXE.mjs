#!/usr/bin/env node
import { createRequire as __flytemcCreateRequire } from 'node:module'; const require = __flytemcCreateRequire(import.meta.url);
import {
  ADMIN_OPTIONS,
  ADMIN_USAGE,
  REQUEST_TIMEOUT,
  REQUEST_TIMEOUT_USAGE,
  adminConnection,
  hubOf,
  requestTimeout
} from "./chunk-WIO6VMA4.mjs";
import {
  HUB_OPTIONS,
  namespaceOf
} from "./chunk-SYI5OANH.mjs";
import {
  clustersFromValues,
  computeRoutes
} from "./chunk-XSHMAYF4.mjs";
import "./chunk-CMNDI7DY.mjs";
import {
  parseFormat,
  render
} from "./chunk-EL45TENR.mjs";
import {
  shellQuote
} from "./chunk-MYO4P6B7.mjs";
import {
  commandLine,
  guard,
  partWay,
  printWarnings,
  self
} from "./chunk-PWPBOTUG.mjs";
import {
  readValuesFiles
} from "./chunk-LRTHTFRO.mjs";
import {
  require_validators,
  schemaProblems
} from "./chunk-TNQNMB5Q.mjs";
import {
  where
} from "./chunk-RMH2B4TR.mjs";
import "./chunk-SMKU2DWZ.mjs";
import {
  isObject
} from "./chunk-4VJRSWY5.mjs";
import {
  showUsage,
  writeOut
} from "./chunk-FIS3OFIC.mjs";
import "./chunk-QVD5WBXB.mjs";
import {
  get
} from "./chunk-C2L5FP4Q.mjs";
import "./chunk-QI4TXXNF.mjs";
import {
  EXIT,
  FlytemcError,
  UsageError,
  error,
  warning
} from "./chunk-PXOMBRJH.mjs";
import "./chunk-IVYUDTSF.mjs";
import {
  __toESM
} from "./chunk-GPAN37FC.mjs";

// plugin/commands/labels.ts
import { join as join2 } from "node:path";

// plugin/config/execution-labels.ts
var import_validators = __toESM(require_validators(), 1);
function routesOfValues(merged, files, what, fix) {
  const found = clustersFromValues(merged);
  if (!found) throw new FlytemcError([error({ code: "labels.no-config", subject: files.join(", ") }, `no cluster config to check ${what} against`, fix)]);
  return { routes: computeRoutes(found.clusters), at: found.at };
}
function unrouted(label, { routes, at }) {
  const l = routes.labels.find((x) => x.label === label);
  const known = routes.labels.filter((x) => !x.dropped).map((x) => x.label);
  const fallback = routes.fallback.label !== void 0 ? `defaultExecutionLabel ${routes.fallback.label}` : "all enabled clusters";
  if (!l)
    return {
      what: `${JSON.stringify(label)} is not a label of ${at}.labelClusterMap; FlyteAdmin would ignore it and use ${fallback}`,
      fix: `use one of: ${known.join(", ") || "(none: add the label to labelClusterMap first)"}`
    };
  if (l.dropped)
    return {
      what: `label ${JSON.stringify(label)} has no enabled cluster (${l.entries.map((e) => `${e.id}: ${e.note ?? ""}`).join("; ")}), so FlyteAdmin drops it and would use ${fallback}`,
      fix: `enable one of its clusters (see \`helm flytemc routes\`), or use one of: ${known.join(", ") || "(none)"}`
    };
  return void 0;
}
var labelTarget = (e) => `${e.project}/${e.domain}${e.workflow ? `/${e.workflow}` : ""}`;
function listOf(parsed, merged, empty) {
  const src = [...parsed].reverse().find((p) => isObject(p.values) && isObject(p.values.multicluster) && "executionLabels" in p.values.multicluster);
  const mc = isObject(merged) && isObject(merged.multicluster) ? merged.multicluster : {};
  if (src && Array.isArray(mc.executionLabels) && (mc.executionLabels.length > 0 || empty)) return { src, list: mc.executionLabels };
  throw new FlytemcError([
    error(
      { code: "labels.missing", subject: parsed.map((p) => p.file).join(", ") },
      empty ? "no multicluster.executionLabels list (`executionLabels: []` says there is none on purpose)" : "no multicluster.executionLabels entries to write",
      "add entries such as `- {project: flytesnacks, domain: development, label: team1}` under multicluster.executionLabels, or pass --project, --domain and --label"
    )
  ]);
}
function entryProblems(entries, configs, at) {
  const problems = [];
  const names = /* @__PURE__ */ new Map();
  entries.forEach((e, i) => {
    for (const c of configs) {
      const why = unrouted(e.label, c);
      if (why) problems.push(error({ ...at(`/executionLabels/${i}/label`), code: "labels.unrouted" }, `${labelTarget(e)}: ${why.what}`, why.fix));
    }
    const name = [e.project, e.domain, e.workflow ?? ""].join("/");
    const first = names.get(name);
    if (first === void 0) names.set(name, i);
    else
      problems.push(
        error(
          { ...at(`/executionLabels/${i}`), code: "labels.duplicate" },
          `${labelTarget(e)} is listed twice (also entry ${first}); only one label can apply`,
          "keep one entry"
        )
      );
  });
  return problems;
}
function executionLabelsOf(parsed, merged, configs, empty) {
  const { src, list } = listOf(parsed, merged, empty);
  const at = (p) => where({ label: src.file, text: src.text, base: "/multicluster" }, p);
  const shape = { executionLabels: list };
  const invalid = (0, import_validators.validateMulticluster)(shape) ? [] : schemaProblems(import_validators.validateMulticluster.errors, at, (p) => get(shape, p));
  if (invalid.length) throw new FlytemcError(invalid);
  const entries = list;
  const problems = entryProblems(entries, configs(), at);
  if (problems.length) throw new FlytemcError(problems);
  return entries.map((e, i) => ({ ...e, at: at(`/executionLabels/${i}`) }));
}

// plugin/flyteadmin/label-files.ts
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
var HEADER = "# flytectl execution-cluster-label attributes, written by `flytemc labels` from multicluster.executionLabels";
var attributes = (e) => ({
  domain: e.domain,
  project: e.project,
  ...e.workflow ? { workflow: e.workflow } : {},
  value: e.label
});
var attributeFile = (format, e) => render(format, attributes(e), () => "");
function writeAttributeFile(path, text) {
  writeFileSync(path, text);
}
function fileName(e, format) {
  return `${[e.project, e.domain, ...e.workflow ? [e.workflow] : []].join("_")}.${format === "json" ? "json" : "yaml"}`;
}
function writeLabelFiles(dir, entries, format) {
  if (existsSync(dir) && !statSync(dir).isDirectory()) throw new UsageError(`--out ${dir} is a file; with executionLabels it names a folder`);
  mkdirSync(dir, { recursive: true });
  const written = [];
  for (const e of entries) {
    const name = fileName(e, format);
    const body = attributeFile(format, e);
    writeFileSync(join(dir, name), format === "yaml" ? `${HEADER}
${body}` : body);
    written.push(join(dir, name));
  }
  const ours = new Set(written);
  const stale = readdirSync(dir).map((f) => join(dir, f)).filter((f) => !ours.has(f) && /\.(yaml|json)$/.test(f) && readFileSync(f, "utf8").startsWith(HEADER)).map(
    (f) => warning(
      { code: "labels.stale-file", file: f },
      "no executionLabels entry writes this file any more, but FlyteAdmin keeps its attribute",
      `flytectl delete execution-cluster-label --attrFile ${f}, then delete the file`
    )
  );
  return { written, stale };
}

// plugin/commands/labels.ts
var summary = "execution cluster labels as code: apply multicluster.executionLabels to FlyteAdmin, diff them, or write flytectl files";
var usage = `Usage: helm flytemc labels apply --admin URL -f FILE... [--prune|--prune-all] [--dry-run] [--kube-context HUB] [-n NS]
       helm flytemc labels diff --admin URL -f FILE... [--prune|--prune-all] [--kube-context HUB] [-n NS]
       helm flytemc labels --project P --domain D [--workflow W] --label L [-f FILE...] [-o yaml|json] [--out FILE]
       helm flytemc labels -f FILE... --out DIR [-o yaml|json]

\`labels apply\` reads \`multicluster.executionLabels\` (a list of {project, domain, workflow?,
label}) from the values files and FlyteAdmin's execution cluster label attributes (matchable
attributes of type EXECUTION_CLUSTER_LABEL), prints the difference (add, change, remove, and what it
keeps) and applies it through FlyteAdmin's API: project-domain attributes, or workflow attributes
for an entry with a workflow. Before anything is written it refuses a label that labelClusterMap
(of the values, and of FlyteAdmin's deployed config) does not route, an entry listed twice, and a
project or domain FlyteAdmin does not know. FlyteAdmin's attributes carry no owner, so flytemc
records what it applied in ConfigMap flytemc-execution-labels of the control plane's namespace in
the hub (the team sees it, whichever machine or CI job applied); --prune removes the attributes of
that record that the values no longer list, --prune-all every attribute the values do not list.
Without either, other attributes are listed as kept. --dry-run shows the difference only;
\`labels diff\` shows it and exits 3 when FlyteAdmin differs from what apply would make it (for CI).

Writes the attribute file that \`flytectl update execution-cluster-label --attrFile FILE\` reads,
so that executions of the project and domain (and workflow) go to the clusters of label L. With
-f it refuses a label that the config does not route: unknown to labelClusterMap, or dropped by
FlyteAdmin because none of its clusters is enabled (such executions would silently fall back).

Without --project/--domain/--label, it reads the mapping from the values files'
\`multicluster.executionLabels\` (a list of {project, domain, workflow?, label}) and writes one
file per entry into DIR, named <project>_<domain>[_<workflow>].yaml: the mapping lives in git
with the clusters. Every entry is checked first; one label the config does not route and
nothing is written.

Options:
  apply and diff:
${ADMIN_USAGE}
  -f, --values F   values files with multicluster.executionLabels and the cluster config (repeatable)
  --prune          also remove the attributes flytemc applied before that the values no longer list
  --prune-all      also remove every attribute the values do not list, whoever set it
  --dry-run        (apply) print the difference; change nothing
  --kube-context HUB  the control plane's context (default: the current context)
  -n, --namespace NS  the control plane's namespace (default: flyte; helm flytemc: Helm's namespace)
  -o FORMAT        table (default), yaml or json
${REQUEST_TIMEOUT_USAGE}
  --kubeconfig PATH   kubeconfig to use
  --insecure-skip-tls-verify  allow a hub context whose kubeconfig cluster skips TLS verification
  the flytectl files:
  --project P      the Flyte project
  --domain D       the domain (development, staging, production, ...)
  --workflow W     only this workflow (optional)
  --label L        the execution cluster label (a key of labelClusterMap)
  -f, --values F   values files with the cluster config, to check the label (repeatable)
  -o FORMAT        yaml (default) or json
  --out FILE|DIR   write to FILE instead of standard output; with executionLabels, the folder
  -h, --help       this help

Exit codes (docs/plugin.md#exit-codes): 0 written or applied (diff: no difference); 1 a label is
not routed by the config, an entry is listed twice, a project or domain FlyteAdmin does not know,
or a values file is wrong; 2 the command line is wrong, a file cannot be read, or the kubeconfig
(none, no such context, a cluster that skips TLS verification without --insecure-skip-tls-verify);
3 diff: FlyteAdmin differs from the values; FlyteAdmin or the hub does not answer (apply says what
was applied and how to go on); 70 a bug in flytemc.

Examples:
  helm flytemc labels diff --admin http://localhost:8088 -f my-values.yaml --kube-context cp
  helm flytemc labels apply --admin http://localhost:8088 -f my-values.yaml --kube-context cp --prune

  helm flytemc labels --project flytesnacks --domain development --label team2 -f values-override.yaml --out ecl.yaml
  flytectl update execution-cluster-label --attrFile ecl.yaml

  helm flytemc labels -f my-values.yaml --out labels/
  for f in labels/*.yaml; do flytectl update execution-cluster-label --attrFile "$f"; done
`;
var FLYTECTL_OPTIONS = {
  project: { type: "string" },
  domain: { type: "string" },
  workflow: { type: "string" },
  label: { type: "string" },
  values: { type: "string", short: "f", multiple: true },
  output: { type: "string", short: "o" },
  out: { type: "string" }
};
async function run(argv) {
  if (argv[0] === "apply" || argv[0] === "diff") return reconcile(argv[0], argv.slice(1));
  return guard(async () => {
    const { values } = commandLine(argv, FLYTECTL_OPTIONS);
    if (values.help) return showUsage(usage);
    const format = parseFormat(values.output, ["yaml", "json"]);
    const files = values.values ?? [];
    const { files: parsed, merged } = readValuesFiles(files);
    if (!values.project && !values.domain && !values.label && !values.workflow) {
      if (!files.length || !values.out)
        throw new UsageError("give --project, --domain and --label, or -f FILE --out DIR to write one file per multicluster.executionLabels entry");
      return fromValues(parsed, merged, values.out, format);
    }
    for (const k of ["project", "domain", "label"]) if (!values[k]) throw new UsageError(`--${k} is required`);
    const label = values.label;
    if (files.length) {
      const why = unrouted(label, routesOfValues(merged, files, "the label", LABEL_CONFIG_FIX));
      if (why) throw new FlytemcError([error({ code: "labels.unrouted", subject: `--label ${label}` }, why.what, why.fix)]);
    } else {
      process.stderr.write("warning: the label was not checked against a config; pass -f values.yaml to check it\n");
    }
    const text = attributeFile(format, { project: values.project, domain: values.domain, ...values.workflow ? { workflow: values.workflow } : {}, label });
    if (!values.out) {
      await writeOut(text);
      return EXIT.ok;
    }
    writeAttributeFile(values.out, text);
    process.stderr.write(`wrote ${values.out}; apply it with: flytectl update execution-cluster-label --attrFile ${values.out}
`);
    return EXIT.ok;
  });
}
var LABEL_CONFIG_FIX = "pass the values file with multicluster.clusters (or configmap.clusters)";
async function fromValues(parsed, merged, dir, format) {
  const files = parsed.map((p) => p.file);
  const entries = executionLabelsOf(parsed, merged, () => [routesOfValues(merged, files, "the label", LABEL_CONFIG_FIX)], false);
  const { written, stale } = writeLabelFiles(dir, entries, format);
  await writeOut(
    `${written.map((f) => `wrote ${f}`).join("\n")}
apply them with: for f in ${join2(dir, "*." + (format === "json" ? "json" : "yaml"))}; do flytectl update execution-cluster-label --attrFile "$f"; done
`
  );
  printWarnings(stale);
  return EXIT.ok;
}
var reconcileOptions = (mode) => ({
  values: { type: "string", short: "f", multiple: true },
  ...ADMIN_OPTIONS,
  ...REQUEST_TIMEOUT,
  ...HUB_OPTIONS,
  prune: { type: "boolean", default: false },
  "prune-all": { type: "boolean", default: false },
  ...mode === "apply" ? { "dry-run": { type: "boolean", default: false } } : {},
  output: { type: "string", short: "o" }
});
async function reconcile(mode, argv) {
  return guard(async () => {
    const { values: v } = commandLine(argv, reconcileOptions(mode));
    if (v.help) return showUsage(usage);
    const format = parseFormat(v.output);
    const files = v.values ?? [];
    if (!files.length)
      throw new UsageError(`pass the values files that hold multicluster.executionLabels: ${self()} labels ${mode} --admin URL -f my-values.yaml`);
    if (v.prune && v["prune-all"]) throw new UsageError("--prune and --prune-all exclude each other: --prune-all removes what --prune removes, and more");
    const requestMs = requestTimeout(v);
    const conn = adminConnection(v, requestMs, true);
    const ns = namespaceOf(v.namespace);
    const { files: parsed, merged } = readValuesFiles(files);
    const valuesConfig = () => routesOfValues(merged, files, "the labels", "pass the values file with multicluster.clusters too");
    executionLabelsOf(parsed, merged, () => [valuesConfig()], true);
    const { connectHub, readDeployedClusters } = await import("./deployed-6ERQ5DCB.mjs");
    const { labelRecord } = await import("./label-record-N73UXBNP.mjs");
    const hub = await connectHub(hubOf(v, requestMs));
    const deployed = await readDeployedClusters(hub, ns);
    const deployedConfig = { routes: computeRoutes(deployed.clusters), at: `FlyteAdmin's deployed config (${deployed.source})` };
    const entries = executionLabelsOf(parsed, merged, () => [valuesConfig(), deployedConfig], true);
    const dry = mode === "diff" || v["dry-run"] === true;
    const rerun = [
      `${self()} labels apply --admin ${conn.url}`,
      ...files.map((f) => `-f ${shellQuote(f)}`),
      `--kube-context ${hub.context} -n ${ns}`,
      ...v.prune ? ["--prune"] : [],
      ...v["prune-all"] ? ["--prune-all"] : []
    ].join(" ");
    const prune = v["prune-all"] ? "all" : v.prune ? "applied" : "none";
    return showAndApply(labelRecord(hub, ns, dry), entries, { conn, mode, dry, prune, files, rerun, format });
  });
}
async function showAndApply(record, entries, o) {
  const { FlyteAdmin } = await import("./client-JFJRP33O.mjs");
  const { applyLabels, drifts, driftError, formatChanges, labelPlan } = await import("./labels-SY5FFRVU.mjs");
  const admin = new FlyteAdmin(o.conn);
  const desired = entries.map((e) => ({ project: e.project, domain: e.domain, ...e.workflow ? { workflow: e.workflow } : {}, label: e.label }));
  const changes = await labelPlan(admin, record, desired, (i) => entries[i].at, o.prune);
  const report = { admin: admin.url, values: o.files, record: record.where, prune: o.prune, changes };
  await writeOut(render(o.format, report, () => formatChanges(changes, admin.url, o.files)));
  if (o.mode === "diff") {
    if (drifts(changes)) throw driftError(changes, admin.url, o.files, o.rerun);
    return EXIT.ok;
  }
  if (o.dry) {
    if (o.format === "table") await writeOut("dry run: nothing was changed\n");
    return EXIT.ok;
  }
  const out = await applyLabels(admin, record, changes, o.rerun).catch(partWay);
  if (o.format === "table")
    await writeOut(
      out.done.length ? `applied ${out.done.length} change${out.done.length === 1 ? "" : "s"} to FlyteAdmin (recorded in ${record.where})
` : `no change: FlyteAdmin's execution cluster labels match the values
`
    );
  return EXIT.ok;
}
export {
  run,
  summary,
  usage
};
