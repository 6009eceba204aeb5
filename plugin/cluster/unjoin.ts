// `flytemc unjoin`: join in reverse, in two phases FlyteAdmin survives.
import { existsSync } from 'node:fs';
import { FlytemcError, error, warning, type Problem, EXIT } from '../problems/problems.ts';
import { caKey, tokenKey } from '../config/types.ts';
import { self } from '../cli/shell.ts';
import { deployedLists } from './deployed.ts';
import { joinedElsewhere, readCredentials, removeCredentials, type ClusterRecord } from './hub.ts';
import type { Kube } from './kube.ts';
import { CLUSTER_LABEL } from './member.ts';
import { deleteRbac } from './member-rbac.ts';
import { deleteTokenSecret, listTokenSecrets } from './member-token.ts';
import { describeRollout, FLYTEADMIN_DEPLOYMENTS, restartDeployments, waitForRollout } from './rollout.ts';
import { formatPlan, stopped } from './plan.ts';
import { notedIn } from './session.ts';
import { memberToClean, refuseElsewhere, refuseLast, refuseRunning, type HubSession, type UnjoinRequest } from './unjoin-refuse.ts';

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

/** Phase 1: the cluster's routes, then its config, out of the values file (one that cannot be edited stops here, nothing changed yet). */
async function editValues(req: UnjoinRequest, values: string, session: HubSession, warnings: Problem[]): Promise<void> {
  const { plan } = session;
  const vf = await import('../config/values-file.ts');
  let removal: import('../config/values-file.ts').Removal = { routes: [], config: false };
  const edit = await vf.editValuesFile(
    values,
    (v) => {
      removal = vf.removeCluster(v, req.name, values);
    },
    { dryRun: plan.dryRun },
  );
  const dropped = removal.defaultLabelDropped ? `; defaultExecutionLabel ${removal.defaultLabelDropped} removed (it had no cluster left)` : '';
  plan.record({
    target: values,
    object: 'multicluster.clusters.labelClusterMap',
    action: removal.routes.length ? 'update' : 'unchanged',
    ...(removal.routes.length ? { note: `removes ${req.name} from ${removal.routes.join(', ')}${dropped}` } : {}),
  });
  plan.record({
    target: values,
    object: 'multicluster.clusters.clusterConfigs',
    action: removal.config ? 'update' : 'unchanged',
    ...(removal.config ? { note: `removes ${req.name}` } : {}),
    ...(edit.changed ? { before: edit.before, after: edit.after } : {}),
  });
  if (edit.changed && !edit.commentsKept)
    warnings.push(warning({ code: 'unjoin.values-rewritten', file: values }, 'rewritten as plain YAML: comments were dropped'));
}

/** Phase 2 waits until every pod of FlyteAdmin runs the config without the cluster: until then its keys stay in the hub. */
async function rolledOut(req: UnjoinRequest, session: HubSession, kept: string, finish: string): Promise<void> {
  const { namespace: ns, hub, plan } = session;
  if (plan.dryRun) return;
  const say = () => session.progress.step(req.name, 'waiting for the rollout of FlyteAdmin', req.context);
  const states = await waitForRollout(hub, ns, FLYTEADMIN_DEPLOYMENTS, req.rolloutTimeoutMs, say, req.pollMs).catch((e: unknown) => {
    throw stopped(e, kept, `run ${finish}`);
  });
  const open = states.filter((s) => !s.done);
  if (!open.length) return;
  throw new FlytemcError(
    [
      error(
        { code: 'unjoin.rollout', subject: `hub ${hub.context}` },
        `FlyteAdmin's rollout is not done (${describeRollout(ns, open)}): pods that still list ${req.name} may need its token file, so its keys stay in the hub`,
        `once the rollout is done (kubectl --context ${hub.context} -n ${ns} rollout status deployment/${open[0]!.name}), run ${finish}`,
      ),
    ],
    EXIT.failed,
  );
}

