#!/usr/bin/env node
import { createRequire as __flytemcCreateRequire } from 'node:module'; const require = __flytemcCreateRequire(import.meta.url);
import {
  postRender
} from "./chunk-FUSMGLKO.mjs";
import "./chunk-A763IIPD.mjs";
import "./chunk-4MI52BG5.mjs";
import "./chunk-EMYUWFA7.mjs";
import "./chunk-CMNDI7DY.mjs";
import "./chunk-LPW2GZIF.mjs";
import {
  VERSION
} from "./chunk-RKAGZZI3.mjs";
import {
  commandLine,
  guard,
  newErrorFilePath,
  printWarnings
} from "./chunk-PWPBOTUG.mjs";
import {
  configFromValues
} from "./chunk-LRTHTFRO.mjs";
import "./chunk-TNQNMB5Q.mjs";
import "./chunk-RMH2B4TR.mjs";
import "./chunk-SMKU2DWZ.mjs";
import "./chunk-4VJRSWY5.mjs";
import {
  readInput,
  readText,
  writeOut
} from "./chunk-FIS3OFIC.mjs";
import "./chunk-QVD5WBXB.mjs";
import "./chunk-C2L5FP4Q.mjs";
import "./chunk-QI4TXXNF.mjs";
import {
  EXIT
} from "./chunk-PXOMBRJH.mjs";
import "./chunk-IVYUDTSF.mjs";
import "./chunk-GPAN37FC.mjs";

// plugin/commands/post-render.ts
var summary = "patch Helm-rendered flyte-core manifests for many clusters (a Helm post-renderer)";
var usage = `Usage: flytemc post-render [--config FILE] [--explain] < manifests.yaml
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
async function run(argv) {
  let errorFile = process.env.FLYTEMC_ERROR_FILE || (process.env.HELM_PLUGIN_NAME ? newErrorFilePath : void 0);
  const eIdx = argv.indexOf("--error-file");
  if (eIdx >= 0 && argv[eIdx + 1]) errorFile = argv[eIdx + 1];
  return guard(async () => {
    const { values } = commandLine(argv, {
      config: { type: "string" },
      explain: { type: "boolean", default: false },
      "error-file": { type: "string" },
      version: { type: "boolean", default: false }
    });
    if (values.help) {
      await writeOut(usage);
      return EXIT.ok;
    }
    if (values.version) {
      await writeOut(`flytemc-post-renderer ${VERSION}
`);
      return EXIT.ok;
    }
    const config = values.config !== void 0 ? configFromValues(values.config, readText(values.config)) : void 0;
    const input = await readInput();
    const result = postRender(input, config ? { config } : {});
    printWarnings(result.warnings);
    if (values.explain) {
      const lines = result.patches.length ? result.patches.map((p) => `# ${p.object}
${JSON.stringify(p.ops, null, 2)}`).join("\n") : "# no changes: the manifests are already wired for these clusters";
      await writeOut(lines + "\n");
    } else {
      await writeOut(result.output);
    }
    return EXIT.ok;
  }, errorFile);
}
export {
  run,
  summary,
  usage
};
