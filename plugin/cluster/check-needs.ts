// What FlyteAdmin needs in a data plane (RBAC), as `flytemc check` and `flytemc join` prove it.
import { FLYTE_CORE_TEMPLATES, neededAccess, templatesOfValues, type KindNeed } from '../config/rbac.ts';
import { templatesDeployed } from './check-hub-reads.ts';
import type { Kube } from './kube.ts';

/** What FlyteAdmin needs in a data plane: from the values file's templates, else the hub's deployed ones, else flyte-core's. */
export async function needsFor(hub: Kube | undefined, ns: string, valuesFile?: string): Promise<{ needs: KindNeed[]; from: string }> {
  if (valuesFile) {
    const { readValuesFileIfPresent } = await import('../config/from-values.ts');
    const t = templatesOfValues(readValuesFileIfPresent(valuesFile));
    if (t) return { needs: neededAccess(t).needs, from: `the cluster-resource templates of ${valuesFile}` };
  }
  const deployed = hub ? await templatesDeployed(hub, ns) : undefined;
  if (deployed) return { needs: neededAccess(deployed).needs, from: `the hub's ConfigMap ${ns}/clusterresource-template` };
  return { needs: neededAccess(FLYTE_CORE_TEMPLATES).needs, from: "flyte-core's default cluster-resource templates" };
}
