// `flytemc check`: one row per configured cluster, proven from the hub's credentials Secret and,
// through the operator's kubeconfig, from the data plane's side (see plugin/cluster/check-clusters.ts).
// Exit 3 when any finding fails.
import { KUBE_OPTIONS, commandLine, guard } from '../shell.ts';
import { EXIT, UsageError } from '../problems.ts';
import { readText, writeOut } from '../stdio.ts';

export const summary = 'check every configured data plane from both sides: credentials from the hub, flytepropeller\'s way back from the member';
export const usage = `Usage: flytemc check [--kube-context HUB] [-f values.yaml] [--hub-only] [-o table|json|yaml]

For every cluster FlyteAdmin is configured with, from the hub: reads its token and CA from the
hub's credentials Secret (the files FlyteAdmin reads) and checks, as FlyteAdmin would, that the
endpoint is reachable, TLS verifies with that CA (never skipped), the token authenticates, and the
ServiceAccount may do what FlyteAdmin does there (SelfSubjectAccessReviews for each kind of the
control plane's cluster-resource templates and for FlyteWorkflow objects; a missing permission is
named per kind).

Then from the data plane's side, through your kubeconfig (a context whose server is the
cluster's endpoint; the hub itself for inCluster): flytepropeller is installed (PROPELLER), its
admin endpoint (ADMIN) and catalog endpoint (CATALOG) are not in-cluster defaults such as
flyteadmin:81 or a *.svc name of a Service that cluster does not have, its cluster id is the name
the hub lists it under (CLUSTER-ID), and it writes to the control plane's storage (STORAGE). A
cluster no context reaches is checked from the hub only. One row per cluster, one line and a fix
per failed finding; exit code 3 when any fails.

The clusters come from -f FILE (multicluster.clusters, or flyte-core's configmap.clusters), else
from the hub's deployed ConfigMap flyte-admin-clusters-config, else from what join recorded.

Options:
  --kube-context HUB   the control plane's context (default: the current context)
  -f, --values FILE    the control plane's values file
  -n, --namespace NS   default: flyte (helm flytemc: Helm's namespace, so -n default is default)
  --secret-name NAME   the credentials Secret (default: from the values file, else cluster-credentials)
  --hub-only           skip the data planes' side
  -o, --output FMT     table (default), json or yaml
  --kubeconfig PATH    kubeconfig to use
  --insecure-skip-tls-verify  allow a context whose kubeconfig cluster skips TLS verification (refused
                       without this flag; every line about it then says so; other clusters stay verified)
  --timeout DUR        per-request timeout (default 10s)
  -h, --help           this help

Examples:
  flytemc check --kube-context cp
  helm flytemc check -f values-cp.yaml -o json
  flytemc check --kube-context cp --hub-only
`;

export async function run(argv: string[]): Promise<number> {
  return guard(async () => {
    const { values: v } = commandLine(
      argv,
      {
        ...KUBE_OPTIONS,
        values: { type: 'string', short: 'f' },
        'secret-name': { type: 'string' },
        'hub-only': { type: 'boolean', default: false },
        output: { type: 'string', short: 'o', default: 'table' },
      },
    );
    if (v.help) {
      await writeOut(usage);
      return EXIT.ok;
    }
    if (!['table', 'json', 'yaml'].includes(v.output)) throw new UsageError(`-o ${JSON.stringify(v.output)}: use table, json or yaml`);
    const c = await import('../cluster/common.ts');
    const { loadKubeConfig, connect } = await import('../cluster/kube.ts');
    const kube = c.kubeOptions(v, 10_000);
    const kc = await loadKubeConfig(kube);
    const hubContext = c.hubContextOf(v['kube-context'], () => kc.getCurrentContext(), false);
    const namespace = c.namespaceOf(v.namespace);
    const hub = await connect(hubContext, kube);
    const chk = await import('../cluster/check-clusters.ts');
    let list = v.values ? await chk.clustersFromFile(v.values, readText(v.values)) : await chk.clustersDeployed(hub, namespace);
    const secretName = v['secret-name'] ?? list?.secretName ?? c.DEFAULT_SECRET;
    if (!list) {
      const { readCredentials } = await import('../cluster/hub.ts');
      const creds = await readCredentials(hub, namespace, secretName);
      list = {
        source: `what flytemc join recorded on Secret ${namespace}/${secretName}`,
        clusters: Object.entries(creds.records).map(([name, r]) => ({ name, endpoint: r.endpoint, enabled: true })),
      };
    }
    if (list.clusters.length === 0) {
      const { FlytemcError, error } = await import('../problems.ts');
      throw new FlytemcError([error(list.source, 'configures no clusters', `join one: flytemc join CONTEXT --kube-context ${hubContext}`)], EXIT.failed);
    }
    const started = Date.now();
    const needs = await chk.needsFor(hub, namespace, v.values);
    const members = v['hub-only'] ? undefined : { kube, contexts: kc.getContexts().map((x) => ({ name: x.name, ...(kc.getCluster(x.cluster)?.server ? { server: kc.getCluster(x.cluster)!.server } : {}) })) };
    const report = await chk.checkClusters(hub, namespace, secretName, list, kube.timeoutMs, { needs, ...(members ? { members } : {}) });
    const ms = Date.now() - started;
    if (v.output === 'json') await writeOut(JSON.stringify({ ...report, ms }, null, 2) + '\n');
    else if (v.output === 'yaml') {
      const { dumpYaml } = await import('../yaml.ts');
      await writeOut(dumpYaml({ ...report, ms }));
    } else await writeOut(chk.formatTable(report));
    return report.ok ? EXIT.ok : EXIT.failed;
  });
}
