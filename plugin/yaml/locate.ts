// Finds the line of a JSON pointer in YAML text, for `file:line` in error messages.
// It reads block-style YAML the way people write values files (keys at growing indentation,
// `- ` list items) and stops at the deepest part it can find, so a pointer into a flow-style
// value still gets the line of its nearest parent. 1-based line numbers.

import { segments } from './json-pointer.ts';

interface Line {
  n: number;
  indent: number;
  text: string;
}

function significant(raw: string[], docStart = 0): Line[] {
  const out: Line[] = [];
  for (let i = docStart; i < raw.length; i++) {
    const t = raw[i] ?? '';
    const trimmed = t.trimStart();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    if (/^(---|\.\.\.)(\s|$)/.test(t)) {
      if (out.length) break;
      else continue;
    }
    out.push({ n: i + 1, indent: t.length - trimmed.length, text: trimmed });
  }
  return out;
}

/** Lines belonging to the block that starts after `lines[i]`, i.e. more indented than `indent`. */
function blockAfter(lines: Line[], i: number, indent: number): Line[] {
  const out: Line[] = [];
  for (let j = i + 1; j < lines.length; j++) {
    const l = lines[j]!;
    // a list item may sit at the same indent as its parent key (`key:\n- a`)
    if (l.indent < indent || (l.indent === indent && !l.text.startsWith('- ') && l.text !== '-')) break;
    out.push(l);
  }
  return out;
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function findKey(lines: Line[], key: string): { at: number; rest: Line[] } | undefined {
  if (lines.length === 0) return undefined;
  const indent = Math.min(...lines.map((l) => l.indent));
  const re = new RegExp(`^(?:${escapeRe(key)}|"${escapeRe(key)}"|'${escapeRe(key)}')\\s*:(\\s|$)`);
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    if (l.indent === indent && re.test(l.text)) return { at: l.n, rest: blockAfter(lines, i, l.indent) };
  }
  return undefined;
}

function findItem(lines: Line[], index: number): { at: number; rest: Line[] } | undefined {
  if (lines.length === 0) return undefined;
  const indent = Math.min(...lines.map((l) => l.indent));
  let k = -1;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    if (l.indent !== indent || !(l.text.startsWith('- ') || l.text === '-')) continue;
    if (++k !== index) continue;
    // the item's own first line, with the dash turned into indentation
    const first: Line[] = l.text === '-' ? [] : [{ n: l.n, indent: l.indent + 2, text: l.text.slice(2).trimStart() }];
    const rest: Line[] = [];
    for (let j = i + 1; j < lines.length; j++) {
      const m = lines[j]!;
      if (m.indent <= indent) break;
      rest.push(m);
    }
    return { at: l.n, rest: [...first, ...rest] };
  }
  return undefined;
}

/** The 1-based line of `pointer` in `text`, or of its deepest ancestor found; undefined when not even the first key is found. */
export function lineOf(text: string, pointer: string): number | undefined {
  let lines = significant(text.split(/\r?\n/));
  let found: number | undefined;
  for (const seg of segments(pointer)) {
    const hit = /^\d+$/.test(seg) ? (findItem(lines, Number(seg)) ?? findKey(lines, seg)) : findKey(lines, seg);
    if (!hit) break;
    found = hit.at;
    lines = hit.rest;
  }
  return found;
}
