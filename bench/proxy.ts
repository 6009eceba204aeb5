// The credential proxy's cost per request, against a real API server of the harness: the same GET
// (a Namespace) sent straight to the API server over TLS with a bearer token, as FlyteAdmin does
// with a long-lived token, and through `kubectl proxy` (kubectl 1.32 of the npm layer) on loopback,
// run with the kubeconfig the post-renderer writes for a proxied cluster (its exec plugin: the
// tests' TokenRequest minter, test/flyte/exec-plugin.mjs). Both over kept-alive connections, one
// request at a time, interleaved request by request; the added latency is the difference of the
// medians. Also the first request through a proxy just started, which waits for the exec plugin.
// Skipped, with the reason, when the harness binaries are not there.
import { type ChildProcess, spawn } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as http from 'node:http';
import * as https from 'node:https';
import { join } from 'node:path';
import { proxyData, wire, type WiredProxy } from '../plugin/config/credential-proxy.ts';
import type { Measured } from './measure.ts';

export interface ProxySection {
  skipped?: string;
  /** How many requests each way. */
  requests?: number;
  rows?: Measured[];
  /** Medians: through the proxy minus direct. */
  addedMs?: number;
  date?: string;
}

const NAMESPACE = 'flyte';
const PATH = `/api/v1/namespaces/${NAMESPACE}`;

function get(agent: http.Agent, url: string, headers: Record<string, string>, ca?: string): Promise<number> {
  const started = process.hrtime.bigint();
  return new Promise((resolve, reject) => {
    const u = new URL(url);
    const mod = u.protocol === 'https:' ? https : http;
    const req = mod.request(u, { agent, headers, ...(ca ? { ca } : {}) }, (res) => {
      res.resume();
      res.on('end', () => {
        if (res.statusCode !== 200) reject(new Error(`${url}: HTTP ${res.statusCode}`));
        else resolve(Number(process.hrtime.bigint() - started) / 1e6);
      });
    });
    req.on('error', reject);
    req.end();
  });
}

