// TLS as promised: a kubeconfig cluster with `insecure-skip-tls-verify: true` is
// refused by every command that talks to a cluster (check, join, unjoin, rotate, install) before
// anything is sent, unless the user passes --insecure-skip-tls-verify (for install: Helm's
// --kube-insecure-skip-tls-verify); with it, every line about that cluster says TLS NOT VERIFIED,
// and verification stays on for every other cluster. (check runs with --hub-only here: its data
// planes' side goes through the same connect(), so the same refusal applies to it.)
//
// "Nothing is sent" is observed, not assumed: each cluster's kubeconfig entries used here point
// at a TCP relay on loopback that forwards to the real kube-apiserver (test/harness) and counts
// the connections it accepts. A refused command must leave the count at 0; the same command
// with the flag must connect (so the relay is shown to be on the path).
import { test } from './helpers/uvu.ts';
import * as assert from 'uvu/assert';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, connect as tcpConnect, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { startClusters, type ClusterSet } from './harness/cluster.ts';
import { helmBinary, prepareChart } from './helpers/helm.ts';
import { CLI, runNode, type ProcResult } from './helpers/process.ts';

const NOTE = 'TLS NOT VERIFIED';

interface Relay {
  url: string;
  connections: number;
  close(): Promise<void>;
}

/** A TCP relay on 127.0.0.1 to `target` (https://127.0.0.1:PORT) that counts accepted connections. */
function relay(target: string): Promise<Relay> {
  const port = Number(new URL(target).port);
  const sockets = new Set<Socket>();
  const r = { url: '', connections: 0 } as Relay;
  const server: Server = createServer((client) => {
    r.connections++;
    const up = tcpConnect(port, '127.0.0.1');
    for (const s of [client, up]) {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
    }
    client.pipe(up).pipe(client);
    client.on('error', () => up.destroy());
    up.on('error', () => client.destroy());
  });
  r.close = () =>
    new Promise((done) => {
      for (const s of sockets) s.destroy();
      server.close(() => done());
    });
  return new Promise((done) =>
    server.listen(0, '127.0.0.1', () => {
      r.url = `https://127.0.0.1:${(server.address() as { port: number }).port}`;
      done(r);
    }),
  );
}

let set: ClusterSet;
let work: string;
let kubeconfig: string;
let hub: Relay; // to cluster-0 (the hub)
let member: Relay; // to cluster-1 (a data plane)

function flytemc(args: string[], env: NodeJS.ProcessEnv = {}): Promise<ProcResult> {
  return runNode(CLI, [...args, '--kubeconfig', kubeconfig], { env: { PATH: process.env.PATH, HOME: work, ...env }, timeoutMs: 90_000 });
}

/** Resets both relays' counts, runs the command, returns it with the connections each relay saw. */
async function counted(args: string[], env: NodeJS.ProcessEnv = {}) {
  hub.connections = 0;
  member.connections = 0;
  const r = await flytemc(args, env);
  return { ...r, hubConnections: hub.connections, memberConnections: member.connections };
}

function assertRefused(r: Awaited<ReturnType<typeof counted>>, context: string, optIn = '--insecure-skip-tls-verify'): void {
  assert.is(r.code, 2, `exit 2 (the kubeconfig is refused): ${r.stdout}${r.stderr}`);
  assert.match(
    r.stderr,
    new RegExp(
      `error: \\S+ context ${context} \\(cluster ${context}, https://127\\.0\\.0\\.1:\\d+\\): the cluster skips TLS verification \\(insecure-skip-tls-verify\\): flytemc would send your credentials to a server whose certificate it does not verify; nothing was sent`,
    ),
  );
  assert.match(
    r.stderr,
    new RegExp(
      `fix: put the cluster CA in certificate-authority-data and remove insecure-skip-tls-verify; or, accepting the risk, pass ${optIn.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`,
    ),
  );
  assert.is(r.stdout, '', 'nothing on stdout');
  assert.is(r.hubConnections, 0, 'a connection reached the hub');
  assert.is(r.memberConnections, 0, 'a connection reached the data plane');
}

/** Every output line that names `context` says TLS NOT VERIFIED; `minimum` such lines at least. */
function assertEveryLineMarked(text: string, context: string, minimum: number): void {
  const lines = text.split('\n').filter((l) => new RegExp(`(^|[\\s(\\[])${context}([\\s):,\\]]|$)`).test(l));
  assert.ok(lines.length >= minimum, `expected at least ${minimum} lines about ${context}:\n${text}`);
  for (const l of lines) assert.ok(l.includes(NOTE), `a line about ${context} does not say ${NOTE}: ${l}`);
}

