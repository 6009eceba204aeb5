// The hub's credentials Secret FlyteAdmin mounts (`<name>_token`, `<name>_cacert`) and the records of which cluster each name is (annotation `flytemc.io/clusters`).
import type * as K8s from '@kubernetes/client-node';
import { FlytemcError, error, EXIT } from '../problems/problems.ts';
import { caKey, tokenKey } from '../config/types.ts';
import { ensureNamespace, readOrAbsent, type Kube } from './kube.ts';
import { isConflict, statusCode } from './kube-errors.ts';
import { type Plan, yamlOf } from './plan.ts';
import { MANAGED_BY } from './member.ts';
import { maskSecret, oneAtATime, sleep } from './util.ts';
import { sameData } from '../yaml/data.ts';

// Every write is a read-modify-write conditioned on the Secret's resourceVersion, retried on conflict, so concurrent joins never lose each other's keys.

export const RECORDS_ANNOTATION = 'flytemc.io/clusters';

export interface ClusterRecord {
  /** UID of the member's kube-system namespace. */
  uid: string;
  endpoint: string;
  /** The member's token Secret whose token the hub holds. */
  tokenSecret: string;
  /** The member namespace of ServiceAccount flyteadmin. */
  namespace: string;
  /** Joined for a credential proxy (`join --auth`): short-lived credentials, no token (tokenSecret is empty). */
  auth?: 'eks' | 'gke' | 'exec';
  /**
   * Token Secrets whose token the hub held until a rotation replaced it (`since`: when), still
   * valid because pods of FlyteAdmin started before then may hold it; revoked once every pod of
   * flyteadmin and syncresources started after `since` (rotate.ts).
   */
  retiring?: Retiring[];
}

interface Retiring {
  secret: string;
  /** ISO time of the hub write that replaced its token. */
  since: string;
}

/** The hub's credentials Secret as read: the object (absent: undefined), its cluster records and its data, decoded. */
interface CredentialsSecret {
  secret?: K8s.V1Secret;
  records: Record<string, ClusterRecord>;
  /** Decoded data. */
  data: Record<string, string>;
}

export function parseRecords(secret: K8s.V1Secret | undefined): Record<string, ClusterRecord> {
  const raw = secret?.metadata?.annotations?.[RECORDS_ANNOTATION];
  if (!raw) return {};
  try {
    const v = JSON.parse(raw) as unknown;
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, ClusterRecord>) : {};
  } catch {
    return {};
  }
}

const decode = (data: Record<string, string> | undefined) =>
  Object.fromEntries(Object.entries(data ?? {}).map(([k, v]) => [k, Buffer.from(v, 'base64').toString('utf8')]));
const encode = (data: Record<string, string>) => Object.fromEntries(Object.entries(data).map(([k, v]) => [k, Buffer.from(v, 'utf8').toString('base64')]));

export async function readCredentials(hub: Kube, ns: string, secretName: string): Promise<CredentialsSecret> {
  const secret = await readOrAbsent(hub, `reading Secret ${ns}/${secretName}`, () => hub.core.readNamespacedSecret({ name: secretName, namespace: ns }));
  return { ...(secret ? { secret } : {}), records: parseRecords(secret), data: decode(secret?.data) };
}

/** Other namespaces whose Secret of this name holds `name`'s keys (a forgotten -n); empty when Secrets cannot be listed everywhere. */
export async function joinedElsewhere(hub: Kube, secretName: string, name: string, ns: string): Promise<string[]> {
  const list = await hub.call(`looking for Secret ${secretName} in every namespace`, async () => {
    try {
      return await hub.core.listSecretForAllNamespaces({ fieldSelector: `metadata.name=${secretName}` });
    } catch (e) {
      if (statusCode(e) === 403) return undefined;
      throw e;
    }
  });
  return (list?.items ?? [])
    .filter((s) => s.metadata?.namespace !== ns && s.data?.[tokenKey(name)])
    .map((s) => s.metadata!.namespace!)
    .sort();
}

