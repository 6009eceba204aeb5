// `helm flytemc setup`: registers `flytemc-post-renderer` for both Helm versions, idempotently.
import { pluginRoot } from '../helm/helm.ts';
import { RENDERER } from '../helm/helm4-post-renderer/register.ts';
import { setupPostRenderer, type SetupReport } from '../helm/setup.ts';
import { EXIT, UsageError } from '../problems/problems.ts';
import { parseFormat, render, table, tildify, OUTPUT_OPTION } from '../cli/output.ts';
import { commandLine, guard } from '../cli/shell.ts';
import { showUsage, writeOut } from '../cli/stdio.ts';

export const summary = 'register the flytemc-post-renderer post-renderer for Helm 3 (PATH) and Helm 4 (plugin)';
export const usage = `Usage: helm flytemc setup [--bin-dir DIR] [--helm4-dir DIR | --shared] [--force] [--dry-run] [-o table|yaml|json]

Makes \`--post-renderer flytemc-post-renderer\` work on both Helm versions. Safe to run again.
  Helm 3: symlinks DIR/flytemc-post-renderer and DIR/flytemc to the plugin's programs
          (DIR: --bin-dir, default ~/.local/bin; it must be on PATH).
  Helm 4: a postrenderer/v1 plugin \`flytemc-post-renderer\`, in Helm's plugins folder, where
          Helm 4 finds it with its default settings. But every Helm 3 since 3.3.2 drops ALL its
          plugins when that folder holds a Helm 4 plugin, so when a Helm 3 on PATH (helm, helm3,
          or the one FLYTEMC_HELM3 names) reads the same folder, the plugin goes into
          $HELM_DATA_HOME/flytemc/helm4-plugins
          instead, which Helm 4 reads when it is in HELM_PLUGINS:
            HELM_PLUGINS="$(helm env HELM_PLUGINS):$HELM_DATA_HOME/flytemc/helm4-plugins" helm template ...
          (\`helm flytemc install\` adds it by itself). Run setup again when that changes.
  Helm 4 hides a post-renderer's errors; flytemc-post-renderer also writes them to Helm's own
  stderr (Linux), to the terminal, and to a new file per failed run in $TMPDIR/flytemc-<uid>/
  (mode 0600), which the message names.
\`helm plugin uninstall flytemc\` removes all of it.

Options:
  --bin-dir DIR     where the executables go (default ~/.local/bin)
  --helm4-dir DIR   put the Helm 4 plugin into DIR (a folder for HELM_PLUGINS)
  --shared          put the Helm 4 plugin into Helm's plugins folder even when a Helm 3 reads it
                    (with --force only: that Helm 3 then drops all its plugins)
  --force           replace a foreign file at DIR/flytemc-post-renderer or DIR/flytemc
  --dry-run         say what would change, change nothing
  -o, --output FMT  table (default), yaml or json
  -h, --help        this help

Exit codes (docs/plugin.md#exit-codes): 0 done; 1 a file flytemc did not create is in the way (see
--force), or --shared would break a Helm 3; 2 the command line is wrong; 70 a bug in flytemc.

Example:
  helm flytemc setup --bin-dir ~/bin
`;

const formatReport = (r: SetupReport): string =>
  table(
    ['WHAT', 'PATH', 'STATUS'],
    r.actions.map((a) => [a.what, tildify(a.path), a.status]),
  ) + `\nnext:\n  ${r.hints.join('\n  ')}\n  then: helm template ... --post-renderer ${RENDERER}   (Helm 3 and Helm 4)\n`;

export async function run(argv: string[]): Promise<number> {
  return guard(async () => {
    const { values } = commandLine(argv, {
      'bin-dir': { type: 'string' },
      'helm4-dir': { type: 'string' },
      shared: { type: 'boolean', default: false },
      force: { type: 'boolean', default: false },
      'dry-run': { type: 'boolean', default: false },
      ...OUTPUT_OPTION,
    });
    if (values.help) return showUsage(usage);
    const format = parseFormat(values.output);
    if (values.shared && values['helm4-dir']) throw new UsageError('--shared and --helm4-dir exclude each other', 'pass one of them');
    const report = setupPostRenderer({
      root: pluginRoot(),
      binDir: values['bin-dir'],
      helm4Dir: values['helm4-dir'],
      shared: values.shared,
      force: values.force,
      dryRun: values['dry-run'],
    });
    await writeOut(render(format, report, () => formatReport(report)));
    return EXIT.ok;
  });
}
