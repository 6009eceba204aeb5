// plugin/config/schema-errors.ts: Ajv's errors as `values.schema` problems, each with the key, what is wrong and a fix.
import { test } from '../helpers/uvu.ts';
import * as assert from 'uvu/assert';
import type { ErrorObject } from 'ajv';
import { validateClusters, validateMulticluster } from '../../plugin/generated/validators.cjs';
import { schemaProblems } from '../../plugin/config/schema-errors.ts';
import { get } from '../../plugin/yaml/json-pointer.ts';

const at = (p: string) => ({ file: 'v.yaml', pointer: p });

/** The problems of `raw` as a clusters section (flyte-core's form). */
function clusters(raw: unknown) {
  assert.not.ok(validateClusters(raw));
  return schemaProblems(validateClusters.errors, at, (p) => get(raw, p));
}
const one = (raw: unknown) => {
  const ps = clusters(raw);
  assert.is(ps.length, 1, JSON.stringify(ps));
  return ps[0]!;
};
const cluster = (extra: object) => ({ clusterConfigs: [{ name: 'east', endpoint: 'https://203.0.113.1:6443', enabled: true, ...extra }] });

test('an unknown key: its pointer, the keys to use; every problem is `values.schema`', () => {
  const p = one({ ...cluster({}), clusterconfigs: [] });
  assert.equal([p.code, p.severity, p.pointer, p.message], ['values.schema', 'error', '/clusterconfigs', 'unknown key `clusterconfigs`']);
  assert.is(p.fix, 'remove it or use one of: clusterConfigs, labelClusterMap, defaultExecutionLabel (FlyteAdmin silently ignores unknown keys)');
});

test('defect 7: `enabled` under `auth`', () => {
  const p = one(cluster({ auth: { enabled: true } }));
  assert.is(p.pointer, '/clusterConfigs/0/auth/enabled');
  assert.is(p.message, '`enabled` sits under `auth`; FlyteAdmin ignores it there and east stays disabled');
  assert.is(p.fix, 'move `enabled: true` one level up, next to `name`, `endpoint` and `auth`');
});

test('defect 10: endpoints left as placeholders, or plain http', () => {
  assert.match(one(cluster({ endpoint: { '{{ x }}': null } })).message, 'endpoint is a YAML mapping, not a URL');
  assert.match(one(cluster({ endpoint: '{{ .Values.x }}' })).message, "is still a `{{ ... }}` placeholder from the upstream guide; Helm's tpl fails on it");
  const http = clusters(cluster({ endpoint: 'http://203.0.113.1:6443' }));
  assert.ok(http.some((p) => p.message === 'endpoint "http://203.0.113.1:6443" is plain http; FlyteAdmin must reach the API server over TLS'));
  assert.is(one(cluster({ endpoint: 'ftp://x' })).fix, 'write the API server\'s URL, e.g. "https://10.0.0.1:6443" (https only, no template braces)');
});

test('the loopback endpoint of a credential proxy written by hand', () => {
  const ps = clusters(cluster({ endpoint: 'http://127.0.0.1:17101' }));
  assert.ok(ps.length > 0);
  assert.ok(
    ps.every((p) => p.message.startsWith('endpoint "http://127.0.0.1:17101" is the loopback address of a credential proxy')),
    JSON.stringify(ps),
  );
});

test('defect 5: an underscore in a Kubernetes name, with the name to use', () => {
  const raw = { credentials: { secretName: 'cluster_credentials' }, clusters: cluster({}) };
  assert.not.ok(validateMulticluster(raw));
  const [p] = schemaProblems(validateMulticluster.errors, at, (x) => get(raw, x));
  assert.is(p!.pointer, '/credentials/secretName');
  assert.match(p!.message, "is not a valid Kubernetes name: '_' is not allowed");
  assert.is(p!.fix, 'use "cluster-credentials"');
});

test('types, quoted numbers and booleans, ranges, enums, consts, required keys', () => {
  const quoted = one(cluster({ enabled: 'true' }));
  assert.equal([quoted.message, quoted.fix], ['must be boolean, not string "true"', 'write true without quotes']);
  assert.is(one({ clusterConfigs: {} }).message, 'must be array, not a mapping');
  assert.is(one({ clusterConfigs: [null] }).message, 'must be object, not null');
  assert.is(one({ clusterConfigs: 'x' }).fix, undefined);
  assert.is(one({ labelClusterMap: { l: [] }, clusterConfigs: [[]] }).message, 'must be object, not a list');
  const range = one({ ...cluster({}), labelClusterMap: { l: [{ id: 'east', weight: 2 }] } });
  assert.equal([range.message, range.fix], ['2 is out of range (must be <= 1)', 'use a number from 0 to 1, e.g. 0.5']);
  assert.match(one(cluster({ kubeClientConfig: { qps: 0 } })).message, '0 is out of range (must be > 0)');
  assert.is(one(cluster({ auth: { type: 'token' } })).message, '"token" is not allowed here (only "file_path")');
  const missing = one({ clusterConfigs: [{ name: 'east', enabled: true }] });
  assert.equal([missing.pointer, missing.message], ['/clusterConfigs/0', 'missing `endpoint`']);
  assert.match(missing.fix!, 'or set inCluster: true');
  assert.is(one({ clusterConfigs: [{ endpoint: 'https://203.0.113.1:6443' }] }).message, 'missing `name`');
  assert.match(one(cluster({ kubeClientConfig: { timeout: '30 seconds' } })).message, 'invalid value "30 seconds"');
  const raw = { role: 'hub', clusters: cluster({}) };
  assert.not.ok(validateMulticluster(raw));
  assert.match(schemaProblems(validateMulticluster.errors, at, (x) => get(raw, x))[0]!.message, '"hub" is not one of "control-plane", "data-plane"');
});

test('an invalid label name: said once, on the label', () => {
  const p = one({ ...cluster({}), labelClusterMap: { 'bad label!': [{ id: 'east', weight: 1 }] } });
  assert.equal([p.pointer, p.message], ['/labelClusterMap/bad label!', 'invalid name "bad label!"']);
});

test('keywords without a hint of their own: the message Ajv gives, else the keyword; no errors, no problems', () => {
  const e = (keyword: string, message?: string): ErrorObject => ({
    keyword,
    instancePath: '/x',
    schemaPath: '#/x',
    params: {},
    ...(message ? { message } : {}),
  });
  assert.equal(
    schemaProblems([e('uniqueItems', 'must not have duplicate items'), e('oneOf'), e('if', 'must match "then" schema')], at, () => undefined).map(
      (p) => p.message,
    ),
    ['must not have duplicate items', 'oneOf'],
  );
  assert.equal(
    schemaProblems(null, at, () => undefined),
    [],
  );
  assert.equal(
    schemaProblems(undefined, at, () => undefined),
    [],
  );
  const long: ErrorObject = { keyword: 'maxLength', instancePath: '/n', schemaPath: '#/n', params: { limit: 3 }, data: 'abcd' };
  assert.is(schemaProblems([long], at, () => undefined)[0]!.message, 'invalid value "abcd" (longer than 3 characters)');
  const noProps: ErrorObject = { keyword: 'additionalProperties', instancePath: '', schemaPath: '#', params: { additionalProperty: 'k' }, parentSchema: {} };
  assert.is(schemaProblems([noProps], at, () => undefined)[0]!.fix, 'remove it');
});

test.run();
