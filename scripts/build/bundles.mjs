// Build job 3: the programs, bundled by esbuild into dist/ (committed: a `helm plugin install
// <git URL>` needs no build; test/dist.test.ts checks they equal a fresh build).
//  - dist/flytemc.mjs and dist/flytemc-krm.mjs, with code splitting: each command loads only its
//    own modules (dist/chunks/);
//  - dist/flytemc-post-renderer.cjs: it runs on every `helm install/upgrade/template`, so its
//    start-up counts (bench/, docs/benchmarks.md). plugin/bin/flytemc-post-renderer.ts as CommonJS (no
//    ES module loader at start-up), which runs the post-render command, one minified classic
//    script (dist/flytemc-post-render.js), with V8's code cache for it
//    (dist/flytemc-post-render.code-cache, code-cache.mjs).
import { chmodSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as esbuild from 'esbuild';

/** @type {esbuild.BuildOptions} */
const COMMON = { bundle: true, platform: 'node', target: 'node20', sourcemap: false, logLevel: 'warning' };
export const PROGRAMS = ['flytemc.mjs', 'flytemc-post-renderer.cjs', 'flytemc-krm.mjs'];

/**
 * dist/flytemc.mjs and dist/flytemc-krm.mjs, from a fresh dist/ (no stale chunk left behind).
 * @param {string} root the repository
 */
export async function bundleCommands(root) {
  rmSync(join(root, 'dist'), { recursive: true, force: true });
  await esbuild.build({
    ...COMMON,
    format: 'esm',
    entryPoints: { flytemc: join(root, 'plugin', 'bin', 'flytemc.ts'), 'flytemc-krm': join(root, 'plugin', 'bin', 'flytemc-krm.ts') },
    outdir: join(root, 'dist'),
    outExtension: { '.js': '.mjs' },
    chunkNames: 'chunks/[name]-[hash]',
    splitting: true,
    // plugin/bin/flytemc.ts runs `post-render` from the post-renderer's script and code cache when built
    define: { FLYTEMC_BUILT: 'true' },
    banner: {
      js: "#!/usr/bin/env node\nimport { createRequire as __flytemcCreateRequire } from 'node:module'; const require = __flytemcCreateRequire(import.meta.url);",
    },
  });
}

/**
 * The post-render command as one classic script: `(function (exports, require, module) {…})`.
 * @param {string} root the repository
 */
export async function postRenderScript(root) {
  const script = await esbuild.build({
    ...COMMON,
    stdin: {
      contents: "export { run } from './plugin/commands/post-render.ts';\nexport { running } from './plugin/cli/shell.ts';",
      resolveDir: root,
      sourcefile: 'post-render-entry.ts',
      loader: 'ts',
    },
    format: 'cjs',
    minify: true,
    legalComments: 'none',
    write: false,
  });
  const body = script.outputFiles?.[0]?.text ?? '';
  // a classic script has no import(), import.meta or require() of its own beyond what we pass
  if (/\bimport\(|import\.meta|Dynamic require of/.test(body))
    throw new Error('the post-render script uses import(), import.meta or a dynamic require: it cannot run as a classic script');
  return `(function (exports, require, module) {${body}\n})`;
}

/**
 * dist/flytemc-post-renderer.cjs (plugin/bin/flytemc-post-renderer.ts, CommonJS) and the script it runs,
 * dist/flytemc-post-render.js; the code cache (code-cache.mjs) is written next to them.
 * @param {string} root the repository
 * @param {string} source the post-render script
 */
export async function bundlePostRenderer(root, source) {
  const out = postRendererPath(root);
  await esbuild.build({
    ...COMMON,
    format: 'cjs',
    entryPoints: [join(root, 'plugin', 'bin', 'flytemc-post-renderer.ts')],
    outfile: out,
    minify: true,
    legalComments: 'none',
    banner: { js: '#!/usr/bin/env node' },
    define: { FLYTEMC_BUILT: 'true' },
  });
  if (readFileSync(out, 'utf8').includes('plugin/commands/post-render.ts')) throw new Error('dist/flytemc-post-renderer.cjs bundles the command');
  writeFileSync(postRenderScriptPath(root), source);
}

/** @param {string} root */
export const postRendererPath = (root) => join(root, 'dist', 'flytemc-post-renderer.cjs');
/** @param {string} root */
export const postRenderScriptPath = (root) => join(root, 'dist', 'flytemc-post-render.js');
/** @param {string} root */
export const codeCachePath = (root) => join(root, 'dist', 'flytemc-post-render.code-cache');

/** @param {string} root */
export function makeExecutable(root) {
  for (const f of PROGRAMS) chmodSync(join(root, 'dist', f), 0o755);
}
