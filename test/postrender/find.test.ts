// plugin/postrender/find.ts: the control plane's objects (clusters ConfigMaps, the Deployments that mount them) and its config.
import { test } from '../helpers/uvu.ts';
import * as assert from 'uvu/assert';
import { configFromValues } from '../../plugin/config/from-values.ts';
import { where } from '../../plugin/config/where.ts';
import { clustersYamlOf, configMapsOfVolume, findConfig, findTargets, secretNamed } from '../../plugin/postrender/find.ts';
import { parseStream } from '../../plugin/postrender/stream.ts';
import { FlytemcError, whereOf, type Problem } from '../../plugin/problems/problems.ts';
import { rendered } from '../helpers/manifests.ts';

const CM = (name: string, clusters = '"clusters: {clusterConfigs: [{name: a}]}"') =>
  `---\n# Source: t/cm.yaml\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\ndata:\n  clusters.yaml: ${clusters}\n`;
const DEPLOY = (name: string, pod: string) =>
  `---\n# Source: t/${name}.yaml\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${name}\nspec:\n  template:\n    spec:\n${pod}`;
const ADMIN_POD = (cm = 'admin-clusters') =>
  `      volumes:\n        - {name: clusters, configMap: {name: ${cm}}}\n        - {name: proj, projected: {sources: [{configMap: {name: ${cm}}}, {secret: {name: s}}]}}\n` +
  '      initContainers:\n        - {name: sync, volumeMounts: [{name: proj, mountPath: /p}]}\n        - {name: idle}\n' +
  '      containers:\n        - {name: flyteadmin, volumeMounts: [{name: clusters, mountPath: /etc/flyte/clusters}]}\n        - {name: side, volumeMounts: [{name: other, mountPath: /o}]}\n';
const MINIMAL = CM('admin-clusters') + DEPLOY('flyteadmin', ADMIN_POD());
const MCC = (name = 'flyte-multicluster') =>
  `---\n# Source: c/templates/mcc.yaml\napiVersion: flytemc.io/v1alpha1\nkind: MultiClusterConfig\nmetadata:\n  name: ${name}\nspec: {clusters: {clusterConfigs: []}}\n`;

function problemsOf(fn: () => unknown): Problem[] {
  try {
    fn();
  } catch (e) {
    assert.instance(e, FlytemcError);
    return (e as FlytemcError).problems;
  }
  throw new Error('accepted');
}

test('configMapsOfVolume: a configMap volume, the configMaps of a projected one, nothing else', () => {
  assert.equal(configMapsOfVolume({ name: 'v', configMap: { name: 'a' } }), ['a']);
  assert.equal(configMapsOfVolume({ projected: { sources: [{ configMap: { name: 'b' } }, { secret: { name: 's' } }, null, { configMap: {} }] } }), ['b']);
  assert.equal(configMapsOfVolume({ configMap: { name: 1 }, projected: { sources: 'x' } }), []);
});

test('findTargets: the ConfigMaps with clusters.yaml, the Deployments and containers that mount them, FlyteAdmin, the Secrets', () => {
  const stream =
    MINIMAL +
    DEPLOY('other', '      volumes: [{name: x, configMap: {name: unrelated}}]\n      containers: [{name: c}]\n') +
    DEPLOY('proxied', '      volumes: [{name: flytemc-credential-proxy, configMap: {name: admin-clusters}}]\n      containers: [{name: p}]\n') +
    DEPLOY('nopod', '') +
    DEPLOY('nomount', '      volumes: [{name: c, configMap: {name: admin-clusters}}]\n      containers: [{name: c}]\n      initContainers: 3\n') +
    '---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: plain\ndata:\n  other.yaml: mentions clusters.yaml\n' +
    '---\napiVersion: v1\nkind: Secret\nmetadata:\n  name: s\n---\napiVersion: v1\nkind: Secret\nmetadata:\n  name: s\ndata: {k: dg==}\n';
  const docs = parseStream(stream);
  const t = findTargets(docs);
  assert.equal(
    t.configMaps.map((d) => (d.value as { metadata: { name: string } }).metadata.name),
    ['admin-clusters'],
  );
  assert.equal(
    t.deployments.map((x) => [(x.doc.value as { metadata: { name: string } }).metadata.name, x.containers]),
    [
      [
        'flyteadmin',
        [
          { list: 'initContainers', index: 0, name: 'sync' },
          { list: 'containers', index: 0, name: 'flyteadmin' },
        ],
      ],
    ],
  );
  assert.is(t.admin, t.deployments[0]!.doc);
  assert.is(t.secrets.length, 2);
  assert.is(secretNamed(t, 's'), t.secrets[1], 'the last of a name, as the API server keeps the last applied');
  assert.is(secretNamed(t, 'none'), undefined);
});

