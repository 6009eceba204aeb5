// FlyteAdmin's selection as `flytemc routes` computes it. The golden draws below were produced by
// real Go (math/rand + hash/fnv, the code of flytestdlib/random and random_cluster_selector.go).
import { test } from '../helpers/uvu.ts';
import * as assert from 'uvu/assert';
import { readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { goDraws } from '../../bench/go-draws.ts';
import { join } from 'node:path';
import { clustersFromValues, computeRoutes, effectiveList, executionNames, labelPinning, pick, pinLabel } from '../../plugin/config/routes.ts';
import { parseYaml } from '../../plugin/yaml/dialect.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const load = (f: string) => computeRoutes(clustersFromValues(parseYaml(readFileSync(join(ROOT, f), 'utf8')))!.clusters);
const cluster = (name: string, enabled = true) => ({ name, endpoint: 'https://203.0.113.1:6443', enabled });

test('defect 7: cluster_2 enabled under auth is disabled, team2 sends 100% to cluster_3', () => {
  const r = load('test/fixtures/guide/defect7-enabled-under-auth.yaml');
  assert.equal(
    r.clusters.find((c) => c.name === 'cluster_2'),
    { name: 'cluster_2', enabled: false, why: '`enabled` is indented under `auth`, where FlyteAdmin ignores it' },
  );
  const team2 = r.labels.find((l) => l.label === 'team2')!;
  assert.equal(
    team2.entries.map((e) => [e.id, e.used, e.share]),
    [
      ['cluster_2', false, 0],
      ['cluster_3', true, 1],
    ],
  );
  assert.match(team2.entries[0]!.note!, 'skipped: cluster not enabled');
  for (const name of executionNames(200)) assert.is(pick(effectiveList(r, 'team2').entries, name), 'cluster_3');
});

test('weights are normalised; weight 0 is ignored unless all are 0', () => {
  const r = computeRoutes({
    clusterConfigs: [cluster('a'), cluster('b'), cluster('c')],
    labelClusterMap: {
      two: [
        { id: 'a', weight: 0.2 },
        { id: 'b', weight: 0.6 },
      ],
      zero: [
        { id: 'a', weight: 0 },
        { id: 'b', weight: 0.1 },
      ],
      allzero: [
        { id: 'a', weight: 0 },
        { id: 'c', weight: 0 },
      ],
    },
  });
  const share = (l: string) => Object.fromEntries(r.labels.find((x) => x.label === l)!.entries.map((e) => [e.id, Math.round(e.share * 1000) / 1000]));
  assert.equal(share('two'), { a: 0.25, b: 0.75 });
  assert.equal(share('zero'), { a: 0, b: 1 });
  assert.match(r.labels.find((x) => x.label === 'zero')!.entries[0]!.note!, 'ignored: weight 0');
  assert.equal(share('allzero'), { a: 0.5, c: 0.5 });
});

test('fallback chain: unknown and disabled routes skipped, empty label dropped, default label, then all enabled', () => {
  const r = computeRoutes({
    clusterConfigs: [cluster('a'), cluster('b', false)],
    labelClusterMap: {
      gone: [
        { id: 'b', weight: 1 },
        { id: 'x', weight: 1 },
      ],
      ok: [{ id: 'a', weight: 1 }],
    },
    defaultExecutionLabel: 'gone',
  });
  const gone = r.labels.find((l) => l.label === 'gone')!;
  assert.ok(gone.dropped);
  assert.match(gone.entries[1]!.note!, 'not in clusterConfigs');
  assert.is(r.fallback.label, undefined);
  assert.match(r.fallback.note!, 'has no enabled cluster');
  assert.equal(effectiveList(r, 'gone').via, 'all enabled clusters');
  assert.equal(effectiveList(r, 'nope').via, 'all enabled clusters');
  const r2 = computeRoutes({ clusterConfigs: [cluster('a'), cluster('b')], labelClusterMap: { ok: [{ id: 'b', weight: 1 }] }, defaultExecutionLabel: 'ok' });
  assert.equal(effectiveList(r2, undefined).via, 'defaultExecutionLabel ok');
});

test('a weight outside 0..1 is fatal (FlyteAdmin does not start)', () => {
  const r = computeRoutes({ clusterConfigs: [cluster('a')], labelClusterMap: { l: [{ id: 'a', weight: 2 }] } });
  assert.match(r.labels[0]!.fatal!, 'outside 0..1');
});

test("the pick is exactly FlyteAdmin's: sorted cumulative weights over Go's draw (golden values from Go)", () => {
  const half = [
    { id: 'cluster_2', weight: 0.5 },
    { id: 'cluster_3', weight: 0.5 },
  ];
  const golden: Array<[string, string]> = [
    ['exec0', 'cluster_2'],
    ['exec7919', 'cluster_2'],
    ['exec15838', 'cluster_3'],
    ['exec23757', 'cluster_3'],
    ['exec31676', 'cluster_3'],
    ['exec39595', 'cluster_2'],
    ['exec47514', 'cluster_2'],
    ['exec55433', 'cluster_2'],
  ];
  for (const [n, want] of golden) assert.is(pick(half, n), want, n);
  const three = [
    { id: 'c', weight: 0.3 },
    { id: 'a', weight: 0.2 },
    { id: 'b', weight: 0.7 },
  ];
  const golden3: Array<[string, string]> = [
    ['exec0', 'a'],
    ['exec7919', 'b'],
    ['exec15838', 'c'],
    ['exec23757', 'c'],
    ['exec31676', 'c'],
    ['exec39595', 'b'],
    ['exec47514', 'a'],
    ['exec55433', 'b'],
  ];
  for (const [n, want] of golden3) assert.is(pick(three, n), want, n);
  assert.is(
    pick(
      [
        { id: 'p', weight: 0 },
        { id: 'q', weight: 0.1 },
      ],
      'exec0',
    ),
    'q',
  );
});

test('simulate is deterministic: same names, same clusters; the shares converge', () => {
  const a = executionNames(500, 'seed1');
  assert.equal(a, executionNames(500, 'seed1'));
  assert.not.equal(a, executionNames(500, 'seed2'));
  assert.ok(a.every((n) => /^[a-z][a-z0-9]{19}$/.test(n)));
  const list = [
    { id: 'a', weight: 0.2 },
    { id: 'b', weight: 0.6 },
  ];
  const picks = a.map((n) => pick(list, n));
  assert.equal(
    picks,
    a.map((n) => pick(list, n)),
  );
  const share = picks.filter((p) => p === 'b').length / picks.length;
  assert.ok(share > 0.68 && share < 0.82, String(share));
});

test('1,000 simulated names are exactly what real Go computes (bench/go-draws)', () => {
  const go = (...args: string[]) => {
    const r = spawnSync(goDraws(), args, { encoding: 'utf8', maxBuffer: 64 << 20 });
    assert.is(r.status, 0, r.stderr);
    return r.stdout.trimEnd().split('\n');
  };
  assert.equal(executionNames(1000, 'flytemc'), go('names', '1000', 'flytemc'));
  assert.equal(executionNames(1000, 'another seed'), go('names', '1000', 'another seed'));
});

test('the shape FlyteAdmin silently ignores: said as notes, never thrown', () => {
  assert.equal(computeRoutes('x').notes, ['the clusters section is not a mapping, so FlyteAdmin reads no clusters']);
  const r = computeRoutes({ clusterConfigs: 'x', labelClusterMap: [] });
  assert.equal(r.notes, ['clusterConfigs is not a list, so FlyteAdmin reads no clusters', 'labelClusterMap is not a mapping, so FlyteAdmin reads no labels']);
  const odd = computeRoutes({
    clusterConfigs: [{ enabled: true }, 'x', cluster('a'), cluster('a'), { name: 'q', enabled: 'yes' }, { name: 'f', enabled: false }, { name: 'u' }],
    labelClusterMap: {
      l: 'a',
      m: [{ weight: 1 }, 'x', { id: 'a' }],
      n: [
        { id: 'a', weight: 0 },
        { id: 'q', weight: 1 },
      ],
    },
    defaultExecutionLabel: 'zz',
  });
  assert.equal(odd.notes, [
    'clusterConfigs[0] has no name; FlyteAdmin cannot route to it',
    'clusterConfigs[1] has no name; FlyteAdmin cannot route to it',
    'cluster "a" is listed twice; FlyteAdmin refuses to start on duplicate names',
    'label "l" is not a list of {id, weight}, so FlyteAdmin reads no clusters for it',
  ]);
  assert.equal(
    odd.clusters.map((c) => c.why ?? ''),
    ['', '', '`enabled: "yes"` is not the boolean true', '`enabled: false`', 'no `enabled: true` (FlyteAdmin defaults to false)'],
  );
  const m = odd.labels.find((l) => l.label === 'm')!;
  assert.equal(
    m.entries.map((e) => [e.id, e.note ?? '']),
    [
      ['(no id)', 'skipped: the entry has no id'],
      ['(no id)', 'skipped: the entry has no id'],
      ['a', 'all weights are 0: FlyteAdmin splits evenly'], // its missing weight reads 0, like all the others
    ],
  );
  assert.match(odd.fallback.note!, 'defaultExecutionLabel "zz" is not in labelClusterMap');
  assert.equal(
    odd.fallback.all.map((e) => e.id),
    ['a'],
  );
  assert.is(odd.labels.find((l) => l.label === 'n')!.dropped, false);
});

test('clustersFromValues: the chart block, flyte-core top level or under flyte-core:', () => {
  assert.is(clustersFromValues('x'), undefined);
  assert.equal(clustersFromValues({ multicluster: { clusters: 1 } }), { clusters: 1, at: 'multicluster.clusters' });
  assert.equal(clustersFromValues({ multicluster: {}, configmap: { clusters: 2 } }), { clusters: 2, at: 'configmap.clusters' });
  assert.equal(clustersFromValues({ 'flyte-core': { configmap: { clusters: 3 } } }), { clusters: 3, at: 'flyte-core.configmap.clusters' });
  assert.is(clustersFromValues({ configmap: {} }), undefined);
});

test('a label pinning a cluster: its pin label first, else any label sending everything there', () => {
  const r = computeRoutes({
    clusterConfigs: [cluster('a'), cluster('b')],
    labelClusterMap: {
      only: [{ id: 'a', weight: 1 }],
      [pinLabel('a')]: [{ id: 'a', weight: 1 }],
      both: [
        { id: 'a', weight: 1 },
        { id: 'b', weight: 1 },
      ],
      bad: [{ id: 'b', weight: 2 }],
    },
  });
  assert.is(pinLabel('a'), 'pin-a');
  assert.is(labelPinning(r, 'a'), 'pin-a');
  assert.is(labelPinning(r, 'b'), undefined);
  const r2 = computeRoutes({ clusterConfigs: [cluster('a')], labelClusterMap: { only: [{ id: 'a', weight: 1 }] } });
  assert.is(labelPinning(r2, 'a'), 'only');
});

test('an empty list draws nothing', () => {
  assert.is(pick([], 'exec0'), undefined);
});

test.run();
