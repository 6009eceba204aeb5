// plugin/config/flyte-core-keys.ts and the key tree the build reads from flyte-core's archive
// (plugin/generated/flyte-core-keys.js): a typo under `flyte-core:` is named with the nearest key,
// by `validate` (an error) and `install` (a warning); nothing is named under an empty map or
// free-form Flyte config; the values of ../shared/flyte/README.md, the chart's own values files and
// the repository's fixtures pass without a word.
import { test } from '../helpers/uvu.ts';
import * as assert from 'uvu/assert';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { FLYTE_CORE } from '../../plugin/generated/flyte-core-keys.js';
import { unknownCoreKeys } from '../../plugin/config/flyte-core-keys.ts';
import { CHART_DIR, ROOT, helmBinary, helmEnv, prepareChart } from '../helpers/helm.ts';
import { CLI, runNodeSync } from '../helpers/process.ts';
import { whereOf } from '../../plugin/problems/problems.ts';

const work = mkdtempSync(join(tmpdir(), 'flytemc-core-keys-'));
const at = (p: string) => ({ file: 'x.yaml', pointer: `/flyte-core${p}` });
const check = (core: unknown) => unknownCoreKeys(core, at, 'error');
const flytemc = (args: string[]) =>
  runNodeSync(CLI, args, { env: { ...helmEnv(join(work, 'helm')), HOME: work, FLYTEMC_HELM: helmBinary(4) }, timeoutMs: 120_000 });
const file = (name: string, text: string) => {
  const p = join(work, name);
  writeFileSync(p, text);
  return p;
};

test("the tree is flyte-core v1.16.8's, read from its archive: values.yaml's keys, keys only its templates read, its cloud files' userSettings; free-form maps open", () => {
  assert.ok(FLYTE_CORE, 'built without ../shared');
  const { version, tree } = FLYTE_CORE!;
  assert.is(version, 'v1.16.8');
  const node = (path: string) => path.split('.').reduce<unknown>((n, k) => (n && typeof n === 'object' ? (n as Record<string, unknown>)[k] : undefined), tree);
  assert.equal(Object.keys(node('storage.s3') as object).sort(), ['accessKey', 'authType', 'endpoint', 'region', 'secretKey']);
  assert.is(node('common.ingress.host'), 0, 'read by the templates only (a comment in values.yaml)');
  assert.is(node('forceNamespace'), 0);
  assert.is(node('userSettings.bucketName'), 0, "values-eks.yaml's and values-gcp.yaml's {{ .Values.userSettings.… }}");
  for (const open of ['storage.custom', 'configmap.adminServer', 'configmap.core', 'flyteadmin.resources', 'flyteadmin.podAnnotations', 'db.admin'])
    assert.is(node(open), 0, `${open} is rendered whole (or empty in values.yaml): any key`);
  assert.ok(typeof node('flyteconnector') === 'object', 'the subchart, from its own values.yaml');
});

test('a typo is named with the nearest key; a key nothing is near lists the keys there', () => {
  const [p, ...rest] = check({ storage: { type: 's3', bucketname: 'mine' } });
  assert.equal(rest, []);
  assert.equal([p!.severity, p!.code, p!.pointer], ['error', 'values.unknown-key', '/flyte-core/storage/bucketname']);
  assert.is(whereOf(p!), 'x.yaml /flyte-core/storage/bucketname');
  assert.match(p!.message, 'flyte-core v1.16.8 has no key storage.bucketname');
  assert.match(p!.message, 'storage.bucketName keeps its default');
  assert.is(p!.fix, 'did you mean storage.bucketName?');
  assert.is(check({ flyteadmin: { replicacount: 2 } })[0]!.fix, 'did you mean flyteadmin.replicaCount?');
  assert.is(check({ storage: { s3: { regoin: 'x' } } })[0]!.fix, 'did you mean storage.s3.region?');
  assert.is(check({ flyteAdmin: { enabled: false } })[0]!.fix, 'did you mean flyteadmin?');
  assert.match(check({ storage: { zzzzzz: 1 } })[0]!.fix!, /^remove it; the keys of storage are: secretName, type, bucketName, s3/);
  assert.is(unknownCoreKeys({ storage: { bucketname: 'x' } }, at, 'warning')[0]!.severity, 'warning');
});

