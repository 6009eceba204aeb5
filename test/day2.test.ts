// Day 2 on REAL API servers (test/harness) with real Helm 3 and Helm 4, every command through the
// CLI (from source) as users run it, on clusters named as docs/join.md names them: cp is the
// control plane (hub), dp1..3 are data planes.
// No kubelet runs pods, so this test plays the Deployment controller: it writes a Deployment's
// status (observed generation, updated, available replicas) when it chooses to.
//
//   - join before `install data-plane` (and after it), on Helm 3 (dp2) and Helm 4
//     (dp3): the install adopts what join created; the hub's token keeps working
//   - `helm flytemc join` in Helm's default namespace while flytepropeller runs in flyte: said on
//     the first line, refused naming -n flyte, nothing created
//   - check: a joined cluster FlyteAdmin does not list yet is "not deployed yet" until the upgrade
//   - rotate: a watcher calling the API server with the old token sees it accepted until the new
//     pods are reported available, and refused only after; --no-restart then --finish; a rollout
//     that does not finish in time keeps the old token and the printed --finish completes it
//   - unjoin in two phases around the printed upgrade of the control plane; the last data plane
//     refused; a values file that is not there
//   - docs/join.md's day-2 blocks (marked for this file) run as written, in a shell, in the state
//     these steps leave: `flytemc`, `helm` and `kubectl` on PATH, the docs' file names
import { test } from './helpers/uvu.ts';
import * as assert from 'uvu/assert';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import yaml from 'js-yaml';
import { AppsV1Api, CoreV1Api, RbacAuthorizationV1Api, type KubeConfig, type V1Secret } from '@kubernetes/client-node';
import { startClusters, type ClusterSet } from './harness/cluster.ts';
import { apiStatus, kubeConfigFor, tokenKubeConfig, whoAmI } from './harness/kube.ts';
import { helmBinary, helmEnv, kubectlBinary, prepareChart, runHelm, type HelmMajor } from './helpers/helm.ts';
import { storedReleases } from './helpers/e2e.ts';
import { objects } from './helpers/manifests.ts';
import { CLI, CLI_SOURCE, runNode, runProcess, type ProcResult } from './helpers/process.ts';
import { blocks } from './helpers/docs.ts';
import { ROOT } from '../scripts/shared.mjs';

const NS = 'flyte';
const SECRET = 'cluster-credentials';
const work = mkdtempSync(join(tmpdir(), 'flytemc-day2-'));
prepareChart();
let set: ClusterSet;
const envs = {} as Record<HelmMajor, NodeJS.ProcessEnv>;
/** The docs' file names (docs/join.md), in the folder the docs' blocks run in. */
const values = join(work, 'values-cp.yaml');
const shared = join(work, 'shared-values.yaml');
const figures: Array<[string, string]> = [];

/** The CLI from source (tsx) with one Helm (FLYTEMC_HELM) and its isolated homes. */
const flytemc = (args: string[], major: HelmMajor = 3, extra: NodeJS.ProcessEnv = {}): Promise<ProcResult> =>
  runNode(CLI_SOURCE, args, {
    nodeArgs: ['--import', 'tsx'],
    env: { ...envs[major], FLYTEMC_HELM: helmBinary(major), HOME: work, FLYTEMC_PROGRESS: '0', ...extra },
    timeoutMs: 300_000,
  });
const show = (r: ProcResult) => `exit ${r.code}\n--- stdout:\n${r.stdout}\n--- stderr:\n${r.stderr}`;
const hub = () => ['--kube-context', 'cp', '--kubeconfig', set.kubeconfigPath, '-n', NS];
const kc = (i: number) => kubeConfigFor(set.clusters[i]!);
const core = (i: number) => kc(i).makeApiClient(CoreV1Api);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function hubSecret(): Promise<V1Secret> {
  return core(0).readNamespacedSecret({ name: SECRET, namespace: NS });
}
const hubData = async (): Promise<Record<string, string>> =>
  Object.fromEntries(Object.entries((await hubSecret()).data ?? {}).map(([k, v]) => [k, Buffer.from(v, 'base64').toString('utf8')]));

