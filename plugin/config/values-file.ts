// Records joined clusters and their routes in a Helm values file (`multicluster.clusters`) and removes them again; never a token.
import { closeSync, existsSync, openSync, readFileSync, statSync, unlinkSync } from 'node:fs';
import { FlytemcError, error } from '../problems/problems.ts';
import { parseValuesFile } from './from-values.ts';
import { writeFileAtomic } from '../cli/stdio.ts';
import { dumpYaml } from '../yaml/dialect.ts';
import { editYamlText } from '../yaml/edit.ts';
import type { ClusterConfig, Clusters, CredentialProxy, Route } from './types.ts';
import { isObject, sameData } from '../yaml/data.ts';

// The file names a cluster, its endpoint and its routes; the chart and the post-renderer point tokenPath/certPath at
// `<mountPath>/<name>_token|_cacert`. Only the text of what changed is rewritten (yaml/edit.ts), so comments and layout stay;
// a layout that cannot be edited in place (anchors, merge keys) is rewritten whole, and said so.

export interface ClusterEntry {
  name: string;
  endpoint: string;
  routes: Array<{ label: string; weight: number }>;
  /** Reached through a credential proxy (join --auth); without it, a long-lived token. */
  credentialProxy?: CredentialProxy;
}

type Values = Record<string, unknown>;

function clustersOf(values: Values, path: string, create: boolean): Clusters | undefined {
  if (!('multicluster' in values) && isObject(values.configmap) && 'clusters' in values.configmap) {
    throw new FlytemcError([
      error(
        path,
        "the file keeps its clusters in flyte-core's `configmap.clusters`; join records them in the flyte-multicluster chart's `multicluster.clusters`",
        'move the clusters to `multicluster.clusters` (see docs/configuration.md), or leave out --values and paste the printed snippet',
      ),
    ]);
  }
  let mc = values.multicluster;
  if (mc === undefined || mc === null) {
    if (!create) return undefined;
    mc = values.multicluster = {};
  }
  if (!isObject(mc)) throw new FlytemcError([error(`${path} /multicluster`, 'is not a mapping', 'make `multicluster:` a mapping with a `clusters:` key')]);
  let cl = mc.clusters;
  if (cl === undefined || cl === null) {
    if (!create) return undefined;
    cl = mc.clusters = {};
  }
  if (!isObject(cl))
    throw new FlytemcError([error(`${path} /multicluster/clusters`, 'is not a mapping', 'make it a mapping with clusterConfigs and labelClusterMap')]);
  return cl as Clusters;
}

/** Adds or updates the clusters and their routes (a cordoned one stays cordoned). */
export function addClusters(values: Values, entries: ClusterEntry[], path = 'values'): void {
  const cl = clustersOf(values, path, true)!;
  const configs: ClusterConfig[] = (cl.clusterConfigs ??= []);
  for (const e of entries) {
    const have = configs.find((c) => c.name === e.name);
    if (have) {
      have.endpoint = e.endpoint;
      // a cordoned cluster (enabled: false) stays cordoned: `uncordon` takes it back
      if (have.enabled !== false) have.enabled = true;
      if (e.credentialProxy) {
        have.credentialProxy = e.credentialProxy;
        delete have.auth; // the proxy brings the credentials: no token file
      } else delete have.credentialProxy;
    } else {
      configs.push({ name: e.name, endpoint: e.endpoint, enabled: true, ...(e.credentialProxy ? { credentialProxy: e.credentialProxy } : {}) });
    }
    if (e.routes.length) {
      const map: Record<string, Route[]> = (cl.labelClusterMap ??= {});
      for (const r of e.routes) {
        const list = (map[r.label] ??= []);
        const route = list.find((x) => x.id === e.name);
        if (route) route.weight = r.weight;
        else list.push({ id: e.name, weight: r.weight });
      }
    }
  }
}

/** The file of `files` whose `multicluster.clusters.clusterConfigs` Helm uses: the last one that sets it (Helm replaces lists). */
export function clusterListFile<T extends { values: unknown }>(files: readonly T[]): T | undefined {
  return [...files]
    .reverse()
    .find(
      (f) =>
        isObject(f.values) && isObject(f.values.multicluster) && isObject(f.values.multicluster.clusters) && 'clusterConfigs' in f.values.multicluster.clusters,
    );
}

/** The names of the clusters of a values file's `multicluster.clusters` that FlyteAdmin sends executions to (`enabled: true`). */
export function enabledClusters(values: Values, path = 'values'): string[] {
  return (clustersOf(values, path, false)?.clusterConfigs ?? []).filter((c) => c.enabled === true).map((c) => c.name);
}

