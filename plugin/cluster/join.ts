// `flytemc join`: the upstream guide's credential steps for every data plane, automated and safe to re-run.
import { clusterRoleName } from '../config/rbac.ts';
import { cloudSide } from '../config/workload-identity.ts';
import { addClusters, editValuesFile, snippet, type ClusterEntry } from '../config/values-file.ts';
import { EXIT, FlytemcError, errorsIn, formatProblem, warning, type Problem } from '../problems/problems.ts';
import { needsFor } from './check-needs.ts';
import { hubStore, type CredentialStore } from './hub.ts';
import { joinCreation } from './member.ts';
import { formatPlan } from './plan.ts';
import { notedIn } from './session.ts';
import { restartDeployments } from './rollout.ts';
import { secretFile } from './secret-file.ts';
import type { ClusterSession } from './session.ts';
import { mapLimit } from './util.ts';
import { identify, joinWithToken, type JoinOutcome, type JoinRequest } from './join-member.ts';
import { joinForProxy } from './join-proxy.ts';

export { checkEndpoint } from './join-member.ts';

interface JoinOptions {
  /** At most this many clusters at once. */
  parallel: number;
  /** The data-plane release that will own what join creates (default flyte). */
  release?: string;
  force: boolean;
  rbac?: 'flyte-core' | 'minimal';
  /** --values: record the clusters and routes in this file's multicluster.clusters. */
  valuesFile?: string;
  /** --restart: roll FlyteAdmin when the hub's Secret changed. */
  restart: boolean;
  /** --secret-out FILE (with --merge): the credentials Secret into a file; the hub is never contacted. */
  secretOut?: { path: string; merge: boolean };
}

interface JoinReport {
  joined: JoinOutcome[];
  /** The problems of the clusters that were not joined. */
  failures: Problem[];
  warnings: Problem[];
  exitCode: number;
  /** The values file recorded the joined clusters (or would, in a dry run). */
  recorded: boolean;
  /** The cluster entries to print as a snippet when there is no values file. */
  entries: ClusterEntry[];
  /** For the clusters joined with --auth: the cloud side, for the operator to run. */
  cloudSide: string[];
  ms: number;
}

type Requests = Array<Omit<JoinRequest, 'force' | 'rbac' | 'needs' | 'release'>>;

/** One data plane, steps 1 to 6. */
async function joinCluster(req: JoinRequest, store: CredentialStore, session: ClusterSession): Promise<JoinOutcome> {
  const member = await identify(req, store, session);
  const creation = joinCreation(req.name, { release: req.release ?? 'flyte', namespace: session.namespace });
  return req.proxy ? joinForProxy(req, req.proxy, member, store, session, creation) : joinWithToken(req, member, store, session, creation);
}

/** The clusters joined, and the problems and exit code of those that were not (a bad value of one cluster fails it like a cluster failure). */
function collect(requests: Requests, results: Array<PromiseSettledResult<JoinOutcome>>, session: ClusterSession) {
  const failures: Problem[] = [];
  let exitCode: number = EXIT.ok;
  const joined = results.flatMap((res, i) => {
    if (res.status === 'fulfilled') return [res.value];
    const e = res.reason;
    if (!(e instanceof FlytemcError)) throw e;
    failures.push(...e.problems);
    exitCode = Math.max(exitCode, e.exitCode === EXIT.invalid ? EXIT.failed : e.exitCode);
    session.progress.step(requests[i]!.name, 'failed');
    return [];
  });
  return { joined, failures, exitCode };
}

