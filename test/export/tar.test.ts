// plugin/export/tar.ts: a gzipped tar's regular files (ustar prefixes, PAX and GNU long names), and every archive it refuses.
import { test } from '../helpers/uvu.ts';
import * as assert from 'uvu/assert';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { readTgz } from '../../plugin/export/tar.ts';
import { FlytemcError } from '../../plugin/problems/problems.ts';
import { FLYTE_CORE_TGZ } from '../../scripts/shared.mjs';

interface Entry {
  name?: string;
  data?: string | Buffer;
  type?: string;
  prefix?: string;
  /** false: an old (v7) header without the ustar magic */
  ustar?: boolean;
  /** the size field as written, when not the data's length in octal */
  size?: string;
}

/** One tar member: a hand-made 512-byte header, then the data padded to a whole block. */
function member(e: Entry): Buffer {
  const data = Buffer.isBuffer(e.data) ? e.data : Buffer.from(e.data ?? '', 'utf8');
  const h = Buffer.alloc(512);
  h.write(e.name ?? '', 0, 100, 'utf8');
  h.write('0000644\0', 100, 'ascii');
  h.write(e.size ?? `${data.length.toString(8).padStart(11, '0')}\0`, 124, 12, 'ascii');
  h.write(e.type ?? '0', 156, 1, 'latin1');
  if (e.ustar !== false) {
    h.write('ustar\0', 257, 'ascii');
    h.write('00', 263, 'ascii');
    if (e.prefix) h.write(e.prefix, 345, 155, 'utf8');
  }
  const padded = Buffer.alloc(Math.ceil(data.length / 512) * 512);
  data.copy(padded);
  return Buffer.concat([h, padded]);
}

const END = Buffer.alloc(1024);
const tgz = (entries: Entry[], end = true) => gzipSync(Buffer.concat([...entries.map(member), ...(end ? [END] : [])]));
/** A PAX extended header's data: `<len> key=value\n` records, each length counting itself. */
function pax(records: Array<[string, string]>): string {
  return records
    .map(([k, v]) => {
      const body = ` ${k}=${v}\n`;
      let len = body.length + 1;
      while (`${len}${body}`.length !== len) len++;
      return `${len}${body}`;
    })
    .join('');
}
const files = (entries: Entry[], end = true) => readTgz(tgz(entries, end), 'x.tgz').map((f) => [f.path, f.data.toString('utf8')]);

function refused(archive: Buffer): string {
  try {
    readTgz(archive, 'x.tgz');
  } catch (e) {
    assert.instance(e, FlytemcError);
    const p = (e as FlytemcError).problems[0]!;
    assert.equal([p.code, p.subject, p.fix], ['export.archive', 'x.tgz', 'use the chart archive `helm package` or `helm pull` wrote']);
    return p.message;
  }
  throw new Error('not refused');
}

test("flyte-core's published archive: every file of the chart, under flyte-core/", () => {
  const got = readTgz(readFileSync(FLYTE_CORE_TGZ), FLYTE_CORE_TGZ);
  const paths = got.map((f) => f.path);
  for (const p of ['flyte-core/Chart.yaml', 'flyte-core/values.yaml']) assert.ok(paths.includes(p), p);
  assert.ok(paths.every((p) => p.startsWith('flyte-core/')));
  assert.ok(paths.some((p) => p.startsWith('flyte-core/templates/')));
  assert.match(got.find((f) => f.path === 'flyte-core/Chart.yaml')!.data.toString('utf8'), /^name: flyte-core$/m);
});

test('regular files (type 0, NUL and 7), their data across blocks; folders and global PAX headers skipped; . and empty segments dropped', () => {
  const big = 'y'.repeat(700);
  assert.equal(
    files([
      { name: 'c/', type: '5', size: '' },
      { name: 'c/a.txt', data: 'A' },
      { name: './c//b.txt', data: big, type: '\0' },
      { name: 'pax_global_header', type: 'g', data: pax([['comment', 'x']]) },
      { name: 'c/d.txt', data: '', type: '7' },
    ]),
    [
      ['c/a.txt', 'A'],
      ['c/b.txt', big],
      ['c/d.txt', ''],
    ],
  );
});

