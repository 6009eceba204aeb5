// plugin/config/storage.ts: storage from flyte-core's values and from a rendered storage.yaml, reduced to what must be equal.
import { test } from '../helpers/uvu.ts';
import * as assert from 'uvu/assert';
import { describeStorage, resolveTemplate, storageDifferences, storageOfConfig, storageOfValues } from '../../plugin/config/storage.ts';

test("flyte-core's defaults: the sandbox minio in the release's namespace", () => {
  assert.equal(storageOfValues({}), { type: 'minio', container: 'my-s3-bucket', endpoint: 'http://minio.flyte.svc.cluster.local:9000' });
  assert.equal(storageOfValues({ storage: 'x' }, 'ns').endpoint, 'http://minio.ns.svc.cluster.local:9000');
  assert.equal(storageOfValues({ storage: { bucketName: '' } }), { type: 'minio', endpoint: 'http://minio.flyte.svc.cluster.local:9000' });
});

test('s3 with and without an endpoint, gcs, custom stow', () => {
  assert.equal(storageOfValues({ storage: { type: 's3', bucketName: 'b', s3: { endpoint: 'https://s3.example' } } }), {
    type: 's3',
    container: 'b',
    endpoint: 'https://s3.example',
  });
  assert.equal(storageOfValues({ storage: { type: 's3', bucketName: 'b' } }), { type: 's3', container: 'b' });
  assert.equal(storageOfValues({ storage: { type: 'gcs', bucketName: 'g' } }), { type: 'stow/google', container: 'g' });
  assert.equal(storageOfValues({ storage: { type: 'gcs', bucketName: null } }), { type: 'stow/google', container: 'my-s3-bucket' });
  assert.equal(
    storageOfValues({ storage: { type: 'custom', custom: { type: 'stow', stow: { kind: 'azure', config: { endpoint: 'https://az' } }, container: 'c' } } }),
    { type: 'stow/azure', container: 'c', endpoint: 'https://az' },
  );
  assert.equal(storageOfValues({ storage: { type: 'custom', custom: { type: 'stow' } } }), { type: 'stow/?' });
  assert.equal(storageOfValues({ storage: { type: 'custom' } }), { type: '' });
});

test('templates of the cloud overlays resolve against the values; what cannot be compared says why', () => {
  const core = { userSettings: { bucketName: 'real', n: null }, storage: { type: 's3', bucketName: '{{ .Values.userSettings.bucketName }}' } };
  assert.equal(storageOfValues(core), { type: 's3', container: 'real' });
  assert.is(resolveTemplate('{{- .Values.a.b -}}/{{ .Values.userSettings.n }}/{{ .Values.x.y }}', { a: { b: 1 }, userSettings: { n: null } }), '1//');
  assert.is(resolveTemplate('{{ include "x" . }}', {}), undefined);
  const templated = storageOfValues({ storage: { type: 's3', bucketName: '{{ tpl .Values.x . }}' } });
  assert.equal(templated, { type: 's3', unknown: 'flyte-core.storage.bucketName is the template "{{ tpl .Values.x . }}"' });
  assert.match(
    storageOfValues({ storage: { type: 'custom', custom: { container: '{{ x }}' } } }).unknown!,
    'flyte-core.storage.custom.container is the template',
  );
  assert.equal(storageOfValues({ storage: { secretName: 's' } }), { type: 'secret', unknown: 'kept in Secret s (flyte-core.storage.secretName)' });
  assert.match(storageOfValues({ storage: { type: 'azure' } }).unknown!, 'flyte-core.storage.type "azure" is not one flyte-core knows');
});

test('a rendered storage.yaml', () => {
  assert.equal(storageOfConfig('storage:\n  type: s3\n  container: b\n  connection:\n    endpoint: https://s3\n'), {
    type: 's3',
    container: 'b',
    endpoint: 'https://s3',
  });
  assert.equal(storageOfConfig('other: 1\n'), { type: '?', unknown: 'storage.yaml has no `storage:` section' });
});

test('differences: type, container, endpoint; unknown storage is not compared', () => {
  const a = { type: 's3', container: 'b', endpoint: 'https://s3' };
  assert.equal(storageDifferences(a, a), []);
  assert.equal(storageDifferences(a, { type: 'stow/google' }), ['type s3 vs stow/google', 'bucket/container "b" vs ""', 'endpoint "https://s3" vs ""']);
  assert.equal(storageDifferences({ type: 'x' }, { type: 'x', container: 'c' }), ['bucket/container "" vs "c"']);
  assert.equal(storageDifferences(a, { type: 'secret', unknown: 'why' }), []);
  assert.equal(storageDifferences({ type: 'secret', unknown: 'why' }, a), []);
});

test('described for the report', () => {
  assert.is(describeStorage({ type: 's3', container: 'b', endpoint: 'https://s3' }), 's3 b at https://s3');
  assert.is(describeStorage({ type: 'stow/google' }), 'stow/google');
  assert.is(describeStorage({ type: 'secret', unknown: 'kept in Secret s' }), '(kept in Secret s)');
});

test.run();
