// flytepropeller's config in a data plane (ConfigMap flyte-propeller-config): admin.yaml and catalog.yaml read, wired, recorded.
import type { Operation } from 'fast-json-patch';
import { CLIENT_SECRET_DIR, CLIENT_SECRET_KEY, type Wiring } from '../config/control-plane.ts';
import { FlytemcError, error, whereOf } from '../problems/problems.ts';
import { isObject } from '../yaml/data.ts';
import { dumpYaml, isYamlError } from '../yaml/dialect.ts';
import { parseUntrusted } from '../yaml/input.ts';
import { escapeSegment } from '../yaml/json-pointer.ts';
import { STREAM_INPUT } from '../yaml/limits.ts';
import { isNamed, objectAt, type Doc, type K8sObject } from './stream.ts';

export const PROPELLER_CONFIGMAP = 'flyte-propeller-config';
/** What the post-renderer wired, on flyte-propeller-config (no secret in it): post-rendering its own output again gives it back. */
const WIRING_ANNOTATION = 'flytemc.io/control-plane';
const ADMIN_KEY = 'admin.yaml';
const CATALOG_KEY = 'catalog.yaml';

type Mapping = Record<string, unknown>;
type ConfigMapValue = K8sObject & { data?: Mapping | null };

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** One key of the ConfigMap as a YAML mapping (none: empty). */
function parseConfigKey(doc: Doc, key: string): Mapping {
  const text = (doc.value as ConfigMapValue).data?.[key];
  if (text === undefined || text === null) return {};
  const at = objectAt(doc, 'wiring.propeller-config', `/data/${key}`);
  try {
    const v = typeof text === 'string' ? parseUntrusted(text, whereOf(at), STREAM_INPUT) : undefined;
    if (v === null || v === undefined) return {};
    if (isObject(v)) return v;
  } catch (e) {
    if (!isYamlError(e)) throw e;
    throw new FlytemcError([error(at, `invalid YAML: ${e.reason}`)]);
  }
  throw new FlytemcError([error(at, `${key} must be a YAML mapping`)]);
}

/** admin.yaml and catalog.yaml as flytepropeller must read them. */
function wiredConfig(admin: Mapping, catalog: Mapping, w: Wiring): { admin: Mapping; catalog: Mapping } {
  const a = isObject(admin.admin) ? { ...admin.admin } : {};
  a.endpoint = w.admin.endpoint;
  a.insecure = w.admin.insecure;
  if (w.admin.clientSecret) {
    a.clientId = w.admin.clientSecret.clientId;
    a.clientSecretLocation = `${CLIENT_SECRET_DIR}/${CLIENT_SECRET_KEY}`;
    a.authType = 'ClientSecret';
  }
  const cache = isObject(catalog['catalog-cache']) ? { ...catalog['catalog-cache'] } : {};
  if (w.catalog.type === 'noop') {
    for (const k of ['endpoint', 'insecure']) delete cache[k];
    cache.type = 'noop';
  } else {
    cache.type = 'datacatalog';
    cache.endpoint = w.catalog.endpoint;
    cache.insecure = w.catalog.insecure;
  }
  return { admin: { ...admin, admin: a }, catalog: { ...catalog, 'catalog-cache': cache } };
}

/** flyte-propeller-config as the post-renderer left it (its wiring annotation), when the stream is flytemc's own data-plane output. */
export function wiredPropellerConfig(docs: Doc[]): Doc | undefined {
  const cm = docs.find((d) => isNamed(d, 'ConfigMap', PROPELLER_CONFIGMAP));
  return typeof (cm?.value as K8sObject | undefined)?.metadata?.annotations?.[WIRING_ANNOTATION] === 'string' ? cm : undefined;
}

const isWiring = (w: unknown): w is Wiring => {
  const a = isObject(w) && isObject(w.admin) ? w.admin : undefined;
  const c = isObject(w) && isObject(w.catalog) ? w.catalog : undefined;
  return Boolean(
    a &&
      typeof a.endpoint === 'string' &&
      typeof a.insecure === 'boolean' &&
      c &&
      (c.type === 'noop' || (c.type === 'datacatalog' && typeof c.endpoint === 'string' && typeof c.insecure === 'boolean')) &&
      (a.clientSecret === undefined ||
        (isObject(a.clientSecret) && typeof a.clientSecret.secretName === 'string' && typeof a.clientSecret.clientId === 'string')),
  );
};

/** The wiring recorded on flyte-propeller-config by an earlier run. */
export function recordedWiring(cm: Doc): Wiring {
  const text = (cm.value as K8sObject).metadata!.annotations![WIRING_ANNOTATION]!;
  let w: unknown;
  try {
    w = JSON.parse(text);
  } catch {
    w = undefined;
  }
  if (isWiring(w)) return w;
  throw new FlytemcError([
    error(
      objectAt(cm, 'wiring.recorded', `/metadata/annotations/${escapeSegment(WIRING_ANNOTATION)}`),
      'is not the wiring flytemc records (admin, catalog)',
      'render the data plane from the chart again (-f values-dataplane.yaml), whose MultiClusterConfig says where FlyteAdmin is',
    ),
  ]);
}

/**
 * The operations that give flyte-propeller-config the wiring (admin.yaml, catalog.yaml and the
 * record of it), and, when its data changes, the new content for the configChecksum of the pods
 * that read it; none of either when it is wired so already.
 */
export function propellerConfigOps(cm: Doc, wiring: Wiring): { ops: Operation[]; content?: string } {
  const oldAdmin = parseConfigKey(cm, ADMIN_KEY);
  const oldCatalog = parseConfigKey(cm, CATALOG_KEY);
  const want = wiredConfig(oldAdmin, oldCatalog, wiring);
  const value = cm.value as ConfigMapValue;
  const data = isObject(value.data) ? value.data : undefined;
  const ops: Operation[] = data ? [] : [{ op: 'add', path: '/data', value: {} }];
  for (const [key, before, after] of [
    [ADMIN_KEY, oldAdmin, want.admin],
    [CATALOG_KEY, oldCatalog, want.catalog],
  ] as const) {
    if (same(before, after) && data && key in data) continue;
    ops.push({ op: data && key in data ? 'replace' : 'add', path: `/data/${escapeSegment(key)}`, value: dumpYaml(after) });
  }
  const content = ops.length ? dumpYaml(want.admin) + dumpYaml(want.catalog) : undefined;
  ops.push(...recordOps(value, JSON.stringify(wiring)));
  return content === undefined ? { ops } : { ops, content };
}

/** The wiring recorded in the annotation, unless it is there already. */
function recordOps(value: ConfigMapValue, record: string): Operation[] {
  const meta = isObject(value.metadata) ? value.metadata : undefined;
  if (!meta) return [{ op: 'add', path: '/metadata', value: { annotations: { [WIRING_ANNOTATION]: record } } }];
  if (!isObject(meta.annotations)) return [{ op: 'add', path: '/metadata/annotations', value: { [WIRING_ANNOTATION]: record } }];
  if (meta.annotations[WIRING_ANNOTATION] === record) return [];
  return [{ op: 'add', path: `/metadata/annotations/${escapeSegment(WIRING_ANNOTATION)}`, value: record }];
}

/** Whether flytepropeller reads exactly the wiring from the ConfigMap (after patching). */
export function carriesWiring(cm: Doc, wiring: Wiring): boolean {
  const admin = parseConfigKey(cm, ADMIN_KEY);
  const catalog = parseConfigKey(cm, CATALOG_KEY);
  const got = wiredConfig(admin, catalog, wiring);
  return same(got.admin, admin) && same(got.catalog, catalog);
}
