// FlyteAdmin's `clusters` section as the control plane runs it: the hub's ConfigMap
// flyte-admin-clusters-config, which the post-renderer wrote and FlyteAdmin reads at start-up.
import { EXIT, FlytemcError, error } from '../problems.ts';
import { STREAM_INPUT } from '../limits.ts';
import { parseUntrusted } from '../yaml-input.ts';
import { connect, loadKubeConfig, readOrAbsent, type KubeOptions } from './kube.ts';
import { hubContextOf } from './session.ts';

const CLUSTERS_CONFIGMAP = 'flyte-admin-clusters-config';

interface DeployedClusters {
  /** The hub's kubeconfig context. */
  hub: string;
  /** `hub ConfigMap NS/NAME`, for messages. */
  source: string;
  /** The `clusters` section as FlyteAdmin reads it (clusterConfigs, labelClusterMap, defaultExecutionLabel). */
  clusters: unknown;
}

/** Reads the deployed section; refuses with the fix when the namespace holds no FlyteAdmin config. */
export async function deployedClusters(o: { kube: KubeOptions; kubeContext?: string; namespace: string }): Promise<DeployedClusters> {
  const kc = await loadKubeConfig(o.kube);
  const hub = hubContextOf(o.kubeContext, () => kc.getCurrentContext(), false);
  const k = await connect(hub, o.kube);
  const source = `hub ConfigMap ${o.namespace}/${CLUSTERS_CONFIGMAP}`;
  const cm = await readOrAbsent(k, `reading ConfigMap ${o.namespace}/${CLUSTERS_CONFIGMAP}`, () =>
    k.core.readNamespacedConfigMap({ name: CLUSTERS_CONFIGMAP, namespace: o.namespace }),
  );
  const text = cm?.data?.['clusters.yaml'];
  if (!text)
    throw new FlytemcError(
      [
        error(
          `context ${hub}`,
          `namespace ${o.namespace} has no FlyteAdmin multi-cluster config (${cm ? `${CLUSTERS_CONFIGMAP} has no clusters.yaml` : `no ConfigMap ${CLUSTERS_CONFIGMAP}`})`,
          "pass the control plane's namespace with -n, or install the control plane first: helm flytemc install control-plane -f shared-values.yaml -f my-values.yaml",
        ),
      ],
      EXIT.failed,
    );
  const doc = parseUntrusted(text, `${source} clusters.yaml`, STREAM_INPUT) as { clusters?: unknown } | null;
  return { hub, source, clusters: doc?.clusters ?? {} };
}
