// `flytemc unjoin`: join in reverse, in two phases FlyteAdmin survives. FlyteAdmin fails to start
// while a cluster it lists has no token file, and unjoin cannot upgrade the control plane itself
// (it knows neither its release's values nor its chart), so:
//
//   phase 1: the cluster's routes and config out of --values FILE; then, while a deployed
//            ConfigMap of FlyteAdmin still lists the cluster, stop and print the upgrade
//   phase 2: (`unjoin --finish`, or the same command again) once no deployed ConfigMap lists it
//            (read, not assumed) and FlyteAdmin's rollout is done: the hub's <name>_token /
//            <name>_cacert keys and record, then in the member the token Secrets (which revokes
//            them) and the RBAC and ServiceAccount that join created and no Helm release adopted;
//            with --restart, the restart of flyteadmin and syncresources
//
// The last data plane of a running control plane is refused unless --force: it could not be upgraded without
// a cluster. With --force, an unreachable member is skipped (its objects stay).
import { existsSync } from 'node:fs';
import { FlytemcError, error, warning, type Problem, EXIT } from '../problems/problems.ts';
import { caKey, tokenKey, type ClusterConfig } from '../config/types.ts';
import { self } from '../cli/shell.ts';
import { readText } from '../cli/stdio.ts';
import { clustersFromFile } from './check-list.ts';
import { deployedLists } from './deployed.ts';
import { joinedElsewhere, readCredentials, removeCredentials } from './hub.ts';
import { UnreachableError, type Kube } from './kube.ts';
import { CLUSTER_LABEL, clusterUid, deleteRbac, deleteTokenSecret, listTokenSecrets } from './member.ts';
import { describeRollout, FLYTEADMIN_DEPLOYMENTS, restartDeployments, waitForRollout } from './rollout.ts';
import { stopped } from './plan.ts';
import type { ClusterSession } from './session.ts';

