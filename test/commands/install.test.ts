// `helm flytemc install` knows only its own options: every other word goes to Helm untouched and
// Helm judges it. Against real Helm 3.17.2 and 4.1.4 and one real API server (test/harness):
//   - the boolean flags of `helm upgrade` (and those that may stand alone, `--dry-run`, Helm 4's
//     `--wait`), read at test time from each binary's `upgrade --help`: next to each, `--print`
//     prints, `--template` runs `helm template`, `--dry-run` runs a real `helm upgrade --install
//     --dry-run`, each with the flag passed on as written and Helm's verdict exactly the one plain
//     Helm gives for the same flag;
//   - the docs' data-plane install commands (README.md, docs/*.md, in blocks the doc-test skips
//     because they need a cluster) and the control plane's NOTES' one run as written, with the
//     values file both planes share;
import { test } from '../helpers/uvu.ts';
import * as assert from 'uvu/assert';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import yaml from 'js-yaml';
import { EXIT } from '../../plugin/problems/problems.ts';
import { startClusters, type ClusterSet } from '../harness/cluster.ts';
import { DOCS, GIVEN, blocks, commandLines } from '../helpers/docs.ts';
import { CHART_DIR, HELM_MAJORS, ROOT, helmBinary, helmEnv, prepareChart, runHelm, type HelmMajor } from '../helpers/helm.ts';
import { CLI, runNode, runProcess, type ProcResult } from '../helpers/process.ts';

const CLUSTERS = join(ROOT, 'test', 'fixtures', 'three-clusters.yaml');
const work = mkdtempSync(join(tmpdir(), 'flytemc-install-'));
prepareChart();
let set: ClusterSet;
let kubeconfig: string;
const envs = {} as Record<HelmMajor, NodeJS.ProcessEnv>;
for (const major of HELM_MAJORS) {
  mkdirSync(join(work, `home${major}`), { recursive: true });
  envs[major] = helmEnv(join(work, `helm${major}`), { extra: { HOME: join(work, `home${major}`), TMPDIR: work } });
}

/**
 * The flags of `helm upgrade` that can stand alone, as this Helm's `upgrade --help` lists them
 * (Flags and Global Flags): no value type, or an optional one (`string[="client"]`); not --help.
 */
function standAloneFlags(major: HelmMajor): string[] {
  const help = spawnSync(helmBinary(major), ['upgrade', '--help'], { encoding: 'utf8' }).stdout;
  const out: string[] = [];
  for (const line of help.split('\n')) {
    const m = /^\s+(?:(-\w), )?(--[\w-]+)(?: (\S+))?(?:\s{2,}|$)/.exec(line);
    if (!m || m[2] === '--help') continue;
    if (m[3] === undefined || m[3].includes('[=')) out.push(m[2]!, ...(m[1] ? [m[1]] : []));
  }
  return out;
}

const flytemc = (major: HelmMajor, args: string[]): Promise<ProcResult> =>
  runNode(CLI, args, { env: { ...envs[major], FLYTEMC_HELM: helmBinary(major) }, timeoutMs: 180_000 });

/** The words of the Helm command install ran (its `flytemc: running` line on stderr). */
const ran = (stderr: string): string[] => (/^flytemc: running (?:HELM_PLUGINS=\S+ )?(.*)$/m.exec(stderr)?.[1] ?? '').split(' ');
/** The words of the Helm command install printed (--print). */
const printed = (stdout: string): string[] =>
  stdout
    .trim()
    .replace(/^HELM_PLUGINS=\S+ /, '')
    .split(' ');
/** Helm's own verdict: its last `Error:` line. */
const verdict = (stderr: string): string => stderr.slice(stderr.lastIndexOf('Error: ')).split('\n')[0]!;

/** Runs `fn` for every (major, flag), two at a time (the machine has 2 cores). */
async function each(fn: (major: HelmMajor, flag: string) => Promise<string | undefined>): Promise<void> {
  const jobs = HELM_MAJORS.flatMap((m) => standAloneFlags(m).map((f) => () => fn(m, f)));
  const failures: string[] = [];
  const worker = async () => {
    for (let job = jobs.shift(); job; job = jobs.shift()) {
      const why = await job();
      if (why) failures.push(why);
    }
  };
  await Promise.all([worker(), worker()]);
  assert.equal(failures, []);
}