/** Refuses a second name for the same physical cluster, and a name already taken by another cluster. */
export function refuseDuplicate(records: Record<string, ClusterRecord>, name: string, uid: string, context: string, hubWhere: string): void {
  for (const [other, rec] of Object.entries(records)) {
    if (other !== name && rec.uid === uid) {
      throw new FlytemcError(
        [
          error(
            { subject: `context ${context}`, code: 'cluster.duplicate' },
            `is the same physical cluster (kube-system UID ${uid}) as ${JSON.stringify(other)}, already joined in ${hubWhere}`,
            `one cluster must have one name, or FlyteAdmin sends executions to it twice: rerun with --name ${other}, or \`flytemc unjoin ${context} --name ${other}\` first`,
          ),
        ],
        EXIT.invalid,
      );
    }
  }
  const mine = records[name];
  if (mine && mine.uid !== uid) {
    throw new FlytemcError(
      [
        error(
          { subject: `context ${context}`, code: 'cluster.name-taken' },
          `the name ${JSON.stringify(name)} is already joined in ${hubWhere} for another cluster (${mine.endpoint}, kube-system UID ${mine.uid})`,
          `choose another --name, or \`flytemc unjoin --name ${name} --force\` the old one first`,
        ),
      ],
      EXIT.invalid,
    );
  }
}

/** Masked view of the credentials Secret, for plans. */
export function masked(data: Record<string, string>, records: Record<string, ClusterRecord>): string {
  const keys = Object.keys(data).sort();
  return yamlOf({
    metadata: { annotations: { [RECORDS_ANNOTATION]: records } },
    data: Object.fromEntries(keys.map((k) => [k, maskSecret(k.endsWith('_token') ? 'token' : k.endsWith('_cacert') ? 'ca' : 'value', data[k])])),
  });
}

export const sortRecords = (r: Record<string, ClusterRecord>) =>
  Object.fromEntries(
    Object.keys(r)
      .sort()
      .map((k) => [k, r[k]!]),
  );

/**
 * Changes the credentials Secret with `edit` (which gets fresh data and records and may throw
 * to refuse), creating it when missing; retries on resourceVersion conflicts. Returns whether
 * anything changed (or would, in a dry run).
 */
export function editCredentials(
  hub: Kube,
  ns: string,
  secretName: string,
  plan: Plan,
  note: string,
  edit: (data: Record<string, string>, records: Record<string, ClusterRecord>) => void,
): Promise<boolean> {
  // Edits from one process go one after the other (joining ten clusters at once would
  // otherwise mostly collide with itself); other processes are handled by the retries below.
  return oneAtATime(`${hub.context}\u0000${ns}\u0000${secretName}`, async () => {
    const object = `Secret ${ns}/${secretName}`;
    const target = `hub ${hub.context}`;
    for (let attempt = 0; ; attempt++) {
      const cur = await readCredentials(hub, ns, secretName);
      const data = { ...cur.data };
      const records = { ...cur.records };
      edit(data, records);
      if (cur.secret && sameData(data, cur.data) && sameData(records, cur.records)) {
        plan.record({ target, object, action: 'unchanged' });
        return false;
      }
      const annotations = { ...(cur.secret?.metadata?.annotations ?? {}) };
      if (Object.keys(records).length) annotations[RECORDS_ANNOTATION] = JSON.stringify(sortRecords(records));
      else delete annotations[RECORDS_ANNOTATION];
      const change = {
        target,
        object,
        action: cur.secret ? ('update' as const) : ('create' as const),
        note,
        before: cur.secret ? masked(cur.data, cur.records) : '',
        after: masked(data, records),
      };
      if (plan.dryRun) {
        plan.record(change);
        return true;
      }
      const outcome = await hub.call(`${cur.secret ? 'updating' : 'creating'} ${object}`, async () => {
        try {
          if (cur.secret) {
            const body: K8s.V1Secret = { ...cur.secret, metadata: { ...cur.secret.metadata, annotations }, data: encode(data) };
            await hub.core.replaceNamespacedSecret({ name: secretName, namespace: ns, body }); // carries metadata.resourceVersion: 409 if someone wrote in between
          } else {
            const body: K8s.V1Secret = {
              apiVersion: 'v1',
              kind: 'Secret',
              type: 'Opaque',
              metadata: { name: secretName, namespace: ns, labels: { [MANAGED_BY]: 'flytemc' }, annotations },
              data: encode(data),
            };
            await hub.core.createNamespacedSecret({ namespace: ns, body }); // 409 AlreadyExists if a concurrent join created it first
          }
          return 'written' as const;
        } catch (e) {
          if (isConflict(e)) return 'conflict' as const;
          throw e;
        }
      });
      if (outcome === 'conflict') {
        if (attempt < 30) {
          await sleep(10 + Math.random() * 40 * Math.min(attempt + 1, 8));
          continue;
        }
        throw new FlytemcError(
          [
            error(
              { subject: `${target}: ${object}`, code: 'cluster.conflict' },
              `still changed by other writers after ${attempt + 1} attempts`,
              'retry; if it keeps happening, something rewrites the Secret in a loop',
            ),
          ],
          EXIT.failed,
        );
      }
      plan.record(change);
      return true;
    }
  });
}

