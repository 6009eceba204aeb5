#!/usr/bin/env node
import { createRequire as __flytemcCreateRequire } from 'node:module'; const require = __flytemcCreateRequire(import.meta.url);
import {
  clustersFromValues,
  computeRoutes
} from "./chunk-U5N5HMI4.mjs";
import {
  parseFormat,
  render
} from "./chunk-YXMP4KHL.mjs";
import {
  commandLine,
  guard,
  printWarnings
} from "./chunk-62GU7USA.mjs";
import {
  readValuesFiles
} from "./chunk-3PTJV5S2.mjs";
import {
  require_validators,
  schemaProblems,
  where
} from "./chunk-UB2AFV2C.mjs";
import {
  isObject
} from "./chunk-RLB7AC44.mjs";
import {
  get
} from "./chunk-7QJUPDXI.mjs";
import "./chunk-7WIHMZLF.mjs";
import {
  writeOut
} from "./chunk-CA6QZ6ZD.mjs";
import "./chunk-WC3NI36A.mjs";
import {
  EXIT,
  FlytemcError,
  UsageError,
  error
} from "./chunk-5JWNXXDS.mjs";
import "./chunk-2FDVLR4Z.mjs";
import "./chunk-IVYUDTSF.mjs";
import {
  __toESM
} from "./chunk-GPAN37FC.mjs";

// plugin/commands/labels.ts
var import_validators = __toESM(require_validators(), 1);
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
var summary = "write flytectl execution-cluster-label attribute files (one, or one per multicluster.executionLabels entry)";
var usage = `Usage: helm flytemc labels --project P --domain D [--workflow W] --label L [-f FILE...] [-o yaml|json] [--out FILE]
       helm flytemc labels -f FILE... --out DIR [-o yaml|json]

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
  --project P      the Flyte project
  --domain D       the domain (development, staging, production, ...)
  --workflow W     only this workflow (optional)
  --label L        the execution cluster label (a key of labelClusterMap)
  -f, --values F   values files with the cluster config, to check the label (repeatable)
  -o FORMAT        yaml (default) or json
  --out FILE|DIR   write to FILE instead of standard output; with executionLabels, the folder
  -h, --help       this help

Exit codes (docs/plugin.md#exit-codes): 0 written; 1 a label is not routed by the config, or a
values file is wrong; 2 the command line is wrong or a file cannot be read; 70 a bug in flytemc.

Examples:
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
          {
            severity: "error",
            where: files.join(", "),
            what: "no cluster config to check the label against",
            fix: "pass the values file with multicluster.clusters (or configmap.clusters)"
          }
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
      if (why) throw new FlytemcError([{ severity: "error", where: `--label ${label}`, ...why }]);
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
async function fromValues(parsed, merged, config, dir, format) {
  const src = [...parsed].reverse().find((p) => isObject(p.values) && isObject(p.values.multicluster) && "executionLabels" in p.values.multicluster);
  const mc = isObject(merged) && isObject(merged.multicluster) ? merged.multicluster : {};
  if (!src || !Array.isArray(mc.executionLabels) || mc.executionLabels.length === 0) {
    throw new FlytemcError([
      error(
        parsed.map((p) => p.file).join(", "),
        "no multicluster.executionLabels entries to write",
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
  const found = config();
  const names = /* @__PURE__ */ new Map();
  entries.forEach((e, i) => {
    const why = unrouted(e.label, found);
    if (why) problems.push(error(at(`/executionLabels/${i}/label`), `${e.project}/${e.domain}${e.workflow ? `/${e.workflow}` : ""}: ${why.what}`, why.fix));
    const name = fileName(e, format);
    const first = names.get(name);
    if (first !== void 0)
      problems.push(
        error(
          at(`/executionLabels/${i}`),
          `${e.project}/${e.domain}${e.workflow ? `/${e.workflow}` : ""} is listed twice (also entry ${first}); flytectl keeps whichever is applied last`,
          "keep one entry"
        )
      );
    else names.set(name, i);
  });
  if (problems.length) throw new FlytemcError(problems);
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
  const warnings = stale.map((f) => ({
    severity: "warning",
    where: join(dir, f),
    what: "no executionLabels entry writes this file any more, but FlyteAdmin keeps its attribute",
    fix: `flytectl delete execution-cluster-label --attrFile ${join(dir, f)}, then delete the file`
  }));
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
export {
  run,
  summary,
  usage
};
