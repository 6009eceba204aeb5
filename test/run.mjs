#!/usr/bin/env node
// Runs every test/**/*.test.ts file in its own Node process (uvu + tsx), streams its output,
// reads uvu's per-file summary and ends with the one line CI reads: `N passed, N failed`.
// A file that crashes before uvu's summary counts as one failure.
//   node test/run.mjs            all files
//   node test/run.mjs chart e2e  only files whose path contains one of the words
import { spawn } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const filters = process.argv.slice(2);

function find(dir) {
  const out = [];
  for (const name of readdirSync(dir).sort()) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...find(p));
    else if (name.endsWith('.test.ts')) out.push(p);
  }
  return out;
}

const files = find(join(root, 'test')).filter(
  (f) => filters.length === 0 || filters.some((w) => relative(root, f).includes(w)),
);

function runFile(file) {
  return new Promise((resolve) => {
    const started = Date.now();
    const child = spawn(process.execPath, ['--import', 'tsx', file], {
      cwd: root,
      env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d) => { out += d; process.stdout.write(d); });
    child.stderr.on('data', (d) => { process.stderr.write(d); });
    child.on('close', (code, signal) => {
      const num = (label) => {
        const m = out.match(new RegExp(`${label}:\\s+(\\d+)`));
        return m ? Number(m[1]) : undefined;
      };
      const total = num('Total');
      const passed = num('Passed');
      const skipped = num('Skipped') ?? 0;
      const secs = ((Date.now() - started) / 1000).toFixed(1);
      if (total === undefined || passed === undefined) {
        console.log(`\n!! ${relative(root, file)}: exited ${signal ?? code} without a test summary (counted as 1 failure) [${secs}s]`);
        resolve({ passed: 0, failed: 1, skipped: 0 });
        return;
      }
      let failed = total - passed - skipped;
      if (code !== 0 && failed === 0) failed = 1; // uvu set a failing exit code after its summary
      console.log(`-- ${relative(root, file)}: ${passed} passed, ${failed} failed [${secs}s]`);
      resolve({ passed, failed, skipped });
    });
  });
}

let passed = 0, failed = 0, skipped = 0;
for (const f of files) {
  console.log(`\n== ${relative(root, f)}`);
  const r = await runFile(f);
  passed += r.passed; failed += r.failed; skipped += r.skipped;
}
if (files.length === 0) { console.log('no test files matched'); failed += filters.length ? 1 : 0; }
console.log(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exitCode = failed === 0 && files.length > 0 ? 0 : 1;
