// Modules of plugin/ that have no test named after them (test/<path>.test.ts for plugin/<path>.ts),
// and the test that covers them instead: mostly whole-product tests that run the programs, Helm or
// harness clusters. test/architecture.test.ts checks this list: every module has its own test or
// an entry here, every entry names an existing test, and no entry is left for a module that
// has its own test or is gone.
export const COVERED_BY: Record<string, { test: string; why: string }> = {
  'plugin/flyteadmin/client.ts': {
    test: 'test/flyte-e2e.test.ts',
    why: 'every call against the real FlyteAdmin v1.16.8: projects, register, executions, node executions, auth on and off, errors',
  },
  'plugin/flyteadmin/smoke.ts': {
    test: 'test/flyte-e2e.test.ts',
    why: 'smoke against the real FlyteAdmin and FlytePropellers: succeeded, placed but never started, the task cache',
  },
  'plugin/commands/smoke.ts': { test: 'test/flyte-e2e.test.ts', why: 'smoke through the CLI as a user runs it, and each bad input' },
  'plugin/commands/drain.ts': {
    test: 'test/flyte-day2.test.ts',
    why: 'drain on the real FlyteAdmin: timeout listing the work, passing once it ends, --abort, FlyteAdmin stopped mid-drain, bad input',
  },
  'plugin/commands/export.ts': { test: 'test/export.test.ts', why: 'export kustomize|flux|argocd through the built CLI' },
  'plugin/commands/helm-install.ts': {
    test: 'test/commands/install.test.ts',
    why: "install through the CLI against real Helm 3 and 4 (every boolean flag passed on, the docs' install commands); cordon --upgrade in test/flyte-day2.test.ts",
  },
  'plugin/commands/labels.ts': {
    test: 'test/bin/flytemc.test.ts',
    why: 'labels from flags and from multicluster.executionLabels; labels apply|diff against the real FlyteAdmin in test/flyte-day2.test.ts',
  },
  'plugin/commands/setup.ts': { test: 'test/plugin.test.ts', why: 'setup for Helm 3 and Helm 4, shared and separate plugin folders' },
  'plugin/export/render.ts': { test: 'test/export.test.ts', why: 'the control plane rendered with real Helm, the refusals of the post-renderer' },
  'plugin/generated/flyte-core-keys.js': {
    test: 'test/config/flyte-core-keys.test.ts',
    why: "the key tree the build reads from flyte-core's archive: values.yaml, the templates' reads, the free-form maps",
  },
  'plugin/generated/version.js': { test: 'test/dist.test.ts', why: 'one version everywhere' },
  'plugin/helm/helm4-post-renderer/run.mjs': {
    test: 'test/plugin.test.ts',
    why: "Helm 4 hides a post-renderer's stderr: the launcher passes it through and writes the error file",
  },
  'plugin/bin/install-check.mjs': { test: 'test/plugin.test.ts', why: 'helm plugin install from a folder, git and a tarball runs the hook' },
  'plugin/bin/flytemc-krm.ts': { test: 'test/postrender/krm.test.ts', why: 'flytemc-krm and flytemc-post-renderer --krm as processes' },
  'plugin/bin/flytemc-post-renderer.ts': { test: 'test/post-renderer-process.test.ts', why: 'the bundled post-renderer, its code cache and --krm' },
};
