// Stage 4, patch: the RFC 6902 operations that wire the config into flyte-core's objects.
//  - both clusters ConfigMaps get the same clusters.yaml;
//  - every container that reads that ConfigMap (FlyteAdmin, its sync-cluster-resources init
//    container, and syncresources) gets exactly one mount of the credentials Secret, whatever
//    flyte-core rendered (it skips two of the three when labelClusterMap is empty, and
//    hard-codes the Secret `cluster-credentials` for syncresources);
//  - the pods' configChecksum changes with the clusters they read, so an upgrade rolls them.
// Operations are computed against what is there, so a second run computes none.
import fjp from 'fast-json-patch';
import type { Operation } from 'fast-json-patch';
import type { Config } from '../config/types.ts';
import { dumpYaml, parseYaml } from '../yaml.ts';
import { CLUSTERS_KEY, configMapsOfVolume, podOf, type Targets } from './find.ts';
import { isObject, type Doc } from './stream.ts';

export interface DocPatch {
  doc: Doc;
  ops: Operation[];
}

export const CHECKSUM = 'configChecksum';
/** flyte-core's syncresources mounts this volume of this Secret when labelClusterMap is non-empty. */
const CHART_VOLUME = 'cluster-secrets';
const CHART_SECRET = 'cluster-credentials';
const escape = (s: string) => s.replace(/~/g, '~0').replace(/\//g, '~1');

// SHA-256 (FIPS 180-4) of UTF-8 text, hex. Written out rather than node:crypto, whose 18 internal
// modules cost the post-renderer about 3 ms of its start-up (bench/, docs/benchmarks.md).
const K = [
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
  0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
  0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
];

export function sha256Hex(parts: string[]): string {
  const enc = new TextEncoder();
  const chunks = parts.map((p) => enc.encode(p));
  const len = chunks.reduce((n, c) => n + c.length, 0);
  const total = (len + 9 + 63) & ~63;
  const bytes = new Uint8Array(total);
  let off = 0;
  for (const c of chunks) {
    bytes.set(c, off);
    off += c.length;
  }
  bytes[len] = 0x80;
  const view = new DataView(bytes.buffer);
  view.setUint32(total - 8, Math.floor(len / 0x20000000));
  view.setUint32(total - 4, (len * 8) >>> 0);
  const h = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19];
  const w = new Uint32Array(64);
  const rotr = (x: number, n: number) => (x >>> n) | (x << (32 - n));
  for (let block = 0; block < total; block += 64) {
    for (let i = 0; i < 16; i++) w[i] = view.getUint32(block + 4 * i);
    for (let i = 16; i < 64; i++) {
      const a = w[i - 15]!;
      const b = w[i - 2]!;
      const s0 = rotr(a, 7) ^ rotr(a, 18) ^ (a >>> 3);
      const s1 = rotr(b, 17) ^ rotr(b, 19) ^ (b >>> 10);
      w[i] = (w[i - 16]! + s0 + w[i - 7]! + s1) >>> 0;
    }
    let [a, b, c, d, e, f, g, hh] = h as [number, number, number, number, number, number, number, number];
    for (let i = 0; i < 64; i++) {
      const t1 = (hh + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + K[i]! + w[i]!) >>> 0;
      const t2 = ((rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c))) >>> 0;
      hh = g;
      g = f;
      f = e;
      e = (d + t1) >>> 0;
      d = c;
      c = b;
      b = a;
      a = (t1 + t2) >>> 0;
    }
    h[0] = (h[0]! + a) >>> 0;
    h[1] = (h[1]! + b) >>> 0;
    h[2] = (h[2]! + c) >>> 0;
    h[3] = (h[3]! + d) >>> 0;
    h[4] = (h[4]! + e) >>> 0;
    h[5] = (h[5]! + f) >>> 0;
    h[6] = (h[6]! + g) >>> 0;
    h[7] = (h[7]! + hh) >>> 0;
  }
  return h.map((x) => x.toString(16).padStart(8, '0')).join('');
}

export function clustersYaml(config: Config): string {
  return dumpYaml({ clusters: config.clusters });
}

/** `wantJson` is the JSON of `want` parsed, computed at most once for all ConfigMaps. */
function sameClusters(text: unknown, want: string, wantJson: () => string): boolean {
  if (typeof text !== 'string') return false;
  if (text === want) return true;
  try {
    return JSON.stringify(parseYaml(text)) === wantJson();
  } catch {
    return false;
  }
}

function configMapPatch(doc: Doc, want: string, wantJson: () => string): Operation[] {
  const data = (doc.value as { data: Record<string, unknown> }).data;
  return sameClusters(data[CLUSTERS_KEY], want, wantJson) ? [] : [{ op: 'replace', path: `/data/${escape(CLUSTERS_KEY)}`, value: want }];
}

function freeVolumeName(pod: ReturnType<typeof podOf>): string {
  const taken = new Set((pod.volumes ?? []).map((v) => v.name));
  for (const n of ['cluster-credentials', 'flytemc-cluster-credentials']) if (!taken.has(n)) return n;
  let i = 2;
  while (taken.has(`flytemc-cluster-credentials-${i}`)) i++;
  return `flytemc-cluster-credentials-${i}`;
}

