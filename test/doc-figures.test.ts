// Every figure README.md and docs/*.md quote comes from a script's saved output: a
// time, a size or a ratio (ms, s, min, h, MiB, MB, KiB, KB, GiB, GB, 2.5x) in prose or a table must
// appear, as written, in a saved output that the same document names: bench/RESULTS.md (written
// by `npm run bench -- --publish`), an earlier published run under bench/history/, or a log under
// docs/logs/ (written by scripts/save-log.mjs). Each of those says when and on what machine it
// was made. Figures that are not measurements (limits, defaults, targets' thresholds, examples)
// are listed below with the reason, and a listed one must still be in its document.
// Code blocks and `code spans` are command lines and sample output, not quoted results.
import { test } from './helpers/uvu.ts';
import * as assert from 'uvu/assert';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { EXIT } from '../plugin/problems/problems.ts';
import { ALIAS_EXPANSION_FLOOR, MAX_ALIAS_EXPANSION, MAX_CONFIG_BYTES, MAX_INPUT_BYTES, MIB } from '../plugin/yaml/limits.ts';
import { DOCS } from './helpers/docs.ts';

const ROOT = join(import.meta.dirname, '..');
const SOURCES = [
  'bench/RESULTS.md',
  ...(existsSync(join(ROOT, 'bench', 'history'))
    ? readdirSync(join(ROOT, 'bench', 'history'))
        .filter((f) => /^RESULTS-.*\.md$/.test(f))
        .map((f) => `bench/history/${f}`)
    : []),
  ...(existsSync(join(ROOT, 'docs', 'logs'))
    ? readdirSync(join(ROOT, 'docs', 'logs'))
        .filter((f) => f.endsWith('.log'))
        .map((f) => `docs/logs/${f}`)
    : []),
];
const read = (f: string) => readFileSync(join(ROOT, f), 'utf8');

/** Figures that are not measurements: where they come from instead (`equals`: the code's value, checked). */
const STATED: Array<{ doc: string; figure: string; why: string; equals?: number }> = [
  { doc: 'README.md', figure: '256 MiB', why: 'the input limit, MAX_INPUT_BYTES in plugin/yaml/limits.ts', equals: MAX_INPUT_BYTES / MIB },
  { doc: 'README.md', figure: '16 MiB', why: 'the values file limit, MAX_CONFIG_BYTES', equals: MAX_CONFIG_BYTES / MIB },
  { doc: 'README.md', figure: '4x', why: 'the alias expansion limit, MAX_ALIAS_EXPANSION', equals: MAX_ALIAS_EXPANSION },
  { doc: 'docs/reliability.md', figure: '256 MiB', why: 'the input limit, MAX_INPUT_BYTES', equals: MAX_INPUT_BYTES / MIB },
  { doc: 'docs/reliability.md', figure: '16 MiB', why: 'the values file limit, MAX_CONFIG_BYTES', equals: MAX_CONFIG_BYTES / MIB },
  { doc: 'docs/reliability.md', figure: '4x', why: 'the alias expansion limit, MAX_ALIAS_EXPANSION', equals: MAX_ALIAS_EXPANSION },
  {
    doc: 'docs/reliability.md',
    figure: '1 MiB',
    why: "the alias expansion floor (ALIAS_EXPANSION_FLOOR), and Kubernetes' size limit of a Secret, which holds a Helm release",
    equals: ALIAS_EXPANSION_FLOOR / MIB,
  },
  { doc: 'docs/reliability.md', figure: '1.5 GiB', why: 'the heap cap the hostile tests give the post-renderer (--max-old-space-size=1536)' },
  { doc: 'docs/reliability.md', figure: '15 s', why: 'the hang bound of fault tests (a1), (a2)' },
  { doc: 'docs/reliability.md', figure: '50 MB', why: 'the size of a hostile input (blank lines)' },
  { doc: 'docs/reliability.md', figure: '20 MB', why: 'the size of a hostile input (one line)' },
  { doc: 'docs/join.md', figure: '60 s', why: 'the default of --token-timeout and --revoke-timeout' },
  {
    doc: 'docs/join.md',
    figure: '15 s',
    why: "flyte-core's lease-duration of flytepropeller's leader election (propeller.leader-election), which check reads from the Lease",
  },
  { doc: 'docs/configuration.md', figure: '30s', why: "an example Go duration in the schema's description (generated)" },
  { doc: 'docs/benchmarks.md', figure: '90 s', why: 'the default of --kustomize-timeout' },
];

const UNIT = '(?:ms|s|seconds?|min|minutes?|h|hours?|MiB|MB|KiB|KB|GiB|GB)';
const NUM = String.raw`\d[\d,]*(?:\.\d+)?`;
// `12 ms`, `1.2s`, `3.4-3.7 s`, `2.50x`; not inside words, versions or paths
const FIGURE = new RegExp(String.raw`(?<![\w.,/:-])(${NUM})(?:\s?[-–]\s?(${NUM}))?(?:(\s?)(${UNIT})(?![\w])|(x)(?![\w]))`, 'g');