test.before(async () => {
  work = mkdtempSync(join(tmpdir(), 'flytemc-tls-'));
  set = await startClusters({ n: 2, dir: join(work, 'clusters') });
  hub = await relay(set.clusters[0]!.server);
  member = await relay(set.clusters[1]!.server);
  // the harness kubeconfig plus contexts through the relays: verified (the cluster CA) or not
  const kc = yaml.load(readFileSync(set.kubeconfigPath, 'utf8')) as {
    clusters: Array<{ name: string; cluster: Record<string, unknown> }>;
    contexts: Array<{ name: string; context: { cluster: string; user: string } }>;
  };
  const ca = (i: number) => kc.clusters[i]!.cluster['certificate-authority-data'];
  const add = (name: string, server: string, user: string, tls: Record<string, unknown>) => {
    kc.clusters.push({ name, cluster: { server, ...tls } });
    kc.contexts.push({ name, context: { cluster: name, user } });
  };
  add('hub-relay', hub.url, 'cluster-0-admin', { 'certificate-authority-data': ca(0) });
  add('hub-insecure', hub.url, 'cluster-0-admin', { 'insecure-skip-tls-verify': true });
  add('dp-relay', member.url, 'cluster-1-admin', { 'certificate-authority-data': ca(1) });
  add('dp-insecure', member.url, 'cluster-1-admin', { 'insecure-skip-tls-verify': true });
  add('dp-wrong-ca', member.url, 'cluster-1-admin', { 'certificate-authority-data': ca(0) });
  kubeconfig = join(work, 'kubeconfig');
  writeFileSync(kubeconfig, yaml.dump(kc), { mode: 0o600 });
  // the baseline: cluster-1 joined into cluster-0 over verified TLS, directly
  const r = await flytemc(['join', 'cluster-1', '--kube-context', 'cluster-0']);
  assert.is(r.code, 0, r.stderr);
});

test.after(async () => {
  await hub?.close();
  await member?.close();
  await set?.stop();
  rmSync(work, { recursive: true, force: true });
});

test('check: a hub whose kubeconfig cluster skips TLS verification is refused with exit 2, no connection made', async () => {
  assertRefused(await counted(['check', '--hub-only', '--kube-context', 'hub-insecure']), 'hub-insecure');
  assertRefused(await counted(['check', '--hub-only', '--kube-context', 'hub-insecure', '-o', 'json']), 'hub-insecure');
});

