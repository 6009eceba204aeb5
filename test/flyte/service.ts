// A long-running program of a test (PostgreSQL, FlyteAdmin, DataCatalog, a FlytePropeller): its own
// process group, its output in a log file, waits on that log or a port, and a stop that always
// ends it; every service still running is killed when the test process exits.
import { type ChildProcess, spawn } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import * as net from 'node:net';
import { HarnessError } from '../harness/build.ts';
import { logTail } from '../harness/cluster.ts';

export interface ServiceSpec {
  name: string;
  bin: string;
  args: readonly string[];
  log: string;
  cwd: string;
  env: NodeJS.ProcessEnv;
}

export interface Service {
  readonly name: string;
  readonly pid: number;
  readonly log: string;
  /** `exit code N` / `killed by SIG` once it ended, else undefined. */
  readonly exited: string | undefined;
  /** Resolves when a line of the log matches; rejects when it exits first or at the timeout. */
  waitForLog(pattern: RegExp, timeoutMs: number): Promise<void>;
  /** Resolves when 127.0.0.1:port accepts a connection; rejects when it exits first or at the timeout. */
  waitForPort(port: number, timeoutMs: number): Promise<void>;
  /** SIGTERM to the group, SIGKILL after `graceMs`; resolves once it ended. Idempotent. */
  stop(graceMs?: number): Promise<void>;
  /** SIGKILL, as a crashed pod dies; resolves once it ended. */
  kill(): Promise<void>;
  /** SIGSTOP / SIGCONT: the process stays, but does nothing. */
  pause(): void;
  resume(): void;
}

const live = new Set<ChildProcess>();
let guarded = false;
function guard(child: ChildProcess): void {
  live.add(child);
  child.on('exit', () => live.delete(child));
  if (guarded) return;
  guarded = true;
  process.on('exit', () => {
    for (const c of live) if (c.pid) signalGroup(c.pid, 'SIGKILL');
  });
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    /* already gone */
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.connect({ host: '127.0.0.1', port });
    s.once('connect', () => {
      s.destroy();
      resolve(true);
    });
    s.once('error', () => resolve(false));
  });
}

/** Starts `spec.bin` in its own process group with stdout and stderr appended to `spec.log`. */
export function startService(spec: ServiceSpec): Service {
  const fd = openSync(spec.log, 'a');
  let child: ChildProcess;
  try {
    child = spawn(spec.bin, [...spec.args], { cwd: spec.cwd, env: spec.env, detached: true, stdio: ['ignore', fd, fd] });
  } finally {
    closeSync(fd);
  }
  let exited: string | undefined;
  let startError: string | undefined;
  const ended = new Promise<void>((resolve) => {
    child.on('exit', (code, signal) => {
      exited = signal ? `killed by ${signal}` : `exit code ${code}`;
      resolve();
    });
    child.on('error', (e) => {
      startError = e.message;
      exited = `failed to start: ${e.message}`;
      resolve();
    });
  });
  if (child.pid === undefined && startError) throw new HarnessError(`${spec.name}: ${spec.bin} could not start: ${startError}`);
  guard(child);
  const failure = (what: string) => new HarnessError(`${spec.name} ${what}; last lines of ${spec.log}:\n${logTail(spec.log, 15)}`);
  async function waitFor(ok: () => Promise<boolean> | boolean, what: string, timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (await ok()) return;
      if (exited) throw failure(`ended (${exited}) before ${what}`);
      if (Date.now() > deadline) throw failure(`did not reach ${what} within ${timeoutMs / 1000} s`);
      await sleep(100);
    }
  }
  return {
    name: spec.name,
    pid: child.pid ?? -1,
    log: spec.log,
    get exited() {
      return exited;
    },
    waitForLog: (pattern, timeoutMs) => waitFor(() => pattern.test(logTail(spec.log, 400)), `a log line matching ${pattern}`, timeoutMs),
    waitForPort: (port, timeoutMs) => waitFor(() => canConnect(port), `listening on 127.0.0.1:${port}`, timeoutMs),
    async stop(graceMs = 10_000) {
      if (exited || child.pid === undefined) return;
      signalGroup(child.pid, 'SIGCONT');
      signalGroup(child.pid, 'SIGTERM');
      const timer = setTimeout(() => signalGroup(child.pid!, 'SIGKILL'), graceMs);
      await ended;
      clearTimeout(timer);
    },
    async kill() {
      if (exited || child.pid === undefined) return;
      signalGroup(child.pid, 'SIGKILL');
      await ended;
    },
    pause: () => child.pid && signalGroup(child.pid, 'SIGSTOP'),
    resume: () => child.pid && signalGroup(child.pid, 'SIGCONT'),
  };
}
