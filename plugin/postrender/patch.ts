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
import { escapeSegment, trimSlashes } from '../json-pointer.ts';
import { dumpYaml, parseYaml } from '../yaml.ts';
import { CLUSTERS_KEY, clustersYamlOf, configMapsOfVolume, podOf, type Targets } from './find.ts';
import { type Doc } from './stream.ts';
import { isObject } from '../data.ts';

export interface DocPatch {
  doc: Doc;
  ops: Operation[];
}

export const CHECKSUM = 'configChecksum';
/** flyte-core's syncresources mounts this volume of this Secret when labelClusterMap is non-empty. */
const CHART_VOLUME = 'cluster-secrets';
const CHART_SECRET = 'cluster-credentials';

// SHA-256 (FIPS 180-4) of UTF-8 text, hex, as node:crypto's createHash('sha256') gives it.
// node:crypto costs the post-renderer about 3 ms of start-up (it loads 18 internal modules), so
// small inputs (a clusters.yaml of a few clusters) are hashed here; from 4 KiB on (a few dozen
// clusters), where cold JavaScript takes longer than loading node:crypto, by node:crypto, loaded
// only then (bench/, docs/benchmarks.md).
const JS_SHA256_MAX = 4 * 1024;
const K = new Int32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
  0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
  0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);

export function sha256Hex(parts: string[]): string {
  let chars = 0;
  for (const p of parts) chars += p.length;
  // Node >= 20.16 / 22.3; older ones hash everything here
  const crypto = chars > JS_SHA256_MAX ? process.getBuiltinModule?.('node:crypto') : undefined;
  if (crypto) {
    const hash = crypto.createHash('sha256');
    for (const p of parts) hash.update(p);
    return hash.digest('hex');
  }
  return jsSha256Hex(parts);
}

export function jsSha256Hex(parts: string[]): string {
  const enc = new TextEncoder();
  const chunks = parts.map((p) => enc.encode(p));
  let len = 0;
  for (const c of chunks) len += c.length;
  const total = (len + 9 + 63) & ~63;
  const m = new Uint8Array(total);
  let off = 0;
  for (const c of chunks) {
    m.set(c, off);
    off += c.length;
  }
  m[len] = 0x80;
  const hi = Math.floor(len / 0x20000000);
  const lo = (len * 8) >>> 0;
  m[total - 8] = hi >>> 24; m[total - 7] = hi >>> 16; m[total - 6] = hi >>> 8; m[total - 5] = hi;
  m[total - 4] = lo >>> 24; m[total - 3] = lo >>> 16; m[total - 2] = lo >>> 8; m[total - 1] = lo;
  return compress(m);
}

function compress(m: Uint8Array): string {
  const w = new Int32Array(64);
  let h0 = 0x6a09e667 | 0, h1 = 0xbb67ae85 | 0, h2 = 0x3c6ef372 | 0, h3 = 0xa54ff53a | 0;
  let h4 = 0x510e527f | 0, h5 = 0x9b05688c | 0, h6 = 0x1f83d9ab | 0, h7 = 0x5be0cd19 | 0;
  for (let p = 0; p < m.length; p += 64) {
    for (let i = 0; i < 16; i++) {
      const j = p + 4 * i;
      w[i] = (m[j]! << 24) | (m[j + 1]! << 16) | (m[j + 2]! << 8) | m[j + 3]!;
    }
    for (let i = 16; i < 64; i++) {
      const x = w[i - 15]!;
      const y = w[i - 2]!;
      const s0 = ((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3);
      const s1 = ((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10);
      w[i] = (w[i - 16]! + s0 + w[i - 7]! + s1) | 0;
    }
    let a = h0, b = h1, c = h2, d = h3, e = h4, f = h5, g = h6, h = h7;
    for (let i = 0; i < 64; i++) {
      const s1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
      const t1 = (h + s1 + ((e & f) ^ (~e & g)) + K[i]! + w[i]!) | 0;
      const s0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
      const t2 = (s0 + ((a & b) ^ (a & c) ^ (b & c))) | 0;
      h = g; g = f; f = e; e = (d + t1) | 0; d = c; c = b; b = a; a = (t1 + t2) | 0;
    }
    h0 = (h0 + a) | 0; h1 = (h1 + b) | 0; h2 = (h2 + c) | 0; h3 = (h3 + d) | 0;
    h4 = (h4 + e) | 0; h5 = (h5 + f) | 0; h6 = (h6 + g) | 0; h7 = (h7 + h) | 0;
  }
  let out = '';
  for (const x of [h0, h1, h2, h3, h4, h5, h6, h7]) out += (x >>> 0).toString(16).padStart(8, '0');
  return out;
}

export function clustersYaml(config: Config): string {
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

function configMapPatch(doc: Doc, want: string, wantJson: () => string): Operation[] {
  return sameClusters(doc, want, wantJson) ? [] : [{ op: 'replace', path: `/data/${escapeSegment(CLUSTERS_KEY)}`, value: want }];
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
  const norm = trimSlashes;

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
  const parts = [old, '\n'];
  for (const n of reads.sort()) parts.push(n, '\n', changed.get(n)!);
  const value = sha256Hex(parts).slice(0, 63);
  if (!meta) return [{ op: 'add', path: '/spec/template/metadata', value: { annotations: { [CHECKSUM]: value } } }];
  if (!isObject(meta.annotations)) return [{ op: 'add', path: '/spec/template/metadata/annotations', value: { [CHECKSUM]: value } }];
  return [{ op: meta.annotations[CHECKSUM] === undefined ? 'add' : 'replace', path: `/spec/template/metadata/annotations/${CHECKSUM}`, value }];
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
