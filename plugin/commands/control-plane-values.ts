// cordon, uncordon and drain on the values: `enabled` written into the file that lists the clusters, and the upgrade that applies it. Not a command.
import { readValuesFiles } from '../config/from-values.ts';
import { planEnabled } from '../config/cordon.ts';
import { editValuesFile, setEnabled } from '../config/values-file.ts';
import { kubeContextSetting, namespaceSetting, shellQuote } from '../helm/helm.ts';
import { EXIT, UsageError, error } from '../problems/problems.ts';
import { StoppedPartWay, commandLine, guard, self } from '../cli/shell.ts';
import { showUsage, writeOut } from '../cli/stdio.ts';
import { checkName } from './cluster-flags.ts';
import { Plan, formatPlan } from '../cluster/plan.ts';
import { parseInstallArgs } from '../helm/install-args.ts';
import { installChart } from './helm-install.ts';

/** The options of cordon and uncordon (drain adds its own). */
export const VALUES_OPTIONS = {
  values: { type: 'string', short: 'f', multiple: true },
  'kube-context': { type: 'string' },
  namespace: { type: 'string', short: 'n' },
  release: { type: 'string' },
  kubeconfig: { type: 'string' },
  upgrade: { type: 'boolean', default: false },
  'dry-run': { type: 'boolean', default: false },
} as const;

/** Their lines of a command's `Options:` block. */
export const VALUES_USAGE = `  -f, --values FILE    the control plane's values files, as \`install control-plane\` takes them
                       (repeatable); the last one that sets multicluster.clusters.clusterConfigs
                       is edited (the file \`join --values\` records the clusters in)
  --upgrade            then upgrade the control plane with exactly these files, as
                       \`install control-plane\` does (Helm's output is shown)
  --kube-context HUB   the control plane's context, for the upgrade (helm: Helm's --kube-context)
  -n, --namespace NS   the control plane's namespace (default: flyte; helm flytemc: Helm's namespace)
  --release NAME       the control plane's Helm release (default flyte)
  --kubeconfig PATH    kubeconfig to use
  --dry-run            print the change and the upgrade; change nothing`;

interface ValuesFlags {
  values?: string[] | undefined;
  'kube-context'?: string | undefined;
  namespace?: string | undefined;
  release?: string | undefined;
  kubeconfig?: string | undefined;
  'dry-run'?: boolean | undefined;
}

interface EnabledEdit {
  /** The file edited. */
  file: string;
  changed: boolean;
  /** The change, for the plan (a diff with --dry-run). */
  plan: Plan;
  /** Labels whose executions now fall back elsewhere (cordon), or route to the cluster again (uncordon). */
  labels: string[];
  /** The upgrade that applies it, as a command line, and its arguments for `install control-plane`. */
  upgrade: string;
  upgradeArgs: string[];
}

/** `install control-plane` with the control plane's context, namespace, release and values files. */
function upgradeOf(v: ValuesFlags, files: string[]): { line: string; args: string[] } {
  const context = kubeContextSetting(v['kube-context'])?.value;
  const ns = namespaceSetting(v.namespace).value;
  const args = [
    ...(v.release && v.release !== 'flyte' ? ['--release', v.release] : []),
    ...(context ? ['--kube-context', context] : []),
    ...(v.kubeconfig ? ['--kubeconfig', v.kubeconfig] : []),
    '-n',
    ns,
    ...files.flatMap((f) => ['-f', f]),
  ];
  return { line: `${self()} install control-plane ${args.map(shellQuote).join(' ')}`, args };
}

/**
 * Writes `enabled` of cluster `name` into the values file that holds the cluster list (refused,
 * before anything is written, as config/cordon.ts says), and the upgrade that applies it.
 */
export async function editEnabled(v: ValuesFlags, name: string, enabled: boolean): Promise<EnabledEdit> {
  const files = v.values ?? [];
  const { file, labels } = planEnabled(readValuesFiles(files).files, name, enabled, self());
  const plan = new Plan(!!v['dry-run']);
  const edit = await editValuesFile(file, (vals) => void setEnabled(vals, name, enabled, file), { dryRun: plan.dryRun });
  plan.record({
    target: file,
    object: 'multicluster.clusters.clusterConfigs',
    action: edit.changed ? 'update' : 'unchanged',
    note: `${name}: enabled: ${enabled}${edit.changed ? '' : ' already'}`,
    before: edit.before,
    after: edit.after,
  });
  const up = upgradeOf(v, files);
  return { file, changed: edit.changed, plan, labels, upgrade: up.line, upgradeArgs: up.args };
}

