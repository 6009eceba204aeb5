// No block of code repeated within plugin/: jscpd with the settings of .jscpd.json (6 lines and
// 50 tokens at least, generated code left out) finds no clone; each clone found is printed with
// both of its places. `npm run duplicates` prints the same report for a human.
import { test } from './helpers/uvu.ts';
import * as assert from 'uvu/assert';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { ROOT } from './helpers/helm.ts';

interface Place {
  name: string;
  start: number;
  end: number;
}
interface Report {
  duplicates: { firstFile: Place; secondFile: Place; lines: number; tokens: number }[];
  statistics: { total: { sources: number } };
}

/** Runs jscpd from the repository's root (so it reads .jscpd.json) on the given folders. */
function jscpd(paths: string[]): Report {
  const out = mkdtempSync(join(tmpdir(), 'flytemc-jscpd-'));
  try {
    const r = spawnSync(
      process.execPath,
      [join(ROOT, 'node_modules/jscpd/run-jscpd.js'), ...paths, '--reporters', 'json', '--output', out, '--absolute', '--silent', '--no-colors'],
      { cwd: ROOT, encoding: 'utf8', env: { ...process.env, JSCPD_NO_TIPS: '1' } },
    );
    assert.ok(r.status === 0 || r.status === 1, `jscpd exited ${r.status}: ${r.stderr}`);
    return JSON.parse(readFileSync(join(out, 'jscpd-report.json'), 'utf8')) as Report;
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

const place = (p: Place) => `${relative(ROOT, p.name)}:${p.start}-${p.end}`;

test('no block of 6 or more lines is repeated within plugin/', () => {
  const config = JSON.parse(readFileSync(join(ROOT, '.jscpd.json'), 'utf8')) as { path: string[]; minLines: number };
  assert.equal([config.path, config.minLines], [['plugin'], 6]);
  const report = jscpd([]);
  assert.ok(report.statistics.total.sources > 50, `jscpd read only ${report.statistics.total.sources} files of plugin/`);
  const clones = report.duplicates.map((d) => `${place(d.firstFile)} repeats ${place(d.secondFile)} (${d.lines} lines, ${d.tokens} tokens)`);
  for (const c of clones) console.log(`  clone: ${c}`);
  assert.equal(clones, [], 'move the repeated block into one function both places call');
});

test('the settings of .jscpd.json find a repeated block', () => {
  const dir = mkdtempSync(join(tmpdir(), 'flytemc-jscpd-case-'));
  try {
    const block = Array.from({ length: 8 }, (_, i) => `  const value${i} = compute(${i}, input.field${i}, options.limit${i});`).join('\n');
    mkdirSync(join(dir, 'a'));
    writeFileSync(join(dir, 'a', 'one.ts'), `export function one(input: any, options: any) {\n${block}\n  return 1;\n}\n`);
    writeFileSync(join(dir, 'two.ts'), `export function two(input: any, options: any) {\n  let x = 0;\n${block}\n  return x;\n}\n`);
    const found = jscpd([dir]).duplicates.map((d) => [relative(dir, d.firstFile.name), relative(dir, d.secondFile.name)].sort());
    assert.equal(found, [['a/one.ts', 'two.ts']]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test.run();
