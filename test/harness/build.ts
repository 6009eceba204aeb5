// Builds (once) and caches the real Kubernetes control-plane binaries the test harness runs:
// etcd, kube-apiserver and kube-controller-manager, from the Go module proxy at the versions
// pinned in ./gomod/go.mod. The cache folder is keyed by the Kubernetes version:
//   ${FLYTEMC_CACHE:-~/.cache/flytemc}/k8s-<version>/bin/{etcd,kube-apiserver,kube-controller-manager}
// A build writes to a temporary folder next to it and renames it into place, so a killed build
// never leaves a half-filled cache. A lock folder keeps two concurrent builds from racing.
//
//   node --import tsx test/harness/build.ts     builds if missing, prints the folder
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const GOMOD_DIR = join(dirname(fileURLToPath(import.meta.url)), 'gomod');

export interface Binaries {
  /** The folder holding the three binaries. */
  dir: string;
  etcd: string;
  kubeApiserver: string;
  kubeControllerManager: string;
  /** Kubernetes version, e.g. `v1.35.4` (read from gomod/go.mod). */
  version: string;
}

/** A failure the user can act on: printed without a stack trace by the CLI. */
export class HarnessError extends Error {
  override name = 'HarnessError';
}

function requiredVersion(modulePath: string): string {
  const gomod = readFileSync(join(GOMOD_DIR, 'go.mod'), 'utf8');
  const esc = modulePath.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const m = gomod.match(new RegExp(`^\\s*(?:require\\s+)?${esc}\\s+(v\\S+)`, 'm'));
  if (!m?.[1]) throw new HarnessError(`${join(GOMOD_DIR, 'go.mod')} does not require ${modulePath}`);
  return m[1];
}

/** Kubernetes version pinned in gomod/go.mod, e.g. `v1.35.4`. */
export function kubernetesVersion(): string {
  return requiredVersion('k8s.io/kubernetes');
}

/** etcd server version pinned in gomod/go.mod, e.g. `v3.6.5`. */
export function etcdVersion(): string {
  return requiredVersion('go.etcd.io/etcd/server/v3');
}

/** Root of the cache: `$FLYTEMC_CACHE`, else `~/.cache/flytemc`. */
export function cacheRoot(): string {
  const env = process.env.FLYTEMC_CACHE;
  return env && env.trim() !== '' ? env : join(homedir(), '.cache', 'flytemc');
}

/** The version-keyed binary folder, e.g. `~/.cache/flytemc/k8s-v1.35.4/bin`. */
export function binDir(version = kubernetesVersion()): string {
  return join(cacheRoot(), `k8s-${version}`, 'bin');
}

function binariesIn(dir: string, version: string): Binaries {
  return {
    dir,
    etcd: join(dir, 'etcd'),
    kubeApiserver: join(dir, 'kube-apiserver'),
    kubeControllerManager: join(dir, 'kube-controller-manager'),
    version,
  };
}

function complete(b: Binaries): boolean {
  return [b.etcd, b.kubeApiserver, b.kubeControllerManager].every((f) => {
    try {
      const s = statSync(f);
      return s.isFile() && (s.mode & 0o111) !== 0 && s.size > 0;
    } catch {
      return false;
    }
  });
}

/** The binaries if they are already cached, else undefined. Never builds. */
export function cachedBinaries(): Binaries | undefined {
  const version = kubernetesVersion();
  const b = binariesIn(binDir(version), version);
  return complete(b) ? b : undefined;
}

/** `-ldflags` for the build: strip symbols and stamp the version the API server reports
 * (`/version`, which Helm reads as .Capabilities.KubeVersion). */
export function ldflags(version = kubernetesVersion()): string {
  const m = version.match(/^v(\d+)\.(\d+)\./);
  const flags = ['-s', '-w'];
  for (const pkg of ['k8s.io/client-go/pkg/version', 'k8s.io/component-base/version']) {
    flags.push(`-X ${pkg}.gitVersion=${version}`, `-X ${pkg}.gitTreeState=clean`);
    if (m) flags.push(`-X ${pkg}.gitMajor=${m[1]}`, `-X ${pkg}.gitMinor=${m[2]}`);
  }
  return flags.join(' ');
}

export const PACKAGES = ['go.etcd.io/etcd/server/v3', 'k8s.io/kubernetes/cmd/kube-apiserver', 'k8s.io/kubernetes/cmd/kube-controller-manager'];

