// Running a program in a test: exit code, output, time; never rejects on an exit code, and a
// run past its time limit is killed and reported as exit 124.
import { spawn } from 'node:child_process';

export interface ProcResult { code: number; stdout: string; stderr: string; ms: number }

export interface RunOptions {
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** Written to stdin, which is closed either way. */
  input?: string;
  /** Default 120000. */
  timeoutMs?: number;
}

export function runProcess(bin: string, args: readonly string[], opts: RunOptions): Promise<ProcResult> {
  const t = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(bin, [...args], { env: opts.env, cwd: opts.cwd, stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let timedOut = false;
    const timer = setTimeout(() => { timedOut = true; child.kill('SIGKILL'); }, opts.timeoutMs ?? 120_000);
    child.stdout.on('data', (d: Buffer) => out.push(d));
    child.stderr.on('data', (d: Buffer) => err.push(d));
    child.on('error', (e) => { clearTimeout(timer); reject(e); });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({
        code: timedOut ? 124 : code ?? 1,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8') + (timedOut ? `\n${bin} ${args.join(' ')}: timed out\n` : ''),
        ms: performance.now() - t,
      });
    });
    child.stdin.on('error', () => { /* the program may exit before reading stdin */ });
    child.stdin.end(opts.input ?? '');
  });
}
