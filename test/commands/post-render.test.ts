// plugin/commands/post-render.ts: manifests in, wired manifests out; --explain, --version, --help; the error file from the flag, FLYTEMC_ERROR_FILE or under Helm.
import { test } from '../helpers/uvu.ts';
import * as assert from 'uvu/assert';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { usage } from '../../plugin/commands/post-render.ts';
import { VERSION } from '../../plugin/generated/version.js';
import { fixture, rendered } from '../helpers/manifests.ts';
import { runCommand } from '../helpers/run-command.ts';

const dir = mkdtempSync(join(tmpdir(), 'flytemc-post-render-cmd-'));
test.after(() => rmSync(dir, { recursive: true, force: true }));
const NO_HELM = { HELM_PLUGIN_NAME: undefined, FLYTEMC_ERROR_FILE: undefined };
const run = (argv: string[], input = '', env: Record<string, string | undefined> = {}) =>
  runCommand('commands/post-render.ts', argv, { ...NO_HELM, ...env }, input);
const CONTROL_PLANE = rendered('controlplane.yaml');
const CONFIG = fixture('three-clusters.yaml');

test('the wired manifests on stdout; --explain prints each object patch, or says there is nothing to change', () => {
  const r = run(['--config', CONFIG], CONTROL_PLANE);
  assert.is(r.code, 0, r.stderr);
  assert.match(r.stdout, /kind: ConfigMap/);
  assert.match(r.stdout, /cluster_1/);
  const e = run(['--config', CONFIG, '--explain'], CONTROL_PLANE);
  assert.is(e.code, 0, e.stderr);
  assert.match(e.stdout, /^# /);
  assert.match(e.stdout, /^# ConfigMap\/flyte-admin-clusters-config \(flyte-core\/templates\/admin\/configmap\.yaml, stream line \d+\)\n\[/);
  const again = run(['--config', CONFIG, '--explain'], r.stdout);
  assert.is(again.code, 0, again.stderr);
  assert.is(again.stdout, '# no changes: the manifests are already wired for these clusters\n');
});

test('--help and --version', () => {
  assert.equal([run(['--help']).code, run(['--help']).stdout], [0, usage]);
  assert.is(run(['--version']).stdout, `flytemc-post-renderer ${VERSION}\n`);
});

test('a refusal: nothing on stdout, the message on stderr and in the error file named by --error-file or FLYTEMC_ERROR_FILE', () => {
  const flag = join(dir, 'flag.txt');
  const r = run(['--error-file', flag], '');
  assert.is(r.code, 1);
  assert.is(r.stdout, '');
  assert.match(r.stderr, `(this message is also in ${flag})`);
  assert.ok(readFileSync(flag, 'utf8').length > 0);
  const envFile = join(dir, 'env.txt');
  const e = run([], '', { FLYTEMC_ERROR_FILE: envFile });
  assert.is(e.code, 1);
  assert.ok(existsSync(envFile));
  const both = join(dir, 'both.txt');
  run(['--error-file', both], '', { FLYTEMC_ERROR_FILE: join(dir, 'not-this.txt') });
  assert.ok(existsSync(both) && !existsSync(join(dir, 'not-this.txt')), 'the flag wins');
  const plain = run(['--error-file'], '');
  assert.is(plain.code, 2, 'no value for --error-file is a usage error');
});

test("under Helm (HELM_PLUGIN_NAME): a new error file in this user's private folder; not written when all is well", () => {
  const tmp = join(dir, 'tmp');
  mkdirSync(tmp);
  const r = run([], '', { HELM_PLUGIN_NAME: 'flytemc', TMPDIR: tmp });
  assert.is(r.code, 1);
  const [folder] = readdirSync(tmp).filter((f) => f.startsWith('flytemc-'));
  assert.match(folder!, /^flytemc-/);
  assert.match(readdirSync(join(tmp, folder!))[0]!, /^post-renderer-\d{8}T\d{6}Z-\d+\.txt$/);
  const okTmp = join(dir, 'tmp-ok');
  mkdirSync(okTmp);
  const ok = run(['--config', CONFIG], CONTROL_PLANE, { HELM_PLUGIN_NAME: 'flytemc', TMPDIR: okTmp });
  assert.is(ok.code, 0, ok.stderr);
  assert.equal(
    readdirSync(okTmp).filter((f) => f.startsWith('flytemc-')),
    [],
  );
});

test('a --config file that cannot be read is a usage error (exit 2), before the input is read', () => {
  const r = run(['--config', join(dir, 'none.yaml')], CONTROL_PLANE);
  assert.is(r.code, 2);
  assert.is(r.stdout, '');
  assert.match(r.stderr, 'none.yaml');
});

test.run();
