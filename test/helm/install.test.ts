// plugin/helm/install.ts: the Helm command install runs (the role's files, the post-renderer each
// Helm needs, the whole target spelled out) and Helm's failures as flytemc's exit codes.
import { test } from '../helpers/uvu.ts';
import * as assert from 'uvu/assert';
import { parseInstallArgs } from '../../plugin/helm/install-args.ts';
import { helmFailure, planInstall } from '../../plugin/helm/install.ts';
import { EXIT } from '../../plugin/problems/problems.ts';

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
const clean = { HELM_NAMESPACE: undefined, HELM_KUBECONTEXT: undefined, HELM_PLUGINS: undefined, HELM_DEBUG: undefined, FLYTEMC_DEBUG: undefined };

test("Helm 3: upgrade --install of the shipped chart, the cloud and role files, the names set, the post-renderer executable, then Helm's words", () => {
  const plan = withEnv(clean, () =>
    planInstall(parseInstallArgs(['data-plane', '--cloud', 'eks', '--name', 'dp1', '--admin-endpoint', 'dns:///cp:443', '-f', 'v.yaml', '--wait']), 3, '/p'),
  );
  assert.equal(plan.args, [
    'upgrade',
    '--install',
    'flyte',
    '/p/charts/flyte-multicluster',
    '--namespace',
    'flyte',
    '-f',
    '/p/charts/flyte-multicluster/values-eks.yaml',
    '-f',
    '/p/charts/flyte-multicluster/values-dataplane.yaml',
    '--set-string',
    'multicluster.clusterName=dp1',
    '--set-string',
    'flyte-core.flytepropeller.clusterName=dp1',
    '--set-string',
    'multicluster.controlPlane.adminEndpoint=dns:///cp:443',
    '--post-renderer',
    '/p/dist/flytemc-post-renderer.cjs',
    '-f',
    'v.yaml',
    '--wait',
  ]);
  assert.equal(plan.env, {});
});

test("Helm 4: template with Helm's context and namespace, the plugin by name, its folder added to HELM_PLUGINS; --debug passed on", () => {
  const plan = withEnv({ ...clean, HELM_NAMESPACE: 'ns', HELM_KUBECONTEXT: 'cp', HELM_PLUGINS: '/h/plugins' }, () =>
    planInstall(parseInstallArgs(['control-plane', '--template', '--release', 'r', '--chart', '/c', '--debug']), 4, '/p', '/h/flytemc'),
  );
  assert.equal(plan.args, [
    'template',
    'r',
    '/c',
    '--kube-context',
    'cp',
    '--namespace',
    'ns',
    '-f',
    '/c/values-controlplane.yaml',
    '--post-renderer',
    'flytemc-post-renderer',
    '--debug',
  ]);
  assert.equal(plan.env, { HELM_PLUGINS: '/h/plugins:/h/flytemc' });
  // the folder already in HELM_PLUGINS: nothing to add
  const again = withEnv(clean, () => planInstall(parseInstallArgs(['control-plane']), 4, '/p'));
  assert.equal(again.env, {});
});

test("Helm's failures to exit codes: its command line 2, the config refused by the chart or the post-renderer 1, a bug 70, anything else 3", () => {
  const cases: Array<[string, number]> = [
    ['Error: unknown flag: --reset-values', EXIT.usage],
    ['Error: flag needs an argument: --timeout', EXIT.usage],
    ['Error: invalid argument "xx" for "--timeout" flag: time: invalid duration "xx"', EXIT.usage],
    ['Error: "helm upgrade" requires 2 arguments', EXIT.usage],
    ['Error: expected at most two arguments, unexpected arguments: extra', EXIT.usage],
    ['Error: open nosuch.yaml: no such file or directory', EXIT.usage],
    ['Error: execution error at (flyte-multicluster/templates/validate.yaml:2:4): \n\nthis data plane cannot be installed', EXIT.invalid],
    ["Error: values don't meet the specifications of the schema(s) in the following chart(s):", EXIT.invalid],
    ['Error: failed to parse x.yaml: error converting YAML to JSON', EXIT.invalid],
    ['Error: error while running post render on files: plugin "flytemc-post-renderer" exited with error', EXIT.invalid],
    ['Error: kubernetes cluster unreachable: Get "https://127.0.0.1:9/version": connection refused', EXIT.failed],
    ['Error: unpacked charts cannot be verified', EXIT.failed],
  ];
  for (const [stderr, code] of cases) assert.is(helmFailure(`level=WARN something\n${stderr}\n`).code, code, stderr);
  assert.is(
    helmFailure('Error: error while running post render on files', 'error: flytemc failed unexpectedly: x\nthis is a bug in flytemc').code,
    EXIT.internal,
  );
});

test.run();
