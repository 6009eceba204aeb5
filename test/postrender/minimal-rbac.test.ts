// plugin/postrender/minimal-rbac.ts: the ClusterRoles bound to flyteadmin get exactly the rules its templates need.
import { test } from '../helpers/uvu.ts';
import * as assert from 'uvu/assert';
import { minimalRules, neededAccess, templatesOfValues } from '../../plugin/config/rbac.ts';
import { minimalRbacPatches } from '../../plugin/postrender/minimal-rbac.ts';
import { parseStream } from '../../plugin/postrender/stream.ts';
import { FlytemcError } from '../../plugin/problems/problems.ts';

const TEMPLATES = [{ key: 'a_ns', value: 'apiVersion: v1\nkind: Namespace\n' }];
const binding = (role: string, subjects: string, roleKind = 'ClusterRole') =>
  `---\napiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRoleBinding\nmetadata:\n  name: b-${role}\nroleRef: {kind: ${roleKind}, name: ${role}}\nsubjects: ${subjects}\n`;
const role = (name: string, rules = '[]') => `---\napiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata:\n  name: ${name}\nrules: ${rules}\n`;
const ADMIN = '[{kind: ServiceAccount, name: flyteadmin, namespace: flyte}]';
const AT = { code: 'wiring.rbac-templates', subject: 'config' };
const refusal = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    assert.instance(e, FlytemcError);
    return (e as FlytemcError).problems[0]!;
  }
  throw new Error('accepted');
};

test("the roles bound to ServiceAccount flyteadmin get the templates' rules; other roles and bindings are left", () => {
  const docs = parseStream(
    binding('admin', ADMIN) +
      binding('other', '[{kind: ServiceAccount, name: propeller}]') +
      binding('ns-role', ADMIN, 'Role') +
      binding('', ADMIN) +
      '---\napiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRoleBinding\nmetadata:\n  name: odd\nroleRef: 1\nsubjects: 2\n' +
      role('admin', '[{apiGroups: ["*"], resources: ["*"], verbs: ["*"]}]') +
      role('other'),
  );
  const patches = minimalRbacPatches(docs, TEMPLATES, AT);
  const want = minimalRules(neededAccess(templatesOfValues({ cluster_resource_manager: { templates: TEMPLATES } })!).needs);
  assert.equal(
    patches.map((p) => [(p.doc.value as { metadata: { name: string } }).metadata.name, p.ops]),
    [['admin', [{ op: 'add', path: '/rules', value: want }]]],
  );
  // narrowed already: nothing to do
  assert.equal(minimalRbacPatches(parseStream(binding('admin', ADMIN) + role('admin', JSON.stringify(want))), TEMPLATES, AT), []);
});

test('refused: a template without apiVersion and kind (at the templates), no ClusterRole bound to flyteadmin', () => {
  const one = refusal(() => minimalRbacPatches(parseStream(binding('admin', ADMIN) + role('admin')), [{ key: 'zz', value: 'metadata: {}' }], AT));
  assert.equal([one.code, one.subject], ['wiring.rbac-templates', 'config']);
  assert.match(one.message, 'cluster-resource template zz names no apiVersion');
  const two = refusal(() => minimalRbacPatches(parseStream(role('admin')), [...TEMPLATES, { key: 'y', value: '{}' }, { key: 'z', value: '{}' }], AT));
  assert.match(two.message, 'templates y, z name no apiVersion and kind, so the permissions FlyteAdmin needs for them');
  assert.is(refusal(() => minimalRbacPatches(parseStream(role('admin')), undefined, AT)).code, 'wiring.rbac-no-role');
});

test.run();
