// plugin/cluster/check-list.ts: the clusters check looks at, from a values file, the hub's deployed config and join's records.
import { test } from '../helpers/uvu.ts';
import * as assert from 'uvu/assert';
import { readFileSync } from 'node:fs';
import yaml from 'js-yaml';
import { clustersDeployed, clustersFromFile, everyCluster, fromRecord, recordsSource } from '../../plugin/cluster/check-list.ts';
import { fixture } from '../helpers/manifests.ts';
import { World } from '../helpers/fake-kube.ts';

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

test("clustersDeployed: the hub's flyte-admin-clusters-config; none without it or its clusters.yaml; a failed read names the hub", async () => {
  const world = new World();
  const hub = world.cluster('cp');
  assert.is(await clustersDeployed(hub.kube, 'flyte'), undefined);
  hub.configMaps.put('flyte', { metadata: { name: 'flyte-admin-clusters-config', namespace: 'flyte' }, data: {} });
  assert.is(await clustersDeployed(hub.kube, 'flyte'), undefined);
  hub.configMaps.put('flyte', {
    metadata: { name: 'flyte-admin-clusters-config', namespace: 'flyte' },
    data: { 'clusters.yaml': yaml.dump({ clusters: { clusterConfigs: [{ name: 'dp1', endpoint: 'https://x', enabled: true }] } }) },
  });
  assert.equal(await clustersDeployed(hub.kube, 'flyte'), {
    source: 'hub ConfigMap flyte/flyte-admin-clusters-config',
    clusters: [{ name: 'dp1', endpoint: 'https://x', enabled: true }],
  });
  hub.configMaps.put('flyte', { metadata: { name: 'flyte-admin-clusters-config', namespace: 'flyte' }, data: { 'clusters.yaml': 'other: 1\n' } });
  assert.equal((await clustersDeployed(hub.kube, 'flyte'))!.clusters, []);
  world.failAt = { call: world.calls.length, after: false };
  try {
    await clustersDeployed(hub.kube, 'flyte');
    assert.unreachable();
  } catch (e) {
    assert.match((e as Error).message, /^error: context cp \(https:\/\/[^)]+\): reading ConfigMap flyte\/flyte-admin-clusters-config: etcdserver/);
  }
});

test('everyCluster: the list first, then what FlyteAdmin runs with or join recorded that it lacks; a record joined --auth is proxied', () => {
  const list = { source: 'v.yaml', clusters: [{ name: 'a', endpoint: 'https://a' }] };
  const deployed = {
    source: 'cm',
    clusters: [
      { name: 'a', endpoint: 'https://a2' },
      { name: 'b', endpoint: 'https://b' },
    ],
  };
  const records = {
    b: { endpoint: 'https://b', uid: 'u' },
    c: { endpoint: 'https://c', uid: 'u', auth: 'eks' },
  } as unknown as Parameters<typeof everyCluster>[2];
  assert.equal(everyCluster(list, deployed, records), [
    { name: 'a', endpoint: 'https://a' },
    { name: 'b', endpoint: 'https://b' },
    { name: 'c', endpoint: 'https://c', enabled: true, credentialProxy: { exec: { command: '(see the values file)' } } },
  ]);
  assert.equal(everyCluster(list, undefined, {}), list.clusters);
  assert.equal(fromRecord('d', { endpoint: 'https://d' } as never), { name: 'd', endpoint: 'https://d', enabled: true });
  assert.is(recordsSource('flyte', 's'), 'what flytemc join recorded on Secret flyte/s');
});

test.run();
