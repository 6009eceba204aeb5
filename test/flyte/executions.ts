// Executions of smoke's echo workflow launched straight through FlyteAdmin's API (the workflow is
// registered by `flytemc smoke`), each with a name and an execution cluster label or none, and
// followed until each ended: what the real-Flyte tests launch to see where FlyteAdmin sends work.
import { stringLiterals, TERMINAL_PHASES, type Execution, type FlyteAdmin } from '../../plugin/flyteadmin/client.ts';
import { SMOKE_WORKFLOW, smokeVersion } from '../../plugin/flyteadmin/smoke.ts';

export const project = { project: 'flytesnacks', domain: 'development' };
const launchPlan = () => ({ resource_type: 'LAUNCH_PLAN' as const, ...project, name: SMOKE_WORKFLOW, version: smokeVersion() });

/** Creates one execution of the echo workflow (named, with a label or none); FlyteAdmin's refusal is thrown. */
export function launch(a: FlyteAdmin, r: { name: string; label?: string }): Promise<unknown> {
  return a.createExecution({
    ...project,
    name: r.name,
    spec: { launch_plan: launchPlan(), metadata: { mode: 'MANUAL' }, ...(r.label ? { execution_cluster_label: { value: r.label } } : {}) },
    inputs: stringLiterals({ x: r.name }),
  });
}

/** Waits until each named execution ended (or the time is up: then as it is). */
export async function waitForExecutions(a: FlyteAdmin, names: string[], timeoutMs = 90_000): Promise<Map<string, Execution>> {
  const out = new Map<string, Execution>();
  const deadline = Date.now() + timeoutMs;
  while (out.size < names.length && Date.now() < deadline) {
    for (const name of names.filter((x) => !out.has(x))) {
      const ex = await a.getExecution({ ...project, name });
      if (TERMINAL_PHASES.has(ex.closure.phase)) out.set(name, ex);
    }
    if (out.size < names.length) await new Promise((res) => setTimeout(res, 1000));
  }
  for (const name of names.filter((x) => !out.has(x))) out.set(name, await a.getExecution({ ...project, name }));
  return out;
}

/** Launches executions together and waits until each ended. */
export async function runExecutions(a: FlyteAdmin, runs: Array<{ name: string; label?: string }>, timeoutMs = 90_000): Promise<Map<string, Execution>> {
  await Promise.all(runs.map((r) => launch(a, r)));
  return waitForExecutions(
    a,
    runs.map((r) => r.name),
    timeoutMs,
  );
}

/** The data plane FlyteAdmin placed an execution on. */
export const placedOn = (ex: Execution) => ex.spec.metadata?.system_metadata?.execution_cluster ?? '';
