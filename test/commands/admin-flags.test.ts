// plugin/commands/admin-flags.ts: how the commands that talk to FlyteAdmin (smoke, drain, unjoin,
// labels) reach it: --admin required or optional, an HTTP URL, client credentials from a file or
// the environment flytectl reads (never from the command line), each mistake a UsageError (exit 2).
import { test } from '../helpers/uvu.ts';
import * as assert from 'uvu/assert';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { adminConnection, requestTimeout } from '../../plugin/commands/admin-flags.ts';
import { UsageError } from '../../plugin/problems/problems.ts';

const dir = mkdtempSync(join(tmpdir(), 'flytemc-admin-flags-'));
test.after(() => rmSync(dir, { recursive: true, force: true }));

const usage = (fn: () => unknown): string => {
  try {
    fn();
  } catch (e) {
    assert.instance(e, UsageError);
    return (e as Error).message;
  }
  throw new Error('no UsageError');
};

function withEnv<T>(env: Record<string, string | undefined>, fn: () => T): T {
  const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  for (const [k, v] of Object.entries(env))
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  try {
    return fn();
  } finally {
    for (const [k, v] of Object.entries(saved))
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
  }
}
const noEnv = { FLYTE_CREDENTIALS_CLIENT_ID: undefined, FLYTE_CREDENTIALS_CLIENT_SECRET: undefined };

test('--admin: required (drain, labels, smoke) or optional (unjoin); an HTTP URL only', () => {
  withEnv(noEnv, () => {
    assert.match(
      usage(() => adminConnection({}, 1000, true)),
      'say where FlyteAdmin is: --admin URL',
    );
    assert.is(adminConnection({}, 1000, false), undefined);
    assert.match(
      usage(() => adminConnection({ 'client-id': 'x' }, 1000, false)),
      '--client-id and --client-secret-file go with --admin URL',
    );
    assert.match(
      usage(() => adminConnection({ admin: 'flyte.example.com:443' }, 1000, true)),
      `use FlyteAdmin's HTTP URL`,
    );
    assert.equal(adminConnection({ admin: 'http://localhost:8088' }, 1000, true), { url: 'http://localhost:8088', timeoutMs: 1000 });
  });
  assert.is(requestTimeout({}), 15_000);
  assert.is(requestTimeout({ 'request-timeout': '2s' }), 2_000);
  assert.match(
    usage(() => requestTimeout({ 'request-timeout': 'soon' })),
    '--request-timeout "soon": use a duration',
  );
});

test('client credentials: the secret from a file (trimmed) or $FLYTE_CREDENTIALS_CLIENT_SECRET, the id from the flag or the environment; half of them is an error', () => {
  const file = join(dir, 'secret');
  writeFileSync(file, 's3cret\n', { mode: 0o600 });
  withEnv(noEnv, () => {
    assert.equal(adminConnection({ admin: 'https://f.example', 'client-id': 'ci', 'client-secret-file': file }, 5, true).credentials, {
      clientId: 'ci',
      clientSecret: 's3cret',
    });
    assert.match(
      usage(() => adminConnection({ admin: 'https://f.example', 'client-id': 'ci' }, 5, true)),
      '--client-id needs its secret',
    );
    assert.match(
      usage(() => adminConnection({ admin: 'https://f.example', 'client-secret-file': file }, 5, true)),
      'a client secret was given without --client-id',
    );
  });
  withEnv({ FLYTE_CREDENTIALS_CLIENT_ID: 'env-id', FLYTE_CREDENTIALS_CLIENT_SECRET: 'env-secret' }, () => {
    assert.equal(adminConnection({ admin: 'https://f.example' }, 5, true).credentials, { clientId: 'env-id', clientSecret: 'env-secret' });
  });
});

test.run();
