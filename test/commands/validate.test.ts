// plugin/commands/validate.ts: its options, the text report of files and planes, JSON, exit codes (the command run in a child process).
import { test } from '../helpers/uvu.ts';
import * as assert from 'uvu/assert';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const MODULE = join(import.meta.dirname, '..', '..', 'plugin', 'commands', 'validate.ts');
const dir = mkdtempSync(join(tmpdir(), 'flytemc-validate-command-'));
const file = (name: string, text: string) => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};

/** `validate ARGS` as the CLI runs it: its stdout, stderr and exit code. */
function validate(...args: string[]) {
  const code = `const m = await import(${JSON.stringify(MODULE)}); process.exitCode = await m.run(${JSON.stringify(args)});`;
  const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], { encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const cp = file('cp.yaml', 'multicluster:\n  clusters:\n    clusterConfigs:\n      - {name: east, endpoint: "https://203.0.113.1:6443", enabled: true}\n');
const shared = file('shared.yaml', 'multicluster:\n  controlPlane: {adminEndpoint: "dns:///flyte.example.com:443", catalog: false}\n');
const overlay = file('overlay.yaml', 'flyte-core:\n  storage: {type: s3, bucketName: b}\n');

test('files: ok, a part, no config, invalid with each problem indented; the counts', () => {
  const bad = file('bad.yaml', 'multicluster:\n  clusters:\n    clusterConfigs:\n      - {name: west, endpoint: "https://203.0.113.2:6443"}\n');
  const r = validate('-f', cp, '-f', shared, '-f', overlay, '-f', bad);
  assert.is(r.code, 1);
  assert.is(
    r.stdout,
    `${cp}: ok
${shared}: ok (a part: no clusters)
${overlay}: no multi-cluster config here
${bad}: INVALID
  error: ${bad}:3 (/multicluster/clusters/clusterConfigs): no cluster is enabled, so FlyteAdmin has nowhere to run executions
    fix: set \`enabled: true\` on at least one cluster
  warning: ${bad}:4 (/multicluster/clusters/clusterConfigs/0): cluster "west" has no \`enabled\`; FlyteAdmin's default is false, so it gets no executions
    fix: add \`enabled: true\` (or \`enabled: false\` to say it on purpose)
1 error, 1 warning in 4 files
`,
  );
  const ok = validate('-f', cp);
  assert.equal([ok.code, ok.stdout], [0, `${cp}: ok\n0 errors, 0 warnings in 1 file\n`]);
});

test('no config anywhere, or a control plane in parts without its clusters: exit 1 with the reason', () => {
  const none = validate('-f', overlay);
  assert.is(none.code, 1);
  assert.match(
    none.stdout,
    'error: none of the files has a multi-cluster config (`multicluster.clusters` or `configmap.clusters`)\n0 errors, 0 warnings in 1 file\n',
  );
  const part = validate('-f', shared);
  assert.is(part.code, 1);
  assert.match(
    part.stdout,
    'error: none of the files lists clusters (multicluster.clusters.clusterConfigs), so FlyteAdmin would have nowhere to run executions\n  fix: add the file',
  );
  const dp = validate('-f', file('dp.yaml', 'multicluster: {role: data-plane}\n'));
  assert.equal([dp.code, dp.stdout.split('\n')[0]], [0, `${join(dir, 'dp.yaml')}: ok (data-plane)`]);
});

test('--data-plane: the control plane line, each data plane with its way back, the counts of planes', () => {
  const east = file('east.yaml', 'multicluster: {clusterName: east}\nflyte-core:\n  storage: {type: s3, bucketName: b}\n');
  const cpStorage = file('cp-storage.yaml', 'flyte-core:\n  storage: {type: s3, bucketName: b}\n');
  const r = validate('-f', cp, '-f', cpStorage, '--data-plane', `${shared},${east}`);
  assert.is(r.code, 0, r.stdout + r.stderr);
  assert.match(r.stdout, `control plane (${cp}, ${cpStorage}): storage s3 b\n`);
  assert.match(r.stdout, `data plane east (${shared}, ${east}): ok; storage s3 b; admin dns:///flyte.example.com:443; catalog off (noop)\n`);
  assert.match(r.stdout, '0 errors, 0 warnings in 2 files and 1 data plane\n');
  const bare = validate('--data-plane', file('bare.yaml', 'multicluster: {}\n'), '-o', 'json');
  assert.is(bare.code, 1);
  const j = JSON.parse(bare.stdout);
  assert.equal(Object.keys(j), ['valid', 'errors', 'warnings', 'files', 'planes']);
  assert.equal([j.valid, j.files, j.planes.controlPlane.storage], [false, [], '(no control-plane files)']);
  assert.ok(j.planes.dataPlanes[0].problems.some((p: { code: string }) => p.code === 'wiring.admin-endpoint'));
  assert.match(validate('--data-plane', join(dir, 'bare.yaml')).stdout, /data plane \(no clusterName\) \(.*bare\.yaml\): INVALID; storage minio/);
});

test('usage: --help, no file, an empty --data-plane, --cloud', () => {
  assert.match(validate('--help').stdout, 'Usage: helm flytemc validate -f FILE');
  const cases: Array<[string[], string]> = [
    [[], 'error: give at least one values file with -f FILE'],
    [['--data-plane', ','], 'error: --data-plane needs a file (or several, comma-separated)'],
    [['-f', cp, '--data-plane', cp, '--cloud', 'aws'], 'error: --cloud "aws": use eks or gcp (AWS is eks)'],
    [['-f', cp, '--cloud', 'eks'], 'error: --cloud applies to --data-plane checks'],
  ];
  for (const [args, first] of cases) {
    const r = validate(...args);
    assert.equal([r.code, r.stderr.split('\n')[0]], [2, first], args.join(' '));
  }
});

test.run();
