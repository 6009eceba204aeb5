// plugin/cluster/join-proxy.ts against fakes of flytemc's Kube (test/helpers/fake-kube.ts): a join through a credential proxy, each of its refusals before the hub is touched, a dry run, and a token joined before that stays.
import { test } from '../helpers/uvu.ts';
import * as assert from 'uvu/assert';
import { joinClusters } from '../../plugin/cluster/join.ts';
import type { Kube } from '../../plugin/cluster/kube.ts';
import { proxyJoin } from '../../plugin/config/workload-identity.ts';
import { EXIT, whereOf } from '../../plugin/problems/problems.ts';
import { World, type FakeCluster } from '../helpers/fake-kube.ts';

const NS = 'flyte';
const setup = () => {
  const world = new World();
  const hub = world.cluster('cp');
  hub.namespaces.add(NS);
  const dp = world.cluster('dp1');
  return { world, hub, dp };
};
const eks = proxyJoin({ auth: 'eks', name: 'dp1', region: 'us-east-1' })!;
const podIdentity = proxyJoin({ auth: 'exec', name: 'dp1', 'exec-command': 'p', identity: 'system:serviceaccount:flyte:flyteadmin' })!;
const joinVia = (world: World, hub: FakeCluster, proxy = eks, session = world.session(hub)) =>
  joinClusters([{ context: 'dp1', name: 'dp1', routes: [], proxy }], { parallel: 1, force: false, restart: false }, session);

test('through a proxy: RBAC bound to its identity (a ServiceAccount identity gets its ServiceAccount), proven by SubjectAccessReview, only the CA in the hub; again: nothing changes', async () => {
  const { world, hub, dp } = setup();
  const session = world.session(hub);
  const r = await joinVia(world, hub, podIdentity, session);
  assert.equal(r.failures, []);
  assert.ok(dp.serviceAccounts.has(NS, 'flyteadmin'));
  assert.equal(dp.secrets.list(NS), []);
  assert.equal(Object.keys(hub.credentials()), ['dp1_cacert']);
  assert.ok(
    session.plan.changes.some((c) => c.object === 'user system:serviceaccount:flyte:flyteadmin' && /^may do all \d+ \(resource, verb\) pairs/.test(c.note!)),
  );
  const again = await joinVia(world, hub, podIdentity);
  assert.not.ok(again.joined[0]!.hubChanged);
});

test('no CA in the kubeconfig (join.proxy-ca), an API server the proxy cannot reach over TLS (join.proxy-unreachable): refused, the hub not changed', async () => {
  const { world, hub, dp } = setup();
  const noCa = world.session(hub);
  noCa.reach = { ...noCa.reach, connect: async () => ({ ...dp.kube, caPem: undefined }) as unknown as Kube };
  const r = await joinVia(world, hub, eks, noCa);
  assert.is(r.exitCode, EXIT.failed);
  assert.is(r.failures[0]!.code, 'join.proxy-ca');
  assert.is(whereOf(r.failures[0]!), 'cluster dp1 (https://dp1.example:6443)');
  const unreachable = world.session(hub);
  unreachable.reach = { ...unreachable.reach, reachServer: async () => ({ reachable: false, tls: false, what: 'connection refused', fix: 'open the port' }) };
  const r2 = await joinVia(world, hub, eks, unreachable);
  assert.is(r2.failures[0]!.code, 'join.proxy-unreachable');
  assert.is(r2.failures[0]!.fix, 'open the port; the hub was not changed');
  assert.equal(hub.credentials(), {});
});

test('an identity denied what FlyteAdmin needs: refused (join.proxy-permissions); in a dry run, where the binding does not exist yet, a note that it is asked on the real run', async () => {
  const { world, hub, dp } = setup();
  world.beforeCall = (_n, what) => {
    if (what === 'dp1 createSubjectAccessReview') {
      const b = dp.bindings.items.get('/flyte-flyteadmin-binding');
      if (b) b.subjects = [];
    }
  };
  const r = await joinVia(world, hub);
  assert.is(r.failures[0]!.code, 'join.proxy-permissions');
  assert.match(r.failures[0]!.fix!, /bind ClusterRole flyte-flyteadmin to it .*; the hub was not changed/);
  world.beforeCall = undefined;
  const { world: w2, hub: h2 } = setup();
  const dry = w2.session(h2, { dryRun: true });
  const planned = await joinVia(w2, h2, eks, dry);
  assert.equal(planned.failures, []);
  assert.ok(dry.plan.changes.some((c) => c.note === 'its permissions are asked (SubjectAccessReview) on the real run, once the binding exists'));
});

test('a cluster joined with a token before: the token stays in the hub and a warning says when to remove it (join.proxy-old-token)', async () => {
  const { world, hub } = setup();
  await joinClusters([{ context: 'dp1', name: 'dp1', routes: [] }], { parallel: 1, force: false, restart: false }, world.session(hub));
  const r = await joinVia(world, hub);
  assert.ok(Object.keys(hub.credentials()).includes('dp1_token'));
  const w = r.warnings.find((x) => x.code === 'join.proxy-old-token')!;
  assert.match(w.fix!, /kubectl --context dp1 -n flyte delete secret flyteadmin-token/);
});

test.run();
