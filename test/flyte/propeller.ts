// A data plane's real FlytePropeller v1.16.8, run from its stored Deployment and ConfigMap (the pod
// runner, pod.ts) against that harness cluster, with a free profiling port of its own; ready once it
// holds its leader Lease. And, for tests that need a live propeller without running one (the
// harness runs no pods), `renewLease` plays a running one once.
//
//   const p = await startPropeller({ cluster, root, dir });  // holds and renews Lease flyte/propeller-leader
//   await p.service.kill();                                  // SIGKILL: the lease is left to expire
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CoordinationV1Api, type KubeConfig, type V1Lease } from '@kubernetes/client-node';
import { HarnessError } from '../harness/build.ts';
import { freePorts, logTail, type ClusterInfo } from '../harness/cluster.ts';
import { apiStatus, kubeConfigFor } from '../harness/kube.ts';
import { ensureFlyteBinaries, type FlyteBinaries } from './binaries.ts';
import { LocalPod } from './pod.ts';
import type { Service } from './service.ts';

const LEASE = 'propeller-leader';
const NAMESPACE = 'flyte';

export interface Propeller {
  pod: LocalPod;
  service: Service;
  /** The identity it wrote into its leader Lease. */
  holder: string;
  /** Reads its Deployment and volumes again, restarts it and waits for its lease; `extraArgs` are added for this host. */
  restart(extraArgs?: string[]): Promise<void>;
  stop(): Promise<void>;
}

interface PropellerOptions {
  /** The data plane: its Deployment flyte/flytepropeller, and the cluster it works on. */
  cluster: ClusterInfo;
  /** The test's folder (mount paths inside it are used as they are). */
  root: string;
  /** The pod's folder. */
  dir: string;
  bins?: FlyteBinaries;
  /** How long to wait for it to hold its leader Lease (default 60 s). */
  readyTimeoutMs?: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function readLease(kc: KubeConfig, namespace: string): Promise<V1Lease | undefined> {
  try {
    return await kc.makeApiClient(CoordinationV1Api).readNamespacedLease({ name: LEASE, namespace });
  } catch (e) {
    if (apiStatus(e) === 404) return undefined;
    throw e;
  }
}

const renewedAt = (l: V1Lease | undefined) => (l?.spec?.renewTime ? new Date(l.spec.renewTime as unknown as string).getTime() : 0);

/** Waits until `service` holds the Lease with a renewal newer than `before`; returns the holder. */
async function leaseTaken(kc: KubeConfig, service: Service, before: V1Lease | undefined, timeoutMs: number): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (service.exited)
      throw new HarnessError(
        `flytepropeller stopped (${service.exited}) before it took its leader lease; last lines of ${service.log}:\n${logTail(service.log)}`,
      );
    const lease = await readLease(kc, NAMESPACE);
    if (lease?.spec?.holderIdentity && renewedAt(lease) > renewedAt(before)) return lease.spec.holderIdentity;
    if (Date.now() > deadline) {
      await service.kill();
      throw new HarnessError(
        `flytepropeller did not take Lease ${NAMESPACE}/${LEASE} within ${timeoutMs / 1000} s; last lines of ${service.log}:\n${logTail(service.log)}`,
      );
    }
    await sleep(200);
  }
}

/** Starts the data plane's flytepropeller and waits until it holds its leader Lease. */
export async function startPropeller(o: PropellerOptions): Promise<Propeller> {
  const kc = kubeConfigFor(o.cluster);
  mkdirSync(o.dir, { recursive: true });
  const kubeconfig = join(o.dir, 'kubeconfig');
  writeFileSync(kubeconfig, kc.exportConfig(), { mode: 0o600 });
  const pod = await LocalPod.load({
    kc,
    kubeconfigPath: kubeconfig,
    namespace: NAMESPACE,
    deployment: 'flytepropeller',
    root: o.root,
    dir: o.dir,
    bins: o.bins ?? (await ensureFlyteBinaries()),
  });
  const [prof] = await freePorts(1);
  const base = ['--propeller.kube-config', kubeconfig, '--propeller.prof-port', String(prof)];
  const timeout = o.readyTimeoutMs ?? 60_000;
  const start = async (extra: string[]) => {
    const before = await readLease(kc, NAMESPACE);
    const service = pod.start('flytepropeller', { extraArgs: [...base, ...extra] });
    return { service, holder: await leaseTaken(kc, service, before, timeout) };
  };
  const first = await start([]);
  const p: Propeller = {
    pod,
    ...first,
    async restart(extraArgs = []) {
      await p.service.stop();
      await pod.refresh();
      Object.assign(p, await start(extraArgs));
    },
    stop: () => p.service.stop(),
  };
  return p;
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
