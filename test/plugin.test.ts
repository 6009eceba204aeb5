// `helm flytemc` with the real Helm 3.17.2 and Helm 4.1.4, in isolated HELM_* folders, as a user
// gets it: installed from the repository folder, from a git URL (a local bare clone served over
// HTTP, the way Helm reads one) and from the release tarball (URL, any content type, and file);
// setup, `--post-renderer flytemc-post-renderer` on both majors (Helm 4 with default settings),
// Helm 3 sharing the data home, Helm's plugin contract (HELM_NAMESPACE, HELM_KUBECONTEXT,
// HELM_DEBUG), completion, a missing Node, update and an uninstall that leaves nothing behind.
import { test } from './helpers/uvu.ts';
import * as assert from 'uvu/assert';
import { spawnSync } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { createReadStream, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { HELM_MAJORS, ROOT, helmBinary, helmEnv, prepareChart, type HelmMajor } from './helpers/helm.ts';
import { runProcess } from './helpers/process.ts';

const CHART = prepareChart();
const CLUSTERS = join(ROOT, 'test', 'fixtures', 'three-clusters.yaml');
const SHARED = join(ROOT, 'test', 'fixtures', 'shared-values.yaml');
if (!existsSync(join(ROOT, 'dist', 'flytemc.mjs'))) throw new Error('run node scripts/build.mjs first');

interface Home {
  dir: string;
  env: NodeJS.ProcessEnv;
  bin: string;
  data: string;
  plugins: string;
}

/**
 * An isolated user: HOME, Helm's folders, and a PATH of its own: `helm` is the major under test,
 * `helm3` (with `helm3: true`) a Helm 3.17.2 sharing the data home, then Node and the system.
 */
function home(major: HelmMajor, opts: { helm3?: boolean; path?: string } = {}): Home {
  const dir = mkdtempSync(join(tmpdir(), 'flytemc-plugin-'));
  const bin = join(dir, 'bin');
  mkdirSync(bin, { recursive: true });
  mkdirSync(join(dir, 'tmp'), { recursive: true });
  symlinkSync(helmBinary(major), join(bin, 'helm'));
  if (opts.helm3) symlinkSync(helmBinary(3), join(bin, 'helm3'));
  const env = helmEnv(dir, {
    extra: { TMPDIR: join(dir, 'tmp'), FLYTEMC_NO_TTY: '1', HOME: join(dir, 'home'), XDG_DATA_HOME: '', XDG_CONFIG_HOME: '', XDG_CACHE_HOME: '' },
  });
  // Helm's default folders under the isolated HOME, as a user has them (no HELM_* variables):
  // $HELM_DATA_HOME = ~/.local/share/helm and HELM_PLUGINS its plugins/, for both majors
  for (const k of ['HELM_PLUGINS', 'HELM_DATA_HOME', 'HELM_CONFIG_HOME', 'HELM_CACHE_HOME', 'XDG_DATA_HOME', 'XDG_CONFIG_HOME', 'XDG_CACHE_HOME'])
    delete env[k];
  env.PATH = opts.path ?? [bin, join(dir, 'home', '.local', 'bin'), dirname(process.execPath), '/usr/bin', '/bin'].join(delimiter);
  const data = join(dir, 'home', '.local', 'share', 'helm');
  mkdirSync(join(data, 'plugins'), { recursive: true });
  return { dir, env, bin, data, plugins: join(data, 'plugins') };
}

const helm = (h: Home, args: string[], input?: string) => runProcessHelm(join(h.bin, 'helm'), args, h, input);
const helm3 = (h: Home, args: string[]) => runProcessHelm(join(h.bin, 'helm3'), args, h);
function runProcessHelm(bin: string, args: string[], h: Home, input?: string) {
  return runProcess(bin, args, { env: h.env, cwd: h.dir, input: input ?? '', timeoutMs: 120_000 });
}

/**
 * Helm with its stderr on a pipe, as in a terminal pipeline or a CI runner's log (a Node parent
 * hands its children sockets, which another process cannot open through /proc).
 */
const helmPiped = (h: Home, args: string[]) =>
  runProcess('/bin/bash', ['-c', 'set -o pipefail; { "$@" 2>&1 1>&3 3>&- | cat >&2; } 3>&1', 'helm', join(h.bin, 'helm'), ...args], {
    env: h.env,
    cwd: h.dir,
    input: '',
    timeoutMs: 120_000,
  });

const template = (values: string, ...more: string[]) => [
  'template',
  'flyte',
  CHART,
  '-n',
  'flyte',
  '-f',
  join(CHART, 'values-controlplane.yaml'),
  '-f',
  values,
  '--post-renderer',
  'flytemc-post-renderer',
  ...more,
];

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

/** Every file and link under `dir`, relative (for "nothing left behind"). */
function tree(dir: string, base = dir): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    return e.isDirectory() ? [p.slice(base.length + 1) + '/', ...tree(p, base)] : [p.slice(base.length + 1)];
  });
}

