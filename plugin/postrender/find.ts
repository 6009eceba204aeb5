// The control plane's find stage: the objects of the release that flytemc wires, and the config.
import { PROXY_VOLUME } from '../config/credential-proxy.ts';
import type { FoundConfig } from '../config/types.ts';
import { STREAM_INPUT } from '../yaml/limits.ts';
import { error, warning, FlytemcError, type Problem } from '../problems/problems.ts';
import { parseUntrusted } from '../yaml/input.ts';
import { isYamlError, type YAMLException } from '../yaml/dialect.ts';
import { isNamed, kindOf, mayMention, nameOf, objectAt, objectName, type Doc, type K8sObject } from './stream.ts';
import { isObject } from '../yaml/data.ts';

export const CONFIG_API_GROUP = 'flytemc.io';
export const CONFIG_KIND = 'MultiClusterConfig';
export const CLUSTERS_KEY = 'clusters.yaml';
const ADMIN_CLUSTERS_CONFIGMAP = 'flyte-admin-clusters-config';

export interface Pod {
  volumes?: Array<Record<string, unknown>> | null;
  containers: Container[];
  initContainers?: Container[] | null;
}
interface Container {
  name: string;
  volumeMounts?: Array<{ name: string; mountPath: string; [k: string]: unknown }> | null;
  [k: string]: unknown;
}

export interface Targets {
  /** ConfigMaps that carry FlyteAdmin's clusters.yaml (flyte-admin-clusters-config, flyte-clusterresourcesync-config). */
  configMaps: Doc[];
  /** Deployments whose pods mount one of those ConfigMaps, with the containers that do. */
  deployments: Array<{ doc: Doc; containers: Array<{ list: 'containers' | 'initContainers'; index: number; name: string }> }>;
  /** The FlyteAdmin Deployment (its main container is named flyteadmin). */
  admin: Doc;
  /** Secrets in the stream, not parsed: one is read by name (secretNamed). */
  secrets: Doc[];
}

export const podOf = (d: Doc) => (d.value as { spec: { template: { spec: Pod } } }).spec.template.spec;

/** ConfigMap names a pod's volume reads (directly or through a projected volume). */
export function configMapsOfVolume(v: Record<string, unknown>): string[] {
  const names: string[] = [];
  const cm = v.configMap;
  if (isObject(cm) && typeof cm.name === 'string') names.push(cm.name);
  const projected = v.projected;
  if (isObject(projected) && Array.isArray(projected.sources)) {
    for (const s of projected.sources) if (isObject(s) && isObject(s.configMap) && typeof s.configMap.name === 'string') names.push(s.configMap.name);
  }
  return names;
}

const parsedClusters = new WeakMap<Doc, { value: unknown } | { error: YAMLException }>();

/**
 * A clusters ConfigMap's clusters.yaml, parsed once per run within the input limits
 * (yaml/input.ts: a `*` alias bomb in it is refused, not expanded); invalid YAML is kept as its
 * error, for the stage that reads it to report. Not a string: no value.
 */
export function clustersYamlOf(cm: Doc): { value: unknown } | { error: YAMLException } {
  let r = parsedClusters.get(cm);
  if (!r) {
    const text = (cm.value as { data: Record<string, unknown> }).data[CLUSTERS_KEY];
    try {
      r = { value: typeof text === 'string' ? parseUntrusted(text, `${objectName(cm)} /data/${CLUSTERS_KEY}`, STREAM_INPUT) : undefined };
    } catch (e) {
      if (!isYamlError(e)) throw e;
      r = { error: e };
    }
    parsedClusters.set(cm, r);
  }
  return r;
}

export function findTargets(docs: Doc[]): Targets {
  const configMaps = docs.filter(
    (d) =>
      kindOf(d) === 'ConfigMap' &&
      mayMention(d, CLUSTERS_KEY) &&
      isObject((d.value as { data?: unknown }).data) &&
      CLUSTERS_KEY in (d.value as { data: object }).data,
  );
  const cmNames = new Set(configMaps.map(nameOf));
  // a Deployment that mounts one of them names it
  const names = [...cmNames];
  const mountsOne = (d: Doc) => names.some((n) => n === undefined || mayMention(d, n));
  const deployments: Targets['deployments'] = [];
  const readers: Doc[] = [];
  for (const d of docs) {
    if (kindOf(d) !== 'Deployment' || !mountsOne(d)) continue;
    const pod = (d.value as { spec?: { template?: { spec?: Pod } } }).spec?.template?.spec;
    if (!isObject(pod)) continue;
    const vols = Array.isArray(pod.volumes) ? pod.volumes : [];
    // the credential proxies' volume reads their kubeconfigs from it, not FlyteAdmin's config
    const configVolumes = new Set(
      vols.filter((v) => isObject(v) && v.name !== PROXY_VOLUME && configMapsOfVolume(v).some((n) => cmNames.has(n))).map((v) => v.name),
    );
    if (configVolumes.size === 0) continue;
    readers.push(d);
    const containers: Targets['deployments'][number]['containers'] = [];
    for (const list of ['initContainers', 'containers'] as const) {
      const cs = pod[list];
      if (!Array.isArray(cs)) continue;
      cs.forEach((c, index) => {
        if (isObject(c) && Array.isArray(c.volumeMounts) && c.volumeMounts.some((m) => isObject(m) && configVolumes.has(m.name))) {
          containers.push({ list, index, name: String(c.name) });
        }
      });
    }
    if (containers.length) deployments.push({ doc: d, containers });
  }
  const twice = duplicates([...configMaps, ...readers]);
  if (twice.length) throw new FlytemcError(twice);
  const admin = deployments.find((t) => t.containers.some((c) => c.list === 'containers' && c.name === 'flyteadmin'))?.doc;
  // without a clusters ConfigMap no Deployment mounts one, so there is no FlyteAdmin either
  if (!admin) {
    throw new FlytemcError([
      error(
        { code: 'wiring.no-flyteadmin', subject: 'the rendered manifests' },
        'no FlyteAdmin: the stream has no Deployment with a `flyteadmin` container that mounts the clusters ConfigMap',
        'flytemc post-renders a flyte-multicluster control plane (-f values-controlplane.yaml) or data plane (-f values-dataplane.yaml, whose MultiClusterConfig says where FlyteAdmin is)',
      ),
    ]);
  }
  const secrets = docs.filter((d) => kindOf(d) === 'Secret');
  return { configMaps, deployments, admin, secrets };
}

