// Running a program in a test, the one way every test does it: exit code, signal, output, time;
// never rejects or throws on an exit code, and an asynchronous run past its time limit is killed
// and reported as exit 124. flytemc's programs are run with this Node:
//   runProcess(bin, args, opts)         async
//   runProcessSync(bin, args, opts)     sync
//   runNode(program, args, opts)        `node [nodeArgs] PROGRAM ARGS`, async (runNodeSync: sync)
//   CLI, POST_RENDERER, KRM             the built programs in dist/; CLI_SOURCE, the CLI from source (tsx)
// Options: env (default: PATH only), cwd (default: the repository), input (stdin, closed either
// way), timeoutMs (default 120 s), onOutput (each piece of output as it comes), and for runNode
// nodeArgs (e.g. --max-old-space-size=1536).
import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from '../../scripts/shared.mjs';

export const CLI = join(ROOT, 'dist', 'flytemc.mjs');
export const POST_RENDERER = join(ROOT, 'dist', 'flytemc-post-renderer.cjs');
export const KRM = join(ROOT, 'dist', 'flytemc-krm.mjs');
export const CLI_SOURCE = join(ROOT, 'plugin', 'bin', 'flytemc.ts');

export interface ProcResult {
  code: number;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  ms: number;
}

export interface RunOptions {
  /** Default: only PATH. */
  env?: NodeJS.ProcessEnv;
  /** Default: the repository's root. */
  cwd?: string;
  /** Written to stdin, which is closed either way. */
  input?: string | Buffer;
  /** Default 120000. */
  timeoutMs?: number;
  /** Called with each piece of output as it comes (runProcess): a test that acts while a program runs. */
  onOutput?: (stream: 'stdout' | 'stderr', text: string) => void;
}

const envOf = (o: RunOptions) => o.env ?? { PATH: process.env.PATH ?? '' };

export function runProcess(bin: string, args: readonly string[], opts: RunOptions = {}): Promise<ProcResult> {
  const t = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(bin, [...args], { env: envOf(opts), cwd: opts.cwd ?? ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, opts.timeoutMs ?? 120_000);
    child.stdout.on('data', (d: Buffer) => {
      out.push(d);
      opts.onOutput?.('stdout', d.toString('utf8'));
    });
    child.stderr.on('data', (d: Buffer) => {
      err.push(d);
      opts.onOutput?.('stderr', d.toString('utf8'));
    });
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({
        code: timedOut ? 124 : (code ?? 1),
        signal: timedOut ? null : signal,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8') + (timedOut ? `\n${bin} ${args.join(' ')}: timed out\n` : ''),
        ms: performance.now() - t,
      });
    });
    child.stdin.on('error', () => {
      /* the program may exit before reading stdin */
    });
    child.stdin.end(opts.input ?? '');
  });
}

export function runProcessSync(bin: string, args: readonly string[], opts: RunOptions = {}): ProcResult {
  const t = performance.now();
  const r = spawnSync(bin, [...args], {
    env: envOf(opts),
    cwd: opts.cwd ?? ROOT,
    input: opts.input ?? '',
    maxBuffer: 1 << 30,
    ...(opts.timeoutMs ? { timeout: opts.timeoutMs } : {}),
  });
  if (r.error && !r.stdout) throw r.error;
  return { code: r.status ?? -1, signal: r.signal, stdout: r.stdout.toString('utf8'), stderr: r.stderr.toString('utf8'), ms: performance.now() - t };
}

export type NodeOptions = RunOptions & { nodeArgs?: string[] };

/** `node [nodeArgs] program args`: one of flytemc's programs (CLI, POST_RENDERER, KRM, or a script). */
export const runNode = (program: string, args: readonly string[], opts: NodeOptions = {}): Promise<ProcResult> =>
  runProcess(process.execPath, [...(opts.nodeArgs ?? []), program, ...args], opts);
export const runNodeSync = (program: string, args: readonly string[], opts: NodeOptions = {}): ProcResult =>
  runProcessSync(process.execPath, [...(opts.nodeArgs ?? []), program, ...args], opts);
