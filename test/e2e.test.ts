// End to end, against REAL API servers (test/harness: etcd + kube-apiserver +
// kube-controller-manager on loopback), on real Helm 3.17.2 and Helm 4.1.4.
// Per Helm major a fresh set of 4 clusters: cluster-0 is the control plane
// (the hub), cluster-1..3 are data planes. Release `flyte` in namespace `flyte` everywhere,
// exactly as docs/chart.md says.
//
//   1. helm install (no dry-run; nothing waits, no kubelet runs pods) of the data plane into
//      cluster-1..3, through the post-renderer, with the values both planes share (where
//      FlyteAdmin is, one bucket): every object stored, flytepropeller's stored config points at
//      the control plane; the real token controller fills `flyteadmin-token`, and that token
//      authenticates over TLS verified with that CA.
//   2. `flytemc join` writes the hub Secret cluster-credentials and the values file listing the
//      three clusters (endpoints = the harness servers).
//   3. helm install of the control plane into cluster-0: WITHOUT the post-renderer it fails on
//      MultiClusterConfig and stores nothing; THROUGH it (Helm 3: the executable's path; Helm 4:
//      the `flytemc-post-renderer` plugin registered by `flytemc setup`) every object is stored,
//      the STORED Deployments mount the Secret exactly once in each of the three places, the
//      stored ConfigMaps list the three clusters, no MultiClusterConfig is stored;
//      `flytemc check` then proves every cluster from both sides (hub: credentials; member:
//      flytepropeller's way back, cluster id, storage).
//   4. The upstream guide's `cluster_credentials` Secret and volume: 422 from the real server;
//      `flytemc post-render --config` and `flytemc validate -f` refuse them first, with a hint.
//   5. Secrets: no data-plane token in any stored Helm release (all clusters), in any output
//      stream of this file (helm, post-renderer, join, check), or in any file it wrote.
//
// Needs dist/ (npm run build) and the harness binaries (built on first use, ~5 min).
import { suite } from './helpers/uvu.ts';
import * as assert from 'uvu/assert';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import yaml from 'js-yaml';
import { ApisApi, AppsV1Api, CoreV1Api, type V1Deployment } from '@kubernetes/client-node';
import { logTail, startClusters, type ClusterInfo, type ClusterSet } from './harness/cluster.ts';
import { expectApiError, apiStatus, kubeConfigFor, tokenKubeConfig, waitForTokenSecret, whoAmI } from './harness/kube.ts';
import { CHART_DIR, HELM_MAJORS, helmBinary, prepareChart, helmEnv, runHelm, type HelmMajor, type HelmResult } from './helpers/helm.ts';
import { credentialMounts, fixture, objects, rendered, THREE_PLACES, type Obj } from './helpers/manifests.ts';
import { FLYTE_CORE_TGZ } from '../scripts/shared.mjs';
import { Transcript, filesUnder, findLeaks, notStored, runCli, storedReleases, type NamedSecret } from './helpers/e2e.ts';
import { CLI, POST_RENDERER } from './helpers/process.ts';
import { renewLease } from './flyte/propeller.ts';

const NS = 'flyte';
const RELEASE = 'flyte';
const SECRET = 'cluster-credentials';
const MOUNT = '/var/run/credentials';
const N_DATA_PLANES = 3;

const fileStart = performance.now();
const root = mkdtempSync(join(tmpdir(), 'flytemc-e2e-'));
const chart = prepareChart();
const transcript = new Transcript();
/** Every data-plane token (and CA, for the record) this file produced: none may leak. */
const tokens: NamedSecret[] = [];
const timings: Array<[string, number]> = [];

const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** What both planes share (docs/chart.md): where FlyteAdmin is (with the DataCatalog route on its gRPC Ingress) and one bucket. */
const ADMIN = 'dns:///flyte.example.com:443';
const SHARED = join(root, 'shared-values.yaml');
writeFileSync(
  SHARED,
  yaml.dump({
    multicluster: { controlPlane: { adminEndpoint: ADMIN, catalogIngress: true } },
    'flyte-core': { storage: { type: 's3', bucketName: 'flyte-meta', s3: { region: 'us-east-1' } } },
  }),
);
async function timed<T>(label: string, fn: () => Promise<T>): Promise<T> {
  const t = performance.now();
  try {
    return await fn();
  } finally {
    timings.push([label, performance.now() - t]);
  }
}

