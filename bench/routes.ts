// The routes section: `flytemc routes --simulate N` on the three-cluster example against the Go
// program of bench/go-draws making the same seeded draws (FlyteAdmin's draw in real Go) and the
// same weighted picks for the same lists. Before timing, both run once and must print the same
// per-cluster counts for every label, so that the figures compare the same work.
//
// flytemc draws once per simulated name and uses that draw for every label (the draw depends on
// the name only); `go-draws routes` does the same. `go-draws routes-per-execution` seeds a new
// generator for every name of every label, as FlyteAdmin does per execution: a row for
// information, not the target's comparison.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { goDraws } from './go-draws.ts';
import { runOnce, type Case, type RunSpec } from './measure.ts';
import { effectiveList, type Routes } from '../plugin/config/routes.ts';

export interface RoutesSection {
  /** Why the section was not measured (no Go to build the program with). */
  skipped?: string;
  n: number;
  config: string;
  /** What both printed: `label cluster count`, one a line. */
  counts: string[];
}

interface Simulated {
  simulation: { results: Array<{ label: string; via: string; counts: Record<string, number> }> };
}

const NO_LABEL = '(none)';

/** `label=id:weight,...` for go-draws, from the list flytemc draws from for that label. */
function listArg(routes: Routes, label: string): string {
  const { entries } = effectiveList(routes, label === NO_LABEL ? undefined : label);
  return `${label}=${entries.map((e) => `${e.id}:${e.weight}`).join(',')}`;
}

const lines = (counts: Array<[string, string, number]>) => counts.map(([l, c, k]) => `${l} ${c} ${k}`);

/**
 * Runs both once, compares their counts, and returns the cases to time (or throws when they
 * differ); without Go, no cases and the reason.
 */
export async function routesCases(opt: {
  root: string;
  work: string;
  config: string;
  n: number;
  node: string;
}): Promise<{ cases: Case[]; section: RoutesSection }> {
  const cli = join(opt.root, 'dist', 'flytemc.mjs');
  const ours: RunSpec = { argv: [opt.node, cli, 'routes', '-f', opt.config, '--simulate', String(opt.n), '-o', 'json'] };
  const out = join(opt.work, 'routes-ours.json');
  const r = await runOnce({ ...ours, stdout: out }, opt.work);
  if (r.code !== 0) throw new Error(`flytemc routes failed: ${r.stderr}`);
  const data = JSON.parse(readFileSync(out, 'utf8')) as Routes & Simulated;
  const results = data.simulation.results;
  const mine = lines(results.flatMap((x) => Object.entries(x.counts).map(([c, k]): [string, string, number] => [x.label, c, k])));

  let bin: string;
  try {
    bin = goDraws();
  } catch (e) {
    return { cases: [], section: { skipped: (e as Error).message.split('\n')[0]!, n: opt.n, config: opt.config, counts: mine } };
  }
  const args = (mode: string) => [bin, mode, String(opt.n), 'flytemc', ...results.map((x) => listArg(data, x.label))];
  const go: RunSpec = { argv: args('routes') };
  const goEach: RunSpec = { argv: args('routes-per-execution') };
  for (const [name, spec] of [
    ['go-draws routes', go],
    ['go-draws routes-per-execution', goEach],
  ] as const) {
    const file = join(opt.work, `routes-${name.split(' ')[1]}.txt`);
    const g = await runOnce({ ...spec, stdout: file }, opt.work);
    if (g.code !== 0) throw new Error(`${name} failed: ${g.stderr}`);
    const theirs = lines(
      readFileSync(file, 'utf8')
        .trimEnd()
        .split('\n')
        .map((l): [string, string, number] => {
          const [label, cluster, count] = l.split('\t');
          return [label!, cluster!, Number(count)];
        }),
    );
    const sort = (xs: string[]) => [...xs].sort();
    if (JSON.stringify(sort(theirs)) !== JSON.stringify(sort(mine)))
      throw new Error(`${name} counts differ from flytemc routes --simulate ${opt.n}:\n  flytemc: ${mine.join('; ')}\n  go:      ${theirs.join('; ')}`);
  }
  return {
    section: { n: opt.n, config: opt.config, counts: mine },
    cases: [
      { id: 'routes-ours', label: `\`flytemc routes --simulate ${opt.n} -o json\``, spec: ours },
      { id: 'routes-go', label: `Go (bench/go-draws routes): the same draws, one a name, as flytemc`, spec: go },
      { id: 'routes-go-per-execution', label: 'Go, a draw per name and label (as FlyteAdmin, one per execution)', spec: goEach },
    ],
  };
}
