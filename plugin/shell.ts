// The thin shell around the commands: reading stdin and files, printing problems,
// exit codes. No stack trace reaches a user unless FLYTEMC_DEBUG=1.
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';

type ParseArgsOptionsConfig = NonNullable<ParseArgsConfig['options']>;
import { FlytemcError, formatProblem, formatProblems } from './problems.ts';

/** Exit codes, documented in the README. */
export const EXIT = {
  ok: 0,
  /** the input or the config is wrong; the message says where and how to fix it */
  invalid: 1,
  /** the command line is wrong */
  usage: 2,
  /** a check against a cluster failed (check, join) */
  failed: 3,
  /** a bug in flytemc */
  internal: 70,
} as const;

export class UsageError extends Error {}

const HELP = { help: { type: 'boolean', short: 'h', default: false } } as const;

/** node:util's parseArgs with the house rules: strict, `-h/--help` added, mistakes as UsageError (exit 2). */
export function commandLine<const O extends ParseArgsOptionsConfig, const P extends boolean = false>(argv: string[], options: O, allowPositionals?: P) {
  try {
    return parseArgs({ args: argv, options: { ...options, ...HELP }, strict: true, allowPositionals: (allowPositionals ?? false) as P });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
}

/** The options every command that talks to clusters takes, as kubectl and Helm spell them. */
export const KUBE_OPTIONS = {
  'kube-context': { type: 'string' },
  namespace: { type: 'string', short: 'n' },
  kubeconfig: { type: 'string' },
  timeout: { type: 'string' },
  /** kubectl's name; allows (never forces) a kubeconfig cluster's insecure-skip-tls-verify: see cluster/kube.ts */
  'insecure-skip-tls-verify': { type: 'boolean', default: false },
} as const;

export async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) throw new UsageError('expected the rendered manifests on standard input (run it as `helm ... --post-renderer flytemc-post-renderer`)');
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export function readText(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new FlytemcError([{ severity: 'error', where: path, what: code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder, not a file' : `cannot read it (${code ?? String(e)})`, fix: 'check the path' }], EXIT.usage);
  }
}

export function writeOut(text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    process.stdout.write(text, (err) => (err ? reject(err) : resolve()));
  });
}

/** Runs a command body; turns every failure into a message on stderr and an exit code. */
export async function guard(body: () => Promise<number>, errorFile?: string): Promise<number> {
  try {
    return await body();
  } catch (e) {
    let message: string;
    let code: number;
    if (e instanceof FlytemcError) {
      message = formatProblems(e.problems);
      code = e.exitCode;
    } else if (e instanceof UsageError) {
      message = `error: ${e.message}\nrun with --help for usage`;
      code = EXIT.usage;
    } else {
      const err = e as Error;
      message = `error: flytemc failed unexpectedly: ${err?.message ?? String(e)}\nthis is a bug in flytemc; rerun with FLYTEMC_DEBUG=1 for details and report it`;
      if (process.env.FLYTEMC_DEBUG === '1' && err?.stack) message += `\n${err.stack}`;
      code = EXIT.internal;
    }
    process.stderr.write(message + '\n');
    if (errorFile) writeErrorFile(errorFile, message + '\n');
    return code;
  }
}

/**
 * Writes a message to a fresh file of mode 0600: an existing file (or a symlink planted in its
 * place) is removed first and the new one is created exclusively, so neither an old looser mode
 * nor a link elsewhere is followed.
 */
export function writeErrorFile(path: string, text: string): void {
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
    /* the message is on stderr already */
  }
}

export const printWarnings = (ps: Array<Parameters<typeof formatProblem>[0]>) => {
  for (const p of ps) process.stderr.write(formatProblem(p) + '\n');
};
