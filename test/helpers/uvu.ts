// uvu as every test file uses it: `import { test, suite } from './helpers/uvu.ts'`.
//
// uvu 0.5.6 swallows an error thrown by a `before` or `after` hook: its runner returns from a
// `finally` block, so the suite's tests silently do not run and nothing is printed. The hooks
// registered here catch the error, print it with its stack and record it in the file named by
// FLYTEMC_TEST_REPORT (set by test/run.mjs), which counts it as a failure. A failed `before`
// is re-thrown so that the suite's tests are not run on a broken set-up (test/run.mjs counts
// them as not run); a failed `after` is not, so that the other suites and uvu's summary still run.
import { appendFileSync } from 'node:fs';
import * as uvu from 'uvu';

type Hook = (state: object) => unknown;
type Test = ReturnType<typeof uvu.suite>;

function report(kind: string, suiteName: string, e: unknown): void {
  const err = e instanceof Error ? e : new Error(String(e));
  const where = suiteName ? `suite "${suiteName}"` : 'the file';
  process.stdout.write(`\n  ✘ ${kind} hook of ${where} failed: ${err.message}\n${(err.stack ?? '').split('\n').slice(1).join('\n')}\n`);
  const file = process.env.FLYTEMC_TEST_REPORT;
  if (file) appendFileSync(file, JSON.stringify({ hook: kind, suite: suiteName, message: err.message }) + '\n');
}

function guarded(t: Test, suiteName: string): Test {
  const wrap = (kind: 'before' | 'after', register: (h: Hook) => void, rethrow: boolean) => (h: Hook) =>
    register(async (state) => {
      try {
        await h(state);
      } catch (e) {
        report(kind, suiteName, e);
        if (rethrow) throw e;
      }
    });
  const before = Object.assign(wrap('before', t.before as (h: Hook) => void, true), { each: t.before.each });
  const after = Object.assign(wrap('after', t.after as (h: Hook) => void, false), { each: t.after.each });
  return Object.assign(t, { before, after }) as Test;
}

export const suite = (name = '', state: Record<string, unknown> = {}): Test => guarded(uvu.suite(name, state), name);
export const test: Test = guarded(uvu.test, '');
