// plugin/cluster/kube.ts: connect() on kubeconfig files (who the operator is, the CA, the refusals), each request aborted at its deadline, and the "read or absent", "create or existing", "delete or absent" rules every step uses. Against API servers: test/tls.test.ts and test/join.test.ts (harness clusters).
import { test } from '../helpers/uvu.ts';
import * as assert from 'uvu/assert';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect, createOrExisting, deleteOrAbsent, ensureNamespace, readOrAbsent, toProblem, UnreachableError, type Kube } from '../../plugin/cluster/kube.ts';
import { Plan } from '../../plugin/cluster/plan.ts';
import { EXIT, FlytemcError } from '../../plugin/problems/problems.ts';
import { World } from '../helpers/fake-kube.ts';

const api = (code: number, message = 'the message') => Object.assign(new Error(`HTTP ${code}`), { code, body: JSON.stringify({ kind: 'Status', message }) });
const KUBE = { context: 'dp1', server: 'https://10.0.0.1:6443', userKind: 'exec plugin' };
/** A Kube whose call() runs the function as connect()'s does, turning errors into problems. */
const kube = {
  ...KUBE,
  call: async <T>(doing: string, fn: () => Promise<T>) => {
    try {
      return await fn();
    } catch (e) {
      throw toProblem(KUBE, doing, e);
    }
  },
} as unknown as Kube;

test('readOrAbsent, createOrExisting, deleteOrAbsent: 404 is absent, 409 on create is there, 404 on delete is gone; anything else a problem', async () => {
  assert.is(
    await readOrAbsent(kube, 'reading', async () => {
      throw api(404);
    }),
    undefined,
  );
  assert.is(await readOrAbsent(kube, 'reading', async () => 'it'), 'it');
  await createOrExisting(kube, 'creating', async () => {
    throw api(409);
  });
  await deleteOrAbsent(kube, 'deleting', async () => {
    throw api(404);
  });
  for (const step of [
    () =>
      readOrAbsent(kube, 'reading X', async () => {
        throw api(403);
      }),
    () =>
      createOrExisting(kube, 'creating X', async () => {
        throw api(422);
      }),
    () =>
      deleteOrAbsent(kube, 'deleting X', async () => {
        throw api(409);
      }),
  ]) {
    try {
      await step();
      assert.unreachable();
    } catch (e) {
      assert.instance(e, FlytemcError);
      assert.match((e as FlytemcError).problems[0]!.message, /X/);
    }
  }
});

test('ensureNamespace: there already is unchanged; missing is created (or would be, in a dry run)', async () => {
  const world = new World();
  const c = world.cluster('dp1');
  c.namespaces.add('flyte');
  const plan = new Plan(false);
  await ensureNamespace(c.kube, 'flyte', plan);
  await ensureNamespace(c.kube, 'other', plan, 'hub dp1');
  assert.equal(
    plan.changes.map((x) => `${x.target} ${x.action} ${x.object}`),
    ['dp1 unchanged Namespace flyte', 'hub dp1 create Namespace other'],
  );
  assert.ok(c.namespaces.has('other'));
  const dry = new Plan(true);
  await ensureNamespace(c.kube, 'third', dry);
  assert.not.ok(c.namespaces.has('third'));
});

const dir = mkdtempSync(join(tmpdir(), 'flytemc-kube-'));
test.after(() => rmSync(dir, { recursive: true, force: true }));

/** A kubeconfig file: context `good` (a CA), `badca` (a CA file that is not there), `lost` (no such cluster). */
function kubeconfig(server: string): string {
  const file = join(dir, `kc-${Math.random().toString(36).slice(2)}`);
  writeFileSync(
    file,
    `apiVersion: v1
kind: Config
current-context: good
clusters:
- {name: good, cluster: {server: "${server}", certificate-authority-data: ${Buffer.from('-----BEGIN CERTIFICATE-----').toString('base64')}}}
- {name: badca, cluster: {server: "${server}", certificate-authority: ${join(dir, 'missing.crt')}}}
users:
- {name: t, user: {token: secret}}
- {name: c, user: {client-certificate-data: eA==, client-key-data: eA==}}
- {name: e, user: {exec: {command: x, apiVersion: client.authentication.k8s.io/v1}}}
contexts:
- {name: good, context: {cluster: good, user: t}}
- {name: cert, context: {cluster: good, user: c}}
- {name: exec, context: {cluster: good, user: e}}
- {name: nouser, context: {cluster: good, user: nobody}}
- {name: badca, context: {cluster: badca, user: t}}
- {name: lost, context: {cluster: gone, user: t}}
`,
  );
  return file;
}

const refused = async (p: Promise<unknown>, code: string, re: RegExp) => {
  try {
    await p;
    assert.unreachable('not refused');
  } catch (e) {
    assert.instance(e, FlytemcError);
    assert.is((e as FlytemcError).exitCode, EXIT.usage);
    assert.is((e as FlytemcError).problems[0]!.code, code);
    assert.match((e as Error).message, re);
  }
};

test('connect: who the operator is, the CA it trusts; no such context, no such cluster, an unreadable CA file: exit 2 before any request', async () => {
  const kc = kubeconfig('https://127.0.0.1:1');
  const good = await connect('good', { kubeconfig: kc, timeoutMs: 1000 });
  assert.is(good.userKind, 'token');
  assert.is(good.caPem, '-----BEGIN CERTIFICATE-----');
  assert.is(good.tlsVerified, true);
  assert.is((await connect('cert', { kubeconfig: kc, timeoutMs: 1000 })).userKind, 'client certificate');
  assert.is((await connect('exec', { kubeconfig: kc, timeoutMs: 1000 })).userKind, 'exec plugin');
  assert.is((await connect('nouser', { kubeconfig: kc, timeoutMs: 1000 })).userKind, 'none');
  await refused(connect('nope', { kubeconfig: kc, timeoutMs: 1000 }), 'kubeconfig.context', /no context "nope"\n {2}fix: use one of: good, cert/);
  await refused(
    connect('lost', { kubeconfig: kc, timeoutMs: 1000 }),
    'kubeconfig.cluster',
    /context lost names cluster "gone", which the kubeconfig does not define/,
  );
  await refused(connect('badca', { kubeconfig: kc, timeoutMs: 1000 }), 'kubeconfig.ca', /cannot read certificate-authority .*missing\.crt: ENOENT/);
});

test('a request with no answer is aborted at its deadline: the call fails as a timeout and its connection is closed', async () => {
  const sockets = new Set<Socket>();
  const server = createServer((s) => {
    s.resume();
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  try {
    const k = await connect('good', { kubeconfig: kubeconfig(`https://127.0.0.1:${port}`), timeoutMs: 200 });
    const started = Date.now();
    try {
      await k.call('reading namespace x', () => k.core.readNamespace({ name: 'x' }));
      assert.unreachable();
    } catch (e) {
      assert.instance(e, UnreachableError);
      assert.match((e as Error).message, /reading namespace x: no answer within the timeout/);
    }
    await new Promise((r) => setTimeout(r, 200));
    assert.is(sockets.size, 0, `the connection is closed (${Date.now() - started} ms)`);
  } finally {
    for (const s of sockets) s.destroy();
    server.close();
  }
});
test.run();
