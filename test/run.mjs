#!/usr/bin/env node
// Runs every test/**/*.test.ts file in its own Node process (uvu + tsx), streams its output and
// ends with the one line CI reads: `N passed, N failed`. The rules (proved by test/runner.test.ts):
//   - counts come from uvu's final summary block only (the last `Total/Passed/Skipped/Duration`
//     lines of the file's output), never from a line a test printed;
//   - uvu's Total leaves skipped tests out: failed = Total - Passed (failures and tests that did
//     not run), skipped is reported on its own and never cancels a failure;
//   - a file with no test, without a summary, with a count that does not parse or does not add up,
//     or that exits non-zero is a failure;
//   - a `before`/`after` hook that throws (recorded by test/helpers/uvu.ts in FLYTEMC_TEST_REPORT)
//     is printed and counted as a failure; a test file must import uvu through that helper.
//   node test/run.mjs                 all files under test/
//   node test/run.mjs chart e2e       only files whose path contains one of the words
//   node test/run.mjs --dir DIR ...   the test files under DIR instead (the runner's self-test)
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
let dir = join(root, 'test');
const d = args.indexOf('--dir');
if (d >= 0) {
  dir = resolve(args[d + 1] ?? '.');
  args.splice(d, 2);
}
const filters = args;

/**
 * @param {string} folder
 * @returns {string[]}
 */
function find(folder) {
  /** @type {string[]} */
  const out = [];
  for (const name of readdirSync(folder).sort()) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    const p = join(folder, name);
    if (statSync(p).isDirectory()) out.push(...find(p));
    else if (name.endsWith('.test.ts')) out.push(p);
  }
  return out;
}

/** @param {string} f */
const show = (f) => relative(root, f) || f;
const files = find(dir).filter((f) => filters.length === 0 || filters.some((w) => show(f).includes(w)));

// uvu's summary, as its exec() writes it last: Total, Passed, Skipped, Duration on four lines.
const SUMMARY = /\n {2}Total: {5}(\S*)\n {2}Passed: {4}(\S*)\n {2}Skipped: {3}(\S*)\n {2}Duration: {2}\S+\n/g;
const DIRECT_UVU = /^\s*import\b[^\n]*\bfrom\s+['"]uvu['"]/m;

/** @typedef {{ hook: string; suite: string; message: string }} HookFailure a line of FLYTEMC_TEST_REPORT */
/** @typedef {{ passed: number; failed: number; skipped: number; problems: string[] }} Verdict */

/**
 * Reads one file's result from its output, exit and hook report.
 * @param {{ out: string; code: number | null; signal: NodeJS.Signals | null; hooks: HookFailure[]; source: string }} run
 * @returns {Verdict}
 */
function judge({ out, code, signal, hooks, source }) {
  /** @type {string[]} */
  const problems = [];
  if (DIRECT_UVU.test(source)) problems.push("imports uvu directly: import { test, suite } from './helpers/uvu.ts' (it reports failing hooks)");
  const blocks = [...out.matchAll(SUMMARY)];
  const last = blocks.at(-1);
  for (const h of hooks) problems.push(`${h.hook} hook${h.suite ? ` of suite "${h.suite}"` : ''} failed: ${h.message}`);
  if (!last) {
    problems.push(`exited ${signal ?? code} without uvu's summary`);
    return { passed: 0, failed: problems.length, skipped: 0, problems };
  }
  const [total = NaN, passed = NaN, skipped = NaN] = last.slice(1, 4).map((s) => (/^\d+$/.test(s) ? Number(s) : NaN));
  if (![total, passed, skipped].every(Number.isInteger) || passed > total) {
    problems.push(`uvu's summary does not add up (Total ${last[1]}, Passed ${last[2]}, Skipped ${last[3]})`);
    return { passed: 0, failed: problems.length, skipped: 0, problems };
  }
  let failed = total - passed + problems.length;
  if (total - passed > 0 && hooks.length) problems.push(`${total - passed} test(s) did not pass or did not run`);
  if (total === 0 && skipped === 0) {
    problems.push('the file has no test');
    failed += 1;
  }
  if (code !== 0 && failed === 0) {
    problems.push(`exited ${signal ?? code} after its summary`);
    failed = 1;
  }
  return { passed, failed, skipped, problems };
}

/**
 * @param {string} file
 * @param {string} reportDir
 * @param {number} index
 * @returns {Promise<Verdict>}
 */
function runFile(file, reportDir, index) {
  return new Promise((done) => {
    const started = Date.now();
    const report = join(reportDir, `${index}.jsonl`);
    const child = spawn(process.execPath, ['--import', 'tsx', file], {
      cwd: root,
      env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1', FLYTEMC_TEST_REPORT: report },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      process.stdout.write(chunk);
    });
    child.stderr.on('data', (chunk) => process.stderr.write(chunk));
    child.on('close', (code, signal) => {
      let hooks = [];
      try {
        hooks = readFileSync(report, 'utf8')
          .split('\n')
          .filter(Boolean)
          .map((l) => JSON.parse(l));
      } catch {
        /* no hook failed */
      }
      const r = judge({ out, code, signal, hooks, source: readFileSync(file, 'utf8') });
      const secs = ((Date.now() - started) / 1000).toFixed(1);
      for (const p of r.problems) console.log(`!! ${show(file)}: ${p}`);
      console.log(`-- ${show(file)}: ${r.passed} passed, ${r.failed} failed${r.skipped ? `, ${r.skipped} skipped` : ''} [${secs}s]`);
      done(r);
    });
  });
}

const reportDir = mkdtempSync(join(tmpdir(), 'flytemc-test-report-'));
let passed = 0;
let failed = 0;
let skipped = 0;
try {
  for (const [i, f] of files.entries()) {
    console.log(`\n== ${show(f)}`);
    const r = await runFile(f, reportDir, i);
    passed += r.passed;
    failed += r.failed;
    skipped += r.skipped;
  }
} finally {
  rmSync(reportDir, { recursive: true, force: true });
}
if (files.length === 0) {
  console.log(`no test files${filters.length ? ` match ${filters.join(', ')}` : ` under ${show(dir)}`}`);
  failed += 1;
}
if (skipped) console.log(`\n${skipped} skipped (not counted as passed)`);
console.log(`\n${passed} passed, ${failed} failed`);
process.exitCode = failed === 0 ? 0 : 1;
