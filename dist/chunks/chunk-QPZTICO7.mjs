#!/usr/bin/env node
import { createRequire as __flytemcCreateRequire } from 'node:module'; const require = __flytemcCreateRequire(import.meta.url);
import {
  parseValuesFile
} from "./chunk-LRTHTFRO.mjs";
import {
  require_dist
} from "./chunk-RMH2B4TR.mjs";
import {
  isObject,
  sameData
} from "./chunk-4VJRSWY5.mjs";
import {
  writeFileAtomic
} from "./chunk-FIS3OFIC.mjs";
import {
  dumpYaml
} from "./chunk-QI4TXXNF.mjs";
import {
  FlytemcError,
  error
} from "./chunk-PXOMBRJH.mjs";
import {
  __toESM
} from "./chunk-GPAN37FC.mjs";

// plugin/config/values-file.ts
import { closeSync, existsSync, openSync, readFileSync, statSync, unlinkSync } from "node:fs";

// plugin/yaml/edit.ts
var import_yaml = __toESM(require_dist(), 1);
var Unsupported = class extends Error {
};
var render = (value) => (0, import_yaml.stringify)(value, { version: "1.1", lineWidth: 0 }).replace(/\n$/, "");
var lineStart = (text, at) => text.lastIndexOf("\n", at - 1) + 1;
var column = (text, at) => at - lineStart(text, at);
function lineEnd(text, at) {
  if (at > 0 && text[at - 1] === "\n") return at;
  const nl = text.indexOf("\n", at);
  return nl < 0 ? text.length : nl + 1;
}
var indented = (block, indent) => block.replace(/\n/g, `
${" ".repeat(indent)}`);
function editYamlText(text, before, after) {
  const doc = (0, import_yaml.parseDocument)(text, { version: "1.1" });
  if (doc.errors.length || !(0, import_yaml.isMap)(doc.contents)) return void 0;
  const edits = [];
  try {
    walk(text, doc.contents, before, after, void 0, edits);
  } catch (e) {
    if (e instanceof Unsupported) return void 0;
    throw e;
  }
  const crlf = text.includes("\r\n");
  let out = text;
  const order = edits.map((e, i) => ({ ...e, i })).sort((x, y) => y.from - x.from || y.i - x.i);
  for (const e of order) out = out.slice(0, e.from) + (crlf ? e.text.replace(/\r?\n/g, "\r\n") : e.text) + out.slice(e.to);
  return out;
}
function walk(text, node, before, after, place, edits) {
  if (sameData(before, after)) return;
  if ((0, import_yaml.isScalar)(node) && !isObject(after) && !Array.isArray(after)) {
    const value = render(after);
    if (value.includes("\n") || !node.range) throw new Unsupported("a block scalar");
    edits.push({ from: node.range[0], to: node.range[1], text: value });
  } else if ((0, import_yaml.isMap)(node) && isObject(before) && isObject(after) && Object.keys(after).length && (!node.flow || sameData(Object.keys(before), Object.keys(after)))) {
    editMap(text, node, before, after, edits);
  } else if ((0, import_yaml.isSeq)(node) && Array.isArray(before) && Array.isArray(after) && after.length && (!node.flow || sameItems(before, after))) {
    editSeq(text, node, before, after, edits);
  } else replaceValue(text, node, after, place, edits);
}
var same = (x, y) => sameData(x, y) || isObject(x) && isObject(y) && (x.name !== void 0 && x.name === y.name || x.id !== void 0 && x.id === y.id);
var sameItems = (before, after) => before.length === after.length && before.every((b, i) => same(b, after[i]));
function replaceValue(text, node, after, place, edits) {
  const key = place?.key;
  const range = node?.range;
  if (!key?.range || !range) throw new Unsupported("a value not under a key");
  const end = text.slice(0, range[1]).replace(/\s+$/, "").length;
  const inline = !isObject(after) && !Array.isArray(after) || Object.keys(after).length === 0;
  const value = render(after);
  const indent = column(text, key.range[0]) + 2;
  if (inline && value.includes("\n")) throw new Unsupported("a multi-line value");
  edits.push({ from: key.range[1], to: Math.max(end, key.range[1]), text: inline ? `: ${value}` : `:
${" ".repeat(indent)}${indented(value, indent)}` });
}
function editMap(text, node, before, after, edits) {
  const pairOf = (k) => node.items.find((p) => (0, import_yaml.isPair)(p) && (0, import_yaml.isScalar)(p.key) && String(p.key.value) === k);
  const first = node.items[0]?.key;
  if (!first?.range || !node.range) throw new Unsupported("an empty block mapping");
  for (const k of Object.keys(before)) {
    const pair = pairOf(k);
    if (!pair) throw new Unsupported("a merged key");
    if (k in after) walk(text, pair.value, before[k], after[k], pair, edits);
    else edits.push(removal(text, pair.key, pair.value, /^\s*$/));
  }
  const added = Object.keys(after).filter((k) => !(k in before));
  if (added.length) {
    const indent = column(text, first.range[0]);
    const block = render(Object.fromEntries(added.map((k) => [k, after[k]])));
    edits.push(insertion(text, node.range[1], indent, block));
  }
}
function editSeq(text, node, before, after, edits) {
  const items = node.items;
  const first = items[0];
  if (!first?.range || !node.range || items.length !== before.length) throw new Unsupported("an empty block sequence");
  let from = 0;
  const kept = /* @__PURE__ */ new Set();
  const appended = [];
  for (const value of after) {
    const i = appended.length ? -1 : before.findIndex((b, j) => j >= from && same(b, value));
    if (i < 0) {
      appended.push(value);
      continue;
    }
    walk(text, items[i], before[i], value, void 0, edits);
    kept.add(i);
    from = i + 1;
  }
  for (const [i, item] of items.entries()) if (!kept.has(i)) edits.push(removal(text, item, item, /^\s*-\s*$/));
  if (appended.length) edits.push(insertion(text, node.range[1], column(text, text.lastIndexOf("-", first.range[0])), render(appended)));
}
function removal(text, start, value, alone) {
  const end = value?.range ?? start.range;
  if (!start.range || !end) throw new Unsupported("no position");
  if (!alone.test(text.slice(lineStart(text, start.range[0]), start.range[0]))) throw new Unsupported("a key on the line of its item");
  return { from: lineStart(text, start.range[0]), to: lineEnd(text, end[1]), text: "" };
}
function insertion(text, at, indent, block) {
  const pad = " ".repeat(indent);
  const lines = block.split("\n").map((l) => l ? pad + l : l);
  const eol = text.includes("\r\n") ? "\r\n" : "\n";
  const before = at > 0 && text[at - 1] !== "\n" ? eol : "";
  return { from: at, to: at, text: before + lines.join(eol) + (before ? "" : eol) };
}

// plugin/config/values-file.ts
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
    let after = editYamlText(before, original, parsed);
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
  editValuesFile
};
