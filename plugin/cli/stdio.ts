// Standard input and output, and the files a command reads and writes, within the input limits.
import { chmodSync, closeSync, fstatSync, openSync, readFileSync, readSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { error, EXIT, FlytemcError, UsageError } from '../problems/problems.ts';
import { FILE_INPUT, MAX_INPUT_BYTES, tooBig, type InputLimits } from '../yaml/limits.ts';

const INPUT_WHERE = 'standard input';
const INPUT_WHAT = 'the rendered stream';

/** Standard input when it must be piped (the rendered manifests, a ResourceList): a terminal is a usage error. */
async function readStdinStream(): Promise<string> {
  if (process.stdin.isTTY)
    throw new UsageError('expected the rendered manifests on standard input (run it as `helm ... --post-renderer flytemc-post-renderer`)');
  return readAllLimited(process.stdin, MAX_INPUT_BYTES, INPUT_WHERE, INPUT_WHAT);
}

/** Reads all of a readable stream, refusing (and stopping reading) past `limit` bytes. */
async function readAllLimited(stream: AsyncIterable<Buffer | string>, limit: number, where: string, what: string): Promise<string> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const c of stream) {
    const b = typeof c === 'string' ? Buffer.from(c) : c;
    total += b.length;
    if (total > limit) throw tooBig(where, undefined, limit, what);
    chunks.push(b);
  }
  return Buffer.concat(chunks, total).toString('utf8');
}

/**
 * All of standard input, at most MAX_INPUT_BYTES (it stops reading, and refuses, past that). A pipe
 * is read with plain read(2), which spares loading Node's stream machinery (a few ms of every
 * post-render: docs/benchmarks.md); a terminal, /dev/null or a pipe that would block is streamed.
 */
export async function readInput(): Promise<string> {
  let plain = false;
  try {
    plain = !fstatSync(0).isCharacterDevice();
  } catch {
    /* no fd 0: the streamed way says what is wrong */
  }
  if (!plain) return readStdinStream();
  const chunks: Buffer[] = [];
  let total = 0;
  let buf = Buffer.allocUnsafe(256 * 1024);
  for (;;) {
    let n: number;
    try {
      n = readSync(0, buf, 0, buf.length, null);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EINTR') continue;
      // the rest the streamed way, after what was read already
      return readAllLimited(
        (async function* () {
          yield* chunks;
          yield* process.stdin;
        })(),
        MAX_INPUT_BYTES,
        INPUT_WHERE,
        INPUT_WHAT,
      );
    }
    if (n === 0) break;
    total += n;
    if (total > MAX_INPUT_BYTES) throw tooBig(INPUT_WHERE, undefined, MAX_INPUT_BYTES, INPUT_WHAT);
    chunks.push(buf.subarray(0, n));
    if (n === buf.length) buf = Buffer.allocUnsafe(Math.min(buf.length * 2, 16 * 1024 * 1024));
    else buf = buf.subarray(n);
  }
  return Buffer.concat(chunks, total).toString('utf8');
}

/** Writes all of `text` to standard output (synchronously where the pipe allows it). */
export function writeOut(text: string): Promise<void> {
  const bytes = Buffer.from(text, 'utf8');
  let off = 0;
  while (off < bytes.length) {
    try {
      off += writeSync(1, bytes, off, bytes.length - off);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EINTR') continue;
      if (code !== 'EAGAIN') throw e;
      const rest = bytes.subarray(off);
      return new Promise((resolve, reject) => process.stdout.write(rest, (err) => (err ? reject(err) : resolve())));
    }
  }
  return Promise.resolve();
}

let stdinText: string | undefined;

/**
 * A file's text; `-` is standard input (read once), as with `helm -f -`. A file larger than
 * `limits.maxBytes` is refused before it is read.
 */
export function readText(path: string, limits: InputLimits = FILE_INPUT): string {
  if (path === '-') {
    if (stdinText !== undefined) return stdinText;
    if (process.stdin.isTTY)
      throw new UsageError(
        '-f - reads the values from standard input, but it is a terminal',
        'pipe the file in, e.g. `cat values.yaml | helm flytemc validate -f -`',
      );
    try {
      return (stdinText = readFileSync(0, 'utf8'));
    } catch (e) {
      throw new FlytemcError(
        [error({ code: 'input.unreadable', subject: 'standard input' }, `cannot read it (${(e as NodeJS.ErrnoException).code ?? String(e)})`)],
        EXIT.usage,
      );
    }
  }
  let size: number | undefined;
  try {
    const st = statSync(path);
    if (st.isFile()) size = st.size;
  } catch {
    /* reading it says why */
  }
  if (size !== undefined && size > limits.maxBytes) throw tooBig(path, size, limits.maxBytes, limits.what);
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new FlytemcError(
      [
        error(
          { code: 'input.unreadable', file: path },
          code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder, not a file' : `cannot read it (${code ?? String(e)})`,
          'check the path',
        ),
      ],
      EXIT.usage,
    );
  }
}

/**
 * Replaces `path` with `text` at once: a new file of `mode` next to it (created exclusively, so a
 * file or link planted under the temporary name is never followed), renamed over `path`.
 */
export function writeFileAtomic(path: string, text: string, mode: number): void {
  const tmp = `${path}.flytemc-tmp-${process.pid}`;
  rmSync(tmp, { force: true });
  const fd = openSync(tmp, 'wx', mode);
  try {
    writeSync(fd, text);
  } finally {
    closeSync(fd);
  }
  chmodSync(tmp, mode); // the umask may have narrowed it
  renameSync(tmp, path);
}

/** How messages name a file argument (`-` is standard input). */
export const sourceLabel = (path: string): string => (path === '-' ? '<stdin>' : path);

/** `--help`: the command's usage on standard output, exit 0. */
export async function showUsage(usage: string): Promise<number> {
  await writeOut(usage);
  return EXIT.ok;
}
