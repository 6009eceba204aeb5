// Rewrites YAML text to hold new data, changing only the text of what changed (eemeli yaml's node ranges).
import { isMap, isPair, isScalar, isSeq, type Node, type Pair, parseDocument, stringify } from 'yaml';
import { isObject, sameData } from './data.ts';

interface Edit {
  from: number;
  to: number;
  text: string;
}

/** Where a value sits: the pair whose value it is, if any (a new value can then replace it after the key). */
type Place = Pair | undefined;

/** Thrown inside a walk for a layout the edit does not handle: the caller rewrites the file instead. */
class Unsupported extends Error {}

// YAML 1.1, as Helm reads values: a new `yes` or `0755` string is quoted
const render = (value: unknown) => stringify(value, { version: '1.1', lineWidth: 0 }).replace(/\n$/, '');
const lineStart = (text: string, at: number) => text.lastIndexOf('\n', at - 1) + 1;
const column = (text: string, at: number) => at - lineStart(text, at);
/** The end of the line `at` is on, its line break included. */
function lineEnd(text: string, at: number): number {
  if (at > 0 && text[at - 1] === '\n') return at;
  const nl = text.indexOf('\n', at);
  return nl < 0 ? text.length : nl + 1;
}
/** Lines after the first of `block` indented by `indent` columns. */
const indented = (block: string, indent: number) => block.replace(/\n/g, `\n${' '.repeat(indent)}`);

/**
 * The text with `before`'s data (what `text` parses to) turned into `after`'s: unchanged parts
 * keep their text, comments and style; undefined for a layout this cannot edit (anchors, a
 * changed flow collection in a block one, a document with errors).
 */
export function editYamlText(text: string, before: unknown, after: unknown): string | undefined {
  const doc = parseDocument(text, { version: '1.1' });
  if (doc.errors.length || !isMap(doc.contents)) return undefined;
  const edits: Edit[] = [];
  try {
    walk(text, doc.contents, before, after, undefined, edits);
  } catch (e) {
    if (e instanceof Unsupported) return undefined;
    throw e;
  }
  const crlf = text.includes('\r\n');
  let out = text;
  // from the end; at one place, what an inner collection appends (pushed first) comes before what its parent adds
  const order = edits.map((e, i) => ({ ...e, i })).sort((x, y) => y.from - x.from || y.i - x.i);
  for (const e of order) out = out.slice(0, e.from) + (crlf ? e.text.replace(/\r?\n/g, '\r\n') : e.text) + out.slice(e.to);
  return out;
}

function walk(text: string, node: unknown, before: unknown, after: unknown, place: Place, edits: Edit[]): void {
  if (sameData(before, after)) return;
  if (isScalar(node) && !isObject(after) && !Array.isArray(after)) {
    const value = render(after);
    if (value.includes('\n') || !node.range) throw new Unsupported('a block scalar');
    edits.push({ from: node.range[0], to: node.range[1], text: value });
  } else if (
    isMap(node) &&
    isObject(before) &&
    isObject(after) &&
    Object.keys(after).length &&
    (!node.flow || sameData(Object.keys(before), Object.keys(after)))
  ) {
    editMap(text, node, before, after, edits);
  } else if (isSeq(node) && Array.isArray(before) && Array.isArray(after) && after.length && (!node.flow || sameItems(before, after))) {
    editSeq(text, node, before, after, edits);
  } else replaceValue(text, node, after, place, edits);
}

/** An item stays where it was when it is the same data or names the same thing (`name`, `id`). */
const same = (x: unknown, y: unknown) =>
  sameData(x, y) || (isObject(x) && isObject(y) && ((x.name !== undefined && x.name === y.name) || (x.id !== undefined && x.id === y.id)));
const sameItems = (before: unknown[], after: unknown[]) => before.length === after.length && before.every((b, i) => same(b, after[i]));

