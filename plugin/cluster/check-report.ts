// What `flytemc check` reports: a finding per thing looked at, a row per cluster, the report.
import type { ClusterConfig } from '../config/types.ts';

/** One thing check looked at: `ok` true, false (fails the cluster) or null (not checked). */
export interface Finding {
  check: 'reachable' | 'tls' | 'token' | 'permissions' | 'proxy' | 'deployed' | 'installed' | 'alive' | 'admin' | 'catalog' | 'cluster-id' | 'storage';
  ok: boolean | null;
  value?: string;
  problem?: string;
  fix?: string;
}

export interface CheckRow {
  name: string;
  endpoint: string;
  enabled: boolean;
  reachable: boolean;
  tls: boolean;
  authenticated: boolean;
  permissions: boolean;
  verdict: 'ok' | 'fail' | 'skip';
  /** Reached through a credential proxy: no token; TOKEN and PERMISSIONS come from its own findings. */
  proxied?: boolean;
  user?: string;
  problem?: string;
  fix?: string;
  missing?: string[];
  /** What FlyteAdmin may not do, per kind. */
  missingKinds?: Array<{ kind: string; resource: string; verbs: string[] }>;
  /** The kubeconfig context the member side was checked through. */
  memberContext?: string;
  /** False when that context was reached without TLS verification (--insecure-skip-tls-verify). */
  memberTlsVerified?: false;
  /** Every finding, hub side then member side. */
  findings: Finding[];
  ms: number;
}

export interface CheckReport {
  hub: string;
  /** The namespace check looked in, and where that came from (--namespace, Helm's, flytemc's default). */
  namespace: string;
  namespaceFrom: string;
  /** False when the hub was reached without TLS verification (--insecure-skip-tls-verify). */
  hubTlsVerified: boolean;
  secret: string;
  source: string;
  /** Where the permissions FlyteAdmin needs came from. */
  needsFrom: string;
  /** The control plane's storage (FlyteAdmin's flyte-admin-base-config), which each data plane must share. */
  storage?: string;
  clusters: CheckRow[];
  ok: boolean;
}

/** The clusters to check, where that list came from, and the credentials Secret it names. */
export interface ClusterList {
  source: string;
  clusters: ClusterConfig[];
  secretName?: string;
}

/** A row before any check: nothing proven yet. */
export const blankRow = (c: ClusterConfig): CheckRow => ({
  name: c.name,
  endpoint: c.endpoint ?? '',
  enabled: c.enabled === true,
  reachable: false,
  tls: false,
  authenticated: false,
  permissions: false,
  verdict: 'fail',
  findings: [],
  ms: 0,
});

/** A cluster fails when any of its findings does. */
export const failed = (findings: Finding[]): boolean => findings.some((f) => f.ok === false);
