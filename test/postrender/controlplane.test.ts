// plugin/postrender/controlplane.ts: the control plane's stages on flyte-core's rendered control plane.
import { test } from '../helpers/uvu.ts';
import * as assert from 'uvu/assert';
import { configFromValues } from '../../plugin/config/from-values.ts';
import { controlPlane } from '../../plugin/postrender/controlplane.ts';
import { runPlane } from '../../plugin/postrender/plane.ts';
import { parseStream } from '../../plugin/postrender/stream.ts';
import { errorsIn } from '../../plugin/problems/problems.ts';
import { rendered } from '../helpers/manifests.ts';

const CLUSTERS = '  clusters:\n    clusterConfigs: [{name: a, endpoint: "https://10.0.0.1:6443", enabled: true}]\n';
const config = (extra = '') => configFromValues('cp.yaml', `multicluster:\n${extra}${CLUSTERS}`);

test("find: the targets and --config's file; the chart's MultiClusterConfig noticed as ignored", () => {
  const mcc = '---\n# Source: c/templates/mcc.yaml\napiVersion: flytemc.io/v1alpha1\nkind: MultiClusterConfig\nmetadata:\n  name: m\nspec: {}\n';
  const docs = parseStream(rendered('controlplane.yaml') + mcc);
  const state = controlPlane.find(docs, config());
  assert.is(state.found.source.label, 'cp.yaml');
  assert.is(state.targets.configMaps.length, 2);
  assert.equal(
    state.noticed.map((p) => [p.code, p.object, p.severity]),
    [['wiring.config-ignored', 'MultiClusterConfig/m', 'warning']],
  );
});

test('validate: the config checked and kept for patch; a bad one is an error, and no config kept', () => {
  const state = controlPlane.find(parseStream(rendered('controlplane.yaml')), config());
  assert.equal(errorsIn(controlPlane.validate(state)), []);
  assert.is(state.config!.clusters.clusterConfigs[0]!.name, 'a');
  const bad = controlPlane.find(
    parseStream(rendered('controlplane.yaml')),
    configFromValues('cp.yaml', 'multicluster:\n  credentials: {secretName: bad_name}\n' + CLUSTERS),
  );
  const problems = controlPlane.validate(bad);
  assert.ok(errorsIn(problems).length > 0);
  assert.is(bad.config, undefined);
});

test("patch: DataCatalog's routes on the Ingress only with catalogIngress; verify passes on the result", () => {
  for (const [extra, routed] of [
    ['', false],
    ['  controlPlane: {catalogIngress: true}\n', true],
  ] as const) {
    const docs = parseStream(rendered('controlplane.yaml'));
    const r = runPlane(controlPlane, docs, config(extra));
    assert.is(
      r.patches.some((p) => p.target.kind === 'Ingress'),
      routed,
      extra,
    );
    assert.is(r.output.includes('datacatalog.DataCatalog'), routed);
  }
  const docs = parseStream(rendered('controlplane.yaml'));
  const state = controlPlane.find(docs, config());
  controlPlane.validate(state);
  // verify, run on the stream as rendered: the wiring it lacks
  assert.ok(
    controlPlane.verify(state).some((p) => p.code === 'verify.mounts'),
    'flyte-core alone mounts no credentials in some of the three places',
  );
});

test.run();
