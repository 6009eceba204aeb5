// Where a JSON pointer inside a config source is: its file (or object), line and pointer.
import type { At } from '../problems/problems.ts';
import { lineOf } from '../yaml/locate.ts';
import type { ConfigSource } from './types.ts';

export function where(source: ConfigSource, pointer: string): At {
  const full = source.base + pointer;
  if (source.at) return { ...source.at, pointer: full };
  const line = source.text === undefined ? undefined : lineOf(source.text, full);
  return line === undefined ? { file: source.label, pointer: full } : { file: source.label, line, pointer: full };
}