/** The `go build` argument list (run in GOMOD_DIR) that writes the binaries to `outDir`. */
export function goBuildArgs(outDir: string, version = kubernetesVersion()): string[] {
  return ['build', '-trimpath', `-ldflags=${ldflags(version)}`, '-o', outDir + '/', ...PACKAGES];
}

export function run(cmd: string, args: string[], cwd: string, log: (line: string) => void, env: NodeJS.ProcessEnv = process.env): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let tail = '';
    const onData = (d: Buffer) => {
      const s = d.toString();
      tail = (tail + s).slice(-4000);
      for (const line of s.split('\n')) if (line.trim()) log(line);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('error', (e: NodeJS.ErrnoException) => {
      reject(
        new HarnessError(
          e.code === 'ENOENT'
            ? `'${cmd}' was not found on PATH: the harness builds etcd and Kubernetes with Go (>= 1.25)`
            : `could not run ${cmd}: ${e.message}`,
        ),
      );
    });
    child.on('close', (code, signal) => {
      if (code === 0) resolve();
      else reject(new HarnessError(`${cmd} ${args[0] ?? ''} failed (${signal ?? `exit ${code}`}):\n${tail.trim()}`));
    });
  });
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** A lock folder holding our PID; a lock left by a dead process is taken over. */
export async function withLock<T>(lockDir: string, log: (line: string) => void, fn: () => Promise<T>): Promise<T> {
  mkdirSync(dirname(lockDir), { recursive: true });
  let announced = false;
  for (;;) {
    try {
      mkdirSync(lockDir);
      writeFileSync(join(lockDir, 'pid'), String(process.pid));
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      let holder = NaN;
      try {
        holder = Number(readFileSync(join(lockDir, 'pid'), 'utf8'));
      } catch {
        /* being written, or stale without pid */
      }
      const ageMs = Date.now() - (statSync(lockDir, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
      if ((Number.isInteger(holder) && !pidAlive(holder)) || (!Number.isInteger(holder) && ageMs > 10_000)) {
        rmSync(lockDir, { recursive: true, force: true });
        continue;
      }
      if (!announced) log(`waiting for another build (pid ${holder}) holding ${lockDir}`);
      announced = true;
      await new Promise((r) => setTimeout(r, 2000));
    }
  }
  try {
    return await fn();
  } finally {
    rmSync(lockDir, { recursive: true, force: true });
  }
}

export interface EnsureOptions {
  /** Progress lines (the go build output); default: stderr. */
  log?: (line: string) => void;
}

/**
 * Returns the cached binaries, building them first if they are missing. The first build takes
 * ~5 minutes on 2 cores (plus module downloads); a cached call takes milliseconds.
 */
export async function ensureBinaries(opts: EnsureOptions = {}): Promise<Binaries> {
  const log = opts.log ?? ((l: string) => process.stderr.write(`[k8s build] ${l}\n`));
  const version = kubernetesVersion();
  const dir = binDir(version);
  const hit = binariesIn(dir, version);
  if (complete(hit)) return hit;
  const versionDir = dirname(dir);
  return withLock(join(versionDir, '.lock'), log, async () => {
    if (complete(hit)) return hit; // built by whoever held the lock
    mkdirSync(versionDir, { recursive: true });
    const tmp = mkdtempSync(join(versionDir, '.bin-tmp-'));
    try {
      const started = Date.now();
      log(`building etcd ${etcdVersion()} and Kubernetes ${version} into ${dir} (first time only; several minutes)`);
      await run('go', goBuildArgs(tmp, version), GOMOD_DIR, log);
      renameSync(join(tmp, 'server'), join(tmp, 'etcd'));
      const built = binariesIn(tmp, version);
      if (!complete(built)) throw new HarnessError(`go build finished but ${tmp} lacks a binary`);
      chmodSync(tmp, 0o755);
      rmSync(dir, { recursive: true, force: true });
      renameSync(tmp, dir);
      log(`built in ${((Date.now() - started) / 1000).toFixed(0)}s`);
      return hit;
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  });
}

// Run directly: build if needed and print the folder.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  ensureBinaries().then(
    (b) => {
      console.log(b.dir);
      if (!existsSync(b.etcd)) process.exitCode = 1;
    },
    (e: unknown) => {
      console.error(e instanceof HarnessError ? `error: ${e.message}` : e);
      process.exitCode = 1;
    },
  );
}
