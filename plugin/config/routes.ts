// FlyteAdmin's cluster selection reproduced (flyteorg/flyte v1.16.8): each label's shares, skips, fallbacks and the draw of an execution.
import { GoRand, fnv64a } from './go-rand.ts';
import { isObject } from '../yaml/data.ts';

interface ClusterInfo {
  name: string;
  enabled: boolean;
  /** Why it is disabled, when it is. */
  why?: string;
}

export interface RouteEntry {
  id: string;
  /** The weight as written (undefined when missing: FlyteAdmin reads 0). */
  weight: number;
  /** Included in the draw. */
  used: boolean;
  /** Normalised share of executions (0..1) when used. */
  share: number;
  /** Why an entry does not take part, or a remark. */
  note?: string;
}

interface LabelRoutes {
  label: string;
  entries: RouteEntry[];
  /** FlyteAdmin drops a label none of whose clusters is enabled. */
  dropped: boolean;
  /** A weight outside 0..1: FlyteAdmin refuses to start (NewWeightedRandom fails). */
  fatal?: string;
}

interface Fallback {
  /** `defaultExecutionLabel` when it names a label that survived, else undefined. */
  label?: string;
  /** Why the default label is not used, when one is configured. */
  note?: string;
  /** The equal-weight list of all enabled clusters (the last resort). */
  all: RouteEntry[];
}

export interface Routes {
  clusters: ClusterInfo[];
  labels: LabelRoutes[];
  defaultExecutionLabel?: string;
  fallback: Fallback;
  /** Remarks about the config's shape that FlyteAdmin silently ignores. */
  notes: string[];
}

/** FlyteAdmin's `clusters` section from merged Helm values (either shape), or undefined. */
export function clustersFromValues(values: unknown): { clusters: unknown; at: string } | undefined {
  if (!isObject(values)) return undefined;
  const mc = values.multicluster;
  if (isObject(mc) && mc.clusters !== undefined) return { clusters: mc.clusters, at: 'multicluster.clusters' };
  for (const [base, v] of [
    ['', values],
    ['flyte-core.', values['flyte-core']],
  ] as const) {
    if (isObject(v) && isObject(v.configmap) && v.configmap.clusters !== undefined) return { clusters: v.configmap.clusters, at: `${base}configmap.clusters` };
  }
  return undefined;
}

const f32 = Math.fround;

/** The entries of a weighted random list, as NewWeightedRandom builds it (sorted by id). */
function weighted(entries: Array<{ id: string; weight: number }>): { list: Array<{ id: string; cumulative: number }>; total: number } {
  const sorted = [...entries].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  let total = f32(0);
  for (const e of sorted) total = f32(total + f32(e.weight));
  let current = f32(0);
  const list: Array<{ id: string; cumulative: number }> = [];
  for (const e of sorted) {
    if (total === 0) current = f32(current + f32(1 / sorted.length));
    else if (f32(e.weight) === 0) continue;
    current = f32(current + f32(e.weight));
    list.push({ id: e.id, cumulative: current });
  }
  return { list, total: current };
}

function shares(entries: Array<{ id: string; weight: number }>): Map<string, number> {
  const { list, total } = weighted(entries);
  const out = new Map<string, number>();
  let prev = 0;
  for (const e of list) {
    out.set(e.id, (out.get(e.id) ?? 0) + (total > 0 ? (e.cumulative - prev) / total : 0));
    prev = e.cumulative;
  }
  return out;
}

/** The clusters as FlyteAdmin reads them, each enabled or with why not; `notes` gets what it skips. */
function clusterInfos(raw: Record<string, unknown>, notes: string[]): ClusterInfo[] {
  const clusters: ClusterInfo[] = [];
  const seen = new Set<string>();
  const list = Array.isArray(raw.clusterConfigs) ? raw.clusterConfigs : [];
  if (raw.clusterConfigs !== undefined && !Array.isArray(raw.clusterConfigs)) notes.push('clusterConfigs is not a list, so FlyteAdmin reads no clusters');
  list.forEach((c, i) => {
    if (!isObject(c) || typeof c.name !== 'string') {
      notes.push(`clusterConfigs[${i}] has no name; FlyteAdmin cannot route to it`);
      return;
    }
    const enabled = c.enabled === true;
    const info: ClusterInfo = { name: c.name, enabled };
    if (!enabled) {
      if (isObject(c.auth) && 'enabled' in c.auth) info.why = '`enabled` is indented under `auth`, where FlyteAdmin ignores it';
      else if (c.enabled === undefined) info.why = 'no `enabled: true` (FlyteAdmin defaults to false)';
      else if (c.enabled === false) info.why = '`enabled: false`';
      else info.why = `\`enabled: ${JSON.stringify(c.enabled)}\` is not the boolean true`;
    }
    if (seen.has(c.name)) notes.push(`cluster ${JSON.stringify(c.name)} is listed twice; FlyteAdmin refuses to start on duplicate names`);
    seen.add(c.name);
    clusters.push(info);
  });
  return clusters;
}

