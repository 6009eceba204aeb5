// Real Kubernetes control planes on loopback, without Docker: per cluster its own etcd, CA and
// serving certificate (openssl), kube-apiserver (RBAC, ServiceAccount token signing + issuer)
// and kube-controller-manager (token controller with the root CA, so token Secrets get `token`
// and `ca.crt`). No kubelet: no pod ever runs; the stored objects are what tests look at.
//
//   const set = await startClusters({ n: 4, dir });  // set.kubeconfigPath: contexts cluster-0..3
//   ...
//   await set.stop();                               // or stopClusters(dir) from another process
//
// Layout of `dir`:
//   kubeconfig            one admin context per cluster (client certificate, O=system:masters)
//   state.json            clusters + PIDs, read by stopClusters / `npm run clusters -- down`
//   <name>/               pki/, etcd-data/, kcm.kubeconfig, *.log
import { type ChildProcess, spawn } from 'node:child_process';
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, readSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import * as http from 'node:http';
import * as https from 'node:https';
import * as net from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { dump } from 'js-yaml';
import { ensureBinaries, HarnessError, type Binaries } from './build.ts';

export { HarnessError } from './build.ts';

const execFileP = promisify(execFile);

export type Component = 'etcd' | 'kube-apiserver' | 'kube-controller-manager';

export interface ClusterInfo {
  /** Cluster name; also its kubeconfig context, cluster and (with `-admin`) user name. */
  name: string;
  /** Context of this cluster in `kubeconfigPath`. */
  context: string;
  /** `https://127.0.0.1:PORT` */
  server: string;
  /** The cluster CA (signs the serving cert and the admin cert; the token Secrets' `ca.crt`). */
  caFile: string;
  caPem: string;
  /** Admin client credential (O=system:masters), also embedded in the kubeconfig. */
  adminCertFile: string;
  adminKeyFile: string;
  /** The shared kubeconfig holding every cluster of the set. */
  kubeconfigPath: string;
  /** `<dir>/<name>`: pki, etcd data, logs. */
  dataDir: string;
  /** ServiceAccount token issuer (`iss` of the tokens this cluster signs). */
  issuer: string;
  etcdUrl: string;
  logs: Record<Component, string>;
}

export interface ProcessRecord {
  cluster: string;
  component: Component;
  /** Also the process group id: each component runs in its own group. */
  pid: number;
  /** Field 22 of /proc/PID/stat, to tell our process from a later one reusing the PID. */
  startTime: string;
  log: string;
}

export interface ClusterState {
  version: 1;
  kubernetesVersion: string;
  createdAt: string;
  dir: string;
  kubeconfigPath: string;
  clusters: ClusterInfo[];
  processes: ProcessRecord[];
}

export interface ClusterSet {
  dir: string;
  kubeconfigPath: string;
  clusters: ClusterInfo[];
  processes: ProcessRecord[];
  /** Wall time of startClusters, binaries already built. */
  startupMs: number;
  /** Stops every process (SIGTERM, then SIGKILL) and removes state.json. Idempotent. */
  stop(): Promise<void>;
}

export interface StartOptions {
  /** Number of clusters (default: names.length, else 1). */
  n?: number;
  /** Folder for kubeconfig, state and per-cluster data. Created if missing. */
  dir: string;
  /** Cluster/context names (DNS-1123 labels); default `cluster-0` … `cluster-<n-1>`. */
  names?: string[];
  /** Per-cluster readiness timeout (default 180 s, env FLYTEMC_CLUSTER_TIMEOUT_MS). */
  timeoutMs?: number;
  /** Leave the processes running when this Node process exits (the CLI's `up`). Default false:
   * they are killed on exit, SIGINT, SIGTERM and uncaught errors. */
  detach?: boolean;
  /** Progress lines; default: none. */
  log?: (line: string) => void;
  /** Binaries to use; default ensureBinaries() (builds on first use). */
  binaries?: Binaries;
}

const STATE_FILE = 'state.json';
const MARKER = '.flytemc-cluster';
const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

// ---------------------------------------------------------------------------------------------
// processes

