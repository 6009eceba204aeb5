#!/usr/bin/env node
import { createRequire as __flytemcCreateRequire } from 'node:module'; const require = __flytemcCreateRequire(import.meta.url);
import {
  postRender
} from "./chunk-56F4LPMH.mjs";
import {
  configFromValues,
  parseValuesFile
} from "./chunk-RANSKRVF.mjs";
import {
  MAX_CONFIG_BYTES,
  MAX_INPUT_BYTES,
  checkTree,
  readAllLimited,
  refuseResourceErrors,
  tooBig
} from "./chunk-G2ASVLUG.mjs";
import {
  VERSION
} from "./chunk-RKAGZZI3.mjs";
import {
  EXIT,
  commandLine,
  guard,
  printWarnings,
  readStdin,
  readText
} from "./chunk-IVTEQ3JB.mjs";

// plugin/commands/post-render.ts
import { fstatSync, readSync, statSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
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
  --error-file FILE  also write any error to FILE (Helm 4 discards a post-renderer's stderr)
  --version          print the version
  -h, --help         this help

Examples:
  helm template flyte charts/flyte-multicluster -n flyte -f values-controlplane.yaml \\
    --post-renderer flytemc-post-renderer
  helm template flyte flyteorg/flyte-core -f values-override.yaml \\
    --post-renderer flytemc-post-renderer --post-renderer-args --config --post-renderer-args values-override.yaml
  helm template ... | flytemc post-render --explain
`;
function readConfig(path) {
  let size;
  try {
    const st = statSync(path);
    if (st.isFile()) size = st.size;
  } catch {
  }
  if (size !== void 0 && size > MAX_CONFIG_BYTES) throw tooBig(path, size, MAX_CONFIG_BYTES, "the config file");
  const text = readText(path);
  if (text.length > MAX_CONFIG_BYTES) throw tooBig(path, text.length, MAX_CONFIG_BYTES, "the config file");
  return refuseResourceErrors(path, () => {
    const parsed = parseValuesFile(path, text);
    checkTree(parsed, path, text.length);
    return configFromValues(path, text, parsed);
  });
}
var INPUT_WHERE = "standard input";
var INPUT_WHAT = "the rendered stream";
async function readInput() {
  let plain = false;
  try {
    plain = !fstatSync(0).isCharacterDevice();
  } catch {
  }
  if (!plain) return process.stdin.isTTY ? readStdin() : readAllLimited(process.stdin, MAX_INPUT_BYTES, INPUT_WHERE, INPUT_WHAT);
  const chunks = [];
  let total = 0;
  let buf = Buffer.allocUnsafe(256 * 1024);
  for (; ; ) {
    let n;
    try {
      n = readSync(0, buf, 0, buf.length, null);
    } catch (e) {
      const code = e.code;
      if (code === "EINTR") continue;
      return readAllLimited(
        (async function* () {
          yield* chunks;
          yield* process.stdin;
        })(),
        MAX_INPUT_BYTES,
        INPUT_WHERE,
        INPUT_WHAT
      );
    }
    if (n === 0) break;
    total += n;
    if (total > MAX_INPUT_BYTES) throw tooBig(INPUT_WHERE, void 0, MAX_INPUT_BYTES, INPUT_WHAT);
    chunks.push(buf.subarray(0, n));
    if (n === buf.length) buf = Buffer.allocUnsafe(Math.min(buf.length * 2, 16 * 1024 * 1024));
    else buf = buf.subarray(n);
  }
  return Buffer.concat(chunks, total).toString("utf8");
}
function writeOutput(text) {
  const bytes = Buffer.from(text, "utf8");
  let off = 0;
  while (off < bytes.length) {
    try {
      off += writeSync(1, bytes, off, bytes.length - off);
    } catch (e) {
      const code = e.code;
      if (code === "EINTR") continue;
      if (code !== "EAGAIN") throw e;
      const rest = bytes.subarray(off);
      return new Promise((resolve, reject) => process.stdout.write(rest, (err) => err ? reject(err) : resolve()));
    }
  }
  return Promise.resolve();
}
async function run(argv) {
  let errorFile = process.env.FLYTEMC_ERROR_FILE || (process.env.HELM_PLUGIN_NAME ? join(tmpdir(), "flytemc-post-renderer-error.txt") : void 0);
  const eIdx = argv.indexOf("--error-file");
  if (eIdx >= 0 && argv[eIdx + 1]) errorFile = argv[eIdx + 1];
  return guard(async () => {
    const { values } = commandLine(
      argv,
      {
        config: { type: "string" },
        explain: { type: "boolean", default: false },
        "error-file": { type: "string" },
        version: { type: "boolean", default: false }
      }
    );
    if (values.help) {
      await writeOutput(usage);
      return EXIT.ok;
    }
    if (values.version) {
      await writeOutput(`flytemc-post-renderer ${VERSION}
`);
      return EXIT.ok;
    }
    const config = values.config !== void 0 ? readConfig(values.config) : void 0;
    const input = await readInput();
    const result = postRender(input, config ? { config } : {});
    printWarnings(result.warnings);
    if (values.explain) {
      const lines = result.patches.length ? result.patches.map((p) => `# ${p.object}
${JSON.stringify(p.ops, null, 2)}`).join("\n") : "# no changes: the manifests are already wired for these clusters";
      await writeOutput(lines + "\n");
    } else {
      await writeOutput(result.output);
    }
    return EXIT.ok;
  }, errorFile);
}

export {
  summary,
  usage,
  readInput,
  writeOutput,
  run
};
