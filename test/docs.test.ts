// The README is a contract: every command block of README.md and docs/*.md runs, as written, on
// Helm 3.17.2 and on Helm 4.1.4, in a clean copy of the repository (only what git tracks, then
// `npm ci`), as a new user with default Helm settings and an empty home. Sample output is checked
// against the program's real output.
//
// What counts as a command block: a fenced block in sh/bash/shell/console, or any block with a
// line starting with `$ `. Other blocks (yaml, text tables) are data; `<!-- doctest: file PATH -->`
// ties one to a file of the repository (compared as YAML when it is YAML).
//   - A block without `$ ` lines is a script: it runs with `bash -e -o pipefail` and must exit 0.
//   - A block with `$ ` lines is a transcript: each `$ command` (continued with a trailing `\`) runs,
//     stdout and stderr together (through a pipe, as in a terminal pipeline or a CI log), and must
//     print exactly the lines below it, up to the next `$ ` line. `[exit N]` says the exit code
//     (default 0); a line `…` stands for any lines. Paths are shown as a user sees them: the home
//     folder as `~`, the temporary folder as `/tmp`.
// Each markdown file starts with an empty home (no Helm plugins, no ~/.local/bin); blocks run in
// order, in the repository's folder (`~/flytemc`), so a page may build on its earlier blocks.
// Files the docs treat as the reader's own are given (GIVEN below).
//
// Directives, an HTML comment on the line(s) right above a block:
//   <!-- doctest: skip REASON -->     not run here; REASON says why (needs clusters, needs the
//                                     network, the test suite itself, ...). Required for every
//                                     command block that cannot run offline: a new block that
//                                     fails is a red test, so it must be made to run or be marked.
//   <!-- doctest: helm3 only -->      run on Helm 3 only (also `helm4 only`), e.g. a Helm 3 form
//   <!-- doctest: output from helm4 --> compare the output on Helm 4; on Helm 3 only the exit code
//   <!-- doctest: file PATH -->       a data block that must equal PATH
//
// FLYTEMC_DOCTEST_UPDATE=1 writes the real output of every transcript back into the markdown files
// of the working tree (the Helm 4 output, or the one its directive names).
import { test } from './helpers/uvu.ts';
import * as assert from 'uvu/assert';
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import yaml from 'js-yaml';
import { HELM_MAJORS, ROOT, helmBinary, type HelmMajor } from './helpers/helm.ts';
import { runProcess } from './helpers/process.ts';
import { SHARED } from '../scripts/shared.mjs';
import { DOCS, GIVEN, blocks, type Block } from './helpers/docs.ts';

const UPDATE = process.env.FLYTEMC_DOCTEST_UPDATE === '1';
const MARK_HINT = 'if it cannot run offline (clusters, network), mark it: <!-- doctest: skip needs clusters -->';

const isCommand = (b: Block) => ['sh', 'bash', 'shell', 'console'].includes(b.lang) || b.body.some((l) => l.startsWith('$ '));
const skipReason = (b: Block) => b.directives.map((d) => /^skip\b\s*(.*)$/.exec(d)).find(Boolean)?.[1];
const only = (b: Block) => b.directives.map((d) => /^helm([34]) only\b/.exec(d)).find(Boolean)?.[1];
const outputFrom = (b: Block) => b.directives.map((d) => /^output from helm([34])\b/.exec(d)).find(Boolean)?.[1];

interface Step {
  command: string;
  expected: string[];
  exit: number;
  /** index in body of the first expected line, and one past the last (for updates) */
  from: number;
  to: number;
}

/** A transcript's commands and their expected output. */
export function steps(body: string[]): Step[] {
  const out: Step[] = [];
  let i = 0;
  while (i < body.length && !body[i]!.startsWith('$ ')) i++;
  while (i < body.length) {
    let command = body[i]!.slice(2);
    while (command.endsWith('\\') && i + 1 < body.length) command = command.slice(0, -1) + '\n' + body[++i]!;
    i++;
    const from = i;
    const expected: string[] = [];
    while (i < body.length && !body[i]!.startsWith('$ ')) expected.push(body[i++]!);
    let to = i;
    while (expected.length && expected.at(-1)!.trim() === '') {
      expected.pop();
      to--;
    }
    let exit = 0;
    const m = expected.length ? /^\[exit (\d+)\]$/.exec(expected.at(-1)!) : null;
    if (m) {
      exit = Number(m[1]);
      expected.pop(); // `to` keeps it: an update rewrites the exit line too
    }
    out.push({ command, expected, exit, from, to });
  }
  return out;
}

