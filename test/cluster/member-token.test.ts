// plugin/cluster/member-token.ts against a fake Kube (test/helpers/fake-kube.ts): the token Secret created, found, refused when it is not flyteadmin's, waited for, listed and deleted, with tokens masked in every plan.
import { test } from '../helpers/uvu.ts';
import * as assert from 'uvu/assert';
import { deleteTokenSecret, ensureTokenSecret, listTokenSecrets, waitForToken } from '../../plugin/cluster/member-token.ts';
import { rotateCreation } from '../../plugin/cluster/member.ts';
import { Plan } from '../../plugin/cluster/plan.ts';
import { EXIT, FlytemcError, whereOf } from '../../plugin/problems/problems.ts';
import { World } from '../helpers/fake-kube.ts';

const NS = 'flyte';
const creation = rotateCreation('dp1');
const fresh = () => {
  const world = new World();
  const dp = world.cluster('dp1');
  dp.namespaces.add(NS);
  return { world, dp, m: dp.kube };
};
const failure = async (p: Promise<unknown>): Promise<FlytemcError> => {
  try {
    await p;
  } catch (e) {
    assert.instance(e, FlytemcError);
    return e as FlytemcError;
  }
  throw new Error('no failure');
};

test('ensureTokenSecret: planned in a dry run, created, then existing; the token controller fills it and waitForToken returns token and CA', async () => {
  const { dp, m } = fresh();
  dp.addTokenSecret(NS, 'other'); // also creates ServiceAccount flyteadmin
  assert.is(await ensureTokenSecret(m, NS, 'flyteadmin-token', creation, new Plan(true)), 'planned');
  assert.not.ok(dp.secrets.has(NS, 'flyteadmin-token'));
  const plan = new Plan(false);
  assert.is(await ensureTokenSecret(m, NS, 'flyteadmin-token', creation, plan), 'created');
  assert.is(await ensureTokenSecret(m, NS, 'flyteadmin-token', creation, plan), 'existing');
  assert.equal(
    plan.changes.map((c) => c.action),
    ['create', 'unchanged'],
  );
  assert.match(plan.changes[0]!.after!, /kubernetes.io\/service-account.name: flyteadmin/);
  const issued = await waitForToken(m, NS, 'flyteadmin-token', 1000);
  assert.is(issued.token, dp.tokenOf(NS, 'flyteadmin-token'));
  assert.match(issued.caCrt!, /BEGIN CERTIFICATE/);
  const listed = await listTokenSecrets(m, NS);
  assert.equal(listed.map((s) => s.name).sort(), ['flyteadmin-token', 'other']);
  assert.equal(listed.find((s) => s.name === 'flyteadmin-token')!.labels, creation.labels);
});

test("a Secret of that name that is not flyteadmin's token Secret is refused (join.token-secret, exit 3), naming its type and the fix", async () => {
  const { dp, m } = fresh();
  dp.secrets.put(NS, { metadata: { name: 'flyteadmin-token', namespace: NS }, type: 'Opaque', data: { x: 'eA==' } });
  const e = await failure(ensureTokenSecret(m, NS, 'flyteadmin-token', creation, new Plan(false)));
  const p = e.problems[0]!;
  assert.is(e.exitCode, EXIT.failed);
  assert.is(p.code, 'join.token-secret');
  assert.is(whereOf(p), 'context dp1: Secret flyte/flyteadmin-token');
  assert.match(p.message, /type Opaque, service-account.name none/);
  assert.match(p.fix!, /delete or rename that Secret/);
});

test('waitForToken: a Secret the controller never fills (no ServiceAccount), and one that is gone, each time out with what to check (join.token-timeout)', async () => {
  const { dp, m } = fresh();
  dp.secrets.put(NS, {
    metadata: { name: 'flyteadmin-token', namespace: NS, annotations: { 'kubernetes.io/service-account.name': 'flyteadmin' } },
    type: 'kubernetes.io/service-account-token',
  });
  const unfilled = await failure(waitForToken(m, NS, 'flyteadmin-token', 150));
  assert.is(unfilled.problems[0]!.code, 'join.token-timeout');
  assert.match(unfilled.problems[0]!.message, /still has no token after 0 s/);
  assert.match(unfilled.problems[0]!.fix!, /--service-account-private-key-file/);
  const gone = await failure(waitForToken(m, NS, 'nothing', 0));
  assert.match(gone.problems[0]!.message, /disappeared while waiting for its token/);
});

test('deleteTokenSecret: revokes (masked before, the default note or the one given); an absent Secret is said; a failing delete names the context', async () => {
  const { world, dp, m } = fresh();
  const token = dp.addTokenSecret(NS, 'flyteadmin-token');
  dp.addTokenSecret(NS, 'flyteadmin-token-b');
  const plan = new Plan(false);
  await deleteTokenSecret(m, NS, 'flyteadmin-token', plan);
  await deleteTokenSecret(m, NS, 'flyteadmin-token-b', plan, 'the hub never held its token');
  await deleteTokenSecret(m, NS, 'flyteadmin-token', plan);
  assert.equal(
    plan.changes.map((c) => `${c.action} ${c.object} ${c.note ?? ''}`),
    [
      'delete Secret flyte/flyteadmin-token revokes its token',
      'delete Secret flyte/flyteadmin-token-b the hub never held its token',
      'absent Secret flyte/flyteadmin-token ',
    ],
  );
  assert.not.ok(plan.changes[0]!.before!.includes(token), 'the token is masked');
  assert.not.ok(dp.accepts(token));
  dp.addTokenSecret(NS, 'flyteadmin-token');
  world.failAt = { call: world.calls.length + 1, after: false };
  const e = await failure(deleteTokenSecret(m, NS, 'flyteadmin-token', new Plan(false)));
  assert.match(whereOf(e.problems[0]!), /context dp1/);
  assert.ok(dp.secrets.has(NS, 'flyteadmin-token'));
});

test.run();
