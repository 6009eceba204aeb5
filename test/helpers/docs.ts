// The documents the doc tests read (README.md and every docs/*.md, in a fixed order) and their
// fenced blocks with the doctest directives above them (test/docs.test.ts says what they mean).
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../../scripts/shared.mjs';

export const DOCS: string[] = [
  'README.md',
  ...readdirSync(join(ROOT, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => `docs/${f}`),
];

/** Files the docs name as the reader's own: made in the reader's folder from these repository files. */
export const GIVEN: Record<string, string> = {
  'my-values.yaml': 'test/fixtures/three-clusters.yaml', // "your values": three data planes
  'values-override.yaml': 'test/fixtures/guide/values-override.verbatim.yaml', // the upstream guide's file, verbatim
  'shared-values.yaml': 'test/fixtures/shared-values.yaml', // what both planes share: the way back and one bucket
};

export interface Block {
  file: string;
  /** 1-based line of the opening fence. */
  line: number;
  lang: string;
  body: string[];
  directives: string[];
}

export function blocks(file: string, text: string): Block[] {
  const lines = text.split('\n');
  const out: Block[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^(\s*)(`{3,}|~{3,})\s*([\w-]*)/.exec(lines[i]!);
    if (!open) continue;
    const [, indent, fence, lang] = open;
    const body: string[] = [];
    let j = i + 1;
    while (j < lines.length && !(lines[j]!.trim().startsWith(fence!) && lines[j]!.trim().replace(/[`~]/g, '') === ''))
      body.push(lines[j++]!.slice(indent!.length));
    const directives: string[] = [];
    for (let k = i - 1; k >= 0 && k >= i - 3; k--) {
      const m = /^\s*<!--\s*doctest:\s*(.*?)\s*-->\s*$/.exec(lines[k]!);
      if (m) directives.unshift(m[1]!);
      else if (lines[k]!.trim() !== '') break;
    }
    out.push({ file, line: i + 1, lang: lang ?? '', body, directives });
    i = j;
  }
  return out;
}

/** A script block's commands, each with its `\` continuations joined (comments and `$ ` prompts taken off). */
export function commandLines(body: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < body.length; i++) {
    let line = body[i]!.replace(/^\$ /, '');
    while (line.endsWith('\\') && i + 1 < body.length) line = `${line.slice(0, -1).trimEnd()} ${body[++i]!.trim()}`;
    line = line.replace(/\s+#.*$/, '').trim();
    if (line && !line.startsWith('#')) out.push(line);
  }
  return out;
}
