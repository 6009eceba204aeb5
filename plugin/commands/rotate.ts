// `flytemc rotate CONTEXT --name NAME`: a new token in the hub, FlyteAdmin rolled out, then the old token revoked (steps: cluster/rotate.ts).
import { EXIT } from '../problems/problems.ts';
import { commandLine, guard, printWarnings } from '../cli/shell.ts';
import { writeOut } from '../cli/stdio.ts';
import { CHANGE_OPTIONS, ROLLOUT_TIMEOUT, TOKEN_TIMEOUT, namespaceLine, oneMember, sessionOptions, timeoutOption } from './cluster-flags.ts';

export const summary = "rotate a data plane's token: new token proven, hub updated, FlyteAdmin rolled out, then the old token revoked";
export const usage = `Usage: flytemc rotate CONTEXT --name NAME --kube-context HUB [options]
       flytemc rotate CONTEXT --name NAME --kube-context HUB --finish

Creates a new token Secret (flyteadmin-token-<suffix>) for ServiceAccount flyteadmin in the data
plane, waits for its token and proves it (TLS, authentication, permissions), then writes it into
the hub's credentials Secret only if the hub still holds the token it replaces (a concurrent
rotate or join loses nothing; the loser deletes its new Secret). Then restarts flyteadmin and
syncresources and waits for their rollout (observed generation, updated and available replicas),
and only then deletes the old token Secret and checks with a real request that the API server
rejects the old token. Until then the old token stays valid, so FlyteAdmin never holds a dead one.

A rollout that does not finish within --rollout-timeout, or --no-restart, leaves the old token
valid and prints the command that finishes: --finish restarts flyteadmin and syncresources unless
they restarted since the hub got the new token (\`kubectl rollout restart\` counts), waits for the
rollout and revokes the old token. A failure at any step says what was done and how to go on.

Options:
  --name NAME          the cluster's name in FlyteAdmin (default: the context name)
  --kube-context HUB   the control plane's context (helm: Helm's --kube-context or current context)
  -n, --namespace NS   default: flyte (helm flytemc: Helm's namespace, so -n default is default)
  --finish             only restart (if needed), wait for the rollout and revoke the old token
  --no-restart         do not restart FlyteAdmin: the old token stays valid until --finish
  --dry-run            print the plan; change nothing
  --kubeconfig PATH    kubeconfig to use
  --insecure-skip-tls-verify  allow a context whose kubeconfig cluster skips TLS verification (refused
                       without this flag; every line about it then says so; other clusters stay verified)
  --timeout DUR        per-request timeout (default 15s)
  --token-timeout DUR  how long to wait for the token controller (default 60s)
  --rollout-timeout DUR how long to wait for the rollout of flyteadmin and syncresources (default 5m)
  --revoke-timeout DUR how long to wait for the API server to reject the old token (default 60s)
  -h, --help           this help

Exit codes (docs/plugin.md#exit-codes): 0 rotated, or the new token is in the hub and the old one
kept valid on purpose (--no-restart: the output names --finish); 1 the hub has joined no cluster of
that name here (the message names the namespace that has it), or the context is another cluster; 2
the command line is wrong, or the kubeconfig (none, no such context, a cluster that skips TLS
verification without --insecure-skip-tls-verify); 3 a cluster failed (unreachable, TLS, token, the
token controller), a concurrent rotate or join won, or the rollout did not finish in time (the old
token stays valid; the message names --finish); 70 a bug in flytemc.

Examples:
  flytemc rotate dp-us-east-1 --name dp-us-east-1 --kube-context cp
  flytemc rotate dp-us-east-1 --kube-context cp --no-restart      # then, after your own restart:
  flytemc rotate dp-us-east-1 --kube-context cp --finish
`;

export async function run(argv: string[]): Promise<number> {
  return guard(async () => {
    const { values: v, positionals } = commandLine(
      argv,
      {
        ...CHANGE_OPTIONS,
        ...TOKEN_TIMEOUT,
        ...ROLLOUT_TIMEOUT,
        'revoke-timeout': { type: 'string' },
        'no-restart': { type: 'boolean', default: false },
        finish: { type: 'boolean', default: false },
      },
      true,
    );
    if (v.help) {
      await writeOut(usage);
      return EXIT.ok;
    }
    const { context, name } = oneMember(positionals, v.name);
    const revokeTimeoutMs = timeoutOption(v['revoke-timeout'], '--revoke-timeout', 60_000);
    const rolloutTimeoutMs = timeoutOption(v['rollout-timeout'], '--rollout-timeout', 300_000);
    const { openSession, notedIn } = await import('../cluster/session.ts');
    const session = await openSession({ ...sessionOptions(v, { members: [context] }), withHub: true });
    const { namespace, plan } = session;
    await writeOut(namespaceLine(namespace, session.namespaceFrom, notedIn(session, session.hubContext, session.hubContext)));
    const { rotateCluster, rotateSummary } = await import('../cluster/rotate.ts');
    const { orStopped } = await import('../cluster/plan.ts');
    const req = { context, name, restart: !v['no-restart'], finish: v.finish, revokeTimeoutMs, rolloutTimeoutMs };
    const ran = await orStopped(plan, () => rotateCluster(req, session), writeOut);
    if (!('out' in ran)) return ran.exitCode;
    await writeOut(rotateSummary(ran.out, req, session));
    printWarnings(ran.out.warnings);
    return EXIT.ok;
  });
}
