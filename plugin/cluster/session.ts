// What join, rotate and unjoin start with: the operator's kubeconfig, the hub (the control
// plane's cluster), the namespace, progress on a terminal and the plan of changes (printed as a
// diff with --dry-run). Loads the Kubernetes client, so only cluster commands import it.
import * as c from './common.ts';
import { connect, loadKubeConfig, refuseUnverifiedTls, type Kube } from './kube.ts';
import { Plan } from './plan.ts';

export interface SessionFlags {
  kubeconfig?: string | undefined;
  timeout?: string | undefined;
  'kube-context'?: string | undefined;
  namespace?: string | undefined;
  'dry-run'?: boolean | undefined;
  'token-timeout'?: string | undefined;
  'insecure-skip-tls-verify'?: boolean | undefined;
}

export interface Session {
  common: c.Common;
  plan: Plan;
  hub: Kube | undefined;
  progress: c.Progress;
  namespace: string;
  hubContext: string;
}

/**
 * `members`: the data-plane contexts the command will talk to (checked with the hub before any
 * request). With `withHub: false` (join --secret-out) the hub is neither required nor
 * contacted: `hub` is undefined.
 */
export async function openSession(v: SessionFlags, secretName?: string, members?: string[], withHub?: true): Promise<Session & { hub: Kube }>;
export async function openSession(v: SessionFlags, secretName: string | undefined, members: string[], withHub: boolean): Promise<Session>;
export async function openSession(v: SessionFlags, secretName = c.DEFAULT_SECRET, members: string[] = [], withHub = true): Promise<Session> {
  const kube = c.kubeOptions(v, 15_000);
  const kc = await loadKubeConfig(kube);
  const hubContext = withHub ? c.hubContextOf(v['kube-context'], () => kc.getCurrentContext(), true) : (v['kube-context'] ?? '(none: --secret-out)');
  refuseUnverifiedTls(kc, withHub ? [hubContext, ...members] : members, kube);
  const namespace = c.namespaceOf(v.namespace);
  const dryRun = v['dry-run'] ?? false;
  const progress = new c.Progress();
  const plan = new Plan(dryRun, (ch) => progress.change(ch, dryRun));
  const common = { kube, hubContext, namespace, secretName, dryRun, tokenTimeoutMs: c.timeoutOption(v['token-timeout'], '--token-timeout', 60_000), progress };
  const hub = withHub ? await connect(hubContext, kube) : undefined;
  return { common, plan, hub, progress, namespace, hubContext };
}