/** One label's entries as FlyteAdmin weighs them: skipped, ignored, or drawn with a share. */
function labelRoutes(label: string, routes: unknown, byName: Map<string, ClusterInfo>, notes: string[]): LabelRoutes {
  const rs = Array.isArray(routes) ? routes : [];
  if (!Array.isArray(routes)) notes.push(`label ${JSON.stringify(label)} is not a list of {id, weight}, so FlyteAdmin reads no clusters for it`);
  const entries: RouteEntry[] = [];
  const usable: Array<{ id: string; weight: number }> = [];
  let fatal: string | undefined;
  for (const r of rs) {
    const id = isObject(r) && typeof r.id === 'string' ? r.id : '';
    const weight = isObject(r) && typeof r.weight === 'number' ? r.weight : 0;
    const entry: RouteEntry = { id: id || '(no id)', weight, used: false, share: 0 };
    const target = byName.get(id);
    if (!target) entry.note = `skipped: ${id ? 'not in clusterConfigs' : 'the entry has no id'}`;
    else if (!target.enabled) entry.note = `skipped: cluster not enabled (${target.why ?? 'disabled'})`;
    else {
      if (isObject(r) && r.weight === undefined) entry.note = 'no weight: FlyteAdmin reads 0';
      if (weight < 0 || weight > 1) fatal = `weight ${weight} of ${id} is outside 0..1: FlyteAdmin refuses to start ("invalid weight")`;
      usable.push({ id, weight });
    }
    entries.push(entry);
  }
  const sh = shares(usable);
  const allZero = usable.length > 0 && usable.every((u) => f32(u.weight) === 0);
  for (const e of entries) {
    if (e.note?.startsWith('skipped')) continue;
    const s = sh.get(e.id);
    if (s !== undefined && s > 0) {
      e.used = true;
      e.share = s;
      if (allZero) e.note = 'all weights are 0: FlyteAdmin splits evenly';
    } else if (!e.note) {
      e.note = 'ignored: weight 0 (another cluster of the label has a weight)';
    }
  }
  return { label, entries, dropped: usable.length === 0, ...(fatal ? { fatal } : {}) };
}

/** Where executions without a routed label go: defaultExecutionLabel when it survived, else all enabled clusters. */
function fallbackOf(clusters: ClusterInfo[], labels: LabelRoutes[], def: string | undefined): Fallback {
  const uniqueEnabled = [...new Set(clusters.filter((c) => c.enabled).map((c) => c.name))];
  const allShares = shares(uniqueEnabled.map((id) => ({ id, weight: 0 })));
  const fallback: Fallback = { all: uniqueEnabled.sort().map((id) => ({ id, weight: 0, used: true, share: allShares.get(id) ?? 0 })) };
  if (def === undefined) return fallback;
  const l = labels.find((x) => x.label === def);
  if (!l) fallback.note = `defaultExecutionLabel ${JSON.stringify(def)} is not in labelClusterMap: FlyteAdmin warns and uses all enabled clusters`;
  else if (l.dropped)
    fallback.note = `defaultExecutionLabel ${JSON.stringify(def)} has no enabled cluster, so FlyteAdmin dropped it and uses all enabled clusters`;
  else fallback.label = def;
  return fallback;
}

