// `helm upgrade --install` of the flyte-multicluster chart as `install` runs it (also `cordon
// --upgrade`): install's own options taken out of the command line, the values files of the role
// and cloud, the post-renderer in the form the running Helm needs (the Helm 4 plugin registered on
// the fly), Helm's output passed through, and Helm's failure turned into flytemc's exit code.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { delimiter } from 'node:path';
import { chartYaml, coreChart, declaresFlyteCore, roleFiles, shippedChart, type Cloud, type Role } from '../helm/chart-files.ts';
import { detectHelm, helmEnv, kubeContextSetting, namespaceSetting, pluginRoot, runHelmPassthrough, shellQuote } from '../helm/helm.ts';
import {
  RENDERER,
  helm4PluginsPath,
  readRecord,
  registerHelm4,
  registeredHelm4Folder,
  separateHelm4Dir,
  writeRecord,
} from '../helm/helm4-post-renderer/register.ts';
import { EXIT, UsageError } from '../problems/problems.ts';
import { redact } from '../problems/mask.ts';
import { debugOn, newErrorFilePath, printWarnings } from '../cli/shell.ts';
import { unknownCoreKeys } from '../config/flyte-core-keys.ts';
import { parseValuesFile } from '../config/from-values.ts';
import { where } from '../config/where.ts';
import { isObject } from '../yaml/data.ts';
import { writeOut } from '../cli/stdio.ts';

interface Parsed {
  role: Role;
  cloud?: Cloud;
  name?: string;
  adminEndpoint?: string;
  release: string;
  namespace?: string;
  kubeContext?: string;
  chart?: string;
  template: boolean;
  print: boolean;
  debug?: boolean;
  /** Every other word, in order, for Helm to judge. */
  pass: string[];
}

/** install's own options (the ones that take a value, and the flags); every other word is Helm's. */
const OWN_VALUE = new Set(['--cloud', '--name', '--admin-endpoint', '--release', '-n', '--namespace', '--kube-context', '--chart']);
const OWN_FLAG = new Set(['--template', '--print', '--debug']);

/**
 * The command line: install's own options are taken out, every other word goes to Helm
 * untouched and in order, for Helm to judge (a table of Helm's flags would go stale: Helm 4
 * made some value flags boolean). So a word right after a Helm option may be its value and
 * passes too; a bare word where no option can claim it (right after the role, after one of
 * install's own options, after `--flag=value`) is a stray argument, refused with the fix.
 */
export function parseInstallArgs(argv: string[]): Parsed {
  const args = [...argv];
  const role = args.shift();
  if (role !== 'control-plane' && role !== 'data-plane') {
    throw new UsageError(
      role === undefined ? 'say what to install: control-plane or data-plane' : `unknown role ${JSON.stringify(role)}: use control-plane or data-plane`,
    );
  }
  const p: Parsed = { role, release: 'flyte', template: false, print: false, pass: [] };
  const value = (flag: string, inline: string | undefined): string => {
    const v = inline ?? args.shift();
    if (v === undefined || (inline === undefined && v.startsWith('-'))) throw new UsageError(`${flag} needs a value`);
    return v;
  };
  /** Whether the word before may be a Helm option waiting for its value. */
  let helmOptionBefore = false;
  while (args.length) {
    const a = args.shift()!;
    if (a === '--') {
      p.pass.push(...args.splice(0));
      break;
    }
    const eq = a.startsWith('--') ? a.indexOf('=') : -1;
    const flag = eq > 0 ? a.slice(0, eq) : a;
    const inline = eq > 0 ? a.slice(eq + 1) : undefined;
    if (OWN_VALUE.has(flag)) {
      const v = value(flag, inline);
      if (flag === '--cloud') {
        if (v === 'aws')
          throw new UsageError('--cloud aws: there is no values-aws.yaml (an upstream guide mistake): the AWS overlay is EKS', 'use --cloud eks');
        if (v !== 'eks' && v !== 'gcp') throw new UsageError(`--cloud ${JSON.stringify(v)}: use eks or gcp`);
        p.cloud = v;
      } else if (flag === '--name') p.name = v;
      else if (flag === '--admin-endpoint') p.adminEndpoint = v;
      else if (flag === '--release') p.release = v;
      else if (flag === '--kube-context') p.kubeContext = v;
      else if (flag === '--chart') p.chart = v;
      else p.namespace = v;
      helmOptionBefore = false;
      continue;
    }
    if (OWN_FLAG.has(a)) {
      if (a === '--template') p.template = true;
      else if (a === '--print') p.print = true;
      else p.debug = true;
      helmOptionBefore = false;
      continue;
    }
    if (flag === '--post-renderer') throw new UsageError('install sets --post-renderer itself; to add arguments use --post-renderer-args');
    if (a === '--create-namespace' && args[0] !== undefined && !args[0].startsWith('-')) {
      // the one Helm flag install knows by name: the upstream guide's `--create-namespace flyte`
      throw new UsageError(
        `--create-namespace ${args[0]}: --create-namespace is a flag and takes no value, so ${JSON.stringify(args[0])} would become a stray argument and \`helm upgrade\` would fail (the upstream guide's mistake)`,
        `use --namespace ${args[0]} --create-namespace`,
      );
    }
    if (!a.startsWith('-') && !helmOptionBefore) {
      throw new UsageError(
        `stray argument ${JSON.stringify(a)}: install passes the release and the chart to Helm itself`,
        /\.ya?ml$/.test(a) ? `pass values files with -f: -f ${a}` : 'remove it, or use --release NAME / --chart PATH',
      );
    }
    p.pass.push(a);
    helmOptionBefore = a.startsWith('-') && inline === undefined && !/^-[A-Za-z]./.test(a);
  }
  if (p.role === 'data-plane' && !p.name) {
    throw new UsageError(
      'a data plane needs its cluster name: FlyteAdmin drops events from a data plane whose flytepropeller.clusterName differs from its clusterConfigs name',
      'add --name NAME (the name the control plane lists it under, e.g. --name dp1)',
    );
  }
  if (p.role === 'control-plane' && p.name) throw new UsageError('--name is for data planes; a control plane lists its data planes in multicluster.clusters');
  if (p.role === 'control-plane' && p.adminEndpoint)
    throw new UsageError("--admin-endpoint is for data planes: it tells their flytepropeller where this control plane's FlyteAdmin is");
  if (p.adminEndpoint !== undefined && !/^(dns:\/\/\/)?[A-Za-z0-9.\-[\]:]+$/.test(p.adminEndpoint)) {
    throw new UsageError(
      `--admin-endpoint ${p.adminEndpoint}: not a gRPC address flytepropeller can dial`,
      'write it as dns:///HOST:PORT, e.g. --admin-endpoint dns:///flyte.example.com:443 (no https://)',
    );
  }
  if (p.name !== undefined && /[,=\s{}[\]]/.test(p.name))
    throw new UsageError(`--name ${JSON.stringify(p.name)}: a cluster name cannot contain ',', '=', spaces or brackets`);
  return p;
}

