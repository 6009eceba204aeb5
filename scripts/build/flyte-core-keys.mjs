// Build job 1, part: the keys of flyte-core's values, from its published archive (../shared,
// scripts/shared.mjs), for `validate` and `install` to name a key flyte-core does not have
// (plugin/config/flyte-core-keys.ts). Written to plugin/generated/flyte-core-keys.js as a tree:
// a map's keys, each a tree again (a map whose keys flyte-core fixes) or 0 (anything goes below:
// a scalar, a list, an empty or free-form map). The keys are those of flyte-core's values.yaml
// and of its subcharts', plus every `.Values.…` its templates read (some keys appear only as a
// comment in values.yaml: common.ingress.host, forceNamespace) and its own cloud values files
// refer to (userSettings.…, rendered through tpl). Free-form means what a template renders
// whole (`toYaml .Values.x`, `with .Values.x` then `toYaml .`, `range` over it, a variable
// holding it): Flyte's config under configmap, annotations, resources and the like.
// Nothing of flyte-core is copied into git: the archive is read at build time.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { FLYTE_CORE_TGZ } from '../shared.mjs';

/** @typedef {0 | { [key: string]: Tree }} Tree */

/** @param {unknown} v */
const isMap = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The tree of a values file: a map with keys is fixed, anything else is open.
 * @param {unknown} v
 * @returns {Tree}
 */
function fromValues(v) {
  if (!isMap(v) || Object.keys(/** @type {object} */ (v)).length === 0) return 0;
  /** @type {{ [key: string]: Tree }} */
  const out = {};
  for (const [k, c] of Object.entries(/** @type {Record<string, unknown>} */ (v))) out[k] = fromValues(c);
  return out;
}

/**
 * Adds a path the chart reads: maps created on the way, nothing below an open node.
 * @param {{ [key: string]: Tree }} tree
 * @param {string[]} path
 */
function addPath(tree, path) {
  let node = tree;
  for (let i = 0; i < path.length; i++) {
    const k = /** @type {string} */ (path[i]);
    const last = i === path.length - 1;
    if (!(k in node)) node[k] = last ? 0 : {};
    const next = node[k];
    if (next === 0 || next === undefined) return;
    node = next;
  }
}

/**
 * Makes a path open (rendered whole): its node becomes 0.
 * @param {{ [key: string]: Tree }} tree
 * @param {string[]} path
 */
function openPath(tree, path) {
  let node = tree;
  for (let i = 0; i < path.length - 1; i++) {
    const k = /** @type {string} */ (path[i]);
    if (!(k in node)) node[k] = {};
    const next = node[k];
    if (next === 0 || next === undefined) return;
    node = next;
  }
  node[/** @type {string} */ (path.at(-1))] = 0;
}

const FUNCS_WHOLE = /\b(toYaml|toJson|toPrettyJson|toRawJson|include|deepCopy|merge|mergeOverwrite|keys|values|pick|omit)\b/;
const ROOT_FIELDS = new Set(['Values', 'Release', 'Chart', 'Capabilities', 'Template', 'Files', 'Subcharts']);

/**
 * What the templates read of `.Values` (`refs`) and what they render whole (`whole`).
 * @param {string[]} texts
 */
