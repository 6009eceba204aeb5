#!/usr/bin/env node
import { createRequire as __flytemcCreateRequire } from 'node:module'; const require = __flytemcCreateRequire(import.meta.url);
import {
  clustersDeployed
} from "./chunk-D2LPZGV5.mjs";
import "./chunk-WYB3M3OA.mjs";
import "./chunk-RKSPHI3Y.mjs";
import {
  CLUSTER_LABEL,
  clusterUid,
  deleteRbac,
  deleteTokenSecret,
  listTokenSecrets,
  readCredentials,
  removeCredentials
} from "./chunk-QSV3TKLW.mjs";
import "./chunk-OQZ3CAJU.mjs";
import "./chunk-U42RTUBZ.mjs";
import "./chunk-HSI6TMYY.mjs";
import {
  caKey,
  tokenKey
} from "./chunk-CMNDI7DY.mjs";
import "./chunk-G2ASVLUG.mjs";
import {
  isYamlError
} from "./chunk-C74VGJG2.mjs";
import "./chunk-IVYUDTSF.mjs";
import {
  UnreachableError,
  connect,
  isNotFound
} from "./chunk-V7OV2FKF.mjs";
import {
  EXIT
} from "./chunk-IVTEQ3JB.mjs";
import {
  FlytemcError,
  error,
  warning
} from "./chunk-MLYTTTV6.mjs";
import "./chunk-RVT2UJHG.mjs";
import "./chunk-GPAN37FC.mjs";

// plugin/cluster/unjoin.ts
async function reachMember(req, opts) {
  try {
    const m = await connect(req.context, opts.kube);
    return { m, uid: await clusterUid(m) };
  } catch (e) {
    if (e instanceof UnreachableError) return e;
    if (req.force && e instanceof FlytemcError) return new UnreachableError(e.problems, e.exitCode);
    throw e;
  }
}
async function unjoinCluster(req, hub, opts, plan) {
  const { namespace: ns, secretName } = opts;
  const warnings = [];
  const say = (msg) => opts.progress.step(req.name, msg, req.context);
  const creds = await readCredentials(hub, ns, secretName);
  const record = creds.records[req.name];
  say(`connecting to context ${req.context}`);
  const member = await reachMember(req, opts);
  if (member instanceof UnreachableError) {
    if (!req.force) {
      throw new FlytemcError([...member.problems.map((p) => ({ ...p, fix: `${p.fix ?? ""}; if the cluster is gone for good, rerun with --force (its token Secret then stays in the cluster)` }))], EXIT.failed);
    }
    warnings.push(warning(`context ${req.context}`, "unreachable: its token Secret and RBAC were left in place (--force)", `once it is back, delete Secret ${ns}/${record?.tokenSecret ?? "flyteadmin-token"} there to revoke the token`));
  } else if (record && record.uid !== member.uid && !req.force) {
    throw new FlytemcError([error(`context ${req.context}`, `is not the cluster joined as ${JSON.stringify(req.name)} (kube-system UID ${member.uid}, the hub recorded ${record.uid} at ${record.endpoint})`, "name the right context, or pass --force to remove the name from the hub without touching this cluster")], EXIT.invalid);
  }
  const sameCluster = !(member instanceof UnreachableError) && (!record || record.uid === member.uid);
  if (req.values) {
    const vf = await import("./values-file-E4NKGAQ7.mjs");
    let removal = { routes: [], config: false };
    const edit = await vf.editValuesFile(req.values, (values) => {
      removal = vf.removeCluster(values, req.name, req.values);
    }, { dryRun: plan.dryRun });
    plan.record({ target: req.values, object: "multicluster.clusters.labelClusterMap", action: removal.routes.length ? "update" : "unchanged", ...removal.routes.length ? { note: `removes ${req.name} from ${removal.routes.join(", ")}${removal.defaultLabelDropped ? `; defaultExecutionLabel ${removal.defaultLabelDropped} removed (it had no cluster left)` : ""}` } : {} });
    plan.record({ target: req.values, object: "multicluster.clusters.clusterConfigs", action: removal.config ? "update" : "unchanged", ...removal.config ? { note: `removes ${req.name}` } : {}, ...edit.changed ? { before: edit.before, after: edit.after } : {} });
    if (edit.changed && !edit.commentsKept) warnings.push(warning(req.values, "rewritten as plain YAML: comments were dropped"));
  }
  const deployed = await deployedClusterNames(hub, ns);
  if (deployed?.includes(req.name)) {
    warnings.push(warning(`hub ${hub.context} ConfigMap ${ns}/flyte-admin-clusters-config`, `still lists ${req.name}: FlyteAdmin fails to start while a listed cluster has no token file`, `helm upgrade the control plane with ${req.values ? `the updated ${req.values}` : `${req.name} removed from multicluster.clusters`} now`));
  }
  say(`removing ${tokenKey(req.name)} and ${caKey(req.name)} from the hub`);
  const hubChanged = await removeCredentials(hub, ns, secretName, req.name, plan);
  if (sameCluster && !(member instanceof UnreachableError)) {
    const m = member.m;
    say("deleting the token Secret and RBAC");
    const hubToken = creds.data[tokenKey(req.name)];
    const secrets = await listTokenSecrets(m, ns).catch((e) => isNotFound(e) ? [] : Promise.reject(e));
    const doomed = /* @__PURE__ */ new Set();
    if (record?.tokenSecret) doomed.add(record.tokenSecret);
    for (const s of secrets) {
      if (hubToken && s.token === hubToken || s.labels[CLUSTER_LABEL] === req.name) doomed.add(s.name);
    }
    if (!doomed.size) doomed.add("flyteadmin-token");
    for (const name of [...doomed].sort()) await deleteTokenSecret(m, ns, name, plan);
    await deleteRbac(m, ns, plan);
  }
  return { hubChanged, warnings, memberReached: !(member instanceof UnreachableError) };
}
async function deployedClusterNames(hub, ns) {
  try {
    return (await clustersDeployed(hub, ns))?.clusters.map((c) => String(c.name));
  } catch (e) {
    if (isYamlError(e)) return void 0;
    throw e;
  }
}
export {
  deployedClusterNames,
  unjoinCluster
};
