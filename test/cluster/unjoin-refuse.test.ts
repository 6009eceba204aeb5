// plugin/cluster/unjoin-refuse.ts: each refusal of unjoin before anything changes (another namespace, unfinished executions, the last data plane, the wrong or an unreachable member), and what --force turns into a warning; a fake Kube (test/helpers/fake-kube.ts) where a cluster is needed.
import { test } from '../helpers/uvu.ts';
import * as assert from 'uvu/assert';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { memberToClean, refuseElsewhere, refuseLast, refuseRunning, type UnjoinRequest } from '../../plugin/cluster/unjoin-refuse.ts';
import { UnreachableError } from '../../plugin/cluster/kube.ts';
import { EXIT, FlytemcError, error, whereOf, type Problem } from '../../plugin/problems/problems.ts';
import { World } from '../helpers/fake-kube.ts';

const request = (o: Partial<UnjoinRequest> = {}): UnjoinRequest => ({
  context: 'dp1',
  name: 'dp1',
  force: false,
  restart: false,
  finish: false,
  rolloutTimeoutMs: 10,
  ...o,
});
const refusal = async (p: Promise<unknown> | (() => unknown)): Promise<FlytemcError> => {
  try {
    await (typeof p === 'function' ? p() : p);
  } catch (e) {
    assert.instance(e, FlytemcError);
    return e as FlytemcError;
  }
  throw new Error('not refused');
};
const setup = () => {
  const world = new World();
  const hub = world.cluster('cp');
  const dp = world.cluster('dp1');
  return { world, hub, dp, session: world.session(hub) };
};

test('refuseElsewhere: joined in another namespace only: refused naming it (unjoin.elsewhere, exit 1); nowhere else: no refusal', async () => {
  const { session } = setup();
  refuseElsewhere(request(), session, []);
  const e = await refusal(() => refuseElsewhere(request(), session, ['flyte-cp', 'other']));
  assert.is(e.exitCode, EXIT.invalid);
  assert.is(e.problems[0]!.code, 'unjoin.elsewhere');
  assert.is(whereOf(e.problems[0]!), 'hub cp Secret flyte/cluster-credentials');
  assert.match(e.problems[0]!.message, /the Secret in namespace flyte-cp, other has it; nothing was changed$/);
  assert.is(e.problems[0]!.fix, 'rerun with -n flyte-cp');
});

test('refuseRunning: no --admin, or nothing running: no refusal; one execution: refused (unjoin.running) naming drain; --force: a warning', async () => {
  const warnings: Problem[] = [];
  await refuseRunning(request(), warnings);
  await refuseRunning(request({ running: async () => ({ where: 'FlyteAdmin http://a', executions: [] }) }), warnings);
  assert.equal(warnings, []);
  const one = request({ running: async () => ({ where: 'FlyteAdmin http://a', executions: ['p/d/x (RUNNING, 1s)'] }) });
  const e = await refusal(refuseRunning(one, warnings));
  assert.is(e.problems[0]!.code, 'unjoin.running');
  assert.match(e.problems[0]!.message, /^1 execution has not ended on dp1: p\/d\/x \(RUNNING, 1s\); .* abort it; nothing was changed$/);
  assert.match(e.problems[0]!.fix!, /flytemc drain dp1 --admin URL; then rerun this unjoin/);
  await refuseRunning({ ...one, force: true }, warnings);
  assert.is(warnings[0]!.severity, 'warning');
  assert.is(warnings[0]!.fix, 'abort it first next time: flytemc drain dp1 --admin URL --abort');
});

