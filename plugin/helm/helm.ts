// The user's Helm: which binary, which major version, where its folders are, and running it.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, realpathSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { error, EXIT, FlytemcError } from '../problems/problems.ts';
import { redact } from '../problems/mask.ts';
import { debug } from '../cli/shell.ts';

export interface HelmInfo {
  bin: string;
  major: number;
  version: string;
}

const cache = new Map<string, HelmInfo>();

// Helm's plugin contract. `helm flytemc …` runs us with Helm's own flags taken out of our
// arguments (even after `--`) and passed as variables: -n/--namespace → HELM_NAMESPACE (always
// set: the flag, else the kube context's namespace, else `default`, as for `helm install`),
// --kube-context → HELM_KUBECONTEXT, --kubeconfig → KUBECONFIG, --debug → HELM_DEBUG, and
// HELM_BIN names the Helm that runs us. A flag that does reach flytemc (`flytemc … -n NS`) wins.

/** A setting and where it came from (for --debug). */
interface Setting {
  value: string;
  from: string;
}

/** The namespace: --namespace, else HELM_NAMESPACE (Helm's), else `fallback` (flytemc alone: flyte). */
export function namespaceSetting(flag: string | undefined, fallback = 'flyte'): Setting {
  const s: Setting = flag
    ? { value: flag, from: '--namespace' }
    : process.env.HELM_NAMESPACE
      ? { value: process.env.HELM_NAMESPACE, from: "HELM_NAMESPACE (Helm's -n, else the context's namespace, else default)" }
      : { value: fallback, from: "flytemc's default" };
  debug(`namespace ${s.value} (from ${s.from})`);
  return s;
}

/** The kube context: --kube-context, else HELM_KUBECONTEXT (Helm's --kube-context); none means the kubeconfig's current one. */
export function kubeContextSetting(flag: string | undefined): Setting | undefined {
  const s: Setting | undefined = flag
    ? { value: flag, from: '--kube-context' }
    : process.env.HELM_KUBECONTEXT
      ? { value: process.env.HELM_KUBECONTEXT, from: "HELM_KUBECONTEXT (Helm's --kube-context)" }
      : undefined;
  debug(s ? `kube context ${s.value} (from ${s.from})` : "kube context: the kubeconfig's current context");
  return s;
}

/** The Helm that runs us (HELM_BIN, set by Helm for plugins), else FLYTEMC_HELM, else `helm` on PATH. */
function helmBin(explicit?: string): string {
  return explicit || process.env.HELM_BIN || process.env.FLYTEMC_HELM || 'helm';
}

export function detectHelm(explicit?: string): HelmInfo {
  const bin = helmBin(explicit);
  const hit = cache.get(bin);
  if (hit) return hit;
  const r = spawnSync(bin, ['version', '--short'], { encoding: 'utf8' });
  if (r.error || r.status !== 0) {
    const why = r.error
      ? (r.error as NodeJS.ErrnoException).code === 'ENOENT'
        ? 'not found'
        : r.error.message
      : (r.stderr || '').trim() || `exit ${r.status}`;
    throw new FlytemcError(
      [error({ code: 'helm.missing', subject: bin }, `cannot run Helm (${why})`, 'install Helm 3.17+ or 4, put it on PATH, or run this as `helm flytemc ...`')],
      EXIT.usage,
    );
  }
  const version = (r.stdout || '').trim();
  const m = /^v(\d+)\./.exec(version);
  if (!m)
    throw new FlytemcError(
      [error({ code: 'helm.version', subject: bin }, `unexpected \`helm version --short\` output ${JSON.stringify(version)}`, 'use Helm 3.17+ or Helm 4')],
      EXIT.usage,
    );
  const info = { bin, major: Number(m[1]), version };
  cache.set(bin, info);
  return info;
}

/** `helm env` as a map (HELM_DATA_HOME, HELM_PLUGINS, ...); the variables Helm gave us win. */
export function helmEnv(info: HelmInfo): Record<string, string> {
  const r = spawnSync(info.bin, ['env'], { encoding: 'utf8' });
  const out: Record<string, string> = {};
  for (const line of (r.stdout || '').split('\n')) {
    const m = /^([A-Z_]+)="(.*)"$/.exec(line.trim());
    if (m) out[m[1]!] = m[2]!;
  }
  for (const k of ['HELM_DATA_HOME', 'HELM_PLUGINS', 'HELM_CACHE_HOME', 'HELM_CONFIG_HOME']) {
    if (process.env[k]) out[k] = process.env[k]!;
  }
  if (!out.HELM_DATA_HOME) out.HELM_DATA_HOME = join(process.env.XDG_DATA_HOME || join(homedir(), '.local', 'share'), 'helm');
  if (!out.HELM_PLUGINS) out.HELM_PLUGINS = join(out.HELM_DATA_HOME, 'plugins');
  return out;
}

/**
 * The flytemc plugin's own folder (plugin.yaml, dist/, charts/): HELM_PLUGIN_DIR when Helm runs
 * us (as Helm names it, not resolved: what setup links to then dangles, and is cleaned up by the
 * delete hook, once `helm plugin uninstall` removes it), else found upwards from the running
 * program (dist/flytemc.mjs).
 */
export function pluginRoot(): string {
  const fromHelm = process.env.HELM_PLUGIN_NAME === 'flytemc' ? process.env.HELM_PLUGIN_DIR : undefined;
  if (fromHelm && existsSync(join(fromHelm, 'dist'))) return fromHelm;
  let dir = dirname(realpathSync(process.argv[1] ?? '.'));
  for (let i = 0; i < 5; i++) {
    if (existsSync(join(dir, 'plugin.yaml')) && existsSync(join(dir, 'dist', 'flytemc-post-renderer.cjs'))) return dir;
    const up = dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  throw new FlytemcError(
    [
      error(
        { code: 'helm.plugin-folder', subject: 'flytemc' },
        'cannot find the flytemc plugin folder (plugin.yaml next to dist/)',
        'run it as `helm flytemc ...` after `helm plugin install`, or from a built checkout (node scripts/build.mjs)',
      ),
    ],
    EXIT.usage,
  );
}

/** Quotes an argument for display as a shell command. */
export function shellQuote(a: string): string {
  return /^[-\w./:=@,+%]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`;
}

interface RunResult {
  code: number;
  stderr: string;
}

/**
 * Runs Helm with stdio passed through; its stderr is also captured, to explain failures, and
 * shown line by line with secrets masked (an API server's answer may quote what it was sent).
 */
export function runHelmPassthrough(bin: string, args: string[], env: NodeJS.ProcessEnv): Promise<RunResult> {
  return new Promise((resolve) => {
    const child = spawn(bin, args, { env, stdio: ['inherit', 'inherit', 'pipe'] });
    let stderr = '';
    let shown = 0;
    const show = (all: boolean) => {
      const end = all ? stderr.length : stderr.lastIndexOf('\n') + 1;
      if (end > shown) process.stderr.write(redact(stderr.slice(shown, end)));
      shown = Math.max(shown, end);
    };
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString('utf8');
      show(false);
    });
    child.on('error', (e) => resolve({ code: 127, stderr: String(e.message) }));
    child.on('close', (code) => {
      show(true);
      resolve({ code: code ?? 1, stderr });
    });
  });
}
