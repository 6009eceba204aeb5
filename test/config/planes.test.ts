// plugin/config/planes.ts: `validate --data-plane`, each data plane's values alone and against the control plane's.
import { test } from '../helpers/uvu.ts';
import * as assert from 'uvu/assert';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkPlanes } from '../../plugin/config/planes.ts';
import { whereOf } from '../../plugin/problems/problems.ts';

const dir = mkdtempSync(join(tmpdir(), 'flytemc-planes-'));
const file = (name: string, text: string) => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};
const s3 = 'flyte-core:\n  storage: {type: s3, bucketName: shared}\n';
const way = 'multicluster:\n  controlPlane: {adminEndpoint: "dns:///flyte.example.com:443", catalogIngress: true}\n';
const cp = file(
  'cp.yaml',
  `${s3}multicluster:\n  controlPlane: {catalogIngress: true}\n  clusters:\n    clusterConfigs:\n      - {name: east, endpoint: "https://203.0.113.1:6443", enabled: true}\n`,
);
const shared = file('shared.yaml', `${s3}${way}`);
const codes = (ps: Array<{ code: string }>) => ps.map((p) => p.code);

test('a data plane that fits its control plane: no problem, its way back and storage reported', () => {
  const r = checkPlanes([cp], [[shared, file('east.yaml', 'multicluster: {clusterName: east}\n')]]);
  assert.equal(r.controlPlane, { files: [cp], storage: 's3 shared', problems: [] });
  const [d] = r.dataPlanes;
  assert.equal(d, {
    files: [shared, join(dir, 'east.yaml')],
    name: 'east',
    adminEndpoint: 'dns:///flyte.example.com:443',
    catalog: 'dns:///flyte.example.com:443',
    storage: 's3 shared',
    problems: [],
  });
});

test('a control plane with no data plane yet, and a data plane with nothing set: every problem at once', () => {
  const empty = file('empty-cp.yaml', `${s3}multicluster: {}\n`);
  const r = checkPlanes([empty], [[file('bare.yaml', 'multicluster: {}\n')]]);
  assert.equal(codes(r.controlPlane.problems), ['planes.no-data-planes']);
  assert.is(whereOf(r.controlPlane.problems[0]!), `control plane ${empty} /multicluster/clusters/clusterConfigs`);
  const [d] = r.dataPlanes;
  assert.equal(codes(d!.problems), ['planes.cluster-name', 'wiring.admin-endpoint', 'wiring.catalog-endpoint', 'planes.storage']);
  assert.is(whereOf(d!.problems[0]!), `data plane ${join(dir, 'bare.yaml')} /multicluster/clusterName`);
  assert.match(d!.problems[3]!.message, "flyte-core's in-cluster minio");
  assert.is(d!.name, undefined);
  assert.is(d!.adminEndpoint, undefined);
});

test("flyte-core's own name and endpoints that disagree with multicluster's", () => {
  const dp = file(
    'clash.yaml',
    `multicluster:\n  clusterName: west\n  controlPlane: {adminEndpoint: "flyteadmin.flyte.svc:81", catalog: false}\nflyte-core:\n  storage: {type: s3, bucketName: shared}\n  flytepropeller: {clusterName: east}\n  configmap:\n    admin: {admin: {endpoint: "dns:///other:443"}}\n    catalog: {catalog-cache: {endpoint: "dns:///cat:443"}}\n`,
  );
  const [d] = checkPlanes([cp], [[dp]]).dataPlanes;
  assert.equal(codes(d!.problems), ['planes.cluster-name', 'planes.admin-endpoint', 'planes.catalog-endpoint', 'planes.in-cluster-admin', 'planes.not-joined']);
  assert.match(d!.problems[0]!.message, 'flyte-core.flytepropeller.clusterName ("east") differs from multicluster.clusterName ("west")');
  assert.is(d!.catalog, 'off (noop)');
});

test('catalogIngress on a data plane whose control plane does not route DataCatalog', () => {
  const bareCp = file(
    'bare-cp.yaml',
    `${s3}multicluster:\n  clusters:\n    clusterConfigs: [{name: east, endpoint: "https://203.0.113.1:6443", enabled: true}]\n`,
  );
  const [d] = checkPlanes([bareCp], [[shared, file('e.yaml', 'multicluster: {clusterName: east}\n')]]).dataPlanes;
  assert.equal(codes(d!.problems), ['planes.catalog-ingress']);
  assert.equal(codes(checkPlanes([], [[shared, file('e2.yaml', 'multicluster: {clusterName: east}\n')]]).dataPlanes[0]!.problems), []);
});

test('storage: another bucket, one kept in a Secret, a cloud overlay placeholder', () => {
  const east = file('east-name.yaml', `${way}`);
  const other = file('other.yaml', `multicluster:\n  clusterName: east\nflyte-core:\n  storage: {type: s3, bucketName: mine}\n`);
  const [diff] = checkPlanes([cp], [[east, other]]).dataPlanes;
  assert.equal(codes(diff!.problems), ['planes.storage']);
  assert.match(
    diff!.problems[0]!.message,
    `the data plane's storage (s3 mine) is not the control plane's (s3 shared, from ${cp}): bucket/container "shared" vs "mine"`,
  );
  const secret = file('secret.yaml', `multicluster:\n  clusterName: east\nflyte-core:\n  storage: {secretName: s}\n`);
  assert.equal(codes(checkPlanes([cp], [[east, secret]]).dataPlanes[0]!.problems), ['planes.storage-unknown']);
  const r = checkPlanes([], [[east, file('eks.yaml', `multicluster:\n  clusterName: east\n`)]], 'eks');
  assert.is(r.controlPlane.storage, '(no control-plane files)');
  assert.equal(codes(r.dataPlanes[0]!.problems), ['planes.storage']);
  assert.match(r.dataPlanes[0]!.problems[0]!.message, "the storage bucket is still the cloud overlay's placeholder <");
});

test.run();
