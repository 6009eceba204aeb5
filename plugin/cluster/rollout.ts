// FlyteAdmin's Deployments in the hub restarted like `kubectl rollout restart` and waited for like `kubectl rollout status`.
import type * as K8s from '@kubernetes/client-node';
import { escapeSegment } from '../yaml/json-pointer.ts';
import { readOrAbsent, type Kube } from './kube.ts';
import type { Plan } from './plan.ts';
import { sleep } from './util.ts';

/** The Deployments that read the credentials Secret: they must restart to read a changed one. */
export const FLYTEADMIN_DEPLOYMENTS = ['flyteadmin', 'syncresources'] as const;
const RESTART_ANNOTATION = 'flytemc.io/restartedAt';
/** What `kubectl rollout restart` stamps; a restart by hand counts as one of ours. */
const KUBECTL_RESTART_ANNOTATION = 'kubectl.kubernetes.io/restartedAt';

/** Where a Deployment's rollout stands: done, still going (and why), or failed (its progress deadline). */
interface RolloutState {
  name: string;
  done: boolean;
  /** `0 of 1 updated replicas are available`, … */
  waiting?: string;
  failed?: string;
}

/** `kubectl rollout status` for one Deployment, from its generation and status alone. */
export function rolloutState(d: K8s.V1Deployment): RolloutState {
  const name = d.metadata?.name ?? '?';
  const st = d.status ?? {};
  if ((d.metadata?.generation ?? 0) > (st.observedGeneration ?? 0))
    return { name, done: false, waiting: 'the Deployment controller has not observed the latest change yet' };
  const progressing = st.conditions?.find((c) => c.type === 'Progressing');
  if (progressing?.reason === 'ProgressDeadlineExceeded') return { name, done: false, failed: `exceeded its progress deadline (${progressing.message ?? ''})` };
  const want = d.spec?.replicas ?? 1;
  const updated = st.updatedReplicas ?? 0;
  if (updated < want) return { name, done: false, waiting: `${updated} of ${want} new replicas are updated` };
  if ((st.replicas ?? 0) > updated) return { name, done: false, waiting: `${(st.replicas ?? 0) - updated} old replicas are pending termination` };
  if ((st.availableReplicas ?? 0) < updated) return { name, done: false, waiting: `${st.availableReplicas ?? 0} of ${updated} updated replicas are available` };
  return { name, done: true };
}

/** When the pod template was last restarted (by flytemc or `kubectl rollout restart`), if ever. */
export function restartedAt(d: K8s.V1Deployment): string | undefined {
  const a = d.spec?.template?.metadata?.annotations ?? {};
  const stamps = [a[RESTART_ANNOTATION], a[KUBECTL_RESTART_ANNOTATION]].filter((x): x is string => !!x && !Number.isNaN(Date.parse(x)));
  return stamps.sort((x, y) => Date.parse(y) - Date.parse(x))[0];
}

/** The Deployments of FlyteAdmin that exist in the namespace. */
export async function flyteadminDeployments(hub: Kube, ns: string): Promise<K8s.V1Deployment[]> {
  const out: K8s.V1Deployment[] = [];
  for (const name of FLYTEADMIN_DEPLOYMENTS) {
    const d = await readOrAbsent(hub, `reading Deployment ${ns}/${name}`, () => hub.apps.readNamespacedDeployment({ name, namespace: ns }));
    if (d) out.push(d);
  }
  return out;
}

/** Rolls the Deployments (like `kubectl rollout restart`) so FlyteAdmin reads the new files; returns the names restarted. */
export async function restartDeployments(
  hub: Kube,
  ns: string,
  plan: Plan,
  reason: string,
  names: readonly string[] = FLYTEADMIN_DEPLOYMENTS,
): Promise<string[]> {
  const target = `hub ${hub.context}`;
  const now = new Date().toISOString();
  const restarted: string[] = [];
  for (const name of names) {
    const object = `Deployment ${ns}/${name}`;
    const have = await readOrAbsent(hub, `reading ${object}`, () => hub.apps.readNamespacedDeployment({ name, namespace: ns }));
    if (!have) {
      plan.record({ target, object, action: 'absent', note: 'nothing to restart (is the control plane installed in this namespace?)' });
      continue;
    }
    const hasAnnotations = !!have.spec?.template?.metadata?.annotations;
    const body = hasAnnotations
      ? [{ op: 'add', path: `/spec/template/metadata/annotations/${escapeSegment(RESTART_ANNOTATION)}`, value: now }]
      : [{ op: 'add', path: '/spec/template/metadata/annotations', value: { [RESTART_ANNOTATION]: now } }];
    await plan.apply({ target, object, action: 'restart', note: reason }, () =>
      hub.call(`restarting ${object}`, () => hub.apps.patchNamespacedDeployment({ name, namespace: ns, body })),
    );
    restarted.push(name);
  }
  return restarted;
}

/**
 * Polls the Deployments until every rollout is done, one failed (its progress deadline), or
 * `timeoutMs` passed; returns the last state of each. A Deployment that disappears counts as done:
 * no pod of it holds anything.
 */
export async function waitForRollout(
  hub: Kube,
  ns: string,
  names: readonly string[],
  timeoutMs: number,
  onWait?: (waiting: RolloutState[]) => void,
  pollMs = 500,
): Promise<RolloutState[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const states: RolloutState[] = [];
    for (const name of names) {
      const d = await readOrAbsent(hub, `reading Deployment ${ns}/${name}`, () => hub.apps.readNamespacedDeployment({ name, namespace: ns }));
      states.push(d ? rolloutState(d) : { name, done: true });
    }
    const open = states.filter((s) => !s.done);
    if (!open.length || open.some((s) => s.failed) || Date.now() >= deadline) return states;
    onWait?.(open);
    await sleep(Math.min(pollMs, Math.max(0, deadline - Date.now())));
  }
}

/** `Deployment flyte/flyteadmin: 0 of 1 updated replicas are available; …` for messages. */
export const describeRollout = (ns: string, states: RolloutState[]): string =>
  states
    .filter((s) => !s.done)
    .map((s) => `Deployment ${ns}/${s.name}: ${s.failed ?? s.waiting}`)
    .join('; ');
