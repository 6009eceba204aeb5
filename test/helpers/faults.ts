// Fault injection for test/faults.test.ts: pause, resume, kill and restart one component of a
// harness cluster (test/harness/README.md), run the built CLI with a hard bound, and check the
// hub's credentials Secret for consistency (token/CA keys in pairs, records matching).
import { spawn, type ChildProcess } from 'node:child_process';
import { openSync, readFileSync } from 'node:fs';
import type { V1Secret } from '@kubernetes/client-node';
import type { ClusterSet, ProcessRecord } from '../harness/cluster.ts';

export type Component = ProcessRecord['component'];

/** The PID of one component of one cluster (the harness starts each in its own process group). */
export function pidOf(set: ClusterSet, cluster: string, component: Component): number {
  const rec = set.processes.find((p) => p.cluster === cluster && p.component === component);
  if (!rec) throw new Error(`no ${component} process for ${cluster}`);
  return currentPid.get(`${cluster}/${component}`) ?? rec.pid;
}

/**
 * The scheduler state of a process from /proc/PID/stat: 'T' stopped (SIGSTOP), 'S'/'R'/'D'
 * running, 'Z' a zombie, undefined when it is gone. The evidence that a fault is in place.
 */
export function procState(pid: number): string | undefined {
  try {
    return readFileSync(`/proc/${pid}/stat`, 'utf8')
      .replace(/^.*\) /, '')
      .charAt(0);
  } catch {
    return undefined;
  }
}

/** True when the process is gone or a zombie (a killed process whose sockets are closed). */
export const isDead = (pid: number) => ['Z', 'X', undefined].includes(procState(pid));

/** Processes paused by the tests, resumed in after() whatever happened. */
const paused = new Set<number>();
/** SIGSTOP, then waits until the kernel reports the process stopped (delivery is not instant). */
export function pause(pid: number, ms = 5_000): void {
  process.kill(pid, 'SIGSTOP');
  paused.add(pid);
  const deadline = Date.now() + ms;
  const tick = new Int32Array(new SharedArrayBuffer(4));
  while (procState(pid) !== 'T') {
    if (Date.now() > deadline) throw new Error(`process ${pid} is not stopped ${ms} ms after SIGSTOP (state ${procState(pid)})`);
    Atomics.wait(tick, 0, 0, 5);
  }
}
export function resume(pid: number): void {
  try {
    process.kill(pid, 'SIGCONT');
  } catch {
    /* gone */
  }
  paused.delete(pid);
}
export function resumeAll(): void {
  for (const pid of [...paused]) resume(pid);
}

/** Components restarted by the tests (the harness does not know them): stopped in after(). */
const restarted: ChildProcess[] = [];

/** A component killed by kill(): what restart() needs to start it again. */
export interface Killed {
  pid: number;
  argv: string[];
  log: string;
  deadAt: number;
}

/**
 * Kills a component with SIGKILL and waits until it is dead (its listening sockets closed), so
 * that a request to it is refused from then on. Returns what restart() needs.
 */
export function kill(set: ClusterSet, cluster: string, component: Component): Killed {
  const rec = set.processes.find((p) => p.cluster === cluster && p.component === component)!;
  const pid = currentPid.get(`${cluster}/${component}`) ?? rec.pid;
  const argv = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
  process.kill(pid, 'SIGKILL');
  waitUntilDead(pid);
  return { pid, argv, log: rec.log, deadAt: Date.now() };
}

/** Starts a killed component again with the same command line, appending to the same log. */
export function restart(cluster: string, component: Component, k: Killed): ChildProcess {
  return startAgain(k.argv, k.log, 3, (c) => {
    if (c.pid) currentPid.set(`${cluster}/${component}`, c.pid);
  });
}

/** The PID of a restarted component (the harness only knows the first one). */
const currentPid = new Map<string, number>();

/**
 * Waits (briefly, synchronously) until a killed process is gone or a zombie: only then are its
 * listening sockets closed, so the restarted one can bind the same port instead of failing with
 * "address already in use".
 */
function waitUntilDead(pid: number, ms = 10_000): void {
  const deadline = Date.now() + ms;
  const pause = new Int32Array(new SharedArrayBuffer(4));
  while (Date.now() < deadline) {
    let state: string | undefined;
    try {
      state = readFileSync(`/proc/${pid}/stat`, 'utf8')
        .replace(/^.*\) /, '')
        .charAt(0);
    } catch {
      return; // gone
    }
    if (state === 'Z' || state === 'X') return;
    Atomics.wait(pause, 0, 0, 20);
  }
}

