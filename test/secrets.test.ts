// Secrets hygiene: no source turns TLS verification off; the post-renderer never copies a token
// into stderr, the error file or (unless the token was already in its input) stdout; files it
// writes that may carry problems are 0600. The join commands' own token checks (nothing printed,
// values file, hub Secret) live in test/join.test.ts.
import { test } from './helpers/uvu.ts';
import * as assert from 'uvu/assert';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fixture, rendered } from './helpers/manifests.ts';

const ROOT = join(import.meta.dirname, '..');
const BIN = join(ROOT, 'dist', 'flytemc-post-renderer.mjs');
const tmp = mkdtempSync(join(tmpdir(), 'flytemc-secrets-'));
/** A ServiceAccount-token-shaped string (a JWT) that appears nowhere else. */
const TOKEN = 'eyJhbGciOiJSUzI1NiIsImtpZCI6ImZ1enoifQ.eyJzdWIiOiJzeXN0ZW06c2VydmljZWFjY291bnQ6Zmx5dGU6Zmx5dGVhZG1pbiJ9.FLYTEMC-PLANTED-TOKEN-3f9a1c';
const PEM = '-----BEGIN CERTIFICATE-----\nMIIFLYTEMCPLANTEDCERTIFICATE0123456789abcdef\n-----END CERTIFICATE-----';

// ---- static: TLS verification
const SOURCE_DIRS = ['plugin', 'charts', 'scripts', 'schemas', 'test'];
const SELF = relative(ROOT, import.meta.filename);
function sources(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name.startsWith('.') || name === 'dist') continue;
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...sources(p));
    else if (/\.(ts|mjs|js|cjs|go|ya?ml|tpl|json|sh)$/.test(name)) out.push(p);
  }
  return out;
}
// the words are split so that this file does not match itself
const TLS_OFF: RegExp[] = [
  new RegExp('rejectUnauthorized' + '\\s*:\\s*false'),
  new RegExp('skipTLSVerify' + '\\s*:\\s*true'),
  new RegExp('insecureSkipTLSVerify' + '\\s*:\\s*true'),
  new RegExp('insecure-skip-' + 'tls-verify'),
  new RegExp('NODE_TLS_' + 'REJECT_UNAUTHORIZED'),
  new RegExp('InsecureSkip' + 'Verify\\s*:\\s*true'),
  new RegExp('--kube-insecure-' + 'skip-tls-verify'),
];

test('no source file turns TLS verification off', () => {
  const files = SOURCE_DIRS.flatMap((d) => sources(join(ROOT, d))).filter((f) => relative(ROOT, f) !== SELF);
  assert.ok(files.length > 30, `scanned ${files.length} files`);
  const hits: string[] = [];
  for (const f of files) {
    const text = readFileSync(f, 'utf8');
    for (const re of TLS_OFF) {
      const m = re.exec(text);
      if (m) hits.push(`${relative(ROOT, f)}:${text.slice(0, m.index).split('\n').length}: ${m[0]}`);
    }
  }
  assert.equal(hits, []);
});

test('the built programs do not turn TLS verification off either', () => {
  const dist = join(ROOT, 'dist');
  const files = readdirSync(dist, { recursive: true }).map(String).filter((f) => f.endsWith('.mjs') || f.endsWith('.js')).map((f) => join(dist, f));
  assert.ok(files.length >= 2);
  for (const f of files) {
    const text = readFileSync(f, 'utf8');
    assert.not.match(text, TLS_OFF[0]!, relative(ROOT, f));
    assert.not.match(text, TLS_OFF[4]!, relative(ROOT, f));
  }
});

// ---- the post-renderer with a planted token
function run(args: string[], input: string, env: NodeJS.ProcessEnv = {}) {
  const r = spawnSync(process.execPath, [BIN, ...args], { input, env: { PATH: process.env.PATH, ...env }, maxBuffer: 64 << 20 });
  return { code: r.status, stdout: r.stdout.toString(), stderr: r.stderr.toString() };
}
const leaks = (text: string) => [TOKEN, TOKEN.slice(0, 30), TOKEN.slice(-30), 'MIIFLYTEMCPLANTED'].filter((t) => text.includes(t));
const b64 = (s: string) => Buffer.from(s).toString('base64');
const secretDoc = (data: Record<string, string>, field = 'data') => `---\napiVersion: v1\nkind: Secret\nmetadata:\n  name: cluster-credentials\n  namespace: flyte\ntype: Opaque\n${field}:\n${Object.entries(data).map(([k, v]) => `  ${k}: ${JSON.stringify(v)}`).join('\n')}\n`;
const THREE = readFileSync(fixture('three-clusters.yaml'), 'utf8');

