// `helm upgrade --install` of the chart as `install` runs it: the role's files, the post-renderer each Helm needs, its failure as an exit code.
import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { chartYaml, coreChart, declaresFlyteCore, roleFiles, shippedChart } from './chart-files.ts';
import { detectHelm, helmEnv, kubeContextSetting, namespaceSetting, pluginRoot, runHelmPassthrough, shellQuote } from './helm.ts';
import { RENDERER, helm4PluginsPath, readRecord, registerHelm4, registeredHelm4Folder, separateHelm4Dir, writeRecord } from './helm4-post-renderer/register.ts';
import { valuesFilesOf, type InstallArgs } from './install-args.ts';
import { EXIT } from '../problems/problems.ts';
import { redact } from '../problems/mask.ts';
import { debugOn, newErrorFilePath } from '../cli/shell.ts';
import { readText, writeOut } from '../cli/stdio.ts';

interface InstallPlan {
  args: string[];
  env: Record<string, string>;
}

/** The Helm command. `helm4Plugins`: the folder of the Helm 4 post-renderer plugin, when Helm 4 must be told where it is. */
export function planInstall(p: InstallArgs, major: number, root: string, helm4Plugins?: string): InstallPlan {
  const chart = p.chart ?? shippedChart(root);
  const namespace = namespaceSetting(p.namespace).value;
  const context = kubeContextSetting(p.kubeContext)?.value;
  const args = p.template ? ['template', p.release, chart] : ['upgrade', '--install', p.release, chart];
  // the whole target, spelled out: a printed command works in any shell, whatever its Helm env
  if (context) args.push('--kube-context', context);
  args.push('--namespace', namespace);
  for (const f of roleFiles(chart, p.role, p.cloud)) args.push('-f', f);
  if (p.name) args.push('--set-string', `multicluster.clusterName=${p.name}`, '--set-string', `flyte-core.flytepropeller.clusterName=${p.name}`);
  if (p.adminEndpoint) args.push('--set-string', `multicluster.controlPlane.adminEndpoint=${p.adminEndpoint}`);
  const env: Record<string, string> = {};
  // both roles: the control plane's credentials, the data plane's way back
  args.push('--post-renderer', major >= 4 ? RENDERER : join(root, 'dist', `${RENDERER}.cjs`));
  if (major >= 4 && helm4Plugins) env.HELM_PLUGINS = helm4PluginsPath(process.env.HELM_PLUGINS ?? '', helm4Plugins);
  args.push(...p.pass);
  if (p.debug || debugOn()) args.push('--debug');
  return { args, env };
}

/**
 * The exit code of a Helm that failed, by what it said (its last `Error:`): its command line
 * (2), the values or the chart's checks refusing the config (1), the post-renderer refusing it
 * (1) or failing on a bug (70), anything else (3): a cluster, the network, a timeout.
 */
