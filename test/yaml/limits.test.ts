// plugin/yaml/limits.ts against hostile input to the post-renderer: bounded time and memory, a refusal naming the limit, nothing on stdout.
import { test } from '../helpers/uvu.ts';
import * as assert from 'uvu/assert';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { configFromValues } from '../../plugin/config/from-values.ts';
import { postRender } from '../../plugin/postrender/index.ts';
import { FlytemcError } from '../../plugin/problems/problems.ts';
import { POST_RENDERER, runNodeSync } from '../helpers/process.ts';
import { THREE_PLACES, credentialMounts, find, fixture, objects, rendered } from '../helpers/manifests.ts';
import { MAX_DEPTH, MAX_DOCUMENTS, MAX_INPUT_BYTES, MIB } from '../../plugin/yaml/limits.ts';

const tmp = mkdtempSync(join(tmpdir(), 'flytemc-limits-'));
const THREE = fixture('three-clusters.yaml');
const three = () => configFromValues(THREE, readFileSync(THREE, 'utf8'));
const CP = rendered('controlplane.yaml');
/** Wall times of the large cases, printed at the end (docs/reliability.md quotes them from a saved run). */
const measured: Record<string, string> = {};
const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** The built program under a 1.5 GiB heap cap: a run that needs more memory fails the test. */
const run = (args: string[], input: string | Buffer, heapMiB = 1536) =>
  runNodeSync(POST_RENDERER, args, { input, nodeArgs: [`--max-old-space-size=${heapMiB}`] });

function assertRefused(r: ReturnType<typeof run>, pattern: RegExp, maxMs: number) {
  assert.is(r.signal, null, `killed by ${r.signal}: ${r.stderr.slice(-500)}`);
  assert.is(r.code, 1, `exit code; stderr: ${r.stderr.slice(0, 800)}`);
  assert.is(r.stdout, '', 'stdout must be empty');
  assert.match(r.stderr, pattern);
  assert.match(r.stderr, /nothing was written/);
  assert.not.match(r.stderr, /\n\s+at .*:\d+:\d+|failed unexpectedly|RangeError/);
  assert.ok(r.ms < maxMs, `took ${r.ms} ms (limit ${maxMs})`);
}

function refusedInProcess(input: string, withConfig = true): FlytemcError {
  try {
    postRender(input, withConfig ? { config: three() } : {});
  } catch (e) {
    if (e instanceof FlytemcError) return e;
    throw e;
  }
  throw new Error('accepted');
}

/** Billion laughs: 9 levels, each a list of 9 aliases of the one below: 9^9 = 387 million leaves. */
function laughs(indent = ''): string {
  const lines = [`${indent}l0: &l0 "lol"`];
  for (let i = 1; i <= 9; i++)
    lines.push(
      `${indent}l${i}: &l${i} [${Array(9)
        .fill(`*l${i - 1}`)
        .join(', ')}]`,
    );
  return lines.join('\n') + '\n';
}
// the credentials Secret (cluster-credentials) is read (the raw-token check, verify.ts); a Service is never parsed
const bombDoc = (kind: string) => `---\napiVersion: v1\nkind: ${kind}\nmetadata:\n  name: cluster-credentials\ndata:\n${laughs('  ')}`;

test('alias bomb in a document of the stream that the post-renderer reads: refused, naming the limit', () => {
  assertRefused(run(['--config', THREE], CP + bombDoc('Secret')), /stream line \d+: YAML aliases \(\*name\) expand this document past .* an alias bomb/, 5000);
});

test('alias bomb in a document that no stage reads: passed through byte for byte, never expanded', () => {
  const r = run(['--config', THREE], CP + bombDoc('Service'));
  assert.is(r.code, 0, r.stderr);
  assert.ok(r.stdout.endsWith(bombDoc('Service')), 'written back as it came');
  assert.ok(r.ms < 5000, `took ${r.ms} ms`);
});

test('alias bomb inside the flyteadmin Deployment (a document that gets rewritten): refused before any dump', () => {
  const input = CP.replace(/(kind: Deployment\nmetadata:\n {2}name: flyteadmin\n)/, `$1  lol:\n${laughs('    ')}`);
  assert.ok(input !== CP);
  const e = refusedInProcess(input);
  assert.match(e.message, /Deployment|stream line/);
  assert.match(e.message, /alias bomb/);
});