test('nothing is named under an empty map, free-form Flyte config, a scalar or list, or a key the values define for their own templates', () => {
  assert.equal(
    check({
      storage: { type: 'custom', custom: { type: 'stow', container: 'c', stow: { kind: 'local', config: { path: '/x' } } } },
      configmap: {
        adminServer: { server: { security: { useAuth: true } }, auth: { appAuth: { selfAuthServer: { staticClients: { flytepropeller: { id: 'x' } } } } } },
        core: { propeller: { 'any-new-key': 1 } },
        task_logs: { plugins: { logs: { 'kubernetes-enabled': true, 'kubernetes-url': 'x' } } },
      },
      flyteadmin: { podAnnotations: { a: 'b' }, resources: { limits: { 'nvidia.com/gpu': 1 } }, nodeSelector: { x: 'y' } },
      common: { ingress: { annotations: { 'x/y': 'z' }, host: 'flyte.example.com', tls: { enabled: true, secretName: 's' } } },
      global: { anything: 1 },
    }).concat(check({ storage: { bucketName: '{{ .Values.myBucket }}' }, myBucket: 'b' })),
    [],
  );
});

test('the values of ../shared/flyte/README.md, the chart’s own values files and the fixtures: validate names no unknown key', () => {
  prepareChart();
  const files = [
    join(ROOT, 'test', 'fixtures', 'flyte-readme-values.yaml'),
    join(ROOT, 'test', 'fixtures', 'shared-values.yaml'),
    join(ROOT, 'test', 'fixtures', 'three-clusters.yaml'),
    ...readdirSync(CHART_DIR)
      .filter((f) => /^values.*\.yaml$/.test(f))
      .map((f) => join(CHART_DIR, f)),
  ];
  for (const f of files) {
    const core = (yaml.load(readFileSync(f, 'utf8')) as Record<string, unknown> | null)?.['flyte-core'];
    assert.equal(check(core), [], f);
  }
  const r = flytemc([
    'validate',
    '-f',
    join(ROOT, 'test', 'fixtures', 'flyte-readme-values.yaml'),
    '-f',
    join(ROOT, 'test', 'fixtures', 'three-clusters.yaml'),
  ]);
  assert.is(r.code, 0, r.stdout + r.stderr);
  assert.match(r.stdout, '0 errors, 0 warnings in 2 files');
});

test('validate: an error with file:line and the fix (exit 1), in a file with or without a cluster config; install: the same as a warning, and it installs', () => {
  const typo = file('typo.yaml', 'flyte-core:\n  storage:\n    type: s3\n    bucketname: my-bucket\n');
  const v = flytemc(['validate', '-f', typo, '-f', join(ROOT, 'test', 'fixtures', 'three-clusters.yaml')]);
  assert.is(v.code, 1, v.stdout + v.stderr);
  assert.match(v.stdout, `${typo}: INVALID`);
  assert.match(v.stdout, `error: ${typo}:4 (/flyte-core/storage/bucketname): flyte-core v1.16.8 has no key storage.bucketname`);
  assert.match(v.stdout, 'fix: did you mean storage.bucketName?');
  prepareChart();
  const i = flytemc(['install', 'control-plane', '-f', join(ROOT, 'test', 'fixtures', 'three-clusters.yaml'), '-f', typo, '--template']);
  assert.is(i.code, 0, i.stderr);
  assert.match(i.stderr, `warning: ${typo}:4 (/flyte-core/storage/bucketname): flyte-core v1.16.8 has no key storage.bucketname`);
  assert.match(i.stdout, 'kind: Deployment');
  const clean = flytemc([
    'install',
    'control-plane',
    '-f',
    join(ROOT, 'test', 'fixtures', 'shared-values.yaml'),
    '-f',
    join(ROOT, 'test', 'fixtures', 'three-clusters.yaml'),
    '--template',
  ]);
  assert.is(clean.code, 0, clean.stderr);
  assert.not.match(clean.stderr, 'warning');
});

test.after(() => rmSync(work, { recursive: true, force: true }));

test.run();
