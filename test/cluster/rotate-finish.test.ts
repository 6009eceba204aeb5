// plugin/cluster/rotate-finish.ts (steps 3-4 of rotate) against fakes of flytemc's Kube (test/helpers/fake-kube.ts): a rotation left with its old token valid, then finished; each way the finish can stop (rollout too slow or failed, a failing call, a token still accepted) keeps the old token valid and says how to go on.
import { test } from '../helpers/uvu.ts';
import * as assert from 'uvu/assert';
import { finishRotation, type RotateRequest } from '../../plugin/cluster/rotate-finish.ts';
import { rotateCluster } from '../../plugin/cluster/rotate.ts';
import { joinClusters } from '../../plugin/cluster/join.ts';
import { EXIT, FlytemcError } from '../../plugin/problems/problems.ts';
import { World, type FakeCluster } from '../helpers/fake-kube.ts';

const NS = 'flyte';
const FINISH = 'flytemc rotate dp1 --name dp1 --kube-context cp -n flyte --finish';
const request = (o: Partial<RotateRequest> = {}): RotateRequest => ({
  context: 'dp1',
  name: 'dp1',
  restart: true,
  finish: true,
  revokeTimeoutMs: 1000,
  rolloutTimeoutMs: 60,
  pollMs: 1,
  ...o,
});

/** dp1 joined to cp (FlyteAdmin's two Deployments), rotated with --no-restart: the hub holds the new token, the old one is retiring and valid. */
async function retiring(): Promise<{ world: World; hub: FakeCluster; dp: FakeCluster; old: string }> {
  const world = new World();
  const hub = world.cluster('cp');
  const dp = world.cluster('dp1');
  hub.namespaces.add(NS);
  await joinClusters([{ context: 'dp1', name: 'dp1', routes: [] }], { parallel: 1, force: false, restart: false }, world.session(hub));
  hub.addDeployment(NS, 'flyteadmin');
  hub.addDeployment(NS, 'syncresources');
  const old = hub.credentials().dp1_token!;
  await rotateCluster(request({ restart: false, finish: false }), world.session(hub));
  world.calls.length = 0;
  return { world, hub, dp, old };
}

const stoppedBy = async (p: Promise<unknown>): Promise<FlytemcError> => {
  try {
    await p;
  } catch (e) {
    assert.instance(e, FlytemcError);
    return e as FlytemcError;
  }
  throw new Error('it did not stop');
};

test('finish: the stale Deployments restarted, their rollout waited for, the old Secret deleted and its token seen rejected, the record cleared; again: nothing left', async () => {
  const { world, hub, dp, old } = await retiring();
  const session = world.session(hub);
  const out = await finishRotation(request(), session, dp.kube, FINISH, 'nothing was changed');
  assert.equal(out.revoked, ['flyteadmin-token']);
  assert.equal(out.rolledOut, ['flyteadmin', 'syncresources']);
  assert.is(out.oldTokenRejectedAfterMs, 0);
  assert.not.ok(dp.accepts(old));
  assert.ok(session.plan.changes.some((c) => c.note === 'rolled out: every pod started after the hub got the new token'));
  assert.ok(
    session.plan.changes.some(
      (c) => c.object === 'old token (Secret flyte/flyteadmin-token)' && /^rejected by the API server \(401\) after 0\.0 s$/.test(c.note!),
    ),
  );
  const again = world.session(hub);
  const none = await finishRotation(request(), again, dp.kube, FINISH, 'nothing was changed');
  assert.equal(none.revoked, []);
  assert.equal(
    again.plan.changes.map((c) => `${c.action} ${c.object} (${c.note})`),
    ['unchanged retired token Secrets (none left to revoke)'],
  );
});

test('--no-restart with pods not restarted since: the old token is kept valid, and why', async () => {
  const { world, hub, dp, old } = await retiring();
  const out = await finishRotation(request({ restart: false }), world.session(hub), dp.kube, FINISH, 'nothing was changed');
  assert.match(
    out.kept!,
    /^Deployment flyte\/flyteadmin, flyte\/syncresources have not restarted since the hub got the new token: their pods may hold the old token/,
  );
  assert.ok(dp.accepts(old));
  hub.deployments.delete(NS, 'syncresources');
  const one = await finishRotation(request({ restart: false }), world.session(hub), dp.kube, FINISH, 'nothing was changed');
  assert.match(one.kept!, /^Deployment flyte\/flyteadmin has not restarted since the hub got the new token: its pods/);
});

