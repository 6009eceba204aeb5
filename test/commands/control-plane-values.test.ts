// plugin/commands/control-plane-values.ts: cordon and uncordon's edit of the values file, what they print, the upgrade's command line, their usage errors.
import { test } from '../helpers/uvu.ts';
import * as assert from 'uvu/assert';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { clusterName, controlPlaneFlags, describeEdit, editEnabled, runEnabledCommand } from '../../plugin/commands/control-plane-values.ts';
import { EXIT, UsageError } from '../../plugin/problems/problems.ts';

const dir = mkdtempSync(join(tmpdir(), 'flytemc-cp-values-'));
test.after(() => rmSync(dir, { recursive: true, force: true }));

const CLUSTERS = `# my clusters
multicluster:
  clusters:
    clusterConfigs:
      - {name: dp1, endpoint: https://203.0.113.1:6443, enabled: true}
      - {name: dp2, endpoint: https://203.0.113.2:6443, enabled: true}
    labelClusterMap:
      only1: [{id: dp1, weight: 1}]
      both: [{id: dp1, weight: 1}, {id: dp2, weight: 1}]
`;
let n = 0;
const valuesFile = (text = CLUSTERS) => {
  const f = join(dir, `values-${++n}.yaml`);
  writeFileSync(f, text);
  return f;
};

/** Runs fn with these environment variables unset, then puts them back. */
async function withoutHelmEnv<T>(fn: () => Promise<T> | T): Promise<T> {
  const keys = ['HELM_NAMESPACE', 'HELM_KUBECONTEXT', 'HELM_PLUGIN_NAME'];
  const old = keys.map((k) => [k, process.env[k]] as const);
  for (const k of keys) delete process.env[k];
  try {
    return await fn();
  } finally {
    for (const [k, v] of old) if (v !== undefined) process.env[k] = v;
  }
}

