// plugin/bin/post-render-script.ts: both programs that post-render (flytemc-post-renderer and
// `flytemc post-render`) run the built script with V8's code cache, and the cache can only save
// time: without it, or with one V8 refuses, they compile the script and give the same output.
import { test } from '../helpers/uvu.ts';
import * as assert from 'uvu/assert';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixture, rendered } from '../helpers/manifests.ts';
import { CLI, POST_RENDERER, runNodeSync } from '../helpers/process.ts';

const CONFIG = ['--config', fixture('three-clusters.yaml')];
const INPUT = rendered('controlplane.yaml');
const want = runNodeSync(POST_RENDERER, CONFIG, { input: INPUT });

test('the post-renderer and `flytemc post-render`: the same output and the same refusal', () => {
  assert.is(want.code, 0, want.stderr);
  const cli = runNodeSync(CLI, ['post-render', ...CONFIG], { input: INPUT });
  assert.is(cli.code, 0, cli.stderr);
  assert.is(cli.stdout, want.stdout);
  const bad = (prog: string, args: string[]) => runNodeSync(prog, args, { input: INPUT.replace('kind: Deployment', 'kind: Deployment\nkind: Deployment') });
  const a = bad(POST_RENDERER, CONFIG);
  const b = bad(CLI, ['post-render', ...CONFIG]);
  assert.is(a.code, 1);
  assert.is(b.code, 1);
  assert.is(b.stdout, '');
  assert.is(b.stderr, a.stderr);
});

test('without the code cache, or with one V8 refuses: the same output', () => {
  for (const [what, cache] of [
    ['no cache', undefined],
    ['a cache of random bytes', Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 251))],
  ] as const) {
    const dir = mkdtempSync(join(tmpdir(), 'flytemc-script-'));
    try {
      cpSync(join(POST_RENDERER, '..'), join(dir, 'dist'), { recursive: true });
      const cacheFile = join(dir, 'dist', 'flytemc-post-render.code-cache');
      rmSync(cacheFile);
      if (cache) writeFileSync(cacheFile, cache);
      for (const [prog, args] of [
        [join(dir, 'dist', 'flytemc-post-renderer.cjs'), CONFIG],
        [join(dir, 'dist', 'flytemc.mjs'), ['post-render', ...CONFIG]],
      ] as const) {
        const r = runNodeSync(prog, [...args], { input: INPUT });
        assert.is(r.code, 0, `${what}, ${prog}: ${r.stderr}`);
        assert.is(r.stdout, want.stdout, `${what}, ${prog}`);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
});

test.run();
