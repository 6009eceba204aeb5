// GitOps against REAL API servers (test/harness): cluster-0 and
// cluster-1 are two control planes (hubs), cluster-2 and cluster-3 data planes.
//   1. `flytemc join --secret-out FILE` runs every member step and proof but never contacts the
//      hub (its context does not even exist): both hubs hold the same namespaces and Secrets
//      before and after; FILE is mode 0600, its tokens work; --merge keeps the other cluster's
//      keys, without it a FILE holding them is refused; a re-run writes the same bytes.
//   2. FILE applies cleanly (`kubectl apply --server-side`) and `flytemc check` proves every
//      cluster from the Secret that arrived that way.
//   3. The kustomize export, built by `kubectl kustomize --enable-helm` and applied with
//      `kubectl apply --server-side` into cluster-0, stores the same flyteadmin/syncresources
//      Deployments and ConfigMaps as `helm install --post-renderer` stores into cluster-1;
//      `flytemc check` then proves every cluster from cluster-0's deployed config (the hub's side,
//      --hub-only: the data planes here run no flytepropeller; both sides: test/wayback.test.ts).
// Needs dist/ (npm run build) and the harness binaries (built on first use).
import { test } from './helpers/uvu.ts';
import * as assert from 'uvu/assert';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { AppsV1Api, CoreV1Api, type KubeConfig } from '@kubernetes/client-node';
import { startClusters, type ClusterSet } from './harness/cluster.ts';
import { kubeConfigFor, tokenKubeConfig, whoAmI } from './harness/kube.ts';
import { CHART_DIR, ROOT, helmBinary, helmEnv, kubectlBinary, prepareChart, runHelm } from './helpers/helm.ts';
import { kubectlKustomize } from './helpers/kustomize.ts';
import { CLI, POST_RENDERER, runNode, runProcess, type ProcResult } from './helpers/process.ts';
import type { Obj } from './helpers/manifests.ts';

const NS = 'flyte';
const work = mkdtempSync(join(tmpdir(), 'flytemc-gitops-'));
prepareChart();
let set: ClusterSet;
const secretFile = join(work, 'cluster-credentials.yaml');
const values = join(work, 'values-cp.yaml');
const exported = join(work, 'gitops', 'flyte');
const figures: Record<string, string> = {};

function flytemc(args: string[]): Promise<ProcResult> {
  return runNode(CLI, args, { env: { PATH: process.env.PATH ?? '', HOME: work, FLYTEMC_HELM: helmBinary(3) }, cwd: work, timeoutMs: 180_000 });
}
const kc = (i: number) => kubeConfigFor(set.clusters[i]!);
const kube = (i: number) => ['--kubeconfig', set.kubeconfigPath, '--context', `cluster-${i}`];
const kubectl = (args: string[], input = '') =>
  runProcess(kubectlBinary(3), args, { env: { PATH: process.env.PATH ?? '', HOME: work }, cwd: work, input, timeoutMs: 120_000 });

/** Every Namespace and Secret of a cluster with its resourceVersion: what a write would change. */
async function snapshot(k: KubeConfig): Promise<string[]> {
  const core = k.makeApiClient(CoreV1Api);
  const ns = (await core.listNamespace()).items.map((n) => `Namespace/${n.metadata!.name} ${n.metadata!.resourceVersion}`);
  const secrets = (await core.listSecretForAllNamespaces()).items.map(
    (s) => `Secret/${s.metadata!.namespace}/${s.metadata!.name} ${s.metadata!.resourceVersion}`,
  );
  return [...ns, ...secrets].sort();
}

const tokensIn = (text: string) => {
  const doc = yaml.load(text) as Obj;
  return Object.entries(doc.data as Record<string, string>)
    .filter(([k]) => k.endsWith('_token'))
    .map(([, v]) => Buffer.from(v, 'base64').toString('utf8'));
};

test.before(async () => {
  set = await startClusters({ n: 4, dir: join(work, 'clusters') });
  writeFileSync(values, '# control plane values\nmulticluster:\n  credentials:\n    secretName: cluster-credentials\n');
});

test.after(async () => {
  await set?.stop();
  if (process.env.FLYTEMC_KEEP_CLUSTERS !== '1') rmSync(work, { recursive: true, force: true });
  console.log('\nmeasured:', JSON.stringify(figures, null, 2));
});