test('editEnabled: enabled written into the file (comments kept), the plan, the labels left without a cluster, the upgrade with every flag', async () => {
  await withoutHelmEnv(async () => {
    const f = valuesFile();
    const edit = await editEnabled({ values: [f], 'kube-context': 'hub', namespace: 'flyte-cp', release: 'cp', kubeconfig: '/k config' }, 'dp1', false);
    assert.is(edit.file, f);
    assert.ok(edit.changed);
    assert.equal(edit.labels, ['only1']);
    assert.match(readFileSync(f, 'utf8'), /^# my clusters\n/);
    assert.match(readFileSync(f, 'utf8'), /name: dp1, endpoint: https:\/\/203\.0\.113\.1:6443, enabled: false/);
    assert.equal(edit.upgradeArgs, ['--release', 'cp', '--kube-context', 'hub', '--kubeconfig', '/k config', '-n', 'flyte-cp', '-f', f]);
    assert.is(edit.upgrade, `flytemc install control-plane --release cp --kube-context hub --kubeconfig '/k config' -n flyte-cp -f ${f}`);
    assert.equal(
      edit.plan.changes.map((c) => [c.target, c.object, c.action, c.note]),
      [[f, 'multicluster.clusters.clusterConfigs', 'update', 'dp1: enabled: false']],
    );
    const again = await editEnabled({ values: [f] }, 'dp1', false);
    assert.not.ok(again.changed);
    assert.is(again.plan.changes[0]!.note, 'dp1: enabled: false already');
    assert.equal(again.upgradeArgs, ['-n', 'flyte', '-f', f], 'the default release and namespace, no context');
    const released = await editEnabled({ values: [f], release: 'flyte' }, 'dp1', true);
    assert.equal(released.upgradeArgs, ['-n', 'flyte', '-f', f]);
    assert.ok(released.changed);
  });
});

test('editEnabled --dry-run: the plan says the change, the file stays', async () => {
  const f = valuesFile();
  const edit = await editEnabled({ values: [f], 'dry-run': true }, 'dp2', false);
  assert.ok(edit.changed && edit.plan.dryRun);
  assert.is(readFileSync(f, 'utf8'), CLUSTERS);
});

test('describeEdit: cordoned or uncordoned, the labels, then the upgrade to run, the drain to wait for; a dry run says nothing changed', async () => {
  await withoutHelmEnv(async () => {
    const f = valuesFile();
    const cordon = await editEnabled({ values: [f] }, 'dp1', false);
    const text = describeEdit(cordon, 'dp1', false, { next: true, drain: 'flytemc drain dp1 --admin URL' });
    assert.match(text, `dp1 is cordoned in ${f} (enabled: false): FlyteAdmin keeps its config and credentials`);
    assert.match(
      text,
      'labels with no other enabled cluster, whose executions now go where FlyteAdmin falls back (`flytemc routes --label L` shows where): only1',
    );
    assert.match(text, `next, upgrade the control plane with these values (or rerun with --upgrade):\n  flytemc install control-plane -n flyte -f ${f}`);
    assert.match(text, 'then wait until nothing runs on dp1 (or abort it with --abort):\n  flytemc drain dp1 --admin URL\n');
    const quiet = describeEdit(cordon, 'dp1', false, { next: false });
    assert.not.match(quiet, 'next, upgrade');
    assert.not.match(quiet, 'then wait');
    const uncordon = await editEnabled({ values: [f] }, 'dp1', true);
    const u = describeEdit(uncordon, 'dp1', true, { next: true });
    assert.match(u, `dp1 is uncordoned in ${f} (enabled: true): FlyteAdmin sends it new executions again`);
    assert.match(u, 'labels that route to dp1 again: only1');
    const other = await editEnabled({ values: [f] }, 'dp2', false);
    assert.equal(other.labels, []);
    assert.not.match(describeEdit(other, 'dp2', false, { next: true }), 'labels');
    const g = valuesFile();
    const dry = await editEnabled({ values: [g], 'dry-run': true }, 'dp1', false);
    const d = describeEdit(dry, 'dp1', false, { next: true, drain: 'flytemc drain dp1' });
    assert.match(d, `dp1 would be cordoned in ${g}`);
    assert.match(d, `dry run: nothing was changed; the upgrade would be:\n  flytemc install control-plane -n flyte -f ${g}\n`);
    assert.not.match(d, 'then wait');
    assert.not.match(d, 'next, upgrade');
  });
});

test('controlPlaneFlags: the context, the namespace and every -f, quoted for a shell; HELM_KUBECONTEXT and HELM_NAMESPACE when no flag', async () => {
  await withoutHelmEnv(() => {
    assert.is(controlPlaneFlags({}), '-n flyte');
    assert.is(
      controlPlaneFlags({ 'kube-context': 'hub', namespace: 'cp', values: ['a.yaml', 'my values.yaml'] }),
      "--kube-context hub -n cp -f a.yaml -f 'my values.yaml'",
    );
    process.env.HELM_KUBECONTEXT = 'from-helm';
    process.env.HELM_NAMESPACE = 'helm-ns';
    assert.is(controlPlaneFlags({}), '--kube-context from-helm -n helm-ns');
  });
});

test('clusterName: exactly one valid NAME', async () => {
  await withoutHelmEnv(() => {
    assert.is(clusterName(['dp1'], 'cordon'), 'dp1');
    assert.throws(
      () => clusterName([], 'cordon'),
      (e: unknown) => e instanceof UsageError && e.message === 'name exactly one cluster: flytemc cordon NAME -f VALUES...',
    );
    assert.throws(
      () => clusterName(['a', 'b'], 'uncordon'),
      (e: unknown) => e instanceof UsageError && /flytemc uncordon NAME/.test(e.message),
    );
    assert.throws(
      () => clusterName(['-bad-'], 'cordon'),
      (e: unknown) => e instanceof UsageError && /^NAME "-bad-" is not a valid cluster name/.test(e.message),
    );
  });
});

test('runEnabledCommand: no NAME, no -f, a bad flag, a cluster not in the file: refused before anything is written, with the exit code', async () => {
  const write = process.stderr.write;
  let err = '';
  process.stderr.write = ((c: string | Uint8Array) => {
    err += String(c);
    return true;
  }) as typeof process.stderr.write;
  try {
    await withoutHelmEnv(async () => {
      assert.is(await runEnabledCommand(['-f', 'x.yaml'], false, 'usage'), EXIT.usage);
      assert.match(err, 'error: name exactly one cluster: flytemc cordon NAME -f VALUES...');
      err = '';
      assert.is(await runEnabledCommand(['dp1'], true, 'usage'), EXIT.usage);
      assert.match(err, "error: pass the control plane's values files with -f (as for install control-plane): flytemc uncordon dp1 -f my-values.yaml");
      err = '';
      assert.is(await runEnabledCommand(['dp1', '--upgrad'], false, 'usage'), EXIT.usage);
      assert.match(err, 'did you mean --upgrade?');
      const f = valuesFile();
      err = '';
      assert.is(await runEnabledCommand(['dp9', '-f', f], false, 'usage'), EXIT.invalid);
      assert.match(err, 'dp9');
      assert.is(readFileSync(f, 'utf8'), CLUSTERS);
    });
  } finally {
    process.stderr.write = write;
  }
});

test.run();
