// A data plane without a long-lived token, with the REAL FlyteAdmin, DataCatalog and FlytePropeller
// v1.16.8 (../shared/flyte) on harness clusters (test/harness): cp (the control plane) and dp1,
// installed and joined with flytemc's own commands (`flytemc install data-plane` with no token
// Secret, `flytemc join --auth exec`, `flytemc install control-plane`), then run from what the API
// servers store (test/flyte: FlyteAdmin's credential proxy is its rendered native sidecar,
// `kubectl proxy` 1.32 with the rendered kubeconfig, started and probed before the init containers).
// The exec plugin (test/flyte/exec-plugin.mjs) stands in for a cloud's workload identity: each run
// mints a TokenRequest token bound to a new Secret of dp1, reported to client-go as valid for 15 s.
// What it proves:
//   - sync-cluster-resources creates the project namespaces in dp1 through the proxy, smoke and
//     executions succeed there;
//   - a credential past its reported expiry is renewed before use: no request fails;
//   - a credential revoked (its bound Secret deleted) is refused by the API server; FlyteAdmin's next
//     call through the proxy fails once, the proxy fetches a new one, and the call after succeeds;
//     the next sync run recovers too;
//   - `check` proves the proxied cluster from both sides, and reports an identity without the
//     permissions and a long-lived token left in the hub; the chart refuses Kubernetes < 1.29;
//   - no Secret, ConfigMap or Helm release of the control plane holds a data-plane token.
import { test } from './helpers/uvu.ts';
import { Figures, secs, show } from './helpers/figures.ts';
import * as assert from 'uvu/assert';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { AppsV1Api, CoreV1Api } from '@kubernetes/client-node';
import { freePorts, startClusters, type ClusterSet } from './harness/cluster.ts';
import { apiStatus, kubeConfigFor, tokenKubeConfig, whoAmI } from './harness/kube.ts';
import { helmBinary, helmEnv, kubectlBinary, prepareChart, ROOT } from './helpers/helm.ts';
import { CLI, runNode, type ProcResult } from './helpers/process.ts';
import { Transcript, findLeaks, storedReleases, type NamedSecret } from './helpers/e2e.ts';
import { NS, podDir, prepareSite, startControlPlane, type ControlPlane, type Site } from './flyte/flyte.ts';
import { startPropeller, type Propeller } from './flyte/propeller.ts';
import { launch, placedOn, runExecutions, waitEnded } from './flyte/executions.ts';
import { FlyteAdmin } from '../plugin/flyteadmin/client.ts';
import { executionNames } from '../plugin/config/routes.ts';
import { proxyLogProblem } from '../plugin/cluster/proxy-status.ts';

const work = mkdtempSync(join(tmpdir(), 'flytemc-proxy-'));
const figures = new Figures();
const timed = figures.timed.bind(figures);

let set: ClusterSet;
let site: Site;
let cp: ControlPlane;
let propeller: Propeller;
let proxyPort: number;
const files = { shared: join(work, 'shared-values.yaml'), host: join(work, 'host-values.yaml'), my: join(work, 'my-values.yaml') };
const cluster = (name: string) => set.clusters.find((c) => c.name === name)!;
const kc = (name: string) => kubeConfigFor(cluster(name));
const admin = () => new FlyteAdmin({ url: site.adminUrl, timeoutMs: 15_000 });

/** The stand-in for the cloud: where the exec plugin mints dp1's tokens, and its log of every token. */
const IDENTITY = { file: join(work, 'cloud', 'identity.json'), log: join(work, 'cloud', 'minted.jsonl') };
const REPORTED_SECONDS = 15;
interface Minted {
  at: string;
  cluster: string;
  bound: string;
  expires: string;
  token: string;
}
const minted = (): Minted[] => {
  try {
    return readFileSync(IDENTITY.log, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as Minted);
  } catch {
    return [];
  }
};

const transcript = new Transcript();
let env: NodeJS.ProcessEnv;
/** `flytemc ARGS`, the built CLI as users run it, with Helm 3 as their `helm`. */
async function flytemc(args: string[]): Promise<ProcResult> {
  const r = await runNode(CLI, args, { env, cwd: work, timeoutMs: 240_000 });
  transcript.proc(`flytemc ${args[0]}`, r);
  return r;
}

