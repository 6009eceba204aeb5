// The control plane's patch stage: the RFC 6902 operations that wire the config into flyte-core's objects.
import { createHash } from 'node:crypto';
import fjp from 'fast-json-patch';
import type { Operation } from 'fast-json-patch';
import { isProxied, isProxyKey, PROXY_VOLUME, proxyData, proxyVolume, sidecar, type WiredProxy } from '../config/credential-proxy.ts';
import type { Config } from '../config/types.ts';
import { escapeSegment, trimSlashes } from '../yaml/json-pointer.ts';
import { dumpYaml, parseYaml } from '../yaml/dialect.ts';
import { CLUSTERS_KEY, clustersYamlOf, configMapsOfVolume, podOf, type Targets } from './find.ts';
import type { Doc } from './stream.ts';
import { isObject, sameData } from '../yaml/data.ts';

export interface DocPatch {
  doc: Doc;
  ops: Operation[];
}

type Target = Targets['deployments'][number];
const BASE = '/spec/template/spec';
const CHECKSUM = 'configChecksum';
/** flyte-core's syncresources mounts this volume of this Secret when labelClusterMap is non-empty. */
const CHART_VOLUME = 'cluster-secrets';
const CHART_SECRET = 'cluster-credentials';

function clustersYaml(config: Config): string {
  return dumpYaml({ clusters: config.clusters });
}

/** `wantJson` is the JSON of `want` parsed, computed at most once for all ConfigMaps. */
function sameClusters(cm: Doc, want: string, wantJson: () => string): boolean {
  const text = (cm.value as { data: Record<string, unknown> }).data[CLUSTERS_KEY];
  if (typeof text !== 'string') return false;
  if (text === want) return true;
  const parsed = clustersYamlOf(cm);
  return !('error' in parsed) && JSON.stringify(parsed.value) === wantJson();
}

function configMapPatch(doc: Doc, want: string, wantJson: () => string, proxies: Record<string, string>): Operation[] {
  const data = (doc.value as { data: Record<string, unknown> }).data;
  const ops: Operation[] = sameClusters(doc, want, wantJson) ? [] : [{ op: 'replace', path: `/data/${escapeSegment(CLUSTERS_KEY)}`, value: want }];
  for (const [k, v] of Object.entries(proxies)) if (data[k] !== v) ops.push({ op: k in data ? 'replace' : 'add', path: `/data/${escapeSegment(k)}`, value: v });
  for (const k of Object.keys(data)) if (isProxyKey(k) && !(k in proxies)) ops.push({ op: 'remove', path: `/data/${escapeSegment(k)}` });
  return ops;
}

const isSidecarOfProxy = (c: unknown) => isObject(c) && typeof c.name === 'string' && c.restartPolicy === 'Always' && isProxyKey(c.name);

/**
 * The proxies' sidecars (first among the init containers, as the kubelet starts them in order and
 * sync-cluster-resources needs them up) and their volume, against the pod as the operations before
 * left it; none when it is so already, and the old ones out when no cluster is proxied any more.
 */
function proxyPatch(target: Target, before: Operation[], proxied: WiredProxy[], secretName: string, cmNames: Set<string>): Operation[] {
  const rendered = podOf(target.doc);
  const ours = (rendered.initContainers ?? []).some(isSidecarOfProxy) || (rendered.volumes ?? []).some((v) => isObject(v) && v.name === PROXY_VOLUME);
  if (!proxied.length && !ours) return []; // the common case: no proxy, none to take away
  const pod = podOf({ value: fjp.applyPatch(structuredClone(target.doc.value), before, false, false).newDocument } as Doc);
  const init = Array.isArray(pod.initContainers) ? pod.initContainers : [];
  const wanted = [...proxied.map(sidecar), ...init.filter((c) => !isSidecarOfProxy(c))];
  const ops: Operation[] = [];
  const volumes = Array.isArray(pod.volumes) ? pod.volumes : [];
  const vi = volumes.findIndex((v) => isObject(v) && v.name === PROXY_VOLUME);
  if (proxied.length) {
    const configMap = volumes.flatMap((v) => (isObject(v) ? configMapsOfVolume(v) : [])).find((n) => cmNames.has(n))!;
    const volume = proxyVolume(configMap, secretName, proxied);
    if (vi < 0)
      ops.push(Array.isArray(pod.volumes) ? { op: 'add', path: `${BASE}/volumes/-`, value: volume } : { op: 'add', path: `${BASE}/volumes`, value: [volume] });
    else if (!sameData(volumes[vi], volume)) ops.push({ op: 'replace', path: `${BASE}/volumes/${vi}`, value: volume });
  }
  if (!sameData(init, wanted))
    ops.push(
      wanted.length
        ? { op: Array.isArray(pod.initContainers) ? 'replace' : 'add', path: `${BASE}/initContainers`, value: wanted }
        : { op: 'remove', path: `${BASE}/initContainers` }, // only sidecars of ours were there
    );
  if (!proxied.length && vi >= 0) ops.push({ op: 'remove', path: `${BASE}/volumes/${vi}` });
  return ops;
}

