// plugin/cluster/kube-errors.ts: what an API or network error means, each a problem naming the context, with a code and a fix.
import { test } from '../helpers/uvu.ts';
import * as assert from 'uvu/assert';
import { UnreachableError, describeNetworkError, isConflict, networkCode, serverMessage, statusCode, toProblem } from '../../plugin/cluster/kube-errors.ts';
import { TimeoutError } from '../../plugin/cluster/util.ts';
import { EXIT, FlytemcError, whereOf } from '../../plugin/problems/problems.ts';

const api = (code: number, message = 'the message') => Object.assign(new Error(`HTTP ${code}`), { code, body: JSON.stringify({ kind: 'Status', message }) });
const KUBE = { context: 'dp1', server: 'https://10.0.0.1:6443', userKind: 'exec plugin' };

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

test.run();
