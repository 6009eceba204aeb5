// plugin/cluster/join.ts: the endpoint FlyteAdmin is given for a member; and, against fakes of
// flytemc's Kube (test/helpers/fake-kube.ts), what join creates on a bare cluster (Helm's ownership
// metadata for the data-plane release, flytemc's marker), a flytepropeller in another namespace, and
// each API call failing once. The steps and joinClusters against API servers: test/join.test.ts
// (harness clusters), test/faults.test.ts; join before and after `install data-plane` on Helm 3
// and 4: test/day2.test.ts.
import { test } from '../helpers/uvu.ts';
import * as assert from 'uvu/assert';
import { checkEndpoint, joinClusters, joinFailures, joinSummary } from '../../plugin/cluster/join.ts';
import { EXIT, FlytemcError, whereOf } from '../../plugin/problems/problems.ts';
import { World } from '../helpers/fake-kube.ts';

test('checkEndpoint: an https URL (host, IPv4 or [IPv6], port, path), trailing slashes dropped; anything else refused with the fix', () => {
  assert.is(checkEndpoint('https://203.0.113.1:6443/', 'context dp1'), 'https://203.0.113.1:6443');
  assert.is(checkEndpoint('https://k8s.example.com', 'x'), 'https://k8s.example.com');
  assert.is(checkEndpoint('https://[2001:db8::1]:6443/prefix//', 'x'), 'https://[2001:db8::1]:6443/prefix');
  for (const bad of ['http://203.0.113.1:6443', 'https://{{ endpoint }}', 'https://a b', '203.0.113.1:6443', 'https://']) {
    try {
      checkEndpoint(bad, 'context dp1');
      assert.unreachable(bad);
    } catch (e) {
      assert.instance(e, FlytemcError, bad);
      const p = (e as FlytemcError).problems[0]!;
      assert.is((e as FlytemcError).exitCode, EXIT.invalid);
      assert.is(whereOf(p), 'context dp1');
      assert.match(p.fix ?? '', /--endpoint https:\/\/HOST:PORT/);
    }
  }
});

const NS = 'flyte';
const join1 = (world: World, o: { release?: string; force?: boolean } = {}) =>
  joinClusters(
    [{ context: 'dp1', name: 'dp1', routes: [] }],
    { parallel: 1, force: o.force ?? false, restart: false, ...(o.release ? { release: o.release } : {}) },
    world.session(world.cluster('cp')),
  );

test("a bare cluster: what join creates carries Helm's ownership for the data-plane release (--release, the namespace) and flytemc's marker", async () => {
  for (const release of [undefined, 'dp']) {
    const world = new World();
    world.cluster('cp').namespaces.add(NS);
    const dp = world.cluster('dp1');
    const r = await join1(world, release ? { release } : {});
    assert.equal(r.failures, []);
    const meta = {
      labels: { 'app.kubernetes.io/managed-by': 'Helm', 'flytemc.io/created-by': 'join', 'flytemc.io/cluster-name': 'dp1' },
      annotations: { 'meta.helm.sh/release-name': release ?? 'flyte', 'meta.helm.sh/release-namespace': NS },
    };
    for (const o of [
      dp.serviceAccounts.get(NS, 'flyteadmin'),
      dp.clusterRoles.get(undefined, 'flyte-flyteadmin'),
      dp.bindings.get(undefined, 'flyte-flyteadmin-binding'),
    ]) {
      assert.equal(o.metadata!.labels, meta.labels);
      assert.equal(o.metadata!.annotations, meta.annotations);
    }
    const token = dp.secrets.get(NS, 'flyteadmin-token');
    assert.equal(token.metadata!.labels, meta.labels);
    assert.equal(token.metadata!.annotations, { ...meta.annotations, 'kubernetes.io/service-account.name': 'flyteadmin' });
  }
});

