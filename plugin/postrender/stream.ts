// Stage 1, parse, and stage 7, emit: Helm's rendered stream as documents.
// Helm 3 separates documents with `---` and heads each with a `# Source: <template>` comment;
// Helm 4 also records the file in the annotation `postrenderer.helm.sh/postrender-filename`,
// which stays because documents are only ever patched, never rebuilt.
// A document that no patch touches is written back byte for byte.
import { FlytemcError, error } from '../problems.ts';
import { dumpYaml, isYamlError, parseYaml } from '../yaml.ts';

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

export const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function objectName(d: Doc): string {
  const v = d.value as K8sObject;
  const source = /^# Source: (.*)$/m.exec(d.header)?.[1];
  const id = isObject(v) ? `${v.kind ?? '?'}/${v.metadata?.name ?? '?'}` : 'document';
  return source ? `${id} (${source}, stream line ${d.line})` : `${id} (stream line ${d.line})`;
}

export function parseStream(text: string, label = 'the rendered manifests'): Doc[] {
  if (text.includes('\u0000')) throw new FlytemcError([error(label, 'the input contains NUL bytes: it is not YAML text', 'pass the output of `helm template` / Helm\'s post-renderer stream')]);
  const lines = text.split('\n');
  const docs: Doc[] = [];
  let start = 0;
  const flush = (end: number) => {
    const chunk = lines.slice(start, end);
    let h = 0;
    while (h < chunk.length && /^\s*(#.*)?$/.test(chunk[h] ?? '')) h++;
    const header = chunk.slice(0, h).join('\n');
    const body = chunk.slice(h).join('\n');
    const line = start + h + 1;
    if (body.trim() === '') {
      if (header.trim() !== '') docs.push({ header, body: '', line, value: null, changed: false, dropped: false });
      return;
    }
    let value: unknown;
    try {
      value = parseYaml(body);
    } catch (e) {
      if (!isYamlError(e)) throw e;
      const m = e.mark;
      const where = m ? `${label}: stream line ${line + m.line}` : label;
      throw new FlytemcError([error(where, `invalid YAML: ${e.reason}`, 'the stream must be YAML documents separated by `---` lines, as `helm template` writes them')]);
    }
    docs.push({ header, body, line, value, changed: false, dropped: false });
  };
  for (let i = 0; i < lines.length; i++) {
    if (/^---\s*$/.test(lines[i] ?? '')) { flush(i); start = i + 1; }
  }
  flush(lines.length);
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
