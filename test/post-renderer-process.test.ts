// The built `flytemc-post-renderer` program as Helm runs it: stdin in, stdout out, and on any
// problem nothing on stdout, a non-zero exit, one clear message on stderr, never a stack trace.
import { test } from './helpers/uvu.ts';
import * as assert from 'uvu/assert';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixture, rendered, objects, credentialMounts, THREE_PLACES } from './helpers/manifests.ts';
import { helmBinary, helmEnv } from './helpers/helm.ts';
import { CLI, POST_RENDERER, runNodeSync, runProcessSync } from './helpers/process.ts';
import { FLYTE_CORE_TGZ } from '../scripts/shared.mjs';

const tmp = mkdtempSync(join(tmpdir(), 'flytemc-pr-'));

const run = (args: string[], input: string | Buffer, env: NodeJS.ProcessEnv = {}) =>
  runNodeSync(POST_RENDERER, args, { input, env: { PATH: process.env.PATH, ...env } });

function assertRefused(r: ReturnType<typeof run>, pattern: RegExp) {
  assert.is.not(r.code, 0, 'exit code');
  assert.is(r.stdout, '', 'stdout must be empty');
  assert.match(r.stderr, pattern);
  assert.not.match(r.stderr, /\n\s+at .*:\d+:\d+/, 'no stack trace');
  assert.not.match(r.stderr, /TypeError|ReferenceError|SyntaxError/);
}

test("happy path: Helm's stream in, the patched stream out, exit 0", () => {
  const r = run(['--config', fixture('three-clusters.yaml')], rendered('controlplane.yaml'));
  assert.is(r.code, 0, r.stderr);
  const out = objects(r.stdout);
  for (const place of THREE_PLACES) assert.is(credentialMounts(out, place).length, 1);
});

