// plugin/cluster/proxy-status.ts, check's view of a credential proxy from the hub, against a fake
// of flytemc's Kube (test/helpers/fake-kube.ts): the deployed sidecars and kubeconfig, and the
// pods a kubelet reports (the harness runs none: test/flyte-proxy.test.ts feeds the real
// `kubectl proxy` logs of a missing and a failing exec plugin to proxyLogProblem). The log lines
// below are kubectl 1.32's, copied from such runs.
import { test } from '../helpers/uvu.ts';
import * as assert from 'uvu/assert';
import type { V1Container, V1Deployment } from '@kubernetes/client-node';
import { kubeconfigKey, proxyData, sidecar, wire, type WiredProxy } from '../../plugin/config/credential-proxy.ts';
import { checkProxy, proxyLogProblem } from '../../plugin/cluster/proxy-status.ts';
import { World } from '../helpers/fake-kube.ts';

const MISSING = `Starting to serve on 127.0.0.1:18002
E1206 15:52:26.247959   12586 proxy_server.go:147] Error while proxying request: getting credentials: exec: executable aws not found

It looks like you are trying to use a client-go credential plugin that is not installed.
`;
const FAILING = `Starting to serve on 127.0.0.1:18003
An error occurred (AccessDenied) when calling the AssumeRoleWithWebIdentity operation: Not authorized to perform sts:AssumeRoleWithWebIdentity
E1206 16:10:19.445096   25965 exec.go:359] refreshing credentials: exec: executable aws failed with exit code 255
`;

test('proxyLogProblem: the plugin not in the image, the plugin failing (with what it said), nothing about credentials', () => {
  const m = proxyLogProblem(MISSING, 'dp1')!;
  assert.match(m.problem, /the credential proxy of dp1 cannot run its exec plugin: aws is not in its image/);
  assert.match(m.fix, /use an image with aws on its PATH \(multicluster\.credentialProxy\.image, or credentialProxy\.image of dp1\)/);
  const f = proxyLogProblem(FAILING, 'dp1')!;
  assert.match(
    f.problem,
    /the exec plugin of dp1's credential proxy fails \(aws exit code 255: An error occurred \(AccessDenied\).*AssumeRoleWithWebIdentity\)/,
  );
  assert.match(f.fix, /eks\.amazonaws\.com\/role-arn/);
  assert.is(proxyLogProblem('Starting to serve on 127.0.0.1:18001\n', 'dp1'), undefined);
});

const wired = wire(
  { name: 'dp1', endpoint: 'https://dp1.example:6443', credentialProxy: { exec: { command: 'aws' } } },
  17101,
  'img',
  '/var/run/credentials/dp1_cacert',
) as WiredProxy;

/** A hub whose FlyteAdmin Deployments carry (or not) the proxy of dp1, and its clusters ConfigMap. */
function hubWith(init: (d: string) => V1Container[]) {
  const world = new World();
  const hub = world.cluster('cp');
  for (const name of ['flyteadmin', 'syncresources']) {
    hub.addDeployment('flyte', name);
    const d = hub.deployments.get('flyte', name) as V1Deployment;
    d.spec!.selector = { matchLabels: { app: name } };
    d.spec!.template.spec!.initContainers = init(name);
    hub.deployments.put('flyte', d);
  }
  return { hub, data: proxyData([wired]) };
}
const proxied = () => [sidecar(wired) as unknown as V1Container, { name: 'run-migrations', image: 'x' }];

test('checkProxy: deployed right, no pods yet: ok', async () => {
  const { hub, data } = hubWith(proxied);
  const f = await checkProxy(hub.kube, 'flyte', wired, data);
  assert.equal(f, { ok: true, value: 'flytemc-proxy-dp1 on 127.0.0.1:17101 in flyteadmin, syncresources' });
});

test('checkProxy: a Deployment without the sidecar, or with it after another init container, or not native; a kubeconfig that skips TLS', async () => {
  const cases: Array<[(d: string) => V1Container[], RegExp]> = [
    [(d) => (d === 'syncresources' ? [] : proxied()), /Deployment flyte\/syncresources has no credential proxy for dp1/],
    [() => proxied().reverse(), /flytemc-proxy-dp1 starts after init container run-migrations/],
    [() => [{ ...proxied()[0]!, restartPolicy: undefined }], /is not a native sidecar/],
  ];
  for (const [init, what] of cases) {
    const { hub, data } = hubWith(init);
    const f = await checkProxy(hub.kube, 'flyte', wired, data);
    assert.is(f.ok, false);
    assert.match(f.problem!, what);
    assert.match(f.fix!, /upgrade the control plane/);
  }
  const { hub, data } = hubWith(proxied);
  const insecure = {
    ...data,
    [kubeconfigKey('dp1')]: data[kubeconfigKey('dp1')]!.replace('certificate-authority: dp1_cacert', 'insecure-skip-tls-verify: true'),
  };
  const f = await checkProxy(hub.kube, 'flyte', wired, insecure);
  assert.match(f.problem!, /skips TLS verification \(insecure-skip-tls-verify\)/);
});

