// plugin/cluster/kube.ts, the operator's side of the Kubernetes connection: what an API or network
// error means (each a problem naming the context, with a fix), and the "read or absent",
// "create or existing", "delete or absent" rules every step uses. The connection itself, TLS and
// kubeconfigs: test/tls.test.ts and test/join.test.ts (harness clusters).
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

test.run();
