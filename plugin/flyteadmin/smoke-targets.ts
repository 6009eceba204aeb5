// The data planes smoke runs on: the enabled clusters of FlyteAdmin's deployed config, each with the label that sends work to it alone.
import { labelPinning, pinLabel, type Routes } from '../config/routes.ts';
import { error, FlytemcError, UsageError } from '../problems/problems.ts';

/**
 * The enabled clusters (those of `only` when given), each with its pinning label. Refused when
 * none is enabled, for a --cluster that is not one of them, and for a cluster no label sends work
 * to alone (smoke could not tell where an execution ran). `source`: the deployed config's name.
 */
export function smokeTargets(routes: Routes, source: string, only: string[] = []): Array<{ name: string; label: string }> {
  const all = routes.clusters.filter((c) => c.enabled).map((c) => c.name);
  if (all.length === 0)
    throw new FlytemcError([
      error(
        { code: 'admin.no-enabled-cluster', subject: source },
        'lists no enabled cluster',
        'join one: flytemc join CONTEXT --values my-values.yaml, then upgrade the control plane',
      ),
    ]);
  const unknown = only.filter((c) => !all.includes(c));
  if (unknown.length) throw new UsageError(`--cluster ${unknown.join(', ')}: not an enabled cluster of ${source}`, `use one of: ${all.join(', ')}`);
  const enabled = only.length ? all.filter((c) => only.includes(c)) : all;
  const unpinned = enabled.filter((c) => !labelPinning(routes, c));
  if (unpinned.length)
    throw new FlytemcError(
      unpinned.map((c) =>
        error(
          { code: 'admin.unpinned', subject: source },
          `no execution cluster label sends work to ${c} alone, so smoke cannot pin an execution there`,
          `add it to the control plane's values and upgrade: flytemc join ${c} --values my-values.yaml (join adds ${pinLabel(c)}), or labelClusterMap: {${pinLabel(c)}: [{id: ${c}, weight: 1}]}`,
        ),
      ),
    );
  return enabled.map((name) => ({ name, label: labelPinning(routes, name)! }));
}
