// `helm flytemc labels`: execution cluster labels as code (`apply`, `diff`), or flytectl attribute files.
import { join } from 'node:path';
import { readValuesFiles, type ValuesFile } from '../config/from-values.ts';
import { executionLabelsOf, routesOfValues, unrouted } from '../config/execution-labels.ts';
import { computeRoutes } from '../config/routes.ts';
import { error, EXIT, FlytemcError, UsageError } from '../problems/problems.ts';
import { parseFormat, render, type Format } from '../cli/output.ts';
import type { ExecutionLabel } from '../config/types.ts';
import type { Place } from '../problems/problems.ts';
import type { AppliedRecord, Prune } from '../flyteadmin/labels.ts';
import { commandLine, guard, partWay, printWarnings, self } from '../cli/shell.ts';
import { showUsage, writeOut } from '../cli/stdio.ts';
import { shellQuote } from '../helm/helm.ts';
import { attributeFile, writeAttributeFile, writeLabelFiles } from '../flyteadmin/label-files.ts';
import { HUB_OPTIONS, namespaceOf } from './cluster-flags.ts';
import {
  ADMIN_OPTIONS,
  ADMIN_USAGE,
  REQUEST_TIMEOUT,
  REQUEST_TIMEOUT_USAGE,
  adminConnection,
  hubOf,
  requestTimeout,
  type AdminConnection,
} from './admin-flags.ts';

export const summary = 'execution cluster labels as code: apply multicluster.executionLabels to FlyteAdmin, diff them, or write flytectl files';
export const usage = `Usage: helm flytemc labels apply --admin URL -f FILE... [--prune|--prune-all] [--dry-run] [--kube-context HUB] [-n NS]
       helm flytemc labels diff --admin URL -f FILE... [--prune|--prune-all] [--kube-context HUB] [-n NS]
       helm flytemc labels --project P --domain D [--workflow W] --label L [-f FILE...] [-o yaml|json] [--out FILE]
       helm flytemc labels -f FILE... --out DIR [-o yaml|json]

\`labels apply\` reads \`multicluster.executionLabels\` (a list of {project, domain, workflow?,
label}) from the values files and FlyteAdmin's execution cluster label attributes (matchable
attributes of type EXECUTION_CLUSTER_LABEL), prints the difference (add, change, remove, and what it
keeps) and applies it through FlyteAdmin's API: project-domain attributes, or workflow attributes
for an entry with a workflow. Before anything is written it refuses a label that labelClusterMap
(of the values, and of FlyteAdmin's deployed config) does not route, an entry listed twice, and a
project or domain FlyteAdmin does not know. FlyteAdmin's attributes carry no owner, so flytemc
records what it applied in ConfigMap flytemc-execution-labels of the control plane's namespace in
the hub (the team sees it, whichever machine or CI job applied); --prune removes the attributes of
that record that the values no longer list, --prune-all every attribute the values do not list.
Without either, other attributes are listed as kept. --dry-run shows the difference only;
\`labels diff\` shows it and exits 3 when FlyteAdmin differs from what apply would make it (for CI).

Writes the attribute file that \`flytectl update execution-cluster-label --attrFile FILE\` reads,
so that executions of the project and domain (and workflow) go to the clusters of label L. With
-f it refuses a label that the config does not route: unknown to labelClusterMap, or dropped by
FlyteAdmin because none of its clusters is enabled (such executions would silently fall back).

Without --project/--domain/--label, it reads the mapping from the values files'
\`multicluster.executionLabels\` (a list of {project, domain, workflow?, label}) and writes one
file per entry into DIR, named <project>_<domain>[_<workflow>].yaml: the mapping lives in git
with the clusters. Every entry is checked first; one label the config does not route and
nothing is written.

Options:
  apply and diff:
${ADMIN_USAGE}
  -f, --values F   values files with multicluster.executionLabels and the cluster config (repeatable)
  --prune          also remove the attributes flytemc applied before that the values no longer list
  --prune-all      also remove every attribute the values do not list, whoever set it
  --dry-run        (apply) print the difference; change nothing
  --kube-context HUB  the control plane's context (default: the current context)
  -n, --namespace NS  the control plane's namespace (default: flyte; helm flytemc: Helm's namespace)
  -o FORMAT        table (default), yaml or json
${REQUEST_TIMEOUT_USAGE}
  --kubeconfig PATH   kubeconfig to use
  --insecure-skip-tls-verify  allow a hub context whose kubeconfig cluster skips TLS verification
  the flytectl files:
  --project P      the Flyte project
  --domain D       the domain (development, staging, production, ...)
  --workflow W     only this workflow (optional)
  --label L        the execution cluster label (a key of labelClusterMap)
  -f, --values F   values files with the cluster config, to check the label (repeatable)
  -o FORMAT        yaml (default) or json
  --out FILE|DIR   write to FILE instead of standard output; with executionLabels, the folder
  -h, --help       this help

Exit codes (docs/plugin.md#exit-codes): 0 written or applied (diff: no difference); 1 a label is
not routed by the config, an entry is listed twice, a project or domain FlyteAdmin does not know,
or a values file is wrong; 2 the command line is wrong, a file cannot be read, or the kubeconfig
(none, no such context, a cluster that skips TLS verification without --insecure-skip-tls-verify);
3 diff: FlyteAdmin differs from the values; FlyteAdmin or the hub does not answer (apply says what
was applied and how to go on); 70 a bug in flytemc.

Examples:
  helm flytemc labels diff --admin http://localhost:8088 -f my-values.yaml --kube-context cp
  helm flytemc labels apply --admin http://localhost:8088 -f my-values.yaml --kube-context cp --prune

  helm flytemc labels --project flytesnacks --domain development --label team2 -f values-override.yaml --out ecl.yaml
  flytectl update execution-cluster-label --attrFile ecl.yaml

  helm flytemc labels -f my-values.yaml --out labels/
  for f in labels/*.yaml; do flytectl update execution-cluster-label --attrFile "$f"; done
`;

