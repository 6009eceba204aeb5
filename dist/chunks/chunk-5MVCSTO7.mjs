#!/usr/bin/env node
import { createRequire as __flytemcCreateRequire } from 'node:module'; const require = __flytemcCreateRequire(import.meta.url);
import {
  EXIT,
  FlytemcError,
  UsageError,
  error
} from "./chunk-5JWNXXDS.mjs";

// plugin/limits.ts
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

// plugin/stdio.ts
import { chmodSync, closeSync, fstatSync, openSync, readFileSync, readSync, renameSync, rmSync, statSync, writeSync } from "node:fs";
var INPUT_WHERE = "standard input";
var INPUT_WHAT = "the rendered stream";
async function readStdinStream() {
  if (process.stdin.isTTY)
    throw new UsageError("expected the rendered manifests on standard input (run it as `helm ... --post-renderer flytemc-post-renderer`)");
  return readAllLimited(process.stdin, MAX_INPUT_BYTES, INPUT_WHERE, INPUT_WHAT);
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
async function readInput() {
  let plain = false;
  try {
    plain = !fstatSync(0).isCharacterDevice();
  } catch {
  }
  if (!plain) return readStdinStream();
  const chunks = [];
  let total = 0;
  let buf = Buffer.allocUnsafe(256 * 1024);
  for (; ; ) {
    let n;
    try {
      n = readSync(0, buf, 0, buf.length, null);
    } catch (e) {
      const code = e.code;
      if (code === "EINTR") continue;
      return readAllLimited(
        (async function* () {
          yield* chunks;
          yield* process.stdin;
        })(),
        MAX_INPUT_BYTES,
        INPUT_WHERE,
        INPUT_WHAT
      );
    }
    if (n === 0) break;
    total += n;
    if (total > MAX_INPUT_BYTES) throw tooBig(INPUT_WHERE, void 0, MAX_INPUT_BYTES, INPUT_WHAT);
    chunks.push(buf.subarray(0, n));
    if (n === buf.length) buf = Buffer.allocUnsafe(Math.min(buf.length * 2, 16 * 1024 * 1024));
    else buf = buf.subarray(n);
  }
  return Buffer.concat(chunks, total).toString("utf8");
}
function writeOut(text) {
  const bytes = Buffer.from(text, "utf8");
  let off = 0;
  while (off < bytes.length) {
    try {
      off += writeSync(1, bytes, off, bytes.length - off);
    } catch (e) {
      const code = e.code;
      if (code === "EINTR") continue;
      if (code !== "EAGAIN") throw e;
      const rest = bytes.subarray(off);
      return new Promise((resolve, reject) => process.stdout.write(rest, (err) => err ? reject(err) : resolve()));
    }
  }
  return Promise.resolve();
}
var stdinText;
function readText(path, limits = FILE_INPUT) {
  if (path === "-") {
    if (stdinText !== void 0) return stdinText;
    if (process.stdin.isTTY)
      throw new UsageError(
        "-f - reads the values from standard input, but it is a terminal",
        "pipe the file in, e.g. `cat values.yaml | helm flytemc validate -f -`"
      );
    try {
      return stdinText = readFileSync(0, "utf8");
    } catch (e) {
      throw new FlytemcError(
        [{ severity: "error", where: "standard input", what: `cannot read it (${e.code ?? String(e)})` }],
        EXIT.usage
      );
    }
  }
  let size;
  try {
    const st = statSync(path);
    if (st.isFile()) size = st.size;
  } catch {
  }
  if (size !== void 0 && size > limits.maxBytes) throw tooBig(path, size, limits.maxBytes, limits.what);
  try {
    return readFileSync(path, "utf8");
  } catch (e) {
    const code = e.code;
    throw new FlytemcError(
      [
        {
          severity: "error",
          where: path,
          what: code === "ENOENT" ? "no such file" : code === "EISDIR" ? "is a folder, not a file" : `cannot read it (${code ?? String(e)})`,
          fix: "check the path"
        }
      ],
      EXIT.usage
    );
  }
}
function writeFileAtomic(path, text, mode) {
  const tmp = `${path}.flytemc-tmp-${process.pid}`;
  rmSync(tmp, { force: true });
  const fd = openSync(tmp, "wx", mode);
  try {
    writeSync(fd, text);
  } finally {
    closeSync(fd);
  }
  chmodSync(tmp, mode);
  renameSync(tmp, path);
}
var sourceLabel = (path) => path === "-" ? "<stdin>" : path;

export {
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
  asLimitError,
  readInput,
  writeOut,
  readText,
  writeFileAtomic,
  sourceLabel
};
