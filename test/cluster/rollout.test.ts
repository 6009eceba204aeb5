// plugin/cluster/rollout.ts: a Deployment's rollout judged as `kubectl rollout status` judges it,
// from its generation and status alone, and the restart stamps that count. Restart and wait against
// fakes: test/cluster/rotate.test.ts and test/cluster/unjoin.test.ts; on real API servers with the
// test playing the Deployment controller: test/day2.test.ts.
import { test } from '../helpers/uvu.ts';
import * as assert from 'uvu/assert';
import type { V1Deployment } from '@kubernetes/client-node';
import { describeRollout, restartedAt, rolloutState } from '../../plugin/cluster/rollout.ts';

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

test.run();
