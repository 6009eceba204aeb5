// plugin/cluster/hub.ts, the control plane's credentials Secret: every edit a read-modify-write
// conditioned on the Secret's resourceVersion and retried on a conflict, so that concurrent joins
// never lose each other's keys. Here against a small in-memory stand-in for flytemc's own Kube
// interface (the Secret API and its resourceVersion rule, nothing else); the same on real API
// servers, with concurrent processes: test/join.test.ts and test/faults.test.ts.
import { test } from '../helpers/uvu.ts';
import * as assert from 'uvu/assert';
import type { V1Secret } from '@kubernetes/client-node';
import {
  RECORDS_ANNOTATION,
  editCredentials,
  hubStore,
  masked,
  parseRecords,
  readCredentials,
  refuseDuplicate,
  removeCredentials,
  upsertCredentials,
  type ClusterRecord,
} from '../../plugin/cluster/hub.ts';
import { toProblem, type Kube } from '../../plugin/cluster/kube.ts';
import { Plan } from '../../plugin/cluster/plan.ts';
import { FlytemcError } from '../../plugin/problems/problems.ts';

const apiError = (code: number) => Object.assign(new Error(`HTTP ${code}`), { code, body: '{}' });
const b64 = (s: string) => Buffer.from(s).toString('base64');

/** One namespace's Secrets and Namespaces, with the API server's resourceVersion rule for replace and its AlreadyExists for create. */
class MemoryHub {
  readonly secrets = new Map<string, V1Secret>();
  readonly namespaces = new Set<string>();
  writes = 0;
  private rv = 0;
  /** Runs before each write reaches the store: another writer's change, for a conflict. */
  beforeWrite?: () => void;
  readonly kube: Kube;
  constructor() {
    const self = this;
    const core = {
      async readNamespacedSecret({ name }: { name: string }) {
        const s = self.secrets.get(name);
        if (!s) throw apiError(404);
        return structuredClone(s);
      },
      async replaceNamespacedSecret({ name, body }: { name: string; body: V1Secret }) {
        self.beforeWrite?.();
        const cur = self.secrets.get(name);
        if (!cur) throw apiError(404);
        if (body.metadata?.resourceVersion !== cur.metadata?.resourceVersion) throw apiError(409);
        self.store(name, body);
      },
      async createNamespacedSecret({ body }: { body: V1Secret }) {
        self.beforeWrite?.();
        if (self.secrets.has(body.metadata!.name!)) throw apiError(409);
        self.store(body.metadata!.name!, body);
      },
      async readNamespace({ name }: { name: string }) {
        if (!self.namespaces.has(name)) throw apiError(404);
        return { metadata: { name } };
      },
      async createNamespace({ body }: { body: { metadata: { name: string } } }) {
        self.namespaces.add(body.metadata.name);
      },
    };
    const info = { context: 'cp', server: 'https://10.0.0.9:6443', userKind: 'token' };
    this.kube = {
      ...info,
      tlsVerified: true,
      timeoutMs: 1000,
      core,
      call: async (doing: string, fn: () => Promise<unknown>) => {
        try {
          return await fn();
        } catch (e) {
          throw toProblem(info, doing, e);
        }
      },
    } as unknown as Kube;
  }
  store(name: string, body: V1Secret): void {
    this.writes++;
    this.secrets.set(name, { ...structuredClone(body), metadata: { ...structuredClone(body.metadata), resourceVersion: String(++this.rv) } });
  }
  data(name = 'cluster-credentials'): Record<string, string> {
    return Object.fromEntries(Object.entries(this.secrets.get(name)?.data ?? {}).map(([k, v]) => [k, Buffer.from(v, 'base64').toString('utf8')]));
  }
}

const record = (uid: string, endpoint = `https://${uid}:6443`): ClusterRecord => ({ uid, endpoint, tokenSecret: 'flyteadmin-token', namespace: 'flyte' });
const joined = (name: string, uid = `uid-${name}`) => ({ name, token: `token-of-${name}`, caPem: `ca-of-${name}`, record: record(uid) });

