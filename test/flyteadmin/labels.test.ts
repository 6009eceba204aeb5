// plugin/flyteadmin/labels.ts against fakes of its own interfaces (AttributesApi, AppliedRecord):
// the diff in every prune mode, the --prune bookkeeping over several applies (only what flytemc
// applied is pruned, an attribute set by hand is kept, the record follows what FlyteAdmin holds),
// a second apply that changes nothing writes nothing, FlyteAdmin failing part way (what landed is
// recorded and said, a rerun completes), the record failing or changed meanwhile, and the projects
// FlyteAdmin does not know. The command against the real FlyteAdmin: test/flyte-day2.test.ts.
import { test } from '../helpers/uvu.ts';
import * as assert from 'uvu/assert';
import { AdminError, type AttributeTarget, type LabelAttribute } from '../../plugin/flyteadmin/client.ts';
import {
  applyLabels,
  driftError,
  drifts,
  formatChanges,
  labelPlan,
  planLabels,
  summarize,
  unknownProjects,
  type AppliedRecord,
  type AttributesApi,
  type Prune,
} from '../../plugin/flyteadmin/labels.ts';
import { error, EXIT, FlytemcError, whereOf } from '../../plugin/problems/problems.ts';

const k = (t: AttributeTarget) => [t.project, t.domain, t.workflow ?? ''].join('/');

class FakeAdmin implements AttributesApi {
  readonly url = 'http://admin.test';
  readonly attrs = new Map<string, LabelAttribute>();
  readonly writes: string[] = [];
  /** The n-th write (0-based) fails as FlyteAdmin going away would. */
  failAt: number | undefined;
  async projects() {
    return [
      { id: 'p1', domains: [{ id: 'development' }, { id: 'production' }] },
      { id: 'p2', domains: [{ id: 'development' }] },
    ];
  }
  async executionLabels() {
    return [...this.attrs.values()].map((a) => ({ ...a }));
  }
  private write(what: string): void {
    if (this.failAt === this.writes.length) throw new AdminError('unreachable', 'cannot reach FlyteAdmin at http://admin.test: ECONNREFUSED');
    this.writes.push(what);
  }
  async setExecutionLabel(a: LabelAttribute) {
    this.write(`set ${k(a)}=${a.label}`);
    this.attrs.set(k(a), { ...a });
  }
  async deleteExecutionLabel(t: AttributeTarget) {
    this.write(`delete ${k(t)}`);
    this.attrs.delete(k(t));
  }
}

class FakeRecord implements AppliedRecord {
  readonly where = 'hub cp ConfigMap flyte/flytemc-execution-labels';
  targets: AttributeTarget[] = [];
  version: string | undefined;
  writes = 0;
  fail: FlytemcError | undefined;
  /** Another apply writes the record right after this one read it. */
  bumpAfterRead = false;
  async read() {
    const out = { targets: structuredClone(this.targets), ...(this.version ? { version: this.version } : {}) };
    if (this.bumpAfterRead) this.version = 'theirs';
    return out;
  }
  async write(targets: AttributeTarget[], version: string | undefined) {
    if (this.fail) throw this.fail;
    if (version !== this.version) throw new FlytemcError([error(this.where, 'another `labels apply` changed the record')], EXIT.failed);
    this.targets = structuredClone(targets);
    this.version = String(Number(this.version ?? 0) + 1);
    this.writes++;
  }
}

const L = (project: string, domain: string, label: string, workflow?: string): LabelAttribute => ({
  project,
  domain,
  label,
  ...(workflow ? { workflow } : {}),
});

async function apply(admin: FakeAdmin, record: FakeRecord, desired: LabelAttribute[], prune: Prune) {
  const changes = planLabels(desired, await admin.executionLabels(), (await record.read()).targets, prune);
  const out = await applyLabels(admin, record, changes, 'flytemc labels apply ...');
  return { changes, out };
}

const recorded = (r: FakeRecord) => r.targets.map(k).sort();

test('the diff: add, change, unchanged; attributes the values do not list are kept, removed with --prune when flytemc applied them, with --prune-all whoever did', () => {
  const desired = [L('p1', 'development', 'team1'), L('p1', 'production', 'team2'), L('p2', 'development', 'team1', 'wf.a')];
  const current = [L('p1', 'production', 'team1'), L('p2', 'development', 'team1', 'wf.a'), L('p2', 'development', 'old'), L('p1', '', 'hand')];
  const applied = [{ project: 'p2', domain: 'development' }];
  const shown = (prune: Prune) => planLabels(desired, current, applied, prune).map((c) => `${c.action} ${k(c.target)} ${c.from ?? '-'}>${c.to ?? '-'}`);
  assert.equal(shown('none'), [
    'keep p1// hand>-',
    'add p1/development/ ->team1',
    'change p1/production/ team1>team2',
    'keep p2/development/ old>-',
    'unchanged p2/development/wf.a team1>team1',
  ]);
  assert.equal(
    planLabels(desired, current, applied, 'applied')
      .filter((c) => c.action === 'remove')
      .map((c) => k(c.target)),
    ['p2/development/'],
  );
  assert.equal(
    planLabels(desired, current, applied, 'all')
      .filter((c) => c.action === 'remove')
      .map((c) => k(c.target)),
    ['p1//', 'p2/development/'],
  );
  assert.ok(drifts(planLabels(desired, current, applied, 'none')));
  assert.not.ok(drifts(planLabels(current.slice(0, 2), current, [], 'none')), 'kept attributes are no drift');
});

