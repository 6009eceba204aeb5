// plugin/cluster/rollout.ts: a Deployment's rollout judged as `kubectl rollout status` judges it,
// from its generation and status alone, the restart stamps that count, and the restart and the wait
// against a fake Kube (test/helpers/fake-kube.ts); on real API servers with the test playing the
// Deployment controller: test/day2.test.ts.
import { test } from '../helpers/uvu.ts';
import * as assert from 'uvu/assert';
import type { V1Deployment } from '@kubernetes/client-node';
import { describeRollout, flyteadminDeployments, restartDeployments, restartedAt, rolloutState, waitForRollout } from '../../plugin/cluster/rollout.ts';
import { Plan } from '../../plugin/cluster/plan.ts';
import { World } from '../helpers/fake-kube.ts';

const dep = (generation: number, status: V1Deployment['status'], replicas = 2, annotations: Record<string, string> = {}): V1Deployment => ({
  metadata: { name: 'flyteadmin', generation },
  spec: { replicas, selector: {}, template: { metadata: { annotations } } },
  status,
});

test("rolloutState: kubectl's order of reasons (observed generation, progress deadline, updated, old, available); done only when all hold", () => {
  assert.equal(rolloutState(dep(3, { observedGeneration: 2, replicas: 2, updatedReplicas: 2, availableReplicas: 2 })), {
    name: 'flyteadmin',
    done: false,
    waiting: 'the Deployment controller has not observed the latest change yet',
  });
  assert.equal(
    rolloutState(
      dep(3, { observedGeneration: 3, conditions: [{ type: 'Progressing', status: 'False', reason: 'ProgressDeadlineExceeded', message: 'timed out' }] }),
    ),
    { name: 'flyteadmin', done: false, failed: 'exceeded its progress deadline (timed out)' },
  );
  assert.is(rolloutState(dep(3, { observedGeneration: 3, replicas: 3, updatedReplicas: 1, availableReplicas: 2 })).waiting, '1 of 2 new replicas are updated');
  assert.is(
    rolloutState(dep(3, { observedGeneration: 3, replicas: 3, updatedReplicas: 2, availableReplicas: 2 })).waiting,
    '1 old replicas are pending termination',
  );
  assert.is(
    rolloutState(dep(3, { observedGeneration: 3, replicas: 2, updatedReplicas: 2, availableReplicas: 1 })).waiting,
    '1 of 2 updated replicas are available',
  );
  assert.equal(rolloutState(dep(3, { observedGeneration: 3, replicas: 2, updatedReplicas: 2, availableReplicas: 2 })), { name: 'flyteadmin', done: true });
  assert.ok(rolloutState(dep(1, { observedGeneration: 1 }, 0)).done, 'scaled to zero: nothing to wait for');
  assert.is(
    describeRollout('flyte', [rolloutState(dep(2, { observedGeneration: 1 })), { name: 'syncresources', done: true }]),
    'Deployment flyte/flyteadmin: the Deployment controller has not observed the latest change yet',
  );
});

test("restartedAt: the latest of flytemc's and kubectl's restart stamps; none, or not a time, is never restarted", () => {
  assert.is(restartedAt(dep(1, {}, 1, {})), undefined);
  assert.is(restartedAt(dep(1, {}, 1, { 'flytemc.io/restartedAt': 'yesterday' })), undefined);
  assert.is(
    restartedAt(dep(1, {}, 1, { 'flytemc.io/restartedAt': '2026-12-06T10:00:00.000Z', 'kubectl.kubernetes.io/restartedAt': '2026-12-06T11:00:00Z' })),
    '2026-12-06T11:00:00Z',
  );
});

test('restartDeployments: each existing Deployment stamped like `kubectl rollout restart` (with or without annotations), an absent one said; a dry run stamps nothing', async () => {
  const world = new World();
  const hub = world.cluster('cp');
  hub.addDeployment('flyte', 'flyteadmin');
  const bare = hub.deployments.get('flyte', 'flyteadmin');
  bare.spec!.template.metadata = {};
  hub.deployments.put('flyte', bare);
  assert.equal(
    (await flyteadminDeployments(hub.kube, 'flyte')).map((d) => d.metadata!.name),
    ['flyteadmin'],
  );
  const dry = new Plan(true);
  assert.equal(await restartDeployments(hub.kube, 'flyte', dry, 'read the new token'), ['flyteadmin']);
  assert.is(restartedAt(hub.deployments.get('flyte', 'flyteadmin')), undefined);
  const plan = new Plan(false);
  assert.equal(await restartDeployments(hub.kube, 'flyte', plan, 'read the new token'), ['flyteadmin']);
  const first = restartedAt(hub.deployments.get('flyte', 'flyteadmin'));
  assert.ok(first);
  await restartDeployments(hub.kube, 'flyte', plan, 'again', ['flyteadmin']);
  assert.equal(
    plan.changes.map((c) => `${c.action} ${c.object} (${c.note})`),
    [
      'restart Deployment flyte/flyteadmin (read the new token)',
      'absent Deployment flyte/syncresources (nothing to restart (is the control plane installed in this namespace?))',
      'restart Deployment flyte/flyteadmin (again)',
    ],
  );
  assert.is(hub.deployments.get('flyte', 'flyteadmin').metadata!.generation, 3);
});

test('waitForRollout: done at once; a rollout that never finishes returns its state at the deadline (onWait told each poll); one past its progress deadline returns at once; a Deployment gone counts as done', async () => {
  const world = new World();
  const hub = world.cluster('cp');
  hub.addDeployment('flyte', 'flyteadmin');
  assert.equal(await waitForRollout(hub.kube, 'flyte', ['flyteadmin', 'gone'], 50), [
    { name: 'flyteadmin', done: true },
    { name: 'gone', done: true },
  ]);
  world.controllerFrom = Infinity;
  await restartDeployments(hub.kube, 'flyte', new Plan(false), 'x', ['flyteadmin']);
  let waits = 0;
  const slow = await waitForRollout(hub.kube, 'flyte', ['flyteadmin'], 30, () => waits++, 5);
  assert.not.ok(slow[0]!.done);
  assert.ok(waits > 0);
  assert.is(describeRollout('flyte', slow), 'Deployment flyte/flyteadmin: the Deployment controller has not observed the latest change yet');
  const d = hub.deployments.get('flyte', 'flyteadmin');
  d.status = { observedGeneration: d.metadata!.generation, conditions: [{ type: 'Progressing', status: 'False', reason: 'ProgressDeadlineExceeded' }] };
  hub.deployments.put('flyte', d);
  const started = Date.now();
  const failed = await waitForRollout(hub.kube, 'flyte', ['flyteadmin'], 5000);
  assert.ok(Date.now() - started < 1000);
  assert.match(failed[0]!.failed!, /exceeded its progress deadline/);
});

test.run();
