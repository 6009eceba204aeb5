// js-yaml's `dump` output, byte for byte, written faster for the plain words manifests are mostly made of.

/** Thrown when a value is not plain data this writer knows: the caller dumps with js-yaml. */
export class NotPlain extends Error {}

// Plain words: a letter first (`_:0` is a YAML 1.1 base-60 number), then letters, digits and
// `_./:@=+-`, not ending in `:`.
// None of them is a number, a date or null in any YAML; the words YAML 1.1 reads as booleans or
// null (which js-yaml quotes for Kubernetes' sake) are excluded below.
const WORD = /^[A-Za-z][A-Za-z0-9_./:@=+-]*$/;
const RESERVED = new Set([
  'null',
  'Null',
  'NULL',
  'true',
  'True',
  'TRUE',
  'false',
  'False',
  'FALSE',
  ...['y', 'yes', 'on', 'n', 'no', 'off'].flatMap((w) => [w, w[0]!.toUpperCase() + w.slice(1), w.toUpperCase()]),
]);
/** js-yaml writes a key longer than this as an explicit `? key` pair. */
const MAX_PLAIN_KEY = 1024;

const isWord = (s: string) => WORD.test(s) && s.charCodeAt(s.length - 1) !== 58 && !RESERVED.has(s);
const nextLine = (level: number) => '\n' + ' '.repeat(2 * level);

// Plain words need none of js-yaml's per-character style analysis, the bulk of its cold-start
// time; every other scalar is js-yaml's own, and anything unknown makes the whole document js-yaml's.
/**
 * `dump(value)` of js-yaml, with `scalar` (js-yaml's own dump of one scalar, its final newline
 * included) for the scalars this writer does not write itself. Throws NotPlain.
 */
export function emitYaml(value: unknown, scalar: (v: unknown) => string): string {
  const out = node(value, 0, true, scalar);
  if (out === undefined) throw new NotPlain('undefined');
  return out + '\n';
}

function node(v: unknown, level: number, compact: boolean, scalar: (v: unknown) => string): string | undefined {
  if (v === undefined) return undefined;
  if (v === null) return 'null';
  switch (typeof v) {
    case 'string':
      return isWord(v) ? v : other(v, level, scalar);
    case 'boolean':
      return v ? 'true' : 'false';
    case 'number':
      return Number.isSafeInteger(v) && !Object.is(v, -0) ? String(v) : other(v, level, scalar);
    case 'object':
      break;
    default:
      throw new NotPlain(typeof v);
  }
  if (Array.isArray(v)) {
    if (v.length === 0) return '[]';
    let out = '';
    for (let i = 0; i < v.length; i++) {
      const d = node(v[i], level + 1, true, scalar) ?? 'null';
      if (!compact || out !== '') out += nextLine(level);
      out += d.charCodeAt(0) === 10 ? '-' : '- ';
      out += d;
    }
    return out;
  }
  const proto = Object.getPrototypeOf(v);
  if (proto !== Object.prototype && proto !== null) throw new NotPlain('not a plain object');
  const o = v as Record<string, unknown>;
  let out = '';
  for (const key of Object.keys(o)) {
    if (!isWord(key) || key.length > MAX_PLAIN_KEY) throw new NotPlain('key');
    const d = node(o[key], level + 1, false, scalar);
    if (d === undefined) continue;
    out += (!compact || out !== '' ? nextLine(level) : '') + key + (d.charCodeAt(0) === 10 ? ':' : ': ') + d;
  }
  return out || '{}';
}

/** js-yaml's dump of one scalar, placed at `level`: a block literal's lines indented to it. */
function other(v: unknown, level: number, scalar: (v: unknown) => string): string {
  const text = scalar(v).slice(0, -1);
  if (!text.includes('\n')) return text;
  // alone, js-yaml indents a literal's lines by 2 (level 0); at level L by 2 * max(1, L)
  const indent = ' '.repeat(2 * Math.max(1, level));
  return text.replace(/\n {2}/g, `\n${indent}`);
}