test('a first join creates the Secret with the token, the CA and the record; the same join again changes nothing', async () => {
  const hub = new MemoryHub();
  const plan = new Plan(false);
  assert.ok(await upsertCredentials(hub.kube, 'flyte', 'cluster-credentials', joined('dp1'), plan, 'ctx-dp1'));
  assert.equal(hub.data(), { dp1_token: 'token-of-dp1', dp1_cacert: 'ca-of-dp1' });
  assert.equal(parseRecords(hub.secrets.get('cluster-credentials')), { dp1: record('uid-dp1') });
  assert.is(hub.secrets.get('cluster-credentials')!.metadata!.labels!['app.kubernetes.io/managed-by'], 'flytemc');
  assert.not.ok(await upsertCredentials(hub.kube, 'flyte', 'cluster-credentials', joined('dp1'), plan, 'ctx-dp1'));
  assert.equal(
    plan.changes.map((c) => c.action),
    ['create', 'unchanged'],
  );
  assert.is(hub.writes, 1);
});

test("the merge keeps every other key and record, also keys that are not flytemc's", async () => {
  const hub = new MemoryHub();
  hub.store('cluster-credentials', {
    metadata: { name: 'cluster-credentials', annotations: { other: 'kept', [RECORDS_ANNOTATION]: JSON.stringify({ dp0: record('uid-dp0') }) } },
    data: { dp0_token: b64('t0'), dp0_cacert: b64('c0'), foreign: b64('f') },
  });
  await upsertCredentials(hub.kube, 'flyte', 'cluster-credentials', joined('dp1'), new Plan(false), 'ctx');
  assert.equal(hub.data(), { dp0_token: 't0', dp0_cacert: 'c0', foreign: 'f', dp1_token: 'token-of-dp1', dp1_cacert: 'ca-of-dp1' });
  assert.equal(Object.keys(parseRecords(hub.secrets.get('cluster-credentials'))), ['dp0', 'dp1']);
  assert.is(hub.secrets.get('cluster-credentials')!.metadata!.annotations!.other, 'kept');
  assert.ok(await removeCredentials(hub.kube, 'flyte', 'cluster-credentials', 'dp0', new Plan(false)));
  assert.equal(hub.data(), { foreign: 'f', dp1_token: 'token-of-dp1', dp1_cacert: 'ca-of-dp1' });
  assert.equal(Object.keys(parseRecords(hub.secrets.get('cluster-credentials'))), ['dp1']);
});

test("a conflict (another writer between read and write) is retried on fresh data: both writers' keys survive", async () => {
  const hub = new MemoryHub();
  hub.store('cluster-credentials', { metadata: { name: 'cluster-credentials' }, data: {} });
  let others = 0;
  // the first two writes of ours lose the race to another process's join
  hub.beforeWrite = function race() {
    if (others >= 2) return;
    others++;
    const cur = hub.secrets.get('cluster-credentials')!;
    hub.store('cluster-credentials', { ...cur, data: { ...cur.data, [`other${others}_token`]: b64('x') } });
  };
  const plan = new Plan(false);
  assert.ok(
    await editCredentials(hub.kube, 'flyte', 'cluster-credentials', plan, 'keys dp1', (data) => {
      data.dp1_token = 'mine';
    }),
  );
  assert.is(others, 2, 'two conflicts');
  assert.equal(Object.keys(hub.data()).sort(), ['dp1_token', 'other1_token', 'other2_token']);
  assert.equal(
    plan.changes.map((c) => c.action),
    ['update'],
    'one change recorded, after the retries',
  );
});

test('a create that loses to a concurrent create (409 AlreadyExists) merges into what the other one wrote', async () => {
  const hub = new MemoryHub();
  hub.beforeWrite = () => {
    hub.beforeWrite = undefined;
    hub.store('cluster-credentials', { metadata: { name: 'cluster-credentials' }, data: { dp2_token: b64('t2') } });
  };
  await editCredentials(hub.kube, 'flyte', 'cluster-credentials', new Plan(false), 'keys dp1', (data) => {
    data.dp1_token = 't1';
  });
  assert.equal(hub.data(), { dp2_token: 't2', dp1_token: 't1' });
});

