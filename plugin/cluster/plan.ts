// The plan every cluster command builds as it goes: what it did (or, with --dry-run, would do) to each object, with masked diffs.
import { FlytemcError, formatProblems, type Problem } from '../problems/problems.ts';
import { dumpYaml } from '../yaml/dialect.ts';
import { noted, targetContext } from './tls-note.ts';
import { lineDiff } from './util.ts';

type Action = 'create' | 'update' | 'delete' | 'unchanged' | 'absent' | 'skip' | 'restart' | 'check';

export interface Change {
  /** A context name, `hub`, or a file path. */
  target: string;
  /** `ServiceAccount flyte/flyteadmin` */
  object: string;
  action: Action;
  /** Why, or what it found. */
  note?: string;
  /** Masked before/after, as YAML text. */
  before?: string;
  after?: string;
  /** The target is a context reached without TLS verification: its lines say so. */
  unverified?: true;
}

/**
 * The plan every command builds as it goes: one entry per object it looked at, with what it
 * did (or, with --dry-run, would do) and a diff with every token masked. Steps call
 * `plan.apply(change, write)`: the write runs only when it is not a dry run.
 */
export class Plan {
  readonly changes: Change[] = [];
  constructor(
    readonly dryRun: boolean,
    private readonly onChange?: (c: Change) => void,
    private readonly unverified: ReadonlySet<string> = new Set(),
  ) {}

  record(change: Change): Change {
    const c: Change = this.unverified.has(targetContext(change.target)) ? { ...change, unverified: true } : change;
    this.changes.push(c);
    this.onChange?.(c);
    return c;
  }

  /** Records the change and, unless this is a dry run or nothing changes, runs the write. */
  async apply<T>(c: Change, write: () => Promise<T>): Promise<T | undefined> {
    const writes = c.action !== 'unchanged' && c.action !== 'absent' && c.action !== 'skip' && c.action !== 'check';
    const result = writes && !this.dryRun ? await write() : undefined;
    this.record(c);
    return result;
  }

  get changed(): boolean {
    return this.changes.some((c) => ['create', 'update', 'delete', 'restart'].includes(c.action));
  }
}

export const yamlOf = (v: unknown): string => (v === undefined ? '' : dumpYaml(v));

/** A target as the output names it: a context reached without TLS verification carries that note (the one place day-2 output asks). */

const VERB: Record<Action, string> = {
  create: 'create',
  update: 'update',
  delete: 'delete',
  unchanged: 'unchanged',
  absent: 'absent',
  skip: 'skip',
  restart: 'restart',
  check: 'check',
};

/** Text of a plan: one line per object, and the diff under each change when asked. */
export function formatPlan(changes: Change[], opts: { diff: boolean; dryRun: boolean; group?: boolean }): string {
  const out: string[] = [];
  // a context reached without TLS verification carries the note on each of its lines
  const shown = new Map(changes.map((c) => [c.target, noted(c.target, !c.unverified)]));
  const width = Math.max(0, ...[...shown.values()].map((t) => t.length));
  // one block per target (clusters run in parallel, so their entries interleave), hub and files last
  const rank = (t: string) => (t.startsWith('hub ') ? 1 : t.includes('/') || t.includes('.') ? 2 : 0);
  const first = new Map<string, number>();
  for (const [i, c] of changes.entries()) if (!first.has(c.target)) first.set(c.target, i);
  const ordered = !opts.group
    ? changes
    : changes
        .map((c, i) => ({ c, i }))
        .sort((a, b) => rank(a.c.target) - rank(b.c.target) || first.get(a.c.target)! - first.get(b.c.target)! || a.i - b.i)
        .map((x) => x.c);
  for (const c of ordered) {
    const verb = opts.dryRun && ['create', 'update', 'delete', 'restart'].includes(c.action) ? `would ${VERB[c.action]}` : VERB[c.action];
    out.push(`${shown.get(c.target)!.padEnd(width)}  ${verb.padEnd(14)} ${c.object}${c.note ? `  (${c.note})` : ''}`);
    if (opts.diff && (c.before !== undefined || c.after !== undefined) && ['create', 'update', 'delete'].includes(c.action)) {
      const d = lineDiff(c.before ?? '', c.after ?? '');
      const lines = c.action === 'update' ? context(d, 2) : d;
      for (const l of lines) out.push(`    ${l}`);
    }
  }
  return out.join('\n') + (out.length ? '\n' : '');
}

/** A failure part way through a day-2 command, its fix extended with what was done and how to go on. */
export function stopped(e: unknown, done: string, next: string): FlytemcError {
  if (!(e instanceof FlytemcError)) throw e;
  return new FlytemcError(
    e.problems.map((p) => (p.severity === 'error' ? { ...p, fix: `${p.fix ? `${p.fix}. ` : ''}${done}; ${next}` } : p)),
    e.exitCode,
  );
}

/**
 * A day-2 command that stopped part way: its problems (each fix says how to go on), then what it
 * had changed before it stopped, instead of the claim that nothing was written.
 */
function formatFailure(changes: Change[], problems: Problem[], dryRun: boolean): string {
  const done = dryRun ? [] : changes.filter((c) => ['create', 'update', 'delete', 'restart'].includes(c.action));
  return `${formatProblems(problems, false)}
${done.length ? `changed before it stopped: ${done.map((c) => `${c.action} ${c.object} (${noted(c.target, !c.unverified)})`).join('; ')}` : 'nothing was changed.'}`;
}

/**
 * Runs a day-2 command's step; when it stops part way (a FlytemcError), prints the plan so far
 * (stdout, through `write`) and the failure (stderr), and answers its exit code instead.
 */
export async function orStopped<T>(plan: Plan, step: () => Promise<T>, write: (text: string) => Promise<void>): Promise<{ out: T } | { exitCode: number }> {
  try {
    return { out: await step() };
  } catch (e) {
    if (!(e instanceof FlytemcError)) throw e;
    await write(formatPlan(plan.changes, { diff: false, dryRun: plan.dryRun }));
    process.stderr.write(`${formatFailure(plan.changes, e.problems, plan.dryRun)}\n`);
    return { exitCode: e.exitCode };
  }
}

/** Keeps changed lines with `n` lines of context around them. */
function context(lines: string[], n: number): string[] {
  const keep = new Set<number>();
  lines.forEach((l, i) => {
    if (!l.startsWith('  ')) for (let k = i - n; k <= i + n; k++) keep.add(k);
  });
  const out: string[] = [];
  let last = -2;
  lines.forEach((l, i) => {
    if (!keep.has(i)) return;
    if (i !== last + 1 && out.length) out.push('  …');
    out.push(l);
    last = i;
  });
  return out;
}