test('a rollout that does not finish in time (rotate.rollout-timeout) or fails (rotate.rollout-failed): stopped with the old token valid and --finish to go on', async () => {
  const { world, hub, dp, old } = await retiring();
  world.controllerFrom = Infinity;
  const slow = await stoppedBy(finishRotation(request(), world.session(hub), dp.kube, FINISH, 'nothing was changed'));
  const p = slow.problems[0]!;
  assert.is(p.code, 'rotate.rollout-timeout');
  assert.is(slow.exitCode, EXIT.failed);
  assert.match(
    p.fix!,
    /rollout status deployment\/flyteadmin`\. the hub holds the token of Secret flyte\/flyteadmin-token-\w+; the old token \(Secret flyte\/flyteadmin-token\) is still valid, so FlyteAdmin works; once the pods of FlyteAdmin are ready, run flytemc rotate/,
  );
  assert.ok(dp.accepts(old));
  // the controller gives up on whatever generation the Deployments are at when flytemc looks
  world.beforeCall = async () => {
    for (const name of ['flyteadmin', 'syncresources']) {
      const d = hub.deployments.get(NS, name);
      d.status = {
        ...d.status,
        observedGeneration: d.metadata!.generation,
        conditions: [{ type: 'Progressing', status: 'False', reason: 'ProgressDeadlineExceeded', message: 'too slow' }],
      };
      hub.deployments.put(NS, d);
    }
  };
  const failed = await stoppedBy(finishRotation(request(), world.session(hub), dp.kube, FINISH, 'nothing was changed'));
  assert.is(failed.problems[0]!.code, 'rotate.rollout-failed');
  assert.match(failed.problems[0]!.message, /^the rollout failed: Deployment flyte\/flyteadmin: exceeded its progress deadline \(too slow\)/);
  assert.ok(dp.accepts(old));
});

test('a dry run plans the restart, the wait and the revocation, and changes nothing', async () => {
  const { world, hub, dp, old } = await retiring();
  const session = world.session(hub, { dryRun: true });
  const out = await finishRotation(request(), session, dp.kube, FINISH, 'nothing was changed');
  assert.equal(out.revoked, ['flyteadmin-token']);
  assert.ok(session.plan.changes.some((c) => c.note === 'would wait for the rollout'));
  assert.ok(dp.accepts(old));
});

test('no FlyteAdmin in the namespace: nothing to restart, the old token revoked saying so', async () => {
  const { world, hub, dp, old } = await retiring();
  hub.deployments.delete(NS, 'flyteadmin');
  hub.deployments.delete(NS, 'syncresources');
  const session = world.session(hub);
  const out = await finishRotation(request(), session, dp.kube, FINISH, 'nothing was changed');
  assert.equal(out.rolledOut, []);
  assert.ok(session.plan.changes.some((c) => c.note === 'revokes the old token: no Deployment of FlyteAdmin in flyte holds it'));
  assert.not.ok(dp.accepts(old));
});

test('the old token still accepted after its Secret went (another Secret holds it: named; none: the API server flag) (rotate.still-accepted); not verifiable: a warning', async () => {
  const { world, hub, dp } = await retiring();
  const copy = structuredClone(dp.secrets.get(NS, 'flyteadmin-token'));
  copy.metadata!.name = 'copy';
  dp.secrets.put(NS, copy);
  const held = await stoppedBy(finishRotation(request(), world.session(hub), dp.kube, FINISH, 'nothing was changed'));
  assert.is(held.problems[0]!.code, 'rotate.still-accepted');
  assert.is(held.problems[0]!.fix, 'delete Secret flyte/copy in context dp1');
  const r2 = await retiring();
  const s2 = r2.world.session(r2.hub);
  s2.reach = { ...s2.reach, untilRejected: async () => ({}) };
  const lookup = await stoppedBy(finishRotation(request(), s2, r2.dp.kube, FINISH, 'nothing was changed'));
  assert.match(lookup.problems[0]!.fix!, /--service-account-lookup=false/);
  const r3 = await retiring();
  const s3 = r3.world.session(r3.hub);
  s3.reach = { ...s3.reach, untilRejected: async () => ({ unverified: 'the API server did not answer' }) };
  const out = await finishRotation(request(), s3, r3.dp.kube, FINISH, 'nothing was changed');
  assert.equal(
    out.warnings.map((w) => `${w.code}: ${w.message}`),
    ['rotate.unverified: could not verify that the old token is rejected: the API server did not answer'],
  );
});

test('each call failing once: the first read says what was done before; a failing revocation says what it deleted and how to go on; rerunning finishes', async () => {
  const { world, hub, dp, old } = await retiring();
  world.failAt = { call: 0, after: false };
  const first = await stoppedBy(finishRotation(request(), world.session(hub), dp.kube, FINISH, 'the hub holds the new token'));
  assert.match(first.problems[0]!.fix!, /the hub holds the new token; run flytemc rotate .* --finish$/);
  const probe = await retiring();
  await finishRotation(request(), probe.world.session(probe.hub), probe.dp.kube, FINISH, '');
  const n = probe.world.calls.indexOf('cp replaceNamespacedSecret');
  world.calls.length = 0;
  world.failAt = { call: n, after: false };
  const late = await stoppedBy(finishRotation(request(), world.session(hub), dp.kube, FINISH, ''));
  assert.match(late.problems[0]!.fix!, /is still valid, so FlyteAdmin works \(deleted: Secret flyteadmin-token\); run flytemc rotate/);
  const out = await finishRotation(request(), world.session(hub), dp.kube, FINISH, '');
  assert.equal(out.revoked, ['flyteadmin-token']);
  assert.not.ok(dp.accepts(old));
});

test.run();
