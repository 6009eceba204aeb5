// plugin/cluster/member.ts against a fake Kube (test/helpers/fake-kube.ts): the physical cluster's identity, what its flytepropeller reports, where it runs, the marks on what flytemc creates, and what an identity may do (SubjectAccessReviews).
import { test } from '../helpers/uvu.ts';
import * as assert from 'uvu/assert';
import type { Kube } from '../../plugin/cluster/kube.ts';
import {
  clusterUid,
  createdByFlytemc,
  deniedTo,
  flagValue,
  identityProblem,
  joinCreation,
  propellerElsewhere,
  readDataPlane,
  rotateCreation,
} from '../../plugin/cluster/member.ts';
import { accessChecks, DEFAULT_NEEDS } from '../../plugin/config/rbac.ts';
import { EXIT, FlytemcError, whereOf } from '../../plugin/problems/problems.ts';
import { World } from '../helpers/fake-kube.ts';

const NS = 'flyte';
const httpError = (code: number) => Object.assign(new Error(`HTTP ${code}`), { code, body: '{}' });

test('identity: --propeller.cluster-id read from the command line; another name refused, the default accepted, --force warns', () => {
  assert.is(flagValue(['flytepropeller', '--config', '/etc/flyte/config/*.yaml', '--propeller.cluster-id', 'dp-a'], '--propeller.cluster-id'), 'dp-a');
  assert.is(flagValue(['--propeller.cluster-id=dp-a'], '--propeller.cluster-id'), 'dp-a');
  assert.is(flagValue(['--other'], '--propeller.cluster-id'), undefined);
  const installed = { deployment: 'Deployment flyte/flytepropeller', clusterId: 'dp-a', release: 'flyte' };
  const p = identityProblem(installed, 'dp-b', 'ctx', false)!;
  assert.is(p.severity, 'error');
  assert.is(p.code, 'join.identity');
  assert.is(whereOf(p), 'context ctx: Deployment flyte/flytepropeller (Helm release flyte)');
  assert.match(p.message, /reports as cluster "dp-a" .* joined as "dp-b"/);
  assert.match(p.fix ?? '', /--name dp-a.*--force/);
  const forced = identityProblem({ deployment: 'Deployment flyte/flytepropeller', clusterId: 'dp-a' }, 'dp-b', 'ctx', true)!;
  assert.is(forced.severity, 'warning');
  assert.is(whereOf(forced), 'context ctx: Deployment flyte/flytepropeller');
  assert.not.match(forced.fix!, /--force/);
  assert.is(identityProblem(installed, 'dp-a', 'ctx', false), undefined);
  assert.is(identityProblem({ ...installed, clusterId: '' }, 'dp-b', 'ctx', false), undefined, 'the default id is accepted by FlyteAdmin');
  assert.is(identityProblem({}, 'dp-b', 'ctx', false), undefined, 'nothing installed yet');
});

test("the marks: join's carry Helm's ownership for the release and flytemc's marker; rotate's only the marker; either counts as created by flytemc", () => {
  const j = joinCreation('dp1', { release: 'dp', namespace: NS });
  assert.equal(j.annotations, { 'meta.helm.sh/release-name': 'dp', 'meta.helm.sh/release-namespace': NS });
  assert.is(j.labels['app.kubernetes.io/managed-by'], 'Helm');
  assert.equal(rotateCreation('dp1').annotations, {});
  assert.ok(createdByFlytemc({ metadata: { labels: j.labels } }));
  assert.ok(createdByFlytemc({ metadata: { labels: rotateCreation('dp1').labels } }));
  assert.ok(createdByFlytemc({ metadata: { labels: { 'app.kubernetes.io/managed-by': 'flytemc' } } }));
  assert.not.ok(createdByFlytemc({ metadata: { labels: { 'app.kubernetes.io/managed-by': 'Helm' } } }));
  assert.not.ok(createdByFlytemc({}));
});

