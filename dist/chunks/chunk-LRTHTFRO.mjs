#!/usr/bin/env node
import { createRequire as __flytemcCreateRequire } from 'node:module'; const require = __flytemcCreateRequire(import.meta.url);
import {
  secretProblems
} from "./chunk-TNQNMB5Q.mjs";
import {
  coded,
  where
} from "./chunk-RMH2B4TR.mjs";
import {
  parseUntrusted
} from "./chunk-SMKU2DWZ.mjs";
import {
  isObject
} from "./chunk-4VJRSWY5.mjs";
import {
  readText,
  sourceLabel
} from "./chunk-FIS3OFIC.mjs";
import {
  FILE_INPUT
} from "./chunk-QVD5WBXB.mjs";
import {
  isYamlError
} from "./chunk-QI4TXXNF.mjs";
import {
  FlytemcError,
  error
} from "./chunk-PXOMBRJH.mjs";

// plugin/config/from-values.ts
import { existsSync } from "node:fs";
function mergeValues(base, over) {
  if (isObject(base) && isObject(over)) {
    const out = { ...base };
    for (const [k, v] of Object.entries(over)) out[k] = k in base ? mergeValues(base[k], v) : v;
    return out;
  }
  return over === void 0 ? base : over;
}
var NO_CONFIG = "config.none";
function readValuesFiles(files) {
  const read = files.map((file) => {
    const text = readText(file);
    const label = sourceLabel(file);
    return { file, label, text, values: parseValuesFile(label, text) };
  });
  let merged = {};
  for (const f of read) merged = mergeValues(merged, f.values ?? {});
  return { files: read, merged };
}
function readValuesFileIfPresent(path) {
  return existsSync(path) ? parseValuesFile(path, readText(path)) : void 0;
}
function parseValuesFile(path, text) {
  try {
    return parseUntrusted(text, path, FILE_INPUT, path);
  } catch (e) {
    if (!isYamlError(e)) throw e;
    const line = e.mark ? e.mark.line + 1 : void 0;
    const src = line !== void 0 ? text.split(/\r?\n/)[line - 1] ?? "" : "";
    const placeholder = /\{\{/.test(src);
    throw new FlytemcError([
      error(
        { code: "values.yaml", file: path, ...line !== void 0 ? { line } : {} },
        `invalid YAML: ${e.reason}`,
        placeholder ? 'an unquoted `{{ ... }}` placeholder from the upstream guide is not YAML: write the real value, e.g. endpoint: "https://203.0.113.10:6443"' : "fix the YAML syntax at that line (indentation, a missing `:` or an unclosed quote)"
      )
    ]);
  }
}
function misplaced(configmap, source, base) {
  return ["clusterConfigs", "labelClusterMap", "defaultExecutionLabel"].filter((k) => k in configmap).map(
    (k) => error(
      coded("config.misplaced", where(source, `${base}/${k}`)),
      `\`${k}\` sits directly under \`configmap\`; flyte-core only reads it from \`configmap.clusters\`, so FlyteAdmin never sees it`,
      `move it one level down, under \`configmap.clusters.${k}\``
    )
  );
}
function valuesOrRefuse(path, values, source) {
  if (values === null || values === void 0) {
    throw new FlytemcError([
      error({ code: "values.empty", file: path }, "the file is empty", "give a values file with a `multicluster:` block (see docs/configuration.md)")
    ]);
  }
  if (!isObject(values)) {
    throw new FlytemcError([
      error(
        { code: "values.not-mapping", file: path, line: 1 },
        `the file must be a YAML mapping of Helm values, not ${Array.isArray(values) ? "a list" : typeof values}`,
        "start it with `multicluster:` (see docs/configuration.md)"
      )
    ]);
  }
  if (typeof values.apiVersion === "string" && typeof values.kind === "string") {
    const ps = values.kind === "Secret" ? secretProblems(values, (p) => where(source, p)) : [];
    ps.push(
      error(
        { code: "values.manifest", file: path, line: 1 },
        `this is a Kubernetes ${values.kind} manifest, not a Helm values file`,
        "pass the values file that has the `multicluster:` block; the credentials Secret is written by `flytemc join`"
      )
    );
    throw new FlytemcError(ps);
  }
  return values;
}
function flyteCoreForm(values, source, problems) {
  const candidates = [{ base: "", v: values }];
  if (isObject(values["flyte-core"])) candidates.push({ base: "/flyte-core", v: values["flyte-core"] });
  let core;
  for (const { base, v } of candidates) {
    const cm = v.configmap;
    if (!isObject(cm)) continue;
    const wrong = misplaced(cm, source, `${base}/configmap`);
    problems.push(...wrong);
    const raw = cm.clusters !== void 0 ? cm.clusters : wrong.length ? Object.fromEntries(["clusterConfigs", "labelClusterMap", "defaultExecutionLabel"].filter((k) => k in cm).map((k) => [k, cm[k]])) : void 0;
    if (raw === void 0) continue;
    const admin = isObject(v.flyteadmin) ? v.flyteadmin : {};
    core = {
      source: { ...source, base: cm.clusters !== void 0 ? `${base}/configmap/clusters` : `${base}/configmap` },
      form: "flyte-core",
      raw,
      volumes: { value: admin.additionalVolumes ?? [], where: (p) => where(source, `${base}/flyteadmin/additionalVolumes${p}`) },
      mounts: { value: admin.additionalVolumeMounts ?? [], where: (p) => where(source, `${base}/flyteadmin/additionalVolumeMounts${p}`) }
    };
  }
  return core;
}
function configFromValues(path, text, given = parseValuesFile(path, text)) {
  const source = { label: path, text, base: "" };
  const values = valuesOrRefuse(path, given, source);
  const problems = [];
  const core = flyteCoreForm(values, source, problems);
  const hasBlock = "multicluster" in values;
  if (hasBlock && core) {
    throw new FlytemcError([
      ...problems,
      error(
        coded("config.both-forms", where(source, "/multicluster")),
        "the file sets both `multicluster` and flyte-core's `configmap.clusters`; only one may say where the clusters are",
        "keep `multicluster.clusters` (the flyte-multicluster chart) and remove `configmap.clusters`"
      )
    ]);
  }
  if (hasBlock) {
    return { source: { ...source, base: "/multicluster" }, form: "multicluster", raw: values.multicluster, ...problems.length ? { problems } : {} };
  }
  if (core) return problems.length ? { ...core, problems } : core;
  throw new FlytemcError([
    error(
      { code: NO_CONFIG, file: path },
      "no multi-cluster config: the file has neither `multicluster.clusters` nor flyte-core's `configmap.clusters`",
      "add a `multicluster:` block with `clusters.clusterConfigs` (see docs/configuration.md), or let `flytemc join` write it"
    )
  ]);
}

export {
  NO_CONFIG,
  readValuesFiles,
  readValuesFileIfPresent,
  parseValuesFile,
  configFromValues
};
