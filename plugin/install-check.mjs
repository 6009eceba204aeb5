// `helm plugin install` / `helm plugin update` hook of flytemc: the plugin runs the bundled
// JavaScript in dist/, so a source checkout must be built first. Plain JavaScript: it runs
// before anything is built. Exit 1 with what to do when something is missing.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = process.env.HELM_PLUGIN_DIR || join(dirname(fileURLToPath(import.meta.url)), '..');
const problems = [];
const major = Number(process.versions.node.split('.')[0]);
if (major < 20) problems.push(`Node.js ${process.versions.node} is too old: flytemc needs Node.js 20 or newer on PATH`);
for (const f of ['dist/flytemc.mjs', 'dist/flytemc-post-renderer.mjs']) {
  if (!existsSync(join(root, f))) problems.push(`${join(root, f)} is missing: this looks like a source checkout that was not built`);
}
if (problems.length) {
  process.stderr.write(
    problems.map((p) => `error: flytemc plugin: ${p}\n`).join('') +
      `  fix: in ${root} run \`npm ci && node scripts/build.mjs\`, then \`helm plugin uninstall flytemc\` and install again;\n` +
      '       or install a release tarball (flytemc-<version>.tgz), which ships dist/ built\n',
  );
  process.exit(1);
}
process.stdout.write(`flytemc: installed. Next: \`helm flytemc setup\` registers the post-renderer for Helm 3 and Helm 4.\n`);
