#!/usr/bin/env node
import { createRequire as __flytemcCreateRequire } from 'node:module'; const require = __flytemcCreateRequire(import.meta.url);
import {
  clustersFromValues,
  computeRoutes,
  mergeValues
} from "./chunk-LYBBY74A.mjs";
import {
  parseValuesFile
} from "./chunk-LBUYRPWK.mjs";
import "./chunk-DX4FDJTJ.mjs";
import "./chunk-C74VGJG2.mjs";
import {
  parseFormat,
  render
} from "./chunk-54TPKUJU.mjs";
import "./chunk-IVYUDTSF.mjs";
import {
  EXIT,
  UsageError,
  commandLine,
  guard,
  readText,
  sourceLabel,
  writeOut
} from "./chunk-BNFKKS27.mjs";
import {
  FlytemcError
} from "./chunk-XMK5AAIB.mjs";
import "./chunk-GPAN37FC.mjs";

// plugin/commands/labels.ts
import { writeFileSync } from "node:fs";
var summary = "write a flytectl execution-cluster-label attribute file for a project/domain[/workflow]";
var usage = `Usage: helm flytemc labels --project P --domain D [--workflow W] --label L [-f FILE...] [-o yaml|json] [--out FILE]

Writes the attribute file that \`flytectl update execution-cluster-label --attrFile FILE\` reads,
so that executions of the project and domain (and workflow) go to the clusters of label L. With
-f it refuses a label that the config does not route: unknown to labelClusterMap, or dropped by
FlyteAdmin because none of its clusters is enabled (such executions would silently fall back).

Options:
  --project P      the Flyte project
  --domain D       the domain (development, staging, production, ...)
  --workflow W     only this workflow (optional)
  --label L        the execution cluster label (a key of labelClusterMap)
  -f, --values F   values files with the cluster config, to check the label (repeatable)
  -o FORMAT        yaml (default) or json
  --out FILE       write to FILE instead of standard output
  -h, --help       this help

Exit codes: 0 written, 1 the label is not routed by the config, 2 bad command line.

Example:
  helm flytemc labels --project flytesnacks --domain development --label team2 -f values-override.yaml --out ecl.yaml
  flytectl update execution-cluster-label --attrFile ecl.yaml
`;
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
    for (const k of ["project", "domain", "label"]) if (!values[k]) throw new UsageError(`--${k} is required`);
    const label = values.label;
    const files = values.values ?? [];
    if (files.length) {
      let merged = {};
      for (const f of files) merged = mergeValues(merged, parseValuesFile(sourceLabel(f), readText(f)) ?? {});
      const found = clustersFromValues(merged);
      if (!found) throw new FlytemcError([{ severity: "error", where: files.join(", "), what: "no cluster config to check the label against", fix: "pass the values file with multicluster.clusters (or configmap.clusters)" }]);
      const routes = computeRoutes(found.clusters);
      const l = routes.labels.find((x) => x.label === label);
      const known = routes.labels.filter((x) => !x.dropped).map((x) => x.label);
      const fallback = routes.fallback.label !== void 0 ? `defaultExecutionLabel ${routes.fallback.label}` : "all enabled clusters";
      if (!l) throw new FlytemcError([{ severity: "error", where: `--label ${label}`, what: `${JSON.stringify(label)} is not a label of ${found.at}.labelClusterMap; FlyteAdmin would ignore it and use ${fallback}`, fix: `use one of: ${known.join(", ") || "(none: add the label to labelClusterMap first)"}` }]);
      if (l.dropped) throw new FlytemcError([{ severity: "error", where: `--label ${label}`, what: `label ${JSON.stringify(label)} has no enabled cluster (${l.entries.map((e) => `${e.id}: ${e.note ?? ""}`).join("; ")}), so FlyteAdmin drops it and would use ${fallback}`, fix: `enable one of its clusters (see \`helm flytemc routes\`), or use one of: ${known.join(", ") || "(none)"}` }]);
    } else {
      process.stderr.write("warning: the label was not checked against a config; pass -f values.yaml to check it\n");
    }
    const attrs = { domain: values.domain, project: values.project };
    if (values.workflow) attrs.workflow = values.workflow;
    attrs.value = label;
    const text = render(format, attrs, () => "");
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
export {
  run,
  summary,
  usage
};
