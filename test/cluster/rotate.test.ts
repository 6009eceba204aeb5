// plugin/cluster/rotate.ts against fakes of flytemc's Kube (test/helpers/fake-kube.ts): every
// ordering of the rollout against rotate's steps, a concurrent rotate or join between any two of its
// API calls, and each API call failing once (before its write, and after it with the answer lost).
// After every call FlyteAdmin must work (every token the hub Secret holds and every token its pods
// hold is accepted), every failure must say what was done and how to go on, and doing that must
// reach the end state: the hub and the pods on the new token, the old one revoked, no token Secret
// left that nothing holds. The whole command on real API servers: test/day2.test.ts.
import { test } from '../helpers/uvu.ts';
import * as assert from 'uvu/assert';
import { rotateCluster, rotateSummary } from '../../plugin/cluster/rotate.ts';
import { joinClusters } from '../../plugin/cluster/join.ts';
import { parseRecords } from '../../plugin/cluster/hub.ts';
import { FlytemcError } from '../../plugin/problems/problems.ts';
import { World, type FakeCluster } from '../helpers/fake-kube.ts';

const NS = 'flyte';

/** cp (the hub, FlyteAdmin's two Deployments) and dp1, joined. */
async function joined(): Promise<{ world: World; hub: FakeCluster; dp: FakeCluster }> {
  const world = new World();
  const hub = world.cluster('cp');
  const dp = world.cluster('dp1');
  hub.namespaces.add(NS);
  const r = await joinClusters([{ context: 'dp1', name: 'dp1', routes: [] }], { parallel: 1, force: false, restart: false }, world.session(hub));
  assert.is(r.failures.length, 0, JSON.stringify(r.failures));
  hub.addDeployment(NS, 'flyteadmin');
  hub.addDeployment(NS, 'syncresources');
  world.calls.length = 0;
  return { world, hub, dp };
}

const request = (o: Partial<Parameters<typeof rotateCluster>[0]> = {}) => ({
  context: 'dp1',
  name: 'dp1',
  restart: true,
  finish: false,
  revokeTimeoutMs: 1000,
  rolloutTimeoutMs: 80,
  pollMs: 1,
  ...o,
});

/** The token Secrets of flyteadmin in dp1, and the one whose token the hub holds. */
function tokenSecrets(dp: FakeCluster, hub: FakeCluster): { names: string[]; held?: string } {
  const names = dp.secrets
    .list(NS)
    .filter((s) => s.type === 'kubernetes.io/service-account-token')
    .map((s) => s.metadata!.name!)
    .sort();
  return { names, held: names.find((n) => dp.tokenOf(NS, n) === hub.credentials().dp1_token) };
}

/** The end state of a rotation: one token Secret, held by the hub and by every pod of FlyteAdmin; nothing retiring. */
function assertRotated(world: World, hub: FakeCluster, dp: FakeCluster, oldToken: string, label: string): void {
  const { names, held } = tokenSecrets(dp, hub);
  assert.equal(names, [held], `${label}: token Secrets left ${names.join(', ')} (the hub holds ${held})`);
  assert.is.not(hub.credentials().dp1_token, oldToken, `${label}: the hub still holds the old token`);
  assert.not.ok(dp.accepts(oldToken), `${label}: the old token is still accepted`);
  for (const [d, pods] of hub.pods) assert.is(pods.credentials.dp1_token, hub.credentials().dp1_token, `${label}: pods of ${d} do not hold the new token`);
  const rec = parseRecords(hub.secrets.get(NS, 'cluster-credentials')).dp1!;
  assert.is(rec.tokenSecret, held, `${label}: the record names another Secret`);
  assert.is(rec.retiring, undefined, `${label}: retiring left: ${JSON.stringify(rec.retiring)}`);
  assert.equal(world.broken(hub), [], label);
}

/** Records, after every API call, what keeps FlyteAdmin from working (nothing, it must be). */
function watch(world: World, hub: FakeCluster): string[] {
  const seen: string[] = [];
  world.afterEach = (n, what) => {
    for (const b of world.broken(hub)) seen.push(`after call ${n} (${what}): ${b}`);
  };
  return seen;
}

