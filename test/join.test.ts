// flytemc join / unjoin / rotate / check (the hub's side: --hub-only, these members run no
// flytepropeller; both sides: test/wayback.test.ts) against REAL API servers (test/harness: etcd,
// kube-apiserver and kube-controller-manager per cluster on loopback): cluster-0 is the control
// plane (hub), cluster-1..3 are data planes. cluster-3 is reached through an exec-plugin user,
// to show that the operator's credentials work but never reach the hub. The CLI runs as a
// real process (node + tsx), exactly as users run it; every assertion on credentials is a real
// request with the collected token and CA.
import { test } from './helpers/uvu.ts';
import * as assert from 'uvu/assert';
import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { AppsV1Api, CoreV1Api, RbacAuthorizationV1Api, type KubeConfig, type V1Secret } from '@kubernetes/client-node';
import { startClusters, type ClusterSet } from './harness/cluster.ts';
import { apiStatus, kubeConfigFor, tokenKubeConfig, whoAmI } from './harness/kube.ts';
import { CLI_SOURCE, runNode, type ProcResult } from './helpers/process.ts';

const NS = 'flyte';
const SECRET = 'cluster-credentials';

let set: ClusterSet;
let work: string;
/** The harness kubeconfig, with cluster-3's user replaced by an exec plugin. */
let kubeconfig: string;
let values: string;
const figures: Record<string, string> = {};

type Run = ProcResult;

/** The CLI from source (tsx), so that this file exercises plugin/ as it is. */
const flytemc = (args: string[], env: Record<string, string> = {}): Promise<Run> =>
  runNode(CLI_SOURCE, args, { nodeArgs: ['--import', 'tsx'], env: { PATH: process.env.PATH ?? '', HOME: work, ...env }, timeoutMs: 600_000 });

const k = (i: number) => kubeConfigFor(set.clusters[i]!);
const core = (kc: KubeConfig) => kc.makeApiClient(CoreV1Api);
const name = (i: number) => `cluster-${i}`;
const hubArgs = () => ['--kube-context', 'cluster-0', '--kubeconfig', kubeconfig];

async function hubSecret(): Promise<V1Secret | undefined> {
  try {
    return await core(k(0)).readNamespacedSecret({ name: SECRET, namespace: NS });
  } catch (e) {
    if (apiStatus(e) === 404) return undefined;
    throw e;
  }
}
const decode = (s: V1Secret | undefined) =>
  Object.fromEntries(Object.entries(s?.data ?? {}).map(([key, v]) => [key, Buffer.from(v, 'base64').toString('utf8')]));

async function exists(fn: () => Promise<unknown>): Promise<boolean> {
  try {
    await fn();
    return true;
  } catch (e) {
    if (apiStatus(e) === 404) return false;
    throw e;
  }
}

/** A real request with a token: create a pod (no kubelet runs, so it just stays Pending). */
async function createPodWith(i: number, token: string, caPem: string, podName: string): Promise<void> {
  const kc = tokenKubeConfig(set.clusters[i]!, token, caPem);
  await core(kc).createNamespacedPod({
    namespace: 'default',
    body: { apiVersion: 'v1', kind: 'Pod', metadata: { name: podName }, spec: { containers: [{ name: 'c', image: 'busybox' }] } },
  });
}

async function tokenStatus(i: number, token: string): Promise<number> {
  try {
    await whoAmI(tokenKubeConfig(set.clusters[i]!, token));
    return 200;
  } catch (e) {
    return apiStatus(e) ?? -1;
  }
}

/** Every token the clusters issued for flyteadmin, to make sure none is ever printed. */
async function allTokens(): Promise<string[]> {
  const out: string[] = [];
  for (const i of [1, 2, 3]) {
    try {
      const list = await core(k(i)).listNamespacedSecret({ namespace: NS });
      for (const s of list.items) if (s.data?.token) out.push(Buffer.from(s.data.token, 'base64').toString('utf8'));
    } catch {
      /* namespace not there yet */
    }
  }
  return out.concat(
    Object.entries(decode(await hubSecret()))
      .filter(([key]) => key.endsWith('_token'))
      .map(([, v]) => v),
  );
}

