#!/usr/bin/env node
import { createRequire as __flytemcCreateRequire } from 'node:module'; const require = __flytemcCreateRequire(import.meta.url);

// plugin/problems/mask.ts
var SECRET_KEY = /(^|[^A-Za-z])(token|cacert|ca\.crt|ca-?data|certificate-authority-data|client-certificate-data|client-key-data|password|passwd|passphrase|secret|credentials?|private-?key|key|bearer|authorization)$/i;
var MIXED = (s) => /[A-Z]/.test(s) && /[a-z]/.test(s) && /[0-9]/.test(s);
var WORD = /^(?:[a-z]+(?:[A-Z][a-z]+)*\d*|[a-z0-9]+(?:[-_.][a-z0-9]+)*)$/;
var pathLike = (s) => s.includes("/") && s.split("/").every((seg) => seg.length <= 20 || WORD.test(seg));
function isSecretPath(path) {
  const parts = path.split(/[/.]/).filter(Boolean);
  const last = (parts.at(-1) ?? "").replace(/([a-z0-9])([A-Z])/g, "$1-$2");
  return SECRET_KEY.test(last) || parts.length >= 2 && /^(data|stringData)$/.test(parts.at(-2)) && parts.length <= 3;
}
function looksSecret(text) {
  const t = text.trim();
  return /-----BEGIN [A-Z0-9 ]+-----/.test(t) || /eyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}/.test(t) || /^bearer\s+\S/i.test(t) || /^k8s-aws-v1\./.test(t) || /^[a-z0-9]{6}\.[a-z0-9]{16}$/.test(t) || // a bootstrap token
  /^[A-Za-z0-9+/]{16,}={0,2}$/.test(t) && MIXED(t) && !pathLike(t) || // base64
  /^[A-Za-z0-9+/_-]{32,}={0,2}$/.test(t) && MIXED(t) && !pathLike(t) || // base64url
  /^[A-Fa-f0-9]{32,}$/.test(t);
}
function redact(text) {
  return text.replace(/-----BEGIN [A-Z0-9 ]+-----[\s\S]*?(-----END [A-Z0-9 ]+-----|$)/g, "<PEM block, masked>").replace(/eyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}\.?[A-Za-z0-9_-]*/g, "<token, masked>").replace(/\b(bearer)\s+(?!<)[^\s"',;)]+/gi, "$1 <token, masked>").replace(/\bk8s-aws-v1\.[A-Za-z0-9_-]+/g, "<token, masked>").replace(/\b[a-z0-9]{6}\.[a-z0-9]{16}\b/g, "<token, masked>").replace(/(?<![A-Za-z0-9+/])[A-Za-z0-9+/]{32,}={0,2}(?![A-Za-z0-9+/])/g, (m) => MIXED(m) && !pathLike(m) ? "<base64, masked>" : m).replace(/(?<![A-Za-z0-9])[A-Fa-f0-9]{40,}(?![A-Za-z0-9])/g, "<hex, masked>").replace(/\b((?:token|password|passwd|secret|cacert|key)["']?\s*[:=]\s*)("[^"]+"|'[^']+')/gi, "$1<masked>");
}
function showValue(v, path = "") {
  const text = typeof v === "string" ? v : JSON.stringify(v) ?? String(v);
  if (isSecretPath(path) && v !== null && typeof v !== "boolean" || typeof v === "string" && looksSecret(v)) {
    return `<masked: ${text.length} character${text.length === 1 ? "" : "s"}>`;
  }
  const cut = text.length > 60 ? `${text.slice(0, 24)}\u2026 (${text.length} characters)` : text;
  return typeof v === "string" ? JSON.stringify(cut) : cut;
}

// plugin/problems/problems.ts
var EXIT = {
  ok: 0,
  /** the input or the config is wrong; the message says where and how to fix it */
  invalid: 1,
  /** the command line is wrong, or the kubeconfig (none, no such context, TLS verification skipped) */
  usage: 2,
  /** a step against a cluster failed, or Helm for another reason than the config */
  failed: 3,
  /** a bug in flytemc */
  internal: 70
};
var GENERIC = "flytemc";
function make(severity, at, message, fix) {
  const where = typeof at === "string" ? { subject: at } : at;
  const p = { ...where, severity, code: where.code ?? GENERIC, message };
  if (fix !== void 0) p.fix = fix;
  return p;
}
var error = (at, message, fix) => make("error", at, message, fix);
var warning = (at, message, fix) => make("warning", at, message, fix);
var errorsIn = (ps) => ps.filter((p) => p.severity === "error");
function whereOf(p) {
  if (p.object !== void 0) {
    const inStream = p.streamLine === void 0 ? "" : ` (${p.source ? `${p.source}, ` : ""}stream line ${p.streamLine})`;
    return `${p.object}${inStream}${p.pointer !== void 0 ? ` ${p.pointer}` : ""}`;
  }
  if (p.file !== void 0) {
    if (p.pointer === void 0) return p.line === void 0 ? p.file : `${p.file}:${p.line}`;
    return p.line === void 0 ? `${p.file} ${p.pointer || "/"}` : `${p.file}:${p.line} (${p.pointer || "/"})`;
  }
  return p.subject ?? GENERIC;
}
var FlytemcError = class extends Error {
  problems;
  exitCode;
  constructor(problems, exitCode = EXIT.invalid) {
    const list = typeof problems === "string" ? [error(GENERIC, problems)] : problems;
    super(formatProblems(list));
    this.name = "FlytemcError";
    this.problems = list;
    this.exitCode = exitCode;
  }
};
var UsageError = class extends Error {
  constructor(message, fix) {
    super(message);
    this.fix = fix;
  }
};
function formatProblem(p) {
  const head = `${p.severity}: ${redact(whereOf(p))}: ${redact(p.message)}`;
  return p.fix ? `${head}
  fix: ${redact(p.fix)}` : head;
}
function formatProblems(ps, wrote = true) {
  const errors = errorsIn(ps).length;
  const warnings = ps.length - errors;
  const lines = ps.map(formatProblem);
  if (errors > 0)
    lines.push(
      `${errors} error${errors === 1 ? "" : "s"}${warnings ? `, ${warnings} warning${warnings === 1 ? "" : "s"}` : ""}${wrote ? ": nothing was written." : "."}`
    );
  return lines.join("\n");
}

export {
  looksSecret,
  redact,
  showValue,
  EXIT,
  error,
  warning,
  errorsIn,
  whereOf,
  FlytemcError,
  UsageError,
  formatProblem,
  formatProblems
};