test('in order: new token proven → hub → restart → rollout finished → old token revoked; the old token works until every new pod is available', async () => {
  const { world, hub, dp } = await joined();
  const old = hub.credentials().dp1_token!;
  const seen = watch(world, hub);
  let revokedAt = -1;
  let availableAt = -1;
  world.controllerFrom = Infinity;
  world.beforeCall = (n, what) => {
    if (/patchNamespacedDeployment/.test(what) && availableAt < 0) world.controllerFrom = n + 6; // the rollout takes a few polls
    if (availableAt < 0 && hub.rolling(NS).length === 0 && world.calls.slice(0, n).some((c) => /patch/.test(c))) availableAt = n;
    if (revokedAt < 0 && !dp.accepts(old)) revokedAt = n;
  };
  const out = await rotateCluster(request(), world.session(hub));
  assert.equal(seen, []);
  assert.is(out.revoked.length, 1);
  const order = world.calls
    .map((c, i) => `${i} ${c}`)
    .filter((c) => /replaceNamespacedSecret|patchNamespacedDeployment|deleteNamespacedSecret|createNamespacedSecret/.test(c));
  const at = (re: RegExp) => order.findIndex((c) => re.test(c));
  assert.ok(at(/dp1 createNamespacedSecret/) < at(/cp replaceNamespacedSecret/), order.join('\n'));
  assert.ok(at(/cp replaceNamespacedSecret/) < at(/cp patchNamespacedDeployment/), order.join('\n'));
  assert.ok(at(/cp patchNamespacedDeployment/) < at(/dp1 deleteNamespacedSecret/), order.join('\n'));
  const deleteCall = Number(order[at(/dp1 deleteNamespacedSecret/)]!.split(' ')[0]);
  assert.ok(availableAt > 0 && availableAt <= deleteCall, `the old Secret was deleted at call ${deleteCall}, the new pods were available at ${availableAt}`);
  assertRotated(world, hub, dp, old, 'rotate');
});

test('every ordering of the rollout: whenever the controller finishes it, FlyteAdmin works at every call and rotate ends rotated (or, never finished, keeps the old token and says --finish)', async () => {
  const base = await joined();
  await rotateCluster(request(), base.world.session(base.hub));
  const n = base.world.calls.length;
  for (let k = 0; k <= n + 1; k++) {
    const { world, hub, dp } = await joined();
    const old = hub.credentials().dp1_token!;
    const seen = watch(world, hub);
    world.controllerFrom = k === n + 1 ? Infinity : k;
    try {
      await rotateCluster(request(), world.session(hub));
      assert.ok(k <= n, `rotated although no rollout ever finished (k=${k})`);
      assertRotated(world, hub, dp, old, `controller from call ${k}`);
    } catch (e) {
      assert.instance(e, FlytemcError);
      assert.is(k, n + 1, `k=${k}: ${(e as Error).message}`);
      assert.match((e as Error).message, /the rollout did not finish within/);
      assert.match((e as Error).message, /the old token \(Secret flyte\/flyteadmin-token\) is still valid/);
      assert.match((e as Error).message, /rotate dp1 --name dp1 --kube-context cp -n flyte --finish/);
      assert.ok(dp.accepts(old), 'the old token was revoked before the rollout finished');
      world.controllerFrom = 0;
      await rotateCluster(request({ finish: true }), world.session(hub));
      assertRotated(world, hub, dp, old, 'after --finish');
    }
    assert.equal(seen, [], `controller from call ${k}`);
  }
});

test('each API call failing once (before its write, and after it with the answer lost): FlyteAdmin works throughout; the message says what was done and how to go on; doing that ends rotated with no orphan Secret', async () => {
  const base = await joined();
  await rotateCluster(request(), base.world.session(base.hub));
  const n = base.world.calls.length;
  const outcomes = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    for (const after of [false, true]) {
      const { world, hub, dp } = await joined();
      const old = hub.credentials().dp1_token!;
      const seen = watch(world, hub);
      world.failAt = { call: i, after };
      const label = `call ${i} (${base.world.calls[i]}) failing ${after ? 'after' : 'before'} its write`;
      let message = '';
      try {
        await rotateCluster(request(), world.session(hub));
      } catch (e) {
        assert.instance(e, FlytemcError, label);
        message = (e as Error).message;
      }
      assert.equal(world.broken(hub), [], label);
      assert.ok(dp.accepts(hub.credentials().dp1_token), `${label}: the hub holds a rejected token`);
      if (message) {
        assert.match(message, /fix: .*(rerun: flytemc rotate dp1 --name dp1 --kube-context cp -n flyte|--finish)/, `${label}: no way on:\n${message}`);
        assert.match(message, /nothing was changed|the hub (keeps|holds)|could not tell/, `${label}: does not say what was done:\n${message}`);
        const kept = /delete secret (\S+)/.exec(message)?.[1];
        world.failAt = undefined;
        if (kept) dp.secrets.delete(NS, kept);
        if (/--finish/.test(message)) await rotateCluster(request({ finish: true }), world.session(hub));
        else await rotateCluster(request(), world.session(hub));
        outcomes.set(/--finish/.test(message) ? 'finish' : 'rerun', (outcomes.get(/--finish/.test(message) ? 'finish' : 'rerun') ?? 0) + 1);
      } else outcomes.set('absorbed', (outcomes.get('absorbed') ?? 0) + 1);
      assertRotated(world, hub, dp, old, label);
      assert.equal(seen, [], label);
    }
  }
  // both ways on were taken: a failure before the hub write reruns rotate, one after it finishes
  assert.ok((outcomes.get('rerun') ?? 0) > 0 && (outcomes.get('finish') ?? 0) > 0, JSON.stringify([...outcomes]));
});

