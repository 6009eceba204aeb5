// Proves a ServiceAccount token and a CA the way FlyteAdmin uses them: https with the CA as the only trust root, the token as a bearer, then what it may do.
import * as https from 'node:https';
import { ACCESS_CHECKS, gr, missingByKind, rulesCover, type AccessCheck, type PolicyRule } from '../config/rbac.ts';
import { redact } from '../problems/mask.ts';
import { describeNetworkError, isTlsCode } from './kube-errors.ts';
import { mapLimit } from './util.ts';

// Plain node:https because one kept-alive pool per proof took half the time of client-node's typed APIs (28 vs 58 ms median, 12 reviews), which open a TLS connection per request.

type Stage = 'reachable' | 'tls' | 'token' | 'permissions';

export interface ProbeResult {
  ok: boolean;
  /** The first stage that failed, if any. */
  failed?: Stage;
  reachable: boolean;
  tls: boolean;
  authenticated: boolean;
  permissions: boolean;
  /** e.g. system:serviceaccount:flyte:flyteadmin */
  user?: string;
  /** `create pods`, … */
  missing: string[];
  /** The same, per kind: `{kind: ResourceQuota, resource: resourcequotas, verbs: [create, patch]}`. */
  missingKinds: Array<{ kind: string; resource: string; verbs: string[] }>;
  /** How the permissions were proven, for messages: one rules review, or one access review per check. */
  permissionsBy?: string;
  what?: string;
  fix?: string;
  ms: number;
}

interface HttpAnswer {
  status: number;
  body: string;
}

/** One API server as the proof talks to it: its pool of connections, the token, the deadline of each request. */
interface Conn {
  agent: https.Agent;
  endpoint: string;
  token: string;
  timeoutMs: number;
}

/** POSTs `body` with the token as a bearer; without a body, a GET without credentials. */
function request(c: Conn, path: string, body?: unknown): Promise<HttpAnswer> {
  const url = new URL(path, c.endpoint.endsWith('/') ? c.endpoint : c.endpoint + '/');
  const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
  const auth = payload ? { Authorization: `Bearer ${c.token}`, 'Content-Type': 'application/json', 'Content-Length': payload.length } : {};
  return new Promise((resolve, reject) => {
    const req = https.request(
      url,
      { method: payload ? 'POST' : 'GET', agent: c.agent, timeout: c.timeoutMs, headers: { ...auth, Accept: 'application/json', 'User-Agent': 'flytemc' } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (b: Buffer) => chunks.push(b));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(Object.assign(new Error('timeout'), { code: 'ETIMEDOUT' })));
    req.on('error', reject);
    req.end(payload);
  });
}

/** A pool whose only trust root is `caPem`, verification on: one TLS handshake per socket, not per review. */
const agentFor = (caPem: string, keepAlive: boolean) => new https.Agent({ keepAlive, maxSockets: 8, ca: caPem, rejectUnauthorized: true });

const isPem = (pem: string) => pem.includes('-----BEGIN CERTIFICATE-----');

/**
 * One SelfSubjectRulesReview, evaluated here: asked for a namespace that does not exist, so only
 * cluster-wide grants count, as they must for FlyteAdmin. True only when RBAC's answer is complete
 * and grants every check; otherwise the access reviews decide.
 */
async function rulesGrantAll(c: Conn, checks: AccessCheck[]): Promise<boolean> {
  try {
    const a = await request(c, 'apis/authorization.k8s.io/v1/selfsubjectrulesreviews', {
      apiVersion: 'authorization.k8s.io/v1',
      kind: 'SelfSubjectRulesReview',
      spec: { namespace: `flytemc-probe-${Math.random().toString(36).slice(2, 10)}` },
    });
    if (a.status < 200 || a.status >= 300) return false;
    const status = (JSON.parse(a.body) as { status?: { incomplete?: boolean; resourceRules?: PolicyRule[] } }).status;
    if (status?.incomplete !== false) return false;
    const rules = (status.resourceRules ?? []).map((x) => ({ apiGroups: x.apiGroups ?? [], resources: x.resources ?? [], verbs: x.verbs ?? [] }));
    return checks.every((k) => rulesCover(rules, [{ apiGroups: [k.group], resources: [k.resource], verbs: [k.verb] }]));
  } catch {
    return false;
  }
}

