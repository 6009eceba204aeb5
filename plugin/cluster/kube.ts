// The operator's side of the Kubernetes connection: one client set per context, each call bounded by the timeout, and the read/create/delete rules every step uses.
import { readFileSync } from 'node:fs';
import type * as K8s from '@kubernetes/client-node';
import { EXIT, FlytemcError, error } from '../problems/problems.ts';
import { trimSlashes } from '../yaml/json-pointer.ts';
import { isConflict, isNotFound, toProblem } from './kube-errors.ts';
import { k8s, kubeconfigLabel, loadKubeConfig, noSuchContext, refuseUnverifiedTls, type KubeOptions } from './kubeconfig.ts';
import { type Plan, yamlOf } from './plan.ts';
import { withTimeout } from './util.ts';

// the steps' one door: what they use of the errors and the kubeconfig rules
export { UnreachableError, serverMessage, statusCode, toProblem } from './kube-errors.ts';
export { checkHelmContext } from './kubeconfig.ts';

/** One cluster as the operator reaches it through a kubeconfig context. */
export interface Kube {
  context: string;
  /** The API server URL of the context's cluster. */
  server: string;
  /** PEM of the CA the kubeconfig trusts for this cluster, when it names one. */
  caPem?: string;
  /** False only for a context allowed by --insecure-skip-tls-verify; every line about it says so. */
  tlsVerified: boolean;
  /** How the operator authenticates (for messages only): token, client certificate, exec plugin… */
  userKind: string;
  core: K8s.CoreV1Api;
  rbac: K8s.RbacAuthorizationV1Api;
  apps: K8s.AppsV1Api;
  /** Leases (flytepropeller's leader lease). */
  coordination: K8s.CoordinationV1Api;
  /** Ingresses (the control plane's gRPC routes). */
  networking: K8s.NetworkingV1Api;
  /** SubjectAccessReviews (what a credential proxy's identity may do). */
  authz: K8s.AuthorizationV1Api;
  timeoutMs: number;
  /** Runs one API call with the timeout; errors become problems naming this context. */
  call<T>(doing: string, fn: () => Promise<T>): Promise<T>;
}

/** A request that is aborted when it has no answer within `timeoutMs` (0: no deadline). */
function withDeadline(request: K8s.RequestContext, timeoutMs: number): K8s.RequestContext {
  if (timeoutMs > 0) request.setSignal(AbortSignal.timeout(timeoutMs));
  return request;
}

/** The kubeconfig's context and its cluster, or the refusal (exit 2) naming what is missing. */
function contextCluster(kc: K8s.KubeConfig, context: string, opts: KubeOptions): { ctx: K8s.Context; cluster: K8s.Cluster } {
  const ctx = kc.getContextObject(context);
  if (!ctx) throw noSuchContext(kc, [context], opts);
  const cluster = kc.getCluster(ctx.cluster);
  if (cluster) return { ctx, cluster };
  const message = `context ${context} names cluster ${JSON.stringify(ctx.cluster)}, which the kubeconfig does not define`;
  throw new FlytemcError(
    [error({ subject: kubeconfigLabel(opts), code: 'kubeconfig.cluster' }, message, 'fix the kubeconfig (kubectl config view)')],
    EXIT.usage,
  );
}

/** PEM of the CA the kubeconfig trusts for this cluster, when it names one. */
function caOf(cluster: K8s.Cluster, opts: KubeOptions): string | undefined {
  if (cluster.caData) return Buffer.from(cluster.caData, 'base64').toString('utf8');
  if (!cluster.caFile) return undefined;
  try {
    return readFileSync(cluster.caFile, 'utf8');
  } catch (e) {
    const message = `cannot read certificate-authority ${cluster.caFile}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`;
    throw new FlytemcError(
      [error({ subject: `${kubeconfigLabel(opts)} cluster ${cluster.name}`, code: 'kubeconfig.ca' }, message, 'fix the path in the kubeconfig')],
      EXIT.usage,
    );
  }
}

