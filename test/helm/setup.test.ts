// plugin/helm/setup.ts against real Helm 4.1.4 (and a real Helm 3.17.2 as the reader of its plugins
// folder), in isolated HELM_* homes: where the Helm 4 plugin goes, idempotence, --dry-run, the move
// when a Helm 3 appears, --shared refused, and a file flytemc did not create refused as data.
import { test } from '../helpers/uvu.ts';
import * as assert from 'uvu/assert';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setupPostRenderer } from '../../plugin/helm/setup.ts';
import { FlytemcError } from '../../plugin/problems/problems.ts';
import { ROOT, helmBinary, helmEnv } from '../helpers/helm.ts';

const work = mkdtempSync(join(tmpdir(), 'flytemc-setup-'));
const saved = { ...process.env };
const env = helmEnv(join(work, 'helm'), { extra: { FLYTEMC_HELM: helmBinary(4), PATH: join(work, 'empty'), HOME: work } });
for (const k of Object.keys(process.env)) if (!(k in env)) delete process.env[k];
Object.assign(process.env, env);
delete process.env.FLYTEMC_HELM3;
const bin = join(work, 'bin');
const plugins = env.HELM_PLUGINS!;
const separate = join(env.HELM_DATA_HOME!, 'flytemc', 'helm4-plugins');
const base = { root: ROOT, binDir: bin, shared: false, force: false, dryRun: false };

test.after(() => {
  for (const k of Object.keys(process.env)) if (!(k in saved)) delete process.env[k];
  Object.assign(process.env, saved);
  rmSync(work, { recursive: true, force: true });
});

const problemOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    assert.instance(e, FlytemcError);
    return (e as FlytemcError).problems[0]!;
  }
  throw new Error('not refused');
};

test('no Helm 3 reads the plugins folder: the plugin goes there; --dry-run says what would change; a rerun changes nothing', () => {
  const dry = setupPostRenderer({ ...base, dryRun: true });
  assert.equal(
    dry.actions.map((a) => a.status),
    ['would create', 'would create', 'would create'],
  );
  assert.not.ok(existsSync(join(plugins, 'flytemc-post-renderer', 'plugin.yaml')));
  const r = setupPostRenderer(base);
  assert.is(r.layout, 'shared');
  assert.is(r.helm4PluginsDir, plugins);
  assert.equal(r.helm3Readers, []);
  assert.equal(
    r.actions.map((a) => a.status),
    ['created', 'created', 'created'],
  );
  assert.match(r.hints.join('\n'), /is not on PATH/);
  assert.match(r.hints.join('\n'), /Helm 4 finds flytemc-post-renderer in .* with its default settings/);
  assert.equal(
    setupPostRenderer(base).actions.map((a) => a.status),
    ['unchanged', 'unchanged', 'unchanged'],
  );
  assert.match(readFileSync(join(env.HELM_DATA_HOME!, 'flytemc', 'setup.txt'), 'utf8'), /^dir .*plugins\/flytemc-post-renderer$/m);
});

test('a Helm 3 reads the folder: the plugin moves to flytemc’s own folder (removed from the old place); --shared refused, allowed with --force', () => {
  process.env.FLYTEMC_HELM3 = helmBinary(3);
  try {
    const r = setupPostRenderer(base);
    assert.is(r.layout, 'separate');
    assert.is(r.helm4PluginsDir, separate);
    assert.is(r.helm3Readers.length, 1);
    assert.equal(
      r.actions.map((a) => a.status),
      ['unchanged', 'unchanged', 'created', 'removed'],
    );
    assert.not.ok(existsSync(join(plugins, 'flytemc-post-renderer')));
    assert.match(r.hints.join('\n'), /because Helm v3\.\S+ \(.*\) reads .* and would drop all its plugins/);
    const p = problemOf(() => setupPostRenderer({ ...base, shared: true }));
    assert.is(p.code, 'setup.shared');
    assert.match(p.message, /a Helm 4 plugin there makes it drop all its plugins/);
    assert.match(p.fix!, /add --force/);
    const forced = setupPostRenderer({ ...base, shared: true, force: true });
    assert.is(forced.layout, 'shared');
    assert.match(forced.hints.join('\n'), /now drops all plugins of .*--shared --force asked for it/);
    assert.match(setupPostRenderer({ ...base, helm4Dir: join(work, 'mine') }).hints.join('\n'), /as --helm4-dir asked/);
  } finally {
    delete process.env.FLYTEMC_HELM3;
  }
});

test("a file flytemc did not create is in the way: refused with its path and the fix as data (setup.conflict); --force replaces a link's place", () => {
  const other = join(work, 'bin2');
  mkdirSync(other, { recursive: true });
  writeFileSync(join(other, 'flytemc'), 'mine\n');
  const p = problemOf(() => setupPostRenderer({ ...base, binDir: other }));
  assert.equal(
    { code: p.code, file: p.file, message: p.message, fix: p.fix },
    {
      code: 'setup.conflict',
      file: join(other, 'flytemc'),
      message: 'a file that flytemc did not create is in the way',
      fix: 'move it away, or pass --force to replace it',
    },
  );
  assert.is(setupPostRenderer({ ...base, binDir: other, force: true }).actions[1]!.status, 'updated');
  const folder = join(work, 'foreign');
  mkdirSync(join(folder, 'flytemc-post-renderer'), { recursive: true });
  writeFileSync(join(folder, 'flytemc-post-renderer', 'plugin.yaml'), 'name: other\n');
  assert.is(problemOf(() => setupPostRenderer({ ...base, helm4Dir: folder })).file, join(folder, 'flytemc-post-renderer', 'plugin.yaml'));
});

test.run();
