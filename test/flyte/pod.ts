// Runs a Deployment's containers as local processes, the way a kubelet would run its pod: the
// Deployment, its ConfigMaps and Secrets are read back from the API server that stores them, each
// volume is laid out once per pod (`<pod>/volumes/<name>`), and each container's own command and
// arguments run with the real Flyte programs. A mount path inside the test's folder (set through
// values, e.g. multicluster.credentials.mountPath) is used as it is; any other lies under the
// container's folder, and the arguments that name it point there instead (`--config
// /etc/flyte/config/*.yaml` becomes `--config <pod>/containers/<name>/etc/flyte/config/*.yaml`):
// no rendered file is edited. Native sidecars (init containers with restartPolicy Always) run as
// the kubelet runs them: started first, in order, each one's startup probe (its exec command)
// passing before the next container starts, and running until the pod stops.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { AppsV1Api, CoreV1Api, type KubeConfig, type V1Container, type V1Deployment, type V1Volume } from '@kubernetes/client-node';
import { HarnessError } from '../harness/build.ts';
import { logTail } from '../harness/cluster.ts';
import type { FlyteBinaries } from './binaries.ts';
import { startService, type Service } from './service.ts';

export interface PodOptions {
  /** The cluster that stores the Deployment (the pod's identity for programs that call it). */
  kc: KubeConfig;
  /** A kubeconfig file for that cluster (KUBECONFIG of every container). */
  kubeconfigPath: string;
  namespace: string;
  deployment: string;
  /** The test's folder: mount paths inside it are used as they are. */
  root: string;
  /** The pod's own folder (volumes, logs). */
  dir: string;
  /** The programs on the containers' PATH: the Flyte programs, and any tool a container's image would have (kubectl, an exec plugin). */
  bins: FlyteBinaries & Record<string, string>;
}

export interface ContainerRun {
  /** Added after the container's own arguments (ports on a shared host, the kubeconfig). */
  extraArgs?: string[];
  /** Changes the command line (already pointed at this host's paths) before it runs. */
  edit?: (argv: string[]) => string[];
  env?: NodeJS.ProcessEnv;
}

type Files = Record<string, string | Buffer>;

/** A Deployment's pod, laid out on this host. */
export class LocalPod {
  /** Where each volume's files lie here, by volume name. */
  private readonly volumeDirs = new Map<string, string>();
  private spec: V1Deployment = {};
  /** The native sidecars running, in start order. */
  private running: Service[] = [];

  private constructor(readonly opts: PodOptions) {}

  /** Reads the Deployment and lays out every volume its containers mount. */
  static async load(opts: PodOptions): Promise<LocalPod> {
    const pod = new LocalPod(opts);
    await pod.refresh();
    return pod;
  }

  private get podSpec() {
    const s = this.spec.spec?.template.spec;
    if (!s) throw new HarnessError(`Deployment ${this.opts.namespace}/${this.opts.deployment} has no pod template`);
    return s;
  }

  container(name: string): V1Container {
    const c = [...(this.podSpec.initContainers ?? []), ...this.podSpec.containers].find((x) => x.name === name);
    if (!c) throw new HarnessError(`Deployment ${this.opts.namespace}/${this.opts.deployment} has no container ${name}`);
    return c;
  }

  /** The init containers that run to their end, in order (the native sidecars are not among them). */
  get initContainers(): string[] {
    return (this.podSpec.initContainers ?? []).filter((c) => c.restartPolicy !== 'Always').map((c) => c.name);
  }

  /** The native sidecars: init containers with restartPolicy Always, which the kubelet starts first and keeps running. */
  get sidecars(): string[] {
    return (this.podSpec.initContainers ?? []).filter((c) => c.restartPolicy === 'Always').map((c) => c.name);
  }

  /**
   * Starts every native sidecar in order, as the kubelet does before the next init container:
   * each one running, then its startup probe's command (with this host's paths) until it passes.
   */
  async startSidecars(run: (name: string) => ContainerRun = () => ({})): Promise<Service[]> {
    for (const name of this.sidecars) {
      const s = this.start(name, run(name));
      this.running.push(s);
      const probe = this.container(name).startupProbe;
      const command = probe?.exec?.command;
      if (!command) continue;
      const period = (probe.periodSeconds ?? 10) * 1000;
      const tries = probe.failureThreshold ?? 3;
      let last = '';
      for (let i = 0; ; i++) {
        if (s.exited)
          throw new HarnessError(
            `${this.opts.deployment}/${name} ended (${s.exited}) before its startup probe passed; last lines of ${s.log}:\n${logTail(s.log, 15)}`,
          );
        const r = await this.exec(name, command, (probe.timeoutSeconds ?? 1) * 1000);
        if (r.code === 0) break;
        last = r.output;
        if (i + 1 >= tries)
          throw new HarnessError(
            `${this.opts.deployment}/${name}: startup probe failed ${tries} times (${last.trim().slice(0, 300)}); last lines of ${s.log}:\n${logTail(s.log, 15)}`,
          );
        await new Promise((res) => setTimeout(res, period));
      }
    }
    return this.running;
  }

