// plugin/cluster/join-member.ts against fakes of flytemc's Kube (test/helpers/fake-kube.ts): steps 1-6 of a token join, each refusal before anything changes, a token that does not work, a dry run, a second join that changes nothing, and a concurrent rotate that wins.
import { test } from '../helpers/uvu.ts';
import * as assert from 'uvu/assert';
import { checkEndpoint, identify, joinWithToken, type JoinRequest } from '../../plugin/cluster/join-member.ts';
import { joinClusters } from '../../plugin/cluster/join.ts';
import { ConcurrentChange, hubStore, type CredentialStore } from '../../plugin/cluster/hub.ts';
import { joinCreation } from '../../plugin/cluster/member.ts';
import { EXIT, error, whereOf } from '../../plugin/problems/problems.ts';
import { World, type FakeCluster } from '../helpers/fake-kube.ts';

const NS = 'flyte';
const setup = () => {
  const world = new World();
  const hub = world.cluster('cp');
  hub.namespaces.add(NS);
  const dp = world.cluster('dp1');
  return { world, hub, dp };
};
const join1 = (
  world: World,
  hub: FakeCluster,
  o: { force?: boolean; rbac?: 'minimal'; dryRun?: boolean; endpoint?: string } = {},
  session = world.session(hub, { dryRun: o.dryRun ?? false }),
) =>
  joinClusters(
    [{ context: 'dp1', name: 'dp1', routes: [], ...(o.endpoint ? { endpoint: o.endpoint } : {}) }],
    { parallel: 1, force: o.force ?? false, restart: false, ...(o.rbac ? { rbac: o.rbac } : {}) },
    session,
  );
const propeller = (dp: FakeCluster, ns: string, id?: string) =>
  dp.deployments.put(ns, {
    metadata: { name: 'flytepropeller', namespace: ns },
    spec: { selector: {}, template: { spec: { containers: [{ name: 'flytepropeller', args: id ? [`--propeller.cluster-id=${id}`] : [] }] } } },
  });

test('a token join: every object, the token proven, the hub written; the same join again changes nothing and says so', async () => {
  const { world, hub, dp } = setup();
  propeller(dp, NS, 'dp1');
  const session = world.session(hub);
  const r = await join1(world, hub, {}, session);
  assert.equal(r.failures, []);
  assert.ok(r.joined[0]!.hubChanged);
  assert.is(r.joined[0]!.caSource, 'kubeconfig');
  assert.is(hub.credentials().dp1_token, dp.tokenOf(NS, 'flyteadmin-token'));
  const notes = session.plan.changes.map((c) => `${c.action} ${c.object}${c.note ? ` (${c.note})` : ''}`);
  assert.ok(notes.includes('check Deployment flyte/flytepropeller (reports as cluster "dp1")'), notes.join('\n'));
  assert.ok(
    notes.some((n) =>
      /^check token of ServiceAccount flyte\/flyteadmin \(ok: system:serviceaccount:flyte:flyteadmin over TLS verified with the kubeconfig CA/.test(n),
    ),
  );
  const again = world.session(hub);
  const r2 = await join1(world, hub, {}, again);
  assert.not.ok(r2.joined[0]!.hubChanged);
  assert.equal(
    again.plan.changes.filter((c) => !['unchanged', 'check'].includes(c.action)),
    [],
    'a second join changes nothing',
  );
});

test('a flytepropeller reporting another name: refused before anything is created (join.identity, exit 3); --force joins with a warning; the default id is accepted', async () => {
  const { world, hub, dp } = setup();
  dp.namespaces.add(NS);
  propeller(dp, NS, 'other');
  const r = await join1(world, hub);
  assert.is(r.exitCode, EXIT.failed);
  assert.is(r.failures[0]!.code, 'join.identity');
  assert.not.ok(dp.serviceAccounts.has(NS, 'flyteadmin'));
  const session = world.session(hub);
  const forced = await join1(world, hub, { force: true }, session);
  assert.equal(forced.failures, []);
  assert.is(forced.warnings[0]!.code, 'join.identity');
  assert.ok(session.plan.changes.some((c) => c.note === 'reports as cluster "other", joined as "dp1" (--force)'));
  const { world: w2, hub: h2, dp: d2 } = setup();
  propeller(d2, NS);
  const s2 = w2.session(h2);
  await join1(w2, h2, {}, s2);
  assert.ok(s2.plan.changes.some((c) => c.note === 'reports the default cluster id "propeller", which FlyteAdmin accepts'));
});

test('flytepropeller only in another namespace: refused naming it and -n (join.namespace); --force joins in the namespace asked, with a warning', async () => {
  const { world, hub, dp } = setup();
  propeller(dp, 'flyte-dp');
  const r = await join1(world, hub);
  assert.is(r.failures[0]!.code, 'join.namespace');
  assert.match(r.failures[0]!.fix!, /rerun with -n flyte-dp \(or --force to join in flyte anyway\)/);
  const forced = await join1(world, hub, { force: true });
  assert.equal(forced.failures, []);
  assert.match(forced.warnings[0]!.message, /^--force: flytepropeller runs in namespace flyte-dp/);
});

test('an endpoint that is not https: that cluster fails (join.endpoint, exit 3 in join), nothing created', async () => {
  const { world, hub, dp } = setup();
  const r = await join1(world, hub, { endpoint: 'http://dp1.example:6443' });
  assert.is(r.exitCode, EXIT.failed);
  assert.is(r.failures[0]!.code, 'join.endpoint');
  assert.not.ok(dp.namespaces.has(NS));
  assert.is(checkEndpoint('https://dp1.example:6443//', 'x'), 'https://dp1.example:6443');
});

test('a token the API server rejects: join.token naming the failure and that the hub was not changed', async () => {
  const { world, hub } = setup();
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
        what: 'the API server rejects the token (401 Unauthorized)',
        ms: 0,
      },
      source: 'kubeconfig',
      pem: '',
    }),
  } as typeof session.reach;
  const r = await join1(world, hub, {}, session);
  const p = r.failures[0]!;
  assert.is(p.code, 'join.token');
  assert.is(whereOf(p), 'cluster dp1 (https://dp1.example:6443)');
  assert.is(p.fix, '; the hub was not changed');
  assert.equal(hub.credentials(), {});
});