async function tokenStatus(i: number, token: string): Promise<number> {
  try {
    await whoAmI(tokenKubeConfig(set.clusters[i]!, token));
    return 200;
  } catch (e) {
    return apiStatus(e) ?? -1;
  }
}

async function exists(fn: () => Promise<unknown>): Promise<boolean> {
  try {
    await fn();
    return true;
  } catch (e) {
    if (apiStatus(e) === 404) return false;
    throw e;
  }
}

// ---------------------------------------------------------------------------------------------
// playing the Deployment controller and the kubelet

/** Every Deployment of the namespace whose rollout is open: its new pods reported available now. */
async function rollOut(k: KubeConfig, ns = NS): Promise<string[]> {
  const apps = k.makeApiClient(AppsV1Api);
  const done: string[] = [];
  for (const d of (await apps.listNamespacedDeployment({ namespace: ns })).items) {
    const g = d.metadata!.generation ?? 1;
    const n = d.spec?.replicas ?? 1;
    if ((d.status?.observedGeneration ?? 0) >= g && d.status?.availableReplicas === n) continue;
    d.status = { observedGeneration: g, replicas: n, updatedReplicas: n, readyReplicas: n, availableReplicas: n };
    await apps.replaceNamespacedDeploymentStatus({ name: d.metadata!.name!, namespace: ns, body: d });
    done.push(d.metadata!.name!);
  }
  return done;
}

/** The controller as a loop: a rollout it sees open is finished `delayMs` later (its pods take that long to start). */
function controller(k: KubeConfig, delayMs: number): { stop: () => Promise<void>; finished: Array<{ at: number; names: string[] }> } {
  const finished: Array<{ at: number; names: string[] }> = [];
  let running = true;
  const apps = k.makeApiClient(AppsV1Api);
  const loop = (async () => {
    let seenOpenAt: number | undefined;
    while (running) {
      const open = (await apps.listNamespacedDeployment({ namespace: NS })).items.some(
        (d) => (d.status?.observedGeneration ?? 0) < (d.metadata?.generation ?? 1),
      );
      if (open && seenOpenAt === undefined) seenOpenAt = Date.now();
      if (open && seenOpenAt !== undefined && Date.now() - seenOpenAt >= delayMs) {
        const names = await rollOut(k);
        finished.push({ at: Date.now(), names });
        seenOpenAt = undefined;
      }
      await sleep(50);
    }
  })();
  return {
    finished,
    stop: async () => {
      running = false;
      await loop;
    },
  };
}

/** Every cluster a deployed ConfigMap of FlyteAdmin lists has its keys in the hub Secret (else FlyteAdmin would not start). */
async function assertFlyteAdminStarts(label: string): Promise<void> {
  const data = await hubData();
  for (const cm of (await core(0).listNamespacedConfigMap({ namespace: NS })).items) {
    const text = cm.data?.['clusters.yaml'];
    if (!text) continue;
    const names = ((yaml.load(text) as { clusters?: { clusterConfigs?: Array<{ name: string }> } }).clusters?.clusterConfigs ?? []).map((c) => c.name);
    for (const n of names)
      assert.ok(`${n}_token` in data && `${n}_cacert` in data, `${label}: ConfigMap ${cm.metadata?.name} lists ${n}, whose keys the hub lacks`);
  }
}

/** `flytemc install control-plane` with the shared values and the joined clusters, then its Deployments rolled out. */
async function installControlPlane(label: string): Promise<void> {
  const r = await flytemc(['install', 'control-plane', '--kube-context', 'cp', '-n', NS, '--create-namespace', '-f', shared, '-f', values]);
  assert.is(r.code, 0, `${label}: ${show(r)}`);
  await rollOut(kc(0));
}