const FLYTECTL_OPTIONS = {
  project: { type: 'string' },
  domain: { type: 'string' },
  workflow: { type: 'string' },
  label: { type: 'string' },
  values: { type: 'string', short: 'f', multiple: true },
  output: { type: 'string', short: 'o' },
  out: { type: 'string' },
} as const;

export async function run(argv: string[]): Promise<number> {
  if (argv[0] === 'apply' || argv[0] === 'diff') return reconcile(argv[0], argv.slice(1));
  return guard(async () => {
    const { values } = commandLine(argv, FLYTECTL_OPTIONS);
    if (values.help) return showUsage(usage);
    const format = parseFormat(values.output, ['yaml', 'json']);
    const files = values.values ?? [];
    const { files: parsed, merged } = readValuesFiles(files);
    if (!values.project && !values.domain && !values.label && !values.workflow) {
      if (!files.length || !values.out)
        throw new UsageError('give --project, --domain and --label, or -f FILE --out DIR to write one file per multicluster.executionLabels entry');
      return fromValues(parsed, merged, values.out, format);
    }
    for (const k of ['project', 'domain', 'label'] as const) if (!values[k]) throw new UsageError(`--${k} is required`);
    const label = values.label!;
    if (files.length) {
      const why = unrouted(label, routesOfValues(merged, files, 'the label', LABEL_CONFIG_FIX));
      if (why) throw new FlytemcError([error({ code: 'labels.unrouted', subject: `--label ${label}` }, why.what, why.fix)]);
    } else {
      process.stderr.write('warning: the label was not checked against a config; pass -f values.yaml to check it\n');
    }
    const text = attributeFile(format, { project: values.project!, domain: values.domain!, ...(values.workflow ? { workflow: values.workflow } : {}), label });
    if (!values.out) {
      await writeOut(text);
      return EXIT.ok;
    }
    writeAttributeFile(values.out, text);
    process.stderr.write(`wrote ${values.out}; apply it with: flytectl update execution-cluster-label --attrFile ${values.out}\n`);
    return EXIT.ok;
  });
}

const LABEL_CONFIG_FIX = 'pass the values file with multicluster.clusters (or configmap.clusters)';

/** One file per `multicluster.executionLabels` entry, after checking every entry. */
async function fromValues(parsed: ValuesFile[], merged: unknown, dir: string, format: Format): Promise<number> {
  const files = parsed.map((p) => p.file);
  const entries = executionLabelsOf(parsed, merged, () => [routesOfValues(merged, files, 'the label', LABEL_CONFIG_FIX)], false);
  const { written, stale } = writeLabelFiles(dir, entries, format);
  await writeOut(
    `${written.map((f) => `wrote ${f}`).join('\n')}\napply them with: for f in ${join(dir, '*.' + (format === 'json' ? 'json' : 'yaml'))}; do flytectl update execution-cluster-label --attrFile "$f"; done\n`,
  );
  printWarnings(stale);
  return EXIT.ok;
}

