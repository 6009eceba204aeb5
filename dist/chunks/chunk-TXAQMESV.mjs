#!/usr/bin/env node
import { createRequire as __flytemcCreateRequire } from 'node:module'; const require = __flytemcCreateRequire(import.meta.url);
import {
  get
} from "./chunk-C2L5FP4Q.mjs";

// plugin/export/patches.ts
var INDEXED = /^(\/spec\/template\/spec\/(?:containers|initContainers|volumes)\/\d+)(?:\/|$)/;
function guarded(original, ops) {
  const tests = /* @__PURE__ */ new Map();
  const pin = (path) => {
    const value = get(original, path);
    if (value !== void 0 && !tests.has(path)) tests.set(path, { op: "test", path, value });
  };
  for (const op of ops) {
    const m = INDEXED.exec(op.path);
    if (m) pin(`${m[1]}/name`);
    if (op.op === "replace" || op.op === "remove") pin(op.path);
  }
  return [...tests.values(), ...ops];
}
function objectPatches(result, original) {
  return result.patches.map((p) => ({
    target: p.target,
    file: `${p.target.kind}-${p.target.name}.yaml`.toLowerCase(),
    ops: guarded(original(p.target), p.ops)
  }));
}
function kustomizeTarget(t) {
  const slash = t.apiVersion.indexOf("/");
  return {
    ...slash > 0 ? { group: t.apiVersion.slice(0, slash) } : {},
    version: slash > 0 ? t.apiVersion.slice(slash + 1) : t.apiVersion,
    kind: t.kind,
    name: t.name,
    ...t.namespace ? { namespace: t.namespace } : {}
  };
}

export {
  objectPatches,
  kustomizeTarget
};
