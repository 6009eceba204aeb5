// What FlyteAdmin may do in a data plane: flyte-core's ClusterRole (the default) or the minimal rules its sync and executor need.

import { isObject } from '../yaml/data.ts';

/** The chart's names, so that join finds the chart's own objects on a data plane installed with it. */
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
    resources: [
      'configmaps',
      'flyteworkflows',
      'namespaces',
      'pods',
      'resourcequotas',
      'roles',
      'rolebindings',
      'secrets',
      'services',
      'serviceaccounts',
      'spark-role',
      'limitranges',
    ],
    verbs: ['*'],
  },
];

/** A cluster-resource template as flyte-core's values hold it (`cluster_resource_manager.templates`). */
export interface ResourceTemplate {
  key: string;
  value: string;
}

/** flyte-core v1.16.8's default templates (values.yaml), by kind; test/rbac.test.ts checks them against the chart. */
export const FLYTE_CORE_TEMPLATES: ResourceTemplate[] = [
  { key: 'aa_namespace', value: 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: {{ namespace }}\n' },
  { key: 'ab_project_resource_quota', value: 'apiVersion: v1\nkind: ResourceQuota\nmetadata:\n  name: project-quota\n  namespace: {{ namespace }}\n' },
];

const TEMPLATE_VERBS = ['create', 'get', 'patch'];
const WORKFLOW_VERBS = ['create', 'get', 'update', 'delete', 'list', 'watch'];
const WORKFLOW = { kind: 'FlyteWorkflow', group: 'flyte.lyft.com', resource: 'flyteworkflows' };

/** One kind FlyteAdmin works with in a data plane, and why. */
export interface KindNeed {
  kind: string;
  group: string;
  resource: string;
  verbs: string[];
  /** Template keys, or `FlyteWorkflow objects`. */
  from: string[];
}

export interface AccessCheck {
  group: string;
  resource: string;
  verb: string;
  kind: string;
}

/** The resource of a kind, as Kubernetes guesses it (meta.UnsafeGuessKindToResource; `-ay/-ey/-oy` + s). */
export function resourceOfKind(kind: string): string {
  const s = kind.toLowerCase();
  if (s.endsWith('endpoints')) return s;
  if (s.endsWith('s')) return `${s}es`;
  if (/[^aeiou]y$/.test(s)) return `${s.slice(0, -1)}ies`;
  return `${s}s`;
}

/** apiVersion and kind of a template (top-level keys; the `{{ var }}` placeholders make it no YAML yet). */
export function templateKind(text: string): { group: string; kind: string } | undefined {
  const apiVersion = /^apiVersion:\s*["']?([^\s"'#]+)/m.exec(text)?.[1];
  const kind = /^kind:\s*["']?([A-Za-z0-9]+)/m.exec(text)?.[1];
  if (!apiVersion || !kind) return undefined;
  const slash = apiVersion.lastIndexOf('/');
  return { group: slash < 0 ? '' : apiVersion.slice(0, slash), kind };
}

/** What FlyteAdmin needs, kind by kind, for these templates (templates without a kind are listed in `unknown`). */
export function neededAccess(templates: ResourceTemplate[]): { needs: KindNeed[]; unknown: string[] } {
  const byKind = new Map<string, KindNeed>();
  const unknown: string[] = [];
  for (const t of templates) {
    const k = templateKind(t.value);
    if (!k) {
      unknown.push(t.key);
      continue;
    }
    const id = `${k.group}/${k.kind}`;
    const have = byKind.get(id);
    if (have) have.from.push(t.key);
    else byKind.set(id, { kind: k.kind, group: k.group, resource: resourceOfKind(k.kind), verbs: [...TEMPLATE_VERBS], from: [t.key] });
  }
  const needs = [...byKind.values()];
  needs.push({ ...WORKFLOW, verbs: [...WORKFLOW_VERBS], from: ['FlyteWorkflow objects'] });
  return { needs, unknown };
}

/** The ClusterRole rules that grant exactly `needs`: one rule per API group and set of verbs. */
export function minimalRules(needs: KindNeed[]): PolicyRule[] {
  const rules = new Map<string, PolicyRule>();
  for (const n of needs) {
    const key = `${n.group}|${n.verbs.join(',')}`;
    const r = rules.get(key) ?? { apiGroups: [n.group], resources: [], verbs: [...n.verbs] };
    if (!r.resources.includes(n.resource)) r.resources.push(n.resource);
    rules.set(key, r);
  }
  return [...rules.values()];
}

export function accessChecks(needs: KindNeed[]): AccessCheck[] {
  return needs.flatMap((n) => n.verbs.map((verb) => ({ group: n.group, resource: n.resource, verb, kind: n.kind })));
}

/** What FlyteAdmin needs with flyte-core's own templates. */
export const DEFAULT_NEEDS: KindNeed[] = neededAccess(FLYTE_CORE_TEMPLATES).needs;

/** Every SelfSubjectAccessReview to make, cluster-wide, for flyte-core's templates. */
export const ACCESS_CHECKS: AccessCheck[] = accessChecks(DEFAULT_NEEDS);

export const gr = (c: { group: string; resource: string }) => (c.group ? `${c.resource}.${c.group}` : c.resource);

/** `ResourceQuota (resourcequotas): create, patch; …`: missing checks grouped per kind. */
export function missingByKind(missing: AccessCheck[]): Array<{ kind: string; resource: string; verbs: string[] }> {
  const out = new Map<string, { kind: string; resource: string; verbs: string[] }>();
  for (const m of missing) {
    const key = gr(m);
    const e = out.get(key) ?? { kind: m.kind, resource: key, verbs: [] };
    e.verbs.push(m.verb);
    out.set(key, e);
  }
  return [...out.values()];
}

/** True when `have` grants every verb of `need` on every group/resource pair (string match, like RBAC). */
export function rulesCover(have: PolicyRule[] | undefined, need: PolicyRule[]): boolean {
  const grants = (g: string, r: string, v: string) =>
    (have ?? []).some(
      (h) =>
        (h.apiGroups.includes('*') || h.apiGroups.includes(g)) &&
        (h.resources.includes('*') || h.resources.includes(r)) &&
        (h.verbs.includes('*') || h.verbs.includes(v)),
    );
  return need.every((n) => n.apiGroups.every((g) => n.resources.every((r) => n.verbs.every((v) => grants(g, r, v)))));
}

/** The templates of Helm values (the chart's `flyte-core.cluster_resource_manager.templates`, or flyte-core's own key); undefined when they name none. */
export function templatesOfValues(values: unknown): ResourceTemplate[] | undefined {
  const obj = (v: unknown): Record<string, unknown> | undefined => (isObject(v) ? v : undefined);
  const root = obj(values);
  for (const base of [obj(root?.['flyte-core']), root]) {
    const list = obj(obj(base)?.cluster_resource_manager)?.templates;
    if (Array.isArray(list)) {
      return list.flatMap((t) => {
        const o = obj(t);
        return o && typeof o.key === 'string' && typeof o.value === 'string' ? [{ key: o.key, value: o.value }] : [];
      });
    }
  }
  return undefined;
}