test('join --secret-out: every member step and proof, the hub never contacted; FILE 0600, --merge keeps other keys, a re-run writes the same bytes', async () => {
  const hubsBefore = [await snapshot(kc(0)), await snapshot(kc(1))];
  const common = ['--kubeconfig', set.kubeconfigPath, '--kube-context', 'no-such-hub', '-n', NS, '--values', values, '--secret-out', secretFile];
  const t = Date.now();
  const first = await flytemc(['join', 'cluster-2', '--name', 'dp2', '--label', 'team1=1', ...common]);
  figures['join --secret-out, 1 cluster'] = `${((Date.now() - t) / 1000).toFixed(1)} s`;
  assert.is(first.code, 0, first.stderr + first.stdout);
  assert.match(first.stdout, `into ${secretFile} (Secret flyte/cluster-credentials; the hub was not contacted)`);
  assert.is(statSync(secretFile).mode & 0o777, 0o600);
  const text1 = readFileSync(secretFile, 'utf8');
  const doc = yaml.load(text1) as Obj;
  assert.is(doc.kind, 'Secret');
  assert.equal(doc.metadata.name, 'cluster-credentials');
  assert.equal(Object.keys(doc.data).sort(), ['dp2_cacert', 'dp2_token']);
  assert.is(JSON.parse(doc.metadata.annotations['flytemc.io/clusters']).dp2.endpoint, set.clusters[2]!.server);
  const [token] = tokensIn(text1);
  assert.is(
    await whoAmI(tokenKubeConfig(set.clusters[2]!, token!, Buffer.from(doc.data.dp2_cacert, 'base64').toString('utf8'))),
    'system:serviceaccount:flyte:flyteadmin',
  );
  assert.not.ok((first.stdout + first.stderr).includes(token!), 'the token is never printed');

  // another cluster without --merge: refused, FILE unchanged; with --merge: both
  const refused = await flytemc(['join', 'cluster-3', '--name', 'dp3', '--label', 'team2=1', ...common]);
  assert.is(refused.code, 2, refused.stderr);
  assert.match(refused.stderr, 'already holds dp2_cacert, dp2_token of other clusters');
  assert.match(refused.stderr, 'fix: add --merge');
  assert.is(readFileSync(secretFile, 'utf8'), text1);
  const merged = await flytemc(['join', 'cluster-3', '--name', 'dp3', '--label', 'team2=1', ...common, '--merge']);
  assert.is(merged.code, 0, merged.stderr + merged.stdout);
  const text2 = readFileSync(secretFile, 'utf8');
  assert.equal(Object.keys((yaml.load(text2) as Obj).data).sort(), ['dp2_cacert', 'dp2_token', 'dp3_cacert', 'dp3_token']);
  assert.is(statSync(secretFile).mode & 0o777, 0o600);
  // the same cluster under a second name: refused from the file's records, as from the hub's
  const twice = await flytemc(['join', 'cluster-3', '--name', 'dp3-again', ...common, '--merge']);
  assert.is(twice.code, 3, twice.stderr);
  assert.match(twice.stderr, 'is the same physical cluster');
  // re-run and dry run: the same bytes, a masked plan
  const again = await flytemc(['join', 'cluster-2', '--name', 'dp2', '--label', 'team1=1', ...common, '--merge']);
  assert.is(again.code, 0, again.stderr);
  assert.is(readFileSync(secretFile, 'utf8'), text2, 'a re-run writes the same bytes');
  const dry = await flytemc(['join', 'cluster-2', '--name', 'dp2', ...common, '--merge', '--dry-run']);
  assert.is(dry.code, 0, dry.stderr);
  assert.match(dry.stdout, new RegExp(`${secretFile.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}\\s+unchanged\\s+Secret flyte/cluster-credentials`));
  for (const tk of tokensIn(text2)) for (const r of [merged, again, dry]) assert.not.ok((r.stdout + r.stderr).includes(tk));
  assert.is((await flytemc(['join', 'cluster-2', ...common, '--restart'])).code, 2, '--restart needs the hub');

  assert.equal([await snapshot(kc(0)), await snapshot(kc(1))], hubsBefore, 'neither hub changed');
  const v = yaml.load(readFileSync(values, 'utf8')) as Obj;
  assert.equal(
    v.multicluster.clusters.clusterConfigs.map((c: Obj) => c.name),
    ['dp2', 'dp3'],
  );
});

test('FILE applies cleanly with kubectl apply --server-side; check proves every cluster from the Secret that arrived that way', async () => {
  for (const hub of [0, 1]) {
    const ns = await kubectl([...kube(hub), 'create', 'namespace', NS]);
    assert.is(ns.code, 0, ns.stderr);
    const r = await kubectl([...kube(hub), 'apply', '--server-side', '-f', secretFile]);
    assert.is(r.code, 0, r.stderr);
    assert.match(r.stdout, 'secret/cluster-credentials serverside-applied');
  }
  const stored = await kc(0).makeApiClient(CoreV1Api).readNamespacedSecret({ name: 'cluster-credentials', namespace: NS });
  assert.equal(Object.keys(stored.data ?? {}).sort(), ['dp2_cacert', 'dp2_token', 'dp3_cacert', 'dp3_token']);
  const check = await flytemc(['check', '--hub-only', '--kubeconfig', set.kubeconfigPath, '--kube-context', 'cluster-0', '-f', values, '-o', 'json']);
  assert.is(check.code, 0, check.stderr + check.stdout);
  const rep = JSON.parse(check.stdout) as { ok: boolean; clusters: Array<{ name: string; verdict: string }> };
  assert.equal(
    rep.clusters.map((c) => `${c.name} ${c.verdict}`),
    ['dp2 ok', 'dp3 ok'],
  );
});

