// plugin/cluster/label-record.ts against fakes of flytemc's Kube (test/helpers/fake-kube.ts): the
// record of the label attributes flytemc applied, in the hub's ConfigMap: absent reads as empty,
// created once, replaced only at the version read (a concurrent apply is a conflict, exit 3),
// never written in a dry run, and what the team reads there says what it is.
import { test } from '../helpers/uvu.ts';
import * as assert from 'uvu/assert';
import { labelRecord } from '../../plugin/cluster/label-record.ts';
import { EXIT, FlytemcError } from '../../plugin/problems/problems.ts';
import { World } from '../helpers/fake-kube.ts';

test('read, create, replace at the version read; a conflict is exit 3 with the fix; a dry run writes nothing', async () => {
  const hub = new World().cluster('cp');
  const rec = labelRecord(hub.kube, 'flyte', false);
  assert.is(rec.where, 'hub cp ConfigMap flyte/flytemc-execution-labels');
  assert.equal(await rec.read(), { targets: [] });
  await labelRecord(hub.kube, 'flyte', true).write([{ project: 'p', domain: 'd' }], undefined);
  assert.not.ok(hub.configMaps.has('flyte', 'flytemc-execution-labels'), 'a dry run wrote');
  await rec.write(
    [
      { project: 'p1', domain: 'development' },
      { project: 'p2', domain: 'production', workflow: 'wf.a' },
    ],
    undefined,
  );
  const first = await rec.read();
  assert.equal(first.targets, [
    { project: 'p1', domain: 'development' },
    { project: 'p2', domain: 'production', workflow: 'wf.a' },
  ]);
  const cm = hub.configMaps.get('flyte', 'flytemc-execution-labels');
  assert.match(cm.data!['applied.yaml']!, /^# The execution cluster label attributes `flytemc labels apply` set in FlyteAdmin/);
  assert.is(cm.metadata?.labels?.['app.kubernetes.io/managed-by'], 'flytemc');
  await rec.write([{ project: 'p1', domain: 'development' }], first.version);
  const second = await rec.read();
  assert.equal(second.targets, [{ project: 'p1', domain: 'development' }]);
  for (const stale of [first.version, undefined]) {
    try {
      await rec.write([], stale);
      assert.unreachable('a stale write landed');
    } catch (e) {
      assert.instance(e, FlytemcError);
      assert.is((e as FlytemcError).exitCode, EXIT.failed);
      assert.match((e as FlytemcError).problems[0]!.message, 'another `labels apply` changed the record while this one ran');
    }
  }
  assert.equal((await rec.read()).targets, [{ project: 'p1', domain: 'development' }]);
});

test.run();
