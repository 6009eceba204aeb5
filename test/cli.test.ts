// The commands of dist/flytemc.mjs as a user runs them (outside Helm: FLYTEMC_HELM names the Helm).
import { test } from './helpers/uvu.ts';
import * as assert from 'uvu/assert';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, helmBinary, prepareChart } from './helpers/helm.ts';

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

test('install data-plane: --name sets both names, cloud overlay first, the post-renderer (the way back); helm args pass through', () => {
  const none = flytemc(['install', 'data-plane', '--print']);
  assert.is(none.code, 1);
  assert.match(none.stderr, 'add --name NAME');
  for (const major of [3, 4] as const) {
    const r = flytemc(['install', 'data-plane', '--cloud', 'gcp', '--name', 'dp1', '--kube-context', 'dp1-ctx', '--create-namespace', '--dry-run', '-f', 'mine.yaml', '--print'], major);
    assert.is(r.code, 0, r.stderr);
    const cmd = r.stdout.trim();
    assert.match(cmd, /upgrade --install flyte \S+charts\/flyte-multicluster --namespace flyte -f \S+values-gcp\.yaml -f \S+values-dataplane\.yaml/);
    assert.match(cmd, '--set-string multicluster.clusterName=dp1 --set-string flyte-core.flytepropeller.clusterName=dp1');
    assert.match(cmd, '--kube-context dp1-ctx --create-namespace --dry-run -f mine.yaml');
    assert.match(cmd, major === 3 ? /--post-renderer \S+dist\/flytemc-post-renderer\.mjs/ : /--post-renderer flytemc-post-renderer/);
  }
});

test('install control-plane: Helm 3 gets the executable path, Helm 4 the plugin name with HELM_PLUGINS', () => {
  const h3 = flytemc(['install', 'control-plane', '-n', 'flyte-cp', '--print'], 3);
  assert.match(h3.stdout, /--namespace flyte-cp .*--post-renderer \/\S+\/dist\/flytemc-post-renderer\.mjs/);
  const h4 = flytemc(['install', 'control-plane', '--print'], 4);
  assert.match(h4.stdout, /^HELM_PLUGINS=\S*flytemc-helm4 \S+ upgrade --install .* --post-renderer flytemc-post-renderer/);
});

test('install exit codes: Helm failing for another reason than the config is 3 (a post-renderer refusal is 1: test/plugin.test.ts)', () => {
  prepareChart();
  const dir = mkdtempSync(join(tmpdir(), 'flytemc-cli-'));
  const kubeconfig = join(dir, 'kubeconfig');
  writeFileSync(kubeconfig, 'apiVersion: v1\nkind: Config\nclusters: []\ncontexts: []\nusers: []\n', { mode: 0o600 });
  for (const major of [3, 4] as const) {
    const r = flytemc(['install', 'data-plane', '--name', 'dp1', '--kube-context', 'no-such-context', '--kubeconfig', kubeconfig], major);
    assert.is(r.code, 3, `Helm ${major}: ${r.stderr}`);
    assert.match(r.stderr, /context "no-such-context" does not exist/);
  }
  rmSync(dir, { recursive: true, force: true });
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

test('labels -f FILE --out DIR: one attribute file per multicluster.executionLabels entry; one unrouted label and nothing is written', () => {
  const dir = mkdtempSync(join(tmpdir(), 'flytemc-labels-'));
  const values = join(dir, 'values.yaml');
  const base = readFileSync(CLUSTERS, 'utf8');
  const entries = [
    '    - {project: flytesnacks, domain: development, label: team1}',
    '    - {project: flytesnacks, domain: production, workflow: my_pkg.workflows.training_wf, label: team2}',
  ];
  writeFileSync(values, `${base}  executionLabels:\n${entries.join('\n')}\n`);
  const out = join(dir, 'labels');
  const ok = flytemc(['labels', '-f', values, '--out', out]);
  assert.is(ok.code, 0, ok.stderr);
  assert.equal(readdirSync(out).sort(), ['flytesnacks_development.yaml', 'flytesnacks_production_my_pkg.workflows.training_wf.yaml']);
  const body = (f: string) => readFileSync(join(out, f), 'utf8').replace(/^#.*\n/, '');
  assert.is(body('flytesnacks_development.yaml'), 'domain: development\nproject: flytesnacks\nvalue: team1\n');
  assert.is(body('flytesnacks_production_my_pkg.workflows.training_wf.yaml'), 'domain: production\nproject: flytesnacks\nworkflow: my_pkg.workflows.training_wf\nvalue: team2\n');
  assert.match(ok.stdout, 'flytectl update execution-cluster-label --attrFile');
  // `validate` agrees the file is fine
  assert.is(flytemc(['validate', '-f', values]).code, 0);

  // a label the config does not route: refused with file:line, no file written or changed
  const bad = join(dir, 'bad.yaml');
  writeFileSync(bad, `${base}  executionLabels:\n${entries[0]}\n    - {project: flytesnacks, domain: staging, label: team9}\n`);
  const out2 = join(dir, 'labels2');
  const refused = flytemc(['labels', '-f', bad, '--out', out2]);
  assert.is(refused.code, 1);
  assert.match(refused.stderr, /bad\.yaml:29 \(\/multicluster\/executionLabels\/1\/label\): flytesnacks\/staging: "team9" is not a label of multicluster\.clusters\.labelClusterMap/);
  assert.match(refused.stderr, 'fix: use one of: team1, team2');
  assert.not.ok(existsSync(out2), 'nothing written');
  // validate and post-render refuse the same entry
  const v = flytemc(['validate', '-f', bad]);
  assert.is(v.code, 1);
  assert.match(v.stdout, /bad\.yaml:29 \(\/multicluster\/executionLabels\/1\/label\): flytesnacks\/staging gets label "team9", which labelClusterMap does not route/);
  // a label whose clusters are all disabled is dropped by FlyteAdmin: refused too
  const off = join(dir, 'off.yaml');
  writeFileSync(off, readFileSync(values, 'utf8').replace(/(name: cluster_[23]\n\s+endpoint: \S+\n\s+enabled: )true/g, '$1false'));
  const dropped = flytemc(['labels', '-f', off, '--out', out2]);
  assert.is(dropped.code, 1);
  assert.match(dropped.stderr, 'label "team2" has no enabled cluster');
  // a removed entry: its file is reported (FlyteAdmin keeps the attribute), not deleted
  writeFileSync(values, `${base}  executionLabels:\n${entries[0]}\n`);
  const again = flytemc(['labels', '-f', values, '--out', out]);
  assert.is(again.code, 0, again.stderr);
  assert.match(again.stderr, /flytesnacks_production_my_pkg\.workflows\.training_wf\.yaml: no executionLabels entry writes this file any more/);
  assert.match(again.stderr, 'flytectl delete execution-cluster-label --attrFile');
  assert.ok(statSync(join(out, 'flytesnacks_production_my_pkg.workflows.training_wf.yaml')).isFile());
  // neither --project/--domain/--label nor --out DIR: a usage error
  assert.is(flytemc(['labels', '-f', values]).code, 2);
});

test.run();
