#!/usr/bin/env node
import { createRequire as __flytemcCreateRequire } from 'node:module'; const require = __flytemcCreateRequire(import.meta.url);
import {
  FIELD_MANAGER,
  RELEASE_NAME,
  RELEASE_NAMESPACE,
  createdByFlytemc,
  managerOf
} from "./chunk-6Z6ZYMU5.mjs";
import {
  FLYTEADMIN_RULES,
  SERVICE_ACCOUNT,
  clusterRoleBindingName,
  clusterRoleName,
  rulesCover
} from "./chunk-LPW2GZIF.mjs";
import {
  createOrExisting,
  deleteOrAbsent,
  readOrAbsent
} from "./chunk-QWUGYWBM.mjs";
import {
  yamlOf
} from "./chunk-YBFDPERJ.mjs";
import {
  noted
} from "./chunk-AVEROJ5R.mjs";
import {
  EXIT,
  FlytemcError,
  error
} from "./chunk-PXOMBRJH.mjs";

// plugin/cluster/member-rbac.ts
function create(m, plan, object, body, send, note) {
  return plan.apply(
    { target: m.context, object, action: "create", ...note ? { note } : {}, after: yamlOf(body) },
    () => createOrExisting(m, `creating ${object}`, send)
  );
}
async function ensureServiceAccount(m, ns, creation, plan) {
  const object = `ServiceAccount ${ns}/${SERVICE_ACCOUNT}`;
  const have = await readOrAbsent(m, `reading ${object}`, () => m.core.readNamespacedServiceAccount({ name: SERVICE_ACCOUNT, namespace: ns }));
  if (have) {
    plan.record({
      target: m.context,
      object,
      action: "unchanged",
      ...createdByFlytemc(have) ? {} : { note: `managed by ${managerOf(have, "someone else")}` }
    });
    return;
  }
  const body = {
    apiVersion: "v1",
    kind: "ServiceAccount",
    metadata: { name: SERVICE_ACCOUNT, namespace: ns, labels: creation.labels, annotations: creation.annotations }
  };
  await create(m, plan, object, body, () => m.core.createNamespacedServiceAccount({ namespace: ns, body, fieldManager: FIELD_MANAGER }));
}
var ruleOf = (r) => ({ apiGroups: r.apiGroups ?? [], resources: r.resources ?? [], verbs: r.verbs });
function replaceRules(m, plan, have, updated, note) {
  const name = have.metadata.name;
  const object = `ClusterRole ${name}`;
  return plan.apply(
    { target: m.context, object, action: "update", note, before: yamlOf({ rules: have.rules ?? [] }), after: yamlOf({ rules: updated.rules }) },
    () => m.call(`updating ${object}`, () => m.rbac.replaceClusterRole({ name, body: updated, fieldManager: FIELD_MANAGER }))
  );
}
async function ensureClusterRole(m, ns, creation, plan, wanted = { rules: FLYTEADMIN_RULES, minimal: false }) {
  const name = clusterRoleName(ns);
  const object = `ClusterRole ${name}`;
  const have = await readOrAbsent(m, `reading ${object}`, () => m.rbac.readClusterRole({ name }));
  const labels = { ...creation.labels, ...wanted.minimal ? { "flytemc.io/rbac": "minimal" } : {} };
  if (!have) {
    const body = {
      apiVersion: "rbac.authorization.k8s.io/v1",
      kind: "ClusterRole",
      metadata: { name, labels, annotations: creation.annotations },
      rules: wanted.rules
    };
    const note = wanted.minimal ? "minimal: what the cluster-resource templates and FlyteWorkflow objects need" : void 0;
    await create(m, plan, object, body, () => m.rbac.createClusterRole({ body, fieldManager: FIELD_MANAGER }), note);
    return;
  }
  const rules = (have.rules ?? []).map(ruleOf);
  if (wanted.minimal && createdByFlytemc(have) && JSON.stringify(rules) !== JSON.stringify(wanted.rules)) {
    const updated = { ...have, metadata: { ...have.metadata, labels: { ...have.metadata?.labels, ...labels } }, rules: wanted.rules };
    await replaceRules(m, plan, have, updated, "minimal: exactly what FlyteAdmin needs");
    return;
  }
  if (rulesCover(rules, wanted.rules)) {
    const broader = wanted.minimal && !createdByFlytemc(have) && !rulesCover(wanted.rules, rules);
    const note = `managed by ${managerOf(have, "another tool")} and broader than minimal: set multicluster.dataPlane.rbac=minimal on the data-plane release`;
    plan.record({ target: m.context, object, action: "unchanged", ...broader ? { note } : {} });
    return;
  }
  await replaceRules(m, plan, have, { ...have, rules: [...have.rules ?? [], ...wanted.rules] }, "adds the rules FlyteAdmin needs");
}
function subjectOf(user) {
  const sa = /^system:serviceaccount:([^:]+):([^:]+)$/.exec(user);
  return sa ? { kind: "ServiceAccount", name: sa[2], namespace: sa[1] } : { kind: "User", apiGroup: "rbac.authorization.k8s.io", name: user };
}
var sameSubject = (a, b) => a.kind === b.kind && a.name === b.name && (a.namespace ?? "") === (b.namespace ?? "");
var describeSubject = (s) => s.kind === "ServiceAccount" ? `ServiceAccount ${s.namespace}/${s.name}` : `${s.kind} ${s.name}`;
async function ensureClusterRoleBinding(m, ns, creation, plan, subject = { kind: "ServiceAccount", name: SERVICE_ACCOUNT, namespace: ns }) {
  const name = clusterRoleBindingName(ns);
  const object = `ClusterRoleBinding ${name}`;
  const roleRef = { apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole", name: clusterRoleName(ns) };
  const have = await readOrAbsent(m, `reading ${object}`, () => m.rbac.readClusterRoleBinding({ name }));
  if (!have) {
    const body = {
      apiVersion: "rbac.authorization.k8s.io/v1",
      kind: "ClusterRoleBinding",
      metadata: { name, labels: creation.labels, annotations: creation.annotations },
      roleRef,
      subjects: [subject]
    };
    await create(m, plan, object, body, () => m.rbac.createClusterRoleBinding({ body, fieldManager: FIELD_MANAGER }));
    return;
  }
  if (have.roleRef.kind !== roleRef.kind || have.roleRef.name !== roleRef.name) {
    throw new FlytemcError(
      [
        error(
          { code: "join.role-ref", subject: noted(`context ${m.context}: ${object}`, m.tlsVerified !== false) },
          `binds ${have.roleRef.kind} ${have.roleRef.name}, not ClusterRole ${roleRef.name} (roleRef cannot change)`,
          `delete it (kubectl --context ${m.context} delete clusterrolebinding ${name}) and rerun join`
        )
      ],
      EXIT.failed
    );
  }
  const subjects = have.subjects ?? [];
  if (subjects.some((s) => sameSubject(s, subject))) {
    plan.record({ target: m.context, object, action: "unchanged" });
    return;
  }
  const updated = { ...have, subjects: [...subjects, subject] };
  await plan.apply(
    {
      target: m.context,
      object,
      action: "update",
      note: `adds ${describeSubject(subject)}`,
      before: yamlOf({ subjects }),
      after: yamlOf({ subjects: updated.subjects })
    },
    () => m.call(`updating ${object}`, () => m.rbac.replaceClusterRoleBinding({ name, body: updated, fieldManager: FIELD_MANAGER }))
  );
}
async function adoptedBy(m, o) {
  const release = o.metadata?.annotations?.[RELEASE_NAME];
  const namespace = o.metadata?.annotations?.[RELEASE_NAMESPACE];
  if (!release || !namespace) return void 0;
  const labelSelector = `owner=helm,name=${release}`;
  const stored = await m.call(`looking for Helm release ${namespace}/${release}`, async () => {
    const secrets = await m.core.listNamespacedSecret({ namespace, labelSelector, limit: 1 });
    if (secrets.items.length) return true;
    return (await m.core.listNamespacedConfigMap({ namespace, labelSelector, limit: 1 })).items.length > 0;
  });
  return stored ? `${namespace}/${release}` : void 0;
}
function rbacObjects(m, ns) {
  const binding = clusterRoleBindingName(ns);
  const role = clusterRoleName(ns);
  return [
    {
      object: `ClusterRoleBinding ${binding}`,
      read: () => m.rbac.readClusterRoleBinding({ name: binding }),
      del: () => m.rbac.deleteClusterRoleBinding({ name: binding })
    },
    { object: `ClusterRole ${role}`, read: () => m.rbac.readClusterRole({ name: role }), del: () => m.rbac.deleteClusterRole({ name: role }) },
    {
      object: `ServiceAccount ${ns}/${SERVICE_ACCOUNT}`,
      read: () => m.core.readNamespacedServiceAccount({ name: SERVICE_ACCOUNT, namespace: ns }),
      del: () => m.core.deleteNamespacedServiceAccount({ name: SERVICE_ACCOUNT, namespace: ns })
    }
  ];
}
async function deleteRbac(m, ns, plan) {
  for (const s of rbacObjects(m, ns)) {
    const have = await readOrAbsent(m, `reading ${s.object}`, s.read);
    const at = { target: m.context, object: s.object };
    if (!have) {
      plan.record({ ...at, action: "absent" });
      continue;
    }
    if (!createdByFlytemc(have)) {
      plan.record({ ...at, action: "skip", note: `kept: managed by ${managerOf(have, "another tool")} (uninstall the data-plane release to remove it)` });
      continue;
    }
    const adopted = await adoptedBy(m, have);
    if (adopted) {
      plan.record({
        ...at,
        action: "skip",
        note: `kept: created by join, adopted since by Helm release ${adopted} (uninstall the data-plane release to remove it)`
      });
      continue;
    }
    await plan.apply({ ...at, action: "delete" }, () => deleteOrAbsent(m, `deleting ${s.object}`, s.del));
  }
}

export {
  ensureServiceAccount,
  ensureClusterRole,
  subjectOf,
  ensureClusterRoleBinding,
  deleteRbac
};