  /** Stops the native sidecars (the pod ends: after its other containers). */
  async stopSidecars(): Promise<void> {
    const all = this.running.reverse();
    this.running = [];
    await Promise.all(all.map((s) => s.stop()));
  }

  /** Runs a command in a container's view (a probe's exec, kubectl exec): its paths pointed here, its PATH and environment. */
  exec(name: string, command: string[], timeoutMs: number): Promise<{ code: number | string; output: string }> {
    const [bin, ...args] = this.rewrite(name, command);
    return new Promise((resolve) => {
      const out: Buffer[] = [];
      const p = spawn(bin!, args, { cwd: this.opts.dir, env: this.environment(name), stdio: ['ignore', 'pipe', 'pipe'] });
      const timer = setTimeout(() => p.kill('SIGKILL'), timeoutMs);
      p.stdout.on('data', (d: Buffer) => out.push(d));
      p.stderr.on('data', (d: Buffer) => out.push(d));
      p.on('error', (e) => resolve({ code: e.message, output: '' }));
      p.on('close', (c, sig) => {
        clearTimeout(timer);
        resolve({ code: sig ? `killed by ${sig}` : (c ?? 1), output: Buffer.concat(out).toString() });
      });
    });
  }

  /** Where a container's mount path lies on this host: as it is inside the test's folder, else under the container's folder. */
  hostPath(mountPath: string, container: string): string {
    const p = mountPath.replace(/\/+$/, '');
    return this.shared(p) ? p : join(this.opts.dir, 'containers', container, p);
  }

  /** The folder a volume of the pod is laid out in. */
  volumeDir(name: string): string {
    const d = this.volumeDirs.get(name);
    if (!d) throw new HarnessError(`Deployment ${this.opts.deployment} has no volume ${name}`);
    return d;
  }

  /** Reads the Deployment again and lays out every volume from the API server (after an upgrade, or a Secret or ConfigMap changed). */
  async refresh(): Promise<void> {
    this.spec = await this.opts.kc.makeApiClient(AppsV1Api).readNamespacedDeployment({ name: this.opts.deployment, namespace: this.opts.namespace });
    const core = this.opts.kc.makeApiClient(CoreV1Api);
    for (const v of this.podSpec.volumes ?? []) {
      const files = await volumeFiles(core, this.opts.namespace, v);
      const dir = join(this.opts.dir, 'volumes', v.name);
      if (files === 'emptyDir') {
        mkdirSync(dir, { recursive: true });
      } else {
        rmSync(dir, { recursive: true, force: true });
        mkdirSync(dir, { recursive: true });
        for (const [k, data] of Object.entries(files ?? {})) {
          mkdirSync(dirname(join(dir, k)), { recursive: true });
          writeFileSync(join(dir, k), data, { mode: 0o600 });
        }
      }
      this.volumeDirs.set(v.name, dir);
    }
    for (const c of [...(this.podSpec.initContainers ?? []), ...this.podSpec.containers]) {
      for (const m of c.volumeMounts ?? []) {
        if (!this.volumeDirs.has(m.name)) throw new HarnessError(`${this.opts.deployment}/${c.name} mounts ${m.name}, which is not a volume of the pod`);
        if (!this.shared(m.mountPath)) this.link(this.hostPath(m.mountPath, c.name), m.name, m.subPath);
      }
    }
  }

  private shared(mountPath: string): boolean {
    return mountPath.startsWith(`${this.opts.root}/`);
  }

  private link(at: string, volume: string, subPath?: string): void {
    rmSync(at, { recursive: true, force: true });
    mkdirSync(dirname(at), { recursive: true });
    const src = this.volumeDirs.get(volume)!;
    symlinkSync(subPath ? join(src, subPath) : src, at);
  }

  /**
   * Gives the mount paths inside the test's folder, which every container of the pod sees at one
   * place, the view of container `name` while it runs: what it mounts is there, what it does not
   * mount is not (so a container the Deployment forgot to mount a Secret into cannot read it here).
   */
  private viewOf(name: string): void {
    const mine = new Map((this.container(name).volumeMounts ?? []).filter((m) => this.shared(m.mountPath)).map((m) => [m.mountPath.replace(/\/+$/, ''), m]));
    const all = [...(this.podSpec.initContainers ?? []), ...this.podSpec.containers]
      .flatMap((c) => c.volumeMounts ?? [])
      .filter((m) => this.shared(m.mountPath));
    for (const m of all) {
      const at = m.mountPath.replace(/\/+$/, '');
      const own = mine.get(at);
      if (own) this.link(at, own.name, own.subPath);
      else rmSync(at, { recursive: true, force: true });
    }
  }

  /** The container's command line with every rendered mount path pointed at its place here. */
  argv(name: string, extra: string[] = []): string[] {
    const c = this.container(name);
    return this.rewrite(name, [...(c.command ?? []), ...(c.args ?? [])]).concat(extra);
  }

  /** A command line of container `name` with every mount path of it pointed at its place here. */
  private rewrite(name: string, argv: string[]): string[] {
    const mounts = (this.container(name).volumeMounts ?? [])
      .map((m) => m.mountPath.replace(/\/+$/, ''))
      .filter((p) => !p.startsWith(`${this.opts.root}/`))
      .sort((a, b) => b.length - a.length);
    return argv.map((arg) => mounts.reduce((s, p) => s.split(p).join(this.hostPath(p, name)), arg));
  }