export function helmFailure(stderr: string, postRendererSaid = stderr): { code: number; hint?: string } {
  const error = stderr.slice(stderr.lastIndexOf('Error: '));
  if (/error while running post render/.test(error))
    return { code: /failed unexpectedly|bug in flytemc/.test(postRendererSaid) ? EXIT.internal : EXIT.invalid };
  if (/^Error: (unknown (shorthand )?flag|flag needs an argument|invalid argument "|bad flag syntax)/.test(error))
    return {
      code: EXIT.usage,
      hint: 'Helm refused the command line: every option install does not know is passed to it unchanged (`helm upgrade --help`; with --template, `helm template --help`)',
    };
  if (/^Error: ("helm \w+" requires|expected at most|accepts \d+ arg)/.test(error))
    return { code: EXIT.usage, hint: 'install passes the release and the chart itself: pass values files with -f FILE' };
  if (/^Error: open .*: no such file or directory/.test(error)) return { code: EXIT.usage };
  if (/^Error: (execution error at \(|values don't meet the specifications of the schema|failed to parse |YAML parse error)/.test(error))
    return { code: EXIT.invalid };
  return { code: EXIT.failed };
}

/** What install checks before Helm runs, from the layers above this one: the values files' keys, the kube context. */
interface InstallChecks {
  /** Warns about the values files (Helm's -f files, then the chart's own files of the role). */
  warnValues(files: string[], chartFiles: string[]): void;
  /** Refuses a kube context the cluster commands would refuse (not run with --template). */
  checkContext(helmArgs: string[]): Promise<void>;
}

/** The Helm 4 post-renderer plugin where setup put it, else registered now in flytemc's own folder (never where a Helm 3 may read). */
function helm4Folder(dataHome: string): string {
  return registeredHelm4Folder(dataHome) ?? separateHelm4Dir(dataHome);
}

function register(dataHome: string, root: string): void {
  const folder = helm4Folder(dataHome);
  registerHelm4(folder, root);
  const rec = readRecord(dataHome);
  if (!rec.dirs.includes(join(folder, RENDERER))) writeRecord(dataHome, { ...rec, dirs: [...rec.dirs, join(folder, RENDERER)] });
}

/** What the post-renderer said when Helm 4 ran it (Helm 4 hides its stderr): shown, and returned for the exit code. */
function postRendererSaid(helmStderr: string, errorFile: string | undefined): string {
  // its launcher also writes the message to Helm's own stderr where it can (Linux), which is ours here
  const said = errorFile && existsSync(errorFile) ? readText(errorFile).trim() : '';
  const firstLine = said.split('\n')[0] ?? '';
  if (!said)
    process.stderr.write(`\nflytemc: the post-renderer failed; Helm 4 hides its message, and it wrote no error file${errorFile ? ` (${errorFile})` : ''}\n`);
  else if (!helmStderr.includes(firstLine)) process.stderr.write(`\nflytemc: the post-renderer said (Helm 4 hides it; from ${errorFile}):\n${redact(said)}\n`);
  return said;
}

/** The post-renderer's error file for this run, in this user's private folder: Helm 4 hides its stderr. */
function errorFileOrNone(): string | undefined {
  try {
    return newErrorFilePath();
  } catch {
    return undefined; // no private folder to be had: the post-renderer picks one, or says it on stderr
  }
}

/** Runs Helm as `parsed` says (or prints the command with --print); returns flytemc's exit code. */
export async function runInstall(parsed: InstallArgs, checks: InstallChecks): Promise<number> {
  const root = pluginRoot();
  const helm = detectHelm();
  const henv = helmEnv(helm);
  if (!process.env.HELM_PLUGINS && henv.HELM_PLUGINS) process.env.HELM_PLUGINS = henv.HELM_PLUGINS;
  let folder = helm.major >= 4 ? helm4Folder(henv.HELM_DATA_HOME!) : undefined;
  if (folder && (process.env.HELM_PLUGINS ?? '').split(delimiter).includes(folder)) folder = undefined;
  const plan = planInstall(parsed, helm.major, root, folder);
  const chart = parsed.chart ?? shippedChart(root);
  const meta = chartYaml(chart);
  // a --set value may be a token: the command is shown masked, like every message
  const shown = `${Object.entries(plan.env)
    .map(([k, v]) => `${k}=${shellQuote(v)} `)
    .join('')}${redact([helm.bin, ...plan.args].map(shellQuote).join(' '))}`;
  if (parsed.print) {
    await writeOut(`${shown}\n`);
    return EXIT.ok;
  }
  if (declaresFlyteCore(meta)) coreChart(chart, meta); // refused when the archive is not there
  checks.warnValues(valuesFiles(parsed), roleFiles(chart, parsed.role, parsed.cloud));
  // Helm talks to the cluster with your kubeconfig: the same rules as every cluster command
  if (!parsed.template) await checks.checkContext(plan.args);
  if (helm.major >= 4) register(henv.HELM_DATA_HOME!, root);
  if (plan.args[plan.args.indexOf('--namespace') + 1] === 'default')
    process.stderr.write(
      `flytemc: note: namespace default (Helm's -n, else your context's namespace, else default); Flyte usually runs in flyte: pass -n flyte\n`,
    );
  process.stderr.write(`flytemc: running ${shown}\n`);
  const errorFile = errorFileOrNone();
  const r = await runHelmPassthrough(helm.bin, plan.args, { ...process.env, ...plan.env, ...(errorFile ? { FLYTEMC_ERROR_FILE: errorFile } : {}) });
  if (r.code === 0) return EXIT.ok;
  const hidden = helm.major >= 4 && /error while running post render/.test(r.stderr);
  const failure = helmFailure(r.stderr, hidden ? postRendererSaid(r.stderr, errorFile) : r.stderr);
  if (failure.hint) process.stderr.write(`flytemc: ${failure.hint}\n`);
  return failure.code;
}

/** The local values files among Helm's arguments that exist (the others Helm reports itself). */
function valuesFiles(parsed: InstallArgs): string[] {
  return valuesFilesOf(parsed.pass).filter((f) => existsSync(f));
}
