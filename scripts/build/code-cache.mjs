// Build job 4: V8's code cache for the post-render script, made by running the script once on
// flyte-core's control plane (../shared, scripts/shared.mjs) with the three-cluster fixture, then
// asking V8 for the code it compiled (make-cache.mjs, in a Node of its own, without NODE_OPTIONS),
// and checked: V8 must take it back. A run of the post-renderer deserialises that code instead of
// parsing and compiling the script. V8 refuses a cache made by another Node version or with other
// flags, and the script is then compiled as usual, so the cache only ever saves time.
import { existsSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RENDERED } from '../shared.mjs';

/**
 * The code cache (base64) for `source`, compiled under the name `filename` (the file that will
 * embed it); '' without ../shared, with a warning: the post-renderer is then built without one.
 * @param {string} root the repository
 * @param {string} source the post-render script
 * @param {string} filename
 */
export function codeCache(root, source, filename) {
  const sample = join(RENDERED, 'controlplane.yaml');
  if (!existsSync(sample)) {
    console.warn(`build: ${sample} is missing: dist/flytemc-post-renderer.mjs is built without a code cache (slower start-up)`);
    return '';
  }
  const tmp = mkdtempSync(join(tmpdir(), 'flytemc-build-'));
  try {
    writeFileSync(join(tmp, 'script.js'), source);
    /** @param {'make' | 'check'} mode */
    const run = (mode) =>
      spawnSync(
        process.execPath,
        [
          join(root, 'scripts', 'build', 'make-cache.mjs'),
          mode,
          join(tmp, 'script.js'),
          filename,
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
    return readFileSync(join(tmp, 'cache.bin')).toString('base64');
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