function assertNoToken(r: Run, tokens: string[]): void {
  for (const t of tokens) {
    assert.not.ok(r.stdout.includes(t) || r.stderr.includes(t), 'a token was printed');
    assert.not.ok(r.stdout.includes(t.slice(0, 40)) || r.stderr.includes(t.slice(0, 40)), 'part of a token was printed');
  }
  assert.not.match(r.stdout + r.stderr, /eyJhbGciOi/); // a JWT header
}

test.before(async () => {
  work = mkdtempSync(join(tmpdir(), 'flytemc-join-'));
  set = await startClusters({ n: 4, dir: join(work, 'clusters') });
  // cluster-3 through an exec plugin that hands out its admin client certificate
  const cfg = yaml.load(readFileSync(set.kubeconfigPath, 'utf8')) as { users: Array<{ name: string; user: Record<string, unknown> }> };
  const c3 = set.clusters[3]!;
  const cred = {
    apiVersion: 'client.authentication.k8s.io/v1',
    kind: 'ExecCredential',
    status: { clientCertificateData: readFileSync(c3.adminCertFile, 'utf8'), clientKeyData: readFileSync(c3.adminKeyFile, 'utf8') },
  };
  writeFileSync(join(work, 'cred.json'), JSON.stringify(cred), { mode: 0o600 });
  writeFileSync(join(work, 'exec-plugin.sh'), `#!/bin/sh\ncat '${join(work, 'cred.json')}'\n`, { mode: 0o700 });
  const u = cfg.users.find((x) => x.name === `${c3.name}-admin`)!;
  u.user = { exec: { apiVersion: 'client.authentication.k8s.io/v1', command: join(work, 'exec-plugin.sh'), interactiveMode: 'Never' } };
  kubeconfig = join(work, 'kubeconfig');
  writeFileSync(kubeconfig, yaml.dump(cfg), { mode: 0o600 });
  values = join(work, 'values-cp.yaml');
  writeFileSync(
    values,
    '# control plane values\nmulticluster:\n  role: control-plane  # set by hand\n  credentials:\n    secretName: cluster-credentials\n\nflyte-core:\n  flyteadmin:\n    replicaCount: 1\n',
  );
  chmodSync(values, 0o640);
});

test.after(async () => {
  await set?.stop();
  if (process.env.FLYTEMC_KEEP_CLUSTERS !== '1') rmSync(work, { recursive: true, force: true });
  console.log('\nmeasured:', JSON.stringify(figures, null, 2));
});

test('--dry-run on fresh clusters changes nothing anywhere and prints the plan', async () => {
  const before = readFileSync(values, 'utf8');
  const r = await flytemc(['join', 'cluster-1', 'cluster-2', 'cluster-3', ...hubArgs(), '--label', 'team1=0.5', '--values', values, '--dry-run']);
  assert.is(r.code, 0, r.stderr);
  assert.match(r.stdout, /would create\s+ServiceAccount flyte\/flyteadmin/);
  assert.match(r.stdout, /would update\s+multicluster\.clusters/);
  assert.match(r.stdout, /dry run: nothing was changed/);
  assert.is(readFileSync(values, 'utf8'), before);
  for (const i of [1, 2, 3]) assert.not.ok(await exists(() => core(k(i)).readNamespace({ name: NS })), `namespace flyte created in cluster-${i}`);
  assert.not.ok(await exists(() => core(k(0)).readNamespace({ name: NS })), 'hub namespace created');
});