test.before(async () => {
  set = await startClusters({ names: ['cp', 'dp1', 'dp2', 'dp3'], dir: join(work, 'clusters') });
  for (const major of [3, 4] as const) envs[major] = helmEnv(join(work, `helm${major}`), { kubeconfig: set.kubeconfigPath });
  writeFileSync(
    shared,
    yaml.dump({
      multicluster: { controlPlane: { adminEndpoint: 'dns:///flyte.example.com:443', catalogIngress: true } },
      'flyte-core': { storage: { type: 's3', bucketName: 'flyte-meta', s3: { region: 'us-east-1' } } },
    }),
  );
  writeFileSync(values, '# the control plane\nmulticluster:\n  credentials:\n    secretName: cluster-credentials\n');
});

for (const major of [3, 4] as const) {
  const i = major - 1; // Helm 3: dp2, Helm 4: dp3
  const ctx = `dp${i}`;
  test(`Helm ${major}: join on a bare ${ctx}, then \`install data-plane\`: the install adopts what join created and the hub's token keeps working; install first, then join, too`, async () => {
    const j = await flytemc(['join', ctx, ...hub()], major);
    assert.is(j.code, 0, show(j));
    assert.match(j.stdout.split('\n')[0]!, /^namespace flyte \(from --namespace\), hub cp$/, show(j));
    const token = (await hubData())[`${ctx}_token`]!;
    const sa = await core(i).readNamespacedServiceAccount({ name: 'flyteadmin', namespace: NS });
    assert.equal(sa.metadata!.labels, { 'app.kubernetes.io/managed-by': 'Helm', 'flytemc.io/created-by': 'join', 'flytemc.io/cluster-name': ctx });
    assert.equal(sa.metadata!.annotations, { 'meta.helm.sh/release-name': 'flyte', 'meta.helm.sh/release-namespace': NS });

    const t = performance.now();
    const install = await flytemc(['install', 'data-plane', '--name', ctx, '--kube-context', ctx, '-n', NS, '--create-namespace', '-f', shared], major);
    figures.push([`Helm ${major}: install data-plane after join`, `${((performance.now() - t) / 1000).toFixed(1)} s`]);
    assert.is(install.code, 0, show(install));
    const [rel] = await storedReleases(kc(i));
    assert.is(rel!.status, 'deployed');
    const held = objects(rel!.manifest).map((o) => `${o.kind}/${o.metadata?.name}`);
    for (const o of ['ServiceAccount/flyteadmin', 'ClusterRole/flyte-flyteadmin', 'ClusterRoleBinding/flyte-flyteadmin-binding', 'Secret/flyteadmin-token'])
      assert.ok(held.includes(o), `the release does not hold ${o}: ${held.join(', ')}`);
    const role = await kc(i)
      .makeApiClient(RbacAuthorizationV1Api)
      .readClusterRole({ name: `${NS}-flyteadmin` });
    assert.is(role.metadata!.labels!['app.kubernetes.io/instance'], 'flyte', 'the ClusterRole is the release’s now');
    // the token join put into the hub is the one the adopted Secret still holds, and it works
    assert.is((await hubData())[`${ctx}_token`], token);
    assert.is(await tokenStatus(i, token), 200, 'the hub holds a dead token after the install');
    const again = await flytemc(['join', ctx, ...hub()], major);
    assert.is(again.code, 0, show(again));
    assert.not.match(again.stdout, /^\S+\s+(create|update|delete)\s/m, again.stdout);

    // the other order: uninstall, unjoin, then install first and join after
    const un = await runHelm(major, ['uninstall', 'flyte', '-n', NS, '--kube-context', ctx, '--wait=false'], { env: envs[major] });
    assert.is(un.code, 0, un.stderr);
    const uj = await flytemc(['unjoin', ctx, ...hub()], major);
    assert.is(uj.code, 0, show(uj));
    const first = await flytemc(['install', 'data-plane', '--name', ctx, '--kube-context', ctx, '-n', NS, '--create-namespace', '-f', shared], major);
    assert.is(first.code, 0, show(first));
    const then = await flytemc(['join', ctx, ...hub()], major);
    assert.is(then.code, 0, show(then));
    assert.is(await tokenStatus(i, (await hubData())[`${ctx}_token`]!), 200);
  });
}

