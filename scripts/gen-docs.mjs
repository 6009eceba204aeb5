// Generates docs/configuration.md, the reference of every key of the `multicluster` block,
// from schemas/multicluster.schema.json (descriptions, types, constraints, fixes) and the
// chart's values.yaml (defaults the schema does not state).
//
// Called by scripts/build.mjs (every scripts/gen-*.mjs is), or alone: node scripts/gen-docs.mjs
// Exports: default async (root) => void (writes the file); configurationDoc(root) => string.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import yaml from 'js-yaml';

export const OUTPUT = 'docs/configuration.md';
const SOURCE = 'schemas/multicluster.schema.json';
const VALUES = 'charts/flyte-multicluster/values.yaml';

/** @typedef {Record<string, any>} SchemaNode a node of the JSON Schema, as parsed */
/** @typedef {{ required?: boolean; requiredIf?: string | undefined }} Requirement */
/** @typedef {{ path: string; type: string; default: string; description: string; constraints: string }} Row */

/**
 * @param {SchemaNode} schema
 * @param {SchemaNode} node
 * @returns {SchemaNode}
 */
function resolve(schema, node) {
  // Follows local `#/definitions/x` references; the referring node's own keys win (except $ref).
  let merged = { ...node };
  const seen = new Set();
  while (merged.$ref) {
    const ref = merged.$ref;
    if (seen.has(ref) || !ref.startsWith('#/definitions/')) throw new Error(`${SOURCE}: cannot resolve ${ref}`);
    seen.add(ref);
    const target = schema.definitions[ref.slice('#/definitions/'.length)];
    if (!target) throw new Error(`${SOURCE}: ${ref} is not defined`);
    const { $ref, ...own } = merged;
    void $ref;
    merged = { ...target, ...own };
  }
  return merged;
}

/** @param {unknown} s */
const code = (s) => '`' + String(s).replace(/\|/g, '\\|') + '`';
/** @param {unknown} s */
const cell = (s) => String(s).replace(/\|/g, '\\|').replace(/\n+/g, ' ');

/**
 * @param {SchemaNode} schema
 * @param {SchemaNode} node
 * @returns {string}
 */
function typeOf(schema, node) {
  const s = resolve(schema, node);
  if (s.type === 'array') return `array of ${s.items ? typeOf(schema, s.items) : 'any'}`;
  if (s.type === 'object' && s.additionalProperties && typeof s.additionalProperties === 'object') {
    return `map of ${typeOf(schema, s.additionalProperties)}`;
  }
  if (s.type) return Array.isArray(s.type) ? s.type.join(' \\| ') : s.type;
  if ('const' in s) return typeof s.const;
  if (s.enum) return [...new Set(s.enum.map((/** @type {unknown} */ v) => typeof v))].join(' \\| ');
  return 'any';
}

/**
 * @param {SchemaNode} s
 * @param {Requirement} requirement
 */
function constraints(s, { required, requiredIf }) {
  /** @type {string[]} */
  const out = [];
  if (required) out.push('required');
  if (requiredIf) out.push(requiredIf);
  if (s.enum) out.push('one of ' + s.enum.map(code).join(', '));
  if ('const' in s) out.push('only ' + code(s.const));
  if (s.pattern) out.push('matches ' + code(s.pattern));
  if (s.minLength !== undefined && s.maxLength !== undefined) out.push(`${s.minLength} to ${s.maxLength} characters`);
  else if (s.maxLength !== undefined) out.push(`at most ${s.maxLength} characters`);
  else if (s.minLength !== undefined) out.push(`at least ${s.minLength} characters`);
  if (s.minimum !== undefined) out.push(`≥ ${s.minimum}`);
  if (s.exclusiveMinimum !== undefined) out.push(`> ${s.exclusiveMinimum}`);
  if (s.maximum !== undefined) out.push(`≤ ${s.maximum}`);
  if (s.exclusiveMaximum !== undefined) out.push(`< ${s.exclusiveMaximum}`);
  if (s.type === 'object' && s.additionalProperties === false) out.push('no other keys');
  if (s['x-fix']) out.push(`fix: ${s['x-fix']}`);
  return out.join('; ');
}

