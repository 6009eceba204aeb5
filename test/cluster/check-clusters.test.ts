// plugin/cluster/check-clusters.ts, `flytemc check` as a whole, against fakes of flytemc's Kube
// (test/helpers/fake-kube.ts): the list, --hub-only, no Secret, a cluster whose check throws, and the states in between: joined but not deployed yet, deployed
// without keys, dropped from the values file but still deployed, the DataCatalog route missing
// from the control plane's Ingress, and flytepropeller's leader Lease. Against API servers, from
// both sides: test/wayback.test.ts, test/e2e.test.ts, test/tls.test.ts; a real flytepropeller
// stopped: test/propeller.test.ts.
import { test } from '../helpers/uvu.ts';
import * as assert from 'uvu/assert';
import { checkControlPlane } from '../../plugin/cluster/check-clusters.ts';
import { formatTable } from '../../plugin/cluster/check-table.ts';
import type { CheckReport, CheckRow } from '../../plugin/cluster/check-report.ts';
import { joinClusters } from '../../plugin/cluster/join.ts';
import yaml from 'js-yaml';
import { ADMIN, NS, cleanUp, controlPlane, dataPlane, kubeconfig, scratch } from '../helpers/check-fixtures.ts';
import { World, type FakeCluster } from '../helpers/fake-kube.ts';
import type { FlytemcError } from '../../plugin/problems/problems.ts';

// ---------------------------------------------------------------------------------------------
// the states in between, on fakes

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
  const values = scratch(
    'values.yaml',
    yaml.dump({ multicluster: { clusters: { clusterConfigs: [{ name: 'dp1', endpoint: world.cluster('dp1').server, enabled: true }] } } }),
  );
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

test.after(cleanUp);

test('--hub-only: no member columns; no Secret while the list names clusters: one error naming the hub; a cluster whose check throws is a FAIL row', async () => {
  const { world, hub } = await joinedTwo();
  controlPlane(hub, ['dp1', 'dp2'], world, true);
  const req = { kube: { kubeconfig: kubeconfig(world), timeoutMs: 1000 }, kubeContext: 'cp', namespace: NS, namespaceFrom: '--namespace', hubOnly: true };
  const rep = await checkControlPlane(req, world.reach);
  assert.is(rep.ok, true);
  assert.is(rep.storage, undefined);
  assert.ok(rep.clusters.every((r) => !r.findings.some((f) => f.check === 'installed')));
  const thrown = await checkControlPlane(req, {
    ...world.reach,
    proveToken: async () => {
      throw new Error('socket hang up token=abc');
    },
  });
  assert.equal(
    thrown.clusters.map((r) => [r.name, r.verdict, r.enabled, r.problem]),
    [
      ['dp1', 'fail', false, 'socket hang up token=abc'],
      ['dp2', 'fail', false, 'socket hang up token=abc'],
    ],
  );
  hub.secrets.delete(NS, 'cluster-credentials');
  try {
    await checkControlPlane(req, world.reach);
    assert.unreachable();
  } catch (e) {
    assert.is((e as FlytemcError).problems[0]!.code, 'cluster.credentials');
    assert.match(
      (e as Error).message,
      /^error: hub cp: there is no Secret flyte\/cluster-credentials with the clusters' credentials\n {2}fix: join the data planes/,
    );
  }
});

test('nothing configured anywhere: the error says to join one', async () => {
  const world = new World();
  world.cluster('cp').namespaces.add(NS);
  try {
    await checkControlPlane(
      { kube: { kubeconfig: kubeconfig(world), timeoutMs: 1000 }, namespace: NS, namespaceFrom: '--namespace', hubOnly: true },
      world.reach,
    );
    assert.unreachable();
  } catch (e) {
    assert.is((e as FlytemcError).problems[0]!.code, 'cluster.none');
    assert.match((e as Error).message, /configures no clusters\n {2}fix: join one: flytemc join CONTEXT --kube-context cp -n flyte/);
  }
});

test.run();