if (!existsSync(POST_RENDERER) || !existsSync(CLI)) throw new Error(`dist/ is missing: run npm run build first (${POST_RENDERER})`);

// ---------------------------------------------------------------------------------------------
// Failure context

/** The temporary folder of one suite's Helm runs (TMPDIR), so its post-renderer error files stay in this run's folder. */
function tmpFor(base: string): string {
  const dir = join(base, 'tmp');
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** The post-renderer's error files of one suite. */
const errorFilesUnder = (tmp: string) => filesUnder(tmp).filter((f) => /post-renderer-[^/]*\.txt$/.test(f.label));

function tails(clusters: ClusterInfo[], lines = 12): string {
  return clusters.map((c) => `--- ${c.name} kube-apiserver log (last ${lines} lines):\n${logTail(c.logs['kube-apiserver'], lines)}`).join('\n');
}
function helmFailure(what: string, r: HelmResult, clusters: ClusterInfo[]): string {
  return `${what}: helm exited ${r.code}\n--- helm stderr:\n${r.stderr}\n--- helm stdout (tail):\n${r.stdout.slice(-1500)}\n${tails(clusters)}`;
}

// ---------------------------------------------------------------------------------------------
// One Helm major: 4 fresh clusters, every step

interface State {
  set?: ClusterSet;
  hub?: ClusterInfo;
  dps: ClusterInfo[];
  env: NodeJS.ProcessEnv;
  helmHome: string;
  valuesFile: string;
  /** token + CA of each data plane, read from its token Secret. */
  creds: Map<string, { token: string; caCrt: string }>;
  dataPlanesOk: boolean;
  hubOk: boolean;
}

function defineSuite(major: HelmMajor): void {
  const s = suite(`e2e on Helm ${major}`);
  const base = join(root, `helm${major}`);
  const st: State = {
    dps: [],
    env: {},
    helmHome: join(base, 'home'),
    valuesFile: join(base, 'my-values.yaml'),
    creds: new Map(),
    dataPlanesOk: false,
    hubOk: false,
  };
  const H = `helm${major}`;
  const helm = async (label: string, args: string[], env = st.env): Promise<HelmResult> => {
    const r = await runHelm(major, args, { env, timeoutMs: 180_000 });
    transcript.proc(`${H} ${label}`, r);
    return r;
  };
  /**
   * The post-renderer for this Helm (both planes need it): Helm 3 the executable's path; Helm 4
   * the `flytemc-post-renderer` plugin registered by `flytemc setup` in a folder of its own.
   */
  let renderer: { env: NodeJS.ProcessEnv; args: string[] } | undefined;
  const postRenderer = async (): Promise<{ env: NodeJS.ProcessEnv; args: string[] }> => {
    if (renderer) return renderer;
    if (major === 3) return (renderer = { env: st.env, args: ['--post-renderer', POST_RENDERER] });
    // `flytemc setup` registers the Helm 4 plugin in a folder of its own; Helm 4 finds it via HELM_PLUGINS.
    const helm4Dir = join(base, 'flytemc-helm4');
    // setup asks `helm` (on PATH) for its folders: the Helm 4 binary, in this suite's isolated env.
    const r = await runCli(['setup', '--bin-dir', join(base, 'bin'), '--helm4-dir', helm4Dir], {
      ...st.env,
      KUBECONFIG: undefined,
      PATH: `${dirname(helmBinary(4))}${delimiter}${process.env.PATH ?? ''}`,
    });
    transcript.proc('flytemc setup (Helm 4 set)', r);
    assert.is(r.code, 0, `flytemc setup exited ${r.code}\n${r.stderr}\n${r.stdout}`);
    assert.ok(existsSync(join(helm4Dir, 'flytemc-post-renderer', 'plugin.yaml')), `setup wrote no plugin into ${helm4Dir}:\n${r.stdout}`);
    return (renderer = {
      env: { ...st.env, HELM_PLUGINS: `${st.env.HELM_PLUGINS}${delimiter}${helm4Dir}` },
      args: ['--post-renderer', 'flytemc-post-renderer'],
    });
  };
  const need = (what: 'set' | 'dataPlanes' | 'hub'): { set: ClusterSet; hub: ClusterInfo } => {
    if (!st.set || !st.hub) throw new Error('the clusters did not start (see the first test of this suite)');
    if (what !== 'set' && !st.dataPlanesOk) throw new Error('the data planes were not installed (see the data-plane test)');
    if (what === 'hub' && !st.hubOk) throw new Error('the hub credentials were not written (see the join test)');
    return { set: st.set, hub: st.hub };
  };

  s(`start 4 clusters (cluster-0 control plane, cluster-1..3 data planes)`, async () => {
    const set = await timed(`Helm ${major}: start 4 clusters`, () => startClusters({ n: 1 + N_DATA_PLANES, dir: join(base, 'clusters') }));
    st.set = set;
    st.hub = set.clusters[0]!;
    st.dps = set.clusters.slice(1);
    // the post-renderer's error files (one per failed run, in $TMPDIR/flytemc-<uid>/) under this run's folder, scanned below
    st.env = helmEnv(st.helmHome, { kubeconfig: set.kubeconfigPath, extra: { TMPDIR: tmpFor(base) } });
    assert.equal(
      set.clusters.map((c) => c.context),
      ['cluster-0', 'cluster-1', 'cluster-2', 'cluster-3'],
    );
  });

  s(`data planes: helm install into cluster-1..3 stores every object; the real token controller fills flyteadmin-token`, async () => {
    need('set');
    // Each install, then (in parallel with the others) the wait for the token controller.
    const filled = new Map<string, Awaited<ReturnType<typeof waitForTokenSecret>>>();
    const fillMs: number[] = [];
    const pr = await postRenderer();
    await timed(`Helm ${major}: install 3 data planes (parallel) + token Secrets filled`, () =>
      Promise.all(
        st.dps.map(async (dp) => {
          const r = await helm(
            `install data plane ${dp.name}`,
            [
              'install',
              RELEASE,
              chart,
              '-n',
              NS,
              '--create-namespace',
              '--kube-context',
              dp.context,
              '-f',
              join(CHART_DIR, 'values-dataplane.yaml'),
              '-f',
              SHARED,
              '--set',
              `multicluster.clusterName=${dp.name}`,
              '--set',
              `flyte-core.flytepropeller.clusterName=${dp.name}`,
              // No --wait: Helm 3 does not wait by default; Helm 4 waits for hooks only (hookOnly) and
              // flyte-core has none. No kubelet runs pods, so nothing would ever become ready.
              '--timeout',
              '120s',
              ...pr.args,
            ],
            pr.env,
          );
          assert.is(r.code, 0, helmFailure(`helm ${major} install of data plane ${dp.name}`, r, [dp]));
          const t = performance.now();
          filled.set(
            dp.name,
            await waitForTokenSecret(kubeConfigFor(dp), NS, 'flyteadmin-token', 60_000).catch((e: Error) => {
              throw new Error(`${e.message}\n--- ${dp.name} kube-controller-manager log:\n${logTail(dp.logs['kube-controller-manager'], 20)}`);
            }),
          );
          fillMs.push(performance.now() - t);
        }),
      ),
    );
    timings.push([`Helm ${major}: token Secret filled after its install (slowest of 3)`, Math.max(...fillMs)]);

    for (const dp of st.dps) {
      const kc = kubeConfigFor(dp);
      const releases = await storedReleases(kc);
      assert.is(releases.length, 1, `${dp.name}: expected one stored release, got ${releases.map((r) => r.secret).join(', ')}`);
      const rel = releases[0]!;
      assert.is(rel.status, 'deployed', `${dp.name}: release status`);
      const kinds = objects(rel.manifest).map((o) => `${o.kind}/${o.metadata?.name}`);
      assert.ok(
        kinds.includes('Secret/flyteadmin-token') && kinds.includes('ServiceAccount/flyteadmin') && kinds.includes('Deployment/flytepropeller'),
        `${dp.name}: the data plane's manifest lacks its core objects: ${kinds.join(', ')}`,
      );
      assert.not.ok(
        kinds.some((k) => k.startsWith('Deployment/flyteadmin')),
        `${dp.name}: a data plane runs no FlyteAdmin`,
      );
      const { missing, checked } = await notStored(kc, rel.manifest, NS);
      assert.equal(missing, [], `${dp.name}: ${missing.length} of ${checked} objects of the release are not stored\n${tails([dp])}`);
      // the way back: the STORED flytepropeller config points at the control plane, not at flyte-core's in-cluster defaults
      const cm = await kc.makeApiClient(CoreV1Api).readNamespacedConfigMap({ namespace: NS, name: 'flyte-propeller-config' });
      assert.is((yaml.load(cm.data!['admin.yaml']!) as Obj).admin.endpoint, ADMIN, `${dp.name}: admin.yaml`);
      assert.equal(
        (yaml.load(cm.data!['catalog.yaml']!) as Obj)['catalog-cache'],
        { type: 'datacatalog', endpoint: ADMIN, insecure: false },
        `${dp.name}: catalog.yaml`,
      );
      assert.not.match(rel.manifest, /flyteadmin:81|datacatalog:89|MultiClusterConfig/, `${dp.name}: the stored release`);

      const got = filled.get(dp.name)!;
      assert.is(got.secret.type, 'kubernetes.io/service-account-token');
      assert.is(got.secret.metadata?.annotations?.['kubernetes.io/service-account.name'], 'flyteadmin');
      assert.is(got.caCrt.trim(), dp.caPem.trim(), `${dp.name}: ca.crt is the cluster's CA`);
      tokens.push({ name: `Helm ${major} ${dp.name} token`, value: got.token });
      st.creds.set(dp.name, { token: got.token, caCrt: got.caCrt });
      // The token is real: it authenticates over TLS verified with that CA (as FlyteAdmin would).
      assert.is(await whoAmI(tokenKubeConfig(dp, got.token, got.caCrt)), `system:serviceaccount:${NS}:flyteadmin`);
    }
    assert.is(new Set(tokens.map((t) => t.value)).size, tokens.length, 'every data plane has its own token');
    st.dataPlanesOk = true;
  });

  s(`hub credentials: Secret ${SECRET} in cluster-0 and the values file listing the three clusters`, async () => {
    const { set, hub } = need('dataPlanes');
    mkdirSync(base, { recursive: true });
    // Two joins: cluster-1 serves label team1, cluster-2 and cluster-3 share team2.
    const env = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? base };
    for (const [ctxs, label] of [
      [['cluster-1'], 'team1=1'],
      [['cluster-2', 'cluster-3'], 'team2=0.5'],
    ] as const) {
      const r = await timed(`Helm ${major}: flytemc join ${ctxs.join(' ')}`, () =>
        runCli(
          ['join', ...ctxs, '--kube-context', hub.context, '--kubeconfig', set.kubeconfigPath, '-n', NS, '--label', label, '--values', st.valuesFile],
          env,
        ),
      );
      transcript.proc(`flytemc join ${ctxs.join(' ')} (Helm ${major} set)`, r);
      assert.is(r.code, 0, `flytemc join ${ctxs.join(' ')} exited ${r.code}\n--- stderr:\n${r.stderr}\n--- stdout:\n${r.stdout}\n${tails(set.clusters)}`);
    }

    // The hub Secret holds exactly each data plane's token and CA, under valid key names.
    const stored = await kubeConfigFor(hub).makeApiClient(CoreV1Api).readNamespacedSecret({ namespace: NS, name: SECRET });
    const expectedKeys = st.dps.flatMap((dp) => [`${dp.name}_cacert`, `${dp.name}_token`]).sort();
    assert.equal(Object.keys(stored.data ?? {}).sort(), expectedKeys, `hub Secret ${NS}/${SECRET} keys`);
    for (const dp of st.dps) {
      const dec = (k: string) => Buffer.from(stored.data![k]!, 'base64').toString('utf8');
      assert.ok(dec(`${dp.name}_token`) === st.creds.get(dp.name)!.token, `${dp.name}_token in the hub is not ${dp.name}'s token`);
      assert.is(dec(`${dp.name}_cacert`).trim(), dp.caPem.trim(), `${dp.name}_cacert in the hub`);
    }
    // The values file lists the three clusters at the harness endpoints; it holds no token.
    const values = yaml.load(readFileSync(st.valuesFile, 'utf8')) as Obj;
    const cc = values.multicluster?.clusters?.clusterConfigs as Obj[] | undefined;
    assert.equal(
      cc?.map((c) => [c.name, c.endpoint, c.enabled]),
      st.dps.map((dp) => [dp.name, dp.server, true]),
      `clusterConfigs in ${st.valuesFile}`,
    );
    assert.ok(values.multicluster.clusters.labelClusterMap?.team1 && values.multicluster.clusters.labelClusterMap?.team2, 'both labels are routed');
    st.hubOk = true;
  });

  s(`control plane WITHOUT the post-renderer: Helm fails on MultiClusterConfig and stores nothing`, async () => {
    const { hub } = need('hub');
    const r = await timed(`Helm ${major}: install control plane without post-renderer (refused)`, () =>
      helm('install control plane without post-renderer', [
        'install',
        RELEASE,
        chart,
        '-n',
        NS,
        '--create-namespace',
        '--kube-context',
        hub.context,
        '-f',
        join(CHART_DIR, 'values-controlplane.yaml'),
        '-f',
        st.valuesFile,
        '--timeout',
        '120s',
      ]),
    );
    assert.is.not(r.code, 0, `helm ${major} installed a control plane without the post-renderer:\n${r.stdout.slice(0, 2000)}`);
    assert.match(r.stderr, /no matches for kind "MultiClusterConfig" in version "flytemc\.io\/v1alpha1"/, `helm's error:\n${r.stderr}`);
    const kc = kubeConfigFor(hub);
    const apps = kc.makeApiClient(AppsV1Api);
    const dep = await apps.readNamespacedDeployment({ namespace: NS, name: 'flyteadmin' }).then(
      () => 200,
      (e) => apiStatus(e),
    );
    assert.is(dep, 404, 'no Deployment flyteadmin may be stored after the refused install');
    const all = await apps.listDeploymentForAllNamespaces();
    assert.equal(
      all.items.map((d) => `${d.metadata?.namespace}/${d.metadata?.name}`),
      [],
      'no Deployment at all in cluster-0',
    );
    assert.equal(
      (await storedReleases(kc)).map((x) => x.secret),
      [],
      'no Helm release recorded in cluster-0',
    );
  });

  s(
    `control plane THROUGH the post-renderer: stored Deployments mount ${SECRET} once in each of the three places; ConfigMaps list the three clusters`,
    async () => {
      const { set, hub } = need('hub');
      const { env, args: prArgs } = await postRenderer();
      const r = await timed(`Helm ${major}: install control plane through the post-renderer`, () =>
        helm(
          'install control plane',
          [
            'install',
            RELEASE,
            chart,
            '-n',
            NS,
            '--kube-context',
            hub.context,
            '-f',
            join(CHART_DIR, 'values-controlplane.yaml'),
            '-f',
            SHARED,
            '-f',
            st.valuesFile,
            ...prArgs,
            '--timeout',
            '120s',
          ],
          env,
        ),
      );
      assert.is(
        r.code,
        0,
        helmFailure(`helm ${major} install of the control plane`, r, [hub]) +
          errorFilesUnder(tmpFor(base))
            .map((f) => `\n--- post-renderer error file ${f.label}:\n${f.text}`)
            .join(''),
      );

      const kc = kubeConfigFor(hub);
      const releases = await storedReleases(kc);
      assert.is(releases.length, 1, `cluster-0: stored releases ${releases.map((x) => x.secret).join(', ')}`);
      const rel = releases[0]!;
      assert.is(rel.status, 'deployed');
      // The stored manifest is the post-renderer's output: Helm keeps what it applied.
      transcript.add(`Helm ${major} control plane: post-rendered manifest (stored release)`, rel.manifest);
      const manifestObjs = objects(rel.manifest);
      assert.not.ok(
        manifestObjs.some((o) => o.kind === 'MultiClusterConfig'),
        'the MultiClusterConfig document reached the release',
      );
      assert.ok(manifestObjs.length >= 15, `only ${manifestObjs.length} objects in the control plane's manifest`);
      const { missing, checked } = await notStored(kc, rel.manifest, NS);
      assert.equal(missing, [], `cluster-0: ${missing.length} of ${checked} objects of the release are not stored\n${tails([hub])}`);
      // No such kind in the cluster: nothing of flytemc.io is served, hence nothing of it is stored.
      const groups = await kc.makeApiClient(ApisApi).getAPIVersions();
      assert.not.ok(
        groups.groups.some((g) => g.name === 'flytemc.io'),
        'an API group flytemc.io exists in cluster-0',
      );

      // The STORED Deployments (what the API server defaulted and kept), not the rendered ones.
      const apps = kc.makeApiClient(AppsV1Api);
      const stored: V1Deployment[] = await Promise.all(['flyteadmin', 'syncresources'].map((name) => apps.readNamespacedDeployment({ namespace: NS, name })));
      const deps = stored.map((d) => ({ ...d, kind: 'Deployment' }) as Obj);
      for (const place of THREE_PLACES) {
        const mounts = credentialMounts(deps, place, MOUNT);
        assert.equal(
          mounts.map((m) => m.secretName),
          [SECRET],
          `stored Deployment ${place.deployment}, ${place.list} ${place.container}: mounts at ${MOUNT}: ${JSON.stringify(mounts)}`,
        );
        const pod = deps.find((d) => d.metadata.name === place.deployment)!.spec.template.spec;
        const c = (pod[place.list] as Obj[]).find((x) => x.name === place.container)!;
        assert.ok(
          c.volumeMounts.find((m: Obj) => m.name === mounts[0]!.volume).readOnly === true,
          `${place.deployment}/${place.container}: the mount is read-only`,
        );
      }
      for (const d of deps) {
        const vols = (d.spec.template.spec.volumes as Obj[]).filter((v) => v.secret?.secretName === SECRET || v.name === SECRET);
        assert.is(vols.length, 1, `stored Deployment ${d.metadata.name}: ${vols.length} volumes of Secret ${SECRET}`);
        assert.not.ok(JSON.stringify(d).includes('cluster_credentials'), `stored Deployment ${d.metadata.name} mentions cluster_credentials`);
      }

      // The STORED ConfigMaps carry the three clusters, each with its token and CA file in the mount.
      const core = kc.makeApiClient(CoreV1Api);
      for (const cmName of ['flyte-admin-clusters-config', 'flyte-clusterresourcesync-config']) {
        const cm = await core.readNamespacedConfigMap({ namespace: NS, name: cmName });
        const withClusters = Object.entries(cm.data ?? {})
          .map(([k, v]) => [k, yaml.load(v) as Obj] as const)
          .filter(([, v]) => v?.clusters?.clusterConfigs);
        assert.is(
          withClusters.length,
          1,
          `stored ConfigMap ${cmName}: ${withClusters.length} keys with clusters.clusterConfigs (${Object.keys(cm.data ?? {}).join(', ')})`,
        );
        const clusters = withClusters[0]![1].clusters as Obj;
        assert.equal(
          (clusters.clusterConfigs as Obj[]).map((c) => [c.name, c.endpoint, c.enabled, c.auth?.tokenPath, c.auth?.certPath]),
          st.dps.map((dp) => [dp.name, dp.server, true, `${MOUNT}/${dp.name}_token`, `${MOUNT}/${dp.name}_cacert`]),
          `stored ConfigMap ${cmName} (${withClusters[0]![0]})`,
        );
        assert.equal(
          Object.keys(clusters.labelClusterMap).sort(),
          [...st.dps.map((dp) => `pin-${dp.name}`), 'team1', 'team2'].sort(),
          `${cmName}: labelClusterMap (join's routes and a pin label per cluster)`,
        );
        assert.not.match(JSON.stringify(clusters), /insecure/i, `${cmName}: a cluster config turns TLS verification off`);
      }

      // From the hub, as FlyteAdmin would: every configured cluster reachable, TLS verified, token valid.
      // No kubelet runs flytepropeller here: each data plane's plays running, its leader Lease renewed now.
      for (const dp of st.dps) await renewLease(kubeConfigFor(dp), NS, `${dp.name}-propeller`);
      const c = await timed(`Helm ${major}: flytemc check`, () =>
        runCli(['check', '--kube-context', hub.context, '--kubeconfig', set.kubeconfigPath, '-n', NS, '-o', 'json'], {
          PATH: process.env.PATH ?? '',
          HOME: process.env.HOME ?? base,
        }),
      );
      transcript.proc(`flytemc check (Helm ${major} set)`, c);
      assert.is(c.code, 0, `flytemc check exited ${c.code}\n--- stderr:\n${c.stderr}\n--- stdout:\n${c.stdout}`);
      for (const dp of st.dps) assert.ok(c.stdout.includes(dp.name), `flytemc check does not report ${dp.name}:\n${c.stdout}`);
      // from both sides: every finding of every data plane, the member's included, is OK
      const rep = JSON.parse(c.stdout) as { clusters: Array<{ name: string; findings: Array<{ check: string; ok: boolean | null }> }> };
      for (const row of rep.clusters) {
        assert.equal(
          row.findings.map((f) => `${f.check}:${f.ok}`),
          ['reachable', 'tls', 'token', 'permissions', 'deployed', 'installed', 'alive', 'admin', 'catalog', 'cluster-id', 'storage'].map((k) => `${k}:true`),
          row.name,
        );
      }
    },
  );

  s(`the guide's cluster_credentials: 422 from the real server; flytemc refuses it first, with a hint`, async () => {
    const { hub } = need('set');
    const kc = kubeConfigFor(hub);
    const core = kc.makeApiClient(CoreV1Api);
    const apps = kc.makeApiClient(AppsV1Api);
    await core.createNamespace({ body: { metadata: { name: 'guide' } } }).catch((e) => {
      if (apiStatus(e) !== 409) throw e;
    });
    // The guide's secrets.yaml (its name; valid data, so the name is the only defect).
    const secret = await expectApiError(() =>
      core.createNamespacedSecret({
        namespace: 'guide',
        body: { metadata: { name: 'cluster_credentials' }, type: 'Opaque', stringData: { cluster_1_token: 'not-a-token', cluster_1_cacert: 'not-a-ca' } },
      }),
    );
    assert.is(secret.status, 422, `Secret cluster_credentials: ${JSON.stringify(secret)}`);
    assert.match(secret.message, /metadata\.name: Invalid value: "cluster_credentials"/);
    // The guide's volume: flyte-core's own flyteadmin Deployment rendered with the guide's values.
    const t = await runHelm(
      major,
      [
        'template',
        RELEASE,
        FLYTE_CORE_TGZ,
        '-n',
        'guide',
        '-f',
        fixture('guide/defect5-underscore-names.yaml'),
        '--show-only',
        'templates/admin/deployment.yaml',
      ],
      { env: st.env },
    );
    transcript.proc(`${H} template flyte-core with the guide's values`, t);
    assert.is(t.code, 0, t.stderr);
    const dep = objects(t.stdout).find((o) => o.kind === 'Deployment' && o.metadata.name === 'flyteadmin')!;
    assert.ok(
      dep.spec.template.spec.volumes.some((v: Obj) => v.name === 'cluster_credentials'),
      'the guide render has the volume',
    );
    const vol = await expectApiError(() => apps.createNamespacedDeployment({ namespace: 'guide', body: dep as never }));
    assert.is(vol.status, 422, `Deployment with volume cluster_credentials: ${JSON.stringify(vol)}`);
    assert.match(vol.message, /spec\.template\.spec\.volumes\[\d+\]\.name: Invalid value: "cluster_credentials"/);
    assert.match(vol.message, /volumeMounts\[\d+\]\.name: Not found: "cluster_credentials"|volumeMounts\[\d+\]\.name/);
    // Nothing of it is stored.
    assert.is(
      await core.readNamespacedSecret({ namespace: 'guide', name: 'cluster_credentials' }).then(
        () => 200,
        (e) => apiStatus(e),
      ),
      404,
    );
    assert.is(
      await apps.readNamespacedDeployment({ namespace: 'guide', name: 'flyteadmin' }).then(
        () => 200,
        (e) => apiStatus(e),
      ),
      404,
    );

    // Our validation refuses the same values before any cluster sees them.
    const pr = await runCli(
      ['post-render', '--config', fixture('guide/defect5-underscore-names.yaml')],
      { PATH: process.env.PATH ?? '' },
      rendered('controlplane.yaml'),
    );
    transcript.proc('flytemc post-render --config defect5', pr);
    assert.is.not(pr.code, 0, 'post-render accepted the guide values');
    assert.is(pr.stdout, '', 'post-render wrote manifests despite the error');
    assert.match(pr.stderr, /cluster_credentials/);
    assert.match(pr.stderr, /fix: .*cluster-credentials/);
    const v = await runCli(['validate', '-f', fixture('guide/defect5-underscore-names.yaml')], { PATH: process.env.PATH ?? '' });
    transcript.proc('flytemc validate -f defect5', v);
    assert.is(v.code, 1, `validate exited ${v.code}\n${v.stdout}\n${v.stderr}`);
    const out = v.stdout + v.stderr;
    for (const what of ['volume name', 'volume mount name', 'Secret name']) {
      assert.match(out, new RegExp(`${what} "cluster_credentials" is not a valid Kubernetes name`), `validate does not name the ${what}:\n${out}`);
    }
    assert.match(out, /fix: use "cluster-credentials"/);
  });

  s(`secrets: no data-plane token in the Helm releases stored in the 4 clusters, nor in any output so far`, async () => {
    const { set } = need('dataPlanes');
    let releases = 0;
    for (const c of set.clusters) {
      for (const rel of await storedReleases(kubeConfigFor(c))) {
        releases++;
        const leaks = findLeaks([{ label: `${c.name} release ${rel.secret}`, text: rel.json }], tokens);
        assert.equal(leaks, [], `tokens in the stored release:\n${leaks.join('\n')}`);
      }
    }
    assert.is(releases, 1 + N_DATA_PLANES, 'one release per cluster');
    const leaks = findLeaks(transcript.streams, tokens);
    assert.equal(leaks, [], `tokens in output streams:\n${leaks.join('\n')}`);
    // The clusters' own logs (etcd, kube-apiserver, kube-controller-manager) too: the tools talked
    // to these servers with the tokens; nothing may have echoed one into a log.
    const logs = set.clusters
      .flatMap((c) => Object.values(c.logs))
      .filter((f) => existsSync(f))
      .map((f) => ({ label: `log ${f}`, text: readFileSync(f, 'latin1') }));
    assert.is(logs.length, 3 * set.clusters.length, 'every component log exists');
    const logLeaks = findLeaks(logs, tokens);
    assert.equal(logLeaks, [], `tokens in cluster logs:\n${logLeaks.join('\n')}`);
  });

  s.after(async () => {
    if (st.set) await timed(`Helm ${major}: stop 4 clusters`, () => st.set!.stop());
    const keep = process.env.FLYTEMC_KEEP_CLUSTERS === '1';
    if (!keep) rmSync(join(base, 'clusters'), { recursive: true, force: true });
    else console.log(`  kept ${join(base, 'clusters')} (FLYTEMC_KEEP_CLUSTERS=1)`);
  });

  s.run();
}

