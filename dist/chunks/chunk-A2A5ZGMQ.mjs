#!/usr/bin/env node
import { createRequire as __flytemcCreateRequire } from 'node:module'; const require = __flytemcCreateRequire(import.meta.url);
import {
  parseValuesFile
} from "./chunk-3K7XD2Q2.mjs";
import {
  isObject,
  sameData
} from "./chunk-4VJRSWY5.mjs";
import {
  writeFileAtomic
} from "./chunk-WAQBF6VJ.mjs";
import {
  FlytemcError,
  error
} from "./chunk-PGTI4LGT.mjs";
import {
  dumpYaml
} from "./chunk-CMVQK6VE.mjs";

// plugin/config/values-file.ts
import { closeSync, existsSync, openSync, readFileSync, statSync, unlinkSync } from "node:fs";
function clustersOf(values, path, create) {
  if (!("multicluster" in values) && isObject(values.configmap) && "clusters" in values.configmap) {
    throw new FlytemcError([
      error(
        path,
        "the file keeps its clusters in flyte-core's `configmap.clusters`; join records them in the flyte-multicluster chart's `multicluster.clusters`",
        "move the clusters to `multicluster.clusters` (see docs/configuration.md), or leave out --values and paste the printed snippet"
      )
    ]);
  }
  let mc = values.multicluster;
  if (mc === void 0 || mc === null) {
    if (!create) return void 0;
    mc = values.multicluster = {};
  }
  if (!isObject(mc)) throw new FlytemcError([error(`${path} /multicluster`, "is not a mapping", "make `multicluster:` a mapping with a `clusters:` key")]);
  let cl = mc.clusters;
  if (cl === void 0 || cl === null) {
    if (!create) return void 0;
    cl = mc.clusters = {};
  }
  if (!isObject(cl))
    throw new FlytemcError([error(`${path} /multicluster/clusters`, "is not a mapping", "make it a mapping with clusterConfigs and labelClusterMap")]);
  return cl;
}
function addClusters(values, entries, path = "values") {
  const cl = clustersOf(values, path, true);
  const configs = cl.clusterConfigs ??= [];
  for (const e of entries) {
    const have = configs.find((c) => c.name === e.name);
    if (have) {
      have.endpoint = e.endpoint;
      if (have.enabled !== false) have.enabled = true;
      if (e.credentialProxy) {
        have.credentialProxy = e.credentialProxy;
        delete have.auth;
      } else delete have.credentialProxy;
    } else {
      configs.push({ name: e.name, endpoint: e.endpoint, enabled: true, ...e.credentialProxy ? { credentialProxy: e.credentialProxy } : {} });
    }
    if (e.routes.length) {
      const map = cl.labelClusterMap ??= {};
      for (const r of e.routes) {
        const list = map[r.label] ??= [];
        const route = list.find((x) => x.id === e.name);
        if (route) route.weight = r.weight;
        else list.push({ id: e.name, weight: r.weight });
      }
    }
  }
}
function clusterListFile(files) {
  return [...files].reverse().find(
    (f) => isObject(f.values) && isObject(f.values.multicluster) && isObject(f.values.multicluster.clusters) && "clusterConfigs" in f.values.multicluster.clusters
  );
}
function enabledClusters(values, path = "values") {
  return (clustersOf(values, path, false)?.clusterConfigs ?? []).filter((c) => c.enabled === true).map((c) => c.name);
}
function setEnabled(values, name, enabled, path = "values") {
  const c = (clustersOf(values, path, false)?.clusterConfigs ?? []).find((x) => x.name === name);
  if (!c) return { found: false, changed: false };
  const changed = c.enabled !== enabled;
  c.enabled = enabled;
  return { found: true, changed };
}
function removeCluster(values, name, path = "values") {
  const out = { routes: [], config: false };
  const cl = clustersOf(values, path, false);
  if (!cl) return out;
  const map = cl.labelClusterMap;
  if (map) {
    for (const label of Object.keys(map)) {
      const list = map[label] ?? [];
      const kept = list.filter((r) => r.id !== name);
      if (kept.length === list.length) continue;
      out.routes.push(label);
      if (kept.length) map[label] = kept;
      else {
        delete map[label];
        if (cl.defaultExecutionLabel === label) {
          delete cl.defaultExecutionLabel;
          out.defaultLabelDropped = label;
        }
      }
    }
  }
  if (cl.clusterConfigs) {
    const kept = cl.clusterConfigs.filter((c) => c.name !== name);
    out.config = kept.length !== cl.clusterConfigs.length;
    cl.clusterConfigs = kept;
  }
  return out;
}
function snippet(entries) {
  const values = {};
  addClusters(values, entries);
  return dumpYaml(values);
}
var indentOf = (l) => l.length - l.trimStart().length;
var isBlankOrComment = (l) => l.trim() === "" || l.trimStart().startsWith("#");
function replaceClustersText(text, clusters) {
  const eol = text.includes("\r\n") ? "\r\n" : "\n";
  const lines = text.split(/\r?\n/);
  const render = (indent) => {
    const dumped = dumpYaml(clusters).replace(/\n$/, "");
    const pad = " ".repeat(indent);
    if (/^(\{\}|\[\])$/.test(dumped)) return [`${pad}clusters: ${dumped}`];
    return [`${pad}clusters:`, ...dumped.split("\n").map((l) => `${pad}  ${l}`)];
  };
  const top = lines.findIndex((l) => /^multicluster:\s*(#.*)?$/.test(l));
  if (top < 0) {
    if (lines.some((l) => /^multicluster\s*:/.test(l))) return void 0;
    const body = text.replace(/\s*$/, "");
    return (body ? body + eol : "") + ["multicluster:", ...render(2)].join(eol) + eol;
  }
  let end = top + 1;
  while (end < lines.length && (isBlankOrComment(lines[end]) || indentOf(lines[end]) > 0)) end++;
  while (end > top + 1 && (lines[end - 1].trim() === "" || isBlankOrComment(lines[end - 1]) && indentOf(lines[end - 1]) === 0)) end--;
  const first = lines.slice(top + 1, end).find((l) => !isBlankOrComment(l));
  const ci = first ? indentOf(first) : 2;
  if (first && /^\s*-/.test(first)) return void 0;
  const key = new RegExp(`^ {${ci}}clusters:\\s*(#.*)?$`);
  const at = lines.slice(top + 1, end).findIndex((l) => key.test(l));
  if (at < 0) {
    if (lines.slice(top + 1, end).some((l) => new RegExp(`^ {${ci}}clusters\\s*:`).test(l))) return void 0;
    const out = [...lines.slice(0, end), ...render(ci), ...lines.slice(end)];
    return out.join(eol);
  }
  const start = top + 1 + at;
  let stop = start + 1;
  while (stop < end && (lines[stop].trim() === "" || indentOf(lines[stop]) > ci)) stop++;
  while (stop > start + 1 && lines[stop - 1].trim() === "") stop--;
  return [...lines.slice(0, start), ...render(ci), ...lines.slice(stop)].join(eol);
}
async function withLock(path, fn) {
  const lock = `${path}.flytemc-lock`;
  const deadline = Date.now() + 3e4;
  for (; ; ) {
    try {
      closeSync(openSync(lock, "wx", 384));
      break;
    } catch (e) {
      if (e.code !== "EEXIST")
        throw new FlytemcError([error(path, `cannot lock the file (${e.code})`, "check that its folder is writable")]);
      try {
        if (Date.now() - statSync(lock).mtimeMs > 6e4) unlinkSync(lock);
      } catch {
      }
      if (Date.now() > deadline)
        throw new FlytemcError([error(path, `locked by another flytemc run (${lock})`, `wait for it, or delete ${lock} if no flytemc runs`)]);
      await new Promise((r) => setTimeout(r, 20 + Math.random() * 50));
    }
  }
  try {
    return fn();
  } finally {
    try {
      unlinkSync(lock);
    } catch {
    }
  }
}
async function editValuesFile(path, mutate, opts) {
  return withLock(path, () => {
    const exists = existsSync(path);
    const before = exists ? readFileSync(path, "utf8") : "";
    const parsed = before.trim() === "" ? {} : parseValuesFile(path, before);
    if (!isObject(parsed)) throw new FlytemcError([error(`${path}:1`, "the file must be a YAML mapping of Helm values", "start it with `multicluster:`")]);
    const original = structuredClone(parsed);
    mutate(parsed);
    if (sameData(parsed, original) && exists) return { path, changed: false, created: false, before, after: before, commentsKept: true };
    const mc = parsed.multicluster;
    let after = replaceClustersText(before, mc.clusters);
    let commentsKept = true;
    try {
      if (after === void 0 || !sameData(parseValuesFile(path, after), parsed)) after = void 0;
    } catch {
      after = void 0;
    }
    if (after === void 0) {
      after = dumpYaml(parsed);
      commentsKept = !/(^|\s)#/.test(before);
    }
    if (!opts.dryRun) writeFileAtomic(path, after, exists ? statSync(path).mode & 4095 : 420);
    return { path, changed: true, created: !exists, before, after, commentsKept };
  });
}

export {
  addClusters,
  clusterListFile,
  enabledClusters,
  setEnabled,
  removeCluster,
  snippet,
  replaceClustersText,
  editValuesFile
};
