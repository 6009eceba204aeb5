// The README's main job, offline: `npm run render-example` renders the shipped chart's control
// plane through the post-renderer with real Helm 3 and Helm 4.
import { test } from './helpers/uvu.ts';
import * as assert from 'uvu/assert';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { THREE_PLACES, credentialMounts, objects } from './helpers/manifests.ts';
import { SHARED } from '../scripts/shared.mjs';
import { runNodeSync } from './helpers/process.ts';

const ROOT = join(import.meta.dirname, '..');

for (const helm of ['3', '4']) {
  test(`render-example on Helm ${helm}: the control plane with the credentials in all three places`, () => {
    const r = runNodeSync(join(ROOT, 'scripts', 'render-example.ts'), ['--helm', helm], { nodeArgs: ['--import', 'tsx'], env: process.env });
    assert.is(r.code, 0, r.stderr);
    const out = objects(r.stdout);
    for (const place of THREE_PLACES) assert.is(credentialMounts(out, place).length, 1, place.container);
    assert.not.ok(out.some((o) => o.kind === 'MultiClusterConfig'));
    assert.not.ok(out.some((o) => o.kind === 'Deployment' && o.metadata.name === 'flytepropeller'));
  });
}

test('render-example on a fresh git clone: nothing but the clone and its node_modules (what npm ci installs)', () => {
  // no earlier test or run may have created charts/flyte-multicluster/charts/ (git does not track it)
  const base = mkdtempSync(join(tmpdir(), 'flytemc-fresh-'));
  const repo = join(base, 'flytemc');
  try {
    const c = spawnSync('git', ['clone', '--quiet', ROOT, repo], { encoding: 'utf8' });
    assert.is(c.status, 0, c.stderr);
    assert.not.ok(existsSync(join(repo, 'charts', 'flyte-multicluster', 'charts')));
    symlinkSync(SHARED, join(base, 'shared'));
    symlinkSync(join(ROOT, 'node_modules'), join(repo, 'node_modules'));
    const r = spawnSync('npm', ['run', '--silent', 'render-example'], { cwd: repo, encoding: 'utf8', maxBuffer: 64 << 20 });
    assert.is(r.status, 0, r.stderr);
    const out = objects(r.stdout);
    for (const place of THREE_PLACES) assert.is(credentialMounts(out, place).length, 1, place.container);
  } finally {
    rmSync(base, { recursive: true, force: true });
  }
});

test.run();