/** The routes of a clusters section, read as leniently as FlyteAdmin reads it: a schema problem becomes a note, never a throw, so that it explains configs `validate` refuses. */
export function computeRoutes(clustersRaw: unknown): Routes {
  const notes: string[] = [];
  const raw = isObject(clustersRaw) ? clustersRaw : {};
  if (!isObject(clustersRaw)) notes.push('the clusters section is not a mapping, so FlyteAdmin reads no clusters');
  const clusters = clusterInfos(raw, notes);
  // the first entry of a name is the one routes reach (FlyteAdmin refuses duplicates anyway)
  const byName = new Map<string, ClusterInfo>();
  for (const c of clusters) if (!byName.has(c.name)) byName.set(c.name, c);
  const map = isObject(raw.labelClusterMap) ? raw.labelClusterMap : {};
  if (raw.labelClusterMap !== undefined && !isObject(raw.labelClusterMap)) notes.push('labelClusterMap is not a mapping, so FlyteAdmin reads no labels');
  const labels = Object.entries(map).map(([label, routes]) => labelRoutes(label, routes, byName, notes));
  const def = typeof raw.defaultExecutionLabel === 'string' && raw.defaultExecutionLabel !== '' ? raw.defaultExecutionLabel : undefined;
  const routes: Routes = { clusters, labels, fallback: fallbackOf(clusters, labels, def), notes };
  if (def !== undefined) routes.defaultExecutionLabel = def;
  return routes;
}

/** The list an execution with `label` draws from (label → defaultExecutionLabel → all enabled). */
export function effectiveList(routes: Routes, label: string | undefined): { via: string; entries: Array<{ id: string; weight: number }>; allEqual: boolean } {
  const usable = (l: LabelRoutes) => l.entries.filter((e) => !e.note?.startsWith('skipped')).map((e) => ({ id: e.id, weight: e.weight }));
  const l = label !== undefined ? routes.labels.find((x) => x.label === label && !x.dropped) : undefined;
  if (l) return { via: `label ${label}`, entries: usable(l), allEqual: false };
  if (routes.fallback.label !== undefined) {
    const d = routes.labels.find((x) => x.label === routes.fallback.label)!;
    return { via: `defaultExecutionLabel ${routes.fallback.label}`, entries: usable(d), allEqual: false };
  }
  return { via: 'all enabled clusters', entries: routes.fallback.all.map((e) => ({ id: e.id, weight: 0 })), allEqual: true };
}

const draws = new Map<string, number>();
const rng = new GoRand({ hi: 0, lo: 0 });
/** The first Float32 of rand.New(rand.NewSource(int64(fnv64a(name)))): it depends on the name only. */
function draw(name: string): number {
  let d = draws.get(name);
  if (d === undefined) {
    d = rng.reseed(fnv64a(name)).float32();
    if (draws.size > 1_100_000) draws.clear();
    draws.set(name, d);
  }
  return d;
}

/**
 * The cluster FlyteAdmin picks for an execution named `executionName` from a list: the same
 * NewWeightedRandom + GetWithSeed(rand.NewSource(int64(fnv64a(name)))) as FlyteAdmin.
 */
export function pick(entries: Array<{ id: string; weight: number }>, executionName: string): string | undefined {
  const { list, total } = weighted(entries);
  if (list.length === 0) return undefined;
  const r = f32(draw(executionName) * total);
  for (const e of list) if (e.cumulative >= r && e.cumulative > 0) return e.id;
  return list[list.length - 1]!.id;
}

/** Execution names in FlyteAdmin's own format (a letter then 19 letters/digits), reproducibly from `seed`. */
export function executionNames(n: number, seed = 'flytemc'): string[] {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
  const rng = new GoRand(fnv64a(seed));
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    let s = alphabet[Math.floor(rng.float64() * 26)]!;
    for (let j = 1; j < 20; j++) s += alphabet[Math.floor(rng.float64() * alphabet.length)]!;
    out.push(s);
  }
  return out;
}

/** The label `join` adds for each cluster, routed to it alone, so one execution can be sent there (`smoke`). */
const PIN_PREFIX = 'pin-';
export const pinLabel = (cluster: string): string => `${PIN_PREFIX}${cluster}`;

/** A label that sends every execution to `cluster` and nowhere else (its pin label first), or undefined. */
export function labelPinning(routes: Routes, cluster: string): string | undefined {
  const pins = routes.labels.filter((l) => !l.dropped && !l.fatal && l.entries.every((e) => !e.used || e.id === cluster) && l.entries.some((e) => e.used));
  return (pins.find((l) => l.label === pinLabel(cluster)) ?? pins[0])?.label;
}
