#!/usr/bin/env node
// The build, job by job (scripts/build/):
//   1. generated.mjs   the JSON Schemas compiled to ajv validators, and the version, into
//                      plugin/generated/ (git-ignored)
//   2. scripts/gen-*.mjs   the files derived from the schemas (the chart's values.schema.json,
//                      docs/configuration.md); each exports default async function(root)
//   3. bundles.mjs     the programs, bundled by esbuild into dist/
//   4. code-cache.mjs  V8's code cache for the post-render script, next to it in dist/
//   5. completion.mjs  completion.yaml, from the commands' --help
// dist/ and completion.yaml are committed (test/dist.test.ts keeps them equal to a fresh build).
//   node scripts/build.mjs               everything
//   node scripts/build.mjs --no-bundle   jobs 1 and 2 only
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { bundleCommands, bundlePostRenderer, codeCachePath, makeExecutable, postRenderScript, postRenderScriptPath } from './build/bundles.mjs';
import { codeCache } from './build/code-cache.mjs';
import { writeCompletion } from './build/completion.mjs';
import { generateModules } from './build/generated.mjs';
import { ROOT } from './shared.mjs';

generateModules(ROOT);

for (const f of readdirSync(join(ROOT, 'scripts'))
  .filter((f) => /^gen-.*\.mjs$/.test(f))
  .sort()) {
  const mod = await import(pathToFileURL(join(ROOT, 'scripts', f)).href);
  await mod.default(ROOT);
}

if (!process.argv.includes('--no-bundle')) {
  await bundleCommands(ROOT);
  const script = await postRenderScript(ROOT);
  await bundlePostRenderer(ROOT, script);
  codeCache(ROOT, postRenderScriptPath(ROOT), codeCachePath(ROOT));
  makeExecutable(ROOT);
  writeCompletion(ROOT);
}
