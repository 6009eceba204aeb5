// plugin/cluster/prove.ts against a real kube-apiserver (test/harness): a token proven with the first CA that verifies, none at all, and a revoked token until it is rejected.
import { test } from '../helpers/uvu.ts';
import * as assert from 'uvu/assert';
import type { Kube } from '../../plugin/cluster/kube.ts';
import { startTokenCluster, type TokenCluster } from '../helpers/token-cluster.ts';
import { proveToken, untilRejected } from '../../plugin/cluster/prove.ts';
import { FlytemcError } from '../../plugin/problems/problems.ts';
import { freePorts } from '../harness/cluster.ts';

let tc: TokenCluster;
let admin: Kube;
let server: string;
let ca: string;
let token: string;
let otherPem: string;
const saToken = (name: string) => tc.saToken(name);

test.before(async () => {
  tc = await startTokenCluster('prove');
  ({ admin, server, ca, token, otherPem } = tc);
});

test.after(async () => {
  await tc?.stop();
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
