#!/usr/bin/env node
import { createRequire as __flytemcCreateRequire } from 'node:module'; const require = __flytemcCreateRequire(import.meta.url);

// plugin/yaml/json-pointer.ts
var escapeSegment = (segment) => String(segment).replace(/~/g, "~0").replace(/\//g, "~1");
function segments(pointer) {
  if (pointer === "" || pointer === "/") return [];
  return pointer.slice(1).split("/").map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"));
}
function get(root, pointer) {
  let v = root;
  for (const s of segments(pointer)) {
    if (Array.isArray(v)) v = v[Number(s)];
    else if (typeof v === "object" && v !== null) v = v[s];
    else return void 0;
  }
  return v;
}
var trimSlashes = (path) => path.replace(/\/+$/, "") || (path.startsWith("/") ? "/" : "");
function fileIn(dir, path) {
  const d = trimSlashes(dir);
  const prefix = d.endsWith("/") ? d : `${d}/`;
  if (!path.startsWith(prefix)) return void 0;
  const rest = path.slice(prefix.length);
  return rest.includes("/") ? void 0 : rest;
}

export {
  escapeSegment,
  segments,
  get,
  trimSlashes,
  fileIn
};
