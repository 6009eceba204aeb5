#!/usr/bin/env node
import { createRequire as __flytemcCreateRequire } from 'node:module'; const require = __flytemcCreateRequire(import.meta.url);
import {
  validateFiles
} from "./chunk-LUW2UYSC.mjs";
import "./chunk-LIZBE3CS.mjs";
import {
  clustersFromValues,
  computeRoutes,
  effectiveList,
  executionNames,
  pick
} from "./chunk-TURV5SBD.mjs";
import "./chunk-QVRY2IYU.mjs";
import "./chunk-BL5UEDJI.mjs";
import "./chunk-CMNDI7DY.mjs";
import {
  parseFormat,
  percent,
  render,
  table
} from "./chunk-PKIZSNLI.mjs";
import {
  ProgressLine,
  commandLine,
  guard
} from "./chunk-QZFYKPST.mjs";
import {
  readValuesFiles
} from "./chunk-3K7XD2Q2.mjs";
import "./chunk-SJEN32SM.mjs";
import "./chunk-ZCDYBYK4.mjs";
import "./chunk-4VJRSWY5.mjs";
import {
  writeOut
} from "./chunk-WAQBF6VJ.mjs";
import "./chunk-CNWFL7ZM.mjs";
import "./chunk-C2L5FP4Q.mjs";
import "./chunk-2KYTK3TD.mjs";
import {
  EXIT,
  UsageError,
  formatProblem
} from "./chunk-PGTI4LGT.mjs";
import "./chunk-CMVQK6VE.mjs";
import "./chunk-IVYUDTSF.mjs";
import "./chunk-GPAN37FC.mjs";

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
function tableOf(r, sim, execs, only) {
  const out = [];
  const enabled = (id) => {
    const c = r.clusters.find((x) => x.name === id);
    return c ? c.enabled ? "yes" : "no" : "unknown";
  };
  out.push("clusters:");
  out.push(
    table(
      ["NAME", "ENABLED", "WHY NOT"],
      r.clusters.map((c) => [c.name, c.enabled ? "yes" : "no", c.why ?? ""]),
      "  "
    ).trimEnd()
  );
  for (const l of only) {
    out.push(`
label ${l.label}${l.fallback ? `: ${l.fallback}, so FlyteAdmin uses ${l.via}` : ""}`);
    out.push(
      table(
        ["CLUSTER", "SHARE"],
        l.entries.map((e) => [e.id, percent(e.share)]),
        "  "
      ).trimEnd()
    );
  }
  for (const l of only.length ? [] : r.labels) {
    const state = l.fatal ? `FlyteAdmin would not start: ${l.fatal}` : l.dropped ? `dropped: no enabled cluster left, its executions fall back (see below)` : "";
    out.push(`
label ${l.label}${state ? `: ${state}` : ""}`);
    out.push(table(["CLUSTER", "WEIGHT", "ENABLED", "SHARE", "NOTE"], entryRows(l.entries, enabled), "  ").trimEnd());
  }
  if (!only.length) {
    out.push("\nexecutions with no label, an unknown label or a dropped label go to:");
    if (r.fallback.note) out.push(`  ${r.fallback.note}`);
    const all = r.fallback.all.map((e) => `${e.id} ${percent(e.share)}`).join(", ") || "none: FlyteAdmin cannot run executions";
    if (r.fallback.label !== void 0)
      out.push(`  defaultExecutionLabel ${r.fallback.label} (see above); the last resort, all enabled clusters (${all}), is not reached`);
    else out.push(`  all enabled clusters, equal weight: ${all}`);
  }
  if (sim) {
    out.push(`
simulated ${sim.n} executions per label (names from seed ${JSON.stringify(sim.seed)}, e.g. ${sim.example}):`);
    const rows = [];
    for (const s of sim.results) for (const [id, n] of Object.entries(s.counts)) rows.push([s.label, s.via, id, String(n), percent(n / sim.n)]);
    out.push(table(["LABEL", "DRAWN FROM", "CLUSTER", "COUNT", "SHARE"], rows, "  ").trimEnd());
  }
  if (execs.length) {
    out.push("\nexecutions:");
    out.push(
      table(
        ["EXECUTION", "LABEL", "DRAWN FROM", "CLUSTER"],
        execs.map((e) => [e.execution, e.label, e.via, e.cluster ?? "none"]),
        "  "
      ).trimEnd()
    );
  }
  if (r.notes.length) out.push(`
notes:
${r.notes.map((n) => `  - ${n.replace(/\n/g, "\n    ")}`).join("\n")}`);
  return out.join("\n") + "\n";
}
var NO_LABEL = "(none)";
function labelsToTry(r, only) {
  return only.length ? only : [...r.labels.map((l) => l.label), NO_LABEL];
}
async function run(argv) {
  return guard(async () => {
    const { values } = commandLine(argv, {
      values: { type: "string", short: "f", multiple: true },
      simulate: { type: "string" },
      seed: { type: "string" },
      execution: { type: "string", multiple: true },
      label: { type: "string", multiple: true },
      output: { type: "string", short: "o" }
    });
    if (values.help) {
      await writeOut(usage);
      return EXIT.ok;
    }
    const format = parseFormat(values.output);
    const files = values.values ?? [];
    if (files.length === 0) throw new UsageError("give at least one values file with -f FILE");
    let n;
    if (values.simulate !== void 0) {
      n = Number(values.simulate);
      if (!Number.isInteger(n) || n < 1 || n > 1e6) throw new UsageError("--simulate N: N is a whole number from 1 to 1000000");
    }
    const { merged } = readValuesFiles(files);
    const found = clustersFromValues(merged);
    if (!found) {
      process.stderr.write(
        `error: ${files.join(", ")}: no cluster config (neither multicluster.clusters nor configmap.clusters)
  fix: pass the values file that lists the clusters, e.g. -f values-override.yaml
`
      );
      return EXIT.invalid;
    }
    const routes = computeRoutes(found.clusters);
    const only = values.label ?? [];
    for (const rep of validateFiles(files)) for (const p of rep.problems) routes.notes.push(formatProblem(p));
    let sim;
    if (n !== void 0) {
      const seed = values.seed ?? "flytemc";
      const names = executionNames(n, seed);
      sim = { n, seed, example: names[0], results: [] };
      const labels = labelsToTry(routes, only);
      const progress = new ProgressLine("simulating FlyteAdmin's draws", labels.length * n);
      let done = 0;
      for (const label of labels) {
        const eff = effectiveList(routes, label === NO_LABEL ? void 0 : label);
        const counts = {};
        for (const name of names) {
          const c = pick(eff.entries, name) ?? "none";
          counts[c] = (counts[c] ?? 0) + 1;
          if ((++done & 4095) === 0) progress.update(done);
        }
        sim.results.push({ label, via: eff.via, counts: Object.fromEntries(Object.entries(counts).sort()) });
      }
      progress.done();
    }
    const execs = [];
    for (const name of values.execution ?? []) {
      for (const label of labelsToTry(routes, only)) {
        const eff = effectiveList(routes, label === NO_LABEL ? void 0 : label);
        const c = pick(eff.entries, name);
        execs.push({ execution: name, label, via: eff.via, ...c ? { cluster: c } : {} });
      }
    }
    const lookups = only.map((l) => lookup(routes, l));
    const data = {
      source: found.at,
      ...routes,
      ...lookups.length ? { lookups } : {},
      ...sim ? { simulation: sim } : {},
      ...execs.length ? { executions: execs } : {}
    };
    await writeOut(render(format, data, () => tableOf(routes, sim, execs, lookups)));
    const fatal = routes.labels.some((l) => l.fatal);
    return fatal ? EXIT.invalid : EXIT.ok;
  });
}
export {
  run,
  summary,
  usage
};
