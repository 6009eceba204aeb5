// Build job 4: V8's code cache for the post-render script, made by running the script once on
// flyte-core's control plane (../shared, scripts/shared.mjs) with the three-cluster fixture, then
// asking V8 for the code it compiled (make-cache.mjs, in a Node of its own, without NODE_OPTIONS),
// and checked: V8 must take it back. A run of the post-renderer deserialises that code instead of
// parsing and compiling the script. V8 refuses a cache made by another Node version or with other
// flags, and the script is then compiled as usual, so the cache only ever saves time.
// The Node that makes it runs with a fixed --random-seed and compiles the script under a fixed
// name: V8 then writes the same bytes on every build, in any clone (without them the bytes differ
// from build to build and from folder to folder, and dist/ would always look changed); V8 takes
// the cache back in a Node started without the flag, under the real name (checked here).
import { existsSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RENDERED } from '../shared.mjs';

/** The V8 random seed of the Node that makes the cache. */
const SEED = '--random-seed=20261122';
/**
 * The name the script is compiled under while the cache is made. V8's cache bytes depend on it
 * (not on where the repository is, with it fixed: checked from other folders, working directories
 * and an empty environment); V8 takes the cache back under the real name.
 */
const NAME = '/flytemc/dist/flytemc-post-render.js';

/**
 * Writes the code cache for the script at `scriptFile` to `cacheFile`; without ../shared it
 * removes `cacheFile` and warns: the post-renderer then runs without one (compiles the script).
 * @param {string} root the repository
 * @param {string} scriptFile the post-render script (dist/flytemc-post-render.js)
 * @param {string} cacheFile
 */
export function codeCache(root, scriptFile, cacheFile) {
  const sample = join(RENDERED, 'controlplane.yaml');
  if (!existsSync(sample)) {
    console.warn(`build: ${sample} is missing: the post-renderer is built without a code cache (slower start-up)`);
    rmSync(cacheFile, { force: true });
    return;
  }
  const tmp = mkdtempSync(join(tmpdir(), 'flytemc-build-'));
  try {
    /** @param {'make' | 'check'} mode */
    const run = (mode) =>
      spawnSync(
        process.execPath,
        [
          ...(mode === 'make' ? [SEED] : []),
          join(root, 'scripts', 'build', 'make-cache.mjs'),
          mode,
          scriptFile,
          mode === 'make' ? NAME : scriptFile,
          join(tmp, 'cache.bin'),
          '--config',
          join(root, 'test', 'fixtures', 'three-clusters.yaml'),
        ],
        { stdio: [openSync(sample, 'r'), 'ignore', 'pipe'], encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' } },
      );
    const made = run('make');
    if (made.status !== 0) throw new Error(`making the code cache failed (exit ${made.status}): ${made.stderr}`);
    const checked = run('check');
    if (checked.status !== 0 || !/accepted/.test(checked.stderr)) throw new Error(`V8 does not take back the code cache it made: ${checked.stderr}`);
    writeFileSync(cacheFile, readFileSync(join(tmp, 'cache.bin')));
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