/** Upgrades the control plane as `install control-plane` does; a failure (Helm said why, above) stops with the cordon kept. */
export async function upgradeControlPlane(edit: EnabledEdit, kept: string): Promise<void> {
  process.stderr.write(`flytemc: upgrading the control plane: ${edit.upgrade}\n`);
  const code = await installChart(parseInstallArgs(['control-plane', ...edit.upgradeArgs]));
  if (code !== EXIT.ok)
    throw new StoppedPartWay(
      [
        error(
          'install control-plane',
          `the upgrade of the control plane failed (Helm's message is above); ${kept}`,
          `fix what Helm says, then rerun: ${edit.upgrade}`,
        ),
      ],
      code,
    );
}

/** What cordon and uncordon print: the change, what it means, and the upgrade that applies it. */
export function describeEdit(edit: EnabledEdit, name: string, enabled: boolean, o: { next: boolean; drain?: string }): string {
  const dry = edit.plan.dryRun;
  const out = [formatPlan(edit.plan.changes, { diff: dry, dryRun: dry }).trimEnd()];
  const is = dry ? 'would be' : 'is';
  if (!enabled)
    out.push(
      `${name} ${is} cordoned in ${edit.file} (enabled: false): FlyteAdmin keeps its config and credentials, so what runs there goes on and can still be aborted, and sends it no new execution once the control plane runs these values.`,
    );
  else out.push(`${name} ${is} uncordoned in ${edit.file} (enabled: true): FlyteAdmin sends it new executions again once the control plane runs these values.`);
  if (edit.labels.length)
    out.push(
      enabled
        ? `labels that route to ${name} again: ${edit.labels.join(', ')}`
        : `labels with no other enabled cluster, whose executions now go where FlyteAdmin falls back (\`${self()} routes --label L\` shows where): ${edit.labels.join(', ')}`,
    );
  if (dry) out.push(`dry run: nothing was changed; the upgrade would be:\n  ${edit.upgrade}`);
  else if (o.next) out.push(`next, upgrade the control plane with these values (or rerun with --upgrade):\n  ${edit.upgrade}`);
  if (o.drain && !dry) out.push(`then wait until nothing runs on ${name} (or abort it with --abort):\n  ${o.drain}`);
  return `${out.join('\n')}\n`;
}

/** The flags of cordon, uncordon and drain that name the control plane, as a command line (for the next command to run). */
export function controlPlaneFlags(v: ValuesFlags): string {
  const context = kubeContextSetting(v['kube-context'])?.value;
  const files = (v.values ?? []).flatMap((f) => ['-f', f]);
  return [...(context ? ['--kube-context', context] : []), '-n', namespaceSetting(v.namespace).value, ...files].map(shellQuote).join(' ');
}

/** The one NAME of cordon, uncordon and drain. */
export function clusterName(positionals: string[], command: string): string {
  if (positionals.length !== 1) throw new UsageError(`name exactly one cluster: ${self()} ${command} NAME -f VALUES...`);
  return checkName(positionals[0]!, 'NAME');
}

/** `cordon` (enabled false) and `uncordon` (true): the edit, what it means, and the upgrade printed or run. */
export async function runEnabledCommand(argv: string[], enabled: boolean, usage: string): Promise<number> {
  return guard(async () => {
    const command = enabled ? 'uncordon' : 'cordon';
    const { values: v, positionals } = commandLine(argv, VALUES_OPTIONS, true);
    if (v.help) return showUsage(usage);
    const name = clusterName(positionals, command);
    if (!v.values?.length)
      throw new UsageError(`pass the control plane's values files with -f (as for install control-plane): ${self()} ${command} ${name} -f my-values.yaml`);
    const edit = await editEnabled(v, name, enabled);
    const upgrading = v.upgrade && !v['dry-run'];
    const drain = enabled ? undefined : `${self()} drain ${name} --admin URL ${controlPlaneFlags(v)}`;
    await writeOut(describeEdit(edit, name, enabled, { next: !upgrading, ...(drain ? { drain } : {}) }));
    if (upgrading) {
      await upgradeControlPlane(edit, `${name} stays ${enabled ? 'uncordoned' : 'cordoned'} in ${edit.file}`);
      await writeOut(`the control plane is upgraded: FlyteAdmin runs the change once its pods have restarted\n`);
    }
    return EXIT.ok;
  });
}
