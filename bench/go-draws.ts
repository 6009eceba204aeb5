// The Go program in bench/go-draws (FlyteAdmin's execution draw in real Go), built once into
// the flytemc cache, keyed by its source: the routes test compares flytemc's draws with it, the
// benchmark times `routes --simulate` against it. Needs Go (as the cluster harness does).
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { cacheRoot } from '../test/harness/build.ts';

const SOURCE = join(import.meta.dirname, 'go-draws', 'main.go');

/** Path of the built program; builds it when the cache has no build of this source. */
export function goDraws(): string {
  const hash = createHash('sha256').update(readFileSync(SOURCE)).digest('hex').slice(0, 12);
  const bin = join(cacheRoot(), `go-draws-${hash}`);
  if (existsSync(bin)) return bin;
  mkdirSync(cacheRoot(), { recursive: true });
  const tmp = `${bin}.${process.pid}.tmp`;
  const r = spawnSync('go', ['build', '-o', tmp, SOURCE], { encoding: 'utf8', env: { ...process.env, GO111MODULE: 'off' } });
  if (r.error || r.status !== 0) throw new Error(`go build ${SOURCE} failed: ${r.error?.message ?? r.stderr}`);
  renameSync(tmp, bin);
  return bin;
}
