// plugin/cluster/check-hub.ts: each cluster from the hub on fakes: inCluster, no endpoint, missing keys, a token accepted or rejected, a proxied cluster, and DEPLOYED.
import { test } from '../helpers/uvu.ts';
import * as assert from 'uvu/assert';
import { checkFromHub, withDeployed, type HubContext } from '../../plugin/cluster/check-hub.ts';
import { blankRow } from '../../plugin/cluster/check-report.ts';
import { readCredentials } from '../../plugin/cluster/hub.ts';
import { ACCESS_CHECKS } from '../../plugin/config/rbac.ts';
import type { ClusterConfig } from '../../plugin/config/types.ts';
import { World, type FakeCluster } from '../helpers/fake-kube.ts';

const CA = '-----BEGIN CERTIFICATE-----\nfake\n-----END CERTIFICATE-----\n';

/** A hub whose credentials Secret holds `data` (decoded), with the context check reads once. */
async function hubWith(data: Record<string, string>, over: Partial<HubContext> = {}): Promise<{ h: HubContext; world: World; hub: FakeCluster }> {
  const world = new World();
  const hub = world.cluster('cp');
  hub.secrets.put('flyte', {
    metadata: { name: 'cluster-credentials', namespace: 'flyte' },
    data: Object.fromEntries(Object.entries(data).map(([k, v]) => [k, Buffer.from(v).toString('base64')])),
  });
  const h: HubContext = {
    hub: hub.kube,
    ns: 'flyte',
    secretName: 'cluster-credentials',
    list: { source: 'values.yaml', clusters: [] },
    deployed: undefined,
    creds: await readCredentials(hub.kube, 'flyte', 'cluster-credentials'),
    clustersConfig: undefined,
    checks: ACCESS_CHECKS,
    timeoutMs: 1000,
    reach: world.reach,
    ...over,
  };
  return { h, world, hub };
}

test('checkFromHub: inCluster is skipped, no endpoint fails REACHABLE, missing keys fail TOKEN (said more strongly when FlyteAdmin lists the cluster)', async () => {
  const { h } = await hubWith({});
  const local = await checkFromHub(h, { name: 'local', inCluster: true });
  assert.is(local.verdict, 'skip');
  assert.is(local.endpoint, 'in cluster');
  const bare = await checkFromHub(h, { name: 'bare' });
  assert.equal(bare.findings, [{ check: 'reachable', ok: false, problem: 'no endpoint', fix: 'set endpoint in clusterConfigs (rerun flytemc join)' }]);
  const missing = await checkFromHub(h, { name: 'dp1', endpoint: 'https://dp1' });
  assert.is(missing.problem, 'Secret flyte/cluster-credentials has no key dp1_token and dp1_cacert: FlyteAdmin fails to start without it');
  assert.is(missing.fix, 'join it: flytemc join CONTEXT --name dp1 --kube-context cp -n flyte');
  const listed = await checkFromHub(
    { ...h, deployed: { source: 'cm', clusters: [{ name: 'dp1' }] } },
    { name: 'dp1', endpoint: 'https://dp1', auth: { tokenPath: '/var/x/tok', certPath: '/var/x/ca' } },
  );
  assert.match(
    listed.problem!,
    /^FlyteAdmin's deployed config lists dp1, but Secret flyte\/cluster-credentials has no key tok and ca: FlyteAdmin fails to start \(at its next restart or upgrade\)/,
  );
  assert.match(listed.fix!, /; or, if it was unjoined, upgrade the control plane without it$/);
});

test('checkFromHub: a token the member accepts is OK at every stage; a rejected one fails TOKEN, PERMISSIONS not checked, the rotate fix filled in', async () => {
  const world0 = new World();
  const dp = world0.cluster('dp1');
  const token = dp.addTokenSecret('flyte', 'flyteadmin-token');
  const { h } = await hubWith({ dp1_token: token, dp1_cacert: CA }, { reach: world0.reach });
  const c: ClusterConfig = { name: 'dp1', endpoint: dp.server, enabled: true };
  const ok = await checkFromHub(h, c);
  assert.is(ok.verdict, 'ok');
  assert.is(ok.user, 'system:serviceaccount:flyte:flyteadmin');
  assert.equal(
    ok.findings.map((f) => `${f.check}:${f.ok}`),
    ['reachable:true', 'tls:true', 'token:true', 'permissions:true'],
  );
  const bad = await checkFromHub({ ...h, creds: { ...h.creds, data: { dp1_token: 'revoked', dp1_cacert: CA } } }, c);
  assert.is(bad.verdict, 'fail');
  assert.equal(
    bad.findings.map((f) => `${f.check}:${f.ok}`),
    ['reachable:true', 'tls:true', 'token:false', 'permissions:null'],
  );
  const missing = {
    ...h,
    reach: {
      ...h.reach,
      proveToken: async () => ({
        result: {
          ok: false,
          failed: 'permissions' as const,
          reachable: true,
          tls: true,
          authenticated: true,
          permissions: false,
          missing: ['create pods'],
          missingKinds: [{ kind: 'Pod', resource: 'pods', verbs: ['create'] }],
          what: 'may not',
          fix: 'flytemc rotate CONTEXT --name NAME',
          ms: 1,
        },
        source: 'hub' as const,
        pem: CA,
      }),
    },
  };
  const denied = await checkFromHub(missing, c);
  assert.equal(denied.missing, ['create pods']);
  assert.is(denied.fix, 'flytemc rotate CONTEXT --name dp1 --kube-context cp');
});

