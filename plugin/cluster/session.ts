// What join, unjoin, rotate and check start with: the kubeconfig, the hub, the namespace, progress lines and the plan of changes.
import { kubeContextSetting } from '../helm/helm.ts';
import { UsageError } from '../problems/problems.ts';
import { progressEnabled } from '../cli/shell.ts';
import { connect, type Kube } from './kube.ts';
import { loadKubeConfig, refuseMissingContexts, refuseUnverifiedTls, type KubeOptions } from './kubeconfig.ts';
import { type Change, Plan } from './plan.ts';
import { reachServer } from './probe.ts';
import { proveToken, untilRejected } from './prove.ts';
import { noted, targetContext } from './tls-note.ts';

/** How the steps reach clusters beyond the hub: real connections, or a test's fakes (test/helpers/fake-kube.ts). */
export interface Reach {
  /** The operator's connection to a context of the kubeconfig. */
  connect(context: string, opts: KubeOptions): Promise<Kube>;
  /** A data plane's token proven as FlyteAdmin uses it (prove.ts). */
  proveToken: typeof proveToken;
  /** Until the API server rejects a revoked token (prove.ts). */
  untilRejected: typeof untilRejected;
  /** A data plane's API server answers over TLS verified with its CA, without credentials (probe.ts). */
  reachServer: typeof reachServer;
}

export const REAL_REACH: Reach = { connect, proveToken, untilRejected, reachServer };

/** One run of a cluster command: what every step reads, and the plan every step records into. */
export interface ClusterSession {
  kube: KubeOptions;
  hubContext: string;
  /** The namespace of FlyteAdmin in the hub and of ServiceAccount flyteadmin in the members. */
  namespace: string;
  /** Where the namespace came from (`--namespace`, Helm's, flytemc's default), for the first line. */
  namespaceFrom: string;
  /** The hub's credentials Secret. */
  secretName: string;
  dryRun: boolean;
  /** How long to wait for the token controller. */
  tokenTimeoutMs: number;
  progress: Progress;
  plan: Plan;
  /** The hub; undefined only when the command never contacts it (join --secret-out). */
  hub?: Kube;
  reach: Reach;
  /** The contexts reached without TLS verification (--insecure-skip-tls-verify): every line naming one says so. */
  unverified?: ReadonlySet<string>;
}

/** `where`, naming `context`, as printed: noted when the session reaches that context without TLS verification. */
export const notedIn = (s: Pick<ClusterSession, 'unverified'>, where: string, context: string): string => noted(where, !s.unverified?.has(context));

/** `[name] step` lines on stderr, only when it is a terminal; never a token. */
export class Progress {
  readonly enabled: boolean;
  private readonly started = Date.now();
  constructor(
    enabled = progressEnabled(),
    private readonly unverified: ReadonlySet<string> = new Set(),
  ) {
    this.enabled = enabled;
  }
  /** `context`: the kubeconfig context the step talks to, when `target` is a cluster name. */
  step(target: string, msg: string, context?: string): void {
    if (!this.enabled) return;
    const t = ((Date.now() - this.started) / 1000).toFixed(1).padStart(5);
    const tag = noted(`[${target}]`, !this.unverified.has(context ?? targetContext(target)));
    process.stderr.write(`${t}s ${tag} ${msg}\n`);
  }
  change(c: Change, dryRun: boolean): void {
    if (c.action === 'unchanged' || c.action === 'absent') return;
    this.step(c.target, `${dryRun && c.action !== 'check' && c.action !== 'skip' ? 'would ' : ''}${c.action} ${c.object}${c.note ? ` (${c.note})` : ''}`);
  }
}

/** The hub: --kube-context; under `helm flytemc`, Helm's --kube-context (HELM_KUBECONTEXT) or its current context. */
export function hubContextOf(flag: string | undefined, currentContext: () => string, required: boolean): string {
  const set = kubeContextSetting(flag);
  if (set) return set.value;
  if (process.env.HELM_PLUGIN_NAME || !required) {
    const cur = currentContext();
    if (cur) return cur;
  }
  throw new UsageError("say which cluster is the control plane (hub): --kube-context HUB (under `helm flytemc` it defaults to Helm's current context)");
}

export interface SessionOptions {
  kube: KubeOptions;
  /** --kube-context, if given. */
  kubeContext?: string;
  namespace: string;
  namespaceFrom: string;
  secretName: string;
  dryRun: boolean;
  tokenTimeoutMs: number;
  /** The data-plane contexts the command will talk to (checked with the hub before any request). */
  members: string[];
  /** False for join --secret-out: the hub is neither required nor contacted. */
  withHub: boolean;
}

export async function openSession(o: SessionOptions & { withHub: true }): Promise<ClusterSession & { hub: Kube }>;
export async function openSession(o: SessionOptions): Promise<ClusterSession>;
export async function openSession(o: SessionOptions): Promise<ClusterSession> {
  const kc = await loadKubeConfig(o.kube);
  const hubContext = o.withHub ? hubContextOf(o.kubeContext, () => kc.getCurrentContext(), true) : (o.kubeContext ?? '(none: --secret-out)');
  const contexts = o.withHub ? [hubContext, ...o.members] : o.members;
  refuseMissingContexts(kc, contexts, o.kube);
  const unverified = refuseUnverifiedTls(kc, contexts, o.kube);
  const progress = new Progress(progressEnabled(), unverified);
  const plan = new Plan(o.dryRun, (ch) => progress.change(ch, o.dryRun), unverified);
  const hub = o.withHub ? await connect(hubContext, o.kube) : undefined;
  return {
    kube: o.kube,
    hubContext,
    namespace: o.namespace,
    namespaceFrom: o.namespaceFrom,
    secretName: o.secretName,
    dryRun: o.dryRun,
    tokenTimeoutMs: o.tokenTimeoutMs,
    progress,
    plan,
    ...(hub ? { hub } : {}),
    reach: REAL_REACH,
    unverified,
  };
}
