// The operator's side of a real Flyte in a test (test/flyte-e2e.test.ts, test/flyte-day2.test.ts):
// a user of one Helm major with the plugin installed and set up as the README says, where
// `routes --execution` predicts executions go, the Deployment controller played for the hub (the
// harness runs no pods). Executions are launched through executions.ts.
//
//   const u = await pluginUser(join(work, 'user'), 4, set.kubeconfigPath, transcript);
//   await flytemcAs(u, ['join', 'dp1', ...], work);
//   await finishRollout(cp, hubKc);   // FlyteAdmin restarted here, the rollout reported done
import { mkdirSync, symlinkSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';
import * as assert from 'uvu/assert';
import { AppsV1Api, CoreV1Api, type KubeConfig } from '@kubernetes/client-node';
import { helmBinary, helmEnv, ROOT, type HelmMajor } from '../helpers/helm.ts';
import { runProcess, type ProcResult, type RunOptions } from '../helpers/process.ts';
import type { Transcript } from '../helpers/e2e.ts';
import { show } from '../helpers/figures.ts';
import { NS, type ControlPlane } from './flyte.ts';

/** A user of one Helm major: HOME, Helm's default folders, `helm` on PATH, the plugin installed and set up. */
export interface User {
  major: HelmMajor;
  env: NodeJS.ProcessEnv;
  bin: string;
  transcript: Transcript;
}

async function recorded(u: User, label: string, run: Promise<ProcResult>): Promise<ProcResult> {
  const r = await run;
  u.transcript.proc(label, r);
  return r;
}

/** `helm ARGS` as the user runs it, in `cwd`. */
export const helmAs = (u: User, args: string[], cwd: string): Promise<ProcResult> =>
  recorded(u, `helm ${args.slice(0, 3).join(' ')}`, runProcess(join(u.bin, 'helm'), args, { env: u.env, cwd, timeoutMs: 240_000 }));

/** `flytemc ARGS` as the user runs it (the link `helm flytemc setup` made), in `cwd`; `env` added, `onOutput` as it comes. */
export const flytemcAs = (u: User, args: string[], cwd: string, o: { env?: NodeJS.ProcessEnv; onOutput?: RunOptions['onOutput'] } = {}): Promise<ProcResult> =>
  recorded(
    u,
    `flytemc ${args[0]}`,
    runProcess(join(u.env.HOME!, '.local', 'bin', 'flytemc'), args, {
      env: { ...u.env, ...o.env },
      cwd,
      timeoutMs: 240_000,
      ...(o.onOutput ? { onOutput: o.onOutput } : {}),
    }),
  );

export async function pluginUser(dir: string, major: HelmMajor, kubeconfig: string, transcript: Transcript): Promise<User> {
  const bin = join(dir, 'bin');
  mkdirSync(bin, { recursive: true });
  symlinkSync(helmBinary(major), join(bin, 'helm'));
  const env = helmEnv(join(dir, 'helm'), { kubeconfig, extra: { HOME: join(dir, 'home'), FLYTEMC_PROGRESS: '0' } });
  for (const k of ['HELM_PLUGINS', 'HELM_DATA_HOME', 'HELM_CONFIG_HOME', 'HELM_CACHE_HOME']) delete env[k];
  env.PATH = [bin, join(dir, 'home', '.local', 'bin'), dirname(process.execPath), '/usr/bin', '/bin'].join(delimiter);
  mkdirSync(join(dir, 'home', '.local', 'share', 'helm', 'plugins'), { recursive: true });
  const u = { major, env, bin, transcript };
  const inst = await helmAs(u, ['plugin', 'install', ROOT], dir);
  assert.is(inst.code, 0, show(inst));
  const setup = await helmAs(u, ['flytemc', 'setup'], dir);
  assert.is(setup.code, 0, show(setup));
  return u;
}

/** Where `routes --execution` says each name goes, per label ('(none)' for no label), from `files`. */
export async function predict(flytemc: (args: string[]) => Promise<ProcResult>, files: string[], names: string[]): Promise<Map<string, Map<string, string>>> {
  const r = await flytemc(['routes', ...files.flatMap((f) => ['-f', f]), ...names.flatMap((n) => ['--execution', n]), '-o', 'json']);
  assert.is(r.code, 0, show(r));
  const out = new Map<string, Map<string, string>>();
  for (const e of (JSON.parse(r.stdout) as { executions: Array<{ execution: string; label: string; cluster: string }> }).executions) {
    if (!out.has(e.execution)) out.set(e.execution, new Map());
    out.get(e.execution)!.set(e.label, e.cluster);
  }
  return out;
}

/** Plays the controller for the hub's Deployments after a restart or an upgrade: FlyteAdmin restarted here, then the rollout reported done. */
export async function finishRollout(cp: ControlPlane, hub: KubeConfig): Promise<void> {
  await cp.restartAdmin();
  const apps = hub.makeApiClient(AppsV1Api);
  for (const name of ['flyteadmin', 'syncresources']) {
    const d = await apps.readNamespacedDeployment({ name, namespace: NS });
    const replicas = d.spec?.replicas ?? 1;
    await apps.replaceNamespacedDeploymentStatus({
      name,
      namespace: NS,
      body: {
        ...d,
        status: { observedGeneration: d.metadata?.generation, replicas, updatedReplicas: replicas, readyReplicas: replicas, availableReplicas: replicas },
      },
    });
  }
}

/** The clusters FlyteAdmin's deployed config lists, with `enabled`, as the hub stores them now. */
export async function deployedEnabled(hub: KubeConfig): Promise<Record<string, boolean>> {
  const cm = await hub.makeApiClient(CoreV1Api).readNamespacedConfigMap({ name: 'flyte-admin-clusters-config', namespace: NS });
  const { load } = await import('js-yaml');
  const doc = load(cm.data?.['clusters.yaml'] ?? '') as { clusters?: { clusterConfigs?: Array<{ name: string; enabled?: boolean }> } };
  return Object.fromEntries((doc.clusters?.clusterConfigs ?? []).map((c) => [c.name, c.enabled === true]));
}

/** Waits until the hub's deployed config says `cluster` is `enabled` (an upgrade landed), then plays the rollout. */
export async function rolloutWhen(cp: ControlPlane, hub: KubeConfig, cluster: string, enabled: boolean, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while ((await deployedEnabled(hub))[cluster] !== enabled) {
    if (Date.now() > deadline) throw new Error(`the hub's deployed config never had ${cluster} enabled: ${enabled}`);
    await new Promise((res) => setTimeout(res, 200));
  }
  await finishRollout(cp, hub);
}