/** How the operator authenticates, for messages only. */
function userKindOf(user: K8s.User | null): string {
  if (!user) return 'none';
  if (user.exec) return 'exec plugin';
  if (user.authProvider) return 'auth provider';
  if (user.certData || user.certFile) return 'client certificate';
  if (user.token) return 'token';
  return user.username ? 'basic auth' : 'none';
}

export async function connect(context: string, opts: KubeOptions): Promise<Kube> {
  const mod = await k8s();
  const kc = await loadKubeConfig(opts);
  const { ctx, cluster } = contextCluster(kc, context, opts);
  kc.setCurrentContext(context);
  // before any API client exists: nothing is sent to a server whose certificate is not verified
  // unless the user said so (the client would turn rejectUnauthorized off for it)
  const tlsVerified = !refuseUnverifiedTls(kc, [context], opts).has(context);
  const caPem = caOf(cluster, opts);
  // makeApiClient's configuration, plus a middleware that gives each request its own deadline: a
  // request with no answer in time is aborted (its socket closed), not left running
  const config = mod.createConfiguration({
    baseServer: new mod.ServerConfiguration(cluster.server, {}),
    authMethods: { default: kc },
    promiseMiddleware: [{ pre: async (request) => withDeadline(request, opts.timeoutMs), post: async (response) => response }],
  });
  const kube: Kube = {
    context,
    server: trimSlashes(cluster.server),
    ...(caPem !== undefined ? { caPem } : {}),
    tlsVerified,
    userKind: userKindOf(kc.getUser(ctx.user)),
    core: new mod.CoreV1Api(config),
    rbac: new mod.RbacAuthorizationV1Api(config),
    apps: new mod.AppsV1Api(config),
    coordination: new mod.CoordinationV1Api(config),
    networking: new mod.NetworkingV1Api(config),
    authz: new mod.AuthorizationV1Api(config),
    timeoutMs: opts.timeoutMs,
    call: (doing, fn) => apiCall(kube, doing, fn),
  };
  return kube;
}

/** Reads one object: undefined when the API server says it is absent (404); any other failure is a problem naming the context. */
export function readOrAbsent<T>(k: Kube, doing: string, read: () => Promise<T>): Promise<T | undefined> {
  return k.call(doing, async () => {
    try {
      return await read();
    } catch (e) {
      if (isNotFound(e)) return undefined;
      throw e;
    }
  });
}

/** Creates one object; when another writer created it first (409), it is there: done. */
export async function createOrExisting(k: Kube, doing: string, create: () => Promise<unknown>): Promise<void> {
  await k.call(doing, async () => {
    try {
      await create();
    } catch (e) {
      if (!isConflict(e)) throw e;
    }
  });
}

/** Deletes one object; when it is gone already (404): done. */
export async function deleteOrAbsent(k: Kube, doing: string, del: () => Promise<unknown>): Promise<void> {
  await k.call(doing, async () => {
    try {
      await del();
    } catch (e) {
      if (!isNotFound(e)) throw e;
    }
  });
}

/** The namespace, created when missing; `target` names the cluster in the plan (`hub cp`, or the context). */
export async function ensureNamespace(k: Kube, ns: string, plan: Plan, target = k.context): Promise<void> {
  const have = await readOrAbsent(k, `reading namespace ${ns}`, () => k.core.readNamespace({ name: ns }));
  if (have) {
    plan.record({ target, object: `Namespace ${ns}`, action: 'unchanged' });
    return;
  }
  const body = { apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns } };
  await plan.apply({ target, object: `Namespace ${ns}`, action: 'create', after: yamlOf(body) }, () =>
    createOrExisting(k, `creating namespace ${ns}`, () => k.core.createNamespace({ body })),
  );
}

async function apiCall<T>(kube: Kube, doing: string, fn: () => Promise<T>): Promise<T> {
  // each request aborts itself at the deadline (withDeadline); this bound also covers what runs
  // before any request is sent, such as a kubeconfig exec credential plugin that hangs
  try {
    return await withTimeout(fn(), kube.timeoutMs, doing);
  } catch (e) {
    throw toProblem(kube, doing, e);
  }
}