/** Two documents of one object among those flytemc wires: the API server keeps one, and the other's wiring would be lost. */
function duplicates(docs: Doc[]): Problem[] {
  const seen = new Map<string, Doc>();
  const out: Problem[] = [];
  for (const d of docs) {
    const v = d.value as K8sObject;
    const key = `${kindOf(d)}/${v.metadata?.namespace ?? ''}/${v.metadata?.name ?? ''}`;
    const first = seen.get(key);
    if (!first) seen.set(key, d);
    else
      out.push(
        error(
          objectAt(d, 'stream.duplicate'),
          `the stream holds this object twice (also ${objectName(first)}): the API server keeps one of them, and the wiring of the other is lost`,
          'render each object once: remove the duplicate (e.g. a second chart or template that renders it too)',
        ),
      );
  }
  return out;
}

/** The Secret of that name in the stream (the last, as Kubernetes keeps the last one applied); parses only the Secrets that can bear the name. */
export function secretNamed(targets: Targets, name: string): Doc | undefined {
  for (let i = targets.secrets.length - 1; i >= 0; i--) {
    const d = targets.secrets[i]!;
    if (isNamed(d, 'Secret', name)) return d;
  }
  return undefined;
}

/**
 * The config, from `--config FILE`, else the chart's MultiClusterConfig document (consumed: it never
 * reaches the cluster), else flyte-core's own clusters ConfigMap (a plain flyte-core install, or
 * flytemc's own output, which makes post-rendering twice the same as once).
 */
export function findConfig(docs: Doc[], targets: Targets, fromFile: FoundConfig | undefined): { found: FoundConfig; problems: Problem[] } {
  const problems: Problem[] = [];
  const configDocs = docs.filter((d) => kindOf(d) === CONFIG_KIND && String((d.value as K8sObject).apiVersion ?? '').startsWith(CONFIG_API_GROUP + '/'));
  for (const d of configDocs) d.dropped = true;
  if (configDocs.length > 1) {
    throw new FlytemcError([
      error(
        objectAt(configDocs[1]!, 'stream.config-count'),
        `the stream has ${configDocs.length} ${CONFIG_KIND} documents; there must be one`,
        'render one flyte-multicluster control plane per release',
      ),
    ]);
  }
  if (fromFile) {
    if (configDocs.length)
      problems.push(
        warning(objectAt(configDocs[0]!, 'wiring.config-ignored'), `the chart's ${CONFIG_KIND} is ignored: --config ${fromFile.source.label} is used instead`),
      );
    return { found: fromFile, problems };
  }
  const doc = configDocs[0];
  if (doc) {
    const v = doc.value as K8sObject;
    return { found: { source: { label: objectName(doc), base: '/spec', at: objectAt(doc) }, form: 'multicluster', raw: v.spec ?? null }, problems };
  }
  // No config given: the clusters that flyte-core itself rendered (or flytemc wrote before).
  const cm = targets.configMaps.find((d) => nameOf(d) === ADMIN_CLUSTERS_CONFIGMAP) ?? targets.configMaps[0]!;
  const clustersYaml = clustersYamlOf(cm);
  if ('error' in clustersYaml)
    throw new FlytemcError([error(objectAt(cm, 'wiring.clusters-yaml', `/data/${CLUSTERS_KEY}`), `invalid YAML: ${clustersYaml.error.reason}`)]);
  const parsed = clustersYaml.value;
  const clusters = isObject(parsed) ? parsed.clusters : undefined;
  const list = isObject(clusters) ? clusters.clusterConfigs : undefined;
  if (!Array.isArray(list) || list.length === 0) {
    throw new FlytemcError([
      error(
        { code: 'wiring.no-config', subject: 'the rendered manifests' },
        "no multi-cluster config: no --config FILE, no MultiClusterConfig document from the flyte-multicluster chart, and flyte-core's clusters.yaml lists no cluster",
        "pass --config values.yaml (with a `multicluster:` block or flyte-core's `configmap.clusters`), or install the flyte-multicluster chart with -f values-controlplane.yaml",
      ),
    ]);
  }
  const pod = podOf(targets.admin);
  const main = pod.containers.find((c) => c.name === 'flyteadmin')!;
  const label = `${objectName(cm)} data.${CLUSTERS_KEY}`;
  const mounts = `/spec/template/spec/containers/${pod.containers.indexOf(main)}/volumeMounts`;
  return {
    found: {
      // a file inside the ConfigMap: its pointers are not fields of the object
      source: { label, base: '/clusters', at: { file: label, streamLine: cm.line } },
      form: 'stream',
      raw: clusters,
      volumes: { value: pod.volumes ?? [], where: (p) => objectAt(targets.admin, undefined, `/spec/template/spec/volumes${p}`) },
      mounts: { value: main.volumeMounts ?? [], where: (p) => objectAt(targets.admin, undefined, mounts + p) },
    },
    problems,
  };
}