test('checkFromHub, proxied: no CA key fails TLS; reached with it, a long-lived token left in the Secret fails TOKEN; an unreachable server fails REACHABLE', async () => {
  const world0 = new World();
  const dp = world0.cluster('dp1');
  const c = { name: 'dp1', endpoint: dp.server, enabled: true, credentialProxy: { exec: { command: 'x' }, identity: 'proxy-user' } } as ClusterConfig;
  const none = await hubWith({}, { reach: world0.reach });
  const noCa = await checkFromHub(none.h, c);
  assert.equal(
    noCa.findings.map((f) => f.check),
    ['tls'],
  );
  assert.match(noCa.problem!, /has no key dp1_cacert: the credential proxy verifies \S+ with it/);
  const left = await hubWith({ dp1_cacert: CA, dp1_token: 'old' }, { reach: world0.reach });
  const leftover = await checkFromHub(left.h, c);
  assert.is(leftover.proxied, true);
  assert.is(leftover.endpoint, dp.server);
  assert.equal(
    leftover.findings.map((f) => `${f.check}:${f.ok}`),
    ['reachable:true', 'tls:true', 'token:false', 'permissions:null', 'proxy:null'],
  );
  assert.match(leftover.findings[2]!.fix!, /delete secret flyteadmin-token$/);
  const clean = await hubWith({ dp1_cacert: CA }, { reach: world0.reach });
  const wired = {
    ...c,
    endpoint: 'http://127.0.0.1:17105',
    credentialProxy: { exec: { command: 'x' }, server: 'https://gone:6443', port: 17105, image: 'i' },
  } as ClusterConfig;
  const gone = await checkFromHub(clean.h, wired);
  assert.equal(
    gone.findings.slice(0, 3).map((f) => `${f.check}:${f.ok}`),
    ['reachable:false', 'tls:null', 'token:true'],
  );
  assert.is(gone.verdict, 'fail');
  const tlsBad = { ...clean.h, reach: { ...clean.h.reach, reachServer: async () => ({ reachable: true, tls: false, what: 'TLS verification failed' }) } };
  assert.equal((await checkFromHub(tlsBad, wired)).findings[1], { check: 'tls', ok: false, problem: 'TLS verification failed' });
});

test('withDeployed: nothing without a deployed config; not deployed yet fails; dropped from the values file is a note; join records need none', async () => {
  const { h } = await hubWith({});
  const row = { ...blankRow({ name: 'dp1' }), verdict: 'ok' as const };
  assert.is(withDeployed(h, row, { name: 'dp1' }), row);
  const deployed = { source: 'hub ConfigMap flyte/flyte-admin-clusters-config', clusters: [{ name: 'dp1' }] };
  const listed = { ...h, deployed, list: { source: 'values.yaml', clusters: [{ name: 'dp2' }] } };
  assert.equal(withDeployed(listed, row, { name: 'dp2' }).findings[0]!.problem?.slice(0, 38), 'not deployed yet: values.yaml lists it');
  assert.is(withDeployed(listed, row, { name: 'dp2' }).verdict, 'fail');
  assert.match(withDeployed(listed, row, { name: 'dp1' }).findings[0]!.problem!, /^values\.yaml no longer lists it, but FlyteAdmin still runs with it/);
  assert.equal(withDeployed({ ...h, deployed, list: deployed }, row, { name: 'dp1' }).findings, [{ check: 'deployed', ok: true }]);
  const records = { ...h, deployed, list: { source: 'what flytemc join recorded on Secret flyte/cluster-credentials', clusters: [] } };
  assert.equal(withDeployed(records, row, { name: 'dp1' }).findings, [{ check: 'deployed', ok: true }]);
  assert.match(
    withDeployed(records, row, { name: 'dp3' }).findings[0]!.problem!,
    /^not deployed yet: it is joined \(its keys are in Secret flyte\/cluster-credentials\)/,
  );
});

test.run();
