// Turns a JSON pointer inside a config source into `file:line (pointer)` for messages.
import { lineOf } from '../yaml/locate.ts';
import type { ConfigSource } from './types.ts';

export function where(source: ConfigSource, pointer: string): string {
  const full = source.base + pointer;
  if (source.text !== undefined) {
    const line = lineOf(source.text, full);
    return line === undefined ? `${source.label} ${full || '/'}` : `${source.label}:${line} (${full || '/'})`;
  }
  return `${source.label} ${full || '/'}`;
}
