// What `routes` shows of values files: the routes FlyteAdmin computes, each asked label's list, simulated draws and executions' clusters.
import { formatProblem } from '../problems/problems.ts';
import { readValuesFiles } from './from-values.ts';
import { clustersFromValues, computeRoutes, effectiveList, executionNames, pick, type Routes } from './routes.ts';
import { validateFiles } from './validate-files.ts';

/** The list FlyteAdmin draws from for one asked label: its own, or the fallback's. */
interface Lookup {
  label: string;
  known: boolean;
  /** Why FlyteAdmin falls back for it, when it does. */
  fallback?: string;
  via: string;
  entries: Array<{ id: string; share: number }>;
}

interface Simulation {
  n: number;
  seed: string;
  example: string;
  results: Array<{ label: string; via: string; counts: Record<string, number> }>;
}

interface ExecPick {
  execution: string;
  label: string;
  via: string;
  cluster?: string;
}

/** Reports the draws done so far (a progress line on a terminal). */
interface Progress {
  update(done: number): void;
  done(): void;
}

interface RoutesQuery {
  /** Only these labels (also ones labelClusterMap does not have). */
  labels: string[];
  /** Draw this many executions per label. */
  simulate?: number;
  seed?: string;
  executions: string[];
  progress?: (total: number) => Progress;
}

export interface RoutesReport {
  /** Where the clusters section was found (`multicluster.clusters`, `configmap.clusters`…). */
  source: string;
  routes: Routes;
  lookups: Lookup[];
  simulation?: Simulation;
  executions: ExecPick[];
}

/** The label of executions that carry none. */
export const NO_LABEL = '(none)';

const labelsToTry = (r: Routes, only: string[]): string[] => (only.length ? only : [...r.labels.map((l) => l.label), NO_LABEL]);
const listFor = (r: Routes, label: string) => effectiveList(r, label === NO_LABEL ? undefined : label);

function lookup(r: Routes, label: string): Lookup {
  const own = r.labels.find((l) => l.label === label);
  const eff = effectiveList(r, label);
  const entries =
    own && !own.dropped ? own.entries : r.fallback.label !== undefined ? r.labels.find((l) => l.label === r.fallback.label)!.entries : r.fallback.all;
  const why = !own ? 'not in labelClusterMap' : own.dropped ? 'dropped: none of its clusters is enabled' : undefined;
  return {
    label,
    known: !!own,
    ...(why ? { fallback: why } : {}),
    via: eff.via,
    entries: entries.filter((e) => e.used).map((e) => ({ id: e.id, share: e.share })),
  };
}

/** `n` executions named from `seed`, drawn for each label as FlyteAdmin draws them. */
export function simulate(r: Routes, only: string[], n: number, seed: string, progress?: (total: number) => Progress): Simulation {
  const names = executionNames(n, seed);
  const sim: Simulation = { n, seed, example: names[0]!, results: [] };
  const labels = labelsToTry(r, only);
  const shown = progress?.(labels.length * n);
  let done = 0;
  for (const label of labels) {
    const eff = listFor(r, label);
    const counts: Record<string, number> = {};
    for (const name of names) {
      const c = pick(eff.entries, name) ?? 'none';
      counts[c] = (counts[c] ?? 0) + 1;
      if ((++done & 0xfff) === 0) shown?.update(done);
    }
    sim.results.push({ label, via: eff.via, counts: Object.fromEntries(Object.entries(counts).sort()) });
  }
  shown?.done();
  return sim;
}

/** The cluster each named execution gets, for every label (or each asked one). */
export function executionPicks(r: Routes, only: string[], executions: string[]): ExecPick[] {
  return executions.flatMap((name) =>
    labelsToTry(r, only).map((label) => {
      const eff = listFor(r, label);
      const c = pick(eff.entries, name);
      return { execution: name, label, via: eff.via, ...(c ? { cluster: c } : {}) };
    }),
  );
}

/** The routes of the merged values files and what the query asks of them; undefined when they hold no cluster config. */
export function routesReport(files: string[], q: RoutesQuery): RoutesReport | undefined {
  const found = clustersFromValues(readValuesFiles(files).merged);
  if (!found) return undefined;
  const routes = computeRoutes(found.clusters);
  // the checks of `validate`, as notes: they explain, they do not stop the routes
  for (const rep of validateFiles(files)) for (const p of rep.problems) routes.notes.push(formatProblem(p));
  return {
    source: found.at,
    routes,
    lookups: q.labels.map((l) => lookup(routes, l)),
    ...(q.simulate !== undefined ? { simulation: simulate(routes, q.labels, q.simulate, q.seed ?? 'flytemc', q.progress) } : {}),
    executions: executionPicks(routes, q.labels, q.executions),
  };
}