for (const major of HELM_MAJORS) defineSuite(major);

// ---------------------------------------------------------------------------------------------
// Both majors done: every stream and every file this run wrote, then the figures.

const last = suite('e2e: secrets hygiene over the whole run');

last('no data-plane token in any output stream or in any file written (helm homes, values files, post-renderer error files)', () => {
  assert.is(
    tokens.length,
    N_DATA_PLANES * HELM_MAJORS.length,
    `expected ${N_DATA_PLANES * HELM_MAJORS.length} tokens, the data-plane tests produced ${tokens.length}`,
  );
  // the post-renderer's error files are under root too: its TMPDIR (tmpFor) is there
  const files = filesUnder(root);
  // The scan finds what it looks for: each form of a token, embedded in other text.
  const probe = tokens[0]!.value;
  for (const form of [probe, Buffer.from(probe).toString('base64'), probe.split('.')[2]!]) {
    assert.ok(findLeaks([{ label: 'probe', text: `x: "${form}"\n` }], tokens).length >= 1, `the scan misses a planted token (${form.slice(0, 8)}…)`);
  }
  const leaks = findLeaks([...transcript.streams, ...files], tokens);
  assert.equal(leaks, [], `tokens found:\n${leaks.join('\n')}`);
  assert.ok(transcript.streams.length >= 10, `only ${transcript.streams.length} streams recorded`);
  console.log(
    `\n  scanned ${transcript.streams.length} output streams (${(transcript.bytes / 1024).toFixed(0)} KiB) and ${files.length} files for ${tokens.length} tokens: none found`,
  );
});

last.after(() => {
  timings.push(['whole file', performance.now() - fileStart]);
  console.log('\n  e2e timings:');
  for (const [k, ms] of timings) console.log(`    ${k.padEnd(72)} ${secs(ms)}`);
  if (process.env.FLYTEMC_KEEP_CLUSTERS !== '1') rmSync(root, { recursive: true, force: true });
});

last.run();
