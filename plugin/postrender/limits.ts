// The post-renderer's limits: how much input it takes before it refuses, and the checks that
// keep a hostile stream or values file (an alias bomb, a stack-deep nesting, a huge stream) from
// turning into a hang, an out-of-memory kill or a stack trace. Each refusal names its limit.
// The figures and their reasons are in docs/reliability.md; all of them leave room for
// 100,000-document streams, far past anything Helm can store as a release.
import { FlytemcError, error } from '../problems.ts';

export const MIB = 1024 * 1024;

/** Bytes of standard input (Helm's rendered stream). 20,000 documents of flyte-core are ~31 MiB. */
export const MAX_INPUT_BYTES = 256 * MIB;
/** Bytes of a `--config` values file. A values file with 1,000 clusters is ~200 KiB. */
export const MAX_CONFIG_BYTES = 16 * MIB;
/** Documents in one stream (`---`-separated, counting empty and comment-only ones). */
export const MAX_DOCUMENTS = 100_000;
/** Nesting of mappings and lists in one document (Kubernetes objects, CRDs included, stay under 64). */
export const MAX_DEPTH = 256;
/**
 * YAML aliases (`*name`) are kept as shared references when parsed, but anything that writes or
 * walks the value (a YAML dump, JSON, a schema check) expands them. A document may be at most
 * this many times bigger expanded than as written (size = nodes + characters of keys and
 * strings), with a floor of ALIAS_EXPANSION_FLOOR, so that a billion-laughs bomb of a few
 * hundred bytes is refused instead of expanded to gigabytes.
 */
export const MAX_ALIAS_EXPANSION = 4;
export const ALIAS_EXPANSION_FLOOR = 1 * MIB;

export const LIMITS = {
  MAX_INPUT_BYTES,
  MAX_CONFIG_BYTES,
  MAX_DOCUMENTS,
  MAX_DEPTH,
  MAX_ALIAS_EXPANSION,
  ALIAS_EXPANSION_FLOOR,
} as const;

const mib = (n: number) => `${(n / MIB).toFixed(n % MIB ? 1 : 0)} MiB`;

export function tooBig(where: string, bytes: number | undefined, limit: number, what: string): FlytemcError {
  return new FlytemcError([
    error(where, `${what} is ${bytes === undefined ? 'larger than' : `${mib(bytes)}, over`} the limit of ${mib(limit)}`, 'a flyte-core release renders well under 1 MiB; check that the right stream or file is passed'),
  ]);
}

export function tooManyDocuments(where: string): FlytemcError {
  return new FlytemcError([error(where, `the stream has more than ${MAX_DOCUMENTS.toLocaleString('en')} documents, the limit`, 'a flyte-core release has about 60; check that the right stream is passed')]);
}

export function tooDeep(where: string): FlytemcError {
  return new FlytemcError([error(where, `mappings and lists nested more than ${MAX_DEPTH} levels deep, the limit`, 'Kubernetes objects nest far less; this is not a rendered manifest')]);
}

function tooExpanded(where: string, limit: number): FlytemcError {
  return new FlytemcError([
    error(where, `YAML aliases (*name) expand this document past ${limit.toLocaleString('en')} units (${MAX_ALIAS_EXPANSION}x its written size, at least ${mib(ALIAS_EXPANSION_FLOOR)}), the limit: an alias bomb`, 'write the values out instead of repeating anchors (&name) through aliases'),
  ]);
}

/**
 * Checks one parsed document: nesting depth always; the size it has once aliases are expanded
 * when it may hold aliases (`aliases`: its text contains `*`). Without aliases a value is never
 * bigger than its text, so the walk then only goes as deep as the value and stops at the limit.
 * Iterative: a value deeper than the call stack is refused, not a crash.
 */
