// Draining a data plane through FlyteAdmin: FlyteAdmin reached, the cordon, then waiting until nothing runs there (or aborting it).
import { EXIT, FlytemcError, error } from '../problems/problems.ts';
import { AdminError, TERMINAL_PHASES, adminProblem, type Execution, type ExecutionId } from './client.ts';

/** The part of FlyteAdmin a drain uses (FlyteAdmin implements it; unit tests fake it). */
export interface ExecutionsApi {
  readonly url: string;
  projects(): Promise<Array<{ id: string; domains: Array<{ id: string }> }>>;
  executions(project: string, domain: string, filters?: string): Promise<Execution[]>;
  terminate(id: ExecutionId, cause: string): Promise<void>;
}

/** An execution that has not ended, where it runs. */
export interface RunningExecution extends ExecutionId {
  phase: string;
  /** When FlyteAdmin created it (ISO time), if it says. */
  createdAt?: string;
}

const NOT_ENDED = `value_not_in(phase,${[...TERMINAL_PHASES].join(';')})`;

/** Every execution that has not ended on `cluster`, in every project and domain; FlyteAdmin's `cluster` filter is checked against each execution's own execution_cluster. */
export async function runningOn(admin: ExecutionsApi, cluster: string): Promise<RunningExecution[]> {
  const out: RunningExecution[] = [];
  for (const p of await admin.projects())
    for (const d of p.domains) {
      for (const ex of await admin.executions(p.id, d.id, `${NOT_ENDED}+eq(cluster,${cluster})`)) {
        if ((ex.spec.metadata?.system_metadata?.execution_cluster ?? '') !== cluster || TERMINAL_PHASES.has(ex.closure.phase)) continue;
        out.push({
          project: ex.id.project,
          domain: ex.id.domain,
          name: ex.id.name,
          phase: ex.closure.phase,
          ...(ex.closure.created_at ? { createdAt: ex.closure.created_at } : {}),
        });
      }
    }
  return out;
}

