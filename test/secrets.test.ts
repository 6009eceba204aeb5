// Secrets hygiene: no shipped or source file turns TLS verification off (the vendored client's
// honouring of insecure-skip-tls-verify is listed, and gated by plugin/cluster/kube.ts); the post-renderer never copies a token
// into stderr, the error file or (unless the token was already in its input) stdout; files it
// writes that may carry problems are 0600. The join commands' own token checks (nothing printed,
// values file, hub Secret) live in test/join.test.ts.
import { test } from './helpers/uvu.ts';
import * as assert from 'uvu/assert';
import { chmodSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fixture, rendered } from './helpers/manifests.ts';
import { CLI, POST_RENDERER, runNodeSync } from './helpers/process.ts';
import { isSecretPath, redact, showValue } from '../plugin/problems/mask.ts';
import { errorFileDir, guard } from '../plugin/cli/shell.ts';
import { serverMessage, toProblem } from '../plugin/cluster/kube.ts';
import { helmBinary, helmEnv, prepareChart } from './helpers/helm.ts';

const ROOT = join(import.meta.dirname, '..');
const tmp = mkdtempSync(join(tmpdir(), 'flytemc-secrets-'));
/** A ServiceAccount-token-shaped string (a JWT) that appears nowhere else. */
const TOKEN = 'eyJhbGciOiJSUzI1NiIsImtpZCI6ImZ1enoifQ.eyJzdWIiOiJzeXN0ZW06c2VydmljZWFjY291bnQ6Zmx5dGU6Zmx5dGVhZG1pbiJ9.FLYTEMC-PLANTED-TOKEN-3f9a1c';
const PEM = '-----BEGIN CERTIFICATE-----\nMIIFLYTEMCPLANTEDCERTIFICATE0123456789abcdef\n-----END CERTIFICATE-----';

