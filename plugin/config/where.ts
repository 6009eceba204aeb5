// Where a JSON pointer inside a config source is (its file or object, line and pointer), and a place given its problem code.
import type { At, Place } from '../problems/problems.ts';
import { lineOf } from '../yaml/locate.ts';
import type { ConfigSource } from './types.ts';

export function where(source: ConfigSource, pointer: string): At {
  const full = source.base + pointer;
  if (source.at) return { ...source.at, pointer: full };
  const line = source.text === undefined ? undefined : lineOf(source.text, full);
  return line === undefined ? { file: source.label, pointer: full } : { file: source.label, line, pointer: full };
}

/** `at` with the code of the problem found there, unless the caller's place names one (e.g. a rendered manifest's schema check); a named thing stays its subject. */
export const coded = (code: string, at: Place): At => (typeof at === 'string' ? { code, subject: at } : { code, ...at });
