// `flytemc check`: for every cluster FlyteAdmin is configured with, take its token and CA from
// the hub's credentials Secret (exactly the files FlyteAdmin reads) and prove, like FlyteAdmin
// would: endpoint reachable, TLS verified with that CA, token authenticated, permissions.
//
// The cluster list comes from -f values.yaml, else from the hub's deployed
// flyte-admin-clusters-config ConfigMap, else from the records join keeps on the Secret.
import { basename } from 'node:path';
import { FlytemcError, error, marked } from '../problems.ts';
import { EXIT } from '../shell.ts';
import { caKey, tokenKey, type ClusterConfig } from '../config/types.ts';
import { isObject } from '../postrender/stream.ts';
import { parseYaml } from '../yaml.ts';
import { readCredentials } from './hub.ts';
import { isNotFound, type Kube } from './kube.ts';
import { probe } from './probe.ts';
import { mapLimit } from './util.ts';

export interface CheckRow {
  name: string;
  endpoint: string;
  enabled: boolean;
  reachable: boolean;
  tls: boolean;
  authenticated: boolean;
  permissions: boolean;
  verdict: 'ok' | 'fail' | 'skip';
  user?: string;
  problem?: string;
  fix?: string;
  missing?: string[];
  ms: number;
}

export interface CheckReport {
  hub: string;
  /** False when the hub was reached without TLS verification (--insecure-skip-tls-verify). */
  hubTlsVerified: boolean;
  secret: string;
  source: string;
  clusters: CheckRow[];
  ok: boolean;
}

export interface ClusterList {
  source: string;
  clusters: ClusterConfig[];
  secretName?: string;
}

/** The clusters of a values file (the chart's `multicluster` block or flyte-core's `configmap.clusters`). */
export async function clustersFromFile(path: string, text: string): Promise<ClusterList> {
  const { configFromValues } = await import('../config/from-values.ts');
  const found = configFromValues(path, text);
  const raw = found.raw;
  if (found.form === 'multicluster') {
    const mc = isObject(raw) ? raw : {};
    const cl = isObject(mc.clusters) ? mc.clusters : {};
    const cred = isObject(mc.credentials) ? mc.credentials : {};
    return { source: path, clusters: Array.isArray(cl.clusterConfigs) ? (cl.clusterConfigs as ClusterConfig[]) : [], ...(typeof cred.secretName === 'string' ? { secretName: cred.secretName } : {}) };
  }
  const cl = isObject(raw) ? raw : {};
  return { source: path, clusters: Array.isArray(cl.clusterConfigs) ? (cl.clusterConfigs as ClusterConfig[]) : [] };
}

/** The clusters FlyteAdmin runs with: the hub's flyte-admin-clusters-config ConfigMap. */
export async function clustersDeployed(hub: Kube, ns: string): Promise<ClusterList | undefined> {
  const cm = await hub.call(`reading ConfigMap ${ns}/flyte-admin-clusters-config`, async () => {
    try {
      return await hub.core.readNamespacedConfigMap({ name: 'flyte-admin-clusters-config', namespace: ns });
    } catch (e) {
      if (isNotFound(e)) return undefined;
      throw e;
    }
  });
  const text = cm?.data?.['clusters.yaml'];
  if (!text) return undefined;
  const v = parseYaml(text) as { clusters?: { clusterConfigs?: ClusterConfig[] } } | null;
  return { source: `hub ConfigMap ${ns}/flyte-admin-clusters-config`, clusters: v?.clusters?.clusterConfigs ?? [] };
}

