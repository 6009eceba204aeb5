#!/usr/bin/env node
import { createRequire as __flytemcCreateRequire } from 'node:module'; const require = __flytemcCreateRequire(import.meta.url);
import {
  validateFiles
} from "./chunk-X4HTTNKZ.mjs";
import {
  clustersFromValues,
  computeRoutes,
  effectiveList,
  executionNames,
  pick
} from "./chunk-XSHMAYF4.mjs";
import "./chunk-Q6QQLQ23.mjs";
import "./chunk-A763IIPD.mjs";
import "./chunk-4MI52BG5.mjs";
import "./chunk-EMYUWFA7.mjs";
import "./chunk-CMNDI7DY.mjs";
import {
  OUTPUT_OPTION,
  VALUES_OPTION,
  parseFormat,
  percent,
  render,
  table
} from "./chunk-EL45TENR.mjs";
import "./chunk-OUC775SF.mjs";
import "./chunk-XLSMOU2J.mjs";
import "./chunk-MYO4P6B7.mjs";
import {
  ProgressLine,
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
  UsageError,
  formatProblem
} from "./chunk-PXOMBRJH.mjs";
import "./chunk-IVYUDTSF.mjs";
import "./chunk-GPAN37FC.mjs";

// plugin/config/routes-report.ts
var NO_LABEL = "(none)";
var labelsToTry = (r, only) => only.length ? only : [...r.labels.map((l) => l.label), NO_LABEL];
var listFor = (r, label) => effectiveList(r, label === NO_LABEL ? void 0 : label);
function lookup(r, label) {
  const own = r.labels.find((l) => l.label === label);
  const eff = effectiveList(r, label);
  const entries = own && !own.dropped ? own.entries : r.fallback.label !== void 0 ? r.labels.find((l) => l.label === r.fallback.label).entries : r.fallback.all;
  const why = !own ? "not in labelClusterMap" : own.dropped ? "dropped: none of its clusters is enabled" : void 0;
  return {
    label,
    known: !!own,
    ...why ? { fallback: why } : {},
    via: eff.via,
    entries: entries.filter((e) => e.used).map((e) => ({ id: e.id, share: e.share }))
  };
}
function simulate(r, only, n, seed, progress) {
  const names = executionNames(n, seed);
  const sim = { n, seed, example: names[0], results: [] };
  const labels = labelsToTry(r, only);
  const shown = progress?.(labels.length * n);
  let done = 0;
  for (const label of labels) {
    const eff = listFor(r, label);
    const counts = {};
    for (const name of names) {
      const c = pick(eff.entries, name) ?? "none";
      counts[c] = (counts[c] ?? 0) + 1;
      if ((++done & 4095) === 0) shown?.update(done);
    }
    sim.results.push({ label, via: eff.via, counts: Object.fromEntries(Object.entries(counts).sort()) });
  }
  shown?.done();
  return sim;
}
function executionPicks(r, only, executions) {
  return executions.flatMap(
    (name) => labelsToTry(r, only).map((label) => {
      const eff = listFor(r, label);
      const c = pick(eff.entries, name);
      return { execution: name, label, via: eff.via, ...c ? { cluster: c } : {} };
    })
  );
}
function routesReport(files, q) {
  const found = clustersFromValues(readValuesFiles(files).merged);
  if (!found) return void 0;
  const routes = computeRoutes(found.clusters);
  for (const rep of validateFiles(files)) for (const p of rep.problems) routes.notes.push(formatProblem(p));
  return {
    source: found.at,
    routes,
    lookups: q.labels.map((l) => lookup(routes, l)),
    ...q.simulate !== void 0 ? { simulation: simulate(routes, q.labels, q.simulate, q.seed ?? "flytemc", q.progress) } : {},
    executions: executionPicks(routes, q.labels, q.executions)
  };
}

