#!/usr/bin/env node
import { createRequire as __flytemcCreateRequire } from 'node:module'; const require = __flytemcCreateRequire(import.meta.url);
import {
  caKey,
  tokenKey
} from "./chunk-CMNDI7DY.mjs";
import {
  gr
} from "./chunk-LPW2GZIF.mjs";
import {
  ensureNamespace,
  isConflict,
  readOrAbsent,
  statusCode
} from "./chunk-QWUGYWBM.mjs";
import {
  mapLimit,
  maskSecret,
  oneAtATime,
  sleep,
  yamlOf
} from "./chunk-YBFDPERJ.mjs";
import {
  noted
} from "./chunk-AVEROJ5R.mjs";
import {
  sameData
} from "./chunk-4VJRSWY5.mjs";
import {
  EXIT,
  FlytemcError,
  error
} from "./chunk-PXOMBRJH.mjs";

// plugin/cluster/member.ts
var PROPELLER_CONFIGMAP = "flyte-propeller-config";
var PROPELLER_DEPLOYMENTS = ["flytepropeller", "flytepropeller-manager"];
var MANAGED_BY = "app.kubernetes.io/managed-by";
var CLUSTER_LABEL = "flytemc.io/cluster-name";
var CREATED_BY = "flytemc.io/created-by";
var FIELD_MANAGER = "flytemc";
var RELEASE_NAME = "meta.helm.sh/release-name";
var RELEASE_NAMESPACE = "meta.helm.sh/release-namespace";
var joinCreation = (clusterName, owner) => ({
  labels: { [MANAGED_BY]: "Helm", [CREATED_BY]: "join", [CLUSTER_LABEL]: clusterName },
  annotations: { [RELEASE_NAME]: owner.release, [RELEASE_NAMESPACE]: owner.namespace }
});
var rotateCreation = (clusterName) => ({ labels: { [CREATED_BY]: "rotate", [CLUSTER_LABEL]: clusterName }, annotations: {} });
var createdByFlytemc = (o) => !!o.metadata?.labels?.[CREATED_BY] || o.metadata?.labels?.[MANAGED_BY] === "flytemc";
var managerOf = (o, otherwise) => o.metadata?.labels?.[MANAGED_BY] ?? otherwise;
async function clusterUid(m) {
  const ns = await m.call("reading namespace kube-system", () => m.core.readNamespace({ name: "kube-system" }));
  const uid = ns.metadata?.uid;
  if (!uid)
    throw new FlytemcError(
      [
        error(
          { code: "join.no-uid", subject: noted(`context ${m.context}`, m.tlsVerified !== false) },
          "namespace kube-system has no UID",
          "is this a Kubernetes API server?"
        )
      ],
      EXIT.failed
    );
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
    { code: "join.identity", subject: `context ${context}: ${installed.deployment}${installed.release ? ` (Helm release ${installed.release})` : ""}` },
    `${force ? "--force: " : ""}flytepropeller there reports as cluster ${JSON.stringify(id)} (--propeller.cluster-id), but it is joined as ${JSON.stringify(name)}: FlyteAdmin drops the events of a cluster it lists under another name, so no execution there would finish`,
    `join it as --name ${id}, or reinstall the data plane as ${name} (helm flytemc install data-plane --name ${name} --kube-context ${context} ...)${force ? "" : ", or pass --force to join it anyway"}`
  );
  return force ? { ...p, severity: "warning" } : p;
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
            { subject: `context ${context}`, code: "cluster.duplicate" },
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
          { subject: `context ${context}`, code: "cluster.name-taken" },
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
function editCredentials(hub, ns, secretName, plan, note, edit) {
  return oneAtATime(`${hub.context}\0${ns}\0${secretName}`, async () => {
    const object = `Secret ${ns}/${secretName}`;
    const target = `hub ${hub.context}`;
    for (let attempt = 0; ; attempt++) {
      const cur = await readCredentials(hub, ns, secretName);
      const data = { ...cur.data };
      const records = { ...cur.records };
      edit(data, records);
      if (cur.secret && sameData(data, cur.data) && sameData(records, cur.records)) {
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
              { subject: `${target}: ${object}`, code: "cluster.conflict" },
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
            { subject: where, code: "cluster.conflict" },
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
  FIELD_MANAGER,
  RELEASE_NAME,
  RELEASE_NAMESPACE,
  joinCreation,
  rotateCreation,
  createdByFlytemc,
  managerOf,
  clusterUid,
  readDataPlane,
  propellerElsewhere,
  DEFAULT_CLUSTER_ID,
  identityProblem,
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
