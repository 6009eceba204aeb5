// `flytemc check`'s table: a row per cluster, a line and a fix per finding with a problem, the count.
import { table } from '../cli/output.ts';
import type { CheckReport, CheckRow, Finding } from './check-report.ts';
import { noted } from './tls-note.ts';

const MEMBER_CHECKS = ['installed', 'alive', 'admin', 'catalog', 'cluster-id', 'storage'] as const;
const HUB_CHECKS: ReadonlyArray<Finding['check']> = ['reachable', 'tls', 'token', 'permissions'];

const mark = (ok: boolean, reached: boolean) => (!reached ? '-' : ok ? 'yes' : 'NO');

/** A finding's cell: yes / NO / - (not checked), or a short value (catalog off). */
function cell(row: CheckRow, check: Finding['check']): string {
  const f = row.findings.find((x) => x.check === check);
  if (!f || f.ok === null) return '-';
  if (f.ok === false) return 'NO';
  if (check === 'catalog' && f.value?.startsWith('off')) return 'off';
  if (check === 'cluster-id' && f.value?.endsWith('(default)')) return 'default';
  return 'yes';
}

/** REACHABLE, TLS, TOKEN, PERMISSIONS: `-` for inCluster, the proxy's own for a proxied cluster. */
function hubCells(r: CheckRow): string[] {
  if (r.findings.some((f) => f.check === 'token' && f.ok === null && r.endpoint === 'in cluster')) return ['-', '-', '-', '-'];
  if (r.proxied) return [r.reachable ? 'yes' : 'NO', mark(r.tls, r.reachable), cell(r, 'token') === 'yes' ? 'proxy' : cell(r, 'token'), cell(r, 'permissions')];
  return [r.endpoint ? (r.reachable ? 'yes' : 'NO') : '-', mark(r.tls, r.reachable), mark(r.authenticated, r.tls), mark(r.permissions, r.authenticated)];
}

/** The columns shown: PROXY, DEPLOYED and the member's only when some row has them. */
function grid(clusters: CheckRow[]): { head: string[]; rows: string[][] } {
  const member = clusters.some((r) => r.findings.some((f) => (MEMBER_CHECKS as readonly string[]).includes(f.check)));
  const deployed = clusters.some((r) => r.findings.some((f) => f.check === 'deployed'));
  const proxied = clusters.some((r) => r.proxied);
  const head = [
    ...['NAME', 'ENDPOINT', 'REACHABLE', 'TLS', 'TOKEN', 'PERMISSIONS'],
    ...(proxied ? ['PROXY'] : []),
    ...(deployed ? ['DEPLOYED'] : []),
    ...(member ? ['PROPELLER', 'ALIVE', 'ADMIN', 'CATALOG', 'CLUSTER-ID', 'STORAGE'] : []),
    'VERDICT',
  ];
  const rows = clusters.map((r) => [
    r.name,
    r.endpoint || '-',
    ...hubCells(r),
    ...(proxied ? [r.proxied ? cell(r, 'proxy') : '-'] : []),
    ...(deployed ? [cell(r, 'deployed')] : []),
    ...(member ? MEMBER_CHECKS.map((c) => cell(r, c)) : []),
    r.verdict === 'ok' ? 'OK' : r.verdict === 'skip' ? 'skip' : 'FAIL',
  ]);
  return { head, rows };
}

/** Where a finding was seen: the hub's own need no more than the cluster; the member's name the context. */
function findingPlace(r: CheckRow, f: Finding): string {
  if (HUB_CHECKS.includes(f.check)) return '';
  if (f.check === 'deployed') return ' (deployed)';
  return ` (${f.check}${r.memberContext ? `, ${noted(`context ${r.memberContext}`, r.memberTlsVerified !== false)}` : ''})`;
}

/** The lines under the table for one row: each distinct problem, the fix of each failed one. */
function problemLines(r: CheckRow): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const f of r.findings) {
    if (!f.problem || seen.has(f.problem)) continue;
    seen.add(f.problem);
    out.push('', `${f.ok === false ? 'error' : 'note'}: cluster ${r.name}${findingPlace(r, f)}: ${f.problem}`);
    if (f.fix && f.ok === false) out.push(`  fix: ${f.fix}`);
  }
  if (r.problem && !seen.has(r.problem)) {
    out.push('', `${r.verdict === 'fail' ? 'error' : 'note'}: cluster ${r.name}: ${r.problem}`);
    if (r.fix) out.push(`  fix: ${r.fix}`);
  }
  return out;
}

export function formatTable(rep: Pick<CheckReport, 'clusters' | 'hub' | 'hubTlsVerified' | 'secret' | 'source' | 'needsFrom'>): string {
  const { head, rows } = grid(rep.clusters);
  const failed = rep.clusters.filter((r) => r.verdict === 'fail').length;
  const n = rep.clusters.length;
  const from = `credentials from ${noted(`hub ${rep.hub}`, rep.hubTlsVerified)} Secret ${rep.secret}; clusters from ${rep.source}; permissions from ${rep.needsFrom}`;
  const count = failed ? `${failed} of ${n} cluster${n === 1 ? '' : 's'} FAIL (${from})` : `all ${n} cluster${n === 1 ? '' : 's'} OK (${from})`;
  return table(head, rows) + [...rep.clusters.flatMap(problemLines), '', count].join('\n') + '\n';
}
