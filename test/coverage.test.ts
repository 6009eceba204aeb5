// The coverage of each module of plugin/cluster/, plugin/config/ and plugin/postrender/ by its own
// test file (test/<path>.test.ts) alone, run under c8 (scripts/coverage.ts, also
// `npm run coverage`): every module has one, and it covers MIN_BRANCHES % of the module's branches.
import { test } from './helpers/uvu.ts';
import * as assert from 'uvu/assert';
import { COVERED_BY } from './covered-by.ts';
import { MIN_BRANCHES, formatTable, measureAll, measuredModules, meets, mirrorTest, type ModuleCoverage } from '../scripts/coverage.ts';

const modules = measuredModules();
let rows: ModuleCoverage[] = [];

test('every module of cluster/, config/ and postrender/ is measured', async () => {
  assert.ok(modules.length > 30, `only ${modules.length} modules found`);
  assert.ok(modules.includes('plugin/cluster/hub.ts') && modules.includes('plugin/postrender/index.ts'));
  rows = await measureAll(modules);
  console.log(formatTable(rows));
  const untested = rows.filter((r) => r.problem === 'no test of its own').map((r) => r.module);
  console.log(`\n  without a test of their own (listed in test/covered-by.ts): ${untested.length ? untested.join(', ') : 'none'}`);
  assert.equal(
    untested.filter((m) => !COVERED_BY[m]),
    [],
  );
});

test("each module's own test passes under c8 and gives its figures", () => {
  const broken = rows.filter((r) => r.problem && r.problem !== 'no test of its own');
  for (const r of broken) console.log(`\n== ${r.test}\n${r.problem}`);
  assert.equal(
    broken.map((r) => `${r.module}: ${r.problem!.split('\n')[0]}`),
    [],
  );
  for (const r of rows.filter((x) => !x.problem)) {
    assert.ok(r.branches! >= 0 && r.branches! <= 100 && r.lines! >= 0 && r.lines! <= 100, `${r.module}: ${r.branches} ${r.lines}`);
    assert.is(r.test, mirrorTest(r.module));
  }
});

test(`every module of cluster/, config/ and postrender/ has its own test, covering ${MIN_BRANCHES}% of its branches or more`, () => {
  const failing = rows.filter((r) => !meets(r)).map((r) => `${r.module}: ${r.problem ?? `${r.branches}% of its branches`}`.split('\n')[0]!);
  assert.equal(failing, [], `write or extend test/<path>.test.ts (and drop the module from test/covered-by.ts): npm run coverage -- WORD`);
});

test.run();