/** Expected lines (with `…` for any lines) against actual lines. */
export function matches(expected: string[], actual: string[]): boolean {
  const go = (e: number, a: number): boolean => {
    if (e === expected.length) return a === actual.length;
    if (expected[e] === '…') {
      for (let k = a; k <= actual.length; k++) if (go(e + 1, k)) return true;
      return false;
    }
    return a < actual.length && expected[e] === actual[a] && go(e + 1, a + 1);
  };
  return go(0, 0);
}

// ---------------------------------------------------------------------------------------------

interface World {
  major: HelmMajor;
  tmp: string;
  home: string;
  repo: string;
  env: NodeJS.ProcessEnv;
  show: (text: string) => string;
}

/** Only what git tracks, as in a fresh clone (with the working tree's edits), then npm ci. */
function cleanCopy(major: HelmMajor): World {
  const base = mkdtempSync(join(tmpdir(), `flytemc-doctest-${major}-`));
  const home = join(base, 'home');
  const repo = join(home, 'flytemc');
  const tmp = join(base, 'tmp');
  const bin = join(base, 'bin');
  for (const d of [repo, tmp, bin]) mkdirSync(d, { recursive: true });
  const files = spawnSync('git', ['ls-files', '-z'], { cwd: ROOT, encoding: 'utf8' }).stdout.split('\0').filter(Boolean);
  for (const f of files) {
    const from = join(ROOT, f);
    if (!existsSync(from)) continue; // deleted in the working tree
    mkdirSync(dirname(join(repo, f)), { recursive: true });
    if (lstatSync(from).isSymbolicLink()) continue;
    copyFileSync(from, join(repo, f));
    chmodSync(join(repo, f), lstatSync(from).mode & 0o777);
  }
  // ../shared beside the checkout, as in CI
  symlinkSync(SHARED, join(home, 'shared'));
  for (const [name, src] of Object.entries(GIVEN)) copyFileSync(join(ROOT, src), join(repo, name));
  symlinkSync(helmBinary(major), join(bin, 'helm'));
  const env: NodeJS.ProcessEnv = {
    HOME: home,
    TMPDIR: tmp,
    PATH: [bin, join(home, '.local', 'bin'), dirname(process.execPath), '/usr/bin', '/bin'].join(delimiter),
    LANG: 'C.UTF-8',
    FLYTEMC_NO_TTY: '1',
    FLYTEMC_CACHE: process.env.FLYTEMC_CACHE ?? join(process.env.HOME ?? '', '.cache', 'flytemc'),
    npm_config_cache: process.env.npm_config_cache ?? join(process.env.HOME ?? '', '.npm'),
    npm_config_prefer_offline: 'true',
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    npm_config_update_notifier: 'false',
  };
  const ci = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: repo, env, encoding: 'utf8' });
  if (ci.status !== 0) throw new Error(`npm ci in the clean copy failed: ${ci.stderr}`);
  const show = (text: string) => text.split(tmp).join('/tmp').split(home).join('~');
  return { major, tmp, home, repo, env, show };
}

/** A new user for each page: no Helm folders, no ~/.local/bin. */
function freshUser(w: World): void {
  for (const d of ['.local', '.config', '.cache']) rmSync(join(w.home, d), { recursive: true, force: true });
  rmSync(w.tmp, { recursive: true, force: true });
  mkdirSync(w.tmp, { recursive: true });
}

const bash = (w: World, script: string) =>
  runProcess('/bin/bash', ['-c', `set -o pipefail\n{ ${script}\n} 2>&1 | cat`], { env: w.env, cwd: w.repo, input: '', timeoutMs: 300_000 });

const where = (b: Block) => `${b.file}:${b.line}`;
const updates = new Map<string, Array<{ block: Block; step: Step; actual: string[] }>>();

