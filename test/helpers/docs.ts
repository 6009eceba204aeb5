// The documents the doc tests read (README.md and every docs/*.md, in a fixed order) and their fenced
// blocks with the `<!-- doctest: ... -->` directives above each (test/docs.test.ts says what they mean).
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

export interface Block {
  file: string;
  /** 1-based line of the opening fence. */
  line: number;
  lang: string;
  body: string[];
  directives: string[];
}

/** The fenced blocks of a markdown text, each with its directives. */
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
