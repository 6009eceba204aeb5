// plugin/cluster/probe.ts against a real kube-apiserver (test/harness): a token proven as FlyteAdmin uses it, stage by stage (reachable, TLS with the given CA only, the token, the permissions), each failing once; a server reached over TLS.
import { test } from '../helpers/uvu.ts';
import * as assert from 'uvu/assert';
import type { Kube } from '../../plugin/cluster/kube.ts';
import { startTokenCluster, type TokenCluster } from '../helpers/token-cluster.ts';
import { probe, reachServer } from '../../plugin/cluster/probe.ts';
import { freePorts } from '../harness/cluster.ts';

let tc: TokenCluster;
let admin: Kube;
let server: string;
let ca: string;
let token: string;
let otherPem: string;

test.before(async () => {
  tc = await startTokenCluster('probe');
  ({ admin, server, ca, token, otherPem } = tc);
});

test.after(async () => {
  await tc?.stop();
});

test('probe: a token without permissions is authenticated, then each missing permission is named per kind (one access review per check)', async () => {
  const r = await probe(server, token, ca, { timeoutMs: 5000 });
  assert.equal([r.reachable, r.tls, r.authenticated, r.permissions, r.ok, r.failed], [true, true, true, false, false, 'permissions']);
  assert.is(r.user, 'system:serviceaccount:flyte:flyteadmin');
  assert.ok(r.missing.includes('create namespaces'), r.missing.join(', '));
  assert.ok(r.missingKinds.some((k) => k.kind === 'Namespace'));
  assert.match(r.what!, /^system:serviceaccount:flyte:flyteadmin may not, of what FlyteAdmin needs \(\d+ of \d+ access reviews denied\)/);
  const noChecks = await probe(server, token, ca, { timeoutMs: 5000, permissions: false });
  assert.is(noChecks.ok, true);
});

test('probe: bound to cluster-admin, one rules review proves every permission', async () => {
  await admin.rbac.createClusterRoleBinding({
    body: {
      metadata: { name: 'probe-admin' },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'cluster-admin' },
      subjects: [{ kind: 'ServiceAccount', name: 'flyteadmin', namespace: 'flyte' }],
    },
  });
  const r = await probe(server, token, ca, { timeoutMs: 5000 });
  assert.is(r.ok, true, r.what);
  assert.match(r.permissionsBy!, /^one SelfSubjectRulesReview grants all \d+ \(resource, verb\) pairs/);
});

test('probe: not a PEM, another CA (TLS fails, reachable), a rejected token, a closed port: the first failed stage, masked, with its fix', async () => {
  const notPem = await probe(server, token, 'not a certificate', { timeoutMs: 5000 });
  assert.equal([notPem.failed, notPem.reachable], ['tls', false]);
  const wrongCa = await probe(server, token, otherPem, { timeoutMs: 5000 });
  assert.equal([wrongCa.failed, wrongCa.reachable, wrongCa.tls], ['tls', true, false]);
  assert.match(wrongCa.what!, /^TLS verification failed with the given CA \(/);
  const rejected = await probe(server, `${token}x`, ca, { timeoutMs: 5000 });
  assert.equal([rejected.failed, rejected.tls, rejected.authenticated], ['token', true, false]);
  assert.match(rejected.fix!, /flytemc rotate CONTEXT --name NAME/);
  const [port] = await freePorts(1);
  const closed = await probe(`https://127.0.0.1:${port}`, token, ca, { timeoutMs: 5000 });
  assert.equal([closed.failed, closed.reachable], ['reachable', false]);
  assert.match(closed.what!, /^connection refused by https:\/\/127\.0\.0\.1:\d+$/);
});

test('reachServer: any answer over TLS verified with the CA; another CA, not a PEM, a closed port', async () => {
  assert.equal(await reachServer(server, ca, 5000), { reachable: true, tls: true });
  const wrong = await reachServer(server, otherPem, 5000);
  assert.equal([wrong.reachable, wrong.tls], [true, false]);
  assert.match(wrong.fix!, /rejoin the cluster/);
  assert.equal((await reachServer(server, 'x', 5000)).what, 'the CA is not a PEM certificate');
  const [port] = await freePorts(1);
  assert.equal((await reachServer(`https://127.0.0.1:${port}`, ca, 5000)).reachable, false);
});

test('probe: an endpoint with a path the API server does not serve: no SelfSubjectReview (as before 1.28) goes on; a review that cannot be made fails PERMISSIONS', async () => {
  const r = await probe(`${server}/not-here`, token, ca, { timeoutMs: 5000 });
  assert.equal([r.reachable, r.tls, r.authenticated, r.failed], [true, true, true, 'permissions']);
  assert.match(r.what!, /^cannot review access for \S+ \S+: HTTP 404/);
  assert.is(r.fix, 'check the API server');
});

test.run();