function templateUse(texts) {
  /** @type {string[][]} */
  const refs = [];
  /** @type {string[][]} */
  const whole = [];
  for (const text of texts) {
    /** the context `.` of each open block: a values path, 'root', or null (unknown) */
    /** @type {Array<string[] | 'root' | null>} */
    const stack = ['root'];
    for (const m of text.matchAll(/\{\{-?([\s\S]*?)-?\}\}/g)) {
      const action = (m[1] ?? '').trim();
      if (action.startsWith('/*')) continue;
      const ctx = stack.at(-1) ?? null;
      /** @type {Array<{ path: string[]; at: number }>} */
      const here = [];
      for (const r of action.matchAll(/\$?\.Values((?:\.[A-Za-z_][\w-]*)+)/g)) here.push({ path: (r[1] ?? '').slice(1).split('.'), at: r.index ?? 0 });
      for (const r of action.matchAll(/index \$?\.Values((?:\.[A-Za-z_][\w-]*)*) "([^"]+)"((?: "[^"]+")*)/g)) {
        const more = [...(r[3] ?? '').matchAll(/"([^"]+)"/g)].map((x) => x[1] ?? '');
        here.push({ path: [...(r[1] ? r[1].slice(1).split('.') : []), r[2] ?? '', ...more], at: r.index ?? 0 });
      }
      if (Array.isArray(ctx)) {
        // `.a.b` inside `with .Values.x`: x.a.b
        for (const r of action.matchAll(/(?<![\w$)\]."])\.([A-Za-z_][\w-]*(?:\.[A-Za-z_][\w-]*)*)/g)) {
          const rel = (r[1] ?? '').split('.');
          if (!ROOT_FIELDS.has(rel[0] ?? '')) here.push({ path: [...ctx, ...rel], at: r.index ?? 0 });
        }
        // a bare `.` passed on (toYaml ., include "x" ., tpl (toYaml .) $): the whole of x
        if (/(^|[\s(])\.(?=$|[\s)|])/.test(action)) whole.push(ctx);
      }
      refs.push(...here.map((h) => h.path));
      const rendersWhole = FUNCS_WHOLE.test(action) || /\|\s*(toYaml|toJson|deepCopy)/.test(action) || /^\$\w+\s*:?=/.test(action) || /^range\b/.test(action);
      if (rendersWhole) for (const h of here) whole.push(h.path);
      const word = /^(\w+)/.exec(action)?.[1];
      if (word === 'with') {
        const target = here[0];
        stack.push(target && target.at <= 6 ? target.path : null);
      } else if (word === 'range') stack.push(null);
      else if (word === 'if') stack.push(ctx);
      else if (word === 'define' || word === 'block') stack.push('root');
      else if (word === 'end') stack.pop();
    }
  }
  return { refs, whole };
}

/**
 * The files of a folder, recursively.
 * @param {string} dir
 * @returns {string[]}
 */
function filesUnder(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? filesUnder(p) : [p];
  });
}

/**
 * One chart's key tree: its values.yaml, what its templates read and render whole, what its
 * other values files refer to, and its subcharts under their names.
 * @param {string} dir the chart's folder
 * @returns {{ [key: string]: Tree }}
 */
function chartTree(dir) {
  const values = yaml.load(readFileSync(join(dir, 'values.yaml'), 'utf8'));
  const tree = /** @type {{ [key: string]: Tree }} */ (fromValues(values) || {});
  const templates = filesUnder(join(dir, 'templates')).map((f) => readFileSync(f, 'utf8'));
  const others = readdirSync(dir)
    .filter((f) => /^values-.*\.ya?ml$/.test(f))
    .map((f) => readFileSync(join(dir, f), 'utf8'));
  const { refs, whole } = templateUse(templates);
  for (const text of others) for (const r of text.matchAll(/\.Values((?:\.[A-Za-z_][\w-]*)+)/g)) refs.push((r[1] ?? '').slice(1).split('.'));
  for (const p of refs) addPath(tree, p);
  for (const p of whole) openPath(tree, p);
  tree.global = 0;
  const meta = /** @type {{ dependencies?: Array<{ name: string; alias?: string }> }} */ (yaml.load(readFileSync(join(dir, 'Chart.yaml'), 'utf8')));
  for (const dep of meta.dependencies ?? []) {
    const sub = join(dir, 'charts', dep.name);
    if (!existsSync(join(sub, 'values.yaml'))) {
      tree[dep.alias ?? dep.name] = 0;
      continue;
    }
    const own = tree[dep.alias ?? dep.name];
    const merged = chartTree(sub);
    if (typeof own === 'object') for (const [k, v] of Object.entries(own)) if (!(k in merged)) merged[k] = v;
    tree[dep.alias ?? dep.name] = merged;
  }
  return tree;
}

/**
 * flyte-core's key tree and version, read from its archive; undefined without ../shared.
 * @returns {{ version: string; tree: { [key: string]: Tree } } | undefined}
 */
export function flyteCoreKeys() {
  if (!existsSync(FLYTE_CORE_TGZ)) {
    console.warn(`build: ${FLYTE_CORE_TGZ} is missing: validate and install cannot name unknown flyte-core keys`);
    return undefined;
  }
  const tmp = mkdtempSync(join(tmpdir(), 'flytemc-build-'));
  try {
    const r = spawnSync('tar', ['-xzf', FLYTE_CORE_TGZ, '-C', tmp], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`build: tar -xzf ${FLYTE_CORE_TGZ} failed: ${r.stderr || r.error?.message}`);
    const dir = join(tmp, 'flyte-core');
    const meta = /** @type {{ version: string }} */ (yaml.load(readFileSync(join(dir, 'Chart.yaml'), 'utf8')));
    return { version: meta.version, tree: chartTree(dir) };
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
