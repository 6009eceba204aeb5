// `flytemc unjoin CONTEXT --name NAME`: a data plane out of the values file, then out of the hub and its own cluster (phases: cluster/unjoin.ts).
import { EXIT } from '../problems/problems.ts';
import { commandLine, guard, printWarnings, self } from '../cli/shell.ts';
import { writeOut } from '../cli/stdio.ts';
import { CHANGE_OPTIONS, ROLLOUT_TIMEOUT, namespaceLine, oneMember, sessionOptions, timeoutOption } from './cluster-flags.ts';
import { ADMIN_OPTIONS, ADMIN_USAGE, adminConnection, type AdminConnection } from './admin-flags.ts';

export const summary = 'remove a data plane in two phases FlyteAdmin survives: values file and upgrade, then hub keys, token and RBAC';
export const usage = `Usage: flytemc unjoin CONTEXT --name NAME --kube-context HUB [--values FILE] [options]

Removes a data plane in two phases, so that FlyteAdmin keeps working (it fails to start while a
cluster it lists has no token file):

  phase 1: the cluster's routes (labelClusterMap) and its clusterConfigs entry out of --values
           FILE; while FlyteAdmin's deployed ConfigMaps still list the cluster, it stops there and
           prints the upgrade of the control plane that takes it out
  phase 2: once no deployed ConfigMap lists it (read from the hub, not assumed) and FlyteAdmin's
           rollout is done: its <name>_token and <name>_cacert keys in the hub's credentials
           Secret, then in the data plane the token Secret (which revokes the token) and the RBAC
           and ServiceAccount that join created and no Helm release adopted since; --restart then
           restarts flyteadmin and syncresources

Run it again after the upgrade (or with --finish, which fails with exit 3 instead of stopping after
phase 1). Refuses a CONTEXT that is not the cluster joined as NAME, and the last cluster of a
running FlyteAdmin unless --force (the message gives the commands for the end state:
the control plane running workloads itself, or back to single-cluster flyte-core). With --admin
URL it first asks FlyteAdmin for the executions on the cluster that have not ended (every project
and domain) and refuses while there are any, naming them and \`drain\`, unless --force: once
FlyteAdmin no longer lists the cluster it can neither follow nor abort them. Re-running changes
nothing.

Options:
  --name NAME          the cluster's name in FlyteAdmin (default: the context name)
  --kube-context HUB   the control plane's context (helm: Helm's --kube-context or current context)
  -n, --namespace NS   default: flyte (helm flytemc: Helm's namespace, so -n default is default)
  --values FILE        remove the cluster and its routes from FILE's multicluster.clusters
  --finish             phase 2 only: exit 3 when FlyteAdmin still lists the cluster
  --force              go on when the data plane is unreachable (or is not the recorded cluster),
                       unjoin the last cluster, or one with executions that have not ended
  --restart            roll flyteadmin and syncresources in the hub when its Secret changed
  --dry-run            print the plan and a diff (tokens masked); change nothing
  --kubeconfig PATH    kubeconfig to use
  --insecure-skip-tls-verify  allow a context whose kubeconfig cluster skips TLS verification (refused
                       without this flag; every line about it then says so; other clusters stay verified)
  --timeout DUR        per-request timeout, FlyteAdmin's too (default 15s; with --force, 5s for the data plane)
  --rollout-timeout DUR how long phase 2 waits for FlyteAdmin's rollout (default 5m)
${ADMIN_USAGE}
  -h, --help           this help

Exit codes (docs/plugin.md#exit-codes): 0 removed, phase 1 done (the output says what is left), or
nothing to do; 1 a values file is wrong or not there, the context is another cluster than the one
joined, the cluster is joined in another namespace (the message names it), it is the last data
plane of a running control plane, or (--admin) executions have not ended there (without --force);
2 the command line is wrong, or the kubeconfig (none, no such context, a cluster that skips TLS
verification without --insecure-skip-tls-verify); 3 a cluster failed (unreachable without --force,
permissions), FlyteAdmin does not answer, its rollout did not finish in time, or --finish while
FlyteAdmin still lists the cluster; 70 a bug in flytemc.

Examples:
  flytemc unjoin dp-eu-west-1 --name dp-eu-west-1 --kube-context cp --values values-cp.yaml --admin http://localhost:8088
  flytemc unjoin dp-eu-west-1 --name dp-eu-west-1 --kube-context cp --values values-cp.yaml --finish
  flytemc unjoin old-dp --name dp-old --kube-context cp --force
`;

