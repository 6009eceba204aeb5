#!/usr/bin/env node
import { createRequire as __flytemcCreateRequire } from 'node:module'; const require = __flytemcCreateRequire(import.meta.url);
import {
  FILE_INPUT,
  MAX_INPUT_BYTES,
  tooBig
} from "./chunk-QVD5WBXB.mjs";
import {
  EXIT,
  FlytemcError,
  UsageError,
  error
} from "./chunk-PXOMBRJH.mjs";

// plugin/cli/stdio.ts
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
        [error({ code: "input.unreadable", subject: "standard input" }, `cannot read it (${e.code ?? String(e)})`)],
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
        error(
          { code: "input.unreadable", file: path },
          code === "ENOENT" ? "no such file" : code === "EISDIR" ? "is a folder, not a file" : `cannot read it (${code ?? String(e)})`,
          "check the path"
        )
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
async function showUsage(usage) {
  await writeOut(usage);
  return EXIT.ok;
}

export {
  readInput,
  writeOut,
  readText,
  writeFileAtomic,
  sourceLabel,
  showUsage
};