interface Plan {
  helm: string;
  major: number;
  args: string[];
  env: Record<string, string>;
  postRenderer?: string;
}

/** The Helm command. `helm4Plugins`: the folder of the Helm 4 post-renderer plugin, when Helm 4 must be told where it is. */
function planInstall(p: Parsed, major: number, root: string, helm4Plugins?: string): Plan {
  const chart = p.chart ?? shippedChart(root);
  const files = roleFiles(chart, p.role, p.cloud);
  const namespace = namespaceSetting(p.namespace).value;
  const context = kubeContextSetting(p.kubeContext)?.value;
  const args = p.template ? ['template', p.release, chart] : ['upgrade', '--install', p.release, chart];
  // the whole target, spelled out: a printed command works in any shell, whatever its Helm env
  if (context) args.push('--kube-context', context);
  args.push('--namespace', namespace);
  for (const f of files) args.push('-f', f);
  if (p.name) args.push('--set-string', `multicluster.clusterName=${p.name}`, '--set-string', `flyte-core.flytepropeller.clusterName=${p.name}`);
  if (p.adminEndpoint) args.push('--set-string', `multicluster.controlPlane.adminEndpoint=${p.adminEndpoint}`);
  const env: Record<string, string> = {};
  // both roles: the control plane's credentials, the data plane's way back
  const postRenderer = major >= 4 ? RENDERER : join(root, 'dist', `${RENDERER}.cjs`);
  args.push('--post-renderer', postRenderer);
  if (major >= 4 && helm4Plugins) env.HELM_PLUGINS = helm4PluginsPath(process.env.HELM_PLUGINS ?? '', helm4Plugins);
  args.push(...p.pass);
  if (p.debug || debugOn()) args.push('--debug');
  return { helm: '', major, args, env, postRenderer };
}

const planNamespace = (plan: Plan): string | undefined => plan.args[plan.args.indexOf('--namespace') + 1];