/** The joined clusters into the values file, once for all; returns whether it changed (or would). */
async function recordValues(path: string, entries: ClusterEntry[], requests: Requests, session: ClusterSession, warnings: Problem[]): Promise<boolean> {
  const edit = await editValuesFile(path, (values) => addClusters(values, entries, path), { dryRun: session.dryRun });
  session.plan.record({
    target: path,
    object: 'multicluster.clusters',
    action: edit.changed ? (edit.created ? 'create' : 'update') : 'unchanged',
    before: edit.before,
    after: edit.after,
    note: requests.map((r) => r.name).join(', '),
  });
  if (edit.changed && !edit.commentsKept)
    warnings.push(
      warning({ code: 'join.values-rewritten', file: path }, 'rewritten as plain YAML: its layout could not be edited in place, so comments were dropped'),
    );
  return edit.changed;
}

/** FlyteAdmin reads the credentials only at start-up: restarted with --restart, else a warning says how. */
async function restartOrWarn(
  o: JoinOptions,
  requests: Requests,
  report: { joined: JoinOutcome[]; warnings: Problem[] },
  session: ClusterSession,
): Promise<void> {
  const { hub, namespace, plan } = session;
  const hubChanged = report.joined.some((j) => j.hubChanged);
  // a credential proxy reads its cluster's CA when its pod starts, as FlyteAdmin reads its token files
  const why = requests.some((r) => r.proxy)
    ? 'FlyteAdmin and its credential proxies read the credentials Secret only at start-up'
    : 'FlyteAdmin reads token files only at start-up';
  if (o.restart && hubChanged && hub) await restartDeployments(hub, namespace, plan, why);
  else if (hubChanged && !o.restart && report.joined.length && !session.dryRun && !o.secretOut)
    report.warnings.push(
      warning(
        { code: 'join.restart', subject: `hub ${session.hubContext}` },
        why,
        'pass --restart, or helm upgrade the control plane with the recorded values (which restarts it when the cluster list changes)',
      ),
    );
}

/**
 * `flytemc join`: every data plane at once (at most `parallel`), each through steps 1-6 into the
 * hub's Secret or the --secret-out file; a cluster that fails is reported and the others go on.
 * Then, once for all joined: the values file, the Secret file, and the restart of FlyteAdmin.
 * Per data plane, in this order (nothing touches the hub before the token is proven):
 *
 *   1. connect with the operator's kubeconfig (any auth: token, client cert, exec plugin)
 *   2. identify the physical cluster (kube-system UID); refuse a second name for it, a name other
 *      than the one its flytepropeller reports, and a namespace where it has no flytepropeller but
 *      another namespace has one (--force: warnings)
 *   3. ensure ServiceAccount flyteadmin, ClusterRole/-Binding <ns>-flyteadmin (flyte-core's rules,
 *      or with --rbac minimal exactly what the cluster-resource templates need), token Secret; what
 *      it creates carries Helm's ownership metadata for the data-plane release (--release, in the
 *      namespace), so that a later `install data-plane` adopts it, and flytemc's marker for unjoin
 *   4. wait for kube-controller-manager to fill the token
 *   5. prove token + CA against the endpoint: TLS verified, authenticated, every permission
 *   6. write <name>_token / <name>_cacert into the hub's credentials Secret (RV-conditioned, and
 *      refused when a concurrent rotate changed the cluster's token Secret meanwhile),
 *      or, with --secret-out, into a Secret manifest in a file (the hub is never contacted)
 *
 * Steps 1-2 and 3-6 with a token: join-member.ts; 3-6 through a credential proxy (--auth
 * eks|gke|exec): join-proxy.ts.
 */