/**
 * Sets `enabled` of cluster `name` (cordon: false, uncordon: true), keeping its config, credentials
 * and routes; `found` is false when the file does not list it.
 */
export function setEnabled(values: Values, name: string, enabled: boolean, path = 'values'): { found: boolean; changed: boolean } {
  const c = (clustersOf(values, path, false)?.clusterConfigs ?? []).find((x) => x.name === name);
  if (!c) return { found: false, changed: false };
  const changed = c.enabled !== enabled;
  c.enabled = enabled;
  return { found: true, changed };
}

export interface Removal {
  routes: string[];
  config: boolean;
  defaultLabelDropped?: string;
}

/** Removes the cluster's routes (labels left empty go, and a default label pointing at one), then its config. */
export function removeCluster(values: Values, name: string, path = 'values'): Removal {
  const out: Removal = { routes: [], config: false };
  const cl = clustersOf(values, path, false);
  if (!cl) return out;
  const map = cl.labelClusterMap;
  if (map) {
    for (const label of Object.keys(map)) {
      const list = map[label] ?? [];
      const kept = list.filter((r) => r.id !== name);
      if (kept.length === list.length) continue;
      out.routes.push(label);
      if (kept.length) map[label] = kept;
      else {
        delete map[label];
        if (cl.defaultExecutionLabel === label) {
          delete cl.defaultExecutionLabel;
          out.defaultLabelDropped = label;
        }
      }
    }
  }
  if (cl.clusterConfigs) {
    const kept = cl.clusterConfigs.filter((c) => c.name !== name);
    out.config = kept.length !== cl.clusterConfigs.length;
    cl.clusterConfigs = kept;
  }
  return out;
}

/** The snippet to paste when there is no --values file. */
export function snippet(entries: ClusterEntry[]): string {
  const values: Values = {};
  addClusters(values, entries);
  return dumpYaml(values);
}

// ---------------------------------------------------------------------------------------------
// the file

interface FileEdit {
  path: string;
  changed: boolean;
  created: boolean;
  before: string;
  after: string;
  commentsKept: boolean;
}

async function withLock<T>(path: string, fn: () => T): Promise<T> {
  const lock = `${path}.flytemc-lock`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      closeSync(openSync(lock, 'wx', 0o600));
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST')
        throw new FlytemcError([error(path, `cannot lock the file (${(e as NodeJS.ErrnoException).code})`, 'check that its folder is writable')]);
      try {
        if (Date.now() - statSync(lock).mtimeMs > 60_000) unlinkSync(lock); // left by a killed run
      } catch {
        /* gone meanwhile */
      }
      if (Date.now() > deadline)
        throw new FlytemcError([error(path, `locked by another flytemc run (${lock})`, `wait for it, or delete ${lock} if no flytemc runs`)]);
      await new Promise((r) => setTimeout(r, 20 + Math.random() * 50));
    }
  }
  try {
    return fn();
  } finally {
    try {
      unlinkSync(lock);
    } catch {
      /* already gone */
    }
  }
}

/** Reads the file, applies `mutate` to its values, writes it back (atomically, mode kept) unless dry. */
export async function editValuesFile(path: string, mutate: (values: Values) => void, opts: { dryRun: boolean }): Promise<FileEdit> {
  return withLock(path, () => {
    const exists = existsSync(path);
    const before = exists ? readFileSync(path, 'utf8') : '';
    const parsed = before.trim() === '' ? {} : parseValuesFile(path, before);
    if (!isObject(parsed)) throw new FlytemcError([error(`${path}:1`, 'the file must be a YAML mapping of Helm values', 'start it with `multicluster:`')]);
    const original = structuredClone(parsed);
    mutate(parsed);
    if (sameData(parsed, original) && exists) return { path, changed: false, created: false, before, after: before, commentsKept: true };
    let after = editYamlText(before, original, parsed);
    let commentsKept = true;
    try {
      if (after === undefined || !sameData(parseValuesFile(path, after), parsed)) after = undefined;
    } catch {
      after = undefined;
    }
    if (after === undefined) {
      after = dumpYaml(parsed);
      commentsKept = !/(^|\s)#/.test(before);
    }
    if (!opts.dryRun) writeFileAtomic(path, after, exists ? statSync(path).mode & 0o7777 : 0o644);
    return { path, changed: true, created: !exists, before, after, commentsKept };
  });
}
