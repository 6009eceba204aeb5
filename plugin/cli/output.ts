// `-o table|yaml|json` for the commands whose output is data.
import yaml from 'js-yaml';
import { homedir } from 'node:os';
import { trimSlashes } from '../yaml/json-pointer.ts';
import { UsageError } from '../problems/problems.ts';

export type Format = 'table' | 'yaml' | 'json';

/** `-o table|yaml|json`, as every command whose output is data takes it. */
export const OUTPUT_OPTION = { output: { type: 'string', short: 'o' } } as const;

/** `-f FILE` (repeatable), the values files a command reads, in Helm's order. */
export const VALUES_OPTION = { values: { type: 'string', short: 'f', multiple: true } } as const;

export function parseFormat(value: string | undefined, allowed: readonly Format[] = ['table', 'yaml', 'json']): Format {
  const v = (value ?? allowed[0]) as Format;
  if (!allowed.includes(v)) throw new UsageError(`-o ${JSON.stringify(value)}: use one of ${allowed.join(', ')}`);
  return v;
}

/** Renders data as YAML or JSON, or calls `table` for the human form. */
export function render(format: Format, data: unknown, table: () => string): string {
  if (format === 'json') return JSON.stringify(data, null, 2) + '\n';
  if (format === 'yaml') return yaml.dump(data, { noRefs: true, lineWidth: 120, sortKeys: false });
  return table();
}

/** A plain text table: columns padded to the widest cell, two spaces apart. */
export function table(header: string[], rows: string[][], indent = ''): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    indent +
    cells
      .map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line)].join('\n') + '\n';
}

export const percent = (share: number): string => `${(share * 100).toFixed(share > 0 && share < 0.001 ? 3 : 1)}%`;

/** A path as people read it in a table: the home folder as `~` (yaml and json keep whole paths). */
export function tildify(text: string, home = process.env.HOME || homedir()): string {
  return home && home !== '/' ? text.split(`${trimSlashes(home)}/`).join('~/') : text;
}