export async function joinClusters(requests: Requests, o: JoinOptions, session: ClusterSession): Promise<JoinReport> {
  const { plan, hub, namespace } = session;
  const { needs } = await needsFor(hub, namespace, o.valuesFile);
  const names = requests.map((r) => r.name);
  const file = o.secretOut ? secretFile(o.secretOut.path, namespace, session.secretName, o.secretOut.merge, names) : undefined;
  const store = file ?? hubStore(hub!, namespace, session.secretName, plan);
  const started = Date.now();
  const settings = { force: o.force, needs, ...(o.rbac ? { rbac: o.rbac } : {}), ...(o.release ? { release: o.release } : {}) };
  const results = await mapLimit(requests, o.parallel, (r) => joinCluster({ ...r, ...settings }, store, session));
  const { joined, failures, exitCode } = collect(requests, results, session);

  const warnings: Problem[] = joined.flatMap((j) => j.warnings);
  const requestOf = (j: JoinOutcome) => requests.find((r) => r.name === j.name)!;
  const entries: ClusterEntry[] = joined.map((j) => {
    const req = requestOf(j);
    return { name: j.name, endpoint: j.endpoint, routes: req.routes, ...(req.proxy ? { credentialProxy: req.proxy.proxy } : {}) };
  });
  const cloud = joined.flatMap((j) => {
    const p = requestOf(j).proxy;
    return p ? [cloudSide(p, { name: j.name, namespace, clusterRole: clusterRoleName(namespace) })] : [];
  });
  const recorded = o.valuesFile && entries.length ? await recordValues(o.valuesFile, entries, requests, session, warnings) : false;
  if (file && joined.length) file.flush(plan);
  await restartOrWarn(o, requests, { joined, warnings }, session);
  return { joined, failures, warnings, exitCode, recorded, entries, cloudSide: cloud, ms: Date.now() - started };
}

/** What the command line asked, for the summary. */
interface Asked {
  requested: number;
  values?: string;
  secretOut?: string;
}

/** What join prints: the plan (a diff in a dry run), how many clusters joined into what, the values file or its snippet, the Secret file, the cloud side. */
export function joinSummary(report: JoinReport, asked: Asked, session: ClusterSession): string {
  const { namespace, secretName, dryRun: dry } = session;
  const joined = report.joined.length;
  const into = asked.secretOut
    ? `into ${asked.secretOut} (Secret ${namespace}/${secretName}; the hub was not contacted)`
    : `into ${notedIn(session, `hub ${session.hubContext}`, session.hubContext)} (Secret ${namespace}/${secretName})`;
  const reexport = asked.secretOut ? `, or export the control plane again (flytemc export ... -f ${asked.values})` : '';
  const fileNote = report.recorded
    ? `\n${dry ? 'would record' : 'recorded'} ${report.entries.map((e) => e.name).join(', ')} in ${asked.values}: apply it with helm upgrade${reexport}`
    : '';
  const n = asked.requested;
  let out = formatPlan(session.plan.changes, { diff: dry, dryRun: dry, group: true });
  out += `\n${dry ? 'dry run: nothing was changed. ' : ''}${joined} of ${n} cluster${n === 1 ? '' : 's'} ${dry ? 'can be joined' : 'joined'} ${into} in ${(report.ms / 1000).toFixed(1)} s${fileNote}\n`;
  if (asked.secretOut && joined && !dry)
    out += `\n${asked.secretOut} holds live tokens (mode 0600): seal or encrypt it before it goes to git (kubeseal --format yaml < ${asked.secretOut} > sealed.yaml, or sops -e), or apply it: kubectl apply --server-side -f ${asked.secretOut}\n`;
  if (!asked.values && report.entries.length) out += `\nAdd this to the control plane's values (or rerun with --values FILE):\n\n${snippet(report.entries)}`;
  if (report.cloudSide.length) out += `\n${report.cloudSide.join('\n')}`;
  return out;
}

/** The problems of the clusters not joined, then a count that says how many were (the others went on). */
export function joinFailures(report: JoinReport, requested: number): string {
  const errors = errorsIn(report.failures).length;
  const warnings = report.failures.length - errors;
  const joined = report.joined.length;
  const counts = `${errors} error${errors === 1 ? '' : 's'}${warnings ? `, ${warnings} warning${warnings === 1 ? '' : 's'}` : ''}`;
  const count = errors ? [`${counts}: ${requested - joined} of ${requested} not joined${joined ? ' (the others were)' : ''}.`] : [];
  return `${[...report.failures.map(formatProblem), ...count].join('\n')}\n`;
}
