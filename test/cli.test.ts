// The commands of dist/flytemc.mjs as a user runs them (outside Helm: FLYTEMC_HELM names the Helm).
import { test } from './helpers/uvu.ts';
import * as assert from 'uvu/assert';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, helmBinary } from './helpers/helm.ts';

const CLUSTERS = join(ROOT, 'test', 'fixtures', 'three-clusters.yaml');
const DEFECT7 = join(ROOT, 'test', 'fixtures', 'guide', 'defect7-enabled-under-auth.yaml');

function flytemc(args: string[], major: 3 | 4 = 4) {
  const env: NodeJS.ProcessEnv = { ...process.env, FLYTEMC_HELM: helmBinary(major) };
  for (const k of Object.keys(env)) if (k.startsWith('HELM_')) delete env[k];
  const r = spawnSync(process.execPath, [join(ROOT, 'dist', 'flytemc.mjs'), ...args], { encoding: 'utf8', env, cwd: ROOT });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

test('--help lists every command; each command has --help with an example', () => {
  const r = flytemc(['--help']);
  assert.is(r.code, 0);
  for (const c of ['install', 'validate', 'routes', 'labels', 'setup']) {
    assert.match(r.stdout, new RegExp(`\\n  ${c} `));
    const h = flytemc([c, '--help']);
    assert.is(h.code, 0, c);
    assert.match(h.stdout, /Example/);
    assert.match(h.stdout, /Exit codes/);
  }
});

test('install: the guide\'s `--create-namespace flyte` and a stray values.yaml are refused with the fix', () => {
  const a = flytemc(['install', 'control-plane', '--create-namespace', 'flyte', '--print']);
  assert.is(a.code, 1);
  assert.match(a.stderr, '--create-namespace is a flag and takes no value');
  assert.match(a.stderr, 'fix: use --namespace flyte --create-namespace');
  const b = flytemc(['install', 'control-plane', 'values.yaml', '--print']);
  assert.is(b.code, 1);
  assert.match(b.stderr, 'fix: pass values files with -f: -f values.yaml');
  const c = flytemc(['install', 'data-plane', '--cloud', 'aws', '--name', 'dp1', '--print']);
  assert.is(c.code, 1);
  assert.match(c.stderr, 'use --cloud eks');
  assert.not.match(a.stderr + b.stderr + c.stderr, /\n\s+at /);
});

test('install data-plane: --name sets both names, cloud overlay first, no post-renderer; helm args pass through', () => {
  const none = flytemc(['install', 'data-plane', '--print']);
  assert.is(none.code, 1);
  assert.match(none.stderr, 'add --name NAME');
  for (const major of [3, 4] as const) {
    const r = flytemc(['install', 'data-plane', '--cloud', 'gcp', '--name', 'dp1', '--kube-context', 'dp1-ctx', '--create-namespace', '--dry-run', '-f', 'mine.yaml', '--print'], major);
    assert.is(r.code, 0, r.stderr);
    const cmd = r.stdout.trim();
    assert.match(cmd, /upgrade --install flyte \S+charts\/flyte-multicluster --kube-context dp1-ctx --namespace flyte -f \S+values-gcp\.yaml -f \S+values-dataplane\.yaml/);
    assert.match(cmd, '--set-string multicluster.clusterName=dp1 --set-string flyte-core.flytepropeller.clusterName=dp1');
    assert.match(cmd, '--create-namespace --dry-run -f mine.yaml');
    assert.not.match(cmd, '--post-renderer');
  }
});

test('install control-plane: Helm 3 gets the executable path, Helm 4 the plugin name with HELM_PLUGINS', () => {
  const h3 = flytemc(['install', 'control-plane', '-n', 'flyte-cp', '--print'], 3);
  assert.match(h3.stdout, /--namespace flyte-cp .*--post-renderer \/\S+\/dist\/flytemc-post-renderer\.mjs/);
  const h4 = flytemc(['install', 'control-plane', '--print'], 4);
  assert.match(h4.stdout, /^(HELM_PLUGINS=\S*flytemc\/helm4-plugins )?\S+ upgrade --install .* --post-renderer flytemc-post-renderer/);
});

test('validate: every problem with file:line, exit 1; a good file exits 0; files without config are skipped', () => {
  const bad = flytemc(['validate', '-f', DEFECT7, '-f', join(ROOT, 'charts', 'flyte-multicluster', 'values-eks.yaml')]);
  assert.is(bad.code, 1);
  assert.match(bad.stdout, /defect7-enabled-under-auth\.yaml:32 \(\/configmap\/clusters\/clusterConfigs\/1\/auth\/enabled\)/);
  assert.match(bad.stdout, 'values-eks.yaml: no multi-cluster config here (skipped)');
  const good = flytemc(['validate', '-f', CLUSTERS, '-o', 'json']);
  assert.is(good.code, 0, good.stderr);
  assert.equal(JSON.parse(good.stdout).valid, true);
  const none = flytemc(['validate', '-f', join(ROOT, 'charts', 'flyte-multicluster', 'values-eks.yaml')]);
  assert.is(none.code, 1);
});

test('routes: shows what a refused config really does, with the problems as notes; --simulate is reproducible', () => {
  const r = flytemc(['routes', '-f', DEFECT7, '-o', 'json']);
  assert.is(r.code, 0, r.stderr);
  const data = JSON.parse(r.stdout);
  const team2 = data.labels.find((l: { label: string }) => l.label === 'team2');
  assert.equal(team2.entries.map((e: { id: string; share: number }) => [e.id, e.share]), [['cluster_2', 0], ['cluster_3', 1]]);
  assert.ok(data.notes.some((n: string) => n.includes('defect7-enabled-under-auth.yaml:32')));
  const s1 = flytemc(['routes', '-f', CLUSTERS, '--simulate', '300']);
  const s2 = flytemc(['routes', '-f', CLUSTERS, '--simulate', '300']);
  assert.is(s1.code, 0, s1.stderr);
  assert.is(s1.stdout, s2.stdout);
  assert.match(s1.stdout, /team1\s+label team1\s+cluster_1\s+300\s+100\.0%/);
  const e = flytemc(['routes', '-f', CLUSTERS, '--execution', 'exec0', '-o', 'json']);
  const byLabel = Object.fromEntries(JSON.parse(e.stdout).executions.map((x: { label: string; cluster: string }) => [x.label, x.cluster]));
  assert.equal(byLabel, { team1: 'cluster_1', team2: 'cluster_2', '(none)': 'cluster_1' });
});

test('labels: writes the flytectl attribute file; refuses a label the config does not route', () => {
  const dir = mkdtempSync(join(tmpdir(), 'flytemc-labels-'));
  const out = join(dir, 'ecl.yaml');
  const ok = flytemc(['labels', '--project', 'flytesnacks', '--domain', 'development', '--workflow', 'wf', '--label', 'team2', '-f', CLUSTERS, '--out', out]);
  assert.is(ok.code, 0, ok.stderr);
  assert.is(readFileSync(out, 'utf8'), 'domain: development\nproject: flytesnacks\nworkflow: wf\nvalue: team2\n');
  assert.match(ok.stderr, 'flytectl update execution-cluster-label --attrFile');
  const json = flytemc(['labels', '--project', 'p', '--domain', 'd', '--label', 'team1', '-f', CLUSTERS, '-o', 'json']);
  assert.equal(JSON.parse(json.stdout), { domain: 'd', project: 'p', value: 'team1' });
  const unknown = flytemc(['labels', '--project', 'p', '--domain', 'd', '--label', 'team9', '-f', CLUSTERS]);
  assert.is(unknown.code, 1);
  assert.match(unknown.stderr, 'fix: use one of: team1, team2');
  assert.is(unknown.stdout, '');
});

test.run();
