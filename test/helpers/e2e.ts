// Helpers for the end-to-end tests (test/e2e.test.ts): the flytemc CLI as a process, every
// output stream kept in a transcript, stored Helm releases decoded, rendered objects read back
// from the API server, and the secrets scan.
//
//   runCli(args, env)                 `node dist/flytemc.mjs ARGS`, never rejects: {code, stdout, stderr, ms}
//   Transcript                        add(label, text); every stream of the test, for the scan
//   storedReleases(kc)                every `sh.helm.release.v1.*` Secret of a cluster, decoded
//                                     (base64 → base64 → gzip → JSON)
//   notStored(kc, manifest, ns)       the objects of a manifest the API server does not hold
//   secretForms(value)                the forms a leaked token would take in text
//   findLeaks(streams, secrets)       which stream holds which secret, in which form
//   filesUnder(dir)                   regular files (no symlinks) to scan, with their text
import { lstatSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { CoreV1Api, KubernetesObjectApi, type KubeConfig, type KubernetesObject } from '@kubernetes/client-node';
import { apiStatus } from '../harness/kube.ts';
import { CLI, runNode, type ProcResult } from './process.ts';
import { objects, type Obj } from './manifests.ts';

export type { ProcResult } from './process.ts';

/** Runs `node dist/flytemc.mjs ARGS` with `env`; resolves with exit code and output. */
export function runCli(args: readonly string[], env: NodeJS.ProcessEnv, input = '', timeoutMs = 120_000): Promise<ProcResult> {
  return runNode(CLI, args, { env, input, timeoutMs });
}

// ---------------------------------------------------------------------------------------------
// Transcript and the secrets scan

export interface Stream {
  label: string;
  text: string;
}

/** Every output stream of a test run (helm, the CLI, files read back), kept for the scan. */
export class Transcript {
  readonly streams: Stream[] = [];
  add(label: string, text: string | undefined): void {
    if (text) this.streams.push({ label, text });
  }
  /** Adds stdout and stderr of a process result under `label`. */
  proc(label: string, r: { stdout: string; stderr: string }): void {
    this.add(`${label}: stdout`, r.stdout);
    this.add(`${label}: stderr`, r.stderr);
  }
  get bytes(): number {
    return this.streams.reduce((n, s) => n + Buffer.byteLength(s.text), 0);
  }
}

export interface NamedSecret {
  name: string;
  value: string;
}

/**
 * The forms a leaked ServiceAccount token would take in text: as is, base64 (a Secret's
 * `data`, a values file) and, for a JWT, its signature alone (a truncated or "masked" token that
 * still shows its last part). Each at least 16 characters, so no short form matches by chance.
 */
export function secretForms(value: string): Array<{ form: string; text: string }> {
  const forms = [
    { form: 'raw', text: value },
    { form: 'base64', text: Buffer.from(value).toString('base64') },
  ];
  const parts = value.split('.');
  if (parts.length === 3 && parts[2]!.length >= 16) forms.push({ form: 'JWT signature', text: parts[2]! });
  return forms.filter((f) => f.text.length >= 16);
}

/** `<stream label>: <secret name> (<form>)` for every secret found in a stream. */
export function findLeaks(streams: readonly Stream[], secrets: readonly NamedSecret[]): string[] {
  const hits: string[] = [];
  for (const s of streams) {
    for (const sec of secrets) {
      for (const f of secretForms(sec.value)) {
        if (s.text.includes(f.text)) hits.push(`${s.label}: ${sec.name} (${f.form})`);
      }
    }
  }
  return hits;
}

/** Regular files under `dir` (symlinks not followed), up to `maxBytes` each, as streams. */
export function filesUnder(dir: string, maxBytes = 20 * 1024 * 1024): Stream[] {
  const out: Stream[] = [];
  const walk = (d: string) => {
    let names: string[];
    try {
      names = readdirSync(d);
    } catch {
      return;
    }
    for (const n of names) {
      const p = join(d, n);
      const st = lstatSync(p);
      if (st.isDirectory()) walk(p);
      else if (st.isFile() && st.size <= maxBytes) out.push({ label: `file ${p}`, text: readFileSync(p).toString('latin1') });
    }
  };
  walk(dir);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Helm's stored releases

export interface StoredRelease {
  /** The Secret holding it: `namespace/sh.helm.release.v1.NAME.vN`. */
  secret: string;
  name: string;
  namespace: string;
  version: number;
  status: string;
  manifest: string;
  /** The whole decoded release (manifest, values, chart, hooks) as JSON text. */
  json: string;
}

/** Helm's storage encoding: base64 of gzip of JSON (inside the Secret's own base64). */
export function decodeRelease(secretData: string): string {
  const helmB64 = Buffer.from(secretData, 'base64').toString('utf8');
  let raw: Buffer = Buffer.from(helmB64, 'base64');
  if (raw[0] === 0x1f && raw[1] === 0x8b) raw = gunzipSync(raw);
  return raw.toString('utf8');
}

/** Every Helm release stored in the cluster (Secrets labelled owner=helm), decoded. */
export async function storedReleases(kc: KubeConfig): Promise<StoredRelease[]> {
  const list = await kc.makeApiClient(CoreV1Api).listSecretForAllNamespaces({ labelSelector: 'owner=helm' });
  return list.items
    .filter((s) => s.type === 'helm.sh/release.v1' && s.data?.release)
    .map((s) => {
      const json = decodeRelease(s.data!.release!);
      const rel = JSON.parse(json) as { name: string; namespace: string; version: number; manifest: string; info?: { status?: string } };
      return {
        secret: `${s.metadata?.namespace}/${s.metadata?.name}`,
        name: rel.name,
        namespace: rel.namespace,
        version: rel.version,
        status: rel.info?.status ?? '',
        manifest: rel.manifest,
        json,
      };
    });
}

// ---------------------------------------------------------------------------------------------
// Objects read back

/** `Kind/name` of every object of `manifest` the API server does not hold (404), reading each
 * one back; other errors are thrown. Namespaced objects without a namespace are looked up in
 * `namespace` (where Helm puts them). */
export async function notStored(kc: KubeConfig, manifest: string, namespace: string): Promise<{ missing: string[]; checked: number }> {
  const api = KubernetesObjectApi.makeApiClient(kc);
  const missing: string[] = [];
  const objs = objects(manifest);
  for (const o of objs) {
    const meta = o.metadata as Obj;
    const spec = { apiVersion: o.apiVersion, kind: o.kind, metadata: { name: meta.name, namespace: meta.namespace ?? namespace } };
    try {
      await api.read(spec as KubernetesObject & { metadata: { name: string; namespace: string } });
    } catch (e) {
      if (apiStatus(e) === 404 || /no matches|Unrecognized API version and kind|resource .* not found/i.test(String((e as Error).message))) {
        missing.push(`${o.kind}/${meta.name}`);
      } else {
        throw e;
      }
    }
  }
  return { missing, checked: objs.length };
}
