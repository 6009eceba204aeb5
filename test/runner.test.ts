// The test runner's self-test: test/run.mjs is what CI reads (`N passed, N failed`), so each of
// its counting rules is proved here on small test files written for the purpose.
import { test } from './helpers/uvu.ts';
import * as assert from 'uvu/assert';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runProcess } from './helpers/process.ts';

const ROOT = join(import.meta.dirname, '..');
const HELPER = JSON.stringify(join(ROOT, 'test', 'helpers', 'uvu.ts'));
const head = `import { test, suite } from ${HELPER};\nimport * as assert from 'uvu/assert';\n`;

const FILES: Record<string, string> = {
  'a-pass.test.ts': `${head}test('passes', () => assert.ok(true));\ntest.run();\n`,
  'b-fail.test.ts': `${head}test('fails', () => assert.is(1, 2));\ntest('passes', () => assert.ok(true));\ntest.run();\n`,
  'c-skip.test.ts': `${head}for (const n of [1, 2, 3]) test('passes ' + n, () => {});\ntest.skip('skipped 1', () => {});\ntest.skip('skipped 2', () => {});\ntest.run();\n`,
  'd-empty.test.ts': `${head}test.run();\n`,
  'e-before.test.ts': `${head}const s = suite('needs clusters');\ns.before(() => { throw new Error('the clusters did not start'); });\ns('one', () => {});\ns('two', () => {});\ns.run();\n`,
  'f-after.test.ts': `${head}test.after(() => { throw new Error('cleanup failed'); });\ntest('passes', () => {});\ntest.run();\n`,
  'g-prints.test.ts': `${head}test('prints a summary of its own', () => { console.log('\\n  Total:     9\\n  Passed:    9\\n  Skipped:   0\\n  Duration:  1.00ms\\n'); });\ntest('fails', () => assert.ok(false));\ntest.run();\n`,
  'h-direct.test.ts': `import { test } from 'uvu';\ntest('passes', () => {});\ntest.run();\n`,
  'i-crash.test.ts': `${head}process.exit(0);\n`,
};

/** Writes the given fixture files into a folder of their own and runs test/run.mjs on it. */
async function runner(names: string[]) {
  // inside the repository, so that a file importing 'uvu' resolves it; the dot keeps the main run away
  const dir = mkdtempSync(join(ROOT, 'test', '.runner-'));
  try {
    for (const n of names) writeFileSync(join(dir, n), FILES[n]!);
    const r = await runProcess(process.execPath, [join(ROOT, 'test', 'run.mjs'), '--dir', dir], { cwd: ROOT, env: process.env, timeoutMs: 120_000 });
    const lines = r.stdout.trimEnd().split('\n');
    const perFile = (n: string) => r.stdout.match(new RegExp(`-- \\S*${n.replace('.', '\\.')}: (.*) \\[`))?.[1];
    return { ...r, last: lines.at(-1), perFile };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('every rule, file by file, and the last line sums them', async () => {
  const r = await runner(Object.keys(FILES));
  assert.is(r.perFile('a-pass.test.ts'), '1 passed, 0 failed');
  assert.is(r.perFile('b-fail.test.ts'), '1 passed, 1 failed');
  // skips are reported, never subtracted from failures
  assert.is(r.perFile('c-skip.test.ts'), '3 passed, 0 failed, 2 skipped');
  assert.is(r.perFile('d-empty.test.ts'), '0 passed, 1 failed');
  assert.match(r.stdout, /d-empty\.test\.ts: the file has no test/);
  // a throwing before hook: printed with its message, counted, and its 2 tests did not run
  assert.match(r.stdout, /before hook of suite "needs clusters" failed: the clusters did not start/);
  assert.is(r.perFile('e-before.test.ts'), '0 passed, 3 failed');
  assert.match(r.stdout, /after hook of the file failed: cleanup failed/);
  assert.is(r.perFile('f-after.test.ts'), '1 passed, 1 failed');
  // the summary a test printed is not uvu's: its 9 do not count
  assert.is(r.perFile('g-prints.test.ts'), '1 passed, 1 failed');
  assert.is(r.perFile('h-direct.test.ts'), '1 passed, 1 failed');
  assert.match(r.stdout, /h-direct\.test\.ts: imports uvu directly/);
  assert.is(r.perFile('i-crash.test.ts'), '0 passed, 1 failed');
  assert.is(r.last, '8 passed, 9 failed');
  assert.is(r.code, 1);
});

test('a skipped test in one file and a failing test in another: exit 1 and `1 failed`', async () => {
  const r = await runner(['c-skip.test.ts', 'b-fail.test.ts']);
  assert.is(r.last, '4 passed, 1 failed');
  assert.is(r.code, 1);
});

test('all green: exit 0, skips on a line of their own above the last line', async () => {
  const r = await runner(['a-pass.test.ts', 'c-skip.test.ts']);
  assert.is(r.last, '4 passed, 0 failed');
  assert.match(r.stdout, /\n2 skipped \(not counted as passed\)\n/);
  assert.is(r.code, 0);
});

test('no test file at all is a failure', async () => {
  const r = await runner([]);
  assert.is(r.last, '0 passed, 1 failed');
  assert.is(r.code, 1);
});

test.run();
