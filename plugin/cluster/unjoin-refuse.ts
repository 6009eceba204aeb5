// What unjoin refuses before it changes anything: another namespace's cluster, the last data plane, unfinished executions, the wrong or an unreachable member.
import { FlytemcError, error, warning, type Problem, EXIT } from '../problems/problems.ts';
import type { ClusterConfig } from '../config/types.ts';
import { readText } from '../cli/stdio.ts';
import { clustersFromFile } from './check-list.ts';
import type { ClusterRecord } from './hub.ts';
import { UnreachableError, type Kube } from './kube.ts';
import { clusterUid } from './member.ts';
import { stopped } from './plan.ts';
import type { ClusterSession } from './session.ts';
import { notedIn } from './session.ts';

export interface UnjoinRequest {
  context: string;
  name: string;
  force: boolean;
  values?: string;
  /** Roll flyteadmin and syncresources in the hub when its Secret changed. */
  restart: boolean;
  /** Phase 2 only: refuse (exit 3) rather than stop after phase 1 when FlyteAdmin still lists the cluster. */
  finish: boolean;
  /** How long phase 2 waits for the rollout of FlyteAdmin's Deployments. */
  rolloutTimeoutMs: number;
  pollMs?: number;
  /** With --admin: the executions FlyteAdmin lists on the cluster that have not ended, each described, and where that was asked. */
  running?: () => Promise<{ where: string; executions: string[] }>;
  /** The drain of the cluster, for the refusal's fix. */
  drain?: string;
}

export type HubSession = ClusterSession & { hub: Kube };

/** Not joined in this namespace but in another (a forgotten -n): said, rather than cleaning up the wrong one. */
export function refuseElsewhere(req: UnjoinRequest, session: HubSession, elsewhere: string[]): void {
  const { namespace: ns, secretName, hub } = session;
  if (!elsewhere.length) return;
  throw new FlytemcError(
    [
      error(
        { code: 'unjoin.elsewhere', subject: `hub ${hub.context} Secret ${ns}/${secretName}` },
        `has no joined cluster ${JSON.stringify(req.name)} (namespace ${ns}, from ${session.namespaceFrom}); the Secret in namespace ${elsewhere.join(', ')} has it; nothing was changed`,
        `rerun with -n ${elsewhere[0]}`,
      ),
    ],
    EXIT.invalid,
  );
}

/**
 * Refuses (unless --force: a warning) while FlyteAdmin lists executions on the cluster that have not
 * ended: once it no longer lists the cluster, it can neither follow nor abort them.
 */
export async function refuseRunning(req: UnjoinRequest, warnings: Problem[]): Promise<void> {
  if (!req.running) return;
  const { where, executions } = await req.running();
  if (!executions.length) return;
  const n = executions.length;
  const them = n === 1 ? 'it' : 'them';
  const what = `${n} execution${n === 1 ? ' has' : 's have'} not ended on ${req.name}: ${executions.join(', ')}; once FlyteAdmin no longer lists ${req.name} it can neither follow nor abort ${them}`;
  const drain = req.drain ?? `flytemc drain ${req.name} --admin URL`;
  if (req.force) {
    warnings.push(warning({ code: 'unjoin.running', subject: where }, `${what} (--force)`, `abort ${them} first next time: ${drain} --abort`));
    return;
  }
  throw new FlytemcError(
    [
      error(
        { code: 'unjoin.running', subject: where },
        `${what}; nothing was changed`,
        `drain it first (cordon, then wait for the work to end, or --abort it): ${drain}; then rerun this unjoin (or pass --force to unjoin anyway)`,
      ),
    ],
    EXIT.invalid,
  );
}

const enabled = (c: ClusterConfig) => c.enabled === true || c.inCluster === true;

/**
 * Refuses to unjoin the last cluster of a running FlyteAdmin (unless --force): the values file's
 * clusters when given, else the deployed config's. Without a cluster the control plane cannot be
 * upgraded (the post-renderer refuses it) and FlyteAdmin has nowhere to send executions. With no
 * control plane deployed in the namespace yet, nothing is stranded: no refusal.
 */