/** The words install passes after the chart's files, for flag `flag` then `rest` (cli.ts moves --debug to the end). */
const tail = (flag: string, rest: string[]) => (flag === '--debug' ? ['-f', CLUSTERS, ...rest, '--debug'] : ['-f', CLUSTERS, flag, ...rest]);
const endsWith = (words: string[], end: string[]) => words.slice(-end.length).join(' ') === end.join(' ');

test.before(async () => {
  set = await startClusters({ n: 1, dir: join(work, 'clusters'), names: ['dp1'] });
  // the docs name the data plane's context dp1 or member-1: both reach the one harness cluster
  const kc = yaml.load(readFileSync(set.kubeconfigPath, 'utf8')) as { contexts: Array<{ name: string; context: unknown }> };
  kc.contexts.push({ name: 'member-1', context: kc.contexts[0]!.context });
  kubeconfig = join(work, 'kubeconfig');
  writeFileSync(kubeconfig, yaml.dump(kc), { mode: 0o600 });
});

test.after(async () => {
  await set?.stop();
  rmSync(work, { recursive: true, force: true });
});

test('--print next to every boolean flag of `helm upgrade` (from each Helm binary’s --help): printed, the flag passed on as written, nothing run', async () => {
  await each(async (major, flag) => {
    const r = await flytemc(major, ['install', 'control-plane', '-f', CLUSTERS, flag, '--print']);
    const words = printed(r.stdout);
    if (r.code !== 0 || !endsWith(words, tail(flag, [])) || words[1] !== 'upgrade' || r.stderr.includes('flytemc: running'))
      return `Helm ${major} ${flag} --print: exit ${r.code}\n${r.stdout}${r.stderr}`;
    return undefined;
  });
});

test('--template next to every boolean flag: `helm template` runs with the flag passed on, and Helm’s verdict is the one plain Helm gives', async () => {
  await each(async (major, flag) => {
    const r = await flytemc(major, ['install', 'control-plane', '-f', CLUSTERS, flag, '--template']);
    const words = ran(r.stderr);
    if (words[1] !== 'template' || !endsWith(words, tail(flag, [])))
      return `Helm ${major} ${flag} --template ran: ${words.join(' ')}\n${r.stderr.slice(0, 2000)}`;
    if (r.code === 0) return r.stdout.includes('secretName: cluster-credentials') ? undefined : `Helm ${major} ${flag}: no post-rendered manifests`;
    const plain = await runHelm(major, ['template', 'flyte', CHART_DIR, '-f', join(CHART_DIR, 'values-controlplane.yaml'), '-f', CLUSTERS, flag], {
      env: envs[major],
    });
    if (plain.code === 0 || verdict(plain.stderr) !== verdict(r.stderr))
      return `Helm ${major} ${flag} --template: install said ${verdict(r.stderr)} (exit ${r.code}), plain Helm ${verdict(plain.stderr)} (exit ${plain.code})`;
    if (/unknown flag/.test(verdict(r.stderr)) && r.code !== EXIT.usage) return `Helm ${major} ${flag}: Helm refused the command line, exit ${r.code}`;
    return undefined;
  });
});