// plugin/commands/routes.ts
var summary = "show where FlyteAdmin sends executions: per label each cluster's share, skips and fallbacks";
var usage = `Usage: helm flytemc routes -f FILE [-f FILE...] [--label L...] [--simulate N] [--seed S] [--execution NAME...] [-o table|yaml|json]

Reads the cluster config from the values files (merged as Helm merges them) and shows, per
execution cluster label, each cluster's share of executions, whether it is enabled, what
FlyteAdmin skips and why, and the fallback chain for executions without a routed label:
defaultExecutionLabel, then all enabled clusters with equal weight. It reads the config as
leniently as FlyteAdmin does, so it also explains configs that \`validate\` refuses; their
problems are listed as notes.

FlyteAdmin's rules: a route to an unknown or disabled cluster is skipped; a label left with no
cluster is dropped; weights (0..1) are normalised; weight 0 is ignored unless all are 0; the
cluster of an execution is drawn with a generator seeded by the hash of its name.

--label L shows only that label, also one labelClusterMap does not have (a typo, a label an
execution cluster label attribute names, a label left with no enabled cluster after a cordon):
then the fallback FlyteAdmin takes for it, and with --execution the cluster each execution gets.

Options:
  -f, --values FILE   a values file (repeat; later files win, as with helm -f)
  --simulate N        draw N executions per label with FlyteAdmin's seeded algorithm (up to
                      1000000; over a second, a progress line on a terminal)
  --seed S            seed of the simulated execution names (default flytemc): same seed, same names
  --label L           only this label (repeatable); one not in labelClusterMap shows FlyteAdmin's fallback
  --execution NAME    show where the execution NAME goes for every label, or each --label (repeatable)
  -o FORMAT           table (default), yaml or json
  -h, --help          this help

Exit codes (docs/plugin.md#exit-codes): 0 shown (even with notes); 1 the files hold no cluster
config, are not YAML, or FlyteAdmin would refuse to start (weight outside 0..1); 2 the command line
is wrong or a file cannot be read; 70 a bug in flytemc.

Examples:
  helm flytemc routes -f values-override.yaml
  helm flytemc routes -f values-override.yaml --simulate 1000
  helm flytemc routes -f values-override.yaml --label team9 --execution f3a1b2c3d4e5f6a7b8c9
`;
function entryRows(entries, enabled) {
  return entries.map((e) => [e.id, String(e.weight), enabled(e.id), e.used ? percent(e.share) : "-", e.note ?? ""]);
}
var indented = (head, rows) => table(head, rows, "  ").trimEnd();
function labelsTable(r) {
  const out = [];
  const enabled = (id) => {
    const c = r.clusters.find((x) => x.name === id);
    return c ? c.enabled ? "yes" : "no" : "unknown";
  };
  for (const l of r.labels) {
    const state = l.fatal ? `FlyteAdmin would not start: ${l.fatal}` : l.dropped ? `dropped: no enabled cluster left, its executions fall back (see below)` : "";
    out.push(`
label ${l.label}${state ? `: ${state}` : ""}`);
    out.push(indented(["CLUSTER", "WEIGHT", "ENABLED", "SHARE", "NOTE"], entryRows(l.entries, enabled)));
  }
  out.push("\nexecutions with no label, an unknown label or a dropped label go to:");
  if (r.fallback.note) out.push(`  ${r.fallback.note}`);
  const all = r.fallback.all.map((e) => `${e.id} ${percent(e.share)}`).join(", ") || "none: FlyteAdmin cannot run executions";
  if (r.fallback.label !== void 0)
    out.push(`  defaultExecutionLabel ${r.fallback.label} (see above); the last resort, all enabled clusters (${all}), is not reached`);
  else out.push(`  all enabled clusters, equal weight: ${all}`);
  return out;
}
function tableOf(rep) {
  const { routes: r, simulation: sim, executions: execs, lookups } = rep;
  const out = ["clusters:"];
  out.push(
    indented(
      ["NAME", "ENABLED", "WHY NOT"],
      r.clusters.map((c) => [c.name, c.enabled ? "yes" : "no", c.why ?? ""])
    )
  );
  for (const l of lookups) {
    out.push(`
label ${l.label}${l.fallback ? `: ${l.fallback}, so FlyteAdmin uses ${l.via}` : ""}`);
    out.push(
      indented(
        ["CLUSTER", "SHARE"],
        l.entries.map((e) => [e.id, percent(e.share)])
      )
    );
  }
  if (!lookups.length) out.push(...labelsTable(r));
  if (sim) {
    out.push(`
simulated ${sim.n} executions per label (names from seed ${JSON.stringify(sim.seed)}, e.g. ${sim.example}):`);
    const rows = sim.results.flatMap((s) => Object.entries(s.counts).map(([id, n]) => [s.label, s.via, id, String(n), percent(n / sim.n)]));
    out.push(indented(["LABEL", "DRAWN FROM", "CLUSTER", "COUNT", "SHARE"], rows));
  }
  if (execs.length) {
    out.push("\nexecutions:");
    out.push(
      indented(
        ["EXECUTION", "LABEL", "DRAWN FROM", "CLUSTER"],
        execs.map((e) => [e.execution, e.label, e.via, e.cluster ?? "none"])
      )
    );
  }
  if (r.notes.length) out.push(`
notes:
${r.notes.map((n) => `  - ${n.replace(/\n/g, "\n    ")}`).join("\n")}`);
  return out.join("\n") + "\n";
}
async function run(argv) {
  return guard(async () => {
    const { values } = commandLine(argv, {
      ...VALUES_OPTION,
      simulate: { type: "string" },
      seed: { type: "string" },
      execution: { type: "string", multiple: true },
      label: { type: "string", multiple: true },
      ...OUTPUT_OPTION
    });
    if (values.help) return showUsage(usage);
    const format = parseFormat(values.output);
    const files = values.values ?? [];
    if (files.length === 0) throw new UsageError("give at least one values file with -f FILE");
    const n = values.simulate === void 0 ? void 0 : Number(values.simulate);
    if (n !== void 0 && (!Number.isInteger(n) || n < 1 || n > 1e6)) throw new UsageError("--simulate N: N is a whole number from 1 to 1000000");
    const rep = routesReport(files, {
      labels: values.label ?? [],
      ...n !== void 0 ? { simulate: n } : {},
      ...values.seed !== void 0 ? { seed: values.seed } : {},
      executions: values.execution ?? [],
      // over ~1 s of drawing: a progress line on a terminal (stderr), nothing otherwise
      progress: (total) => new ProgressLine("simulating FlyteAdmin's draws", total)
    });
    if (!rep) {
      process.stderr.write(
        `error: ${files.join(", ")}: no cluster config (neither multicluster.clusters nor configmap.clusters)
  fix: pass the values file that lists the clusters, e.g. -f values-override.yaml
`
      );
      return EXIT.invalid;
    }
    const data = {
      source: rep.source,
      ...rep.routes,
      ...rep.lookups.length ? { lookups: rep.lookups } : {},
      ...rep.simulation ? { simulation: rep.simulation } : {},
      ...rep.executions.length ? { executions: rep.executions } : {}
    };
    await writeOut(render(format, data, () => tableOf(rep)));
    return rep.routes.labels.some((l) => l.fatal) ? EXIT.invalid : EXIT.ok;
  });
}
export {
  run,
  summary,
  usage
};
