// plugin/postrender/propeller-config.ts: flytepropeller's admin.yaml and catalog.yaml wired, recorded, read back.
import { test } from '../helpers/uvu.ts';
import * as assert from 'uvu/assert';
import fjp from 'fast-json-patch';
import type { Wiring } from '../../plugin/config/control-plane.ts';
import { carriesWiring, propellerConfigOps, recordedWiring, wiredPropellerConfig } from '../../plugin/postrender/propeller-config.ts';
import { parseStream, type Doc } from '../../plugin/postrender/stream.ts';
import { FlytemcError } from '../../plugin/problems/problems.ts';
import { parseYaml } from '../../plugin/yaml/dialect.ts';

const WIRING: Wiring = {
  admin: { endpoint: 'dns:///flyte.example.com:443', insecure: false },
  catalog: { type: 'datacatalog', endpoint: 'dns:///flyte.example.com:443', insecure: false },
};
const cm = (rest: string) => parseStream(`---\n# Source: flyte-core/templates/propeller/configmap.yaml\napiVersion: v1\nkind: ConfigMap\n${rest}`)[0]!;
const named = (rest = '') => cm(`metadata:\n  name: flyte-propeller-config\n${rest}`);
const FLYTE_CORE =
  'data:\n  admin.yaml: |\n    admin:\n      endpoint: flyteadmin:81\n      insecure: true\n    event: {type: admin}\n  catalog.yaml: |\n    catalog-cache:\n      endpoint: datacatalog:89\n      type: datacatalog\n';

function patched(doc: Doc, wiring: Wiring) {
  const { ops, content } = propellerConfigOps(doc, wiring);
  doc.value = fjp.applyPatch(doc.value, ops, true, false).newDocument;
  return { ops, content };
}
const refusal = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    assert.instance(e, FlytemcError);
    return (e as FlytemcError).problems[0]!;
  }
  throw new Error('accepted');
};

test('wired: the endpoints in admin.yaml and catalog.yaml, the other keys kept, the wiring recorded; again: nothing to do', () => {
  const doc = named(FLYTE_CORE);
  const first = patched(doc, WIRING);
  assert.ok(first.content);
  const data = (doc.value as { data: Record<string, string> }).data;
  assert.equal(parseYaml(data['admin.yaml']!), { admin: { endpoint: WIRING.admin.endpoint, insecure: false }, event: { type: 'admin' } });
  assert.equal(parseYaml(data['catalog.yaml']!), { 'catalog-cache': { endpoint: WIRING.admin.endpoint, type: 'datacatalog', insecure: false } });
  assert.ok(carriesWiring(doc, WIRING));
  assert.is(wiredPropellerConfig([doc]), doc);
  assert.equal(recordedWiring(doc), WIRING);
  assert.equal(propellerConfigOps(doc, WIRING), { ops: [] });
  // another wiring: the record replaced
  const other: Wiring = { admin: { ...WIRING.admin, insecure: true }, catalog: { type: 'noop' } };
  assert.not.ok(carriesWiring(doc, other));
  patched(doc, other);
  assert.equal(recordedWiring(doc), other);
  assert.equal(parseYaml((doc.value as { data: Record<string, string> }).data['catalog.yaml']!), { 'catalog-cache': { type: 'noop' } });
});

test('a ConfigMap without data, metadata or annotations; a client secret: flytepropeller authenticates with it', () => {
  const bare = cm('');
  const secret: Wiring = { ...WIRING, admin: { ...WIRING.admin, clientSecret: { secretName: 's', clientId: 'propeller' } } };
  assert.equal(
    propellerConfigOps(bare, secret).ops.map((o) => `${o.op} ${o.path}`),
    ['add /data', 'add /data/admin.yaml', 'add /data/catalog.yaml', 'add /metadata'],
  );
  const doc = named('data:\n  admin.yaml: ""\n');
  patched(doc, secret);
  assert.equal((parseYaml((doc.value as { data: Record<string, string> }).data['admin.yaml']!) as { admin: unknown }).admin, {
    endpoint: WIRING.admin.endpoint,
    insecure: false,
    clientId: 'propeller',
    clientSecretLocation: '/etc/secrets/client_secret',
    authType: 'ClientSecret',
  });
  assert.equal(
    propellerConfigOps(named('  annotations:\n    other: x\n'), WIRING)
      .ops.map((o) => o.path)
      .at(-1),
    '/metadata/annotations/flytemc.io~1control-plane',
  );
  assert.is(wiredPropellerConfig([named('  annotations: {flytemc.io/control-plane: 1}\n')]), undefined);
  assert.is(wiredPropellerConfig([]), undefined);
});

test('refused: a key that is not a YAML mapping or not YAML; a record that is not the wiring', () => {
  assert.equal(
    [refusal(() => propellerConfigOps(named('data:\n  admin.yaml: "- a"\n'), WIRING))].map((p) => [p.code, p.pointer, p.message]),
    [['wiring.propeller-config', '/data/admin.yaml', 'admin.yaml must be a YAML mapping']],
  );
  assert.match(refusal(() => propellerConfigOps(named('data:\n  catalog.yaml: "a: [b"\n'), WIRING)).message, /^invalid YAML/);
  assert.equal(propellerConfigOps(named('data:\n  admin.yaml: 3\n  catalog.yaml: null\n'), WIRING).ops.length, 3, 'not a string: as empty');
  for (const record of [
    'not json',
    '{"admin": {"endpoint": "x", "insecure": false}, "catalog": {"type": "other"}}',
    '{"admin": {"endpoint": "x", "insecure": false, "clientSecret": {}}, "catalog": {"type": "noop"}}',
  ]) {
    const p = refusal(() => recordedWiring(named(`  annotations:\n    flytemc.io/control-plane: '${record}'\n`)));
    assert.is(p.code, 'wiring.recorded');
    assert.is(p.pointer, '/metadata/annotations/flytemc.io~1control-plane');
  }
});

test.run();
