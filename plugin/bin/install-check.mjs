// The `helm plugin install|update` hook of flytemc: Node.js 20+ and the built programs in dist/, or what to do.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = process.env.HELM_PLUGIN_DIR || join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const event = process.argv[2] === 'update' ? 'updated' : 'installed';
const problems = [];
const major = Number(process.versions.node.split('.')[0]);
if (major < 20) problems.push(`Node.js ${process.versions.node} is too old: flytemc needs Node.js 20 or newer on PATH`);
for (const f of ['dist/flytemc.mjs', 'dist/flytemc-post-renderer.cjs']) {
  if (!existsSync(join(root, f))) problems.push(`${join(root, f)} is missing: this checkout has no built programs`);
}
if (problems.length) {
  process.stderr.write(
    problems.map((p) => `error: flytemc plugin: ${p}\n`).join('') +
      (major < 20
        ? '  fix: install Node.js 20 or newer (https://nodejs.org/), then `helm plugin uninstall flytemc` and install again\n'
        : `  fix: in ${root} run \`npm ci && npm run build\`, then \`helm plugin uninstall flytemc\` and install again;\n       or install a release tarball (flytemc-<version>.tgz) or the git repository, which ship dist/ built\n`),
  );
  process.exit(1);
}
process.stdout.write(`flytemc: ${event}. Next: \`helm flytemc setup\` registers the post-renderer for Helm 3 and Helm 4.\n`);
