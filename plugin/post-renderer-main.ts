// `flytemc-post-renderer`: the program Helm runs with --post-renderer. It is `flytemc
// post-render` without the sub-command word, so Helm 3 (an executable on PATH) and Helm 4
// (a postrenderer/v1 plugin) call the same code.
//
// It runs on every `helm install/upgrade/template`, so its start-up counts (bench/,
// docs/benchmarks.md). The build (scripts/build/) makes three files of it:
//   dist/flytemc-post-renderer.cjs   this file: CommonJS, so Node starts it without its ES
//                                    module loader
//   dist/flytemc-post-render.js      the post-render command, one minified classic script
//   dist/flytemc-post-render.code-cache  V8's code cache for that script, made at build time by
//                                    running it once on flyte-core's control plane
// A run deserialises the compiled code instead of parsing and compiling the script. V8 checks
// the cache and ignores it when it does not fit (another Node version, other V8 flags): the
// script is then compiled as usual. Run from source (tsx), it is a plain import.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Script } from 'node:vm';
import type * as PostRender from './commands/post-render.ts';

/** Defined (true) by the build; undefined when run from source. */
declare const FLYTEMC_BUILT: boolean | undefined;
const BUILT = typeof FLYTEMC_BUILT === 'boolean';
const SCRIPT_FILE = 'flytemc-post-render.js';
const CACHE_FILE = 'flytemc-post-render.code-cache';

// The specifiers below are not literals, so the bundler leaves these imports alone.
const source = (file: string) => import(file);

function loadBuilt(): typeof PostRender {
  const file = join(__dirname, SCRIPT_FILE);
  let cachedData: Buffer | undefined;
  try {
    cachedData = readFileSync(join(__dirname, CACHE_FILE));
  } catch {
    cachedData = undefined; // no cache: compiled as usual
  }
  const script = new Script(readFileSync(file, 'utf8'), { filename: file, ...(cachedData ? { cachedData } : {}) });
  const module = { exports: {} as typeof PostRender };
  (script.runInThisContext() as (e: object, r: NodeJS.Require, m: object) => void)(module.exports, require, module);
  return module.exports;
}

async function main(argv: string[]): Promise<number> {
  // `--krm`: the KRM function, a program of its own (dist/flytemc-krm.mjs, plugin/krm-main.ts),
  // loaded only then, so the post-renderer's start-up pays nothing for it.
  if (argv.includes('--krm')) {
    await source(BUILT ? pathToFileURL(join(__dirname, 'flytemc-krm.mjs')).href : './krm-main.ts');
    return Number(process.exitCode ?? 0);
  }
  const postRender: typeof PostRender = BUILT ? loadBuilt() : await source('./commands/post-render.ts');
  return postRender.run(argv);
}

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
