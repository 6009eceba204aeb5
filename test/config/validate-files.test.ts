// plugin/config/validate-files.ts: `validate -f` per file: its config checked, flyte-core's unknown keys, problems by line.
import { test } from '../helpers/uvu.ts';
import * as assert from 'uvu/assert';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { validateFiles, validateValues } from '../../plugin/config/validate-files.ts';

const dir = mkdtempSync(join(tmpdir(), 'flytemc-validate-files-'));
const file = (name: string, text: string) => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};
const cluster = '      - {name: east, endpoint: "https://203.0.113.1:6443", enabled: true}\n';

test('a valid control plane: ok, lists its clusters', () => {
  const f = file('cp.yaml', `multicluster:\n  clusters:\n    clusterConfigs:\n${cluster}`);
  assert.equal(validateFiles([f]), [{ file: f, status: 'ok', listsClusters: true, problems: [] }]);
});

test('every problem of a file in the order of its lines; flyte-core typos are errors', () => {
  const f = file(
    'bad.yaml',
    `flyte-core:\n  storage:\n    bucketname: b\nmulticluster:\n  clusters:\n    labelClusterMap:\n      l: [{id: nope, weight: 1}]\n    clusterConfigs:\n${cluster}`,
  );
  const [r] = validateFiles([f]);
  assert.is(r!.status, 'invalid');
  assert.equal(
    r!.problems.map((p) => [p.line, p.code]),
    [
      [3, 'values.unknown-key'],
      [7, 'config.route-unknown'],
      [7, 'config.label-dropped'],
    ],
  );
});

test('a part without clusters (the shared values) and a data plane need no cluster list', () => {
  const shared = file('shared.yaml', 'multicluster:\n  controlPlane: {adminEndpoint: "dns:///flyte:443", catalog: false}\n');
  const dp = file('dp.yaml', 'multicluster:\n  role: data-plane\n  clusterName: east\n');
  assert.equal(validateFiles([shared, dp]), [
    { file: shared, status: 'ok', listsClusters: false, problems: [] },
    { file: dp, status: 'ok', role: 'data-plane', listsClusters: false, problems: [] },
  ]);
  const empty = file('empty-list.yaml', 'multicluster:\n  clusters: {clusterConfigs: []}\n');
  assert.is(validateFiles([empty])[0]!.status, 'invalid');
  assert.is(validateFiles([empty], { requireClusters: false })[0]!.status, 'ok');
});

test('no config: a cloud overlay is said to have none, unless its flyte-core keys are wrong', () => {
  const overlay = file('overlay.yaml', 'flyte-core:\n  storage:\n    type: s3\n');
  assert.equal(validateFiles([overlay]), [{ file: overlay, status: 'no-config', listsClusters: false, problems: [] }]);
  const typo = file('typo.yaml', 'flyte-core:\n  storag: {}\n');
  const [r] = validateFiles([typo]);
  assert.equal([r!.status, r!.problems.map((p) => p.code)], ['invalid', ['values.unknown-key']]);
});

test('a file that is not values: invalid with its problems, keys too; YAML errors as they are', () => {
  const manifest = file('manifest.yaml', 'apiVersion: v1\nkind: ConfigMap\n');
  const [m] = validateFiles([manifest]);
  assert.equal([m!.status, m!.listsClusters, m!.problems.map((p) => p.code)], ['invalid', false, ['values.manifest']]);
  const yaml = file('broken.yaml', 'a: "open\n');
  assert.equal(
    validateFiles([yaml])[0]!.problems.map((p) => p.code),
    ['values.yaml'],
  );
});

test('validateValues: valid only with a config, a cluster list (or a data plane) and no error', () => {
  const cp = file('v-cp.yaml', `multicluster:\n  clusters:\n    clusterConfigs:\n${cluster}`);
  const shared = file('v-shared.yaml', 'multicluster:\n  controlPlane: {catalog: false}\n');
  const overlay = file('v-overlay.yaml', 'flyte-core:\n  storage: {type: s3}\n');
  const ok = validateValues([shared, cp], []);
  assert.equal([ok.valid, ok.errors, ok.warnings, ok.noConfig, ok.noClusters, ok.planes], [true, 0, 0, false, false, undefined]);
  assert.equal([validateValues([overlay], []).valid, validateValues([overlay], []).noConfig], [false, true]);
  const part = validateValues([shared], []);
  assert.equal([part.valid, part.noClusters, part.errors], [false, true, 0]);
  const broken = validateValues([file('v-bad.yaml', 'multicluster:\n  clusters: {clusterConfigs: []}\n')], []);
  assert.equal([broken.valid, broken.noClusters, broken.errors], [false, false, 1]);
});

test('validateValues with data planes: the -f files are one control plane in parts; the planes counted too', () => {
  const shared = file('p-shared.yaml', 'multicluster:\n  controlPlane: {catalog: false}\n');
  const dp = file('p-dp.yaml', 'multicluster: {clusterName: east}\n');
  const r = validateValues([shared], [[dp]]);
  assert.equal([r.noConfig, r.noClusters, r.files[0]!.status], [false, false, 'ok']);
  assert.equal(r.planes!.dataPlanes.length, 1);
  assert.is(r.errors, r.planes!.dataPlanes[0]!.problems.filter((p) => p.severity === 'error').length);
  assert.is(r.warnings, r.planes!.controlPlane.problems.length + r.planes!.dataPlanes[0]!.problems.filter((p) => p.severity === 'warning').length);
  assert.is(r.valid, r.errors === 0);
});

test.run();
