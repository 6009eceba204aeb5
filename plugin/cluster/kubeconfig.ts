// The operator's kubeconfig: loading it, the contexts a command names, the TLS rule; the one module that loads @kubernetes/client-node, lazily (`post-render` never does).
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type * as K8s from '@kubernetes/client-node';
import { EXIT, FlytemcError, error, formatProblem, warning } from '../problems/problems.ts';
import { noted } from './tls-note.ts';

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

export function kubeconfigLabel(opts: KubeOptions): string {
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
export function noSuchContext(kc: K8s.KubeConfig, missing: string[], opts: KubeOptions): FlytemcError {
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
