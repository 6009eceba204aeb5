#!/usr/bin/env node
import { createRequire as __flytemcCreateRequire } from 'node:module'; const require = __flytemcCreateRequire(import.meta.url);
import {
  CONFIG_API_GROUP,
  CONFIG_KIND,
  parseStream,
  postRender,
  resourceId
} from "./chunks/chunk-FUSMGLKO.mjs";
import "./chunks/chunk-A763IIPD.mjs";
import "./chunks/chunk-4MI52BG5.mjs";
import "./chunks/chunk-EMYUWFA7.mjs";
import "./chunks/chunk-CMNDI7DY.mjs";
import "./chunks/chunk-LPW2GZIF.mjs";
import {
  commandLine,
  guard
} from "./chunks/chunk-PWPBOTUG.mjs";
import "./chunks/chunk-TNQNMB5Q.mjs";
import "./chunks/chunk-RMH2B4TR.mjs";
import {
  parseUntrusted
} from "./chunks/chunk-SMKU2DWZ.mjs";
import {
  isObject
} from "./chunks/chunk-4VJRSWY5.mjs";
import {
  readInput,
  writeOut
} from "./chunks/chunk-FIS3OFIC.mjs";
import {
  STREAM_INPUT
} from "./chunks/chunk-QVD5WBXB.mjs";
import {
  segments
} from "./chunks/chunk-C2L5FP4Q.mjs";
import {
  dumpYaml,
  isYamlError
} from "./chunks/chunk-QI4TXXNF.mjs";
import {
  EXIT,
  FlytemcError,
  UsageError,
  error,
  formatProblem,
  redact,
  warning,
  whereOf
} from "./chunks/chunk-PXOMBRJH.mjs";
import "./chunks/chunk-IVYUDTSF.mjs";
import "./chunks/chunk-GPAN37FC.mjs";