/**
 * @param {unknown} values
 * @param {string} path
 * @returns {unknown}
 */
function valueAt(values, path) {
  // path like multicluster.credentials.secretName; paths through arrays/maps have no default.
  if (/[[<]/.test(path)) return undefined;
  let v = values;
  for (const part of path.split('.')) {
    if (v === null || typeof v !== 'object' || !(part in v)) return undefined;
    v = /** @type {Record<string, unknown>} */ (v)[part];
  }
  return v;
}

/** @param {unknown} v */
function fmtDefault(v) {
  if (v === undefined) return '';
  if (typeof v === 'object') return code(JSON.stringify(v));
  return code(v);
}

/** One row per key, depth first, in schema order. */
/**
 * @param {SchemaNode} schema
 * @param {unknown} values
 * @param {SchemaNode} node
 * @param {string} path
 * @param {Requirement} ctx
 * @param {Row[]} out
 */
function rows(schema, values, node, path, ctx, out) {
  const s = resolve(schema, node);
  // Defaults of leaves and of empty lists/maps; a block's default is the sum of its keys' rows.
  const def = 'default' in s ? s.default : s.properties ? undefined : valueAt(values, path);
  out.push({ path, type: typeOf(schema, s), default: fmtDefault(def), description: s.description ?? '', constraints: constraints(s, ctx) });
  if (s.type === 'object' && s.properties) {
    const req = new Set(s.required ?? []);
    // `if not inCluster: true then required endpoint` → "required unless inCluster: true"
    const condReq = new Map();
    if (s.if && s.then?.required) {
      const notInCluster = s.if.not?.properties?.inCluster?.const === true;
      for (const k of s.then.required) condReq.set(k, notInCluster ? 'required unless `inCluster: true`' : 'required in some cases');
    }
    for (const [k, child] of Object.entries(s.properties)) {
      rows(schema, values, child, `${path}.${k}`, { required: req.has(k), requiredIf: condReq.get(k) }, out);
    }
  }
  if (s.type === 'array' && s.items) {
    const item = resolve(schema, s.items);
    if (item.type === 'object' && item.properties) {
      const req = new Set(item.required ?? []);
      const condReq = new Map();
      if (item.if && item.then?.required) {
        const notInCluster = item.if.not?.properties?.inCluster?.const === true;
        for (const k of item.then.required) condReq.set(k, notInCluster ? 'required unless `inCluster: true`' : 'required in some cases');
      }
      for (const [k, child] of Object.entries(item.properties)) {
        rows(schema, values, child, `${path}[].${k}`, { required: req.has(k), requiredIf: condReq.get(k) }, out);
      }
    }
  }
  if (s.type === 'object' && s.additionalProperties && typeof s.additionalProperties === 'object') {
    const keyName = s.propertyNames ? resolve(schema, s.propertyNames) : {};
    const keyRow = {
      path: `${path}.<label>`,
      ctx: { required: false, requiredIf: keyName.pattern ? `key: ${constraints(keyName, {})}` : undefined },
    };
    const valueSchema = resolve(schema, s.additionalProperties);
    const merged = { ...valueSchema, description: valueSchema.description ?? keyName.description ?? '' };
    rows(schema, values, merged, keyRow.path, keyRow.ctx, out);
  }
}

/** @param {string} root the repository */
export function configurationDoc(root) {
  const schema = JSON.parse(readFileSync(join(root, SOURCE), 'utf8'));
  const values = yaml.load(readFileSync(join(root, VALUES), 'utf8')) ?? {};
  /** @type {Row[]} */
  const out = [];
  rows(schema, values, schema, 'multicluster', {}, out);
  const lines = [
    '<!-- Generated by scripts/gen-docs.mjs from schemas/multicluster.schema.json and',
    '     charts/flyte-multicluster/values.yaml. Do not edit: change the sources and run npm run build. -->',
    '# Configuration reference: the `multicluster` block',
    '',
    'Values of the `flyte-multicluster` chart (`charts/flyte-multicluster`). Everything about',
    "running several clusters lives under `multicluster`; flyte-core's own values go under",
    "`flyte-core` unchanged (see flyte-core v1.16.8's values.yaml). The same schema",
    "(`schemas/multicluster.schema.json`) is enforced by Helm itself (the chart's generated",
    '`values.schema.json`, on install, upgrade, template and lint), by the flytemc post-renderer',
    'and by `helm flytemc validate`.',
    '',
    'Rules the schema cannot express, checked when the chart renders:',
    '',
    '- `multicluster.role` must be set: pass `values-controlplane.yaml` or `values-dataplane.yaml`.',
    '- On a data plane, `multicluster.clusterName` is required and `flyte-core.flytepropeller.clusterName`',
    '  must equal it.',
    '- On a data plane, `multicluster.controlPlane.adminEndpoint` is required, and so is a way to the',
    '  catalog: `catalogEndpoint`, `catalogIngress: true` (the catalog is then at `adminEndpoint`) or',
    '  `catalog: false`; `flyte-core.configmap.admin.admin.endpoint` and the catalog cache endpoint are not',
    "  set a second time under `flyte-core`; the storage is not flyte-core's in-cluster minio",
    "  (`flyte-core.storage.type: sandbox`) nor a cloud overlay's `<METADATA_BUCKET_NAME>` placeholder.",
    '- On a control plane with `flyte-core.flytepropeller.enabled: true` (it runs workloads too),',
    '  `multicluster.clusters.clusterConfigs` has exactly one `inCluster: true` entry, whose name',
    '  `flyte-core.flytepropeller.clusterName` equals.',
    '- The cluster list goes in `multicluster.clusters`, never in `flyte-core.configmap.clusters` (nor',
    '  directly under `flyte-core.configmap`).',
    "- A cluster with `credentialProxy` runs its proxy as a native sidecar: the control plane's cluster",
    '  must run Kubernetes 1.29 or later (`helm template` checks `--kube-version`).',
    '',
    'Rules checked by the flytemc post-renderer on a control plane (and by `helm flytemc validate`),',
    'beyond this table: duplicate cluster names, routes to unknown or disabled clusters, labels that',
    'route nowhere, token or CA files outside `credentials.mountPath`, a credential proxy with a token',
    'file, without an image, on a port used twice or with a credential in its environment; with `controlPlane.catalogIngress`,',
    'a gRPC Ingress to add the DataCatalog route to. On a data plane it writes `controlPlane` into',
    "flytepropeller's `flyte-propeller-config` (`admin.yaml`, `catalog.yaml`) and, with",
    "`dataPlane.rbac: minimal`, the rules into flyteadmin's ClusterRole. `helm flytemc validate -f",
    "CONTROL-PLANE-VALUES --data-plane DATA-PLANE-VALUES` also compares the two planes' storage.",
    '',
    '`[]` in a path stands for every item of a list, `<label>` for every key of a map.',
    '',
    '| Path | Type | Default | Description | Constraints |',
    '| --- | --- | --- | --- | --- |',
    ...out.map((r) => `| ${code(r.path)} | ${cell(r.type)} | ${r.default} | ${cell(r.description)} | ${r.constraints} |`),
    '',
  ];
  return lines.join('\n');
}

/** @param {string} root the repository */
export default async function generate(root) {
  const text = configurationDoc(root);
  const path = join(root, OUTPUT);
  mkdirSync(join(root, 'docs'), { recursive: true });
  let old = '';
  try {
    old = readFileSync(path, 'utf8');
  } catch {
    /* first run */
  }
  if (old !== text) writeFileSync(path, text);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await generate(fileURLToPath(new URL('..', import.meta.url)));
}