test('--prune bookkeeping: only what flytemc applied is pruned, an attribute set by hand stays; a second apply changes and writes nothing', async () => {
  const admin = new FakeAdmin();
  const record = new FakeRecord();
  await admin.setExecutionLabel(L('p1', 'production', 'hand')); // flytectl, by hand
  admin.writes.length = 0;

  const first = await apply(admin, record, [L('p1', 'development', 'team1'), L('p2', 'development', 'team2')], 'none');
  assert.equal(admin.writes, ['set p1/development/=team1', 'set p2/development/=team2']);
  assert.equal(recorded(record), ['p1/development/', 'p2/development/']);
  assert.is(first.out.done.length, 2);

  // p2 leaves the values: kept without --prune (still recorded), removed with it; the hand-set one stays
  admin.writes.length = 0;
  const kept = await apply(admin, record, [L('p1', 'development', 'team1')], 'none');
  assert.equal(admin.writes, []);
  assert.equal(
    kept.changes.filter((c) => c.action === 'keep').map((c) => [k(c.target), c.note]),
    [
      ['p1/production/', 'not set by flytemc: kept (--prune-all removes it)'],
      ['p2/development/', 'applied by flytemc, no longer in the values: --prune removes it'],
    ],
  );
  assert.equal(recorded(record), ['p1/development/', 'p2/development/'], 'still flytemc’s until pruned');
  await apply(admin, record, [L('p1', 'development', 'team1')], 'applied');
  assert.equal(admin.writes, ['delete p2/development/']);
  assert.equal([...admin.attrs.keys()].sort(), ['p1/development/', 'p1/production/']);
  assert.equal(recorded(record), ['p1/development/']);

  // again: nothing to do, nothing written anywhere
  admin.writes.length = 0;
  const writesBefore = record.writes;
  const again = await apply(admin, record, [L('p1', 'development', 'team1')], 'applied');
  assert.equal(admin.writes, []);
  assert.is(record.writes, writesBefore);
  assert.equal(again.out.done, []);
  assert.not.ok(drifts(again.changes));

  // --prune-all removes the hand-set one too, and it never enters the record
  await apply(admin, record, [L('p1', 'development', 'team1')], 'all');
  assert.equal([...admin.attrs.keys()], ['p1/development/']);
  assert.equal(recorded(record), ['p1/development/']);
});

test('an attribute flytemc applied and someone deleted by hand leaves the record; one the values claim that was set by hand enters it', async () => {
  const admin = new FakeAdmin();
  const record = new FakeRecord();
  await apply(admin, record, [L('p1', 'development', 'a'), L('p2', 'development', 'b')], 'none');
  admin.attrs.delete('p2/development/');
  await admin.setExecutionLabel(L('p1', 'production', 'c'));
  await apply(admin, record, [L('p1', 'development', 'a'), L('p1', 'production', 'c')], 'none');
  assert.equal(recorded(record), ['p1/development/', 'p1/production/']);
});

