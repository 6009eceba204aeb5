// The Go programs of bench/, built once into the flytemc cache, keyed by their source: go-draws
// (FlyteAdmin's execution draw in real Go: the routes test compares flytemc's draws with it, the
// benchmark times `routes --simulate` against it) and rusage (CPU time to the microsecond for
// measure.ts). Needs Go (as the cluster harness does).
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { cacheRoot } from '../test/harness/build.ts';

/** Path of a Go program of bench/ (bench/NAME/main.go), built when the cache has no build of its source. */
export function goProgram(name: string): string {
  const source = join(import.meta.dirname, name, 'main.go');
  const hash = createHash('sha256').update(readFileSync(source)).digest('hex').slice(0, 12);
  const bin = join(cacheRoot(), `${name}-${hash}`);
  if (existsSync(bin)) return bin;
  mkdirSync(cacheRoot(), { recursive: true });
  const tmp = `${bin}.${process.pid}.tmp`;
  const r = spawnSync('go', ['build', '-o', tmp, source], { encoding: 'utf8', env: { ...process.env, GO111MODULE: 'off' } });
  if (r.error || r.status !== 0) throw new Error(`go build ${source} failed: ${r.error?.message ?? r.stderr}`);
  renameSync(tmp, bin);
  return bin;
}

/** FlyteAdmin's execution draw in real Go (bench/go-draws/main.go). */
export const goDraws = (): string => goProgram('go-draws');