/** The values files among Helm's arguments (-f FILE, -fFILE, --values FILE, --values=FILE): read for warnings, never judged. */
function valuesFilesOf(pass: string[]): string[] {
  const out: string[] = [];
  pass.forEach((a, i) => {
    const m = /^(?:-f|--values)(?:=(.+))?$/.exec(a) ?? /^-f(.+)$/.exec(a);
    const f = m ? (m[1] ?? pass[i + 1]) : undefined;
    if (f) out.push(...f.split(','));
  });
  return out.filter((f) => f !== '-' && !/^[a-z]+:\/\//.test(f) && existsSync(f));
}

/**
 * Keys under `flyte-core:` in your values files that flyte-core does not have: a warning each
 * (`helm flytemc validate` makes them errors); the chart's own files define template keys too.
 */
function warnUnknownCoreKeys(files: string[], chartFiles: string[]): void {
  const read = (f: string) => {
    try {
      return parseValuesFile(f, readFileSync(f, 'utf8'));
    } catch {
      return undefined; // Helm says what is wrong with it
    }
  };
  const ours = chartFiles.map(read).map((v) => (isObject(v) ? v['flyte-core'] : undefined));
  for (const f of files) {
    const v = read(f);
    if (!isObject(v)) continue;
    const text = readFileSync(f, 'utf8');
    printWarnings(unknownCoreKeys(v['flyte-core'], (p) => where({ label: f, text, base: '/flyte-core' }, p), 'warning', ours));
  }
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

/** Runs Helm as `parsed` says (or prints the command with --print); returns flytemc's exit code. */
export async function runInstall(parsed: Parsed): Promise<number> {
  const root = pluginRoot();
  const helm = detectHelm();
  const henv = helmEnv(helm);
  if (!process.env.HELM_PLUGINS && henv.HELM_PLUGINS) process.env.HELM_PLUGINS = henv.HELM_PLUGINS;
  // Helm 4: the post-renderer plugin where setup put it, else registered now in flytemc's own
  // folder (never in a plugins folder a Helm 3 may read); the child Helm is pointed at it
  let helm4Folder: string | undefined;
  if (helm.major >= 4) {
    helm4Folder = registeredHelm4Folder(henv.HELM_DATA_HOME!) ?? separateHelm4Dir(henv.HELM_DATA_HOME!);
    if ((process.env.HELM_PLUGINS ?? '').split(delimiter).includes(helm4Folder)) helm4Folder = undefined;
  }
  const plan = planInstall(parsed, helm.major, root, helm4Folder);
  const chart = parsed.chart ?? shippedChart(root);
  const meta = chartYaml(chart);
  // a --set value may be a token: the command is shown masked, like every message
  const shown = redact([helm.bin, ...plan.args].map(shellQuote).join(' '));
  const envShown = Object.entries(plan.env)
    .map(([k, v]) => `${k}=${shellQuote(v)} `)
    .join('');
  if (parsed.print) {
    await writeOut(`${envShown}${shown}\n`);
    return EXIT.ok;
  }
  if (declaresFlyteCore(meta)) coreChart(chart, meta); // refused when the archive is not there
  warnUnknownCoreKeys(valuesFilesOf(parsed.pass), roleFiles(chart, parsed.role, parsed.cloud));
  if (!parsed.template) {
    // Helm talks to the cluster with your kubeconfig: the same rules as every cluster command
    const { checkHelmContext } = await import('../cluster/kube.ts');
    await checkHelmContext(plan.args);
  }
  if (helm.major >= 4 && plan.postRenderer) {
    const folder = registeredHelm4Folder(henv.HELM_DATA_HOME!) ?? separateHelm4Dir(henv.HELM_DATA_HOME!);
    registerHelm4(folder, root);
    const rec = readRecord(henv.HELM_DATA_HOME!);
    if (!rec.dirs.includes(join(folder, RENDERER))) writeRecord(henv.HELM_DATA_HOME!, { ...rec, dirs: [...rec.dirs, join(folder, RENDERER)] });
  }
  if (planNamespace(plan) === 'default') {
    process.stderr.write(
      `flytemc: note: namespace default (Helm's -n, else your context's namespace, else default); Flyte usually runs in flyte: pass -n flyte\n`,
    );
  }
  process.stderr.write(`flytemc: running ${envShown}${shown}\n`);
  // the post-renderer's error file for this run, in this user's private folder: Helm 4 hides its stderr
  let errorFile: string | undefined;
  try {
    errorFile = newErrorFilePath();
  } catch {
    errorFile = undefined; // no private folder to be had: the post-renderer picks one, or says it on stderr
  }
  const r = await runHelmPassthrough(helm.bin, plan.args, { ...process.env, ...plan.env, ...(errorFile ? { FLYTEMC_ERROR_FILE: errorFile } : {}) });
  if (r.code === 0) return EXIT.ok;
  const postRenderFailed = !!plan.postRenderer && /error while running post render/.test(r.stderr);
  let said = r.stderr;
  if (postRenderFailed && helm.major >= 4) {
    // Helm 4 hides the post-renderer's stderr; its launcher also writes the message to Helm's
    // own stderr where it can (Linux), which is ours here. Otherwise it is in the error file.
    said = errorFile && existsSync(errorFile) ? readFileSync(errorFile, 'utf8').trim() : '';
    const firstLine = said.split('\n')[0] ?? '';
    if (!said)
      process.stderr.write(`\nflytemc: the post-renderer failed; Helm 4 hides its message, and it wrote no error file${errorFile ? ` (${errorFile})` : ''}\n`);
    else if (!r.stderr.includes(firstLine)) process.stderr.write(`\nflytemc: the post-renderer said (Helm 4 hides it; from ${errorFile}):\n${redact(said)}\n`);
  }
  const failure = helmFailure(r.stderr, said);
  if (failure.hint) process.stderr.write(`flytemc: ${failure.hint}\n`);
  return failure.code;
}
