// Runs one command module's run(argv) in a Node process of its own (tsx, no build), for the unit tests of plugin/commands/: their output goes to fd 1 and 2, which a test cannot catch in its own process.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const PLUGIN = join(import.meta.dirname, '..', '..', 'plugin');

/** `module`: a path under plugin/, e.g. `commands/rbac.ts`; `input`: its standard input. */
export function runCommand(
  module: string,
  argv: string[],
  env: Record<string, string | undefined> = {},
  input = '',
): { code: number | null; stdout: string; stderr: string } {
  const script = `import { run } from ${JSON.stringify(join(PLUGIN, module))}; process.exitCode = await run(${JSON.stringify(argv)});`;
  const merged: Record<string, string | undefined> = { ...process.env, ...env };
  for (const k of Object.keys(merged)) if (merged[k] === undefined) delete merged[k];
  const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    encoding: 'utf8',
    env: merged as NodeJS.ProcessEnv,
    input,
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
