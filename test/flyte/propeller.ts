// A real FlytePropeller v1.16.8 (test/flyte/binaries.ts) run outside Kubernetes against a data
// plane of harness clusters (test/harness), as ../shared/flyte/README.md says: the data plane's
// rendered ConfigMap flyte-propeller-config laid out as files, the cluster's admin kubeconfig,
// a free profiling port of its own.
//
//   const p = await startPropeller({ cluster, namespace: 'flyte', clusterId: 'dp1', dir });
//   ...                                   // p.pid runs; it holds and renews Lease flyte/propeller-leader
//   await p.kill();                       // SIGKILL: the lease is left to expire, as a crashed pod leaves it
//
// And, for a test that needs a live propeller without running one (the harness runs no pods):
//   await renewLease(kubeConfigFor(cluster), 'flyte', 'dp1')   // plays a running flytepropeller once
import { spawn } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { CoordinationV1Api, CoreV1Api, type KubeConfig, type V1Lease } from '@kubernetes/client-node';
import { freePorts, logTail, type ClusterInfo } from '../harness/cluster.ts';
import { apiStatus, kubeConfigFor } from '../harness/kube.ts';
import { ensureFlyteBinaries } from './binaries.ts';

const LEASE = 'propeller-leader';

export interface RunningPropeller {
  pid: number;
  /** Its stdout and stderr. */
  log: string;
  /** The folder of its config files (one per key of flyte-propeller-config) and kubeconfig. */
  dir: string;
  /** The holder identity it wrote into its leader Lease. */
  holder: string;
  /** False once the process has exited. */
  running(): boolean;
  /** SIGKILL and wait for the process to be gone: the lease stays as it was, to expire. */
  kill(): Promise<void>;
}

interface PropellerOptions {
  /** The data plane: its admin kubeconfig context is what flytepropeller uses. */
  cluster: ClusterInfo;
  /** Where flytepropeller's ConfigMap is (the data plane's namespace). */
  namespace: string;
  /** --propeller.cluster-id: the name the control plane lists the data plane under. */
  clusterId: string;
  /** A folder for its config, kubeconfig and log (created). */
  dir: string;
  /** How long to wait for it to hold its leader Lease (default 60 s). */
  readyTimeoutMs?: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The data plane's kubeconfig with its context made current: flytepropeller's --propeller.kube-config takes the current one. */
function ownKubeconfig(cluster: ClusterInfo, file: string): void {
  const cfg = yaml.load(readFileSync(cluster.kubeconfigPath, 'utf8')) as Record<string, unknown>;
  writeFileSync(file, yaml.dump({ ...cfg, 'current-context': cluster.context }), { mode: 0o600 });
}

async function readLease(kc: KubeConfig, namespace: string): Promise<V1Lease | undefined> {
  try {
    return await kc.makeApiClient(CoordinationV1Api).readNamespacedLease({ name: LEASE, namespace });
  } catch (e) {
    if (apiStatus(e) === 404) return undefined;
    throw e;
  }
}

/** Starts flytepropeller and waits until it holds its leader Lease (a new renewTime with its identity). */
export async function startPropeller(o: PropellerOptions): Promise<RunningPropeller> {
  const bins = await ensureFlyteBinaries();
  const kc = kubeConfigFor(o.cluster);
  const dir = o.dir;
  const configDir = join(dir, 'config');
  mkdirSync(configDir, { recursive: true });
  const cm = await kc.makeApiClient(CoreV1Api).readNamespacedConfigMap({ name: 'flyte-propeller-config', namespace: o.namespace });
  for (const [key, text] of Object.entries(cm.data ?? {})) writeFileSync(join(configDir, key), text);
  const kubeconfig = join(dir, 'kubeconfig');
  ownKubeconfig(o.cluster, kubeconfig);
  const [profPort] = (await freePorts(1)) as [number];
  const log = join(dir, 'flytepropeller.log');
  const before = await readLease(kc, o.namespace);
  const fd = openSync(log, 'a');
  const child = spawn(
    bins.flytepropeller,
    [
      '--config',
      `${configDir}/*.yaml`,
      '--propeller.cluster-id',
      o.clusterId,
      '--propeller.kube-config',
      kubeconfig,
      '--propeller.prof-port',
      String(profPort),
    ],
    { cwd: dir, detached: true, stdio: ['ignore', fd, fd] },
  );
  closeSync(fd);
  const pid = child.pid!;
  let exited: string | undefined;
  child.on('exit', (code, signal) => {
    exited = signal ?? `exit ${code}`;
  });
  const stopOnExit = () => {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      /* gone */
    }
  };
  process.on('exit', stopOnExit);
  const kill = async () => {
    process.off('exit', stopOnExit);
    stopOnExit();
    for (let i = 0; i < 200 && exited === undefined; i++) await sleep(25);
  };
  const deadline = Date.now() + (o.readyTimeoutMs ?? 60_000);
  for (;;) {
    if (exited) throw new Error(`flytepropeller stopped (${exited}) before it took its leader lease; last lines of ${log}:\n${logTail(log)}`);
    const lease = await readLease(kc, o.namespace);
    const renewed = lease?.spec?.renewTime ? new Date(lease.spec.renewTime as unknown as string).getTime() : 0;
    const was = before?.spec?.renewTime ? new Date(before.spec.renewTime as unknown as string).getTime() : 0;
    if (lease?.spec?.holderIdentity && renewed > was) return { pid, log, dir, holder: lease.spec.holderIdentity, running: () => exited === undefined, kill };
    if (Date.now() > deadline) {
      await kill();
      throw new Error(
        `flytepropeller did not take Lease ${o.namespace}/${LEASE} within ${o.readyTimeoutMs ?? 60_000} ms; last lines of ${log}:\n${logTail(log)}`,
      );
    }
    await sleep(200);
  }
}

/** Plays a running flytepropeller once: its leader Lease renewed now by `holder`. */
export async function renewLease(kc: KubeConfig, namespace: string, holder: string): Promise<void> {
  const api = kc.makeApiClient(CoordinationV1Api);
  // a MicroTime: the API server wants six fraction digits (the client would send a Date's three)
  const now = new Date().toISOString().replace(/Z$/, '000Z') as unknown as Date;
  const spec = { holderIdentity: holder, leaseDurationSeconds: 15, renewTime: now, acquireTime: now } as V1Lease['spec'];
  const have = await readLease(kc, namespace);
  if (have) await api.replaceNamespacedLease({ name: LEASE, namespace, body: { ...have, spec: { ...have.spec, ...spec } } });
  else
    await api.createNamespacedLease({ namespace, body: { apiVersion: 'coordination.k8s.io/v1', kind: 'Lease', metadata: { name: LEASE, namespace }, spec } });
}
