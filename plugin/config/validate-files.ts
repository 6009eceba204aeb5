// `validate`'s checks: each values file's config and flyte-core keys, then the data planes against the control plane.
import { isObject } from '../yaml/data.ts';
import { FlytemcError, type Problem } from '../problems/problems.ts';
import { readText, sourceLabel } from '../cli/stdio.ts';
import { checkConfig, type CheckOptions } from './check-config.ts';
import { unknownCoreKeys } from './flyte-core-keys.ts';
import { NO_CONFIG, configFromValues, parseValuesFile } from './from-values.ts';
import { where } from './where.ts';
import { checkPlanes, type PlanesReport } from './planes.ts';
import type { Cloud } from '../helm/chart-files.ts';

interface FileReport {
  file: string;
  /** checked | no-config */
  status: 'ok' | 'invalid' | 'no-config';
  role?: string;
  /** Whether the file lists clusters (a control plane's config needs one file that does). */
  listsClusters: boolean;
  problems: Problem[];
}

/** A file's problems in the order of its lines (stable for the same line). */
const byLine = (ps: Problem[]): Problem[] =>
  ps
    .map((p, i) => ({ p, i, line: p.line ?? Infinity }))
    .sort((a, b) => a.line - b.line || a.i - b.i)
    .map((x) => x.p);

/** Each file on its own; a `multicluster` block without `clusters` (the values both planes share) is checked as a part. */
export function validateFiles(files: string[], options: CheckOptions = {}): FileReport[] {
  return files.map((path) => {
    const text = readText(path);
    const file = sourceLabel(path);
    let keys: Problem[] = [];
    try {
      const values = parseValuesFile(file, text);
      keys = isObject(values) ? unknownCoreKeys(values['flyte-core'], (p) => where({ label: file, text, base: '/flyte-core' }, p), 'error') : [];
      const found = configFromValues(file, text, values);
      const listsClusters = !(found.form === 'multicluster' && isObject(found.raw) && !('clusters' in found.raw));
      const r = checkConfig(found, listsClusters ? options : { ...options, requireClusters: false });
      const problems = byLine([...r.problems, ...keys]);
      const bad = problems.some((p) => p.severity === 'error');
      return { file, status: bad ? 'invalid' : 'ok', ...(r.role ? { role: r.role } : {}), listsClusters, problems };
    } catch (e) {
      if (!(e instanceof FlytemcError)) throw e;
      if (e.problems.length === 1 && e.problems[0]!.code === NO_CONFIG)
        return { file, status: keys.length ? 'invalid' : 'no-config', listsClusters: false, problems: byLine(keys) };
      return { file, status: 'invalid', listsClusters: false, problems: byLine([...e.problems, ...keys]) };
    }
  });
}

/** What `validate` finds in all its files (and data planes), and whether that is valid. */
export interface ValidationReport {
  valid: boolean;
  errors: number;
  warnings: number;
  files: FileReport[];
  planes?: PlanesReport;
  /** No file holds a multi-cluster config. */
  noConfig: boolean;
  /** A control plane's config in parts, none of which lists the clusters. */
  noClusters: boolean;
}

/** `validate -f FILE... [--data-plane FILES]...`: each file, then each data plane against the control plane. */
export function validateValues(files: string[], dataPlanes: string[][], cloud?: Cloud): ValidationReport {
  // with --data-plane the -f files are merged into one control plane: a file may hold only part of it
  const reports = validateFiles(files, dataPlanes.length ? { requireClusters: false } : {});
  const planes = dataPlanes.length ? checkPlanes(files, dataPlanes, cloud) : undefined;
  const all = [...reports.flatMap((r) => r.problems), ...(planes ? [...planes.controlPlane.problems, ...planes.dataPlanes.flatMap((d) => d.problems)] : [])];
  const errors = all.filter((p) => p.severity === 'error').length;
  const noConfig = !planes && reports.every((r) => r.status === 'no-config');
  // a control plane's config in parts (the shared values, the clusters): one of them lists the clusters
  const noClusters = !planes && !noConfig && !reports.some((r) => r.listsClusters || r.role === 'data-plane') && reports.every((r) => r.status !== 'invalid');
  return {
    valid: errors === 0 && !noConfig && !noClusters,
    errors,
    warnings: all.length - errors,
    files: reports,
    ...(planes ? { planes } : {}),
    noConfig,
    noClusters,
  };
}
