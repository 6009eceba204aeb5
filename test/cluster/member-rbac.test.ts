// plugin/cluster/member-rbac.ts against a fake Kube (test/helpers/fake-kube.ts): each object created, left as it is, completed or refused, and removed only when join created it and no Helm release adopted it.
import { test } from '../helpers/uvu.ts';
import * as assert from 'uvu/assert';
import { deleteRbac, ensureClusterRole, ensureClusterRoleBinding, ensureServiceAccount, subjectOf } from '../../plugin/cluster/member-rbac.ts';
import { joinCreation } from '../../plugin/cluster/member.ts';
import { Plan } from '../../plugin/cluster/plan.ts';
import { FLYTEADMIN_RULES, minimalRules, DEFAULT_NEEDS } from '../../plugin/config/rbac.ts';
import { EXIT, FlytemcError, whereOf } from '../../plugin/problems/problems.ts';
import { World } from '../helpers/fake-kube.ts';

const NS = 'flyte';
const creation = joinCreation('dp1', { release: 'flyte', namespace: NS });
const fresh = () => {
  const world = new World();
  const dp = world.cluster('dp1');
  dp.namespaces.add(NS);
  return { world, dp, m: dp.kube };
};
const actions = (plan: Plan) => plan.changes.map((c) => `${c.action} ${c.object}${c.note ? ` (${c.note})` : ''}`);

test('ServiceAccount: created with the ownership metadata; an existing one is left, naming who manages it; a dry run writes nothing', async () => {
  const { dp, m } = fresh();
  const dry = new Plan(true);
  await ensureServiceAccount(m, NS, creation, dry);
  assert.equal(actions(dry), ['create ServiceAccount flyte/flyteadmin']);
  assert.not.ok(dp.serviceAccounts.has(NS, 'flyteadmin'));
  const plan = new Plan(false);
  await ensureServiceAccount(m, NS, creation, plan);
  await ensureServiceAccount(m, NS, creation, plan);
  assert.equal(dp.serviceAccounts.get(NS, 'flyteadmin').metadata!.labels, creation.labels);
  assert.equal(actions(plan), ['create ServiceAccount flyte/flyteadmin', 'unchanged ServiceAccount flyte/flyteadmin']);
  dp.serviceAccounts.put(NS, { metadata: { name: 'flyteadmin', namespace: NS, labels: { 'app.kubernetes.io/managed-by': 'Helm' } } });
  const again = new Plan(false);
  await ensureServiceAccount(m, NS, creation, again);
  assert.equal(actions(again), ['unchanged ServiceAccount flyte/flyteadmin (managed by Helm)']);
});

test("ClusterRole: flyte-core's rules created; another tool's role that lacks some gets them added; one that covers them is left; --rbac minimal narrows ours and notes another's broader one", async () => {
  const { dp, m } = fresh();
  const minimal = { rules: minimalRules(DEFAULT_NEEDS), minimal: true };
  const plan = new Plan(false);
  await ensureClusterRole(m, NS, creation, plan);
  assert.equal(dp.clusterRoles.get(undefined, 'flyte-flyteadmin').rules, FLYTEADMIN_RULES);
  await ensureClusterRole(m, NS, creation, plan);
  await ensureClusterRole(m, NS, creation, plan, minimal);
  assert.equal(dp.clusterRoles.get(undefined, 'flyte-flyteadmin').rules, minimal.rules, 'ours: exactly the minimal rules');
  assert.is(dp.clusterRoles.get(undefined, 'flyte-flyteadmin').metadata!.labels!['flytemc.io/rbac'], 'minimal');
  assert.equal(actions(plan), [
    'create ClusterRole flyte-flyteadmin',
    'unchanged ClusterRole flyte-flyteadmin',
    'update ClusterRole flyte-flyteadmin (minimal: exactly what FlyteAdmin needs)',
  ]);
  // another tool's role: one narrow rule, then flyte-core's added
  dp.clusterRoles.put(undefined, {
    metadata: { name: 'flyte-flyteadmin', labels: { 'app.kubernetes.io/managed-by': 'Helm' } },
    rules: [{ apiGroups: [''], resources: ['pods'], verbs: ['get'] }],
  });
  const theirs = new Plan(false);
  await ensureClusterRole(m, NS, creation, theirs);
  assert.equal(dp.clusterRoles.get(undefined, 'flyte-flyteadmin').rules!.length, 1 + FLYTEADMIN_RULES.length);
  await ensureClusterRole(m, NS, creation, theirs, minimal);
  assert.equal(actions(theirs), [
    'update ClusterRole flyte-flyteadmin (adds the rules FlyteAdmin needs)',
    'unchanged ClusterRole flyte-flyteadmin (managed by Helm and broader than minimal: set multicluster.dataPlane.rbac=minimal on the data-plane release)',
  ]);
  assert.match(theirs.changes[0]!.before!, /rules:/);
  const { dp: dp2, m: m2 } = fresh();
  const created = new Plan(false);
  await ensureClusterRole(m2, NS, creation, created, minimal);
  assert.equal(actions(created), ['create ClusterRole flyte-flyteadmin (minimal: what the cluster-resource templates and FlyteWorkflow objects need)']);
  assert.equal(dp2.clusterRoles.get(undefined, 'flyte-flyteadmin').rules, minimal.rules);
});