test('a second rotate between any two API calls of the first: one wins, the other deletes its own Secret; nothing is orphaned and FlyteAdmin works throughout', async () => {
  const base = await joined();
  await rotateCluster(request(), base.world.session(base.hub));
  const n = base.world.calls.length;
  for (let k = 0; k < n; k++) {
    const { world, hub, dp } = await joined();
    const old = hub.credentials().dp1_token!;
    const seen = watch(world, hub);
    let other: string | undefined;
    world.beforeCall = async (i) => {
      if (i !== k) return;
      other = await world.other(() =>
        rotateCluster(request(), world.session(hub, { actor: 'other' })).then(
          () => 'rotated',
          (e: Error) => e.message,
        ),
      );
    };
    let mine = 'rotated';
    try {
      await rotateCluster(request(), world.session(hub));
    } catch (e) {
      mine = (e as Error).message;
    }
    assert.is(other, 'rotated', `k=${k}: the concurrent rotate: ${other}`);
    if (mine !== 'rotated') {
      assert.match(mine, /changed while this rotate ran/, `k=${k}: ${mine}`);
      assert.match(mine, /the new Secret flyte\/flyteadmin-token-\w+ was deleted again/, `k=${k}: ${mine}`);
    }
    world.beforeCall = undefined;
    assertRotated(world, hub, dp, old, `second rotate at call ${k} (first: ${mine === 'rotated' ? 'rotated' : 'lost'})`);
    assert.equal(seen, [], `k=${k}`);
  }
});

