// What FlyteAdmin needs in a data plane, taken from flyte-core v1.16.8's
// templates/admin/rbac.yaml (flyteadmin.serviceAccount.rbacRules): one rule, verbs '*', over
// these API groups and resources. The names match the chart's, so on a data plane installed
// with the chart join finds the chart's own objects and leaves them as they are.

export const SERVICE_ACCOUNT = 'flyteadmin';
export const DEFAULT_TOKEN_SECRET = 'flyteadmin-token';
export const clusterRoleName = (ns: string) => `${ns}-flyteadmin`;
export const clusterRoleBindingName = (ns: string) => `${ns}-flyteadmin-binding`;

export interface PolicyRule {
  apiGroups: string[];
  resources: string[];
  verbs: string[];
}

/** flyte-core's rule, as rendered into ClusterRole `<ns>-flyteadmin`. */
export const FLYTEADMIN_RULES: PolicyRule[] = [
  {
    apiGroups: ['', 'flyte.lyft.com', 'rbac.authorization.k8s.io'],
    resources: ['configmaps', 'flyteworkflows', 'namespaces', 'pods', 'resourcequotas', 'roles', 'rolebindings', 'secrets', 'services', 'serviceaccounts', 'spark-role', 'limitranges'],
    verbs: ['*'],
  },
];

/** The (group, resource) pairs of that rule that exist (the template crosses every group with every resource). */
export const NEEDED: Array<{ group: string; resource: string }> = [
  { group: '', resource: 'pods' },
  { group: 'flyte.lyft.com', resource: 'flyteworkflows' },
  { group: '', resource: 'namespaces' },
  { group: '', resource: 'resourcequotas' },
  { group: '', resource: 'limitranges' },
  { group: '', resource: 'configmaps' },
  { group: '', resource: 'secrets' },
  { group: '', resource: 'services' },
  { group: '', resource: 'serviceaccounts' },
  { group: 'rbac.authorization.k8s.io', resource: 'roles' },
  { group: 'rbac.authorization.k8s.io', resource: 'rolebindings' },
];

/** What FlyteAdmin does with them: launch/abort/watch workflows and sync cluster resources. */
export const VERBS = ['get', 'list', 'watch', 'create', 'update', 'patch', 'delete'];

/** Every SelfSubjectAccessReview to make, cluster-wide. */
export const ACCESS_CHECKS = NEEDED.flatMap(({ group, resource }) => VERBS.map((verb) => ({ group, resource, verb })));

export const gr = (c: { group: string; resource: string }) => (c.group ? `${c.resource}.${c.group}` : c.resource);

/** True when `have` grants every verb of `need` on every group/resource pair (string match, like RBAC). */
export function rulesCover(have: PolicyRule[] | undefined, need: PolicyRule[]): boolean {
  const grants = (g: string, r: string, v: string) =>
    (have ?? []).some((h) => (h.apiGroups.includes('*') || h.apiGroups.includes(g)) && (h.resources.includes('*') || h.resources.includes(r)) && (h.verbs.includes('*') || h.verbs.includes(v)));
  return need.every((n) => n.apiGroups.every((g) => n.resources.every((r) => n.verbs.every((v) => grants(g, r, v)))));
}
