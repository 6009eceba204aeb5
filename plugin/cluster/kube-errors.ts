// What an API or network error means, as a problem naming the context, with a code and a fix.
import { redact } from '../problems/mask.ts';
import { EXIT, FlytemcError, error } from '../problems/problems.ts';
import { noted } from './tls-note.ts';
import { TimeoutError } from './util.ts';

interface ApiErrorLike {
  code?: number;
  body?: unknown;
}

export function statusCode(e: unknown): number | undefined {
  const c = (e as ApiErrorLike | undefined)?.code;
  return typeof c === 'number' ? c : undefined;
}

export const isNotFound = (e: unknown) => statusCode(e) === 404;
export const isConflict = (e: unknown) => statusCode(e) === 409;

/** The API server's own message (`Secret "x" is invalid: ...`) from an ApiException body, masked: it may quote what was sent. */
export function serverMessage(e: unknown): string {
  return redact(unmaskedServerMessage(e));
}

function unmaskedServerMessage(e: unknown): string {
  const body = (e as ApiErrorLike | undefined)?.body;
  let parsed: unknown = body;
  if (typeof body === 'string') {
    try {
      parsed = JSON.parse(body);
    } catch {
      return body.slice(0, 300);
    }
  }
  const msg = (parsed as { message?: unknown } | undefined)?.message;
  return typeof msg === 'string' ? msg : ((e as Error)?.message ?? String(e));
}

/** A network-level failure code (ECONNREFUSED, ENOTFOUND, a TLS code…) anywhere in the cause chain. */
export function networkCode(e: unknown): string | undefined {
  let cur: unknown = e;
  for (let i = 0; i < 5 && cur; i++) {
    const code = (cur as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    cur = (cur as { cause?: unknown }).cause;
  }
  return undefined;
}

/** A TLS failure's code (a certificate the CA does not sign, a name it does not cover…). */
export const isTlsCode = (code: string | undefined): boolean => !!code && /CERT|SELF_SIGNED|TLS|SSL|UNABLE_TO|ALTNAME|ERR_OSSL/.test(code);

export function describeNetworkError(code: string | undefined, server: string): { what: string; fix: string } {
  switch (code) {
    case 'ECONNREFUSED':
      return { what: `connection refused by ${server}`, fix: 'check that the API server runs and the URL/port is right' };
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return { what: `cannot resolve the host of ${server}`, fix: 'check the server URL and DNS' };
    case 'ETIMEDOUT':
    case 'ECONNRESET':
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return { what: `cannot reach ${server} (${code})`, fix: 'check network access (VPN, firewall, private endpoint)' };
    default:
      if (isTlsCode(code)) {
        return {
          what: `TLS verification of ${server} failed (${code})`,
          fix: 'the CA does not match the server certificate: fix certificate-authority(-data) in the kubeconfig',
        };
      }
      return { what: `cannot talk to ${server}${code ? ` (${code})` : ''}`, fix: 'check the server URL and network access' };
  }
}

/** Marks errors that mean "the cluster could not be reached" (for unjoin --force). */
export class UnreachableError extends FlytemcError {}

/** Who made the request: the context, its server, how the operator authenticates, whether TLS is verified. */
interface Caller {
  context: string;
  server: string;
  userKind: string;
  tlsVerified?: boolean;
}

export function toProblem(kube: Caller, doing: string, e: unknown): FlytemcError {
  if (e instanceof FlytemcError) return e;
  const subject = noted(`context ${kube.context} (${kube.server})`, kube.tlsVerified !== false);
  if (e instanceof TimeoutError || (e as Error | undefined)?.name === 'AbortError')
    return new UnreachableError(
      [error({ subject, code: 'cluster.unreachable' }, `${doing}: no answer within the timeout`, 'check network access to the API server, or raise --timeout')],
      EXIT.failed,
    );
  const code = statusCode(e);
  if (code === undefined) {
    const network = networkCode(e);
    const d = describeNetworkError(network, kube.server);
    return new UnreachableError(
      [error({ subject, code: isTlsCode(network) ? 'cluster.tls' : 'cluster.unreachable' }, `${doing}: ${d.what}`, d.fix)],
      EXIT.failed,
    );
  }
  const msg = serverMessage(e);
  if (code === 401)
    return new FlytemcError(
      [
        error(
          { subject, code: 'cluster.unauthorized' },
          `${doing}: the API server rejected the kubeconfig's credentials (${kube.userKind}): ${msg}`,
          'log in again (refresh the token or exec plugin credentials), then retry',
        ),
      ],
      EXIT.failed,
    );
  if (code === 403)
    return new FlytemcError(
      [
        error(
          { subject, code: 'cluster.forbidden' },
          `${doing}: forbidden: ${msg}`,
          'use a context with cluster-admin rights (it must create ServiceAccounts, ClusterRoles, ClusterRoleBindings and Secrets)',
        ),
      ],
      EXIT.failed,
    );
  return new FlytemcError([error({ subject, code: 'cluster.api' }, `${doing}: ${msg} (HTTP ${code})`, 'see the API server message above')], EXIT.failed);
}
