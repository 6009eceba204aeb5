// FlyteAdmin's identity in a data plane: ServiceAccount flyteadmin, ClusterRole and ClusterRoleBinding <ns>-flyteadmin, created, completed or removed.
import type * as K8s from '@kubernetes/client-node';
import { FlytemcError, error, EXIT } from '../problems/problems.ts';
import { createOrExisting, deleteOrAbsent, readOrAbsent, type Kube } from './kube.ts';
import { type Plan, yamlOf } from './plan.ts';
import { FLYTEADMIN_RULES, SERVICE_ACCOUNT, clusterRoleBindingName, clusterRoleName, rulesCover, type PolicyRule } from '../config/rbac.ts';
import { FIELD_MANAGER, RELEASE_NAME, RELEASE_NAMESPACE, createdByFlytemc, managerOf, type Creation } from './member.ts';
import { noted } from './tls-note.ts';

type Meta = { metadata?: K8s.V1ObjectMeta };

/** Records a create and, unless a dry run, sends it (an object created meanwhile counts as created). */
function create(m: Kube, plan: Plan, object: string, body: unknown, send: () => Promise<unknown>, note?: string): Promise<unknown> {
  return plan.apply({ target: m.context, object, action: 'create', ...(note ? { note } : {}), after: yamlOf(body) }, () =>
    createOrExisting(m, `creating ${object}`, send),
  );
}

export async function ensureServiceAccount(m: Kube, ns: string, creation: Creation, plan: Plan): Promise<void> {
  const object = `ServiceAccount ${ns}/${SERVICE_ACCOUNT}`;
  const have = await readOrAbsent(m, `reading ${object}`, () => m.core.readNamespacedServiceAccount({ name: SERVICE_ACCOUNT, namespace: ns }));
  if (have) {
    plan.record({
      target: m.context,
      object,
      action: 'unchanged',
      ...(createdByFlytemc(have) ? {} : { note: `managed by ${managerOf(have, 'someone else')}` }),
    });
    return;
  }
  const body: K8s.V1ServiceAccount = {
    apiVersion: 'v1',
    kind: 'ServiceAccount',
    metadata: { name: SERVICE_ACCOUNT, namespace: ns, labels: creation.labels, annotations: creation.annotations },
  };
  await create(m, plan, object, body, () => m.core.createNamespacedServiceAccount({ namespace: ns, body, fieldManager: FIELD_MANAGER }));
}

const ruleOf = (r: K8s.V1PolicyRule): PolicyRule => ({ apiGroups: r.apiGroups ?? [], resources: r.resources ?? [], verbs: r.verbs });

/** The rules a ClusterRole of flyteadmin must have: flyte-core's (default), or minimal ones (`join --rbac minimal`). */
interface WantedRules {
  rules: PolicyRule[];
  minimal: boolean;
}

/** Replaces the rules of ClusterRole `have` (labels merged in), recording the rules before and after. */
function replaceRules(m: Kube, plan: Plan, have: K8s.V1ClusterRole, updated: K8s.V1ClusterRole, note: string): Promise<unknown> {
  const name = have.metadata!.name!;
  const object = `ClusterRole ${name}`;
  return plan.apply(
    { target: m.context, object, action: 'update', note, before: yamlOf({ rules: have.rules ?? [] }), after: yamlOf({ rules: updated.rules }) },
    () => m.call(`updating ${object}`, () => m.rbac.replaceClusterRole({ name, body: updated, fieldManager: FIELD_MANAGER })),
  );
}

/**
 * ClusterRole <ns>-flyteadmin with the wanted rules: created; ours with --rbac minimal: exactly
 * those; another's that covers them: unchanged; else the missing rules added.
 */
