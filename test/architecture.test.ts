// docs/architecture.md, checked. The import graph of plugin/: each folder is a layer and imports
// only from the layers below it (the table LAYERS), never from above; no module imports a
// command but the command table (commands/index.ts) and the programs; no import cycle at all; the
// post-render path (what `flytemc-post-renderer` loads) loads no cluster module and no Kubernetes
// client; every export of a module is used outside it; no file over 300 lines; commands/ imports
// neither the Kubernetes client nor node:fs; no module parses a problem's text; problems.ts holds
// no mutable state. And the tests: every module of plugin/ has
// a test named after it (test/<path>.test.ts for plugin/<path>.ts) or is listed in
// test/covered-by.ts with the test that covers it.
import { test } from './helpers/uvu.ts';
import * as assert from 'uvu/assert';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { ROOT } from './helpers/helm.ts';
import { existsSync } from 'node:fs';
import { COVERED_BY } from './covered-by.ts';

/** Each folder of plugin/ is a layer: the layers it may import from (itself always), lowest first. */
export const LAYERS: Record<string, string[]> = {
  generated: [],
  problems: [],
  yaml: ['problems'],
  cli: ['problems', 'yaml'],
  helm: ['generated', 'problems', 'yaml', 'cli'],
  config: ['generated', 'problems', 'yaml', 'cli', 'helm'],
  postrender: ['generated', 'problems', 'yaml', 'config'],
  cluster: ['problems', 'yaml', 'cli', 'helm', 'config'],
  flyteadmin: ['problems', 'yaml', 'cli', 'config'],
  export: ['problems', 'yaml', 'cli', 'helm', 'config', 'postrender'],
  commands: ['generated', 'problems', 'yaml', 'cli', 'helm', 'config', 'postrender', 'cluster', 'flyteadmin', 'export'],
  bin: ['generated', 'problems', 'yaml', 'cli', 'helm', 'config', 'postrender', 'cluster', 'flyteadmin', 'export', 'commands'],
};
/** The programs (the entry points esbuild bundles), at the top. */
const PROGRAMS = ['plugin/bin/flytemc.ts', 'plugin/bin/flytemc-post-renderer.ts', 'plugin/bin/flytemc-krm.ts'];
/** Modules of commands/ that are not commands: shared flag parsing, running Helm as install does, and the command table. */
const COMMAND_HELPERS = [
  'plugin/commands/cluster-flags.ts',
  'plugin/commands/admin-flags.ts',
  'plugin/commands/helm-install.ts',
  'plugin/commands/control-plane-values.ts',
  'plugin/commands/index.ts',
];

interface Edge {
  from: string;
  to: string;
  type: boolean;
  dynamic: boolean;
}

function walk(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((n) => {
      const p = join(dir, n);
      if (n === 'node_modules' || n.startsWith('.')) return [];
      return statSync(p).isDirectory()
        ? walk(p)
        : /\.(ts|mts|mjs|cjs|js)$/.test(n) && !n.endsWith('.d.ts') && !n.endsWith('.d.cts') && !n.endsWith('.d.mts')
          ? [relative(ROOT, p)]
          : [];
    });
}

