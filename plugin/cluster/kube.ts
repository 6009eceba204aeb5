// The operator's side of the Kubernetes connection: the kubeconfig, one client set per context,
// and API errors turned into where/what/fix problems. @kubernetes/client-node is imported here
// (and only by the cluster modules), lazily, so `post-render` never loads it.
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type * as K8s from '@kubernetes/client-node';
import { FlytemcError, error, warning, formatProblem, EXIT } from '../problems/problems.ts';
import { redact } from '../problems/mask.ts';
import { trimSlashes } from '../yaml/json-pointer.ts';
import { type Plan, yamlOf } from './plan.ts';
import { noted } from './tls-note.ts';
import { TimeoutError, withTimeout } from './util.ts';

type K8sModule = typeof K8s;
let loaded: K8sModule | undefined;
export async function k8s(): Promise<K8sModule> {
  loaded ??= await import('@kubernetes/client-node');
  return loaded;
}

export interface KubeOptions {
  /** --kubeconfig; else $KUBECONFIG; else ~/.kube/config */
  kubeconfig?: string;
  /** Per-request timeout in ms. */
  timeoutMs: number;
  /**
   * --insecure-skip-tls-verify (kubectl's name): the user accepts that a context whose kubeconfig
   * cluster skips TLS verification (`insecure-skip-tls-verify`) is used as it is.
   * It never turns verification off for any other cluster. Without it such a context is refused
   * before any request is sent: the kubeconfig's credentials would go to an unverified server.
   */
  allowUnverifiedTls?: boolean;
  /** The contexts whose unverified TLS this run has warned about: the warning is said once per run. */
  warned?: Set<string>;
}

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

function kubeconfigLabel(opts: KubeOptions): string {
  return opts.kubeconfig ?? process.env.KUBECONFIG ?? '~/.kube/config';
}

/** The token a pod's ServiceAccount is given: in a pod, the client talks to its own cluster without a kubeconfig. */
const IN_CLUSTER_TOKEN = '/var/run/secrets/kubernetes.io/serviceaccount/token';

/**
 * No kubeconfig at all: the client would fall back to http://localhost:8080 and report a
 * connection refused there, which hides the cause. Refused with what to do instead.
 */
function refuseNoKubeconfig(opts: KubeOptions): void {
  const home = join(process.env.HOME || homedir(), '.kube', 'config');
  if (opts.kubeconfig || process.env.KUBECONFIG || existsSync(home) || existsSync(IN_CLUSTER_TOKEN)) return;
  throw new FlytemcError(
    [
      error(
        { subject: '~/.kube/config', code: 'kubeconfig.missing' },
        'no kubeconfig: that file does not exist and neither --kubeconfig nor KUBECONFIG names another, so there is no cluster to talk to',
        'pass --kubeconfig PATH or set KUBECONFIG (your cloud writes one: aws eks update-kubeconfig, gcloud container clusters get-credentials)',
      ),
    ],
    EXIT.usage,
  );
}

/** Contexts the kubeconfig does not have, with the ones it has. */
function noSuchContext(kc: K8s.KubeConfig, missing: string[], opts: KubeOptions): FlytemcError {
  const names = contextNames(kc);
  return new FlytemcError(
    [
      error(
        { subject: kubeconfigLabel(opts), code: 'kubeconfig.context' },
        `no context ${missing.map((c) => JSON.stringify(c)).join(', ')}`,
        names.length ? `use one of: ${names.join(', ')}` : 'the kubeconfig has no contexts; add one with kubectl config set-context',
      ),
    ],
    EXIT.usage,
  );
}

/** Every context a command names must be in the kubeconfig: refused before anything is sent to any cluster (exit 2). */
export function refuseMissingContexts(kc: K8s.KubeConfig, contexts: string[], opts: KubeOptions): void {
  const missing = [...new Set(contexts)].filter((c) => !kc.getContextObject(c));
  if (missing.length) throw noSuchContext(kc, missing, opts);
}

