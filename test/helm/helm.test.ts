// plugin/helm/helm.ts: Helm's plugin contract (the namespace and context a flag, else Helm's
// variables, else the default), the Helm binary (real Helm 3.17.2 and 4.1.4; a missing one refused
// with helm.missing), `helm env` with Helm's variables winning, quoting a command for display, and
// running Helm with its stderr shown masked and captured.
import { test } from '../helpers/uvu.ts';
import * as assert from 'uvu/assert';
import { mkdtempSync, rmSync, writeFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { detectHelm, helmEnv, kubeContextSetting, namespaceSetting, runHelmPassthrough, shellQuote } from '../../plugin/helm/helm.ts';
import { FlytemcError } from '../../plugin/problems/problems.ts';
import { helmBinary } from '../helpers/helm.ts';

const dir = mkdtempSync(join(tmpdir(), 'flytemc-helm-'));
test.after(() => rmSync(dir, { recursive: true, force: true }));

function withEnv<T>(env: Record<string, string | undefined>, fn: () => T): T {
  const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  for (const [k, v] of Object.entries(env))
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  try {
    return fn();
  } finally {
    for (const [k, v] of Object.entries(saved))
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
  }
}

test('the namespace and the kube context: the flag, else the one Helm passes, else the default (none: the current context)', () => {
  withEnv({ HELM_NAMESPACE: undefined, HELM_KUBECONTEXT: undefined }, () => {
    assert.equal(namespaceSetting(undefined), { value: 'flyte', from: "flytemc's default" });
    assert.is(namespaceSetting(undefined, 'default').value, 'default');
    assert.is(kubeContextSetting(undefined), undefined);
  });
  withEnv({ HELM_NAMESPACE: 'ns', HELM_KUBECONTEXT: 'cp' }, () => {
    assert.is(namespaceSetting(undefined).value, 'ns');
    assert.is(namespaceSetting('mine').value, 'mine');
    assert.is(kubeContextSetting(undefined)!.value, 'cp');
    assert.equal(kubeContextSetting('dp1'), { value: 'dp1', from: '--kube-context' });
  });
});

test('the Helm binary: its major version from `helm version --short`; none refused (exit 2, helm.missing); helm env with Helm’s variables winning', () => {
  assert.is(detectHelm(helmBinary(3)).major, 3);
  assert.is(detectHelm(helmBinary(4)).major, 4);
  try {
    detectHelm(join(dir, 'no-helm'));
    assert.unreachable();
  } catch (e) {
    assert.instance(e, FlytemcError);
    assert.equal([(e as FlytemcError).problems[0]!.code, (e as FlytemcError).exitCode], ['helm.missing', 2]);
    assert.match((e as FlytemcError).problems[0]!.message, /cannot run Helm \(not found\)/);
  }
  const odd = join(dir, 'odd-helm');
  writeFileSync(odd, '#!/bin/sh\necho 3.0\n');
  chmodSync(odd, 0o755);
  try {
    detectHelm(odd);
    assert.unreachable();
  } catch (e) {
    assert.is((e as FlytemcError).problems[0]!.code, 'helm.version');
  }
  const env = withEnv({ HELM_DATA_HOME: join(dir, 'data'), HELM_PLUGINS: undefined }, () => helmEnv(detectHelm(helmBinary(4))));
  assert.is(env.HELM_DATA_HOME, join(dir, 'data'));
  assert.ok(env.HELM_PLUGINS);
});

test('a command for display: plain words as they are, anything else single-quoted', () => {
  assert.is(shellQuote('--set-string'), '--set-string');
  assert.is(shellQuote('a=b,c:d/e@f'), 'a=b,c:d/e@f');
  assert.is(shellQuote("it's here"), `'it'\\''s here'`);
});

test('running Helm: its exit code and stderr captured; a binary that is not there is exit 127', async () => {
  const r = await runHelmPassthrough(helmBinary(3), ['no-such-command'], process.env);
  assert.is.not(r.code, 0);
  assert.match(r.stderr, /unknown command/);
  assert.is((await runHelmPassthrough(join(dir, 'none'), [], process.env)).code, 127);
});

test.run();
