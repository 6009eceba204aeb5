// Reads a packaged Helm chart (gzipped ustar, PAX and GNU long names) into its regular files, for `export --vendor-chart`.
import { gunzipSync } from 'node:zlib';
import { FlytemcError, error } from '../problems/problems.ts';

interface TarFile {
  /** Slash-separated, relative, without `.` or `..` segments. */
  path: string;
  data: Buffer;
}

const BLOCK = 512;

function text(b: Buffer, from: number, len: number): string {
  const s = b.subarray(from, from + len);
  const nul = s.indexOf(0);
  return s.subarray(0, nul < 0 ? s.length : nul).toString('utf8');
}

function octal(b: Buffer, from: number, len: number, where: string): number {
  const s = text(b, from, len).trim();
  if (!/^[0-7]*$/.test(s)) throw bad(where, `a header field is not an octal number (${JSON.stringify(s)})`);
  return s === '' ? 0 : parseInt(s, 8);
}

const bad = (where: string, what: string) =>
  new FlytemcError([
    error(
      { code: 'export.archive', subject: where },
      `not a chart archive this tool can read: ${what}`,
      'use the chart archive `helm package` or `helm pull` wrote',
    ),
  ]);

/** PAX records `<len> key=value\n`: the `path` one, if any. */
function paxPath(data: Buffer): string | undefined {
  let path: string | undefined;
  let pos = 0;
  while (pos < data.length) {
    const sp = data.indexOf(0x20, pos);
    if (sp < 0) break;
    const len = Number(data.subarray(pos, sp).toString('ascii'));
    if (!Number.isInteger(len) || len <= 0) break;
    const record = data.subarray(sp + 1, pos + len - 1).toString('utf8');
    const eq = record.indexOf('=');
    if (eq > 0 && record.slice(0, eq) === 'path') path = record.slice(eq + 1);
    pos += len;
  }
  return path;
}

function safePath(raw: string, where: string): string {
  const parts = raw.split('/').filter((p) => p !== '' && p !== '.');
  if (raw.startsWith('/') || parts.some((p) => p === '..') || parts.length === 0) throw bad(where, `unsafe path ${JSON.stringify(raw)}`);
  return parts.join('/');
}

/** The regular files of a gzipped tar; links, devices and paths that leave the archive's folder are refused. */
export function readTgz(archive: Buffer, where: string): TarFile[] {
  let tar: Buffer;
  try {
    tar = gunzipSync(archive);
  } catch (e) {
    throw bad(where, `not gzip (${(e as Error).message})`);
  }
  const files: TarFile[] = [];
  let nextPath: string | undefined;
  for (let pos = 0; pos + BLOCK <= tar.length; ) {
    const h = tar.subarray(pos, pos + BLOCK);
    if (h.every((x) => x === 0)) break; // end of archive
    const size = octal(h, 124, 12, where);
    const type = String.fromCharCode(h[156] ?? 0);
    const dataStart = pos + BLOCK;
    if (dataStart + size > tar.length) throw bad(where, 'truncated');
    const data = tar.subarray(dataStart, dataStart + size);
    pos = dataStart + Math.ceil(size / BLOCK) * BLOCK;
    if (type === 'x') {
      nextPath = paxPath(data);
      continue;
    }
    if (type === 'L') {
      nextPath = text(data, 0, data.length);
      continue;
    }
    if (type === 'g' || type === '5') {
      nextPath = undefined;
      continue;
    }
    const prefix = text(h, 257, 6) === 'ustar' ? text(h, 345, 155) : '';
    const name = nextPath ?? (prefix ? `${prefix}/${text(h, 0, 100)}` : text(h, 0, 100));
    nextPath = undefined;
    if (type !== '0' && type !== '\0' && type !== '7') throw bad(where, `${JSON.stringify(name)} is a link or device (tar type ${JSON.stringify(type)})`);
    files.push({ path: safePath(name, where), data: Buffer.from(data) });
  }
  return files;
}
