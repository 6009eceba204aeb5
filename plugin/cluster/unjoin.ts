// `flytemc unjoin`: join in reverse, in the order that never leaves FlyteAdmin routing to a
// cluster it has no credentials for:
//
//   1. routes (labelClusterMap) and 2. the cluster config, in the values file
//   3. the hub's <name>_token / <name>_cacert keys (and its record)
//   4. the member's token Secret (revokes the token), then the RBAC and ServiceAccount that
//      flytemc created (objects Helm manages stay, for `helm uninstall` of the data plane)
//   5. with --restart, the restart of flyteadmin and syncresources when the hub changed
//
// With --force, an unreachable member is skipped (steps 1-3 still run).
import { FlytemcError, error, warning, type Problem, EXIT } from '../problems.ts';
import { caKey, tokenKey } from '../config/types.ts';
import { readCredentials, removeCredentials, restartDeployments } from './hub.ts';
import { UnreachableError, connect, type Kube } from './kube.ts';
import { CLUSTER_LABEL, clusterUid, deleteRbac, deleteTokenSecret, listTokenSecrets } from './member.ts';
import type { ClusterSession } from './session.ts';
import { isYamlError } from '../yaml.ts';
import { clustersDeployed } from './check-clusters.ts';

interface UnjoinRequest {
  context: string;
  name: string;
  force: boolean;
  values?: string;
  /** Roll flyteadmin and syncresources in the hub when its Secret changed. */
  restart: boolean;
}

interface UnjoinOutcome {
  hubChanged: boolean;
  warnings: Problem[];
  memberReached: boolean;
}

async function reachMember(req: UnjoinRequest, session: ClusterSession): Promise<{ m: Kube; uid: string } | UnreachableError> {
  try {
    const m = await connect(req.context, session.kube);
    return { m, uid: await clusterUid(m) };
  } catch (e) {
    if (e instanceof UnreachableError) return e;
    if (req.force && e instanceof FlytemcError) return new UnreachableError(e.problems, e.exitCode);
    throw e;
  }
}

export async function unjoinCluster(req: UnjoinRequest, session: ClusterSession & { hub: Kube }): Promise<UnjoinOutcome> {
  const { namespace: ns, secretName, hub, plan } = session;
  const warnings: Problem[] = [];
  const say = (msg: string) => session.progress.step(req.name, msg, req.context);

  // 0. look before changing anything: the hub's record, the member, and that they match
  const creds = await readCredentials(hub, ns, secretName);
  const record = creds.records[req.name];
  say(`connecting to context ${req.context}`);
  const member = await reachMember(req, session);
  if (member instanceof UnreachableError) {
    if (!req.force) {
      throw new FlytemcError(
        [
          ...member.problems.map((p) => ({
            ...p,
            fix: `${p.fix ?? ''}; if the cluster is gone for good, rerun with --force (its token Secret then stays in the cluster)`,
          })),
        ],
        EXIT.failed,
      );
    }
    warnings.push(
      warning(
        `context ${req.context}`,
        'unreachable: its token Secret and RBAC were left in place (--force)',
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

  // 1-2. routes, then the cluster config
  if (req.values) {
    const vf = await import('../config/values-file.ts');
    let removal: import('../config/values-file.ts').Removal = { routes: [], config: false };
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

  // warn when the deployed config still lists it: FlyteAdmin panics at start-up on a missing token file
  const deployed = await deployedClusterNames(hub, ns);
  if (deployed?.includes(req.name)) {
    warnings.push(
      warning(
        `hub ${hub.context} ConfigMap ${ns}/flyte-admin-clusters-config`,
        `still lists ${req.name}: FlyteAdmin fails to start while a listed cluster has no token file`,
        `helm upgrade the control plane with ${req.values ? `the updated ${req.values}` : `${req.name} removed from multicluster.clusters`} now`,
      ),
    );
  }

  // 3. the hub
  say(`removing ${tokenKey(req.name)} and ${caKey(req.name)} from the hub`);
  const hubChanged = await removeCredentials(hub, ns, secretName, req.name, plan);

  // 4. the member: token Secret(s), then RBAC
  if (sameCluster && !(member instanceof UnreachableError)) {
    const m = member.m;
    say('deleting the token Secret and RBAC');
    const hubToken = creds.data[tokenKey(req.name)];
    const secrets = await listTokenSecrets(m, ns);
    const doomed = new Set<string>();
    if (record?.tokenSecret) doomed.add(record.tokenSecret);
    for (const s of secrets) {
      if ((hubToken && s.token === hubToken) || s.labels[CLUSTER_LABEL] === req.name) doomed.add(s.name);
    }
    if (!doomed.size) doomed.add('flyteadmin-token');
    for (const name of [...doomed].sort()) await deleteTokenSecret(m, ns, name, plan);
    await deleteRbac(m, ns, plan);
  }
  if (req.restart && hubChanged) await restartDeployments(hub, ns, plan, 'FlyteAdmin reads the cluster files only at start-up');
  return { hubChanged, warnings, memberReached: !(member instanceof UnreachableError) };
}

/** Cluster names in the hub's deployed FlyteAdmin config, or undefined when there is none. */
async function deployedClusterNames(hub: Kube, ns: string): Promise<string[] | undefined> {
  try {
    return (await clustersDeployed(hub, ns))?.clusters.map((c) => String(c.name));
  } catch (e) {
    if (isYamlError(e)) return undefined; // not ours to judge here; `check` reports it
    throw e;
  }
}
