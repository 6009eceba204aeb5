// `validate -f FILE...` of each file: the multi-cluster config found in it (either shape) and
// checked as the post-renderer checks it, every problem in the order of the file's lines; a file
// without a config (a cloud overlay) is said to have none.
import { FlytemcError, type Problem } from '../problems.ts';
import { readText, sourceLabel } from '../stdio.ts';
import { checkConfig, type CheckOptions } from './check-config.ts';
import { configFromValues } from './from-values.ts';

interface FileReport {
  file: string;
  /** checked | no-config */
  status: 'ok' | 'invalid' | 'no-config';
  role?: string;
  problems: Problem[];
}

/** A file's problems in the order of its lines (stable for the same line). */
const byLine = (ps: Problem[]): Problem[] =>
  ps
    .map((p, i) => ({ p, i, line: Number(/:(\d+)(?: |$)/.exec(p.where)?.[1] ?? Infinity) }))
    .sort((a, b) => a.line - b.line || a.i - b.i)
    .map((x) => x.p);

export function validateFiles(files: string[], options: CheckOptions = {}): FileReport[] {
  return files.map((path) => {
    const text = readText(path);
    const file = sourceLabel(path);
    try {
      const found = configFromValues(file, text);
      const r = checkConfig(found, options);
      const bad = r.problems.some((p) => p.severity === 'error');
      return { file, status: bad ? 'invalid' : 'ok', ...(r.role ? { role: r.role } : {}), problems: byLine(r.problems) };
    } catch (e) {
      if (!(e instanceof FlytemcError)) throw e;
      if (e.problems.length === 1 && /no multi-cluster config/.test(e.problems[0]!.what)) return { file, status: 'no-config', problems: [] };
      return { file, status: 'invalid', problems: byLine(e.problems) };
    }
  });
}