function updateDocs(): void {
  for (const [file, list] of updates) {
    const path = join(ROOT, file);
    const lines = readFileSync(path, 'utf8').split('\n');
    // from the bottom up, so that earlier line numbers hold
    for (const { block, step, actual } of [...list].sort((a, b) => b.block.line - a.block.line || b.step.from - a.step.from)) {
      const start = block.line + step.from; // body[0] is line block.line + 1 (1-based) = index block.line
      const end = block.line + step.to;
      // the block up to this step's output must still read as when it ran (bottom-up splices keep it)
      if (lines.slice(block.line, start).join('\n') !== block.body.slice(0, step.from).join('\n'))
        throw new Error(`${file}:${start}: the file changed while the doc-test ran; run it again`);
      lines.splice(start, end - start, ...actual);
    }
    writeFileSync(path, lines.join('\n'));
  }
}

// ---------------------------------------------------------------------------------------------

test('every command block is run here or marked; data blocks tied to a file match it', () => {
  const problems: string[] = [];
  for (const file of DOCS) {
    for (const b of blocks(file, readFileSync(join(ROOT, file), 'utf8'))) {
      for (const d of b.directives)
        if (!/^(skip \S.*|helm[34] only\b.*|output from helm[34]\b.*|file \S+)$/.test(d)) problems.push(`${where(b)}: unknown directive "${d}"`);
      if (isCommand(b)) continue;
      const f = b.directives.map((d) => /^file (\S+)/.exec(d)?.[1]).find(Boolean);
      if (!f) continue;
      const want = readFileSync(join(ROOT, f), 'utf8');
      const same = /\.ya?ml$/.test(f)
        ? JSON.stringify(yaml.load(b.body.join('\n'))) === JSON.stringify(yaml.load(want))
        : b.body.join('\n').trim() === want.trim();
      if (!same) problems.push(`${where(b)}: the block is not ${f}`);
    }
  }
  assert.equal(problems, []);
});

for (const major of HELM_MAJORS) {
  test(`Helm ${major}: every command block of README.md and docs/*.md runs as written in a clean copy`, async () => {
    const w = cleanCopy(major);
    const failures: string[] = [];
    let ran = 0;
    for (const file of DOCS) {
      freshUser(w);
      const list = blocks(file, readFileSync(join(w.repo, file), 'utf8')).filter(isCommand);
      for (const b of list) {
        if (skipReason(b) !== undefined) continue;
        const o = only(b);
        if (o && Number(o) !== major) continue;
        if (!b.body.some((l) => l.startsWith('$ '))) {
          const r = await bash(w, `set -e\n${b.body.join('\n')}`);
          ran++;
          if (r.code !== 0) failures.push(`${where(b)} (script) exited ${r.code}:\n${w.show(r.stdout).split('\n').slice(-25).join('\n')}\n  ${MARK_HINT}`);
          continue;
        }
        const compare = outputFrom(b) === undefined || Number(outputFrom(b)) === major;
        for (const s of steps(b.body)) {
          const r = await bash(w, s.command);
          ran++;
          const actual = w
            .show(r.stdout)
            .replace(/\n$/, '')
            .split('\n')
            .map((l) => l.trimEnd());
          if (r.stdout === '') actual.length = 0;
          const codeOk = r.code === s.exit;
          const outOk = !compare || matches(s.expected, actual);
          if (UPDATE && compare && (!outOk || !codeOk)) {
            // one update per step: the Helm 4 run's wins over the Helm 3 run's for a block both compare
            const list2 = (updates.get(b.file) ?? []).filter((u) => !(u.block.line === b.line && u.step.from === s.from));
            list2.push({ block: b, step: s, actual: [...actual, ...(r.code !== 0 ? [`[exit ${r.code}]`] : [])] });
            updates.set(b.file, list2);
            continue;
          }
          if (UPDATE && !compare) continue; // the other major's run writes this block
          if (!codeOk)
            failures.push(
              `${where(b)}: \`${s.command}\` exited ${r.code}, the doc says ${s.exit}:\n${w.show(r.stdout).split('\n').slice(-25).join('\n')}\n  ${MARK_HINT}`,
            );
          else if (!outOk)
            failures.push(
              `${where(b)}: \`${s.command}\` printed\n${actual.join('\n')}\n-- the doc shows --\n${s.expected.join('\n')}\n  (FLYTEMC_DOCTEST_UPDATE=1 node test/run.mjs docs writes the real output into the doc)`,
            );
        }
      }
    }
    if (UPDATE && major === 4) updateDocs();
    assert.ok(ran > 10, `only ${ran} commands ran`);
    assert.equal(failures, [], failures.join('\n\n'));
    rmSync(dirname(w.home), { recursive: true, force: true });
  });
}

test.run();
