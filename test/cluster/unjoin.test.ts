// plugin/cluster/unjoin.ts against fakes of flytemc's Kube (test/helpers/fake-kube.ts): the two
// phases against every moment the control plane's upgrade can land, each API call failing once
// (before its write, and after it with the answer lost), the last data plane, a values file that is
// not there, and what join created that a Helm release adopted since. After every call FlyteAdmin
// must work: every cluster a deployed ConfigMap lists has its keys in the hub Secret, and every
// token FlyteAdmin holds or would read is accepted. With --admin, executions that have not ended on
// the cluster refuse it before anything changes (--force: a warning), and FlyteAdmin not answering
// stops it there too. The whole command on real API servers and a real control-plane release:
// test/day2.test.ts; against the real FlyteAdmin: test/flyte-day2.test.ts.
import { test } from '../helpers/uvu.ts';
import * as assert from 'uvu/assert';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { unjoinCluster, unjoinSummary } from '../../plugin/cluster/unjoin.ts';
import { joinClusters } from '../../plugin/cluster/join.ts';
import { error, EXIT, FlytemcError, whereOf } from '../../plugin/problems/problems.ts';
import { World, type FakeCluster } from '../helpers/fake-kube.ts';

const NS = 'flyte';
const dir = mkdtempSync(join(tmpdir(), 'flytemc-unjoin-'));
let files = 0;

interface Setup {
  world: World;
  hub: FakeCluster;
  values: string;
}

/** The control plane's ConfigMaps and Deployments as an upgrade with `values` leaves them (the rollout of a changed config still to finish). */
function upgrade(hub: FakeCluster, values: string): void {
  const clusters = (yaml.load(readFileSync(values, 'utf8')) as { multicluster: { clusters: unknown } }).multicluster.clusters;
  for (const name of ['flyte-admin-clusters-config', 'flyte-clusterresourcesync-config'])
    hub.configMaps.put(NS, {
      metadata: { name, namespace: NS, annotations: { 'meta.helm.sh/release-name': 'flyte' } },
      data: { 'clusters.yaml': yaml.dump({ clusters }) },
    });
  for (const name of ['flyteadmin', 'syncresources']) {
    if (!hub.deployments.has(NS, name)) continue;
    const d = hub.deployments.get(NS, name);
    d.spec!.template.metadata!.annotations!.configChecksum = `${Date.now()}-${Math.random()}`;
    d.metadata!.generation! += 1;
    hub.deployments.put(NS, d);
  }
}

/** cp runs FlyteAdmin with dp1 and dp2 (joined, recorded in a values file, deployed). */
async function deployed(): Promise<Setup> {
  const world = new World();
  const hub = world.cluster('cp');
  world.cluster('dp1');
  world.cluster('dp2');
  hub.namespaces.add(NS);
  const values = join(dir, `values-${++files}.yaml`);
  writeFileSync(values, '# control plane\nmulticluster:\n  role: control-plane\n');
  const r = await joinClusters(
    [
      { context: 'dp1', name: 'dp1', routes: [{ label: 'team1', weight: 1 }] },
      { context: 'dp2', name: 'dp2', routes: [{ label: 'team1', weight: 0.5 }] },
    ],
    { parallel: 1, force: false, restart: false, valuesFile: values },
    world.session(hub),
  );
  assert.is(r.failures.length, 0, JSON.stringify(r.failures));
  hub.addDeployment(NS, 'flyteadmin');
  hub.addDeployment(NS, 'syncresources');
  upgrade(hub, values);
  hub.finishRollouts();
  world.calls.length = 0;
  return { world, hub, values };
}

const request = (s: Setup, o: Partial<Parameters<typeof unjoinCluster>[0]> = {}) => ({
  context: 'dp1',
  name: 'dp1',
  force: false,
  restart: false,
  finish: false,
  values: s.values,
  rolloutTimeoutMs: 80,
  pollMs: 1,
  ...o,
});

function watch(s: Setup): string[] {
  const seen: string[] = [];
  s.world.afterEach = (n, what) => {
    for (const b of s.world.broken(s.hub)) seen.push(`after call ${n} (${what}): ${b}`);
  };
  return seen;
}