export async function refuseLast(
  req: UnjoinRequest,
  lists: Array<{ clusters: ClusterConfig[] }>,
  upgrade: string,
  hubContext: string,
  ns: string,
): Promise<void> {
  if (req.force || !lists.length) return;
  const clusters = req.values ? (await clustersFromFile(req.values, readText(req.values))).clusters : lists[0]?.clusters;
  const from = req.values ?? `the hub's deployed FlyteAdmin config`;
  if (!clusters?.some((c) => c.name === req.name)) return;
  if (clusters.some((c) => c.name !== req.name && enabled(c))) return;
  const file = req.values ?? 'VALUES';
  throw new FlytemcError(
    [
      error(
        { code: 'unjoin.last', subject: from },
        `${req.name} is the last data plane FlyteAdmin is configured with: without it the control plane cannot be upgraded (the post-renderer refuses a control plane with no enabled cluster), and FlyteAdmin has nowhere to run executions; nothing was changed`,
        [
          'choose the end state first, then unjoin:',
          `(a) the control plane runs workloads itself: add \`- {name: ${hubContext}, inCluster: true, enabled: true}\` to multicluster.clusters.clusterConfigs of ${file}, route its labels to it, set flyte-core.flytepropeller.enabled=true and flyte-core.flytepropeller.clusterName=${hubContext}, run ${upgrade}, then rerun this unjoin;`,
          `(b) back to a single-cluster flyte-core: \`helm upgrade flyte flyteorg/flyte-core --version v1.16.8 -n ${ns} --kube-context ${hubContext} -f <your flyte-core values, without the multicluster block>\`, then rerun this unjoin with --force;`,
          `or rerun with --force to take ${req.name} out of ${file} now (the control plane can then only be upgraded to (a) or (b))`,
        ].join(' '),
      ),
    ],
    EXIT.invalid,
  );
}

async function reachMember(req: UnjoinRequest, session: ClusterSession): Promise<{ m: Kube; uid: string } | UnreachableError> {
  try {
    const m = await session.reach.connect(req.context, session.kube);
    return { m, uid: await clusterUid(m) };
  } catch (e) {
    if (e instanceof UnreachableError) return e;
    if (req.force && e instanceof FlytemcError) return new UnreachableError(e.problems, e.exitCode);
    throw e;
  }
}

/**
 * The member, when reached and it is the cluster recorded under the name. Unreachable: refused,
 * or with --force a warning (its objects stay); another cluster: refused, or with --force left
 * untouched while the name leaves the hub.
 */
export async function memberToClean(req: UnjoinRequest, session: HubSession, record: ClusterRecord | undefined, warnings: Problem[], rerun: string) {
  const ns = session.namespace;
  const member = await reachMember(req, session).catch((e: unknown) => {
    throw stopped(e, 'nothing was changed', rerun);
  });
  if (member instanceof UnreachableError) {
    const fix = '; if the cluster is gone for good, rerun with --force (its token Secret then stays in the cluster)';
    if (!req.force)
      throw new FlytemcError(
        member.problems.map((p) => ({ ...p, fix: `${p.fix ?? ''}${fix}` })),
        EXIT.failed,
      );
    warnings.push(
      warning(
        { code: 'unjoin.unreachable', subject: notedIn(session, `context ${req.context}`, req.context) },
        'unreachable: its token Secret and RBAC are left in place (--force)',
        `once it is back, delete Secret ${ns}/${record?.tokenSecret ?? 'flyteadmin-token'} there to revoke the token`,
      ),
    );
    return { reached: false };
  }
  if (!record || record.uid === member.uid) return { reached: true, m: member.m };
  if (req.force) return { reached: true };
  throw new FlytemcError(
    [
      error(
        { code: 'unjoin.other-cluster', subject: notedIn(session, `context ${req.context}`, req.context) },
        `is not the cluster joined as ${JSON.stringify(req.name)} (kube-system UID ${member.uid}, the hub recorded ${record.uid} at ${record.endpoint})`,
        'name the right context, or pass --force to remove the name from the hub without touching this cluster',
      ),
    ],
    EXIT.invalid,
  );
}
