#!/usr/bin/env node
import { createRequire as __flytemcCreateRequire } from 'node:module'; const require = __flytemcCreateRequire(import.meta.url);
import {
  dumpYaml,
  isYamlError,
  parseYaml
} from "./chunk-C74VGJG2.mjs";
import {
  FlytemcError,
  error
} from "./chunk-MLYTTTV6.mjs";

// plugin/postrender/limits.ts
var MIB = 1024 * 1024;
var MAX_INPUT_BYTES = 256 * MIB;
var MAX_CONFIG_BYTES = 16 * MIB;
var MAX_DOCUMENTS = 1e5;
var MAX_DEPTH = 256;
var MAX_ALIAS_EXPANSION = 4;
var ALIAS_EXPANSION_FLOOR = 1 * MIB;
var mib = (n) => `${(n / MIB).toFixed(n % MIB ? 1 : 0)} MiB`;
function tooBig(where, bytes, limit, what) {
  return new FlytemcError([
    error(where, `${what} is ${bytes === void 0 ? "larger than" : `${mib(bytes)}, over`} the limit of ${mib(limit)}`, "a flyte-core release renders well under 1 MiB; check that the right stream or file is passed")
  ]);
}
function tooManyDocuments(where) {
  return new FlytemcError([error(where, `the stream has more than ${MAX_DOCUMENTS.toLocaleString("en")} documents, the limit`, "a flyte-core release has about 60; check that the right stream is passed")]);
}
function tooDeep(where) {
  return new FlytemcError([error(where, `mappings and lists nested more than ${MAX_DEPTH} levels deep, the limit`, "Kubernetes objects nest far less; this is not a rendered manifest")]);
}
function tooExpanded(where, limit) {
  return new FlytemcError([
    error(where, `YAML aliases (*name) expand this document past ${limit.toLocaleString("en")} units (${MAX_ALIAS_EXPANSION}x its written size, at least ${mib(ALIAS_EXPANSION_FLOOR)}), the limit: an alias bomb`, "write the values out instead of repeating anchors (&name) through aliases")
  ]);
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
function asLimitError(e, where) {
  if (!(e instanceof RangeError)) return void 0;
  if (/call stack/i.test(e.message)) return tooDeep(where);
  if (/string length|array length|allocation failed/i.test(e.message)) {
    return new FlytemcError([error(where, `the input expands past what one process can hold (${e.message})`, `keep the stream under ${mib(MAX_INPUT_BYTES)} and without YAML aliases`)]);
  }
  return void 0;
}
async function readAllLimited(stream, limit, where, what) {
  const chunks = [];
  let total = 0;
  for await (const c of stream) {
    const b = typeof c === "string" ? Buffer.from(c) : c;
    total += b.length;
    if (total > limit) throw tooBig(where, void 0, limit, what);
    chunks.push(b);
  }
  return Buffer.concat(chunks, total).toString("utf8");
}
function checkFoundConfig(found) {
  const written = found.source.text?.length ?? 0;
  for (const v of [found.raw, found.volumes?.value, found.mounts?.value]) checkTree(v, found.source.label, written, true);
}
function checkNestedYaml(text, where, parse) {
  if (typeof text !== "string" || !text.includes("*")) return;
  let value;
  try {
    value = parse(text);
  } catch (e) {
    if (e instanceof RangeError) throw asLimitError(e, where) ?? e;
    return;
  }
  checkTree(value, where, text.length, true);
}

// plugin/postrender/stream.ts
var isObject = (v) => typeof v === "object" && v !== null && !Array.isArray(v);
function objectName(d) {
  const v = d.value;
  const source = /^# Source: (.*)$/m.exec(d.header)?.[1];
  const id = isObject(v) ? `${v.kind ?? "?"}/${v.metadata?.name ?? "?"}` : "document";
  return source ? `${id} (${source}, stream line ${d.line})` : `${id} (stream line ${d.line})`;
}
function resourceId(value) {
  if (!isObject(value)) return void 0;
  const v = value;
  if (typeof v.kind !== "string" || typeof v.metadata?.name !== "string") return void 0;
  const id = { apiVersion: String(v.apiVersion ?? ""), kind: v.kind, name: v.metadata.name };
  if (typeof v.metadata.namespace === "string" && v.metadata.namespace) id.namespace = v.metadata.namespace;
  return id;
}
var HEADER_LINE = /^\s*(#.*)?$/;
var BLANK = /^\s*$/;
function parseStream(text, label = "the rendered manifests") {
  if (text.length > MAX_INPUT_BYTES) throw tooBig(label, text.length, MAX_INPUT_BYTES, "the input");
  if (text.includes("\0")) throw new FlytemcError([error(label, "the input contains NUL bytes: it is not YAML text", "pass the output of `helm template` / Helm's post-renderer stream")]);
  const docs = [];
  let separators = 0;
  const flush = (from, to, firstLine) => {
    let pos2 = from;
    let h = 0;
    while (pos2 <= to) {
      let nl = text.indexOf("\n", pos2);
      if (nl < 0 || nl > to) nl = to;
      if (!HEADER_LINE.test(text.slice(pos2, nl))) break;
      h++;
      pos2 = nl + 1;
    }
    const header = pos2 > from ? text.slice(from, Math.min(pos2 - 1, to)) : "";
    const body = pos2 <= to ? text.slice(pos2, to) : "";
    const line2 = firstLine + h;
    if (BLANK.test(body)) {
      if (!BLANK.test(header)) docs.push({ header: header.replace(/\s+$/, ""), body: "", line: line2, value: null, changed: false, dropped: false });
      return;
    }
    const where = `${label}: stream line ${line2}`;
    let value;
    try {
      value = refuseResourceErrors(where, () => parseYaml(body));
    } catch (e) {
      if (!isYamlError(e)) throw e;
      const m = e.mark;
      throw new FlytemcError([error(m ? `${label}: stream line ${line2 + m.line}` : label, `invalid YAML: ${e.reason}`, "the stream must be YAML documents separated by `---` lines, as `helm template` writes them")]);
    }
    checkTree(value, where, body.length, body.includes("*"));
    if (value !== null && (typeof value !== "object" || Array.isArray(value))) {
      throw new FlytemcError([error(where, `a document must be a Kubernetes object (a mapping), not ${Array.isArray(value) ? "a list" : `the ${typeof value} ${JSON.stringify(String(value).slice(0, 40))}`}`, "the stream must be Kubernetes manifests, as `helm template` writes them")]);
    }
    docs.push({ header, body, line: line2, value, changed: false, dropped: false });
  };
  let chunkStart = 0;
  let chunkLine = 1;
  let pos = 0;
  let line = 1;
  while (pos <= text.length) {
    let nl = text.indexOf("\n", pos);
    if (nl < 0) nl = text.length;
    if (text.startsWith("---", pos) && BLANK.test(text.slice(pos + 3, nl))) {
      if (++separators > MAX_DOCUMENTS) throw tooManyDocuments(label);
      flush(chunkStart, pos - 1, chunkLine);
      chunkStart = nl + 1;
      chunkLine = line + 1;
    }
    pos = nl + 1;
    line++;
  }
  flush(chunkStart, text.length, chunkLine);
  return docs;
}
function emitStream(docs) {
  let out = "";
  for (const d of docs) {
    if (d.dropped) continue;
    const body = d.changed ? dumpYaml(d.value) : d.body.endsWith("\n") || d.body === "" ? d.body : d.body + "\n";
    out += "---\n" + (d.header ? d.header + "\n" : "") + body;
  }
  return out;
}

export {
  MAX_INPUT_BYTES,
  MAX_CONFIG_BYTES,
  tooBig,
  checkTree,
  refuseResourceErrors,
  readAllLimited,
  checkFoundConfig,
  checkNestedYaml,
  isObject,
  objectName,
  resourceId,
  parseStream,
  emitStream
};
