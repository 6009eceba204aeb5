// plugin/problems/mask.ts: which paths and shapes are secret, and how values and messages are masked.
import { test } from '../helpers/uvu.ts';
import * as assert from 'uvu/assert';
import { isSecretPath, looksSecret, redact, showValue } from '../../plugin/problems/mask.ts';

test('isSecretPath: a secret-named last key, camelCase split, a Secret data key; not deeper, not other names', () => {
  for (const p of [
    'token',
    '/a/password',
    'spec.clientSecret',
    '/users/0/user/client-key-data',
    '/x/caData',
    '/x/privateKey',
    '/x/credentials',
    '/x/Authorization',
    '/data/x',
    '/stringData/y',
    'secret/data/x',
  ]) {
    assert.ok(isSecretPath(p), p);
  }
  for (const p of ['', '/', '/a/name', '/a/secretName', '/a/tokenPath', '/data', 'monkey', '/a/b/data/x', '/spec/data2/x']) {
    assert.not.ok(isSecretPath(p), p);
  }
});

test('looksSecret: each credential shape, trimmed; names, paths, short or single-case words are not', () => {
  for (const s of [
    '-----BEGIN RSA PRIVATE KEY-----\nabc',
    'eyJhbGci.eyJzdWIi',
    '  Bearer x  ',
    'bearer\tabc',
    'k8s-aws-v1.abc',
    'abcdef.0123456789abcdef',
    'dG9rZW4xMjM0NTY3OA==',
    'k9Xz2Qw8Lm4Rt7Vb',
    'Ab1_' + 'x'.repeat(30),
    'q8Zr/Tk3vLx9PwYb2NcMhJ4Ue7Ga/Rs5Df1OiKl6Wp0Xy',
    'deadbeef'.repeat(4),
  ]) {
    assert.ok(looksSecret(s), s);
  }
  for (const s of [
    '',
    'cluster-1',
    'Bearer',
    'k8s-aws-v2.abc',
    'ABCDEF.0123456789abcdef',
    'abcdefghijklmnopqrstuvwxyz',
    'ABCDEFGHIJKLMNOP1234',
    'abcdefghijklmnop1234',
    'Abcdefghijklmnopqrstu',
    '/configmap/clusters/clusterConfigs/1/auth/enabled',
    'flyteadmin/additionalVolumeMounts1/x',
    'Ab1-' + 'x'.repeat(20),
    'deadbeef'.repeat(3),
    'https://203.0.113.1:6443',
  ]) {
    assert.not.ok(looksSecret(s), s);
  }
});

test('redact: PEM blocks (closed or cut off), JWTs, bearer, EKS and bootstrap tokens, base64, hex, quoted secret values', () => {
  assert.is(redact('a -----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE----- b'), 'a <PEM block, masked> b');
  assert.is(redact('a -----BEGIN CERTIFICATE-----\nMIIB cut'), 'a <PEM block, masked>');
  assert.is(redact('jwt eyJhbGci.eyJzdWIi.sig end'), 'jwt <token, masked> end');
  assert.is(redact('jwt eyJhbGci.eyJzdWIi end'), 'jwt <token, masked> end');
  assert.is(redact('Authorization: Bearer abc123, next'), 'Authorization: Bearer <token, masked>, next');
  assert.is(redact('bearer <token, masked>'), 'bearer <token, masked>');
  assert.is(redact('x k8s-aws-v1.aHR0cHM6Ly9zdHM y'), 'x <token, masked> y');
  assert.is(redact('join abcdef.0123456789abcdef now'), 'join <token, masked> now');
  assert.is(redact('v dGhpcyBpcyBhIHRva2VuIHRoYXQgaXMgbG9uZw== e'), 'v <base64, masked> e');
  assert.is(redact(`h ${'0123456789abcdef'.repeat(3)} e`), 'h <hex, masked> e');
  assert.is(redact('token: "tiny"'), 'token: <masked>');
  assert.is(redact("password='p'"), 'password=<masked>');
  assert.is(redact('Key = "k"'), 'Key = <masked>');
});

test('redact keeps what only looks long: single-case or digitless runs, pointers with long word keys, short hex, plain text', () => {
  const lower = 'abcdefghijklmnopqrstuvwxyzabcdefghij';
  assert.is(redact(`x ${lower} y`), `x ${lower} y`);
  const pointer = '/spec/template/spec/initContainers/0/volumeMounts/1/mountPath';
  assert.is(redact(pointer), pointer);
  const hex39 = 'a'.repeat(39);
  assert.is(redact(hex39), hex39);
  assert.is(redact('token: unquoted'), 'token: unquoted');
  assert.is(redact('nothing secret here'), 'nothing secret here');
});

test('showValue: masked at a secret path (not null or booleans) or when shaped like a secret; the length is said', () => {
  assert.is(showValue('abc', '/data/x'), '<masked: 3 characters>');
  assert.is(showValue('Z', '/stringData/y'), '<masked: 1 character>');
  assert.is(showValue(12345, '/a/token'), '<masked: 5 characters>');
  assert.is(showValue({ a: 1 }, '/a/password'), '<masked: 7 characters>');
  assert.is(showValue('k9Xz2Qw8Lm4Rt7Vb'), '<masked: 16 characters>');
  assert.is(showValue(null, '/a/token'), 'null');
  assert.is(showValue(true, '/a/token'), 'true');
  assert.is(showValue(false, '/data/x'), 'false');
});

test('showValue: JSON for plain values, strings quoted, anything JSON cannot show as text, long text cut with its length', () => {
  assert.is(showValue('cluster-1', '/a/name'), '"cluster-1"');
  assert.is(showValue('cluster-1'), '"cluster-1"');
  assert.is(showValue(0.5), '0.5');
  assert.is(showValue([1, 'a']), '[1,"a"]');
  assert.is(showValue(undefined), 'undefined');
  assert.is(showValue(Symbol('s')), 'Symbol(s)');
  const long = 'word '.repeat(13);
  assert.is(long.length, 65);
  assert.is(showValue(long), JSON.stringify(`${long.slice(0, 24)}… (65 characters)`));
  const arr = Array.from({ length: 30 }, (_, i) => i);
  const text = JSON.stringify(arr);
  assert.is(showValue(arr), `${text.slice(0, 24)}… (${text.length} characters)`);
  const sixty = 'a b '.repeat(15);
  assert.is(showValue(sixty), JSON.stringify(sixty));
});

test.run();
