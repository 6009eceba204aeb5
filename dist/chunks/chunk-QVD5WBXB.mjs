#!/usr/bin/env node
import { createRequire as __flytemcCreateRequire } from 'node:module'; const require = __flytemcCreateRequire(import.meta.url);
import {
  FlytemcError,
  error
} from "./chunk-PXOMBRJH.mjs";

// plugin/yaml/limits.ts
var MIB = 1024 * 1024;
var MAX_INPUT_BYTES = 256 * MIB;
var MAX_CONFIG_BYTES = 16 * MIB;
var MAX_DOCUMENTS = 1e5;
var MAX_DEPTH = 256;
var MAX_ALIAS_EXPANSION = 4;
var ALIAS_EXPANSION_FLOOR = 1 * MIB;
var STREAM_INPUT = {
  what: "the input",
  maxBytes: MAX_INPUT_BYTES,
  expected: "pass the output of `helm template` / Helm's post-renderer stream"
};
var FILE_INPUT = { what: "the file", maxBytes: MAX_CONFIG_BYTES, expected: "pass a YAML file (a Helm values file)" };
var mib = (n) => `${(n / MIB).toFixed(n % MIB ? 1 : 0)} MiB`;
function tooBig(where, bytes, limit, what) {
  return new FlytemcError([
    error(
      where,
      `${what} is ${bytes === void 0 ? "larger than" : `${mib(bytes)}, over`} the limit of ${mib(limit)}`,
      "a flyte-core release renders well under 1 MiB; check that the right stream or file is passed"
    )
  ]);
}
function notText(where, what, expected) {
  return new FlytemcError([error(where, `${what} contains NUL bytes: it is not YAML text`, expected)]);
}
function tooManyDocuments(where) {
  return new FlytemcError([
    error(
      where,
      `the stream has more than ${MAX_DOCUMENTS.toLocaleString("en")} documents, the limit`,
      "a flyte-core release has about 60; check that the right stream is passed"
    )
  ]);
}
function tooDeep(where) {
  return new FlytemcError([
    error(
      where,
      `mappings and lists nested more than ${MAX_DEPTH} levels deep, the limit`,
      "Kubernetes objects nest far less; this is not a rendered manifest"
    )
  ]);
}
function tooExpanded(where, limit) {
  return new FlytemcError([
    error(
      where,
      `YAML aliases (*name) expand this document past ${limit.toLocaleString("en")} units (${MAX_ALIAS_EXPANSION}x its written size, at least ${mib(ALIAS_EXPANSION_FLOOR)}), the limit: an alias bomb`,
      "write the values out instead of repeating anchors (&name) through aliases"
    )
  ]);
}
function asLimitError(e, where) {
  if (!(e instanceof RangeError)) return void 0;
  if (/call stack/i.test(e.message)) return tooDeep(where);
  if (/string length|array length|allocation failed/i.test(e.message)) {
    return new FlytemcError([
      error(where, `the input expands past what one process can hold (${e.message})`, `keep the stream under ${mib(MAX_INPUT_BYTES)} and without YAML aliases`)
    ]);
  }
  return void 0;
}

export {
  MAX_INPUT_BYTES,
  MAX_DOCUMENTS,
  MAX_DEPTH,
  MAX_ALIAS_EXPANSION,
  ALIAS_EXPANSION_FLOOR,
  STREAM_INPUT,
  FILE_INPUT,
  tooBig,
  notText,
  tooManyDocuments,
  tooDeep,
  tooExpanded,
  asLimitError
};
