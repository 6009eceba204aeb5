// plugin/cluster/kube.ts, the operator's side of the Kubernetes connection: what an API or network
// error means (each a problem naming the context, with a fix), and the "read or absent",
// "create or existing", "delete or absent" rules every step uses; connect() on kubeconfig files
// (refusals, the TLS rule and its warning once per run, a request aborted at its deadline). Against
// API servers: test/tls.test.ts and test/join.test.ts (harness clusters).
import { test } from '../helpers/uvu.ts';
import * as assert from 'uvu/assert';
import {
  UnreachableError,
  createOrExisting,
  deleteOrAbsent,
  describeNetworkError,
  isConflict,
  networkCode,
  readOrAbsent,
  serverMessage,
  skipsTlsVerification,
  statusCode,
  toProblem,
  type Kube,
} from '../../plugin/cluster/kube.ts';
import { TimeoutError } from '../../plugin/cluster/util.ts';
import { EXIT, FlytemcError, whereOf } from '../../plugin/problems/problems.ts';
import { checkHelmContext, connect, loadKubeConfig, refuseMissingContexts } from '../../plugin/cluster/kube.ts';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

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

test("statusCode, serverMessage, networkCode: what the client library's errors carry", () => {
  assert.is(statusCode(api(409)), 409);
  assert.ok(isConflict(api(409)));
  assert.is(statusCode(new Error('x')), undefined);
  assert.is(serverMessage(api(422, 'Secret "x" is invalid')), 'Secret "x" is invalid');
  assert.is(serverMessage({ body: 'plain text body' }), 'plain text body');
  assert.is(serverMessage(new Error('no body')), 'no body');
  const deep = Object.assign(new Error('fetch failed'), { cause: Object.assign(new Error('connect'), { code: 'ECONNREFUSED' }) });
  assert.is(networkCode(deep), 'ECONNREFUSED');
  assert.is(networkCode(new Error('none')), undefined);
});

test('describeNetworkError: refused, unresolvable, unreachable, TLS, other: each with its fix', () => {
  const s = 'https://x:6443';
  assert.match(describeNetworkError('ECONNREFUSED', s).what, /connection refused by https:\/\/x:6443/);
  assert.match(describeNetworkError('ENOTFOUND', s).fix, /DNS/);
  assert.match(describeNetworkError('ETIMEDOUT', s).fix, /VPN, firewall/);
  assert.match(describeNetworkError('UNABLE_TO_VERIFY_LEAF_SIGNATURE', s).what, /TLS verification of https:\/\/x:6443 failed/);
  assert.match(describeNetworkError(undefined, s).what, /^cannot talk to https:\/\/x:6443$/);
});