export function startAgain(argv: string[], log: string, retries = 3, onStart?: (c: ChildProcess) => void): ChildProcess {
  const fd = openSync(log, 'a');
  const started = Date.now();
  const child = spawn(argv[0]!, argv.slice(1), { stdio: ['ignore', fd, fd], detached: true, env: { ...process.env, GOGC: process.env.GOGC ?? '50' } });
  child.unref();
  restarted.push(child);
  onStart?.(child);
  // a component that dies at once (e.g. its port not yet released by the killed one) is started
  // again, a few times, so that a test's fault is the fault it meant to inject
  child.once('exit', (code, signal) => {
    if (signal === null && code !== 0 && Date.now() - started < 5_000 && retries > 0) setTimeout(() => startAgain(argv, log, retries - 1, onStart), 500);
  });
  return child;
}

/** SIGTERM to every restarted component (its own process group), then SIGKILL after 5 s. */
export async function stopRestarted(): Promise<void> {
  for (const c of restarted) {
    if (c.exitCode !== null || c.signalCode !== null || !c.pid) continue;
    try {
      process.kill(-c.pid, 'SIGTERM');
    } catch {
      /* gone */
    }
    c.ref(); // unref'd at start: without this the wait below would let Node exit early
    const done = new Promise<void>((r) => c.once('exit', () => r()));
    const t = setTimeout(() => {
      try {
        process.kill(-c.pid!, 'SIGKILL');
      } catch {
        /* gone */
      }
    }, 5000);
    await done;
    clearTimeout(t);
  }
  restarted.length = 0;
}

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  /** Wall time until the process exited. */
  ms: number;
  /** Wall time until the first `error:` line on stderr (undefined when none). */
  errorAfterMs?: number;
  /** The process had not exited within `hangMs`. */
  hung: boolean;
}

export interface RunOptions {
  env?: Record<string, string>;
  /** Treat the process as hung when it has not exited after this long (ms). */
  hangMs?: number;
  /** Called once when the process is seen as hung (e.g. resume the paused server); it is then awaited for `killMs` more. */
  onHang?: () => void;
  /** After a hang (and onHang), SIGKILL it if it still runs after this long. */
  killMs?: number;
  /** Called with each stderr chunk (e.g. to inject a fault at a progress line). */
  onStderr?: (text: string, child: ChildProcess) => void;
}

/** Runs `node CLI args…` with a hard time bound; never rejects. */
export function runCli(cli: string, args: string[], opts: RunOptions = {}): Promise<Run> {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [cli, ...args], {
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...opts.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '',
      stderr = '';
    let errorAfterMs: number | undefined;
    let hung = false;
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => {
      stderr += d;
      if (errorAfterMs === undefined && /^error: /m.test(stderr)) errorAfterMs = Date.now() - started;
      opts.onStderr?.(stderr, child);
    });
    const hangTimer = setTimeout(() => {
      hung = true;
      opts.onHang?.();
      setTimeout(() => child.kill('SIGKILL'), opts.killMs ?? 20_000).unref();
    }, opts.hangMs ?? 120_000);
    child.on('close', (code) => {
      clearTimeout(hangTimer);
      resolve({ code, stdout, stderr, ms: Date.now() - started, ...(errorAfterMs !== undefined ? { errorAfterMs } : {}), hung });
    });
  });
}

export const decode = (s: V1Secret | undefined): Record<string, string> =>
  Object.fromEntries(Object.entries(s?.data ?? {}).map(([k, v]) => [k, Buffer.from(v, 'base64').toString('utf8')]));

export function records(s: V1Secret | undefined): Record<string, { uid: string; endpoint: string; tokenSecret: string; namespace: string }> {
  const a = s?.metadata?.annotations?.['flytemc.io/clusters'];
  return a ? JSON.parse(a) : {};
}

/**
 * The problems with a credentials Secret: a `_token` without its `_cacert` (or the reverse),
 * an empty value, a record without keys or keys without a record, and two names for one
 * kube-system UID. Empty when consistent. Keys that are not flytemc's (other writers) are ignored.
 */
export function inconsistencies(s: V1Secret | undefined): string[] {
  const data = decode(s);
  const recs = records(s);
  const out: string[] = [];
  const names = new Set<string>();
  for (const k of Object.keys(data)) {
    const m = /^(.*)_(token|cacert)$/.exec(k);
    if (m) names.add(m[1]!);
  }
  for (const n of names) {
    if (!data[`${n}_token`]) out.push(`${n}: no ${n}_token (half an entry)`);
    if (!data[`${n}_cacert`]) out.push(`${n}: no ${n}_cacert (half an entry)`);
    if (data[`${n}_cacert`] && !data[`${n}_cacert`]!.includes('BEGIN CERTIFICATE')) out.push(`${n}_cacert is not a PEM certificate`);
    if (!recs[n]) out.push(`${n}: keys without a record`);
  }
  for (const n of Object.keys(recs)) if (!names.has(n)) out.push(`${n}: a record without keys`);
  const byUid = new Map<string, string>();
  for (const [n, r] of Object.entries(recs)) {
    if (byUid.has(r.uid)) out.push(`${n} and ${byUid.get(r.uid)}: one cluster (kube-system UID ${r.uid}) under two names`);
    byUid.set(r.uid, n);
  }
  return out;
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