test('edits from one process go one after the other: ten joins at once, ten keys pairs', async () => {
  const hub = new MemoryHub();
  const plan = new Plan(false);
  await Promise.all(Array.from({ length: 10 }, (_, i) => upsertCredentials(hub.kube, 'flyte', 'cluster-credentials', joined(`dp${i}`), plan, `ctx${i}`)));
  assert.is(Object.keys(hub.data()).length, 20);
  assert.is(hub.writes, 10, 'no conflict within one process');
});

test('a dry run reads and plans, masked, and writes nothing; the hub store creates the namespace once, before its first write', async () => {
  const hub = new MemoryHub();
  const dry = new Plan(true);
  assert.ok(await upsertCredentials(hub.kube, 'flyte', 'cluster-credentials', joined('dp1'), dry, 'ctx'));
  assert.is(hub.writes, 0);
  const change = dry.changes[0]!;
  assert.is(change.action, 'create');
  assert.not.match(change.after ?? '', /token-of-dp1|ca-of-dp1/);
  assert.match(change.after ?? '', /dp1_token: '?<token: 12 B, sha256:[0-9a-f]{8}…>/);
  const plan = new Plan(false);
  const store = hubStore(hub.kube, 'flyte', 'cluster-credentials', plan);
  assert.equal(await store.read(), { exists: false, records: {} });
  await store.upsert(joined('dp1'), plan, 'ctx1');
  await store.upsert(joined('dp2'), plan, 'ctx2');
  assert.equal(
    plan.changes.map((c) => `${c.action} ${c.object}`),
    ['create Namespace flyte', 'create Secret flyte/cluster-credentials', 'update Secret flyte/cluster-credentials'],
  );
  assert.equal((await readCredentials(hub.kube, 'flyte', 'cluster-credentials')).data, hub.data());
});

test('refuseDuplicate: one physical cluster under two names, or a name taken by another cluster, is refused before any write', async () => {
  const records = { dp1: record('uid-1') };
  refuseDuplicate(records, 'dp1', 'uid-1', 'ctx', 'hub cp');
  refuseDuplicate(records, 'dp2', 'uid-2', 'ctx', 'hub cp');
  const refusal = (fn: () => void) => {
    try {
      fn();
    } catch (e) {
      return (e as FlytemcError).problems[0]!.message;
    }
    return '';
  };
  assert.match(
    refusal(() => refuseDuplicate(records, 'dp9', 'uid-1', 'ctx', 'hub cp')),
    /same physical cluster \(kube-system UID uid-1\) as "dp1", already joined in hub cp/,
  );
  assert.match(
    refusal(() => refuseDuplicate(records, 'dp1', 'uid-7', 'ctx', 'hub cp')),
    /the name "dp1" is already joined in hub cp for another cluster/,
  );
  const hub = new MemoryHub();
  await upsertCredentials(hub.kube, 'flyte', 'cluster-credentials', joined('dp1', 'uid-1'), new Plan(false), 'ctx');
  try {
    await upsertCredentials(hub.kube, 'flyte', 'cluster-credentials', joined('dp9', 'uid-1'), new Plan(false), 'ctx');
    assert.unreachable();
  } catch (e) {
    assert.instance(e, FlytemcError);
  }
  assert.equal(Object.keys(hub.data()), ['dp1_token', 'dp1_cacert']);
  assert.equal(parseRecords({ metadata: { annotations: { [RECORDS_ANNOTATION]: 'not json' } } }), {});
  assert.equal(parseRecords({ metadata: { annotations: { [RECORDS_ANNOTATION]: '[1]' } } }), {});
  assert.not.match(masked({ dp1_token: 'secret-token', x: 'y' }, {}), /secret-token/);
});

test.run();