interface ProbeOptions {
  timeoutMs: number;
  /** Also check permissions (default true). */
  permissions?: boolean;
  /** What FlyteAdmin must be allowed to do (default: for flyte-core's cluster-resource templates). */
  checks?: AccessCheck[];
}

type Done = (failed: Stage | undefined, what?: string, fix?: string) => ProbeResult;

export async function probe(endpoint: string, token: string, caPem: string, opts: ProbeOptions): Promise<ProbeResult> {
  const started = Date.now();
  const r: ProbeResult = { ok: false, reachable: false, tls: false, authenticated: false, permissions: false, missing: [], missingKinds: [], ms: 0 };
  const done: Done = (failed, what, fix) => {
    r.ms = Date.now() - started;
    r.ok = failed === undefined;
    if (failed) r.failed = failed;
    // an answer's body may quote the token or anything else the server got: masked here, where it enters
    if (what) r.what = redact(what);
    if (fix) r.fix = fix;
    return r;
  };
  if (!isPem(caPem))
    return done(
      'tls',
      'the CA is not a PEM certificate',
      'the CA must be the PEM of the cluster CA (the kubeconfig certificate-authority-data, decoded, or the token Secret ca.crt)',
    );
  const c: Conn = { agent: agentFor(caPem, true), endpoint, token, timeoutMs: opts.timeoutMs };
  try {
    const stopped = await whoAmI(c, r, done);
    if (stopped) return stopped;
    return opts.permissions === false ? done(undefined) : await permissions(c, opts.checks ?? ACCESS_CHECKS, r, done);
  } finally {
    c.agent.destroy();
  }
}

/** Stage 1, a SelfSubjectReview: connect, verify TLS with this CA only, authenticate the token. Undefined: go on. */
async function whoAmI(c: Conn, r: ProbeResult, done: Done): Promise<ProbeResult | undefined> {
  let who: HttpAnswer;
  try {
    who = await request(c, 'apis/authentication.k8s.io/v1/selfsubjectreviews', { apiVersion: 'authentication.k8s.io/v1', kind: 'SelfSubjectReview' });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (!isTlsCode(code)) {
      const d = describeNetworkError(code, c.endpoint);
      return done('reachable', d.what, d.fix);
    }
    r.reachable = true;
    return done(
      'tls',
      `TLS verification failed with the given CA (${code})`,
      'the CA does not sign the API server certificate for this endpoint: use the cluster CA (certificate-authority-data of the kubeconfig, or ca.crt of the token Secret), and an endpoint name the certificate covers',
    );
  }
  r.reachable = true;
  r.tls = true;
  if (who.status === 401)
    return done(
      'token',
      'the API server rejects the token (401 Unauthorized)',
      'the token is revoked, expired or from another cluster: rejoin or rotate (flytemc rotate CONTEXT --name NAME)',
    );
  // 404: an API server before 1.28 has no SelfSubjectReview; the access reviews authenticate instead
  if (who.status >= 200 && who.status < 300) r.user = userOf(who.body);
  else if (who.status !== 404 && who.status !== 403)
    return done(
      'token',
      `unexpected answer ${who.status} to a SelfSubjectReview: ${who.body.slice(0, 200)}`,
      'check that the endpoint is a Kubernetes API server',
    );
  r.authenticated = true;
  return undefined;
}

/** The user name of a SelfSubjectReview's answer (only informative: none when unreadable). */
function userOf(body: string): string | undefined {
  try {
    return (JSON.parse(body) as { status?: { userInfo?: { username?: string } } }).status?.userInfo?.username;
  } catch {
    return undefined;
  }
}