for (const major of HELM_MAJORS) {
  test(`Helm ${major}: plugin install from the repository folder, help, setup twice (idempotent), --post-renderer with default settings, a refusal in Helm's stderr`, async () => {
    const h = home(major);
    const inst = await helm(h, ['plugin', 'install', ROOT]);
    assert.is(inst.code, 0, inst.stderr + inst.stdout);
    assert.match(inst.stdout, 'flytemc: installed');
    const usage = await helm(h, ['flytemc', 'help', 'validate']);
    assert.is(usage.code, 0, usage.stderr);
    assert.match(usage.stdout, /^Usage: helm flytemc validate/);
    const s1 = await helm(h, ['flytemc', 'setup', '-o=json']);
    assert.is(s1.code, 0, s1.stderr);
    const r1 = JSON.parse(s1.stdout);
    assert.equal(
      r1.actions.map((a: { status: string }) => a.status),
      ['created', 'created', 'created'],
    );
    // no Helm 3 reads the folder here (Helm 4) / this is a Helm 3 (separate folder)
    assert.is(r1.layout, major === 4 ? 'shared' : 'separate');
    const s2 = await helm(h, ['flytemc', 'setup', '-o', 'json']);
    assert.equal(
      JSON.parse(s2.stdout).actions.map((a: { status: string }) => a.status),
      ['unchanged', 'unchanged', 'unchanged'],
    );
    // plain `helm template --post-renderer flytemc-post-renderer`: no HELM_PLUGINS, no prefix
    const ok = await helm(h, template(CLUSTERS));
    assert.is(ok.code, 0, ok.stderr);
    assert.match(ok.stdout, '/var/run/credentials/cluster_2_token');
    assert.match(ok.stdout, 'secretName: cluster-credentials');
    // a refusal, no TTY (FLYTEMC_NO_TTY), stderr a pipe: the flytemc message is in Helm's stderr on both majors
    writeFileSync(join(h.dir, 'bad.yaml'), BAD);
    const fail = await helmPiped(h, template(join(h.dir, 'bad.yaml')));
    assert.is.not(fail.code, 0);
    assert.match(fail.stderr, 'routes to "dp9", which is not in clusterConfigs');
    assert.match(fail.stderr, 'fix: use one of: dp1');
    if (major === 4) {
      // flytemc's message first, then Helm's own one-line error; also in the error file
      assert.ok(fail.stderr.indexOf('routes to "dp9"') < fail.stderr.indexOf('plugin "flytemc-post-renderer" exited with error'), fail.stderr);
      // in a file of this run, in this user's private folder, named in the message
      const named = /^\(this message is also in (.+)\)$/m.exec(fail.stderr)?.[1];
      assert.ok(named, fail.stderr);
      assert.is(join(named!, '..'), join(h.dir, 'tmp', `flytemc-${process.getuid!()}`));
      assert.is(statSync(named!).mode & 0o777, 0o600);
      assert.match(readFileSync(named!, 'utf8'), 'routes to "dp9"');
    }
    // through `helm flytemc install` (Helm's stderr is our pipe then): the message once, and exit 1
    // (a config the post-renderer refuses is a config error, README)
    const viaInstall = await helm(h, ['flytemc', 'install', 'control-plane', '-f', join(h.dir, 'bad.yaml'), '--template']);
    assert.is(viaInstall.code, 1, viaInstall.stderr);
    assert.is(viaInstall.stderr.split('routes to "dp9", which is not in clusterConfigs').length - 1, 1, viaInstall.stderr);
    // the flytemc command is on PATH too
    const cli = await runProcessHelm(join(h.dir, 'home', '.local', 'bin', 'flytemc'), ['--version'], h);
    assert.is(cli.stdout, 'flytemc 0.1.0\n');
  });
}

