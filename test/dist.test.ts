// The built programs are committed (dist/, completion.yaml), so that `helm plugin install <git URL>`
// works on a machine with Node.js and no build tools. They must be exactly what the sources build:
// `npm test` builds first, then this compares the fresh build with what git holds (the index, so
// `git add dist completion.yaml` is enough before committing). Byte for byte: V8's code cache
// (dist/flytemc-post-render.code-cache) is made by a Node with a fixed random seed under a fixed
// name, so a build writes the same bytes every time, in any clone (scripts/build/code-cache.mjs),
// for the Node version that made it; and V8 must take it back.
import { test } from './helpers/uvu.ts';
import * as assert from 'uvu/assert';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ROOT } from './helpers/helm.ts';
import { CLI, runNodeSync } from './helpers/process.ts';

const FIX =
  'run `npm run build` and commit the result: git add dist completion.yaml (they are committed so that `helm plugin install <git URL>` needs no build)';

function git(args: string[]): string {
  const r = spawnSync('git', args, { cwd: ROOT, encoding: 'utf8', maxBuffer: 256 << 20 });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
}

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? files(join(dir, n)) : [join(dir, n)]));
}

const isRepo = existsSync(join(ROOT, '.git'));
const CODE_CACHE = join(ROOT, 'dist', 'flytemc-post-render.code-cache');

/** Whether this Node's V8 takes `cache` for the post-render script (the cache on standard input). */
function accepted(cache: Buffer): boolean {
  const script = join(ROOT, 'dist', 'flytemc-post-render.js');
  const check = `const fs = require('node:fs'); const s = new (require('node:vm').Script)(fs.readFileSync(${JSON.stringify(script)}, 'utf8'), { cachedData: fs.readFileSync(0) }); process.stdout.write(String(s.cachedDataRejected))`;
  return spawnSync(process.execPath, ['-e', check], { input: cache, encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' } }).stdout === 'false';
}

test('dist/ and completion.yaml are committed exactly as the sources build them', () => {
  if (!isRepo) throw new Error(`${ROOT} is not a git checkout: this test compares the build with git`);
  const built = [...files(join(ROOT, 'dist')).map((f) => relative(ROOT, f)), 'completion.yaml'].sort();
  const tracked = git(['ls-files', '-s', '--', 'dist', 'completion.yaml'])
    .split('\n')
    .filter(Boolean)
    .map((l) => /^(\d+) ([0-9a-f]+) \d\t(.+)$/.exec(l)!)
    .map((m) => ({ mode: m[1]!, blob: m[2]!, path: m[3]! }));
  const trackedPaths = tracked.map((t) => t.path).sort();
  const missing = built.filter((f) => !trackedPaths.includes(f));
  const stale = trackedPaths.filter((f) => !built.includes(f));
  assert.equal(missing, [], `built but not in git: ${missing.join(', ')}; ${FIX}`);
  assert.equal(stale, [], `in git but not built: ${stale.join(', ')}; git rm them and ${FIX}`);
  // the blobs, in one `git cat-file --batch`: "<sha> blob <size>\n<bytes>\n" each
  const r = spawnSync('git', ['cat-file', '--batch'], { cwd: ROOT, input: tracked.map((t) => t.blob).join('\n') + '\n', maxBuffer: 256 << 20 });
  if (r.status !== 0) throw new Error(`git cat-file: ${r.stderr}`);
  const out = r.stdout;
  let at = 0;
  const differ: string[] = [];
  for (const t of tracked) {
    const nl = out.indexOf(0x0a, at);
    const size = Number(out.subarray(at, nl).toString('utf8').split(' ')[2]);
    const blob = out.subarray(nl + 1, nl + 1 + size);
    at = nl + 1 + size + 1;
    const now = readFileSync(join(ROOT, t.path));
    // V8's code cache is V8's: another Node version than the one that built dist/ makes other
    // bytes (and would ignore the committed cache); compared where this Node takes the committed one
    if (!blob.equals(now) && !(t.path === relative(ROOT, CODE_CACHE) && !accepted(blob))) differ.push(t.path);
    if (/\.[cm]js$/.test(t.path) && !t.path.includes('/chunks/') && t.mode !== '100755') differ.push(`${t.path} (mode ${t.mode}, not executable)`);
  }
  assert.equal(differ, [], `not what the sources build: ${differ.join(', ')}; ${FIX}`);
  assert.ok(existsSync(CODE_CACHE), 'the post-renderer was built without its V8 code cache (../shared/flyte-core/rendered is needed)');
  assert.ok(accepted(readFileSync(CODE_CACHE)), 'V8 rejects the code cache the build made');
});

test('one version everywhere: package.json, plugin.yaml, both programs; completion.yaml lists every command', () => {
  const version = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version as string;
  assert.match(readFileSync(join(ROOT, 'plugin.yaml'), 'utf8'), new RegExp(`^version: "${version.replace(/\./g, '\\.')}"$`, 'm'));
  for (const [prog, name] of [
    ['flytemc.mjs', 'flytemc'],
    ['flytemc-post-renderer.cjs', 'flytemc-post-renderer'],
  ] as const) {
    const r = runNodeSync(join(ROOT, 'dist', prog), ['--version']);
    assert.is(r.code, 0, r.stderr);
    assert.is(r.stdout, `${name} ${version}\n`);
  }
  const help = runNodeSync(CLI, ['help']).stdout;
  const commands = [
    ...help
      .split('Commands:\n')[1]!
      .split('\n\n')[0]!
      .matchAll(/^ {2}(\S+) /gm),
  ].map((m) => m[1]!);
  assert.ok(commands.length >= 10, help);
  const completion = readFileSync(join(ROOT, 'completion.yaml'), 'utf8');
  for (const c of commands) assert.match(completion, new RegExp(`^- name: ${c}$`, 'm'));
});

test.run();
