// `flytemc-post-renderer`: the program Helm runs with --post-renderer (`flytemc post-render` without the word).
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as PostRender from '../commands/post-render.ts';
import { BUILT, loadPostRenderScript } from './post-render-script.ts';

// The specifiers below are not literals, so the bundler leaves these imports alone.
const source = (file: string) => import(file);

/**
 * It runs on every `helm install|upgrade|template`, so its start-up counts (docs/benchmarks.md): the
 * build makes it CommonJS (no ES module loader) and runs the post-render script with its V8 code cache.
 */
async function main(argv: string[]): Promise<number> {
  // `--krm`: the KRM function, a program of its own (dist/flytemc-krm.mjs, plugin/bin/flytemc-krm.ts),
  // loaded only then, so the post-renderer's start-up pays nothing for it.
  if (argv.includes('--krm')) {
    await source(BUILT ? pathToFileURL(join(__dirname, 'flytemc-krm.mjs')).href : './flytemc-krm.ts');
    return Number(process.exitCode ?? 0);
  }
  const postRender: Pick<typeof PostRender, 'run'> = BUILT ? loadPostRenderScript(__dirname, require) : await source('./commands/post-render.ts');
  return postRender.run(argv);
}

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
