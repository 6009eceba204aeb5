// The data plane's way back on REAL API servers (test/harness) with real Helm 3 and
// Helm 4, every step through the built CLI (dist/flytemc.mjs) as users run it:
//
//   cluster-1  dp-a: `helm flytemc install data-plane --admin-endpoint` on Helm 3
//   cluster-2  dp-b: the same on Helm 4, with multicluster.dataPlane.rbac: minimal
//   cluster-3  first bare (join --rbac minimal creates the minimal ClusterRole), then a data plane
//              as the upstream guide installs it: flyte-core's own chart and values-dataplane.yaml
//              (flyteadmin:81, datacatalog:89, in-cluster minio)
//   cluster-0  the control plane (Helm 3, through the post-renderer), also running workloads
//              (an inCluster entry, flytepropeller kept on) with the DataCatalog route on its Ingress
//
// and then: join refuses dp-a under another name (--force warns); check from both sides passes
// dp-a, dp-b and the control plane and fails cluster-3 naming flyteadmin:81; a data plane told to
// use flyteadmin:81 fails until such a Service exists; another bucket fails; a permission taken
// from the minimal ClusterRole is named per kind.
import { test } from './helpers/uvu.ts';
import * as assert from 'uvu/assert';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { AppsV1Api, CoreV1Api, NetworkingV1Api, RbacAuthorizationV1Api } from '@kubernetes/client-node';
import { logTail, startClusters, type ClusterSet } from './harness/cluster.ts';
import { apiStatus, kubeConfigFor } from './harness/kube.ts';
import { helmBinary, helmEnv, prepareChart, runHelm, type HelmMajor } from './helpers/helm.ts';
import { runCli, storedReleases, type ProcResult } from './helpers/e2e.ts';
import { FLYTE_CORE_TGZ } from '../scripts/shared.mjs';
import { renewLease } from './flyte/propeller.ts';

const NS = 'flyte';
const ADMIN = 'dns:///flyte.example.com:443';
const work = mkdtempSync(join(tmpdir(), 'flytemc-wayback-'));
prepareChart();
let set: ClusterSet;
const figures: Array<[string, string]> = [];
const envs = {} as Record<HelmMajor, NodeJS.ProcessEnv>;
const cpValues = join(work, 'controlplane-values.yaml');

/** What both planes share (docs/chart.md): where the control plane is, the route, one bucket. */
const shared = join(work, 'shared.yaml');
writeFileSync(
  shared,
  yaml.dump({
    multicluster: { controlPlane: { adminEndpoint: ADMIN, catalogIngress: true } },
    'flyte-core': { storage: { type: 's3', bucketName: 'flyte-meta', s3: { region: 'us-east-1' } } },
  }),
);

const ctx = (i: number) => `cluster-${i}`;
const kc = (i: number) => kubeConfigFor(set.clusters[i]!);
const core = (i: number) => kc(i).makeApiClient(CoreV1Api);

/** The CLI with one Helm (FLYTEMC_HELM) and its isolated homes, against the harness kubeconfig. */
async function flytemc(args: string[], major: HelmMajor = 3): Promise<ProcResult> {
  const r = await runCli(args, { ...envs[major], FLYTEMC_HELM: helmBinary(major), HOME: work, FLYTEMC_PROGRESS: '0' }, '', 240_000);
  return r;
}
const hub = () => ['--kube-context', ctx(0), '--kubeconfig', set.kubeconfigPath, '-n', NS];
const show = (r: ProcResult) => `exit ${r.code}\n--- stdout:\n${r.stdout}\n--- stderr:\n${r.stderr}`;
const timed = async <T>(label: string, fn: () => Promise<T>): Promise<T> => {
  const t = performance.now();
  try {
    return await fn();
  } finally {
    figures.push([label, `${((performance.now() - t) / 1000).toFixed(1)} s`]);
  }
};

async function propellerConfig(i: number): Promise<{ admin: any; catalog: any; storage: any }> {
  const cm = await core(i).readNamespacedConfigMap({ name: 'flyte-propeller-config', namespace: NS });
  const load = (k: string) => yaml.load(cm.data?.[k] ?? '') as any;
  return { admin: load('admin.yaml'), catalog: load('catalog.yaml'), storage: load('storage.yaml') };
}

