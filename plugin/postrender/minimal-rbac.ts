// multicluster.dataPlane.rbac minimal: flyteadmin's ClusterRole narrowed to what its cluster-resource templates need.
import type { Operation } from 'fast-json-patch';
import { minimalRules, neededAccess, SERVICE_ACCOUNT, templatesOfValues } from '../config/rbac.ts';
import { FlytemcError, error, type Place } from '../problems/problems.ts';
import { isObject } from '../yaml/data.ts';
import type { DocPatch } from './patch.ts';
import { kindOf, nameOf, type Doc } from './stream.ts';

/** The ClusterRoles bound to ServiceAccount flyteadmin, with exactly the rules its templates need; `at` is where the templates are. */
export function minimalRbacPatches(docs: Doc[], rawTemplates: unknown, at: Place): DocPatch[] {
  const templates = templatesOfValues({ cluster_resource_manager: { templates: rawTemplates } }) ?? [];
  const { needs, unknown } = neededAccess(templates);
  if (unknown.length) {
    const many = unknown.length > 1;
    throw new FlytemcError([
      error(
        at,
        `cluster-resource template${many ? 's' : ''} ${unknown.join(', ')} name${many ? '' : 's'} no apiVersion and kind, so the permissions FlyteAdmin needs for ${many ? 'them' : 'it'} are unknown`,
        'give every template top-level apiVersion: and kind: lines, or use multicluster.dataPlane.rbac: flyte-core',
      ),
    ]);
  }
  const roles = rolesOfAdmin(docs);
  const targets = docs.filter((d) => kindOf(d) === 'ClusterRole' && roles.has(String(nameOf(d))));
  if (!targets.length) {
    throw new FlytemcError([
      error(
        { code: 'wiring.rbac-no-role', subject: 'the rendered manifests' },
        `multicluster.dataPlane.rbac is minimal, but no ClusterRole is bound to ServiceAccount ${SERVICE_ACCOUNT}`,
        'keep flyte-core.flyteadmin.serviceAccount.alwaysCreate and rbac on (values-dataplane.yaml sets them), or use rbac: flyte-core',
      ),
    ]);
  }
  const rules = minimalRules(needs);
  return targets
    .filter((d) => JSON.stringify((d.value as { rules?: unknown }).rules) !== JSON.stringify(rules))
    .map((d) => ({ doc: d, ops: [{ op: 'add', path: '/rules', value: rules } as Operation] }));
}

/** The ClusterRoles a ClusterRoleBinding of the stream grants to ServiceAccount flyteadmin. */
function rolesOfAdmin(docs: Doc[]): Set<string> {
  const roles = new Set<string>();
  for (const d of docs) {
    if (kindOf(d) !== 'ClusterRoleBinding') continue;
    const b = d.value as { subjects?: unknown; roleRef?: unknown };
    const subjects = Array.isArray(b.subjects) ? b.subjects : [];
    const ref = isObject(b.roleRef) ? b.roleRef : {};
    const toAdmin = subjects.some((s) => isObject(s) && s.kind === 'ServiceAccount' && s.name === SERVICE_ACCOUNT);
    if (toAdmin && ref.kind === 'ClusterRole' && typeof ref.name === 'string' && ref.name) roles.add(ref.name);
  }
  return roles;
}
