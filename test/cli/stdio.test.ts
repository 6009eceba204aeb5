// plugin/cli/stdio.ts, the files a command reads and writes: a file's text within its limit (too big,
// missing, a folder: refused as data, exit 2), a file replaced at once with its mode whatever the
// umask, and how messages name `-`. Standard input and output as pipes: test/post-renderer-process.test.ts.
import { test } from '../helpers/uvu.ts';
import * as assert from 'uvu/assert';
import { mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readText, sourceLabel, writeFileAtomic } from '../../plugin/cli/stdio.ts';
import { EXIT, FlytemcError } from '../../plugin/problems/problems.ts';

const dir = mkdtempSync(join(tmpdir(), 'flytemc-stdio-'));
test.after(() => rmSync(dir, { recursive: true, force: true }));

const refusal = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    assert.instance(e, FlytemcError);
    return e as FlytemcError;
  }
  throw new Error('not refused');
};

test('readText: the file; too big refused before it is read; missing or a folder refused with the path and code (exit 2)', () => {
  writeFileSync(join(dir, 'v.yaml'), 'a: 1\n');
  assert.is(readText(join(dir, 'v.yaml')), 'a: 1\n');
  const big = refusal(() => readText(join(dir, 'v.yaml'), { what: 'the file', maxBytes: 2, expected: 'smaller' }));
  assert.match(big.problems[0]!.message, /the file/);
  const missing = refusal(() => readText(join(dir, 'none.yaml')));
  assert.equal(
    [missing.exitCode, missing.problems[0]!.code, missing.problems[0]!.file, missing.problems[0]!.message, missing.problems[0]!.fix],
    [EXIT.usage, 'input.unreadable', join(dir, 'none.yaml'), 'no such file', 'check the path'],
  );
  assert.is(refusal(() => readText(dir)).problems[0]!.message, 'is a folder, not a file');
});

test('writeFileAtomic: the new text with its mode; a link planted under the temporary name is not followed', () => {
  const target = join(dir, 'secret');
  writeFileSync(target, 'old');
  const victim = join(dir, 'victim');
  writeFileSync(victim, 'keep');
  symlinkSync(victim, `${target}.flytemc-tmp-${process.pid}`);
  const umask = process.umask(0o022);
  try {
    writeFileAtomic(target, 'new', 0o600);
  } finally {
    process.umask(umask);
  }
  assert.is(readFileSync(target, 'utf8'), 'new');
  assert.is(statSync(target).mode & 0o777, 0o600);
  assert.is(readFileSync(victim, 'utf8'), 'keep');
  assert.is(sourceLabel('-'), '<stdin>');
  assert.is(sourceLabel('v.yaml'), 'v.yaml');
});

test.run();
