// Helm's rendered stream as documents: split (parse stage), located (objectAt), written back (emit stage).
import { isObject } from '../yaml/data.ts';
import { MAX_DOCUMENTS, STREAM_INPUT, tooManyDocuments } from '../yaml/limits.ts';
import { FlytemcError, error, whereOf, type At } from '../problems/problems.ts';
import { checkText, parseUntrusted } from '../yaml/input.ts';
import { dumpYaml, isYamlError } from '../yaml/dialect.ts';

/**
 * One document of the stream. Its object is parsed only when something asks for `value`: the
 * stages first ask `kindOf` and `mayMention`, which read the text, so a document that no patch
 * can touch (a Service, a ConfigMap of another app) is never parsed and is written back byte for
 * byte. Helm has parsed every document already, before the post-renderer runs (docs/benchmarks.md).
 */
export class Doc {
  /** Set by the patch stage when the document must be serialised again. */
  changed = false;
  /** Set when the document is consumed (the chart's MultiClusterConfig) and must not be written. */
  dropped = false;
  /** The top-level `kind`, read from the text when it says it plainly (textKind), else undefined. */
  readonly textKind: string | undefined;
  #value: unknown;
  #parsed: boolean;

  /** Comment and blank lines before the body (`# Source: ...`). */
  readonly header: string;
  /** The YAML text as Helm wrote it. */
  readonly body: string;
  /** 1-based line of the stream where the document's first line is. */
  readonly line: number;
  readonly #label: string;

  constructor(header: string, body: string, line: number, label: string) {
    this.header = header;
    this.body = body;
    this.line = line;
    this.#label = label;
    this.#parsed = body === '';
    this.#value = null;
    this.textKind = body === '' ? undefined : textKind(body);
  }

  /** The parsed document (objects are patched in place by the patch stage). */
  get value(): unknown {
    if (!this.#parsed) {
      this.#value = parseDocument(this.body, this.line, this.#label);
      this.#parsed = true;
    }
    return this.#value;
  }

  set value(v: unknown) {
    this.#value = v;
    this.#parsed = true;
  }

  /** Whether the value has been parsed (tests and the benchmark's account of the work done). */
  get parsed(): boolean {
    return this.#parsed;
  }
}

export interface K8sObject {
  apiVersion?: string;
  kind?: string;
  metadata?: { name?: string; namespace?: string; annotations?: Record<string, string>; [k: string]: unknown };
  [k: string]: unknown;
}

/** Where a problem about the document's object (at `pointer` in it) is: `Kind/name`, its `# Source:` template and stream line. */
export function objectAt(d: Doc, code?: string, pointer?: string): At {
  const v = d.value as K8sObject;
  const source = /^# Source: (.*)$/m.exec(d.header)?.[1];
  const at: At = { object: isObject(v) ? `${v.kind ?? '?'}/${v.metadata?.name ?? '?'}` : 'document', streamLine: d.line };
  if (code !== undefined) at.code = code;
  if (source) at.source = source;
  if (pointer !== undefined) at.pointer = pointer;
  return at;
}

/** The document's object as people read it (`Kind/name (source, stream line N)`), for messages. */
export const objectName = (d: Doc): string => whereOf(objectAt(d));

/** The identity of a document's object, as kustomize targets and KRM results name it. */
export interface ResourceId {
  apiVersion: string;
  kind: string;
  name: string;
  namespace?: string;
}

export function resourceId(value: unknown): ResourceId | undefined {
  if (!isObject(value)) return undefined;
  const v = value as K8sObject;
  if (typeof v.kind !== 'string' || typeof v.metadata?.name !== 'string') return undefined;
  const id: ResourceId = { apiVersion: String(v.apiVersion ?? ''), kind: v.kind, name: v.metadata.name };
  if (typeof v.metadata.namespace === 'string' && v.metadata.namespace) id.namespace = v.metadata.namespace;
  return id;
}

/** The object's kind: from the text when it says it plainly, else from the parsed document. */
export const kindOf = (d: Doc): string | undefined => {
  if (d.textKind !== undefined) return d.textKind;
  const v = d.value;
  return isObject(v) && typeof v.kind === 'string' ? v.kind : undefined;
};

/** The object's metadata.name (parses the document). */
export const nameOf = (d: Doc): string | undefined => {
  const v = d.value as K8sObject;
  return isObject(v) && typeof v.metadata?.name === 'string' ? v.metadata.name : undefined;
};

/**
 * Whether the document can hold `text` anywhere (a key, a name, a value): the text appears in its
 * body, or the body has a backslash, with which a double-quoted YAML string can spell any text
 * (`"clusters\u002eyaml"`). False means it certainly does not; the document need not be parsed.
 */
export const mayMention = (d: Doc, text: string): boolean => d.body.includes(text) || d.body.includes('\\');

/** Whether the document is the object `kind`/`name`; parses it only if its text can name it. */
export const isNamed = (d: Doc, kind: string, name: string): boolean => kindOf(d) === kind && mayMention(d, name) && nameOf(d) === name;

