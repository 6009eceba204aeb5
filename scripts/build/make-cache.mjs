// Run by scripts/build/code-cache.mjs, in a Node of its own: runs the post-render script as the
// post-renderer does (the same source, compiled the same way, node:vm's Script), with the sample
// stream on standard input. `make` writes V8's code cache for it to CACHE; `check` compiles it
// with that cache and says on stderr whether V8 accepted it.
//   node make-cache.mjs make|check SCRIPT FILENAME CACHE [post-render args...]
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Script } from 'node:vm';

const [mode, scriptFile, filename, cacheFile, ...argv] = process.argv.slice(2);
if (!mode || !scriptFile || !filename || !cacheFile) throw new Error('usage: make-cache.mjs make|check SCRIPT FILENAME CACHE [args...]');
const cachedData = mode === 'check' ? readFileSync(cacheFile) : undefined;
const script = new Script(readFileSync(scriptFile, 'utf8'), { filename, ...(cachedData ? { cachedData } : {}) });
if (mode === 'check') process.stderr.write(script.cachedDataRejected ? 'rejected\n' : 'accepted\n');
const module = { exports: /** @type {{ run: (argv: string[]) => Promise<number> }} */ ({}) };
script.runInThisContext()(module.exports, createRequire(filename), module);
const code = await module.exports.run(argv);
if (code !== 0) process.exit(code);
if (mode === 'make') writeFileSync(cacheFile, script.createCachedData());
