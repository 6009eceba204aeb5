// `flytemc-krm` (also `flytemc-post-renderer --krm`): the KRM function of postrender/krm.ts, its results also on standard error in flytemc's words.
import { krm } from '../postrender/krm.ts';
import { formatProblem, EXIT, UsageError, error, warning } from '../problems/problems.ts';
import { commandLine, guard } from '../cli/shell.ts';
import { readInput, writeOut } from '../cli/stdio.ts';

const usage = `Usage: flytemc-post-renderer --krm < resource-list.yaml
       flytemc-krm < resource-list.yaml

The flytemc post-renderer as a KRM function (kpt, kustomize function transformers): reads a
ResourceList whose functionConfig is a MultiClusterConfig (apiVersion flytemc.io/v1alpha1, spec =
the chart's \`multicluster\` block) and whose items are flyte-core's control plane; writes it back
with the items wired (clusters.yaml in both ConfigMaps, the credentials mounted in the three
places, new configChecksum annotations) and every problem as a \`results\` entry (severity,
resourceRef, field path, file). Exit 1 when a result is an error (the items are then unchanged).

Example (kustomize, with --enable-alpha-plugins --enable-exec):
  # multicluster.yaml, listed under \`transformers:\` in kustomization.yaml
  apiVersion: flytemc.io/v1alpha1
  kind: MultiClusterConfig
  metadata:
    name: flyte-multicluster
    annotations:
      config.kubernetes.io/function: |
        exec:
          path: /usr/local/bin/flytemc-krm
  spec: {credentials: {...}, clusters: {...}}
`;

async function run(argv: string[]): Promise<number> {
  return guard(async () => {
    const { values, positionals } = commandLine(
      argv.filter((a) => a !== '--krm'),
      {},
      true,
    );
    if (values.help) {
      await writeOut(usage);
      return EXIT.ok;
    }
    if (positionals.length) throw new UsageError(`stray argument ${JSON.stringify(positionals[0])}: the ResourceList comes on standard input`);
    const out = krm(await readInput());
    for (const r of out.results) {
      const ref = r.resourceRef ? `${r.resourceRef.kind}/${r.resourceRef.name}${r.field ? ` ${r.field.path}` : ''}` : 'ResourceList';
      process.stderr.write(formatProblem((r.severity === 'error' ? error : warning)(r.file ? `${r.file.path}: ${ref}` : ref, r.message)) + '\n');
    }
    await writeOut(out.output);
    return out.exitCode === 0 ? EXIT.ok : EXIT.invalid;
  });
}

process.exitCode = await run(process.argv.slice(2));
