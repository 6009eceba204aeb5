// plugin/cluster/deployed.ts against fakes of flytemc's Kube (test/helpers/fake-kube.ts): when
// FlyteAdmin runs a cordon, as drain waits for it, through every moment of an upgrade: the
// ConfigMap still listing the cluster enabled, the ConfigMap written but not yet the Deployment
// (Helm writes them one after the other), the Deployment written but its rollout not done, done;
// and the deployed lists and section, with a namespace without FlyteAdmin. The whole drain against
// real API servers and the real FlyteAdmin: test/flyte-day2.test.ts.
import { test } from '../helpers/uvu.ts';
import * as assert from 'uvu/assert';
import yaml from 'js-yaml';
import type { V1ManagedFieldsEntry } from '@kubernetes/client-node';
import { cordonPending, deployedLists, readDeployedClusters } from '../../plugin/cluster/deployed.ts';
import { EXIT, FlytemcError } from '../../plugin/problems/problems.ts';
import { World, type FakeCluster } from '../helpers/fake-kube.ts';

const NS = 'flyte';
const at = (s: number): V1ManagedFieldsEntry[] => [
  { manager: 'helm', operation: 'Update', time: new Date(Date.UTC(2026, 11, 1, 10, 0, s)) },
  { manager: 'kube-controller-manager', operation: 'Update', subresource: 'status', time: new Date(Date.UTC(2026, 11, 1, 11, 0, 0)) },
];

function configMap(hub: FakeCluster, enabled: boolean, writtenAt: number): void {
  const clusters = {
    clusterConfigs: [
      { name: 'dp1', endpoint: 'https://dp1:6443', enabled },
      { name: 'dp2', endpoint: 'https://dp2:6443', enabled: true },
    ],
  };
  hub.configMaps.put(NS, {
    metadata: { name: 'flyte-admin-clusters-config', namespace: NS, annotations: { 'meta.helm.sh/release-name': 'flyte' }, managedFields: at(writtenAt) },
    data: { 'clusters.yaml': yaml.dump({ clusters }) },
  });
}

/** Helm writes the Deployment (its configChecksum changed): a new generation, written at `s`. */
function deploymentWritten(hub: FakeCluster, s: number): void {
  const d = hub.deployments.get(NS, 'flyteadmin');
  d.metadata!.generation! += 1;
  d.metadata!.managedFields = at(s);
  hub.deployments.put(NS, d);
}

test('cordonPending through an upgrade: enabled in the ConfigMap, the ConfigMap before the Deployment, the rollout, done', async () => {
  const world = new World();
  world.controllerFrom = Number.POSITIVE_INFINITY; // the rollouts finish when this test says
  const hub = world.cluster('cp');
  hub.addDeployment(NS, 'flyteadmin');
  deploymentWritten(hub, 0);
  hub.finishRollouts();
  configMap(hub, true, 0);
  assert.match((await cordonPending(hub.kube, NS, 'dp1'))!, 'its deployed config (hub ConfigMap flyte/flyte-admin-clusters-config) still has dp1 enabled');
  assert.is(await cordonPending(hub.kube, NS, 'dp9'), undefined, 'a cluster it does not list gets nothing');
  configMap(hub, false, 30); // the upgrade: ConfigMap first
  assert.match((await cordonPending(hub.kube, NS, 'dp1'))!, 'Deployment flyte/flyteadmin has not been updated since its config changed');
  deploymentWritten(hub, 30); // then the Deployment, in the same second
  assert.match((await cordonPending(hub.kube, NS, 'dp1'))!, 'Deployment flyte/flyteadmin: the Deployment controller has not observed the latest change yet');
  hub.finishRollouts();
  assert.is(await cordonPending(hub.kube, NS, 'dp1'), undefined);
  assert.match((await cordonPending(hub.kube, NS, 'dp2'))!, 'still has dp2 enabled');
});

test('cordonPending without managedFields (another tool stripped them) judges the rollout alone; no FlyteAdmin in the namespace: nothing is pending', async () => {
  const world = new World();
  const hub = world.cluster('cp');
  hub.addDeployment(NS, 'flyteadmin');
  configMap(hub, false, 0);
  const cm = hub.configMaps.get(NS, 'flyte-admin-clusters-config');
  delete cm.metadata!.managedFields;
  hub.configMaps.put(NS, cm);
  assert.is(await cordonPending(hub.kube, NS, 'dp1'), undefined);
  assert.is(await cordonPending(hub.kube, 'elsewhere', 'dp1'), undefined);
});

test('readDeployedClusters and deployedLists: the section FlyteAdmin runs, every ConfigMap with clusters.yaml and its release; none in the namespace is exit 3 with the fix', async () => {
  const world = new World();
  const hub = world.cluster('cp');
  configMap(hub, false, 0);
  hub.configMaps.put(NS, {
    metadata: { name: 'flyte-clusterresourcesync-config', namespace: NS },
    data: { 'clusters.yaml': 'clusters: {clusterConfigs: [{name: dp2}]}' },
  });
  hub.configMaps.put(NS, { metadata: { name: 'other', namespace: NS }, data: { 'x.yaml': 'a: 1' } });
  const d = await readDeployedClusters(hub.kube, NS);
  assert.is(d.source, 'hub ConfigMap flyte/flyte-admin-clusters-config');
  assert.is((d.clusters as { clusterConfigs: unknown[] }).clusterConfigs.length, 2);
  const lists = await deployedLists(hub.kube, NS);
  assert.equal(
    lists.map((l) => [l.name, l.clusters.map((c) => c.name), l.release ?? '-']),
    [
      ['flyte-admin-clusters-config', ['dp1', 'dp2'], 'flyte'],
      ['flyte-clusterresourcesync-config', ['dp2'], '-'],
    ],
  );
  try {
    await readDeployedClusters(hub.kube, 'nothere');
    assert.unreachable('no refusal');
  } catch (e) {
    assert.instance(e, FlytemcError);
    assert.is((e as FlytemcError).exitCode, EXIT.failed);
    assert.match((e as FlytemcError).problems[0]!.message, 'namespace nothere has no FlyteAdmin multi-cluster config');
  }
});

test.run();