/** A new value in place of the old one, after its key: inline (a scalar, `[]`, `{}`, flow) or a block on the next lines. */
function replaceValue(text: string, node: unknown, after: unknown, place: Place, edits: Edit[]): void {
  const key = place?.key as Node | undefined;
  const range = (node as Node | null)?.range;
  if (!key?.range || !range) throw new Unsupported('a value not under a key');
  const end = text.slice(0, range[1]).replace(/\s+$/, '').length;
  // a changed flow collection under a key becomes a block one
  const inline = (!isObject(after) && !Array.isArray(after)) || Object.keys(after).length === 0;
  const value = render(after);
  const indent = column(text, key.range[0]) + 2;
  if (inline && value.includes('\n')) throw new Unsupported('a multi-line value');
  edits.push({ from: key.range[1], to: Math.max(end, key.range[1]), text: inline ? `: ${value}` : `:\n${' '.repeat(indent)}${indented(value, indent)}` });
}

function editMap(text: string, node: import('yaml').YAMLMap, before: Record<string, unknown>, after: Record<string, unknown>, edits: Edit[]): void {
  const pairOf = (k: string) => node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === k);
  const first = node.items[0]?.key as Node | undefined;
  if (!first?.range || !node.range) throw new Unsupported('an empty block mapping');
  for (const k of Object.keys(before)) {
    const pair = pairOf(k);
    if (!pair) throw new Unsupported('a merged key');
    if (k in after) walk(text, pair.value, before[k], after[k], pair, edits);
    else edits.push(removal(text, pair.key as Node, pair.value as Node | null, /^\s*$/));
  }
  const added = Object.keys(after).filter((k) => !(k in before));
  if (added.length) {
    const indent = column(text, first.range[0]);
    const block = render(Object.fromEntries(added.map((k) => [k, after[k]])));
    edits.push(insertion(text, node.range[1], indent, block));
  }
}

function editSeq(text: string, node: import('yaml').YAMLSeq, before: unknown[], after: unknown[], edits: Edit[]): void {
  const items = node.items as Node[];
  const first = items[0];
  if (!first?.range || !node.range || items.length !== before.length) throw new Unsupported('an empty block sequence');
  let from = 0;
  const kept = new Set<number>();
  const appended: unknown[] = [];
  for (const value of after) {
    // once one is new, the rest are written after it (and their old copies removed)
    const i = appended.length ? -1 : before.findIndex((b, j) => j >= from && same(b, value));
    if (i < 0) {
      appended.push(value);
      continue;
    }
    walk(text, items[i], before[i], value, undefined, edits);
    kept.add(i);
    from = i + 1;
  }
  for (const [i, item] of items.entries()) if (!kept.has(i)) edits.push(removal(text, item, item, /^\s*-\s*$/));
  // appended items start at the column of the first item's dash
  if (appended.length) edits.push(insertion(text, node.range[1], column(text, text.lastIndexOf('-', first.range[0])), render(appended)));
}

/** Deletes the lines of a pair or an item, from its key (or dash) to the end of its value; `alone`: what may precede it on its line. */
function removal(text: string, start: Node, value: Node | null, alone: RegExp): Edit {
  const end = value?.range ?? start.range;
  if (!start.range || !end) throw new Unsupported('no position');
  // the first key of a list item shares the item's line: removing that line would remove the item
  if (!alone.test(text.slice(lineStart(text, start.range[0]), start.range[0]))) throw new Unsupported('a key on the line of its item');
  return { from: lineStart(text, start.range[0]), to: lineEnd(text, end[1]), text: '' };
}

/** New lines at `at` (the start of the line after a block collection), at `indent`. */
function insertion(text: string, at: number, indent: number, block: string): Edit {
  const pad = ' '.repeat(indent);
  const lines = block.split('\n').map((l) => (l ? pad + l : l));
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const before = at > 0 && text[at - 1] !== '\n' ? eol : '';
  return { from: at, to: at, text: before + lines.join(eol) + (before ? '' : eol) };
}