function freeVolumeName(pod: ReturnType<typeof podOf>): string {
  const taken = new Set((pod.volumes ?? []).map((v) => v.name));
  for (const n of ['cluster-credentials', 'flytemc-cluster-credentials']) if (!taken.has(n)) return n;
  let i = 2;
  while (taken.has(`flytemc-cluster-credentials-${i}`)) i++;
  return `flytemc-cluster-credentials-${i}`;
}

/**
 * One volume for the Secret: reuse one that names it, else the one mounted at mountPath, else
 * flyte-core's hard-coded `cluster-secrets` (Secret cluster-credentials), else add one.
 * `fromChart`: the volume is flyte-core's hard-coded one, whose other mounts must go.
 */
function credentialVolume(target: Target, secretName: string, mountPath: string): { ops: Operation[]; name: string; fromChart: boolean } {
  const pod = podOf(target.doc);
  const volumes = Array.isArray(pod.volumes) ? pod.volumes : [];
  const chartVolume = volumes.findIndex((v) => v.name === CHART_VOLUME && isObject(v.secret) && v.secret.secretName === CHART_SECRET);
  const ops: Operation[] = [];
  let vi = volumes.findIndex((v) => isObject(v.secret) && v.secret.secretName === secretName);
  if (vi < 0) {
    const mountedThere = new Set(
      target.containers.flatMap((c) =>
        (pod[c.list]![c.index]!.volumeMounts ?? []).filter((m) => trimSlashes(m.mountPath) === trimSlashes(mountPath)).map((m) => m.name),
      ),
    );
    vi = volumes.findIndex((v) => mountedThere.has(String(v.name)) && isObject(v.secret));
    if (vi < 0) vi = chartVolume;
    if (vi >= 0) ops.push({ op: 'replace', path: `${BASE}/volumes/${vi}/secret/secretName`, value: secretName });
  }
  if (vi >= 0) return { ops, name: String(volumes[vi]!.name), fromChart: vi === chartVolume };
  const volume = { name: freeVolumeName(pod), secret: { secretName } };
  ops.push(Array.isArray(pod.volumes) ? { op: 'add', path: `${BASE}/volumes/-`, value: volume } : { op: 'add', path: `${BASE}/volumes`, value: [volume] });
  return { ops, name: volume.name, fromChart: false };
}

/** Exactly one mount of the volume at mountPath in one container (and none of flyte-core's hard-coded volume elsewhere, once it is ours). */
function mountOps(target: Target, c: Target['containers'][number], mountPath: string, volume: { name: string; fromChart: boolean }): Operation[] {
  const container = podOf(target.doc)[c.list]![c.index]!;
  const norm = trimSlashes;
  const cpath = `${BASE}/${c.list}/${c.index}/volumeMounts`;
  const mounts = Array.isArray(container.volumeMounts) ? container.volumeMounts : [];
  const there = mounts.map((m, i) => ({ m, i })).filter(({ m }) => isObject(m) && typeof m.mountPath === 'string' && norm(m.mountPath) === norm(mountPath));
  const remove = new Set<number>(there.slice(1).map((t) => t.i)); // k8s refuses two mounts at one path
  if (volume.fromChart) {
    mounts.forEach((m, i) => {
      if (m.name === volume.name && norm(m.mountPath) !== norm(mountPath)) remove.add(i);
    });
  }
  const ops: Operation[] = [];
  if (there.length === 0) {
    const mount = { mountPath, name: volume.name, readOnly: true };
    ops.push(Array.isArray(container.volumeMounts) ? { op: 'add', path: `${cpath}/-`, value: mount } : { op: 'add', path: cpath, value: [mount] });
  } else if (there[0]!.m.name !== volume.name) {
    ops.push({ op: 'replace', path: `${cpath}/${there[0]!.i}/name`, value: volume.name });
  }
  // removals last, highest index first, so the indexes above still hold
  for (const i of [...remove].sort((a, b) => b - a)) ops.push({ op: 'remove', path: `${cpath}/${i}` });
  return ops;
}

