// Real kustomize for tests, offline but for the Go module proxy:
//   - kubectl's built-in kustomize: `kubectl kustomize` of the kubectl shipped with each Helm
//     layer (kubectl 1.32 → kustomize v5.5.0 next to Helm 3; 1.35 → v5.7.1 next to Helm 4);
//   - the standalone `sigs.k8s.io/kustomize/kustomize/v5`, built once from the Go module proxy
//     (`go install`, ~80 s cold on 2 cores, 100 MB of modules) into
//     ${FLYTEMC_CACHE:-~/.cache/flytemc}/kustomize-<version>/kustomize, with a lock so that
//     parallel test files build it once, and a temporary folder renamed into place.
//
//   kustomizeBinary()                 async; the standalone binary's path (builds it if missing)
//   kustomize(bin, args, opts)        runs it; {code, stdout, stderr}, never rejects
//   kubectlKustomize(major, dir, ...) `kubectl kustomize --enable-helm DIR` with that Helm on PATH
import { chmodSync, existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, statSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';
import { cacheRoot, run, withLock } from '../harness/build.ts';
import { ROOT, helmBinary, kubectlBinary, type HelmMajor } from './helm.ts';
import { runProcess, type ProcResult } from './process.ts';

export const KUSTOMIZE_MODULE = 'sigs.k8s.io/kustomize/kustomize/v5';
/** The newest release the machine's Go builds (v5.8.3 wants Go 1.27). */
export const KUSTOMIZE_VERSION = 'v5.8.2';

const ready = (f: string) => existsSync(f) && statSync(f).size > 0;

export async function kustomizeBinary(log: (line: string) => void = (l) => process.stderr.write(`[kustomize build] ${l}\n`)): Promise<string> {
  const dir = join(cacheRoot(), `kustomize-${KUSTOMIZE_VERSION}`);
  const bin = join(dir, 'kustomize');
  if (ready(bin)) return bin;
  return withLock(`${dir}.lock`, log, async () => {
    if (ready(bin)) return bin;
    mkdirSync(dirname(dir), { recursive: true });
    const tmp = mkdtempSync(`${dir}.tmp-`);
    try {
      const started = Date.now();
      log(`building ${KUSTOMIZE_MODULE}@${KUSTOMIZE_VERSION} into ${dir} (first time only)`);
      await run('go', ['install', '-trimpath', '-ldflags=-s -w', `${KUSTOMIZE_MODULE}@${KUSTOMIZE_VERSION}`], tmp, log, {
        ...process.env,
        GOBIN: tmp,
        GOTOOLCHAIN: 'local',
        GOFLAGS: '',
      });
      if (!ready(join(tmp, 'kustomize'))) throw new Error(`go install finished but ${tmp} has no kustomize`);
      chmodSync(tmp, 0o755); // mkdtemp made it 0700
      rmSync(dir, { recursive: true, force: true });
      renameSync(tmp, dir);
      log(`built in ${((Date.now() - started) / 1000).toFixed(0)} s`);
      return bin;
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  });
}

export interface KustomizeRun {
  /** The Helm whose binary is `helm` on PATH (kustomize's --enable-helm runs `helm`). */
  helm?: HelmMajor;
  cwd?: string;
  env?: NodeJS.ProcessEnv;
}

function envWithHelm(o: KustomizeRun): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...(o.env ?? process.env) };
  for (const k of Object.keys(env)) if (k.startsWith('HELM_') || k === 'KUBECONFIG') delete env[k];
  if (o.helm) env.PATH = `${dirname(helmBinary(o.helm))}${delimiter}${env.PATH ?? ''}`;
  return env;
}

export function kustomize(bin: string, args: readonly string[], o: KustomizeRun = {}): Promise<ProcResult> {
  return runProcess(bin, args, { env: envWithHelm(o), cwd: o.cwd ?? ROOT, timeoutMs: 120_000 });
}

/**
 * `kubectl kustomize --enable-helm DIR` with the kubectl of one layer (1.32 next to Helm 3, 1.35
 * next to Helm 4) and the Helm of `o.helm` on PATH (default Helm 3: kustomize before v5.8, which
 * both kubectls embed, runs `helm version -c`, a flag Helm 4 dropped).
 */
export function kubectlKustomize(kubectl: HelmMajor, dir: string, o: KustomizeRun = {}): Promise<ProcResult> {
  return runProcess(kubectlBinary(kubectl), ['kustomize', '--enable-helm', dir], {
    env: envWithHelm({ helm: 3, ...o }),
    cwd: o.cwd ?? ROOT,
    timeoutMs: 120_000,
  });
}
