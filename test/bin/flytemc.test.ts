// The commands of dist/flytemc.mjs as a user runs them (outside Helm: FLYTEMC_HELM names the Helm).
import { test } from '../helpers/uvu.ts';
import * as assert from 'uvu/assert';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, helmBinary, prepareChart } from '../helpers/helm.ts';
import { CLI, runNodeSync } from '../helpers/process.ts';
import { REFERENCE } from '../../scripts/shared.mjs';

const CLUSTERS = join(ROOT, 'test', 'fixtures', 'three-clusters.yaml');
const DEFECT7 = join(ROOT, 'test', 'fixtures', 'guide', 'defect7-enabled-under-auth.yaml');
const VERBATIM = join('test', 'fixtures', 'guide', 'values-override.verbatim.yaml');

function flytemc(args: string[], major: 3 | 4 = 4, opts: { env?: NodeJS.ProcessEnv; input?: string } = {}) {
  const env: NodeJS.ProcessEnv = { ...process.env, FLYTEMC_HELM: helmBinary(major) };
  for (const k of Object.keys(env)) if (k.startsWith('HELM_') || k.startsWith('FLYTEMC_PROGRESS')) delete env[k];
  Object.assign(env, opts.env ?? {});
  return runNodeSync(CLI, args, { env, input: opts.input ?? '' });
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

test("install: the guide's `--create-namespace flyte`, a stray values.yaml and --cloud aws are refused with the fix (exit 2: the command line)", () => {
  const a = flytemc(['install', 'control-plane', '--create-namespace', 'flyte', '--print']);
  assert.is(a.code, 2);
  assert.match(a.stderr, '--create-namespace is a flag and takes no value');
  assert.match(a.stderr, 'fix: use --namespace flyte --create-namespace');
  const b = flytemc(['install', 'control-plane', 'values.yaml', '--print']);
  assert.is(b.code, 2);
  assert.match(b.stderr, 'fix: pass values files with -f: -f values.yaml');
  const c = flytemc(['install', 'data-plane', '--cloud', 'aws', '--name', 'dp1', '--print']);
  assert.is(c.code, 2);
  assert.match(c.stderr, 'use --cloud eks');
  assert.not.match(a.stderr + b.stderr + c.stderr, /\n\s+at /);
});

test('install data-plane: --name sets both names, cloud overlay first, the post-renderer (the way back); helm args pass through', () => {
  const none = flytemc(['install', 'data-plane', '--print']);
  assert.is(none.code, 2);
  assert.match(none.stderr, 'add --name NAME');
  for (const major of [3, 4] as const) {
    const r = flytemc(
      [
        'install',
        'data-plane',
        '--cloud',
        'gcp',
        '--name',
        'dp1',
        '--kube-context',
        'dp1-ctx',
        '--create-namespace',
        '--dry-run',
        '-f',
        'mine.yaml',
        '--print',
      ],
      major,
    );
    assert.is(r.code, 0, r.stderr);
    const cmd = r.stdout.trim();
    assert.match(
      cmd,
      /upgrade --install flyte \S+charts\/flyte-multicluster --kube-context dp1-ctx --namespace flyte -f \S+values-gcp\.yaml -f \S+values-dataplane\.yaml/,
    );
    assert.match(cmd, '--set-string multicluster.clusterName=dp1 --set-string flyte-core.flytepropeller.clusterName=dp1');
    assert.match(cmd, '--create-namespace --dry-run -f mine.yaml');
    assert.match(cmd, major === 3 ? /--post-renderer \S+dist\/flytemc-post-renderer\.cjs/ : /--post-renderer flytemc-post-renderer/);
  }
});

test('install control-plane: Helm 3 gets the executable path, Helm 4 the plugin name with HELM_PLUGINS', () => {
  const h3 = flytemc(['install', 'control-plane', '-n', 'flyte-cp', '--print'], 3);
  assert.match(h3.stdout, /--namespace flyte-cp .*--post-renderer \/\S+\/dist\/flytemc-post-renderer\.cjs/);
  const h4 = flytemc(['install', 'control-plane', '--print'], 4);
  assert.match(h4.stdout, /^(HELM_PLUGINS=\S*flytemc\/helm4-plugins )?\S+ upgrade --install .* --post-renderer flytemc-post-renderer/);
});

test('install exit codes: a context the kubeconfig lacks is 2 with the ones it has (as for join); Helm failing for another reason than the config is 3 (a post-renderer refusal is 1: test/plugin.test.ts)', () => {
  prepareChart();
  const dir = mkdtempSync(join(tmpdir(), 'flytemc-cli-'));
  const kubeconfig = join(dir, 'kubeconfig');
  writeFileSync(
    kubeconfig,
    'apiVersion: v1\nkind: Config\nclusters: [{name: down, cluster: {server: "https://127.0.0.1:9"}}]\ncontexts: [{name: down, context: {cluster: down, user: u}}]\nusers: [{name: u, user: {}}]\n',
    { mode: 0o600 },
  );
  for (const major of [3, 4] as const) {
    const r = flytemc(['install', 'data-plane', '--name', 'dp1', '--kube-context', 'no-such-context', '--kubeconfig', kubeconfig], major);
    assert.is(r.code, 2, `Helm ${major}: ${r.stderr}`);
    assert.match(r.stderr, 'no context "no-such-context"');
    assert.match(r.stderr, 'fix: use one of: down');
    const down = flytemc(['install', 'control-plane', '-f', CLUSTERS, '--kube-context', 'down', '--kubeconfig', kubeconfig], major);
    assert.is(down.code, 3, `Helm ${major}: ${down.stderr}`);
    assert.match(down.stderr, /cluster unreachable/i);
  }
  rmSync(dir, { recursive: true, force: true });
});

test('validate: every problem with file:line, exit 1; a good file exits 0; files without config are skipped', () => {
  const bad = flytemc(['validate', '-f', DEFECT7, '-f', join(ROOT, 'charts', 'flyte-multicluster', 'values-eks.yaml')]);
  assert.is(bad.code, 1);
  assert.match(bad.stdout, /defect7-enabled-under-auth\.yaml:32 \(\/configmap\/clusters\/clusterConfigs\/1\/auth\/enabled\)/);
  assert.match(bad.stdout, 'values-eks.yaml: no multi-cluster config here\n');
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
  assert.equal(
    team2.entries.map((e: { id: string; share: number }) => [e.id, e.share]),
    [
      ['cluster_2', 0],
      ['cluster_3', 1],
    ],
  );
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
  assert.is(
    body('flytesnacks_production_my_pkg.workflows.training_wf.yaml'),
    'domain: production\nproject: flytesnacks\nworkflow: my_pkg.workflows.training_wf\nvalue: team2\n',
  );
  assert.match(ok.stdout, 'flytectl update execution-cluster-label --attrFile');
  // `validate` agrees the file is fine
  assert.is(flytemc(['validate', '-f', values]).code, 0);

  // a label the config does not route: refused with file:line, no file written or changed
  const bad = join(dir, 'bad.yaml');
  writeFileSync(bad, `${base}  executionLabels:\n${entries[0]}\n    - {project: flytesnacks, domain: staging, label: team9}\n`);
  const out2 = join(dir, 'labels2');
  const refused = flytemc(['labels', '-f', bad, '--out', out2]);
  assert.is(refused.code, 1);
  assert.match(
    refused.stderr,
    /bad\.yaml:29 \(\/multicluster\/executionLabels\/1\/label\): flytesnacks\/staging: "team9" is not a label of multicluster\.clusters\.labelClusterMap/,
  );
  assert.match(refused.stderr, 'fix: use one of: team1, team2');
  assert.not.ok(existsSync(out2), 'nothing written');
  // validate and post-render refuse the same entry
  const v = flytemc(['validate', '-f', bad]);
  assert.is(v.code, 1);
  assert.match(
    v.stdout,
    /bad\.yaml:29 \(\/multicluster\/executionLabels\/1\/label\): flytesnacks\/staging gets label "team9", which labelClusterMap does not route/,
  );
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

test('routes --label: a label the map lacks shows the fallback FlyteAdmin takes, and with --execution where each execution goes; a known label only its own routes', () => {
  const r = flytemc(['routes', '-f', CLUSTERS, '--label', 'team9', '--label', 'team2', '--execution', 'exec0']);
  assert.is(r.code, 0, r.stderr);
  assert.match(r.stdout, 'label team9: not in labelClusterMap, so FlyteAdmin uses defaultExecutionLabel team1\n  CLUSTER    SHARE\n  cluster_1  100.0%\n');
  assert.match(r.stdout, 'label team2\n  CLUSTER    SHARE\n  cluster_2  50.0%\n  cluster_3  50.0%\n');
  assert.not.match(r.stdout, 'label team1');
  assert.match(r.stdout, /exec0\s+team9\s+defaultExecutionLabel team1\s+cluster_1\n\s+exec0\s+team2\s+label team2\s+cluster_2\n/);
  // no default label: the equal-weight fallback over the enabled clusters, per execution
  const dir = mkdtempSync(join(tmpdir(), 'flytemc-routes-'));
  const f = join(dir, 'v.yaml');
  writeFileSync(f, readFileSync(CLUSTERS, 'utf8').replace(/ {4}defaultExecutionLabel: team1\n/, ''));
  const j = flytemc(['routes', '-f', f, '--label', 'nope', '--execution', 'exec0', '--execution', 'exec1', '-o', 'json']);
  assert.is(j.code, 0, j.stderr);
  const data = JSON.parse(j.stdout) as {
    lookups: Array<{ label: string; known: boolean; fallback: string; via: string }>;
    executions: Array<{ label: string; via: string; cluster: string }>;
  };
  assert.equal(
    data.lookups.map((l) => [l.label, l.known, l.fallback, l.via]),
    [['nope', false, 'not in labelClusterMap', 'all enabled clusters']],
  );
  assert.equal(
    data.executions.map((e) => e.label),
    ['nope', 'nope'],
  );
  assert.ok(data.executions.every((e) => e.via === 'all enabled clusters' && /^cluster_[123]$/.test(e.cluster)));
  rmSync(dir, { recursive: true, force: true });
});

test('cordon and uncordon on values files: the file that holds the cluster list is edited (enabled only), the upgrade printed with every -f; not joined, the last enabled cluster and no -f are refused, nothing written', () => {
  const dir = mkdtempSync(join(tmpdir(), 'flytemc-cordon-'));
  const shared = join(dir, 'shared.yaml');
  const my = join(dir, 'my.yaml');
  writeFileSync(shared, 'multicluster:\n  controlPlane: {adminEndpoint: "dns:///flyte.example.com:443"}\n');
  const text = `# ours\n${readFileSync(CLUSTERS, 'utf8')}`;
  writeFileSync(my, text);
  const dry = flytemc(['cordon', 'cluster_1', '-f', shared, '-f', my, '--kube-context', 'cp', '-n', 'flyte', '--dry-run']);
  assert.is(dry.code, 0, dry.stderr);
  assert.match(dry.stdout, /would update\s+multicluster\.clusters\.clusterConfigs\s+\(cluster_1: enabled: false\)/);
  assert.match(dry.stdout, '+         enabled: false');
  assert.match(
    dry.stdout,
    `dry run: nothing was changed; the upgrade would be:\n  flytemc install control-plane --kube-context cp -n flyte -f ${shared} -f ${my}\n`,
  );
  assert.is(readFileSync(my, 'utf8'), text);

  const c = flytemc(['cordon', 'cluster_1', '-f', shared, '-f', my, '--kube-context', 'cp', '-n', 'flyte']);
  assert.is(c.code, 0, c.stderr);
  assert.match(c.stdout, `cluster_1 is cordoned in ${my} (enabled: false)`);
  assert.match(c.stdout, /labels with no other enabled cluster, whose executions now go where FlyteAdmin falls back .*: team1\n/);
  assert.match(
    c.stdout,
    `next, upgrade the control plane with these values (or rerun with --upgrade):\n  flytemc install control-plane --kube-context cp -n flyte -f ${shared} -f ${my}\n`,
  );
  assert.match(
    c.stdout,
    `then wait until nothing runs on cluster_1 (or abort it with --abort):\n  flytemc drain cluster_1 --admin URL --kube-context cp -n flyte -f ${shared} -f ${my}\n`,
  );
  const after = readFileSync(my, 'utf8');
  assert.match(after, /^# ours\n/);
  assert.is(after, text.replace('enabled: true', 'enabled: false'), "only cluster_1's flag changed, comments and layout kept");
  // the post-renderer takes the cordoned config: team1's fallback is a warning, not an error
  const v = flytemc(['validate', '-f', my]);
  assert.is(v.code, 0, v.stdout);
  assert.match(v.stdout, /warning: .*label "team1" routes only to cordoned clusters \(enabled: false: cluster_1\)/);
  assert.is(flytemc(['cordon', 'cluster_1', '-f', my]).code, 0, 'again: nothing to do');
  assert.match(flytemc(['cordon', 'cluster_1', '-f', my]).stdout, 'enabled: false already');

  const none = flytemc(['cordon', 'dp9', '-f', shared, '-f', my]);
  assert.is(none.code, 1);
  assert.match(
    none.stderr,
    /error: .*my\.yaml:\d+ \(\/multicluster\/clusters\/clusterConfigs\): has no cluster "dp9" .*: dp9 is not joined to this control plane; nothing was changed\n {2}fix: name one of: cluster_1, cluster_2, cluster_3/,
  );
  for (const n of ['cluster_2']) assert.is(flytemc(['cordon', n, '-f', my]).code, 0);
  const before = readFileSync(my, 'utf8');
  const last = flytemc(['cordon', 'cluster_3', '-f', my]);
  assert.is(last.code, 1);
  assert.match(
    last.stderr,
    /cluster_3 is the last enabled cluster: cordoned, FlyteAdmin could run no execution anywhere, and the post-renderer refuses a control plane with no enabled cluster; nothing was changed/,
  );
  assert.is(readFileSync(my, 'utf8'), before);
  assert.is(flytemc(['cordon', 'cluster_1']).code, 2, 'no -f');
  assert.is(flytemc(['cordon', '-f', my]).code, 2, 'no NAME');
  assert.is(flytemc(['cordon', 'cluster_1', '-f', shared]).code, 1, 'no file with the cluster list');

  const u = flytemc(['uncordon', 'cluster_1', '-f', my]);
  assert.is(u.code, 0, u.stderr);
  assert.match(u.stdout, `cluster_1 is uncordoned in ${my} (enabled: true)`);
  assert.match(u.stdout, 'labels that route to cluster_1 again: team1');
  assert.is(flytemc(['uncordon', 'dp9', '-f', my]).code, 1);
  rmSync(dir, { recursive: true, force: true });
});

test("validate: the upstream guide's values-override.yaml, verbatim, shows every defect in one run, each with file:line and fix", () => {
  // the fixture is the guide's literal block, byte for byte (dedented)
  const rst = readFileSync(join(REFERENCE, 'multicluster-guide.rst'), 'utf8').split('\n');
  const at = rst.findIndex((l) => l.includes('values-override.yaml') && l.trimEnd().endsWith('::'));
  let i = at + 1;
  while (rst[i]!.trim() === '') i++;
  const block: string[] = [];
  while (i < rst.length && (rst[i]!.trim() === '' || /^\s/.test(rst[i]!))) block.push(rst[i++]!);
  while (block.at(-1)!.trim() === '') block.pop();
  const indent = Math.min(...block.filter((l) => l.trim()).map((l) => /^ */.exec(l)![0].length));
  assert.is(readFileSync(VERBATIM, 'utf8'), block.map((l) => l.slice(indent)).join('\n') + '\n');

  const r = flytemc(['validate', '-f', VERBATIM, '-o', 'json']);
  assert.is(r.code, 1, r.stderr);
  const problems = JSON.parse(r.stdout).files[0].problems as Array<{ severity: string; file?: string; line?: number; message: string; fix?: string }>;
  const at_ = (line: number, what: RegExp, severity = 'error') => {
    const p = problems.find((x) => x.file === VERBATIM && x.line === line && what.test(x.message) && x.severity === severity);
    assert.ok(p, `no ${severity} at line ${line} matching ${what}:\n${problems.map((x) => `${x.file}:${x.line} ${x.message}`).join('\n')}`);
  };
  at_(10, /`labelClusterMap` sits directly under `configmap`/); // defect 8
  at_(19, /`clusterConfigs` sits directly under `configmap`/);
  at_(3, /volume name "cluster_credentials" is not a valid Kubernetes name/); // defect 5
  at_(5, /Secret name "cluster_credentials" is not a valid Kubernetes name/);
  at_(7, /volume mount name "cluster_credentials"/);
  for (const line of [21, 28, 35]) at_(line, /unquoted `\{\{ \.\.\. \}\}` placeholder/); // defect 10
  at_(30, /`enabled` sits under `auth`/); // defect 7
  for (const line of [24, 31, 38]) at_(line, /`auth\.type` was never read/, 'warning');
  assert.ok(
    problems.every((p) => p.fix),
    'every problem has a fix',
  );
  // the human form: in the order of the file's lines, and no "nothing was written" (validate writes nothing)
  const text = flytemc(['validate', '-f', VERBATIM]);
  const lines = [...text.stdout.matchAll(/values-override\.verbatim\.yaml:(\d+) /g)].map((m) => Number(m[1]));
  assert.equal(
    lines,
    [...lines].sort((a, b) => a - b),
  );
  assert.match(text.stdout, '9 errors, 5 warnings in 1 file');
  assert.not.match(text.stdout + text.stderr, 'nothing was written');
});

test("flags as Helm users type them: -o=json, --values=FILE, -f - (stdin), help CMD; parseArgs mistakes in flytemc's words", () => {
  const eq = flytemc(['routes', '-o=json', '--values=' + CLUSTERS]);
  assert.is(eq.code, 0, eq.stderr);
  assert.is(JSON.parse(eq.stdout).labels.length, 2);
  const stdin = flytemc(['validate', '-f', '-'], 4, { input: readFileSync(DEFECT7, 'utf8') });
  assert.is(stdin.code, 1);
  assert.match(stdin.stdout, '<stdin>:32 (/configmap/clusters/clusterConfigs/1/auth/enabled)');
  const help = flytemc(['help', 'routes']);
  assert.is(help.code, 0);
  assert.match(help.stdout, /^Usage: helm flytemc routes/);
  const cases: Array<[string[], RegExp, RegExp]> = [
    [['validate', '--vaules', 'x.yaml'], /^error: unknown option --vaules$/m, /fix: did you mean -f, --values\?/],
    [['routes', '-f'], /^error: -f, --values needs a value$/m, /fix: e\.g\. --values FILE/],
    [['setup', '--dry-run=yes'], /^error: --dry-run is a flag and takes no value$/m, /fix: write --dry-run alone/],
    [
      ['validate', 'values.yaml'],
      /^error: unexpected argument "values\.yaml": validate takes no positional arguments$/m,
      /fix: pass values files with -f: -f values\.yaml/,
    ],
    [['valdate'], /^error: unknown command "valdate"$/m, /fix: did you mean `validate`\?/],
  ];
  for (const [args, what, fix] of cases) {
    const r = flytemc(args);
    assert.is(r.code, 2, args.join(' '));
    assert.match(r.stderr, what);
    assert.match(r.stderr, fix);
    assert.not.match(r.stderr, /Unknown option|ERR_PARSE_ARGS|\n\s+at /);
  }
});

test('routes --simulate: a progress line on a terminal (stderr) once it runs long; nothing otherwise', () => {
  const args = ['routes', '-f', CLUSTERS, '--simulate', '20000'];
  const quiet = flytemc(args);
  assert.is(quiet.code, 0);
  assert.is(quiet.stderr, '');
  const shown = flytemc(args, 4, { env: { FLYTEMC_PROGRESS: '1', FLYTEMC_PROGRESS_AFTER_MS: '0' } });
  assert.is(shown.code, 0);
  assert.match(shown.stderr, /\rsimulating FlyteAdmin's draws: \d+% \([\d,]+ of 60,000\)/);
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the terminal's erase-line sequence is what is checked
  assert.match(shown.stderr, /\r\x1b\[2K$/); // cleared at the end
  assert.is(shown.stdout, quiet.stdout);
});

test.run();