test('names: a ustar prefix joined, an old header without one, a name filling its whole field, PAX and GNU long names for the next member only', () => {
  const hundred = `${'n'.repeat(96)}.txt`;
  const long = `chart/${'deep/'.repeat(30)}file.yaml`;
  assert.equal(
    files([
      { name: 'values.yaml', prefix: 'chart/sub', data: '1' },
      { name: 'plain.txt', prefix: 'ignored', ustar: false, data: '2' },
      { name: hundred, data: '3' },
      {
        name: 'PaxHeader',
        type: 'x',
        data: pax([
          ['mtime', '1'],
          ['path', long],
        ]),
      },
      { name: 'cut-short', data: '4' },
      { name: 'after.txt', data: '5' },
      { name: '././@LongLink', type: 'L', data: `${long}2\0` },
      { name: 'cut', data: '6' },
      { name: 'PaxHeader', type: 'x', data: pax([['mtime', '1']]) },
      { name: 'no-path-record.txt', data: '7' },
    ]),
    [
      ['chart/sub/values.yaml', '1'],
      ['plain.txt', '2'],
      [hundred, '3'],
      [long, '4'],
      ['after.txt', '5'],
      [`${long}2`, '6'],
      ['no-path-record.txt', '7'],
    ],
  );
});

test('PAX records: reading stops at one without a length or a space; a record without = is skipped', () => {
  const broken = (data: string) =>
    files([
      { name: 'PaxHeader', type: 'x', data },
      { name: 'kept.txt', data: 'k' },
    ]);
  assert.equal(broken('no-space-at-all'), [['kept.txt', 'k']]);
  assert.equal(broken(`x path=a\n`), [['kept.txt', 'k']]);
  assert.equal(broken(`0 path=a\n`), [['kept.txt', 'k']]);
  assert.equal(broken(`${pax([['path', 'first.txt']])}11 novalue\n`), [['first.txt', 'k']]);
  assert.equal(broken(`11 novalue\n${pax([['path', 'second.txt']])}`), [['second.txt', 'k']]);
});

test('the end of the archive: two zero blocks, or simply no whole block left', () => {
  assert.equal(files([{ name: 'a', data: 'a' }], false), [['a', 'a']]);
  assert.equal(readTgz(gzipSync(Buffer.alloc(0)), 'x.tgz'), []);
});

test('refused: not gzip, a size that is not octal, data cut short, links and devices, paths that leave the folder', () => {
  assert.match(refused(Buffer.from('plain text')), /^not a chart archive this tool can read: not gzip \(/);
  assert.is(refused(tgz([{ name: 'a', size: '12z\0' }])), 'not a chart archive this tool can read: a header field is not an octal number ("12z")');
  assert.is(refused(gzipSync(member({ name: 'a', data: 'x'.repeat(600) }).subarray(0, 1024))), 'not a chart archive this tool can read: truncated');
  assert.is(refused(tgz([{ name: 'chart/link', type: '2' }])), 'not a chart archive this tool can read: "chart/link" is a link or device (tar type "2")');
  assert.is(refused(tgz([{ name: 'dev', type: '3' }])), 'not a chart archive this tool can read: "dev" is a link or device (tar type "3")');
  assert.is(refused(tgz([{ name: '/etc/passwd', data: 'x' }])), 'not a chart archive this tool can read: unsafe path "/etc/passwd"');
  assert.is(refused(tgz([{ name: 'chart/../../x', data: 'x' }])), 'not a chart archive this tool can read: unsafe path "chart/../../x"');
  assert.is(refused(tgz([{ name: './', data: 'x' }])), 'not a chart archive this tool can read: unsafe path "./"');
  assert.is(
    refused(
      tgz([
        { name: 'PaxHeader', type: 'x', data: pax([['path', '../escape']]) },
        { name: 'ok', data: 'x' },
      ]),
    ),
    'not a chart archive this tool can read: unsafe path "../escape"',
  );
});

test.run();