/** dp1 gone everywhere: values file, hub keys and record, its token revoked, what join created deleted; dp2 intact. */
function assertUnjoined(s: Setup, label: string): void {
  const dp1 = s.world.cluster('dp1');
  const creds = s.hub.credentials();
  assert.equal(Object.keys(creds).sort(), ['dp2_cacert', 'dp2_token'], label);
  assert.not.match(readFileSync(s.values, 'utf8'), /dp1/, `${label}: the values file`);
  assert.equal(
    dp1.secrets.list(NS).map((x) => x.metadata!.name),
    [],
    `${label}: token Secrets left in dp1`,
  );
  assert.not.ok(dp1.serviceAccounts.has(NS, 'flyteadmin') || dp1.clusterRoles.has(undefined, 'flyte-flyteadmin'), `${label}: join's objects left`);
  assert.ok(s.world.cluster('dp2').accepts(creds.dp2_token), `${label}: dp2's token`);
  assert.equal(s.world.broken(s.hub), [], label);
}

test('phase 1 takes dp1 out of the values file and stops while FlyteAdmin lists it (keys kept, upgrade printed); --finish then refuses; after the upgrade the same command finishes', async () => {
  const s = await deployed();
  const seen = watch(s);
  const one = await unjoinCluster(request(s), s.world.session(s.hub));
  assert.is(one.phase, 'pending');
  assert.equal(one.listedIn.sort(), ['flyte-admin-clusters-config', 'flyte-clusterresourcesync-config']);
  assert.match(one.upgrade, /install control-plane --kube-context cp -n flyte -f .*values-\d+\.yaml$/);
  assert.match(one.finish, /unjoin dp1 --name dp1 --kube-context cp -n flyte --values \S+ --finish$/);
  assert.ok('dp1_token' in s.hub.credentials(), 'keys removed while FlyteAdmin lists dp1');
  assert.not.match(readFileSync(s.values, 'utf8'), /dp1/);
  assert.match(readFileSync(s.values, 'utf8'), /^# control plane\n/);
  assert.ok(s.world.cluster('dp1').serviceAccounts.has(NS, 'flyteadmin'), 'the member was changed in phase 1');
  try {
    await unjoinCluster(request(s, { finish: true }), s.world.session(s.hub));
    assert.unreachable('--finish went on while FlyteAdmin lists dp1');
  } catch (e) {
    assert.instance(e, FlytemcError);
    assert.is((e as FlytemcError).exitCode, EXIT.failed);
    assert.match((e as Error).message, /FlyteAdmin's deployed config still lists dp1/);
    assert.match((e as Error).message, /fix: upgrade the control plane without dp1 first: .*install control-plane/);
  }
  upgrade(s.hub, s.values);
  const two = await unjoinCluster(request(s), s.world.session(s.hub));
  assert.is(two.phase, 'done');
  assertUnjoined(s, 'after the upgrade');
  assert.equal(seen, []);
});

test('every moment of the upgrade: landing between any two API calls of phase 2 and its rollout finishing any number of calls later (or not at all), FlyteAdmin works throughout; the keys go only once every pod runs without dp1', async () => {
  // the calls of a phase-2 run, to place the upgrade and the end of its rollout at each of them
  const base = await deployed();
  await unjoinCluster(request(base), base.world.session(base.hub));
  upgrade(base.hub, base.values);
  base.world.calls.length = 0;
  await unjoinCluster(request(base), base.world.session(base.hub));
  const n = base.world.calls.length + 2;
  const outcomes = new Map<string, number>();
  for (let u = 0; u < n; u++) {
    for (const lag of [0, 1, 3, Infinity]) {
      const s = await deployed();
      assert.is((await unjoinCluster(request(s), s.world.session(s.hub))).phase, 'pending');
      s.world.calls.length = 0;
      const seen = watch(s);
      s.world.controllerFrom = Infinity;
      s.world.beforeCall = (i) => {
        if (i === u) upgrade(s.hub, s.values);
        if (i === u + lag) s.world.controllerFrom = i;
      };
      const label = `upgrade at call ${u}, its rollout done ${lag} calls later`;
      let outcome: string;
      try {
        outcome = (await unjoinCluster(request(s), s.world.session(s.hub))).phase;
      } catch (e) {
        assert.instance(e, FlytemcError, label);
        assert.match((e as Error).message, /FlyteAdmin's rollout is not done .* so its keys stay in the hub/, label);
        assert.match((e as Error).message, /--finish/, label);
        outcome = 'rollout not done';
      }
      outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
      assert.equal(seen, [], label);
      s.world.beforeCall = undefined;
      if (outcome !== 'done') {
        if (s.hub.listed().includes('dp1')) upgrade(s.hub, s.values); // the upgrade came after this run read the ConfigMaps
        s.world.controllerFrom = 0;
        assert.is((await unjoinCluster(request(s, { finish: true }), s.world.session(s.hub))).phase, 'done', label);
      }
      assertUnjoined(s, label);
      assert.equal(seen, [], label);
    }
  }
  // every outcome was reached: the upgrade too late for this run, the rollout waited for, and the rollout never done in time
  assert.equal([...outcomes.keys()].sort(), ['done', 'pending', 'rollout not done'], JSON.stringify([...outcomes]));
});

test('each API call failing once (before its write, and after it with the answer lost): FlyteAdmin works throughout; the message says what was done and how to go on; doing that ends unjoined', async () => {
  const base = await deployed();
  await unjoinCluster(request(base), base.world.session(base.hub));
  upgrade(base.hub, base.values);
  base.world.calls.length = 0;
  await unjoinCluster(request(base), base.world.session(base.hub));
  const calls = [...base.world.calls];
  for (let i = 0; i < calls.length; i++) {
    for (const after of [false, true]) {
      const s = await deployed();
      await unjoinCluster(request(s), s.world.session(s.hub));
      upgrade(s.hub, s.values);
      const seen = watch(s);
      s.world.calls.length = 0;
      s.world.failAt = { call: i, after };
      const label = `call ${i} (${calls[i]}) failing ${after ? 'after' : 'before'} its write`;
      try {
        await unjoinCluster(request(s), s.world.session(s.hub));
      } catch (e) {
        assert.instance(e, FlytemcError, label);
        const m = (e as Error).message;
        assert.match(m, /fix: .*(nothing was changed|its keys are still in the hub|keys are out of the hub)/, `${label}: what was done?\n${m}`);
        assert.match(m, /(rerun: \S+ unjoin|run \S+ unjoin .*--finish)/, `${label}: how to go on?\n${m}`);
        s.world.failAt = undefined;
        await unjoinCluster(request(s, { finish: /--finish/.test(m) }), s.world.session(s.hub));
      }
      assertUnjoined(s, label);
      assert.equal(seen, [], label);
    }
  }
});

test('the last data plane is refused (exit 1, nothing changed) with the commands for both end states; --force takes it out of the values file and waits for the upgrade', async () => {
  const s = await deployed();
  await unjoinCluster(request(s), s.world.session(s.hub));
  upgrade(s.hub, s.values);
  await unjoinCluster(request(s), s.world.session(s.hub));
  const before = readFileSync(s.values, 'utf8');
  const keys = Object.keys(s.hub.credentials());
  try {
    await unjoinCluster(request(s, { context: 'dp2', name: 'dp2' }), s.world.session(s.hub));
    assert.unreachable('the last data plane was unjoined');
  } catch (e) {
    assert.instance(e, FlytemcError);
    assert.is((e as FlytemcError).exitCode, EXIT.invalid);
    const m = (e as Error).message;
    assert.match(m, /dp2 is the last data plane FlyteAdmin is configured with: without it the control plane cannot be upgraded/);
    assert.match(m, /\(a\) the control plane runs workloads itself: add `- \{name: cp, inCluster: true, enabled: true\}`/);
    assert.match(m, /\(b\) back to a single-cluster flyte-core: `helm upgrade flyte flyteorg\/flyte-core/);
    assert.match(m, /or rerun with --force/);
  }
  assert.is(readFileSync(s.values, 'utf8'), before);
  assert.equal(Object.keys(s.hub.credentials()), keys);
  const forced = await unjoinCluster(request(s, { context: 'dp2', name: 'dp2', force: true }), s.world.session(s.hub));
  assert.is(forced.phase, 'pending', 'FlyteAdmin still lists dp2: its keys stay');
  assert.ok('dp2_token' in s.hub.credentials());
  assert.equal(s.world.broken(s.hub), []);
});

test('--admin: executions that have not ended on dp1 refuse unjoin (exit 1, named, drain in the fix, nothing changed); --force warns and goes on; FlyteAdmin not answering stops it before anything changes (exit 3)', async () => {
  const s = await deployed();
  const before = readFileSync(s.values, 'utf8');
  const keys = Object.keys(s.hub.credentials());
  const running = async () => ({ where: 'FlyteAdmin http://admin.test', executions: ['p/development/a (RUNNING, 3m05s)', 'p/production/b (QUEUED, 12s)'] });
  const drain = 'flytemc drain dp1 --admin http://admin.test --kube-context cp -n flyte';
  try {
    await unjoinCluster(request(s, { running, drain }), s.world.session(s.hub));
    assert.unreachable('unjoined while work runs there');
  } catch (e) {
    assert.instance(e, FlytemcError);
    assert.is((e as FlytemcError).exitCode, EXIT.invalid);
    const p = (e as FlytemcError).problems[0]!;
    assert.is(whereOf(p), 'FlyteAdmin http://admin.test');
    assert.match(
      p.message,
      '2 executions have not ended on dp1: p/development/a (RUNNING, 3m05s), p/production/b (QUEUED, 12s); once FlyteAdmin no longer lists dp1 it can neither follow nor abort them; nothing was changed',
    );
    assert.match(
      p.fix!,
      `drain it first (cordon, then wait for the work to end, or --abort it): ${drain}; then rerun this unjoin (or pass --force to unjoin anyway)`,
    );
  }
  assert.is(readFileSync(s.values, 'utf8'), before);
  assert.equal(Object.keys(s.hub.credentials()), keys);
  assert.not.ok(s.world.calls.some((c) => /create|replace|delete|patch/.test(c)));

  const unreachable = async (): Promise<never> => {
    throw new FlytemcError([error('FlyteAdmin http://admin.test', 'cannot reach FlyteAdmin at http://admin.test: ECONNREFUSED', 'check --admin')], EXIT.failed);
  };
  try {
    await unjoinCluster(request(s, { running: unreachable }), s.world.session(s.hub));
    assert.unreachable('unjoined without asking FlyteAdmin');
  } catch (e) {
    assert.is((e as FlytemcError).exitCode, EXIT.failed);
    assert.match((e as FlytemcError).problems[0]!.fix!, /check --admin\. nothing was changed; rerun: /);
  }
  assert.is(readFileSync(s.values, 'utf8'), before);

  const nothing = await unjoinCluster(request(s, { running: async () => ({ where: 'FlyteAdmin http://admin.test', executions: [] }) }), s.world.session(s.hub));
  assert.is(nothing.phase, 'pending');
  assert.equal(nothing.warnings, []);
  const s2 = await deployed();
  const forced = await unjoinCluster(request(s2, { running, drain, force: true }), s2.world.session(s2.hub));
  assert.is(forced.phase, 'pending');
  assert.match(forced.warnings[0]!.message, /2 executions have not ended on dp1: .* \(--force\)$/);
  assert.match(forced.warnings[0]!.fix!, `abort them first next time: ${drain} --abort`);
});

test('unjoin in a namespace where the cluster is not joined, while another namespace has it: exit 1 naming -n, nothing changed', async () => {
  const s = await deployed();
  const before = readFileSync(s.values, 'utf8');
  try {
    await unjoinCluster(request(s), s.world.session(s.hub, { namespace: 'default' }));
    assert.unreachable('no error');
  } catch (e) {
    assert.is((e as FlytemcError).exitCode, EXIT.invalid);
    assert.match(
      (e as Error).message,
      /has no joined cluster "dp1" \(namespace default, from flytemc's default\); the Secret in namespace flyte has it; nothing was changed\n {2}fix: rerun with -n flyte/,
    );
  }
  assert.is(readFileSync(s.values, 'utf8'), before);
  assert.not.ok(s.world.calls.some((c) => /create|replace|delete|patch/.test(c)));
});

test('no control plane deployed yet: the last cluster of the values file is unjoined (nothing is stranded)', async () => {
  const world = new World();
  const hub = world.cluster('cp');
  world.cluster('dp1');
  hub.namespaces.add(NS);
  const values = join(dir, `values-${++files}.yaml`);
  const r = await joinClusters(
    [{ context: 'dp1', name: 'dp1', routes: [] }],
    { parallel: 1, force: false, restart: false, valuesFile: values },
    world.session(hub),
  );
  assert.equal(r.failures, []);
  const out = await unjoinCluster(request({ world, hub, values }), world.session(hub));
  assert.is(out.phase, 'done');
  assert.equal(hub.credentials(), {});
});

test('a values file that is not there: exit 1 naming it, before anything is read or changed', async () => {
  const s = await deployed();
  try {
    await unjoinCluster(request(s, { values: join(dir, 'nope.yaml') }), s.world.session(s.hub));
    assert.unreachable('no error');
  } catch (e) {
    assert.instance(e, FlytemcError);
    assert.is((e as FlytemcError).exitCode, EXIT.invalid);
    assert.match((e as Error).message, /nope\.yaml: no such file\n {2}fix: pass the control plane's values file/);
  }
  assert.equal(s.world.calls, []);
});

test('what join created is deleted; what a Helm release adopted since (its release stored) and what the chart made are kept', async () => {
  const s = await deployed();
  const dp1 = s.world.cluster('dp1');
  const sa = dp1.serviceAccounts.get(NS, 'flyteadmin');
  assert.equal(sa.metadata!.labels, { 'app.kubernetes.io/managed-by': 'Helm', 'flytemc.io/created-by': 'join', 'flytemc.io/cluster-name': 'dp1' });
  assert.equal(sa.metadata!.annotations, { 'meta.helm.sh/release-name': 'flyte', 'meta.helm.sh/release-namespace': 'flyte' });
  // dp1's data plane was installed after the join: its release adopted the ServiceAccount and RBAC
  dp1.secrets.put(NS, {
    metadata: { name: 'sh.helm.release.v1.flyte.v1', namespace: NS, labels: { owner: 'helm', name: 'flyte' } },
    type: 'helm.sh/release.v1',
  });
  await unjoinCluster(request(s), s.world.session(s.hub));
  upgrade(s.hub, s.values);
  const session = s.world.session(s.hub);
  await unjoinCluster(request(s), session);
  assert.ok(dp1.serviceAccounts.has(NS, 'flyteadmin') && dp1.clusterRoles.has(undefined, 'flyte-flyteadmin'), 'deleted what the release owns');
  assert.match(
    session.plan.changes.find((c) => c.object === 'ServiceAccount flyte/flyteadmin')!.note!,
    /kept: created by join, adopted since by Helm release flyte\/flyte/,
  );
  assert.not.ok(dp1.accepts(s.world.cluster('dp2').tokenOf(NS, 'flyteadmin-token')), 'sanity');
  assert.equal(
    dp1.secrets.list(NS).map((x) => x.metadata!.name),
    ['sh.helm.release.v1.flyte.v1'],
    'the token Secret is deleted (revoking the token) even when adopted',
  );
});

test.after(() => rmSync(dir, { recursive: true, force: true }));

test('unjoinSummary: phase 1 pending with the upgrade and the finish; done, with or without the data plane reached; a dry run; without --values the reminder to edit the values', async () => {
  const s = await deployed();
  const session = s.world.session(s.hub);
  const pending = await unjoinCluster(request(s), session);
  const text = unjoinSummary(pending, { name: 'dp1', values: s.values }, session);
  assert.match(
    text,
    /\nphase 1 of 2 done: dp1 is out of .*; FlyteAdmin still lists dp1 \(ConfigMap flyte\/flyte-admin-clusters-config, flyte\/flyte-clusterresourcesync-config\), so its keys stay in hub cp\.\nNext, upgrade the control plane/,
  );
  assert.match(text, /then finish \(removes the keys, revokes the token, deletes what join created\):\n {2}flytemc unjoin dp1 .* --finish\n$/);
  assert.match(
    unjoinSummary(pending, { name: 'dp1' }, s.world.session(s.hub, { dryRun: true })),
    /dry run: nothing was changed\. phase 1 of 2 would be done: take dp1 out of multicluster\.clusters/,
  );
  upgrade(s.hub, s.values);
  const done = s.world.session(s.hub);
  const out = await unjoinCluster(request(s), done);
  assert.match(unjoinSummary(out, { name: 'dp1', values: s.values }, done), /\ndp1 was removed from hub cp\n$/);
  assert.match(
    unjoinSummary({ ...out, memberReached: false }, { name: 'dp1' }, done),
    /dp1 was removed from hub cp \(the data plane was not reached\)\nIf the control plane's values still list dp1, remove it there/,
  );
});

test('--restart after the keys went: FlyteAdmin restarted; a restart that fails says the data plane is cleaned up and gives the kubectl restart', async () => {
  const s = await deployed();
  await unjoinCluster(request(s), s.world.session(s.hub));
  upgrade(s.hub, s.values);
  s.world.beforeCall = (n, what) => {
    if (what === 'cp patchNamespacedDeployment') s.world.failAt = { call: n, after: false };
  };
  try {
    await unjoinCluster(request(s, { restart: true }), s.world.session(s.hub));
    assert.unreachable('no error');
  } catch (e) {
    assert.instance(e, FlytemcError);
    assert.match(
      (e as FlytemcError).problems[0]!.fix!,
      /dp1's keys are out of the hub; FlyteAdmin no longer lists it; the data plane is cleaned up; restart flyteadmin and syncresources \(kubectl --context cp -n flyte rollout restart deployment\/flyteadmin deployment\/syncresources\)$/,
    );
  }
  s.world.beforeCall = undefined;
  assertUnjoined(s, 'after the failed restart');
});

test.run();