export async function ensureClusterRole(
  m: Kube,
  ns: string,
  creation: Creation,
  plan: Plan,
  wanted: WantedRules = { rules: FLYTEADMIN_RULES, minimal: false },
): Promise<void> {
  const name = clusterRoleName(ns);
  const object = `ClusterRole ${name}`;
  const have = await readOrAbsent(m, `reading ${object}`, () => m.rbac.readClusterRole({ name }));
  const labels = { ...creation.labels, ...(wanted.minimal ? { 'flytemc.io/rbac': 'minimal' } : {}) };
  if (!have) {
    const body: K8s.V1ClusterRole = {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRole',
      metadata: { name, labels, annotations: creation.annotations },
      rules: wanted.rules,
    };
    const note = wanted.minimal ? 'minimal: what the cluster-resource templates and FlyteWorkflow objects need' : undefined;
    await create(m, plan, object, body, () => m.rbac.createClusterRole({ body, fieldManager: FIELD_MANAGER }), note);
    return;
  }
  const rules = (have.rules ?? []).map(ruleOf);
  if (wanted.minimal && createdByFlytemc(have) && JSON.stringify(rules) !== JSON.stringify(wanted.rules)) {
    // ours: exactly the minimal rules, no more
    const updated = { ...have, metadata: { ...have.metadata, labels: { ...have.metadata?.labels, ...labels } }, rules: wanted.rules };
    await replaceRules(m, plan, have, updated, 'minimal: exactly what FlyteAdmin needs');
    return;
  }
  if (rulesCover(rules, wanted.rules)) {
    const broader = wanted.minimal && !createdByFlytemc(have) && !rulesCover(wanted.rules, rules);
    const note = `managed by ${managerOf(have, 'another tool')} and broader than minimal: set multicluster.dataPlane.rbac=minimal on the data-plane release`;
    plan.record({ target: m.context, object, action: 'unchanged', ...(broader ? { note } : {}) });
    return;
  }
  await replaceRules(m, plan, have, { ...have, rules: [...(have.rules ?? []), ...wanted.rules] }, 'adds the rules FlyteAdmin needs');
}

/** The RBAC subject of a Kubernetes user name: a ServiceAccount for `system:serviceaccount:NS:NAME`, else a User. */
export function subjectOf(user: string): K8s.RbacV1Subject {
  const sa = /^system:serviceaccount:([^:]+):([^:]+)$/.exec(user);
  return sa ? { kind: 'ServiceAccount', name: sa[2]!, namespace: sa[1]! } : { kind: 'User', apiGroup: 'rbac.authorization.k8s.io', name: user };
}

const sameSubject = (a: K8s.RbacV1Subject, b: K8s.RbacV1Subject) => a.kind === b.kind && a.name === b.name && (a.namespace ?? '') === (b.namespace ?? '');
const describeSubject = (s: K8s.RbacV1Subject) => (s.kind === 'ServiceAccount' ? `ServiceAccount ${s.namespace}/${s.name}` : `${s.kind} ${s.name}`);

/** Binds ClusterRole <ns>-flyteadmin to `subject` (default: ServiceAccount <ns>/flyteadmin), adding it to a binding that lacks it. */
export async function ensureClusterRoleBinding(
  m: Kube,
  ns: string,
  creation: Creation,
  plan: Plan,
  subject: K8s.RbacV1Subject = { kind: 'ServiceAccount', name: SERVICE_ACCOUNT, namespace: ns },
): Promise<void> {
  const name = clusterRoleBindingName(ns);
  const object = `ClusterRoleBinding ${name}`;
  const roleRef: K8s.V1RoleRef = { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: clusterRoleName(ns) };
  const have = await readOrAbsent(m, `reading ${object}`, () => m.rbac.readClusterRoleBinding({ name }));
  if (!have) {
    const body: K8s.V1ClusterRoleBinding = {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRoleBinding',
      metadata: { name, labels: creation.labels, annotations: creation.annotations },
      roleRef,
      subjects: [subject],
    };
    await create(m, plan, object, body, () => m.rbac.createClusterRoleBinding({ body, fieldManager: FIELD_MANAGER }));
    return;
  }
  if (have.roleRef.kind !== roleRef.kind || have.roleRef.name !== roleRef.name) {
    throw new FlytemcError(
      [
        error(
          { code: 'join.role-ref', subject: noted(`context ${m.context}: ${object}`, m.tlsVerified !== false) },
          `binds ${have.roleRef.kind} ${have.roleRef.name}, not ClusterRole ${roleRef.name} (roleRef cannot change)`,
          `delete it (kubectl --context ${m.context} delete clusterrolebinding ${name}) and rerun join`,
        ),
      ],
      EXIT.failed,
    );
  }
  const subjects = have.subjects ?? [];
  if (subjects.some((s) => sameSubject(s, subject))) {
    plan.record({ target: m.context, object, action: 'unchanged' });
    return;
  }
  const updated = { ...have, subjects: [...subjects, subject] };
  await plan.apply(
    {
      target: m.context,
      object,
      action: 'update',
      note: `adds ${describeSubject(subject)}`,
      before: yamlOf({ subjects }),
      after: yamlOf({ subjects: updated.subjects }),
    },
    () => m.call(`updating ${object}`, () => m.rbac.replaceClusterRoleBinding({ name, body: updated, fieldManager: FIELD_MANAGER })),
  );
}