test("Helm 4 does not show a post-renderer plugin's stderr at all (what the launcher works around)", async () => {
  // measured: a postrenderer/v1 plugin that writes to stderr and exits 7; Helm prints only its line
  const h = home(4);
  const dir = join(h.plugins, 'noisy');
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, 'plugin.yaml'),
    `apiVersion: v1\nname: noisy\ntype: postrenderer/v1\nruntime: subprocess\nversion: 0.0.1\nruntimeConfig:\n  platformCommand:\n    - command: ${process.execPath}\n      args: ["-e", "process.stderr.write('NOISY-' + 'STDERR'); process.exit(7)"]\n`,
  );
  for (const extra of [[], ['--debug']]) {
    const r = await helmPiped(h, ['template', 'x', CHART, '-f', join(CHART, 'values-controlplane.yaml'), '-f', CLUSTERS, '--post-renderer', 'noisy', ...extra]);
    assert.is(r.code, 1, "Helm exits 1, not with the post-renderer's 7");
    assert.not.match(r.stderr, 'NOISY-STDERR');
    assert.match(r.stderr, 'plugin "noisy" exited with error');
    if (extra.length) assert.match(r.stderr, 'exitCode=7 stderr=""');
  }
});

test('Helm 3 sharing the data home: Helm 4 setup keeps the Helm 4 plugin out of the shared folder; Helm 3 lists and runs its plugins', async () => {
  const h = home(4, { helm3: true });
  assert.is((await helm(h, ['plugin', 'install', ROOT])).code, 0);
  const s = await helm(h, ['flytemc', 'setup', '-o', 'json']);
  assert.is(s.code, 0, s.stderr);
  const r = JSON.parse(s.stdout);
  assert.is(r.layout, 'separate');
  assert.match(r.helm3Readers[0].version, /^v3\.17\.2/);
  assert.not.ok(existsSync(join(h.plugins, 'flytemc-post-renderer')));
  const list3 = await helm3(h, ['plugin', 'list']);
  assert.is(list3.code, 0, list3.stderr);
  assert.match(list3.stdout, /^flytemc\s+0\.1\.0/m);
  assert.not.match(list3.stderr, 'failed to load plugins');
  const t3 = await helm3(h, template(CLUSTERS));
  assert.is(t3.code, 0, t3.stderr);
  assert.match(t3.stdout, 'cluster_3_token');
  // Helm 4 through `helm flytemc install` (it points Helm 4 at the folder), and with the alias line
  const t4 = await helm(h, ['flytemc', 'install', 'control-plane', '-f', CLUSTERS, '--template']);
  assert.is(t4.code, 0, t4.stderr);
  assert.match(t4.stdout, 'cluster_3_token');
  const withPath = await runProcessHelm(join(h.bin, 'helm'), template(CLUSTERS), {
    ...h,
    env: { ...h.env, HELM_PLUGINS: `${h.plugins}${delimiter}${r.helm4PluginsDir}` },
  });
  assert.is(withPath.code, 0, withPath.stderr);
  // --shared would break that Helm 3: refused, and by Helm 3 itself always
  const shared = await helm(h, ['flytemc', 'setup', '--shared']);
  assert.is(shared.code, 1);
  assert.match(shared.stderr, /reads \S+: a Helm 4 plugin there makes it drop all its plugins/);
  const shared3 = await helm3(h, ['flytemc', 'setup', '--shared']);
  assert.is(shared3.code, 1);
  // what a postrenderer/v1 plugin in the shared folder does to Helm 3.17.2 (why all this)
  const probe = join(h.plugins, 'probe');
  mkdirSync(probe);
  writeFileSync(
    join(probe, 'plugin.yaml'),
    'apiVersion: v1\nname: probe\ntype: postrenderer/v1\nruntime: subprocess\nversion: 0.0.1\nruntimeConfig:\n  platformCommand:\n    - command: cat\n',
  );
  const broken = await helm3(h, ['plugin', 'list']);
  assert.match(broken.stderr, 'json: unknown field "apiVersion"');
  assert.not.match(broken.stdout, /^flytemc/m);
});

