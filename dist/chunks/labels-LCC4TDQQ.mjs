#!/usr/bin/env node
import { createRequire as __flytemcCreateRequire } from 'node:module'; const require = __flytemcCreateRequire(import.meta.url);
import {
  ADMIN_OPTIONS,
  ADMIN_USAGE,
  REQUEST_TIMEOUT,
  REQUEST_TIMEOUT_USAGE,
  adminConnection,
  requestTimeout
} from "./chunk-4NPCPLHT.mjs";
import {
  clustersFromValues,
  computeRoutes
} from "./chunk-XSHMAYF4.mjs";
import {
  HUB_OPTIONS,
  kubeOptions,
  namespaceOf
} from "./chunk-OJ4DBTHC.mjs";
import "./chunk-CMNDI7DY.mjs";
import {
  parseFormat,
  render,
  table
} from "./chunk-FTTXYFV7.mjs";
import {
  shellQuote
} from "./chunk-OVIFR6TO.mjs";
import {
  commandLine,
  guard,
  partWay,
  printWarnings,
  self
} from "./chunk-PWPBOTUG.mjs";
import {
  readValuesFiles
} from "./chunk-ATTPCIUO.mjs";
import {
  require_validators,
  schemaProblems
} from "./chunk-I7EPACT3.mjs";
import {
  where
} from "./chunk-RMH2B4TR.mjs";
import {
  isObject
} from "./chunk-4VJRSWY5.mjs";
import {
  get
} from "./chunk-C2L5FP4Q.mjs";
import "./chunk-V2RZFSZU.mjs";
import "./chunk-QI4TXXNF.mjs";
import {
  writeOut
} from "./chunk-TUCM6SPK.mjs";
import "./chunk-QVD5WBXB.mjs";
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
var import_validators = __toESM(require_validators(), 1);
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
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
var attributes = (e) => ({
  domain: e.domain,
  project: e.project,
  ...e.workflow ? { workflow: e.workflow } : {},
  value: e.label
});
async function run(argv) {
  if (argv[0] === "apply" || argv[0] === "diff") return reconcile(argv[0], argv.slice(1));
  return guard(async () => {
    const { values } = commandLine(argv, {
      project: { type: "string" },
      domain: { type: "string" },
      workflow: { type: "string" },
      label: { type: "string" },
      values: { type: "string", short: "f", multiple: true },
      output: { type: "string", short: "o" },
      out: { type: "string" }
    });
    if (values.help) {
      await writeOut(usage);
      return EXIT.ok;
    }
    const format = parseFormat(values.output, ["yaml", "json"]);
    const files = values.values ?? [];
    const { files: parsed, merged } = readValuesFiles(files);
    const config = () => {
      const found = clustersFromValues(merged);
      if (!found)
        throw new FlytemcError([
          error(files.join(", "), "no cluster config to check the label against", "pass the values file with multicluster.clusters (or configmap.clusters)")
        ]);
      return { routes: computeRoutes(found.clusters), at: found.at };
    };
    if (!values.project && !values.domain && !values.label && !values.workflow) {
      if (!files.length || !values.out)
        throw new UsageError("give --project, --domain and --label, or -f FILE --out DIR to write one file per multicluster.executionLabels entry");
      return fromValues(parsed, merged, config, values.out, format);
    }
    for (const k of ["project", "domain", "label"]) if (!values[k]) throw new UsageError(`--${k} is required`);
    const label = values.label;
    if (files.length) {
      const why = unrouted(label, config());
      if (why) throw new FlytemcError([error(`--label ${label}`, why.what, why.fix)]);
    } else {
      process.stderr.write("warning: the label was not checked against a config; pass -f values.yaml to check it\n");
    }
    const text = render(
      format,
      attributes({ project: values.project, domain: values.domain, ...values.workflow ? { workflow: values.workflow } : {}, label }),
      () => ""
    );
    if (values.out) {
      writeFileSync(values.out, text);
      process.stderr.write(`wrote ${values.out}; apply it with: flytectl update execution-cluster-label --attrFile ${values.out}
`);
    } else {
      await writeOut(text);
    }
    return EXIT.ok;
  });
}
var HEADER = "# flytectl execution-cluster-label attributes, written by `flytemc labels` from multicluster.executionLabels";
function executionLabelsOf(parsed, merged, configs, empty) {
  const src = [...parsed].reverse().find((p) => isObject(p.values) && isObject(p.values.multicluster) && "executionLabels" in p.values.multicluster);
  const mc = isObject(merged) && isObject(merged.multicluster) ? merged.multicluster : {};
  if (!src || !Array.isArray(mc.executionLabels) || mc.executionLabels.length === 0 && !empty) {
    throw new FlytemcError([
      error(
        parsed.map((p) => p.file).join(", "),
        empty ? "no multicluster.executionLabels list (`executionLabels: []` says there is none on purpose)" : "no multicluster.executionLabels entries to write",
        "add entries such as `- {project: flytesnacks, domain: development, label: team1}` under multicluster.executionLabels, or pass --project, --domain and --label"
      )
    ]);
  }
  const at = (p) => where({ label: src.file, text: src.text, base: "/multicluster" }, p);
  const problems = [];
  const shape = { executionLabels: mc.executionLabels };
  if (!(0, import_validators.validateMulticluster)(shape)) problems.push(...schemaProblems(import_validators.validateMulticluster.errors, at, (p) => get(shape, p)));
  if (problems.length) throw new FlytemcError(problems);
  const entries = mc.executionLabels;
  const found = configs();
  const names = /* @__PURE__ */ new Map();
  entries.forEach((e, i) => {
    for (const f of found) {
      const why = unrouted(e.label, f);
      if (why) problems.push(error(at(`/executionLabels/${i}/label`), `${e.project}/${e.domain}${e.workflow ? `/${e.workflow}` : ""}: ${why.what}`, why.fix));
    }
    const name = [e.project, e.domain, e.workflow ?? ""].join("/");
    const first = names.get(name);
    if (first !== void 0)
      problems.push(
        error(
          at(`/executionLabels/${i}`),
          `${e.project}/${e.domain}${e.workflow ? `/${e.workflow}` : ""} is listed twice (also entry ${first}); only one label can apply`,
          "keep one entry"
        )
      );
    else names.set(name, i);
  });
  if (problems.length) throw new FlytemcError(problems);
  return entries.map((e, i) => ({ ...e, at: at(`/executionLabels/${i}`) }));
}
async function fromValues(parsed, merged, config, dir, format) {
  const entries = executionLabelsOf(parsed, merged, () => [config()], false);
  if (existsSync(dir) && !statSync(dir).isDirectory()) throw new UsageError(`--out ${dir} is a file; with executionLabels it names a folder`);
  mkdirSync(dir, { recursive: true });
  const written = [];
  for (const e of entries) {
    const name = fileName(e, format);
    const body = render(format, attributes(e), () => "");
    writeFileSync(join(dir, name), format === "yaml" ? `${HEADER}
${body}` : body);
    written.push(name);
  }
  const ours = new Set(written);
  const stale = readdirSync(dir).filter((f) => !ours.has(f) && /\.(yaml|json)$/.test(f) && readFileSync(join(dir, f), "utf8").startsWith(HEADER));
  const warnings = stale.map(
    (f) => warning(
      join(dir, f),
      "no executionLabels entry writes this file any more, but FlyteAdmin keeps its attribute",
      `flytectl delete execution-cluster-label --attrFile ${join(dir, f)}, then delete the file`
    )
  );
  await writeOut(
    `${written.map((f) => `wrote ${join(dir, f)}`).join("\n")}
apply them with: for f in ${join(dir, "*." + (format === "json" ? "json" : "yaml"))}; do flytectl update execution-cluster-label --attrFile "$f"; done
`
  );
  printWarnings(warnings);
  return EXIT.ok;
}
function fileName(e, format) {
  return `${[e.project, e.domain, ...e.workflow ? [e.workflow] : []].join("_")}.${format === "json" ? "json" : "yaml"}`;
}
async function reconcile(mode, argv) {
  return guard(async () => {
    const { values: v } = commandLine(argv, {
      values: { type: "string", short: "f", multiple: true },
      ...ADMIN_OPTIONS,
      ...REQUEST_TIMEOUT,
      ...HUB_OPTIONS,
      prune: { type: "boolean", default: false },
      "prune-all": { type: "boolean", default: false },
      ...mode === "apply" ? { "dry-run": { type: "boolean", default: false } } : {},
      output: { type: "string", short: "o" }
    });
    if (v.help) {
      await writeOut(usage);
      return EXIT.ok;
    }
    const format = parseFormat(v.output);
    const files = v.values ?? [];
    if (!files.length)
      throw new UsageError(`pass the values files that hold multicluster.executionLabels: ${self()} labels ${mode} --admin URL -f my-values.yaml`);
    if (v.prune && v["prune-all"]) throw new UsageError("--prune and --prune-all exclude each other: --prune-all removes what --prune removes, and more");
    const requestMs = requestTimeout(v);
    const conn = adminConnection(v, requestMs, true);
    const prune = v["prune-all"] ? "all" : v.prune ? "applied" : "none";
    const dry = mode === "diff" || v["dry-run"] === true;
    const ns = namespaceOf(v.namespace);
    const { files: parsed, merged } = readValuesFiles(files);
    const valuesConfig = () => {
      const found = clustersFromValues(merged);
      if (!found)
        throw new FlytemcError([
          error(files.join(", "), "no cluster config to check the labels against", "pass the values file with multicluster.clusters too")
        ]);
      return { routes: computeRoutes(found.clusters), at: found.at };
    };
    executionLabelsOf(parsed, merged, () => [valuesConfig()], true);
    const { connectHub, readDeployedClusters } = await import("./deployed-JP5G4G7G.mjs");
    const { labelRecord } = await import("./label-record-SWTFN4ZB.mjs");
    const hub = await connectHub({
      kube: kubeOptions({ kubeconfig: v.kubeconfig, "insecure-skip-tls-verify": v["insecure-skip-tls-verify"] }, requestMs),
      kubeContext: v["kube-context"]
    });
    const deployed = await readDeployedClusters(hub, ns);
    const entries = executionLabelsOf(
      parsed,
      merged,
      () => [valuesConfig(), { routes: computeRoutes(deployed.clusters), at: `FlyteAdmin's deployed config (${deployed.source})` }],
      true
    );
    const record = labelRecord(hub, ns, dry);
    const { FlyteAdmin, failWith } = await import("./client-7CLMZFIZ.mjs");
    const { applyLabels, drifts, planLabels, unknownProjects } = await import("./labels-H64OVUDP.mjs");
    const admin = new FlyteAdmin(conn);
    const where2 = `FlyteAdmin ${admin.url}`;
    const desired = entries.map((e) => ({ project: e.project, domain: e.domain, ...e.workflow ? { workflow: e.workflow } : {}, label: e.label }));
    const unknown = await unknownProjects(admin, desired, (i) => entries[i].at).catch((e) => failWith(e, where2));
    if (unknown.length) throw new FlytemcError(unknown);
    const [current, applied] = await Promise.all([admin.executionLabels().catch((e) => failWith(e, where2)), record.read()]);
    const changes = planLabels(desired, current, applied.targets, prune);
    const rerun = [
      `${self()} labels apply --admin ${admin.url}`,
      ...files.map((f) => `-f ${shellQuote(f)}`),
      `--kube-context ${hub.context} -n ${ns}`,
      ...v.prune ? ["--prune"] : [],
      ...v["prune-all"] ? ["--prune-all"] : []
    ].join(" ");
    const report = { admin: admin.url, values: files, record: record.where, prune, changes };
    await writeOut(render(format, report, () => formatChanges(changes, admin.url, files)));
    if (mode === "diff") {
      if (!drifts(changes)) return EXIT.ok;
      throw new FlytemcError(
        [error(where2, `its execution cluster labels differ from ${files.join(", ")} (${summarize(changes)})`, `apply the values: ${rerun}`)],
        EXIT.failed
      );
    }
    if (dry) {
      if (format === "table") await writeOut("dry run: nothing was changed\n");
      return EXIT.ok;
    }
    const out = await applyLabels(admin, record, changes, rerun).catch(partWay);
    if (format === "table")
      await writeOut(
        out.done.length ? `applied ${out.done.length} change${out.done.length === 1 ? "" : "s"} to FlyteAdmin (recorded in ${record.where})
` : `no change: FlyteAdmin's execution cluster labels match the values
`
      );
    return EXIT.ok;
  });
}
function summarize(changes) {
  const n = (a) => changes.filter((c) => c.action === a).length;
  return `${n("add")} to add, ${n("change")} to change, ${n("remove")} to remove, ${n("unchanged")} unchanged, ${n("keep")} kept`;
}
function formatChanges(changes, admin, files) {
  const shown = (t) => [t.project, t.domain || "(all)", t.workflow ?? ""];
  const rows = changes.map((c) => [c.action, ...shown(c.target), c.from ?? "-", c.to ?? "-", c.note ?? ""]);
  return `execution cluster labels: FlyteAdmin ${admin} against multicluster.executionLabels of ${files.join(", ")}
${table(["ACTION", "PROJECT", "DOMAIN", "WORKFLOW", "FLYTEADMIN", "VALUES", "NOTE"], rows, "  ")}${summarize(changes)}
`;
}
export {
  run,
  summary,
  usage
};
