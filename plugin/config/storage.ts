// Storage of flyte-core's values or of a rendered storage.yaml, reduced to what both planes must share (type, container, endpoint).
import { STREAM_INPUT } from '../yaml/limits.ts';
import { parseUntrusted } from '../yaml/input.ts';
import { isObject } from '../yaml/data.ts';

export interface Storage {
  /** s3, minio (flyte-core's sandbox), stow/google (gcs), or a custom type. */
  type: string;
  container?: string;
  endpoint?: string;
  /** Why it cannot be compared (kept in a Secret, or a template flytemc cannot resolve). */
  unknown?: string;
}

/** flyte-core v1.16.8's storage defaults (values.yaml). */
const DEFAULTS = { type: 'sandbox', bucketName: 'my-s3-bucket', s3: { endpoint: '' }, custom: {} as Record<string, unknown> };

const str = (v: unknown) => (v === undefined || v === null ? undefined : String(v));

/** Resolves `{{ .Values.a.b }}` against flyte-core's values (what the cloud overlays use); undefined when another template is left. */
export function resolveTemplate(text: string, core: Record<string, unknown>): string | undefined {
  const out = text.replace(/\{\{-?\s*\.Values\.([A-Za-z0-9_.]+)\s*-?\}\}/g, (_m, path: string) => {
    let v: unknown = core;
    for (const p of path.split('.')) v = isObject(v) ? v[p] : undefined;
    return v === undefined || v === null ? '' : String(v);
  });
  return out.includes('{{') ? undefined : out;
}

/** The storage flyte-core renders for these (merged) flyte-core values. */
export function storageOfValues(core: Record<string, unknown>, namespace = 'flyte'): Storage {
  const s = isObject(core.storage) ? core.storage : {};
  if (s.secretName) return { type: 'secret', unknown: `kept in Secret ${String(s.secretName)} (flyte-core.storage.secretName)` };
  const type = str(s.type) ?? DEFAULTS.type;
  const field = (v: unknown, what: string): string | undefined => {
    if (v === undefined || v === null || v === '') return undefined;
    const r = resolveTemplate(String(v), core);
    if (r === undefined) throw Object.assign(new Error(what), { templated: String(v) });
    return r;
  };
  try {
    const bucket = field(s.bucketName ?? DEFAULTS.bucketName, 'bucketName');
    if (type === 's3') {
      const endpoint = field(isObject(s.s3) ? s.s3.endpoint : undefined, 's3.endpoint');
      return { type: 's3', ...(bucket ? { container: bucket } : {}), ...(endpoint ? { endpoint } : {}) };
    }
    if (type === 'gcs') return { type: 'stow/google', ...(bucket ? { container: bucket } : {}) };
    if (type === 'sandbox') return { type: 'minio', ...(bucket ? { container: bucket } : {}), endpoint: `http://minio.${namespace}.svc.cluster.local:9000` };
    if (type === 'custom') return ofStorageSection(isObject(s.custom) ? s.custom : {}, (v, w) => field(v, w));
    return { type, unknown: `flyte-core.storage.type ${JSON.stringify(type)} is not one flyte-core knows (s3, gcs, sandbox, custom)` };
  } catch (e) {
    const t = (e as { templated?: string }).templated;
    if (t === undefined) throw e;
    return { type, unknown: `flyte-core.storage.${(e as Error).message} is the template ${JSON.stringify(t)}` };
  }
}

function ofStorageSection(s: Record<string, unknown>, field: (v: unknown, what: string) => string | undefined = (v) => str(v)): Storage {
  const stow = isObject(s.stow) ? s.stow : {};
  const conn = isObject(s.connection) ? s.connection : {};
  const stowConfig = isObject(stow.config) ? stow.config : {};
  const type = str(s.type) ?? '';
  const container = field(s.container, 'custom.container');
  const endpoint = field(conn.endpoint ?? stowConfig.endpoint, 'custom endpoint');
  return { type: type === 'stow' ? `stow/${str(stow.kind) ?? '?'}` : type, ...(container ? { container } : {}), ...(endpoint ? { endpoint } : {}) };
}

/** The storage of a rendered `storage.yaml` (root key `storage:`); `where` names it in a refusal. */
export function storageOfConfig(text: string, where = 'storage.yaml'): Storage {
  const v = parseUntrusted(text, where, STREAM_INPUT);
  const s = isObject(v) && isObject(v.storage) ? v.storage : undefined;
  if (!s) return { type: '?', unknown: 'storage.yaml has no `storage:` section' };
  return ofStorageSection(s);
}

/** What differs between two storages (empty: the same bucket). Unknown ones are not compared. */
export function storageDifferences(a: Storage, b: Storage): string[] {
  if (a.unknown || b.unknown) return [];
  const out: string[] = [];
  if (a.type !== b.type) out.push(`type ${a.type} vs ${b.type}`);
  if ((a.container ?? '') !== (b.container ?? '')) out.push(`bucket/container ${JSON.stringify(a.container ?? '')} vs ${JSON.stringify(b.container ?? '')}`);
  if ((a.endpoint ?? '') !== (b.endpoint ?? '')) out.push(`endpoint ${JSON.stringify(a.endpoint ?? '')} vs ${JSON.stringify(b.endpoint ?? '')}`);
  return out;
}

export const describeStorage = (s: Storage) =>
  s.unknown ? `(${s.unknown})` : `${s.type}${s.container ? ` ${s.container}` : ''}${s.endpoint ? ` at ${s.endpoint}` : ''}`;
