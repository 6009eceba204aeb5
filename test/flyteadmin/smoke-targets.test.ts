// plugin/flyteadmin/smoke-targets.ts: the clusters smoke runs on, each with the label that sends
// work to it alone (its pin label first); refused when none is enabled, for a --cluster that is not
// one, and for a cluster no label pins.
import { test } from '../helpers/uvu.ts';
import * as assert from 'uvu/assert';
import { smokeTargets } from '../../plugin/flyteadmin/smoke-targets.ts';
import { computeRoutes } from '../../plugin/config/routes.ts';
import { FlytemcError, UsageError } from '../../plugin/problems/problems.ts';

const routes = (enabled: Record<string, boolean>, labels: Record<string, string[]>) =>
  computeRoutes({
    clusterConfigs: Object.entries(enabled).map(([name, on]) => ({ name, endpoint: `https://${name}:6443`, enabled: on })),
    labelClusterMap: Object.fromEntries(Object.entries(labels).map(([l, ids]) => [l, ids.map((id) => ({ id, weight: 1 }))])),
  });
const SRC = 'hub cp ConfigMap flyte/flyte-admin-clusters-config';

test('every enabled cluster with its pinning label, the pin label first; --cluster narrows', () => {
  const r = routes({ dp1: true, dp2: true, dp3: false }, { team: ['dp1'], 'pin-dp1': ['dp1'], 'pin-dp2': ['dp2'], both: ['dp1', 'dp2'] });
  assert.equal(smokeTargets(r, SRC), [
    { name: 'dp1', label: 'pin-dp1' },
    { name: 'dp2', label: 'pin-dp2' },
  ]);
  assert.equal(smokeTargets(r, SRC, ['dp2']), [{ name: 'dp2', label: 'pin-dp2' }]);
});

test('refused: no enabled cluster, a --cluster that is not enabled, a cluster no label pins', () => {
  const none = (() => {
    try {
      smokeTargets(routes({ dp1: false }, {}), SRC);
    } catch (e) {
      return e as FlytemcError;
    }
  })();
  assert.instance(none, FlytemcError);
  assert.equal([none!.problems[0]!.code, none!.problems[0]!.subject], ['admin.no-enabled-cluster', SRC]);
  const r = routes({ dp1: true, dp2: true }, { 'pin-dp1': ['dp1'], both: ['dp1', 'dp2'] });
  assert.throws(
    () => smokeTargets(r, SRC, ['dp9']),
    (e: unknown) => e instanceof UsageError && /--cluster dp9: not an enabled cluster/.test(e.message) && e.fix === 'use one of: dp1, dp2',
  );
  try {
    smokeTargets(r, SRC);
    assert.unreachable();
  } catch (e) {
    assert.instance(e, FlytemcError);
    const p = (e as FlytemcError).problems;
    assert.equal(
      p.map((x) => x.code),
      ['admin.unpinned'],
    );
    assert.match(p[0]!.message, /^no execution cluster label sends work to dp2 alone/);
    assert.match(p[0]!.fix!, /labelClusterMap: \{pin-dp2: \[\{id: dp2, weight: 1\}\]\}$/);
  }
});

test.run();
