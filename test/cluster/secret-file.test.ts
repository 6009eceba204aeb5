// plugin/cluster/secret-file.ts: join --secret-out's manifest: written once, mode 0600, the same bytes twice; --merge; each file it refuses.
import { test } from '../helpers/uvu.ts';
import * as assert from 'uvu/assert';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { secretFile } from '../../plugin/cluster/secret-file.ts';
import { Plan } from '../../plugin/cluster/plan.ts';
import type { FlytemcError } from '../../plugin/problems/problems.ts';

const dir = mkdtempSync(join(tmpdir(), 'flytemc-secret-file-'));
test.after(() => rmSync(dir, { recursive: true, force: true }));
const CA = '-----BEGIN CERTIFICATE-----\nca\n-----END CERTIFICATE-----\n';
const joined = (name: string, uid = `uid-${name}`, token: string | undefined = `token-${name}`) => ({
  name,
  ...(token !== undefined ? { token } : {}),
  caPem: CA,
  record: { uid, endpoint: `https://${name}:6443`, tokenSecret: 'flyteadmin-token', namespace: 'flyte' },
});
const file = (name: string, text?: string) => {
  const p = join(dir, name);
  if (text !== undefined) writeFileSync(p, text);
  return p;
};

async function write(path: string, names: string[], merge = false, dryRun = false): Promise<Plan> {
  const store = secretFile(path, 'flyte', 'cluster-credentials', merge, names);
  const plan = new Plan(dryRun);
  for (const n of names) await store.upsert(joined(n), plan, n);
  store.flush(plan);
  return plan;
}

test('secretFile: a v1 Secret with the keys and records, mode 0600; the same input the same bytes (unchanged); a dry run writes nothing', async () => {
  const path = file('creds.yaml');
  assert.is((await write(path, ['dp1'], false, true)).changes[0]!.action, 'create');
  assert.throws(() => statSync(path), 'a dry run writes nothing');
  const plan = await write(path, ['dp1', 'dp2']);
  assert.equal(
    plan.changes.map((c) => `${c.action} ${c.object}`),
    ['create Secret flyte/cluster-credentials'],
  );
  assert.match(plan.changes[0]!.note!, /^mode 0600, 2 clusters;/);
  assert.is(statSync(path).mode & 0o777, 0o600);
  const text = readFileSync(path, 'utf8');
  assert.match(text, /^# Secret flyte\/cluster-credentials: the data planes' tokens/);
  const v = yaml.load(text) as { kind: string; data: Record<string, string>; metadata: { annotations: Record<string, string> } };
  assert.is(v.kind, 'Secret');
  assert.equal(Object.keys(v.data), ['dp1_cacert', 'dp1_token', 'dp2_cacert', 'dp2_token']);
  assert.is(Buffer.from(v.data.dp1_token!, 'base64').toString(), 'token-dp1');
  assert.equal(Object.keys(JSON.parse(v.metadata.annotations['flytemc.io/clusters']!)), ['dp1', 'dp2']);
  assert.not.ok(plan.changes[0]!.after!.includes('token-dp1'), 'the plan never shows a token');
  assert.is((await write(path, ['dp1', 'dp2'])).changes[0]!.action, 'unchanged');
  assert.is(readFileSync(path, 'utf8'), text);
});

test('secretFile: other clusters in FILE are refused without --merge, kept with it; a second name for the same cluster is refused', async () => {
  const path = file('merge.yaml');
  await write(path, ['dp1']);
  try {
    await write(path, ['dp2']);
    assert.unreachable();
  } catch (e) {
    assert.is((e as FlytemcError).problems[0]!.code, 'secret-file.other-clusters');
    assert.match((e as Error).message, /already holds dp1_cacert, dp1_token of other clusters.*\n {2}fix: add --merge/);
  }
  const plan = await write(path, ['dp2'], true);
  assert.is(plan.changes[0]!.action, 'update');
  assert.equal(Object.keys((yaml.load(readFileSync(path, 'utf8')) as { data: object }).data), ['dp1_cacert', 'dp1_token', 'dp2_cacert', 'dp2_token']);
  const store = secretFile(path, 'flyte', 'cluster-credentials', true, ['again']);
  assert.equal(Object.keys((await store.read()).records), ['dp1', 'dp2']);
  assert.is(store.where, `file ${path} (Secret flyte/cluster-credentials)`);
  try {
    await store.upsert(joined('again', 'uid-dp1'), new Plan(false), 'ctx');
    assert.unreachable();
  } catch (e) {
    assert.match((e as Error).message, /is the same physical cluster \(kube-system UID uid-dp1\) as "dp1"/);
  }
  assert.is(await store.upsert(joined('dp1', 'uid-dp1', undefined), new Plan(false), 'ctx'), false, 'a proxied rejoin without a token changes nothing');
});

test('secretFile: invalid YAML, SOPS, another kind (a SealedSecret named), another Secret: each refused with exit 2 and its fix; stringData is read', async () => {
  const refused = (name: string, text: string, code: string, re: RegExp) => {
    try {
      secretFile(file(name, text), 'flyte', 'cluster-credentials', true, []);
      assert.unreachable();
    } catch (e) {
      assert.is((e as FlytemcError).exitCode, 2);
      assert.is((e as FlytemcError).problems[0]!.code, code);
      assert.match((e as Error).message, re);
    }
  };
  refused('bad.yaml', 'a: [\n', 'secret-file.unreadable', /is not a Secret manifest \(invalid YAML/);
  refused('sops.yaml', 'apiVersion: v1\nkind: Secret\nsops: {version: 3}\n', 'secret-file.encrypted', /is encrypted by SOPS.*\n {2}fix: decrypt it first/);
  refused(
    'sealed.yaml',
    'apiVersion: bitnami.com/v1alpha1\nkind: SealedSecret\n',
    'secret-file.kind',
    /\(a SealedSecret\).*\n {2}fix: a SealedSecret cannot be read back/,
  );
  refused('list.yaml', '- 1\n', 'secret-file.kind', /is not a v1 Secret manifest: join cannot merge into it\n {2}fix: pass another --secret-out FILE/);
  refused(
    'other.yaml',
    'apiVersion: v1\nkind: Secret\nmetadata: {name: x, namespace: ops}\n',
    'secret-file.other-secret',
    /holds Secret ops\/x, not flyte\/cluster-credentials/,
  );
  const plain = secretFile(
    file('plain.yaml', 'apiVersion: v1\nkind: Secret\nmetadata: {name: cluster-credentials}\nstringData: {dp9_token: t}\n'),
    'flyte',
    'cluster-credentials',
    false,
    ['dp9'],
  );
  assert.equal(await plain.read(), { exists: true, records: {} });
});

test.run();
