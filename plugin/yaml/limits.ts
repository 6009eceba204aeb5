// The limits on untrusted input and their refusals, each naming its limit (the figures and why: docs/reliability.md).
import { FlytemcError, error } from '../problems/problems.ts';

export const MIB = 1024 * 1024;

// The limits keep a hostile stream or values file from becoming a hang, an out-of-memory kill or a stack trace, with room for 100,000 documents.
/** Bytes of standard input (Helm's rendered stream). 20,000 documents of flyte-core are ~31 MiB. */
export const MAX_INPUT_BYTES = 256 * MIB;
/** Bytes of a values file (`--config`, `-f`). A values file with 1,000 clusters is ~200 KiB. */
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

/** A kind of input: what messages call it, how big it may be, and what it should have been. */
export interface InputLimits {
  what: string;
  maxBytes: number;
  expected: string;
}

/** Helm's rendered stream, a KRM ResourceList, and YAML held in one of their documents (a ConfigMap's clusters.yaml). */
export const STREAM_INPUT: InputLimits = {
  what: 'the input',
  maxBytes: MAX_INPUT_BYTES,
  expected: "pass the output of `helm template` / Helm's post-renderer stream",
};
/** A values file (`--config`, `-f`, `--values`), a Secret manifest file, a chart's Chart.yaml. */
export const FILE_INPUT: InputLimits = { what: 'the file', maxBytes: MAX_CONFIG_BYTES, expected: 'pass a YAML file (a Helm values file)' };

const mib = (n: number) => `${(n / MIB).toFixed(n % MIB ? 1 : 0)} MiB`;

export function tooBig(where: string, bytes: number | undefined, limit: number, what: string): FlytemcError {
  return new FlytemcError([
    error(
      where,
      `${what} is ${bytes === undefined ? 'larger than' : `${mib(bytes)}, over`} the limit of ${mib(limit)}`,
      'a flyte-core release renders well under 1 MiB; check that the right stream or file is passed',
    ),
  ]);
}

export function notText(where: string, what: string, expected: string): FlytemcError {
  return new FlytemcError([error(where, `${what} contains NUL bytes: it is not YAML text`, expected)]);
}

export function tooManyDocuments(where: string): FlytemcError {
  return new FlytemcError([
    error(
      where,
      `the stream has more than ${MAX_DOCUMENTS.toLocaleString('en')} documents, the limit`,
      'a flyte-core release has about 60; check that the right stream is passed',
    ),
  ]);
}

export function tooDeep(where: string): FlytemcError {
  return new FlytemcError([
    error(
      where,
      `mappings and lists nested more than ${MAX_DEPTH} levels deep, the limit`,
      'Kubernetes objects nest far less; this is not a rendered manifest',
    ),
  ]);
}

export function tooExpanded(where: string, limit: number): FlytemcError {
  return new FlytemcError([
    error(
      where,
      `YAML aliases (*name) expand this document past ${limit.toLocaleString('en')} units (${MAX_ALIAS_EXPANSION}x its written size, at least ${mib(ALIAS_EXPANSION_FLOOR)}), the limit: an alias bomb`,
      'write the values out instead of repeating anchors (&name) through aliases',
    ),
  ]);
}

/** A stack overflow or a string too long for V8, as the refusal that names the limit; undefined for any other error. */
export function asLimitError(e: unknown, where: string): FlytemcError | undefined {
  if (!(e instanceof RangeError)) return undefined;
  if (/call stack/i.test(e.message)) return tooDeep(where);
  if (/string length|array length|allocation failed/i.test(e.message)) {
    return new FlytemcError([
      error(where, `the input expands past what one process can hold (${e.message})`, `keep the stream under ${mib(MAX_INPUT_BYTES)} and without YAML aliases`),
    ]);
  }
  return undefined;
}