export async function checkClusters(hub: Kube, ns: string, secretName: string, list: ClusterList, timeoutMs: number, onRow?: (r: CheckRow) => void): Promise<CheckReport> {
  const creds = await readCredentials(hub, ns, secretName);
  if (!creds.secret && list.clusters.some((c) => !c.inCluster)) {
    throw new FlytemcError([error(`hub ${hub.context}`, `there is no Secret ${ns}/${secretName} with the clusters' credentials`, `join the data planes: flytemc join CONTEXT --kube-context ${hub.context} -n ${ns}`)], EXIT.failed);
  }
  const rows = await mapLimit(list.clusters, 8, async (c): Promise<CheckRow> => {
    const started = Date.now();
    const base: CheckRow = { name: c.name, endpoint: c.endpoint ?? '', enabled: c.enabled === true, reachable: false, tls: false, authenticated: false, permissions: false, verdict: 'fail', ms: 0 };
    const fail = (problem: string, fix: string): CheckRow => ({ ...base, problem, fix, ms: Date.now() - started });
    if (c.inCluster) return { ...base, verdict: 'skip', problem: 'inCluster: FlyteAdmin uses its own ServiceAccount', ms: 0 };
    if (!c.endpoint) return fail('no endpoint', 'set endpoint in clusterConfigs (rerun flytemc join)');
    const tk = c.auth?.tokenPath ? basename(c.auth.tokenPath) : tokenKey(c.name);
    const ck = c.auth?.certPath ? basename(c.auth.certPath) : caKey(c.name);
    const token = creds.data[tk];
    const ca = creds.data[ck];
    if (token === undefined || ca === undefined) {
      const missing = [token === undefined ? tk : undefined, ca === undefined ? ck : undefined].filter(Boolean).join(' and ');
      return fail(`Secret ${ns}/${secretName} has no key ${missing}: FlyteAdmin fails to start without it`, `flytemc join CONTEXT --name ${c.name} --kube-context ${hub.context}`);
    }
    const r = await probe(c.endpoint, token, ca, { timeoutMs });
    const row: CheckRow = {
      ...base,
      reachable: r.reachable, tls: r.tls, authenticated: r.authenticated, permissions: r.permissions,
      verdict: r.ok ? 'ok' : 'fail',
      ...(r.user ? { user: r.user } : {}),
      ...(r.what ? { problem: r.what } : {}),
      ...(r.fix ? { fix: r.fix.replace('flytemc rotate CONTEXT --name NAME', `flytemc rotate CONTEXT --name ${c.name} --kube-context ${hub.context}`) } : {}),
      ...(r.missing.length ? { missing: r.missing } : {}),
      ms: r.ms,
    };
    return row;
  });
  const clusters = rows.map((r, i) => (r.status === 'fulfilled' ? r.value : { name: list.clusters[i]!.name, endpoint: list.clusters[i]!.endpoint ?? '', enabled: false, reachable: false, tls: false, authenticated: false, permissions: false, verdict: 'fail' as const, problem: String((r.reason as Error)?.message ?? r.reason), ms: 0 }));
  for (const r of clusters) onRow?.(r);
  return { hub: hub.context, hubTlsVerified: hub.tlsVerified, secret: `${ns}/${secretName}`, source: list.source, clusters, ok: clusters.every((r) => r.verdict !== 'fail') };
}

const mark = (ok: boolean, reached: boolean) => (!reached ? '-' : ok ? 'yes' : 'NO');

export function formatTable(rep: CheckReport): string {
  const head = ['NAME', 'ENDPOINT', 'REACHABLE', 'TLS', 'TOKEN', 'PERMISSIONS', 'VERDICT'];
  const rows = rep.clusters.map((r) => {
    if (r.verdict === 'skip') return [r.name, r.endpoint || '-', '-', '-', '-', '-', 'skip'];
    return [
      r.name, r.endpoint || '-',
      r.endpoint ? (r.reachable ? 'yes' : 'NO') : '-',
      mark(r.tls, r.reachable),
      mark(r.authenticated, r.tls),
      mark(r.permissions, r.authenticated),
      r.verdict === 'ok' ? 'OK' : 'FAIL',
    ];
  });
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]!))).join('  ');
  const out = [line(head), ...rows.map(line)];
  const failed = rep.clusters.filter((r) => r.verdict === 'fail');
  for (const r of rep.clusters.filter((x) => x.problem)) {
    out.push('', `${r.verdict === 'fail' ? 'error' : 'note'}: cluster ${r.name}: ${r.problem}`);
    if (r.fix) out.push(`  fix: ${r.fix}`);
  }
  out.push('', failed.length ? `${failed.length} of ${rep.clusters.length} cluster${rep.clusters.length === 1 ? '' : 's'} FAIL (credentials from ${marked(`hub ${rep.hub}`)} Secret ${rep.secret}; clusters from ${rep.source})` : `all ${rep.clusters.length} cluster${rep.clusters.length === 1 ? '' : 's'} OK (credentials from ${marked(`hub ${rep.hub}`)} Secret ${rep.secret}; clusters from ${rep.source})`);
  return out.join('\n') + '\n';
}