test('toProblem: 401 and 403 say whose credentials; a timeout or a network error is an UnreachableError; exit 3', () => {
  const at = (e: unknown) => toProblem(KUBE, 'reading Secret flyte/x', e);
  const p401 = at(api(401, 'Unauthorized'));
  assert.not.instance(p401, UnreachableError);
  assert.is(p401.exitCode, EXIT.failed);
  assert.match(p401.problems[0]!.message, /rejected the kubeconfig's credentials \(exec plugin\): Unauthorized/);
  assert.is(whereOf(p401.problems[0]!), 'context dp1 (https://10.0.0.1:6443)');
  assert.match(at(api(403)).problems[0]!.fix ?? '', /cluster-admin/);
  assert.match(at(api(500, 'boom')).problems[0]!.message, /reading Secret flyte\/x: boom \(HTTP 500\)/);
  assert.instance(at(new TimeoutError('t')), UnreachableError);
  assert.instance(at(Object.assign(new Error('x'), { code: 'ECONNREFUSED' })), UnreachableError);
  const mine = new FlytemcError('already a problem');
  assert.is(at(mine), mine);
  assert.ok(skipsTlsVerification({ skipTLSVerify: true }));
  assert.not.ok(skipsTlsVerification({ skipTLSVerify: false }));
});

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

test('toProblem: a code per kind of failure; a context reached without TLS verification carries the note in its subject; an aborted request is a timeout', () => {
  const at = (e: unknown, k: Parameters<typeof toProblem>[0] = KUBE) => toProblem(k, 'reading Secret flyte/x', e).problems[0]!;
  assert.is(at(api(401)).code, 'cluster.unauthorized');
  assert.is(at(api(403)).code, 'cluster.forbidden');
  assert.is(at(api(500)).code, 'cluster.api');
  assert.is(at(new TimeoutError('t')).code, 'cluster.unreachable');
  assert.is(at(Object.assign(new Error('x'), { code: 'ECONNREFUSED' })).code, 'cluster.unreachable');
  assert.is(at(Object.assign(new Error('x'), { code: 'DEPTH_ZERO_SELF_SIGNED_CERT' })).code, 'cluster.tls');
  const aborted = at(Object.assign(new Error('The user aborted a request.'), { name: 'AbortError' }));
  assert.is(aborted.message, 'reading Secret flyte/x: no answer within the timeout');
  assert.is(at(api(404), { ...KUBE, tlsVerified: false }).subject, 'context dp1 (https://10.0.0.1:6443) [TLS NOT VERIFIED]');
});

const dir = mkdtempSync(join(tmpdir(), 'flytemc-kube-'));
test.after(() => rmSync(dir, { recursive: true, force: true }));

/** A kubeconfig file: context `good` (a CA), `insecure` (insecure-skip-tls-verify), `badca` (a CA file that is not there), `lost` (no such cluster). */
function kubeconfig(server: string): string {
  const file = join(dir, `kc-${Math.random().toString(36).slice(2)}`);
  writeFileSync(
    file,
    `apiVersion: v1
kind: Config
current-context: good
clusters:
- {name: good, cluster: {server: "${server}", certificate-authority-data: ${Buffer.from('-----BEGIN CERTIFICATE-----').toString('base64')}}}
- {name: insecure, cluster: {server: "${server}", insecure-skip-tls-verify: true}}
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
- {name: insecure, context: {cluster: insecure, user: t}}
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
  await refused(loadKubeConfig({ kubeconfig: join(dir, 'none'), timeoutMs: 1 }), 'kubeconfig.unreadable', /cannot read the kubeconfig/);
  refuseMissingContexts(await loadKubeConfig({ kubeconfig: kc, timeoutMs: 1 }), ['good'], { timeoutMs: 1 });
});

test('connect: a cluster that skips TLS verification is refused unless allowed; allowed, it is not verified and the warning is said once per run', async () => {
  const kc = kubeconfig('https://127.0.0.1:1');
  await refused(
    connect('insecure', { kubeconfig: kc, timeoutMs: 1000 }),
    'cluster.tls',
    /skips TLS verification \(insecure-skip-tls-verify\).*nothing was sent/,
  );
  const said: string[] = [];
  const write = process.stderr.write;
  process.stderr.write = ((s: string) => said.push(s) > 0) as typeof process.stderr.write;
  try {
    const opts = { kubeconfig: kc, timeoutMs: 1000, allowUnverifiedTls: true, warned: new Set<string>() };
    assert.is((await connect('insecure', opts)).tlsVerified, false);
    await connect('insecure', opts);
  } finally {
    process.stderr.write = write;
  }
  assert.is(said.length, 1);
  assert.match(said[0]!, /^warning: context insecure \(https:\/\/127\.0\.0\.1:1\) \[TLS NOT VERIFIED\]: the cluster skips TLS verification/);
  const helm = (args: string[]) => checkHelmContext([...args, '--kubeconfig', kc]);
  await helm(['--kube-context', 'good']);
  await helm(['--kube-apiserver=https://x']);
  await refused(helm(['--kube-context=insecure']), 'cluster.tls', /pass Helm's --kube-insecure-skip-tls-verify/);
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
