// plugin/cluster/plan.ts: the plan every cluster command records as it goes, and its text (what
// join, unjoin and rotate print; with --dry-run the diff of every change, tokens masked).
import { test } from '../helpers/uvu.ts';
import * as assert from 'uvu/assert';
import { Plan, formatPlan, orStopped, stopped, yamlOf, type Change } from '../../plugin/cluster/plan.ts';
import { EXIT, FlytemcError, error, warning } from '../../plugin/problems/problems.ts';

test('Plan.apply: writes only what changes, and never in a dry run; every change is recorded and reported', async () => {
  const seen: string[] = [];
  const plan = new Plan(false, (c) => seen.push(`${c.action} ${c.object}`));
  let writes = 0;
  const write = async () => ++writes;
  assert.is(await plan.apply({ target: 'dp1', object: 'ServiceAccount flyte/flyteadmin', action: 'create' }, write), 1);
  assert.is(await plan.apply({ target: 'dp1', object: 'ClusterRole flyte-flyteadmin', action: 'unchanged' }, write), undefined);
  assert.is(await plan.apply({ target: 'dp1', object: 'token', action: 'check' }, write), undefined);
  assert.is(writes, 1);
  assert.equal(seen, ['create ServiceAccount flyte/flyteadmin', 'unchanged ClusterRole flyte-flyteadmin', 'check token']);
  assert.ok(plan.changed);
  const dry = new Plan(true);
  await dry.apply({ target: 'dp1', object: 'Secret flyte/x', action: 'delete' }, write);
  assert.is(writes, 1, 'a dry run writes nothing');
  assert.ok(dry.changed, 'but says what it would change');
  assert.not.ok(new Plan(false).changed);
  assert.is(yamlOf(undefined), '');
  assert.is(yamlOf({ a: [1] }), 'a:\n  - 1\n');
});

test('formatPlan: one aligned line per object, "would" in a dry run, the diff of each change with two lines of context', () => {
  const changes: Change[] = [
    {
      target: 'hub cp',
      object: 'Secret flyte/cluster-credentials',
      action: 'update',
      note: 'keys dp1_token',
      before: 'a: 1\nb: 2\nc: 3\nd: 4\ne: 5\nf: 6\n',
      after: 'a: 1\nb: 2\nc: 3\nd: 4\ne: 5\nf: 7\n',
    },
    { target: 'dp1', object: 'ServiceAccount flyte/flyteadmin', action: 'create', after: 'kind: ServiceAccount\n' },
    { target: 'dp1', object: 'Namespace flyte', action: 'unchanged' },
  ];
  assert.is(
    formatPlan(changes, { diff: false, dryRun: false }),
    'hub cp  update         Secret flyte/cluster-credentials  (keys dp1_token)\n' +
      'dp1     create         ServiceAccount flyte/flyteadmin\n' +
      'dp1     unchanged      Namespace flyte\n',
  );
  const dry = formatPlan(changes, { diff: true, dryRun: true, group: true });
  assert.is(
    dry,
    'dp1     would create   ServiceAccount flyte/flyteadmin\n' +
      '    + kind: ServiceAccount\n' +
      'dp1     unchanged      Namespace flyte\n' +
      'hub cp  would update   Secret flyte/cluster-credentials  (keys dp1_token)\n' +
      '      d: 4\n' +
      '      e: 5\n' +
      '    + f: 7\n' +
      '    - f: 6\n',
  );
  assert.is(formatPlan([], { diff: true, dryRun: true }), '');
  const far = formatPlan([{ target: 'h', object: 'o', action: 'update', before: 'a\nb\nc\nd\ne\nf\ng\nh\n', after: 'A\nb\nc\nd\ne\nf\ng\nH\n' }], {
    diff: true,
    dryRun: false,
  });
  assert.is(
    far,
    'h  update         o\n    + A\n    - a\n      b\n      c\n      …\n      f\n      g\n    + H\n    - h\n',
    'unchanged stretches between changes are cut to …',
  );
});

test('formatPlan: grouped by target, clusters first, then the hub, then files; a context reached without TLS verification says so on every line', () => {
  const c = (target: string, object: string): Change => ({
    target,
    object,
    action: 'check',
    ...(target === 'dp-insecure' ? { unverified: true as const } : {}),
  });
  const text = formatPlan([c('values.yaml', 'multicluster.clusters'), c('dp-insecure', 'a'), c('hub cp', 'b'), c('dp2', 'c'), c('dp-insecure', 'd')], {
    diff: false,
    dryRun: false,
    group: true,
  });
  assert.equal(
    text
      .split('\n')
      .filter(Boolean)
      .map((l) => l.split(/\s{2,}/)[0]),
    ['dp-insecure [TLS NOT VERIFIED]', 'dp-insecure [TLS NOT VERIFIED]', 'dp2', 'hub cp', 'values.yaml'],
  );
});

test("stopped: each error's fix extended with what was done and how to go on (warnings kept as they are); anything but a FlytemcError passes through", () => {
  const e = stopped(
    new FlytemcError([error('x', 'broke', 'mend it'), error('y', 'also'), warning('z', 'note')], EXIT.failed),
    'nothing was changed',
    'rerun: flytemc join',
  );
  assert.equal(
    e.problems.map((p) => p.fix),
    ['mend it. nothing was changed; rerun: flytemc join', 'nothing was changed; rerun: flytemc join', undefined],
  );
  assert.is(e.exitCode, EXIT.failed);
  const bug = new TypeError('bug');
  assert.throws(
    () => stopped(bug, 'a', 'b'),
    (x: unknown) => x === bug,
  );
});

test('orStopped: the outcome; or, stopped part way, the plan so far and what changed before it stopped (nothing, in a dry run), and the exit code; a bug passes through', async () => {
  const written: string[] = [];
  const write = async (t: string) => {
    written.push(t);
  };
  assert.equal(await orStopped(new Plan(false), async () => 7, write), { out: 7 });
  const plan = new Plan(false);
  const stderr: string[] = [];
  const real = process.stderr.write.bind(process.stderr);
  process.stderr.write = ((s: string) => stderr.push(s) > 0) as typeof process.stderr.write;
  try {
    const ran = await orStopped(
      plan,
      async () => {
        await plan.apply({ target: 'dp1', object: 'Secret flyte/x', action: 'create' }, async () => undefined);
        throw new FlytemcError([error('context dp1', 'gone')], EXIT.failed);
      },
      write,
    );
    assert.equal(ran, { exitCode: EXIT.failed });
    const dry = new Plan(true);
    await orStopped(
      dry,
      async () => {
        await dry.apply({ target: 'dp1', object: 'Secret flyte/x', action: 'create' }, async () => undefined);
        throw new FlytemcError([error('context dp1', 'gone')], EXIT.failed);
      },
      write,
    );
  } finally {
    process.stderr.write = real;
  }
  assert.match(written[0]!, /^dp1 {2}create {9}Secret flyte\/x\n$/);
  assert.match(stderr[0]!, /^error: context dp1: gone\n1 error\.\nchanged before it stopped: create Secret flyte\/x \(dp1\)\n$/);
  assert.match(stderr[1]!, /\nnothing was changed\.\n$/);
  const bug = new TypeError('bug');
  try {
    await orStopped(new Plan(false), async () => Promise.reject(bug), write);
    assert.unreachable();
  } catch (e) {
    assert.is(e, bug);
  }
});

test.run();