for (const major of HELM_MAJORS) {
  test(`Helm ${major}: Helm's -n / HELM_NAMESPACE / --kube-context / --debug reach every command; -n default is default; --print is complete`, async () => {
    const h = home(major);
    assert.is((await helm(h, ['plugin', 'install', ROOT])).code, 0);
    const ns = (out: string) => [...new Set([...out.matchAll(/^ {2}namespace: (\S+)$/gm)].map((m) => m[1]))];
    const tail = ['-f', CLUSTERS, '--template'];
    for (const args of [
      ['flytemc', 'install', 'control-plane', '-n', 'other', ...tail],
      ['-n', 'other', 'flytemc', 'install', 'control-plane', ...tail],
      ['flytemc', 'install', 'control-plane', ...tail, '--', '-n', 'other'],
    ]) {
      const r = await helm(h, args);
      assert.is(r.code, 0, `${args.join(' ')}: ${r.stderr}`);
      assert.equal(ns(r.stdout), ['other'], args.join(' '));
    }
    const env = await runProcessHelm(join(h.bin, 'helm'), ['flytemc', 'install', 'data-plane', '--name', 'dp1', '-f', SHARED, '--template'], {
      ...h,
      env: { ...h.env, HELM_NAMESPACE: 'from-env' },
    });
    assert.is(env.code, 0, env.stderr);
    assert.equal(ns(env.stdout), ['from-env']);
    const dflt = await helm(h, ['flytemc', 'install', 'control-plane', '-n', 'default', '-f', CLUSTERS, '--template']);
    assert.equal(ns(dflt.stdout), ['default']);
    assert.match(dflt.stderr, 'note: namespace default');
    const printed = await helm(h, [
      '--kube-context',
      'cp',
      '-n',
      'flyte',
      '--debug',
      'flytemc',
      'install',
      'control-plane',
      '--cloud',
      'eks',
      '-f',
      CLUSTERS,
      '--print',
    ]);
    assert.is(printed.code, 0, printed.stderr);
    assert.match(
      printed.stdout,
      /^(HELM_PLUGINS=\S+ )?\S*helm upgrade --install flyte \S+ --kube-context cp --namespace flyte -f \S+values-eks\.yaml -f \S+values-controlplane\.yaml /,
    );
    assert.match(printed.stdout, / --debug\n$/);
    if (major === 3) assert.match(printed.stdout, /--post-renderer \S+\/dist\/flytemc-post-renderer\.cjs/);
    else assert.match(printed.stdout, '--post-renderer flytemc-post-renderer');
    // the cluster commands take Helm's namespace and context the same way (here: an unreachable cluster)
    writeFileSync(
      h.env.KUBECONFIG!,
      'apiVersion: v1\nkind: Config\nclusters: [{name: c, cluster: {server: "https://127.0.0.1:9"}}]\nusers: [{name: u, user: {token: x}}]\ncontexts: [{name: nowhere, context: {cluster: c, user: u}}]\ncurrent-context: nowhere\n',
    );
    const chk = await helm(h, ['--kube-context', 'nowhere', '-n', 'default', '--debug', 'flytemc', 'check', '--timeout', '2s']);
    assert.match(chk.stderr, 'flytemc: debug: namespace default (from HELM_NAMESPACE');
    assert.match(chk.stderr, 'flytemc: debug: kube context nowhere (from HELM_KUBECONTEXT');
  });
}

for (const major of HELM_MAJORS) {
  test(`Helm ${major}: completion.yaml: helm __complete flytemc lists the commands and their flags`, async () => {
    const h = home(major);
    assert.is((await helm(h, ['plugin', 'install', ROOT])).code, 0);
    const cmds = await helm(h, ['__complete', 'flytemc', '']);
    for (const c of ['setup', 'install', 'join', 'check', 'validate', 'routes', 'labels', 'rotate', 'unjoin', 'post-render', 'help'])
      assert.match(cmds.stdout, new RegExp(`^${c}$`, 'm'));
    const roles = await helm(h, ['__complete', 'flytemc', 'install', '']);
    assert.match(roles.stdout, /^control-plane$/m);
    assert.match(roles.stdout, /^data-plane$/m);
    const flags = await helm(h, ['__complete', 'flytemc', 'validate', '--']);
    assert.match(flags.stdout, /^--values$/m);
  });
}

