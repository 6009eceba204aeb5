// Modules of plugin/ that have no test named after them (test/<path>.test.ts for plugin/<path>.ts),
// and the test that covers them instead: mostly whole-product tests that run the programs, Helm or
// harness clusters. test/architecture.test.ts checks this list: every module has its own test or
// an entry here, every entry names an existing test, and no entry is left for a module that now
// has its own test or is gone.
export const COVERED_BY: Record<string, { test: string; why: string }> = {
  'plugin/helm/chart-files.ts': {
    test: 'test/export.test.ts',
    why: 'export renders the shipped chart with its role and cloud files and reads flyte-core from Chart.yaml; install --print in test/plugin.test.ts',
  },
  'plugin/flyteadmin/client.ts': {
    test: 'test/flyte-e2e.test.ts',
    why: 'every call against the real FlyteAdmin v1.16.8: projects, register, executions, node executions, auth on and off, errors',
  },
  'plugin/flyteadmin/smoke.ts': {
    test: 'test/flyte-e2e.test.ts',
    why: 'smoke against the real FlyteAdmin and FlytePropellers: succeeded, placed but never started, the task cache',
  },
  'plugin/commands/smoke.ts': { test: 'test/flyte-e2e.test.ts', why: 'smoke through the CLI as a user runs it, and each bad input' },
  'plugin/commands/cordon.ts': {
    test: 'test/flyte-day2.test.ts',
    why: 'cordon --upgrade on the real FlyteAdmin: executions routes predicted for the cluster go elsewhere; the offline refusals in test/bin/flytemc.test.ts',
  },
  'plugin/commands/uncordon.ts': { test: 'test/flyte-day2.test.ts', why: 'uncordon --upgrade on the real FlyteAdmin: the cluster takes work again' },
  'plugin/commands/drain.ts': {
    test: 'test/flyte-day2.test.ts',
    why: 'drain on the real FlyteAdmin: timeout listing the work, passing once it ends, --abort, FlyteAdmin stopped mid-drain, bad input',
  },
  'plugin/commands/control-plane-values.ts': {
    test: 'test/bin/flytemc.test.ts',
    why: 'cordon and uncordon on values files (the file edited, not joined, the last enabled cluster, --dry-run); --upgrade in test/flyte-day2.test.ts',
  },
  'plugin/cluster/probe.ts': {
    test: 'test/join.test.ts',
    why: 'every join proves its token (TLS, 401, permissions) against harness clusters; test/tls.test.ts the unverified cases',
  },
  'plugin/cluster/secret-file.ts': { test: 'test/gitops.test.ts', why: 'join --secret-out, --merge, applied with kubectl and checked' },
  'plugin/cluster/session.ts': { test: 'test/join.test.ts', why: 'every cluster command opens one; the hub default under Helm in test/plugin.test.ts' },
  'plugin/commands/check.ts': { test: 'test/wayback.test.ts', why: 'check from both sides on harness clusters; test/e2e.test.ts and test/tls.test.ts too' },
  'plugin/commands/export.ts': { test: 'test/export.test.ts', why: 'export kustomize|flux|argocd through the built CLI' },
  'plugin/commands/helm-install.ts': {
    test: 'test/commands/install.test.ts',
    why: "install through the CLI against real Helm 3 and 4 (every boolean flag passed on, the docs' install commands); cordon --upgrade in test/flyte-day2.test.ts",
  },
  'plugin/commands/index.ts': { test: 'test/bin/flytemc.test.ts', why: 'help lists every command, each loads and has --help' },
  'plugin/commands/join.ts': { test: 'test/join.test.ts', why: 'join through the CLI on harness clusters' },
  'plugin/commands/labels.ts': {
    test: 'test/bin/flytemc.test.ts',
    why: 'labels from flags and from multicluster.executionLabels; labels apply|diff against the real FlyteAdmin in test/flyte-day2.test.ts',
  },
  'plugin/commands/post-render.ts': {
    test: 'test/post-renderer-process.test.ts',
    why: 'the post-renderer as a process: stdin, stdout, exit codes, --explain, --error-file',
  },
  'plugin/commands/rbac.ts': { test: 'test/postrender/dataplane.test.ts', why: 'rbac -f with yaml, json and table output' },
  'plugin/commands/rotate.ts': { test: 'test/join.test.ts', why: 'rotate through the CLI on harness clusters' },
  'plugin/commands/routes.ts': { test: 'test/bin/flytemc.test.ts', why: 'routes, --simulate and --execution through the built CLI' },
  'plugin/commands/setup.ts': { test: 'test/plugin.test.ts', why: 'setup for Helm 3 and Helm 4, shared and separate plugin folders' },
  'plugin/commands/unjoin.ts': { test: 'test/join.test.ts', why: 'unjoin through the CLI on harness clusters' },
  'plugin/commands/validate.ts': {
    test: 'test/bin/flytemc.test.ts',
    why: "validate on the upstream guide's values and every defect; --data-plane in test/postrender/dataplane.test.ts",
  },
  'plugin/config/check-config.ts': {
    test: 'test/postrender/index.test.ts',
    why: 'the config checks through postRender (every guide defect, the semantic checks); test/fuzz-config.test.ts their properties',
  },
  'plugin/config/control-plane.ts': { test: 'test/postrender/dataplane.test.ts', why: 'the wiring rules, in-process' },
  'plugin/config/from-values.ts': {
    test: 'test/postrender/index.test.ts',
    why: 'both shapes of values file, the misplaced keys, a Kubernetes manifest passed as values',
  },
  'plugin/config/go-rand.ts': { test: 'test/config/routes.test.ts', why: "Go's math/rand draws, golden values and BigInt arithmetic" },
  'plugin/config/planes.ts': { test: 'test/postrender/dataplane.test.ts', why: 'validate --data-plane: storage, catalog route, names' },
  'plugin/config/schema-errors.ts': { test: 'test/postrender/index.test.ts', why: 'schema errors in every message of the config tests, with their hints' },
  'plugin/config/secret-check.ts': { test: 'test/postrender/index.test.ts', why: "guide defect 6: raw text under a Secret's data" },
  'plugin/config/storage.ts': { test: 'test/postrender/dataplane.test.ts', why: 'storage of values and of rendered storage.yaml, compared' },
  'plugin/config/types.ts': { test: 'test/postrender/index.test.ts', why: 'types and the default credentials only (tsc checks the types)' },
  'plugin/config/validate-files.ts': { test: 'test/bin/flytemc.test.ts', why: 'validate -f; test/fuzz-config.test.ts runs it on a sample of random files' },
  'plugin/config/where.ts': { test: 'test/postrender/index.test.ts', why: 'file:line (pointer) in the config problems' },
  'plugin/yaml/data.ts': { test: 'test/config/values-file.test.ts', why: 'sameData decides whether a values file changed; isObject is everywhere' },
  'plugin/export/argocd.ts': { test: 'test/export.test.ts', why: 'export argocd, built with kustomize' },
  'plugin/export/files.ts': { test: 'test/export.test.ts', why: 'headers, same bytes twice, stale files removed' },
  'plugin/export/flux.ts': { test: 'test/export.test.ts', why: 'export flux, its patches applied with kustomize' },
  'plugin/export/kustomize.ts': { test: 'test/export.test.ts', why: "export kustomize, built with kustomize and compared with the post-renderer's objects" },
  'plugin/export/patches.ts': { test: 'test/export.test.ts', why: 'the test ops pin what each patch assumes: a stale patch is refused' },
  'plugin/export/render.ts': { test: 'test/export.test.ts', why: 'the control plane rendered with real Helm, the refusals of the post-renderer' },
  'plugin/export/tar.ts': { test: 'test/export.test.ts', why: "--vendor-chart unpacks flyte-core's archive" },
  'plugin/generated/flyte-core-keys.js': {
    test: 'test/config/flyte-core-keys.test.ts',
    why: "the key tree the build reads from flyte-core's archive: values.yaml, the templates' reads, the free-form maps",
  },
  'plugin/generated/version.js': { test: 'test/dist.test.ts', why: 'one version everywhere' },
  'plugin/helm/helm4-post-renderer/register.ts': { test: 'test/plugin.test.ts', why: 'setup registers the Helm 4 post-renderer; uninstall removes it' },
  'plugin/helm/helm4-post-renderer/run.mjs': {
    test: 'test/plugin.test.ts',
    why: "Helm 4 hides a post-renderer's stderr: the launcher passes it through and writes the error file",
  },
  'plugin/bin/install-check.mjs': { test: 'test/plugin.test.ts', why: 'helm plugin install from a folder, git and a tarball runs the hook' },
  'plugin/bin/flytemc-krm.ts': { test: 'test/postrender/krm.test.ts', why: 'flytemc-krm and flytemc-post-renderer --krm as processes' },
  'plugin/bin/flytemc-post-renderer.ts': { test: 'test/post-renderer-process.test.ts', why: 'the bundled post-renderer, its code cache and --krm' },
  'plugin/postrender/find.ts': {
    test: 'test/postrender/index.test.ts',
    why: "stage 2 of the pipeline: the config from --config, the chart's document or the stream",
  },
  'plugin/postrender/ingress.ts': { test: 'test/wayback.test.ts', why: "catalogIngress: the control plane's Ingress routes DataCatalog on a harness cluster" },
  'plugin/postrender/patch.ts': { test: 'test/postrender/index.test.ts', why: 'stage 4: the three places, checksums, idempotence' },
  'plugin/postrender/verify.ts': {
    test: 'test/fuzz.test.ts',
    why: "every accepted case's patched Deployments, and issue 14's duplicated volume; the schema checks in test/postrender/index.test.ts",
  },
  'plugin/problems/mask.ts': { test: 'test/secrets.test.ts', why: 'masking: showValue, redact, isSecretPath; every other test reads its messages' },
  'plugin/problems/marks.ts': { test: 'test/tls.test.ts', why: 'a context reached without TLS verification is marked in every line naming it' },
  'plugin/cli/shell.ts': { test: 'test/bin/flytemc.test.ts', why: 'flags as Helm and kubectl users type them, usage errors and their fixes, exit codes' },
  'plugin/yaml/locate.ts': { test: 'test/postrender/index.test.ts', why: 'file:line of a JSON pointer in every config problem' },
  'plugin/yaml/dialect.ts': { test: 'test/yaml/input.test.ts', why: "flytemc's YAML dialect (YAML 1.1 octal, no timestamps)" },
};