function procStat(pid: number): { state: string; startTime: string } | undefined {
  let raw: string;
  try {
    raw = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return undefined;
  }
  const fields = raw.slice(raw.lastIndexOf(')') + 2).split(' ');
  return { state: fields[0] ?? '?', startTime: fields[19] ?? '' };
}

/** True while the recorded process (same PID and start time, not a zombie) runs. */
export function isRunning(rec: Pick<ProcessRecord, 'pid' | 'startTime'>): boolean {
  const st = procStat(rec.pid);
  return st !== undefined && st.state !== 'Z' && st.state !== 'X' && st.startTime === rec.startTime;
}

function killGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    /* already gone */
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** SIGTERM every group, wait up to graceMs, SIGKILL what is left; throws if anything survives.
 * API servers and controller managers go first: an API server whose etcd is gone spends ~30 s
 * retrying to clean up its lease before it exits. */
export async function stopProcesses(records: ProcessRecord[], graceMs = 10_000): Promise<void> {
  await stopPhase(
    records.filter((r) => r.component !== 'etcd'),
    graceMs,
  );
  await stopPhase(
    records.filter((r) => r.component === 'etcd'),
    graceMs,
  );
}

async function stopPhase(records: ProcessRecord[], graceMs: number): Promise<void> {
  let live = records.filter(isRunning);
  for (const r of live) killGroup(r.pid, 'SIGTERM');
  const deadline = Date.now() + graceMs;
  while (live.length > 0 && Date.now() < deadline) {
    await sleep(50);
    live = live.filter(isRunning);
  }
  for (const r of live) killGroup(r.pid, 'SIGKILL');
  const hard = Date.now() + 5000;
  while (live.length > 0 && Date.now() < hard) {
    await sleep(50);
    live = live.filter(isRunning);
  }
  if (live.length > 0) {
    throw new HarnessError(`could not stop: ${live.map((r) => `${r.cluster}/${r.component} (pid ${r.pid})`).join(', ')}`);
  }
}

// Processes of non-detached sets, killed synchronously if this Node process goes away.
const guarded = new Set<ProcessRecord>();
let handlersInstalled = false;
const signalHandlers: Partial<Record<NodeJS.Signals, () => void>> = {};

function killGuardedSync(): void {
  for (const r of guarded) if (isRunning(r)) killGroup(r.pid, 'SIGKILL');
  guarded.clear();
}

function guard(records: ProcessRecord[]): void {
  for (const r of records) guarded.add(r);
  if (handlersInstalled) return;
  handlersInstalled = true;
  process.on('exit', killGuardedSync);
  const codes: Partial<Record<NodeJS.Signals, number>> = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 };
  for (const [sig, code] of Object.entries(codes) as [NodeJS.Signals, number][]) {
    const h = () => {
      killGuardedSync();
      process.exit(code);
    };
    signalHandlers[sig] = h;
    process.on(sig, h);
  }
}

function unguard(records: ProcessRecord[]): void {
  for (const r of records) guarded.delete(r);
  if (guarded.size > 0 || !handlersInstalled) return;
  handlersInstalled = false;
  process.off('exit', killGuardedSync);
  for (const [sig, h] of Object.entries(signalHandlers) as [NodeJS.Signals, () => void][]) process.off(sig, h);
}