test('alias bomb of strings (a 64 KiB string aliased 100,000 times): refused', () => {
  const doc = `---\napiVersion: v1\nkind: Secret\nmetadata:\n  name: cluster-credentials\ndata:\n  a: &a "${'x'.repeat(65536)}"\n  b: [${Array(100_000).fill('*a').join(',')}]\n`;
  assert.match(refusedInProcess(CP + doc).message, /alias bomb/);
});

test('alias bomb in the --config values file: refused, naming the file', () => {
  const f = join(tmp, 'bomb-values.yaml');
  writeFileSync(f, readFileSync(THREE, 'utf8') + `lol:\n${laughs('  ')}`);
  assertRefused(run(['--config', f], CP), /bomb-values\.yaml: YAML aliases .* an alias bomb/, 5000);
});

test('alias bomb in the clusters.yaml text of the second clusters ConfigMap: refused', () => {
  const nested = `clusters:\n  clusterConfigs: []\n  labelClusterMap: {}\n${laughs('  ')}`;
  const input = CP.replace(
    /(name: flyte-clusterresourcesync-config[\s\S]*?clusters\.yaml: )\|[^\n]*\n( {4}.*\n)+/,
    (_m, head: string) => `${head}${JSON.stringify(nested)}\n`,
  );
  assert.ok(input !== CP, 'the test input was built');
  const started = Date.now();
  const e = refusedInProcess(input);
  assert.match(e.message, /ConfigMap\/flyte-clusterresourcesync-config .*\/data\/clusters\.yaml: YAML aliases .* an alias bomb/);
  assert.ok(Date.now() - started < 5000);
});

test("ordinary aliases are fine: a label that reuses another label's routes", () => {
  const text = readFileSync(THREE, 'utf8')
    .replace('    labelClusterMap:\n      team1:\n', '    labelClusterMap:\n      team1: &t1\n')
    .replace(/(\n {4}defaultExecutionLabel)/, '\n      team3: *t1$1');
  assert.match(text, /team3: \*t1/);
  const out = objects(postRender(CP, { config: configFromValues(join(tmp, 'aliases.yaml'), text) }).output);
  const clusters = find(out, 'ConfigMap', 'flyte-admin-clusters-config')!.data['clusters.yaml'];
  assert.match(clusters, /team3:\n\s+- id: cluster_1/);
});

test(`nesting 100,000 deep (flow style): refused as deeper than ${MAX_DEPTH} levels, no stack overflow`, () => {
  const deep = `---\napiVersion: v1\nkind: Secret\nmetadata:\n  name: cluster-credentials\ndata:\n  x: ${'['.repeat(100_000)}${']'.repeat(100_000)}\n`;
  const r = run(['--config', THREE], CP + deep);
  measured['nesting 100,000 deep: refused after'] = secs(r.ms);
  assertRefused(r, new RegExp(`stream line \\d+: mappings and lists nested more than ${MAX_DEPTH} levels deep, the limit`), 5000);
});

test(`nesting ${MAX_DEPTH + 10} deep (block style): refused; ${MAX_DEPTH - 10} deep: accepted and written back as it was`, () => {
  const block = (n: number) =>
    `---\napiVersion: v1\nkind: Secret\nmetadata:\n  name: cluster-credentials\nstringData: {${[1, 2, 3].map((i) => `cluster_${i}_token: t, cluster_${i}_cacert: c`).join(', ')}}\nspec:\n${Array.from({ length: n }, (_, i) => `${' '.repeat(i + 1)}a:`).join('\n')} 1\n`;
  assert.match(refusedInProcess(CP + block(MAX_DEPTH + 10)).message, /nested more than 256 levels/);
  const ok = CP + block(MAX_DEPTH - 10);
  assert.ok(postRender(ok, { config: three() }).output.endsWith(block(MAX_DEPTH - 10).slice(4)));
});

