// plugin/cluster/kubeconfig.ts: the kubeconfig loaded, contexts that must exist, the TLS rule (refused unless allowed, the warning once per run), Helm's context.
import { test } from '../helpers/uvu.ts';
import * as assert from 'uvu/assert';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect } from '../../plugin/cluster/kube.ts';
import { checkHelmContext, loadKubeConfig, refuseMissingContexts, skipsTlsVerification } from '../../plugin/cluster/kubeconfig.ts';
import { EXIT, FlytemcError } from '../../plugin/problems/problems.ts';

const dir = mkdtempSync(join(tmpdir(), 'flytemc-kube-'));
test.after(() => rmSync(dir, { recursive: true, force: true }));

/** A kubeconfig file: context `good` (a CA), `insecure` (insecure-skip-tls-verify), `badca` (a CA file that is not there), `lost` (no such cluster). */
function kubeconfig(server: string): string {
  const file = join(dir, `kc-${Math.random().toString(36).slice(2)}`);
  writeFileSync(
    file,
    `apiVersion: v1
kind: Config
current-context: good
clusters:
- {name: good, cluster: {server: "${server}", certificate-authority-data: ${Buffer.from('-----BEGIN CERTIFICATE-----').toString('base64')}}}
- {name: insecure, cluster: {server: "${server}", insecure-skip-tls-verify: true}}
- {name: badca, cluster: {server: "${server}", certificate-authority: ${join(dir, 'missing.crt')}}}
users:
- {name: t, user: {token: secret}}
- {name: c, user: {client-certificate-data: eA==, client-key-data: eA==}}
- {name: e, user: {exec: {command: x, apiVersion: client.authentication.k8s.io/v1}}}
contexts:
- {name: good, context: {cluster: good, user: t}}
- {name: cert, context: {cluster: good, user: c}}
- {name: exec, context: {cluster: good, user: e}}
- {name: nouser, context: {cluster: good, user: nobody}}
- {name: insecure, context: {cluster: insecure, user: t}}
- {name: badca, context: {cluster: badca, user: t}}
- {name: lost, context: {cluster: gone, user: t}}
`,
  );
  return file;
}

const refused = async (p: Promise<unknown>, code: string, re: RegExp) => {
  try {
    await p;
    assert.unreachable('not refused');
  } catch (e) {
    assert.instance(e, FlytemcError);
    assert.is((e as FlytemcError).exitCode, EXIT.usage);
    assert.is((e as FlytemcError).problems[0]!.code, code);
    assert.match((e as Error).message, re);
  }
};

test('loadKubeConfig, refuseMissingContexts: an unreadable kubeconfig and a missing context are refused (exit 2), with the contexts there are', async () => {
  const kc = kubeconfig('https://127.0.0.1:1');
  await refused(loadKubeConfig({ kubeconfig: join(dir, 'none'), timeoutMs: 1 }), 'kubeconfig.unreadable', /cannot read the kubeconfig/);
  const loaded = await loadKubeConfig({ kubeconfig: kc, timeoutMs: 1 });
  refuseMissingContexts(loaded, ['good', 'insecure'], { timeoutMs: 1 });
  await refused((async () => refuseMissingContexts(loaded, ['good', 'x', 'y'], { timeoutMs: 1 }))(), 'kubeconfig.context', /no context "x", "y"/);
  assert.ok(skipsTlsVerification({ skipTLSVerify: true }));
  assert.not.ok(skipsTlsVerification({ skipTLSVerify: false }));
});

test('no kubeconfig at all: refused with where to get one, not a connection refused at localhost:8080', async () => {
  const saved = { HOME: process.env.HOME, KUBECONFIG: process.env.KUBECONFIG };
  process.env.HOME = dir;
  delete process.env.KUBECONFIG;
  try {
    await refused(loadKubeConfig({ timeoutMs: 1 }), 'kubeconfig.missing', /^error: ~\/\.kube\/config: no kubeconfig/);
  } finally {
    process.env.HOME = saved.HOME;
    if (saved.KUBECONFIG !== undefined) process.env.KUBECONFIG = saved.KUBECONFIG;
  }
});

test('refuseUnverifiedTls through connect: a cluster that skips TLS verification is refused unless allowed; allowed, it is not verified and the warning is said once per run', async () => {
  const kc = kubeconfig('https://127.0.0.1:1');
  await refused(
    connect('insecure', { kubeconfig: kc, timeoutMs: 1000 }),
    'cluster.tls',
    /skips TLS verification \(insecure-skip-tls-verify\).*nothing was sent/,
  );
  const said: string[] = [];
  const write = process.stderr.write;
  process.stderr.write = ((s: string) => said.push(s) > 0) as typeof process.stderr.write;
  try {
    const opts = { kubeconfig: kc, timeoutMs: 1000, allowUnverifiedTls: true, warned: new Set<string>() };
    assert.is((await connect('insecure', opts)).tlsVerified, false);
    await connect('insecure', opts);
  } finally {
    process.stderr.write = write;
  }
  assert.is(said.length, 1);
  assert.match(said[0]!, /^warning: context insecure \(https:\/\/127\.0\.0\.1:1\) \[TLS NOT VERIFIED\]: the cluster skips TLS verification/);
  const helm = (args: string[]) => checkHelmContext([...args, '--kubeconfig', kc]);
  await helm(['--kube-context', 'good']);
  await helm(['--kube-apiserver=https://x']);
  await refused(helm(['--kube-context=insecure']), 'cluster.tls', /pass Helm's --kube-insecure-skip-tls-verify/);
});

test("checkHelmContext: Helm's context must exist; no current context is refused", async () => {
  const kc = kubeconfig('https://127.0.0.1:1');
  await refused(checkHelmContext(['--kube-context', 'nope', '--kubeconfig', kc]), 'kubeconfig.context', /no context "nope"/);
  const none = join(dir, 'no-current');
  writeFileSync(none, 'apiVersion: v1\nkind: Config\nclusters: []\nusers: []\ncontexts: []\n');
  const saved = process.env.HELM_KUBECONTEXT;
  delete process.env.HELM_KUBECONTEXT;
  try {
    await refused(checkHelmContext([`--kubeconfig=${none}`]), 'kubeconfig.context', /no current context, and no --kube-context\n {2}fix: add a context/);
  } finally {
    if (saved !== undefined) process.env.HELM_KUBECONTEXT = saved;
  }
});

test.run();