/** One SelfSubjectAccessReview: allowed or not; a 401 (the token went meanwhile) or another answer throws. */
async function allowed(c: Conn, k: AccessCheck): Promise<boolean> {
  const a = await request(c, 'apis/authorization.k8s.io/v1/selfsubjectaccessreviews', {
    apiVersion: 'authorization.k8s.io/v1',
    kind: 'SelfSubjectAccessReview',
    spec: { resourceAttributes: { group: k.group, resource: k.resource, verb: k.verb } },
  });
  if (a.status === 401) throw Object.assign(new Error('401'), { unauthorized: true });
  if (a.status < 200 || a.status >= 300) throw new Error(`HTTP ${a.status}: ${a.body.slice(0, 200)}`);
  return (JSON.parse(a.body) as { status?: { allowed?: boolean } }).status?.allowed === true;
}

/** Stage 2: may it do what FlyteAdmin does? The rules review when it grants everything, else one access review per check says what is missing. */
async function permissions(c: Conn, checks: AccessCheck[], r: ProbeResult, done: Done): Promise<ProbeResult> {
  if (await rulesGrantAll(c, checks)) {
    r.permissions = true;
    r.permissionsBy = `one SelfSubjectRulesReview grants all ${checks.length} (resource, verb) pairs FlyteAdmin uses`;
    return done(undefined);
  }
  const results = await mapLimit(checks, 16, (k) => allowed(c, k));
  const missing: AccessCheck[] = [];
  for (const [i, res] of results.entries()) {
    const k = checks[i]!;
    if (res.status === 'fulfilled') {
      if (!res.value) missing.push(k);
    } else if ((res.reason as { unauthorized?: boolean }).unauthorized) {
      r.authenticated = false;
      return done('token', 'the API server rejects the token (401 Unauthorized)', 'the token is revoked or expired: rejoin or rotate');
    } else return done('permissions', `cannot review access for ${k.verb} ${gr(k)}: ${(res.reason as Error).message}`, 'check the API server');
  }
  if (!missing.length) {
    r.permissions = true;
    r.permissionsBy = `all ${checks.length} SelfSubjectAccessReviews allowed (the rules review was incomplete or did not grant everything)`;
    return done(undefined);
  }
  r.missing = missing.map((k) => `${k.verb} ${gr(k)}`);
  r.missingKinds = missingByKind(missing);
  const shown = r.missingKinds.map((k) => `${k.kind} (${k.resource}): ${k.verbs.join(', ')}`).join('; ');
  return done(
    'permissions',
    `${r.user ?? 'the token'} may not, of what FlyteAdmin needs (${missing.length} of ${checks.length} access reviews denied): ${shown}`,
    'bind the ServiceAccount to ClusterRole <namespace>-flyteadmin (rerun flytemc join, which creates it; `flytemc rbac -f <control-plane values>` prints the minimal rules)',
  );
}

/**
 * Whether an API server answers over TLS verified with `caPem` as the only trust root, without
 * credentials (a data plane reached through a credential proxy: the proxy's view of it). Any
 * HTTP answer (`/version`, or 401/403 where anonymous requests are off) proves both.
 */
export async function reachServer(endpoint: string, caPem: string, timeoutMs: number): Promise<Pick<ProbeResult, 'reachable' | 'tls' | 'what' | 'fix'>> {
  if (!caPem.includes('-----BEGIN CERTIFICATE-----'))
    return { reachable: false, tls: false, what: 'the CA is not a PEM certificate', fix: `put the cluster CA (PEM) into the hub Secret: rerun flytemc join` };
  const agent = agentFor(caPem, false);
  try {
    await request({ agent, endpoint, token: '', timeoutMs }, 'version');
    return { reachable: true, tls: true };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (isTlsCode(code))
      return {
        reachable: true,
        tls: false,
        what: `TLS verification failed with the given CA (${code})`,
        fix: 'the CA does not sign the API server certificate for this endpoint: rejoin the cluster (flytemc join) to put its CA into the hub Secret',
      };
    return { reachable: false, tls: false, ...describeNetworkError(code, endpoint) };
  } finally {
    agent.destroy();
  }
}

/** Where a CA came from: the operator's kubeconfig, the token Secret's ca.crt, or the hub's current key. */
export type CaSource = 'kubeconfig' | 'ca.crt' | 'hub';
