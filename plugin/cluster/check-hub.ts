// `flytemc check` from the hub: each cluster proven with the token and CA FlyteAdmin reads, and whether FlyteAdmin's deployed config lists it.
import { basename } from 'node:path';
import { assignPorts, isProxied, wire, type WiredProxy } from '../config/credential-proxy.ts';
import type { AccessCheck } from '../config/rbac.ts';
import { caKey, tokenKey, type ClusterConfig } from '../config/types.ts';
import { blankRow, failed, type CheckRow, type ClusterList, type Finding } from './check-report.ts';
import { recordsSource } from './check-list.ts';
import type { readCredentials } from './hub.ts';
import type { Kube } from './kube.ts';
import { checkProxy } from './proxy-status.ts';
import type { Reach } from './session.ts';

/** What every cluster's check reads once: the hub, its Secret, the lists, what FlyteAdmin needs. */
export interface HubContext {
  hub: Kube;
  ns: string;
  secretName: string;
  list: ClusterList;
  deployed: ClusterList | undefined;
  creds: Awaited<ReturnType<typeof readCredentials>>;
  /** The hub's flyte-admin-clusters-config data, read only when a cluster is proxied. */
  clustersConfig: Record<string, string> | undefined;
  checks: AccessCheck[];
  timeoutMs: number;
  reach: Reach;
}

type Proxied = ClusterConfig & { credentialProxy: NonNullable<ClusterConfig['credentialProxy']> };

/** One cluster from the hub, as FlyteAdmin reaches it. */
export async function checkFromHub(h: HubContext, c: ClusterConfig): Promise<CheckRow> {
  const started = Date.now();
  const base = blankRow(c);
  if (c.inCluster)
    return {
      ...base,
      verdict: 'skip',
      endpoint: 'in cluster',
      findings: [{ check: 'token', ok: null, problem: 'inCluster: FlyteAdmin uses its own ServiceAccount' }],
    };
  const fail = (check: Finding['check'], problem: string, fix: string): CheckRow => ({
    ...base,
    problem,
    fix,
    findings: [{ check, ok: false, problem, fix }],
    ms: Date.now() - started,
  });
  if (!c.endpoint) return fail('reachable', 'no endpoint', 'set endpoint in clusterConfigs (rerun flytemc join)');
  if (isProxied(c)) return checkProxiedFromHub(h, c, base);
  const tk = c.auth?.tokenPath ? basename(c.auth.tokenPath) : tokenKey(c.name);
  const ck = c.auth?.certPath ? basename(c.auth.certPath) : caKey(c.name);
  const token = h.creds.data[tk];
  const ca = h.creds.data[ck];
  if (token === undefined || ca === undefined) {
    const missing = [token === undefined ? tk : undefined, ca === undefined ? ck : undefined].filter(Boolean).join(' and ');
    const listed = h.deployed?.clusters.some((x) => x.name === c.name);
    const where = `Secret ${h.ns}/${h.secretName} has no key ${missing}`;
    return fail(
      'token',
      listed
        ? `FlyteAdmin's deployed config lists ${c.name}, but ${where}: FlyteAdmin fails to start (at its next restart or upgrade) without it`
        : `${where}: FlyteAdmin fails to start without it`,
      `join it: flytemc join CONTEXT --name ${c.name} --kube-context ${h.hub.context} -n ${h.ns}${listed ? '; or, if it was unjoined, upgrade the control plane without it' : ''}`,
    );
  }
  return proven(h, c, base, await h.reach.proveToken(c.endpoint, token, [{ source: 'hub', pem: ca }], h.timeoutMs, h.checks));
}

/** The row of a token proven as FlyteAdmin uses it: each stage after the first that failed is not checked. */
function proven(h: HubContext, c: ClusterConfig, base: CheckRow, { result: r }: Awaited<ReturnType<Reach['proveToken']>>): CheckRow {
  const fix = r.fix?.replace('flytemc rotate CONTEXT --name NAME', `flytemc rotate CONTEXT --name ${c.name} --kube-context ${h.hub.context}`);
  const stage = (check: Finding['check'], ok: boolean, reached: boolean): Finding =>
    !reached ? { check, ok: null } : ok ? { check, ok: true } : { check, ok: false, ...(r.what ? { problem: r.what } : {}), ...(fix ? { fix } : {}) };
  return {
    ...base,
    reachable: r.reachable,
    tls: r.tls,
    authenticated: r.authenticated,
    permissions: r.permissions,
    verdict: r.ok ? 'ok' : 'fail',
    ...(r.user ? { user: r.user } : {}),
    ...(r.what ? { problem: r.what } : {}),
    ...(fix ? { fix } : {}),
    ...(r.missing.length ? { missing: r.missing, missingKinds: r.missingKinds } : {}),
    findings: [
      stage('reachable', r.reachable, true),
      stage('tls', r.tls, r.reachable),
      stage('token', r.authenticated, r.tls),
      stage('permissions', r.permissions, r.authenticated),
    ],
    ms: r.ms,
  };
}

