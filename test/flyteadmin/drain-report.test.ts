// plugin/flyteadmin/drain-report.ts: what drain says. Refused before anything changes (not in the
// deployed config, its last enabled cluster); --dry-run's line; the outcome: drained, work left at
// --timeout (listed, with resume or --abort), the cordon not yet in effect; each failure exit 3 and
// "stopped part way" (the cordon stays).
import { test } from '../helpers/uvu.ts';
import * as assert from 'uvu/assert';
import { checkDeployed, drainOutcome, runningNow, type DrainContext } from '../../plugin/flyteadmin/drain-report.ts';
import { computeRoutes } from '../../plugin/config/routes.ts';
import { StoppedPartWay } from '../../plugin/cli/shell.ts';
import { EXIT, FlytemcError } from '../../plugin/problems/problems.ts';

const routes = (enabled: Record<string, boolean>) =>
  computeRoutes({ clusterConfigs: Object.entries(enabled).map(([name, on]) => ({ name, endpoint: `https://${name}:6443`, enabled: on })) });
const refusal = (fn: () => void) => {
  try {
    fn();
  } catch (e) {
    assert.instance(e, FlytemcError);
    return (e as FlytemcError).problems[0]!;
  }
  return undefined;
};
const NOW = Date.parse('2026-01-01T01:00:00Z');
const run = (name: string, phase = 'RUNNING') => ({ project: 'p', domain: 'development', name, phase, createdAt: '2026-01-01T00:56:55Z' });
const ctx: DrainContext = {
  name: 'dp1',
  admin: 'http://admin.test',
  adminArg: 'http://admin.test/',
  hub: 'cp',
  abort: false,
  cordonNote: 'dp1 stays cordoned in v.yaml',
  resume: 'flytemc drain dp1 --admin http://admin.test/ -n flyte -f v.yaml',
  undo: 'flytemc uncordon dp1 -n flyte -f v.yaml --upgrade',
  cordonUpgrade: 'flytemc cordon dp1 -n flyte -f v.yaml --upgrade',
  self: 'flytemc',
};

test('refused before anything changes: a cluster the deployed config does not list, its last enabled cluster; a disabled one or one of two passes', () => {
  const none = refusal(() => checkDeployed(routes({ dp2: true }), 'dp1', 'hub cp ConfigMap flyte/flyte-admin-clusters-config'));
  assert.equal([none!.code, none!.subject, none!.fix], ['admin.not-joined', 'hub cp ConfigMap flyte/flyte-admin-clusters-config', 'name one of: dp2']);
  assert.match(none!.message, /^lists no cluster "dp1": it is not joined to this control plane; nothing was changed$/);
  const last = refusal(() => checkDeployed(routes({ dp1: true, dp2: false }), 'dp1', 'src'));
  assert.is(last!.code, 'admin.last-enabled');
  assert.is(
    refusal(() => checkDeployed(routes({ dp1: true, dp2: true }), 'dp1', 'src')),
    undefined,
  );
  assert.is(
    refusal(() => checkDeployed(routes({ dp1: false, dp2: false }), 'dp1', 'src')),
    undefined,
  );
});

test('--dry-run: what has not ended on the cluster now, or nothing', () => {
  assert.is(runningNow([], 'dp1', NOW), 'no execution runs on dp1 now\n');
  assert.is(
    runningNow([run('a'), run('b', 'QUEUED')], 'dp1', NOW),
    '2 executions not ended on dp1 now: p/development/a (RUNNING, 3m05s), p/development/b (QUEUED, 3m05s)\n',
  );
});

test('the outcome: drained (with what was aborted), work left (listed; wait longer or --abort), the cordon pending; failures stop part way with exit 3', () => {
  const done = drainOutcome({ cluster: 'dp1', left: [], aborted: [run('a')], waitedMs: 1234 }, ctx, NOW);
  assert.is(done.error, undefined);
  assert.is(
    done.text,
    'dp1 is drained: FlyteAdmin lists no execution there that has not ended (every project and domain; 1 aborted, waited 1.2 s). dp1 stays cordoned in v.yaml; next: flytemc unjoin dp1 --admin http://admin.test/ ..., or flytemc uncordon dp1 -n flyte -f v.yaml --upgrade\n',
  );
  const left = drainOutcome({ cluster: 'dp1', left: [run('a')], aborted: [], waitedMs: 600_000 }, ctx, NOW);
  assert.is(left.text, 'PROJECT  DOMAIN       EXECUTION  PHASE    AGE\np        development  a          RUNNING  3m05s\n');
  assert.instance(left.error, StoppedPartWay);
  assert.is(left.error!.exitCode, EXIT.failed);
  const p = left.error!.problems[0]!;
  assert.equal([p.code, p.subject], ['admin.not-drained', 'FlyteAdmin http://admin.test']);
  assert.match(
    p.message,
    /^1 execution on dp1 had not ended after 600\.0 s \(listed above; p\/development\/a \(RUNNING, 3m05s\)\); dp1 stays cordoned in v\.yaml$/,
  );
  assert.match(p.fix!, /--timeout 30m\), or abort them: .* --abort$/);
  const aborting = drainOutcome({ cluster: 'dp1', left: [run('a', 'ABORTING')], aborted: [], waitedMs: 1 }, { ...ctx, abort: true }, NOW);
  assert.match(aborting.error!.problems[0]!.fix!, /^FlyteAdmin asked dp1 to abort them: .*flytemc check shows whether it is alive/);
  const pending = drainOutcome({ cluster: 'dp1', left: [], aborted: [], pending: 'the rollout of flyteadmin is not done', waitedMs: 5000 }, ctx, NOW);
  assert.is(pending.text, '');
  assert.equal([pending.error!.problems[0]!.code, pending.error!.problems[0]!.subject], ['admin.cordon-pending', 'hub cp']);
  assert.match(
    pending.error!.problems[0]!.message,
    /^after 5\.0 s FlyteAdmin may still send new executions to dp1: the rollout of flyteadmin is not done; dp1 stays cordoned in v\.yaml$/,
  );
});

test.run();
