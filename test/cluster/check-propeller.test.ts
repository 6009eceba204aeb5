// plugin/cluster/check-propeller.ts: a data plane's findings on a fake member: installed (or elsewhere), ALIVE, ADMIN, CATALOG, CLUSTER-ID, STORAGE, each failing once.
import { test } from '../helpers/uvu.ts';
import * as assert from 'uvu/assert';
import yaml from 'js-yaml';
import { checkPropeller, propellerAlive } from '../../plugin/cluster/check-propeller.ts';
import type { Finding } from '../../plugin/cluster/check-report.ts';
import { World, type FakeCluster } from '../helpers/fake-kube.ts';
import { ADMIN, NS, dataPlane } from '../helpers/check-fixtures.ts';

const S3 = yaml.dump({ storage: { type: 's3', container: 'bucket' } });
const c = { name: 'dp1', endpoint: 'https://dp1' };

function member(o: Parameters<typeof dataPlane>[2] = { ageS: 1, storage: S3 }): { world: World; dp: FakeCluster } {
  const world = new World();
  const dp = world.cluster('dp1');
  dataPlane(dp, 'dp1', o);
  return { world, dp };
}

/** Changes one file of flyte-propeller-config. */
function setConfig(dp: FakeCluster, key: string, value: unknown): void {
  const cm = dp.configMaps.get(NS, 'flyte-propeller-config');
  if (value === undefined) delete cm.data![key];
  else cm.data![key] = typeof value === 'string' ? value : yaml.dump(value);
  dp.configMaps.put(NS, cm);
}

const byCheck = (fs: Finding[]) => Object.fromEntries(fs.map((f) => [f.check, f]));

