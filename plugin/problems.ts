// Problems: what every check reports, in the shape kubectl users read every day:
// where -> what -> how to fix. A run collects all of them, then fails once.

export type Severity = 'error' | 'warning';

export interface Problem {
  severity: Severity;
  /** file:line, or an object and JSON pointer (e.g. `Deployment/flyteadmin /spec/template/...`). */
  where: string;
  what: string;
  fix?: string;
}

/** The one error type the tool throws for bad input; the shells print it and exit non-zero. */
export class FlytemcError extends Error {
  readonly problems: Problem[];
  readonly exitCode: number;
  constructor(problems: Problem[] | string, exitCode = 1) {
    const list: Problem[] = typeof problems === 'string' ? [{ severity: 'error', where: 'flytemc', what: problems }] : problems;
    super(formatProblems(list));
    this.name = 'FlytemcError';
    this.problems = list;
    this.exitCode = exitCode;
  }
}

export function error(where: string, what: string, fix?: string): Problem {
  return fix === undefined ? { severity: 'error', where, what } : { severity: 'error', where, what, fix };
}

export function warning(where: string, what: string, fix?: string): Problem {
  return fix === undefined ? { severity: 'warning', where, what } : { severity: 'warning', where, what, fix };
}

export const errorsIn = (ps: Problem[]): Problem[] => ps.filter((p) => p.severity === 'error');

/**
 * Messages echo values back, and a value typed in the wrong place may be a token or a key:
 * JWTs and PEM blocks are masked (and showValue cuts long values short), so nothing secret
 * reaches a terminal, a CI log or Helm's error output.
 */
export function redact(text: string): string {
  return text
    .replace(/-----BEGIN [A-Z0-9 ]+-----[\s\S]*?(-----END [A-Z0-9 ]+-----|$)/g, '<PEM block, masked>')
    .replace(/eyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}\.?[A-Za-z0-9_-]*/g, '<token, masked>');
}

/** A value as messages show it: JSON, cut short when long (a long value may be a pasted secret). */
export function showValue(v: unknown): string {
  const text = typeof v === 'string' ? v : JSON.stringify(v) ?? String(v);
  const cut = text.length > 60 ? `${text.slice(0, 24)}… (${text.length} characters)` : text;
  return typeof v === 'string' ? JSON.stringify(cut) : cut;
}

export function formatProblem(p: Problem): string {
  const head = `${p.severity}: ${redact(p.where)}: ${redact(p.what)}`;
  return p.fix ? `${head}\n  fix: ${redact(p.fix)}` : head;
}

/** Every problem, then a count; `wrote` commands (post-render, labels, join…) add that nothing was written. */
export function formatProblems(ps: Problem[], wrote = true): string {
  const errors = errorsIn(ps).length;
  const warnings = ps.length - errors;
  const lines = ps.map(formatProblem);
  if (errors > 0) lines.push(`${errors} error${errors === 1 ? '' : 's'}${warnings ? `, ${warnings} warning${warnings === 1 ? '' : 's'}` : ''}${wrote ? ': nothing was written.' : '.'}`);
  return lines.join('\n');
}

/** Throws a FlytemcError when any problem is an error; returns the warnings otherwise. */
export function failOnErrors(ps: Problem[]): Problem[] {
  if (errorsIn(ps).length > 0) throw new FlytemcError(ps);
  return ps;
}