/** Phase 2 in the member: every token Secret of the cluster (which revokes it), then the RBAC join created. */
async function cleanMember(req: UnjoinRequest, m: Kube, session: HubSession, record: ClusterRecord | undefined, hubToken: string | undefined): Promise<void> {
  const { namespace: ns, plan } = session;
  session.progress.step(req.name, 'deleting the token Secret and RBAC', req.context);
  const secrets = await listTokenSecrets(m, ns);
  const doomed = new Set<string>();
  if (record?.tokenSecret) doomed.add(record.tokenSecret);
  for (const r of record?.retiring ?? []) doomed.add(r.secret);
  for (const s of secrets) if ((hubToken && s.token === hubToken) || s.labels[CLUSTER_LABEL] === req.name) doomed.add(s.name);
  if (!doomed.size) doomed.add('flyteadmin-token');
  for (const name of [...doomed].sort()) await deleteTokenSecret(m, ns, name, plan);
  await deleteRbac(m, ns, plan);
}

/** Phase 1 stops while a deployed ConfigMap still lists the cluster (--finish: refused); returns those ConfigMaps. */
function stillListed(req: UnjoinRequest, session: HubSession, lists: Array<{ name: string; clusters: Array<{ name: string }> }>, upgrade: string): string[] {
  const { namespace: ns, hub, plan } = session;
  const listedIn = lists.filter((l) => l.clusters.some((c) => c.name === req.name)).map((l) => l.name);
  if (!listedIn.length) return listedIn;
  const object = `ConfigMap ${listedIn.map((n) => `${ns}/${n}`).join(', ')}`;
  plan.record({
    target: `hub ${hub.context}`,
    object,
    action: 'check',
    note: `still lists ${req.name}: its keys stay in the hub until the control plane is upgraded`,
  });
  if (req.finish)
    throw new FlytemcError(
      [
        error(
          { code: 'unjoin.still-listed', subject: `hub ${hub.context} ${object}` },
          `FlyteAdmin's deployed config still lists ${req.name}: it fails to start without ${req.name}'s token file, so its keys stay in the hub`,
          `upgrade the control plane without ${req.name} first: ${upgrade} (with the other -f files it was installed with, before it), then rerun this command`,
        ),
      ],
      EXIT.failed,
    );
  return listedIn;
}

/** Step 0: the values file, the hub's record and deployed config, read before anything changes. */
async function look(req: UnjoinRequest, session: HubSession, rerun: string) {
  const { namespace: ns, secretName, hub } = session;
  if (req.values && !existsSync(req.values))
    throw new FlytemcError(
      [
        error(
          { code: 'unjoin.no-values', file: req.values },
          'no such file',
          "pass the control plane's values file that join recorded the cluster in, or leave out --values",
        ),
      ],
      EXIT.invalid,
    );
  const nothing = (e: unknown) => {
    throw stopped(e, 'nothing was changed', rerun);
  };
  const [creds, lists] = await Promise.all([readCredentials(hub, ns, secretName), deployedLists(hub, ns)]).catch(nothing);
  if (!creds.records[req.name] && !creds.data[tokenKey(req.name)])
    refuseElsewhere(req, session, await joinedElsewhere(hub, secretName, req.name, ns).catch(nothing));
  return { creds, lists };
}

/**
 * `flytemc unjoin`: join in reverse, in two phases FlyteAdmin survives. FlyteAdmin fails to start
 * while a cluster it lists has no token file, and unjoin cannot upgrade the control plane itself
 * (it knows neither its release's values nor its chart), so:
 *
 *   phase 1: the cluster's routes and config out of --values FILE; then, while a deployed
 *            ConfigMap of FlyteAdmin still lists the cluster, stop and print the upgrade
 *   phase 2: (`unjoin --finish`, or the same command again) once no deployed ConfigMap lists it
 *            (read, not assumed) and FlyteAdmin's rollout is done: the hub's <name>_token /
 *            <name>_cacert keys and record, then in the member the token Secrets (which revokes
 *            them) and the RBAC and ServiceAccount that join created and no Helm release adopted;
 *            with --restart, the restart of flyteadmin and syncresources
 *
 * The last data plane of a running control plane is refused unless --force: it could not be upgraded without
 * a cluster. With --force, an unreachable member is skipped (its objects stay). The refusals: unjoin-refuse.ts.
 */