test('a join of the same cluster between any two API calls of rotate (and a rotate inside a join): no token put back, none orphaned', async () => {
  const base = await joined();
  await rotateCluster(request(), base.world.session(base.hub));
  const n = base.world.calls.length;
  for (let k = 0; k < n; k++) {
    const { world, hub, dp } = await joined();
    const old = hub.credentials().dp1_token!;
    const seen = watch(world, hub);
    world.beforeCall = async (i) => {
      if (i === k)
        await world.other(() =>
          joinClusters([{ context: 'dp1', name: 'dp1', routes: [] }], { parallel: 1, force: false, restart: false }, world.session(hub, { actor: 'other' })),
        );
    };
    await rotateCluster(request(), world.session(hub));
    world.beforeCall = undefined;
    assertRotated(world, hub, dp, old, `join at rotate's call ${k}`);
    assert.equal(seen, [], `k=${k}`);
  }
  // the other way round: a rotate at each call of a join; the join never writes back the token the rotate replaced
  const j = await joined();
  await joinClusters([{ context: 'dp1', name: 'dp1', routes: [] }], { parallel: 1, force: false, restart: false }, j.world.session(j.hub));
  const m = j.world.calls.length;
  for (let k = 0; k < m; k++) {
    const { world, hub, dp } = await joined();
    const old = hub.credentials().dp1_token!;
    const seen = watch(world, hub);
    world.beforeCall = async (i) => {
      if (i === k) await world.other(() => rotateCluster(request(), world.session(hub, { actor: 'other' })));
    };
    const r = await joinClusters([{ context: 'dp1', name: 'dp1', routes: [] }], { parallel: 1, force: false, restart: false }, world.session(hub));
    for (const f of r.failures)
      assert.match(f.message, /token changed while this ran|disappeared while waiting for its token \(deleted by a concurrent rotate/, `k=${k}: ${f.message}`);
    world.beforeCall = undefined;
    assertRotated(world, hub, dp, old, `rotate at join's call ${k}`);
    assert.equal(seen, [], `k=${k}`);
  }
});

test('--no-restart: the old token stays valid (FlyteAdmin keeps it) and the outcome names --finish; --finish after a `kubectl rollout restart` revokes it without restarting again', async () => {
  const { world, hub, dp } = await joined();
  const old = hub.credentials().dp1_token!;
  const seen = watch(world, hub);
  const out = await rotateCluster(request({ restart: false }), world.session(hub));
  assert.match(out.kept ?? '', /have not restarted since the hub got the new token/);
  assert.match(out.finish, /--finish$/);
  assert.ok(dp.accepts(old), 'the old token was revoked');
  assert.is(hub.pods.get('flyte/flyteadmin')!.credentials.dp1_token, old, 'the running pods hold the old token');
  assert.is.not(hub.credentials().dp1_token, old);
  // the operator's own restart, as kubectl does it
  for (const name of ['flyteadmin', 'syncresources']) {
    const d = hub.deployments.get(NS, name);
    d.spec!.template.metadata!.annotations!['kubectl.kubernetes.io/restartedAt'] = new Date(Date.now() + 1000).toISOString();
    d.metadata!.generation! += 1;
    hub.deployments.put(NS, d);
  }
  world.calls.length = 0;
  const fin = await rotateCluster(request({ finish: true }), world.session(hub));
  assert.not.ok(
    world.calls.some((c) => /patchNamespacedDeployment/.test(c)),
    'restarted again',
  );
  assert.is(fin.revoked.length, 1);
  assertRotated(world, hub, dp, old, '--finish');
  assert.equal(seen, []);
  // nothing left: --finish again changes nothing
  const again = await rotateCluster(request({ finish: true }), world.session(hub));
  assert.equal(again.revoked, []);
});

test('rotate in a namespace where the cluster is not joined, while another namespace has it: exit 1 naming -n, nothing changed', async () => {
  const { world, hub } = await joined();
  try {
    await rotateCluster(request(), world.session(hub, { namespace: 'default' }));
    assert.unreachable('no error');
  } catch (e) {
    assert.is((e as FlytemcError).exitCode, 1);
    assert.match(
      (e as Error).message,
      /has no joined cluster "dp1" \(namespace default, from flytemc's default\); the Secret in namespace flyte has it\n {2}fix: rerun with -n flyte/,
    );
  }
  assert.not.ok(world.calls.some((c) => /create|replace|delete|patch/.test(c)));
});

test('--dry-run changes nothing and plans the steps in order', async () => {
  const { world, hub, dp } = await joined();
  const before = JSON.stringify([...dp.secrets.items.values()]) + JSON.stringify([...hub.secrets.items.values()]);
  const session = world.session(hub, { dryRun: true });
  await rotateCluster(request(), session);
  assert.is(JSON.stringify([...dp.secrets.items.values()]) + JSON.stringify([...hub.secrets.items.values()]), before);
  assert.equal(
    session.plan.changes.filter((c) => c.action !== 'unchanged').map((c) => `${c.action} ${c.object}`),
    [
      'create Secret flyte/' + session.plan.changes.find((c) => c.action === 'create')!.object.split('/')[1],
      'update Secret flyte/cluster-credentials',
      'restart Deployments flyte/flyteadmin, syncresources',
      'delete Secret flyte/flyteadmin-token',
    ],
  );
});

test('nothing to rotate: a cluster joined through a credential proxy (rotate.proxy), or another cluster behind the context (rotate.other-cluster): exit 1, nothing changed', async () => {
  const { world, hub, dp } = await joined();
  const creds = hub.secrets.get(NS, 'cluster-credentials');
  const records = JSON.parse(creds.metadata!.annotations!['flytemc.io/clusters']!);
  records.dp1.auth = 'eks';
  creds.metadata!.annotations!['flytemc.io/clusters'] = JSON.stringify(records);
  const token = creds.data!.dp1_token;
  delete creds.data!.dp1_token;
  hub.secrets.put(NS, creds);
  const proxied = await rotateCluster(request(), world.session(hub)).catch((e: FlytemcError) => e);
  assert.is((proxied as FlytemcError).problems[0]!.code, 'rotate.proxy');
  assert.is((proxied as FlytemcError).exitCode, 1);
  delete records.dp1.auth;
  records.dp1.uid = 'uid-elsewhere';
  creds.metadata!.annotations!['flytemc.io/clusters'] = JSON.stringify(records);
  creds.data!.dp1_token = token!;
  hub.secrets.put(NS, creds);
  const other = await rotateCluster(request(), world.session(hub)).catch((e: FlytemcError) => e);
  assert.is((other as FlytemcError).problems[0]!.code, 'rotate.other-cluster');
  assert.match((other as FlytemcError).problems[0]!.message, /kube-system UID uid-dp1, the hub recorded uid-elsewhere/);
  const never = await rotateCluster(request({ name: 'dp9' }), world.session(hub)).catch((e: FlytemcError) => e);
  assert.is((never as FlytemcError).problems[0]!.code, 'rotate.not-joined');
  assert.match((never as FlytemcError).problems[0]!.fix!, /join it first: flytemc join dp1 --name dp9/);
  assert.ok(dp.accepts(token ? Buffer.from(token, 'base64').toString() : ''));
});

test('a new token that does not work (rotate.token): its Secret deleted again, the hub keeps the old token; one that cannot be deleted is named for kubectl', async () => {
  const { world, hub, dp } = await joined();
  const old = hub.credentials().dp1_token!;
  const session = world.session(hub);
  session.reach = {
    ...session.reach,
    proveToken: async () => ({
      result: {
        ok: false,
        failed: 'token',
        reachable: true,
        tls: true,
        authenticated: false,
        permissions: false,
        missing: [],
        missingKinds: [],
        what: 'rejected',
        fix: 'look',
        ms: 0,
      },
      source: 'hub',
      pem: '',
    }),
  } as typeof session.reach;
  const e = (await rotateCluster(request(), session).catch((x: FlytemcError) => x)) as FlytemcError;
  assert.is(e.problems[0]!.code, 'rotate.token');
  assert.match(
    e.problems[0]!.fix!,
    /^look\. the hub keeps the old token, which works: FlyteAdmin is not affected; the new Secret flyte\/flyteadmin-token-\w+ was deleted again; rerun: /,
  );
  assert.is(hub.credentials().dp1_token, old);
  assert.equal(tokenSecrets(dp, hub).names, ['flyteadmin-token']);
  // the new Secret's delete fails too: named, with the kubectl command
  const s2 = world.session(hub);
  s2.reach = session.reach;
  world.beforeCall = (n, what) => {
    if (what === 'dp1 deleteNamespacedSecret') world.failAt = { call: n, after: false };
  };
  const e2 = (await rotateCluster(request(), s2).catch((x: FlytemcError) => x)) as FlytemcError;
  world.beforeCall = undefined;
  assert.match(
    e2.problems[0]!.fix!,
    /the new Secret flyte\/(flyteadmin-token-\w+), which nothing holds, could not be deleted: kubectl --context dp1 -n flyte delete secret flyteadmin-token-\w+/,
  );
});

test('rotateSummary: rotated, kept valid with how to finish, nothing to finish, a dry run; a context without TLS verification says so', async () => {
  const { world, hub } = await joined();
  const session = world.session(hub);
  const req = { context: 'dp1', name: 'dp1' };
  const out = await rotateCluster(request(), session);
  assert.match(
    rotateSummary(out, req, session),
    /\nrotated dp1: hub cp holds the token of Secret flyte\/flyteadmin-token-\w+; every pod of FlyteAdmin started after that; Secret flyte\/flyteadmin-token deleted and its token rejected by the API server\n$/,
  );
  assert.match(
    rotateSummary({ ...out, rolledOut: [], oldTokenRejectedAfterMs: undefined as unknown as number }, req, session),
    /no FlyteAdmin runs in flyte to restart; Secret flyte\/flyteadmin-token deleted\n$/,
  );
  assert.match(
    rotateSummary({ ...out, kept: 'pods may hold it' }, req, session),
    /the old token stays valid: pods may hold it\.\nOnce flyteadmin and syncresources have restarted .*revoke it:\n {2}flytemc rotate dp1 .* --finish\n$/s,
  );
  assert.match(rotateSummary({ ...out, revoked: [] }, req, session), /dp1: nothing to finish: hub cp holds the token/);
  const dry = world.session(hub, { dryRun: true });
  const planned = await rotateCluster(request(), dry);
  assert.match(rotateSummary(planned, req, dry), /\ndry run: nothing was changed\. dp1 would get a new token from Secret flyte\/flyteadmin-token-\w+\n$/);
});

test.run();