/** Loads the kubeconfig once per context (a KubeConfig object carries one current context). */
export async function loadKubeConfig(opts: KubeOptions): Promise<K8s.KubeConfig> {
  refuseNoKubeconfig(opts);
  const { KubeConfig } = await k8s();
  const kc = new KubeConfig();
  try {
    if (opts.kubeconfig) kc.loadFromFile(opts.kubeconfig);
    else kc.loadFromDefault();
  } catch (e) {
    throw new FlytemcError(
      [
        error(
          { subject: kubeconfigLabel(opts), code: 'kubeconfig.unreadable' },
          `cannot read the kubeconfig: ${(e as Error).message}`,
          'pass --kubeconfig PATH or set KUBECONFIG',
        ),
      ],
      EXIT.usage,
    );
  }
  return kc;
}

function contextNames(kc: K8s.KubeConfig): string[] {
  return kc.getContexts().map((c) => c.name);
}

/**
 * Whether the client would talk to this cluster without verifying its certificate: exactly when
 * the kubeconfig cluster has `insecure-skip-tls-verify` set (@kubernetes/client-node then turns
 * rejectUnauthorized off, and allows a plain http:// server, which it refuses otherwise).
 */
export function skipsTlsVerification(cluster: Pick<K8s.Cluster, 'skipTLSVerify'>): boolean {
  return cluster.skipTLSVerify === true;
}

/**
 * The TLS rule for the operator's own connections. A context whose kubeconfig cluster sets
 * `insecure-skip-tls-verify` is refused (all of them reported at once) unless
 * --insecure-skip-tls-verify was given. When it was, a warning says so once per run, and the
 * caller notes it on every line about such a context (tls-note.ts). Returns the contexts used
 * without verification. Contexts the kubeconfig does not have are left to connect(), which reports them.
 */
export function refuseUnverifiedTls(kc: K8s.KubeConfig, contexts: string[], opts: KubeOptions, optIn = '--insecure-skip-tls-verify'): Set<string> {
  const bad: Array<{ context: string; cluster: K8s.Cluster }> = [];
  for (const context of contexts) {
    const ctx = kc.getContextObject(context);
    const cluster = ctx ? kc.getCluster(ctx.cluster) : null;
    if (cluster && skipsTlsVerification(cluster)) bad.push({ context, cluster });
  }
  if (bad.length && !opts.allowUnverifiedTls) {
    throw new FlytemcError(
      bad.map(({ context, cluster }) =>
        error(
          { subject: `${kubeconfigLabel(opts)} context ${context} (cluster ${cluster.name}, ${cluster.server})`, code: 'cluster.tls' },
          `the cluster skips TLS verification (insecure-skip-tls-verify): flytemc would send your credentials to a server whose certificate it does not verify; nothing was sent`,
          `put the cluster CA in certificate-authority-data and remove insecure-skip-tls-verify; or, accepting the risk, pass ${optIn}`,
        ),
      ),
      EXIT.usage,
    );
  }
  for (const { context, cluster } of bad) {
    if (opts.warned?.has(context)) continue;
    opts.warned?.add(context);
    process.stderr.write(
      formatProblem(
        warning(
          { subject: noted(`context ${context} (${cluster.server})`, false), code: 'cluster.tls' },
          `the cluster skips TLS verification (insecure-skip-tls-verify), allowed by ${optIn}: your credentials go to a server whose certificate is not verified`,
          'put the cluster CA in certificate-authority-data and remove insecure-skip-tls-verify',
        ),
      ) + '\n',
    );
  }
  return new Set(bad.map((b) => b.context));
}

/**
 * The kubeconfig rules of every cluster command, for the Helm that `install` runs: the context
 * Helm will use (--kube-context, else HELM_KUBECONTEXT, else the kubeconfig's current one;
 * --kubeconfig, else KUBECONFIG) must exist, and is refused when its cluster skips TLS
 * verification, unless Helm's own --kube-insecure-skip-tls-verify was passed. No kubeconfig at
 * all, or one that cannot be read, is refused the same way (exit 2). With --kube-apiserver,
 * Helm is told the server itself: nothing to check here.
 */
