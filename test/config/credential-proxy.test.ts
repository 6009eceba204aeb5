// plugin/config/credential-proxy.ts: the entry FlyteAdmin reads for a proxied cluster and back, the
// proxy's kubeconfig, volume and container, its ports and names, and what a schema cannot say.
import { test } from '../helpers/uvu.ts';
import * as assert from 'uvu/assert';
import {
  assignPorts,
  isProxied,
  isProxyKey,
  kubeconfigKey,
  proxyData,
  proxyProblems,
  proxyVolume,
  realEndpoint,
  sidecar,
  sidecarName,
  unwire,
  wire,
} from '../../plugin/config/credential-proxy.ts';
import type { ClusterConfig } from '../../plugin/config/types.ts';
import { parseYaml } from '../../plugin/yaml/dialect.ts';
import { whereOf } from '../../plugin/problems/problems.ts';

const proxied = (name: string, extra: object = {}): ClusterConfig => ({
  name,
  endpoint: `https://${name}.example:6443`,
  enabled: true,
  credentialProxy: { exec: { command: 'aws', args: ['eks', 'get-token'] }, ...extra },
});

test('ports: its own, else the next free one from 17101 in list order; token clusters take none', () => {
  const list = [proxied('a'), { name: 't', endpoint: 'https://t:6443' }, proxied('b', { port: 17101 }), proxied('c')];
  assert.equal(
    [...assignPorts(list)],
    [
      ['a', 17102],
      ['b', 17101],
      ['c', 17103],
    ],
  );
});

test('wire, then unwire: the entry as given again; the wired form is what FlyteAdmin reads', () => {
  const c = proxied('dp1', { identity: 'u' });
  const w = wire(c as ClusterConfig & { credentialProxy: NonNullable<ClusterConfig['credentialProxy']> }, 17101, 'img:1', '/creds/dp1_cacert');
  assert.equal(w, {
    name: 'dp1',
    endpoint: 'http://127.0.0.1:17101',
    enabled: true,
    auth: { tokenPath: '/dev/null', certPath: '/creds/dp1_cacert' },
    credentialProxy: { server: 'https://dp1.example:6443', port: 17101, image: 'img:1', exec: { command: 'aws', args: ['eks', 'get-token'] }, identity: 'u' },
  });
  assert.is(realEndpoint(w), 'https://dp1.example:6443');
  assert.equal(unwire(w), { ...c, credentialProxy: { ...c.credentialProxy, port: 17101, image: 'img:1' } });
  // not the wired form (no server, another port, a token cluster): as it is
  for (const x of [c, { ...w, endpoint: 'http://127.0.0.1:9' }, { name: 't', endpoint: 'https://t:6443' }, 'x']) assert.equal(unwire(x), x);
});

test('the kubeconfig: the real server, its CA beside it, the exec plugin never interactive; the volume projects CAs, never a token', () => {
  const w = wire(proxied('dp1') as never, 17101, 'img', '/c/dp1_cacert');
  const data = proxyData([w]);
  assert.equal(Object.keys(data), [kubeconfigKey('dp1'), 'flytemc-proxy-ready']);
  assert.ok(Object.keys(data).every(isProxyKey));
  const kc = parseYaml(data[kubeconfigKey('dp1')]!) as Record<string, any>;
  assert.equal(kc.clusters[0].cluster, { server: 'https://dp1.example:6443', 'certificate-authority': 'dp1_cacert' });
  assert.equal(kc.users[0].user.exec, {
    apiVersion: 'client.authentication.k8s.io/v1beta1',
    command: 'aws',
    args: ['eks', 'get-token'],
    interactiveMode: 'Never',
  });
  assert.equal(proxyData([]), {});
  const v = proxyVolume('flyte-admin-clusters-config', 'creds', [w]) as Record<string, any>;
  assert.equal(v.projected.sources[1], { secret: { name: 'creds', items: [{ key: 'dp1_cacert', path: 'dp1_cacert' }] } });
  const s = sidecar(w) as Record<string, any>;
  assert.equal([s.name, s.restartPolicy, s.image, s.command], ['flytemc-proxy-dp1', 'Always', 'img', ['kubectl']]);
  assert.ok(s.args.includes('--accept-hosts=^127\\.0\\.0\\.1$'));
});

test('sidecar names are DNS-1123 labels, one per cluster name', () => {
  const names = ['dp1', 'cluster_1', 'Cluster.1', 'x'.repeat(63), 'cluster-1'].map(sidecarName);
  for (const n of names) assert.match(n, /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/);
  assert.is(new Set(names).size, names.length);
  assert.is(sidecarName('dp1'), 'flytemc-proxy-dp1');
});

test('what a schema cannot say: a token and a proxy, inCluster, server by hand, no image, a port twice, a credential in the environment', () => {
  const at = (p: string) => ({ file: 'values.yaml', pointer: p });
  const list: ClusterConfig[] = [
    { ...proxied('a', { port: 18000, image: 'i' }), auth: { tokenPath: '/x/a_token' } },
    { ...proxied('b', { port: 18000, image: 'i' }), inCluster: true },
    proxied('c', { server: 'https://c:6443', image: 'i' }),
    proxied('d'),
    proxied('e', {
      image: 'i',
      exec: {
        command: 'aws',
        env: [
          { name: 'AWS_REGION', value: 'us-east-1' },
          { name: 'X', value: 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0' },
        ],
      },
    }),
  ];
  const problems = proxyProblems(list, undefined, at);
  assert.equal(
    problems.map((p) => [p.code, p.pointer]),
    [
      ['config.credential-proxy', '/clusterConfigs/0/auth'],
      ['config.credential-proxy', '/clusterConfigs/1/credentialProxy'],
      ['config.credential-proxy', '/clusterConfigs/1/credentialProxy/port'],
      ['config.credential-proxy', '/clusterConfigs/2/credentialProxy/server'],
      ['config.credential-proxy', '/clusterConfigs/3/credentialProxy'],
      ['config.credential-proxy', '/clusterConfigs/4/credentialProxy/exec/env/1'],
    ],
  );
  const messages = problems.map((p) => p.message);
  assert.match(messages[0]!, 'cluster "a" sets both a token file');
  assert.match(messages[1]!, 'cluster "b" is inCluster');
  assert.match(messages[2]!, 'port 18000 is also the proxy port of "a"');
  assert.match(messages[3]!, '`credentialProxy.server` is written by the post-renderer');
  assert.match(messages[4]!, 'cluster "d" has a credential proxy but no image');
  assert.match(messages[5]!, /X=<masked: \d+ characters> looks like a credential/);
  assert.is(whereOf(problems[0]!), 'values.yaml /clusterConfigs/0/auth');
  assert.equal(proxyProblems([proxied('d')], { image: 'default:1' }, at), [], 'the default image serves');
  assert.ok(isProxied(list[0]!) && !isProxied({ name: 't' }));
});

test.run();