export function checkTree(value: unknown, where: string, writtenChars: number, aliases = true): void {
  if (typeof value !== 'object' || value === null) return;
  if (!aliases) {
    if (depthOver(value, MAX_DEPTH)) throw tooDeep(where);
    return;
  }
  const budget = Math.max(ALIAS_EXPANSION_FLOOR, MAX_ALIAS_EXPANSION * writtenChars);
  let size = 0;
  const stack: Array<{ v: object; d: number }> = [{ v: value, d: 1 }];
  while (stack.length) {
    const { v, d } = stack.pop()!;
    if (d > MAX_DEPTH) throw tooDeep(where);
    const entries: unknown[] = Array.isArray(v) ? v : Object.values(v);
    if (!Array.isArray(v)) for (const k in v) size += k.length;
    size += 1;
    for (const c of entries) {
      size += 1;
      if (typeof c === 'string') size += c.length;
      else if (typeof c === 'object' && c !== null) stack.push({ v: c, d: d + 1 });
    }
    if (size > budget) throw tooExpanded(where, budget);
  }
}

/** Depth check without aliases: recursion bounded by `limit` (far below the stack size). */
function depthOver(v: object, limit: number): boolean {
  if (limit === 0) return true;
  if (Array.isArray(v)) {
    for (const c of v) if (typeof c === 'object' && c !== null && depthOver(c, limit - 1)) return true;
  } else {
    for (const k in v) {
      const c = (v as Record<string, unknown>)[k];
      if (typeof c === 'object' && c !== null && depthOver(c, limit - 1)) return true;
    }
  }
  return false;
}

/**
 * Last line of defence: a stack overflow (a nesting deeper than js-yaml's recursive parser can
 * take, long before MAX_DEPTH could be checked) or a string too long for V8 becomes a refusal that
 * names the limit, not "flytemc failed unexpectedly".
 */
export function refuseResourceErrors<T>(where: string, body: () => T): T {
  try {
    return body();
  } catch (e) {
    throw asLimitError(e, where) ?? e;
  }
}

export function asLimitError(e: unknown, where: string): FlytemcError | undefined {
  if (!(e instanceof RangeError)) return undefined;
  if (/call stack/i.test(e.message)) return tooDeep(where);
  if (/string length|array length|allocation failed/i.test(e.message)) {
    return new FlytemcError([error(where, `the input expands past what one process can hold (${e.message})`, `keep the stream under ${mib(MAX_INPUT_BYTES)} and without YAML aliases`)]);
  }
  return undefined;
}

/** Reads all of a readable stream, refusing (and stopping reading) past `limit` bytes. */
export async function readAllLimited(stream: AsyncIterable<Buffer | string>, limit: number, where: string, what: string): Promise<string> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const c of stream) {
    const b = typeof c === 'string' ? Buffer.from(c) : c;
    total += b.length;
    if (total > limit) throw tooBig(where, undefined, limit, what);
    chunks.push(b);
  }
  return Buffer.concat(chunks, total).toString('utf8');
}

/**
 * The config as found (a values file, the chart's MultiClusterConfig, or flyte-core's own
 * clusters.yaml) is walked by the schema check and written out again: the same depth and alias
 * limits apply to it, whatever its source.
 */
export function checkFoundConfig(found: { source: { label: string; text?: string }; raw: unknown; volumes?: { value: unknown }; mounts?: { value: unknown } }): void {
  const written = found.source.text?.length ?? 0;
  for (const v of [found.raw, found.volumes?.value, found.mounts?.value]) checkTree(v, found.source.label, written, true);
}

/**
 * YAML text held in a string of a document (a ConfigMap's clusters.yaml) is parsed and compared
 * again later: when it may hold aliases, parse it once here and apply the same limits. Invalid
 * YAML is left for the stage that reads it to report.
 */
export function checkNestedYaml(text: unknown, where: string, parse: (t: string) => unknown): void {
  if (typeof text !== 'string' || !text.includes('*')) return;
  let value: unknown;
  try {
    value = parse(text);
  } catch (e) {
    if (e instanceof RangeError) throw asLimitError(e, where) ?? e;
    return;
  }
  checkTree(value, where, text.length, true);
}
