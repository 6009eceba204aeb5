// The command of the Helm 4 post-renderer plugin: it runs the post-renderer and shows what Helm 4 hides of its stderr.
import { closeSync, fstatSync, openSync, readFileSync, writeFileSync, writeSync } from 'node:fs';

// Helm 4 (4.1.4) keeps a post-renderer plugin's stderr in a buffer it never shows, even with --debug,
// so what the post-renderer says also goes to Helm's own stderr, else the terminal, and on failure
// to an error file in this user's private folder (the post-renderer's, or FLYTEMC_ERROR_FILE).

// `--error-file NAME` (one fixed name in the shared temporary folder, which two users or two runs
// would share) is dropped from a registration's arguments, so the private file is used
const fixedName = process.argv.indexOf('--error-file');
if (fixedName >= 0) process.argv.splice(fixedName, 2);

/**
 * Helm's stderr, when it is not ours: an fd to write to, or undefined. A regular file that Helm
 * writes without O_APPEND (`helm … 2> log`, `> log 2>&1`) is left alone: Helm writes its own error
 * at its own offset, over what we would have appended there.
 */
function helmStderr() {
  if (process.platform !== 'linux' || process.env.FLYTEMC_NO_PASSTHROUGH === '1') return undefined;
  let fd;
  try {
    fd = openSync(`/proc/${process.ppid}/fd/2`, 'a');
    const theirs = fstatSync(fd);
    const ours = fstatSync(2);
    const sameAsOurs = theirs.dev === ours.dev && theirs.ino === ours.ino;
    const flags = Number.parseInt(/^flags:\s*([0-7]+)/m.exec(readFileSync(`/proc/${process.ppid}/fdinfo/2`, 'utf8'))?.[1] ?? '0', 8);
    const clobbered = theirs.isFile() && (flags & 0o2000) === 0;
    if (sameAsOurs || clobbered) {
      closeSync(fd);
      return undefined;
    }
    return fd;
  } catch {
    if (fd !== undefined) closeSync(fd);
    return undefined;
  }
}

const passthrough = helmStderr();
/** What the post-renderer said on stderr, for the terminal when Helm's stderr cannot be reached. @type {string[]} */
const said = [];
const write = process.stderr.write.bind(process.stderr);
/** @type {(chunk: string | Uint8Array, ...rest: unknown[]) => boolean} */
const tee = (chunk, ...rest) => {
  said.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
  if (passthrough !== undefined) {
    try {
      if (typeof chunk === 'string') writeSync(passthrough, chunk);
      else writeSync(passthrough, Buffer.from(chunk));
    } catch {
      /* Helm's stderr went away: the error file still has the message */
    }
  }
  return /** @type {(...a: unknown[]) => boolean} */ (write)(chunk, ...rest);
};
process.stderr.write = /** @type {typeof process.stderr.write} */ (tee);

// after the run (the post-renderer is CommonJS and finishes after its import returns): on
// failure, the message to the terminal as well
process.on('exit', (code) => {
  if (code === 0 || passthrough !== undefined || said.length === 0 || process.env.FLYTEMC_NO_TTY === '1' || process.platform === 'win32') return;
  try {
    writeFileSync('/dev/tty', `flytemc-post-renderer (Helm 4 hides its stderr):\n${said.join('')}`);
  } catch {
    // no terminal: the message is in the error file
  }
});
await import(new URL('../../../dist/flytemc-post-renderer.cjs', import.meta.url).href);
