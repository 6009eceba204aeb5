// One harness cluster with ServiceAccount flyte/flyteadmin and its token: what the token-proof tests (probe, prove) start from.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startClusters } from '../harness/cluster.ts';
import { connect, type Kube } from '../../plugin/cluster/kube.ts';

export interface TokenCluster {
  admin: Kube;
  server: string;
  ca: string;
  token: string;
  /** A PEM that is a certificate but not this cluster's CA (the admin client certificate). */
  otherPem: string;
  /** A token of ServiceAccount flyte/flyteadmin, from a new token Secret the controller fills. */
  saToken(name: string): Promise<string>;
  stop(): Promise<void>;
}

export async function startTokenCluster(prefix: string): Promise<TokenCluster> {
  const work = mkdtempSync(join(tmpdir(), `flytemc-${prefix}-`));
  const set = await startClusters({ n: 1, dir: join(work, 'clusters') });
  const c = set.clusters[0]!;
  const admin = await connect(c.context, { kubeconfig: c.kubeconfigPath, timeoutMs: 10_000 });
  const saToken = async (name: string): Promise<string> => {
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
  };
  await admin.core.createNamespace({ body: { metadata: { name: 'flyte' } } });
  await admin.core.createNamespacedServiceAccount({ namespace: 'flyte', body: { metadata: { name: 'flyteadmin' } } });
  const token = await saToken('flyteadmin-token');
  const stop = async () => {
    await set.stop();
    rmSync(work, { recursive: true, force: true });
  };
  return { admin, server: c.server, ca: c.caPem, token, otherPem: readFileSync(c.adminCertFile, 'utf8'), saToken, stop };
}
