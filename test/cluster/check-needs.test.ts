// plugin/cluster/check-needs.ts: what FlyteAdmin needs in a data plane, from the values file's templates, else the hub's, else flyte-core's.
import { test } from '../helpers/uvu.ts';
import * as assert from 'uvu/assert';
import yaml from 'js-yaml';
import { needsFor } from '../../plugin/cluster/check-needs.ts';
import { World } from '../helpers/fake-kube.ts';
import { scratch } from '../helpers/check-fixtures.ts';

const kinds = (n: { needs: Array<{ kind: string }> }) => n.needs.map((k) => k.kind).sort();

test("needsFor: the values file's templates first; a file without them, or none, falls to the hub's deployed ones, then flyte-core's", async () => {
  const world = new World();
  const hub = world.cluster('cp');
  const flyteCore = await needsFor(undefined, 'flyte');
  assert.is(flyteCore.from, "flyte-core's default cluster-resource templates");
  assert.ok(kinds(flyteCore).includes('ResourceQuota'));
  const templates = [{ key: 'sa', value: 'apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: x\n  namespace: {{ namespace }}\n' }];
  const withTemplates = scratch('templates.yaml', yaml.dump({ 'flyte-core': { cluster_resource_manager: { templates } } }));
  const fromFile = await needsFor(hub.kube, 'flyte', withTemplates);
  assert.is(fromFile.from, `the cluster-resource templates of ${withTemplates}`);
  assert.ok(kinds(fromFile).includes('ServiceAccount'));
  const without = scratch('plain.yaml', 'multicluster: {}\n');
  assert.is((await needsFor(hub.kube, 'flyte', without)).from, "flyte-core's default cluster-resource templates");
  hub.configMaps.put('flyte', { metadata: { name: 'clusterresource-template', namespace: 'flyte' }, data: { 'sa.yaml': templates[0]!.value } });
  const deployed = await needsFor(hub.kube, 'flyte', without);
  assert.is(deployed.from, "the hub's ConfigMap flyte/clusterresource-template");
  assert.ok(kinds(deployed).includes('ServiceAccount'));
});

test.run();