test('a dry run on a fresh cluster plans the token steps and the hub Secret (create, or update when it exists), and writes nothing', async () => {
  const { world, hub, dp } = setup();
  const session = world.session(hub, { dryRun: true });
  const r = await join1(world, hub, {}, session);
  assert.ok(r.joined[0]!.hubChanged);
  assert.equal(
    session.plan.changes.slice(-2).map((c) => `${c.action} ${c.object}`),
    ['skip token of ServiceAccount flyte/flyteadmin', 'create Secret flyte/cluster-credentials'],
  );
  assert.not.ok(dp.namespaces.has(NS));
  hub.secrets.put(NS, { metadata: { name: 'cluster-credentials', namespace: NS }, data: {} });
  const s2 = world.session(hub, { dryRun: true });
  await join1(world, hub, {}, s2);
  assert.is(s2.plan.changes.at(-1)!.action, 'update');
});

test('a concurrent rotate that wins the hub: the token Secret this join created is deleted again (held by nothing), and the refusal is passed on', async () => {
  const { world, hub, dp } = setup();
  const session = world.session(hub);
  const real = hubStore(hub.kube, NS, 'cluster-credentials', session.plan);
  const store: CredentialStore = {
    ...real,
    read: async () => ({ exists: true, records: { dp1: { uid: dp.uid, endpoint: dp.server, tokenSecret: 'flyteadmin-token-x', namespace: NS } } }),
    upsert: async () => {
      throw new ConcurrentChange([error('hub cp', 'changed meanwhile')], EXIT.failed);
    },
  };
  const req: JoinRequest = { context: 'dp1', name: 'dp1', routes: [] };
  const member = await identify(req, store, session);
  try {
    await joinWithToken(req, member, store, session, joinCreation('dp1', { release: 'flyte', namespace: NS }));
    assert.unreachable();
  } catch (e) {
    assert.instance(e, ConcurrentChange);
  }
  assert.not.ok(dp.secrets.has(NS, 'flyteadmin-token-x'), 'the Secret join created is gone');
  assert.ok(session.plan.changes.some((c) => c.action === 'delete' && c.note === 'the hub holds a newer token'));
});

test('--rbac minimal: the ClusterRole has exactly what the templates need', async () => {
  const { world, hub, dp } = setup();
  await join1(world, hub, { rbac: 'minimal' });
  assert.is(dp.clusterRoles.get(undefined, 'flyte-flyteadmin').metadata!.labels!['flytemc.io/rbac'], 'minimal');
});

test.run();