test('without Node.js on PATH: one clear line, from the install hook and from helm flytemc', async () => {
  for (const major of HELM_MAJORS) {
    const bare = mkdtempSync(join(tmpdir(), 'flytemc-nonode-'));
    symlinkSync('/bin/sh', join(bare, 'sh'));
    const h = home(major, { path: bare });
    const inst = await helm(h, ['plugin', 'install', ROOT]);
    assert.match(inst.stderr, /^flytemc: Node\.js 20 or newer is needed on PATH \(https:\/\/nodejs\.org\/\); `node` was not found$/m);
    assert.not.match(inst.stderr, /\n\s+at /);
    const run = await helm(h, ['flytemc', '--help']);
    assert.is.not(run.code, 0);
    assert.match(run.stderr, /^flytemc: Node\.js 20 or newer is needed on PATH/m);
  }
});

/** A static server (no Content-Type); `/ct/<content type>/<file>` answers with that one (`none`: no header). */
function serve(dir: string): Promise<{ server: Server; url: string }> {
  return new Promise((resolve) => {
    const server = createServer((req, res) => {
      const m = /^\/ct\/([^/]+)\/(.*)$/.exec((req.url ?? '/').split('?')[0]!);
      const p = join(dir, m ? m[2]! : (req.url ?? '/').split('?')[0]!);
      if (!existsSync(p) || !p.startsWith(dir)) {
        res.statusCode = 404;
        res.end();
        return;
      }
      const ct = m ? decodeURIComponent(m[1]!) : 'none';
      if (ct !== 'none') res.setHeader('Content-Type', ct);
      if (req.method === 'HEAD') {
        res.end();
        return;
      }
      createReadStream(p).pipe(res);
    });
    server.listen(0, '127.0.0.1', () => {
      const a = server.address();
      resolve({ server, url: `http://127.0.0.1:${typeof a === 'object' && a ? a.port : 0}` });
    });
  });
}

