// test/flyte, the real Flyte for tests: its programs come from ../shared/flyte, checked; a missing
// archive or a wrong sum fails naming the file, never a silent skip.
import { test } from './helpers/uvu.ts';
import * as assert from 'uvu/assert';
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FLYTE_DIR, ensureFlyteBinaries, publishedSums } from './flyte/binaries.ts';

const work = mkdtempSync(join(tmpdir(), 'flytemc-binaries-'));
test.after(() => rmSync(work, { recursive: true, force: true }));

/** A ../shared/flyte of our own: the real README, tiny archives whose sums the README lists or not. */
function fakeShared(name: string, programs: Record<string, string | undefined>, sums: Record<string, string>): string {
  const dir = join(work, name);
  mkdirSync(join(dir, 'bin'), { recursive: true });
  const rows = Object.entries(sums).map(([p, s]) => `| ${p} | ${s} |`);
  writeFileSync(join(dir, 'README.md'), `| file | sha256 of the unpacked binary |\n| --- | --- |\n${rows.join('\n')}\n`);
  for (const [p, text] of Object.entries(programs)) {
    if (text === undefined) continue;
    writeFileSync(join(dir, 'bin', p), text);
    execFileSync('xz', ['-z', join(dir, 'bin', p)]);
  }
  return dir;
}
const sha = (text: string) => execFileSync('sha256sum', { input: text }).toString().split(' ')[0]!;

test("the published sums are read from ../shared/flyte/README.md's table", () => {
  const sums = publishedSums();
  assert.equal(Object.keys(sums).sort(), ['datacatalog', 'flyteadmin', 'flytepropeller']);
  for (const s of Object.values(sums)) assert.match(s, /^[0-9a-f]{64}$/);
  assert.ok(existsSync(join(FLYTE_DIR, 'bin', 'flyteadmin.xz')));
});

test('unpacked once into the cache and checked; a wrong sum names the file and leaves no binary behind', async () => {
  const ok = { flyteadmin: 'admin', flytepropeller: 'propeller', datacatalog: 'catalog' };
  const dir = fakeShared('good', ok, { flyteadmin: sha('admin'), flytepropeller: sha('propeller'), datacatalog: sha('catalog') });
  const cache = join(work, 'cache-good');
  const bins = await ensureFlyteBinaries(dir, cache);
  assert.is(readFileSync(bins.flyteadmin, 'utf8'), 'admin');
  const bad = fakeShared('bad', ok, { flyteadmin: sha('admin'), flytepropeller: sha('something else'), datacatalog: sha('catalog') });
  const cacheBad = join(work, 'cache-bad');
  const err = await ensureFlyteBinaries(bad, cacheBad).then(
    () => undefined,
    (e: Error) => e.message,
  );
  assert.match(err ?? '', new RegExp(`${join(cacheBad, 'flytepropeller')}: sha256 ${sha('propeller')} is not the published ${sha('something else')}`));
  assert.not.ok(existsSync(join(cacheBad, 'flytepropeller')), 'the wrong binary is removed');
  // a binary changed in the cache after it was unpacked is caught the next time
  copyFileSync(bins.datacatalog, bins.flyteadmin);
  const changed = await ensureFlyteBinaries(dir, cache).then(
    () => undefined,
    (e: Error) => e.message,
  );
  assert.match(changed ?? '', /flyteadmin: sha256 .* is not the published/);
});

test('a missing archive names the file', async () => {
  const dir = fakeShared(
    'missing',
    { flyteadmin: 'admin', flytepropeller: 'propeller', datacatalog: undefined },
    { flyteadmin: sha('admin'), flytepropeller: sha('propeller'), datacatalog: sha('catalog') },
  );
  const err = await ensureFlyteBinaries(dir, join(work, 'cache-missing')).then(
    () => undefined,
    (e: Error) => e.message,
  );
  assert.match(err ?? '', new RegExp(`${join(dir, 'bin', 'datacatalog.xz')} is missing`));
});

test.run();
