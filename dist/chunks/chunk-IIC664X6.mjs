#!/usr/bin/env node
import { createRequire as __flytemcCreateRequire } from 'node:module'; const require = __flytemcCreateRequire(import.meta.url);
import {
  checkConfig
} from "./chunk-VOP673EN.mjs";
import {
  configFromValues
} from "./chunk-LBUYRPWK.mjs";
import {
  parseFormat,
  render
} from "./chunk-54TPKUJU.mjs";
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
  FlytemcError,
  formatProblem
} from "./chunk-XMK5AAIB.mjs";

// plugin/commands/validate.ts
var summary = "check values files with the post-renderer's checks (file:line, every problem)";
var usage = `Usage: helm flytemc validate -f FILE [-f FILE...] [-o table|yaml|json]

Checks each values file that holds a multi-cluster config (a \`multicluster:\` block, or
flyte-core's \`configmap.clusters\`, also under \`flyte-core:\`) with the same checks as the
post-renderer: the schema, duplicate names, routes to unknown or disabled clusters, labels that
route nowhere, token files outside the mounted Secret, invalid Kubernetes names, the upstream
guide's mistakes. Reports every problem with file:line, warnings too. Files without a config
(e.g. values-eks.yaml) are listed and skipped; at least one file must have one.

Options:
  -f, --values FILE   a values file (repeat for several; - reads standard input)
  -o FORMAT           table (default), yaml or json
  -h, --help          this help

Exit codes: 0 no error (warnings allowed), 1 an error in a file, 2 bad command line or unreadable file.

Example:
  helm flytemc validate -f values-override.yaml
`;
var byLine = (ps) => ps.map((p, i) => ({ p, i, line: Number(/:(\d+)(?: |$)/.exec(p.where)?.[1] ?? Infinity) })).sort((a, b) => a.line - b.line || a.i - b.i).map((x) => x.p);
function validateFiles(files) {
  return files.map((path) => {
    const text = readText(path);
    const file = sourceLabel(path);
    try {
      const found = configFromValues(file, text);
      const r = checkConfig(found);
      const bad = r.problems.some((p) => p.severity === "error");
      return { file, status: bad ? "invalid" : "ok", ...r.role ? { role: r.role } : {}, problems: byLine(r.problems) };
    } catch (e) {
      if (!(e instanceof FlytemcError)) throw e;
      if (e.problems.length === 1 && /no multi-cluster config/.test(e.problems[0].what)) return { file, status: "no-config", problems: [] };
      return { file, status: "invalid", problems: byLine(e.problems) };
    }
  });
}
async function run(argv) {
  return guard(async () => {
    const { values } = commandLine(argv, { values: { type: "string", short: "f", multiple: true }, output: { type: "string", short: "o" } });
    if (values.help) {
      await writeOut(usage);
      return EXIT.ok;
    }
    const format = parseFormat(values.output);
    const files = values.values ?? [];
    if (files.length === 0) throw new UsageError("give at least one values file with -f FILE");
    const reports = validateFiles(files);
    const all = reports.flatMap((r) => r.problems);
    const errors = all.filter((p) => p.severity === "error").length;
    const warnings = all.length - errors;
    const noConfig = reports.every((r) => r.status === "no-config");
    const data = { valid: errors === 0 && !noConfig, errors, warnings, files: reports };
    await writeOut(
      render(format, data, () => {
        const lines = [];
        for (const r of reports) {
          const head = r.status === "no-config" ? "no multi-cluster config here (skipped)" : r.status === "ok" ? `ok${r.role ? ` (${r.role})` : ""}` : "INVALID";
          lines.push(`${r.file}: ${head}`);
          for (const p of r.problems) lines.push(formatProblem(p).replace(/^/gm, "  "));
        }
        if (noConfig) lines.push("error: none of the files has a multi-cluster config (`multicluster.clusters` or `configmap.clusters`)");
        lines.push(`${errors} error${errors === 1 ? "" : "s"}, ${warnings} warning${warnings === 1 ? "" : "s"} in ${reports.length} file${reports.length === 1 ? "" : "s"}`);
        return lines.join("\n") + "\n";
      })
    );
    return errors > 0 || noConfig ? EXIT.invalid : EXIT.ok;
  });
}

export {
  summary,
  usage,
  validateFiles,
  run
};
