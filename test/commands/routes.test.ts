// plugin/commands/routes.ts: its options, the table each part of the report prints, JSON, exit codes (the command run in a child process).
import { test } from '../helpers/uvu.ts';
import * as assert from 'uvu/assert';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const MODULE = join(import.meta.dirname, '..', '..', 'plugin', 'commands', 'routes.ts');
const dir = mkdtempSync(join(tmpdir(), 'flytemc-routes-command-'));
const file = (name: string, text: string) => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};

/** `routes ARGS` as the CLI runs it: its stdout, stderr and exit code. */
function routes(...args: string[]) {
  const code = `const m = await import(${JSON.stringify(MODULE)}); process.exitCode = await m.run(${JSON.stringify(args)});`;
  const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], { encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const values = file(
  'v.yaml',
  `multicluster:
  clusters:
    clusterConfigs:
      - {name: a, endpoint: "https://203.0.113.1:6443", enabled: true}
      - {name: b, endpoint: "https://203.0.113.2:6443", enabled: false}
    labelClusterMap:
      l: [{id: a, weight: 1}, {id: b, weight: 1}]
      off: [{id: b, weight: 1}]
    defaultExecutionLabel: l
`,
);

test('the whole table: clusters, labels, the fallback, validate problems as notes', () => {
  const r = routes('-f', values);
  assert.is(r.code, 0, r.stderr);
  assert.is(
    r.stdout,
    `clusters:
  NAME  ENABLED  WHY NOT
  a     yes
  b     no       \`enabled: false\`

label l
  CLUSTER  WEIGHT  ENABLED  SHARE   NOTE
  a        1       yes      100.0%
  b        1       no       -       skipped: cluster not enabled (\`enabled: false\`)

label off: dropped: no enabled cluster left, its executions fall back (see below)
  CLUSTER  WEIGHT  ENABLED  SHARE  NOTE
  b        1       no       -      skipped: cluster not enabled (\`enabled: false\`)

executions with no label, an unknown label or a dropped label go to:
  defaultExecutionLabel l (see above); the last resort, all enabled clusters (a 100.0%), is not reached

notes:
  - warning: ${values}:7 (/multicluster/clusters/labelClusterMap/l/1/id): label "l" routes to "b", which is not enabled; FlyteAdmin skips it
      fix: set \`enabled: true\` on b, or remove the route
  - warning: ${values}:8 (/multicluster/clusters/labelClusterMap/off/0/id): label "off" routes to "b", which is not enabled; FlyteAdmin skips it
      fix: set \`enabled: true\` on b, or remove the route
  - warning: ${values}:8 (/multicluster/clusters/labelClusterMap/off): label "off" routes only to cordoned clusters (enabled: false: b), so FlyteAdmin drops it and its executions go to label "l"
      fix: uncordon one of them when it should take this label's executions again (flytemc uncordon NAME)
`,
  );
});

test('--label, --simulate, --execution: the lookups, draws and picks; JSON carries the same', () => {
  const r = routes('-f', values, '--label', 'zz', '--simulate', '4', '--seed', 's', '--execution', 'e1');
  assert.is(r.code, 0, r.stderr);
  assert.match(r.stdout, 'label zz: not in labelClusterMap, so FlyteAdmin uses defaultExecutionLabel l\n  CLUSTER  SHARE\n  a        100.0%\n');
  assert.match(r.stdout, /simulated 4 executions per label \(names from seed "s", e\.g\. [a-z0-9]{20}\):\n/);
  assert.match(r.stdout, '  LABEL  DRAWN FROM               CLUSTER  COUNT  SHARE\n  zz     defaultExecutionLabel l  a        4      100.0%\n');

  assert.match(r.stdout, 'executions:\n  EXECUTION  LABEL  DRAWN FROM               CLUSTER\n  e1         zz     defaultExecutionLabel l  a\n');
  assert.not.match(r.stdout, 'executions with no label');
  const j = JSON.parse(routes('-f', values, '--label', 'zz', '--simulate', '2', '--execution', 'e1', '-o', 'json').stdout);
  assert.equal(Object.keys(j), ['source', 'clusters', 'labels', 'fallback', 'notes', 'defaultExecutionLabel', 'lookups', 'simulation', 'executions']);
  assert.is(j.source, 'multicluster.clusters');
  assert.equal(Object.keys(JSON.parse(routes('-f', values, '-o', 'json').stdout)), [
    'source',
    'clusters',
    'labels',
    'fallback',
    'notes',
    'defaultExecutionLabel',
  ]);
});

test('no enabled cluster and a fatal weight: said in the table, exit 1', () => {
  const f = file(
    'fatal.yaml',
    'configmap:\n  clusters:\n    clusterConfigs: [{name: a, endpoint: "https://203.0.113.1:6443", enabled: true}]\n    labelClusterMap: {l: [{id: a, weight: 2}]}\n',
  );
  const r = routes('-f', f);
  assert.is(r.code, 1);
  assert.match(r.stdout, 'label l: FlyteAdmin would not start: weight 2 of a is outside 0..1');
  const none = routes(
    '-f',
    file('none-enabled.yaml', 'multicluster:\n  clusters:\n    clusterConfigs: [{name: a, endpoint: "https://203.0.113.1:6443", enabled: false}]\n'),
  );
  assert.match(none.stdout, '  all enabled clusters, equal weight: none: FlyteAdmin cannot run executions\n');
});

test('usage: --help, no file, a bad --simulate, -o; no cluster config is exit 1', () => {
  assert.match(routes('--help').stdout, 'Usage: helm flytemc routes -f FILE');
  const noFile = routes();
  assert.equal([noFile.code, noFile.stderr.split('\n')[0]], [2, 'error: give at least one values file with -f FILE']);
  for (const n of ['0', '1.5', 'x', '1000001']) assert.is(routes('-f', values, '--simulate', n).code, 2, n);
  assert.is(routes('-f', values, '-o', 'xml').code, 2);
  const none = routes('-f', file('empty.yaml', 'a: 1\n'));
  assert.is(none.code, 1);
  assert.is(
    none.stderr,
    `error: ${join(dir, 'empty.yaml')}: no cluster config (neither multicluster.clusters nor configmap.clusters)\n  fix: pass the values file that lists the clusters, e.g. -f values-override.yaml\n`,
  );
});

test.run();