function git(cwd: string, ...args: string[]): string {
  const r = spawnSync('git', ['-c', 'user.email=test@flytemc', '-c', 'user.name=test', ...args], { cwd, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
}

test('git URL (a bare clone over HTTP): install on both majors with no build, update after a new commit, uninstall leaves nothing behind', async () => {
  const base = mkdtempSync(join(tmpdir(), 'flytemc-git-'));
  const bare = join(base, 'flytemc.git');
  git(base, 'clone', '--quiet', '--bare', ROOT, bare);
  git(bare, 'update-server-info');
  const { server, url } = await serve(base);
  try {
    for (const major of HELM_MAJORS) {
      const h = home(major);
      // what flytemc may write: Helm's data folder (plugins, flytemc/) and ~/.local/bin
      const before = { data: tree(h.data), bin: tree(join(h.dir, 'home', '.local', 'bin')) };
      const inst = await helm(h, ['plugin', 'install', `${url}/flytemc.git`, ...(major === 4 ? ['--verify=false'] : [])]);
      assert.is(inst.code, 0, inst.stderr + inst.stdout);
      const dir = join(h.plugins, 'flytemc.git');
      assert.ok(existsSync(join(dir, 'dist', 'flytemc.mjs')), 'dist/ comes with the clone');
      assert.not.ok(existsSync(join(dir, 'node_modules')));
      const r = await helm(h, ['flytemc', 'routes', '-f', CLUSTERS, '-o', 'json']);
      assert.is(r.code, 0, r.stderr);
      assert.is(JSON.parse(r.stdout).labels.length, 2);
      assert.is((await helm(h, ['flytemc', 'setup'])).code, 0);
      const t = await helm(h, template(CLUSTERS));
      assert.is(t.code, 0, t.stderr);
      // a new commit upstream, then `helm plugin update flytemc`
      if (major === HELM_MAJORS[0]) {
        const work = join(base, 'work');
        git(base, 'clone', '--quiet', bare, work);
        writeFileSync(join(work, 'UPDATED'), 'yes\n');
        git(work, 'add', 'UPDATED');
        git(work, 'commit', '--quiet', '-m', 'a new commit');
        git(work, 'push', '--quiet', 'origin', 'HEAD');
        git(bare, 'update-server-info');
      }
      const up = await helm(h, ['plugin', 'update', 'flytemc']);
      assert.is(up.code, 0, up.stderr + up.stdout);
      assert.match(up.stdout, 'Updated plugin: flytemc');
      assert.ok(existsSync(join(dir, 'UPDATED')), 'the update brought the new commit');
      const un = await helm(h, ['plugin', 'uninstall', 'flytemc']);
      assert.is(un.code, 0, un.stderr);
      assert.match(un.stdout, 'removed the Helm 4 post-renderer plugin', `Helm ${major}: ${un.stdout}${un.stderr}`);
      assert.equal({ data: tree(h.data), bin: tree(join(h.dir, 'home', '.local', 'bin')) }, before);
    }
  } finally {
    server.close();
  }
});

test('release tarball: Helm 4 from a URL whatever the content type and from the file; Helm 3 from a gzip URL; Helm 3 from the file with the documented tar form', async () => {
  const out = mkdtempSync(join(tmpdir(), 'flytemc-pkg-'));
  const p = spawnSync(process.execPath, [join(ROOT, 'scripts', 'package-plugin.mjs'), '--out', out, '--no-build'], { encoding: 'utf8' });
  assert.is(p.status, 0, p.stderr);
  const tgz = join(out, 'flytemc-0.1.0.tgz');
  const { server, url } = await serve(out);
  try {
    const ways: Array<[HelmMajor, string, string[]]> = [
      [4, 'URL, application/gzip', [`${url}/ct/application%2Fgzip/flytemc-0.1.0.tgz`, '--verify=false']],
      [4, 'URL, application/octet-stream (GitHub release assets)', [`${url}/ct/application%2Foctet-stream/flytemc-0.1.0.tgz`, '--verify=false']],
      [4, 'URL, no content type', [`${url}/ct/none/flytemc-0.1.0.tgz`, '--verify=false']],
      [4, 'file', [tgz, '--verify=false']],
      [3, 'URL, application/gzip', [`${url}/ct/application%2Fgzip/flytemc-0.1.0.tgz`]],
      [3, 'URL, application/x-gzip', [`${url}/ct/application%2Fx-gzip/flytemc-0.1.0.tgz`]],
    ];
    for (const [major, how, src] of ways) {
      const h = home(major);
      const inst = await helm(h, ['plugin', 'install', ...src]);
      assert.is(inst.code, 0, `Helm ${major} ${how}: ${inst.stderr}`);
      const t = await helm(h, ['flytemc', 'install', 'control-plane', '-f', CLUSTERS, '--template']);
      assert.is(t.code, 0, `Helm ${major} ${how}: ${t.stderr}`);
      assert.match(t.stdout, 'cluster_1_token');
    }
    // what Helm 3.17.2 cannot do, and the documented way instead: extract the flytemc/ folder
    const h3 = home(3);
    const viaFile = await helm(h3, ['plugin', 'install', tgz]);
    assert.match(viaFile.stderr, 'expected plugin to be a folder');
    const viaOctet = await helm(h3, ['plugin', 'install', `${url}/ct/application%2Foctet-stream/flytemc-0.1.0.tgz`]);
    assert.match(viaOctet.stderr, 'Cannot detect VCS');
    for (const major of HELM_MAJORS) {
      const h = home(major);
      const plugins = (await helm(h, ['env', 'HELM_PLUGINS'])).stdout.trim();
      mkdirSync(plugins, { recursive: true });
      const x = spawnSync('tar', ['-xzf', tgz, '-C', plugins, 'flytemc'], { encoding: 'utf8' });
      assert.is(x.status, 0, x.stderr);
      const list = await helm(h, ['plugin', 'list']);
      assert.match(list.stdout, /^flytemc\s/m);
      assert.is((await helm(h, ['flytemc', 'setup'])).code, 0);
      const t = await helm(h, template(CLUSTERS));
      assert.is(t.code, 0, `Helm ${major} tar form: ${t.stderr}`);
    }
    // Helm 4 refuses an unsigned tarball without --verify=false
    const v = await helm(home(4), ['plugin', 'install', tgz]);
    assert.is.not(v.code, 0);
    assert.match(v.stderr, 'no provenance file');
  } finally {
    server.close();
  }
});

test.run();
