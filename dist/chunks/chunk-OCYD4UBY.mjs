#!/usr/bin/env node
import { createRequire as __flytemcCreateRequire } from 'node:module'; const require = __flytemcCreateRequire(import.meta.url);
import {
  caKey,
  tokenKey
} from "./chunk-CMNDI7DY.mjs";
import {
  FLYTEADMIN_RULES,
  SERVICE_ACCOUNT,
  clusterRoleBindingName,
  clusterRoleName,
  gr,
  rulesCover
} from "./chunk-LPW2GZIF.mjs";
import {
  createOrExisting,
  deleteOrAbsent,
  ensureNamespace,
  isConflict,
  readOrAbsent,
  statusCode
} from "./chunk-KEIB36ZM.mjs";
import {
  mapLimit,
  maskSecret,
  oneAtATime,
  sleep,
  yamlOf
} from "./chunk-W4X4OBCU.mjs";
import {
  EXIT,
  FlytemcError,
  error
} from "./chunk-PGTI4LGT.mjs";

// plugin/cluster/member.ts
var PROPELLER_CONFIGMAP = "flyte-propeller-config";
var PROPELLER_DEPLOYMENTS = ["flytepropeller", "flytepropeller-manager"];
var MANAGED_BY = "app.kubernetes.io/managed-by";
var CLUSTER_LABEL = "flytemc.io/cluster-name";
var CREATED_BY = "flytemc.io/created-by";
var RELEASE_NAME = "meta.helm.sh/release-name";
var RELEASE_NAMESPACE = "meta.helm.sh/release-namespace";
var SA_ANNOTATION = "kubernetes.io/service-account.name";
var TOKEN_TYPE = "kubernetes.io/service-account-token";
var joinCreation = (clusterName, owner) => ({
  labels: { [MANAGED_BY]: "Helm", [CREATED_BY]: "join", [CLUSTER_LABEL]: clusterName },
  annotations: { [RELEASE_NAME]: owner.release, [RELEASE_NAMESPACE]: owner.namespace }
});
var rotateCreation = (clusterName) => ({ labels: { [CREATED_BY]: "rotate", [CLUSTER_LABEL]: clusterName }, annotations: {} });
var createdByFlytemc = (o) => !!o.metadata?.labels?.[CREATED_BY] || o.metadata?.labels?.[MANAGED_BY] === "flytemc";
async function clusterUid(m) {
  const ns = await m.call("reading namespace kube-system", () => m.core.readNamespace({ name: "kube-system" }));
  const uid = ns.metadata?.uid;
  if (!uid) throw new FlytemcError([error(`context ${m.context}`, "namespace kube-system has no UID", "is this a Kubernetes API server?")], EXIT.failed);
  return uid;
}
function flagValue(argv, flag) {
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === flag) return argv[i + 1];
    if (argv[i].startsWith(`${flag}=`)) return argv[i].slice(flag.length + 1);
  }
  return void 0;
}
async function readDataPlane(m, ns) {
  const out = {};
  for (const name of PROPELLER_DEPLOYMENTS) {
    const d = await readOrAbsent(m, `reading Deployment ${ns}/${name}`, () => m.apps.readNamespacedDeployment({ name, namespace: ns }));
    if (!d) continue;
    out.deployment = `Deployment ${ns}/${name}`;
    const c = (d.spec?.template?.spec?.containers ?? []).find((x) => x.name === name) ?? d.spec?.template?.spec?.containers?.[0];
    out.clusterId = flagValue([...c?.command ?? [], ...c?.args ?? []], "--propeller.cluster-id") ?? "";
    const release = d.metadata?.annotations?.[RELEASE_NAME];
    if (release) out.release = release;
    break;
  }
  const cm = await readOrAbsent(
    m,
    `reading ConfigMap ${ns}/${PROPELLER_CONFIGMAP}`,
    () => m.core.readNamespacedConfigMap({ name: PROPELLER_CONFIGMAP, namespace: ns })
  );
  if (cm) out.config = cm.data ?? {};
  return out;
}
async function propellerElsewhere(m, ns) {
  const found = /* @__PURE__ */ new Set();
  for (const name of PROPELLER_DEPLOYMENTS) {
    const list = await m.call(`looking for Deployment ${name} in every namespace`, async () => {
      try {
        return await m.apps.listDeploymentForAllNamespaces({ fieldSelector: `metadata.name=${name}` });
      } catch (e) {
        if (statusCode(e) === 403) return void 0;
        throw e;
      }
    });
    for (const d of list?.items ?? []) if (d.metadata?.namespace && d.metadata.namespace !== ns) found.add(d.metadata.namespace);
  }
  return [...found].sort();
}
var DEFAULT_CLUSTER_ID = "propeller";
function identityProblem(installed, name, context, force) {
  const id = installed.clusterId;
  if (!installed.deployment || !id || id === DEFAULT_CLUSTER_ID || id === name) return void 0;
  const p = error(
    `context ${context}: ${installed.deployment}${installed.release ? ` (Helm release ${installed.release})` : ""}`,
    `${force ? "--force: " : ""}flytepropeller there reports as cluster ${JSON.stringify(id)} (--propeller.cluster-id), but it is joined as ${JSON.stringify(name)}: FlyteAdmin drops the events of a cluster it lists under another name, so no execution there would finish`,
    `join it as --name ${id}, or reinstall the data plane as ${name} (helm flytemc install data-plane --name ${name} --kube-context ${context} ...)${force ? "" : ", or pass --force to join it anyway"}`
  );
  return force ? { ...p, severity: "warning" } : p;
}
async function ensureServiceAccount(m, ns, creation, plan) {
  const object = `ServiceAccount ${ns}/${SERVICE_ACCOUNT}`;
  const have = await readOrAbsent(m, `reading ${object}`, () => m.core.readNamespacedServiceAccount({ name: SERVICE_ACCOUNT, namespace: ns }));
  if (have) {
    plan.record({
      target: m.context,
      object,
      action: "unchanged",
      ...createdByFlytemc(have) ? {} : { note: `managed by ${have.metadata?.labels?.[MANAGED_BY] ?? "someone else"}` }
    });
    return;
  }
  const body = {
    apiVersion: "v1",
    kind: "ServiceAccount",
    metadata: { name: SERVICE_ACCOUNT, namespace: ns, labels: creation.labels, annotations: creation.annotations }
  };
  await plan.apply(
    { target: m.context, object, action: "create", after: yamlOf(body) },
    () => createOrExisting(m, `creating ${object}`, () => m.core.createNamespacedServiceAccount({ namespace: ns, body }))
  );
}
var ruleOf = (r) => ({ apiGroups: r.apiGroups ?? [], resources: r.resources ?? [], verbs: r.verbs });
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
    await plan.apply(
      {
        target: m.context,
        object,
        action: "create",
        ...wanted.minimal ? { note: "minimal: what the cluster-resource templates and FlyteWorkflow objects need" } : {},
        after: yamlOf(body)
      },
      () => createOrExisting(m, `creating ${object}`, () => m.rbac.createClusterRole({ body }))
    );
    return;
  }
  const rules = (have.rules ?? []).map(ruleOf);
  if (wanted.minimal && createdByFlytemc(have) && JSON.stringify(rules) !== JSON.stringify(wanted.rules)) {
    const updated2 = { ...have, metadata: { ...have.metadata, labels: { ...have.metadata?.labels, ...labels } }, rules: wanted.rules };
    await plan.apply(
      {
        target: m.context,
        object,
        action: "update",
        note: "minimal: exactly what FlyteAdmin needs",
        before: yamlOf({ rules: have.rules ?? [] }),
        after: yamlOf({ rules: wanted.rules })
      },
      () => m.call(`updating ${object}`, () => m.rbac.replaceClusterRole({ name, body: updated2 }))
    );
    return;
  }
  if (rulesCover(rules, wanted.rules)) {
    const broader = wanted.minimal && !createdByFlytemc(have) && !rulesCover(wanted.rules, rules);
    plan.record({
      target: m.context,
      object,
      action: "unchanged",
      ...broader ? {
        note: `managed by ${have.metadata?.labels?.[MANAGED_BY] ?? "another tool"} and broader than minimal: set multicluster.dataPlane.rbac=minimal on the data-plane release`
      } : {}
    });
    return;
  }
  const updated = { ...have, rules: [...have.rules ?? [], ...wanted.rules] };
  await plan.apply(
    {
      target: m.context,
      object,
      action: "update",
      note: "adds the rules FlyteAdmin needs",
      before: yamlOf({ rules: have.rules ?? [] }),
      after: yamlOf({ rules: updated.rules })
    },
    () => m.call(`updating ${object}`, () => m.rbac.replaceClusterRole({ name, body: updated }))
  );
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
    await plan.apply(
      { target: m.context, object, action: "create", after: yamlOf(body) },
      () => createOrExisting(m, `creating ${object}`, () => m.rbac.createClusterRoleBinding({ body }))
    );
    return;
  }
  if (have.roleRef.kind !== roleRef.kind || have.roleRef.name !== roleRef.name) {
    throw new FlytemcError(
      [
        error(
          `context ${m.context}: ${object}`,
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
    () => m.call(`updating ${object}`, () => m.rbac.replaceClusterRoleBinding({ name, body: updated }))
  );
}
function maskedTokenSecret(s) {
  const data = s.data ?? {};
  return {
    apiVersion: "v1",
    kind: "Secret",
    type: s.type,
    metadata: { name: s.metadata?.name, namespace: s.metadata?.namespace, labels: s.metadata?.labels, annotations: s.metadata?.annotations },
    ...Object.keys(data).length ? { data: Object.fromEntries(Object.entries(data).map(([k, v]) => [k, maskSecret(k === "token" ? "token" : k, Buffer.from(v, "base64"))])) } : {}
  };
}
async function ensureTokenSecret(m, ns, secretName, creation, plan) {
  const object = `Secret ${ns}/${secretName}`;
  const have = await readOrAbsent(m, `reading ${object}`, () => m.core.readNamespacedSecret({ name: secretName, namespace: ns }));
  if (have) {
    const sa = have.metadata?.annotations?.[SA_ANNOTATION];
    if (have.type !== TOKEN_TYPE || sa !== SERVICE_ACCOUNT) {
      throw new FlytemcError(
        [
          error(
            `context ${m.context}: ${object}`,
            `exists but is not a token Secret of ServiceAccount ${SERVICE_ACCOUNT} (type ${have.type ?? "Opaque"}, service-account.name ${sa ?? "none"})`,
            "delete or rename that Secret, or install the data plane with the flyte-multicluster chart (which creates it correctly)"
          )
        ],
        EXIT.failed
      );
    }
    plan.record({ target: m.context, object, action: "unchanged" });
    return "existing";
  }
  const body = {
    apiVersion: "v1",
    kind: "Secret",
    type: TOKEN_TYPE,
    metadata: { name: secretName, namespace: ns, labels: creation.labels, annotations: { ...creation.annotations, [SA_ANNOTATION]: SERVICE_ACCOUNT } }
  };
  await plan.apply(
    { target: m.context, object, action: "create", note: "kube-controller-manager fills token and ca.crt", after: yamlOf(maskedTokenSecret(body)) },
    () => createOrExisting(m, `creating ${object}`, () => m.core.createNamespacedSecret({ namespace: ns, body }))
  );
  return plan.dryRun ? "planned" : "created";
}
async function waitForToken(m, ns, secretName, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  let delay = 100;
  for (; ; ) {
    const s = await readOrAbsent(m, `reading Secret ${ns}/${secretName}`, () => m.core.readNamespacedSecret({ name: secretName, namespace: ns }));
    const token = s?.data?.token;
    if (token) {
      const ca = s?.data?.["ca.crt"];
      return { token: Buffer.from(token, "base64").toString("utf8"), ...ca ? { caCrt: Buffer.from(ca, "base64").toString("utf8") } : {}, secretName };
    }
    if (Date.now() >= deadline) {
      throw new FlytemcError(
        [
          error(
            `context ${m.context}: Secret ${ns}/${secretName}`,
            s ? `still has no token after ${Math.round(timeoutMs / 1e3)} s: the token controller of kube-controller-manager never filled it` : "disappeared while waiting for its token (deleted by a concurrent rotate or unjoin, or by the token controller because ServiceAccount flyteadmin is missing)",
            "check that kube-controller-manager runs with --service-account-private-key-file (and --root-ca-file) and its serviceaccount-token controller enabled (managed clusters always do: retry with a longer --token-timeout)"
          )
        ],
        EXIT.failed
      );
    }
    await sleep(delay);
    delay = Math.min(delay * 2, 1e3);
  }
}
async function listTokenSecrets(m, ns) {
  const list = await m.call(`listing Secrets in ${ns}`, () => m.core.listNamespacedSecret({ namespace: ns, fieldSelector: `type=${TOKEN_TYPE}` }));
  return list.items.filter((s) => s.metadata?.annotations?.[SA_ANNOTATION] === SERVICE_ACCOUNT).map((s) => ({
    name: s.metadata.name,
    ...s.data?.token ? { token: Buffer.from(s.data.token, "base64").toString("utf8") } : {},
    labels: s.metadata?.labels ?? {}
  }));
}
async function deleteTokenSecret(m, ns, secretName, plan, note) {
  const object = `Secret ${ns}/${secretName}`;
  const have = await readOrAbsent(m, `reading ${object}`, () => m.core.readNamespacedSecret({ name: secretName, namespace: ns }));
  if (!have) {
    plan.record({ target: m.context, object, action: "absent" });
    return;
  }
  await plan.apply(
    { target: m.context, object, action: "delete", ...note ? { note } : { note: "revokes its token" }, before: yamlOf(maskedTokenSecret(have)) },
    () => deleteOrAbsent(m, `deleting ${object}`, () => m.core.deleteNamespacedSecret({ name: secretName, namespace: ns }))
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
async function deleteRbac(m, ns, plan) {
  const steps = [
    {
      object: `ClusterRoleBinding ${clusterRoleBindingName(ns)}`,
      read: () => m.rbac.readClusterRoleBinding({ name: clusterRoleBindingName(ns) }),
      del: () => m.rbac.deleteClusterRoleBinding({ name: clusterRoleBindingName(ns) })
    },
    {
      object: `ClusterRole ${clusterRoleName(ns)}`,
      read: () => m.rbac.readClusterRole({ name: clusterRoleName(ns) }),
      del: () => m.rbac.deleteClusterRole({ name: clusterRoleName(ns) })
    },
    {
      object: `ServiceAccount ${ns}/${SERVICE_ACCOUNT}`,
      read: () => m.core.readNamespacedServiceAccount({ name: SERVICE_ACCOUNT, namespace: ns }),
      del: () => m.core.deleteNamespacedServiceAccount({ name: SERVICE_ACCOUNT, namespace: ns })
    }
  ];
  for (const s of steps) {
    const have = await readOrAbsent(m, `reading ${s.object}`, s.read);
    if (!have) {
      plan.record({ target: m.context, object: s.object, action: "absent" });
      continue;
    }
    if (!createdByFlytemc(have)) {
      plan.record({
        target: m.context,
        object: s.object,
        action: "skip",
        note: `kept: managed by ${have.metadata?.labels?.[MANAGED_BY] ?? "another tool"} (uninstall the data-plane release to remove it)`
      });
      continue;
    }
    const adopted = await adoptedBy(m, have);
    if (adopted) {
      plan.record({
        target: m.context,
        object: s.object,
        action: "skip",
        note: `kept: created by join, adopted since by Helm release ${adopted} (uninstall the data-plane release to remove it)`
      });
      continue;
    }
    await plan.apply({ target: m.context, object: s.object, action: "delete" }, () => deleteOrAbsent(m, `deleting ${s.object}`, s.del));
  }
}
function groupsOf(user) {
  const sa = /^system:serviceaccount:([^:]+):/.exec(user);
  return sa ? ["system:serviceaccounts", `system:serviceaccounts:${sa[1]}`, "system:authenticated"] : ["system:authenticated"];
}
async function deniedTo(m, user, checks) {
  const groups = groupsOf(user);
  const results = await mapLimit(
    checks,
    8,
    (c) => m.call(
      `asking whether ${user} may ${c.verb} ${gr(c)} (SubjectAccessReview)`,
      () => m.authz.createSubjectAccessReview({
        body: {
          apiVersion: "authorization.k8s.io/v1",
          kind: "SubjectAccessReview",
          spec: { user, groups, resourceAttributes: { group: c.group, resource: c.resource, verb: c.verb } }
        }
      })
    )
  );
  const denied = [];
  results.forEach((r, i) => {
    if (r.status === "rejected") throw r.reason;
    if (r.value.status?.allowed !== true) denied.push(checks[i]);
  });
  return denied;
}

// plugin/cluster/hub.ts
var RECORDS_ANNOTATION = "flytemc.io/clusters";
function parseRecords(secret) {
  const raw = secret?.metadata?.annotations?.[RECORDS_ANNOTATION];
  if (!raw) return {};
  try {
    const v = JSON.parse(raw);
    return v && typeof v === "object" && !Array.isArray(v) ? v : {};
  } catch {
    return {};
  }
}
var decode = (data) => Object.fromEntries(Object.entries(data ?? {}).map(([k, v]) => [k, Buffer.from(v, "base64").toString("utf8")]));
var encode = (data) => Object.fromEntries(Object.entries(data).map(([k, v]) => [k, Buffer.from(v, "utf8").toString("base64")]));
async function readCredentials(hub, ns, secretName) {
  const secret = await readOrAbsent(hub, `reading Secret ${ns}/${secretName}`, () => hub.core.readNamespacedSecret({ name: secretName, namespace: ns }));
  return { ...secret ? { secret } : {}, records: parseRecords(secret), data: decode(secret?.data) };
}
async function joinedElsewhere(hub, secretName, name, ns) {
  const list = await hub.call(`looking for Secret ${secretName} in every namespace`, async () => {
    try {
      return await hub.core.listSecretForAllNamespaces({ fieldSelector: `metadata.name=${secretName}` });
    } catch (e) {
      if (statusCode(e) === 403) return void 0;
      throw e;
    }
  });
  return (list?.items ?? []).filter((s) => s.metadata?.namespace !== ns && s.data?.[tokenKey(name)]).map((s) => s.metadata.namespace).sort();
}
function refuseDuplicate(records, name, uid, context, hubWhere) {
  for (const [other, rec] of Object.entries(records)) {
    if (other !== name && rec.uid === uid) {
      throw new FlytemcError(
        [
          error(
            `context ${context}`,
            `is the same physical cluster (kube-system UID ${uid}) as ${JSON.stringify(other)}, already joined in ${hubWhere}`,
            `one cluster must have one name, or FlyteAdmin sends executions to it twice: rerun with --name ${other}, or \`flytemc unjoin ${context} --name ${other}\` first`
          )
        ],
        EXIT.invalid
      );
    }
  }
  const mine = records[name];
  if (mine && mine.uid !== uid) {
    throw new FlytemcError(
      [
        error(
          `context ${context}`,
          `the name ${JSON.stringify(name)} is already joined in ${hubWhere} for another cluster (${mine.endpoint}, kube-system UID ${mine.uid})`,
          `choose another --name, or \`flytemc unjoin --name ${name} --force\` the old one first`
        )
      ],
      EXIT.invalid
    );
  }
}
function masked(data, records) {
  const keys = Object.keys(data).sort();
  return yamlOf({
    metadata: { annotations: { [RECORDS_ANNOTATION]: records } },
    data: Object.fromEntries(keys.map((k) => [k, maskSecret(k.endsWith("_token") ? "token" : k.endsWith("_cacert") ? "ca" : "value", data[k])]))
  });
}
var sortRecords = (r) => Object.fromEntries(
  Object.keys(r).sort().map((k) => [k, r[k]])
);
var sameRecords = (a, b) => JSON.stringify(sortRecords(a)) === JSON.stringify(sortRecords(b));
var sameData = (a, b) => {
  const ka = Object.keys(a).sort(), kb = Object.keys(b).sort();
  return ka.length === kb.length && ka.every((k, i) => k === kb[i] && a[k] === b[k]);
};
function editCredentials(hub, ns, secretName, plan, note, edit) {
  return oneAtATime(`${hub.context}\0${ns}\0${secretName}`, async () => {
    const object = `Secret ${ns}/${secretName}`;
    const target = `hub ${hub.context}`;
    for (let attempt = 0; ; attempt++) {
      const cur = await readCredentials(hub, ns, secretName);
      const data = { ...cur.data };
      const records = { ...cur.records };
      edit(data, records);
      if (cur.secret && sameData(data, cur.data) && sameRecords(records, cur.records)) {
        plan.record({ target, object, action: "unchanged" });
        return false;
      }
      const annotations = { ...cur.secret?.metadata?.annotations ?? {} };
      if (Object.keys(records).length) annotations[RECORDS_ANNOTATION] = JSON.stringify(sortRecords(records));
      else delete annotations[RECORDS_ANNOTATION];
      const change = {
        target,
        object,
        action: cur.secret ? "update" : "create",
        note,
        before: cur.secret ? masked(cur.data, cur.records) : "",
        after: masked(data, records)
      };
      if (plan.dryRun) {
        plan.record(change);
        return true;
      }
      const outcome = await hub.call(`${cur.secret ? "updating" : "creating"} ${object}`, async () => {
        try {
          if (cur.secret) {
            const body = { ...cur.secret, metadata: { ...cur.secret.metadata, annotations }, data: encode(data) };
            await hub.core.replaceNamespacedSecret({ name: secretName, namespace: ns, body });
          } else {
            const body = {
              apiVersion: "v1",
              kind: "Secret",
              type: "Opaque",
              metadata: { name: secretName, namespace: ns, labels: { [MANAGED_BY]: "flytemc" }, annotations },
              data: encode(data)
            };
            await hub.core.createNamespacedSecret({ namespace: ns, body });
          }
          return "written";
        } catch (e) {
          if (isConflict(e)) return "conflict";
          throw e;
        }
      });
      if (outcome === "conflict") {
        if (attempt < 30) {
          await sleep(10 + Math.random() * 40 * Math.min(attempt + 1, 8));
          continue;
        }
        throw new FlytemcError(
          [
            error(
              `${target}: ${object}`,
              `still changed by other writers after ${attempt + 1} attempts`,
              "retry; if it keeps happening, something rewrites the Secret in a loop"
            )
          ],
          EXIT.failed
        );
      }
      plan.record(change);
      return true;
    }
  });
}
var ConcurrentChange = class extends FlytemcError {
};
async function upsertCredentials(hub, ns, secretName, j, plan, context) {
  const where = `hub ${hub.context} Secret ${ns}/${secretName}`;
  const keys = j.token === void 0 ? `key ${caKey(j.name)} (no token: credential proxy)` : `keys ${tokenKey(j.name)}, ${caKey(j.name)}`;
  return editCredentials(hub, ns, secretName, plan, keys, (data, records) => {
    refuseDuplicate(records, j.name, j.record.uid, context, where);
    const cur = records[j.name];
    if (cur && j.expectTokenSecret !== void 0 && cur.tokenSecret !== j.expectTokenSecret && data[tokenKey(j.name)] !== j.token) {
      throw new ConcurrentChange(
        [
          error(
            where,
            `${j.name}'s token changed while this ran (now the token of Secret ${cur.tokenSecret}, was ${j.expectTokenSecret}: a concurrent rotate or join); nothing was written, the hub keeps the newer token`,
            `rerun the command if it is still needed`
          )
        ],
        EXIT.failed
      );
    }
    if (j.token !== void 0) data[tokenKey(j.name)] = j.token;
    data[caKey(j.name)] = j.caPem;
    records[j.name] = cur?.retiring?.length ? { ...j.record, retiring: cur.retiring } : j.record;
  });
}
function hubStore(hub, ns, secretName, plan) {
  let namespace;
  return {
    where: `hub ${hub.context} Secret ${ns}/${secretName}`,
    target: `hub ${hub.context}`,
    short: "the hub",
    async read() {
      const c = await readCredentials(hub, ns, secretName);
      return { exists: !!c.secret, records: c.records };
    },
    async upsert(j, p, context) {
      await (namespace ??= ensureNamespace(hub, ns, plan, `hub ${hub.context}`));
      return upsertCredentials(hub, ns, secretName, j, p, context);
    }
  };
}
async function removeCredentials(hub, ns, secretName, name, plan) {
  const cur = await readCredentials(hub, ns, secretName);
  if (!cur.secret) {
    plan.record({ target: `hub ${hub.context}`, object: `Secret ${ns}/${secretName}`, action: "absent" });
    return false;
  }
  return editCredentials(hub, ns, secretName, plan, `removes keys ${tokenKey(name)}, ${caKey(name)}`, (data, records) => {
    delete data[tokenKey(name)];
    delete data[caKey(name)];
    delete records[name];
  });
}

export {
  MANAGED_BY,
  CLUSTER_LABEL,
  joinCreation,
  rotateCreation,
  clusterUid,
  readDataPlane,
  propellerElsewhere,
  DEFAULT_CLUSTER_ID,
  identityProblem,
  ensureServiceAccount,
  ensureClusterRole,
  subjectOf,
  ensureClusterRoleBinding,
  ensureTokenSecret,
  waitForToken,
  listTokenSecrets,
  deleteTokenSecret,
  deleteRbac,
  deniedTo,
  RECORDS_ANNOTATION,
  parseRecords,
  readCredentials,
  joinedElsewhere,
  refuseDuplicate,
  masked,
  sortRecords,
  editCredentials,
  ConcurrentChange,
  hubStore,
  removeCredentials
};