test('nesting in the --config file and in a nested clusters.yaml: refused, no stack trace', () => {
  const f = join(tmp, 'deep-values.yaml');
  writeFileSync(f, readFileSync(THREE, 'utf8') + `deep: ${'['.repeat(50_000)}${']'.repeat(50_000)}\n`);
  assertRefused(run(['--config', f], CP), /deep-values\.yaml: mappings and lists nested more than 256 levels deep/, 5000);
  const input = CP.replace(
    /(name: flyte-admin-clusters-config[\s\S]*?clusters\.yaml: )\|[^\n]*\n( {4}.*\n)+/,
    (_m, head: string) => `${head}${JSON.stringify(`clusters: ${'['.repeat(20_000)}${']'.repeat(20_000)}`)}\n`,
  );
  assert.ok(input !== CP);
  assert.match(refusedInProcess(input, false).message, /nested more than 256 levels deep/);
});

test('duplicate keys: in a Deployment of the stream and in the --config file', () => {
  const input = CP.replace(/(kind: Deployment\nmetadata:\n {2}name: flyteadmin\n)/, '$1  name: again\n');
  assert.match(refusedInProcess(input).message, /stream line \d+: invalid YAML: duplicated mapping key/);
  const f = join(tmp, 'dup-values.yaml');
  writeFileSync(f, readFileSync(THREE, 'utf8').replace('        enabled: true\n', '        enabled: true\n        enabled: false\n'));
  assertRefused(run(['--config', f], CP), /dup-values\.yaml:\d+: invalid YAML: duplicated mapping key/, 5000);
});

test(`a stream over ${MAX_INPUT_BYTES / MIB} MiB: refused while reading, naming the limit`, () => {
  const big = Buffer.alloc(MAX_INPUT_BYTES + MIB, '#');
  Buffer.from(CP).copy(big);
  const r = run(['--config', THREE], big, 1024);
  measured['a 257 MiB stream: refused after'] = secs(r.ms);
  assertRefused(r, /standard input: the rendered stream is larger than the limit of 256 MiB/, 15000);
});

test('a 100 MB stream (one 100 MB string in a ConfigMap): accepted, within a 1.5 GiB heap, the string intact', () => {
  const n = 1_000_000;
  const line = `    ${'y'.repeat(95)}\n`;
  const input = CP + '---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: huge\ndata:\n  huge: |\n' + line.repeat(n);
  assert.ok(input.length > 100e6);
  const r = run(['--config', THREE], input);
  measured['a 100 MB stream: post-rendered in'] = secs(r.ms);
  assert.is(r.code, 0, r.stderr.slice(0, 800));
  assert.ok(r.stdout.length > 100e6);
  assert.ok(r.stdout.endsWith(line.repeat(3)));
  assert.ok(r.ms < 30000, `took ${r.ms} ms`);
  const head = objects(r.stdout.slice(0, r.stdout.indexOf('name: huge')).replace(/---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n {2}$/, ''));
  for (const place of THREE_PLACES) assert.is(credentialMounts(head, place).length, 1, place.container);
});

test(`more than ${MAX_DOCUMENTS.toLocaleString('en')} documents: refused, naming the limit`, () => {
  const r = run(['--config', THREE], CP + '---\n# x\n'.repeat(MAX_DOCUMENTS));
  measured['more than 100,000 documents: refused after'] = secs(r.ms);
  assertRefused(r, /more than 100,000 documents, the limit/, 10000);
});

test("20,000 documents (the benchmark's upper size): accepted", () => {
  const docs = Array.from(
    { length: 20_000 - 60 },
    (_, i) => `---\n# Source: extra/cm.yaml\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: extra-${i}\n  namespace: flyte\ndata:\n  a: "${i}"\n`,
  ).join('');
  const started = Date.now();
  const out = postRender(CP + docs, { config: three() }).output;
  assert.ok(out.includes('name: extra-19939\n'));
  assert.ok(Date.now() - started < 20000);
});

test('50 MB of blank lines: refused as empty; one 20 MB line: refused as not an object, cut short; both quickly', () => {
  assertRefused(run([], '\n'.repeat(50e6)), /the input is empty/, 10000);
  const line = 'z'.repeat(20e6) + '\n';
  const r = run(['--config', THREE], CP + '---\n' + line);
  assertRefused(r, /a document must be a Kubernetes object \(a mapping\), not the string "z{40}"/, 10000);
  assert.ok(r.stderr.length < 2000, 'the 20 MB value is not echoed back');
});

test.after(() => {
  rmSync(tmp, { recursive: true, force: true });
  console.log('\nmeasured:', JSON.stringify(measured, null, 2));
});

test.run();
