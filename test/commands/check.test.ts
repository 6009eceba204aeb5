// plugin/commands/check.ts as a process: --help, a wrong -o, no kubeconfig, a hub that does not answer; whole checks on harness clusters: test/wayback.test.ts, test/join.test.ts, test/tls.test.ts.
import { test } from '../helpers/uvu.ts';
import * as assert from 'uvu/assert';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLI, runNode } from '../helpers/process.ts';
import { freePorts } from '../harness/cluster.ts';

const dir = mkdtempSync(join(tmpdir(), 'flytemc-check-cmd-'));
test.after(() => rmSync(dir, { recursive: true, force: true }));
const env = { PATH: process.env.PATH ?? '', HOME: dir };
const check = (args: string[]) => runNode(CLI, ['check', ...args], { env });

test('check --help: the usage on stdout, exit 0', async () => {
  const r = await check(['--help']);
  assert.is(r.code, 0);
  assert.match(r.stdout, /^Usage: flytemc check \[--kube-context HUB\]/);
});

test('check -o: table, json or yaml (cli/output.ts); anything else is a usage error, exit 2, before any kubeconfig is read', async () => {
  const r = await check(['-o', 'xml']);
  assert.is(r.code, 2, r.stderr);
  assert.match(r.stderr, /-o "xml": use one of table, json, yaml/);
});

test('check without a kubeconfig: exit 2 and where to get one; a hub that refuses connections: exit 3 naming the context', async () => {
  const none = await check([]);
  assert.is(none.code, 2, none.stderr);
  assert.match(none.stderr, /error: ~\/\.kube\/config: no kubeconfig/);
  const [port] = await freePorts(1);
  const kc = join(dir, 'kubeconfig');
  writeFileSync(
    kc,
    `apiVersion: v1\nkind: Config\ncurrent-context: cp\nclusters: [{name: cp, cluster: {server: "https://127.0.0.1:${port}", certificate-authority-data: ${Buffer.from('ca').toString('base64')}}}]\nusers: [{name: u, user: {token: t}}]\ncontexts: [{name: cp, context: {cluster: cp, user: u}}]\n`,
  );
  const refused = await check(['--kubeconfig', kc, '--timeout', '2s', '-o', 'json']);
  assert.is(refused.code, 3, refused.stderr);
  assert.is(refused.stdout, '', 'nothing on stdout');
  assert.match(
    refused.stderr,
    /^error: context cp \(https:\/\/127\.0\.0\.1:\d+\): reading ConfigMap flyte\/flyte-admin-clusters-config: connection refused by https:\/\/127\.0\.0\.1:\d+/m,
  );
});

test.run();