/** The executions FlyteAdmin lists on `name` that have not ended, each described. */
async function runningWork(conn: AdminConnection, name: string): Promise<{ where: string; executions: string[] }> {
  const { FlyteAdmin, failWith } = await import('../flyteadmin/client.ts');
  const { describeExecution, runningOn } = await import('../flyteadmin/drain.ts');
  const admin = new FlyteAdmin(conn);
  const where = `FlyteAdmin ${admin.url}`;
  const running = await runningOn(admin, name).catch((e: unknown) => failWith(e, where));
  const now = Date.now();
  return { where, executions: running.map((e) => describeExecution(e, now)) };
}

const drainCommand = (conn: AdminConnection, name: string, hub: string, ns: string, values: string | undefined) =>
  `${self()} drain ${name} --admin ${conn.url} --kube-context ${hub} -n ${ns}${values ? ` -f ${values} (after the control plane's other -f files)` : ' -f VALUES...'}`;

export async function run(argv: string[]): Promise<number> {
  return guard(async () => {
    const { values: v, positionals } = commandLine(
      argv,
      {
        ...CHANGE_OPTIONS,
        ...ROLLOUT_TIMEOUT,
        values: { type: 'string' },
        force: { type: 'boolean', default: false },
        restart: { type: 'boolean', default: false },
        finish: { type: 'boolean', default: false },
        ...ADMIN_OPTIONS,
      },
      true,
    );
    if (v.help) {
      await writeOut(usage);
      return EXIT.ok;
    }
    const { context, name } = oneMember(positionals, v.name, ' (with --force it may be one that no longer answers)');
    const rolloutTimeoutMs = timeoutOption(v['rollout-timeout'], '--rollout-timeout', 300_000);
    const { openSession, notedIn } = await import('../cluster/session.ts');
    const conn = adminConnection(v, timeoutOption(v.timeout, '--timeout', 15_000), false);
    const session = await openSession({ ...sessionOptions({ ...v, 'token-timeout': undefined }, { members: [context] }), withHub: true });
    const { namespace, plan } = session;
    await writeOut(namespaceLine(namespace, session.namespaceFrom, notedIn(session, session.hubContext, session.hubContext)));
    // a member that no longer answers should not hold up a forced unjoin for long
    const memberTimeout = v.force && v.timeout === undefined ? { kube: { ...session.kube, timeoutMs: 5_000 } } : {};
    const { unjoinCluster, unjoinSummary } = await import('../cluster/unjoin.ts');
    const { orStopped } = await import('../cluster/plan.ts');
    const req = {
      context,
      name,
      force: v.force,
      restart: v.restart,
      finish: v.finish,
      rolloutTimeoutMs,
      ...(v.values ? { values: v.values } : {}),
      ...(conn ? { running: () => runningWork(conn, name), drain: drainCommand(conn, name, session.hubContext, namespace, v.values) } : {}),
    };
    const ran = await orStopped(plan, () => unjoinCluster(req, { ...session, tokenTimeoutMs: 0, ...memberTimeout }), writeOut);
    if (!('out' in ran)) return ran.exitCode;
    await writeOut(unjoinSummary(ran.out, req, session));
    printWarnings(ran.out.warnings);
    return EXIT.ok;
  });
}
