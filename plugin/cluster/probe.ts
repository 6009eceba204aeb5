// Proves that a ServiceAccount token and a CA work the way FlyteAdmin will use them: over
// https with the CA as the ONLY trust root (TLS is always verified), the token as a bearer, a
// SelfSubjectReview for who it is, then a SelfSubjectRulesReview (and, unless it grants
// everything, a SelfSubjectAccessReview for each thing FlyteAdmin does).
// Plain node:https on purpose: it is exactly FlyteAdmin's view (no kubeconfig, no exec plugin),
// and it tells a refused connection, a TLS failure and a rejected token apart.
import * as https from 'node:https';
import { ACCESS_CHECKS, gr, missingByKind, rulesCover, type AccessCheck, type PolicyRule } from '../config/rbac.ts';
import { describeNetworkError, isTlsCode } from './kube-errors.ts';
import { EXIT, FlytemcError, error } from '../problems/problems.ts';
import { redact } from '../problems/mask.ts';
import { mapLimit, sleep } from './util.ts';

type Stage = 'reachable' | 'tls' | 'token' | 'permissions';

interface ProbeResult {
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

/** POSTs `body` with the token as a bearer; without a body, a GET without credentials. */
function request(agent: https.Agent, endpoint: string, path: string, token: string, caPem: string, body: unknown, timeoutMs: number): Promise<HttpAnswer> {
  const url = new URL(path, endpoint.endsWith('/') ? endpoint : endpoint + '/');
  const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
  return new Promise((resolve, reject) => {
    const req = https.request(
      url,
      {
        method: payload ? 'POST' : 'GET',
        ca: caPem,
        rejectUnauthorized: true,
        agent,
        timeout: timeoutMs,
        headers: {
          ...(payload ? { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', 'Content-Length': payload.length } : {}),
          Accept: 'application/json',
          'User-Agent': 'flytemc',
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(Object.assign(new Error('timeout'), { code: 'ETIMEDOUT' })));
    req.on('error', reject);
    req.end(payload);
  });
}

async function rulesGrantAll(agent: https.Agent, endpoint: string, token: string, caPem: string, timeoutMs: number, checks: AccessCheck[]): Promise<boolean> {
  try {
    const a = await request(
      agent,
      endpoint,
      'apis/authorization.k8s.io/v1/selfsubjectrulesreviews',
      token,
      caPem,
      {
        apiVersion: 'authorization.k8s.io/v1',
        kind: 'SelfSubjectRulesReview',
        spec: { namespace: `flytemc-probe-${Math.random().toString(36).slice(2, 10)}` },
      },
      timeoutMs,
    );
    if (a.status < 200 || a.status >= 300) return false;
    const status = (JSON.parse(a.body) as { status?: { incomplete?: boolean; resourceRules?: PolicyRule[] } }).status;
    if (status?.incomplete !== false) return false;
    const rules = (status.resourceRules ?? []).map((x) => ({ apiGroups: x.apiGroups ?? [], resources: x.resources ?? [], verbs: x.verbs ?? [] }));
    return checks.every((c) => rulesCover(rules, [{ apiGroups: [c.group], resources: [c.resource], verbs: [c.verb] }]));
  } catch {
    return false; // the access reviews below decide
  }
}

interface ProbeOptions {
  timeoutMs: number;
  /** Also check permissions (default true). */
  permissions?: boolean;
  /** What FlyteAdmin must be allowed to do (default: for flyte-core's cluster-resource templates). */
  checks?: AccessCheck[];
}

export async function probe(endpoint: string, token: string, caPem: string, opts: ProbeOptions): Promise<ProbeResult> {
  const started = Date.now();
  const r: ProbeResult = { ok: false, reachable: false, tls: false, authenticated: false, permissions: false, missing: [], missingKinds: [], ms: 0 };
  const done = (failed: Stage | undefined, what?: string, fix?: string): ProbeResult => {
    r.ms = Date.now() - started;
    r.ok = failed === undefined;
    if (failed) r.failed = failed;
    // an answer's body may quote the token or anything else the server got: masked here, where it enters
    if (what) r.what = redact(what);
    if (fix) r.fix = fix;
    return r;
  };
  if (!caPem.includes('-----BEGIN CERTIFICATE-----')) {
    return done(
      'tls',
      'the CA is not a PEM certificate',
      'the CA must be the PEM of the cluster CA (the kubeconfig certificate-authority-data, decoded, or the token Secret ca.crt)',
    );
  }
  // One kept-alive connection pool for this probe: one TLS handshake per socket, not per review
  // (the CA stays the only trust root; verification stays on).
  const agent = new https.Agent({ keepAlive: true, maxSockets: 8, ca: caPem, rejectUnauthorized: true });
  try {
    return await probeWith(agent, endpoint, token, caPem, opts, r, done);
  } finally {
    agent.destroy();
  }
}

async function probeWith(
  agent: https.Agent,
  endpoint: string,
  token: string,
  caPem: string,
  opts: ProbeOptions,
  r: ProbeResult,
  done: (failed: Stage | undefined, what?: string, fix?: string) => ProbeResult,
): Promise<ProbeResult> {
  // 1. who am I: connect, verify TLS with this CA only, authenticate the token.
  let who: HttpAnswer;
  try {
    who = await request(
      agent,
      endpoint,
      'apis/authentication.k8s.io/v1/selfsubjectreviews',
      token,
      caPem,
      { apiVersion: 'authentication.k8s.io/v1', kind: 'SelfSubjectReview' },
      opts.timeoutMs,
    );
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (isTlsCode(code)) {
      r.reachable = true;
      return done(
        'tls',
        `TLS verification failed with the given CA (${code})`,
        'the CA does not sign the API server certificate for this endpoint: use the cluster CA (certificate-authority-data of the kubeconfig, or ca.crt of the token Secret), and an endpoint name the certificate covers',
      );
    }
    const d = describeNetworkError(code, endpoint);
    return done('reachable', d.what, d.fix);
  }
  r.reachable = true;
  r.tls = true;
  if (who.status === 401)
    return done(
      'token',
      'the API server rejects the token (401 Unauthorized)',
      'the token is revoked, expired or from another cluster: rejoin or rotate (flytemc rotate CONTEXT --name NAME)',
    );
  if (who.status === 404) {
    // API servers before 1.28 have no SelfSubjectReview; the first access review below authenticates instead.
  } else if (who.status >= 200 && who.status < 300) {
    try {
      r.user = (JSON.parse(who.body) as { status?: { userInfo?: { username?: string } } }).status?.userInfo?.username;
    } catch {
      /* the user name is only informative */
    }
  } else if (who.status !== 403) {
    return done(
      'token',
      `unexpected answer ${who.status} to a SelfSubjectReview: ${who.body.slice(0, 200)}`,
      'check that the endpoint is a Kubernetes API server',
    );
  }
  r.authenticated = true;
  if (opts.permissions === false) return done(undefined);

  // 2. may it do what FlyteAdmin does? First one SelfSubjectRulesReview, evaluated here; it is
  //    asked for a namespace that does not exist, so only cluster-wide grants count, as they must
  //    for FlyteAdmin. When RBAC's answer is complete and grants everything, that is proof enough;
  //    otherwise one SelfSubjectAccessReview per check, the authoritative answer, says what is missing.
  const checks = opts.checks ?? ACCESS_CHECKS;
  if (await rulesGrantAll(agent, endpoint, token, caPem, opts.timeoutMs, checks)) {
    r.permissions = true;
    r.permissionsBy = `one SelfSubjectRulesReview grants all ${checks.length} (resource, verb) pairs FlyteAdmin uses`;
    return done(undefined);
  }
  const results = await mapLimit(checks, 16, async (c) => {
    const a = await request(
      agent,
      endpoint,
      'apis/authorization.k8s.io/v1/selfsubjectaccessreviews',
      token,
      caPem,
      {
        apiVersion: 'authorization.k8s.io/v1',
        kind: 'SelfSubjectAccessReview',
        spec: { resourceAttributes: { group: c.group, resource: c.resource, verb: c.verb } },
      },
      opts.timeoutMs,
    );
    if (a.status === 401) throw Object.assign(new Error('401'), { unauthorized: true });
    if (a.status < 200 || a.status >= 300) throw new Error(`HTTP ${a.status}: ${a.body.slice(0, 200)}`);
    return (JSON.parse(a.body) as { status?: { allowed?: boolean } }).status?.allowed === true;
  });
  const missing: AccessCheck[] = [];
  for (let i = 0; i < results.length; i++) {
    const res = results[i]!;
    const c = checks[i]!;
    if (res.status === 'rejected') {
      if ((res.reason as { unauthorized?: boolean }).unauthorized) {
        r.authenticated = false;
        return done('token', 'the API server rejects the token (401 Unauthorized)', 'the token is revoked or expired: rejoin or rotate');
      }
      return done('permissions', `cannot review access for ${c.verb} ${gr(c)}: ${(res.reason as Error).message}`, 'check the API server');
    }
    if (!res.value) missing.push(c);
  }
  if (missing.length) {
    r.missing = missing.map((c) => `${c.verb} ${gr(c)}`);
    r.missingKinds = missingByKind(missing);
    const shown = r.missingKinds.map((k) => `${k.kind} (${k.resource}): ${k.verbs.join(', ')}`).join('; ');
    return done(
      'permissions',
      `${r.user ?? 'the token'} may not, of what FlyteAdmin needs (${missing.length} of ${checks.length} access reviews denied): ${shown}`,
      'bind the ServiceAccount to ClusterRole <namespace>-flyteadmin (rerun flytemc join, which creates it; `flytemc rbac -f <control-plane values>` prints the minimal rules)',
    );
  }
  r.permissions = true;
  r.permissionsBy = `all ${checks.length} SelfSubjectAccessReviews allowed (the rules review was incomplete or did not grant everything)`;
  return done(undefined);
}

/**
 * Whether an API server answers over TLS verified with `caPem` as the only trust root, without
 * credentials (a data plane reached through a credential proxy: the proxy's view of it). Any
 * HTTP answer (`/version`, or 401/403 where anonymous requests are off) proves both.
 */
export async function reachServer(endpoint: string, caPem: string, timeoutMs: number): Promise<Pick<ProbeResult, 'reachable' | 'tls' | 'what' | 'fix'>> {
  if (!caPem.includes('-----BEGIN CERTIFICATE-----'))
    return { reachable: false, tls: false, what: 'the CA is not a PEM certificate', fix: `put the cluster CA (PEM) into the hub Secret: rerun flytemc join` };
  const agent = new https.Agent({ ca: caPem, rejectUnauthorized: true });
  try {
    await request(agent, endpoint, 'version', '', caPem, undefined, timeoutMs);
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

/** Tries the kubeconfig's CA first, then the token Secret's ca.crt; returns the first that verifies. */
export async function proveToken(
  endpoint: string,
  token: string,
  cas: Array<{ source: CaSource; pem: string | undefined }>,
  timeoutMs: number,
  checks?: AccessCheck[],
): Promise<{ result: ProbeResult; source: CaSource; pem: string }> {
  let last: { result: ProbeResult; source: CaSource; pem: string } | undefined;
  const seen = new Set<string>();
  for (const ca of cas) {
    if (!ca.pem || seen.has(ca.pem.trim())) continue;
    seen.add(ca.pem.trim());
    const result = await probe(endpoint, token, ca.pem, { timeoutMs, ...(checks ? { checks } : {}) });
    last = { result, source: ca.source, pem: ca.pem };
    if (result.failed !== 'tls') return last;
  }
  if (!last)
    throw new FlytemcError(
      [
        error(
          endpoint,
          'no CA to verify the API server with: the kubeconfig names none and the token Secret has no ca.crt',
          'add certificate-authority-data to the kubeconfig cluster',
        ),
      ],
      EXIT.failed,
    );
  return last;
}

/**
 * Asks the API server, every half second, whether it still accepts `token` (a revoked token is
 * rejected once the API server notices its Secret is gone): `rejectedAfterMs` when it says 401;
 * `unverified` when the probe cannot tell (the server is unreachable, TLS fails); neither when it
 * still accepts it after `untilMs`.
 */
export async function untilRejected(
  endpoint: string,
  token: string,
  caPem: string,
  timeoutMs: number,
  untilMs: number,
): Promise<{ rejectedAfterMs?: number; unverified?: string }> {
  const started = Date.now();
  for (;;) {
    const r = await probe(endpoint, token, caPem, { timeoutMs, permissions: false });
    if (r.failed === 'token') return { rejectedAfterMs: Date.now() - started };
    if (r.failed && r.failed !== 'permissions') return { unverified: r.what ?? r.failed };
    if (Date.now() - started > untilMs) return {};
    await sleep(500);
  }
}
