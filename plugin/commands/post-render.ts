// `flytemc post-render` and the `flytemc-post-renderer` program: Helm's manifests on stdin, the wired manifests on stdout, problems on stderr.
import { configFromValues } from '../config/from-values.ts';
import { VERSION } from '../generated/version.js';
import { postRender } from '../postrender/index.ts';
import { EXIT } from '../problems/problems.ts';
import { commandLine, guard, newErrorFilePath, printWarnings } from '../cli/shell.ts';
import { readInput, readText, writeOut } from '../cli/stdio.ts';

export const summary = 'patch Helm-rendered flyte-core manifests for many clusters (a Helm post-renderer)';
export const usage = `Usage: flytemc post-render [--config FILE] [--explain] < manifests.yaml
       flytemc-post-renderer [--config FILE]      (the same, as helm --post-renderer)

Reads the manifests Helm rendered on standard input, checks the multi-cluster config and the
manifests, and writes them back with the credentials Secret mounted into FlyteAdmin, its
sync-cluster-resources init container and syncresources, and the clusters in both clusters
ConfigMaps. On any problem it writes nothing to standard output and exits non-zero.

The config comes from --config FILE (a values file with a \`multicluster:\` block, or flyte-core's
\`configmap.clusters\` with \`flyteadmin.additionalVolumes\`), else from the MultiClusterConfig
document of the flyte-multicluster chart, else from flyte-core's own clusters ConfigMap.

Options:
  --config FILE      values file with the multi-cluster config
  --explain          print, per object, the JSON patches it would apply (instead of manifests)
  --error-file FILE  also write any error to FILE (default under Helm: a new file per failed
                     run in $TMPDIR/flytemc-<uid>/, mode 0600, named in the message; Helm 4
                     discards a post-renderer's stderr)
  --version          print the version
  -h, --help         this help

Exit codes (docs/plugin.md#exit-codes): 0 written; 1 the config or the manifests are refused, or
the input is empty (nothing written); 2 the command line is wrong or a file cannot be read; 70 a
bug in flytemc.

Examples:
  helm template flyte charts/flyte-multicluster -n flyte -f values-controlplane.yaml \\
    --post-renderer flytemc-post-renderer
  helm template flyte flyteorg/flyte-core -f values-override.yaml \\
    --post-renderer flytemc-post-renderer --post-renderer-args --config --post-renderer-args values-override.yaml
  helm template ... | flytemc post-render --explain
`;

export async function run(argv: string[]): Promise<number> {
  // under Helm (helm flytemc install sets FLYTEMC_ERROR_FILE; Helm 4's plugin sets HELM_PLUGIN_NAME)
  let errorFile: string | (() => string) | undefined = process.env.FLYTEMC_ERROR_FILE || (process.env.HELM_PLUGIN_NAME ? newErrorFilePath : undefined);
  const eIdx = argv.indexOf('--error-file');
  if (eIdx >= 0 && argv[eIdx + 1]) errorFile = argv[eIdx + 1];
  return guard(async () => {
    const { values } = commandLine(argv, {
      config: { type: 'string' },
      explain: { type: 'boolean', default: false },
      'error-file': { type: 'string' },
      version: { type: 'boolean', default: false },
    });
    if (values.help) {
      await writeOut(usage);
      return EXIT.ok;
    }
    if (values.version) {
      await writeOut(`flytemc-post-renderer ${VERSION}\n`);
      return EXIT.ok;
    }
    // the --config file within the limits of a values file, checked before it is read (limits.ts)
    const config = values.config !== undefined ? configFromValues(values.config, readText(values.config)) : undefined;
    // stop reading (and refuse) past MAX_INPUT_BYTES instead of buffering any size
    const input = await readInput();
    const result = postRender(input, config ? { config } : {});
    printWarnings(result.warnings);
    if (values.explain) {
      const lines = result.patches.length
        ? result.patches.map((p) => `# ${p.object}\n${JSON.stringify(p.ops, null, 2)}`).join('\n')
        : '# no changes: the manifests are already wired for these clusters';
      await writeOut(lines + '\n');
    } else {
      await writeOut(result.output);
    }
    return EXIT.ok;
  }, errorFile);
}