test('--dry-run next to every boolean flag: a real `helm upgrade --install --dry-run` against a real API server, the flag passed on, Helm’s verdict the one plain Helm gives', async () => {
  const target = ['--kubeconfig', kubeconfig, '--kube-context', 'dp1'];
  await each(async (major, flag) => {
    const r = await flytemc(major, ['install', 'control-plane', '-f', CLUSTERS, flag, '--dry-run', ...target]);
    const words = ran(r.stderr);
    // --kube-context is install's own (spelled out before the files); --kubeconfig is Helm's
    if (words[1] !== 'upgrade' || !endsWith(words, tail(flag, ['--dry-run', '--kubeconfig', kubeconfig])) || !words.join(' ').includes('--kube-context dp1'))
      return `Helm ${major} ${flag} --dry-run ran: ${words.join(' ')}\n${r.stderr.slice(0, 2000)}`;
    if (r.code === 0) return r.stdout.includes('secretName: cluster-credentials') ? undefined : `Helm ${major} ${flag} --dry-run: no manifests\n${r.stdout}`;
    const plain = await runHelm(
      major,
      ['upgrade', '--install', 'flyte', CHART_DIR, '-f', join(CHART_DIR, 'values-controlplane.yaml'), '-f', CLUSTERS, flag, '--dry-run', ...target],
      { env: envs[major] },
    );
    if (plain.code === 0 || verdict(plain.stderr) !== verdict(r.stderr))
      return `Helm ${major} ${flag} --dry-run: install said ${verdict(r.stderr)} (exit ${r.code}), plain Helm ${verdict(plain.stderr)} (exit ${plain.code})`;
    return undefined;
  });
});

test("the docs' data-plane install commands (blocks the doc-test skips: they need a cluster) and the control plane's NOTES' run as written, with the shared values, on Helm 3 and Helm 4", async () => {
  const commands = DOCS.flatMap((file) =>
    blocks(file, readFileSync(join(ROOT, file), 'utf8'))
      .filter((b) => b.directives.some((d) => d.startsWith('skip')))
      .flatMap((b) => commandLines(b.body).map((c) => ({ where: `${file}:${b.line}`, command: c }))),
  ).filter((c) => c.command.startsWith('helm flytemc install data-plane '));
  assert.ok(commands.length >= 3, commands.map((c) => c.command).join('\n'));
  for (const c of commands) assert.match(c.command, / -f shared-values\.yaml\b/, `${c.where}: a data plane needs the values both planes share`);
  const folder = join(work, 'reader');
  mkdirSync(folder, { recursive: true });
  for (const [name, src] of Object.entries(GIVEN)) copyFileSync(join(ROOT, src), join(folder, name));
  for (const major of HELM_MAJORS) {
    const env = { ...envs[major], KUBECONFIG: kubeconfig, PATH: `${join(work, `bin${major}`)}:${process.env.PATH ?? ''}` };
    mkdirSync(join(work, `bin${major}`), { recursive: true });
    rmSync(join(work, `bin${major}`, 'helm'), { force: true });
    spawnSync('ln', ['-s', helmBinary(major), join(work, `bin${major}`, 'helm')]);
    const inst = await runHelm(major, ['plugin', 'install', ROOT], { env });
    assert.is(inst.code, 0, inst.stderr);
    const bash = (command: string) => runProcess('/bin/bash', ['-c', command], { env, cwd: folder, timeoutMs: 240_000 });
    // the control plane's NOTES name the data plane's install: the same command, placeholders filled
    const cp = await bash('helm flytemc install control-plane --kube-context dp1 -n flyte -f shared-values.yaml -f my-values.yaml --dry-run');
    assert.is(cp.code, 0, cp.stderr);
    const notes = /^\s*(helm flytemc install data-plane .*)$/m.exec(cp.stdout)?.[1];
    assert.ok(notes, `the NOTES name no data-plane install:\n${cp.stdout.slice(cp.stdout.indexOf('NOTES:'))}`);
    const filled = notes.replace('<name>', 'dp1').replace('<member-context>', 'dp1').replace('<shared values file>', 'shared-values.yaml');
    assert.not.match(filled, /</, filled);
    for (const c of [...commands, { where: 'NOTES.txt', command: filled }]) {
      const r = await bash(c.command);
      assert.is(r.code, 0, `Helm ${major}, ${c.where}: ${c.command}\n${r.stdout}\n${r.stderr}`);
      assert.match(r.stdout, /STATUS: deployed/, `${c.where}: ${r.stdout}`);
    }
    const gone = await runHelm(major, ['plugin', 'uninstall', 'flytemc'], { env });
    assert.is(gone.code, 0, gone.stderr);
  }
});

test.run();