const CASES: Array<{ what: string; input: string; config?: string; refused: boolean }> = [
  { what: 'a raw token and PEM under a Secret\'s data (guide defect 6) in the stream', input: rendered('controlplane.yaml') + secretDoc({ cluster_1_token: TOKEN, cluster_1_cacert: PEM }), config: THREE, refused: true },
  { what: 'a token-shaped string where a Kubernetes name goes', input: rendered('controlplane.yaml'), config: THREE.replace('secretName: cluster-credentials', `secretName: ${TOKEN}`), refused: true },
  { what: 'a token under an unknown key of a cluster', input: rendered('controlplane.yaml'), config: THREE.replace('        endpoint: https://203.0.113.1:6443\n', `        endpoint: https://203.0.113.1:6443\n        token: ${TOKEN}\n`), refused: true },
  { what: 'a token passed as the --config file (a Secret manifest)', input: rendered('controlplane.yaml'), config: secretDoc({ cluster_1_token: TOKEN }, 'stringData').slice(4), refused: true },
  { what: 'a token in an invalid-YAML line of the stream', input: rendered('controlplane.yaml') + `---\napiVersion: v1\nkind: Secret\ndata: {cluster_1_token: ${TOKEN}\n`, config: THREE, refused: true },
  { what: 'a valid Secret with base64 data: accepted, the data left as it was and never decoded into the output', input: rendered('controlplane.yaml') + secretDoc({ cluster_1_token: b64(TOKEN), cluster_1_cacert: b64(PEM), cluster_2_token: b64('t2'), cluster_2_cacert: b64('c2'), cluster_3_token: b64('t3'), cluster_3_cacert: b64('c3') }), config: THREE, refused: false },
];

for (const c of CASES) {
  test(`no planted token in stderr, the error file or new output: ${c.what}`, () => {
    const args: string[] = [];
    if (c.config !== undefined) {
      const f = join(tmp, 'values.yaml');
      writeFileSync(f, c.config);
      args.push('--config', f);
    }
    const ef = join(tmp, `err-${CASES.indexOf(c)}.txt`);
    const r = run([...args, '--error-file', ef], c.input);
    assert.is(r.code !== 0, c.refused, `exit ${r.code}: ${r.stderr.slice(0, 600)}`);
    assert.equal(leaks(r.stderr), [], `stderr: ${r.stderr.slice(0, 600)}`);
    if (c.refused) {
      assert.is(r.stdout, '');
      const written = readFileSync(ef, 'utf8');
      assert.equal(leaks(written), [], 'error file');
      assert.is(statSync(ef).mode & 0o777, 0o600, 'error file mode');
    } else {
      // the input's own Secret passes through as the user wrote it (base64), never decoded
      assert.equal(leaks(r.stdout), []);
      assert.ok(r.stdout.includes(b64(TOKEN)));
    }
  });
}

test('the error file is 0600 even when it existed before with a looser mode', () => {
  const ef = join(tmp, 'pre-existing.txt');
  writeFileSync(ef, 'old\n', { mode: 0o644 });
  const r = run(['--config', fixture('guide/defect6-raw-secret-data.yaml'), '--error-file', ef], rendered('controlplane.yaml'));
  assert.is(r.code, 1);
  assert.match(readFileSync(ef, 'utf8'), /not base64/);
  assert.is(statSync(ef).mode & 0o777, 0o600);
});

test('--explain shows patches, never Secret data', () => {
  const input = rendered('controlplane.yaml') + secretDoc({ cluster_1_token: b64(TOKEN), cluster_1_cacert: b64(PEM), cluster_2_token: b64('t2'), cluster_2_cacert: b64('c2'), cluster_3_token: b64('t3'), cluster_3_cacert: b64('c3') });
  const f = join(tmp, 'three.yaml');
  writeFileSync(f, THREE);
  const r = run(['--config', f, '--explain'], input);
  assert.is(r.code, 0, r.stderr);
  assert.equal(leaks(r.stdout), []);
  assert.not.ok(r.stdout.includes(b64(TOKEN)));
});

test('cleanup', () => rmSync(tmp, { recursive: true, force: true }));

test.run();
