// What every measured run must have produced, so that the figures compare the same work: the
// credentials volume mounted once in each of the three places, and the same clusters.yaml, with
// every cluster of the config, in both clusters ConfigMaps.
import { THREE_PLACES, credentialMounts, find, objects } from '../test/helpers/manifests.ts';
import { parseYaml } from '../plugin/yaml/dialect.ts';

export function checkOutput(text: string, clusters: number, documents?: number): string[] {
  const problems: string[] = [];
  let objs: ReturnType<typeof objects>;
  try {
    objs = objects(text);
  } catch (e) {
    return [`the output does not parse: ${(e as Error).message.split('\n')[0]}`];
  }
  if (documents !== undefined && objs.length !== documents) problems.push(`${objs.length} objects out, ${documents} in`);
  for (const place of THREE_PLACES) {
    try {
      const mounts = credentialMounts(objs, place);
      if (mounts.length !== 1 || mounts[0]!.secretName !== 'cluster-credentials')
        problems.push(`${place.deployment}/${place.container}: ${JSON.stringify(mounts)}`);
    } catch (e) {
      problems.push((e as Error).message);
    }
  }
  const texts = ['flyte-admin-clusters-config', 'flyte-clusterresourcesync-config'].map((n) => find(objs, 'ConfigMap', n)?.data?.['clusters.yaml']);
  if (texts[0] !== texts[1]) problems.push('the two ConfigMaps differ in clusters.yaml');
  const list = (parseYaml(String(texts[0] ?? '')) as { clusters?: { clusterConfigs?: unknown[] } } | null)?.clusters?.clusterConfigs;
  if (!Array.isArray(list) || list.length !== clusters)
    problems.push(`clusters.yaml lists ${Array.isArray(list) ? list.length : 'no'} clusters, not ${clusters}`);
  return problems;
}