async function clusterId(i: number): Promise<string | undefined> {
  const d = await kc(i).makeApiClient(AppsV1Api).readNamespacedDeployment({ name: 'flytepropeller', namespace: NS });
  const c = d.spec!.template.spec!.containers[0]!;
  const argv = [...(c.command ?? []), ...(c.args ?? [])];
  return argv[argv.indexOf('--propeller.cluster-id') + 1];
}

interface Report {
  ok: boolean;
  clusters: Array<{ name: string; verdict: string; findings: Array<{ check: string; ok: boolean | null; value?: string; problem?: string; fix?: string }> }>;
}
/** The harness runs no pods: every flytepropeller installed here plays running, its leader Lease renewed now. */
async function propellersRun(): Promise<void> {
  for (const i of [0, 1, 2, 3]) {
    const installed = await kc(i)
      .makeApiClient(AppsV1Api)
      .readNamespacedDeployment({ name: 'flytepropeller', namespace: NS })
      .then(
        () => true,
        () => false,
      );
    if (installed) await renewLease(kc(i), NS, `${ctx(i)}-propeller`);
  }
}

async function check(extra: string[] = []): Promise<{ r: ProcResult; rep?: Report }> {
  await propellersRun();
  const r = await flytemc(['check', ...hub(), '-f', cpValues, ...extra]);
  return { r, ...(extra.includes('json') ? { rep: JSON.parse(r.stdout) as Report } : {}) };
}
const finding = (rep: Report, name: string, what: string) => rep.clusters.find((c) => c.name === name)!.findings.find((f) => f.check === what)!;

test.before(async () => {
  set = await startClusters({ n: 4, dir: join(work, 'clusters') });
  for (const major of [3, 4] as const) envs[major] = helmEnv(join(work, `helm${major}`), { kubeconfig: set.kubeconfigPath });
});

test('dp-a with `helm flytemc install data-plane --admin-endpoint` (Helm 3): the stored flytepropeller config points at the control plane', async () => {
  const r = await timed('install data-plane dp-a (Helm 3, CLI)', () =>
    flytemc(['install', 'data-plane', '--name', 'dp-a', '--admin-endpoint', ADMIN, '--kube-context', ctx(1), '-n', NS, '--create-namespace', '-f', shared]),
  );
  assert.is(r.code, 0, `${show(r)}\n${logTail(set.clusters[1]!.logs['kube-apiserver'], 10)}`);
  assert.match(r.stdout, new RegExp(`sends its execution events to FlyteAdmin at\\s+${ADMIN}`), 'NOTES name the endpoint');
  const cfg = await propellerConfig(1);
  assert.is(cfg.admin.admin.endpoint, ADMIN);
  assert.equal(cfg.catalog['catalog-cache'], { type: 'datacatalog', endpoint: ADMIN, insecure: false });
  assert.is(cfg.storage.storage.container, 'flyte-meta');
  assert.is(await clusterId(1), 'dp-a');
  const [rel] = await storedReleases(kc(1));
  assert.not.match(rel!.manifest, /flyteadmin:81|datacatalog:89|MultiClusterConfig/, 'the stored release');
});

test("dp-b on Helm 4 with rbac minimal: flyteadmin's stored ClusterRole holds only what the templates and FlyteWorkflow objects need", async () => {
  const r = await timed('install data-plane dp-b (Helm 4, CLI)', () =>
    flytemc(
      [
        'install',
        'data-plane',
        '--name',
        'dp-b',
        '--admin-endpoint',
        ADMIN,
        '--kube-context',
        ctx(2),
        '-n',
        NS,
        '--create-namespace',
        '-f',
        shared,
        '--set',
        'multicluster.dataPlane.rbac=minimal',
      ],
      4,
    ),
  );
  assert.is(r.code, 0, show(r));
  assert.is((await propellerConfig(2)).admin.admin.endpoint, ADMIN);
  const role = await kc(2)
    .makeApiClient(RbacAuthorizationV1Api)
    .readClusterRole({ name: `${NS}-flyteadmin` });
  assert.equal(
    role.rules!.map((x) => ({ apiGroups: x.apiGroups, resources: x.resources, verbs: x.verbs })),
    [
      { apiGroups: [''], resources: ['namespaces', 'resourcequotas'], verbs: ['create', 'get', 'patch'] },
      { apiGroups: ['flyte.lyft.com'], resources: ['flyteworkflows'], verbs: ['create', 'get', 'update', 'delete', 'list', 'watch'] },
    ],
  );
});

