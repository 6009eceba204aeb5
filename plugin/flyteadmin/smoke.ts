// The smoke test of a live install: one pinned `echo` execution per data plane, followed until it ends; the task cache across them.
import { createHash, randomBytes } from 'node:crypto';
import { FlytemcError, EXIT, error } from '../problems/problems.ts';
import {
  AdminError,
  type FlyteAdmin,
  TERMINAL_PHASES,
  adminProblem,
  failWith,
  stringLiterals,
  type Execution,
  type ExecutionId,
  type Identifier,
} from './client.ts';

/** An enabled data plane and the label that sends work to it alone. */
interface PinnedCluster {
  name: string;
  label: string;
}

interface SmokeOptions {
  project: string;
  domain: string;
  timeoutMs: number;
  /** Also prove the task cache: populated on the first cluster, a hit on each other one. */
  catalog: boolean;
  pollMs?: number;
  /** Called with a one-line summary while waiting. */
  progress?: (line: string) => void;
}

/** Where an execution stopped, as an operator reads it. */
type Stage = 'succeeded' | 'not placed' | 'placed but never started' | 'running' | 'failed' | 'wrong cluster' | 'cache miss';

export interface SmokeRow {
  cluster: string;
  label: string;
  /** `echo` or `cached echo`. */
  task: string;
  execution: string;
  phase: string;
  /** Where FlyteAdmin placed it (spec.metadata.system_metadata.execution_cluster). */
  placedOn: string;
  /** From the launch until smoke saw it end (or the timeout). */
  seconds: number;
  stage: Stage;
  /** FlyteAdmin's error, or what was expected and not seen. */
  detail?: string;
  cacheStatus?: string;
  expectedCache?: string;
}

export interface SmokeReport {
  admin: string;
  project: string;
  domain: string;
  version: string;
  registered: Array<{ kind: string; name: string; result: 'created' | 'exists' }>;
  rows: SmokeRow[];
  ok: boolean;
}

const STRING = { type: { simple: 'STRING' } };
const TASK = 'flytemc.smoke.echo';
const CACHED_TASK = 'flytemc.smoke.cached_echo';
/** The one-node echo workflow (and its launch plan) smoke registers. */
export const SMOKE_WORKFLOW = 'flytemc.smoke.echo_wf';
const CACHED_WORKFLOW = 'flytemc.smoke.cached_echo_wf';

function taskTemplate(cached: boolean) {
  return {
    type: 'echo',
    metadata: {
      runtime: { type: 'OTHER', version: '1', flavor: 'flytemc' },
      ...(cached ? { discoverable: true, discovery_version: '1' } : {}),
    },
    interface: { inputs: { variables: { x: STRING } }, outputs: { variables: { x: STRING } } },
  };
}

function workflowTemplate(task: Identifier) {
  return {
    metadata: {},
    interface: { inputs: { variables: { x: STRING } }, outputs: { variables: { o: STRING } } },
    nodes: [
      {
        id: 'n0',
        metadata: { name: 'echo' },
        inputs: [{ var: 'x', binding: { promise: { node_id: 'start-node', var: 'x' } } }],
        task_node: { reference_id: task },
      },
    ],
    outputs: [{ var: 'o', binding: { promise: { node_id: 'n0', var: 'x' } } }],
  };
}

/** The version every entity is registered under: derived from what is registered, so a rerun finds them. */
export function smokeVersion(): string {
  const content = JSON.stringify([taskTemplate(false), taskTemplate(true), workflowTemplate({ project: '', domain: '', name: '' })]);
  return `fmc-${createHash('sha256').update(content).digest('hex').slice(0, 12)}`;
}

