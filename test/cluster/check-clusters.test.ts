// plugin/cluster/check-clusters.ts, `flytemc check`: its pure parts (which context checks a member,
// the table, the clusters of a values file), and, against fakes of flytemc's Kube
// (test/helpers/fake-kube.ts), the states in between: joined but not deployed yet, deployed
// without keys, dropped from the values file but still deployed, the DataCatalog route missing
// from the control plane's Ingress, and flytepropeller's leader Lease. Against API servers, from
// both sides: test/wayback.test.ts, test/e2e.test.ts, test/tls.test.ts; a real flytepropeller
// stopped: test/propeller.test.ts.
import { test } from '../helpers/uvu.ts';
import * as assert from 'uvu/assert';
import { checkControlPlane, clustersFromFile, formatTable, memberContext, type CheckReport, type CheckRow } from '../../plugin/cluster/check-clusters.ts';
import { joinClusters } from '../../plugin/cluster/join.ts';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { fixture } from '../helpers/manifests.ts';
import { World, type FakeCluster } from '../helpers/fake-kube.ts';

test('memberContext: the hub for inCluster; else a context whose server is the endpoint (trailing slashes aside), the one named like the cluster first', () => {
  const contexts = [
    { name: 'a', server: 'https://10.0.0.1:6443/' },
    { name: 'dp1', server: 'https://10.0.0.1:6443' },
    { name: 'b', server: 'https://10.0.0.2:6443' },
    { name: 'none' },
  ];
  assert.is(memberContext({ name: 'dp1', endpoint: 'https://10.0.0.1:6443' }, 'hub', contexts), 'dp1');
  assert.is(memberContext({ name: 'other', endpoint: 'https://10.0.0.1:6443/' }, 'hub', contexts), 'a');
  assert.is(memberContext({ name: 'x', endpoint: 'https://10.9.9.9:6443' }, 'hub', contexts), undefined);
  assert.is(memberContext({ name: 'local', inCluster: true }, 'hub', contexts), 'hub');
});

test("clustersFromFile: the chart's block (with its Secret's name) and flyte-core's configmap.clusters", async () => {
  const three = await clustersFromFile(fixture('three-clusters.yaml'), readFileSync(fixture('three-clusters.yaml'), 'utf8'));
  assert.equal(
    three.clusters.map((c) => [c.name, c.endpoint]),
    [
      ['cluster_1', 'https://203.0.113.1:6443'],
      ['cluster_2', 'https://203.0.113.2:6443'],
      ['cluster_3', 'https://203.0.113.3:6443'],
    ],
  );
  assert.is(three.secretName, 'cluster-credentials');
  const core = await clustersFromFile(
    'core.yaml',
    'configmap:\n  clusters:\n    clusterConfigs:\n      - {name: dp1, endpoint: "https://x:6443", enabled: true}\n',
  );
  assert.equal(core, { source: 'core.yaml', clusters: [{ name: 'dp1', endpoint: 'https://x:6443', enabled: true }] });
  const named = await clustersFromFile('mc.yaml', 'multicluster:\n  credentials: {secretName: creds}\n  clusters: {clusterConfigs: []}\n');
  assert.equal(named, { source: 'mc.yaml', clusters: [], secretName: 'creds' });
});

