// Cordon and uncordon in the values: the file that lists the clusters, the cluster checked, the labels that stop or start routing.
import { error, FlytemcError, UsageError } from '../problems/problems.ts';
import { isObject } from '../yaml/data.ts';
import type { ValuesFile } from './from-values.ts';
import { computeRoutes } from './routes.ts';
import { clusterListFile, enabledClusters, setEnabled } from './values-file.ts';
import { where } from './where.ts';

/** Labels that route somewhere under `before` and nowhere under `after` (dropped, so FlyteAdmin falls back). */
function dropped(before: unknown, after: unknown): string[] {
  const live = (c: unknown) =>
    new Set(
      computeRoutes(c)
        .labels.filter((l) => !l.dropped)
        .map((l) => l.label),
    );
  const [b, a] = [live(before), live(after)];
  return [...b].filter((l) => !a.has(l));
}

/** The cluster names of a `clusters` section. */
function namesOf(clusters: unknown): string[] {
  return (isObject(clusters) && Array.isArray(clusters.clusterConfigs) ? clusters.clusterConfigs : [])
    .map((c) => (isObject(c) ? c.name : undefined))
    .filter((n): n is string => typeof n === 'string');
}

/**
 * The file to edit to set `enabled` on cluster `name` (the last -f file that sets clusterConfigs,
 * as Helm merges them), and the labels that stop routing (cordon) or route again (uncordon).
 * Refused before anything is written: no file lists clusters, the list is standard input, the
 * cluster is not listed (not joined), or a cordon of the last enabled cluster (nothing could run
 * anywhere, and the post-renderer refuses a control plane with no enabled cluster). `self`: how
 * the user runs flytemc, for the fixes.
 */
export function planEnabled(parsed: ValuesFile[], name: string, enabled: boolean, self: string): { file: string; labels: string[] } {
  const src = clusterListFile(parsed);
  if (!src)
    throw new FlytemcError([
      error(
        { code: 'cordon.no-clusters', subject: parsed.map((p) => p.file).join(', ') || '(no -f)' },
        'no file sets multicluster.clusters.clusterConfigs, so there is no cluster to cordon or uncordon',
        `pass the control plane's values files with -f, the one that \`${self} join --values\` records the clusters in among them`,
      ),
    ]);
  if (src.file === '-')
    throw new UsageError(`${enabled ? 'uncordon' : 'cordon'} edits the file that lists the clusters: pass it as a file, not -f - (standard input)`);
  const values = src.values as Record<string, unknown>;
  const list = where({ label: src.label, text: src.text, base: '' }, '/multicluster/clusters/clusterConfigs');
  const before = structuredClone((values.multicluster as Record<string, unknown>).clusters);
  const names = namesOf(before);
  if (!names.includes(name))
    throw new FlytemcError([
      error(
        { ...list, code: 'cordon.not-joined' },
        `has no cluster ${JSON.stringify(name)} (the cluster list Helm uses: the last -f file that sets it): ${name} is not joined to this control plane; nothing was changed`,
        `name one of: ${names.join(', ') || '(none)'}; a new data plane is joined with ${self} join CONTEXT --values ${src.file}`,
      ),
    ]);
  const probe = structuredClone(values);
  setEnabled(probe, name, enabled, src.label);
  if (!enabled && enabledClusters(probe, src.label).length === 0)
    throw new FlytemcError([
      error(
        { ...list, code: 'cordon.last-enabled' },
        `${name} is the last enabled cluster: cordoned, FlyteAdmin could run no execution anywhere, and the post-renderer refuses a control plane with no enabled cluster; nothing was changed`,
        `join or uncordon another data plane first (${self} join CONTEXT --values ${src.file}, ${self} uncordon NAME -f ${src.file})`,
      ),
    ]);
  const after = (probe.multicluster as Record<string, unknown>).clusters;
  return { file: src.file, labels: enabled ? dropped(after, before) : dropped(before, after) };
}
