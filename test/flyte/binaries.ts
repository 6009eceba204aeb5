// The real FlyteAdmin, FlytePropeller and DataCatalog v1.16.8, unpacked once from ../shared/flyte/bin
// into the test cache and checked against the sha256 that ../shared/flyte/README.md publishes.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, createReadStream, existsSync, mkdirSync, openSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { SHARED } from '../../scripts/shared.mjs';
import { HarnessError, cacheRoot } from '../harness/build.ts';

export const FLYTE_VERSION = 'v1.16.8';
export const FLYTE_DIR = join(SHARED, 'flyte');
export type FlyteProgram = 'flyteadmin' | 'flytepropeller' | 'datacatalog';
const PROGRAMS: readonly FlyteProgram[] = ['flyteadmin', 'flytepropeller', 'datacatalog'];

export type FlyteBinaries = Record<FlyteProgram, string>;

/** The published sha256 of each unpacked program, read from the table in ../shared/flyte/README.md. */
export function publishedSums(readme = join(FLYTE_DIR, 'README.md')): Record<FlyteProgram, string> {
  if (!existsSync(readme)) throw new HarnessError(`${readme} is missing: the real Flyte programs come from ../shared/flyte`);
  const text = readFileSync(readme, 'utf8');
  const sums = {} as Record<FlyteProgram, string>;
  for (const p of PROGRAMS) {
    const m = text.match(new RegExp(`^\\|\\s*${p}\\s*\\|\\s*([0-9a-f]{64})\\s*\\|`, 'm'));
    if (!m?.[1]) throw new HarnessError(`${readme} gives no sha256 for ${p}`);
    sums[p] = m[1];
  }
  return sums;
}

async function sha256File(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

function unxz(src: string, dest: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const out = openSync(dest, 'w', 0o755);
    const p = spawn('xz', ['-dc', src], { stdio: ['ignore', out, 'pipe'] });
    let err = '';
    p.stderr?.on('data', (d: Buffer) => {
      err += d.toString();
    });
    p.on('error', (e: NodeJS.ErrnoException) =>
      reject(
        new HarnessError(e.code === 'ENOENT' ? `xz is not installed (Debian: apt-get install xz-utils); needed to unpack ${src}` : `xz ${src}: ${e.message}`),
      ),
    );
    p.on('close', (code) => (code === 0 ? resolve() : reject(new HarnessError(`xz -dc ${src} failed (exit ${code}): ${err.trim()}`))));
  });
}

/** The folder the programs are unpacked into, keyed by version. */
export function flyteBinDir(): string {
  return join(cacheRoot(), `flyte-${FLYTE_VERSION}`, 'bin');
}

/**
 * Unpacks each program that is missing from the cache and checks every one against its published
 * sha256; a missing archive or a wrong sum throws a `HarnessError` naming the file.
 */
export async function ensureFlyteBinaries(from = FLYTE_DIR, dir = flyteBinDir()): Promise<FlyteBinaries> {
  const sums = publishedSums(join(from, 'README.md'));
  mkdirSync(dir, { recursive: true });
  const out = {} as FlyteBinaries;
  await Promise.all(
    PROGRAMS.map(async (p) => {
      const dest = join(dir, p);
      if (!existsSync(dest)) {
        const src = join(from, 'bin', `${p}.xz`);
        if (!existsSync(src)) throw new HarnessError(`${src} is missing: the real ${p} ${FLYTE_VERSION} comes from ../shared/flyte/bin`);
        const tmp = `${dest}.${process.pid}.tmp`;
        try {
          await unxz(src, tmp);
          chmodSync(tmp, 0o755);
          renameSync(tmp, dest);
        } finally {
          rmSync(tmp, { force: true });
        }
      }
      const got = await sha256File(dest);
      if (got !== sums[p]) {
        rmSync(dest, { force: true });
        throw new HarnessError(
          `${dest}: sha256 ${got} is not the published ${sums[p]} (../shared/flyte/README.md); unpacked from ${join(FLYTE_DIR, 'bin', `${p}.xz`)}`,
        );
      }
      out[p] = dest;
    }),
  );
  return out;
}