test('flytepropeller in another namespace of the member: refused before anything is created, naming it and -n; --force joins with a warning', async () => {
  const world = new World();
  world.cluster('cp').namespaces.add('default');
  const dp = world.cluster('dp1');
  dp.namespaces.add(NS);
  dp.deployments.put(NS, { metadata: { name: 'flytepropeller', namespace: NS }, spec: { selector: {}, template: {} } });
  const session = world.session(world.cluster('cp'), { namespace: 'default' });
  const r = await joinClusters([{ context: 'dp1', name: 'dp1', routes: [] }], { parallel: 1, force: false, restart: false }, session);
  assert.is(r.exitCode, EXIT.failed);
  assert.match(r.failures[0]!.message, /^flytepropeller runs in namespace flyte, not in default \(the namespace join acts in, from flytemc's default\)/);
  assert.is(r.failures[0]!.fix, 'rerun with -n flyte (or --force to join in default anyway)');
  assert.not.ok(dp.serviceAccounts.has('default', 'flyteadmin'), 'created a ServiceAccount in the wrong namespace');
  const forced = await joinClusters(
    [{ context: 'dp1', name: 'dp1', routes: [] }],
    { parallel: 1, force: true, restart: false },
    world.session(world.cluster('cp'), { namespace: 'default' }),
  );
  assert.equal(forced.failures, []);
  assert.match(forced.warnings[0]!.message, /^--force: flytepropeller runs in namespace flyte, not in default/);
});

test('each API call failing once (before its write, and after it with the answer lost): the hub never holds a token its cluster rejects; the cluster is reported failed (exit 3) and a re-run joins it', async () => {
  const base = new World();
  base.cluster('cp').namespaces.add(NS);
  base.cluster('dp1');
  await join1(base);
  const n = base.calls.length;
  for (let i = 0; i < n; i++) {
    for (const after of [false, true]) {
      const world = new World();
      const hub = world.cluster('cp');
      hub.namespaces.add(NS);
      world.cluster('dp1');
      const seen: string[] = [];
      world.afterEach = (k, what) => seen.push(...world.broken(hub).map((b) => `${k} ${what}: ${b}`));
      world.failAt = { call: i, after };
      const label = `call ${i} (${base.calls[i]}) failing ${after ? 'after' : 'before'} its write`;
      // a failure before any cluster is joined (reading the hub's templates) fails the whole run, nothing written
      const r = await join1(world).catch((e: unknown) => {
        assert.instance(e, FlytemcError, label);
        assert.match((e as Error).message, /nothing was written/, label);
        return { failures: [], exitCode: (e as FlytemcError).exitCode };
      });
      if (r.failures.length) assert.is(r.exitCode, EXIT.failed, label);
      assert.equal(world.broken(hub), [], label);
      world.failAt = undefined;
      const again = await join1(world);
      assert.equal(again.failures, [], label);
      assert.ok(world.cluster('dp1').accepts(hub.credentials().dp1_token), label);
      assert.equal(seen, [], label);
    }
  }
});

test('--auth (a credential proxy): RBAC bound to the identity, no token Secret, only the CA in the hub, the cloud side to print; a token joined before stays, with a warning', async () => {
  const { proxyJoin } = await import('../../plugin/config/workload-identity.ts');
  const proxy = proxyJoin({ auth: 'eks', name: 'dp1', region: 'us-east-1' })!;
  const world = new World();
  const hub = world.cluster('cp');
  hub.namespaces.add(NS);
  const dp = world.cluster('dp1');
  const r = await joinClusters([{ context: 'dp1', name: 'dp1', routes: [], proxy }], { parallel: 1, force: false, restart: false }, world.session(hub));
  assert.equal(r.failures, []);
  assert.equal(dp.bindings.get(undefined, 'flyte-flyteadmin-binding').subjects, [
    { kind: 'User', apiGroup: 'rbac.authorization.k8s.io', name: 'flytemc-flyteadmin' },
  ]);
  assert.not.ok(dp.serviceAccounts.has(NS, 'flyteadmin'), 'no ServiceAccount for a user identity');
  assert.equal(dp.secrets.list(NS), [], 'no token Secret');
  assert.equal(Object.keys(hub.credentials()), ['dp1_cacert']);
  assert.equal(r.entries[0]!.credentialProxy, proxy.proxy);
  assert.match(r.cloudSide[0]!, /aws eks create-access-entry --cluster-name dp1 --region us-east-1/);
  // a cluster joined with a token first: the token stays (FlyteAdmin reads it until the upgrade), said once
  const world2 = new World();
  const hub2 = world2.cluster('cp');
  hub2.namespaces.add(NS);
  world2.cluster('dp1');
  await join1(world2);
  const again = await joinClusters([{ context: 'dp1', name: 'dp1', routes: [], proxy }], { parallel: 1, force: false, restart: false }, world2.session(hub2));
  assert.ok(Object.keys(hub2.credentials()).includes('dp1_token'));
  assert.match(again.warnings.map((w) => `${w.message} ${w.fix}`).join('\n'), /joined with a long-lived token .* after that upgrade, remove the key dp1_token/);
});

test('--auth: an identity the data plane does not let do what FlyteAdmin needs is refused before the hub is touched (exit 3)', async () => {
  const { proxyJoin } = await import('../../plugin/config/workload-identity.ts');
  const world = new World();
  const hub = world.cluster('cp');
  hub.namespaces.add(NS);
  const dp = world.cluster('dp1');
  world.beforeCall = (_n, what) => {
    // the binding loses its subject right after join wrote it (another tool)
    if (what === 'dp1 createSubjectAccessReview') {
      const b = dp.bindings.items.get('/flyte-flyteadmin-binding');
      if (b) b.subjects = [];
    }
  };
  const proxy = proxyJoin({ auth: 'exec', name: 'dp1', 'exec-command': 'p', identity: 'someone' })!;
  const r = await joinClusters([{ context: 'dp1', name: 'dp1', routes: [], proxy }], { parallel: 1, force: false, restart: false }, world.session(hub));
  assert.is(r.exitCode, EXIT.failed);
  assert.match(r.failures[0]!.message, /user someone may not, of what FlyteAdmin needs \(12 of 12 SubjectAccessReviews denied\)/);
  assert.match(r.failures[0]!.fix ?? '', /the hub was not changed/);
  assert.equal(hub.credentials(), {});
});

test('after the clusters: the values file records them (a dry run: would); --restart rolls FlyteAdmin, else a warning says how; the summary and the failures count what joined', async () => {
  const { mkdtempSync, readFileSync, writeFileSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const values = join(mkdtempSync(join(tmpdir(), 'flytemc-join-')), 'values.yaml');
  writeFileSync(values, 'multicluster:\n  role: control-plane\n');
  const world = new World();
  const hub = world.cluster('cp');
  hub.namespaces.add(NS);
  hub.addDeployment(NS, 'flyteadmin');
  world.cluster('dp1');
  const requests = [
    { context: 'dp1', name: 'dp1', routes: [{ label: 'team1', weight: 1 }] },
    { context: 'bad', name: 'bad', endpoint: 'http://bad.example', routes: [] },
  ];
  world.cluster('bad');
  const session = world.session(hub);
  const r = await joinClusters(requests, { parallel: 2, force: false, restart: false, valuesFile: values }, session);
  assert.is(r.exitCode, EXIT.failed);
  assert.ok(r.recorded);
  assert.match(readFileSync(values, 'utf8'), /name: dp1/);
  assert.ok(r.warnings.some((w) => w.code === 'join.restart' && /pass --restart/.test(w.fix!)));
  const summary = joinSummary(r, { requested: 2, values }, session);
  assert.match(
    summary,
    /\n1 of 2 clusters joined into hub cp \(Secret flyte\/cluster-credentials\) in [\d.]+ s\nrecorded dp1 in .*values.yaml: apply it with helm upgrade\n$/,
  );
  const failures = joinFailures(r, 2);
  assert.match(failures, /^error: context bad: endpoint "http:\/\/bad.example" is not an https URL/);
  assert.match(failures, /\n1 error: 1 of 2 not joined \(the others were\)\.\n$/);
  // --restart: FlyteAdmin rolled when the hub changed
  world.cluster('dp2');
  const s2 = world.session(hub);
  const r2 = await joinClusters([{ context: 'dp2', name: 'dp2', routes: [] }], { parallel: 1, force: false, restart: true }, s2);
  assert.ok(s2.plan.changes.some((c) => c.action === 'restart' && c.object === 'Deployment flyte/flyteadmin'));
  const snippet = joinSummary(r2, { requested: 1 }, s2);
  assert.match(snippet, /Add this to the control plane's values \(or rerun with --values FILE\):/);
  // a dry run with --secret-out: would record, the file named, the hub not contacted
  const dry = world.session(hub, { dryRun: true });
  const r3 = await joinClusters([{ context: 'dp1', name: 'dp1', routes: [] }], { parallel: 1, force: false, restart: false, valuesFile: values }, dry);
  assert.match(
    joinSummary({ ...r3, recorded: true }, { requested: 1, values, secretOut: 'creds.yaml' }, dry),
    /dry run: nothing was changed\. 1 of 1 cluster can be joined into creds.yaml .*would record dp1 in .*, or export the control plane again/s,
  );
  assert.match(joinSummary({ ...r3, joined: [] }, { requested: 1, secretOut: 'creds.yaml' }, world.session(hub)), /0 of 1 cluster joined into creds.yaml/);
  assert.match(joinSummary(r2, { requested: 1, secretOut: 'creds.yaml' }, world.session(hub)), /creds.yaml holds live tokens \(mode 0600\)/);
  assert.is(joinFailures({ ...r, failures: [{ ...r.failures[0]!, severity: 'warning' }] }, 2).split('\n').length, 3, 'warnings only: no count');
  assert.match(joinFailures({ ...r, joined: [] }, 2), /2 of 2 not joined\.\n$/);
});

test.run();
