// The clusters `flytemc check` looks at: the values file's, the hub's deployed config's, join's records.
import type { ClusterConfig } from '../config/types.ts';
import { isObject } from '../yaml/data.ts';
import { parseUntrusted } from '../yaml/input.ts';
import { STREAM_INPUT } from '../yaml/limits.ts';
import type { ClusterList } from './check-report.ts';
import { readConfigMap } from './check-hub-reads.ts';
import type { ClusterRecord } from './hub.ts';
import type { Kube } from './kube.ts';

/** The clusters of a values file (the chart's `multicluster` block or flyte-core's `configmap.clusters`). */
export async function clustersFromFile(path: string, text: string): Promise<ClusterList> {
  const { configFromValues } = await import('../config/from-values.ts');
  const found = configFromValues(path, text);
  const raw = isObject(found.raw) ? found.raw : {};
  const configs = (cl: unknown): ClusterConfig[] => (isObject(cl) && Array.isArray(cl.clusterConfigs) ? (cl.clusterConfigs as ClusterConfig[]) : []);
  if (found.form !== 'multicluster') return { source: path, clusters: configs(raw) };
  const cred = isObject(raw.credentials) ? raw.credentials : {};
  return { source: path, clusters: configs(raw.clusters), ...(typeof cred.secretName === 'string' ? { secretName: cred.secretName } : {}) };
}

/** The clusters FlyteAdmin runs with: the hub's flyte-admin-clusters-config ConfigMap. */
export async function clustersDeployed(hub: Kube, ns: string): Promise<ClusterList | undefined> {
  const text = (await readConfigMap(hub, ns, 'flyte-admin-clusters-config'))?.['clusters.yaml'];
  if (!text) return undefined;
  const v = parseUntrusted(text, `hub ConfigMap ${ns}/flyte-admin-clusters-config clusters.yaml`, STREAM_INPUT) as {
    clusters?: { clusterConfigs?: ClusterConfig[] };
  } | null;
  return { source: `hub ConfigMap ${ns}/flyte-admin-clusters-config`, clusters: v?.clusters?.clusterConfigs ?? [] };
}

/** Where the list comes from when neither a values file nor the deployed config gives one. */
export const recordsSource = (ns: string, secretName: string): string => `what flytemc join recorded on Secret ${ns}/${secretName}`;

/** A cluster as join recorded it on the hub's Secret (one joined --auth is reached through a credential proxy, whose plugin only the values name). */
export const fromRecord = (name: string, r: ClusterRecord): ClusterConfig => ({
  name,
  endpoint: r.endpoint,
  enabled: true,
  ...(r.auth ? { credentialProxy: { exec: { command: '(see the values file)' } } } : {}),
});

/** The list's clusters, then those FlyteAdmin runs with or join recorded that the list lacks. */
export function everyCluster(list: ClusterList, deployed: ClusterList | undefined, records: Record<string, ClusterRecord>): ClusterConfig[] {
  const all: ClusterConfig[] = [...list.clusters];
  for (const c of deployed?.clusters ?? []) if (!all.some((x) => x.name === c.name)) all.push(c);
  for (const [name, r] of Object.entries(records)) if (!all.some((x) => x.name === name)) all.push(fromRecord(name, r));
  return all;
}
