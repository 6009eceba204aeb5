#!/usr/bin/env node
import { createRequire as __flytemcCreateRequire } from 'node:module'; const require = __flytemcCreateRequire(import.meta.url);
import {
  ALIAS_EXPANSION_FLOOR,
  MAX_ALIAS_EXPANSION,
  MAX_DEPTH,
  asLimitError,
  notText,
  tooBig,
  tooDeep,
  tooExpanded
} from "./chunk-QVD5WBXB.mjs";
import {
  parseYaml
} from "./chunk-QI4TXXNF.mjs";

// plugin/yaml/input.ts
function checkText(text, where, limits) {
  if (text.length > limits.maxBytes) throw tooBig(where, text.length, limits.maxBytes, limits.what);
  if (text.includes("\0")) throw notText(where, limits.what, limits.expected);
}
function parseUntrusted(text, where, limits, filename) {
  checkText(text, where, limits);
  const value = refuseResourceErrors(where, () => parseYaml(text, filename));
  checkTree(value, where, text.length, text.includes("*"));
  return value;
}
function checkTree(value, where, writtenChars, aliases = true) {
  if (typeof value !== "object" || value === null) return;
  if (!aliases) {
    if (depthOver(value, MAX_DEPTH)) throw tooDeep(where);
    return;
  }
  const budget = Math.max(ALIAS_EXPANSION_FLOOR, MAX_ALIAS_EXPANSION * writtenChars);
  let size = 0;
  const stack = [{ v: value, d: 1 }];
  while (stack.length) {
    const { v, d } = stack.pop();
    if (d > MAX_DEPTH) throw tooDeep(where);
    const entries = Array.isArray(v) ? v : Object.values(v);
    if (!Array.isArray(v)) for (const k in v) size += k.length;
    size += 1;
    for (const c of entries) {
      size += 1;
      if (typeof c === "string") size += c.length;
      else if (typeof c === "object" && c !== null) stack.push({ v: c, d: d + 1 });
    }
    if (size > budget) throw tooExpanded(where, budget);
  }
}
function depthOver(v, limit) {
  if (limit === 0) return true;
  if (Array.isArray(v)) {
    for (const c of v) if (typeof c === "object" && c !== null && depthOver(c, limit - 1)) return true;
  } else {
    for (const k in v) {
      const c = v[k];
      if (typeof c === "object" && c !== null && depthOver(c, limit - 1)) return true;
    }
  }
  return false;
}
function refuseResourceErrors(where, body) {
  try {
    return body();
  } catch (e) {
    throw asLimitError(e, where) ?? e;
  }
}

export {
  checkText,
  parseUntrusted,
  refuseResourceErrors
};
