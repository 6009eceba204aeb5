// Problems as data: built where found ({code, file, line, object, pointer, message, fix}), formatted only at the edge.
import { redact } from './mask.ts';

type Severity = 'error' | 'warning';

/** Exit codes: docs/plugin.md#exit-codes is the one table (test/exit-codes.test.ts runs every row). */
export const EXIT = {
  ok: 0,
  /** the input or the config is wrong; the message says where and how to fix it */
  invalid: 1,
  /** the command line is wrong, or the kubeconfig (none, no such context, TLS verification skipped) */
  usage: 2,
  /** a step against a cluster failed, or Helm for another reason than the config */
  failed: 3,
  /** a bug in flytemc */
  internal: 70,
} as const;

/**
 * Where a problem is, as whoever found it knows it: a file (a line, a JSON pointer in it), an
 * object of a manifest stream (the `# Source:` template, its stream line, a pointer in it), or a
 * named thing (`context kind-a`, `cluster east`, `standard input`). `code` names the kind of
 * problem (e.g. `values.schema`, `cluster.unreachable`) for JSON and KRM readers.
 */
export interface At {
  code?: string;
  file?: string;
  line?: number;
  pointer?: string;
  object?: string;
  source?: string;
  streamLine?: number;
  subject?: string;
}

/** A location: structured, or a named thing (`context kind-a`). */
export type Place = At | string;
/** The location of a JSON pointer inside one source. */
export type Locator = (pointer: string) => Place;

export interface Problem extends At {
  severity: Severity;
  code: string;
  message: string;
  fix?: string;
}

/** The code of a problem whose finder gave none. */
const GENERIC = 'flytemc';

function make(severity: Severity, at: Place, message: string, fix?: string): Problem {
  const where: At = typeof at === 'string' ? { subject: at } : at;
  const p: Problem = { ...where, severity, code: where.code ?? GENERIC, message };
  if (fix !== undefined) p.fix = fix;
  return p;
}

export const error = (at: Place, message: string, fix?: string): Problem => make('error', at, message, fix);
export const warning = (at: Place, message: string, fix?: string): Problem => make('warning', at, message, fix);

export const errorsIn = (ps: Problem[]): Problem[] => ps.filter((p) => p.severity === 'error');

/** Where a problem is, as people read it: `file:line (pointer)`, `Kind/name (source, stream line N) pointer`, or the subject. */
export function whereOf(p: At): string {
  if (p.object !== undefined) {
    const inStream = p.streamLine === undefined ? '' : ` (${p.source ? `${p.source}, ` : ''}stream line ${p.streamLine})`;
    return `${p.object}${inStream}${p.pointer !== undefined ? ` ${p.pointer}` : ''}`;
  }
  if (p.file !== undefined) {
    if (p.pointer === undefined) return p.line === undefined ? p.file : `${p.file}:${p.line}`;
    return p.line === undefined ? `${p.file} ${p.pointer || '/'}` : `${p.file}:${p.line} (${p.pointer || '/'})`;
  }
  return p.subject ?? GENERIC;
}

/** The one error type the tool throws for bad input; the shells print it and exit non-zero. */
export class FlytemcError extends Error {
  readonly problems: Problem[];
  readonly exitCode: number;
  constructor(problems: Problem[] | string, exitCode: number = EXIT.invalid) {
    const list: Problem[] = typeof problems === 'string' ? [error(GENERIC, problems)] : problems;
    super(formatProblems(list));
    this.name = 'FlytemcError';
    this.problems = list;
    this.exitCode = exitCode;
  }
}

/** A wrong command line (exit 2): what is wrong and, when there is one, the fix. */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly fix?: string,
  ) {
    super(message);
  }
}

export function formatProblem(p: Problem): string {
  const head = `${p.severity}: ${redact(whereOf(p))}: ${redact(p.message)}`;
  return p.fix ? `${head}\n  fix: ${redact(p.fix)}` : head;
}

/** Every problem, then a count; `wrote` commands (post-render, labels, join…) add that nothing was written. */
export function formatProblems(ps: Problem[], wrote = true): string {
  const errors = errorsIn(ps).length;
  const warnings = ps.length - errors;
  const lines = ps.map(formatProblem);
  if (errors > 0)
    lines.push(
      `${errors} error${errors === 1 ? '' : 's'}${warnings ? `, ${warnings} warning${warnings === 1 ? '' : 's'}` : ''}${wrote ? ': nothing was written.' : '.'}`,
    );
  return lines.join('\n');
}