test("`helm flytemc join` in Helm's namespace (default) while the data plane's flytepropeller runs in flyte: the first line says so; refused naming -n flyte; nothing created", async () => {
  const r = await flytemc(['join', 'dp2', '--kube-context', 'cp', '--kubeconfig', set.kubeconfigPath], 3, {
    HELM_PLUGIN_NAME: 'flytemc',
    HELM_NAMESPACE: 'default',
  });
  assert.is(r.code, 3, show(r));
  assert.match(
    r.stdout.split('\n')[0]!,
    /^namespace default \(from HELM_NAMESPACE \(Helm's -n, else the context's namespace, else default\); -n NAMESPACE for another\), hub cp$/,
  );
  assert.match(r.stderr, /error: context dp2: flytepropeller runs in namespace flyte, not in default/, show(r));
  assert.match(r.stderr, /fix: rerun with -n flyte \(or --force to join in default anyway\)/, show(r));
  assert.not.ok(await exists(() => core(2).readNamespacedServiceAccount({ name: 'flyteadmin', namespace: 'default' })), 'a ServiceAccount in default');
  assert.not.ok(await exists(() => core(0).readNamespacedSecret({ name: SECRET, namespace: 'default' })), 'a hub Secret in default');
});

test('check: the control plane runs dp2 and dp3; a newly joined dp1 is "not deployed yet" (exit 3) until the upgrade', async () => {
  const j = await flytemc(['join', 'dp2', 'dp3', ...hub(), '--label', 'team1=0.5', '--values', values]);
  assert.is(j.code, 0, show(j));
  await installControlPlane('the first install');
  const ok = await flytemc(['check', '--hub-only', ...hub()]);
  assert.is(ok.code, 0, show(ok));
  const j1 = await flytemc(['join', 'dp1', ...hub(), '--label', 'team2=1', '--values', values]);
  assert.is(j1.code, 0, show(j1));
  const pending = await flytemc(['check', '--hub-only', ...hub()]);
  assert.is(pending.code, 3, show(pending));
  assert.match(pending.stdout, /^dp1 +https:\/\/\S+ +yes +yes +yes +yes +NO +FAIL$/m, pending.stdout);
  assert.match(pending.stdout, /^dp2 +https:\/\/\S+ +yes +yes +yes +yes +yes +OK$/m, pending.stdout);
  assert.match(
    pending.stdout,
    /error: cluster dp1 \(deployed\): not deployed yet: it is joined .*, but FlyteAdmin's deployed config \(hub ConfigMap flyte\/flyte-admin-clusters-config\) does not/,
  );
  assert.match(pending.stdout, /fix: upgrade the control plane/, show(pending));
  await installControlPlane('the upgrade with dp1');
  const all = await flytemc(['check', '--hub-only', ...hub()]);
  assert.is(all.code, 0, show(all));
  assert.match(all.stdout, /all 3 clusters OK/, show(all));
});

