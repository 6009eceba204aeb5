// `npm run coverage [-- word...]`: the branch and line coverage of each module of plugin/cluster/,
// plugin/config/ and plugin/postrender/ by its own test file (test/<path>.test.ts) alone, run under
// c8 two files at a time; test/coverage.test.ts runs the same measure in `npm test`.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** The folders whose every module needs a test of its own meeting MIN_BRANCHES. */
export const MEASURED_FOLDERS = ['plugin/cluster', 'plugin/config', 'plugin/postrender'];
/** The branch coverage (%) a module's own test file must reach. */
export const MIN_BRANCHES = 80;
const C8 = join(ROOT, 'node_modules', 'c8', 'bin', 'c8.js');
const PARALLEL = 2;

export interface ModuleCoverage {
  module: string;
  test: string;
  /** The test starts harness clusters (test/harness), so it takes longer. */
  harness: boolean;
  /** undefined when there is no test file or it failed. */
  branches?: number;
  lines?: number;
  /** Why there is no figure: no test of its own, or the test failed (with its output). */
  problem?: string;
}

/** The test of plugin/<path>.ts: test/<path>.test.ts. */
export const mirrorTest = (module: string): string => `test/${module.slice('plugin/'.length).replace(/\.[cm]?[jt]s$/, '')}.test.ts`;

/** Every module of the measured folders, sorted. */
export function measuredModules(): string[] {
  const walk = (dir: string): string[] =>
    readdirSync(join(ROOT, dir), { withFileTypes: true })
      .sort((a, b) => a.name.localeCompare(b.name))
      .flatMap((e) => (e.isDirectory() ? walk(`${dir}/${e.name}`) : /\.[cm]?ts$/.test(e.name) && !/\.d\.[cm]?ts$/.test(e.name) ? [`${dir}/${e.name}`] : []));
  return MEASURED_FOLDERS.flatMap(walk);
}

interface Summary {
  [file: string]: { lines: { pct: number | string }; branches: { pct: number | string } };
}

/** Runs one module's test under c8 with only that module included; the figures, or why there are none. */
function measure(module: string): Promise<ModuleCoverage> {
  const test = mirrorTest(module);
  const row: ModuleCoverage = { module, test, harness: false };
  if (!existsSync(join(ROOT, test))) return Promise.resolve({ ...row, problem: 'no test of its own' });
  row.harness = /from\s+['"][./]*(?:test\/)?harness\//.test(readFileSync(join(ROOT, test), 'utf8'));
  const dir = mkdtempSync(join(tmpdir(), 'flytemc-coverage-'));
  const report = join(dir, 'hooks.jsonl');
  const args = [C8, '--include', module, '--all', '--reporter', 'json-summary', '--report-dir', join(dir, 'report'), '--temp-directory', join(dir, 'v8')];
  const child = spawn(process.execPath, [...args, process.execPath, '--import', 'tsx', test], {
    cwd: ROOT,
    env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1', FLYTEMC_TEST_REPORT: report },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (c) => (out += c));
  child.stderr.on('data', (c) => (out += c));
  return new Promise((done) => {
    child.on('close', (code, signal) => {
      try {
        const hooksFailed = existsSync(report) && readFileSync(report, 'utf8').trim() !== '';
        if (code !== 0 || hooksFailed) return done({ ...row, problem: `the test failed (exit ${signal ?? code}):\n${out.trimEnd()}` });
        const summary = JSON.parse(readFileSync(join(dir, 'report', 'coverage-summary.json'), 'utf8')) as Summary;
        const own = Object.entries(summary).find(([f]) => f !== 'total' && relative(ROOT, f) === module)?.[1];
        if (!own) return done({ ...row, problem: `c8 reported no figure for ${module}` });
        done({ ...row, branches: Number(own.branches.pct), lines: Number(own.lines.pct) });
      } catch (e) {
        done({ ...row, problem: `no coverage report: ${(e as Error).message}\n${out.trimEnd()}` });
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });
}

/** Measures the given modules, PARALLEL at a time, in their order. */
export async function measureAll(modules: string[]): Promise<ModuleCoverage[]> {
  const rows: ModuleCoverage[] = new Array(modules.length);
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < modules.length; i = next++) rows[i] = await measure(modules[i]!);
  };
  await Promise.all(Array.from({ length: PARALLEL }, worker));
  return rows;
}

/** Whether a module meets the measure: a test of its own, passing, covering MIN_BRANCHES % of its branches. */
export const meets = (r: ModuleCoverage): boolean => r.branches !== undefined && r.branches >= MIN_BRANCHES;

/** The table: module, branches %, lines %, and what is missing. */
export function formatTable(rows: ModuleCoverage[]): string {
  const cells = rows.map((r) => [
    r.module,
    r.branches === undefined ? '-' : r.branches.toFixed(1),
    r.lines === undefined ? '-' : r.lines.toFixed(1),
    `${r.problem ? r.problem.split('\n')[0]! : meets(r) ? 'ok' : `below ${MIN_BRANCHES}% branches`}${r.harness ? ' (the test starts harness clusters)' : ''}`,
  ]);
  const all = [['module', 'branches %', 'lines %', 'result'], ...cells];
  const widths = all[0]!.map((_, i) => Math.max(...all.map((c) => c[i]!.length)));
  return all
    .map((c) =>
      c
        .map((x, i) => (i === 1 || i === 2 ? x.padStart(widths[i]!) : x.padEnd(widths[i]!)))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const words = process.argv.slice(2);
  const modules = measuredModules().filter((m) => words.length === 0 || words.some((w) => m.includes(w)));
  if (modules.length === 0) {
    process.stderr.write(`no module of ${MEASURED_FOLDERS.join(', ')} matches ${words.join(', ')}\n`);
    process.exit(2);
  }
  const rows = await measureAll(modules);
  for (const r of rows) if (r.problem?.includes('\n')) process.stderr.write(`\n== ${r.test}\n${r.problem}\n`);
  process.stdout.write(
    `${formatTable(rows)}\n\n${rows.filter(meets).length} of ${rows.length} modules meet the measure (own test, >= ${MIN_BRANCHES}% branches)\n`,
  );
  process.exitCode = rows.every(meets) ? 0 : 1;
}