/** The API server's answer to dp1's token: 200 while it accepts it. */
async function tokenStatus(token: string): Promise<number> {
  try {
    await whoAmI(tokenKubeConfig(cluster('dp1'), token));
    return 200;
  } catch (e) {
    return apiStatus(e) ?? -1;
  }
}

/** Deletes the object the last token is bound to, and waits until the API server refuses that token (its authentication cache holds it a few seconds). */
async function revokeLast(): Promise<{ token: Minted; refusedAfterMs: number }> {
  const token = minted().at(-1)!;
  await kc('dp1').makeApiClient(CoreV1Api).deleteNamespacedSecret({ name: token.bound, namespace: NS });
  const t = Date.now();
  while ((await tokenStatus(token.token)) !== 401) {
    assert.ok(Date.now() - t < 60_000, 'the API server still accepts a token whose bound object is gone after 60 s');
    await new Promise((res) => setTimeout(res, 250));
  }
  return { token, refusedAfterMs: Date.now() - t };
}

test.before(async () => {
  prepareChart();
  [set, site] = await timed('start 2 clusters, PostgreSQL, unpack the programs', () =>
    Promise.all([startClusters({ names: ['cp', 'dp1'], dir: join(work, 'clusters') }), prepareSite(work)]),
  );
  [proxyPort] = (await freePorts(1)) as [number];
  writeFileSync(files.shared, yaml.dump(site.sharedValues));
  writeFileSync(files.host, yaml.dump(site.hostValues));
  writeFileSync(files.my, yaml.dump({ multicluster: { credentialProxy: { image: 'registry.example.com/kubectl-test-identity:1.32' } } }));
  // the cloud: dp1's API server and a client certificate allowed to request tokens, outside every cluster
  const dp1 = cluster('dp1');
  mkdirSync(join(work, 'cloud'), { recursive: true, mode: 0o700 });
  const identity = {
    log: IDENTITY.log,
    clusters: {
      dp1: {
        server: dp1.server,
        ca: dp1.caPem,
        cert: readFileSync(dp1.adminCertFile, 'utf8'),
        key: readFileSync(dp1.adminKeyFile, 'utf8'),
        namespace: NS,
        serviceAccount: 'flyteadmin',
        reportSeconds: REPORTED_SECONDS,
      },
    },
  };
  writeFileSync(IDENTITY.file, JSON.stringify(identity), { mode: 0o600 });
  // the proxy's "image": kubectl 1.32 and the exec plugin on its PATH
  const plugin = join(work, 'cloud', 'flytemc-test-identity');
  writeFileSync(plugin, `#!/bin/sh\nexec '${process.execPath}' '${join(ROOT, 'test', 'flyte', 'exec-plugin.mjs')}' '${IDENTITY.file}' "$@"\n`);
  chmodSync(plugin, 0o755);
  site.tools.kubectl = kubectlBinary(3);
  site.tools['flytemc-test-identity'] = plugin;
  const home = join(work, 'home');
  mkdirSync(home, { recursive: true });
  env = { ...helmEnv(join(work, 'helm'), { kubeconfig: set.kubeconfigPath, extra: { HOME: home, FLYTEMC_PROGRESS: '0', FLYTEMC_HELM: helmBinary(3) } }) };
});

test.after(async () => {
  await propeller?.stop().catch(() => {});
  await cp?.stop().catch(() => {});
  await site?.pg.stop().catch(() => {});
  await set?.stop();
  figures.print('credential proxy, real Flyte');
  if (process.env.FLYTEMC_KEEP_CLUSTERS !== '1') rmSync(work, { recursive: true, force: true });
});