/** Registers the tasks, workflows and launch plans (idempotent); returns each launch plan's id. */
async function register(admin: FlyteAdmin, o: SmokeOptions, version: string, report: SmokeReport): Promise<Record<'plain' | 'cached', Identifier>> {
  const id = (resource_type: Identifier['resource_type'], name: string): Identifier => ({ resource_type, project: o.project, domain: o.domain, name, version });
  const out = {} as Record<'plain' | 'cached', Identifier>;
  for (const [key, taskName, wfName] of [
    ['plain', TASK, SMOKE_WORKFLOW],
    ['cached', CACHED_TASK, CACHED_WORKFLOW],
  ] as const) {
    if (key === 'cached' && !o.catalog) continue;
    const task = id('TASK', taskName);
    const wf = id('WORKFLOW', wfName);
    const lp = id('LAUNCH_PLAN', wfName);
    const steps: Array<[string, 'tasks' | 'workflows' | 'launch_plans', Identifier, unknown]> = [
      ['task', 'tasks', task, { template: { id: task, ...taskTemplate(key === 'cached') } }],
      ['workflow', 'workflows', wf, { template: { id: wf, ...workflowTemplate(task) } }],
      ['launch plan', 'launch_plans', lp, { workflow_id: wf, default_inputs: { parameters: { x: { var: STRING, required: true } } } }],
    ];
    for (const [kind, route, ident, spec] of steps) {
      const result = await admin.register(route, { id: ident, spec });
      report.registered.push({ kind, name: ident.name, result });
    }
    out[key] = lp;
  }
  return out;
}

/** A short, fresh execution name (FlyteAdmin's names start with a letter and stay short). */
const executionName = () => `fmc${randomBytes(6).toString('hex').slice(0, 11)}`;

interface Launched {
  row: SmokeRow;
  id: ExecutionId;
  started: number;
  done: boolean;
}

function classify(l: Launched, ex: Execution, expectCluster: string, now: number): void {
  const { row } = l;
  row.phase = ex.closure.phase;
  row.placedOn = ex.spec.metadata?.system_metadata?.execution_cluster ?? '';
  row.seconds = Math.round((now - l.started) / 100) / 10;
  const err = ex.closure.error?.message;
  if (row.phase === 'SUCCEEDED') row.stage = 'succeeded';
  else if (TERMINAL_PHASES.has(row.phase)) row.stage = row.placedOn ? 'failed' : 'not placed';
  else if (!row.placedOn) row.stage = 'not placed';
  else row.stage = ex.closure.started_at || row.phase === 'RUNNING' || row.phase === 'SUCCEEDING' ? 'running' : 'placed but never started';
  if (err) row.detail = err;
  if (row.placedOn && row.placedOn !== expectCluster) {
    row.stage = 'wrong cluster';
    row.detail = `label ${row.label} sent it to ${row.placedOn}, not ${expectCluster}`;
  }
  l.done = TERMINAL_PHASES.has(row.phase) || row.stage === 'wrong cluster';
}

/** Launches one execution of `lp` on `cluster` (through its pinned label) with input `x`. */
async function launch(admin: FlyteAdmin, o: SmokeOptions, lp: Identifier, c: PinnedCluster, task: string, x: string): Promise<Launched> {
  const name = executionName();
  const row: SmokeRow = { cluster: c.name, label: c.label, task, execution: name, phase: 'UNDEFINED', placedOn: '', seconds: 0, stage: 'not placed' };
  const id = await admin.createExecution({
    project: o.project,
    domain: o.domain,
    name,
    spec: { launch_plan: lp, metadata: { mode: 'MANUAL' }, execution_cluster_label: { value: c.label } },
    inputs: stringLiterals({ x }),
  });
  return { row, id, started: Date.now(), done: false };
}

/** Follows executions until each ended, `until` holds, or the deadline passed. */
async function follow(admin: FlyteAdmin, runs: Launched[], deadline: number, o: SmokeOptions, until = () => false): Promise<void> {
  for (;;) {
    await Promise.all(
      runs
        .filter((r) => !r.done)
        .map(async (r) => {
          const ex = await admin.getExecution(r.id);
          classify(r, ex, r.row.cluster, Date.now());
        }),
    );
    const left = runs.filter((r) => !r.done);
    o.progress?.(`${runs.length - left.length} of ${runs.length} executions ended; waiting for ${left.map((r) => r.row.cluster).join(', ') || 'none'}`);
    if (left.length === 0 || until() || Date.now() >= deadline) return;
    await new Promise((res) => setTimeout(res, o.pollMs ?? 1000));
  }
}

async function cacheStatus(admin: FlyteAdmin, id: ExecutionId): Promise<string> {
  const nodes = await admin.nodeExecutions(id);
  return nodes.find((n) => n.id.node_id === 'n0')?.closure.task_node_metadata?.cache_status ?? 'CACHE_DISABLED';
}