export async function checkHelmContext(helmArgs: string[]): Promise<void> {
  const flag = (name: string) => {
    const i = helmArgs.findIndex((a) => a === name || a.startsWith(`${name}=`));
    if (i < 0) return undefined;
    const a = helmArgs[i]!;
    return a.includes('=') ? a.slice(a.indexOf('=') + 1) : helmArgs[i + 1];
  };
  if (flag('--kube-apiserver') !== undefined || process.env.HELM_KUBEAPISERVER) return;
  const optIn = '--kube-insecure-skip-tls-verify';
  const allowed = helmArgs.some((a) => a === optIn || a === `${optIn}=true`);
  const kubeconfig = flag('--kubeconfig');
  const opts: KubeOptions = { ...(kubeconfig ? { kubeconfig } : {}), timeoutMs: 0, ...(allowed ? { allowUnverifiedTls: true } : {}) };
  const kc = await loadKubeConfig(opts);
  const context = flag('--kube-context') ?? process.env.HELM_KUBECONTEXT ?? kc.getCurrentContext();
  if (!context) {
    const names = contextNames(kc);
    throw new FlytemcError(
      [
        error(
          { subject: kubeconfigLabel(opts), code: 'kubeconfig.context' },
          'no current context, and no --kube-context',
          names.length ? `pass --kube-context, one of: ${names.join(', ')}` : 'add a context with kubectl config set-context',
        ),
      ],
      EXIT.usage,
    );
  }
  refuseMissingContexts(kc, [context], opts);
  refuseUnverifiedTls(kc, [context], opts, `Helm's ${optIn}`);
}

/** A request that is aborted when it has no answer within `timeoutMs` (0: no deadline). */
function withDeadline(request: K8s.RequestContext, timeoutMs: number): K8s.RequestContext {
  if (timeoutMs > 0) request.setSignal(AbortSignal.timeout(timeoutMs));
  return request;
}