// plugin/postrender/krm.ts
var RESOURCE_LIST = "ResourceList";
var PATH_ANNOTATIONS = ["internal.config.kubernetes.io/path", "config.kubernetes.io/path"];
var INDEX_ANNOTATIONS = ["internal.config.kubernetes.io/index", "config.kubernetes.io/index"];
var annotation = (item, keys) => {
  const a = isObject(item) && isObject(item.metadata) && isObject(item.metadata.annotations) ? item.metadata.annotations : {};
  for (const k of keys) if (typeof a[k] === "string") return a[k];
  return void 0;
};
function fieldPath(pointer) {
  let out = "";
  for (const s of segments(pointer)) {
    if (/^\d+$/.test(s)) out += `[${s}]`;
    else if (/^[A-Za-z_][-A-Za-z0-9_]*$/.test(s)) out += (out ? "." : "") + s;
    else out += `[${JSON.stringify(s)}]`;
  }
  return out;
}
var textOf = (p) => p.fix ? `${p.message} (fix: ${p.fix})` : p.message;
function resultOf(p, ctx) {
  const r = { message: redact(textOf(p)), severity: p.severity };
  if (ctx.configLabel && ctx.configRef && (p.file === ctx.configLabel || p.subject === ctx.configLabel)) {
    r.resourceRef = ctx.configRef;
    if (p.pointer?.startsWith("/")) r.field = { path: fieldPath(p.pointer) };
    return r;
  }
  const index = p.streamLine === void 0 ? void 0 : ctx.itemAtLine.get(p.streamLine);
  const item = index === void 0 ? void 0 : ctx.items[index];
  const ref = item ? resourceId(item) : void 0;
  if (!ref) {
    r.message = redact(`${whereOf(p)}: ${r.message}`);
    return r;
  }
  r.resourceRef = ref;
  if (p.object !== void 0 && p.pointer?.startsWith("/")) r.field = { path: fieldPath(p.pointer) };
  const path = annotation(item, PATH_ANNOTATIONS);
  if (path) {
    const i = Number(annotation(item, INDEX_ANNOTATIONS) ?? 0);
    r.file = { path, ...Number.isInteger(i) && i > 0 ? { index: i } : {} };
  }
  return r;
}
var LIST_VERSION = "config.kubernetes.io/v1";
var LABEL = "the ResourceList";
var plainResult = (p) => ({ message: redact(`${whereOf(p)}: ${textOf(p)}`), severity: p.severity });
function readList(input) {
  let list;
  try {
    list = parseUntrusted(input, LABEL, STREAM_INPUT);
  } catch (e) {
    if (e instanceof FlytemcError) return { problems: e.problems };
    if (!isYamlError(e)) throw e;
    const at = { code: "krm.yaml", subject: e.mark ? `${LABEL}: line ${e.mark.line + 1}` : LABEL };
    return { problems: [error(at, `invalid YAML: ${e.reason}`, "give a ResourceList (config.kubernetes.io/v1) as YAML or JSON")] };
  }
  if (!isObject(list) || list.kind !== RESOURCE_LIST || !Array.isArray(list.items)) {
    return {
      problems: [
        error(
          { code: "krm.not-a-list", subject: LABEL },
          `the input is not a ResourceList with items (kind ${JSON.stringify(isObject(list) ? list.kind : typeof list)})`,
          "run this as a KRM function (kpt fn, kustomize transformers), or use flytemc-post-renderer without --krm for a Helm stream"
        )
      ]
    };
  }
  const apiVersion = typeof list.apiVersion === "string" ? list.apiVersion : LIST_VERSION;
  const items = list.items;
  const bad = items.findIndex((i) => !isObject(i));
  if (bad >= 0)
    return { problems: [error({ code: "krm.item", subject: `${LABEL} /items/${bad}` }, "an item is not a Kubernetes object (a mapping)")], apiVersion, items };
  return { apiVersion, items, functionConfig: list.functionConfig };
}
function configOf(fc, ctx) {
  if (fc === void 0 || fc === null) return {};
  const id = resourceId(fc);
  if (!isObject(fc) || fc.kind !== CONFIG_KIND || !String(fc.apiVersion ?? "").startsWith(`${CONFIG_API_GROUP}/`)) {
    return {
      problem: error(
        { code: "krm.function-config", subject: `functionConfig${id ? ` ${id.kind}/${id.name}` : ""}` },
        `the functionConfig must be a ${CONFIG_KIND} (apiVersion ${CONFIG_API_GROUP}/v1alpha1) whose spec is the chart's \`multicluster\` block`,
        `use the ${CONFIG_KIND} document the flyte-multicluster chart renders (helm template ... -f values-controlplane.yaml --show-only templates/multiclusterconfig.yaml)`
      )
    };
  }
  ctx.configLabel = `functionConfig ${CONFIG_KIND}/${id?.name ?? "?"}`;
  if (id) ctx.configRef = id;
  return { config: { source: { label: ctx.configLabel, base: "/spec" }, form: "multicluster", raw: fc.spec ?? null } };
}
function streamOf(items) {
  let stream = "";
  let line = 1;
  const itemAtLine = /* @__PURE__ */ new Map();
  items.forEach((item, i) => {
    const body = dumpYaml(item);
    stream += `---
# Source: ${annotation(item, PATH_ANNOTATIONS) ?? `items[${i}]`}
${body}`;
    itemAtLine.set(line + 2, i);
    line += 2 + body.split("\n").length - 1;
  });
  return { stream, itemAtLine };
}
function krm(input) {
  const json = input.trimStart().startsWith("{");
  const emit = (apiVersion2, items2, results) => {
    const list = { apiVersion: apiVersion2, kind: RESOURCE_LIST, items: items2 };
    const out = results.length ? { ...list, results } : list;
    const exitCode = results.some((r) => r.severity === "error") ? 1 : 0;
    return { output: json ? JSON.stringify(out, null, 2) + "\n" : dumpYaml(out), results, exitCode };
  };
  const read = readList(input);
  if ("problems" in read) return emit(read.apiVersion ?? LIST_VERSION, read.items ?? [], read.problems.map(plainResult));
  const { apiVersion, items } = read;
  const { stream, itemAtLine } = streamOf(items);
  const ctx = { items, itemAtLine };
  const { config, problem } = configOf(read.functionConfig, ctx);
  if (problem) return emit(apiVersion, items, [plainResult(problem)]);
  let result;
  try {
    result = postRender(stream, config ? { config } : {});
  } catch (e) {
    if (!(e instanceof FlytemcError)) throw e;
    return emit(
      apiVersion,
      items,
      e.problems.map((p) => resultOf(p, ctx))
    );
  }
  const wired = parseStream(result.output).map((d) => d.value).filter(isObject);
  return emit(
    apiVersion,
    wired,
    result.warnings.map((p) => resultOf(p, ctx))
  );
}

// plugin/bin/flytemc-krm.ts
var usage = `Usage: flytemc-post-renderer --krm < resource-list.yaml
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
async function run(argv) {
  return guard(async () => {
    const { values, positionals } = commandLine(
      argv.filter((a) => a !== "--krm"),
      {},
      true
    );
    if (values.help) {
      await writeOut(usage);
      return EXIT.ok;
    }
    if (positionals.length) throw new UsageError(`stray argument ${JSON.stringify(positionals[0])}: the ResourceList comes on standard input`);
    const out = krm(await readInput());
    for (const r of out.results) {
      const ref = r.resourceRef ? `${r.resourceRef.kind}/${r.resourceRef.name}${r.field ? ` ${r.field.path}` : ""}` : "ResourceList";
      process.stderr.write(formatProblem((r.severity === "error" ? error : warning)(r.file ? `${r.file.path}: ${ref}` : ref, r.message)) + "\n");
    }
    await writeOut(out.output);
    return out.exitCode === 0 ? EXIT.ok : EXIT.invalid;
  });
}
process.exitCode = await run(process.argv.slice(2));
