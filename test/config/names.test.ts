// plugin/config/names.ts: DNS-1123 labels and subdomains, the fix each suggests, and no echo of a credential.
import { test } from '../helpers/uvu.ts';
import * as assert from 'uvu/assert';
import { nameProblems } from '../../plugin/config/names.ts';

const at = { file: 'v.yaml', pointer: '/x' };

test('valid names: no problem', () => {
  assert.equal(nameProblems('label', 'cluster-credentials', at, 'volume name'), []);
  assert.equal(nameProblems('subdomain', 'creds.example-1', at, 'Secret name'), []);
});

test('not a string', () => {
  const [p] = nameProblems('label', 3, at, 'volume name');
  assert.equal(p, { file: 'v.yaml', pointer: '/x', code: 'config.name', severity: 'error', message: 'volume name must be a string' });
});

test("an underscore: the API server's refusal, and the name with '-'", () => {
  const [p] = nameProblems('label', 'Cluster_Creds', at, 'volume name');
  assert.is(
    p!.message,
    `volume name "Cluster_Creds" is not a valid Kubernetes name: '_' is not allowed (the API server rejects it; a client-side dry-run does not)`,
  );
  assert.is(p!.fix, 'use "cluster-creds"');
});

test("other characters: what a label or a subdomain is; '.' allowed in a subdomain only", () => {
  const [label] = nameProblems('label', 'a.b', at, 'volume name');
  assert.match(label!.message, "a DNS-1123 label is lowercase letters, digits and '-', at most 63 characters");
  const [sub] = nameProblems('subdomain', 'A.B!', at, 'Secret name');
  assert.match(sub!.message, "a DNS-1123 subdomain is lowercase letters, digits, '.' and '-', at most 253 characters");
  assert.is(sub!.fix, 'use "a.b"');
  const long = 'my-cluster-credentials-'.repeat(3);
  const [p] = nameProblems('label', long, at, 'volume name');
  assert.is(p!.fix, 'use "my-cluster-credentials-m… (63 characters)"'); // long values are shortened in messages
  const [nothing] = nameProblems('label', '---', at, 'volume name');
  assert.is(nothing!.fix, 'use "cluster-credentials"');
});

test('a credential typed where a name goes: said, never echoed or turned into a suggestion', () => {
  const token = 'eyJhbGciOiJSUzI1NiIsImtpZCI6IkFCQyJ9.eyJzdWIiOiJzeXN0ZW06c2VydmljZWFjY291bnQifQ.c2lnbmF0dXJlc2lnbmF0dXJl';
  const [p] = nameProblems('subdomain', token, at, 'Secret name');
  assert.match(p!.message, 'looks like a credential');
  assert.not.match(JSON.stringify(p), token);
  assert.match(p!.fix!, 'tokens and certificates go into the Secret');
});

test.run();