interface UnjoinRequest {
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

interface UnjoinOutcome {
  /** `pending`: phase 1 done, FlyteAdmin still lists the cluster; `done`: both phases. */
  phase: 'pending' | 'done';
  hubChanged: boolean;
  warnings: Problem[];
  memberReached: boolean;
  /** The ConfigMaps of the hub that still list the cluster (phase 1 stopped there). */
  listedIn: string[];
  /** The upgrade that takes the cluster out of FlyteAdmin's config. */
  upgrade: string;
  /** The command of phase 2. */
  finish: string;
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

const enabled = (c: ClusterConfig) => c.enabled === true || c.inCluster === true;

export async function unjoinCluster(req: UnjoinRequest, session: ClusterSession & { hub: Kube }): Promise<UnjoinOutcome> {
  const { namespace: ns, secretName, hub, plan } = session;
  const warnings: Problem[] = [];
  const say = (msg: string) => session.progress.step(req.name, msg, req.context);
  const flags = `--name ${req.name} --kube-context ${hub.context} -n ${ns}${req.values ? ` --values ${req.values}` : ''}${req.restart ? ' --restart' : ''}${req.force ? ' --force' : ''}`;
  const finish = `${self()} unjoin ${req.context} ${flags} --finish`;

  // 0. look before changing anything: the values file, the hub's record, the member, and that they match
  if (req.values && !existsSync(req.values)) {
    throw new FlytemcError(
      [error(req.values, 'no such file', "pass the control plane's values file that join recorded the cluster in, or leave out --values")],
      EXIT.invalid,
    );
  }
  const rerun = `rerun: ${self()} unjoin ${req.context} ${flags}`;
  const { creds, deployed } = await Promise.all([readCredentials(hub, ns, secretName), deployedLists(hub, ns)])
    .then(([creds, lists]) => ({ creds, deployed: { lists } }))
    .catch((e: unknown) => {
      throw stopped(e, 'nothing was changed', rerun);
    });
  const record = creds.records[req.name];
  if (!record && !creds.data[tokenKey(req.name)]) {
    // not joined here: in another namespace (a forgotten -n), say so rather than clean up the wrong one
    const elsewhere = await joinedElsewhere(hub, secretName, req.name, ns).catch((e: unknown) => {
      throw stopped(e, 'nothing was changed', rerun);
    });
    if (elsewhere.length)
      throw new FlytemcError(
        [
          error(
            `hub ${hub.context} Secret ${ns}/${secretName}`,
            `has no joined cluster ${JSON.stringify(req.name)} (namespace ${ns}, from ${session.namespaceFrom}); the Secret in namespace ${elsewhere.join(', ')} has it; nothing was changed`,
            `rerun with -n ${elsewhere[0]}`,
          ),
        ],
        EXIT.invalid,
      );
  }
  const release = deployed.lists.find((l) => l.release)?.release ?? 'flyte';
  const upgrade = `${self()} install control-plane${release === 'flyte' ? '' : ` --release ${release}`} --kube-context ${hub.context} -n ${ns} -f ${req.values ?? 'VALUES'}`;
  await refuseLast(req, deployed.lists, upgrade, hub.context, ns);
  await refuseRunning(req, warnings).catch((e: unknown) => {
    if (e instanceof FlytemcError && e.exitCode === EXIT.invalid) throw e;
    throw stopped(e, 'nothing was changed', rerun);
  });

  say(`connecting to context ${req.context}`);
  const member = await reachMember(req, session).catch((e: unknown) => {
    throw stopped(e, 'nothing was changed', rerun);
  });
  if (member instanceof UnreachableError) {
    if (!req.force) {
      throw new FlytemcError(
        member.problems.map((p) => ({
          ...p,
          fix: `${p.fix ?? ''}; if the cluster is gone for good, rerun with --force (its token Secret then stays in the cluster)`,
        })),
        EXIT.failed,
      );
    }
    warnings.push(
      warning(
        `context ${req.context}`,
        'unreachable: its token Secret and RBAC are left in place (--force)',
        `once it is back, delete Secret ${ns}/${record?.tokenSecret ?? 'flyteadmin-token'} there to revoke the token`,
      ),
    );
  } else if (record && record.uid !== member.uid && !req.force) {
    throw new FlytemcError(
      [
        error(
          `context ${req.context}`,
          `is not the cluster joined as ${JSON.stringify(req.name)} (kube-system UID ${member.uid}, the hub recorded ${record.uid} at ${record.endpoint})`,
          'name the right context, or pass --force to remove the name from the hub without touching this cluster',
        ),
      ],
      EXIT.invalid,
    );
  }
  const sameCluster = !(member instanceof UnreachableError) && (!record || record.uid === member.uid);

  // phase 1: routes, then the cluster config, in the values file
  if (req.values) {
    const vf = await import('../config/values-file.ts');
    let removal: import('../config/values-file.ts').Removal = { routes: [], config: false };
    // a values file that cannot be edited stops here: nothing is changed in any cluster yet
    const edit = await vf.editValuesFile(
      req.values,
      (values) => {
        removal = vf.removeCluster(values, req.name, req.values);
      },
      { dryRun: plan.dryRun },
    );
    plan.record({
      target: req.values,
      object: 'multicluster.clusters.labelClusterMap',
      action: removal.routes.length ? 'update' : 'unchanged',
      ...(removal.routes.length
        ? {
            note: `removes ${req.name} from ${removal.routes.join(', ')}${removal.defaultLabelDropped ? `; defaultExecutionLabel ${removal.defaultLabelDropped} removed (it had no cluster left)` : ''}`,
          }
        : {}),
    });
    plan.record({
      target: req.values,
      object: 'multicluster.clusters.clusterConfigs',
      action: removal.config ? 'update' : 'unchanged',
      ...(removal.config ? { note: `removes ${req.name}` } : {}),
      ...(edit.changed ? { before: edit.before, after: edit.after } : {}),
    });
    if (edit.changed && !edit.commentsKept) warnings.push(warning(req.values, 'rewritten as plain YAML: comments were dropped'));
  }

  // the deployed config, read: FlyteAdmin needs the keys while it lists the cluster
  const listedIn = deployed.lists.filter((l) => l.clusters.some((c) => c.name === req.name)).map((l) => l.name);
  const base = { warnings, memberReached: !(member instanceof UnreachableError), upgrade, finish };
  if (listedIn.length) {
    plan.record({
      target: `hub ${hub.context}`,
      object: `ConfigMap ${listedIn.map((n) => `${ns}/${n}`).join(', ')}`,
      action: 'check',
      note: `still lists ${req.name}: its keys stay in the hub until the control plane is upgraded`,
    });
    if (req.finish) {
      throw new FlytemcError(
        [
          error(
            `hub ${hub.context} ConfigMap ${listedIn.map((n) => `${ns}/${n}`).join(', ')}`,
            `FlyteAdmin's deployed config still lists ${req.name}: it fails to start without ${req.name}'s token file, so its keys stay in the hub`,
            `upgrade the control plane without ${req.name} first: ${upgrade} (with the other -f files it was installed with, before it), then rerun this command`,
          ),
        ],
        EXIT.failed,
      );
    }
    return { ...base, phase: 'pending', hubChanged: false, listedIn };
  }

  // phase 2: FlyteAdmin's pods all run the config without the cluster
  const kept = `${req.values ? `${req.name} is out of ${req.values}; ` : ''}its keys are still in the hub, so FlyteAdmin works`;
  if (!plan.dryRun) {
    const states = await waitForRollout(
      hub,
      ns,
      FLYTEADMIN_DEPLOYMENTS,
      req.rolloutTimeoutMs,
      () => say('waiting for the rollout of FlyteAdmin'),
      req.pollMs,
    ).catch((e: unknown) => {
      throw stopped(e, kept, `run ${finish}`);
    });
    const open = states.filter((s) => !s.done);
    if (open.length) {
      throw new FlytemcError(
        [
          error(
            `hub ${hub.context}`,
            `FlyteAdmin's rollout is not done (${describeRollout(ns, open)}): pods that still list ${req.name} may need its token file, so its keys stay in the hub`,
            `once the rollout is done (kubectl --context ${hub.context} -n ${ns} rollout status deployment/${open[0]!.name}), run ${finish}`,
          ),
        ],
        EXIT.failed,
      );
    }
  }
  say(`removing ${tokenKey(req.name)} and ${caKey(req.name)} from the hub`);
  const hubChanged = await removeCredentials(hub, ns, secretName, req.name, plan).catch((e: unknown) => {
    throw stopped(e, `${kept} (unless the removal landed before the answer was lost)`, `run ${finish}`);
  });
  const removed = `${req.name}'s keys are out of the hub; FlyteAdmin no longer lists it`;

  // the member: token Secret(s), then RBAC
  if (sameCluster && !(member instanceof UnreachableError))
    try {
      const m = member.m;
      say('deleting the token Secret and RBAC');
      const hubToken = creds.data[tokenKey(req.name)];
      const secrets = await listTokenSecrets(m, ns);
      const doomed = new Set<string>();
      if (record?.tokenSecret) doomed.add(record.tokenSecret);
      for (const r of record?.retiring ?? []) doomed.add(r.secret);
      for (const s of secrets) {
        if ((hubToken && s.token === hubToken) || s.labels[CLUSTER_LABEL] === req.name) doomed.add(s.name);
      }
      if (!doomed.size) doomed.add('flyteadmin-token');
      for (const name of [...doomed].sort()) await deleteTokenSecret(m, ns, name, plan);
      await deleteRbac(m, ns, plan);
    } catch (e) {
      throw stopped(e, `${removed}, but its token Secret or RBAC may be left in the data plane`, `run ${finish}`);
    }
  if (req.restart && hubChanged)
    await restartDeployments(hub, ns, plan, 'FlyteAdmin reads the cluster files only at start-up').catch((e: unknown) => {
      throw stopped(
        e,
        `${removed}; the data plane is cleaned up`,
        `restart flyteadmin and syncresources (kubectl --context ${hub.context} -n ${ns} rollout restart deployment/flyteadmin deployment/syncresources)`,
      );
    });
  return { ...base, phase: 'done', hubChanged, listedIn: [] };
}

/**
 * Refuses (unless --force: a warning) while FlyteAdmin lists executions on the cluster that have not
 * ended: once it no longer lists the cluster, it can neither follow nor abort them.
 */
async function refuseRunning(req: UnjoinRequest, warnings: Problem[]): Promise<void> {
  if (!req.running) return;
  const { where, executions } = await req.running();
  if (!executions.length) return;
  const n = executions.length;
  const what = `${n} execution${n === 1 ? ' has' : 's have'} not ended on ${req.name}: ${executions.join(', ')}; once FlyteAdmin no longer lists ${req.name} it can neither follow nor abort ${n === 1 ? 'it' : 'them'}`;
  if (req.force) {
    warnings.push(
      warning(where, `${what} (--force)`, `abort ${n === 1 ? 'it' : 'them'} first next time: ${req.drain ?? `flytemc drain ${req.name} --admin URL`} --abort`),
    );
    return;
  }
  throw new FlytemcError(
    [
      error(
        where,
        `${what}; nothing was changed`,
        `drain it first (cordon, then wait for the work to end, or --abort it): ${req.drain ?? `flytemc drain ${req.name} --admin URL`}; then rerun this unjoin (or pass --force to unjoin anyway)`,
      ),
    ],
    EXIT.invalid,
  );
}

/**
 * Refuses to unjoin the last cluster of a running FlyteAdmin (unless --force): the values file's
 * clusters when given, else the deployed config's. Without a cluster the control plane cannot be
 * upgraded (the post-renderer refuses it) and FlyteAdmin has nowhere to send executions. With no
 * control plane deployed in the namespace yet, nothing is stranded: no refusal.
 */
async function refuseLast(req: UnjoinRequest, lists: Array<{ clusters: ClusterConfig[] }>, upgrade: string, hubContext: string, ns: string): Promise<void> {
  if (req.force || !lists.length) return;
  let clusters: ClusterConfig[] | undefined;
  let from: string;
  if (req.values) {
    clusters = (await clustersFromFile(req.values, readText(req.values))).clusters;
    from = req.values;
  } else {
    clusters = lists[0]?.clusters;
    from = `the hub's deployed FlyteAdmin config`;
  }
  if (!clusters?.some((c) => c.name === req.name)) return;
  const others = clusters.filter((c) => c.name !== req.name && enabled(c));
  if (others.length) return;
  const file = req.values ?? 'VALUES';
  throw new FlytemcError(
    [
      error(
        from,
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