/** Last `lines` lines of a log file (reads at most the last 32 KiB). */
export function logTail(file: string, lines = 25): string {
  try {
    const size = statSync(file).size;
    const len = Math.min(size, 32 * 1024);
    const buf = Buffer.alloc(len);
    const fd = openSync(file, 'r');
    try {
      readSync(fd, buf, 0, len, size - len);
    } finally {
      closeSync(fd);
    }
    return buf.toString('utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

interface Started {
  rec: ProcessRecord;
  exited?: string;
}

function startProcess(cluster: string, component: Component, bin: string, args: string[], cwd: string, log: string): Started {
  const fd = openSync(log, 'a');
  let child: ChildProcess;
  try {
    child = spawn(bin, args, {
      cwd,
      detached: true, // own process group (and session): killable as a group, survives the CLI
      stdio: ['ignore', fd, fd],
      env: { ...process.env, GOGC: process.env.GOGC ?? '50' },
    });
  } finally {
    closeSync(fd);
  }
  if (child.pid === undefined) throw new HarnessError(`${cluster}: could not start ${bin}`);
  const started: Started = {
    rec: { cluster, component, pid: child.pid, startTime: procStat(child.pid)?.startTime ?? '', log },
  };
  child.on('exit', (code, signal) => {
    started.exited = signal ? `killed by ${signal}` : `exit code ${code}`;
  });
  child.on('error', (e) => {
    started.exited = `failed to start: ${e.message}`;
  });
  child.unref();
  return started;
}

// ---------------------------------------------------------------------------------------------
// ports, certificates, kubeconfigs

/** `count` distinct free TCP ports on 127.0.0.1 (held open together while picking). */
export async function freePorts(count: number): Promise<number[]> {
  const servers: net.Server[] = [];
  try {
    const ports: number[] = [];
    for (let i = 0; i < count; i++) {
      const s = net.createServer();
      servers.push(s);
      await new Promise<void>((res, rej) => {
        s.once('error', rej);
        s.listen(0, '127.0.0.1', () => res());
      });
      ports.push((s.address() as net.AddressInfo).port);
    }
    return ports;
  } finally {
    await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
  }
}

async function openssl(args: string[], cwd: string): Promise<void> {
  try {
    await execFileP('openssl', args, { cwd });
  } catch (e) {
    const err = e as NodeJS.ErrnoException & { stderr?: string };
    if (err.code === 'ENOENT') throw new HarnessError('openssl was not found on PATH (apt-get install openssl)');
    throw new HarnessError(`openssl ${args[0]} failed: ${(err.stderr ?? err.message).trim()}`);
  }
}

const EC = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];

async function makeCert(pki: string, base: string, subj: string, ext: string[]): Promise<void> {
  await openssl(['req', '-new', ...EC, '-keyout', `${base}.key`, '-out', `${base}.csr`, '-subj', subj], pki);
  writeFileSync(join(pki, `${base}.ext`), ext.join('\n') + '\n');
  await openssl(
    [
      'x509',
      '-req',
      '-in',
      `${base}.csr`,
      '-CA',
      'ca.crt',
      '-CAkey',
      'ca.key',
      '-set_serial',
      `0x${randomBytes(12).toString('hex')}`,
      '-days',
      '3650',
      '-sha256',
      '-extfile',
      `${base}.ext`,
      '-out',
      `${base}.crt`,
    ],
    pki,
  );
}

async function makePki(pki: string, name: string): Promise<void> {
  mkdirSync(pki, { recursive: true });
  await openssl(
    [
      'req',
      '-x509',
      ...EC,
      '-keyout',
      'ca.key',
      '-out',
      'ca.crt',
      '-days',
      '3650',
      '-sha256',
      '-subj',
      `/CN=flytemc-test-${name}-ca`,
      '-addext',
      'basicConstraints=critical,CA:TRUE',
      '-addext',
      'keyUsage=critical,keyCertSign,cRLSign,digitalSignature',
    ],
    pki,
  );
  const leaf = (eku: string) => ['basicConstraints=critical,CA:FALSE', 'keyUsage=critical,digitalSignature,keyEncipherment', `extendedKeyUsage=${eku}`];
  await Promise.all([
    makeCert(pki, 'apiserver', `/CN=kube-apiserver`, [
      ...leaf('serverAuth'),
      'subjectAltName=IP:127.0.0.1,DNS:localhost,IP:10.0.0.1,DNS:kubernetes,DNS:kubernetes.default,DNS:kubernetes.default.svc,DNS:kubernetes.default.svc.cluster.local',
    ]),
    makeCert(pki, 'admin', '/O=system:masters/CN=flytemc-admin', leaf('clientAuth')),
    // system:masters: with --use-service-account-credentials=false every controller acts as the
    // controller manager itself, and its own role lacks what e.g. the namespace controller needs.
    makeCert(pki, 'kcm', '/O=system:masters/CN=system:kube-controller-manager', leaf('clientAuth')),
    (async () => {
      await openssl(['genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256', '-out', 'sa.key'], pki);
      await openssl(['pkey', '-in', 'sa.key', '-pubout', '-out', 'sa.pub'], pki);
    })(),
  ]);
}

const b64 = (file: string) => readFileSync(file).toString('base64');

interface KubeconfigEntry {
  name: string;
  server: string;
  caFile: string;
  certFile: string;
  keyFile: string;
}

function kubeconfigYaml(entries: KubeconfigEntry[], current: string): string {
  return dump(
    {
      apiVersion: 'v1',
      kind: 'Config',
      preferences: {},
      clusters: entries.map((e) => ({
        name: e.name,
        cluster: { server: e.server, 'certificate-authority-data': b64(e.caFile) },
      })),
      users: entries.map((e) => ({
        name: `${e.name}-admin`,
        user: { 'client-certificate-data': b64(e.certFile), 'client-key-data': b64(e.keyFile) },
      })),
      contexts: entries.map((e) => ({ name: e.name, context: { cluster: e.name, user: `${e.name}-admin` } })),
      'current-context': current,
    },
    { lineWidth: -1 },
  );
}

// ---------------------------------------------------------------------------------------------
// readiness

interface TlsFiles {
  ca?: string;
  cert?: string;
  key?: string;
}

function get(url: string, tls: TlsFiles = {}, timeoutMs = 3000): Promise<{ status: number; body: string }> {
  return new Promise((res, rej) => {
    const u = new URL(url);
    const opts: https.RequestOptions = { method: 'GET', timeout: timeoutMs };
    if (tls.ca) opts.ca = readFileSync(tls.ca);
    if (tls.cert) opts.cert = readFileSync(tls.cert);
    if (tls.key) opts.key = readFileSync(tls.key);
    const req = (u.protocol === 'https:' ? https : http).request(u, opts, (r) => {
      let body = '';
      r.setEncoding('utf8');
      r.on('data', (d: string) => (body += d));
      r.on('end', () => res({ status: r.statusCode ?? 0, body }));
      r.on('error', rej);
    });
    req.on('timeout', () => req.destroy(new Error(`timed out after ${timeoutMs} ms`)));
    req.on('error', rej);
    req.end();
  });
}

async function waitUntil(
  cluster: string,
  what: string,
  blame: Started,
  all: Started[],
  deadline: number,
  timeoutMs: number,
  probe: () => Promise<string | undefined>, // undefined = ready, else why not yet
): Promise<void> {
  let why = 'not probed yet';
  for (;;) {
    const dead = all.find((s) => s.exited);
    if (dead) {
      throw new HarnessError(
        `${cluster}: ${dead.rec.component} stopped (${dead.exited}) before ${what}; last lines of ${dead.rec.log}:\n${logTail(dead.rec.log)}`,
      );
    }
    try {
      const r = await probe();
      if (r === undefined) return;
      why = r;
    } catch (e) {
      why = (e as Error).message;
    }
    if (Date.now() > deadline) {
      throw new HarnessError(
        `${cluster}: timed out after ${Math.round(timeoutMs / 1000)} s waiting for ${what} (last answer: ${why.trim().split('\n').slice(-8).join(' | ')}); last lines of ${blame.rec.log}:\n${logTail(blame.rec.log)}`,
      );
    }
    await sleep(250);
  }
}

// ---------------------------------------------------------------------------------------------
// one cluster

async function startCluster(
  bins: Binaries,
  dir: string,
  name: string,
  kubeconfigPath: string,
  timeoutMs: number,
  onProcess: (rec: ProcessRecord) => void,
  log: (line: string) => void,
): Promise<ClusterInfo> {
  const dataDir = join(dir, name);
  const pki = join(dataDir, 'pki');
  const t0 = Date.now();
  const [apiPort, etcdPort, peerPort] = (await freePorts(3)) as [number, number, number];
  const server = `https://127.0.0.1:${apiPort}`;
  const etcdUrl = `http://127.0.0.1:${etcdPort}`;
  const peerUrl = `http://127.0.0.1:${peerPort}`;
  const p = (f: string) => join(pki, f);
  const info: ClusterInfo = {
    name,
    context: name,
    server,
    caFile: p('ca.crt'),
    caPem: '',
    adminCertFile: p('admin.crt'),
    adminKeyFile: p('admin.key'),
    kubeconfigPath,
    dataDir,
    issuer: `https://kubernetes.default.svc.${name}.flytemc.test`,
    etcdUrl,
    logs: {
      etcd: join(dataDir, 'etcd.log'),
      'kube-apiserver': join(dataDir, 'kube-apiserver.log'),
      'kube-controller-manager': join(dataDir, 'kube-controller-manager.log'),
    },
  };

  await makePki(pki, name);
  info.caPem = readFileSync(info.caFile, 'utf8');
  const kcmKubeconfig = join(dataDir, 'kcm.kubeconfig');
  writeFileSync(kcmKubeconfig, kubeconfigYaml([{ name, server, caFile: info.caFile, certFile: p('kcm.crt'), keyFile: p('kcm.key') }], name), { mode: 0o600 });
  const deadline = Date.now() + timeoutMs;
  const all: Started[] = [];
  const start = (component: Component, bin: string, args: string[]) => {
    const s = startProcess(name, component, bin, args, dataDir, info.logs[component]);
    all.push(s);
    onProcess(s.rec);
    return s;
  };
  const admin: TlsFiles = { ca: info.caFile, cert: info.adminCertFile, key: info.adminKeyFile };

  const etcd = start('etcd', bins.etcd, [
    `--name=${name}`,
    `--data-dir=${join(dataDir, 'etcd-data')}`,
    `--listen-client-urls=${etcdUrl}`,
    `--advertise-client-urls=${etcdUrl}`,
    `--listen-peer-urls=${peerUrl}`,
    `--initial-advertise-peer-urls=${peerUrl}`,
    `--initial-cluster=${name}=${peerUrl}`,
    '--initial-cluster-state=new',
    '--unsafe-no-fsync',
    '--quota-backend-bytes=268435456',
    '--snapshot-count=5000',
    '--log-level=warn',
  ]);
  await waitUntil(name, `etcd at ${etcdUrl}`, etcd, all, deadline, timeoutMs, async () => {
    const r = await get(`${etcdUrl}/health`);
    return r.status === 200 && /"health":\s*"true"/.test(r.body) ? undefined : `${r.status} ${r.body}`;
  });

  const apiserver = start('kube-apiserver', bins.kubeApiserver, [
    `--etcd-servers=${etcdUrl}`,
    '--bind-address=127.0.0.1',
    '--advertise-address=127.0.0.1',
    `--secure-port=${apiPort}`,
    `--cert-dir=${pki}`,
    `--tls-cert-file=${p('apiserver.crt')}`,
    `--tls-private-key-file=${p('apiserver.key')}`,
    `--client-ca-file=${info.caFile}`,
    '--authorization-mode=Node,RBAC',
    `--service-account-key-file=${p('sa.pub')}`,
    `--service-account-signing-key-file=${p('sa.key')}`,
    `--service-account-issuer=${info.issuer}`,
    '--service-cluster-ip-range=10.0.0.0/24',
    '--allow-privileged=true',
    '--enable-priority-and-fairness=false',
    '--profiling=false',
    '--watch-cache=false',
    '--event-ttl=10m',
    '--endpoint-reconciler-type=none', // it would publish 127.0.0.1, which Endpoints reject
  ]);
  await waitUntil(name, `kube-apiserver /readyz at ${server}`, apiserver, all, deadline, timeoutMs, async () => {
    const r = await get(`${server}/readyz`, admin);
    return r.status === 200 ? undefined : `${r.status} ${r.body}`;
  });

  const kcm = start('kube-controller-manager', bins.kubeControllerManager, [
    `--kubeconfig=${kcmKubeconfig}`,
    `--service-account-private-key-file=${p('sa.key')}`,
    `--root-ca-file=${info.caFile}`,
    '--use-service-account-credentials=false',
    '--controllers=serviceaccount-token,serviceaccount,namespace,garbagecollector,root-ca-cert-publisher,clusterrole-aggregation',
    '--leader-elect=false',
    '--secure-port=0',
    '--profiling=false',
    '--kube-api-qps=100',
    '--kube-api-burst=200',
  ]);
  // The serviceaccount controller making default/default proves the controller manager runs;
  // the token controller is started before it.
  await waitUntil(name, 'the controller manager (ServiceAccount default/default)', kcm, all, deadline, timeoutMs, async () => {
    const r = await get(`${server}/api/v1/namespaces/default/serviceaccounts/default`, admin);
    return r.status === 200 ? undefined : `${r.status} ${r.body}`;
  });
  log(`${name} ready at ${server} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  return info;
}

// ---------------------------------------------------------------------------------------------
// sets of clusters

export function readState(dir: string): ClusterState | undefined {
  const file = join(resolve(dir), STATE_FILE);
  if (!existsSync(file)) return undefined;
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as ClusterState;
  } catch (e) {
    throw new HarnessError(`${file} is not valid JSON: ${(e as Error).message}`);
  }
}

/** Processes recorded in `dir` that are still running. */
export function runningProcesses(dir: string): ProcessRecord[] {
  return (readState(dir)?.processes ?? []).filter(isRunning);
}

function prepareDir(dir: string, names: string[]): void {
  mkdirSync(dir, { recursive: true });
  const state = readState(dir);
  if (state) {
    const live = state.processes.filter(isRunning);
    if (live.length > 0) {
      throw new HarnessError(
        `clusters are already running in ${dir} (${live.map((r) => `${r.cluster}/${r.component} pid ${r.pid}`).join(', ')}); stop them first: npm run clusters -- down --dir ${dir}`,
      );
    }
    rmSync(join(dir, STATE_FILE), { force: true });
  }
  for (const name of names) {
    const d = join(dir, name);
    if (!existsSync(d)) continue;
    if (existsSync(join(d, MARKER))) rmSync(d, { recursive: true, force: true });
    else if (readdirSync(d).length > 0) {
      throw new HarnessError(`${d} exists and was not made by the harness; choose another --dir`);
    }
  }
}

function writeState(state: ClusterState): void {
  writeFileSync(join(state.dir, STATE_FILE), JSON.stringify(state, null, 2) + '\n');
}

function defaultTimeout(): number {
  const env = Number(process.env.FLYTEMC_CLUSTER_TIMEOUT_MS);
  return Number.isFinite(env) && env > 0 ? env : 180_000;
}

/** Starts `n` independent clusters in parallel and waits until each is ready. */
export async function startClusters(opts: StartOptions): Promise<ClusterSet> {
  const t0 = Date.now();
  const dir = resolve(opts.dir);
  const n = opts.n ?? opts.names?.length ?? 1;
  if (!Number.isInteger(n) || n < 1) throw new HarnessError(`the number of clusters must be a positive integer, got ${n}`);
  const names = opts.names ?? Array.from({ length: n }, (_, i) => `cluster-${i}`);
  if (names.length !== n) throw new HarnessError(`${names.length} names given for ${n} clusters`);
  for (const name of names) {
    if (!DNS1123_LABEL.test(name) || name.length > 63) {
      throw new HarnessError(`cluster name '${name}' is not a DNS-1123 label (lower-case letters, digits and '-')`);
    }
  }
  if (new Set(names).size !== names.length) throw new HarnessError(`duplicate cluster names: ${names.join(', ')}`);
  const log = opts.log ?? (() => {});
  const timeoutMs = opts.timeoutMs ?? defaultTimeout();
  const bins = opts.binaries ?? (await ensureBinaries());

  prepareDir(dir, names);
  const kubeconfigPath = join(dir, 'kubeconfig');
  const processes: ProcessRecord[] = [];
  const state: ClusterState = {
    version: 1,
    kubernetesVersion: bins.version,
    createdAt: new Date().toISOString(),
    dir,
    kubeconfigPath,
    clusters: [],
    processes,
  };
  const onProcess = (rec: ProcessRecord) => {
    processes.push(rec);
    if (!opts.detach) guard([rec]);
    writeState(state); // written at every start, so `down` finds even a half-started set
  };
  for (const name of names) {
    mkdirSync(join(dir, name), { recursive: true });
    writeFileSync(join(dir, name, MARKER), '');
  }
  writeState(state);

  // Ports are picked free but only taken when a component starts: if something else grabbed
  // one meanwhile, start that cluster again on new ports.
  const startWithRetry = async (name: string): Promise<ClusterInfo> => {
    for (let attempt = 1; ; attempt++) {
      const mine: ProcessRecord[] = [];
      const track = (rec: ProcessRecord) => {
        mine.push(rec);
        onProcess(rec);
      };
      try {
        return await startCluster(bins, dir, name, kubeconfigPath, timeoutMs, track, log);
      } catch (e) {
        if (!(e instanceof HarnessError && /address already in use/.test(e.message)) || attempt >= 3) throw e;
        await stopProcesses(mine, 3000);
        unguard(mine);
        for (const rec of mine) processes.splice(processes.indexOf(rec), 1);
        writeState(state);
        rmSync(join(dir, name, 'etcd-data'), { recursive: true, force: true });
        log(`${name}: a port was taken meanwhile; starting again on new ports`);
      }
    }
  };
  const results = await Promise.allSettled(names.map(startWithRetry));
  const failures = results.flatMap((r) => (r.status === 'rejected' ? [r.reason as unknown] : []));
  if (failures.length > 0) {
    try {
      await stopProcesses(processes, 3000);
    } finally {
      unguard(processes);
      rmSync(join(dir, STATE_FILE), { force: true });
    }
    const msgs = failures.map((f) => (f instanceof Error ? f.message : String(f)));
    const err = failures[0];
    if (failures.length === 1 && !(err instanceof HarnessError) && err instanceof Error) throw err;
    throw new HarnessError(msgs.join('\n\n'));
  }
  const clusters = results.map((r) => (r as PromiseFulfilledResult<ClusterInfo>).value);
  state.clusters = clusters;
  writeFileSync(
    kubeconfigPath,
    kubeconfigYaml(
      clusters.map((c) => ({ name: c.name, server: c.server, caFile: c.caFile, certFile: c.adminCertFile, keyFile: c.adminKeyFile })),
      clusters[0]!.context,
    ),
    { mode: 0o600 },
  );
  writeState(state);

  let stopped: Promise<void> | undefined;
  return {
    dir,
    kubeconfigPath,
    clusters,
    processes,
    startupMs: Date.now() - t0,
    stop() {
      stopped ??= (async () => {
        try {
          await stopProcesses(processes);
        } finally {
          unguard(processes);
        }
        rmSync(join(dir, STATE_FILE), { force: true });
      })();
      return stopped;
    },
  };
}

/** Stops the clusters recorded in `dir/state.json` (from any process). Idempotent: returns how
 * many processes were still running. Keeps logs and data; pass `{ remove: true }` to delete
 * the cluster folders, kubeconfig and state too. */
export async function stopClusters(dir: string, opts: { remove?: boolean; graceMs?: number } = {}): Promise<number> {
  const abs = resolve(dir);
  const state = readState(abs);
  if (!state) return 0;
  const live = state.processes.filter(isRunning);
  await stopProcesses(live, opts.graceMs);
  rmSync(join(abs, STATE_FILE), { force: true });
  if (opts.remove) {
    for (const c of state.clusters.length ? state.clusters.map((c) => c.name) : [...new Set(state.processes.map((p) => p.cluster))]) {
      const d = join(abs, c);
      if (existsSync(join(d, MARKER))) rmSync(d, { recursive: true, force: true });
    }
    rmSync(join(abs, 'kubeconfig'), { force: true });
  }
  return live.length;
}

/**
 * Runs `fn` with `n` fresh clusters in a temporary folder, then stops them and deletes the
 * folder (also when `fn` throws). On failure the folder is kept when FLYTEMC_KEEP_CLUSTERS=1.
 */
export async function withClusters<T>(n: number, fn: (set: ClusterSet) => Promise<T>, opts: Omit<StartOptions, 'n' | 'dir'> = {}): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'flytemc-clusters-'));
  let ok = false;
  try {
    const set = await startClusters({ ...opts, n, dir });
    try {
      const out = await fn(set);
      ok = true;
      return out;
    } finally {
      await set.stop();
    }
  } finally {
    if (ok || process.env.FLYTEMC_KEEP_CLUSTERS !== '1') rmSync(dir, { recursive: true, force: true });
  }
}