test('clusterUid: the kube-system UID; an API server without one is refused (join.no-uid, exit 3)', async () => {
  const world = new World();
  const dp = world.cluster('dp1');
  assert.is(await clusterUid(dp.kube), dp.uid);
  const noUid = { ...dp.kube, core: { ...dp.kube.core, readNamespace: async () => ({ metadata: {} }) } } as unknown as Kube;
  try {
    await clusterUid(noUid);
    assert.unreachable();
  } catch (e) {
    assert.instance(e, FlytemcError);
    assert.is((e as FlytemcError).exitCode, EXIT.failed);
    assert.is((e as FlytemcError).problems[0]!.code, 'join.no-uid');
  }
});

test('readDataPlane: nothing installed is an empty answer; flytepropeller-manager with its cluster id, release and config; propellerElsewhere finds the other namespaces, and none when listing is forbidden', async () => {
  const world = new World();
  const dp = world.cluster('dp1');
  dp.namespaces.add(NS);
  assert.equal(await readDataPlane(dp.kube, NS), {});
  dp.deployments.put('other', {
    metadata: { name: 'flytepropeller-manager', namespace: 'other', annotations: { 'meta.helm.sh/release-name': 'dp' } },
    spec: {
      selector: {},
      template: { spec: { containers: [{ name: 'manager', command: ['flytepropeller'], args: ['--propeller.cluster-id=dp1'] }] } },
    },
  });
  dp.deployments.put('more', { metadata: { name: 'flytepropeller', namespace: 'more' }, spec: { selector: {}, template: {} } });
  dp.configMaps.put('other', { metadata: { name: 'flyte-propeller-config', namespace: 'other' } });
  assert.equal(await propellerElsewhere(dp.kube, NS), ['more', 'other']);
  assert.equal(await propellerElsewhere(dp.kube, 'other'), ['more']);
  assert.equal(await readDataPlane(dp.kube, 'other'), { deployment: 'Deployment other/flytepropeller-manager', clusterId: 'dp1', release: 'dp', config: {} });
  assert.equal(await readDataPlane(dp.kube, 'more'), { deployment: 'Deployment more/flytepropeller', clusterId: '' });
  const forbidden = {
    ...dp.kube,
    apps: {
      ...dp.kube.apps,
      listDeploymentForAllNamespaces: async () => {
        throw httpError(403);
      },
    },
  } as unknown as Kube;
  assert.equal(await propellerElsewhere(forbidden, NS), []);
  const broken = {
    ...forbidden,
    apps: {
      ...dp.kube.apps,
      listDeploymentForAllNamespaces: async () => {
        throw httpError(500);
      },
    },
  } as unknown as Kube;
  try {
    await propellerElsewhere(broken, NS);
    assert.unreachable();
  } catch (e) {
    assert.instance(e, FlytemcError);
  }
});

test("deniedTo: nothing for an identity bound to flyte-core's role, every check for one bound to nothing; a failing review fails the whole question", async () => {
  const world = new World();
  const dp = world.cluster('dp1');
  const checks = accessChecks(DEFAULT_NEEDS);
  dp.clusterRoles.put(undefined, { metadata: { name: 'r' }, rules: [{ apiGroups: ['*'], resources: ['*'], verbs: ['*'] }] });
  dp.bindings.put(undefined, {
    metadata: { name: 'b' },
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'r' },
    subjects: [{ kind: 'ServiceAccount', name: 'flyteadmin', namespace: NS }],
  });
  assert.equal(await deniedTo(dp.kube, 'system:serviceaccount:flyte:flyteadmin', checks), []);
  assert.is((await deniedTo(dp.kube, 'someone', checks)).length, checks.length);
  const failing = {
    ...dp.kube,
    authz: {
      createSubjectAccessReview: async () => {
        throw httpError(500);
      },
    },
  } as unknown as Kube;
  try {
    await deniedTo(failing, 'someone', checks);
    assert.unreachable();
  } catch (e) {
    assert.instance(e, FlytemcError);
    assert.match(whereOf((e as FlytemcError).problems[0]!), /context dp1/);
  }
});

test.run();