/** The figures of a document, outside code, as `number unit` with the line they are on. */
function figures(text: string): Array<{ figure: string; parts: string[]; line: number }> {
  const out: Array<{ figure: string; parts: string[]; line: number }> = [];
  let inFence = false;
  text.split('\n').forEach((raw, i) => {
    if (/^\s*```/.test(raw)) {
      inFence = !inFence;
      return;
    }
    if (inFence) return;
    const line = raw.replace(/`[^`]*`/g, ' ').replace(/\]\([^)]*\)/g, ']');
    for (const m of line.matchAll(FIGURE)) {
      const unit = m[4] ?? m[5]!;
      const sp = m[5] ? '' : ' ';
      const parts = [m[1]!, ...(m[2] ? [m[2]] : [])].map((n) => `${n}${sp}${unit}`);
      out.push({ figure: m[0], parts, line: i + 1 });
    }
  });
  return out;
}

/** Whether a saved output holds this figure (`12 ms` also as `12ms`). */
function holds(source: string, part: string): boolean {
  const m = /^(.*?)\s?([A-Za-z]+)$/.exec(part)!;
  const re = new RegExp(String.raw`(?<![\d.,])${m[1]!.replace(/[.,]/g, '\\$&')}\s?${m[2]}(?![\w])`);
  return re.test(source);
}

test('every saved output says when and on what machine it was made', () => {
  assert.ok(SOURCES.length >= 2, SOURCES.join(', '));
  for (const f of SOURCES) {
    const head = read(f).split('\n').slice(0, 6).join('\n');
    assert.match(head, /\b20\d\d-\d\d-\d\d\b/, `${f}: no date in its first lines`);
    assert.match(head, /nproc/, `${f}: no machine in its first lines`);
  }
});

test('every figure in README.md and docs/*.md is in a saved output the document names, or listed as not measured', () => {
  const problems: string[] = [];
  const used = new Set<number>();
  let checked = 0;
  for (const doc of DOCS) {
    const text = read(doc);
    const named = SOURCES.filter((s) => text.includes(basename(s)));
    const texts = named.map(read);
    for (const f of figures(text)) {
      checked++;
      // a figure listed as not measured is that, even where a saved output happens to hold the
      // same text (a Go program's 16 MiB is not the values file limit)
      const stated = STATED.findIndex((s) => s.doc === doc && s.figure === f.figure.trim());
      if (stated >= 0) {
        used.add(stated);
        continue;
      }
      const missing = f.parts.filter((p) => !texts.some((t) => holds(t, p)));
      if (missing.length === 0) continue;
      problems.push(`${doc}:${f.line}: ${f.figure} is in none of ${named.length ? named.join(', ') : '(the document names no saved output)'}`);
    }
  }
  assert.ok(checked > 50, `only ${checked} figures found: the scan is broken`);
  assert.equal(problems, []);
  for (const s of STATED)
    if (s.equals !== undefined) assert.is(parseFloat(s.figure), s.equals, `${s.doc} quotes ${s.figure} for ${s.why}: the code says ${s.equals}`);
  const stale = STATED.filter((_, i) => !used.has(i)).map((s) => `${s.doc}: ${s.figure}`);
  assert.equal(stale, [], 'listed as not measured but not in the document');
});

test('the figure scan finds what it must and skips code', () => {
  const found = figures(
    'a 119 ms run, 2.31 s and 501 ms, 3.4-3.7 s, 1.13 s (2.50x one), 403 MiB\n`--timeout 3s` and\n```\n12 ms\n```\nv1.35.4, cluster-1, 1,000 documents, 11 resources x 7 verbs',
  ).map((f) => f.parts.join('|'));
  assert.equal(found, ['119 ms', '2.31 s', '501 ms', '3.4 s|3.7 s', '1.13 s', '2.50x', '403 MiB']);
  assert.ok(holds('| 1 | 1.5 MB | 228 ms |', '228 ms') && holds('[12.3s]', '12.3 s') && !holds('1228 ms', '228 ms') && !holds('2.281 s', '2.28 s'));
});

test("the exit-code table (docs/plugin.md, the one the README and join.md link to) is the code's (plugin/problems/problems.ts EXIT)", () => {
  const doc = read('docs/plugin.md');
  const table = doc.slice(doc.indexOf('## Exit codes'), doc.indexOf('\n## ', doc.indexOf('## Exit codes') + 3));
  const codes = [...table.matchAll(/^\| (\d+) \|/gm)].map((m) => Number(m[1]));
  assert.equal(
    codes,
    Object.values(EXIT).sort((a, b) => a - b),
  );
  for (const linking of ['README.md', 'docs/join.md']) assert.match(read(linking), /plugin\.md#exit-codes/, linking);
});

test.run();