test('identity: dp-a joined as --name dp-b is refused naming both, nothing written; --force joins with a warning and check names the mismatch; rejoined as dp-a', async () => {
  const refused = await flytemc(['join', ctx(1), '--name', 'dp-b', ...hub(), '--values', cpValues]);
  assert.is(refused.code, 3, show(refused));
  assert.match(
    refused.stderr,
    /context cluster-1: Deployment flyte\/flytepropeller \(Helm release flyte\): flytepropeller there reports as cluster "dp-a" \(--propeller\.cluster-id\), but it is joined as "dp-b"/,
  );
  assert.match(refused.stderr, /fix: join it as --name dp-a, or reinstall the data plane as dp-b .*, or pass --force/);
  assert.is(
    await core(0)
      .readNamespacedSecret({ name: 'cluster-credentials', namespace: NS })
      .then(
        () => 200,
        (e) => apiStatus(e),
      ),
    404,
    'the hub was written',
  );
  assert.is(
    await core(1)
      .readNamespacedSecret({ name: 'flyteadmin-token', namespace: NS })
      .then((s) => s.metadata?.labels?.['app.kubernetes.io/managed-by']),
    'Helm',
    'the member is as the chart made it',
  );

  const forced = await flytemc(['join', ctx(1), '--name', 'dp-b', ...hub(), '--values', cpValues, '--force']);
  assert.is(forced.code, 0, show(forced));
  assert.match(forced.stderr, /warning: .*--force: flytepropeller there reports as cluster "dp-a"/);
  const { r, rep } = await check(['-o', 'json', '--timeout', '20s']);
  assert.is(r.code, 3, show(r));
  const id = finding(rep!, 'dp-b', 'cluster-id');
  assert.is(id.ok, false);
  assert.match(id.problem!, /reports as cluster "dp-a", but the hub lists it as "dp-b": FlyteAdmin drops its events/);

  const un = await flytemc(['unjoin', ctx(1), '--name', 'dp-b', ...hub(), '--values', cpValues]);
  assert.is(un.code, 0, show(un));
  const ok = await flytemc(['join', ctx(1), '--name', 'dp-a', ...hub(), '--values', cpValues, '--label', 'team1=1']);
  assert.is(ok.code, 0, show(ok));
  assert.match(ok.stdout, /Deployment flyte\/flytepropeller\s+\(reports as cluster "dp-a"\)/);
  const b = await flytemc(['join', ctx(2), '--name', 'dp-b', ...hub(), '--values', cpValues, '--label', 'team2=1', '--rbac', 'minimal']);
  assert.is(b.code, 0, show(b));
  assert.match(b.stdout, /unchanged\s+ClusterRole flyte-flyteadmin/, "the chart's minimal ClusterRole is what join --rbac minimal wants");
});