const IMPORT = /^\s*(import|export)\s+(type\s+)?(?:[^'";]*?\s+from\s+)?['"]([^'"]+)['"]/gm;
const DYNAMIC = /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g;

function edges(files: string[]): Edge[] {
  const out: Edge[] = [];
  for (const f of files) {
    const text = readFileSync(join(ROOT, f), 'utf8');
    const add = (spec: string, type: boolean, dynamic: boolean) => {
      if (!spec.startsWith('.')) return;
      out.push({ from: f, to: relative(ROOT, resolve(dirname(join(ROOT, f)), spec)), type, dynamic });
    };
    for (const m of text.matchAll(IMPORT)) add(m[3]!, !!m[2] || /^\s*import\s+type\b/.test(m[0]), false);
    for (const m of text.matchAll(DYNAMIC)) add(m[1]!, false, true);
  }
  return out;
}

const layerOf = (f: string): string => {
  const parts = f.split('/');
  return parts.length === 2 ? 'plugin' : parts[1]!;
};

const files = walk(join(ROOT, 'plugin'));
const graph = edges(files);

test('every folder of plugin/ is a layer of the rule', () => {
  const unknown = [...new Set(files.map(layerOf))].filter((l) => !(l in LAYERS));
  assert.equal(unknown, [], 'folders without a layer (add them to LAYERS and docs/architecture.md)');
});

test('imports go down the layers, never up or sideways', () => {
  const bad = graph
    .filter((e) => e.to.startsWith('plugin/'))
    .filter((e) => {
      const a = layerOf(e.from);
      const b = layerOf(e.to);
      return a !== b && !LAYERS[a]!.includes(b);
    });
  assert.equal(
    bad.map((e) => `${e.from} (${layerOf(e.from)}) -> ${e.to} (${layerOf(e.to)})`),
    [],
  );
});

test('only the command table and the programs import a command', () => {
  const commands = files.filter((f) => f.startsWith('plugin/commands/') && !COMMAND_HELPERS.includes(f));
  const bad = graph.filter((e) => commands.includes(e.to) && e.from !== 'plugin/commands/index.ts' && !PROGRAMS.includes(e.from));
  assert.equal(
    bad.map((e) => `${e.from} -> ${e.to}`),
    [],
  );
});

test('no import cycle, between folders or between modules', () => {
  const next = new Map<string, string[]>();
  for (const e of graph) if (e.to.startsWith('plugin/') && !e.type) next.set(e.from, [...(next.get(e.from) ?? []), e.to]);
  const cycles: string[] = [];
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const visit = (f: string) => {
    if (state.get(f) === 'done') return;
    if (state.get(f) === 'open') {
      cycles.push([...path.slice(path.indexOf(f)), f].join(' -> '));
      return;
    }
    state.set(f, 'open');
    path.push(f);
    for (const t of next.get(f) ?? []) visit(t);
    path.pop();
    state.set(f, 'done');
  };
  for (const f of files) visit(f);
  assert.equal(cycles, []);
  const folders = new Set(
    graph
      .filter((e) => e.to.startsWith('plugin/'))
      .map((e) => `${layerOf(e.from)} -> ${layerOf(e.to)}`)
      .filter((x) => x.split(' -> ')[0] !== x.split(' -> ')[1]),
  );
  const twoWay = [...folders].filter((x) => folders.has(x.split(' -> ').reverse().join(' -> ')));
  assert.equal(twoWay, [], 'folders that import each other');
});

test('the post-render path loads no cluster module and no Kubernetes client', () => {
  const loaded = new Set<string>();
  const load = (f: string) => {
    if (loaded.has(f)) return;
    loaded.add(f);
    for (const e of graph) if (e.from === f && !e.type && !e.dynamic && e.to.startsWith('plugin/')) load(e.to);
  };
  load('plugin/commands/post-render.ts');
  assert.ok(loaded.size > 10, [...loaded].join(', '));
  assert.equal(
    [...loaded].filter((f) => f.startsWith('plugin/cluster/') || f.startsWith('plugin/commands/cluster')),
    [],
  );
  const k8s = [...loaded].filter((f) => /@kubernetes\/client-node/.test(readFileSync(join(ROOT, f), 'utf8').replace(/^\s*import type .*$/gm, '')));
  assert.equal(k8s, []);
});

test('every export of a module of plugin/ is used outside it', () => {
  const everything = [...files, ...walk(join(ROOT, 'test')), ...walk(join(ROOT, 'bench')), ...walk(join(ROOT, 'scripts'))];
  const all = edges(everything);
  const unused: string[] = [];
  for (const f of files.filter((x) => !x.startsWith('plugin/generated/'))) {
    const text = readFileSync(join(ROOT, f), 'utf8');
    const names = [
      ...[...text.matchAll(/^export\s+(?:declare\s+)?(?:async\s+)?(?:const|let|function\*?|class|interface|type|enum)\s+([A-Za-z_$][\w$]*)/gm)].map(
        (m) => m[1]!,
      ),
      ...[...text.matchAll(/^export\s*\{([^}]*)\}\s*;/gm)].flatMap((m) =>
        m[1]!
          .split(',')
          .map(
            (x) =>
              x
                .trim()
                .split(/\s+as\s+/)
                .pop()!,
          )
          .filter(Boolean),
      ),
    ];
    // the text of each module that imports this one, without the module paths it names
    const users = [...new Set(all.filter((e) => e.to === f && e.from !== f).map((e) => e.from))].map((u) =>
      readFileSync(join(ROOT, u), 'utf8').replace(/(from\s*|import\(\s*)(['"])[^'"]*\2/g, '$1'),
    );
    for (const n of names) if (!users.some((t) => new RegExp(`\\b${n.replace(/\$/g, '\\$')}\\b`).test(t))) unused.push(`${f}: ${n}`);
  }
  assert.equal(unused, [], 'exports no other module uses: drop the export (or the code)');
});

/** The one file allowed over MAX_FILE_LINES: Go's math/rand ported draw for draw, with its seed table. */
const LONG_FILES = ['plugin/config/go-rand.ts'];
const MAX_FILE_LINES = 300;

test(`no file of plugin/ is over ${MAX_FILE_LINES} lines`, () => {
  const long = files
    .filter((f) => !f.startsWith('plugin/generated/') && !LONG_FILES.includes(f))
    .map((f) => ({ f, lines: readFileSync(join(ROOT, f), 'utf8').replace(/\n$/, '').split('\n').length }))
    .filter((x) => x.lines > MAX_FILE_LINES)
    .map((x) => `${x.f}: ${x.lines} lines`);
  assert.equal(long, [], 'split the module by its jobs');
  for (const f of LONG_FILES) assert.ok(files.includes(f), `${f} is gone: drop it from LONG_FILES`);
});

/** The value imports (static or dynamic) of a module's text: `import type` and `export type` left out. */
function valueImports(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(IMPORT)) if (!m[2]) out.push(m[3]!);
  for (const m of text.matchAll(DYNAMIC)) out.push(m[1]!);
  return out;
}

test('commands/ imports neither the Kubernetes client nor node:fs', () => {
  const bad = files
    .filter((f) => f.startsWith('plugin/commands/'))
    .flatMap((f) =>
      valueImports(readFileSync(join(ROOT, f), 'utf8'))
        .filter((spec) => spec === '@kubernetes/client-node' || /^(node:)?fs(\/promises)?$/.test(spec))
        .map((spec) => `${f}: ${spec}`),
    );
  assert.equal(bad, [], 'a command parses its flags, makes one call into its layer and prints: files and clusters belong there (cli/stdio.ts, cluster/)');
});

/** A module that reads a JavaScript engine's error by its message: V8's RangeError for a too-deep or too-large document has no code. */
const ENGINE_MESSAGES = ['plugin/yaml/limits.ts'];
/** Reading a problem's text back: a regular expression or a split on its where/what/message, or the old location marks. */
const READS_PROBLEM_TEXT = [
  /\.(?:exec|test)\(\s*[\w$.?!()[\]]*?\.(?:where|what|message)\b/,
  /\.(?:where|what|message)\??\.(?:match|matchAll|replace|replaceAll|search|split)\(/,
  /\bmarkWhere\b|\bmarked\(/,
];

test("no module reads a problem's text back (a problem carries its fields)", () => {
  const bad: string[] = [];
  for (const f of files.filter((x) => !x.startsWith('plugin/generated/') && !ENGINE_MESSAGES.includes(x)))
    readFileSync(join(ROOT, f), 'utf8')
      .split('\n')
      .forEach((line, i) => {
        if (READS_PROBLEM_TEXT.some((re) => re.test(line))) bad.push(`${f}:${i + 1}: ${line.trim()}`);
      });
  assert.equal(bad, [], "carry the problem's fields (code, file, line, object, pointer) instead of parsing its text");
});

test("the rule on a problem's text catches its forms, and only them", () => {
  const caught = (line: string) => READS_PROBLEM_TEXT.some((re) => re.test(line));
  for (const line of [
    'const m = /:(\\d+)$/.exec(p.where);',
    'if (/no config/.test(e.problems[0]!.what)) return;',
    "const first = p.what.split('\\n')[0];",
    "where: e.message.split(' exists')[0]!,",
    'const hit = problem.message?.match(/line (\\d+)/);',
    'if (markWhere(context, NOTE)) warn();',
    'const shown = marked(hubName);',
  ])
    assert.ok(caught(line), line);
  for (const line of [
    "problems.push(error({ file, line }, 'is not a mapping', fix));",
    'process.stderr.write(formatProblems(e.problems));',
    'const text = p.message;',
    'if (p.code === "values.schema") count++;',
  ])
    assert.not.ok(caught(line), line);
});

test('problems.ts holds no module-level mutable state', () => {
  const text = readFileSync(join(ROOT, 'plugin/problems/problems.ts'), 'utf8');
  const bad = text
    .split('\n')
    .map((line, i) => ({ line, n: i + 1 }))
    .filter(
      ({ line }) =>
        /^(?:export\s+)?(?:let|var)\s/.test(line) || /^(?:export\s+)?const\s+[\w$]+\s*(?::[^=]+)?=\s*new\s+(?:Map|Set|WeakMap|WeakSet|Array)\b/.test(line),
    )
    .map(({ line, n }) => `plugin/problems/problems.ts:${n}: ${line.trim()}`);
  assert.equal(bad, [], 'how a problem prints depends on the problem alone: pass what it needs as fields');
});

test('every module of plugin/ has a test named after it, or one listed in test/covered-by.ts', () => {
  const modules = files.filter((f) => !/\.d\.[cm]?ts$/.test(f));
  const mirror = (f: string) => `test/${f.slice('plugin/'.length).replace(/\.[cm]?[jt]s$/, '')}.test.ts`;
  const untested = modules.filter((f) => !existsSync(join(ROOT, mirror(f))) && !COVERED_BY[f]);
  assert.equal(untested, [], 'write test/<path>.test.ts, or list the module in test/covered-by.ts with the test that covers it');
  const stale = Object.keys(COVERED_BY).filter((f) => !modules.includes(f) || existsSync(join(ROOT, mirror(f))));
  assert.equal(stale, [], 'listed in test/covered-by.ts but gone, or with a test of its own');
  const missing = Object.entries(COVERED_BY)
    .filter(([, c]) => !existsSync(join(ROOT, c.test)))
    .map(([m, c]) => `${m}: ${c.test}`);
  assert.equal(missing, [], 'covered by a test that does not exist');
  // and the other way round: a test in a folder is the test of a module
  const orphans = walk(join(ROOT, 'test'))
    .filter((f) => f.endsWith('.test.ts') && f.split('/').length > 2)
    .filter((f) => !modules.some((m) => mirror(m) === f));
  assert.equal(orphans, [], 'tests in a folder of test/ must be named after a module of plugin/');
});

test.run();
