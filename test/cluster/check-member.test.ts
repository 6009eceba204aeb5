// plugin/cluster/check-member.ts: which context checks a member, and the member's side on fakes: no context, another cluster, a context that fails, a proxied identity's permissions, the TLS note.
import { test } from '../helpers/uvu.ts';
import * as assert from 'uvu/assert';
import { memberContext, withMemberSide, type MemberContext } from '../../plugin/cluster/check-member.ts';
import { blankRow, type CheckRow } from '../../plugin/cluster/check-report.ts';
import { readCredentials } from '../../plugin/cluster/hub.ts';
import type { Kube } from '../../plugin/cluster/kube.ts';
import { ACCESS_CHECKS } from '../../plugin/config/rbac.ts';
import { FlytemcError, error } from '../../plugin/problems/problems.ts';
import { World, type FakeCluster } from '../helpers/fake-kube.ts';
import { NS, dataPlane } from '../helpers/check-fixtures.ts';

test('memberContext: the hub for inCluster; else a context whose server is the endpoint (trailing slashes aside), the one named like the cluster first', () => {
  const contexts = [
    { name: 'a', server: 'https://10.0.0.1:6443/' },
    { name: 'dp1', server: 'https://10.0.0.1:6443' },
    { name: 'b', server: 'https://10.0.0.2:6443' },
    { name: 'none' },
  ];
  assert.is(memberContext({ name: 'dp1', endpoint: 'https://10.0.0.1:6443' }, 'hub', contexts), 'dp1');
  assert.is(memberContext({ name: 'other', endpoint: 'https://10.0.0.1:6443/' }, 'hub', contexts), 'a');
  assert.is(memberContext({ name: 'x', endpoint: 'https://10.9.9.9:6443' }, 'hub', contexts), undefined);
  assert.is(memberContext({ name: 'local', inCluster: true }, 'hub', contexts), 'hub');
});

/** A hub, a data plane dp1 running flytepropeller, and what withMemberSide reads. */
async function setUp(records: Record<string, unknown> = {}): Promise<{ m: MemberContext; world: World; hub: FakeCluster; dp: FakeCluster }> {
  const world = new World();
  const hub = world.cluster('cp');
  const dp = world.cluster('dp1');
  dataPlane(dp, 'dp1', { ageS: 1 });
  hub.secrets.put(NS, { metadata: { name: 'cluster-credentials', namespace: NS, annotations: { 'flytemc.io/clusters': JSON.stringify(records) } } });
  const m: MemberContext = {
    hub: hub.kube,
    ns: NS,
    secretName: 'cluster-credentials',
    list: { source: 'values.yaml', clusters: [] },
    deployed: undefined,
    creds: await readCredentials(hub.kube, NS, 'cluster-credentials'),
    clustersConfig: undefined,
    checks: ACCESS_CHECKS,
    timeoutMs: 1000,
    reach: world.reach,
    members: {
      kube: { timeoutMs: 1000 },
      contexts: [
        { name: 'cp', server: hub.server },
        { name: 'dp1', server: dp.server },
      ],
    },
    storage: undefined,
    routes: undefined,
  };
  return { m, world, hub, dp };
}

const okRow = (name: string, over: Partial<CheckRow> = {}): CheckRow => ({
  ...blankRow({ name }),
  verdict: 'ok',
  findings: [{ check: 'token', ok: true }],
  ...over,
});

test("withMemberSide: the member's findings after the hub's, through the context whose server is the endpoint; inCluster through the hub (skip becomes ok)", async () => {
  const { m, dp, hub } = await setUp({ dp1: { endpoint: 'x', uid: 'uid-dp1' } });
  const row = await withMemberSide(m, okRow('dp1'), { name: 'dp1', endpoint: dp.server });
  assert.is(row.memberContext, 'dp1');
  assert.is(row.memberTlsVerified, undefined);
  assert.equal(
    row.findings.map((f) => f.check),
    ['token', 'installed', 'alive', 'admin', 'catalog', 'cluster-id', 'storage'],
  );
  assert.is(row.verdict, 'ok');
  dataPlane(hub, 'local', { ageS: 1 });
  const local = await withMemberSide(m, okRow('local', { verdict: 'skip' }), { name: 'local', inCluster: true });
  assert.is(local.memberContext, 'cp');
  assert.is(local.verdict, 'ok');
  dp.leases.delete(NS, 'propeller-leader');
  assert.is((await withMemberSide(m, okRow('dp1'), { name: 'dp1', endpoint: dp.server })).verdict, 'fail');
});

