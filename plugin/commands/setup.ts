// `helm flytemc setup`: registers `flytemc-post-renderer` for both Helm versions, idempotently.
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { detectHelm, helmEnv, pluginRoot, pluginVersion } from '../helm.ts';
import { Conflict, HELM4_DIR_NAME, RENDERER, defaultHelm4Dir, errorFilePath, linkExecutable, onPath, registerHelm4, type Action } from '../helm4-post-renderer/register.ts';
import { FlytemcError } from '../problems.ts';
import { parseFormat, render, table } from '../output.ts';
import { EXIT, UsageError, commandLine, guard, writeOut } from '../shell.ts';

export const summary = 'register the flytemc-post-renderer post-renderer for Helm 3 (PATH) and Helm 4 (plugin)';
export const usage = `Usage: helm flytemc setup [--bin-dir DIR] [--helm4-dir DIR | --shared] [--force] [--dry-run] [-o table|yaml|json]

Makes \`--post-renderer flytemc-post-renderer\` work on both Helm versions. Safe to run again.
  Helm 3: a symlink DIR/flytemc-post-renderer -> <plugin>/dist/flytemc-post-renderer.mjs
          (DIR: --bin-dir, default ~/.local/bin; it must be on PATH).
  Helm 4: a postrenderer/v1 plugin \`flytemc-post-renderer\` in its own folder,
          default $HELM_DATA_HOME/${HELM4_DIR_NAME}, NOT in Helm's plugins folder: Helm 3 reads that
          folder too and drops every plugin when it meets one in the Helm 4 format. Helm 4 finds
          the plugin when that folder is in HELM_PLUGINS (a path list):
            HELM_PLUGINS="$(helm env HELM_PLUGINS):$HELM_DATA_HOME/${HELM4_DIR_NAME}" helm template ...
          \`helm flytemc install\` adds it by itself. --shared puts the plugin into Helm's plugins
          folder instead: only for a machine where no Helm 3 uses that folder.
  Helm 4 hides a post-renderer's errors; flytemc-post-renderer also writes them to
  ${errorFilePath()} (and to the terminal).

Options:
  --bin-dir DIR     where the Helm 3 executable goes (default ~/.local/bin)
  --helm4-dir DIR   where the Helm 4 plugin goes (default $HELM_DATA_HOME/${HELM4_DIR_NAME})
  --shared          put the Helm 4 plugin into Helm's plugins folder (breaks Helm 3 there!)
  --force           replace a foreign file at DIR/flytemc-post-renderer
  --dry-run         say what would change, change nothing
  -o FORMAT         table (default), yaml or json
  -h, --help        this help

Exit codes: 0 done, 1 a file is in the way (see --force), 2 bad command line.

Example:
  helm flytemc setup --bin-dir ~/bin
`;

export async function run(argv: string[]): Promise<number> {
  return guard(async () => {
    const { values } = commandLine(argv, {
          'bin-dir': { type: 'string' },
          'helm4-dir': { type: 'string' },
          shared: { type: 'boolean', default: false },
          force: { type: 'boolean', default: false },
          'dry-run': { type: 'boolean', default: false },
          output: { type: 'string', short: 'o' },
        });
    if (values.help) {
      await writeOut(usage);
      return EXIT.ok;
    }
    const format = parseFormat(values.output);
    if (values.shared && values['helm4-dir']) throw new UsageError('--shared and --helm4-dir exclude each other');
    const root = pluginRoot();
    const helm = detectHelm();
    const env = helmEnv(helm);
    const pluginsFolder = (env.HELM_PLUGINS ?? '').split(process.platform === 'win32' ? ';' : ':')[0]!;
    if (values.shared && helm.major < 4) {
      throw new FlytemcError([{ severity: 'error', where: 'setup --shared', what: `this is Helm ${helm.version}: a Helm 4 plugin in ${pluginsFolder} would make this Helm drop all its plugins`, fix: 'run `helm flytemc setup` without --shared (Helm 4 then finds the plugin through HELM_PLUGINS)' }]);
    }
    const helm4Dir = values.shared ? pluginsFolder : resolve(values['helm4-dir'] ?? defaultHelm4Dir(env.HELM_DATA_HOME!));
    const binDir = resolve(values['bin-dir'] ?? join(homedir(), '.local', 'bin'));
    const dry = values['dry-run'];
    const actions: Action[] = [];
    try {
      actions.push(linkExecutable(binDir, root, values.force, dry));
    } catch (e) {
      if (e instanceof Conflict) throw new FlytemcError([{ severity: 'error', where: join(binDir, RENDERER), what: 'a file that flytemc did not create is in the way', fix: e.message }]);
      throw e;
    }
    actions.push(registerHelm4(helm4Dir, root, pluginVersion(root), dry));
    const hints: string[] = [];
    if (!onPath(binDir)) hints.push(`${binDir} is not on PATH: add it (export PATH="${binDir}:$PATH") so Helm 3 finds ${RENDERER}`);
    if (!values.shared) {
      hints.push(`Helm 4 finds the plugin when ${helm4Dir} is in HELM_PLUGINS; for Helm 4 only (never for Helm 3), e.g.\n    alias helm4='HELM_PLUGINS="${pluginsFolder}:${helm4Dir}" helm4'\n  \`helm flytemc install\` needs none of this.`);
    } else {
      hints.push(`${RENDERER} is now in ${pluginsFolder}: a Helm 3 that reads this folder will drop ALL its plugins; undo with \`rm -r ${join(pluginsFolder, RENDERER)}\``);
    }
    const data = { helm: helm.version, pluginDir: root, helm4PluginsDir: helm4Dir, binDir, errorFile: errorFilePath(), actions, hints };
    await writeOut(
      render(format, data, () =>
        table(['WHAT', 'PATH', 'STATUS'], actions.map((a) => [a.what, a.path, a.status])) +
          `\nnext:\n  ${hints.join('\n  ')}\n  then: helm template ... --post-renderer ${RENDERER}   (Helm 3 and Helm 4)\n`,
      ),
    );
    return EXIT.ok;
  });
}
