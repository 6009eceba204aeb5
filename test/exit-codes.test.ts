// The exit codes are docs/plugin.md's table, one for every command (docs/join.md and the README
// link to it): each documented failure of each command runs here as written, in the folder the
// page describes, and must exit with the code the page gives; each command's --help names exactly
// the codes its rows give (and 0 and 70); every command has rows. The commands that run Helm run on
// Helm 3.17.2 and Helm 4.1.4; the kubeconfig's `hub` is a real API server (test/harness).
import { test } from './helpers/uvu.ts';
import * as assert from 'uvu/assert';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { commands } from '../plugin/commands/index.ts';
import { startClusters, type ClusterSet } from './harness/cluster.ts';
import { GIVEN } from './helpers/docs.ts';
import { HELM_MAJORS, ROOT, helmBinary, helmEnv, kubectlBinary, prepareChart, type HelmMajor } from './helpers/helm.ts';
import { CLI, runNode, runProcess } from './helpers/process.ts';

interface Row {
  command: string;
  failure: string;
  example: string;
  exit: number;
}

/** The rows of the table under `## Exit codes` whose columns are command, failure, example, exit. */
function documented(): Row[] {
  const text = readFileSync(join(ROOT, 'docs', 'plugin.md'), 'utf8');
  const section = text.slice(text.indexOf('\n## Exit codes\n'), text.indexOf('\n## ', text.indexOf('\n## Exit codes\n') + 5));
  const cells = (line: string) =>
    line
      .slice(1, -1)
      .split(/(?<!\\)\|/)
      .map((c) => c.trim().replace(/\\\|/g, '|'));
  return section
    .split('\n')
    .filter((l) => l.startsWith('| ') && (l.match(/(?<!\\)\|/g) ?? []).length === 5)
    .map(cells)
    .filter((c) => /^\d+$/.test(c[3]!))
    .map(([command, failure, example, exit]) => ({
      command: command!.replace(/`/g, ''),
      failure: failure!,
      example: /^`(.*)`$/.exec(example!)?.[1] ?? example!,
      exit: Number(exit),
    }));
}

const ROWS = documented();
const RUNS_HELM = new Set(['install', 'export', 'setup', 'cordon', 'uncordon']);
const work = mkdtempSync(join(tmpdir(), 'flytemc-exit-codes-'));
let set: ClusterSet;

/** The reader's folder the page describes, with `flytemc` and `helm` (this major) on PATH and no ~/.kube/config. */
function world(major: HelmMajor): { dir: string; env: NodeJS.ProcessEnv } {
  const base = join(work, `helm${major}`);
  const dir = join(base, 'folder');
  const bin = join(base, 'bin');
  for (const d of [dir, bin, join(base, 'home'), join(base, 'tmp')]) mkdirSync(d, { recursive: true });
  for (const [name, src] of Object.entries(GIVEN)) copyFileSync(join(ROOT, src), join(dir, name));
  writeFileSync(
    join(dir, 'bad.yaml'),
    [
      'multicluster:',
      '  clusters:',
      '    clusterConfigs:',
      '      - {name: dp1, endpoint: "https://203.0.113.1:6443", enabled: true}',
      '    labelClusterMap:',
      '      team1: [{id: dp9, weight: 1}]',
      '',
    ].join('\n'),
  );
  // the harness kubeconfig (context hub), plus a cluster that refuses connections and one that skips TLS verification
  const kc = yaml.load(readFileSync(set.kubeconfigPath, 'utf8')) as Record<string, Array<Record<string, unknown>>>;
  kc.clusters!.push(
    { name: 'down', cluster: { server: 'https://127.0.0.1:9' } },
    { name: 'insecure', cluster: { server: 'https://127.0.0.1:9', 'insecure-skip-tls-verify': true } },
  );
  kc.contexts!.push(
    { name: 'down', context: { cluster: 'down', user: kc.users![0]!.name } },
    { name: 'insecure', context: { cluster: 'insecure', user: kc.users![0]!.name } },
  );
  writeFileSync(join(dir, 'kubeconfig.yaml'), yaml.dump(kc), { mode: 0o600 });
  writeFileSync(join(bin, 'flytemc'), `#!/bin/sh\nexec "${process.execPath}" "${CLI}" "$@"\n`);
  chmodSync(join(bin, 'flytemc'), 0o755);
  for (const [name, target] of [
    ['helm', helmBinary(major)],
    ['kubectl', kubectlBinary(major)],
  ] as const) {
    rmSync(join(bin, name), { force: true });
    symlinkSync(target, join(bin, name));
  }
  const env: NodeJS.ProcessEnv = {
    ...helmEnv(join(base, 'helm')),
    HOME: join(base, 'home'),
    TMPDIR: join(base, 'tmp'),
    PATH: `${bin}:${process.env.PATH ?? ''}`,
    FLYTEMC_HELM: helmBinary(major),
    FLYTEMC_NO_TTY: '1',
  };
  delete env.KUBECONFIG;
  return { dir, env };
}

test.before(async () => {
  prepareChart();
  set = await startClusters({ n: 1, dir: join(work, 'clusters'), names: ['hub'] });
});

test.after(async () => {
  await set?.stop();
  rmSync(work, { recursive: true, force: true });
});

test('the table: every command has documented failures, each row names a command, the codes are those of the table above it', () => {
  assert.ok(ROWS.length >= 40, `${ROWS.length} rows`);
  const names = Object.keys(commands);
  for (const r of ROWS) {
    assert.ok(r.command === 'every command' || names.includes(r.command), `unknown command ${r.command}`);
    assert.ok([1, 2, 3].includes(r.exit), `${r.example}: ${r.exit}`);
    assert.match(r.example, /(?:^| && )flytemc /, r.example);
  }
  for (const n of names)
    assert.ok(
      ROWS.some((r) => r.command === n && r.exit === 2),
      `${n} documents no command-line failure`,
    );
});

test("each command's --help names exactly the codes of its rows (and 0, 70)", async () => {
  const problems: string[] = [];
  for (const [name, load] of Object.entries(commands)) {
    const usage = (await load()).usage;
    const para = /^Exit codes \(docs\/plugin\.md#exit-codes\):([\s\S]*?)(?:\n\n|(?![\s\S]))/m.exec(usage)?.[1];
    if (!para) {
      problems.push(`${name}: no "Exit codes (docs/plugin.md#exit-codes):" paragraph in --help`);
      continue;
    }
    const said = [...` :${para.replace(/\s+/g, ' ')}`.matchAll(/[:;] (\d+) /g)].map((m) => Number(m[1])).sort((a, b) => a - b);
    const want = [0, ...new Set(ROWS.filter((r) => r.command === name).map((r) => r.exit)), 70].sort((a, b) => a - b);
    if (JSON.stringify([...new Set(said)]) !== JSON.stringify(want)) problems.push(`${name}: --help says ${said.join(', ')}, the table ${want.join(', ')}`);
  }
  assert.equal(problems, []);
});

for (const major of HELM_MAJORS) {
  test(`Helm ${major}: every documented failure exits with its documented code`, async () => {
    const { dir, env } = world(major);
    const failures: string[] = [];
    const rows = ROWS.filter((r) => major === 4 || RUNS_HELM.has(r.command));
    for (const r of rows) {
      rmSync(join(dir, 'gitops'), { recursive: true, force: true });
      const p = await runProcess('/bin/bash', ['-c', r.example], { env, cwd: dir, timeoutMs: 180_000 });
      if (p.code !== r.exit)
        failures.push(`${r.command}, ${r.failure}: \`${r.example}\` exited ${p.code}, the table says ${r.exit}\n${(p.stderr + p.stdout).slice(-1500)}`);
      else if (!/^\s*(error|Error): /m.test(p.stderr + p.stdout))
        failures.push(`${r.command}, ${r.failure}: exit ${p.code} without an error message\n${p.stderr}`);
      else if (/\n\s+at /.test(p.stderr)) failures.push(`${r.command}, ${r.failure}: a stack trace\n${p.stderr}`);
    }
    assert.ok(rows.length >= (major === 4 ? 40 : 15), `${rows.length} rows`);
    assert.equal(failures, [], failures.join('\n\n'));
  });
}

test('no kubeconfig at all says so, for every cluster command (not "cannot talk to http://localhost:8080")', async () => {
  const { dir, env } = world(4);
  for (const args of [
    ['check'],
    ['join', 'dp1', '--kube-context', 'cp'],
    ['rotate', 'dp1', '--kube-context', 'cp'],
    ['unjoin', 'dp1', '--kube-context', 'cp'],
  ]) {
    const r = await runNode(CLI, args, { env, cwd: dir });
    assert.is(r.code, 2, `${args.join(' ')}: ${r.stderr}`);
    assert.match(r.stderr, 'no kubeconfig: that file does not exist and neither --kubeconfig nor KUBECONFIG names another');
    assert.match(r.stderr, 'fix: pass --kubeconfig PATH or set KUBECONFIG');
    assert.not.match(r.stderr, 'localhost:8080');
  }
});

test.run();