/** `1h02m`, `3m05s`, `12s`: how long ago `iso` was. */
export function age(iso: string | undefined, now: number): string {
  if (!iso) return '-';
  const s = Math.max(0, Math.round((now - Date.parse(iso)) / 1000));
  if (Number.isNaN(s)) return '-';
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(m / 60)}h${String(m % 60).padStart(2, '0')}m`;
}

/** `flytesnacks/development/abc (RUNNING, 3m05s)`: one execution in a message. */
export const describeExecution = (e: RunningExecution, now: number): string => `${e.project}/${e.domain}/${e.name} (${e.phase}, ${age(e.createdAt, now)})`;

/** What the caller does around the wait: the cordon, and a look at whether FlyteAdmin runs with it. */
export interface DrainSteps {
  /** Cordons the cluster (values files, and the upgrade with --upgrade). */
  cordon(): Promise<void>;
  /** Why FlyteAdmin may still send new executions to the cluster (its deployed config, its rollout), or undefined once it cannot. */
  pending(): Promise<string | undefined>;
}

interface DrainOptions {
  cluster: string;
  timeoutMs: number;
  pollMs?: number;
  /** Abort what runs there instead of waiting for it to end. */
  abort: boolean;
  /** The drain command again: it resumes where this one stopped (the cordon is idempotent). */
  resume: string;
  /** Undoing the cordon. */
  undo: string;
  /** What stays when the drain stops part way, e.g. `dp1 stays cordoned in my-values.yaml` (asked once the cordon ran). */
  cordonNote: () => string;
  /** A line for the operator while waiting. */
  progress?: (line: string) => void;
  /** Said before anything is aborted (stdout). */
  say?: (line: string) => Promise<void> | void;
  now?: () => number;
}

export interface DrainReport {
  cluster: string;
  /** Executions still running at the deadline; empty when drained. */
  left: RunningExecution[];
  /** Executions aborted by this drain. */
  aborted: RunningExecution[];
  /** Why the cordon was not yet in effect at the deadline, if it was not. */
  pending?: string;
  waitedMs: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** FlyteAdmin is reached before anything changes: when it does not answer, the drain changed nothing. */
async function reach(admin: ExecutionsApi): Promise<void> {
  try {
    await admin.projects();
  } catch (e) {
    if (!(e instanceof AdminError)) throw e;
    const p = adminProblem(e, `FlyteAdmin ${admin.url}`);
    throw new FlytemcError([{ ...p, message: `${p.message}; the drain changed nothing` }], EXIT.failed);
  }
}

/** FlyteAdmin stopped answering after the cordon: the cordon stays, and the message says how to resume. */
function stoppedAfterCordon(e: AdminError, admin: ExecutionsApi, o: DrainOptions): FlytemcError {
  const where = `FlyteAdmin ${admin.url}`;
  const p = adminProblem(e, where);
  return new FlytemcError(
    [
      error(
        { code: p.code, subject: where },
        `${p.message}, so the drain of ${o.cluster} stopped; ${o.cordonNote()}: FlyteAdmin sends it no new execution, and what runs there keeps running`,
        `${p.fix}; if you reach FlyteAdmin through kubectl port-forward, a restart of its pod ends the forward: start it again. Then resume: ${o.resume} (or undo the cordon: ${o.undo})`,
      ),
    ],
    EXIT.failed,
  );
}

/** Waits until FlyteAdmin runs with the cordon; returns why it may not yet at the deadline, else undefined. */
async function waitForCordon(steps: DrainSteps, o: DrainOptions, deadline: number, now: () => number): Promise<string | undefined> {
  for (;;) {
    const why = await steps.pending();
    if (!why || now() >= deadline) return why;
    o.progress?.(`${o.cluster}: waiting until FlyteAdmin runs with the cordon: ${why}`);
    await sleep(Math.min(o.pollMs ?? 2000, Math.max(0, deadline - now())));
  }
}

/** Aborts what this drain has not asked to abort yet (said first); returns whether there was any. */
async function abortFresh(
  admin: ExecutionsApi,
  left: RunningExecution[],
  aborting: Set<string>,
  report: DrainReport,
  o: DrainOptions,
  now: () => number,
): Promise<boolean> {
  const fresh = left.filter((e) => !aborting.has(key(e)) && e.phase !== 'ABORTING');
  if (!fresh.length) return false;
  await o.say?.(
    `aborting ${fresh.length} execution${fresh.length === 1 ? '' : 's'} on ${o.cluster} (--abort): ${fresh.map((e) => describeExecution(e, now())).join(', ')}`,
  );
  for (const e of fresh) {
    const aborted = await admin.terminate({ project: e.project, domain: e.domain, name: e.name }, `flytemc drain ${o.cluster} --abort`).then(
      () => true,
      (err: unknown) => {
        // it may have ended meanwhile: FlyteAdmin refuses to abort an ended execution
        if (!(err instanceof AdminError) || err.failure !== 'invalid') throw err;
        return false;
      },
    );
    aborting.add(key(e));
    if (aborted) report.aborted.push(e);
  }
  return true;
}

/** `dp1: 3 executions not ended (p/development 2, p/production 1); 40 s left`. */
function progressLine(left: RunningExecution[], cluster: string, secondsLeft: number): string {
  const perPlace = new Map<string, number>();
  for (const e of left) perPlace.set(`${e.project}/${e.domain}`, (perPlace.get(`${e.project}/${e.domain}`) ?? 0) + 1);
  return `${cluster}: ${left.length} execution${left.length === 1 ? '' : 's'} not ended (${[...perPlace].map(([k, n]) => `${k} ${n}`).join(', ')}); ${secondsLeft} s left`;
}

/**
 * Reaches FlyteAdmin (nothing is changed when it does not answer), cordons, waits until FlyteAdmin
 * runs with the cordon, then until no execution runs on the cluster, or aborts them (said first)
 * and waits until FlyteAdmin reports each ended. FlyteAdmin failing after the cordon stops with
 * the cordon kept and says how to resume.
 */
export async function drain(admin: ExecutionsApi, steps: DrainSteps, o: DrainOptions): Promise<DrainReport> {
  const now = o.now ?? Date.now;
  await reach(admin);
  await steps.cordon();
  const started = now();
  const deadline = started + o.timeoutMs;
  const report: DrainReport = { cluster: o.cluster, left: [], aborted: [], waitedMs: 0 };
  // 1. FlyteAdmin runs with the cordon: no new execution can land there after this
  const pending = await waitForCordon(steps, o, deadline, now);
  if (pending) return { ...report, pending, waitedMs: now() - started };
  // 2. what runs there ends (or is aborted)
  const aborting = new Set<string>();
  for (;;) {
    let left: RunningExecution[];
    try {
      left = await runningOn(admin, o.cluster);
      if (o.abort && (await abortFresh(admin, left, aborting, report, o, now))) continue;
    } catch (e) {
      if (e instanceof AdminError) throw stoppedAfterCordon(e, admin, o);
      throw e;
    }
    report.left = left;
    report.waitedMs = now() - started;
    if (!left.length || now() >= deadline) return report;
    o.progress?.(progressLine(left, o.cluster, Math.ceil((deadline - now()) / 1000)));
    await sleep(Math.min(o.pollMs ?? 2000, Math.max(0, deadline - now())));
  }
}

const key = (e: ExecutionId) => `${e.project}/${e.domain}/${e.name}`;
