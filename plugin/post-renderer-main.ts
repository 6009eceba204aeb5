// `flytemc-post-renderer`: the program Helm runs with --post-renderer. It is `flytemc
// post-render` without the sub-command word, so Helm 3 (an executable on PATH) and Helm 4
// (a postrenderer/v1 plugin) call the same code.
//
// It runs on every `helm install/upgrade/template`, so its start-up counts (bench/,
// docs/benchmarks.md). The build (scripts/build/) bundles the post-render command into one script,
// FLYTEMC_POST_RENDER, and V8's code cache for it, FLYTEMC_CODE_CACHE (base64; made at build time
// by running the script once on flyte-core's control plane), both embedded in this file: a run
// then deserialises the compiled code instead of parsing and compiling it again. V8 checks the
// cache and ignores it when it does not fit (another Node version, other V8 flags): the script
// is then compiled as usual. Run from source (tsx), it is a plain import.
import { createRequire } from 'node:module';
import { Script } from 'node:vm';
import { fileURLToPath } from 'node:url';
import type * as PostRender from './commands/post-render.ts';

declare const FLYTEMC_POST_RENDER: string | undefined;
declare const FLYTEMC_CODE_CACHE: string | undefined;

function load(): Promise<typeof PostRender> {
  if (typeof FLYTEMC_POST_RENDER !== 'string') return import('./commands/post-render.ts');
  const file = fileURLToPath(import.meta.url);
  const cachedData = typeof FLYTEMC_CODE_CACHE === 'string' && FLYTEMC_CODE_CACHE ? Buffer.from(FLYTEMC_CODE_CACHE, 'base64') : undefined;
  const script = new Script(FLYTEMC_POST_RENDER, { filename: file, ...(cachedData ? { cachedData } : {}) });
  const module = { exports: {} as typeof PostRender };
  (script.runInThisContext() as (e: object, r: NodeJS.Require, m: object) => void)(module.exports, createRequire(file), module);
  return Promise.resolve(module.exports);
}

// `--krm`: the KRM function, a program of its own (dist/flytemc-krm.mjs, plugin/krm-main.ts),
// loaded only then, so the post-renderer's start-up pays nothing for it. The specifier is not a
// literal, so the bundler leaves the import alone.
if (process.argv.includes('--krm')) {
  const krm = typeof FLYTEMC_POST_RENDER === 'string' ? './flytemc-krm.mjs' : './krm-main.ts';
  await import(new URL(krm, import.meta.url).href);
} else {
  process.exitCode = await (await load()).run(process.argv.slice(2));
}