test("cluster-3: join --rbac minimal on a bare member creates exactly the minimal ClusterRole; then flyte-core's own data plane (the upstream guide's) is installed there", async () => {
  const j = await flytemc(['join', ctx(3), ...hub(), '--rbac', 'minimal']);
  assert.is(j.code, 0, show(j));
  assert.match(j.stdout, /flytepropeller in flyte\s+\(not installed yet: install the data plane with --name cluster-3\)/);
  const role = await kc(3)
    .makeApiClient(RbacAuthorizationV1Api)
    .readClusterRole({ name: `${NS}-flyteadmin` });
  assert.is(role.metadata?.labels?.['flytemc.io/rbac'], 'minimal');
  assert.equal(role.rules!.flatMap((x) => x.resources ?? []).sort(), ['flyteworkflows', 'namespaces', 'resourcequotas']);
  assert.not.ok(JSON.stringify(role.rules).includes('"*"'));
  const un = await flytemc(['unjoin', ctx(3), ...hub()]);
  assert.is(un.code, 0, show(un));

  // flyte-core's chart as the upstream guide installs a data plane
  const dir = join(work, 'flyte-core');
  mkdirSync(dir, { recursive: true });
  const tar = spawnSync('tar', ['xzf', FLYTE_CORE_TGZ, '-C', dir]);
  assert.is(tar.status, 0, String(tar.stderr));
  const h = await timed("install flyte-core's own data plane (Helm 4)", () =>
    runHelm(
      4,
      [
        'upgrade',
        '--install',
        'flyte',
        join(dir, 'flyte-core'),
        '-n',
        NS,
        '--create-namespace',
        '--kube-context',
        ctx(3),
        '-f',
        join(dir, 'flyte-core', 'values-dataplane.yaml'),
        '--set',
        'flytepropeller.clusterName=cluster-3',
      ],
      { env: envs[4] },
    ),
  );
  assert.is(h.code, 0, h.stderr);
  assert.is((await propellerConfig(3)).admin.admin.endpoint, 'flyteadmin:81');
  const again = await flytemc(['join', ctx(3), ...hub(), '--values', cpValues, '--label', 'team2=1', '--rbac', 'minimal']);
  assert.is(again.code, 0, show(again));
  assert.match(
    again.stdout,
    /unchanged\s+ClusterRole flyte-flyteadmin\s+\(managed by Helm and broader than minimal: set multicluster\.dataPlane\.rbac=minimal on the data-plane release\)/,
  );
});

test('the control plane (Helm 3, post-renderer) also runs workloads: inCluster entry, flytepropeller on; the DataCatalog route on its stored Ingress', async () => {
  const values = yaml.load(readFileSync(cpValues, 'utf8')) as any;
  values.multicluster.clusters.clusterConfigs.unshift({ name: 'cp', inCluster: true, enabled: true });
  values['flyte-core'] = { flytepropeller: { enabled: true, clusterName: 'cp' } };
  writeFileSync(cpValues, yaml.dump(values));
  const r = await timed('install control-plane with workloads (Helm 3, CLI)', () =>
    flytemc(['install', 'control-plane', '--kube-context', ctx(0), '-n', NS, '-f', shared, '-f', cpValues]),
  );
  assert.is(r.code, 0, show(r));
  assert.is(await clusterId(0), 'cp');
  const ingresses = await kc(0).makeApiClient(NetworkingV1Api).listNamespacedIngress({ namespace: NS });
  const paths = ingresses.items.flatMap((i) => i.spec?.rules?.flatMap((x) => x.http?.paths ?? []) ?? []);
  assert.ok(paths.some((p) => p.path === '/flyteidl.service.AdminService'));
  assert.equal(
    paths.filter((p) => p.path?.startsWith('/datacatalog.DataCatalog')).map((p) => [p.path, p.backend.service?.name, p.backend.service?.port?.number]),
    [
      ['/datacatalog.DataCatalog', 'datacatalog', 89],
      ['/datacatalog.DataCatalog/*', 'datacatalog', 89],
    ],
  );
  const clusters = yaml.load((await core(0).readNamespacedConfigMap({ name: 'flyte-admin-clusters-config', namespace: NS })).data!['clusters.yaml']!) as any;
  assert.equal(
    clusters.clusters.clusterConfigs.map((c: any) => c.name),
    ['cp', 'dp-a', 'dp-b', 'cluster-3'],
  );
});