  private environment(name: string, more: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
    const binDir = join(this.opts.dir, 'bin');
    mkdirSync(binDir, { recursive: true });
    for (const [prog, path] of Object.entries(this.opts.bins)) if (!existsSync(join(binDir, prog))) symlinkSync(path, join(binDir, prog));
    const env: NodeJS.ProcessEnv = { PATH: `${binDir}:/usr/bin:/bin`, HOME: this.opts.dir, KUBECONFIG: this.opts.kubeconfigPath };
    for (const e of this.container(name).env ?? []) {
      const field = e.valueFrom?.fieldRef?.fieldPath;
      if (e.value !== undefined) env[e.name] = e.value;
      else if (field === 'metadata.namespace') env[e.name] = this.opts.namespace;
      else if (field === 'metadata.name') env[e.name] = `${this.opts.deployment}-local`;
    }
    return { ...env, ...more };
  }

  /** Runs an init container to its end; throws with its output when it fails. */
  async runToEnd(name: string, run: ContainerRun = {}, timeoutMs = 120_000): Promise<string> {
    this.viewOf(name);
    const argv = this.argv(name, run.extraArgs);
    const [bin, ...args] = run.edit ? run.edit(argv) : argv;
    const env = this.environment(name, run.env);
    const log = join(this.opts.dir, `${name}.log`);
    const code = await new Promise<number | string>((resolve) => {
      const out: Buffer[] = [];
      const p = spawn(bin!, args, { cwd: this.opts.dir, env, stdio: ['ignore', 'pipe', 'pipe'] });
      const timer = setTimeout(() => p.kill('SIGKILL'), timeoutMs);
      p.stdout.on('data', (d: Buffer) => out.push(d));
      p.stderr.on('data', (d: Buffer) => out.push(d));
      p.on('error', (e) => resolve(e.message));
      p.on('close', (c, sig) => {
        clearTimeout(timer);
        writeFileSync(log, Buffer.concat(out));
        resolve(sig ? `killed by ${sig}` : (c ?? 1));
      });
    });
    if (code !== 0) throw new HarnessError(`${this.opts.deployment}/${name} failed (${code}); last lines of ${log}:\n${logTail(log, 15)}`);
    return log;
  }

  /** Starts a long-running container. */
  start(name: string, run: ContainerRun = {}): Service {
    this.viewOf(name);
    const [bin, ...args] = this.argv(name, run.extraArgs);
    const log = join(this.opts.dir, `${name}.log`);
    return startService({ name: `${this.opts.deployment}/${name}`, bin: bin!, args, log, cwd: this.opts.dir, env: this.environment(name, run.env) });
  }
}

/** The files a volume shows, `emptyDir`, or undefined for a Secret that does not exist (yet). */
async function volumeFiles(core: CoreV1Api, namespace: string, v: V1Volume): Promise<Files | 'emptyDir' | undefined> {
  if (v.emptyDir) return 'emptyDir';
  // `items` picks keys and names their files (a path may have folders), as the kubelet lays them out
  const pick = (all: Files, items: Array<{ key: string; path: string }> | undefined, what: string): Files => {
    if (!items) return all;
    const out: Files = {};
    for (const it of items) {
      const data = all[it.key];
      if (data === undefined) throw new HarnessError(`volume ${v.name}: ${what} has no key ${it.key} (the kubelet would not start the pod)`);
      out[it.path] = data;
    }
    return out;
  };
  const configMap = async (name: string, items?: Array<{ key: string; path: string }>): Promise<Files> => {
    const cm = await core.readNamespacedConfigMap({ name, namespace });
    return pick({ ...(cm.data ?? {}) }, items, `ConfigMap ${name}`);
  };
  const secret = async (name: string, optional: boolean, items?: Array<{ key: string; path: string }>): Promise<Files | undefined> => {
    try {
      const s = await core.readNamespacedSecret({ name, namespace });
      return pick(Object.fromEntries(Object.entries(s.data ?? {}).map(([k, b64]) => [k, Buffer.from(b64, 'base64')])), items, `Secret ${name}`);
    } catch (e) {
      if ((e as { code?: number }).code === 404) {
        if (optional) return {};
        return undefined;
      }
      throw e;
    }
  };
  if (v.configMap) return configMap(v.configMap.name!, v.configMap.items);
  if (v.secret) return (await secret(v.secret.secretName!, v.secret.optional ?? false, v.secret.items)) ?? {};
  if (v.projected) {
    const files: Files = {};
    for (const s of v.projected.sources ?? []) {
      if (s.configMap) Object.assign(files, await configMap(s.configMap.name!, s.configMap.items));
      if (s.secret) Object.assign(files, (await secret(s.secret.name!, s.secret.optional ?? false, s.secret.items)) ?? {});
    }
    return files;
  }
  throw new HarnessError(`volume ${v.name}: only configMap, secret, projected and emptyDir volumes run here`);
}
