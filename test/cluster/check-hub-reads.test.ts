// plugin/cluster/check-hub-reads.ts: FlyteAdmin's ConfigMaps, storage and gRPC Ingress as check reads them from a fake hub, and each read's failure.
import { test } from '../helpers/uvu.ts';
import * as assert from 'uvu/assert';
import yaml from 'js-yaml';
import { hubElsewhere, hubGrpcRoutes, hubStorage, readConfigMap, templatesDeployed } from '../../plugin/cluster/check-hub-reads.ts';
import { World } from '../helpers/fake-kube.ts';
import { controlPlane } from '../helpers/check-fixtures.ts';

const failNext = (world: World) => (world.failAt = { call: world.calls.length, after: false });

test('readConfigMap: absent is undefined, no data is {}; templatesDeployed: the keys without .yaml', async () => {
  const world = new World();
  const hub = world.cluster('cp');
  assert.is(await readConfigMap(hub.kube, 'flyte', 'x'), undefined);
  assert.is(await templatesDeployed(hub.kube, 'flyte'), undefined);
  hub.configMaps.put('flyte', { metadata: { name: 'x', namespace: 'flyte' } });
  assert.equal(await readConfigMap(hub.kube, 'flyte', 'x'), {});
  hub.configMaps.put('flyte', { metadata: { name: 'clusterresource-template', namespace: 'flyte' }, data: { 'aa_namespace.yaml': 'kind: Namespace\n' } });
  assert.equal(await templatesDeployed(hub.kube, 'flyte'), [{ key: 'aa_namespace', value: 'kind: Namespace\n' }]);
  failNext(world);
  try {
    await readConfigMap(hub.kube, 'flyte', 'x');
    assert.unreachable();
  } catch (e) {
    assert.match((e as Error).message, /reading ConfigMap flyte\/x: etcdserver: request timed out/);
  }
});

test('hubStorage: storage.yaml of flyte-admin-base-config; none without the ConfigMap or the key', async () => {
  const world = new World();
  const hub = world.cluster('cp');
  assert.is(await hubStorage(hub.kube, 'flyte'), undefined);
  hub.configMaps.put('flyte', { metadata: { name: 'flyte-admin-base-config', namespace: 'flyte' }, data: {} });
  assert.is(await hubStorage(hub.kube, 'flyte'), undefined);
  hub.configMaps.put('flyte', {
    metadata: { name: 'flyte-admin-base-config', namespace: 'flyte' },
    data: { 'storage.yaml': yaml.dump({ storage: { type: 's3', container: 'bucket' } }) },
  });
  assert.is((await hubStorage(hub.kube, 'flyte'))!.type, 's3');
});

test("hubGrpcRoutes: the Ingresses routing FlyteAdmin's gRPC service, once each, and whether one routes DataCatalog; other Ingresses do not count", async () => {
  const world = new World();
  const hub = world.cluster('cp');
  assert.equal(await hubGrpcRoutes(hub.kube, 'flyte'), { admin: [], catalog: false });
  hub.ingresses.put('flyte', { metadata: { name: 'web', namespace: 'flyte' }, spec: { rules: [{ http: { paths: [{ path: '/console' }] } }, {}] } } as never);
  controlPlane(hub, [], world, false);
  assert.equal(await hubGrpcRoutes(hub.kube, 'flyte'), { admin: ['Ingress flyte/flyte-core-grpc'], catalog: false });
  controlPlane(hub, [], world, true);
  assert.equal(await hubGrpcRoutes(hub.kube, 'flyte'), { admin: ['Ingress flyte/flyte-core-grpc'], catalog: true });
  failNext(world);
  try {
    await hubGrpcRoutes(hub.kube, 'flyte');
    assert.unreachable();
  } catch (e) {
    assert.match((e as Error).message, /listing Ingresses in flyte: etcdserver/);
  }
});

test('hubElsewhere: the other namespaces with FlyteAdmin config or the Secret, sorted; a failed list gives no hint', async () => {
  const world = new World();
  const hub = world.cluster('cp');
  hub.configMaps.put('b', { metadata: { name: 'flyte-admin-clusters-config', namespace: 'b' } });
  hub.configMaps.put('flyte', { metadata: { name: 'flyte-admin-clusters-config', namespace: 'flyte' } });
  hub.secrets.put('a', { metadata: { name: 'creds', namespace: 'a' } });
  hub.secrets.put('c', { metadata: { name: 'other', namespace: 'c' } });
  assert.equal(await hubElsewhere(hub.kube, 'flyte', 'creds'), ['a', 'b']);
  failNext(world);
  assert.equal(await hubElsewhere(hub.kube, 'flyte', 'creds'), ['a'], 'the ConfigMaps could not be listed; the Secrets could');
});

test.run();