/** A Deployment that reads the clusters config: the credentials volume, its mounts, the proxies' sidecars, a new checksum. */
function deploymentPatch(target: Target, config: Config, changed: Map<string, string>, proxied: WiredProxy[], cmNames: Set<string>): Operation[] {
  const { secretName, mountPath } = config.credentials;
  const volume = credentialVolume(target, secretName, mountPath);
  const ops = [...volume.ops];
  for (const c of target.containers) ops.push(...mountOps(target, c, mountPath, volume));
  ops.push(...proxyPatch(target, ops, proxied, secretName, cmNames));
  // roll the pods when the clusters they read changed
  ops.push(...checksumOps(target.doc, changed));
  return ops;
}

/**
 * A new configChecksum for a Deployment whose pods read one of the `changed` ConfigMaps (name →
 * new content), so that an upgrade rolls them; none when they read none of them.
 */
export function checksumOps(doc: Doc, changed: Map<string, string>): Operation[] {
  const pod = podOf(doc);
  const volumes = Array.isArray(pod.volumes) ? pod.volumes : [];
  const reads = volumes.flatMap((v) => configMapsOfVolume(v)).filter((n) => changed.has(n));
  if (!reads.length) return [];
  const meta = (doc.value as { spec: { template: { metadata?: { annotations?: Record<string, string> | null } } } }).spec.template.metadata;
  const old = meta?.annotations?.[CHECKSUM] ?? '';
  const hash = createHash('sha256').update(old).update('\n');
  for (const n of reads.sort()) hash.update(n).update('\n').update(changed.get(n)!);
  const value = hash.digest('hex').slice(0, 63);
  if (!meta) return [{ op: 'add', path: '/spec/template/metadata', value: { annotations: { [CHECKSUM]: value } } }];
  if (!isObject(meta.annotations)) return [{ op: 'add', path: '/spec/template/metadata/annotations', value: { [CHECKSUM]: value } }];
  return [{ op: meta.annotations[CHECKSUM] === undefined ? 'add' : 'replace', path: `/spec/template/metadata/annotations/${CHECKSUM}`, value }];
}

/**
 * The operations, per document, computed against what is there (a second run computes none);
 * nothing is changed yet. Both clusters ConfigMaps get the same clusters.yaml; every container that
 * reads it gets exactly one mount of the credentials Secret, whatever flyte-core rendered (it skips
 * two of the three places when labelClusterMap is empty); proxied clusters get their kubeconfig and
 * sidecar; the pods' configChecksum changes with the clusters they read, so an upgrade rolls them.
 */
export function computePatches(targets: Targets, config: Config): DocPatch[] {
  const want = clustersYaml(config);
  let json: string | undefined;
  const wantJson = () => (json ??= JSON.stringify(parseYaml(want)));
  const patches: DocPatch[] = [];
  const changed = new Map<string, string>();
  const proxied = config.clusters.clusterConfigs.filter(isProxied) as WiredProxy[];
  const proxies = proxyData(proxied);
  const cmNames = new Set(targets.configMaps.map((d) => String((d.value as { metadata: { name: string } }).metadata.name)));
  for (const doc of targets.configMaps) {
    const ops = configMapPatch(doc, want, wantJson, proxies);
    if (ops.length) {
      patches.push({ doc, ops });
      changed.set(String((doc.value as { metadata: { name: string } }).metadata.name), want + JSON.stringify(proxies));
    }
  }
  for (const t of targets.deployments) {
    const ops = deploymentPatch(t, config, changed, proxied, cmNames);
    if (ops.length) patches.push({ doc: t.doc, ops });
  }
  return patches;
}

export function applyPatches(patches: DocPatch[]): void {
  for (const p of patches) {
    fjp.applyPatch(p.doc.value, p.ops, true, true);
    p.doc.changed = true;
  }
}