function deploymentPatch(target: Targets['deployments'][number], config: Config, changed: Map<string, string>): Operation[] {
  const { secretName, mountPath } = config.credentials;
  const pod = podOf(target.doc);
  const ops: Operation[] = [];
  const base = '/spec/template/spec';
  const volumes = Array.isArray(pod.volumes) ? pod.volumes : [];
  const containerAt = (c: { list: 'containers' | 'initContainers'; index: number }) => pod[c.list]![c.index]!;
  const norm = (p: string) => p.replace(/\/+$/, '');

  // 1. one volume for the Secret: reuse one that names it, else the one mounted at mountPath,
  //    else flyte-core's hard-coded `cluster-secrets` (Secret cluster-credentials), else add one
  const chartVolume = volumes.findIndex((v) => v.name === CHART_VOLUME && isObject(v.secret) && v.secret.secretName === CHART_SECRET);
  let vi = volumes.findIndex((v) => isObject(v.secret) && v.secret.secretName === secretName);
  if (vi < 0) {
    const mountedThere = new Set(target.containers.flatMap((c) => (containerAt(c).volumeMounts ?? []).filter((m) => norm(m.mountPath) === norm(mountPath)).map((m) => m.name)));
    vi = volumes.findIndex((v) => mountedThere.has(String(v.name)) && isObject(v.secret));
    if (vi < 0) vi = chartVolume;
    if (vi >= 0) ops.push({ op: 'replace', path: `${base}/volumes/${vi}/secret/secretName`, value: secretName });
  }
  let volumeName: string;
  if (vi >= 0) {
    volumeName = String(volumes[vi]!.name);
  } else {
    volumeName = freeVolumeName(pod);
    const volume = { name: volumeName, secret: { secretName } };
    ops.push(Array.isArray(pod.volumes) ? { op: 'add', path: `${base}/volumes/-`, value: volume } : { op: 'add', path: `${base}/volumes`, value: [volume] });
  }

  // 2. exactly one mount of it at mountPath in each container that reads the clusters config
  //    (and none of flyte-core's hard-coded volume anywhere else, once it is ours)
  for (const c of target.containers) {
    const container = containerAt(c);
    const cpath = `${base}/${c.list}/${c.index}/volumeMounts`;
    const mounts = Array.isArray(container.volumeMounts) ? container.volumeMounts : [];
    const there = mounts.map((m, i) => ({ m, i })).filter(({ m }) => isObject(m) && typeof m.mountPath === 'string' && norm(m.mountPath) === norm(mountPath));
    const remove = new Set<number>(there.slice(1).map((t) => t.i)); // k8s refuses two mounts at one path
    if (vi >= 0 && vi === chartVolume) {
      mounts.forEach((m, i) => {
        if (m.name === volumeName && norm(m.mountPath) !== norm(mountPath)) remove.add(i);
      });
    }
    if (there.length === 0) {
      const mount = { mountPath, name: volumeName, readOnly: true };
      ops.push(Array.isArray(container.volumeMounts) ? { op: 'add', path: `${cpath}/-`, value: mount } : { op: 'add', path: cpath, value: [mount] });
    } else if (there[0]!.m.name !== volumeName) {
      ops.push({ op: 'replace', path: `${cpath}/${there[0]!.i}/name`, value: volumeName });
    }
    // removals last, highest index first, so the indexes above still hold
    for (const i of [...remove].sort((a, b) => b - a)) ops.push({ op: 'remove', path: `${cpath}/${i}` });
  }

  // 3. roll the pods when the clusters they read changed
  const reads = volumes.flatMap((v) => configMapsOfVolume(v)).filter((n) => changed.has(n));
  if (reads.length) {
    const meta = (target.doc.value as { spec: { template: { metadata?: { annotations?: Record<string, string> | null } } } }).spec.template.metadata;
    const old = meta?.annotations?.[CHECKSUM] ?? '';
    const parts = [old, '\n'];
    for (const n of reads.sort()) parts.push(n, '\n', changed.get(n)!);
    const value = sha256Hex(parts).slice(0, 63);
    if (!meta) ops.push({ op: 'add', path: '/spec/template/metadata', value: { annotations: { [CHECKSUM]: value } } });
    else if (!isObject(meta.annotations)) ops.push({ op: 'add', path: '/spec/template/metadata/annotations', value: { [CHECKSUM]: value } });
    else ops.push({ op: meta.annotations[CHECKSUM] === undefined ? 'add' : 'replace', path: `/spec/template/metadata/annotations/${CHECKSUM}`, value });
  }
  return ops;
}

/** The operations, per document; nothing is changed yet. */
export function computePatches(targets: Targets, config: Config): DocPatch[] {
  const want = clustersYaml(config);
  let json: string | undefined;
  const wantJson = () => (json ??= JSON.stringify(parseYaml(want)));
  const patches: DocPatch[] = [];
  const changed = new Map<string, string>();
  for (const doc of targets.configMaps) {
    const ops = configMapPatch(doc, want, wantJson);
    if (ops.length) {
      patches.push({ doc, ops });
      changed.set(String((doc.value as { metadata: { name: string } }).metadata.name), want);
    }
  }
  for (const t of targets.deployments) {
    const ops = deploymentPatch(t, config, changed);
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