/** Starts `kubectl proxy` as the sidecar runs it; resolves once it serves. */
async function startProxy(kubectl: string, kubeconfig: string, port: number, env: NodeJS.ProcessEnv, log: string): Promise<ChildProcess> {
  const p = spawn(kubectl, ['proxy', `--kubeconfig=${kubeconfig}`, '--address=127.0.0.1', `--port=${port}`, '--accept-hosts=^127\\.0\\.0\\.1$'], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  p.stdout!.on('data', (d: Buffer) => (out += d));
  p.stderr!.on('data', (d: Buffer) => (out += d));
  for (let i = 0; i < 200 && !out.includes('Starting to serve'); i++) await new Promise((r) => setTimeout(r, 25));
  writeFileSync(log, out);
  if (!out.includes('Starting to serve')) {
    p.kill('SIGKILL');
    throw new Error(`kubectl proxy did not start: ${out.slice(0, 300)}`);
  }
  return p;
}

type Harness = typeof import('../test/harness/cluster.ts');
type Cluster = Awaited<ReturnType<Harness['startClusters']>>['clusters'][number];

/** The harness, its binaries and kubectl, or why the section is skipped. */
async function harnessOrSkip() {
  let harness: Harness;
  let build: typeof import('../test/harness/build.ts');
  let helm: typeof import('../test/helpers/helm.ts');
  try {
    harness = await import('../test/harness/cluster.ts');
    build = await import('../test/harness/build.ts');
    helm = await import('../test/helpers/helm.ts');
  } catch (e) {
    return { skipped: `the harness does not load: ${(e as Error).message.split('\n')[0]}` };
  }
  const binaries = build.cachedBinaries();
  if (!binaries) return { skipped: 'the harness binaries are not built yet: run `npm run clusters -- build` (about 5 minutes once), then the bench again' };
  return { harness, binaries, kubectl: helm.kubectlBinary(3) };
}

/** The data plane's ServiceAccount, the exec plugin and the kubeconfig the post-renderer writes for it. */
async function prepare(o: { root: string }, harness: Harness, dp: Cluster, dir: string, k: (...argv: string[]) => Promise<void>) {
  await k('create', 'namespace', NAMESPACE);
  await k('-n', NAMESPACE, 'create', 'serviceaccount', 'flyteadmin');
  await k('create', 'clusterrolebinding', 'bench-flyteadmin', '--clusterrole=view', `--serviceaccount=${NAMESPACE}:flyteadmin`);
  // the exec plugin and its "cloud": the data plane's admin certificate, outside any cluster object
  const identity = join(dir, 'identity.json');
  const minted = join(dir, 'minted.jsonl');
  writeFileSync(
    identity,
    JSON.stringify({
      log: minted,
      clusters: {
        dp: {
          server: dp.server,
          ca: dp.caPem,
          cert: readFileSync(dp.adminCertFile, 'utf8'),
          key: readFileSync(dp.adminKeyFile, 'utf8'),
          namespace: NAMESPACE,
          serviceAccount: 'flyteadmin',
        },
      },
    }),
    { mode: 0o600 },
  );
  const plugin = join(dir, 'bin', 'flytemc-test-identity');
  writeFileSync(plugin, `#!/bin/sh\nexec '${process.execPath}' '${join(o.root, 'test', 'flyte', 'exec-plugin.mjs')}' '${identity}' "$@"\n`);
  chmodSync(plugin, 0o755);
  // the kubeconfig exactly as the post-renderer writes it, the CA beside it
  const [port] = (await harness.freePorts(1)) as [number];
  const entry = wire(
    { name: 'dp', endpoint: dp.server, credentialProxy: { exec: { command: 'flytemc-test-identity', args: ['dp'] } } },
    port,
    'bench',
    '',
  ) as WiredProxy;
  const data = proxyData([entry]);
  const kubeconfig = join(dir, 'dp.kubeconfig');
  writeFileSync(kubeconfig, Object.entries(data).find(([key]) => key.endsWith('.kubeconfig'))![1]);
  writeFileSync(join(dir, 'dp_cacert'), dp.caPem);
  const env = { ...process.env, PATH: `${join(dir, 'bin')}:${process.env.PATH ?? ''}` };
  return { kubeconfig, env, port, minted };
}

/** The first request through a proxy just started: it runs the exec plugin (5 fresh proxies). */
async function firstRequests(kubectl: string, kubeconfig: string, port: number, env: NodeJS.ProcessEnv, dir: string): Promise<number[]> {
  const first: number[] = [];
  for (let i = 0; i < 5; i++) {
    const p = await startProxy(kubectl, kubeconfig, port, env, join(dir, `proxy-${i}.log`));
    const agent = new http.Agent({ keepAlive: true });
    try {
      first.push(await get(agent, `http://127.0.0.1:${port}${PATH}`, {}));
    } finally {
      agent.destroy();
      p.kill('SIGTERM');
      await new Promise((r) => p.on('exit', r));
    }
  }
  return first;
}

/** Steady state: direct (TLS + the token the proxy holds) against through the proxy, interleaved. */
async function steadyState(o: { requests: number }, dp: Cluster, port: number, minted: string): Promise<{ direct: number[]; via: number[] }> {
  const viaAgent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const directAgent = new https.Agent({ keepAlive: true, maxSockets: 1, ca: dp.caPem });
  await get(viaAgent, `http://127.0.0.1:${port}${PATH}`, {}); // mints the token
  const lines = readFileSync(minted, 'utf8').trim().split('\n');
  const token = (JSON.parse(lines.at(-1)!) as { token: string }).token;
  const auth = { Authorization: `Bearer ${token}` };
  const direct: number[] = [];
  const via: number[] = [];
  for (let i = 0; i < 20; i++) {
    await get(directAgent, `${dp.server}${PATH}`, auth, dp.caPem);
    await get(viaAgent, `http://127.0.0.1:${port}${PATH}`, {});
  }
  for (let i = 0; i < o.requests; i++) {
    if (i % 2) {
      direct.push(await get(directAgent, `${dp.server}${PATH}`, auth, dp.caPem));
      via.push(await get(viaAgent, `http://127.0.0.1:${port}${PATH}`, {}));
    } else {
      via.push(await get(viaAgent, `http://127.0.0.1:${port}${PATH}`, {}));
      direct.push(await get(directAgent, `${dp.server}${PATH}`, auth, dp.caPem));
    }
  }
  viaAgent.destroy();
  directAgent.destroy();
  return { direct, via };
}

export async function runProxyBench(o: { root: string; work: string; requests: number; log: (s: string) => void }): Promise<ProxySection> {
  const loaded = await harnessOrSkip();
  if ('skipped' in loaded) return loaded;
  const { harness, binaries, kubectl } = loaded;
  const dir = join(o.work, 'proxy');
  const left = await harness.stopClusters(join(dir, 'clusters'));
  if (left) o.log(`  stopped ${left} processes an earlier bench left running`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'bin'), { recursive: true });
  const set = await harness.startClusters({ dir: join(dir, 'clusters'), names: ['dp'], binaries, log: (l) => o.log(`    ${l}`) });
  const procs: ChildProcess[] = [];
  try {
    const dp = set.clusters[0]!;
    const k = (...argv: string[]) => {
      const r = spawn(kubectl, ['--kubeconfig', set.kubeconfigPath, '--context', 'dp', ...argv], { stdio: 'ignore' });
      return new Promise<void>((res) => r.on('close', () => res()));
    };
    const { kubeconfig, env, port, minted } = await prepare(o, harness, dp, dir, k);
    const first = await firstRequests(kubectl, kubeconfig, port, env, dir);
    const proxy = await startProxy(kubectl, kubeconfig, port, env, join(dir, 'proxy.log'));
    procs.push(proxy);
    const { direct, via } = await steadyState(o, dp, port, minted);
    const row = (id: string, label: string, ms: number[]): Measured => ({ id, label, ms, rssMiB: [], cpuMs: [], timedOut: false });
    const { median } = await import('./measure.ts');
    return {
      requests: o.requests,
      date: new Date().toISOString().replace('T', ' ').slice(0, 16) + ' UTC',
      rows: [
        row('direct', 'straight to the API server: TLS, bearer token (a long-lived token)', direct),
        row('proxy', 'through `kubectl proxy` on loopback (short-lived credential, cached)', via),
        row('proxy-first', 'first request through a proxy just started (runs the exec plugin)', first),
      ],
      addedMs: median(via) - median(direct),
    };
  } finally {
    for (const p of procs) p.kill('SIGTERM');
    o.log('  stopping the cluster');
    await set.stop();
  }
}
