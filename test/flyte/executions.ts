// Executions of smoke's echo workflow launched straight through FlyteAdmin's API (the workflow is
// registered by `flytemc smoke`), each with a name and an execution cluster label or none, and
// followed until each ended: what the real-Flyte tests launch to see where FlyteAdmin sends work.
import { stringLiterals, TERMINAL_PHASES, type Execution, type FlyteAdmin } from '../../plugin/flyteadmin/client.ts';
import { SMOKE_WORKFLOW, smokeVersion } from '../../plugin/flyteadmin/smoke.ts';

export interface Run {
  name: string;
  label?: string;
  /** Where it runs (default flytesnacks/development); the launch plan is always flytesnacks/development's. */
  project?: string;
  domain?: string;
}

const SNACKS = { project: 'flytesnacks', domain: 'development' };
const launchPlan = () => ({ resource_type: 'LAUNCH_PLAN' as const, ...SNACKS, name: SMOKE_WORKFLOW, version: smokeVersion() });
const idOf = (r: Run) => ({ project: r.project ?? SNACKS.project, domain: r.domain ?? SNACKS.domain, name: r.name });

/** Creates the executions together (FlyteAdmin's refusal is thrown); returns each as FlyteAdmin placed it. */
export async function launch(admin: FlyteAdmin, runs: Run[]): Promise<Map<string, Execution>> {
  await Promise.all(
    runs.map((r) =>
      admin.createExecution({
        ...idOf(r),
        spec: { launch_plan: launchPlan(), metadata: { mode: 'MANUAL' }, ...(r.label ? { execution_cluster_label: { value: r.label } } : {}) },
        inputs: stringLiterals({ x: r.name }),
      }),
    ),
  );
  return new Map(await Promise.all(runs.map(async (r) => [r.name, await admin.getExecution(idOf(r))] as const)));
}

/** Waits until every execution ended (or the time is up); returns each as FlyteAdmin last listed it. */
export async function waitEnded(admin: FlyteAdmin, runs: Run[], timeoutMs = 90_000): Promise<Map<string, Execution>> {
  const out = new Map<string, Execution>();
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    for (const r of runs.filter((x) => !TERMINAL_PHASES.has(out.get(x.name)?.closure.phase ?? ''))) out.set(r.name, await admin.getExecution(idOf(r)));
    if ([...out.values()].every((e) => TERMINAL_PHASES.has(e.closure.phase)) || Date.now() >= deadline) return out;
    await new Promise((res) => setTimeout(res, 1000));
  }
}

/** Launches executions together and waits until each ended. */
export async function runExecutions(admin: FlyteAdmin, runs: Run[], timeoutMs = 90_000): Promise<Map<string, Execution>> {
  await launch(admin, runs);
  return waitEnded(admin, runs, timeoutMs);
}

/** The data plane FlyteAdmin placed an execution on. */
export const placedOn = (ex: Execution): string => ex.spec.metadata?.system_metadata?.execution_cluster ?? '';
