// The shell around the commands: the command line, problems and progress printed, the exit code; no stack trace unless FLYTEMC_DEBUG=1.
import { chmodSync, closeSync, lstatSync, mkdirSync, mkdtempSync, openSync, readdirSync, rmSync, statSync, writeSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { EXIT, FlytemcError, UsageError, formatProblem, formatProblems } from '../problems/problems.ts';
import { redact } from '../problems/mask.ts';

type ParseArgsOptionsConfig = NonNullable<ParseArgsConfig['options']>;

/** The command running (set by cli.ts), for messages; `readOnly` commands never write a file. */
export const running = { command: '', readOnly: false };
/** How the user runs us: `helm flytemc` under Helm, else `flytemc`. */
export const self = (): string => (process.env.HELM_PLUGIN_NAME === 'flytemc' ? 'helm flytemc' : 'flytemc');
const helpHint = () => `run \`${self()} ${running.command ? `${running.command} ` : ''}--help\` for the options`;

const HELP = { help: { type: 'boolean', short: 'h', default: false } } as const;

/** Levenshtein distance, for "did you mean". */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cur = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = cur;
    }
  }
  return row[b.length]!;
}

/**
 * The candidate a mistyped word most likely meant, for "did you mean": the same but for case, or
 * the closest within a third of its length (at least one edit); undefined when none is close.
 */
export function nearest(word: string, candidates: Iterable<string>): string | undefined {
  const lower = word.toLowerCase();
  let best: { c: string; d: number } | undefined;
  for (const c of candidates) {
    const d = distance(lower, c.toLowerCase());
    if (d <= Math.max(1, Math.floor(c.length / 3)) && (!best || d < best.d)) best = { c, d };
  }
  return best?.c;
}

/**
 * The arguments as Helm and kubectl users type them, made parseArgs-ready: `-o=json` (a short
 * option with `=`) becomes `-o json`. `--values=FILE` and `-ojson` parseArgs reads itself.
 */
function helmStyle(argv: string[], options: ParseArgsOptionsConfig): string[] {
  const takesValue = new Set(
    Object.values(options)
      .filter((o) => o.type === 'string' && o.short)
      .map((o) => o.short!),
  );
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') {
      out.push(...argv.slice(i));
      break;
    }
    const m = /^-([A-Za-z])=(.*)$/s.exec(a);
    if (m && takesValue.has(m[1]!)) out.push(`-${m[1]}`, m[2]!);
    else out.push(a);
  }
  return out;
}

/** Node's parseArgs messages, said the flytemc way: what is wrong, then the fix. */
function rephrase(e: NodeJS.ErrnoException, options: ParseArgsOptionsConfig): UsageError {
  const msg = e.message;
  const spell = (name: string) => (options[name]?.short ? `-${options[name]!.short}, --${name}` : `--${name}`);
  let m: RegExpExecArray | null;
  if (e.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && (m = /Unknown option '([^']+)'/.exec(msg))) {
    const flag = m[1]!;
    const bare = flag.replace(/^-+/, '').split('=')[0]!;
    const near = nearest(bare, Object.keys(options));
    return new UsageError(`unknown option ${flag}`, near ? `did you mean ${spell(near)}? (${helpHint()})` : helpHint());
  }
  if (e.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && (m = /^Option '([^']+)'/.exec(msg))) {
    const quoted = m[1]!;
    const name =
      /--([\w-]+)/.exec(quoted)?.[1] ??
      /use '--([\w-]+)=/.exec(msg)?.[1] ??
      Object.keys(options).find((k) => `-${options[k]!.short}` === quoted) ??
      quoted.replace(/^-+/, '');
    const flag = spell(name);
    if (/does not take an argument/.test(msg)) return new UsageError(`--${name} is a flag and takes no value`, `write --${name} alone`);
    if (/argument missing/.test(msg)) {
      const example = name === 'values' || name === 'config' || name === 'out' || name === 'kubeconfig' ? 'FILE' : name === 'output' ? 'json' : 'VALUE';
      return new UsageError(`${flag} needs a value`, `e.g. --${name} ${example} (${helpHint()})`);
    }
    return new UsageError(
      `${flag} needs a value, but the next word starts with '-'`,
      `if that word is the value, write --${name}=VALUE; otherwise put the value right after the option`,
    );
  }
  if (e.code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL' && (m = /Unexpected argument '([^']*)'/.exec(msg))) {
    const arg = m[1]!;
    return new UsageError(
      `unexpected argument ${JSON.stringify(arg)}: ${running.command || 'this command'} takes no positional arguments`,
      /\.ya?ml$/.test(arg) ? `pass values files with -f: -f ${arg}` : helpHint(),
    );
  }
  return new UsageError(msg.replace(/\.$/, ''), helpHint());
}

/**
 * node:util's parseArgs with the house rules: strict, `-h/--help` added, Helm/kubectl spellings
 * (`-o=json`, `--values=FILE`), mistakes as UsageError (exit 2) in flytemc's words.
 */
export function commandLine<const O extends ParseArgsOptionsConfig, const P extends boolean = false>(argv: string[], options: O, allowPositionals?: P) {
  const all = { ...options, ...HELP };
  try {
    return parseArgs({ args: helmStyle(argv, all), options: all, strict: true, allowPositionals: (allowPositionals ?? false) as P });
  } catch (e) {
    throw rephrase(e as NodeJS.ErrnoException, all);
  }
}

/** Debug output: `helm --debug flytemc …` (HELM_DEBUG) or FLYTEMC_DEBUG=1. */
export const debugOn = (): boolean => process.env.FLYTEMC_DEBUG === '1' || /^(1|true)$/i.test(process.env.HELM_DEBUG ?? '');

