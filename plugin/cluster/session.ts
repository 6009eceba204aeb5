// What join, rotate and unjoin start with: the operator's kubeconfig, the hub (the control
// plane's cluster), the namespace, progress on a terminal and the plan of changes (printed as a
// diff with --dry-run). Loads the Kubernetes client, so only cluster commands import it.
import * as c from './common.ts';
import { connect, loadKubeConfig, refuseUnverifiedTls } from './kube.ts';
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

/** `members`: the data-plane contexts the command will talk to (checked with the hub before any request). */
export async function openSession(v: SessionFlags, secretName = c.DEFAULT_SECRET, members: string[] = []) {
  const kube = c.kubeOptions(v, 15_000);
  const kc = await loadKubeConfig(kube);
  const hubContext = c.hubContextOf(v['kube-context'], () => kc.getCurrentContext(), true);
  refuseUnverifiedTls(kc, [hubContext, ...members], kube);
  const namespace = c.namespaceOf(v.namespace);
  const dryRun = v['dry-run'] ?? false;
  const progress = new c.Progress();
  const plan = new Plan(dryRun, (ch) => progress.change(ch, dryRun));
  const common = { kube, hubContext, namespace, secretName, dryRun, tokenTimeoutMs: c.timeoutOption(v['token-timeout'], '--token-timeout', 60_000), progress };
  const hub = await connect(hubContext, kube);
  return { common, plan, hub, progress, namespace, hubContext };
}