test('findTargets refuses: no FlyteAdmin, no clusters ConfigMap, an object it wires twice', () => {
  assert.equal(
    problemsOf(() => findTargets(parseStream(CM('admin-clusters')))).map((p) => [p.code, p.subject]),
    [['wiring.no-flyteadmin', 'the rendered manifests']],
  );
  assert.equal(
    problemsOf(() => findTargets(parseStream(DEPLOY('flyteadmin', ADMIN_POD())))).map((p) => p.code),
    ['wiring.no-flyteadmin'],
  );
  const twice = problemsOf(() => findTargets(parseStream(MINIMAL + CM('admin-clusters'))));
  assert.equal(
    twice.map((p) => [p.code, whereOf(p)]),
    [['stream.duplicate', 'ConfigMap/admin-clusters (t/cm.yaml, stream line 29)']],
  );
  assert.match(twice[0]!.message, 'also ConfigMap/admin-clusters (t/cm.yaml, stream line 3)');
});

test("findConfig: --config first (the chart's document ignored, with a warning), else the chart's MultiClusterConfig, consumed", () => {
  const docs = parseStream(MINIMAL + MCC());
  const t = findTargets(docs);
  const file = configFromValues('v.yaml', 'multicluster:\n  clusters: {clusterConfigs: []}\n');
  const fromFile = findConfig(docs, t, file);
  assert.is(fromFile.found, file);
  assert.equal(
    fromFile.problems.map((p) => [p.severity, p.code, p.object]),
    [['warning', 'wiring.config-ignored', 'MultiClusterConfig/flyte-multicluster']],
  );
  const fromDoc = findConfig(docs, t, undefined);
  assert.equal(fromDoc.found.raw, { clusters: { clusterConfigs: [] } });
  assert.ok(docs.at(-1)!.dropped);
  // a pointer in it is a field of the document
  assert.equal(where(fromDoc.found.source, '/clusters'), {
    object: 'MultiClusterConfig/flyte-multicluster',
    streamLine: 29,
    source: 'c/templates/mcc.yaml',
    pointer: '/spec/clusters',
  });
  const two = parseStream(MINIMAL + MCC() + MCC('b'));
  assert.equal(
    problemsOf(() => findConfig(two, findTargets(two), undefined)).map((p) => [p.code, p.object]),
    [['stream.config-count', 'MultiClusterConfig/b']],
  );
});

test("findConfig from flyte-core's clusters ConfigMap: its clusters.yaml, and where FlyteAdmin's volumes and mounts are", () => {
  const docs = parseStream(CM('flyte-admin-clusters-config') + DEPLOY('flyteadmin', ADMIN_POD('flyte-admin-clusters-config')));
  const { found } = findConfig(docs, findTargets(docs), undefined);
  assert.is(found.form, 'stream');
  assert.equal(found.raw, { clusterConfigs: [{ name: 'a' }] });
  assert.equal(where(found.source, '/clusterConfigs/0'), {
    file: 'ConfigMap/flyte-admin-clusters-config (t/cm.yaml, stream line 3) data.clusters.yaml',
    streamLine: 3,
    pointer: '/clusters/clusterConfigs/0',
  });
  assert.is(whereOf(found.volumes!.where('/0') as object), 'Deployment/flyteadmin (t/flyteadmin.yaml, stream line 11) /spec/template/spec/volumes/0');
  assert.is(
    whereOf(found.mounts!.where('/0') as object),
    'Deployment/flyteadmin (t/flyteadmin.yaml, stream line 11) /spec/template/spec/containers/0/volumeMounts/0',
  );
});

test('findConfig refuses: clusters.yaml that is not YAML, or lists no cluster; clustersYamlOf keeps the error and parses once', () => {
  const bad = parseStream(CM('admin-clusters', '"clusters: [a"') + DEPLOY('flyteadmin', ADMIN_POD()));
  const [p] = problemsOf(() => findConfig(bad, findTargets(bad), undefined));
  assert.equal([p!.code, p!.pointer], ['wiring.clusters-yaml', '/data/clusters.yaml']);
  assert.ok('error' in clustersYamlOf(bad[0]!));
  assert.is(clustersYamlOf(bad[0]!), clustersYamlOf(bad[0]!));
  for (const clusters of ['"clusters: {clusterConfigs: []}"', '"[]"', '"clusters: 1"']) {
    const docs = parseStream(CM('admin-clusters', clusters) + DEPLOY('flyteadmin', ADMIN_POD()));
    assert.equal(
      problemsOf(() => findConfig(docs, findTargets(docs), undefined)).map((x) => x.code),
      ['wiring.no-config'],
    );
  }
  const notText = parseStream(CM('admin-clusters', '7'));
  assert.equal(clustersYamlOf(notText[0]!), { value: undefined });
});

test('on flyte-core as rendered: both clusters ConfigMaps, FlyteAdmin and syncresources', () => {
  const t = findTargets(parseStream(rendered('controlplane.yaml')));
  assert.is(t.configMaps.length, 2);
  assert.equal(
    t.deployments.map((d) => (d.doc.value as { metadata: { name: string } }).metadata.name),
    ['flyteadmin', 'syncresources'],
  );
});

test.run();
