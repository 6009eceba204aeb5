// plugin/cluster/session.ts: the hub's context, openSession on a kubeconfig file (refusals first, the unverified contexts carried), progress lines with their TLS note.
import { test } from '../helpers/uvu.ts';
import * as assert from 'uvu/assert';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Progress, hubContextOf, notedIn, openSession, type SessionOptions } from '../../plugin/cluster/session.ts';
import { FlytemcError, UsageError } from '../../plugin/problems/problems.ts';

const dir = mkdtempSync(join(tmpdir(), 'flytemc-session-'));
test.after(() => rmSync(dir, { recursive: true, force: true }));
const kc = join(dir, 'kubeconfig');
writeFileSync(
  kc,
  `apiVersion: v1
kind: Config
current-context: cp
clusters:
- {name: cp, cluster: {server: "https://127.0.0.1:1", certificate-authority-data: ${Buffer.from('ca').toString('base64')}}}
users:
- {name: u, user: {token: t}}
contexts:
- {name: cp, context: {cluster: cp, user: u}}
- {name: dp1, context: {cluster: cp, user: u}}
`,
);

/** Runs `fn` with these environment variables (undefined: unset), then puts them back. */
async function withEnv<T>(env: Record<string, string | undefined>, fn: () => T | Promise<T>): Promise<T> {
  const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  for (const [k, v] of Object.entries(env))
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  try {
    return await fn();
  } finally {
    for (const [k, v] of Object.entries(saved))
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
  }
}

test('hubContextOf: --kube-context, else HELM_KUBECONTEXT; the current context under Helm or when not required; else a usage error', async () => {
  await withEnv({ HELM_KUBECONTEXT: undefined, HELM_PLUGIN_NAME: undefined }, () => {
    assert.is(
      hubContextOf('cp', () => 'x', true),
      'cp',
    );
    assert.is(
      hubContextOf(undefined, () => 'cur', false),
      'cur',
    );
    assert.throws(
      () => hubContextOf(undefined, () => 'cur', true),
      (e: unknown) => e instanceof UsageError && /--kube-context HUB/.test(e.message),
    );
    assert.throws(
      () => hubContextOf(undefined, () => '', false),
      (e: unknown) => e instanceof UsageError,
    );
  });
  await withEnv({ HELM_KUBECONTEXT: 'helm-ctx' }, () =>
    assert.is(
      hubContextOf(undefined, () => 'cur', true),
      'helm-ctx',
    ),
  );
  await withEnv({ HELM_KUBECONTEXT: undefined, HELM_PLUGIN_NAME: 'flytemc' }, () =>
    assert.is(
      hubContextOf(undefined, () => 'cur', true),
      'cur',
    ),
  );
});

const options = (o: Partial<SessionOptions> = {}): SessionOptions => ({
  kube: { kubeconfig: kc, timeoutMs: 1000 },
  kubeContext: 'cp',
  namespace: 'flyte',
  namespaceFrom: '--namespace',
  secretName: 'cluster-credentials',
  dryRun: true,
  tokenTimeoutMs: 1000,
  members: ['dp1'],
  withHub: true,
  ...o,
});

test('openSession: the hub connected, every context checked first (a missing member refused before any connection); --secret-out has no hub', async () => {
  const s = await openSession({ ...options(), withHub: true });
  assert.is(s.hub.context, 'cp');
  assert.is(s.hubContext, 'cp');
  assert.equal([...(s.unverified ?? [])], []);
  assert.is(s.plan.dryRun, true);
  try {
    await openSession(options({ members: ['dp1', 'nope'] }));
    assert.unreachable();
  } catch (e) {
    assert.instance(e, FlytemcError);
    assert.match((e as Error).message, /no context "nope"/);
  }
  const out = await openSession(options({ withHub: false, kubeContext: undefined }));
  assert.is(out.hub, undefined);
  assert.is(out.hubContext, '(none: --secret-out)');
});

test('Progress: `[target] step` lines on stderr when enabled; a target or context reached without TLS verification carries the note; plan changes as steps', () => {
  const said: string[] = [];
  const write = process.stderr.write;
  process.stderr.write = ((s: string) => said.push(s) > 0) as typeof process.stderr.write;
  try {
    const p = new Progress(true, new Set(['dp-insecure', 'cp']));
    p.step('cluster-1', 'joining', 'dp-insecure');
    p.step('dp2', 'joining');
    p.change({ target: 'hub cp', object: 'Secret flyte/x', action: 'update' }, true);
    p.change({ target: 'dp2', object: 'Namespace flyte', action: 'unchanged' }, true);
    p.change({ target: 'dp2', object: 'token', action: 'check', note: 'ok' }, true);
    new Progress(false).step('x', 'never shown');
  } finally {
    process.stderr.write = write;
  }
  assert.equal(
    said.map((l) => l.replace(/^ *\d+\.\ds /, '')),
    ['[cluster-1] [TLS NOT VERIFIED] joining\n', '[dp2] joining\n', '[hub cp] [TLS NOT VERIFIED] would update Secret flyte/x\n', '[dp2] check token (ok)\n'],
  );
});

test('notedIn: what names a context, noted when the session reaches it unverified', () => {
  assert.is(notedIn({ unverified: new Set(['cp']) }, 'hub cp', 'cp'), 'hub cp [TLS NOT VERIFIED]');
  assert.is(notedIn({ unverified: new Set(['cp']) }, 'dp1', 'dp1'), 'dp1');
  assert.is(notedIn({}, 'dp1', 'dp1'), 'dp1');
});

test.run();
