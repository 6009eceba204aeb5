// @kubernetes/client-node helpers for tests against harness clusters (see cluster.ts).
import { ApiException, AuthenticationV1Api, CoreV1Api, KubeConfig, type V1Secret } from '@kubernetes/client-node';
import type { ClusterInfo } from './cluster.ts';

export { startClusters, stopClusters, withClusters, isRunning, type ClusterInfo, type ClusterSet } from './cluster.ts';

/** Admin KubeConfig for one cluster (its context in the set's kubeconfig made current). */
export function kubeConfigFor(cluster: ClusterInfo): KubeConfig {
  const kc = new KubeConfig();
  kc.loadFromFile(cluster.kubeconfigPath);
  kc.setCurrentContext(cluster.context);
  return kc;
}

/** KubeConfig that authenticates to `cluster` with a bearer token only (as FlyteAdmin would).
 * `caPem` defaults to the cluster's CA. */
export function tokenKubeConfig(cluster: Pick<ClusterInfo, 'name' | 'server' | 'caPem'>, token: string, caPem = cluster.caPem): KubeConfig {
  const kc = new KubeConfig();
  kc.loadFromOptions({
    clusters: [{ name: cluster.name, server: cluster.server, caData: Buffer.from(caPem).toString('base64'), skipTLSVerify: false }],
    users: [{ name: 'token', token }],
    contexts: [{ name: cluster.name, cluster: cluster.name, user: 'token' }],
    currentContext: cluster.name,
  });
  return kc;
}

/** HTTP status of a client-node error (ApiException), else undefined. */
export function apiStatus(e: unknown): number | undefined {
  if (e instanceof ApiException) return e.code;
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'number' ? code : undefined;
}

/** Runs `fn` and returns the HTTP status it failed with; throws if it succeeded or failed
 * without an HTTP status (e.g. a TLS error). */
export async function expectApiError(fn: () => Promise<unknown>): Promise<{ status: number; message: string }> {
  let result: unknown;
  try {
    result = await fn();
  } catch (e) {
    const status = apiStatus(e);
    if (status === undefined) throw e;
    const body = (e as ApiException<unknown>).body;
    let message = String(body ?? '');
    try {
      const parsed = typeof body === 'string' ? (JSON.parse(body) as { message?: string }) : (body as { message?: string });
      if (parsed?.message) message = parsed.message;
    } catch {
      /* not JSON */
    }
    return { status, message };
  }
  throw new Error(`expected the API server to refuse, but it answered ${JSON.stringify(result)?.slice(0, 200)}`);
}

/** The user name the API server sees for `kc` (a SelfSubjectReview). */
export async function whoAmI(kc: KubeConfig): Promise<string> {
  const r = await kc.makeApiClient(AuthenticationV1Api).createSelfSubjectReview({
    body: { apiVersion: 'authentication.k8s.io/v1', kind: 'SelfSubjectReview' },
  });
  return r.status?.userInfo?.username ?? '';
}

/** Polls a `kubernetes.io/service-account-token` Secret until the token controller filled
 * `token` and `ca.crt`; returns them decoded. */
export async function waitForTokenSecret(
  kc: KubeConfig,
  namespace: string,
  name: string,
  timeoutMs = 30_000,
): Promise<{ token: string; caCrt: string; secret: V1Secret }> {
  const core = kc.makeApiClient(CoreV1Api);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const secret = await core.readNamespacedSecret({ namespace, name });
    const token = secret.data?.token;
    const ca = secret.data?.['ca.crt'];
    if (token && ca) {
      return { token: Buffer.from(token, 'base64').toString('utf8'), caCrt: Buffer.from(ca, 'base64').toString('utf8'), secret };
    }
    if (Date.now() > deadline) {
      throw new Error(`Secret ${namespace}/${name} still has no token/ca.crt after ${timeoutMs / 1000} s: is the token controller running?`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}
