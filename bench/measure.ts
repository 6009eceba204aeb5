// Runs a program once and measures it from the outside, the way Helm runs a post-renderer: the
// input written into a pipe on its standard input, its standard output read from a pipe (and
// dropped), wall time from spawn until it exited and closed its pipes (process.hrtime), peak
// memory (maximum resident set size) and CPU time from the child's rusage, reported by
// bench/rusage (Go, to the microsecond) or, without Go, GNU time (`/usr/bin/time -f '%M %U %S'`,
// CPU time to 10 ms). Each run gets its own process group, so a run over its time limit is killed
// with everything it started.
import { spawn } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { goProgram } from './go-draws.ts';

const GNU_TIME = '/usr/bin/time';
let timer: ((out: string) => string[]) | null | undefined;
/** The program that reports a run's rusage into `out`, as the argv before the program's; null without one. */
function rusageArgv(): ((out: string) => string[]) | null {
  if (timer !== undefined) return timer;
  try {
    const bin = goProgram('rusage');
    timer = (out) => [bin, '-o', out, '--'];
  } catch {
    timer = existsSync(GNU_TIME) ? (out) => [GNU_TIME, '-f', '%M %U %S', '-o', out, '--'] : null;
  }
  return timer;
}

export interface RunSpec {
  /** Program and arguments. */
  argv: string[];
  /** File whose content is written into standard input (a pipe, as Helm does); default: none. */
  stdin?: string;
  /** File that receives standard output (default: a pipe, read and dropped). */
  stdout?: string;
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  timeoutMs?: number;
}

export interface RunResult {
  ms: number;
  /** Peak resident set size in MiB (undefined without a rusage reporter or when killed). */
  rssMiB?: number;
  /** CPU time, user + system, in ms (less sensitive than wall time to a loaded machine). */
  cpuMs?: number;
  code: number | null;
  timedOut: boolean;
  stderr: string;
}

let seq = 0;
const inputs = new Map<string, Buffer>();
const content = (file: string) => {
  let b = inputs.get(file);
  if (!b) inputs.set(file, (b = readFileSync(file)));
  return b;
};

export function runOnce(spec: RunSpec, scratch: string): Promise<RunResult> {
  const rssFile = join(scratch, `rss-${process.pid}-${seq++}.txt`);
  const wrap = rusageArgv();
  const argv = wrap ? [...wrap(rssFile), ...spec.argv] : spec.argv;
  const input = spec.stdin ? content(spec.stdin) : undefined;
  const stdout = spec.stdout ? openSync(spec.stdout, 'w') : undefined;
  const closeOut = () => stdout !== undefined && closeSync(stdout);
  return new Promise((resolve, reject) => {
    let timedOut = false;
    let stderr = '';
    const started = process.hrtime.bigint();
    const child = spawn(argv[0]!, argv.slice(1), {
      cwd: spec.cwd,
      env: spec.env ?? process.env,
      stdio: [input ? 'pipe' : 'ignore', stdout ?? 'pipe', 'pipe'],
      detached: true, // its own process group: a timeout kills the whole run, nothing else
    });
    const timer = spec.timeoutMs
      ? setTimeout(() => {
          timedOut = true;
          try {
            process.kill(-child.pid!, 'SIGKILL');
          } catch {
            /* already gone */
          }
        }, spec.timeoutMs)
      : undefined;
    if (input) {
      child.stdin!.on('error', () => {
        /* a program that does not read its input (node -e 0) closes the pipe early */
      });
      child.stdin!.end(input);
    }
    child.stdout?.resume();
    child.stderr!.on('data', (d) => {
      if (stderr.length < 64 * 1024) stderr += d;
    });
    child.on('error', (e) => {
      if (timer) clearTimeout(timer);
      closeOut();
      reject(e);
    });
    child.on('close', (code, signal) => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      if (timer) clearTimeout(timer);
      closeOut();
      let rssMiB: number | undefined;
      let cpuMs: number | undefined;
      if (wrap && !timedOut) {
        try {
          // GNU time writes "Command exited with non-zero status N" first when the program fails
          const [kib, user, sys] = (readFileSync(rssFile, 'utf8').trim().split('\n').pop() ?? '').split(' ').map(Number);
          if (kib !== undefined && Number.isFinite(kib) && kib > 0) rssMiB = kib / 1024;
          if (user !== undefined && sys !== undefined && Number.isFinite(user + sys)) cpuMs = (user + sys) * 1000;
        } catch {
          /* no figure */
        }
      }
      rmSync(rssFile, { force: true });
      // the reporter exits with the program's own status
      resolve({ ms, rssMiB, cpuMs, code: signal ? null : code, timedOut, stderr });
    });
  });
}

export function median(xs: number[]): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

export function quantile(xs: number[], q: number): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const pos = (s.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return s[lo]! + (s[hi]! - s[lo]!) * (pos - lo);
}

export interface Case {
  id: string;
  /** Row label in the tables. */
  label: string;
  spec: RunSpec;
  /** At most this many timed runs (default: every round). */
  maxRuns?: number;
  /** After a run longer than this, run no more (the first figure, or "> timeout", stands). */
  oneShotAfterMs?: number;
  /** Untimed preparation before each run (e.g. resetting clusters). */
  before?: () => void | Promise<void>;
}

export interface Measured {
  id: string;
  label: string;
  ms: number[];
  rssMiB: number[];
  cpuMs: number[];
  timedOut: boolean;
  timeoutMs?: number;
  failed?: string;
}

/**
 * Interleaved rounds: every round runs every case once (in an order rotated each round), so
 * load that comes and goes on the machine hits all cases alike. (run.ts runs each case once
 * before, untimed, to check its output; that run also warms the file cache.)
 */
export async function interleave(cases: Case[], rounds: number, scratch: string, log: (s: string) => void): Promise<Measured[]> {
  const out = new Map<string, Measured>(
    cases.map((c) => [c.id, { id: c.id, label: c.label, ms: [], rssMiB: [], cpuMs: [], timedOut: false, timeoutMs: c.spec.timeoutMs }]),
  );
  const done = new Set<string>();
  for (let r = 0; r < rounds; r++) {
    const order = cases.map((_, i) => cases[(i + r) % cases.length]!);
    for (const c of order) {
      const m = out.get(c.id)!;
      if (done.has(c.id)) continue;
      await c.before?.();
      const res = await runOnce(c.spec, scratch);
      if (res.timedOut) {
        m.timedOut = true;
        done.add(c.id);
        log(`  ${c.label}: over the ${(c.spec.timeoutMs! / 1000).toFixed(0)} s limit, stopped`);
        continue;
      }
      if (res.code !== 0) {
        m.failed = `exit ${res.code}: ${res.stderr.trim().split('\n').slice(0, 6).join(' / ')}`;
        done.add(c.id);
        log(`  ${c.label}: FAILED ${m.failed}`);
        continue;
      }
      m.ms.push(res.ms);
      if (res.rssMiB !== undefined) m.rssMiB.push(res.rssMiB);
      if (res.cpuMs !== undefined) m.cpuMs.push(res.cpuMs);
      if ((c.maxRuns !== undefined && m.ms.length >= c.maxRuns) || (c.oneShotAfterMs !== undefined && res.ms > c.oneShotAfterMs)) done.add(c.id);
    }
    if (done.size === cases.length) break;
  }
  return [...out.values()];
}