test('rotate dp2: a watcher calling the API server with the old token sees it accepted until the new pods are reported available, and refused only after', async () => {
  const old = (await hubData()).dp2_token!;
  const calls: Array<{ at: number; status: number }> = [];
  let watching = true;
  const watcher = (async () => {
    while (watching) {
      calls.push({ at: Date.now(), status: await tokenStatus(2, old) });
      await sleep(100);
    }
  })();
  // the new pods take 15 s to be available: longer than the API server's authentication cache
  // (about 10 s here), which would hide an old token revoked too early
  const ctl = controller(kc(0), 15_000);
  const started = Date.now();
  const r = await flytemc(['rotate', 'dp2', ...hub()]);
  const ended = Date.now();
  // keep playing the controller and watching until the rollout finished and the old token is refused (or 40 s)
  while ((ctl.finished.length === 0 || !calls.some((c) => c.status === 401)) && Date.now() - ended < 40_000) await sleep(100);
  await sleep(500);
  watching = false;
  await watcher;
  await ctl.stop();
  figures.push(['rotate with a 15 s rollout (process wall)', `${((ended - started) / 1000).toFixed(1)} s`]);
  assert.is(r.code, 0, show(r));
  assert.match(r.stdout.split('\n')[0]!, /^namespace flyte \(from --namespace\), hub cp$/, show(r));
  assert.match(r.stdout, /restart +Deployment flyte\/flyteadmin/, show(r));
  assert.match(
    r.stdout,
    /check +Deployment flyte\/flyteadmin, flyte\/syncresources +\(rolled out: every pod started after the hub got the new token\)/,
    show(r),
  );
  assert.match(r.stdout, /delete +Secret flyte\/flyteadmin-token +\(revokes the old token: every pod of FlyteAdmin holds the new one\)/, show(r));
  assert.match(
    r.stdout,
    /rotated dp2: hub cp holds the token of Secret flyte\/flyteadmin-token-\w+; every pod of FlyteAdmin started after that; Secret flyte\/flyteadmin-token deleted and its token rejected by the API server/,
  );
  assert.is(ctl.finished.length, 1, `one rollout: ${JSON.stringify(ctl.finished)}`);
  const available = ctl.finished[0]!.at;
  const firstRefused = calls.find((c) => c.status === 401);
  assert.ok(firstRefused, `the old token was never refused: ${JSON.stringify(calls.slice(-3))}`);
  assert.ok(firstRefused.at > available, `the old token was refused ${available - firstRefused.at} ms before the new pods were available`);
  const before = calls.filter((c) => c.at < available);
  assert.ok(before.length >= 50, `only ${before.length} calls before the pods were available`);
  assert.ok(
    before.every((c) => c.status === 200),
    `the old token failed before the new pods were available: ${JSON.stringify(before.filter((c) => c.status !== 200))}`,
  );
  assert.ok(
    calls.slice(calls.indexOf(firstRefused)).every((c) => c.status === 401),
    'the old token came back',
  );
  figures.push(['old token refused after the pods were available', `${((firstRefused.at - available) / 1000).toFixed(1)} s`]);
  const fresh = (await hubData()).dp2_token!;
  assert.is.not(fresh, old);
  assert.is(await tokenStatus(2, fresh), 200);
  await assertFlyteAdminStarts('after rotate');
});

test('rotate --no-restart keeps the old token valid and prints --finish; after `kubectl rollout restart` and its rollout, --finish revokes it without restarting again', async () => {
  const old = (await hubData()).dp3_token!;
  const r = await flytemc(['rotate', 'dp3', ...hub(), '--no-restart']);
  assert.is(r.code, 0, show(r));
  assert.match(
    r.stdout,
    /the old token stays valid: Deployment flyte\/flyteadmin, flyte\/syncresources have not restarted since the hub got the new token/,
    show(r),
  );
  const finish = /^ {2}(flytemc rotate dp3 .*--finish)$/m.exec(r.stdout)?.[1];
  assert.is(finish, 'flytemc rotate dp3 --name dp3 --kube-context cp -n flyte --finish');
  assert.is(await tokenStatus(3, old), 200, 'revoked although FlyteAdmin was not restarted');
  await sleep(1_100); // kubectl stamps its restart in whole seconds: one in the second of the hub write does not count
  const k = await runProcess(
    kubectlBinary(4),
    ['--kubeconfig', set.kubeconfigPath, '--context', 'cp', '-n', NS, 'rollout', 'restart', 'deployment/flyteadmin', 'deployment/syncresources'],
    { env: { PATH: process.env.PATH ?? '', HOME: work }, cwd: work }, // kubectl's cache goes to $HOME/.kube
  );
  assert.is(k.code, 0, k.stderr);
  await rollOut(kc(0));
  const ctl = controller(kc(0), 500);
  const f = await flytemc([...finish!.split(' ').slice(1), '--kubeconfig', set.kubeconfigPath]);
  await ctl.stop();
  assert.is(f.code, 0, show(f));
  assert.not.match(f.stdout, /restart +Deployment/, 'restarted again');
  assert.match(f.stdout, /rotated dp3/, show(f));
  assert.is(await tokenStatus(3, old), 401);
  await assertFlyteAdminStarts('after --finish');
});

