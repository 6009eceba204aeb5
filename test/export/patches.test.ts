// plugin/export/patches.ts: each object's RFC 6902 patch pinned by `test` operations, and its kustomize target.
import { test } from '../helpers/uvu.ts';
import * as assert from 'uvu/assert';
import type { Operation } from 'fast-json-patch';
import { kustomizeTarget, objectPatches } from '../../plugin/export/patches.ts';
import type { PostRenderResult } from '../../plugin/postrender/plane.ts';
import type { ResourceId } from '../../plugin/postrender/stream.ts';

const ADMIN: ResourceId = { apiVersion: 'apps/v1', kind: 'Deployment', name: 'FlyteAdmin', namespace: 'flyte' };
const CM: ResourceId = { apiVersion: 'v1', kind: 'ConfigMap', name: 'flyte-admin-clusters-config', namespace: 'flyte' };

const deployment = {
  metadata: { name: 'FlyteAdmin', annotations: { a: '1' } },
  spec: {
    template: {
      spec: {
        containers: [{ name: 'flyteadmin', env: [{ name: 'X', value: '1' }] }, { name: 'sidecar' }],
        initContainers: [{ name: 'run-migrations' }],
        volumes: [{ name: 'config' }, { secret: { secretName: 'nameless' } }],
      },
    },
  },
};

const result = (patches: Array<{ target: ResourceId; ops: Operation[] }>): PostRenderResult => ({
  output: '',
  warnings: [],
  patches: patches.map((p) => ({ object: `${p.target.kind}/${p.target.name}`, ...p })),
});

test('objectPatches: one patch per object, its file named <kind>-<name>.yaml in lower case, the original looked up by target', () => {
  const seen: ResourceId[] = [];
  const got = objectPatches(
    result([
      { target: ADMIN, ops: [{ op: 'add', path: '/metadata/labels', value: { a: 'b' } }] },
      { target: CM, ops: [{ op: 'add', path: '/data/x', value: 'y' }] },
    ]),
    (t) => {
      seen.push(t);
      return t.kind === 'Deployment' ? deployment : { data: {} };
    },
  );
  assert.equal(seen, [ADMIN, CM]);
  assert.equal(
    got.map((p) => [p.target, p.file]),
    [
      [ADMIN, 'deployment-flyteadmin.yaml'],
      [CM, 'configmap-flyte-admin-clusters-config.yaml'],
    ],
  );
  assert.equal(got[0]!.ops, [{ op: 'add', path: '/metadata/labels', value: { a: 'b' } }], 'an add elsewhere assumes nothing');
  assert.equal(
    objectPatches(result([]), () => deployment),
    [],
  );
});

test('objectPatches: every container, init container and volume addressed by index is pinned by its name; replace and remove pin the old value; each pin once, before the operations', () => {
  const ops: Operation[] = [
    { op: 'add', path: '/spec/template/spec/containers/0/env/-', value: { name: 'Y', value: '2' } },
    { op: 'replace', path: '/spec/template/spec/containers/0/env/0/value', value: '3' },
    { op: 'add', path: '/spec/template/spec/containers/0/volumeMounts', value: [] },
    { op: 'remove', path: '/spec/template/spec/initContainers/0' },
    { op: 'replace', path: '/spec/template/spec/volumes/0', value: { name: 'config', emptyDir: {} } },
    { op: 'remove', path: '/metadata/annotations/a' },
  ];
  const [p] = objectPatches(result([{ target: ADMIN, ops }]), () => deployment);
  assert.equal(p!.ops, [
    { op: 'test', path: '/spec/template/spec/containers/0/name', value: 'flyteadmin' },
    { op: 'test', path: '/spec/template/spec/containers/0/env/0/value', value: '1' },
    { op: 'test', path: '/spec/template/spec/initContainers/0/name', value: 'run-migrations' },
    { op: 'test', path: '/spec/template/spec/initContainers/0', value: { name: 'run-migrations' } },
    { op: 'test', path: '/spec/template/spec/volumes/0/name', value: 'config' },
    { op: 'test', path: '/spec/template/spec/volumes/0', value: { name: 'config' } },
    { op: 'test', path: '/metadata/annotations/a', value: '1' },
    ...ops,
  ]);
});

test('objectPatches: nothing to pin where the original has no such value (a new container, a nameless volume, a value not there, no original)', () => {
  const ops: Operation[] = [
    { op: 'add', path: '/spec/template/spec/containers/2', value: { name: 'new' } },
    { op: 'add', path: '/spec/template/spec/volumes/1/secret/optional', value: true },
    { op: 'replace', path: '/metadata/annotations/missing', value: 'x' },
    { op: 'add', path: '/spec/template/spec/containersX/0/name', value: 'x' },
  ];
  assert.equal(objectPatches(result([{ target: ADMIN, ops }]), () => deployment)[0]!.ops, ops);
  const remove: Operation[] = [{ op: 'remove', path: '/spec/template/spec/containers/1' }];
  assert.equal(objectPatches(result([{ target: ADMIN, ops: remove }]), () => undefined)[0]!.ops, remove);
});

test('kustomizeTarget: group and version split from apiVersion, the core group has none; namespace only when set', () => {
  assert.equal(kustomizeTarget(ADMIN), { group: 'apps', version: 'v1', kind: 'Deployment', name: 'FlyteAdmin', namespace: 'flyte' });
  assert.equal(kustomizeTarget({ apiVersion: 'v1', kind: 'Secret', name: 's' }), { version: 'v1', kind: 'Secret', name: 's' });
  assert.equal(kustomizeTarget({ apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole', name: 'r', namespace: '' }), {
    group: 'rbac.authorization.k8s.io',
    version: 'v1',
    kind: 'ClusterRole',
    name: 'r',
  });
});

test.run();
