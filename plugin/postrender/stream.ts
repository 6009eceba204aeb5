// Stage 1, parse, and stage 7, emit: Helm's rendered stream as documents.
// Helm 3 separates documents with `---` and heads each with a `# Source: <template>` comment;
// Helm 4 also records the file in the annotation `postrenderer.helm.sh/postrender-filename`,
// which stays because documents are only ever patched, never rebuilt.
// A document that no patch touches is written back byte for byte.
// The limits (limits.ts) are enforced here, while the stream is split and parsed (yaml-input.ts).
import { isObject } from '../data.ts';
import { MAX_DOCUMENTS, STREAM_INPUT, tooManyDocuments } from '../limits.ts';
import { FlytemcError, error } from '../problems.ts';
import { checkText, parseUntrusted } from '../yaml-input.ts';
import { dumpYaml, isYamlError } from '../yaml.ts';

export interface Doc {
  /** Comment and blank lines before the body (`# Source: ...`). */
  header: string;
  /** The YAML text as Helm wrote it. */
  body: string;
  /** 1-based line of the stream where the document's first line is. */
  line: number;
  /** The parsed document (objects are patched in place by the patch stage). */
  value: unknown;
  /** Set by the patch stage when the document must be serialised again. */
  changed: boolean;
  /** Set when the document is consumed (the chart's MultiClusterConfig) and must not be written. */
  dropped: boolean;
}

export interface K8sObject {
  apiVersion?: string;
  kind?: string;
  metadata?: { name?: string; namespace?: string; annotations?: Record<string, string>; [k: string]: unknown };
  [k: string]: unknown;
}

export function objectName(d: Doc): string {
  const v = d.value as K8sObject;
  const source = /^# Source: (.*)$/m.exec(d.header)?.[1];
  const id = isObject(v) ? `${v.kind ?? '?'}/${v.metadata?.name ?? '?'}` : 'document';
  return source ? `${id} (${source}, stream line ${d.line})` : `${id} (stream line ${d.line})`;
}

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

const HEADER_LINE = /^\s*(#.*)?$/;
const BLANK = /^\s*$/;

/**
 * Splits at `---` lines and parses each document. Scans the text once, line by line, without
 * building an array of lines (a stream of 256 MiB of newlines stays one string), and enforces
 * the limits of limits.ts as it goes: input size, NUL bytes, number of documents, and per document
 * (yaml-input.ts) nesting depth and alias expansion.
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
      if (!BLANK.test(header)) docs.push({ header: header.replace(/\s+$/, ''), body: '', line, value: null, changed: false, dropped: false });
      return;
    }
    const where = `${label}: stream line ${line}`;
    let value: unknown;
    try {
      value = parseUntrusted(body, where, STREAM_INPUT);
    } catch (e) {
      if (!isYamlError(e)) throw e;
      const m = e.mark;
      throw new FlytemcError([
        error(
          m ? `${label}: stream line ${line + m.line}` : label,
          `invalid YAML: ${e.reason}`,
          'the stream must be YAML documents separated by `---` lines, as `helm template` writes them',
        ),
      ]);
    }
    if (value !== null && (typeof value !== 'object' || Array.isArray(value))) {
      throw new FlytemcError([
        error(
          where,
          `a document must be a Kubernetes object (a mapping), not ${Array.isArray(value) ? 'a list' : `the ${typeof value} ${JSON.stringify(String(value).slice(0, 40))}`}`,
          'the stream must be Kubernetes manifests, as `helm template` writes them',
        ),
      ]);
    }
    docs.push({ header, body, line, value, changed: false, dropped: false });
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

export function emitStream(docs: Doc[]): string {
  let out = '';
  for (const d of docs) {
    if (d.dropped) continue;
    const body = d.changed ? dumpYaml(d.value) : d.body.endsWith('\n') || d.body === '' ? d.body : d.body + '\n';
    out += '---\n' + (d.header ? d.header + '\n' : '') + body;
  }
  return out;
}