test('a rollout that does not finish in time: rotate exits 3, the old token still works, the message says what was done; the printed --finish completes it once the pods are available', async () => {
  const old = (await hubData()).dp2_token!;
  const r = await flytemc(['rotate', 'dp2', ...hub(), '--rollout-timeout', '3s']);
  assert.is(r.code, 3, show(r));
  assert.match(
    r.stderr,
    /error: hub cp: the rollout did not finish within 3 s: Deployment flyte\/flyteadmin: the Deployment controller has not observed the latest change yet/,
  );
  assert.match(
    r.stderr,
    /the old token \(Secret flyte\/flyteadmin-token-\w+\) is still valid, so FlyteAdmin works; once the pods of FlyteAdmin are ready, run flytemc rotate dp2 --name dp2 --kube-context cp -n flyte --finish/,
  );
  assert.match(
    r.stderr,
    /changed before it stopped: create Secret flyte\/flyteadmin-token-\w+ \(dp2\); update Secret flyte\/cluster-credentials \(hub cp\); restart Deployment flyte\/flyteadmin/,
  );
  assert.is(await tokenStatus(2, old), 200);
  await rollOut(kc(0));
  const f = await flytemc(['rotate', 'dp2', ...hub(), '--finish']);
  assert.is(f.code, 0, show(f));
  assert.is(await tokenStatus(2, old), 401);
  await assertFlyteAdminStarts('after the late rollout');
});

