// plugin/postrender/client-secret.ts: flytepropeller mounts the client secret at /etc/secrets; flyte-core's placeholder Secret is dropped.
import { test } from '../helpers/uvu.ts';
import * as assert from 'uvu/assert';
import { clientSecretPatches } from '../../plugin/postrender/client-secret.ts';
import { parseStream } from '../../plugin/postrender/stream.ts';

const deployment = (name: string, pod: string) =>
  `---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${name}\nspec:\n  template:\n    spec:\n${pod}`;
const propeller = (mounts: string, volumes: string, container = 'flytepropeller') =>
  deployment(container, `      containers:\n        - name: ${container}\n${mounts}${volumes}`);
const MOUNT = '          volumeMounts:\n            - {name: auth, mountPath: /etc/secrets/}\n';
const opsOf = (stream: string, secret = 'oauth') => clientSecretPatches(parseStream(stream), secret).map((p) => p.ops);

test('a volume and a mount added to flytepropeller (and flytepropeller-manager) only; the placeholder Secret dropped', () => {
  const docs = parseStream(
    propeller('', '') +
      propeller('          volumeMounts: []\n', '      volumes: []\n', 'flytepropeller-manager') +
      deployment('webhook', '      containers:\n        - name: webhook\n') +
      deployment('odd', '      containers: {}\n') +
      '---\napiVersion: v1\nkind: Secret\nmetadata:\n  name: oauth\n---\napiVersion: v1\nkind: Secret\nmetadata:\n  name: other\n',
  );
  const patches = clientSecretPatches(docs, 'oauth');
  assert.equal(
    patches.map((p) => p.ops.map((o) => `${o.op} ${o.path}`)),
    [
      ['add /spec/template/spec/volumes', 'add /spec/template/spec/containers/0/volumeMounts'],
      ['add /spec/template/spec/volumes/-', 'add /spec/template/spec/containers/0/volumeMounts/-'],
    ],
  );
  assert.equal(patches[0]!.ops[1], {
    op: 'add',
    path: '/spec/template/spec/containers/0/volumeMounts',
    value: [{ name: 'flytemc-client-secret', mountPath: '/etc/secrets', readOnly: true }],
  });
  assert.equal(
    docs.filter((d) => d.dropped).map((d) => (d.value as { metadata: { name: string } }).metadata.name),
    ['oauth'],
  );
});

test('a mount at /etc/secrets already: its volume made the Secret (added, replaced, renamed), or left when it is', () => {
  assert.equal(opsOf(propeller(MOUNT, '      volumes: []\n')), [
    [{ op: 'add', path: '/spec/template/spec/volumes/-', value: { name: 'auth', secret: { secretName: 'oauth' } } }],
  ]);
  assert.equal(opsOf(propeller(MOUNT, '      volumes:\n        - {name: auth, emptyDir: {}}\n')), [
    [{ op: 'replace', path: '/spec/template/spec/volumes/0', value: { name: 'auth', secret: { secretName: 'oauth' } } }],
  ]);
  assert.equal(opsOf(propeller(MOUNT, '      volumes:\n        - {name: auth, secret: {secretName: flyte-secret-auth}}\n')), [
    [{ op: 'replace', path: '/spec/template/spec/volumes/0/secret/secretName', value: 'oauth' }],
  ]);
  assert.equal(opsOf(propeller(MOUNT, '      volumes:\n        - {name: auth, secret: {secretName: oauth}}\n')), []);
});

test.run();