test('checkProxy: the pods a kubelet runs: the sidecar log says the plugin is missing; a sidecar that never passed its startup probe', async () => {
  const { hub, data } = hubWith(proxied);
  hub.podObjects.put('flyte', { metadata: { name: 'flyteadmin-1', namespace: 'flyte', labels: { app: 'flyteadmin' } } });
  hub.logs.set('flyteadmin-1/flytemc-proxy-dp1', MISSING);
  const f = await checkProxy(hub.kube, 'flyte', wired, data);
  assert.is(f.ok, false);
  assert.match(f.problem!, /aws is not in its image/);
  const other = hubWith(proxied);
  other.hub.podObjects.put('flyte', {
    metadata: { name: 'syncresources-1', namespace: 'flyte', labels: { app: 'syncresources' } },
    status: {
      initContainerStatuses: [
        {
          name: 'flytemc-proxy-dp1',
          image: 'img',
          imageID: '',
          ready: false,
          restartCount: 4,
          started: false,
          state: { waiting: { reason: 'CrashLoopBackOff' } },
        },
      ],
    },
  });
  const g = await checkProxy(other.hub.kube, 'flyte', wired, other.data);
  assert.match(g.problem!, /pod syncresources-1: the credential proxy of dp1 is waiting \(CrashLoopBackOff\), restarted 4 times/);
  assert.match(g.fix!, /kubectl --context cp -n flyte logs deployment\/syncresources -c flytemc-proxy-dp1/);
});

test('proxyLogProblem: any other credentials error, masked and cut', () => {
  const f = proxyLogProblem('E0101 getting credentials: exec plugin is configured to use API version client.authentication.k8s.io/v1beta9\n', 'dp1')!;
  assert.match(f.problem, /^the credential proxy of dp1 gets no credentials: exec plugin is configured/);
  assert.match(f.fix, /^fix credentialProxy\.exec of dp1/);
  const failing = proxyLogProblem('E0101 getting credentials: exec: executable gke-gcloud-auth-plugin failed with exit code 1\n', 'dp1')!;
  assert.match(failing.problem, /\(gke-gcloud-auth-plugin exit code 1\), so every request/);
});

test('checkProxy: no FlyteAdmin Deployment is not checked; the kubeconfig missing, not YAML, without a CA or an exec plugin; no startup probe', async () => {
  const none = new World().cluster('cp');
  assert.equal(await checkProxy(none.kube, 'flyte', wired, {}), {
    ok: null,
    problem: 'no FlyteAdmin Deployment in the namespace: the credential proxy was not checked',
  });
  const { hub, data } = hubWith(proxied);
  const key = kubeconfigKey('dp1');
  const kc = data[key]!;
  const cases: Array<[Record<string, string> | undefined, RegExp]> = [
    [undefined, /has no flytemc-proxy-dp1\.kubeconfig, the credential proxy's kubeconfig/],
    [{ ...data, [key]: '{{ not: yaml' }, /flytemc-proxy-dp1\.kubeconfig is not YAML/],
    [{ ...data, [key]: kc.replace('certificate-authority: dp1_cacert', 'server-name: x') }, /names no CA to verify https:\/\/dp1\.example:6443 with/],
    [{ ...data, [key]: kc.replace(/command: \S+/, 'args: []') }, /names no exec plugin/],
    [{ ...data, [key]: 'clusters: 1\n' }, /names no CA/],
  ];
  for (const [cm, what] of cases) {
    const f = await checkProxy(hub.kube, 'flyte', wired, cm);
    assert.is(f.ok, false);
    assert.match(f.problem!, what);
  }
  const noProbe = hubWith(() => [{ ...proxied()[0]!, startupProbe: undefined }]);
  assert.match((await checkProxy(noProbe.hub.kube, 'flyte', wired, noProbe.data)).problem!, /has no startup probe/);
});

test('checkProxy: pods that cannot be listed, or a log that cannot be read, say nothing; a sidecar restarting before its probe passed', async () => {
  const { hub, data } = hubWith(proxied);
  hub.podObjects.put('flyte', {
    metadata: { name: 'flyteadmin-1', namespace: 'flyte', labels: { app: 'flyteadmin' } },
    status: {
      initContainerStatuses: [
        { name: 'other', image: 'x', imageID: '', ready: true, restartCount: 0 },
        {
          name: 'flytemc-proxy-dp1',
          image: 'img',
          imageID: '',
          ready: false,
          restartCount: 2,
          started: false,
          state: { waiting: { reason: 'PodInitializing' } },
        },
      ],
    },
  });
  const f = await checkProxy(hub.kube, 'flyte', wired, data);
  assert.match(f.problem!, /pod flyteadmin-1: the credential proxy of dp1 has not passed its startup probe \(restarted 2 times\)/);
  const world = new World();
  const listed = world.cluster('cp');
  for (const name of ['flyteadmin']) {
    listed.addDeployment('flyte', name);
    const d = listed.deployments.get('flyte', name) as V1Deployment;
    d.spec!.template.spec!.initContainers = proxied();
    listed.deployments.put('flyte', d);
  }
  world.beforeCall = (_n, what) => {
    if (what.includes('listNamespacedPod')) world.failAt = { call: world.calls.length - 1, after: false };
  };
  assert.is((await checkProxy(listed.kube, 'flyte', wired, data)).ok, true, 'pods unreadable: the deployed template and kubeconfig decide');
});

test.run();
