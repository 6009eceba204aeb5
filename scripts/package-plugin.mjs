#!/usr/bin/env node
// The release tarball of the `helm flytemc` plugin: flytemc-<version>.tgz with plugin.yaml, the
// built dist/ (only the chunks the two programs reach), the flyte-multicluster chart, schemas/,
// the Helm 4 post-renderer launcher, README.md and docs/plugin.md. Users need Node.js 20+, no
// TypeScript toolchain.
//
// Layout: the plugin files sit at the archive root AND again under flytemc/. Helm 3 installs a
// tarball only from an http(s) URL whose server says it is gzip (HEAD: application/gzip or
// application/x-gzip) and wants plugin.yaml at the root; Helm 4 installs a local tarball only from
// <name>/plugin.yaml, and one from a URL whatever its content type. With both, Helm 4 takes every
// form (with --verify=false: the archive is not signed); for Helm 3 from a file or a server that
// says application/octet-stream (GitHub's release assets), docs/plugin.md gives the one-line
// `tar -xzf … -C "$(helm env HELM_PLUGINS)" flytemc` form, which takes the flytemc/ copy.
//   node scripts/package-plugin.mjs [--out DIR] [--no-build]
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { codeCachePath, postRenderScriptPath } from './build/bundles.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const outIdx = args.indexOf('--out');
const outDir = (outIdx >= 0 ? args[outIdx + 1] : undefined) ?? root;
if (!args.includes('--no-build')) {
  const b = spawnSync(process.execPath, [join(root, 'scripts', 'build.mjs')], { stdio: 'inherit' });
  if (b.status !== 0) process.exit(b.status ?? 1);
}
const version = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version;
if (!version) throw new Error('package.json has no version');

// dist: the programs and every chunk they import, transitively (a build leaves stale chunks)
/** @type {Set<string>} */
const reach = new Set();
/** @param {string} rel */
const visit = (rel) => {
  if (reach.has(rel)) return;
  reach.add(rel);
  const text = readFileSync(join(root, 'dist', rel), 'utf8');
  for (const m of text.matchAll(/(?:from\s*|import\(\s*)["'](\.\.?\/[^"']+\.mjs)["']/g)) {
    visit(relative(join(root, 'dist'), join(root, 'dist', dirname(rel), m[1] ?? '')));
  }
};
visit('flytemc.mjs');
visit('flytemc-post-renderer.cjs');
visit('flytemc-krm.mjs');
// the script the post-renderer runs and its V8 code cache (read by name, not imported)
for (const f of [postRenderScriptPath(root), codeCachePath(root)]) if (existsSync(f)) reach.add(relative(join(root, 'dist'), f));

const stage = mkdtempSync(join(tmpdir(), 'flytemc-package-'));
/** @param {string} dest */
const copyInto = (dest) => {
  /** @param {string} rel */
  const put = (rel, from = join(root, rel)) => {
    mkdirSync(dirname(join(dest, rel)), { recursive: true });
    cpSync(from, join(dest, rel), { recursive: true });
  };
  for (const rel of reach) put(join('dist', rel));
  for (const rel of [
    'plugin.yaml',
    'completion.yaml',
    'bin',
    'README.md',
    'plugin/bin/install-check.mjs',
    'plugin/helm/helm4-post-renderer/run.mjs',
    'schemas',
    'charts',
    'docs/plugin.md',
  ]) {
    if (existsSync(join(root, rel))) put(rel);
  }
  if (existsSync(join(root, 'LICENSE'))) put('LICENSE');
};
copyInto(stage);
copyInto(join(stage, 'flytemc'));
const entries = readdirSync(stage).sort();
mkdirSync(outDir, { recursive: true });
const out = join(outDir, `flytemc-${version}.tgz`);
const t = spawnSync('tar', ['-czf', out, '--owner=0', '--group=0', '--numeric-owner', '-C', stage, ...entries], { stdio: 'inherit' });
rmSync(stage, { recursive: true, force: true });
if (t.status !== 0) process.exit(t.status ?? 1);
const dep =
  existsSync(join(root, 'charts', 'flyte-multicluster', 'charts')) &&
  readdirSync(join(root, 'charts', 'flyte-multicluster', 'charts')).some((f) => f.startsWith('flyte-core'));
process.stdout.write(
  `${out}\n  ${reach.size} dist files; flyte-core dependency ${dep ? 'included' : 'NOT included (run helm dependency build charts/flyte-multicluster first, or users must)'}\n`,
);
