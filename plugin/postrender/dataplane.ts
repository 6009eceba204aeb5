// The post-renderer for a data plane: the way back to the control plane. The chart's
// MultiClusterConfig (spec.role: data-plane) says where FlyteAdmin and DataCatalog are; flyte-core
// rendered flytepropeller's config with its single-cluster defaults (flyteadmin:81,
// datacatalog:89). Same stages as the control plane's, top to bottom:
//   find (config, flyte-propeller-config, what reads it) → validate (schema, wiring) →
//   patch (admin.yaml, catalog.yaml, configChecksum; the client-secret mount; with
//   dataPlane.rbac minimal, flyteadmin's ClusterRole) → validate the result.
import type { Operation } from 'fast-json-patch';
import { validateConfigMap, validateDeployment, validateMulticluster } from '../generated/validators.cjs';
import { CLIENT_SECRET_DIR, CLIENT_SECRET_KEY, resolveWiring, type Wiring } from '../config/control-plane.ts';
import { schemaProblems } from '../config/schema-errors.ts';
import type { MulticlusterValues } from '../config/types.ts';
import { minimalRules, neededAccess, SERVICE_ACCOUNT, templatesOfValues } from '../config/rbac.ts';
import { FlytemcError, error, errorsIn, type Problem } from '../problems/problems.ts';
import { escapeSegment, get, trimSlashes } from '../yaml/json-pointer.ts';
import { STREAM_INPUT } from '../yaml/limits.ts';
import { parseUntrusted } from '../yaml/input.ts';
import { dumpYaml, isYamlError } from '../yaml/dialect.ts';
import { podOf } from './find.ts';
import { applyPatches, checksumOps, type DocPatch } from './patch.ts';
import { podProblems, schemaCheck } from './verify.ts';
import { isNamed, kindOf, nameOf, objectName, type Doc, type K8sObject } from './stream.ts';
import { isObject } from '../yaml/data.ts';

const PROPELLER_CONFIGMAP = 'flyte-propeller-config';
/** What the post-renderer wired, on flyte-propeller-config (no secret in it): post-rendering its own output again gives it back. */
const WIRING_ANNOTATION = 'flytemc.io/control-plane';
const ADMIN_KEY = 'admin.yaml';
const CATALOG_KEY = 'catalog.yaml';

/** The chart's MultiClusterConfig of a data plane (spec.role: data-plane). */
export function isDataPlaneConfig(d: Doc): boolean {
  if (kindOf(d) !== 'MultiClusterConfig') return false;
  const v = d.value as K8sObject | null;
  return (
    isObject(v) && v.kind === 'MultiClusterConfig' && String(v.apiVersion ?? '').startsWith('flytemc.io/') && isObject(v.spec) && v.spec.role === 'data-plane'
  );
}

function parseConfigKey(doc: Doc, key: string): Record<string, unknown> {
  const text = (doc.value as { data?: Record<string, unknown> | null }).data?.[key];
  if (text === undefined || text === null) return {};
  try {
    const v = typeof text === 'string' ? parseUntrusted(text, `${objectName(doc)} /data/${key}`, STREAM_INPUT) : undefined;
    if (v === null || v === undefined) return {};
    if (isObject(v)) return v;
  } catch (e) {
    if (!isYamlError(e)) throw e;
    throw new FlytemcError([error(`${objectName(doc)} /data/${key}`, `invalid YAML: ${e.reason}`)]);
  }
  throw new FlytemcError([error(`${objectName(doc)} /data/${key}`, `${key} must be a YAML mapping`)]);
}