test("refuseLast: the values file's last enabled cluster refused (unjoin.last, exit 1) with both end states; another enabled cluster, a name not listed, no control plane deployed, or --force: no refusal; without --values the deployed config decides", async () => {
  const dir = mkdtempSync(join(tmpdir(), 'flytemc-refuse-'));
  const values = join(dir, 'values.yaml');
  const lists = [{ clusters: [{ name: 'dp1', enabled: true, endpoint: 'https://dp1', auth: {} }] }] as never;
  writeFileSync(
    values,
    'multicluster:\n  clusters:\n    clusterConfigs:\n      - {name: dp1, enabled: true, endpoint: "https://dp1:6443"}\n      - {name: dp2, enabled: false, endpoint: "https://dp2:6443"}\n',
  );
  const e = await refusal(refuseLast(request({ values }), lists, 'flytemc install control-plane -f values.yaml', 'cp', 'flyte'));
  assert.is(e.exitCode, EXIT.invalid);
  assert.is(e.problems[0]!.code, 'unjoin.last');
  assert.is(whereOf(e.problems[0]!), values);
  assert.match(
    e.problems[0]!.fix!,
    new RegExp(
      `^choose the end state first, then unjoin: \\(a\\) .*clusterConfigs of ${values}.*run flytemc install control-plane -f values.yaml, then rerun this unjoin; \\(b\\) .*-n flyte --kube-context cp`,
    ),
  );
  const deployed = await refusal(refuseLast(request(), lists, 'up', 'cp', 'flyte'));
  assert.is(whereOf(deployed.problems[0]!), "the hub's deployed FlyteAdmin config");
  assert.match(deployed.problems[0]!.fix!, /clusterConfigs of VALUES/);
  await refuseLast(request({ values, force: true }), lists, 'up', 'cp', 'flyte');
  await refuseLast(request({ values }), [], 'up', 'cp', 'flyte');
  await refuseLast(request({ name: 'dp9' }), lists, 'up', 'cp', 'flyte');
  await refuseLast(
    request(),
    [
      {
        clusters: [
          { name: 'dp1', enabled: true },
          { name: 'cp', inCluster: true },
        ],
      },
    ] as never,
    'up',
    'cp',
    'flyte',
  );
  rmSync(dir, { recursive: true, force: true });
});

test('memberToClean: the recorded member, reached; another cluster refused (unjoin.other-cluster), or with --force left alone; unreachable: refused with --force in the fix, or with --force a warning; a failing connection says nothing changed', async () => {
  const { dp, world, hub, session } = setup();
  const record = { uid: dp.uid, endpoint: dp.server, tokenSecret: 'flyteadmin-token', namespace: 'flyte' };
  const warnings: Problem[] = [];
  const reached = await memberToClean(request(), session, record, warnings, 'rerun: x');
  assert.is(reached.m, dp.kube);
  const other = { ...record, uid: 'uid-elsewhere' };
  const e = await refusal(memberToClean(request(), session, other, warnings, 'rerun: x'));
  assert.is(e.problems[0]!.code, 'unjoin.other-cluster');
  assert.equal(await memberToClean(request({ force: true }), session, other, warnings, 'rerun: x'), { reached: true });
  const down = world.session(hub);
  down.reach = {
    ...down.reach,
    connect: async () => {
      throw new UnreachableError([error('context dp1', 'connection refused', 'check the network')], EXIT.failed);
    },
  };
  const refused = await refusal(memberToClean(request(), down, record, warnings, 'rerun: x'));
  assert.is(refused.exitCode, EXIT.failed);
  assert.is(refused.problems[0]!.fix, 'check the network; if the cluster is gone for good, rerun with --force (its token Secret then stays in the cluster)');
  assert.equal(await memberToClean(request({ force: true }), down, record, warnings, 'rerun: x'), { reached: false });
  assert.is(warnings.at(-1)!.code, 'unjoin.unreachable');
  assert.match(warnings.at(-1)!.fix!, /delete Secret flyte\/flyteadmin-token there/);
  const failing = world.session(hub);
  failing.reach = {
    ...failing.reach,
    connect: async () => {
      throw new FlytemcError([error('context dp1', 'forbidden', 'ask for access')], EXIT.failed);
    },
  };
  const stopped = await refusal(memberToClean(request(), failing, record, warnings, 'rerun: x'));
  assert.is(stopped.problems[0]!.fix, 'ask for access. nothing was changed; rerun: x');
  assert.equal(await memberToClean(request({ force: true }), failing, undefined, warnings, 'rerun: x'), { reached: false });
  assert.match(warnings.at(-1)!.fix!, /delete Secret flyte\/flyteadmin-token there/);
});

test.run();
