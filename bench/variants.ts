// Other builds of the post-renderer measured beside this one (`--compare LABEL=DIR`), so that a
// library and the hand-written code it would replace are timed in the same interleaved run.
// `node --import tsx bench/variants.ts COMMIT DIR` builds a commit's dist/ for it.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Case, RunSpec } from './measure.ts';
import { runOnce } from './measure.ts';

export interface Variant {
  label: string;
  /** A dist/ folder holding flytemc-post-renderer.cjs. */
  dist: string;
}

/** `LABEL=DIR` options as variants. */
export function parseVariants(options: string[] | undefined): Variant[] {
  return (options ?? []).map((o) => {
    const eq = o.lastIndexOf('=');
    if (eq <= 0) throw new Error(`--compare ${o}: use LABEL=DIR`);
    const dir = resolve(o.slice(eq + 1));
    // the folder bench/variants.ts built into, a checkout, or its dist/
    const dist = [join(dir, 'repo', 'dist'), join(dir, 'dist'), dir].find((d) => existsSync(join(d, 'flytemc-post-renderer.cjs')));
    if (!dist) throw new Error(`--compare ${o}: no flytemc-post-renderer.cjs in ${dir}, its dist/ or repo/dist/`);
    return { label: o.slice(0, eq), dist };
  });
}

/**
 * The variants as cases of the postrender section, each first run once and required to write
 * exactly the bytes `expected` holds (the same work as this build, checked).
 */
export async function variantCases(variants: Variant[], spec: (bin: string) => RunSpec, expected: string, work: string): Promise<Case[]> {
  const cases: Case[] = [];
  for (const [i, v] of variants.entries()) {
    const out = join(work, `out-variant-${i}.yaml`);
    const s = spec(join(v.dist, 'flytemc-post-renderer.cjs'));
    const r = await runOnce({ ...s, stdout: out }, work);
    if (r.code !== 0) throw new Error(`${v.label} failed: ${r.stderr}`);
    if (!readFileSync(out).equals(readFileSync(expected))) throw new Error(`${v.label} wrote other bytes than flytemc-post-renderer`);
    cases.push({ id: `variant-${i}`, label: `flytemc-post-renderer, ${v.label}`, spec: s });
  }
  return cases;
}

/** Builds `commit` of this repository into `dir` (its dist/ then measurable with --compare). */
function buildCommit(commit: string, dir: string): void {
  const root = join(import.meta.dirname, '..');
  const repo = join(dir, 'repo');
  rmSync(repo, { recursive: true, force: true });
  mkdirSync(repo, { recursive: true });
  execFileSync('sh', ['-c', `git -C "${root}" archive "${commit}" | tar -x -C "${repo}"`], { stdio: 'inherit' });
  symlinkSync(join(root, 'node_modules'), join(repo, 'node_modules'));
  // the build makes the code cache from ../shared's flyte-core render
  if (!existsSync(join(dir, 'shared'))) symlinkSync(resolve(root, '..', 'shared'), join(dir, 'shared'));
  execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: repo, stdio: 'inherit' });
  process.stderr.write(`built ${commit} into ${join(repo, 'dist')}\n`);
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const [commit, dir] = process.argv.slice(2);
  if (!commit || !dir) {
    process.stderr.write('usage: node --import tsx bench/variants.ts COMMIT DIR\n');
    process.exit(2);
  }
  buildCommit(commit, resolve(dir));
}