export function debug(message: string): void {
  if (debugOn()) process.stderr.write(`flytemc: debug: ${message}\n`);
}

/** Progress goes to stderr when it is a terminal; FLYTEMC_PROGRESS=1 forces it, =0 silences it. */
export const progressEnabled = (): boolean =>
  process.env.FLYTEMC_PROGRESS === '1' ? true : process.env.FLYTEMC_PROGRESS === '0' ? false : !!process.stderr.isTTY;

/**
 * One self-updating progress line for long work (`routes --simulate`): shown only once the work
 * has run for `afterMs`, only when progressEnabled(), and cleared when done.
 */
export class ProgressLine {
  private readonly started = Date.now();
  private shownAt = 0;
  private shown = false;
  constructor(
    private readonly what: string,
    private readonly total: number,
    private readonly afterMs = Number(process.env.FLYTEMC_PROGRESS_AFTER_MS ?? 1000),
    private readonly enabled = progressEnabled(),
  ) {}
  update(done: number): void {
    if (!this.enabled) return;
    const now = Date.now();
    if (now - this.started < this.afterMs || now - this.shownAt < 200) return;
    this.shownAt = now;
    this.shown = true;
    const pct = Math.floor((done / this.total) * 100);
    const eta = done > 0 ? Math.round((((now - this.started) / done) * (this.total - done)) / 1000) : 0;
    writeSync(2, `\r${this.what}: ${pct}% (${done.toLocaleString('en-US')} of ${this.total.toLocaleString('en-US')}), about ${eta} s left  `);
  }
  done(): void {
    if (this.shown) writeSync(2, '\r\x1b[2K');
  }
}

/** A failure after the command changed something: its message says what stays, never that nothing was written. */
export class StoppedPartWay extends FlytemcError {}

/** Rethrows a FlytemcError as stopped part way (a bug or anything else as it is). */
export function partWay(e: unknown): never {
  if (e instanceof FlytemcError && !(e instanceof StoppedPartWay)) throw new StoppedPartWay(e.problems, e.exitCode);
  throw e;
}

/**
 * Runs a command body; turns every failure into a message on stderr and an exit code. On a
 * failure the message also goes to `errorFile` (a path, or a function that picks one only then).
 */
export async function guard(body: () => Promise<number>, errorFile?: string | (() => string)): Promise<number> {
  try {
    return await body();
  } catch (e) {
    let message: string;
    let code: number;
    if (e instanceof FlytemcError) {
      // only a command that writes files or manifests says that it wrote nothing
      message = formatProblems(e.problems, !running.readOnly && !(e instanceof StoppedPartWay));
      code = e.exitCode;
    } else if (e instanceof UsageError) {
      message = `error: ${redact(e.message)}\n  fix: ${redact(e.fix ?? helpHint())}`;
      code = EXIT.usage;
    } else {
      // a bug's message may quote anything it held, a token included: masked like every message
      const err = e as Error;
      message = `error: flytemc failed unexpectedly: ${redact(err?.message ?? String(e))}\nthis is a bug in flytemc; rerun with --debug (or FLYTEMC_DEBUG=1) for details and report it`;
      if (debugOn() && err?.stack) message += `\n${redact(err.stack)}`;
      code = EXIT.internal;
    }
    let file: string | undefined;
    try {
      file = typeof errorFile === 'function' ? errorFile() : errorFile;
    } catch {
      file = undefined; // no private folder to be had: the message is on stderr
    }
    const saved = file !== undefined && writeErrorFile(file, message + '\n');
    process.stderr.write(`${message}\n${saved ? `(this message is also in ${file})\n` : ''}`);
    return code;
  }
}

/**
 * This user's folder for the post-renderer's error files (Helm 4 discards a post-renderer's
 * stderr): $TMPDIR/flytemc-<uid>, mode 0700. A folder of that name that is not ours (another
 * user made it first, or a link was planted) is not used: a fresh private one is made instead.
 */
export function errorFileDir(): string {
  const uid = process.getuid?.();
  const dir = join(tmpdir(), `flytemc-${uid ?? userInfo().username}`);
  try {
    mkdirSync(dir, { mode: 0o700 });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') return mkdtempSync(join(tmpdir(), 'flytemc-'));
  }
  const st = lstatSync(dir);
  if (!st.isDirectory() || (uid !== undefined && st.uid !== uid)) return mkdtempSync(join(tmpdir(), 'flytemc-'));
  if ((st.mode & 0o077) !== 0) chmodSync(dir, 0o700);
  return dir;
}

/** A new error file for one run, in errorFileDir(): named after the time and the process, so no two runs share one. */
export function newErrorFilePath(): string {
  const stamp = new Date()
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
  return join(errorFileDir(), `post-renderer-${stamp}-${process.pid}.txt`);
}

/** Error files of earlier runs are kept this long, so that the folder does not grow forever. */
const KEEP_ERROR_FILES_MS = 7 * 24 * 3600 * 1000;

/**
 * Writes a message to a fresh file of mode 0600: an existing file (or a symlink planted in its
 * place) is removed first and the new one is created exclusively, so neither an old looser mode
 * nor a link elsewhere is followed. Error files a week old in the same folder are removed.
 * Returns whether the file was written.
 */
function writeErrorFile(path: string, text: string): boolean {
  try {
    mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
    rmSync(path, { force: true });
    const fd = openSync(path, 'wx', 0o600);
    try {
      writeSync(fd, text);
    } finally {
      closeSync(fd);
    }
  } catch {
    return false; // the message is on stderr
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
    /* pruning is best effort */
  }
  return true;
}

export const printWarnings = (ps: Array<Parameters<typeof formatProblem>[0]>) => {
  for (const p of ps) process.stderr.write(formatProblem(p) + '\n');
};
