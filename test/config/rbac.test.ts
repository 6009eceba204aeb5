// plugin/config/rbac.ts: what FlyteAdmin may do in a data plane, derived from the control plane's
// cluster-resource templates (pure functions; `join --rbac minimal`, `flytemc rbac` and the
// post-renderer's rbac: minimal use them).
import { test } from '../helpers/uvu.ts';
import * as assert from 'uvu/assert';
import {
  ACCESS_CHECKS,
  FLYTEADMIN_RULES,
  FLYTE_CORE_TEMPLATES,
  accessChecks,
  minimalRules,
  missingByKind,
  neededAccess,
  resourceOfKind,
  rulesCover,
  templateKind,
  templatesOfValues,
} from '../../plugin/config/rbac.ts';
import { find, objects, rendered } from '../helpers/manifests.ts';

test("rbac: kinds from templates, resources as Kubernetes names them, minimal rules, flyte-core's rule covers the default needs", () => {
  assert.equal(['Namespace', 'ResourceQuota', 'ServiceAccount', 'NetworkPolicy', 'Ingress', 'Endpoints', 'Gateway', 'LimitRange'].map(resourceOfKind), [
    'namespaces',
    'resourcequotas',
    'serviceaccounts',
    'networkpolicies',
    'ingresses',
    'endpoints',
    'gateways',
    'limitranges',
  ]);
  assert.equal(templateKind('apiVersion: rbac.authorization.k8s.io/v1\nkind: RoleBinding\nmetadata:\n  name: {{ namespace }}\n'), {
    group: 'rbac.authorization.k8s.io',
    kind: 'RoleBinding',
  });
  assert.is(templateKind('metadata:\n  kind: Nested\n'), undefined);
  // flyte-core's default templates, as its chart renders them into clusterresource-template
  const cm = find(objects(rendered('controlplane.yaml')), 'ConfigMap', 'clusterresource-template')!.data as Record<string, string>;
  const deployed = Object.entries(cm).map(([k, value]) => ({ key: k.replace(/\.yaml$/, ''), value }));
  assert.equal(neededAccess(deployed).needs, neededAccess(FLYTE_CORE_TEMPLATES).needs, "FLYTE_CORE_TEMPLATES is flyte-core v1.16.8's list");
  assert.equal(ACCESS_CHECKS.length, 3 + 3 + 6);
  const minimal = minimalRules(neededAccess(FLYTE_CORE_TEMPLATES).needs);
  assert.ok(rulesCover(FLYTEADMIN_RULES, minimal), "flyte-core's rule grants everything minimal does");
  assert.not.ok(rulesCover(minimal, FLYTEADMIN_RULES), 'minimal grants less');
});

test('rulesCover: every (group, resource, verb) granted, by name or by *, and nothing else', () => {
  const r = (apiGroups: string[], resources: string[], verbs: string[]) => ({ apiGroups, resources, verbs });
  assert.ok(rulesCover([r([''], ['pods', 'secrets'], ['get', 'list'])], [r([''], ['pods'], ['get'])]));
  assert.not.ok(rulesCover([r([''], ['pods'], ['get'])], [r([''], ['pods'], ['get', 'list'])]), 'a verb missing');
  assert.not.ok(rulesCover([r(['apps'], ['pods'], ['get'])], [r([''], ['pods'], ['get'])]), 'another API group');
  assert.ok(rulesCover([r(['*'], ['*'], ['*'])], [r(['flyte.lyft.com'], ['flyteworkflows'], ['watch'])]), 'wildcards');
  assert.ok(rulesCover([r([''], ['pods'], ['get']), r([''], ['pods'], ['list'])], [r([''], ['pods'], ['get', 'list'])]), 'across rules');
  assert.not.ok(rulesCover(undefined, [r([''], ['pods'], ['get'])]), 'no rules grant nothing');
  assert.ok(rulesCover(undefined, []), 'nothing needed');
});

test('minimalRules: one rule per API group and set of verbs; accessChecks one per verb; missingByKind groups per kind', () => {
  const needs = neededAccess([
    { key: 'a', value: 'apiVersion: v1\nkind: Namespace\n' },
    { key: 'b', value: 'apiVersion: v1\nkind: ServiceAccount\n' },
    { key: 'c', value: 'apiVersion: v1\nkind: ServiceAccount\n' },
    { key: 'd', value: 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\n' },
    { key: 'e', value: 'metadata: {}\n' },
  ]);
  assert.equal(needs.unknown, ['e']);
  assert.equal(needs.needs.find((n) => n.kind === 'ServiceAccount')?.from, ['b', 'c']);
  assert.equal(minimalRules(needs.needs), [
    { apiGroups: [''], resources: ['namespaces', 'serviceaccounts'], verbs: ['create', 'get', 'patch'] },
    { apiGroups: ['networking.k8s.io'], resources: ['networkpolicies'], verbs: ['create', 'get', 'patch'] },
    { apiGroups: ['flyte.lyft.com'], resources: ['flyteworkflows'], verbs: ['create', 'get', 'update', 'delete', 'list', 'watch'] },
  ]);
  const checks = accessChecks(needs.needs);
  assert.is(checks.length, 3 * 3 + 6);
  assert.equal(missingByKind(checks.filter((c) => c.kind === 'NetworkPolicy' || (c.kind === 'FlyteWorkflow' && c.verb === 'watch'))), [
    { kind: 'NetworkPolicy', resource: 'networkpolicies.networking.k8s.io', verbs: ['create', 'get', 'patch'] },
    { kind: 'FlyteWorkflow', resource: 'flyteworkflows.flyte.lyft.com', verbs: ['watch'] },
  ]);
});

test("templatesOfValues: the chart's flyte-core block first, else flyte-core's own key; none when unset", () => {
  const t = [{ key: 'x', value: 'kind: Namespace' }];
  assert.equal(templatesOfValues({ 'flyte-core': { cluster_resource_manager: { templates: t } } }), t);
  assert.equal(templatesOfValues({ cluster_resource_manager: { templates: [...t, { key: 1 }, 'junk'] } }), t, 'malformed entries are left out');
  assert.is(templatesOfValues({ 'flyte-core': {} }), undefined);
  assert.is(templatesOfValues(null), undefined);
});

test.run();
