// `helm flytemc rbac -f VALUES`: the least-privilege ClusterRole of FlyteAdmin in a data plane, from the control plane's templates.
import { readValuesFiles } from '../config/from-values.ts';
import { error, EXIT, FlytemcError } from '../problems/problems.ts';
import { parseFormat, render, table, OUTPUT_OPTION, VALUES_OPTION } from '../cli/output.ts';
import { commandLine, guard } from '../cli/shell.ts';
import { FLYTE_CORE_TEMPLATES, SERVICE_ACCOUNT, clusterRoleName, minimalRules, neededAccess, templatesOfValues } from '../config/rbac.ts';
import { showUsage, writeOut } from '../cli/stdio.ts';

export const summary = "print the least-privilege ClusterRole FlyteAdmin needs in a data plane, from the control plane's templates";
export const usage = `Usage: helm flytemc rbac [-f FILE...] [-n NS] [-o yaml|json|table]

Prints the ClusterRole <namespace>-flyteadmin that grants ServiceAccount flyteadmin in a data
plane exactly what FlyteAdmin does there: for each kind of the control plane's cluster-resource
templates (flyte-core.cluster_resource_manager.templates in the values files, merged in order;
flyte-core's own Namespace and ResourceQuota when they set none) create, get and patch, and for
FlyteWorkflow objects create, get, update, delete, list and watch. flyte-core's default
ClusterRole grants every verb on secrets, roles, rolebindings and more.

Use it with \`flytemc join --rbac minimal --values FILE\` (creates it in each data plane) or
\`multicluster.dataPlane.rbac: minimal\` on the data-plane release (the chart narrows flyte-core's).

Options:
  -f, --values FILE   the control plane's values files (repeatable; a cloud overlay first)
  -n, --namespace NS  the data plane's namespace, which names the ClusterRole (default flyte)
  -o FORMAT           yaml (default: the ClusterRole, with where each rule comes from), json or table
  -h, --help          this help

Exit codes (docs/plugin.md#exit-codes): 0 printed; 1 a template without apiVersion/kind; 2 the
command line is wrong or a file cannot be read; 70 a bug in flytemc.

Example:
  helm flytemc rbac -f charts/flyte-multicluster/values-gcp.yaml -f controlplane-values.yaml > flyteadmin-clusterrole.yaml
`;

export async function run(argv: string[]): Promise<number> {
  return guard(async () => {
    const { values } = commandLine(argv, {
      ...VALUES_OPTION,
      namespace: { type: 'string', short: 'n' },
      ...OUTPUT_OPTION,
    });
    if (values.help) return showUsage(usage);
    const format = parseFormat(values.output, ['yaml', 'json', 'table']);
    const files = values.values ?? [];
    const { merged } = readValuesFiles(files);
    const own = templatesOfValues(merged);
    const templates = own ?? FLYTE_CORE_TEMPLATES;
    const { needs, unknown } = neededAccess(templates);
    if (unknown.length) {
      throw new FlytemcError([
        error(
          { code: 'rbac.template', subject: `${files.join(', ')}: flyte-core.cluster_resource_manager.templates` },
          `template${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')} name${unknown.length > 1 ? '' : 's'} no apiVersion and kind`,
          'give every template top-level apiVersion: and kind: lines (FlyteAdmin cannot apply it otherwise)',
        ),
      ]);
    }
    const ns = values.namespace ?? (process.env.HELM_NAMESPACE && process.env.HELM_NAMESPACE !== 'default' ? process.env.HELM_NAMESPACE : 'flyte');
    const role = {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRole',
      metadata: { name: clusterRoleName(ns), labels: { 'app.kubernetes.io/managed-by': 'flytemc', 'flytemc.io/rbac': 'minimal' } },
      rules: minimalRules(needs),
    };
    const source = own ? `the templates of ${files.join(', ')}` : "flyte-core's default templates (the files set none)";
    const text = render(format, format === 'json' ? { clusterRole: role, needs } : role, () => {
      const rows = needs.map((n) => [n.kind, n.group ? `${n.resource}.${n.group}` : n.resource, n.verbs.join(','), n.from.join(', ')]);
      return `ServiceAccount ${ns}/${SERVICE_ACCOUNT} needs, from ${source}:\n${table(['KIND', 'RESOURCE', 'VERBS', 'FROM'], rows, '  ')}`;
    });
    const header =
      format === 'yaml'
        ? `# ClusterRole for ServiceAccount ${ns}/${SERVICE_ACCOUNT} in a data plane: what FlyteAdmin needs, from ${source}.\n` +
          needs.map((n) => `#   ${n.kind} (${n.group ? `${n.resource}.${n.group}` : n.resource}): ${n.verbs.join(', ')}  <- ${n.from.join(', ')}`).join('\n') +
          '\n'
        : '';
    await writeOut(header + text);
    return EXIT.ok;
  });
}
