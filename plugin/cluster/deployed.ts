// FlyteAdmin's `clusters` section as the control plane runs it: the hub's ConfigMaps the post-renderer wrote, and whether FlyteAdmin's pods run with them.
import type * as K8s from '@kubernetes/client-node';
import { EXIT, FlytemcError, error } from '../problems/problems.ts';
import { STREAM_INPUT } from '../yaml/limits.ts';
import { parseUntrusted } from '../yaml/input.ts';
import { isYamlError } from '../yaml/dialect.ts';
import type { ClusterConfig } from '../config/types.ts';
import { connect, readOrAbsent, type Kube } from './kube.ts';
import { loadKubeConfig, type KubeOptions } from './kubeconfig.ts';
import { rolloutState } from './rollout.ts';
import { hubContextOf } from './session.ts';
import { noted } from './tls-note.ts';

const CLUSTERS_CONFIGMAP = 'flyte-admin-clusters-config';

interface DeployedClusters {
  /** The hub's kubeconfig context. */
  hub: string;
  /** `hub ConfigMap NS/NAME`, for messages. */
  source: string;
  /** The `clusters` section as FlyteAdmin reads it (clusterConfigs, labelClusterMap, defaultExecutionLabel). */
  clusters: unknown;
}

/** The hub, through the operator's kubeconfig: --kube-context, else the current context. */
export async function connectHub(o: { kube: KubeOptions; kubeContext?: string | undefined }): Promise<Kube> {
  const kc = await loadKubeConfig(o.kube);
  return connect(
    hubContextOf(o.kubeContext, () => kc.getCurrentContext(), false),
    o.kube,
  );
}

/** FlyteAdmin's deployed section, read from `hub`; refuses with the fix when the namespace holds no FlyteAdmin config. */
export async function readDeployedClusters(k: Kube, namespace: string): Promise<DeployedClusters> {
  const source = `hub ConfigMap ${namespace}/${CLUSTERS_CONFIGMAP}`;
  const cm = await readOrAbsent(k, `reading ConfigMap ${namespace}/${CLUSTERS_CONFIGMAP}`, () =>
    k.core.readNamespacedConfigMap({ name: CLUSTERS_CONFIGMAP, namespace }),
  );
  const text = cm?.data?.['clusters.yaml'];
  if (!text)
    throw new FlytemcError(
      [
        error(
          { subject: noted(`context ${k.context}`, k.tlsVerified !== false), code: 'cluster.not-deployed' },
          `namespace ${namespace} has no FlyteAdmin multi-cluster config (${cm ? `${CLUSTERS_CONFIGMAP} has no clusters.yaml` : `no ConfigMap ${CLUSTERS_CONFIGMAP}`})`,
          "pass the control plane's namespace with -n, or install the control plane first: helm flytemc install control-plane -f shared-values.yaml -f my-values.yaml",
        ),
      ],
      EXIT.failed,
    );
  const doc = parseUntrusted(text, `${source} clusters.yaml`, STREAM_INPUT) as { clusters?: unknown } | null;
  return { hub: k.context, source, clusters: doc?.clusters ?? {} };
}

/** The deployed section, from a new connection to the hub. */
export async function deployedClusters(o: { kube: KubeOptions; kubeContext?: string; namespace: string }): Promise<DeployedClusters> {
  return readDeployedClusters(await connectHub(o), o.namespace);
}

interface DeployedList {
  /** The ConfigMap's name. */
  name: string;
  clusters: ClusterConfig[];
  /** The Helm release that owns it, when it says. */
  release?: string;
}

/** The ConfigMaps FlyteAdmin runs with (every one with clusters.yaml) and the clusters each lists. */
export async function deployedLists(hub: Kube, ns: string): Promise<DeployedList[]> {
  const all = await hub.call(`listing ConfigMaps in ${ns}`, () => hub.core.listNamespacedConfigMap({ namespace: ns }));
  const lists: DeployedList[] = [];
  for (const cm of all.items) {
    const text = cm.data?.['clusters.yaml'];
    if (!text) continue;
    let clusters: ClusterConfig[] = [];
    try {
      const v = parseUntrusted(text, `hub ConfigMap ${ns}/${cm.metadata?.name} clusters.yaml`, STREAM_INPUT) as {
        clusters?: { clusterConfigs?: ClusterConfig[] };
      } | null;
      clusters = Array.isArray(v?.clusters?.clusterConfigs) ? v.clusters.clusterConfigs : [];
    } catch (e) {
      if (!isYamlError(e)) throw e; // not ours to judge here; `check` reports it
    }
    const release = cm.metadata?.annotations?.['meta.helm.sh/release-name'];
    lists.push({ name: cm.metadata?.name ?? '?', clusters, ...(release ? { release } : {}) });
  }
  return lists;
}

/** When an object was last written other than through its status (managedFields), in ms; undefined when it does not say. */
function writtenAt(o: { metadata?: K8s.V1ObjectMeta }): number | undefined {
  const times = (o.metadata?.managedFields ?? []).filter((f) => !f.subresource && f.time).map((f) => new Date(f.time as unknown as string).getTime());
  return times.length ? Math.max(...times) : undefined;
}

/**
 * Why FlyteAdmin may still send new executions to `name` (undefined once it cannot): its deployed
 * config still has it enabled, or FlyteAdmin's pods do not all run that config yet (the Deployment
 * not written since the ConfigMap, or its rollout not done).
 */
export async function cordonPending(hub: Kube, ns: string, name: string): Promise<string | undefined> {
  const cm = await readOrAbsent(hub, `reading ConfigMap ${ns}/${CLUSTERS_CONFIGMAP}`, () =>
    hub.core.readNamespacedConfigMap({ name: CLUSTERS_CONFIGMAP, namespace: ns }),
  );
  const text = cm?.data?.['clusters.yaml'];
  if (!cm || !text) return undefined; // no FlyteAdmin here: nothing sends work anywhere
  const doc = parseUntrusted(text, `hub ConfigMap ${ns}/${CLUSTERS_CONFIGMAP} clusters.yaml`, STREAM_INPUT) as {
    clusters?: { clusterConfigs?: ClusterConfig[] };
  } | null;
  const entry = (doc?.clusters?.clusterConfigs ?? []).find((c) => c?.name === name);
  if (entry?.enabled === true)
    return `its deployed config (hub ConfigMap ${ns}/${CLUSTERS_CONFIGMAP}) still has ${name} enabled: upgrade the control plane with the cordoned values`;
  const d = await readOrAbsent(hub, `reading Deployment ${ns}/flyteadmin`, () => hub.apps.readNamespacedDeployment({ name: 'flyteadmin', namespace: ns }));
  if (!d) return undefined;
  const [cmAt, dAt] = [writtenAt(cm), writtenAt(d)];
  // Helm writes the ConfigMap first, then the Deployment whose configChecksum makes the pods restart
  if (cmAt !== undefined && dAt !== undefined && dAt < cmAt) return `Deployment ${ns}/flyteadmin has not been updated since its config changed`;
  const state = rolloutState(d);
  return state.done ? undefined : `Deployment ${ns}/flyteadmin: ${state.failed ?? state.waiting}`;
}