test('check --insecure-skip-tls-verify: runs through that hub, and every line about it says TLS NOT VERIFIED', async () => {
  const r = await counted(['check', '--hub-only', '--kube-context', 'hub-insecure', '--insecure-skip-tls-verify']);
  assert.is(r.code, 0, r.stdout + r.stderr);
  assert.ok(r.hubConnections > 0, 'the relay is on the path');
  assert.match(
    r.stderr,
    /^warning: context hub-insecure \(https:\/\/127\.0\.0\.1:\d+\) \[TLS NOT VERIFIED\]: the cluster skips TLS verification \(insecure-skip-tls-verify\), allowed by --insecure-skip-tls-verify/m,
  );
  assert.match(r.stdout, /all 1 cluster OK \(credentials from hub hub-insecure \[TLS NOT VERIFIED\] Secret flyte\/cluster-credentials;/);
  assertEveryLineMarked(r.stdout + r.stderr, 'hub-insecure', 2);
  const j = await counted(['check', '--hub-only', '--kube-context', 'hub-insecure', '--insecure-skip-tls-verify', '-o', 'json']);
  assert.is(j.code, 0, j.stderr);
  assert.is((JSON.parse(j.stdout) as { hubTlsVerified: boolean }).hubTlsVerified, false);
});

test('--insecure-skip-tls-verify never turns verification off for another cluster: a verified hub stays verified, a wrong CA still fails', async () => {
  const ok = await counted(['check', '--hub-only', '--kube-context', 'hub-relay', '--insecure-skip-tls-verify', '-o', 'json']);
  assert.is(ok.code, 0, ok.stderr);
  assert.ok(ok.hubConnections > 0);
  assert.is((JSON.parse(ok.stdout) as { hubTlsVerified: boolean }).hubTlsVerified, true);
  assert.not.match(ok.stdout + ok.stderr, NOTE);
  // the data plane through a context whose CA is another cluster's: the flag does not rescue it
  const bad = await counted(['join', 'dp-wrong-ca', '--name', 'cluster-1', '--kube-context', 'cluster-0', '--insecure-skip-tls-verify']);
  assert.is(bad.code, 3, bad.stdout + bad.stderr);
  assert.match(bad.stderr, /context dp-wrong-ca \(https:\/\/127\.0\.0\.1:\d+\): .*TLS verification of https:\/\/127\.0\.0\.1:\d+ failed/);
  assert.not.match(bad.stdout + bad.stderr, NOTE);
});

test('join, unjoin, rotate: an unverified member or hub is refused with exit 2 before any connection, whatever the other flags', async () => {
  assertRefused(await counted(['join', 'dp-insecure', '--name', 'cluster-1', '--kube-context', 'hub-relay']), 'dp-insecure');
  assertRefused(await counted(['join', 'dp-insecure', '--name', 'cluster-1', '--kube-context', 'hub-relay', '--dry-run']), 'dp-insecure');
  // one unverified context among several: nothing is sent to any of them
  assertRefused(await counted(['join', 'dp-relay', 'dp-insecure', '--kube-context', 'hub-relay']), 'dp-insecure');
  assertRefused(await counted(['join', 'dp-relay', '--name', 'cluster-1', '--kube-context', 'hub-insecure']), 'hub-insecure');
  assertRefused(await counted(['unjoin', 'dp-insecure', '--name', 'cluster-1', '--kube-context', 'hub-relay']), 'dp-insecure');
  assertRefused(await counted(['unjoin', 'dp-insecure', '--name', 'cluster-1', '--kube-context', 'hub-relay', '--force']), 'dp-insecure');
  assertRefused(await counted(['unjoin', 'dp-relay', '--name', 'cluster-1', '--kube-context', 'hub-insecure', '--dry-run']), 'hub-insecure');
  assertRefused(await counted(['rotate', 'dp-insecure', '--name', 'cluster-1', '--kube-context', 'hub-relay']), 'dp-insecure');
  assertRefused(await counted(['rotate', 'dp-relay', '--name', 'cluster-1', '--kube-context', 'hub-insecure']), 'hub-insecure');
});

test('join --insecure-skip-tls-verify: every line about that member says TLS NOT VERIFIED; its token is still proven over verified TLS', async () => {
  const r = await counted(
    [
      'join',
      'dp-insecure',
      '--name',
      'cluster-1',
      '--endpoint',
      set.clusters[1]!.server,
      '--kube-context',
      'hub-relay',
      '--insecure-skip-tls-verify',
      '--dry-run',
    ],
    { FLYTEMC_PROGRESS: '1' },
  );
  assert.is(r.code, 0, r.stdout + r.stderr);
  assert.ok(r.memberConnections > 0, 'the relay is on the path');
  assertEveryLineMarked(r.stdout + r.stderr, 'dp-insecure', 4);
  assert.match(r.stderr, /\[cluster-1\] \[TLS NOT VERIFIED\] /, 'progress lines of that cluster');
  assert.match(
    r.stdout,
    /^dp-insecure \[TLS NOT VERIFIED\] +check +token of ServiceAccount flyte\/flyteadmin +\(ok: system:serviceaccount:flyte:flyteadmin over TLS verified with the ca\.crt CA;/m,
  );
  // the verified hub is not marked
  for (const l of (r.stdout + r.stderr).split('\n').filter((x) => x.includes('hub-relay'))) assert.not.ok(l.includes(NOTE), l);
});

test("install: Helm would use an unverified context: refused with exit 2 before Helm runs, unless Helm's --kube-insecure-skip-tls-verify", async () => {
  prepareChart();
  const env = {
    FLYTEMC_HELM: helmBinary(3),
    HELM_CACHE_HOME: join(work, 'helm', 'cache'),
    HELM_CONFIG_HOME: join(work, 'helm', 'config'),
    HELM_DATA_HOME: join(work, 'helm', 'data'),
  };
  const args = [
    'install',
    'data-plane',
    '--name',
    'cluster-1',
    '--admin-endpoint',
    'dns:///flyte.example.com:443',
    '-n',
    'tls-install',
    '--kube-context',
    'dp-insecure',
    '--dry-run',
    '--set',
    'multicluster.controlPlane.catalog=false',
    '--set',
    'flyte-core.storage.type=s3',
  ]; // a data plane with its way back and shared storage
  const r = await counted(args, env);
  assertRefused(r, 'dp-insecure', "Helm's --kube-insecure-skip-tls-verify");
  const allowed = await counted([...args, '--kube-insecure-skip-tls-verify'], env);
  assert.is(allowed.code, 0, allowed.stdout + allowed.stderr);
  assert.match(allowed.stderr, /^warning: context dp-insecure .*\[TLS NOT VERIFIED\]/m);
  assert.ok(allowed.memberConnections > 0, 'Helm went through the relay');
});

test.run();
