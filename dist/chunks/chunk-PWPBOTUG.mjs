#!/usr/bin/env node
import { createRequire as __flytemcCreateRequire } from 'node:module'; const require = __flytemcCreateRequire(import.meta.url);
import {
  EXIT,
  FlytemcError,
  UsageError,
  formatProblem,
  formatProblems,
  redact
} from "./chunk-PXOMBRJH.mjs";

// plugin/cli/shell.ts
import { chmodSync, closeSync, lstatSync, mkdirSync, mkdtempSync, openSync, readdirSync, rmSync, statSync, writeSync } from "node:fs";
import { tmpdir, userInfo } from "node:os";
import { basename, dirname, join } from "node:path";
import { parseArgs } from "node:util";
var running = { command: "", readOnly: false };
var self = () => process.env.HELM_PLUGIN_NAME === "flytemc" ? "helm flytemc" : "flytemc";
var helpHint = () => `run \`${self()} ${running.command ? `${running.command} ` : ""}--help\` for the options`;
var HELP = { help: { type: "boolean", short: "h", default: false } };
function distance(a, b) {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cur = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = cur;
    }
  }
  return row[b.length];
}
function nearest(word, candidates) {
  const lower = word.toLowerCase();
  let best;
  for (const c of candidates) {
    const d = distance(lower, c.toLowerCase());
    if (d <= Math.max(1, Math.floor(c.length / 3)) && (!best || d < best.d)) best = { c, d };
  }
  return best?.c;
}
function helmStyle(argv, options) {
  const takesValue = new Set(
    Object.values(options).filter((o) => o.type === "string" && o.short).map((o) => o.short)
  );
  const out = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--") {
      out.push(...argv.slice(i));
      break;
    }
    const m = /^-([A-Za-z])=(.*)$/s.exec(a);
    if (m && takesValue.has(m[1])) out.push(`-${m[1]}`, m[2]);
    else out.push(a);
  }
  return out;
}
function rephrase(e, options) {
  const msg = e.message;
  const spell = (name) => options[name]?.short ? `-${options[name].short}, --${name}` : `--${name}`;
  let m;
  if (e.code === "ERR_PARSE_ARGS_UNKNOWN_OPTION" && (m = /Unknown option '([^']+)'/.exec(msg))) {
    const flag = m[1];
    const bare = flag.replace(/^-+/, "").split("=")[0];
    const near = nearest(bare, Object.keys(options));
    return new UsageError(`unknown option ${flag}`, near ? `did you mean ${spell(near)}? (${helpHint()})` : helpHint());
  }
  if (e.code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE" && (m = /^Option '([^']+)'/.exec(msg))) {
    const quoted = m[1];
    const name = /--([\w-]+)/.exec(quoted)?.[1] ?? /use '--([\w-]+)=/.exec(msg)?.[1] ?? Object.keys(options).find((k) => `-${options[k].short}` === quoted) ?? quoted.replace(/^-+/, "");
    const flag = spell(name);
    if (/does not take an argument/.test(msg)) return new UsageError(`--${name} is a flag and takes no value`, `write --${name} alone`);
    if (/argument missing/.test(msg)) {
      const example = name === "values" || name === "config" || name === "out" || name === "kubeconfig" ? "FILE" : name === "output" ? "json" : "VALUE";
      return new UsageError(`${flag} needs a value`, `e.g. --${name} ${example} (${helpHint()})`);
    }
    return new UsageError(
      `${flag} needs a value, but the next word starts with '-'`,
      `if that word is the value, write --${name}=VALUE; otherwise put the value right after the option`
    );
  }
  if (e.code === "ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL" && (m = /Unexpected argument '([^']*)'/.exec(msg))) {
    const arg = m[1];
    return new UsageError(
      `unexpected argument ${JSON.stringify(arg)}: ${running.command || "this command"} takes no positional arguments`,
      /\.ya?ml$/.test(arg) ? `pass values files with -f: -f ${arg}` : helpHint()
    );
  }
  return new UsageError(msg.replace(/\.$/, ""), helpHint());
}
function commandLine(argv, options, allowPositionals) {
  const all = { ...options, ...HELP };
  try {
    return parseArgs({ args: helmStyle(argv, all), options: all, strict: true, allowPositionals: allowPositionals ?? false });
  } catch (e) {
    throw rephrase(e, all);
  }
}
var debugOn = () => process.env.FLYTEMC_DEBUG === "1" || /^(1|true)$/i.test(process.env.HELM_DEBUG ?? "");
function debug(message) {
  if (debugOn()) process.stderr.write(`flytemc: debug: ${message}
`);
}
var progressEnabled = () => process.env.FLYTEMC_PROGRESS === "1" ? true : process.env.FLYTEMC_PROGRESS === "0" ? false : !!process.stderr.isTTY;
var ProgressLine = class {
  constructor(what, total, afterMs = Number(process.env.FLYTEMC_PROGRESS_AFTER_MS ?? 1e3), enabled = progressEnabled()) {
    this.what = what;
    this.total = total;
    this.afterMs = afterMs;
    this.enabled = enabled;
  }
  started = Date.now();
  shownAt = 0;
  shown = false;
  update(done) {
    if (!this.enabled) return;
    const now = Date.now();
    if (now - this.started < this.afterMs || now - this.shownAt < 200) return;
    this.shownAt = now;
    this.shown = true;
    const pct = Math.floor(done / this.total * 100);
    const eta = done > 0 ? Math.round((now - this.started) / done * (this.total - done) / 1e3) : 0;
    writeSync(2, `\r${this.what}: ${pct}% (${done.toLocaleString("en-US")} of ${this.total.toLocaleString("en-US")}), about ${eta} s left  `);
  }
  done() {
    if (this.shown) writeSync(2, "\r\x1B[2K");
  }
};
var StoppedPartWay = class extends FlytemcError {
};
function partWay(e) {
  if (e instanceof FlytemcError && !(e instanceof StoppedPartWay)) throw new StoppedPartWay(e.problems, e.exitCode);
  throw e;
}
async function guard(body, errorFile) {
  try {
    return await body();
  } catch (e) {
    let message;
    let code;
    if (e instanceof FlytemcError) {
      message = formatProblems(e.problems, !running.readOnly && !(e instanceof StoppedPartWay));
      code = e.exitCode;
    } else if (e instanceof UsageError) {
      message = `error: ${redact(e.message)}
  fix: ${redact(e.fix ?? helpHint())}`;
      code = EXIT.usage;
    } else {
      const err = e;
      message = `error: flytemc failed unexpectedly: ${redact(err?.message ?? String(e))}
this is a bug in flytemc; rerun with --debug (or FLYTEMC_DEBUG=1) for details and report it`;
      if (debugOn() && err?.stack) message += `
${redact(err.stack)}`;
      code = EXIT.internal;
    }
    let file;
    try {
      file = typeof errorFile === "function" ? errorFile() : errorFile;
    } catch {
      file = void 0;
    }
    const saved = file !== void 0 && writeErrorFile(file, message + "\n");
    process.stderr.write(`${message}
${saved ? `(this message is also in ${file})
` : ""}`);
    return code;
  }
}
function errorFileDir() {
  const uid = process.getuid?.();
  const dir = join(tmpdir(), `flytemc-${uid ?? userInfo().username}`);
  try {
    mkdirSync(dir, { mode: 448 });
  } catch (e) {
    if (e.code !== "EEXIST") return mkdtempSync(join(tmpdir(), "flytemc-"));
  }
  const st = lstatSync(dir);
  if (!st.isDirectory() || uid !== void 0 && st.uid !== uid) return mkdtempSync(join(tmpdir(), "flytemc-"));
  if ((st.mode & 63) !== 0) chmodSync(dir, 448);
  return dir;
}
function newErrorFilePath() {
  const stamp = (/* @__PURE__ */ new Date()).toISOString().replace(/[-:]/g, "").replace(/\.\d+Z$/, "Z");
  return join(errorFileDir(), `post-renderer-${stamp}-${process.pid}.txt`);
}
var KEEP_ERROR_FILES_MS = 7 * 24 * 3600 * 1e3;
function writeErrorFile(path, text) {
  try {
    mkdirSync(dirname(path), { recursive: true, mode: 448 });
    rmSync(path, { force: true });
    const fd = openSync(path, "wx", 384);
    try {
      writeSync(fd, text);
    } finally {
      closeSync(fd);
    }
  } catch {
    return false;
  }
  try {
    const dir = dirname(path);
    if (!/^flytemc-/.test(basename(dir))) return true;
    for (const f of readdirSync(dir)) {
      if (!/^post-renderer-.*\.txt$/.test(f)) continue;
      const p = join(dir, f);
      if (Date.now() - statSync(p).mtimeMs > KEEP_ERROR_FILES_MS) rmSync(p, { force: true });
    }
  } catch {
  }
  return true;
}
var printWarnings = (ps) => {
  for (const p of ps) process.stderr.write(formatProblem(p) + "\n");
};

export {
  running,
  self,
  nearest,
  commandLine,
  debugOn,
  debug,
  progressEnabled,
  ProgressLine,
  StoppedPartWay,
  partWay,
  guard,
  newErrorFilePath,
  printWarnings
};