/** Checks that the project and domain exist: the first call, so a wrong URL, auth or project stops before anything is registered. */
async function preflight(admin: FlyteAdmin, o: SmokeOptions): Promise<void> {
  const projects = await admin.projects().catch((e: unknown) => {
    if (e instanceof AdminError && e.failure === 'not-found')
      throw new AdminError('unreachable', `no FlyteAdmin API at ${admin.url}: GET /api/v1/projects answered 404`, e.status);
    throw e;
  });
  const p = projects.find((x) => x.id === o.project);
  if (!p)
    throw new FlytemcError([
      error(
        { code: 'admin.unknown-project', subject: `FlyteAdmin ${admin.url}` },
        `project ${JSON.stringify(o.project)} does not exist (FlyteAdmin has ${projects.map((x) => x.id).join(', ') || 'none'})`,
        `pass --project with one of them, or create it: flytectl create project --id ${o.project} --name ${o.project}`,
      ),
    ]);
  if (!p.domains.some((d) => d.id === o.domain))
    throw new FlytemcError([
      error(
        { code: 'admin.unknown-domain', subject: `FlyteAdmin ${admin.url}` },
        `project ${o.project} has no domain ${JSON.stringify(o.domain)}`,
        `pass --domain with one of: ${p.domains.map((d) => d.id).join(', ')}`,
      ),
    ]);
}

/** Runs the smoke test on every cluster; the report says where each execution stopped. */
export async function smoke(admin: FlyteAdmin, clusters: readonly PinnedCluster[], o: SmokeOptions): Promise<SmokeReport> {
  const version = smokeVersion();
  const report: SmokeReport = { admin: admin.url, project: o.project, domain: o.domain, version, registered: [], rows: [], ok: false };
  const where = `FlyteAdmin ${admin.url}`;
  try {
    await preflight(admin, o);
    const lps = await register(admin, o, version, report);
    const deadline = Date.now() + o.timeoutMs;
    const runs = await Promise.all(clusters.map((c) => launch(admin, o, lps.plain, c, 'echo', `flytemc smoke ${c.name}`)));
    if (o.catalog && clusters.length > 0) {
      // fresh inputs: the first data plane populates the cache, every other one must hit it
      const x = `flytemc cache ${randomBytes(8).toString('hex')}`;
      const [first, ...others] = clusters;
      const populate = await launch(admin, o, lps.cached, first!, 'cached echo', x);
      populate.row.expectedCache = 'CACHE_POPULATED';
      runs.push(populate);
      await follow(admin, runs, deadline, o, () => populate.done);
      for (const c of others) {
        if (populate.row.stage === 'succeeded') {
          const hit = await launch(admin, o, lps.cached, c, 'cached echo', x);
          hit.row.expectedCache = 'CACHE_HIT';
          runs.push(hit);
        } else {
          const row: SmokeRow = {
            cluster: c.name,
            label: c.label,
            task: 'cached echo',
            execution: '-',
            phase: '-',
            placedOn: '',
            seconds: 0,
            stage: 'not placed',
          };
          row.detail = `not launched: the cache was not populated on ${first!.name}`;
          runs.push({ row, id: { project: o.project, domain: o.domain, name: '-' }, started: Date.now(), done: true });
        }
      }
    }
    await follow(admin, runs, deadline, o);
    for (const r of runs) {
      if (!r.row.expectedCache || r.row.stage !== 'succeeded') continue;
      r.row.cacheStatus = await cacheStatus(admin, r.id);
      if (r.row.cacheStatus !== r.row.expectedCache) {
        r.row.stage = 'cache miss';
        r.row.detail = `the cached task reported ${r.row.cacheStatus}, expected ${r.row.expectedCache}`;
      }
    }
    report.rows = runs.map((r) => r.row);
    report.ok = report.rows.length > 0 && report.rows.every((r) => r.stage === 'succeeded');
    return report;
  } catch (e) {
    if (e instanceof AdminError) throw new FlytemcError([adminProblem(e, where)], EXIT.failed);
    failWith(e, where);
  }
}
