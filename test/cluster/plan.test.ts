// plugin/cluster/plan.ts: the plan every cluster command records as it goes, and its text (what
// join, unjoin and rotate print; with --dry-run the diff of every change, tokens masked).
import { test } from '../helpers/uvu.ts';
import * as assert from 'uvu/assert';
import { Plan, formatPlan, yamlOf, type Change } from '../../plugin/cluster/plan.ts';

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

test.run();