/** A stored object without what the API server and the tool that wrote it add on their own. */
function stored(o: Obj): Obj {
  const { uid, resourceVersion, creationTimestamp, managedFields, generation, annotations, ...meta } = o.metadata;
  void uid;
  void resourceVersion;
  void creationTimestamp;
  void managedFields;
  void generation;
  const kept = Object.fromEntries(
    Object.entries((annotations ?? {}) as Record<string, string>).filter(([k]) => !k.startsWith('meta.helm.sh/') && k !== 'deployment.kubernetes.io/revision'),
  );
  const { status, ...rest } = o;
  void status;
  return { ...rest, metadata: { ...meta, ...(Object.keys(kept).length ? { annotations: kept } : {}) } };
}

test('the kustomize export, applied server-side, stores the same flyteadmin/syncresources Deployments and ConfigMaps as helm install --post-renderer', async () => {
  // as docs/gitops.md says it: with the values both planes share (the catalog route, the one bucket)
  const shared = join(ROOT, 'test', 'fixtures', 'shared-values.yaml');
  const ex = await flytemc(['export', 'kustomize', '--out', exported, '-f', shared, '-f', values, '--vendor-chart']);
  assert.is(ex.code, 0, ex.stderr);
  const built = await kubectlKustomize(3, exported);
  assert.is(built.code, 0, built.stderr);
  const t = Date.now();
  const applied = await kubectl([...kube(0), 'apply', '--server-side', '-n', NS, '-f', '-'], built.stdout);
  figures['kubectl apply --server-side of the kustomize build'] = `${((Date.now() - t) / 1000).toFixed(1)} s`;
  assert.is(applied.code, 0, applied.stderr);
  const env = helmEnv(join(work, 'helm'), { kubeconfig: set.kubeconfigPath });
  const h = await runHelm(
    3,
    [
      'install',
      'flyte',
      CHART_DIR,
      '-n',
      NS,
      '--kube-context',
      'cluster-1',
      '-f',
      join(CHART_DIR, 'values-controlplane.yaml'),
      '-f',
      shared,
      '-f',
      values,
      '--post-renderer',
      POST_RENDERER,
    ],
    { env, timeoutMs: 180_000 },
  );
  assert.is(h.code, 0, h.stderr);

  const read = async (i: number) => {
    const apps = kc(i).makeApiClient(AppsV1Api);
    const core = kc(i).makeApiClient(CoreV1Api);
    const out: Record<string, Obj> = {};
    for (const d of ['flyteadmin', 'syncresources'])
      out[`Deployment/${d}`] = stored((await apps.readNamespacedDeployment({ name: d, namespace: NS })) as unknown as Obj);
    for (const c of (await core.listNamespacedConfigMap({ namespace: NS })).items)
      if (c.metadata!.name !== 'kube-root-ca.crt') out[`ConfigMap/${c.metadata!.name}`] = stored(c as unknown as Obj);
    return out;
  };
  const viaKustomize = await read(0);
  const viaHelm = await read(1);
  assert.equal(Object.keys(viaKustomize).sort(), Object.keys(viaHelm).sort());
  assert.ok(
    Object.keys(viaHelm).includes('ConfigMap/flyte-admin-clusters-config') && Object.keys(viaHelm).includes('ConfigMap/flyte-clusterresourcesync-config'),
  );
  assert.equal(viaKustomize, viaHelm);
  const mounts = (viaKustomize['Deployment/syncresources']!.spec.template.spec.containers[0].volumeMounts as Obj[]).filter(
    (m) => m.mountPath === '/var/run/credentials',
  );
  assert.is(mounts.length, 1);
  // FlyteAdmin reads the bucket the data planes write to, not flyte-core's in-cluster minio
  const storage = String(viaKustomize['ConfigMap/flyte-admin-base-config']!.data['storage.yaml']);
  assert.match(storage, /container: "?my-flyte-metadata/);
  assert.not.match(storage, 'minio');

  // the control plane that kustomize installed: check reads its deployed clusters and proves them
  const check = await flytemc(['check', '--hub-only', '--kubeconfig', set.kubeconfigPath, '--kube-context', 'cluster-0', '-o', 'json']);
  assert.is(check.code, 0, check.stderr + check.stdout);
  assert.match(JSON.parse(check.stdout).source, 'hub ConfigMap flyte/flyte-admin-clusters-config');
});

test.run();
