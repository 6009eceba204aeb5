// `flytemc unjoin CONTEXT --name NAME`: routes, cluster config, hub keys, then the member's
// token Secret and RBAC (see plugin/cluster/unjoin.ts).
import { EXIT, marked } from '../problems.ts';
import { commandLine, guard, printWarnings } from '../shell.ts';
import { writeOut } from '../stdio.ts';
import { CHANGE_OPTIONS, oneMember, sessionOptions } from './cluster-flags.ts';

export const summary = 'remove a data plane: its routes and config, its hub keys, then its token Secret and RBAC';
export const usage = `Usage: flytemc unjoin CONTEXT --name NAME --kube-context HUB [options]

Removes the cluster in this order: its routes (labelClusterMap) and its clusterConfigs entry in
--values FILE, its <name>_token and <name>_cacert keys in the hub's credentials Secret, then in
the data plane the token Secret (which revokes the token) and the RBAC and ServiceAccount that
flytemc created (objects Helm manages are left to \`helm uninstall\`). Refuses a CONTEXT that is
not the cluster joined as NAME. Re-running changes nothing.

Options:
  --name NAME          the cluster's name in FlyteAdmin (default: the context name)
  --kube-context HUB   the control plane's context (helm: Helm's --kube-context or current context)
  -n, --namespace NS   default: flyte (helm flytemc: Helm's namespace, so -n default is default)
  --values FILE        remove the cluster and its routes from FILE's multicluster.clusters
  --force              go on when the data plane is unreachable (or is not the recorded cluster)
  --restart            roll flyteadmin and syncresources in the hub when its Secret changed
  --dry-run            print the plan and a diff (tokens masked); change nothing
  --kubeconfig PATH    kubeconfig to use
  --insecure-skip-tls-verify  allow a context whose kubeconfig cluster skips TLS verification (refused
                       without this flag; every line about it then says so; other clusters stay verified)
  --timeout DUR        per-request timeout (default 15s; with --force, 5s for the data plane)
  -h, --help           this help

Exit codes (docs/plugin.md#exit-codes): 0 removed (or nothing to do); 1 a values file is wrong,
or the context is another cluster than the one joined; 2 the command line is wrong, or the
kubeconfig (none, no such context, a cluster that skips TLS verification without
--insecure-skip-tls-verify); 3 a cluster failed (unreachable without --force, permissions); 70 a
bug in flytemc.

Examples:
  flytemc unjoin dp-eu-west-1 --name dp-eu-west-1 --kube-context cp --values values-cp.yaml
  flytemc unjoin old-dp --name dp-old --kube-context cp --force
`;

export async function run(argv: string[]): Promise<number> {
  return guard(async () => {
    const { values: v, positionals } = commandLine(
      argv,
      {
        ...CHANGE_OPTIONS,
        values: { type: 'string' },
        force: { type: 'boolean', default: false },
        restart: { type: 'boolean', default: false },
      },
      true,
    );
    if (v.help) {
      await writeOut(usage);
      return EXIT.ok;
    }
    const { context, name } = oneMember(positionals, v.name, ' (with --force it may be one that no longer answers)');
    const { openSession } = await import('../cluster/session.ts');
    const session = await openSession({ ...sessionOptions({ ...v, 'token-timeout': undefined }, { members: [context] }), withHub: true });
    // a member that no longer answers should not hold up a forced unjoin for long
    const memberTimeout = v.force && v.timeout === undefined ? { kube: { ...session.kube, timeoutMs: 5_000 } } : {};
    const { unjoinCluster } = await import('../cluster/unjoin.ts');
    const out = await unjoinCluster(
      { context, name, force: v.force, restart: v.restart, ...(v.values ? { values: v.values } : {}) },
      { ...session, tokenTimeoutMs: 0, ...memberTimeout },
    );
    const { formatPlan } = await import('../cluster/plan.ts');
    let text = formatPlan(session.plan.changes, { diff: v['dry-run'], dryRun: v['dry-run'] });
    text += `\n${v['dry-run'] ? 'dry run: nothing was changed. ' : ''}${name} ${v['dry-run'] ? 'can be' : 'was'} removed from ${marked(`hub ${session.hubContext}`)}${out.memberReached ? '' : ' (the data plane was not reached)'}\n`;
    if (!v.values)
      text += `Remove ${name} from multicluster.clusters (clusterConfigs and labelClusterMap) of the control plane's values and helm upgrade it.\n`;
    await writeOut(text);
    printWarnings(out.warnings);
    return EXIT.ok;
  });
}
