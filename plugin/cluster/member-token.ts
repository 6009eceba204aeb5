// FlyteAdmin's long-lived tokens in a data plane: the `kubernetes.io/service-account-token` Secrets of ServiceAccount flyteadmin.
import type * as K8s from '@kubernetes/client-node';
import { FlytemcError, error, EXIT } from '../problems/problems.ts';
import { SERVICE_ACCOUNT } from '../config/rbac.ts';
import { createOrExisting, deleteOrAbsent, readOrAbsent, type Kube } from './kube.ts';
import { type Plan, yamlOf } from './plan.ts';
import { FIELD_MANAGER, type Creation } from './member.ts';
import { maskSecret, sleep } from './util.ts';
import { noted } from './tls-note.ts';

const SA_ANNOTATION = 'kubernetes.io/service-account.name';
const TOKEN_TYPE = 'kubernetes.io/service-account-token';

const decode = (b64: string) => Buffer.from(b64, 'base64').toString('utf8');

/** Masked view of a token Secret, for plans. */
function maskedTokenSecret(s: K8s.V1Secret): unknown {
  const data = s.data ?? {};
  return {
    apiVersion: 'v1',
    kind: 'Secret',
    type: s.type,
    metadata: { name: s.metadata?.name, namespace: s.metadata?.namespace, labels: s.metadata?.labels, annotations: s.metadata?.annotations },
    ...(Object.keys(data).length
      ? { data: Object.fromEntries(Object.entries(data).map(([k, v]) => [k, maskSecret(k === 'token' ? 'token' : k, Buffer.from(v, 'base64'))])) }
      : {}),
  };
}

/** Refuses a Secret of that name that is not a token Secret of flyteadmin: its token would not be FlyteAdmin's. */
function refuseForeign(m: Kube, object: string, have: K8s.V1Secret): void {
  const sa = have.metadata?.annotations?.[SA_ANNOTATION];
  if (have.type === TOKEN_TYPE && sa === SERVICE_ACCOUNT) return;
  throw new FlytemcError(
    [
      error(
        { code: 'join.token-secret', subject: noted(`context ${m.context}: ${object}`, m.tlsVerified !== false) },
        `exists but is not a token Secret of ServiceAccount ${SERVICE_ACCOUNT} (type ${have.type ?? 'Opaque'}, service-account.name ${sa ?? 'none'})`,
        'delete or rename that Secret, or install the data plane with the flyte-multicluster chart (which creates it correctly)',
      ),
    ],
    EXIT.failed,
  );
}

/**
 * Ensures a `kubernetes.io/service-account-token` Secret for ServiceAccount flyteadmin: `existing`,
 * `created` by this call, or `planned` (a dry run: it would be created).
 */
export async function ensureTokenSecret(m: Kube, ns: string, secretName: string, creation: Creation, plan: Plan): Promise<'existing' | 'created' | 'planned'> {
  const object = `Secret ${ns}/${secretName}`;
  const have = await readOrAbsent(m, `reading ${object}`, () => m.core.readNamespacedSecret({ name: secretName, namespace: ns }));
  if (have) {
    refuseForeign(m, object, have);
    plan.record({ target: m.context, object, action: 'unchanged' });
    return 'existing';
  }
  const body: K8s.V1Secret = {
    apiVersion: 'v1',
    kind: 'Secret',
    type: TOKEN_TYPE,
    metadata: { name: secretName, namespace: ns, labels: creation.labels, annotations: { ...creation.annotations, [SA_ANNOTATION]: SERVICE_ACCOUNT } },
  };
  await plan.apply(
    { target: m.context, object, action: 'create', note: 'kube-controller-manager fills token and ca.crt', after: yamlOf(maskedTokenSecret(body)) },
    () => createOrExisting(m, `creating ${object}`, () => m.core.createNamespacedSecret({ namespace: ns, body, fieldManager: FIELD_MANAGER })),
  );
  return plan.dryRun ? 'planned' : 'created';
}

interface IssuedToken {
  token: string;
  /** PEM, from the Secret's ca.crt (kube-controller-manager's --root-ca-file). */
  caCrt?: string;
  secretName: string;
}

/** The token controller never filled the Secret in time, or the Secret went away meanwhile. */
function tokenTimeout(m: Kube, ns: string, secretName: string, timeoutMs: number, exists: boolean): FlytemcError {
  return new FlytemcError(
    [
      error(
        { code: 'join.token-timeout', subject: noted(`context ${m.context}: Secret ${ns}/${secretName}`, m.tlsVerified !== false) },
        exists
          ? `still has no token after ${Math.round(timeoutMs / 1000)} s: the token controller of kube-controller-manager never filled it`
          : 'disappeared while waiting for its token (deleted by a concurrent rotate or unjoin, or by the token controller because ServiceAccount flyteadmin is missing)',
        'check that kube-controller-manager runs with --service-account-private-key-file (and --root-ca-file) and its serviceaccount-token controller enabled (managed clusters always do: retry with a longer --token-timeout)',
      ),
    ],
    EXIT.failed,
  );
}

/** Polls the token Secret until the token controller has filled `token`. */
export async function waitForToken(m: Kube, ns: string, secretName: string, timeoutMs: number): Promise<IssuedToken> {
  const deadline = Date.now() + timeoutMs;
  let delay = 100;
  for (;;) {
    const s = await readOrAbsent(m, `reading Secret ${ns}/${secretName}`, () => m.core.readNamespacedSecret({ name: secretName, namespace: ns }));
    const token = s?.data?.token;
    if (token) {
      const ca = s?.data?.['ca.crt'];
      return { token: decode(token), ...(ca ? { caCrt: decode(ca) } : {}), secretName };
    }
    if (Date.now() >= deadline) throw tokenTimeout(m, ns, secretName, timeoutMs, !!s);
    await sleep(delay);
    delay = Math.min(delay * 2, 1000);
  }
}

/** The token Secrets of ServiceAccount flyteadmin in the namespace, each with its token. */
export async function listTokenSecrets(m: Kube, ns: string): Promise<Array<{ name: string; token?: string; labels: Record<string, string> }>> {
  const list = await m.call(`listing Secrets in ${ns}`, () => m.core.listNamespacedSecret({ namespace: ns, fieldSelector: `type=${TOKEN_TYPE}` }));
  return list.items
    .filter((s) => s.metadata?.annotations?.[SA_ANNOTATION] === SERVICE_ACCOUNT)
    .map((s) => ({ name: s.metadata!.name!, ...(s.data?.token ? { token: decode(s.data.token) } : {}), labels: s.metadata?.labels ?? {} }));
}

/** Deletes a token Secret, which revokes its token; an absent one is recorded as such. */
export async function deleteTokenSecret(m: Kube, ns: string, secretName: string, plan: Plan, note = 'revokes its token'): Promise<void> {
  const object = `Secret ${ns}/${secretName}`;
  const have = await readOrAbsent(m, `reading ${object}`, () => m.core.readNamespacedSecret({ name: secretName, namespace: ns }));
  if (!have) {
    plan.record({ target: m.context, object, action: 'absent' });
    return;
  }
  await plan.apply({ target: m.context, object, action: 'delete', note, before: yamlOf(maskedTokenSecret(have)) }, () =>
    deleteOrAbsent(m, `deleting ${object}`, () => m.core.deleteNamespacedSecret({ name: secretName, namespace: ns })),
  );
}