test('formatTable: a row per cluster, member columns when any member was checked, a line and a fix per failed finding, the verdict last', () => {
  const row = (name: string, over: Partial<CheckRow>): CheckRow => ({
    name,
    endpoint: `https://${name}:6443`,
    enabled: true,
    reachable: true,
    tls: true,
    authenticated: true,
    permissions: true,
    verdict: 'ok',
    ms: 5,
    findings: [
      { check: 'reachable', ok: true },
      { check: 'tls', ok: true },
      { check: 'token', ok: true },
      { check: 'permissions', ok: true },
    ],
    ...over,
  });
  const rep: CheckReport = {
    hub: 'cp',
    namespace: 'flyte',
    namespaceFrom: "flytemc's default",
    hubTlsVerified: true,
    secret: 'flyte/cluster-credentials',
    source: 'values.yaml',
    needsFrom: "flyte-core's default cluster-resource templates",
    ok: false,
    clusters: [
      row('dp1', {
        findings: [
          ...row('x', {}).findings,
          { check: 'installed', ok: true },
          { check: 'alive', ok: true, value: 'renewed 2 s ago by dp1-propeller' },
          { check: 'admin', ok: true },
          { check: 'catalog', ok: true, value: 'off (noop)' },
          { check: 'cluster-id', ok: true, value: 'propeller (default)' },
          { check: 'storage', ok: true },
        ],
      }),
      row('dp2', {
        authenticated: false,
        permissions: false,
        verdict: 'fail',
        problem: 'the API server rejects the token (401 Unauthorized)',
        fix: 'rotate it',
        findings: [
          { check: 'reachable', ok: true },
          { check: 'tls', ok: true },
          { check: 'token', ok: false, problem: 'the API server rejects the token (401 Unauthorized)', fix: 'rotate it' },
          { check: 'permissions', ok: null },
        ],
      }),
    ],
  };
  const lines = formatTable(rep).split('\n');
  assert.match(lines[0]!, /^NAME\s+ENDPOINT\s+REACHABLE\s+TLS\s+TOKEN\s+PERMISSIONS\s+PROPELLER\s+ALIVE\s+ADMIN\s+CATALOG\s+CLUSTER-ID\s+STORAGE\s+VERDICT$/);
  assert.match(lines[1]!, /^dp1\s+https:\/\/dp1:6443\s+yes\s+yes\s+yes\s+yes\s+yes\s+yes\s+yes\s+off\s+default\s+yes\s+OK$/);
  assert.match(lines[2]!, /^dp2\s+https:\/\/dp2:6443\s+yes\s+yes\s+NO\s+-\s+-\s+-\s+-\s+-\s+-\s+-\s+FAIL$/);
  assert.ok(lines.includes('error: cluster dp2: the API server rejects the token (401 Unauthorized)'), lines.join('\n'));
  assert.ok(lines.includes('  fix: rotate it'));
  assert.match(
    lines.at(-2)!,
    /^1 of 2 clusters FAIL \(credentials from hub cp Secret flyte\/cluster-credentials; clusters from values.yaml; permissions from flyte-core's default cluster-resource templates\)$/,
  );
});

// ---------------------------------------------------------------------------------------------
// the states in between, on fakes

const NS = 'flyte';
const ADMIN = 'dns:///flyte.example.com:443';
const dir = mkdtempSync(join(tmpdir(), 'flytemc-check-'));

/** flyte-core's data plane as `install data-plane` leaves it (its flytepropeller reports `name`), and its leader Lease renewed `ageS` seconds ago (none: undefined). */
function dataPlane(c: FakeCluster, name: string, o: { ageS?: number; catalog?: string } = {}): void {
  c.namespaces.add(NS);
  c.deployments.put(NS, {
    metadata: { name: 'flytepropeller', namespace: NS },
    spec: {
      selector: {},
      template: { spec: { containers: [{ name: 'flytepropeller', args: ['--config', '/etc/flyte/config/*.yaml', '--propeller.cluster-id', name] }] } },
    },
  });
  c.configMaps.put(NS, {
    metadata: { name: 'flyte-propeller-config', namespace: NS },
    data: {
      'admin.yaml': yaml.dump({ admin: { endpoint: ADMIN, insecure: false } }),
      'catalog.yaml': yaml.dump({ 'catalog-cache': { type: 'datacatalog', endpoint: o.catalog ?? ADMIN, insecure: false } }),
      'core.yaml': yaml.dump({
        propeller: { 'leader-election': { enabled: true, 'lease-duration': '15s', 'lock-config-map': { name: 'propeller-leader', namespace: NS } } },
      }),
    },
  });
  if (o.ageS !== undefined)
    c.leases.put(NS, {
      metadata: { name: 'propeller-leader', namespace: NS },
      spec: { holderIdentity: `${name}-propeller`, leaseDurationSeconds: 15, renewTime: new Date(Date.now() - o.ageS * 1000) as never },
    });
}

/** The control plane's deployed clusters ConfigMap, and its gRPC Ingress (routing DataCatalog too, or not). */
function controlPlane(hub: FakeCluster, clusters: string[], world: World, catalogRoute: boolean): void {
  const clusterConfigs = clusters.map((n) => ({ name: n, endpoint: world.cluster(n).server, enabled: true }));
  hub.configMaps.put(NS, {
    metadata: { name: 'flyte-admin-clusters-config', namespace: NS },
    data: { 'clusters.yaml': yaml.dump({ clusters: { clusterConfigs } }) },
  });
  const path = (p: string) => ({
    path: p,
    pathType: 'ImplementationSpecific',
    backend: { service: { name: p.includes('datacatalog') ? 'datacatalog' : 'flyteadmin', port: { number: 81 } } },
  });
  hub.ingresses.put(NS, {
    metadata: { name: 'flyte-core-grpc', namespace: NS },
    spec: { rules: [{ http: { paths: [path('/flyteidl.service.AdminService'), ...(catalogRoute ? [path('/datacatalog.DataCatalog')] : [])] } }] },
  });
}

/** A kubeconfig with a context per fake cluster (servers as the fakes answer to). */
function kubeconfig(world: World): string {
  const names = [...world.clusters.keys()];
  const file = join(dir, `kubeconfig-${names.join('-')}-${Math.random().toString(36).slice(2)}`);
  writeFileSync(
    file,
    yaml.dump({
      apiVersion: 'v1',
      kind: 'Config',
      'current-context': 'cp',
      clusters: names.map((n) => ({
        name: n,
        cluster: { server: world.cluster(n).server, 'certificate-authority-data': Buffer.from('ca').toString('base64') },
      })),
      users: [{ name: 'u', user: { token: 'operator' } }],
      contexts: names.map((n) => ({ name: n, context: { cluster: n, user: 'u' } })),
    }),
  );
  return file;
}

async function check(world: World, o: { values?: string } = {}): Promise<{ rep: CheckReport; table: string; row: (n: string) => CheckRow }> {
  const rep = await checkControlPlane(
    {
      kube: { kubeconfig: kubeconfig(world), timeoutMs: 1000 },
      kubeContext: 'cp',
      namespace: NS,
      namespaceFrom: "flytemc's default",
      hubOnly: false,
      ...(o.values ? { valuesFile: o.values } : {}),
    },
    world.reach,
  );
  return { rep, table: formatTable(rep), row: (n) => rep.clusters.find((c) => c.name === n)! };
}

const finding = (row: CheckRow, what: string) => row.findings.find((f) => f.check === what);

async function joinedTwo(): Promise<{ world: World; hub: FakeCluster }> {
  const world = new World();
  const hub = world.cluster('cp');
  hub.namespaces.add(NS);
  dataPlane(world.cluster('dp1'), 'dp1', { ageS: 1 });
  dataPlane(world.cluster('dp2'), 'dp2', { ageS: 1 });
  const r = await joinClusters(
    [
      { context: 'dp1', name: 'dp1', routes: [] },
      { context: 'dp2', name: 'dp2', routes: [] },
    ],
    { parallel: 1, force: false, restart: false },
    world.session(hub),
  );
  assert.equal(r.failures, []);
  return { world, hub };
}

test('joined but not in FlyteAdmin\'s deployed config: a row of its own, DEPLOYED NO, "not deployed yet: upgrade the control plane"; all deployed: OK', async () => {
  const { world, hub } = await joinedTwo();
  controlPlane(hub, ['dp1'], world, true);
  const { rep, table, row } = await check(world);
  assert.is(rep.ok, false);
  assert.equal(
    rep.clusters.map((c) => `${c.name}:${c.verdict}`),
    ['dp1:ok', 'dp2:fail'],
  );
  assert.equal(finding(row('dp2'), 'deployed'), {
    check: 'deployed',
    ok: false,
    problem:
      "not deployed yet: it is joined (its keys are in Secret flyte/cluster-credentials), but FlyteAdmin's deployed config (hub ConfigMap flyte/flyte-admin-clusters-config) does not, so FlyteAdmin sends it no executions",
    fix: 'upgrade the control plane with the values file join recorded it in: helm flytemc install control-plane --kube-context cp -n flyte -f VALUES',
  });
  assert.match(
    table.split('\n')[0]!,
    /^NAME\s+ENDPOINT\s+REACHABLE\s+TLS\s+TOKEN\s+PERMISSIONS\s+DEPLOYED\s+PROPELLER\s+ALIVE\s+ADMIN\s+CATALOG\s+CLUSTER-ID\s+STORAGE\s+VERDICT$/,
  );
  assert.match(table, /^dp2\s+\S+\s+yes\s+yes\s+yes\s+yes\s+NO\s+yes\s+yes\s+yes\s+yes\s+yes\s+-\s+FAIL$/m);
  assert.match(table, /error: cluster dp2 \(deployed\): not deployed yet/);
  controlPlane(hub, ['dp1', 'dp2'], world, true);
  assert.is((await check(world)).rep.ok, true);
});

test('in the deployed config without keys (FlyteAdmin fails at its next start); dropped from the values file but still deployed (a note)', async () => {
  const { world, hub } = await joinedTwo();
  world.cluster('dp3');
  dataPlane(world.cluster('dp3'), 'dp3', { ageS: 1 });
  controlPlane(hub, ['dp1', 'dp2', 'dp3'], world, true);
  const values = join(dir, 'values.yaml');
  writeFileSync(values, yaml.dump({ multicluster: { clusters: { clusterConfigs: [{ name: 'dp1', endpoint: world.cluster('dp1').server, enabled: true }] } } }));
  const { rep, table, row } = await check(world, { values });
  assert.equal(
    rep.clusters.map((c) => `${c.name}:${c.verdict}`),
    ['dp1:ok', 'dp2:ok', 'dp3:fail'],
  );
  assert.match(
    finding(row('dp3'), 'token')!.problem!,
    /^FlyteAdmin's deployed config lists dp3, but Secret flyte\/cluster-credentials has no key dp3_token and dp3_cacert: FlyteAdmin fails to start/,
  );
  assert.match(
    finding(row('dp3'), 'token')!.fix!,
    /flytemc join CONTEXT --name dp3 --kube-context cp -n flyte; or, if it was unjoined, upgrade the control plane without it/,
  );
  assert.match(
    finding(row('dp2'), 'deployed')!.problem!,
    /values\.yaml no longer lists it, but FlyteAdmin still runs with it .*unjoin CONTEXT --name dp2 .*--finish/,
  );
  assert.match(table, /note: cluster dp2 \(deployed\): .*no longer lists it/);
});

test("the DataCatalog route: a data plane reaching DataCatalog at its admin endpoint (catalogIngress) fails CATALOG while the control plane's gRPC Ingress does not route it", async () => {
  const { world, hub } = await joinedTwo();
  dataPlane(world.cluster('dp2'), 'dp2', { ageS: 1, catalog: 'dns:///datacatalog.example.com:443' });
  controlPlane(hub, ['dp1', 'dp2'], world, false);
  const { row, table } = await check(world);
  assert.equal(finding(row('dp1'), 'catalog'), {
    check: 'catalog',
    ok: false,
    value: ADMIN,
    problem: `flytepropeller reaches DataCatalog at its admin endpoint ${ADMIN} (catalogIngress), but the control plane's gRPC Ingress (Ingress flyte/flyte-core-grpc in the hub) has no route for datacatalog.DataCatalog: cached tasks fail`,
    fix: "set multicluster.controlPlane.catalogIngress: true in the control plane's values and upgrade it (or give the data planes a catalogEndpoint)",
  });
  assert.is(finding(row('dp2'), 'catalog')!.ok, true, 'a catalogEndpoint of its own does not rely on the Ingress');
  assert.match(table, /^dp1 .* NO .* FAIL$/m);
  controlPlane(hub, ['dp1', 'dp2'], world, true);
  assert.is(finding((await check(world)).row('dp1'), 'catalog')!.ok, true);
});

test("ALIVE: flytepropeller's leader Lease renewed within its duration; expired, missing, or without a holder names the data plane; leader election off is not judged", async () => {
  const { world, hub } = await joinedTwo();
  controlPlane(hub, ['dp1', 'dp2'], world, true);
  dataPlane(world.cluster('dp2'), 'dp2', { ageS: 40 });
  let r = await check(world);
  assert.match(finding(r.row('dp1'), 'alive')!.value!, /^renewed \d+ s ago by dp1-propeller$/);
  assert.equal(
    r.rep.clusters.map((c) => `${c.name}:${c.verdict}`),
    ['dp1:ok', 'dp2:fail'],
  );
  assert.match(
    finding(r.row('dp2'), 'alive')!.problem!,
    /^flytepropeller is not running: its leader Lease flyte\/propeller-leader was last renewed 4\d s ago \(a running flytepropeller renews it every few seconds; it expires after 15 s\)/,
  );
  assert.match(r.table, /error: cluster dp2 \(alive, context dp2\): flytepropeller is not running/);
  assert.match(r.table, /fix: look at its pods and their logs: kubectl --context dp2 -n flyte get pods -l app.kubernetes.io\/name=flytepropeller/);
  assert.match(r.table, /^1 of 2 clusters FAIL/m);
  world.cluster('dp2').leases.delete(NS, 'propeller-leader');
  r = await check(world);
  assert.match(finding(r.row('dp2'), 'alive')!.problem!, /^flytepropeller has not run here: there is no leader Lease flyte\/propeller-leader/);
  const cm = world.cluster('dp2').configMaps.get(NS, 'flyte-propeller-config');
  cm.data!['core.yaml'] = yaml.dump({ propeller: { 'leader-election': { enabled: false } } });
  world.cluster('dp2').configMaps.put(NS, cm);
  r = await check(world);
  assert.is(finding(r.row('dp2'), 'alive')!.ok, null);
  assert.is(r.row('dp2').verdict, 'ok');
});

test('a namespace without FlyteAdmin nor its Secret, when another namespace has them: the error names it and the -n to use', async () => {
  const { world } = await joinedTwo();
  try {
    await checkControlPlane(
      {
        kube: { kubeconfig: kubeconfig(world), timeoutMs: 1000 },
        kubeContext: 'cp',
        namespace: 'default',
        namespaceFrom: "HELM_NAMESPACE (Helm's -n, else the context's namespace, else default)",
        hubOnly: true,
      },
      world.reach,
    );
    assert.unreachable('no error');
  } catch (e) {
    assert.match(
      (e as Error).message,
      /namespace default \(from HELM_NAMESPACE .*\) has no FlyteAdmin config and no Secret cluster-credentials, namespace flyte has\n {2}fix: rerun with -n flyte/,
    );
  }
});

test.after(() => rmSync(dir, { recursive: true, force: true }));

test.run();