export async function connect(context: string, opts: KubeOptions): Promise<Kube> {
  const mod = await k8s();
  const kc = await loadKubeConfig(opts);
  const ctx = kc.getContextObject(context);
  if (!ctx) throw noSuchContext(kc, [context], opts);
  kc.setCurrentContext(context);
  const cluster = kc.getCluster(ctx.cluster);
  if (!cluster)
    throw new FlytemcError(
      [
        error(
          { subject: kubeconfigLabel(opts), code: 'kubeconfig.cluster' },
          `context ${context} names cluster ${JSON.stringify(ctx.cluster)}, which the kubeconfig does not define`,
          'fix the kubeconfig (kubectl config view)',
        ),
      ],
      EXIT.usage,
    );
  // before any API client exists: nothing is sent to a server whose certificate is not verified
  // unless the user said so (the client would turn rejectUnauthorized off for it)
  const tlsVerified = !refuseUnverifiedTls(kc, [context], opts).has(context);
  const user = kc.getUser(ctx.user);
  let caPem: string | undefined;
  if (cluster.caData) caPem = Buffer.from(cluster.caData, 'base64').toString('utf8');
  else if (cluster.caFile) {
    try {
      caPem = readFileSync(cluster.caFile, 'utf8');
    } catch (e) {
      throw new FlytemcError(
        [
          error(
            { subject: `${kubeconfigLabel(opts)} cluster ${cluster.name}`, code: 'kubeconfig.ca' },
            `cannot read certificate-authority ${cluster.caFile}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`,
            'fix the path in the kubeconfig',
          ),
        ],
        EXIT.usage,
      );
    }
  }
  const userKind = !user
    ? 'none'
    : user.exec
      ? 'exec plugin'
      : user.authProvider
        ? 'auth provider'
        : user.certData || user.certFile
          ? 'client certificate'
          : user.token
            ? 'token'
            : user.username
              ? 'basic auth'
              : 'none';
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
    userKind,
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

// ---------------------------------------------------------------------------------------------
// errors

interface ApiErrorLike {
  code?: number;
  body?: unknown;
}

export function statusCode(e: unknown): number | undefined {
  const c = (e as ApiErrorLike | undefined)?.code;
  return typeof c === 'number' ? c : undefined;
}

const isNotFound = (e: unknown) => statusCode(e) === 404;
export const isConflict = (e: unknown) => statusCode(e) === 409;

// ---------------------------------------------------------------------------------------------
// reading, creating and deleting one object: what "absent" and "there already" mean, once

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

/** The API server's own message (`Secret "x" is invalid: ...`) from an ApiException body, masked: it may quote what was sent. */
export function serverMessage(e: unknown): string {
  return redact(unmaskedServerMessage(e));
}

function unmaskedServerMessage(e: unknown): string {
  const body = (e as ApiErrorLike | undefined)?.body;
  let parsed: unknown = body;
  if (typeof body === 'string') {
    try {
      parsed = JSON.parse(body);
    } catch {
      return body.slice(0, 300);
    }
  }
  const msg = (parsed as { message?: unknown } | undefined)?.message;
  return typeof msg === 'string' ? msg : ((e as Error)?.message ?? String(e));
}

/** A network-level failure code (ECONNREFUSED, ENOTFOUND, a TLS code…) anywhere in the cause chain. */
export function networkCode(e: unknown): string | undefined {
  let cur: unknown = e;
  for (let i = 0; i < 5 && cur; i++) {
    const code = (cur as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    cur = (cur as { cause?: unknown }).cause;
  }
  return undefined;
}

/** A TLS failure's code (a certificate the CA does not sign, a name it does not cover…). */
export const isTlsCode = (code: string | undefined): boolean => !!code && /CERT|SELF_SIGNED|TLS|SSL|UNABLE_TO|ALTNAME|ERR_OSSL/.test(code);

export function describeNetworkError(code: string | undefined, server: string): { what: string; fix: string } {
  switch (code) {
    case 'ECONNREFUSED':
      return { what: `connection refused by ${server}`, fix: 'check that the API server runs and the URL/port is right' };
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return { what: `cannot resolve the host of ${server}`, fix: 'check the server URL and DNS' };
    case 'ETIMEDOUT':
    case 'ECONNRESET':
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return { what: `cannot reach ${server} (${code})`, fix: 'check network access (VPN, firewall, private endpoint)' };
    default:
      if (isTlsCode(code)) {
        return {
          what: `TLS verification of ${server} failed (${code})`,
          fix: 'the CA does not match the server certificate: fix certificate-authority(-data) in the kubeconfig',
        };
      }
      return { what: `cannot talk to ${server}${code ? ` (${code})` : ''}`, fix: 'check the server URL and network access' };
  }
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

/** Marks errors that mean "the cluster could not be reached" (for unjoin --force). */
export class UnreachableError extends FlytemcError {}

export function toProblem(kube: Pick<Kube, 'context' | 'server' | 'userKind'> & { tlsVerified?: boolean }, doing: string, e: unknown): FlytemcError {
  if (e instanceof FlytemcError) return e;
  const subject = noted(`context ${kube.context} (${kube.server})`, kube.tlsVerified !== false);
  if (e instanceof TimeoutError || (e as Error | undefined)?.name === 'AbortError')
    return new UnreachableError(
      [error({ subject, code: 'cluster.unreachable' }, `${doing}: no answer within the timeout`, 'check network access to the API server, or raise --timeout')],
      EXIT.failed,
    );
  const code = statusCode(e);
  if (code === undefined) {
    const network = networkCode(e);
    const d = describeNetworkError(network, kube.server);
    return new UnreachableError(
      [error({ subject, code: isTlsCode(network) ? 'cluster.tls' : 'cluster.unreachable' }, `${doing}: ${d.what}`, d.fix)],
      EXIT.failed,
    );
  }
  const msg = serverMessage(e);
  if (code === 401)
    return new FlytemcError(
      [
        error(
          { subject, code: 'cluster.unauthorized' },
          `${doing}: the API server rejected the kubeconfig's credentials (${kube.userKind}): ${msg}`,
          'log in again (refresh the token or exec plugin credentials), then retry',
        ),
      ],
      EXIT.failed,
    );
  if (code === 403)
    return new FlytemcError(
      [
        error(
          { subject, code: 'cluster.forbidden' },
          `${doing}: forbidden: ${msg}`,
          'use a context with cluster-admin rights (it must create ServiceAccounts, ClusterRoles, ClusterRoleBindings and Secrets)',
        ),
      ],
      EXIT.failed,
    );
  return new FlytemcError([error({ subject, code: 'cluster.api' }, `${doing}: ${msg} (HTTP ${code})`, 'see the API server message above')], EXIT.failed);
}
