// What `setup` does: the Helm 3 links and the Helm 4 plugin, put where no Helm 3 on PATH drops its plugins.
import { homedir } from 'node:os';
import { delimiter, join, resolve } from 'node:path';
import { detectHelm, helmEnv, type HelmInfo } from './helm.ts';
import {
  CLI,
  RENDERER,
  helm3Readers,
  linkExecutable,
  onPath,
  readRecord,
  registerHelm4,
  separateHelm4Dir,
  unregisterHelm4,
  writeRecord,
  type Action,
  type Helm3Reader,
} from './helm4-post-renderer/register.ts';
import { error, FlytemcError } from '../problems/problems.ts';
import { tildify } from '../cli/output.ts';

interface SetupOptions {
  /** The plugin's folder (dist/ holds the programs). */
  root: string;
  binDir?: string | undefined;
  helm4Dir?: string | undefined;
  shared: boolean;
  force: boolean;
  dryRun: boolean;
}

export interface SetupReport {
  helm: string;
  pluginDir: string;
  layout: 'shared' | 'separate';
  helm4PluginsDir: string;
  helm3Readers: Helm3Reader[];
  binDir: string;
  actions: Action[];
  hints: string[];
}

const plural = (n: number, one: string, many: string): string => (n === 1 ? one : many);

/** The Helm 3s that read `pluginsFolder`: this Helm, if it is a Helm 3, and any on PATH. */
function readersOf(helm: HelmInfo, pluginsFolder: string): Helm3Reader[] {
  return [
    ...(helm.major === 3 ? [{ bin: helm.bin, version: helm.version }] : []),
    ...helm3Readers(pluginsFolder).filter((r) => helm.major !== 3 || r.version !== helm.version),
  ];
}

/** --shared where a Helm 3 reads the folder: refused, unless Helm 4 runs setup and --force says that Helm 3 is gone. */
function refuseShared(helm: HelmInfo, readers: Helm3Reader[], pluginsFolder: string): FlytemcError {
  const n = readers.length;
  return new FlytemcError([
    error(
      { code: 'setup.shared', subject: 'setup --shared' },
      `${readers.map((r) => `Helm ${r.version} (${r.bin})`).join(' and ')} read${plural(n, 's', '')} ${pluginsFolder}: a Helm 4 plugin there makes ${plural(n, 'it', 'them')} drop all ${plural(n, 'its', 'their')} plugins`,
      helm.major === 3
        ? 'run `helm flytemc setup` without --shared (Helm 4 then finds the plugin through HELM_PLUGINS)'
        : 'leave out --shared (then setup keeps the plugin out of that folder), or add --force if no Helm 3 uses this folder any more',
    ),
  ]);
}

/** What to do next, for people: the home folder as ~, except inside the alias line (no ~ expansion in quotes). */
function hintsOf(r: SetupReport, pluginsFolder: string, byFlag: boolean): string[] {
  const t = tildify;
  const { binDir, helm4PluginsDir: folder, helm3Readers: readers } = r;
  const n = readers.length;
  const hints: string[] = [];
  if (!onPath(binDir)) hints.push(`${t(binDir)} is not on PATH: add it (export PATH="${binDir}:$PATH") so Helm 3 finds ${RENDERER}`);
  if (r.layout === 'shared') {
    hints.push(`Helm 4 finds ${RENDERER} in ${t(folder)} with its default settings.`);
    if (n)
      hints.push(`${readers.map((x) => x.bin).join(', ')} (Helm 3) now drop${plural(n, 's', '')} all plugins of ${t(folder)}: --shared --force asked for it.`);
    return hints;
  }
  const why = byFlag
    ? 'as --helm4-dir asked'
    : `because ${readers.map((x) => `Helm ${x.version} (${t(x.bin)})`).join(' and ')} read${plural(n, 's', '')} ${t(pluginsFolder)} and would drop all ${plural(n, 'its', 'their')} plugins`;
  hints.push(
    `the Helm 4 plugin is in ${t(folder)}, ${why}. Helm 4 finds it when that folder is in HELM_PLUGINS; for Helm 4 only, e.g.\n    alias helm4='HELM_PLUGINS="${pluginsFolder}${delimiter}${folder}" helm4'\n  \`helm flytemc install\` needs none of this. Without a Helm 3 on PATH, setup puts it where Helm 4 looks by default.`,
  );
  return hints;
}

/** Links the programs, registers the Helm 4 plugin (removed from where it was before), records it all; idempotent. */
export function setupPostRenderer(o: SetupOptions): SetupReport {
  const helm = detectHelm();
  const env = helmEnv(helm);
  const dataHome = env.HELM_DATA_HOME!;
  const pluginsFolder = (env.HELM_PLUGINS ?? '').split(delimiter)[0]!;
  const readers = readersOf(helm, pluginsFolder);
  if (o.shared && readers.length && (helm.major === 3 || !o.force)) throw refuseShared(helm, readers, pluginsFolder);
  const folder = o.helm4Dir ? resolve(o.helm4Dir) : o.shared || readers.length === 0 ? pluginsFolder : separateHelm4Dir(dataHome);
  const binDir = resolve(o.binDir ?? join(homedir(), '.local', 'bin'));
  const record = readRecord(dataHome);
  const actions: Action[] = [
    linkExecutable(binDir, RENDERER, join(o.root, 'dist', `${RENDERER}.cjs`), 'Helm 3 post-renderer executable', o.force, o.dryRun),
    linkExecutable(binDir, CLI, join(o.root, 'dist', `${CLI}.mjs`), 'flytemc command', o.force, o.dryRun),
    registerHelm4(folder, o.root, o.dryRun),
  ];
  const pdir = join(folder, RENDERER);
  // the plugin moved (a Helm 3 appeared or went away): remove it from where it was
  for (const old of record.dirs.filter((d) => d !== pdir)) {
    const a = unregisterHelm4(old, o.dryRun);
    if (a) actions.push(a);
  }
  if (!o.dryRun) writeRecord(dataHome, { links: [...record.links, actions[0]!.path, actions[1]!.path], dirs: [pdir] });
  const report: SetupReport = {
    helm: helm.version,
    pluginDir: o.root,
    layout: folder === pluginsFolder ? 'shared' : 'separate',
    helm4PluginsDir: folder,
    helm3Readers: readers,
    binDir,
    actions,
    hints: [],
  };
  report.hints = hintsOf(report, pluginsFolder, !!o.helm4Dir);
  return report;
}