test('checkPropeller: all good; no flytepropeller in the namespace (or one in another namespace) leaves the rest unchecked', async () => {
  const { dp } = member();
  const ok = await checkPropeller(dp.kube, NS, c, { type: 's3', container: 'bucket' }, { admin: [], catalog: false });
  assert.equal(
    ok.map((f) => `${f.check}:${f.ok}`),
    ['installed:true', 'alive:true', 'admin:true', 'catalog:true', 'cluster-id:true', 'storage:true'],
  );
  const empty = new World().cluster('dp2');
  const none = await checkPropeller(empty.kube, NS, c, undefined, undefined);
  assert.equal(
    none.map((f) => `${f.check}:${f.ok}`),
    ['installed:false', 'alive:null', 'admin:null', 'catalog:null', 'cluster-id:null', 'storage:null'],
  );
  assert.match(none[0]!.problem!, /^no flytepropeller in namespace flyte of context dp2 \(no ConfigMap/);
  empty.deployments.put('other', { metadata: { name: 'flytepropeller', namespace: 'other' } });
  const elsewhere = await checkPropeller(empty.kube, NS, c, undefined, undefined);
  assert.match(elsewhere[0]!.problem!, /but one runs in namespace other: check looks in one namespace/);
  assert.match(elsewhere[0]!.fix!, /^rerun with -n other if the control plane is there too/);
});

test('ALIVE: renewed in time by a holder; expired, never renewed, without a holder, absent; leader election off is not judged; a custom lock is read', async () => {
  const { dp } = member({});
  const lease = (spec: Record<string, unknown>) => dp.leases.put(NS, { metadata: { name: 'propeller-leader', namespace: NS }, spec } as never);
  const now = Date.parse('2026-01-01T00:00:00Z');
  const alive = (config?: Record<string, string>) => propellerAlive(dp.kube, NS, config, now);
  assert.match((await alive()).problem!, /^flytepropeller has not run here: there is no leader Lease flyte\/propeller-leader/);
  lease({ holderIdentity: 'p', renewTime: new Date(now - 2000).toISOString() });
  assert.equal(await alive(), { check: 'alive', ok: true, value: 'renewed 2 s ago by p' });
  lease({ holderIdentity: 'p', leaseDurationSeconds: 10, renewTime: new Date(now - 16_000).toISOString() });
  assert.match((await alive()).problem!, /was last renewed 16 s ago \(a running .* it expires after 10 s\)/);
  lease({ renewTime: new Date(now).toISOString() });
  assert.match((await alive()).problem!, /was last renewed 0 s ago and has no holder/);
  lease({ holderIdentity: 'p' });
  assert.equal((await alive()).value, 'never renewed');
  assert.is((await alive({ 'core.yaml': yaml.dump({ propeller: { 'leader-election': { enabled: false } } }) })).ok, null);
  assert.is((await alive({ 'core.yaml': '{{ not yaml' })).ok, false, 'an unreadable core.yaml: the defaults');
  const custom = { 'core.yaml': yaml.dump({ propeller: { 'leader-election': { 'lock-config-map': { name: 'mine', namespace: 'ops' } } } }) };
  assert.match((await alive(custom)).problem!, /no leader Lease ops\/mine/);
});

test("ADMIN: none, or a Service this cluster lacks (flyte-core's default named); CATALOG: off, no endpoint, a missing Service, the Ingress without the DataCatalog route", async () => {
  const { dp } = member();
  setConfig(dp, 'admin.yaml', { admin: {} });
  setConfig(dp, 'catalog.yaml', { 'catalog-cache': { type: 'noop' } });
  let f = byCheck(await checkPropeller(dp.kube, NS, c, undefined, undefined));
  assert.match(f.admin!.problem!, /^flytepropeller has no admin.endpoint/);
  assert.equal(f.catalog, { check: 'catalog', ok: true, value: 'off (noop)' });
  setConfig(dp, 'admin.yaml', { admin: { endpoint: 'flyteadmin:81' } });
  setConfig(dp, 'catalog.yaml', { 'catalog-cache': { type: 'datacatalog' } });
  f = byCheck(await checkPropeller(dp.kube, NS, c, undefined, undefined));
  assert.match(
    f.admin!.problem!,
    /^flytepropeller's admin endpoint flyteadmin:81 is flyte-core's single-cluster default, a Service flyte\/flyteadmin this cluster does not have/,
  );
  assert.is(f.catalog!.problem, 'the catalog cache is on but has no endpoint');
  setConfig(dp, 'admin.yaml', { admin: { endpoint: 'dns:///flyteadmin.flyte.svc:81' } });
  setConfig(dp, 'catalog.yaml', { 'catalog-cache': { type: 'datacatalog', endpoint: 'datacatalog:89' } });
  f = byCheck(await checkPropeller(dp.kube, NS, c, undefined, undefined));
  assert.match(f.admin!.problem!, /^flytepropeller's admin endpoint dns:\/\/\/flyteadmin\.flyte\.svc:81 is a Service flyte\/flyteadmin/);
  assert.match(f.catalog!.problem!, /^flytepropeller's catalog endpoint datacatalog:89 is flyte-core's single-cluster default, a Service flyte\/datacatalog/);
  setConfig(dp, 'admin.yaml', { admin: { endpoint: ADMIN } });
  setConfig(dp, 'catalog.yaml', { 'catalog-cache': { type: 'datacatalog', endpoint: 'other:89' } });
  assert.match(byCheck(await checkPropeller(dp.kube, NS, c, undefined, undefined)).catalog!.problem!, /a Service flyte\/other this/);
  setConfig(dp, 'catalog.yaml', { 'catalog-cache': { type: 'datacatalog', endpoint: ADMIN } });
  f = byCheck(await checkPropeller(dp.kube, NS, c, undefined, { admin: ['Ingress flyte/grpc'], catalog: false }));
  assert.match(f.catalog!.problem!, /\(Ingress flyte\/grpc in the hub\) has no route for datacatalog\.DataCatalog/);
  assert.is(byCheck(await checkPropeller(dp.kube, NS, c, undefined, { admin: ['Ingress flyte/grpc'], catalog: true })).catalog!.ok, true);
});

test("CLUSTER-ID: the hub's name, the default (a note), another (fails), no Deployment; STORAGE: from a Secret, minio, no hub config, another bucket", async () => {
  const { dp } = member();
  const hubStore = { type: 's3', container: 'bucket' };
  const unnamed = new World().cluster('dp9');
  dataPlane(unnamed, 'propeller', { ageS: 1 });
  let f = byCheck(await checkPropeller(unnamed.kube, NS, c, hubStore, undefined));
  assert.equal(f['cluster-id'], {
    check: 'cluster-id',
    ok: true,
    value: 'propeller (default)',
    problem: 'flytepropeller reports the default cluster id, which FlyteAdmin accepts from any cluster',
    fix: 'name it: helm flytemc install data-plane --name dp1 ...',
  });
  f = byCheck(await checkPropeller(dp.kube, NS, { name: 'east' }, { type: 's3', container: 'other' }, undefined));
  assert.match(f['cluster-id']!.problem!, /^flytepropeller reports as cluster "dp1", but the hub lists it as "east"/);
  assert.match(f.storage!.problem!, /^flytepropeller's storage \(.*\) is not FlyteAdmin's/);
  f = byCheck(await checkPropeller(dp.kube, NS, c, undefined, undefined));
  assert.equal(f.storage!.ok, null);
  assert.match(f.storage!.problem!, /^the hub has no FlyteAdmin config/);
  setConfig(dp, 'storage.yaml', yaml.dump({ storage: { type: 'minio', connection: { endpoint: 'http://minio.flyte.svc:9000' } } }));
  assert.match(byCheck(await checkPropeller(dp.kube, NS, c, hubStore, undefined)).storage!.problem!, /in-cluster minio \(http:\/\/minio\.flyte\.svc:9000\)/);
  setConfig(dp, 'storage.yaml', undefined);
  assert.match(byCheck(await checkPropeller(dp.kube, NS, c, hubStore, undefined)).storage!.problem!, /from a Secret/);
  dp.deployments.delete(NS, 'flytepropeller');
  f = byCheck(await checkPropeller(dp.kube, NS, c, hubStore, undefined));
  assert.equal(f.installed, { check: 'installed', ok: true, value: 'ConfigMap flyte-propeller-config' });
  assert.is(f['cluster-id']!.problem, 'no Deployment flytepropeller in namespace flyte');
});

test('checkPropeller: a failed read is a problem naming the member, not a finding', async () => {
  const { world, dp } = member();
  world.failAt = { call: world.calls.length, after: false };
  try {
    await checkPropeller(dp.kube, NS, c, undefined, undefined);
    assert.unreachable();
  } catch (e) {
    assert.match((e as Error).message, /^error: context dp1 \([^)]+\): reading Deployment flyte\/flytepropeller: etcdserver/);
  }
});

test.run();
