// The cases the bench runs: the post-renderer's and kustomize's command lines, the generated
// inputs, and each case run once and checked before it is timed.
import { readFileSync, readdirSync, rmSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkOutput } from './check.ts';
import { CONTROLPLANE, THREE_CLUSTERS, clustersConfig, stream } from './gen.ts';
import { parseExplain, writeKustomization, type KustomizeStyle } from './kustomize.ts';
import { runOnce, type Case, type Measured, type RunSpec } from './measure.ts';
import { objects } from '../test/helpers/manifests.ts';

export const ROOT = join(import.meta.dirname, '..');
export const RESULTS = join(ROOT, 'bench', 'results');
export const WORK = join(RESULTS, 'work');
export const BIN = join(ROOT, 'dist', 'flytemc-post-renderer.cjs');
const CLI = join(ROOT, 'dist', 'flytemc.mjs');
export const NODE = process.execPath;

export function log(s: string) {
  process.stderr.write(s + '\n');
}

export const ours = (config: string, input: string, extra: string[] = []): RunSpec => ({ argv: [NODE, BIN, '--config', config, ...extra], stdin: input });
/** The same through the CLI: `flytemc post-render --config FILE`, the same input on standard input. */
export const oursCli = (config: string, input: string): RunSpec => ({ argv: [NODE, CLI, 'post-render', '--config', config], stdin: input });
export const oursOut = (input: Input, config: Config) => join(WORK, `out-ours-${input.id}-${config.id}.yaml`);
const kustomize = (dir: string, timeoutMs: number): RunSpec => ({ argv: ['kubectl', 'kustomize', dir], timeoutMs });

export interface Input {
  id: string;
  file: string;
  docs: number;
  bytes: number;
}
export interface Config {
  id: string;
  file: string;
  clusters: number;
  bytes: number;
}

export function writeInputs(docsList: number[], clustersList: number[]): { inputs: Map<number, Input>; configs: Map<number, Config> } {
  mkdirSync(WORK, { recursive: true });
  // a fresh work folder (join.ts looks after its clusters' folder itself)
  for (const f of readdirSync(WORK)) if (f !== 'join-clusters') rmSync(join(WORK, f), { recursive: true, force: true });
  const base = readFileSync(CONTROLPLANE, 'utf8');
  const inputs = new Map<number, Input>();
  const baseDocs = objects(base).length;
  inputs.set(baseDocs, { id: 'flyte-core', file: CONTROLPLANE, docs: baseDocs, bytes: Buffer.byteLength(base) });
  for (const n of docsList) {
    const file = join(WORK, `stream-${n}.yaml`);
    const text = stream(n, base);
    writeFileSync(file, text);
    inputs.set(n, { id: `docs-${n}`, file, docs: n, bytes: Buffer.byteLength(text) });
  }
  const configs = new Map<number, Config>();
  configs.set(3, { id: 'clusters-3', file: THREE_CLUSTERS, clusters: 3, bytes: readFileSync(THREE_CLUSTERS).length });
  for (const n of clustersList) {
    const file = join(WORK, `clusters-${n}.yaml`);
    const text = clustersConfig(n);
    writeFileSync(file, text);
    configs.set(n, { id: `clusters-${n}`, file, clusters: n, bytes: Buffer.byteLength(text) });
  }
  return { inputs, configs };
}

/** Runs ours once to a file and checks it; returns its --explain patches (for kustomize). */
export async function verifyOurs(input: Input, config: Config) {
  const out = oursOut(input, config);
  const r = await runOnce({ ...ours(config.file, input.file), stdout: out }, WORK);
  if (r.code !== 0) throw new Error(`ours failed on ${input.id} with ${config.id}: ${r.stderr}`);
  const problems = checkOutput(readFileSync(out, 'utf8'), config.clusters, input.docs);
  if (problems.length) throw new Error(`ours on ${input.id} with ${config.id}: ${problems.join('; ')}`);
  const ex = join(WORK, `explain-${input.id}-${config.id}.txt`);
  const e = await runOnce({ ...ours(config.file, input.file, ['--explain']), stdout: ex }, WORK);
  if (e.code !== 0) throw new Error(`ours --explain failed: ${e.stderr}`);
  return parseExplain(readFileSync(ex, 'utf8'));
}

let containerNames: ((d: string, list: string, i: number) => string) | undefined;
function containerName(deployment: string, list: string, index: number): string {
  if (!containerNames) {
    const objs = objects(readFileSync(CONTROLPLANE, 'utf8'));
    containerNames = (d, l, i) => {
      const dep = objs.find((o) => o.kind === 'Deployment' && o.metadata?.name === d);
      const name = dep?.spec?.template?.spec?.[l]?.[i]?.name;
      if (!name) throw new Error(`no ${l}[${i}] in Deployment ${d}`);
      return name;
    };
  }
  return containerNames(deployment, list, index);
}

/**
 * A kustomize case: writes its folder, runs it once to a file and checks it. A run that is over
 * `oneShotMs` is not repeated: that first run is its figure (or "> limit" when it was stopped).
 */
export async function kustomizeCase(
  style: KustomizeStyle,
  input: Input,
  config: Config,
  patches: ReturnType<typeof parseExplain>,
  timeoutMs: number,
  oneShotMs: number,
  results: Map<string, Measured>,
): Promise<Case | undefined> {
  const id = `kustomize-${style}-${input.id}-${config.id}`;
  const label = `kustomize (${style === 'smp' ? 'strategic merge' : 'JSON 6902'})`;
  const dir = join(WORK, id);
  writeKustomization(dir, style, input.file, patches, containerName);
  const out = join(WORK, `out-${id}.yaml`);
  const r = await runOnce({ ...kustomize(dir, timeoutMs), stdout: out }, WORK);
  const m: Measured = { id, label, ms: [], rssMiB: [], cpuMs: [], timedOut: r.timedOut, timeoutMs };
  if (r.timedOut) {
    log(`  ${id}: over the ${timeoutMs / 1000} s limit on its first run, not repeated`);
    results.set(id, m);
    return undefined;
  }
  if (r.code !== 0) throw new Error(`${id} failed: ${r.stderr}`);
  const problems = checkOutput(readFileSync(out, 'utf8'), config.clusters, input.docs);
  if (problems.length) throw new Error(`${id}: ${problems.join('; ')}`);
  if (r.ms > oneShotMs) {
    log(`  ${id}: ${(r.ms / 1000).toFixed(1)} s on its first run, not repeated`);
    m.ms.push(r.ms);
    if (r.rssMiB !== undefined) m.rssMiB.push(r.rssMiB);
    if (r.cpuMs !== undefined) m.cpuMs.push(r.cpuMs);
    results.set(id, m);
    return undefined;
  }
  return { id, label, spec: kustomize(dir, timeoutMs), oneShotAfterMs: oneShotMs };
}