/** admin.yaml and catalog.yaml as flytepropeller must read them. */
function wiredConfig(
  admin: Record<string, unknown>,
  catalog: Record<string, unknown>,
  w: Wiring,
): { admin: Record<string, unknown>; catalog: Record<string, unknown> } {
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

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

interface DataPlaneResult {
  warnings: Problem[];
  patches: DocPatch[];
}

/** flyte-propeller-config as the post-renderer left it (its wiring annotation), when the stream is flytemc's own data-plane output. */
export function wiredPropellerConfig(docs: Doc[]): Doc | undefined {
  const cm = docs.find((d) => isNamed(d, 'ConfigMap', PROPELLER_CONFIGMAP));
  return typeof (cm?.value as K8sObject | undefined)?.metadata?.annotations?.[WIRING_ANNOTATION] === 'string' ? cm : undefined;
}

/** The wiring recorded on flyte-propeller-config by an earlier run. */
function recordedWiring(cm: Doc): Wiring {
  const text = (cm.value as K8sObject).metadata!.annotations![WIRING_ANNOTATION]!;
  let w: unknown;
  try {
    w = JSON.parse(text);
  } catch {
    w = undefined;
  }
  const a = isObject(w) && isObject(w.admin) ? w.admin : undefined;
  const c = isObject(w) && isObject(w.catalog) ? w.catalog : undefined;
  const ok =
    a &&
    typeof a.endpoint === 'string' &&
    typeof a.insecure === 'boolean' &&
    c &&
    (c.type === 'noop' || (c.type === 'datacatalog' && typeof c.endpoint === 'string' && typeof c.insecure === 'boolean')) &&
    (a.clientSecret === undefined ||
      (isObject(a.clientSecret) && typeof a.clientSecret.secretName === 'string' && typeof a.clientSecret.clientId === 'string'));
  if (!ok)
    throw new FlytemcError([
      error(
        `${objectName(cm)} /metadata/annotations/${escapeSegment(WIRING_ANNOTATION)}`,
        'is not the wiring flytemc records (admin, catalog)',
        'render the data plane from the chart again (-f values-dataplane.yaml), whose MultiClusterConfig says where FlyteAdmin is',
      ),
    ]);
  return w as Wiring;
}

/**
 * A data plane: from the chart's MultiClusterConfig, or (configDoc undefined) from what an
 * earlier run recorded on flyte-propeller-config, so that post-rendering twice equals once.
 */
export function postRenderDataPlane(docs: Doc[], configDoc: Doc | undefined): DataPlaneResult {
  // find
  const configs = docs.filter((d) => kindOf(d) === 'MultiClusterConfig');
  for (const d of configs) d.dropped = true;
  if (configs.length > 1)
    throw new FlytemcError([
      error(
        objectName(configs[1]!),
        `the stream has ${configs.length} MultiClusterConfig documents; there must be one`,
        'render one flyte-multicluster release at a time',
      ),
    ]);
  const problems: Problem[] = [];
  const cm = docs.find((d) => isNamed(d, 'ConfigMap', PROPELLER_CONFIGMAP));
  let wiring: Wiring | undefined;
  let values: MulticlusterValues = {};
  let root: { clusterResourceTemplates?: unknown } = {};
  const name = configDoc ? objectName(configDoc) : 'the rendered manifests';
  if (configDoc) {
    // validate the config
    const at = (p: string) => `${name} /spec${p}`;
    root = configDoc.value as K8sObject & { spec: unknown; clusterResourceTemplates?: unknown };
    const spec = (configDoc.value as { spec: unknown }).spec;
    if (!validateMulticluster(spec)) problems.push(...schemaProblems(validateMulticluster.errors, at, (p) => get(spec, p)));
    if (errorsIn(problems).length) throw new FlytemcError(problems);
    values = spec as MulticlusterValues;
    const resolved = resolveWiring(values.controlPlane, at);
    problems.push(...resolved.problems);
    wiring = resolved.wiring;
  } else if (cm) {
    wiring = recordedWiring(cm);
  }
  if (!cm)
    problems.push(
      error(
        'the rendered manifests',
        `no ConfigMap ${PROPELLER_CONFIGMAP}: there is no flytepropeller to point at the control plane`,
        'a data plane runs flytepropeller: install it with -f values-dataplane.yaml (flyte-core.flytepropeller.enabled: true)',
      ),
    );
  // the objects patched below, as flyte-core renders them (schemas/manifests.schema.json)
  if (cm) problems.push(...schemaCheck(cm, validateConfigMap));
  for (const d of docs) if (kindOf(d) === 'Deployment') problems.push(...schemaCheck(d, validateDeployment));
  if (errorsIn(problems).length || !wiring || !cm) throw new FlytemcError(problems);

  // patch flytepropeller's config
  const patches: DocPatch[] = [];
  const oldAdmin = parseConfigKey(cm, ADMIN_KEY);
  const oldCatalog = parseConfigKey(cm, CATALOG_KEY);
  const want = wiredConfig(oldAdmin, oldCatalog, wiring);
  const cmValue = cm.value as K8sObject & { data?: Record<string, unknown> | null };
  const data = cmValue.data;
  const cmOps: Operation[] = [];
  if (!isObject(data)) cmOps.push({ op: 'add', path: '/data', value: {} });
  for (const [key, before, after] of [
    [ADMIN_KEY, oldAdmin, want.admin],
    [CATALOG_KEY, oldCatalog, want.catalog],
  ] as const) {
    if (same(before, after) && isObject(data) && key in data) continue;
    cmOps.push({ op: isObject(data) && key in data ? 'replace' : 'add', path: `/data/${escapeSegment(key)}`, value: dumpYaml(after) });
  }
  const record = JSON.stringify(wiring);
  const meta = isObject(cmValue.metadata) ? cmValue.metadata : undefined;
  if (!meta) cmOps.push({ op: 'add', path: '/metadata', value: { annotations: { [WIRING_ANNOTATION]: record } } });
  else if (!isObject(meta.annotations)) cmOps.push({ op: 'add', path: '/metadata/annotations', value: { [WIRING_ANNOTATION]: record } });
  else if (meta.annotations[WIRING_ANNOTATION] !== record)
    cmOps.push({ op: 'add', path: `/metadata/annotations/${escapeSegment(WIRING_ANNOTATION)}`, value: record });
  const configChanged = cmOps.some((o) => o.path.startsWith('/data'));
  if (cmOps.length) patches.push({ doc: cm, ops: cmOps });
  if (configChanged) {
    const changed = new Map([[PROPELLER_CONFIGMAP, dumpYaml(want.admin) + dumpYaml(want.catalog)]]);
    for (const d of docs) {
      if (kindOf(d) !== 'Deployment' || !isObject((d.value as { spec?: { template?: { spec?: unknown } } }).spec?.template?.spec)) continue;
      const ops = checksumOps(d, changed);
      if (ops.length) patches.push({ doc: d, ops });
    }
  }

  // the client secret flytepropeller authenticates with, when the control plane has auth on
  if (wiring.admin.clientSecret) patches.push(...clientSecretPatches(docs, wiring.admin.clientSecret.secretName));

  // least privilege: flyteadmin's ClusterRole narrowed to what the templates need
  if (values.dataPlane?.rbac === 'minimal') patches.push(...minimalRbacPatches(docs, root.clusterResourceTemplates, name));

  applyPatches(patches);

  // validate the result: every Deployment patched is one the API server takes
  const refused = errorsIn(docs.filter((d) => d.changed && kindOf(d) === 'Deployment').flatMap(podProblems));
  if (refused.length) throw new FlytemcError([...problems, ...refused]);

  // and flytepropeller reads exactly the wiring
  const admin = parseConfigKey(cm, ADMIN_KEY);
  const catalog = parseConfigKey(cm, CATALOG_KEY);
  const got = wiredConfig(admin, catalog, wiring);
  if (!same(got.admin, admin) || !same(got.catalog, catalog)) {
    throw new FlytemcError(
      [error(objectName(cm), "flytepropeller's config does not carry the control plane's endpoints after patching (a bug in flytemc)")],
      70,
    );
  }
  return { warnings: problems, patches };
}

/** flytepropeller mounts the client-secret Secret at /etc/secrets; flyte-core's placeholder Secret of that name (client_secret "foobar") is dropped. */
function clientSecretPatches(docs: Doc[], secretName: string): DocPatch[] {
  for (const d of docs) if (kindOf(d) === 'Secret' && nameOf(d) === secretName) d.dropped = true;
  const patches: DocPatch[] = [];
  for (const d of docs) {
    if (kindOf(d) !== 'Deployment') continue;
    const pod = podOf(d);
    if (!isObject(pod) || !Array.isArray(pod.containers)) continue;
    const ci = pod.containers.findIndex((c) => c.name === 'flytepropeller' || c.name === 'flytepropeller-manager');
    if (ci < 0) continue;
    const c = pod.containers[ci]!;
    const base = '/spec/template/spec';
    const volumes = Array.isArray(pod.volumes) ? pod.volumes : [];
    const mounts = Array.isArray(c.volumeMounts) ? c.volumeMounts : [];
    const mi = mounts.findIndex((m) => trimSlashes(String(m.mountPath)) === CLIENT_SECRET_DIR);
    const ops: Operation[] = [];
    if (mi >= 0) {
      const vi = volumes.findIndex((v) => v.name === mounts[mi]!.name);
      const v = volumes[vi];
      if (vi >= 0 && isObject(v?.secret)) {
        if (v.secret.secretName !== secretName) ops.push({ op: 'replace', path: `${base}/volumes/${vi}/secret/secretName`, value: secretName });
      } else if (vi >= 0) {
        ops.push({ op: 'replace', path: `${base}/volumes/${vi}`, value: { name: mounts[mi]!.name, secret: { secretName } } });
      } else {
        ops.push({ op: 'add', path: `${base}/volumes/-`, value: { name: mounts[mi]!.name, secret: { secretName } } });
      }
    } else {
      const volume = { name: 'flytemc-client-secret', secret: { secretName } };
      ops.push(Array.isArray(pod.volumes) ? { op: 'add', path: `${base}/volumes/-`, value: volume } : { op: 'add', path: `${base}/volumes`, value: [volume] });
      const mount = { name: 'flytemc-client-secret', mountPath: CLIENT_SECRET_DIR, readOnly: true };
      ops.push(
        Array.isArray(c.volumeMounts)
          ? { op: 'add', path: `${base}/containers/${ci}/volumeMounts/-`, value: mount }
          : { op: 'add', path: `${base}/containers/${ci}/volumeMounts`, value: [mount] },
      );
    }
    if (ops.length) patches.push({ doc: d, ops });
  }
  return patches;
}

/** The ClusterRole bound to ServiceAccount flyteadmin, with exactly the rules its templates need. */
function minimalRbacPatches(docs: Doc[], rawTemplates: unknown, configName: string): DocPatch[] {
  const templates = templatesOfValues({ cluster_resource_manager: { templates: rawTemplates } }) ?? [];
  const { needs, unknown } = neededAccess(templates);
  if (unknown.length) {
    throw new FlytemcError([
      error(
        `${configName} /clusterResourceTemplates`,
        `cluster-resource template${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')} name${unknown.length > 1 ? '' : 's'} no apiVersion and kind, so the permissions FlyteAdmin needs for ${unknown.length > 1 ? 'them' : 'it'} are unknown`,
        'give every template top-level apiVersion: and kind: lines, or use multicluster.dataPlane.rbac: flyte-core',
      ),
    ]);
  }
  const roles = new Set<string>();
  for (const d of docs) {
    if (kindOf(d) !== 'ClusterRoleBinding') continue;
    const b = d.value as { subjects?: unknown; roleRef?: unknown };
    const subjects = Array.isArray(b.subjects) ? b.subjects : [];
    const ref = isObject(b.roleRef) ? b.roleRef : {};
    if (
      subjects.some((s) => isObject(s) && s.kind === 'ServiceAccount' && s.name === SERVICE_ACCOUNT) &&
      ref.kind === 'ClusterRole' &&
      typeof ref.name === 'string' &&
      ref.name
    )
      roles.add(ref.name);
  }
  const targets = docs.filter((d) => kindOf(d) === 'ClusterRole' && roles.has(String(nameOf(d))));
  if (!targets.length) {
    throw new FlytemcError([
      error(
        'the rendered manifests',
        `multicluster.dataPlane.rbac is minimal, but no ClusterRole is bound to ServiceAccount ${SERVICE_ACCOUNT}`,
        'keep flyte-core.flyteadmin.serviceAccount.alwaysCreate and rbac on (values-dataplane.yaml sets them), or use rbac: flyte-core',
      ),
    ]);
  }
  const rules = minimalRules(needs);
  return targets
    .filter((d) => !same((d.value as { rules?: unknown }).rules, rules))
    .map((d) => ({ doc: d, ops: [{ op: 'add', path: '/rules', value: rules } as Operation] }));
}