test('install: the data plane without a token Secret, join --auth exec, the control plane; nothing holds a token', async () => {
  const dp = await timed('install the data plane', () =>
    flytemc([
      'install',
      'data-plane',
      '--name',
      'dp1',
      '--kube-context',
      'dp1',
      '-n',
      NS,
      '--create-namespace',
      '-f',
      files.shared,
      '--set',
      'multicluster.dataPlane.longLivedToken=false',
    ]),
  );
  assert.is(dp.code, 0, show(dp));
  const join_ = await timed('join dp1 --auth exec', () =>
    flytemc([
      'join',
      'dp1',
      '--kube-context',
      'cp',
      '-n',
      NS,
      '--auth',
      'exec',
      '--exec-command',
      'flytemc-test-identity',
      '--exec-arg',
      'dp1',
      '--identity',
      `system:serviceaccount:${NS}:flyteadmin`,
      '--proxy-port',
      String(proxyPort),
      '--values',
      files.my,
      '--label',
      'team1',
    ]),
  );
  assert.is(join_.code, 0, show(join_));
  assert.match(join_.stdout, /check\s+user system:serviceaccount:flyte:flyteadmin\s+\(may do all 12/);
  const hub = await kc('cp').makeApiClient(CoreV1Api).readNamespacedSecret({ name: 'cluster-credentials', namespace: NS });
  assert.equal(Object.keys(hub.data ?? {}), ['dp1_cacert'], 'the hub holds the CA only');
  const tokens = await kc('dp1').makeApiClient(CoreV1Api).listNamespacedSecret({ namespace: NS, fieldSelector: 'type=kubernetes.io/service-account-token' });
  assert.equal(
    tokens.items.map((s) => s.metadata?.name),
    [],
    'no long-lived token in the data plane either',
  );
  const recorded = yaml.load(readFileSync(files.my, 'utf8')) as { multicluster: { clusters: { clusterConfigs: Array<Record<string, unknown>> } } };
  assert.equal(recorded.multicluster.clusters.clusterConfigs[0]!.credentialProxy, {
    exec: { apiVersion: 'client.authentication.k8s.io/v1beta1', command: 'flytemc-test-identity', args: ['dp1'] },
    identity: 'system:serviceaccount:flyte:flyteadmin',
    port: proxyPort,
  });

  const old = await flytemc(['install', 'control-plane', '-n', NS, '-f', files.shared, '-f', files.my, '--template', '--kube-version', '1.28.0']);
  assert.is(old.code, 1, show(old));
  assert.match(old.stderr, /dp1 reached through a credential proxy .*Kubernetes 1\.29 or later, and this control plane's cluster is v1\.28\.0/);

  const up = await timed('install the control plane', () =>
    flytemc(['install', 'control-plane', '--kube-context', 'cp', '-n', NS, '-f', files.shared, '-f', files.my, '-f', files.host]),
  );
  assert.is(up.code, 0, show(up));
  const cm = await kc('cp').makeApiClient(CoreV1Api).readNamespacedConfigMap({ name: 'flyte-admin-clusters-config', namespace: NS });
  const entry = (yaml.load(cm.data!['clusters.yaml']!) as { clusters: { clusterConfigs: Array<Record<string, any>> } }).clusters.clusterConfigs[0]!;
  assert.is(entry.endpoint, `http://127.0.0.1:${proxyPort}`);
  assert.is(entry.auth.tokenPath, '/dev/null');
  assert.is(entry.credentialProxy.server, cluster('dp1').server);
  const d = await kc('cp').makeApiClient(AppsV1Api).readNamespacedDeployment({ name: 'flyteadmin', namespace: NS });
  const first = d.spec!.template.spec!.initContainers![0]!;
  assert.equal([first.name, first.restartPolicy, first.command], ['flytemc-proxy-dp1', 'Always', ['kubectl']]);
});

test('the real FlyteAdmin starts behind its proxy sidecar: sync creates the namespaces in dp1, smoke and executions succeed there', async () => {
  cp = await timed('FlyteAdmin (proxy sidecar, migrations, seed, sync) and DataCatalog up', () => startControlPlane(site, cluster('cp')));
  propeller = await timed('FlytePropeller of dp1 started', () =>
    startPropeller({ cluster: cluster('dp1'), root: site.root, dir: podDir(site.root, 'dp1', 'flytepropeller'), bins: site.bins }),
  );
  const core = kc('dp1').makeApiClient(CoreV1Api);
  const names = new Set((await core.listNamespace()).items.map((n) => n.metadata!.name!));
  for (const p of ['flytesnacks', 'flyteexamples', 'flytetester'])
    for (const d of ['development', 'staging', 'production']) assert.ok(names.has(`${p}-${d}`), `dp1 has namespace ${p}-${d}`);
  assert.ok(minted().length >= 1, 'the proxy minted its credentials with the exec plugin');
  const smoke = await timed('smoke through the proxy', () => flytemc(['smoke', '--admin', site.adminUrl, '--kube-context', 'cp', '-n', NS, '-o', 'json']));
  assert.is(smoke.code, 0, show(smoke));
});

test('a credential past its reported expiry is renewed before use: every call succeeds', async () => {
  const before = minted().length;
  const last = new Date(minted().at(-1)!.expires).getTime();
  await new Promise((res) => setTimeout(res, Math.max(0, last - Date.now()) + 1000));
  const [name] = executionNames(1, `expiry-${Date.now()}`);
  const results = await runExecutions(admin(), [{ name: name!, label: 'pin-dp1' }]);
  assert.equal([placedOn(results.get(name!)!), results.get(name!)!.closure.phase], ['dp1', 'SUCCEEDED']);
  assert.is(minted().length, before + 1, 'one new credential, fetched before the request');
});

test("a credential revoked: the API server refuses it; FlyteAdmin's next execution fails once (the proxy got a 401 and fetched a new credential), the next one succeeds", async () => {
  const { token, refusedAfterMs } = await revokeLast();
  figures.push(['revoked token refused by the API server after', secs(refusedAfterMs)]);
  assert.is(await tokenStatus(token.token), 401, 'the old token is refused');
  const before = minted().length;
  const [a, b, c] = executionNames(3, `revoked-${Date.now()}`) as [string, string, string];
  // FlyteAdmin accepts the execution, then its creation in dp1 gets the proxy's 401: it fails, unplaced
  await launch(admin(), [{ name: a, label: 'pin-dp1' }]);
  const [failed] = [...(await waitEnded(admin(), [{ name: a }])).values()];
  assert.equal([placedOn(failed!), failed!.closure.phase], ['', 'FAILED'], 'the first execution after the revocation');
  const why = String((failed!.closure as { error?: { message?: string } }).error?.message ?? '');
  assert.match(why, /Unauthorized/, why);
  figures.push(['what the first execution after a revocation says', why.replace(/\s+/g, ' ').slice(0, 160)]);
  const fresh = minted().slice(before);
  assert.is(fresh.length, 1, 'the proxy fetched one new credential, after the 401');
  assert.is(await tokenStatus(fresh[0]!.token), 200, 'the new token works');
  // the next calls go through: a new execution, and the failed one launched again
  const results = await runExecutions(admin(), [
    { name: b, label: 'pin-dp1' },
    { name: c, label: 'pin-dp1' },
  ]);
  for (const n of [b, c]) assert.equal([placedOn(results.get(n)!), results.get(n)!.closure.phase], ['dp1', 'SUCCEEDED'], n);
  assert.is(minted().length, before + 1, 'no further credential was needed');
});

test('sync after a revocation: its next run recreates what the failed one could not', async () => {
  await revokeLast();
  const core = kc('dp1').makeApiClient(CoreV1Api);
  await core.deleteNamespacedResourceQuota({ name: 'project-quota', namespace: 'flytetester-staging' });
  const log = join(podDir(site.root, 'control-plane', 'flyteadmin'), 'sync-cluster-resources.log');
  const run1 = await cp.adminPod.runToEnd('sync-cluster-resources').then(
    () => 'exit 0',
    (e: Error) => e.message.split(';')[0]!,
  );
  const said = readFileSync(log, 'utf8')
    .split('\n')
    .filter((l) => /Unauthorized|provide credentials/.test(l));
  figures.push(['sync run 1 after a revocation', `${run1}; ${said.length} lines say 401: ${said[0]?.slice(0, 300)}`]);
  assert.match(run1, /sync-cluster-resources failed \(2\)/, 'the run that met the 401 fails');
  assert.ok(said.length > 0, 'its log says why: the server asked for credentials');
  const run2 = await cp.adminPod.runToEnd('sync-cluster-resources').then(
    () => 'exit 0',
    (e: Error) => e.message,
  );
  assert.is(run2, 'exit 0', 'the next sync run succeeds');
  await core.readNamespacedResourceQuota({ name: 'project-quota', namespace: 'flytetester-staging' });
});

test("check: the proxied cluster from both sides (TLS with its CA, the identity's permissions by SubjectAccessReview, the deployed sidecars)", async () => {
  const r = await flytemc(['check', '--kube-context', 'cp', '-n', NS, '-o', 'json']);
  assert.is(r.code, 0, show(r));
  const row = (
    JSON.parse(r.stdout) as {
      clusters: Array<{ name: string; endpoint: string; proxied: boolean; findings: Array<{ check: string; ok: boolean | null; value?: string }> }>;
    }
  ).clusters[0]!;
  assert.equal([row.name, row.endpoint, row.proxied], ['dp1', cluster('dp1').server, true]);
  const ok = Object.fromEntries(row.findings.map((f) => [f.check, f.ok]));
  assert.equal(ok, {
    reachable: true,
    tls: true,
    token: true,
    permissions: true,
    proxy: true,
    deployed: true,
    installed: true,
    alive: true,
    admin: true,
    catalog: true,
    'cluster-id': true,
    storage: true,
  });
  const table = await flytemc(['check', '--kube-context', 'cp', '-n', NS]);
  process.stdout.write(`\n$ flytemc check --kube-context cp -n ${NS}\n${table.stdout}`);
  assert.match(table.stdout, /^NAME\s+ENDPOINT\s+REACHABLE\s+TLS\s+TOKEN\s+PERMISSIONS\s+PROXY\s+DEPLOYED/m);
  assert.match(table.stdout, /^dp1\s+https:\/\/127\.0\.0\.1:\d+\s+yes\s+yes\s+proxy\s+yes\s+yes\s+yes/m);
});

test('check, bad input: an identity without the permissions, a long-lived token left in the hub; each FAIL with the fix (exit 3)', async () => {
  const values = yaml.load(readFileSync(files.my, 'utf8')) as {
    multicluster: { clusters: { clusterConfigs: Array<{ credentialProxy: { identity: string } }> } };
  };
  values.multicluster.clusters.clusterConfigs[0]!.credentialProxy.identity = 'system:serviceaccount:flyte:nobody';
  const bad = join(work, 'nobody-values.yaml');
  writeFileSync(bad, yaml.dump(values));
  const r = await flytemc(['check', '--kube-context', 'cp', '-n', NS, '-f', bad]);
  assert.is(r.code, 3, show(r));
  assert.match(
    r.stdout,
    /error: cluster dp1: system:serviceaccount:flyte:nobody \(the credential proxy's identity\) may not, of what FlyteAdmin needs \(12 of 12 SubjectAccessReviews denied\): Namespace \(namespaces\): create, get, patch;.*\n {2}fix: bind ClusterRole flyte-flyteadmin to it/,
  );
  const core = kc('cp').makeApiClient(CoreV1Api);
  const secret = await core.readNamespacedSecret({ name: 'cluster-credentials', namespace: NS });
  await core.replaceNamespacedSecret({
    name: 'cluster-credentials',
    namespace: NS,
    body: { ...secret, data: { ...secret.data, dp1_token: Buffer.from('a-long-lived-token-left-behind').toString('base64') } },
  });
  const left = await flytemc(['check', '--kube-context', 'cp', '-n', NS, '--hub-only']);
  assert.is(left.code, 3, show(left));
  assert.match(
    left.stdout,
    /error: cluster dp1: Secret flyte\/cluster-credentials still holds dp1_token, a long-lived token.*\n {2}fix: remove it: kubectl --context cp -n flyte patch secret cluster-credentials --type json/,
  );
  const now = await core.readNamespacedSecret({ name: 'cluster-credentials', namespace: NS });
  delete now.data!.dp1_token;
  await core.replaceNamespacedSecret({ name: 'cluster-credentials', namespace: NS, body: now });
});

test("the exec plugin missing from the image, then failing: FlyteAdmin's calls fail, the proxy says why in its log, and check reads it with the fix; fixed, the next call succeeds", async () => {
  const sidecarLog = join(podDir(site.root, 'control-plane', 'flyteadmin'), 'flytemc-proxy-dp1.log');
  const link = join(podDir(site.root, 'control-plane', 'flyteadmin'), 'bin', 'flytemc-test-identity');
  const attempt = async (tag: string) => {
    const [n] = executionNames(1, `${tag}-${Date.now()}`) as [string];
    await launch(admin(), [{ name: n, label: 'pin-dp1' }]);
    return (await waitEnded(admin(), [{ name: n }])).get(n)!;
  };
  // missing: the plugin is not on the proxy's PATH when its credential dies
  rmSync(link);
  await revokeLast();
  const logBefore = readFileSync(sidecarLog, 'utf8').length;
  const missing = await attempt('missing');
  assert.is(missing.closure.phase, 'FAILED');
  const missingLog = readFileSync(sidecarLog, 'utf8').slice(logBefore);
  const p1 = proxyLogProblem(missingLog, 'dp1');
  assert.ok(p1, missingLog);
  assert.match(p1!.problem, /cannot run its exec plugin: flytemc-test-identity is not in its image/);
  assert.match(p1!.fix, /use an image with flytemc-test-identity on its PATH/);
  // failing: the plugin runs, but the cloud refuses the pods' identity (here: a ServiceAccount that does not exist)
  symlinkSync(site.tools['flytemc-test-identity']!, link);
  const identity = JSON.parse(readFileSync(IDENTITY.file, 'utf8'));
  const good = structuredClone(identity);
  identity.clusters.dp1.serviceAccount = 'nobody';
  writeFileSync(IDENTITY.file, JSON.stringify(identity), { mode: 0o600 });
  const logMid = readFileSync(sidecarLog, 'utf8').length;
  const failing = await attempt('failing');
  assert.is(failing.closure.phase, 'FAILED');
  const failingLog = readFileSync(sidecarLog, 'utf8').slice(logMid);
  const p2 = proxyLogProblem(failingLog, 'dp1');
  assert.ok(p2, failingLog);
  assert.match(p2!.problem, /the exec plugin of dp1's credential proxy fails \(flytemc-test-identity exit code 1: exec-plugin: .*HTTP 404\)/);
  assert.match(p2!.fix, /check the pods' identity/);
  // fixed in the cloud: the proxy still holds the revoked credential until its reported expiry or
  // the next 401, so the first call after the fix fails once more unless that expiry has passed
  writeFileSync(IDENTITY.file, JSON.stringify(good), { mode: 0o600 });
  const cached = minted().at(-1)!;
  const left = new Date(cached.expires).getTime() - Date.now();
  if (left > 0 && left < 3000) await new Promise((res) => setTimeout(res, left + 500)); // not at the edge of its expiry
  const stillCached = left >= 3000;
  const fixed = await attempt('fixed');
  if (stillCached) {
    assert.equal([placedOn(fixed), fixed.closure.phase], ['', 'FAILED'], 'the first call after the fix, with the revoked credential still cached');
    const again = await attempt('fixed-again');
    assert.equal([placedOn(again), again.closure.phase], ['dp1', 'SUCCEEDED']);
  } else assert.equal([placedOn(fixed), fixed.closure.phase], ['dp1', 'SUCCEEDED'], 'the cached credential had expired: refreshed before the call');
  assert.ok(minted().at(-1)!.at > cached.at, 'a new credential was minted');
});

test('no Secret, ConfigMap or Helm release of the control plane holds a data-plane token; nor any output', async () => {
  const tokens: NamedSecret[] = minted().map((m, i) => ({ name: `dp1 token ${i + 1} (bound to ${m.bound})`, value: m.token }));
  assert.ok(tokens.length >= 3, `${tokens.length} tokens minted`);
  figures.push(['short-lived tokens the proxy got from the exec plugin', String(tokens.length)]);
  const core = kc('cp').makeApiClient(CoreV1Api);
  const objects = new Transcript();
  for (const s of (await core.listSecretForAllNamespaces()).items) objects.add(`Secret ${s.metadata?.namespace}/${s.metadata?.name}`, JSON.stringify(s));
  for (const c of (await core.listConfigMapForAllNamespaces()).items) objects.add(`ConfigMap ${c.metadata?.namespace}/${c.metadata?.name}`, JSON.stringify(c));
  for (const r of await storedReleases(kc('cp'))) objects.add(`release ${r.name} v${r.version}`, r.json);
  assert.ok(objects.streams.length > 10, `${objects.streams.length} objects`);
  assert.equal(findLeaks([...objects.streams, ...transcript.streams], tokens), []);
});

test.run();
