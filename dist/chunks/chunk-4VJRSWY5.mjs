#!/usr/bin/env node
import { createRequire as __flytemcCreateRequire } from 'node:module'; const require = __flytemcCreateRequire(import.meta.url);

// plugin/yaml/data.ts
var isObject = (v) => typeof v === "object" && v !== null && !Array.isArray(v);
function canonical(v) {
  if (Array.isArray(v)) return v.map(canonical);
  if (isObject(v))
    return Object.fromEntries(
      Object.keys(v).sort().map((k) => [k, canonical(v[k])])
    );
  return v;
}
var sameData = (a, b) => JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));

export {
  isObject,
  canonical,
  sameData
};