test('three data planes joined concurrently (three processes): every token + CA creates pods, no key lost', async () => {
  const started = Date.now();
  const runs = await Promise.all(
    [1, 2, 3].map((i) => flytemc(['join', name(i), ...hubArgs(), '--label', `team1=${i === 1 ? 0.5 : 0.25}`, '--values', values])),
  );
  figures['join 3 clusters concurrently (3 processes, wall)'] = `${((Date.now() - started) / 1000).toFixed(1)} s`;
  for (const [i, r] of runs.entries()) assert.is(r.code, 0, `cluster-${i + 1}: ${r.stderr}\n${r.stdout}`);
  // the message says how permissions were proven: on the normal path, one rules review
  for (const r of runs)
    assert.match(
      r.stdout,
      /check +token of ServiceAccount flyte\/flyteadmin +\(ok: system:serviceaccount:flyte:flyteadmin over TLS verified with the \S+ CA; one SelfSubjectRulesReview grants all 12 \(resource, verb\) pairs FlyteAdmin uses\)/,
    );
  const tokens = await allTokens();
  for (const r of runs) assertNoToken(r, tokens);

  const s = await hubSecret();
  const data = decode(s);
  assert.equal(Object.keys(data).sort(), ['cluster-1_cacert', 'cluster-1_token', 'cluster-2_cacert', 'cluster-2_token', 'cluster-3_cacert', 'cluster-3_token']);
  const records = JSON.parse(s!.metadata!.annotations!['flytemc.io/clusters']!) as Record<string, { uid: string; endpoint: string }>;
  assert.equal(Object.keys(records).sort(), ['cluster-1', 'cluster-2', 'cluster-3']);
  for (const i of [1, 2, 3]) {
    const token = data[`${name(i)}_token`]!;
    const ca = data[`${name(i)}_cacert`]!;
    assert.is(ca.trim(), set.clusters[i]!.caPem.trim(), 'the CA is the cluster CA');
    assert.is(records[name(i)]!.endpoint, set.clusters[i]!.server);
    // only the ServiceAccount token reached the hub: not the exec plugin's or the admin's credentials
    assert.is(await whoAmI(tokenKubeConfig(set.clusters[i]!, token, ca)), 'system:serviceaccount:flyte:flyteadmin');
    await createPodWith(i, token, ca, 'joined-probe');
  }
  const hubText = JSON.stringify(s);
  assert.not.ok(
    hubText.includes(Buffer.from(readFileSync(set.clusters[3]!.adminKeyFile)).toString('base64').slice(20, 80)),
    'the exec plugin credential reached the hub',
  );

  const text = readFileSync(values, 'utf8');
  assert.is(statSync(values).mode & 0o777, 0o640, 'file mode kept');
  assert.match(text, /^# control plane values\n/);
  assert.match(text, /role: control-plane {2}# set by hand/);
  const v = yaml.load(text) as {
    multicluster: {
      clusters: {
        clusterConfigs: Array<{ name: string; endpoint: string; enabled: boolean }>;
        labelClusterMap: Record<string, Array<{ id: string; weight: number }>>;
      };
    };
  };
  assert.equal(v.multicluster.clusters.clusterConfigs.map((c) => c.name).sort(), ['cluster-1', 'cluster-2', 'cluster-3']);
  assert.ok(v.multicluster.clusters.clusterConfigs.every((c) => c.enabled === true));
  assert.equal(v.multicluster.clusters.labelClusterMap.team1!.map((r) => `${r.id}=${r.weight}`).sort(), ['cluster-1=0.5', 'cluster-2=0.25', 'cluster-3=0.25']);
  assert.not.ok(
    tokens.some((t) => text.includes(t)),
    'a token in the values file',
  );
});

test('re-running join changes nothing (hub resourceVersion, member objects, values file)', async () => {
  const rv = (await hubSecret())!.metadata!.resourceVersion;
  const file = readFileSync(values, 'utf8');
  const again = await Promise.all(
    [1, 2, 3].map((i) => flytemc(['join', name(i), ...hubArgs(), '--label', `team1=${i === 1 ? 0.5 : 0.25}`, '--values', values, '--restart'])),
  );
  for (const a of again) {
    assert.is(a.code, 0, a.stderr);
    assert.not.match(a.stdout, /^\S+(?: \S+)?\s+(create|update|delete|restart)\s/m, a.stdout);
  }
  assert.is((await hubSecret())!.metadata!.resourceVersion, rv);
  assert.is(readFileSync(values, 'utf8'), file);
});

test('--dry-run after a join prints masked tokens only and changes nothing', async () => {
  const rv = (await hubSecret())!.metadata!.resourceVersion;
  const file = readFileSync(values, 'utf8');
  // rejoin under a changed route, dry: the plan shows the values diff, not a single token
  const r = await flytemc(['join', 'cluster-2', ...hubArgs(), '--label', 'team2=1', '--values', values, '--dry-run']);
  assert.is(r.code, 0, r.stderr);
  assert.match(r.stdout, /\+\s+team2:/);
  assertNoToken(r, await allTokens());
  assert.is((await hubSecret())!.metadata!.resourceVersion, rv);
  assert.is(readFileSync(values, 'utf8'), file);
  // and the unjoin/rotate plans mask them as well
  const u = await flytemc(['unjoin', 'cluster-2', ...hubArgs(), '--values', values, '--dry-run']);
  assert.is(u.code, 0, u.stderr);
  assert.match(u.stdout, /<token: \d+ B, sha256:[0-9a-f]{8}…>/);
  assertNoToken(u, await allTokens());
  const ro = await flytemc(['rotate', 'cluster-2', ...hubArgs(), '--dry-run']);
  assert.is(ro.code, 0, ro.stderr);
  assertNoToken(ro, await allTokens());
  assert.is((await hubSecret())!.metadata!.resourceVersion, rv);
});

test('the same physical cluster under a second name is refused before anything changes', async () => {
  const rv = (await hubSecret())!.metadata!.resourceVersion;
  const r = await flytemc(['join', 'cluster-1', '--name', 'dp-again', ...hubArgs()]);
  assert.is(r.code, 3);
  assert.match(r.stderr, /same physical cluster \(kube-system UID [0-9a-f-]+\) as "cluster-1"/);
  assert.match(r.stderr, /fix: /);
  assert.is((await hubSecret())!.metadata!.resourceVersion, rv);
});

test('check: all OK; then flags a wrong CA and a revoked token (exit 3)', async () => {
  const ok = await flytemc(['check', '--hub-only', ...hubArgs(), '-f', values, '-o', 'json']);
  figures['check 3 clusters (process wall)'] = `${(ok.ms / 1000).toFixed(1)} s`;
  assert.is(ok.code, 0, ok.stderr + ok.stdout);
  const rep = JSON.parse(ok.stdout) as { clusters: Array<{ name: string; verdict: string }>; ms: number };
  figures['check 3 clusters (in process)'] = `${(rep.ms / 1000).toFixed(2)} s`;
  assert.equal(rep.clusters.map((c) => `${c.name}:${c.verdict}`).sort(), ['cluster-1:ok', 'cluster-2:ok', 'cluster-3:ok'], ok.stdout); // file order = the order the concurrent joins finished

  // wrong CA for cluster-1 (cluster-2's CA), revoked token for cluster-2 (its token Secret deleted)
  const s = (await hubSecret())!;
  s.data![`cluster-1_cacert`] = Buffer.from(set.clusters[2]!.caPem).toString('base64');
  await core(k(0)).replaceNamespacedSecret({ name: SECRET, namespace: NS, body: s });
  const oldToken2 = decode(s)['cluster-2_token']!;
  await core(k(2)).deleteNamespacedSecret({ name: 'flyteadmin-token', namespace: NS });
  const deadline = Date.now() + 30_000;
  while ((await tokenStatus(2, oldToken2)) !== 401 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 250));

  const bad = await flytemc(['check', '--hub-only', ...hubArgs(), '-f', values]);
  assert.is(bad.code, 3, bad.stdout + bad.stderr);
  const rows = Object.fromEntries(
    bad.stdout
      .split('\n')
      .filter((l) => /^cluster-\d /.test(l))
      .map((l) => [l.split(/\s+/)[0], l.split(/\s+/)]),
  );
  assert.equal(rows['cluster-1']!.slice(2), ['yes', 'NO', '-', '-', 'FAIL']);
  assert.equal(rows['cluster-2']!.slice(2), ['yes', 'yes', 'NO', '-', 'FAIL']);
  assert.equal(rows['cluster-3']!.slice(2), ['yes', 'yes', 'yes', 'yes', 'OK']);
  assert.match(bad.stdout, /error: cluster cluster-1: TLS verification failed/);
  assert.match(bad.stdout, /error: cluster cluster-2: the API server rejects the token/);
  assert.match(bad.stdout, /2 of 3 clusters FAIL/);
  assertNoToken(bad, await allTokens());

  // join repairs both (kubeconfig CA back in; a new token Secret and token)
  const fix = await flytemc(['join', 'cluster-1', 'cluster-2', ...hubArgs()]);
  assert.is(fix.code, 0, fix.stderr);
  assert.is((await flytemc(['check', '--hub-only', ...hubArgs(), '-f', values])).code, 0);

  // missing permissions: cluster-3's ClusterRoleBinding removed. The rules review then does not grant
  // everything, so the per-check access reviews run and name what is missing.
  await k(3)
    .makeApiClient(RbacAuthorizationV1Api)
    .deleteClusterRoleBinding({ name: `${NS}-flyteadmin-binding` });
  let denied = await flytemc(['check', '--hub-only', ...hubArgs(), '-f', values]);
  for (let i = 0; i < 20 && denied.code === 0; i++) {
    await new Promise((r) => setTimeout(r, 250)); // RBAC's informer catches up
    denied = await flytemc(['check', '--hub-only', ...hubArgs(), '-f', values]);
  }
  assert.is(denied.code, 3, denied.stdout + denied.stderr);
  // named per kind, for what FlyteAdmin does there (flyte-core's templates: Namespace, ResourceQuota; FlyteWorkflow objects)
  assert.match(
    denied.stdout,
    /error: cluster cluster-3: system:serviceaccount:flyte:flyteadmin may not, of what FlyteAdmin needs \(12 of 12 access reviews denied\): Namespace \(namespaces\): create, get, patch; ResourceQuota \(resourcequotas\): create, get, patch; FlyteWorkflow \(flyteworkflows\.flyte\.lyft\.com\): create, get, update, delete, list, watch/,
  );
  const rejoin = await flytemc(['join', 'cluster-3', ...hubArgs()]);
  assert.is(rejoin.code, 0, rejoin.stderr);
  let healed = await flytemc(['check', '--hub-only', ...hubArgs(), '-f', values]);
  for (let i = 0; i < 20 && healed.code !== 0; i++) {
    await new Promise((r) => setTimeout(r, 250));
    healed = await flytemc(['check', '--hub-only', ...hubArgs(), '-f', values]);
  }
  assert.is(healed.code, 0, healed.stdout);
});

test('rotate: new token works, hub updated, the old token is rejected by the real server', async () => {
  const old = decode(await hubSecret())['cluster-1_token']!;
  const r = await flytemc(['rotate', 'cluster-1', ...hubArgs()]);
  figures['rotate 1 cluster (process wall)'] = `${(r.ms / 1000).toFixed(1)} s`;
  assert.is(r.code, 0, r.stderr + r.stdout);
  assert.match(r.stdout, /old token \(Secret flyte\/flyteadmin-token\)\s+\(rejected by the API server \(401\)/, r.stdout);
  const data = decode(await hubSecret());
  const fresh = data['cluster-1_token']!;
  assert.is.not(fresh, old);
  assert.is(await tokenStatus(1, old), 401, 'the old token still works');
  await createPodWith(1, fresh, data['cluster-1_cacert']!, 'rotated-probe');
  assert.not.ok(await exists(() => core(k(1)).readNamespacedSecret({ name: 'flyteadmin-token', namespace: NS })));
  assertNoToken(r, [old, fresh]);
  // a re-run of join keeps the rotated token (no churn)
  const again = await flytemc(['join', 'cluster-1', ...hubArgs()]);
  assert.is(again.code, 0, again.stderr);
  assert.is(decode(await hubSecret())['cluster-1_token'], fresh);
});

test('unjoin one: routes and config gone, hub keys gone, member token revoked, the others intact', async () => {
  const before = decode(await hubSecret());
  const token2 = before['cluster-2_token']!;
  const r = await flytemc(['unjoin', 'cluster-2', ...hubArgs(), '--values', values]);
  assert.is(r.code, 0, r.stderr);
  const after = decode(await hubSecret());
  assert.equal(Object.keys(after).sort(), ['cluster-1_cacert', 'cluster-1_token', 'cluster-3_cacert', 'cluster-3_token']);
  for (const key of Object.keys(after)) assert.is(after[key], before[key], `${key} changed`);
  const v = yaml.load(readFileSync(values, 'utf8')) as {
    multicluster: { clusters: { clusterConfigs: Array<{ name: string }>; labelClusterMap: Record<string, Array<{ id: string }>> } };
  };
  assert.equal(v.multicluster.clusters.clusterConfigs.map((c) => c.name).sort(), ['cluster-1', 'cluster-3']);
  assert.not.ok(JSON.stringify(v.multicluster.clusters.labelClusterMap).includes('cluster-2'));
  assert.match(readFileSync(values, 'utf8'), /role: control-plane {2}# set by hand/);
  const deadline = Date.now() + 30_000;
  while ((await tokenStatus(2, token2)) !== 401 && Date.now() < deadline) await new Promise((res) => setTimeout(res, 250));
  assert.is(await tokenStatus(2, token2), 401);
  assert.not.ok(await exists(() => k(2).makeApiClient(RbacAuthorizationV1Api).readClusterRole({ name: 'flyte-flyteadmin' })));
  // the others still work
  for (const i of [1, 3]) await createPodWith(i, after[`${name(i)}_token`]!, after[`${name(i)}_cacert`]!, 'after-unjoin');
  const chk = await flytemc(['check', '--hub-only', ...hubArgs(), '-f', values]);
  assert.is(chk.code, 0, chk.stdout);
  // idempotent
  const again = await flytemc(['unjoin', 'cluster-2', ...hubArgs(), '--values', values]);
  assert.is(again.code, 0, again.stderr);
  assert.not.match(again.stdout, /^\S+\s+(create|update|delete)\s/m);
});

test('join one cluster (timed), then unjoin --force of an unreachable member', async () => {
  const r = await flytemc(['join', 'cluster-2', ...hubArgs(), '--values', values]);
  assert.is(r.code, 0, r.stderr);
  figures['join 1 cluster (process wall)'] = `${(r.ms / 1000).toFixed(1)} s`;
  figures['join 1 cluster (in process)'] = /in ([\d.]+ s)/.exec(r.stdout)?.[1] ?? '?';

  // a kubeconfig where cluster-2 does not answer
  const cfg = yaml.load(readFileSync(kubeconfig, 'utf8')) as { clusters: Array<{ name: string; cluster: { server: string } }> };
  cfg.clusters.find((c) => c.name === 'cluster-2')!.cluster.server = 'https://127.0.0.1:1';
  const dead = join(work, 'kubeconfig-dead');
  writeFileSync(dead, yaml.dump(cfg), { mode: 0o600 });
  const args = ['unjoin', 'cluster-2', '--kube-context', 'cluster-0', '--kubeconfig', dead, '--values', values];
  const refused = await flytemc(args);
  assert.is(refused.code, 3);
  assert.match(refused.stderr, /connection refused/);
  assert.match(refused.stderr, /--force/);
  assert.ok(decode(await hubSecret())['cluster-2_token'], 'hub changed without --force');
  const forced = await flytemc([...args, '--force']);
  assert.is(forced.code, 0, forced.stderr);
  assert.match(forced.stderr, /unreachable/);
  assert.not.ok(decode(await hubSecret())['cluster-2_token']);
  assert.ok(await exists(() => core(k(2)).readNamespacedSecret({ name: 'flyteadmin-token', namespace: NS })), 'the member was touched');
});

test('join with 3 clusters in one process (bounded parallelism), timed', async () => {
  // start from bare members again: unjoin all (no control plane runs here, so the last one too), then join all three at once
  for (const i of [1, 3]) assert.is((await flytemc(['unjoin', name(i), ...hubArgs(), '--values', values])).code, 0);
  await core(k(2)).deleteNamespacedSecret({ name: 'flyteadmin-token', namespace: NS });
  // the control plane's Deployments (no kubelet: they only exist), to see --restart roll them
  const apps = k(0).makeApiClient(AppsV1Api);
  for (const d of ['flyteadmin', 'syncresources']) {
    await apps.createNamespacedDeployment({
      namespace: NS,
      body: {
        metadata: { name: d },
        spec: {
          selector: { matchLabels: { app: d } },
          template: { metadata: { labels: { app: d }, annotations: { configChecksum: 'x' } }, spec: { containers: [{ name: d, image: 'flyteadmin' }] } },
        },
      },
    });
  }
  const r = await flytemc(['join', 'cluster-1', 'cluster-2', 'cluster-3', ...hubArgs(), '--values', values, '--parallel', '3', '--restart']);
  assert.is(r.code, 0, r.stderr);
  for (const d of ['flyteadmin', 'syncresources']) {
    const dep = await apps.readNamespacedDeployment({ name: d, namespace: NS });
    assert.ok(dep.spec!.template.metadata!.annotations!['flytemc.io/restartedAt'], `${d} not restarted`);
    assert.is(dep.spec!.template.metadata!.annotations!.configChecksum, 'x');
  }
  const again = await flytemc(['join', 'cluster-1', 'cluster-2', 'cluster-3', ...hubArgs(), '--values', values, '--restart']);
  assert.is(again.code, 0, again.stderr);
  assert.not.match(again.stdout, /restart\s+Deployment/, 'restarted although nothing changed');
  figures['join 3 clusters, one process (process wall)'] = `${(r.ms / 1000).toFixed(1)} s`;
  figures['join 3 clusters, one process (in process)'] = /in ([\d.]+ s)/.exec(r.stdout)?.[1] ?? '?';
  assert.equal(Object.keys(decode(await hubSecret())).length, 6);
});

test('token controller that never fills the Secret: a clear error naming it', async () => {
  // a token Secret for a ServiceAccount that does not exist is never filled (and gets deleted)
  const { waitForToken } = await import('../plugin/cluster/member-token.ts');
  const { connect } = await import('../plugin/cluster/kube.ts');
  const m = await connect('cluster-1', { kubeconfig, timeoutMs: 5_000 });
  await core(k(1))
    .createNamespacedSecret({
      namespace: NS,
      body: {
        metadata: { name: 'never-filled', annotations: { 'kubernetes.io/service-account.name': 'nobody' } },
        type: 'kubernetes.io/service-account-token',
      },
    })
    .catch(() => undefined);
  try {
    await waitForToken(m, NS, 'never-filled', 1_500);
    assert.unreachable('no error');
  } catch (e) {
    assert.match((e as Error).message, /token controller|kube-controller-manager/);
    assert.match((e as Error).message, /fix: /);
  }
});

test.run();