test("check from both sides: dp-a, dp-b and the control plane OK; flyte-core's defaults on cluster-3 fail naming flyteadmin:81, datacatalog:89 and minio; -o json carries every finding", async () => {
  const { r } = await timed('check 4 clusters, both sides', () => check());
  assert.is(r.code, 3, show(r));
  const rows = Object.fromEntries(
    r.stdout
      .split('\n')
      .filter((l) => /^(cp|dp-a|dp-b|cluster-3) /.test(l))
      .map((l) => [l.split(/\s+/)[0], l.split(/\s+/).slice(2)]),
  );
  //                      REACHABLE TLS   TOKEN PERMISSIONS DEPLOYED PROPELLER ALIVE ADMIN CATALOG CLUSTER-ID STORAGE VERDICT
  assert.equal(rows['dp-a'], ['yes', 'yes', 'yes', 'yes', 'yes', 'yes', 'yes', 'yes', 'yes', 'yes', 'yes', 'OK'], r.stdout);
  assert.equal(rows['dp-b'], ['yes', 'yes', 'yes', 'yes', 'yes', 'yes', 'yes', 'yes', 'yes', 'yes', 'yes', 'OK'], r.stdout);
  assert.equal(rows.cp, ['cluster', '-', '-', '-', '-', 'yes', 'yes', 'yes', 'yes', 'yes', 'yes', 'yes', 'OK'], r.stdout); // ENDPOINT "in cluster"
  assert.equal(rows['cluster-3'], ['yes', 'yes', 'yes', 'yes', 'yes', 'yes', 'yes', 'NO', 'NO', 'yes', 'NO', 'FAIL'], r.stdout);
  assert.match(
    r.stdout,
    /error: cluster cluster-3 \(admin, context cluster-3\): flytepropeller's admin endpoint flyteadmin:81 is flyte-core's single-cluster default, a Service flyte\/flyteadmin this cluster does not have/,
  );
  assert.match(
    r.stdout,
    /fix: reinstall the data plane pointed at the control plane, with the values file both planes share .*: helm flytemc install data-plane --name cluster-3 --kube-context cluster-3 -n flyte -f shared-values\.yaml/,
  );
  assert.match(r.stdout, /error: cluster cluster-3 \(catalog, context cluster-3\): flytepropeller's catalog endpoint datacatalog:89/);
  assert.match(r.stdout, /error: cluster cluster-3 \(storage, context cluster-3\): flytepropeller writes to flyte-core's in-cluster minio/);
  assert.match(r.stdout, /1 of 4 clusters FAIL/);
  const { rep } = await check(['-o', 'json']);
  const c3 = rep!.clusters.find((c) => c.name === 'cluster-3')!;
  assert.equal(
    c3.findings.map((f) => `${f.check}:${f.ok}`),
    [
      'reachable:true',
      'tls:true',
      'token:true',
      'permissions:true',
      'deployed:true',
      'installed:true',
      'alive:true',
      'admin:false',
      'catalog:false',
      'cluster-id:true',
      'storage:false',
    ],
  );
  assert.ok(
    c3.findings.filter((f) => f.ok === false).every((f) => f.problem && f.fix),
    'every failed finding has a problem and a fix',
  );
  assert.is(finding(rep!, 'cluster-3', 'admin').value, 'flyteadmin:81');
  // the hub side only: what check said before the way back was checked
  const hubOnly = await check(['--hub-only']);
  assert.is(hubOnly.r.code, 0, show(hubOnly.r));
  // a data plane your kubeconfig cannot read (here: a revoked login for cluster-1) is checked from the hub only, and says so
  const cfg = yaml.load(readFileSync(set.kubeconfigPath, 'utf8')) as any;
  const ctx1 = cfg.contexts.find((c: any) => c.name === ctx(1));
  cfg.users.push({ name: 'revoked', user: { token: 'not-a-valid-token' } });
  ctx1.context.user = 'revoked';
  const kcFile = join(work, 'kubeconfig-revoked');
  writeFileSync(kcFile, yaml.dump(cfg), { mode: 0o600 });
  const partial = await flytemc(['check', '--kube-context', ctx(0), '--kubeconfig', kcFile, '-n', NS, '-f', cpValues, '-o', 'json']);
  const a = (JSON.parse(partial.stdout) as Report).clusters.find((c) => c.name === 'dp-a')!;
  assert.is(a.verdict, 'ok', partial.stdout);
  assert.equal(
    a.findings.filter((f) => f.ok === null).map((f) => f.check),
    ['installed'],
  );
  const note = a.findings.find((f) => f.check === 'installed')!.problem!;
  assert.match(note, /the data plane's side was not checked: context cluster-1: .*rejected the kubeconfig's credentials/, note);
});

test('a data plane asked to use flyteadmin:81 fails until a Service of that name exists there (an ExternalName to the control plane)', async () => {
  const up = await flytemc(['install', 'data-plane', '--name', 'dp-a', '--admin-endpoint', 'flyteadmin:81', '--kube-context', ctx(1), '-n', NS, '-f', shared]);
  assert.is(up.code, 0, show(up));
  const { r, rep } = await check(['-o', 'json']);
  assert.is(r.code, 3);
  assert.match(
    finding(rep!, 'dp-a', 'admin').problem!,
    /admin endpoint flyteadmin:81 is flyte-core's single-cluster default, a Service flyte\/flyteadmin this cluster does not have/,
  );
  await core(1).createNamespacedService({
    namespace: NS,
    body: { metadata: { name: 'flyteadmin' }, spec: { type: 'ExternalName', externalName: 'flyte.example.com' } },
  });
  const { rep: after } = await check(['-o', 'json']);
  assert.equal(finding(after!, 'dp-a', 'admin'), { check: 'admin', ok: true, value: 'flyteadmin:81' });
  await core(1).deleteNamespacedService({ name: 'flyteadmin', namespace: NS });
  const back = await flytemc(['install', 'data-plane', '--name', 'dp-a', '--admin-endpoint', ADMIN, '--kube-context', ctx(1), '-n', NS, '-f', shared]);
  assert.is(back.code, 0, show(back));
});

test('storage: dp-a on another bucket fails, naming both buckets', async () => {
  const up = await flytemc([
    'install',
    'data-plane',
    '--name',
    'dp-a',
    '--admin-endpoint',
    ADMIN,
    '--kube-context',
    ctx(1),
    '-n',
    NS,
    '-f',
    shared,
    '--set',
    'flyte-core.storage.bucketName=elsewhere',
  ]);
  assert.is(up.code, 0, show(up));
  const { rep } = await check(['-o', 'json']);
  const s = finding(rep!, 'dp-a', 'storage');
  assert.is(s.ok, false);
  assert.match(s.problem!, /flytepropeller's storage \(s3 elsewhere\) is not FlyteAdmin's \(s3 flyte-meta\): bucket\/container "flyte-meta" vs "elsewhere"/);
  const back = await flytemc(['install', 'data-plane', '--name', 'dp-a', '--admin-endpoint', ADMIN, '--kube-context', ctx(1), '-n', NS, '-f', shared]);
  assert.is(back.code, 0, show(back));
  assert.is(finding((await check(['-o', 'json'])).rep!, 'dp-a', 'storage').ok, true);
});

test("rbac minimal: a permission taken from dp-b's ClusterRole is named per kind; join --rbac minimal puts it back", async () => {
  const rbac = kc(2).makeApiClient(RbacAuthorizationV1Api);
  const role = await rbac.readClusterRole({ name: `${NS}-flyteadmin` });
  role.rules = role.rules!.map((x) => ({ ...x, resources: (x.resources ?? []).filter((res) => res !== 'resourcequotas') }));
  await rbac.replaceClusterRole({ name: `${NS}-flyteadmin`, body: role });
  let rep: Report | undefined;
  for (let i = 0; i < 20; i++) {
    // RBAC's informer catches up
    rep = (await check(['-o', 'json'])).rep;
    if (finding(rep!, 'dp-b', 'permissions').ok === false) break;
    await new Promise((res) => setTimeout(res, 250));
  }
  const p = finding(rep!, 'dp-b', 'permissions');
  assert.is(p.ok, false);
  assert.match(p.problem!, /may not, of what FlyteAdmin needs \(3 of 12 access reviews denied\): ResourceQuota \(resourcequotas\): create, get, patch$/);
  const fix = await flytemc(['join', ctx(2), '--name', 'dp-b', ...hub(), '--rbac', 'minimal']);
  assert.is(fix.code, 0, show(fix));
  assert.match(fix.stdout, /update\s+ClusterRole flyte-flyteadmin\s+\(adds the rules FlyteAdmin needs\)/);
  let ok = await check();
  for (let i = 0; i < 20 && !/dp-b .* OK$/m.test(ok.r.stdout); i++) {
    await new Promise((res) => setTimeout(res, 250));
    ok = await check();
  }
  assert.match(ok.r.stdout, /^dp-b .* OK$/m, ok.r.stdout);
});

test.after(async () => {
  if (set) await set.stop();
  console.log(`\n  wayback figures:\n${figures.map(([k, v]) => `    ${k.padEnd(60)} ${v}`).join('\n')}`);
  if (process.env.FLYTEMC_KEEP_CLUSTERS !== '1') rmSync(work, { recursive: true, force: true });
});

test.run();