export async function unjoinCluster(req: UnjoinRequest, session: HubSession): Promise<UnjoinOutcome> {
  const { namespace: ns, secretName, hub, plan } = session;
  const warnings: Problem[] = [];
  const flags = `--name ${req.name} --kube-context ${hub.context} -n ${ns}${req.values ? ` --values ${req.values}` : ''}${req.restart ? ' --restart' : ''}${req.force ? ' --force' : ''}`;
  const finish = `${self()} unjoin ${req.context} ${flags} --finish`;
  const rerun = `rerun: ${self()} unjoin ${req.context} ${flags}`;
  const { creds, lists } = await look(req, session, rerun);
  const record = creds.records[req.name];
  const release = lists.find((l) => l.release)?.release ?? 'flyte';
  const upgrade = `${self()} install control-plane${release === 'flyte' ? '' : ` --release ${release}`} --kube-context ${hub.context} -n ${ns} -f ${req.values ?? 'VALUES'}`;
  await refuseLast(req, lists, upgrade, hub.context, ns);
  await refuseRunning(req, warnings).catch((e: unknown) => {
    if (e instanceof FlytemcError && e.exitCode === EXIT.invalid) throw e;
    throw stopped(e, 'nothing was changed', rerun);
  });
  session.progress.step(req.name, `connecting to context ${req.context}`, req.context);
  const member = await memberToClean(req, session, record, warnings, rerun);
  if (req.values) await editValues(req, req.values, session, warnings);
  const base = { warnings, memberReached: member.reached, upgrade, finish };
  const listedIn = stillListed(req, session, lists, upgrade);
  if (listedIn.length) return { ...base, phase: 'pending', hubChanged: false, listedIn };

  // phase 2: FlyteAdmin's pods all run the config without the cluster
  const kept = `${req.values ? `${req.name} is out of ${req.values}; ` : ''}its keys are still in the hub, so FlyteAdmin works`;
  await rolledOut(req, session, kept, finish);
  session.progress.step(req.name, `removing ${tokenKey(req.name)} and ${caKey(req.name)} from the hub`, req.context);
  const hubChanged = await removeCredentials(hub, ns, secretName, req.name, plan).catch((e: unknown) => {
    throw stopped(e, `${kept} (unless the removal landed before the answer was lost)`, `run ${finish}`);
  });
  const removed = `${req.name}'s keys are out of the hub; FlyteAdmin no longer lists it`;
  if (member.m)
    await cleanMember(req, member.m, session, record, creds.data[tokenKey(req.name)]).catch((e: unknown) => {
      throw stopped(e, `${removed}, but its token Secret or RBAC may be left in the data plane`, `run ${finish}`);
    });
  if (req.restart && hubChanged)
    await restartDeployments(hub, ns, plan, 'FlyteAdmin reads the cluster files only at start-up').catch((e: unknown) => {
      const restart = `restart flyteadmin and syncresources (kubectl --context ${hub.context} -n ${ns} rollout restart deployment/flyteadmin deployment/syncresources)`;
      throw stopped(e, `${removed}; the data plane is cleaned up`, restart);
    });
  return { ...base, phase: 'done', hubChanged, listedIn: [] };
}

/** What unjoin prints: the plan (a diff in a dry run), then the phase it reached and what is next. */
export function unjoinSummary(out: UnjoinOutcome, req: Pick<UnjoinRequest, 'name' | 'values'>, session: HubSession): string {
  const { namespace: ns, hubContext, plan } = session;
  const dry = plan.dryRun;
  const hub = notedIn(session, `hub ${hubContext}`, hubContext);
  const text = formatPlan(plan.changes, { diff: dry, dryRun: dry });
  const dryNote = dry ? 'dry run: nothing was changed. ' : '';
  const edited = req.values
    ? `${req.name} is out of ${req.values}`
    : `take ${req.name} out of multicluster.clusters (clusterConfigs and labelClusterMap) of the control plane's values`;
  if (out.phase === 'pending')
    return `${text}\n${dryNote}phase 1 of 2${dry ? ' would be' : ''} done: ${edited}; FlyteAdmin still lists ${req.name} (ConfigMap ${out.listedIn.map((n) => `${ns}/${n}`).join(', ')}), so its keys stay in ${hub}.\nNext, upgrade the control plane with the updated values (and the other -f files it was installed with, before them):\n  ${out.upgrade}\nthen finish (removes the keys, revokes the token, deletes what join created):\n  ${out.finish}\n`;
  const leftover = req.values
    ? ''
    : `If the control plane's values still list ${req.name}, remove it there (clusterConfigs and labelClusterMap) before the next upgrade.\n`;
  return `${text}\n${dryNote}${req.name} ${dry ? 'can be' : 'was'} removed from ${hub}${out.memberReached ? '' : ' (the data plane was not reached)'}\n${leftover}`;
}
