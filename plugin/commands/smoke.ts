// `flytemc smoke --admin URL`: one execution per enabled data plane through FlyteAdmin, proving a live install end to end.
import { EXIT } from '../problems/problems.ts';
import { commandLine, guard, progressEnabled } from '../cli/shell.ts';
import { showUsage, writeOut } from '../cli/stdio.ts';
import { parseFormat, render, table, OUTPUT_OPTION } from '../cli/output.ts';
import { HUB_OPTIONS, namespaceOf, timeoutOption } from './cluster-flags.ts';
import { ADMIN_OPTIONS, ADMIN_USAGE, REQUEST_TIMEOUT, REQUEST_TIMEOUT_USAGE, adminConnection, hubOf, requestTimeout } from './admin-flags.ts';
import type { SmokeReport, SmokeRow } from '../flyteadmin/smoke.ts';

export const summary = 'prove a live install end to end: one execution per data plane through FlyteAdmin, each pinned to its cluster';
export const usage = `Usage: flytemc smoke --admin URL [--kube-context HUB] [-n NS] [options]

Reads the clusters FlyteAdmin runs with from the hub's deployed config (ConfigMap
flyte-admin-clusters-config, as \`check\` does), registers a one-node workflow of an \`echo\` task
(it runs inside flytepropeller, no pod) in --project/--domain under a version derived from its own
content (a rerun registers nothing new), and launches one execution per enabled data plane, each
with the execution cluster label that sends work to that cluster alone (\`join\` adds pin-<name>).
Waits until every execution ended or --timeout passed, then prints where each stopped: succeeded,
not placed (FlyteAdmin could not create it in the cluster), placed but never started (the
cluster's flytepropeller never picked it up or never reached FlyteAdmin), failed (with FlyteAdmin's
error), or placed on another cluster. Exit 0 only when every cluster reached SUCCEEDED.

With --catalog, also a cached task with fresh inputs: CACHE_POPULATED on the first data plane,
then CACHE_HIT expected on each other one (the task cache is shared through DataCatalog).

Options:
  --kube-context HUB   the control plane's context (default: the current context)
  -n, --namespace NS   the control plane's namespace (default: flyte; helm flytemc: Helm's namespace)
  --project P          default: flytesnacks
  --domain D           default: development
  --cluster NAME       only this data plane (repeatable; default: every enabled one)
  --catalog            also prove the task cache across data planes
  --timeout DUR        how long to wait for the executions (default 2m)
${REQUEST_TIMEOUT_USAGE}
${ADMIN_USAGE}
  -o, --output FMT     table (default), json or yaml
  --kubeconfig PATH    kubeconfig to use
  --insecure-skip-tls-verify  allow a hub context whose kubeconfig cluster skips TLS verification
  -h, --help           this help

Exit codes (docs/plugin.md#exit-codes): 0 every cluster reached SUCCEEDED; 1 the deployed config
lists no enabled cluster, no label sends work to one cluster alone, or FlyteAdmin has no such
project; 2 the command line is wrong, or the kubeconfig (none, no such context, a cluster that
skips TLS verification without --insecure-skip-tls-verify); 3 an execution did not succeed, the hub
or FlyteAdmin does not answer, or the hub runs no control plane there; 70 a bug in flytemc.

Examples:
  flytemc smoke --admin http://localhost:8088 --kube-context cp
  flytemc smoke --admin http://localhost:8088 --kube-context cp --cluster dp1 --timeout 30s
  flytemc smoke --admin https://flyte.example.com --client-id flytemc --client-secret-file ~/.flyte/secret --catalog
`;

/** What the operator reads after a stage: the next place to look. */
const NEXT: Record<SmokeRow['stage'], string> = {
  succeeded: '',
  'not placed': 'FlyteAdmin could not create it in that cluster: flytemc check (TOKEN, PERMISSIONS)',
  'placed but never started': "that cluster's flytepropeller never picked it up or never reached FlyteAdmin: flytemc check (PROPELLER, ADMIN)",
  running: 'still running at the timeout: rerun with a longer --timeout',
  failed: "see FlyteAdmin's error",
  'wrong cluster': 'the label routes elsewhere: flytemc routes --label',
  'cache miss': "flytepropeller's catalog endpoint: flytemc check (CATALOG)",
};

function formatReport(r: SmokeReport): string {
  const rows = r.rows.map((x) => [
    x.cluster,
    x.task,
    x.execution,
    x.phase,
    x.seconds.toFixed(1),
    x.cacheStatus ?? (x.expectedCache ? '-' : ''),
    x.stage === 'succeeded' ? 'ok' : `${x.stage}${x.detail ? `: ${x.detail}` : ''}${NEXT[x.stage] ? ` (${NEXT[x.stage]})` : ''}`,
  ]);
  const withCache = r.rows.some((x) => x.expectedCache);
  const header = ['CLUSTER', 'TASK', 'EXECUTION', 'PHASE', 'SECONDS', ...(withCache ? ['CACHE'] : []), 'RESULT'];
  const body = withCache ? rows : rows.map((x) => [...x.slice(0, 5), x[6]!]);
  const failed = r.rows.filter((x) => x.stage !== 'succeeded').length;
  const created = r.registered.filter((x) => x.result === 'created').length;
  return `${table(header, body)}\n${r.rows.length - failed} of ${r.rows.length} execution${r.rows.length === 1 ? '' : 's'} succeeded (FlyteAdmin ${r.admin}, ${r.project}/${r.domain}, version ${r.version}${created ? `, ${created} entities registered` : ', nothing new registered'})\n`;
}

export async function run(argv: string[]): Promise<number> {
  return guard(async () => {
    const { values: v } = commandLine(argv, {
      ...ADMIN_OPTIONS,
      ...REQUEST_TIMEOUT,
      ...HUB_OPTIONS,
      project: { type: 'string', default: 'flytesnacks' },
      domain: { type: 'string', default: 'development' },
      cluster: { type: 'string', multiple: true },
      catalog: { type: 'boolean', default: false },
      timeout: { type: 'string' },
      ...OUTPUT_OPTION,
    });
    if (v.help) return showUsage(usage);
    const format = parseFormat(v.output);
    const requestMs = requestTimeout(v);
    const conn = adminConnection(v, requestMs, true);
    const waitMs = timeoutOption(v.timeout, '--timeout', 120_000);

    const { deployedClusters } = await import('../cluster/deployed.ts');
    const deployed = await deployedClusters({ ...hubOf(v, requestMs), namespace: namespaceOf(v.namespace) });
    const { computeRoutes } = await import('../config/routes.ts');
    const { smokeTargets } = await import('../flyteadmin/smoke-targets.ts');
    const clusters = smokeTargets(computeRoutes(deployed.clusters), deployed.source, v.cluster);

    const { FlyteAdmin } = await import('../flyteadmin/client.ts');
    const { smoke } = await import('../flyteadmin/smoke.ts');
    const admin = new FlyteAdmin(conn);
    const showProgress = progressEnabled();
    const report = await smoke(admin, clusters, {
      project: v.project,
      domain: v.domain,
      timeoutMs: waitMs,
      catalog: v.catalog,
      ...(showProgress ? { progress: (line: string) => process.stderr.write(`\r\x1b[2K${line}`) } : {}),
    });
    if (showProgress) process.stderr.write('\r\x1b[2K');
    await writeOut(render(format, report, () => formatReport(report)));
    return report.ok ? EXIT.ok : EXIT.failed;
  });
}
