// `helm flytemc` with the real Helm 3.17.2 and Helm 4.1.4, in isolated HELM_* folders: plugin
// install (repo folder and release tarball), setup, and `--post-renderer flytemc-post-renderer`
// through both versions, including Helm 3 still loading its plugins after a Helm 4 setup.
import { test } from './helpers/uvu.ts';
import * as assert from 'uvu/assert';
import { spawnSync } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { createReadStream, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { HELM_MAJORS, ROOT, helmEnv, prepareChart, runHelm, type HelmMajor } from './helpers/helm.ts';

const CHART = prepareChart();
const CLUSTERS = join(ROOT, 'test', 'fixtures', 'three-clusters.yaml');
if (!existsSync(join(ROOT, 'dist', 'flytemc.mjs'))) throw new Error('run node scripts/build.mjs first');

interface Home { dir: string; env: NodeJS.ProcessEnv; bin: string; helm4: string }

function home(): Home {
  const dir = mkdtempSync(join(tmpdir(), 'flytemc-plugin-'));
  const bin = join(dir, 'bin');
  mkdirSync(join(dir, 'tmp'), { recursive: true });
  const env = helmEnv(dir, { extra: { TMPDIR: join(dir, 'tmp'), FLYTEMC_NO_TTY: '1', HOME: dir } });
  env.PATH = `${bin}${delimiter}${env.PATH ?? ''}`;
  return { dir, env, bin, helm4: join(dir, 'data', 'flytemc-helm4') };
}

const BAD = `multicluster:
  clusters:
    clusterConfigs:
      - name: dp1
        endpoint: https://203.0.113.1:6443
        enabled: true
    labelClusterMap:
      team1:
        - id: dp9
          weight: 1
`;

for (const major of HELM_MAJORS) {
  test(`Helm ${major}: plugin install from the repo folder, --help, setup twice (idempotent)`, async () => {
    const h = home();
    const inst = await runHelm(major, ['plugin', 'install', ROOT], { env: h.env });
    assert.is(inst.code, 0, inst.stderr + inst.stdout);
    assert.match(inst.stdout, 'flytemc: installed');
    const help = await runHelm(major, ['flytemc', '--help'], { env: h.env });
    assert.is(help.code, 0, help.stderr);
    for (const c of ['install', 'validate', 'routes', 'labels', 'setup', 'post-render']) assert.match(help.stdout, new RegExp(`\\n  ${c} `));
    const s1 = await runHelm(major, ['flytemc', 'setup', '--bin-dir', h.bin, '-o', 'json'], { env: h.env });
    assert.is(s1.code, 0, s1.stderr);
    const r1 = JSON.parse(s1.stdout);
    assert.equal(r1.actions.map((a: { status: string }) => a.status), ['created', 'created']);
    assert.is(r1.helm4PluginsDir, h.helm4);
    const s2 = await runHelm(major, ['flytemc', 'setup', '--bin-dir', h.bin, '-o', 'json'], { env: h.env });
    assert.equal(JSON.parse(s2.stdout).actions.map((a: { status: string }) => a.status), ['unchanged', 'unchanged']);
    // the Helm 4 plugin is NOT in the shared plugins folder
    assert.not.ok(existsSync(join(h.dir, 'data', 'plugins', 'flytemc-post-renderer')));
    assert.ok(existsSync(join(h.helm4, 'flytemc-post-renderer', 'plugin.yaml')));
  });
}

test('Helm 4 setup in a folder Helm 3 shares: Helm 3 still lists its plugins and runs the post-renderer', async () => {
  const h = home();
  assert.is((await runHelm(4, ['plugin', 'install', ROOT], { env: h.env })).code, 0);
  const s = await runHelm(4, ['flytemc', 'setup', '--bin-dir', h.bin], { env: h.env });
  assert.is(s.code, 0, s.stderr);
  assert.match(s.stdout, 'Helm 4 post-renderer plugin');
  const list3 = await runHelm(3, ['plugin', 'list'], { env: h.env });
  assert.is(list3.code, 0, list3.stderr);
  assert.match(list3.stdout, /^flytemc\s+0\.1\.0/m);
  assert.not.match(list3.stderr, 'failed to load plugins');
  const t3 = await runHelm(3, ['template', 'flyte', CHART, '-n', 'flyte', '-f', join(CHART, 'values-controlplane.yaml'), '-f', CLUSTERS, '--post-renderer', 'flytemc-post-renderer'], { env: h.env });
  assert.is(t3.code, 0, t3.stderr);
  assert.match(t3.stdout, 'cluster_3_token');
  // Helm 3 refuses --shared; Helm 4 with --shared would break Helm 3, which is why it is opt-in
  const shared3 = await runHelm(3, ['flytemc', 'setup', '--shared', '--bin-dir', h.bin], { env: h.env });
  assert.is(shared3.code, 1);
  assert.match(shared3.stderr, 'would make this Helm drop all its plugins');
});

for (const major of HELM_MAJORS) {
  test(`Helm ${major}: helm template --post-renderer flytemc-post-renderer (the same flag on both)`, async () => {
    const h = home();
    assert.is((await runHelm(major, ['plugin', 'install', ROOT], { env: h.env })).code, 0);
    assert.is((await runHelm(major, ['flytemc', 'setup', '--bin-dir', h.bin], { env: h.env })).code, 0);
    const env = { ...h.env };
    if (major === 4) env.HELM_PLUGINS = `${h.env.HELM_PLUGINS}${delimiter}${h.helm4}`;
    const render = (values: string, ...more: string[]) => ['template', 'flyte', CHART, '-n', 'flyte', '-f', join(CHART, 'values-controlplane.yaml'), '-f', values, '--post-renderer', 'flytemc-post-renderer', ...more];
    const ok = await runHelm(major, render(CLUSTERS), { env });
    assert.is(ok.code, 0, ok.stderr);
    assert.match(ok.stdout, '/var/run/credentials/cluster_2_token');
    assert.match(ok.stdout, 'secretName: cluster-credentials');
    if (major === 4) {
      // Helm 3 reads the same folders, plus this list, and keeps working
      const list3 = await runHelm(3, ['plugin', 'list'], { env: h.env });
      assert.match(list3.stdout, /^flytemc\s/m);
    }
    // a failing config: Helm 3 shows the message; Helm 4 hides it, the error file has it
    const bad = join(h.dir, 'bad.yaml');
    writeFileSync(bad, BAD);
    const fail = await runHelm(major, render(bad), { env });
    assert.is.not(fail.code, 0);
    const errFile = join(h.dir, 'tmp', 'flytemc-post-renderer-error.txt');
    if (major === 3) {
      assert.match(fail.stderr, 'routes to "dp9", which is not in clusterConfigs');
    } else {
      assert.match(fail.stderr, 'plugin "flytemc-post-renderer" exited with error');
      assert.not.match(fail.stderr, 'dp9');
      assert.match(readFileSync(errFile, 'utf8'), 'routes to "dp9", which is not in clusterConfigs');
      const dbg = await runHelm(major, render(bad, '--debug'), { env });
      assert.match(dbg.stderr, `--error-file ${errFile}`);
    }
  });

  test(`Helm ${major}: helm flytemc install control-plane --template (right post-renderer form), and a post-renderer failure is shown`, async () => {
    const h = home();
    assert.is((await runHelm(major, ['plugin', 'install', ROOT], { env: h.env })).code, 0);
    const printed = await runHelm(major, ['flytemc', 'install', 'control-plane', '--cloud', 'eks', '-f', CLUSTERS, '--print'], { env: h.env });
    assert.is(printed.code, 0, printed.stderr);
    if (major === 3) assert.match(printed.stdout, /--post-renderer \S+\/dist\/flytemc-post-renderer\.mjs/);
    else assert.match(printed.stdout, /^HELM_PLUGINS=\S+flytemc-helm4 .* --post-renderer flytemc-post-renderer/);
    assert.match(printed.stdout, /values-eks\.yaml -f \S+values-controlplane\.yaml/);
    const ok = await runHelm(major, ['flytemc', 'install', 'control-plane', '-f', CLUSTERS, '--template'], { env: h.env });
    assert.is(ok.code, 0, ok.stderr);
    assert.match(ok.stdout, 'cluster_3_token');
    const bad = join(h.dir, 'bad.yaml');
    writeFileSync(bad, BAD);
    const fail = await runHelm(major, ['flytemc', 'install', 'control-plane', '-f', bad, '--template'], { env: h.env });
    assert.is(fail.code, 1, `a config the post-renderer refuses is a config error (exit 1, README): ${fail.stderr}`);
    assert.match(fail.stderr, 'routes to "dp9", which is not in clusterConfigs');
    if (major === 4) assert.match(fail.stderr, 'the post-renderer said (Helm 4 hides it');
  });
}

function serve(dir: string): Promise<{ server: Server; url: string }> {
  return new Promise((resolve) => {
    const server = createServer((req, res) => {
      const p = join(dir, (req.url ?? '/').split('?')[0]!);
      if (!existsSync(p)) { res.statusCode = 404; res.end(); return; }
      res.setHeader('Content-Type', 'application/gzip');
      if (req.method === 'HEAD') { res.end(); return; }
      createReadStream(p).pipe(res);
    });
    server.listen(0, '127.0.0.1', () => {
      const a = server.address();
      resolve({ server, url: `http://127.0.0.1:${typeof a === 'object' && a ? a.port : 0}` });
    });
  });
}

test('release tarball: Helm 3 from a URL, Helm 4 from a URL and from the file (--verify=false)', async () => {
  const out = mkdtempSync(join(tmpdir(), 'flytemc-pkg-'));
  const p = spawnSync(process.execPath, [join(ROOT, 'scripts', 'package-plugin.mjs'), '--out', out, '--no-build'], { encoding: 'utf8' });
  assert.is(p.status, 0, p.stderr);
  const tgz = join(out, 'flytemc-0.1.0.tgz');
  assert.ok(existsSync(tgz));
  const { server, url } = await serve(out);
  try {
    const cases: Array<[HelmMajor, string[]]> = [
      [3, [`${url}/flytemc-0.1.0.tgz`]],
      [4, [`${url}/flytemc-0.1.0.tgz`, '--verify=false']],
      [4, [tgz, '--verify=false']],
    ];
    for (const [major, src] of cases) {
      const h = home();
      const inst = await runHelm(major, ['plugin', 'install', ...src], { env: h.env });
      assert.is(inst.code, 0, `${major} ${src.join(' ')}: ${inst.stderr}`);
      const r = await runHelm(major, ['flytemc', 'routes', '-f', CLUSTERS, '-o', 'json'], { env: h.env });
      assert.is(r.code, 0, r.stderr);
      assert.is(JSON.parse(r.stdout).labels.length, 2);
      const s = await runHelm(major, ['flytemc', 'setup', '--bin-dir', h.bin], { env: h.env });
      assert.is(s.code, 0, s.stderr);
      const env = { ...h.env };
      if (major === 4) env.HELM_PLUGINS = `${h.env.HELM_PLUGINS}${delimiter}${h.helm4}`;
      const t = await runHelm(major, ['template', 'flyte', CHART, '-n', 'flyte', '-f', join(CHART, 'values-controlplane.yaml'), '-f', CLUSTERS, '--post-renderer', 'flytemc-post-renderer'], { env });
      assert.is(t.code, 0, t.stderr);
      assert.match(t.stdout, 'cluster_1_token');
    }
    // Helm 4 without --verify=false refuses an unsigned tarball
    const h = home();
    const v = await runHelm(4, ['plugin', 'install', tgz], { env: h.env });
    assert.is.not(v.code, 0);
    assert.match(v.stderr, 'no provenance file');
  } finally {
    server.close();
  }
});

test.run();