/**
 * The Helm release (`NS/NAME`) that owns an object join created, once `helm install` adopted it:
 * the release its ownership annotations name is stored (Helm's Secret or ConfigMap driver).
 */
async function adoptedBy(m: Kube, o: Meta): Promise<string | undefined> {
  const release = o.metadata?.annotations?.[RELEASE_NAME];
  const namespace = o.metadata?.annotations?.[RELEASE_NAMESPACE];
  if (!release || !namespace) return undefined;
  const labelSelector = `owner=helm,name=${release}`;
  const stored = await m.call(`looking for Helm release ${namespace}/${release}`, async () => {
    const secrets = await m.core.listNamespacedSecret({ namespace, labelSelector, limit: 1 });
    if (secrets.items.length) return true;
    return (await m.core.listNamespacedConfigMap({ namespace, labelSelector, limit: 1 })).items.length > 0;
  });
  return stored ? `${namespace}/${release}` : undefined;
}

/** The binding, role and ServiceAccount of flyteadmin, in the order unjoin deletes them. */
function rbacObjects(m: Kube, ns: string): Array<{ object: string; read: () => Promise<Meta>; del: () => Promise<unknown> }> {
  const binding = clusterRoleBindingName(ns);
  const role = clusterRoleName(ns);
  return [
    {
      object: `ClusterRoleBinding ${binding}`,
      read: () => m.rbac.readClusterRoleBinding({ name: binding }),
      del: () => m.rbac.deleteClusterRoleBinding({ name: binding }),
    },
    { object: `ClusterRole ${role}`, read: () => m.rbac.readClusterRole({ name: role }), del: () => m.rbac.deleteClusterRole({ name: role }) },
    {
      object: `ServiceAccount ${ns}/${SERVICE_ACCOUNT}`,
      read: () => m.core.readNamespacedServiceAccount({ name: SERVICE_ACCOUNT, namespace: ns }),
      del: () => m.core.deleteNamespacedServiceAccount({ name: SERVICE_ACCOUNT, namespace: ns }),
    },
  ];
}

/** Deletes the binding, role and ServiceAccount join created, unless a Helm release adopted them; keeps those another tool manages (Helm). */
export async function deleteRbac(m: Kube, ns: string, plan: Plan): Promise<void> {
  for (const s of rbacObjects(m, ns)) {
    const have = await readOrAbsent(m, `reading ${s.object}`, s.read);
    const at = { target: m.context, object: s.object };
    if (!have) {
      plan.record({ ...at, action: 'absent' });
      continue;
    }
    if (!createdByFlytemc(have)) {
      plan.record({ ...at, action: 'skip', note: `kept: managed by ${managerOf(have, 'another tool')} (uninstall the data-plane release to remove it)` });
      continue;
    }
    const adopted = await adoptedBy(m, have);
    if (adopted) {
      plan.record({
        ...at,
        action: 'skip',
        note: `kept: created by join, adopted since by Helm release ${adopted} (uninstall the data-plane release to remove it)`,
      });
      continue;
    }
    await plan.apply({ ...at, action: 'delete' }, () => deleteOrAbsent(m, `deleting ${s.object}`, s.del));
  }
}