/** A proxied cluster from the hub: its CA in the Secret, its API server over TLS with it, no long-lived token left, the deployed proxy. */
async function checkProxiedFromHub(h: HubContext, c: Proxied, base: CheckRow): Promise<CheckRow> {
  const started = Date.now();
  const w: WiredProxy = c.credentialProxy.server
    ? (c as WiredProxy)
    : wire(c, assignPorts(h.list.clusters).get(c.name) ?? 0, c.credentialProxy.image ?? '', `/${caKey(c.name)}`);
  const endpoint = w.credentialProxy.server;
  const row: CheckRow = { ...base, endpoint, proxied: true };
  const ca = h.creds.data[caKey(c.name)];
  if (ca === undefined) {
    const problem = `Secret ${h.ns}/${h.secretName} has no key ${caKey(c.name)}: the credential proxy verifies ${endpoint} with it, and FlyteAdmin's pods do not start without it`;
    const fix = `join it: flytemc join CONTEXT --name ${c.name} --kube-context ${h.hub.context} -n ${h.ns} --auth ...`;
    return { ...row, problem, fix, findings: [{ check: 'tls', ok: false, problem, fix }], ms: Date.now() - started };
  }
  const r = await h.reach.reachServer(endpoint, ca, h.timeoutMs);
  const token = leftoverToken(h, c);
  const said = { ...(r.what ? { problem: r.what } : {}), ...(r.fix ? { fix: r.fix } : {}) };
  const findings: Finding[] = [
    r.reachable ? { check: 'reachable', ok: true } : { check: 'reachable', ok: false, ...said },
    !r.reachable ? { check: 'tls', ok: null } : r.tls ? { check: 'tls', ok: true } : { check: 'tls', ok: false, ...said },
    token,
    { check: 'permissions', ok: null },
    { check: 'proxy', ...(await checkProxy(h.hub, h.ns, w, h.clustersConfig)) },
  ];
  return {
    ...row,
    reachable: r.reachable,
    tls: r.tls,
    authenticated: token.ok === true,
    verdict: failed(findings) ? 'fail' : 'ok',
    findings,
    ms: Date.now() - started,
  };
}

/** A proxied cluster's TOKEN: a long-lived token left in the hub for it is one to leak, never used. */
function leftoverToken(h: HubContext, c: ClusterConfig): Finding {
  if (h.creds.data[tokenKey(c.name)] === undefined) return { check: 'token', ok: true, value: 'short-lived (credential proxy)' };
  const secret = `${h.ns}/${h.secretName}`;
  return {
    check: 'token',
    ok: false,
    problem: `Secret ${secret} still holds ${tokenKey(c.name)}, a long-lived token, although FlyteAdmin reaches ${c.name} through its credential proxy with short-lived credentials: one to leak, never used`,
    fix: `remove it: kubectl --context ${h.hub.context} -n ${h.ns} patch secret ${h.secretName} --type json -p '[{"op":"remove","path":"/data/${tokenKey(c.name)}"}]'; then revoke it in the data plane: kubectl -n ${h.ns} delete secret ${h.creds.records[c.name]?.tokenSecret || 'flyteadmin-token'}`,
  };
}

/** Whether FlyteAdmin's deployed config lists the cluster: a joined cluster it does not list gets no executions yet. */
export function withDeployed(h: HubContext, row: CheckRow, c: ClusterConfig): CheckRow {
  const { deployed, list } = h;
  if (!deployed) return row;
  const inDeployed = deployed.clusters.some((x) => x.name === c.name);
  const inList = list !== deployed && list.clusters.some((x) => x.name === c.name);
  let f: Finding;
  if (!inDeployed)
    f = {
      check: 'deployed',
      ok: false,
      problem: `not deployed yet: ${inList ? `${list.source} lists it` : `it is joined (its keys are in Secret ${h.ns}/${h.secretName})`}, but FlyteAdmin's deployed config (${deployed.source}) does not, so FlyteAdmin sends it no executions`,
      fix: `upgrade the control plane with the values file join recorded it in: helm flytemc install control-plane --kube-context ${h.hub.context} -n ${h.ns} -f VALUES`,
    };
  else if (list !== deployed && !inList && list.source !== recordsSource(h.ns, h.secretName))
    f = {
      check: 'deployed',
      ok: true,
      problem: `${list.source} no longer lists it, but FlyteAdmin still runs with it (${deployed.source}): the next upgrade of the control plane takes it out; then \`flytemc unjoin CONTEXT --name ${c.name} --kube-context ${h.hub.context} -n ${h.ns} --finish\` removes its keys`,
    };
  else f = { check: 'deployed', ok: true };
  return { ...row, findings: [...row.findings, f], ...(f.ok === false ? { verdict: 'fail' as const } : {}) };
}
