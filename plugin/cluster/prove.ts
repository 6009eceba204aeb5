// What join, rotate and check prove with probe.ts: a token with the CAs at hand, and a revoked token until the API server rejects it.
import type { AccessCheck } from '../config/rbac.ts';
import { EXIT, FlytemcError, error } from '../problems/problems.ts';
import { probe, type CaSource, type ProbeResult } from './probe.ts';
import { sleep } from './util.ts';

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
          { subject: endpoint, code: 'cluster.ca' },
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