test('--explain prints the patches per object, not manifests', () => {
  const r = run(['--config', fixture('three-clusters.yaml'), '--explain'], rendered('controlplane.yaml'));
  assert.is(r.code, 0, r.stderr);
  assert.match(r.stdout, /# ConfigMap\/flyte-admin-clusters-config/);
  assert.match(r.stdout, /# Deployment\/syncresources/);
  assert.match(r.stdout, /"op": "add",\s+"path": "\/spec\/template\/spec\/initContainers\/2\/volumeMounts\/-"/);
  assert.not.match(r.stdout, /^apiVersion:/m);
});

const BAD_INPUTS: Array<[string, string | Buffer, RegExp]> = [
  // a document that a stage reads (a ConfigMap with clusters.yaml, the credentials Secret); one nobody reads passes (below)
  ['malformed YAML', '---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: x\ndata:\n  clusters.yaml: ""\n', /stream line \d+: invalid YAML/],
  ['an empty stream', '', /the input is empty/],
  ['whitespace only', '\n\n  \n', /the input is empty/],
  ['binary garbage', Buffer.from([0x00, 0xff, 0xfe, 0x12, 0x00, 0x41, 0x0a, 0x9c]), /NUL bytes: it is not YAML/],
  ['a stream without FlyteAdmin', rendered('dataplane.yaml'), /no FlyteAdmin/],
  [
    'duplicate keys',
    rendered('controlplane.yaml') + '---\napiVersion: v1\nkind: Secret\nmetadata:\n  name: cluster-credentials\n  name: b\n',
    /duplicated mapping key/,
  ],
];
for (const [what, input, pattern] of BAD_INPUTS) {
  test(`refuses ${what}: one clear error, no stdout`, () => assertRefused(run(['--config', fixture('three-clusters.yaml')], input), pattern));
}

test('a malformed document that no stage reads is written back byte for byte (Helm has parsed it before; docs/benchmarks.md)', () => {
  const odd = '---\napiVersion: v1\nkind: Service\nmetadata: {name: x\n';
  const r = run(['--config', fixture('three-clusters.yaml')], rendered('controlplane.yaml') + odd);
  assert.is(r.code, 0, r.stderr);
  assert.ok(r.stdout.endsWith(odd));
});

test('refuses a config that is not a map', () => {
  const f = join(tmp, 'list.yaml');
  writeFileSync(f, '- a\n- b\n');
  assertRefused(run(['--config', f], rendered('controlplane.yaml')), /list\.yaml:1: the file must be a YAML mapping of Helm values, not a list/);
  const g = join(tmp, 'scalar.yaml');
  writeFileSync(g, 'multicluster: 5\n');
  assertRefused(run(['--config', g], rendered('controlplane.yaml')), /`multicluster` must be a mapping/);
});

test('refuses a missing config file and a bad flag (usage errors exit 2)', () => {
  const r = run(['--config', join(tmp, 'nope.yaml')], rendered('controlplane.yaml'));
  assertRefused(r, /nope\.yaml: no such file/);
  assert.is(r.code, 2);
  const u = run(['--bogus'], rendered('controlplane.yaml'));
  assertRefused(u, /unknown option --bogus/);
  assert.is(u.code, 2);
});

for (const f of [
  'defect5-underscore-names',
  'defect6-raw-secret-data',
  'defect7-enabled-under-auth',
  'defect8-misplaced-under-configmap',
  'defect10-placeholder-unquoted',
  'defect10-placeholder-quoted',
]) {
  test(`guide ${f}: refused with its hint and empty stdout`, () => {
    const r = run(['--config', fixture(`guide/${f}.yaml`)], rendered('controlplane.yaml'));
    assertRefused(r, new RegExp(`guide/${f}\\.yaml:\\d+.*\\n  fix: `));
  });
}

test('the error also goes to --error-file (Helm 4 drops stderr), mode 0600', () => {
  const ef = join(tmp, 'err.txt');
  const r = run(['--config', fixture('guide/defect7-enabled-under-auth.yaml'), '--error-file', ef], rendered('controlplane.yaml'));
  assertRefused(r, /enabled/);
  assert.match(readFileSync(ef, 'utf8'), /`enabled` sits under `auth`/);
  assert.is(statSync(ef).mode & 0o777, 0o600);
});

test('the post-render path does not load the Kubernetes client', () => {
  // esbuild splits the bundle: list what the post-renderer entry imports, transitively
  const seen = new Set<string>();
  const walk = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/(?:import|from)\s*["'](\.\/[^"']+|\.\.\/[^"']+)["']/g)) walk(join(file, '..', m[1]!));
  };
  walk(POST_RENDERER);
  const all = [...seen].map((f) => readFileSync(f, 'utf8')).join('\n');
  assert.not.match(all, /@kubernetes\/client-node|KubeConfig|CoreV1Api/);
  assert.ok(seen.size >= 1);
});

test('`flytemc post-render` is the same program', () => {
  const r = runNodeSync(CLI, ['post-render', '--config', fixture('three-clusters.yaml')], { input: rendered('controlplane.yaml') });
  assert.is(r.code, 0, r.stderr);
  const direct = run(['--config', fixture('three-clusters.yaml')], rendered('controlplane.yaml'));
  assert.is(r.stdout, direct.stdout);
});

test('real Helm 3: helm template of the flyte-core archive with --post-renderer <path> --post-renderer-args --config FILE', () => {
  const home = join(tmp, 'helm3');
  mkdirSync(home, { recursive: true });
  const chartDir = join(tmp, 'fc');
  mkdirSync(chartDir, { recursive: true });
  copyFileSync(FLYTE_CORE_TGZ, join(chartDir, 'flyte-core.tgz'));
  assert.is(runProcessSync('tar', ['xzf', join(chartDir, 'flyte-core.tgz'), '-C', chartDir, 'flyte-core/values-controlplane.yaml']).code, 0);
  const override = fixture('guide/corrected-flyte-core-override.yaml');
  const r = runProcessSync(
    helmBinary(3),
    [
      'template',
      'flyte',
      FLYTE_CORE_TGZ,
      '-n',
      'flyte',
      '-f',
      join(chartDir, 'flyte-core', 'values-controlplane.yaml'),
      '-f',
      override,
      '--post-renderer',
      POST_RENDERER,
      '--post-renderer-args',
      '--config',
      '--post-renderer-args',
      override,
    ],
    { env: helmEnv(home) },
  );
  assert.is(r.code, 0, r.stderr);
  const out = objects(r.stdout);
  for (const place of THREE_PLACES) assert.is(credentialMounts(out, place).length, 1, place.container);
  assert.not.ok(out.some((o) => o.kind === 'Deployment' && o.metadata.name === 'flytepropeller'));

  // and a refusal reaches the user through Helm, with nothing rendered
  const bad = runProcessSync(
    helmBinary(3),
    [
      'template',
      'flyte',
      FLYTE_CORE_TGZ,
      '-n',
      'flyte',
      '-f',
      join(chartDir, 'flyte-core', 'values-controlplane.yaml'),
      '--post-renderer',
      POST_RENDERER,
      '--post-renderer-args',
      '--config',
      '--post-renderer-args',
      fixture('guide/defect7-enabled-under-auth.yaml'),
    ],
    { env: helmEnv(home) },
  );
  assert.is.not(bad.code, 0);
  assert.is(bad.stdout, '');
  assert.match(bad.stderr, /`enabled` sits under `auth`/);
});

test.run();

// The trade of parsing only what a patch can touch (docs/benchmarks.md): a document we pass
// through unparsed has been parsed by Helm already. Helm parses every rendered template (with
// go-yaml's alias limit) before it runs the post-renderer, and refuses a bad one; the
// post-renderer is not even started.
for (const major of [3, 4] as const) {
  test(`Helm ${major} refuses a malformed template and an alias bomb before any post-renderer runs`, () => {
    const home = mkdtempSync(join(tmpdir(), 'flytemc-helm-parses-'));
    const laughs = ['l0: &l0 [a,a,a,a,a,a,a,a,a]', ...Array.from({ length: 8 }, (_, i) => `l${i + 1}: &l${i + 1} [${Array(9).fill(`*l${i}`).join(',')}]`)];
    const cases: Array<[string, string, RegExp]> = [
      ['malformed', 'apiVersion: v1\nkind: Service\nmetadata: {name: x\n', /YAML parse error on c\/templates\/t\.yaml/],
      ['bomb', `apiVersion: v1\nkind: Service\nmetadata:\n  name: lol\n${laughs.map((l) => `  ${l}`).join('\n')}\n`, /excessive aliasing/],
    ];
    for (const [what, template, pattern] of cases) {
      const chart = join(home, what, 'c');
      mkdirSync(join(chart, 'templates'), { recursive: true });
      writeFileSync(join(chart, 'Chart.yaml'), 'apiVersion: v2\nname: c\nversion: 0.1.0\n');
      writeFileSync(join(chart, 'templates', 't.yaml'), template);
      const marker = join(home, what, 'post-renderer-ran');
      const script = join(home, what, 'post-renderer.sh');
      writeFileSync(script, `#!/bin/sh\ntouch ${marker}\ncat\n`, { mode: 0o755 });
      // Helm 3 runs an executable; Helm 4 only a plugin, so it gets none (the parse comes first either way)
      const r = runProcessSync(helmBinary(major), ['template', 'r', chart, ...(major === 3 ? ['--post-renderer', script] : [])], { env: helmEnv(home) });
      assert.is.not(r.code, 0, `${what}: ${r.stdout.slice(0, 300)}`);
      assert.match(r.stderr, pattern);
      assert.not.ok(existsSync(marker), `${what}: the post-renderer ran`);
    }
  });
}
