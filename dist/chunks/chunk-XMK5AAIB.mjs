#!/usr/bin/env node
import { createRequire as __flytemcCreateRequire } from 'node:module'; const require = __flytemcCreateRequire(import.meta.url);

// plugin/problems.ts
var FlytemcError = class extends Error {
  problems;
  exitCode;
  constructor(problems, exitCode = 1) {
    const list = typeof problems === "string" ? [{ severity: "error", where: "flytemc", what: problems }] : problems;
    super(formatProblems(list));
    this.name = "FlytemcError";
    this.problems = list;
    this.exitCode = exitCode;
  }
};
function error(where, what, fix) {
  return fix === void 0 ? { severity: "error", where, what } : { severity: "error", where, what, fix };
}
function warning(where, what, fix) {
  return fix === void 0 ? { severity: "warning", where, what } : { severity: "warning", where, what, fix };
}
var errorsIn = (ps) => ps.filter((p) => p.severity === "error");
function redact(text) {
  return text.replace(/-----BEGIN [A-Z0-9 ]+-----[\s\S]*?(-----END [A-Z0-9 ]+-----|$)/g, "<PEM block, masked>").replace(/eyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}\.?[A-Za-z0-9_-]*/g, "<token, masked>");
}
function showValue(v) {
  const text = typeof v === "string" ? v : JSON.stringify(v) ?? String(v);
  const cut = text.length > 60 ? `${text.slice(0, 24)}\u2026 (${text.length} characters)` : text;
  return typeof v === "string" ? JSON.stringify(cut) : cut;
}
function formatProblem(p) {
  const head = `${p.severity}: ${redact(p.where)}: ${redact(p.what)}`;
  return p.fix ? `${head}
  fix: ${redact(p.fix)}` : head;
}
function formatProblems(ps, wrote = true) {
  const errors = errorsIn(ps).length;
  const warnings = ps.length - errors;
  const lines = ps.map(formatProblem);
  if (errors > 0) lines.push(`${errors} error${errors === 1 ? "" : "s"}${warnings ? `, ${warnings} warning${warnings === 1 ? "" : "s"}` : ""}${wrote ? ": nothing was written." : "."}`);
  return lines.join("\n");
}
function failOnErrors(ps) {
  if (errorsIn(ps).length > 0) throw new FlytemcError(ps);
  return ps;
}

export {
  FlytemcError,
  error,
  warning,
  errorsIn,
  redact,
  showValue,
  formatProblem,
  formatProblems,
  failOnErrors
};
