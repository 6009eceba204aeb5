// The values' `multicluster.executionLabels`: each entry checked (schema, listed once, its label routed) before any is used.
import { validateMulticluster } from '../generated/validators.cjs';
import { error, FlytemcError, type At, type Problem } from '../problems/problems.ts';
import { get } from '../yaml/json-pointer.ts';
import { isObject } from '../yaml/data.ts';
import type { ValuesFile } from './from-values.ts';
import { clustersFromValues, computeRoutes, type Routes } from './routes.ts';
import { schemaProblems } from './schema-errors.ts';
import type { ExecutionLabel } from './types.ts';
import { where } from './where.ts';

/** The routes of one cluster config, and how messages name it (`multicluster.clusters`, FlyteAdmin's deployed config). */
interface RoutedConfig {
  routes: Routes;
  at: string;
}

/** The routes of the values' cluster config; refused when the values have none (`what`: what the config is needed for). */
export function routesOfValues(merged: unknown, files: string[], what: string, fix: string): RoutedConfig {
  const found = clustersFromValues(merged);
  if (!found) throw new FlytemcError([error({ code: 'labels.no-config', subject: files.join(', ') }, `no cluster config to check ${what} against`, fix)]);
  return { routes: computeRoutes(found.clusters), at: found.at };
}

/** Why FlyteAdmin would not use `label`, or undefined when the config routes it. */
export function unrouted(label: string, { routes, at }: RoutedConfig): { what: string; fix: string } | undefined {
  const l = routes.labels.find((x) => x.label === label);
  const known = routes.labels.filter((x) => !x.dropped).map((x) => x.label);
  const fallback = routes.fallback.label !== undefined ? `defaultExecutionLabel ${routes.fallback.label}` : 'all enabled clusters';
  if (!l)
    return {
      what: `${JSON.stringify(label)} is not a label of ${at}.labelClusterMap; FlyteAdmin would ignore it and use ${fallback}`,
      fix: `use one of: ${known.join(', ') || '(none: add the label to labelClusterMap first)'}`,
    };
  if (l.dropped)
    return {
      what: `label ${JSON.stringify(label)} has no enabled cluster (${l.entries.map((e) => `${e.id}: ${e.note ?? ''}`).join('; ')}), so FlyteAdmin drops it and would use ${fallback}`,
      fix: `enable one of its clusters (see \`helm flytemc routes\`), or use one of: ${known.join(', ') || '(none)'}`,
    };
  return undefined;
}

/** `project/domain[/workflow]`. */
export const labelTarget = (e: ExecutionLabel): string => `${e.project}/${e.domain}${e.workflow ? `/${e.workflow}` : ''}`;

/** The values file whose list wins (Helm replaces lists: the last file that sets it), and the merged list. */
function listOf(parsed: ValuesFile[], merged: unknown, empty: boolean): { src: ValuesFile; list: unknown[] } {
  const src = [...parsed].reverse().find((p) => isObject(p.values) && isObject(p.values.multicluster) && 'executionLabels' in p.values.multicluster);
  const mc = isObject(merged) && isObject(merged.multicluster) ? merged.multicluster : {};
  if (src && Array.isArray(mc.executionLabels) && (mc.executionLabels.length > 0 || empty)) return { src, list: mc.executionLabels };
  throw new FlytemcError([
    error(
      { code: 'labels.missing', subject: parsed.map((p) => p.file).join(', ') },
      empty ? 'no multicluster.executionLabels list (`executionLabels: []` says there is none on purpose)' : 'no multicluster.executionLabels entries to write',
      'add entries such as `- {project: flytesnacks, domain: development, label: team1}` under multicluster.executionLabels, or pass --project, --domain and --label',
    ),
  ]);
}

/** Each entry whose label a config does not route, and each entry listed twice. */
function entryProblems(entries: ExecutionLabel[], configs: RoutedConfig[], at: (p: string) => At): Problem[] {
  const problems: Problem[] = [];
  const names = new Map<string, number>();
  entries.forEach((e, i) => {
    for (const c of configs) {
      const why = unrouted(e.label, c);
      if (why) problems.push(error({ ...at(`/executionLabels/${i}/label`), code: 'labels.unrouted' }, `${labelTarget(e)}: ${why.what}`, why.fix));
    }
    const name = [e.project, e.domain, e.workflow ?? ''].join('/');
    const first = names.get(name);
    if (first === undefined) names.set(name, i);
    else
      problems.push(
        error(
          { ...at(`/executionLabels/${i}`), code: 'labels.duplicate' },
          `${labelTarget(e)} is listed twice (also entry ${first}); only one label can apply`,
          'keep one entry',
        ),
      );
  });
  return problems;
}

/**
 * The `multicluster.executionLabels` entries of the values files, checked before anything is
 * written: the schema, one entry per project/domain[/workflow], each label routed by every config
 * of `configs` (the values', and for apply FlyteAdmin's deployed one). `empty`: an empty list is
 * fine (apply with --prune removes everything it applied).
 */
export function executionLabelsOf(parsed: ValuesFile[], merged: unknown, configs: () => RoutedConfig[], empty: boolean): Array<ExecutionLabel & { at: At }> {
  const { src, list } = listOf(parsed, merged, empty);
  const at = (p: string) => where({ label: src.file, text: src.text, base: '/multicluster' }, p);
  const shape = { executionLabels: list };
  const invalid = validateMulticluster(shape) ? [] : schemaProblems(validateMulticluster.errors, at, (p) => get(shape, p));
  if (invalid.length) throw new FlytemcError(invalid);
  const entries = list as ExecutionLabel[];
  const problems = entryProblems(entries, configs(), at);
  if (problems.length) throw new FlytemcError(problems);
  return entries.map((e, i) => ({ ...e, at: at(`/executionLabels/${i}`) }));
}