interface Joined {
  name: string;
  /** None for a cluster reached through a credential proxy: only its CA goes to the hub (a token already there stays until removed). */
  token?: string;
  caPem: string;
  record: ClusterRecord;
  /** The token Secret the record named when join read it: changed since (a rotate), the write is refused rather than put an older token back. */
  expectTokenSecret?: string;
}

/** Raised inside an edit when the Secret no longer holds what the writer read: nothing was written. */
export class ConcurrentChange extends FlytemcError {}

export async function upsertCredentials(hub: Kube, ns: string, secretName: string, j: Joined, plan: Plan, context: string): Promise<boolean> {
  const where = `hub ${hub.context} Secret ${ns}/${secretName}`;
  const keys = j.token === undefined ? `key ${caKey(j.name)} (no token: credential proxy)` : `keys ${tokenKey(j.name)}, ${caKey(j.name)}`;
  return editCredentials(hub, ns, secretName, plan, keys, (data, records) => {
    refuseDuplicate(records, j.name, j.record.uid, context, where);
    const cur = records[j.name];
    if (cur && j.expectTokenSecret !== undefined && cur.tokenSecret !== j.expectTokenSecret && data[tokenKey(j.name)] !== j.token) {
      throw new ConcurrentChange(
        [
          error(
            { subject: where, code: 'cluster.conflict' },
            `${j.name}'s token changed while this ran (now the token of Secret ${cur.tokenSecret}, was ${j.expectTokenSecret}: a concurrent rotate or join); nothing was written, the hub keeps the newer token`,
            `rerun the command if it is still needed`,
          ),
        ],
        EXIT.failed,
      );
    }
    if (j.token !== undefined) data[tokenKey(j.name)] = j.token;
    data[caKey(j.name)] = j.caPem;
    // the tokens a rotation retired stay listed until they are revoked
    records[j.name] = cur?.retiring?.length ? { ...j.record, retiring: cur.retiring } : j.record;
  });
}

/**
 * Where `join` puts the credentials it proved: the hub's Secret (here), or a Secret manifest in a
 * file for GitOps (secret-file.ts). `read` gives what is there (for the duplicate check and the
 * member's token Secret after a rotate); `upsert` adds one cluster and says whether it changed.
 */
export interface CredentialStore {
  /** For messages: `hub cp Secret flyte/cluster-credentials`, `file creds.yaml (Secret …)`. */
  where: string;
  /** For plans: `hub cp`, or the file's path. */
  target: string;
  /** For progress lines about a member (which must not name the hub): `the hub`, or the file's path. */
  short: string;
  read(): Promise<{ exists: boolean; records: Record<string, ClusterRecord> }>;
  upsert(j: Joined, plan: Plan, context: string): Promise<boolean>;
}

/** The hub's Secret; its namespace is created once, before the first write. */
export function hubStore(hub: Kube, ns: string, secretName: string, plan: Plan): CredentialStore {
  let namespace: Promise<void> | undefined;
  return {
    where: `hub ${hub.context} Secret ${ns}/${secretName}`,
    target: `hub ${hub.context}`,
    short: 'the hub',
    async read() {
      const c = await readCredentials(hub, ns, secretName);
      return { exists: !!c.secret, records: c.records };
    },
    async upsert(j, p, context) {
      await (namespace ??= ensureNamespace(hub, ns, plan, `hub ${hub.context}`));
      return upsertCredentials(hub, ns, secretName, j, p, context);
    },
  };
}

export async function removeCredentials(hub: Kube, ns: string, secretName: string, name: string, plan: Plan): Promise<boolean> {
  const cur = await readCredentials(hub, ns, secretName);
  if (!cur.secret) {
    plan.record({ target: `hub ${hub.context}`, object: `Secret ${ns}/${secretName}`, action: 'absent' });
    return false;
  }
  return editCredentials(hub, ns, secretName, plan, `removes keys ${tokenKey(name)}, ${caKey(name)}`, (data, records) => {
    delete data[tokenKey(name)];
    delete data[caKey(name)];
    delete records[name];
  });
}
