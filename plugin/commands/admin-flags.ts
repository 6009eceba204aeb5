// The flags of the commands that talk to FlyteAdmin: --admin, the request timeout, client credentials, the hub. Not a command.
import { UsageError } from '../problems/problems.ts';
import { readText } from '../cli/stdio.ts';
import type { KubeOptions } from '../cluster/kubeconfig.ts';
import { kubeOptions, timeoutOption } from './cluster-flags.ts';

/** The options, as each command's commandLine() takes them. */
export const ADMIN_OPTIONS = {
  admin: { type: 'string' },
  'client-id': { type: 'string' },
  'client-secret-file': { type: 'string' },
} as const;

/** Their lines of a command's `Options:` block. */
export const ADMIN_USAGE = `  --admin URL          FlyteAdmin's HTTP endpoint: http://HOST:8088, or https://HOST through its Ingress
  --client-id ID       FlyteAdmin with auth on: the OAuth2 client (default: $FLYTE_CREDENTIALS_CLIENT_ID)
  --client-secret-file FILE  its secret (default: $FLYTE_CREDENTIALS_CLIENT_SECRET); never printed`;

/** The per-request timeout of the commands whose --timeout is how long they wait (smoke, drain, labels). */
export const REQUEST_TIMEOUT = { 'request-timeout': { type: 'string' } } as const;
export const REQUEST_TIMEOUT_USAGE = '  --request-timeout DUR  per-request timeout for FlyteAdmin and the hub (default 15s)';

interface AdminFlags {
  admin?: string | undefined;
  'client-id'?: string | undefined;
  'client-secret-file'?: string | undefined;
}

/** How to reach FlyteAdmin, as the client (flyteadmin/client.ts) takes it. */
export interface AdminConnection {
  url: string;
  timeoutMs: number;
  credentials?: { clientId: string; clientSecret: string };
}

/** Client credentials from a file or the environment flytectl reads, never the command line (it shows in `ps` and shell history). */
function credentials(id: string | undefined, secretFile: string | undefined) {
  const clientId = id ?? process.env.FLYTE_CREDENTIALS_CLIENT_ID;
  let secret = process.env.FLYTE_CREDENTIALS_CLIENT_SECRET;
  if (secretFile)
    secret = readText(secretFile, { what: 'the client secret file', maxBytes: 64 * 1024, expected: 'pass a file that holds only the client secret' }).trim();
  if (!clientId && !secret) return undefined;
  if (!clientId) throw new UsageError('a client secret was given without --client-id');
  if (!secret) throw new UsageError('--client-id needs its secret: --client-secret-file FILE (or $FLYTE_CREDENTIALS_CLIENT_SECRET)');
  return { clientId, clientSecret: secret };
}

/** --request-timeout (default 15 s): FlyteAdmin's and the hub's. */
export const requestTimeout = (v: { 'request-timeout'?: string | undefined }): number => timeoutOption(v['request-timeout'], '--request-timeout', 15_000);

/** FlyteAdmin from the flags (requests of `timeoutMs`); a missing --admin is a usage error when `required`, else undefined. */
export function adminConnection(v: AdminFlags, timeoutMs: number, required: true): AdminConnection;
export function adminConnection(v: AdminFlags, timeoutMs: number, required: boolean): AdminConnection | undefined;
export function adminConnection(v: AdminFlags, timeoutMs: number, required: boolean): AdminConnection | undefined {
  if (!v.admin) {
    if (!required) {
      if (v['client-id'] || v['client-secret-file']) throw new UsageError('--client-id and --client-secret-file go with --admin URL');
      return undefined;
    }
    throw new UsageError('say where FlyteAdmin is: --admin URL', 'e.g. --admin http://localhost:8088 (kubectl -n flyte port-forward svc/flyteadmin 8088:80)');
  }
  if (!/^https?:\/\/[^/\s]+/.test(v.admin))
    throw new UsageError(
      `--admin ${JSON.stringify(v.admin)}: use FlyteAdmin's HTTP URL, http://HOST:PORT or https://HOST`,
      'e.g. --admin http://localhost:8088',
    );
  const creds = credentials(v['client-id'], v['client-secret-file']);
  return { url: v.admin, timeoutMs, ...(creds ? { credentials: creds } : {}) };
}

interface HubFlags {
  'kube-context'?: string | undefined;
  kubeconfig?: string | undefined;
  'insecure-skip-tls-verify'?: boolean | undefined;
}

/** The hub of the commands whose --timeout is how long they wait: its requests take --request-timeout. */
export function hubOf(v: HubFlags, requestMs: number): { kube: KubeOptions; kubeContext?: string } {
  return {
    kube: kubeOptions({ kubeconfig: v.kubeconfig, 'insecure-skip-tls-verify': v['insecure-skip-tls-verify'] }, requestMs),
    ...(v['kube-context'] ? { kubeContext: v['kube-context'] } : {}),
  };
}