test('FlyteAdmin failing part way: exit 3, what landed is said and recorded, what did not is not; the same command again completes', async () => {
  const desired = [L('p1', 'development', 'a'), L('p1', 'production', 'b'), L('p2', 'development', 'c')];
  for (const at of [0, 1, 2]) {
    const admin = new FakeAdmin();
    const record = new FakeRecord();
    admin.failAt = at;
    try {
      await apply(admin, record, desired, 'none');
      assert.unreachable('apply went on');
    } catch (e) {
      assert.instance(e, FlytemcError);
      const err = e as FlytemcError;
      assert.is(err.exitCode, EXIT.failed);
      const p = err.problems[0]!;
      assert.match(p.message, at === 0 ? /ECONNREFUSED; nothing was applied \(recorded in/ : /ECONNREFUSED; applied: add p1\/development/);
      assert.match(p.fix!, /then rerun: flytemc labels apply \.\.\./);
    }
    assert.equal(recorded(record), [...admin.attrs.keys()].sort(), `the record is what landed (failure at write ${at})`);
    admin.failAt = undefined;
    await apply(admin, record, desired, 'none');
    assert.equal([...admin.attrs.keys()].sort(), ['p1/development/', 'p1/production/', 'p2/development/']);
    assert.equal(recorded(record), ['p1/development/', 'p1/production/', 'p2/development/']);
  }
});

test('the record not written (the hub failing, another apply meanwhile): exit 3, FlyteAdmin is applied, a rerun writes the record', async () => {
  const admin = new FakeAdmin();
  const record = new FakeRecord();
  record.fail = new FlytemcError([error('context cp', 'writing ConfigMap flyte/flytemc-execution-labels: connection refused')], EXIT.failed);
  try {
    await apply(admin, record, [L('p1', 'development', 'a')], 'none');
    assert.unreachable('no failure');
  } catch (e) {
    const err = e as FlytemcError;
    assert.is(err.exitCode, EXIT.failed);
    assert.match(
      err.problems[0]!.message,
      /applied: add p1\/development in FlyteAdmin, but the record of what flytemc applied was not written \(writing ConfigMap/,
    );
    assert.match(err.problems[0]!.fix!, /it changes nothing in FlyteAdmin and writes the record/);
  }
  assert.equal([...admin.attrs.keys()], ['p1/development/']);
  record.fail = undefined;
  const again = await apply(admin, record, [L('p1', 'development', 'a')], 'none');
  assert.equal(again.out.done, []);
  assert.equal(recorded(record), ['p1/development/'], 'written on the rerun, with nothing to change in FlyteAdmin');
  // a concurrent apply moves the record on between this one's read and its write
  const racing = new FakeRecord();
  racing.bumpAfterRead = true;
  try {
    await applyLabels(admin, racing, planLabels([L('p2', 'development', 'b')], await admin.executionLabels(), [], 'none'), 'rerun');
    assert.unreachable('no conflict');
  } catch (e) {
    assert.match((e as FlytemcError).problems[0]!.message, /record of what flytemc applied was not written \(another `labels apply` changed the record\)/);
  }
});

test('unknownProjects: a project or a domain FlyteAdmin does not have, one problem each, where the entry is', async () => {
  const problems = await unknownProjects(
    new FakeAdmin(),
    [L('p1', 'development', 'a'), L('nosuch', 'development', 'a'), L('p2', 'staging', 'a')],
    (i) => `v.yaml entry ${i}`,
  );
  assert.equal(
    problems.map((p) => `${whereOf(p)}: ${p.message}`),
    [
      'v.yaml entry 1: FlyteAdmin http://admin.test has no project "nosuch" (it has p1, p2), so it would refuse this label',
      'v.yaml entry 2: project p2 has no domain "staging" in FlyteAdmin http://admin.test',
    ],
  );
});

test('labelPlan: an unknown project refused before anything is read; else the changes against what FlyteAdmin holds and the record; the table and the drift error', async () => {
  const admin = new FakeAdmin();
  const record = new FakeRecord();
  admin.attrs.set('p1/development/', { project: 'p1', domain: 'development', label: 'old' });
  admin.attrs.set('p2/development/', { project: 'p2', domain: 'development', label: 'byhand' });
  const at = (i: number) => ({ file: 'v.yaml', pointer: `/multicluster/executionLabels/${i}` });
  const refused = await labelPlan(admin, record, [{ project: 'nope', domain: 'development', label: 'a' }], at, 'none').catch((e: unknown) => e);
  assert.instance(refused, FlytemcError);
  assert.is((refused as FlytemcError).problems[0]!.pointer, '/multicluster/executionLabels/0');
  const changes = await labelPlan(admin, record, [{ project: 'p1', domain: 'development', label: 'new' }], at, 'none');
  assert.equal(
    changes.map((c) => c.action),
    ['change', 'keep'],
  );
  assert.is(summarize(changes), '0 to add, 1 to change, 0 to remove, 0 unchanged, 1 kept');
  assert.is(
    formatChanges(changes, admin.url, ['v.yaml']),
    `execution cluster labels: FlyteAdmin http://admin.test against multicluster.executionLabels of v.yaml
  ACTION  PROJECT  DOMAIN       WORKFLOW  FLYTEADMIN  VALUES  NOTE
  change  p1       development            old         new
  keep    p2       development            byhand      -       not set by flytemc: kept (--prune-all removes it)
0 to add, 1 to change, 0 to remove, 0 unchanged, 1 kept
`,
  );
  const drift = driftError(changes, admin.url, ['v.yaml'], 'flytemc labels apply ...');
  assert.is(drift.exitCode, EXIT.failed);
  assert.equal(drift.problems[0]!.code, 'labels.drift');
  assert.match(drift.problems[0]!.fix!, /^apply the values: flytemc labels apply \.\.\.$/);
  // FlyteAdmin gone: exit 3 with the fix for an unreachable FlyteAdmin
  admin.projects = async () => {
    throw new AdminError('unreachable', 'cannot reach FlyteAdmin');
  };
  const gone = await labelPlan(admin, record, [], at, 'none').catch((e: unknown) => e);
  assert.is((gone as FlytemcError).exitCode, EXIT.failed);
  assert.is((gone as FlytemcError).problems[0]!.code, 'admin.unreachable');
});

test.run();
