// plugin/cluster/prove.ts against a real kube-apiserver (test/harness): a token proven with the first CA that verifies, none at all, and a revoked token until it is rejected.
import { test } from '../helpers/uvu.ts';
import * as assert from 'uvu/assert';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startClusters, type ClusterSet } from '../harness/cluster.ts';
import { connect, type Kube } from '../../plugin/cluster/kube.ts';
import { proveToken, untilRejected } from '../../plugin/cluster/prove.ts';
import { FlytemcError } from '../../plugin/problems/problems.ts';
import { freePorts } from '../harness/cluster.ts';

const work = mkdtempSync(join(tmpdir(), 'flytemc-prove-'));
let set: ClusterSet;
let admin: Kube;
let server: string;
let ca: string;
let token: string;
/** A PEM that is a certificate but not this cluster's CA (the admin client certificate). */
let otherPem: string;

/** A token of ServiceAccount flyte/flyteadmin, from a token Secret the controller fills. */
async function saToken(name: string): Promise<string> {
  await admin.core.createNamespacedSecret({
    namespace: 'flyte',
    body: { metadata: { name, annotations: { 'kubernetes.io/service-account.name': 'flyteadmin' } }, type: 'kubernetes.io/service-account-token' },
  });
  for (let i = 0; i < 100; i++) {
    const s = await admin.core.readNamespacedSecret({ name, namespace: 'flyte' });
    if (s.data?.token) return Buffer.from(s.data.token, 'base64').toString('utf8');
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the token controller never filled the Secret');
}

test.before(async () => {
  set = await startClusters({ n: 1, dir: join(work, 'clusters') });
  const c = set.clusters[0]!;
  admin = await connect(c.context, { kubeconfig: c.kubeconfigPath, timeoutMs: 10_000 });
  server = c.server;
  ca = c.caPem;
  otherPem = readFileSync(c.adminCertFile, 'utf8');
  await admin.core.createNamespace({ body: { metadata: { name: 'flyte' } } });
  await admin.core.createNamespacedServiceAccount({ namespace: 'flyte', body: { metadata: { name: 'flyteadmin' } } });
  token = await saToken('flyteadmin-token');
});

test.after(async () => {
  await set?.stop();
  rmSync(work, { recursive: true, force: true });
});

test('proveToken: the CAs in order, the first that verifies (the same PEM once); none at all is a problem', async () => {
  const r = await proveToken(
    server,
    token,
    [
      { source: 'kubeconfig', pem: otherPem },
      { source: 'ca.crt', pem: undefined },
      { source: 'hub', pem: ca },
      { source: 'ca.crt', pem: `${ca}\n` },
    ],
    5000,
  );
  assert.is(r.source, 'hub');
  assert.equal([r.result.tls, r.result.authenticated], [true, true], 'verified with the hub CA');
  const onlyWrong = await proveToken(server, token, [{ source: 'kubeconfig', pem: otherPem }], 5000);
  assert.is(onlyWrong.result.failed, 'tls');
  try {
    await proveToken(server, token, [{ source: 'kubeconfig', pem: undefined }], 5000);
    assert.unreachable();
  } catch (e) {
    assert.instance(e, FlytemcError);
    assert.match((e as Error).message, /no CA to verify the API server with/);
  }
});

test('untilRejected: a revoked token is rejected soon after its Secret goes; one still accepted at the deadline; an unreachable server cannot tell', async () => {
  const other = await saToken('second-token');
  assert.equal(await untilRejected(server, other, ca, 5000, 0), {});
  await admin.core.deleteNamespacedSecret({ name: 'second-token', namespace: 'flyte' });
  const r = await untilRejected(server, other, ca, 5000, 30_000);
  assert.type(r.rejectedAfterMs, 'number');
  const [port] = await freePorts(1);
  assert.match((await untilRejected(`https://127.0.0.1:${port}`, token, ca, 5000, 1000)).unverified!, /connection refused/);
});

test.run();
