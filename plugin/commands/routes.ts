// `helm flytemc routes -f FILE...`: where FlyteAdmin sends executions, per label; works on configs that `validate` refuses.
import { EXIT, UsageError } from '../problems/problems.ts';
import { parseFormat, percent, render, table, OUTPUT_OPTION, VALUES_OPTION } from '../cli/output.ts';
import type { RouteEntry, Routes } from '../config/routes.ts';
import { routesReport, type RoutesReport } from '../config/routes-report.ts';
import { ProgressLine, commandLine, guard } from '../cli/shell.ts';
import { showUsage, writeOut } from '../cli/stdio.ts';

export const summary = "show where FlyteAdmin sends executions: per label each cluster's share, skips and fallbacks";
export const usage = `Usage: helm flytemc routes -f FILE [-f FILE...] [--label L...] [--simulate N] [--seed S] [--execution NAME...] [-o table|yaml|json]

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

function entryRows(entries: RouteEntry[], enabled: (id: string) => string): string[][] {
  return entries.map((e) => [e.id, String(e.weight), enabled(e.id), e.used ? percent(e.share) : '-', e.note ?? '']);
}

const indented = (head: string[], rows: string[][]) => table(head, rows, '  ').trimEnd();

/** Every label with its entries, then where executions without a routed label go. */
function labelsTable(r: Routes): string[] {
  const out: string[] = [];
  const enabled = (id: string) => {
    const c = r.clusters.find((x) => x.name === id);
    return c ? (c.enabled ? 'yes' : 'no') : 'unknown';
  };
  for (const l of r.labels) {
    const state = l.fatal
      ? `FlyteAdmin would not start: ${l.fatal}`
      : l.dropped
        ? `dropped: no enabled cluster left, its executions fall back (see below)`
        : '';
    out.push(`\nlabel ${l.label}${state ? `: ${state}` : ''}`);
    out.push(indented(['CLUSTER', 'WEIGHT', 'ENABLED', 'SHARE', 'NOTE'], entryRows(l.entries, enabled)));
  }
  out.push('\nexecutions with no label, an unknown label or a dropped label go to:');
  if (r.fallback.note) out.push(`  ${r.fallback.note}`);
  const all = r.fallback.all.map((e) => `${e.id} ${percent(e.share)}`).join(', ') || 'none: FlyteAdmin cannot run executions';
  if (r.fallback.label !== undefined)
    out.push(`  defaultExecutionLabel ${r.fallback.label} (see above); the last resort, all enabled clusters (${all}), is not reached`);
  else out.push(`  all enabled clusters, equal weight: ${all}`);
  return out;
}

function tableOf(rep: RoutesReport): string {
  const { routes: r, simulation: sim, executions: execs, lookups } = rep;
  const out: string[] = ['clusters:'];
  out.push(
    indented(
      ['NAME', 'ENABLED', 'WHY NOT'],
      r.clusters.map((c) => [c.name, c.enabled ? 'yes' : 'no', c.why ?? '']),
    ),
  );
  for (const l of lookups) {
    out.push(`\nlabel ${l.label}${l.fallback ? `: ${l.fallback}, so FlyteAdmin uses ${l.via}` : ''}`);
    out.push(
      indented(
        ['CLUSTER', 'SHARE'],
        l.entries.map((e) => [e.id, percent(e.share)]),
      ),
    );
  }
  if (!lookups.length) out.push(...labelsTable(r));
  if (sim) {
    out.push(`\nsimulated ${sim.n} executions per label (names from seed ${JSON.stringify(sim.seed)}, e.g. ${sim.example}):`);
    const rows = sim.results.flatMap((s) => Object.entries(s.counts).map(([id, n]) => [s.label, s.via, id, String(n), percent(n / sim.n)]));
    out.push(indented(['LABEL', 'DRAWN FROM', 'CLUSTER', 'COUNT', 'SHARE'], rows));
  }
  if (execs.length) {
    out.push('\nexecutions:');
    out.push(
      indented(
        ['EXECUTION', 'LABEL', 'DRAWN FROM', 'CLUSTER'],
        execs.map((e) => [e.execution, e.label, e.via, e.cluster ?? 'none']),
      ),
    );
  }
  if (r.notes.length) out.push(`\nnotes:\n${r.notes.map((n) => `  - ${n.replace(/\n/g, '\n    ')}`).join('\n')}`);
  return out.join('\n') + '\n';
}

export async function run(argv: string[]): Promise<number> {
  return guard(async () => {
    const { values } = commandLine(argv, {
      ...VALUES_OPTION,
      simulate: { type: 'string' },
      seed: { type: 'string' },
      execution: { type: 'string', multiple: true },
      label: { type: 'string', multiple: true },
      ...OUTPUT_OPTION,
    });
    if (values.help) return showUsage(usage);
    const format = parseFormat(values.output);
    const files = values.values ?? [];
    if (files.length === 0) throw new UsageError('give at least one values file with -f FILE');
    const n = values.simulate === undefined ? undefined : Number(values.simulate);
    if (n !== undefined && (!Number.isInteger(n) || n < 1 || n > 1_000_000)) throw new UsageError('--simulate N: N is a whole number from 1 to 1000000');
    const rep = routesReport(files, {
      labels: values.label ?? [],
      ...(n !== undefined ? { simulate: n } : {}),
      ...(values.seed !== undefined ? { seed: values.seed } : {}),
      executions: values.execution ?? [],
      // over ~1 s of drawing: a progress line on a terminal (stderr), nothing otherwise
      progress: (total) => new ProgressLine("simulating FlyteAdmin's draws", total),
    });
    if (!rep) {
      process.stderr.write(
        `error: ${files.join(', ')}: no cluster config (neither multicluster.clusters nor configmap.clusters)\n  fix: pass the values file that lists the clusters, e.g. -f values-override.yaml\n`,
      );
      return EXIT.invalid;
    }
    const data = {
      source: rep.source,
      ...rep.routes,
      ...(rep.lookups.length ? { lookups: rep.lookups } : {}),
      ...(rep.simulation ? { simulation: rep.simulation } : {}),
      ...(rep.executions.length ? { executions: rep.executions } : {}),
    };
    await writeOut(render(format, data, () => tableOf(rep)));
    return rep.routes.labels.some((l) => l.fatal) ? EXIT.invalid : EXIT.ok;
  });
}