test('withMemberSide: no context reaches it; a context reaching another cluster than the one joined; a context that fails is a note, not a failure', async () => {
  const { m, dp } = await setUp({ dp1: { endpoint: 'x', uid: 'uid-other' } });
  const none = await withMemberSide(m, okRow('x'), { name: 'x', endpoint: 'https://nowhere' });
  assert.equal(none.findings.at(-1), {
    check: 'installed',
    ok: null,
    problem: "no context of your kubeconfig reaches https://nowhere: the data plane's side was not checked",
    fix: 'add a context for it (its server must be the endpoint above), or pass --hub-only',
  });
  const other = await withMemberSide(m, okRow('dp1'), { name: 'dp1', endpoint: dp.server });
  assert.match(other.findings.at(-1)!.problem!, /^context dp1 reaches another cluster than the one joined as dp1 \(kube-system UID differs\)/);
  assert.is(other.verdict, 'ok');
  const refused = {
    ...m,
    reach: {
      ...m.reach,
      connect: async () => {
        throw new FlytemcError([error('kubeconfig', 'no context "dp1"', 'use one of: cp')]);
      },
    },
  };
  const note = await withMemberSide(refused, okRow('dp1'), { name: 'dp1', endpoint: dp.server });
  assert.equal(note.findings.at(-1), {
    check: 'installed',
    ok: null,
    problem: `the data plane's side was not checked: context dp1: no context "dp1"`,
    fix: 'use one of: cp',
  });
  const bug = {
    ...m,
    reach: {
      ...m.reach,
      connect: async () => {
        throw new TypeError('a bug');
      },
    },
  };
  try {
    await withMemberSide(bug, okRow('dp1'), { name: 'dp1', endpoint: dp.server });
    assert.unreachable();
  } catch (e) {
    assert.instance(e, TypeError, 'a bug is not a finding');
  }
});

test('withMemberSide: a context reached without TLS verification is marked on the row', async () => {
  const { m, dp } = await setUp();
  const unverified = { ...m, reach: { ...m.reach, connect: async () => ({ ...dp.kube, tlsVerified: false }) as Kube } };
  const row = await withMemberSide(unverified, okRow('dp1'), { name: 'dp1', endpoint: dp.server });
  assert.is(row.memberTlsVerified, false);
});

test("withMemberSide, proxied: the identity's permissions by SubjectAccessReview take the place of the hub's unchecked one; no identity is a note", async () => {
  const { m, dp } = await setUp();
  const proxied = (identity?: string) => ({
    name: 'dp1',
    endpoint: 'http://127.0.0.1:17101',
    credentialProxy: { exec: { command: 'x' }, server: dp.server, ...(identity ? { identity } : {}) },
  });
  const hubRow = okRow('dp1', {
    proxied: true,
    findings: [
      { check: 'token', ok: true },
      { check: 'permissions', ok: null },
    ],
  });
  const noIdentity = await withMemberSide(m, hubRow, proxied());
  assert.equal(
    noIdentity.findings.filter((f) => f.check === 'permissions').map((f) => f.ok),
    [null],
  );
  assert.match(noIdentity.findings.find((f) => f.check === 'permissions')!.problem!, /credentialProxy\.identity of dp1 is not set/);
  const denied = await withMemberSide(m, hubRow, proxied('arn:proxy'));
  const p = denied.findings.find((f) => f.check === 'permissions')!;
  assert.is(p.ok, false);
  assert.match(p.problem!, /^arn:proxy \(the credential proxy's identity\) may not, of what FlyteAdmin needs \(\d+ of \d+ SubjectAccessReviews denied\)/);
  assert.match(
    p.fix!,
    /^bind ClusterRole flyte-flyteadmin to it in the data plane: flytemc join dp1 --name dp1 --kube-context cp -n flyte --auth \.\.\. --identity arn:proxy$/,
  );
  assert.is(denied.permissions, false);
  assert.is(denied.verdict, 'fail');
  dp.clusterRoles.put(undefined, { metadata: { name: 'all' }, rules: [{ apiGroups: ['*'], resources: ['*'], verbs: ['*'] }] } as never);
  dp.bindings.put(undefined, {
    metadata: { name: 'all' },
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'all' },
    subjects: [{ kind: 'User', name: 'arn:proxy' }],
  } as never);
  const allowed = await withMemberSide(m, hubRow, proxied('arn:proxy'));
  assert.is(allowed.permissions, true);
  assert.match(allowed.findings.find((f) => f.check === 'permissions')!.value!, /^arn:proxy: all \d+ \(resource, verb\) pairs/);
});

test.run();