// ---- static: TLS verification
// Every program we ship (the bundles in dist/, vendored client code included) and every source
// folder, each file against every pattern. A hit is allowed only where ALLOWED lists it, with
// the reason; each allowed entry must still match exactly as often as it says (no stale entry,
// no second copy slipping in under it).
const SCANNED = ['dist', 'plugin', 'scripts', 'bench', 'test', 'charts', 'schemas', '.ci', 'plugin.yaml', 'package.json'];
const SELF = relative(ROOT, import.meta.filename);
function files(path: string): string[] {
  if (!statSync(path).isDirectory()) return [path];
  const out: string[] = [];
  for (const name of readdirSync(path)) {
    if (name === 'node_modules' || name.startsWith('.runner-') || name === 'results') continue;
    const p = join(path, name);
    if (statSync(p).isDirectory()) out.push(...files(p));
    else if (/\.(ts|mts|mjs|js|cjs|go|ya?ml|tpl|json|sh|md|txt)$|^run$/.test(name)) out.push(p);
  }
  return out;
}
const ASSIGN = String.raw`["'\]]*\s*(?::|=(?!=))`; // `x: v`, `x = v`, `"x": v`, `["x"] = v`; not `==`/`===`
const TLS_OFF: Array<{ what: string; re: RegExp }> = [
  { what: 'rejectUnauthorized set to anything but true', re: new RegExp(`rejectUnauthorized${ASSIGN}(?!\\s*(?:true\\b|!0\\b))`, 'g') },
  { what: 'NODE_TLS_REJECT_UNAUTHORIZED', re: /NODE_TLS_REJECT_UNAUTHORIZED/g },
  {
    what: 'a skip-verification setting set to true',
    re: new RegExp(
      `(?:insecure[-_]?skip[-_]?tls[-_]?verify|skip[-_]?tls[-_]?verify|insecure[-_]?skip[-_]?verify)${ASSIGN}\\s*["']?(?:true|1|yes|on|!0)\\b`,
      'gi',
    ),
  },
  { what: "kubectl's or Helm's skip flag written as an argument", re: /[[,(]\s*["'`]--(?:kube-)?insecure-skip-tls-verify(?:=true)?["'`]\s*[\],)]/g },
  { what: 'checkServerIdentity replaced', re: new RegExp(`checkServerIdentity${ASSIGN}`, 'g') },
  { what: 'strict SSL turned off', re: new RegExp(`strict-?ssl${ASSIGN}\\s*["']?false`, 'gi') },
  { what: 'curl -k / --insecure, wget --no-check-certificate', re: /\bcurl\b[^\n]*\s(?:-k|--insecure)\b|--no-check-certificate/g },
];
const CLIENT_NODE =
  "@kubernetes/client-node's KubeConfig honours a kubeconfig cluster's insecure-skip-tls-verify; flytemc's connect() (plugin/cluster/kube.ts) refuses such a cluster before any API client exists unless --insecure-skip-tls-verify was given (test/tls.test.ts)";
const ALLOWED: Array<{ file: RegExp; match: RegExp; count: number; reason: string }> = [
  {
    file: /^dist\/chunks\/[^/]+\.mjs$/,
    match: /if \(cluster && cluster\.skipTLSVerify\) \{\s*agentOptions\.rejectUnauthorized = false;/g,
    count: 1,
    reason: `applySecurityAuthentication: ${CLIENT_NODE}`,
  },
  {
    file: /^dist\/chunks\/[^/]+\.mjs$/,
    match: /if \(cluster != null && cluster\.skipTLSVerify\) \{\s*opts\.rejectUnauthorized = false;/g,
    count: 1,
    reason: `applyHTTPSOptions: ${CLIENT_NODE}`,
  },
  {
    file: /^dist\/chunks\/[^/]+\.mjs$/,
    match: /if \(opts\.rejectUnauthorized !== void 0\) \{\s*agentOptions\.rejectUnauthorized = opts\.rejectUnauthorized;/g,
    count: 1,
    reason: `applyToHTTPSOptions copies the value applyHTTPSOptions set, false only for skipTLSVerify: ${CLIENT_NODE}`,
  },
  {
    file: /^dist\/chunks\/[^/]+\.mjs$/,
    match: /if \(httpsOptions\.rejectUnauthorized !== void 0\) \{\s*agentOptions\.rejectUnauthorized = httpsOptions\.rejectUnauthorized;/g,
    count: 1,
    reason: `applySecurityAuthentication copies the value applyHTTPSOptions set, false only for skipTLSVerify: ${CLIENT_NODE}`,
  },
  {
    file: /^test\/tls\.test\.ts$/,
    match: /^[\s\S]+$/g,
    count: 1,
    reason: 'the whole file: it plants insecure-skip-tls-verify in a kubeconfig and passes the flags, to prove the refusal (no connection) and the opt-in',
  },
  {
    file: /^test\/exit-codes\.test\.ts$/,
    match: /\{ name: 'insecure', cluster: \{ server: 'https:\/\/127\.0\.0\.1:9', 'insecure-skip-tls-verify': true \} \}/g,
    count: 1,
    reason: "the kubeconfig context of docs/plugin.md's documented failure 'a cluster that skips TLS verification': refused with exit 2, nothing sent",
  },
  {
    file: /^test\/cluster\/kubeconfig\.test\.ts$/,
    match: /- \{name: insecure, cluster: \{server: "\$\{server\}", insecure-skip-tls-verify: true\}\}/g,
    count: 1,
    reason: 'the unit test of the TLS rule: a kubeconfig context that skips verification, refused by connect() unless allowed, then marked unverified',
  },
  {
    file: /^test\/cluster\/kubeconfig\.test\.ts$/,
    match: /skipsTlsVerification\(\{ skipTLSVerify: true \}\)/g,
    count: 1,
    reason: 'the unit test of the rule that tells a kubeconfig cluster skipping verification apart (refused by connect())',
  },
  {
    file: /^test\/cluster\/proxy-status\.test\.ts$/,
    match: /'insecure-skip-tls-verify: true'/g,
    count: 1,
    reason: "a credential proxy's kubeconfig that skips TLS verification, planted to prove that check fails it",
  },
  {
    file: /^test\/commands\/cluster-flags\.test\.ts$/,
    match: /kubeOptions\(\{ kubeconfig: 'k', timeout: '3s', 'insecure-skip-tls-verify': true \}, 10_000\)/g,
    count: 1,
    reason: 'the unit test of the flag --insecure-skip-tls-verify becoming the opt-in allowUnverifiedTls (it never turns verification off)',
  },
];

test('no shipped or source file turns TLS verification off (every pattern, every file; listed exceptions only)', () => {
  const list = SCANNED.filter((p) => existsSync(join(ROOT, p)))
    .flatMap((p) => files(join(ROOT, p)))
    .filter((f) => relative(ROOT, f) !== SELF);
  const rel = list.map((f) => relative(ROOT, f));
  for (const dir of ['dist/', 'dist/chunks/', 'plugin/', 'scripts/', 'bench/', 'test/helpers/', 'test/harness/']) {
    assert.ok(
      rel.some((f) => f.startsWith(dir)),
      `nothing scanned under ${dir}`,
    );
  }
  const hits: string[] = [];
  const used = ALLOWED.map(() => 0);
  for (const f of list) {
    const name = relative(ROOT, f);
    const text = readFileSync(f, 'utf8');
    // the spans an exception covers, counted
    const covered: Array<[number, number]> = [];
    ALLOWED.forEach((a, i) => {
      if (!a.file.test(name)) return;
      for (const m of text.matchAll(a.match)) {
        covered.push([m.index, m.index + m[0].length]);
        used[i]!++;
      }
    });
    for (const { what, re } of TLS_OFF) {
      for (const m of text.matchAll(re)) {
        if (covered.some(([a, b]) => m.index >= a && m.index < b)) continue;
        hits.push(`${name}:${text.slice(0, m.index).split('\n').length}: ${what}: ${text.slice(m.index, m.index + 80).split('\n')[0]}`);
      }
    }
  }
  assert.equal(hits, []);
  for (const [i, a] of ALLOWED.entries()) assert.is(used[i], a.count, `allowed exception ${a.match} (${a.reason}) matched ${used[i]} times, not ${a.count}`);
});

test('the patterns catch every form that turns verification off, and not the forms that keep it on', () => {
  const off = [
    'rejectUnauthorized: false',
    'agent.rejectUnauthorized = false;',
    "{ 'rejectUnauthorized': false }",
    'rejectUnauthorized:!1',
    'rejectUnauthorized = opts.verify',
    'process.env.NODE_TLS_REJECT_UNAUTHORIZED = "0"',
    'insecureSkipTlsVerify = true',
    'skipTLSVerify: true',
    'cluster["insecure-skip-tls-verify"] = true',
    'insecure-skip-tls-verify: true',
    'InsecureSkipVerify: true',
    'skipTLSVerify:!0',
    "args.push('--kube-insecure-skip-tls-verify')",
    "['--insecure-skip-tls-verify']",
    'checkServerIdentity: () => undefined',
    'strict-ssl=false',
    'curl -k https://x',
    'wget --no-check-certificate https://x',
  ];
  const on = [
    'rejectUnauthorized: true',
    'rejectUnauthorized:!0',
    'if (opts.rejectUnauthorized === false)',
    'skipTLSVerify: false',
    "elt.cluster['insecure-skip-tls-verify'] === true",
    'insecure-skip-tls-verify: false',
  ];
  for (const s of off)
    assert.ok(
      TLS_OFF.some(({ re }) => new RegExp(re.source, re.flags).test(s)),
      `not caught: ${s}`,
    );
  for (const s of on)
    assert.not.ok(
      TLS_OFF.some(({ re }) => new RegExp(re.source, re.flags).test(s)),
      `caught although verification stays on: ${s}`,
    );
});

test('the vendored client code that honours insecure-skip-tls-verify is reachable only through connect(), after the refusal', () => {
  // only kubeconfig.ts loads the client as a value; the other modules import its types
  const plugin = files(join(ROOT, 'plugin')).filter((f) => f.endsWith('.ts'));
  const importers = plugin.filter((f) =>
    /import\s*\(\s*'@kubernetes\/client-node'\s*\)|^import\s+(?!type\b)[^\n]*from\s+'@kubernetes\/client-node'/m.test(readFileSync(f, 'utf8')),
  );
  assert.equal(
    importers.map((f) => relative(ROOT, f)),
    ['plugin/cluster/kubeconfig.ts'],
  );
  const kube = readFileSync(join(ROOT, 'plugin', 'cluster', 'kube.ts'), 'utf8');
  const body = kube.slice(kube.indexOf('export async function connect('));
  const gate = body.indexOf('refuseUnverifiedTls(kc, [context], opts)');
  assert.ok(gate > 0, 'connect() applies the TLS rule');
  assert.is(
    [...kube.matchAll(/new mod\.\w+Api\(config\)/g)].length,
    6,
    'API clients are made in connect() only (core, rbac, apps, coordination, networking, authorization)',
  );
  for (const m of body.matchAll(/new mod\.\w+Api\(config\)/g)) assert.ok(m.index > gate, 'an API client is made before the TLS rule');
});

// ---- the post-renderer with a planted token
const run = (args: string[], input: string, env: NodeJS.ProcessEnv = {}) =>
  runNodeSync(POST_RENDERER, args, { input, env: { PATH: process.env.PATH, ...env } });
const leaks = (text: string) => [TOKEN, TOKEN.slice(0, 30), TOKEN.slice(-30), 'MIIFLYTEMCPLANTED'].filter((t) => text.includes(t));
const b64 = (s: string) => Buffer.from(s).toString('base64');
const secretDoc = (data: Record<string, string>, field = 'data') =>
  `---\napiVersion: v1\nkind: Secret\nmetadata:\n  name: cluster-credentials\n  namespace: flyte\ntype: Opaque\n${field}:\n${Object.entries(data)
    .map(([k, v]) => `  ${k}: ${JSON.stringify(v)}`)
    .join('\n')}\n`;
const THREE = readFileSync(fixture('three-clusters.yaml'), 'utf8');

const CASES: Array<{ what: string; input: string; config?: string; refused: boolean }> = [
  {
    what: "a raw token and PEM under a Secret's data (guide defect 6) in the stream",
    input: rendered('controlplane.yaml') + secretDoc({ cluster_1_token: TOKEN, cluster_1_cacert: PEM }),
    config: THREE,
    refused: true,
  },
  {
    what: 'a token-shaped string where a Kubernetes name goes',
    input: rendered('controlplane.yaml'),
    config: THREE.replace('secretName: cluster-credentials', `secretName: ${TOKEN}`),
    refused: true,
  },
  {
    what: 'a token under an unknown key of a cluster',
    input: rendered('controlplane.yaml'),
    config: THREE.replace('        endpoint: https://203.0.113.1:6443\n', `        endpoint: https://203.0.113.1:6443\n        token: ${TOKEN}\n`),
    refused: true,
  },
  {
    what: 'a token passed as the --config file (a Secret manifest)',
    input: rendered('controlplane.yaml'),
    config: secretDoc({ cluster_1_token: TOKEN }, 'stringData').slice(4),
    refused: true,
  },
  {
    what: 'a token in an invalid-YAML line of the credentials Secret',
    input: rendered('controlplane.yaml') + `---\napiVersion: v1\nkind: Secret\nmetadata:\n  name: cluster-credentials\ndata: {cluster_1_token: ${TOKEN}\n`,
    config: THREE,
    refused: true,
  },
  {
    what: 'a valid Secret with base64 data: accepted, the data left as it was and never decoded into the output',
    input:
      rendered('controlplane.yaml') +
      secretDoc({
        cluster_1_token: b64(TOKEN),
        cluster_1_cacert: b64(PEM),
        cluster_2_token: b64('t2'),
        cluster_2_cacert: b64('c2'),
        cluster_3_token: b64('t3'),
        cluster_3_cacert: b64('c3'),
      }),
    config: THREE,
    refused: false,
  },
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

// ---- masking: every secret-looking value, whatever its length

test('showValue masks a value at a secret path or shaped like a credential, whatever its length; names, URLs and paths stay readable', () => {
  const masked = [
    ['abc', '/data/cluster_1_token'],
    ['Z', '/stringData/cluster_1_cacert'],
    [12345, '/data/cluster_2_token'],
    ['hunter2', '/multicluster/credentials/password'],
    ['s3cr3t', 'spec.clientSecret'],
    ['Q', '/users/0/user/client-key-data'],
    ['short', '/clusters/0/cluster/certificate-authority-data'],
    ['eyJhbGciOi.eyJzdWIi.c2ln', ''],
    ['Bearer abc', ''],
    ['abcdef.0123456789abcdef', ''],
    ['k8s-aws-v1.aHR0cHM6Ly9zdHM', ''],
    ['dG9rZW4xMjM0NTY3OA==', ''],
    ['k9Xz2Qw8Lm4Rt7Vb', ''],
    ['0123456789abcdef0123456789abcdef', ''],
    ['-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----', '/multicluster/clusters/clusterConfigs/0/name'],
  ] as const;
  for (const [v, path] of masked) {
    const shown = showValue(v, path);
    assert.match(shown, /^<masked: \d+ characters?>$/, `${JSON.stringify(v)} at ${path}: ${shown}`);
    assert.not.ok(shown.includes(String(v)), shown);
  }
  const plain = [
    ['cluster-1', '/multicluster/clusters/clusterConfigs/0/name', '"cluster-1"'],
    ['https://203.0.113.1:6443', '/clusterConfigs/0/endpoint', '"https://203.0.113.1:6443"'],
    ['cluster-credentials', '/multicluster/credentials/secretName', '"cluster-credentials"'],
    ['/var/run/credentials/cluster_1_token', '/clusterConfigs/0/auth/tokenPath', '"/var/run/credentials/cluster_1_token"'],
    ['/configmap/clusters/clusterConfigs/1/auth/enabled', '', '"/configmap/clusters/clusterConfigs/1/auth/enabled"'],
    [true, '/clusterConfigs/0/enabled', 'true'],
    [0.5, '/labelClusterMap/team1/0/weight', '0.5'],
  ] as const;
  for (const [v, path, want] of plain) assert.is(showValue(v, path), want, `${v} at ${path}`);
  assert.ok(
    isSecretPath('/data/x') &&
      isSecretPath('/multicluster/credentials/token') &&
      !isSecretPath('/multicluster/credentials/secretName') &&
      !isSecretPath('/clusterConfigs/0/auth/certPath'),
  );
});

test('redact masks bearer, bootstrap and EKS tokens, base64 and hex blobs and quoted secret values in any text; JSON pointers and paths stay', () => {
  const text = [
    'Authorization: Bearer abc123',
    'token: "tiny"',
    "password='p'",
    'blob dGhpcyBpcyBhIHRva2VuIHRoYXQgaXMgbG9uZw== end',
    'join abcdef.0123456789abcdef now',
    'k8s-aws-v1.aHR0cHM6Ly9zdHMuYW1hem9uYXdzLmNvbQ',
    'hex 0123456789abcdef0123456789abcdef01234567 end',
  ].join('\n');
  const out = redact(text);
  for (const s of ['abc123', 'tiny', "'p'", 'dGhpcyBpcyBhIHRva2Vu', 'abcdef.0123456789abcdef', 'aHR0cHM6', '0123456789abcdef0123456789abcdef01234567'])
    assert.not.ok(out.includes(s), `${s} in ${out}`);
  const keep =
    'values.yaml:32 (/configmap/clusters/clusterConfigs/1/auth/enabled): Secret flyte/flyteadmin-token: still has no token after 4 s; see /tmp/flytemc-faults-AbC123/clusters/cluster-1/kube-apiserver.log';
  assert.is(redact(keep), keep);
  // pointers whose keys are long words (found by the README doc-test: this one was masked as base64)
  for (const pointer of [
    'values-override.yaml:7 (/flyteadmin/additionalVolumeMounts/0/name)',
    'x (/spec/template/spec/initContainers/0/volumeMounts/1/mountPath)',
    '/multicluster/controlPlane/clientSecret/secretName/x1/deploymentAnnotations',
  ]) {
    assert.is(redact(pointer), pointer);
  }
  // a blob with slashes is still a blob
  const blob = 'q8Zr/Tk3vLx9PwYb2NcMhJ4Ue7Ga/Rs5Df1OiKl6Wp0Xy';
  assert.not.ok(redact(`value ${blob} end`).includes(blob));
});

test('the post-renderer and validate never echo a short planted secret (a Secret data value, a base64 string where a name goes)', () => {
  const SHORT = 'k9Xz2Qw8Lm4Rt7Vb';
  const NUMBER = '424242';
  const config = join(tmp, 'short.yaml');
  writeFileSync(config, THREE.replace('secretName: cluster-credentials', `secretName: ${SHORT}`));
  const stream =
    rendered('controlplane.yaml') +
    secretDoc({ cluster_1_token: b64('t1'), cluster_1_cacert: b64('c1') }).replace(`cluster_1_token: "${b64('t1')}"`, `cluster_1_token: ${NUMBER}`);
  const pr = run(['--config', fixture('three-clusters.yaml')], stream);
  assert.is(pr.code, 1, pr.stderr);
  assert.match(pr.stderr, /data\/cluster_1_token.*must be string, not number <masked: 6 characters>/);
  assert.not.ok(pr.stderr.includes(NUMBER), pr.stderr);
  const pr2 = run(['--config', config], rendered('controlplane.yaml'));
  assert.is(pr2.code, 1, pr2.stderr);
  assert.match(pr2.stderr, /<masked: 16 characters>/);
  assert.not.ok(pr2.stderr.toLowerCase().includes(SHORT.toLowerCase()), pr2.stderr);
  const v = runNodeSync(CLI, ['validate', '-f', config], { env: process.env });
  assert.is(v.code, 1, v.stderr);
  assert.match(v.stdout + v.stderr, /<masked: 16 characters>/);
  assert.not.ok((v.stdout + v.stderr).toLowerCase().includes(SHORT.toLowerCase()), v.stdout + v.stderr);
});

test('the error file is 0600 even when it existed before with a looser mode', () => {
  const ef = join(tmp, 'pre-existing.txt');
  writeFileSync(ef, 'old\n', { mode: 0o644 });
  const r = run(['--config', fixture('guide/defect6-raw-secret-data.yaml'), '--error-file', ef], rendered('controlplane.yaml'));
  assert.is(r.code, 1);
  assert.match(readFileSync(ef, 'utf8'), /not base64/);
  assert.is(statSync(ef).mode & 0o777, 0o600);
});

test('--explain shows patches, never Secret data', () => {
  const input =
    rendered('controlplane.yaml') +
    secretDoc({
      cluster_1_token: b64(TOKEN),
      cluster_1_cacert: b64(PEM),
      cluster_2_token: b64('t2'),
      cluster_2_cacert: b64('c2'),
      cluster_3_token: b64('t3'),
      cluster_3_cacert: b64('c3'),
    });
  const f = join(tmp, 'three.yaml');
  writeFileSync(f, THREE);
  const r = run(['--config', f, '--explain'], input);
  assert.is(r.code, 0, r.stderr);
  assert.equal(leaks(r.stdout), []);
  assert.not.ok(r.stdout.includes(b64(TOKEN)));
});

// ---- the error file: one per run, in a folder of this user's own

test("under Helm, each failed run writes its own error file in this user's private folder ($TMPDIR/flytemc-<uid>, 0700; the file 0600), named in the message", () => {
  const dir = join(tmp, 'helm-tmp');
  mkdirSync(dir);
  const bad = join(tmp, 'bad.yaml');
  writeFileSync(bad, readFileSync(fixture('guide/defect6-raw-secret-data.yaml'), 'utf8'));
  // as Helm 4's postrenderer/v1 plugin runs it (HELM_PLUGIN_NAME set, stderr discarded)
  const env = { TMPDIR: dir, HELM_PLUGIN_NAME: 'flytemc-post-renderer' };
  const a = run(['--config', bad], rendered('controlplane.yaml'), env);
  const b = run(['--config', bad], rendered('controlplane.yaml'), env);
  assert.is(a.code, 1);
  const named = (r: { stderr: string }) => /^\(this message is also in (.+)\)$/m.exec(r.stderr)?.[1];
  const fa = named(a);
  const fb = named(b);
  assert.ok(fa && fb, a.stderr);
  assert.is.not(fa, fb, 'two runs, two files');
  const folder = join(dir, `flytemc-${process.getuid!()}`);
  for (const f of [fa!, fb!]) {
    assert.is(join(f, '..'), folder);
    assert.is(statSync(f).mode & 0o777, 0o600);
    assert.match(readFileSync(f, 'utf8'), /not base64/);
  }
  assert.is(statSync(folder).mode & 0o777, 0o700);
  assert.not.ok(existsSync(join(dir, 'flytemc-post-renderer-error.txt')), 'no file of one fixed name in the shared folder');
  // a success writes none
  const three = join(tmp, 'three-ok.yaml');
  writeFileSync(three, THREE);
  const before = readdirSync(folder).length;
  assert.is(run(['--config', three], rendered('controlplane.yaml'), env).code, 0);
  assert.is(readdirSync(folder).length, before);
});

test("a folder of that name that is not this user's own (a link planted there, a looser mode) is not used as it is", () => {
  const saved = process.env.TMPDIR;
  try {
    process.env.TMPDIR = join(tmp, 'planted');
    mkdirSync(process.env.TMPDIR);
    const elsewhere = join(tmp, 'elsewhere');
    mkdirSync(elsewhere, { mode: 0o777 });
    symlinkSync(elsewhere, join(process.env.TMPDIR, `flytemc-${process.getuid!()}`));
    const dir = errorFileDir();
    assert.is.not(dir, join(process.env.TMPDIR, `flytemc-${process.getuid!()}`));
    assert.ok(!lstatSync(dir).isSymbolicLink() && (statSync(dir).mode & 0o777) === 0o700, dir);
    process.env.TMPDIR = join(tmp, 'loose');
    mkdirSync(join(process.env.TMPDIR, `flytemc-${process.getuid!()}`), { recursive: true, mode: 0o755 });
    chmodSync(join(process.env.TMPDIR, `flytemc-${process.getuid!()}`), 0o755);
    assert.is(statSync(errorFileDir()).mode & 0o777, 0o700, 'tightened');
  } finally {
    if (saved === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = saved;
  }
});

// ---- what reaches the terminal from elsewhere: a bug's message, an API server's answer, Helm's stderr

test('the unexpected-error branch masks its message (and the stack with --debug): exit 70, no token', async () => {
  const captured: string[] = [];
  const write = process.stderr.write.bind(process.stderr);
  process.stderr.write = ((chunk: string) => {
    captured.push(String(chunk));
    return true;
  }) as typeof process.stderr.write;
  try {
    const code = await guard(async () => {
      throw new Error(`request failed with Authorization: Bearer ${TOKEN} and ${PEM}`);
    });
    process.env.FLYTEMC_DEBUG = '1';
    const debugCode = await guard(async () => {
      throw new TypeError(`cannot read ${TOKEN}`);
    });
    assert.is(code, 70);
    assert.is(debugCode, 70);
  } finally {
    process.stderr.write = write;
    delete process.env.FLYTEMC_DEBUG;
  }
  const text = captured.join('');
  assert.match(text, 'error: flytemc failed unexpectedly: request failed with Authorization: Bearer <token, masked>');
  assert.match(text, /TypeError: cannot read <token, masked>\n\s+at /, 'the stack is there, masked');
  assert.equal(leaks(text), [], text);
});

test("an API server's answer is masked where it enters a message (serverMessage, and so every problem toProblem makes)", () => {
  const e = { code: 500, body: JSON.stringify({ kind: 'Status', message: `admission webhook denied: token=${TOKEN}` }) };
  assert.equal(leaks(serverMessage(e)), []);
  const p = toProblem({ context: 'dp1', server: 'https://127.0.0.1:6443', userKind: 'token' }, 'reading Secret flyte/x', e);
  assert.equal(leaks(p.message), [], p.message);
  assert.match(p.message, /HTTP 500/);
  const raw = { code: 502, body: `<html>bad gateway ${TOKEN}</html>` };
  assert.equal(leaks(serverMessage(raw)), []);
});

test("install masks what Helm echoes on stderr (Helm 4's schema error quotes the value it refused)", () => {
  prepareChart();
  const home = join(tmp, 'install-home');
  mkdirSync(home);
  const r = runNodeSync(
    CLI,
    ['install', 'control-plane', '-f', fixture('three-clusters.yaml'), '--set-string', `multicluster.credentials.secretName=${TOKEN}`, '--template'],
    {
      env: { ...helmEnv(join(home, 'helm')), HOME: home, FLYTEMC_HELM: helmBinary(4) },
    },
  );
  assert.is(r.code, 1, r.stderr);
  assert.match(r.stderr, "values don't meet the specifications of the schema");
  assert.match(r.stderr, '<token, masked>');
  assert.equal(leaks(r.stderr + r.stdout), [], r.stderr);
});

test.after(() => rmSync(tmp, { recursive: true, force: true }));

test.run();