/** The options of `labels apply` and `labels diff` (diff never changes anything: no --dry-run). */
const reconcileOptions = (mode: 'apply' | 'diff') =>
  ({
    values: { type: 'string', short: 'f', multiple: true },
    ...ADMIN_OPTIONS,
    ...REQUEST_TIMEOUT,
    ...HUB_OPTIONS,
    prune: { type: 'boolean', default: false },
    'prune-all': { type: 'boolean', default: false },
    ...(mode === 'apply' ? ({ 'dry-run': { type: 'boolean', default: false } } as const) : {}),
    output: { type: 'string', short: 'o' },
  }) as const;

/** `labels apply` and `labels diff`: FlyteAdmin's execution cluster label attributes made (or compared with) the values'. */
async function reconcile(mode: 'apply' | 'diff', argv: string[]): Promise<number> {
  return guard(async () => {
    const { values: v } = commandLine(argv, reconcileOptions(mode));
    if (v.help) return showUsage(usage);
    const format = parseFormat(v.output);
    const files = v.values ?? [];
    if (!files.length)
      throw new UsageError(`pass the values files that hold multicluster.executionLabels: ${self()} labels ${mode} --admin URL -f my-values.yaml`);
    if (v.prune && v['prune-all']) throw new UsageError('--prune and --prune-all exclude each other: --prune-all removes what --prune removes, and more');
    const requestMs = requestTimeout(v);
    const conn = adminConnection(v, requestMs, true);
    const ns = namespaceOf(v.namespace);
    // 1. the values: every entry checked against their labelClusterMap; nothing is contacted yet
    const { files: parsed, merged } = readValuesFiles(files);
    const valuesConfig = () => routesOfValues(merged, files, 'the labels', 'pass the values file with multicluster.clusters too');
    executionLabelsOf(parsed, merged, () => [valuesConfig()], true);
    // 2. the hub: FlyteAdmin's deployed config must route them too, and the record of what flytemc applied
    const { connectHub, readDeployedClusters } = await import('../cluster/deployed.ts');
    const { labelRecord } = await import('../cluster/label-record.ts');
    const hub = await connectHub(hubOf(v, requestMs));
    const deployed = await readDeployedClusters(hub, ns);
    const deployedConfig = { routes: computeRoutes(deployed.clusters), at: `FlyteAdmin's deployed config (${deployed.source})` };
    const entries = executionLabelsOf(parsed, merged, () => [valuesConfig(), deployedConfig], true);
    const dry = mode === 'diff' || (v as { 'dry-run'?: boolean })['dry-run'] === true;
    const rerun = [
      `${self()} labels apply --admin ${conn.url}`,
      ...files.map((f) => `-f ${shellQuote(f)}`),
      `--kube-context ${hub.context} -n ${ns}`,
      ...(v.prune ? ['--prune'] : []),
      ...(v['prune-all'] ? ['--prune-all'] : []),
    ].join(' ');
    const prune = v['prune-all'] ? 'all' : v.prune ? 'applied' : 'none';
    return showAndApply(labelRecord(hub, ns, dry), entries, { conn, mode, dry, prune, files, rerun, format });
  });
}

/** 3. FlyteAdmin: the changes shown, then applied (apply) or judged (diff). */
async function showAndApply(
  record: AppliedRecord,
  entries: Array<ExecutionLabel & { at: Place }>,
  o: { conn: AdminConnection; mode: 'apply' | 'diff'; dry: boolean; prune: Prune; files: string[]; rerun: string; format: Format },
): Promise<number> {
  const { FlyteAdmin } = await import('../flyteadmin/client.ts');
  const { applyLabels, drifts, driftError, formatChanges, labelPlan } = await import('../flyteadmin/labels.ts');
  const admin = new FlyteAdmin(o.conn);
  const desired = entries.map((e) => ({ project: e.project, domain: e.domain, ...(e.workflow ? { workflow: e.workflow } : {}), label: e.label }));
  const changes = await labelPlan(admin, record, desired, (i) => entries[i]!.at, o.prune);
  const report = { admin: admin.url, values: o.files, record: record.where, prune: o.prune, changes };
  await writeOut(render(o.format, report, () => formatChanges(changes, admin.url, o.files)));
  if (o.mode === 'diff') {
    if (drifts(changes)) throw driftError(changes, admin.url, o.files, o.rerun);
    return EXIT.ok;
  }
  if (o.dry) {
    if (o.format === 'table') await writeOut('dry run: nothing was changed\n');
    return EXIT.ok;
  }
  const out = await applyLabels(admin, record, changes, o.rerun).catch(partWay);
  if (o.format === 'table')
    await writeOut(
      out.done.length
        ? `applied ${out.done.length} change${out.done.length === 1 ? '' : 's'} to FlyteAdmin (recorded in ${record.where})\n`
        : `no change: FlyteAdmin's execution cluster labels match the values\n`,
    );
  return EXIT.ok;
}
