// plugin/config/secret-check.ts: a credentials Secret against the manifests schema; raw text under `data:` said plainly (guide defect 6).
import { test } from '../helpers/uvu.ts';
import * as assert from 'uvu/assert';
import { secretProblems } from '../../plugin/config/secret-check.ts';

const at = (p: string) => ({ file: 's.yaml', pointer: p });
const secret = (extra: object) => ({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 'cluster-credentials' }, ...extra });

test('a valid Secret: no problem', () => {
  assert.equal(secretProblems(secret({ data: { a_token: 'dG9rZW4=' }, stringData: { b: 'raw' } }), at), []);
});

test('defect 6: raw text under data, each key said with the two fixes', () => {
  const ps = secretProblems(secret({ data: { a_token: 'eyJhbGciOiJSUzI1NiJ9 not base64!', a_cacert: '-----BEGIN CERTIFICATE-----\nMIIB\n' } }), at);
  assert.equal(
    ps.map((p) => [p.code, p.pointer]),
    [
      ['secret.not-base64', '/data/a_token'],
      ['secret.not-base64', '/data/a_cacert'],
    ],
  );
  assert.is(ps[0]!.message, 'data.a_token is not base64: raw token or PEM text under `data:` is rejected by the API server (or decoded into garbage)');
  assert.match(ps[0]!.fix!, 'move a_token under `stringData:`');
  assert.not.match(JSON.stringify(ps), 'eyJhbGciOiJSUzI1NiJ9', 'the token is not echoed');
});

test('other schema errors stay the schema problems they are, next to defect 6', () => {
  const ps = secretProblems(secret({ data: { a: 'not base64!' }, metadata: { name: 'Bad_Name' }, bogus: 1 }), at);
  assert.ok(ps.some((p) => p.code === 'secret.not-base64'));
  assert.ok(ps.some((p) => p.code === 'values.schema'));
  assert.equal(
    secretProblems(secret({ data: 'x' }), at).map((p) => p.code),
    ['values.schema'],
  );
  assert.ok(secretProblems('not a secret', at).length > 0);
});

test.run();