test('ClusterRoleBinding: created for the ServiceAccount; a subject added to a binding without it; another roleRef refused with how to go on (join.role-ref, exit 3)', async () => {
  const { dp, m } = fresh();
  const plan = new Plan(false);
  await ensureClusterRoleBinding(m, NS, creation, plan);
  await ensureClusterRoleBinding(m, NS, creation, plan);
  await ensureClusterRoleBinding(m, NS, creation, plan, subjectOf('flytemc-flyteadmin'));
  await ensureClusterRoleBinding(m, NS, creation, plan, subjectOf('system:serviceaccount:other:proxy'));
  assert.equal(actions(plan), [
    'create ClusterRoleBinding flyte-flyteadmin-binding',
    'unchanged ClusterRoleBinding flyte-flyteadmin-binding',
    'update ClusterRoleBinding flyte-flyteadmin-binding (adds User flytemc-flyteadmin)',
    'update ClusterRoleBinding flyte-flyteadmin-binding (adds ServiceAccount other/proxy)',
  ]);
  assert.equal(dp.bindings.get(undefined, 'flyte-flyteadmin-binding').subjects!.length, 3);
  dp.bindings.put(undefined, {
    metadata: { name: 'flyte-flyteadmin-binding' },
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'admin' },
  });
  try {
    await ensureClusterRoleBinding(m, NS, creation, new Plan(false));
    assert.unreachable();
  } catch (e) {
    assert.instance(e, FlytemcError);
    const p = (e as FlytemcError).problems[0]!;
    assert.is((e as FlytemcError).exitCode, EXIT.failed);
    assert.is(p.code, 'join.role-ref');
    assert.is(whereOf(p), 'context dp1: ClusterRoleBinding flyte-flyteadmin-binding');
    assert.match(p.fix!, /kubectl --context dp1 delete clusterrolebinding flyte-flyteadmin-binding\) and rerun join/);
  }
});

test('subjectOf: a ServiceAccount user name becomes a ServiceAccount subject, anything else a User', () => {
  assert.equal(subjectOf('system:serviceaccount:flyte:flyteadmin'), { kind: 'ServiceAccount', name: 'flyteadmin', namespace: 'flyte' });
  assert.equal(subjectOf('arn:aws:iam::1:role/x'), { kind: 'User', apiGroup: 'rbac.authorization.k8s.io', name: 'arn:aws:iam::1:role/x' });
});

test("deleteRbac: join's objects deleted; another tool's kept; join's adopted by a stored Helm release kept; absent ones said; a failing delete names the context", async () => {
  const { dp, m, world } = fresh();
  const plan = new Plan(false);
  await ensureServiceAccount(m, NS, creation, plan);
  await ensureClusterRole(m, NS, creation, plan);
  await ensureClusterRoleBinding(m, NS, creation, plan);
  // the release is stored: the binding and role were adopted
  dp.secrets.put(NS, { metadata: { name: 'sh.helm.release.v1.flyte.v1', namespace: NS, labels: { owner: 'helm', name: 'flyte' } } });
  const kept = new Plan(false);
  await deleteRbac(m, NS, kept);
  assert.equal(
    actions(kept).map((a) => a.replace(/ \(.*/, '')),
    ['skip ClusterRoleBinding flyte-flyteadmin-binding', 'skip ClusterRole flyte-flyteadmin', 'skip ServiceAccount flyte/flyteadmin'],
  );
  assert.match(kept.changes[0]!.note!, /adopted since by Helm release flyte\/flyte/);
  dp.secrets.delete(NS, 'sh.helm.release.v1.flyte.v1');
  dp.serviceAccounts.put(NS, { metadata: { name: 'flyteadmin', namespace: NS } });
  world.failAt = { call: world.calls.length + 3, after: false }; // the binding's delete
  try {
    await deleteRbac(m, NS, new Plan(false));
    assert.unreachable();
  } catch (e) {
    assert.instance(e, FlytemcError);
    assert.match(whereOf((e as FlytemcError).problems[0]!), /context dp1/);
  }
  const gone = new Plan(false);
  await deleteRbac(m, NS, gone);
  assert.equal(actions(gone), [
    'delete ClusterRoleBinding flyte-flyteadmin-binding',
    'delete ClusterRole flyte-flyteadmin',
    'skip ServiceAccount flyte/flyteadmin (kept: managed by another tool (uninstall the data-plane release to remove it))',
  ]);
  const none = new Plan(false);
  await deleteRbac(m, NS, none);
  assert.equal(actions(none).slice(0, 2), ['absent ClusterRoleBinding flyte-flyteadmin-binding', 'absent ClusterRole flyte-flyteadmin']);
});

test("every write names field manager flytemc (a conflicting server-side apply, such as Helm 4's, then names flytemc)", async () => {
  const { dp } = fresh();
  const writes: string[] = [];
  const spy = <T extends object>(api: T): T =>
    new Proxy(api, {
      get: (t, k) => {
        const f = (t as Record<string | symbol, unknown>)[k];
        if (typeof f !== 'function' || !/^(create|replace)/.test(String(k))) return f;
        return (p: { fieldManager?: string }) => {
          writes.push(`${String(k)} ${p.fieldManager}`);
          return f(p);
        };
      },
    });
  const m = { ...dp.kube, core: spy(dp.kube.core), rbac: spy(dp.kube.rbac) } as typeof dp.kube;
  const plan = new Plan(false);
  await ensureServiceAccount(m, NS, creation, plan);
  await ensureClusterRole(m, NS, creation, plan);
  await ensureClusterRoleBinding(m, NS, creation, plan);
  await ensureClusterRole(m, NS, creation, plan, { rules: minimalRules(DEFAULT_NEEDS), minimal: true });
  await ensureClusterRoleBinding(m, NS, creation, plan, subjectOf('someone'));
  assert.equal(writes, [
    'createNamespacedServiceAccount flytemc',
    'createClusterRole flytemc',
    'createClusterRoleBinding flytemc',
    'replaceClusterRole flytemc',
    'replaceClusterRoleBinding flytemc',
  ]);
});

test.run();
