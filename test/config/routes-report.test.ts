// plugin/config/routes-report.ts: what `routes` shows: asked labels and their fallbacks, simulated draws, executions' clusters, validate's notes.
import { test } from '../helpers/uvu.ts';
import * as assert from 'uvu/assert';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NO_LABEL, executionPicks, routesReport, simulate } from '../../plugin/config/routes-report.ts';
import { computeRoutes } from '../../plugin/config/routes.ts';

const dir = mkdtempSync(join(tmpdir(), 'flytemc-routes-report-'));
const file = (name: string, text: string) => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};
const cluster = (name: string, enabled = true) => ({ name, endpoint: 'https://203.0.113.1:6443', enabled });
const routes = computeRoutes({
  clusterConfigs: [cluster('a'), cluster('b'), cluster('c', false)],
  labelClusterMap: {
    ab: [
      { id: 'a', weight: 0.5 },
      { id: 'b', weight: 0.5 },
    ],
    off: [{ id: 'c', weight: 1 }],
    d: [{ id: 'b', weight: 1 }],
  },
  defaultExecutionLabel: 'd',
});

test('simulate: every label and executions with none, the same names for each; progress reported and ended', () => {
  const seen: string[] = [];
  const sim = simulate(routes, [], 5000, 's', (total) => ({ update: (done) => seen.push(`${done}/${total}`), done: () => seen.push('done') }));
  assert.equal([sim.n, sim.seed, sim.example.length], [5000, 's', 20]);
  assert.equal(
    sim.results.map((r) => [r.label, r.via]),
    [
      ['ab', 'label ab'],
      ['off', 'defaultExecutionLabel d'],
      ['d', 'label d'],
      [NO_LABEL, 'defaultExecutionLabel d'],
    ],
  );
  assert.equal(Object.keys(sim.results[0]!.counts), ['a', 'b']);
  assert.equal(sim.results[1]!.counts, { b: 5000 });
  assert.equal(seen, ['4096/20000', '8192/20000', '12288/20000', '16384/20000', 'done']);
  assert.equal(simulate(computeRoutes({}), ['x'], 2, 's').results, [{ label: 'x', via: 'all enabled clusters', counts: { none: 2 } }]);
});

test("executions: each one's cluster per label, none when nothing is enabled", () => {
  const picks = executionPicks(routes, ['d', 'nope'], ['e1']);
  assert.equal(picks, [
    { execution: 'e1', label: 'd', via: 'label d', cluster: 'b' },
    { execution: 'e1', label: 'nope', via: 'defaultExecutionLabel d', cluster: 'b' },
  ]);
  assert.equal(executionPicks(computeRoutes({}), [], ['e1']), [{ execution: 'e1', label: NO_LABEL, via: 'all enabled clusters' }]);
});

test('the report of values files: the source, lookups with their fallbacks, validate problems as notes', () => {
  const f = file(
    'v.yaml',
    'multicluster:\n  clusters:\n    clusterConfigs:\n      - {name: a, endpoint: "https://203.0.113.1:6443", enabled: true}\n      - {name: c, endpoint: "https://203.0.113.3:6443", enabled: false}\n    labelClusterMap:\n      ok: [{id: a, weight: 1}]\n      off: [{id: c, weight: 1}]\n',
  );
  const rep = routesReport([f], { labels: ['ok', 'off', 'unknown'], executions: [] })!;
  assert.is(rep.source, 'multicluster.clusters');
  assert.equal(rep.lookups, [
    { label: 'ok', known: true, via: 'label ok', entries: [{ id: 'a', share: 1 }] },
    { label: 'off', known: true, fallback: 'dropped: none of its clusters is enabled', via: 'all enabled clusters', entries: [{ id: 'a', share: 1 }] },
    { label: 'unknown', known: false, fallback: 'not in labelClusterMap', via: 'all enabled clusters', entries: [{ id: 'a', share: 1 }] },
  ]);
  assert.is(rep.simulation, undefined);
  assert.equal(rep.executions, []);
  assert.ok(
    rep.routes.notes.some((n) => n.startsWith(`warning: ${f}:8 (/multicluster/clusters/labelClusterMap/off)`)),
    rep.routes.notes.join('\n'),
  );
  const withDefault = routesReport([f, file('d.yaml', 'multicluster:\n  clusters:\n    defaultExecutionLabel: ok\n')], {
    labels: ['zzz'],
    simulate: 3,
    executions: ['e'],
  })!;
  assert.equal(withDefault.lookups[0]!.via, 'defaultExecutionLabel ok');
  assert.equal([withDefault.simulation!.seed, withDefault.simulation!.n], ['flytemc', 3]);
  assert.equal(withDefault.executions, [{ execution: 'e', label: 'zzz', via: 'defaultExecutionLabel ok', cluster: 'a' }]);
  assert.is(routesReport([file('none.yaml', 'a: 1\n')], { labels: [], executions: [] }), undefined);
});

test.run();