// a comment starts at a `#` after white space (`kind: A#B` is the kind "A#B")
const KIND_LINE = /^kind[ \t]*:[ \t]+([A-Za-z][A-Za-z0-9]*)(?:[ \t]+(?:#.*)?)?$/;
const KEY_LINE = /^[A-Za-z_][\w./-]*[ \t]*:(?:[ \t]|$)/;
const SEQUENCE_ENTRY = /^-(?:[ \t]|$)/;

/**
 * The top-level `kind` of a document, read from its text without parsing it, or undefined when
 * the text does not say it plainly. Plainly means: every line that starts at column 0 (not a
 * comment) is a plain `key:` of the top-level mapping or a `- ` entry of a list under one, and
 * exactly one of them is `kind: Word`. In a block mapping at column 0 the content of every value
 * (block scalars included) is indented, so such a line is a key of the document's own mapping.
 * The kind line must not continue on an indented line (a multi-line plain scalar).
 * Anything else at column 0 (flow collections, quoted or explicit `?` keys, anchors, tags, merge
 * keys, directives, a quoted or multi-line kind, a carriage return anywhere) gives undefined: the
 * document is parsed to know. If the text's kind is K, the parsed document has kind K, or no kind
 * at all, or does not parse (test/postrender/stream.test.ts checks this on mutated documents).
 */
export function textKind(body: string): string | undefined {
  // a carriage return is a line break to YAML, not to this scan
  if (body.includes('\r')) return undefined;
  let kind: string | undefined;
  // just after the kind line: an indented line there would continue the kind (`kind: A\n  b` is "A b")
  let afterKind = false;
  let pos = 0;
  while (pos < body.length) {
    let nl = body.indexOf('\n', pos);
    if (nl < 0) nl = body.length;
    const c = body.charCodeAt(pos);
    if (c === 32 || c === 9) {
      // indented content; after the kind line, only white space may come before the next key
      if (afterKind && !BLANK.test(body.slice(pos, nl))) return undefined;
    } else if (c !== 10 && c !== 35) {
      // a line at column 0 that is not empty or a comment
      afterKind = false;
      const line = body.slice(pos, nl);
      const m = KIND_LINE.exec(line);
      if (m) {
        if (kind !== undefined) return undefined;
        kind = m[1];
        afterKind = true;
      } else if (line.startsWith('kind') && /^kind[ \t]*:/.test(line)) return undefined;
      else if (!KEY_LINE.test(line) && !SEQUENCE_ENTRY.test(line)) return undefined;
    }
    pos = nl + 1;
  }
  return kind;
}

/** One document's object, within the limits of limits.ts; the errors name the stream line. */
function parseDocument(body: string, line: number, label: string): unknown {
  const where = `${label}: stream line ${line}`;
  let value: unknown;
  try {
    value = parseUntrusted(body, where, STREAM_INPUT);
  } catch (e) {
    if (!isYamlError(e)) throw e;
    const m = e.mark;
    throw new FlytemcError([
      error(
        { code: 'stream.yaml', subject: m ? `${label}: stream line ${line + m.line}` : label },
        `invalid YAML: ${e.reason}`,
        'the stream must be YAML documents separated by `---` lines, as `helm template` writes them',
      ),
    ]);
  }
  if (value !== null && (typeof value !== 'object' || Array.isArray(value))) {
    throw new FlytemcError([
      error(
        { code: 'stream.document', subject: where },
        `a document must be a Kubernetes object (a mapping), not ${Array.isArray(value) ? 'a list' : `the ${typeof value} ${JSON.stringify(String(value).slice(0, 40))}`}`,
        'the stream must be Kubernetes manifests, as `helm template` writes them',
      ),
    ]);
  }
  return value;
}

const HEADER_LINE = /^\s*(#.*)?$/;
const BLANK = /^\s*$/;

/**
 * Splits at `---` lines into documents, parsed when asked (Doc). Scans the text once, line by line, without
 * building an array of lines (a stream of 256 MiB of newlines stays one string), and enforces
 * the limits of limits.ts as it goes: input size, NUL bytes, number of documents; and, in each
 * document that is parsed (yaml/input.ts), nesting depth and alias expansion.
 */
export function parseStream(text: string, label = 'the rendered manifests'): Doc[] {
  checkText(text, label, STREAM_INPUT);
  const docs: Doc[] = [];
  let separators = 0;
  const flush = (from: number, to: number, firstLine: number) => {
    // the chunk is text[from, to) (no lines at all when from > to): its lines, header
    // (comments and blank lines) first
    let pos = from;
    let h = 0;
    while (pos <= to) {
      let nl = text.indexOf('\n', pos);
      if (nl < 0 || nl > to) nl = to;
      if (!HEADER_LINE.test(text.slice(pos, nl))) break;
      h++;
      pos = nl + 1;
    }
    const header = pos > from ? text.slice(from, Math.min(pos - 1, to)) : '';
    const body = pos <= to ? text.slice(pos, to) : '';
    const line = firstLine + h;
    if (BLANK.test(body)) {
      // a document of comments only: kept without its trailing blank lines, so that emitting
      // and parsing it again gives it back unchanged
      if (!BLANK.test(header)) docs.push(new Doc(header.replace(/\s+$/, ''), '', line, label));
      return;
    }
    docs.push(new Doc(header, body, line, label));
  };
  let chunkStart = 0;
  let chunkLine = 1;
  let pos = 0;
  let line = 1;
  while (pos <= text.length) {
    let nl = text.indexOf('\n', pos);
    if (nl < 0) nl = text.length;
    if (text.startsWith('---', pos) && BLANK.test(text.slice(pos + 3, nl))) {
      if (++separators > MAX_DOCUMENTS) throw tooManyDocuments(label);
      flush(chunkStart, pos - 1, chunkLine);
      chunkStart = nl + 1;
      chunkLine = line + 1;
    }
    pos = nl + 1;
    line++;
  }
  flush(chunkStart, text.length, chunkLine);
  return docs;
}

/** The documents as a stream: a document no patch touched byte for byte (Helm 4's postrender-filename annotation stays, as documents are patched, never rebuilt). */
export function emitStream(docs: Doc[]): string {
  let out = '';
  for (const d of docs) {
    if (d.dropped) continue;
    const body = d.changed ? dumpYaml(d.value) : d.body.endsWith('\n') || d.body === '' ? d.body : d.body + '\n';
    out += '---\n' + (d.header ? d.header + '\n' : '') + body;
  }
  return out;
}
