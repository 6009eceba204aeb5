// The built post-render command (dist/flytemc-post-render.js), run with the V8 code cache made for it at build time.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Script } from 'node:vm';

/** Defined (true) by the build (scripts/build/bundles.mjs); undefined when run from source. */
declare const FLYTEMC_BUILT: boolean | undefined;
/** Whether this is the built program (dist/), which has the script to load. */
export const BUILT = typeof FLYTEMC_BUILT === 'boolean';

/** What the script exports (scripts/build/bundles.mjs postRenderScript). */
interface PostRenderScript {
  run(argv: string[]): Promise<number>;
  /** The script's own shell.ts state: the command name its messages use. */
  running: { command: string; readOnly: boolean };
}

/** Loads the script from `dir` (dist/), with `req` as its `require` (for Node's built-in modules). */
export function loadPostRenderScript(dir: string, req: NodeJS.Require): PostRenderScript {
  const file = join(dir, 'flytemc-post-render.js');
  let cachedData: Buffer | undefined;
  try {
    cachedData = readFileSync(join(dir, 'flytemc-post-render.code-cache'));
  } catch {
    cachedData = undefined; // no cache: compiled as usual
  }
  const script = new Script(readFileSync(file, 'utf8'), { filename: file, ...(cachedData ? { cachedData } : {}) });
  const module = { exports: {} as PostRenderScript };
  (script.runInThisContext() as (e: object, r: NodeJS.Require, m: object) => void)(module.exports, req, module);
  return module.exports;
}