test('unjoin dp3 in two phases: phase 1 stops while FlyteAdmin lists it (keys kept); --finish refuses; after the printed upgrade the same command finishes: keys gone, token revoked, the release’s objects kept', async () => {
  const args = ['unjoin', 'dp3', ...hub(), '--values', values];
  const token = (await hubData()).dp3_token!;
  const one = await flytemc(args);
  assert.is(one.code, 0, show(one));
  assert.match(
    one.stdout,
    /phase 1 of 2 done: dp3 is out of \S+values-cp\.yaml; FlyteAdmin still lists dp3 \(ConfigMap flyte\/flyte-admin-clusters-config, flyte\/flyte-clusterresourcesync-config\), so its keys stay in hub cp/,
  );
  assert.ok('dp3_token' in (await hubData()), 'keys removed while FlyteAdmin lists dp3');
  assert.not.match(readFileSync(values, 'utf8'), /dp3/);
  await assertFlyteAdminStarts('after phase 1');
  const refused = await flytemc([...args, '--finish']);
  assert.is(refused.code, 3, show(refused));
  assert.match(refused.stderr, /FlyteAdmin's deployed config still lists dp3/, show(refused));
  // the printed upgrade, with the other -f file the control plane was installed with before it (as the message says)
  const upgrade = /^ {2}(flytemc install control-plane .*)$/m.exec(one.stdout)?.[1];
  assert.is(upgrade, `flytemc install control-plane --kube-context cp -n flyte -f ${values}`);
  const words = upgrade!.split(' ');
  const up = await flytemc([...words.slice(1, -2), '-f', shared, ...words.slice(-2)]);
  assert.is(up.code, 0, show(up));
  await assertFlyteAdminStarts('after the upgrade, its rollout open');
  const ctl = controller(kc(0), 2_000);
  const two = await flytemc(args);
  await ctl.stop();
  assert.is(two.code, 0, show(two));
  assert.ok(ctl.finished.length >= 1 && ctl.finished[0]!.at < Date.now(), 'phase 2 did not wait for the rollout');
  assert.match(two.stdout, /dp3 was removed from hub cp/, show(two));
  assert.not.ok('dp3_token' in (await hubData()));
  await assertFlyteAdminStarts('after phase 2');
  const deadline = Date.now() + 30_000;
  while ((await tokenStatus(3, token)) !== 401 && Date.now() < deadline) await sleep(250);
  assert.is(await tokenStatus(3, token), 401, 'the token was not revoked');
  // the chart's ServiceAccount and RBAC stay for `helm uninstall` of the data plane
  assert.ok(await exists(() => core(3).readNamespacedServiceAccount({ name: 'flyteadmin', namespace: NS })));
  assert.match(two.stdout, /skip +ServiceAccount flyte\/flyteadmin +\(kept: managed by Helm/, show(two));
});

test('the last data plane is refused (exit 1, nothing changed) with the commands for both end states; a values file that is not there: exit 1', async () => {
  const only = join(work, 'only-dp2.yaml');
  writeFileSync(only, yaml.dump({ multicluster: { clusters: { clusterConfigs: [{ name: 'dp2', endpoint: set.clusters[2]!.server, enabled: true }] } } }));
  const before = await hubSecret();
  const r = await flytemc(['unjoin', 'dp2', ...hub(), '--values', only]);
  assert.is(r.code, 1, show(r));
  assert.match(r.stderr, /dp2 is the last data plane FlyteAdmin is configured with/, show(r));
  assert.match(r.stderr, /\(a\) the control plane runs workloads itself: add `- \{name: cp, inCluster: true, enabled: true\}`/, show(r));
  assert.match(r.stderr, /\(b\) back to a single-cluster flyte-core: `helm upgrade flyte flyteorg\/flyte-core --version v1\.16\.8 -n flyte --kube-context cp/);
  assert.is((await hubSecret()).metadata!.resourceVersion, before.metadata!.resourceVersion);
  assert.match(readFileSync(only, 'utf8'), /dp2/);
  const missing = join(work, 'not-there.yaml');
  const m = await flytemc(['unjoin', 'dp2', ...hub(), '--values', missing]);
  assert.is(m.code, 1, show(m));
  assert.match(
    m.stderr,
    /error: \S+not-there\.yaml: no such file\n {2}fix: pass the control plane's values file that join recorded the cluster in, or leave out --values/,
  );
  assert.not.ok(existsSync(missing));
});

test("docs/join.md's day-2 blocks run as written (rotate, --no-restart and --finish; unjoin's two phases around the upgrade; check)", async () => {
  const marked = blocks('docs/join.md', readFileSync(join(ROOT, 'docs/join.md'), 'utf8')).filter((b) =>
    b.directives.some((d) => /test\/day2\.test\.ts runs this block/.test(d)),
  );
  assert.is(marked.length, 2, 'the day-2 blocks of docs/join.md');
  // the reader's PATH: flytemc (the built CLI), Helm 3 and kubectl
  const bin = join(work, 'bin');
  mkdirSync(bin, { recursive: true });
  writeFileSync(join(bin, 'flytemc'), `#!/bin/sh\nexec '${process.execPath}' '${CLI}' "$@"\n`, { mode: 0o755 });
  const env = {
    ...envs[3],
    HOME: work,
    FLYTEMC_PROGRESS: '0',
    PATH: [bin, dirname(helmBinary(3)), dirname(kubectlBinary(4)), process.env.PATH].join(delimiter),
  };
  const dp1 = (await hubData()).dp1_token!;
  const ctl = controller(kc(0), 1_000);
  try {
    for (const b of marked) {
      const r = await runProcess('bash', ['-e', '-o', 'pipefail', '-c', b.body.join('\n')], { env, cwd: work, timeoutMs: 600_000 });
      assert.is(r.code, 0, `docs/join.md:${b.line}\n${show(r)}`);
      await assertFlyteAdminStarts(`after docs/join.md:${b.line}`);
    }
  } finally {
    await ctl.stop();
  }
  assert.is(await tokenStatus(1, dp1), 401, "dp1's token before the blocks was not revoked");
  assert.equal(Object.keys(await hubData()).sort(), ['dp1_cacert', 'dp1_token']);
  assert.not.match(readFileSync(values, 'utf8'), /dp2/);
});

test.after(async () => {
  await set?.stop();
  console.log(`\n  day-2 figures:\n${figures.map(([k, v]) => `    ${k.padEnd(52)} ${v}`).join('\n')}`);
  if (process.env.FLYTEMC_KEEP_CLUSTERS !== '1') rmSync(work, { recursive: true, force: true });
});

test.run();
