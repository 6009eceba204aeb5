// flytectl's execution-cluster-label attribute files: one from the command line, or one per executionLabels entry in a folder.
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ExecutionLabel } from '../config/types.ts';
import { render, type Format } from '../cli/output.ts';
import { UsageError, warning, type Problem } from '../problems/problems.ts';

/** What every file of a folder export starts with (YAML): how flytemc knows a file there is its own. */
const HEADER = '# flytectl execution-cluster-label attributes, written by `flytemc labels` from multicluster.executionLabels';

/** The attributes flytectl reads, in its order. */
const attributes = (e: ExecutionLabel): Record<string, string> => ({
  domain: e.domain,
  project: e.project,
  ...(e.workflow ? { workflow: e.workflow } : {}),
  value: e.label,
});

/** One attribute file's text. */
export const attributeFile = (format: Format, e: ExecutionLabel): string => render(format, attributes(e), () => '');

/** Writes one attribute file. */
export function writeAttributeFile(path: string, text: string): void {
  writeFileSync(path, text);
}

/** `<project>_<domain>[_<workflow>].yaml`: project and domain ids have no `_`, so names never collide. */
function fileName(e: ExecutionLabel, format: Format): string {
  return `${[e.project, e.domain, ...(e.workflow ? [e.workflow] : [])].join('_')}.${format === 'json' ? 'json' : 'yaml'}`;
}

/**
 * One file per entry in `dir`; returns the files written and a warning for each file an earlier
 * run wrote whose entry is gone (its attribute stays in FlyteAdmin until deleted).
 */
export function writeLabelFiles(dir: string, entries: ExecutionLabel[], format: Format): { written: string[]; stale: Problem[] } {
  if (existsSync(dir) && !statSync(dir).isDirectory()) throw new UsageError(`--out ${dir} is a file; with executionLabels it names a folder`);
  mkdirSync(dir, { recursive: true });
  const written: string[] = [];
  for (const e of entries) {
    const name = fileName(e, format);
    const body = attributeFile(format, e);
    writeFileSync(join(dir, name), format === 'yaml' ? `${HEADER}\n${body}` : body);
    written.push(join(dir, name));
  }
  const ours = new Set(written);
  const stale = readdirSync(dir)
    .map((f) => join(dir, f))
    .filter((f) => !ours.has(f) && /\.(yaml|json)$/.test(f) && readFileSync(f, 'utf8').startsWith(HEADER))
    .map((f) =>
      warning(
        { code: 'labels.stale-file', file: f },
        'no executionLabels entry writes this file any more, but FlyteAdmin keeps its attribute',
        `flytectl delete execution-cluster-label --attrFile ${f}, then delete the file`,
      ),
    );
  return { written, stale };
}
