#!/usr/bin/env node
import { createRequire as __flytemcCreateRequire } from 'node:module'; const require = __flytemcCreateRequire(import.meta.url);
import {
  js_yaml_default
} from "./chunk-IVYUDTSF.mjs";

// plugin/yaml/emit.ts
var NotPlain = class extends Error {
};
var WORD = /^[A-Za-z][A-Za-z0-9_./:@=+-]*$/;
var RESERVED = /* @__PURE__ */ new Set([
  "null",
  "Null",
  "NULL",
  "true",
  "True",
  "TRUE",
  "false",
  "False",
  "FALSE",
  ...["y", "yes", "on", "n", "no", "off"].flatMap((w) => [w, w[0].toUpperCase() + w.slice(1), w.toUpperCase()])
]);
var MAX_PLAIN_KEY = 1024;
var isWord = (s) => WORD.test(s) && s.charCodeAt(s.length - 1) !== 58 && !RESERVED.has(s);
var nextLine = (level) => "\n" + " ".repeat(2 * level);
function emitYaml(value, scalar) {
  const out = node(value, 0, true, scalar);
  if (out === void 0) throw new NotPlain("undefined");
  return out + "\n";
}
function node(v, level, compact, scalar) {
  if (v === void 0) return void 0;
  if (v === null) return "null";
  switch (typeof v) {
    case "string":
      return isWord(v) ? v : other(v, level, scalar);
    case "boolean":
      return v ? "true" : "false";
    case "number":
      return Number.isSafeInteger(v) && !Object.is(v, -0) ? String(v) : other(v, level, scalar);
    case "object":
      break;
    default:
      throw new NotPlain(typeof v);
  }
  if (Array.isArray(v)) {
    if (v.length === 0) return "[]";
    let out2 = "";
    for (let i = 0; i < v.length; i++) {
      const d = node(v[i], level + 1, true, scalar) ?? "null";
      if (!compact || out2 !== "") out2 += nextLine(level);
      out2 += d.charCodeAt(0) === 10 ? "-" : "- ";
      out2 += d;
    }
    return out2;
  }
  const proto = Object.getPrototypeOf(v);
  if (proto !== Object.prototype && proto !== null) throw new NotPlain("not a plain object");
  const o = v;
  let out = "";
  for (const key of Object.keys(o)) {
    if (!isWord(key) || key.length > MAX_PLAIN_KEY) throw new NotPlain("key");
    const d = node(o[key], level + 1, false, scalar);
    if (d === void 0) continue;
    out += (!compact || out !== "" ? nextLine(level) : "") + key + (d.charCodeAt(0) === 10 ? ":" : ": ") + d;
  }
  return out || "{}";
}
function other(v, level, scalar) {
  const text = scalar(v).slice(0, -1);
  if (!text.includes("\n")) return text;
  const indent = " ".repeat(2 * Math.max(1, level));
  return text.replace(/\n {2}/g, `
${indent}`);
}

// plugin/yaml/dialect.ts
var t = js_yaml_default.types;
var isOctal11 = (data) => /^[-+]?0[0-7]+$/.test(data) && data.replace(/^[-+]/, "") !== "0";
var int = new js_yaml_default.Type("tag:yaml.org,2002:int", {
  kind: "scalar",
  resolve: (data) => data !== null && (isOctal11(data) || t.int.resolve(data)),
  construct: (data) => isOctal11(data) ? (data.startsWith("-") ? -1 : 1) * parseInt(data.replace(/^[-+]/, ""), 8) : t.int.construct(data),
  predicate: t.int.predicate,
  represent: t.int.represent,
  defaultStyle: t.int.defaultStyle
});
var SCHEMA = js_yaml_default.FAILSAFE_SCHEMA.extend({
  implicit: [t.null, t.bool, int, t.float, t.merge]
});
function parseYaml(text, filename) {
  return js_yaml_default.load(text, { schema: SCHEMA, ...filename ? { filename } : {} });
}
var DUMP_OPTIONS = { schema: SCHEMA, lineWidth: -1, noRefs: true };
var jsYamlDump = (value) => js_yaml_default.dump(value, DUMP_OPTIONS);
function dumpYaml(value) {
  try {
    return emitYaml(value, jsYamlDump);
  } catch (e) {
    if (!(e instanceof NotPlain)) throw e;
    return jsYamlDump(value);
  }
}
var isYamlError = (e) => e instanceof js_yaml_default.YAMLException;

export {
  parseYaml,
  dumpYaml,
  isYamlError
};
