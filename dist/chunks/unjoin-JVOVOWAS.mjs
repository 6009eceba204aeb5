#!/usr/bin/env node
import { createRequire as __flytemcCreateRequire } from 'node:module'; const require = __flytemcCreateRequire(import.meta.url);
import {
  clustersDeployed
} from "./chunk-CG5QHSKI.mjs";
import {
  CLUSTER_LABEL,
  clusterUid,
  deleteRbac,
  deleteTokenSecret,
  listTokenSecrets,
  readCredentials,
  removeCredentials,
  restartDeployments
} from "./chunk-LUQ3FZXV.mjs";
import "./chunk-MSD6SMNW.mjs";
import "./chunk-PD6VQJK6.mjs";
import {
  UnreachableError,
  connect
} from "./chunk-OTN3OYF5.mjs";
import "./chunk-IP4S7SHI.mjs";
import "./chunk-XMNVS4CT.mjs";
import "./chunk-3IZYYW4Y.mjs";
import {
  caKey,
  tokenKey
} from "./chunk-CMNDI7DY.mjs";
import "./chunk-FHC65VTN.mjs";
import "./chunk-3T6WTJRQ.mjs";
import "./chunk-62GU7USA.mjs";
import "./chunk-RLB7AC44.mjs";
import "./chunk-7QJUPDXI.mjs";
import "./chunk-7WIHMZLF.mjs";
import "./chunk-CA6QZ6ZD.mjs";
import "./chunk-WC3NI36A.mjs";
import {
  EXIT,
  FlytemcError,
  error,
  warning
} from "./chunk-5JWNXXDS.mjs";
import {
  isYamlError
} from "./chunk-2FDVLR4Z.mjs";
import "./chunk-IVYUDTSF.mjs";
import "./chunk-GPAN37FC.mjs";

// plugin/cluster/unjoin.ts
async function reachMember(req, session) {
  try {
    const m = await connect(req.context, session.kube);
    return { m, uid: await clusterUid(m) };
  } catch (e) {
    if (e instanceof UnreachableError) return e;
    if (req.force && e instanceof FlytemcError) return new UnreachableError(e.problems, e.exitCode);
    throw e;
  }
}
async function unjoinCluster(req, session) {
  const { namespace: ns, secretName, hub, plan } = session;
  const warnings = [];
  const say = (msg) => session.progress.step(req.name, msg, req.context);
  const creds = await readCredentials(hub, ns, secretName);
  const record = creds.records[req.name];
  say(`connecting to context ${req.context}`);
  const member = await reachMember(req, session);
  if (member instanceof UnreachableError) {
    if (!req.force) {
      throw new FlytemcError(
        [
          ...member.problems.map((p) => ({
            ...p,
            fix: `${p.fix ?? ""}; if the cluster is gone for good, rerun with --force (its token Secret then stays in the cluster)`
          }))
        ],
        EXIT.failed
      );
    }
    warnings.push(
      warning(
        `context ${req.context}`,
        "unreachable: its token Secret and RBAC were left in place (--force)",
        `once it is back, delete Secret ${ns}/${record?.tokenSecret ?? "flyteadmin-token"} there to revoke the token`
      )
    );
  } else if (record && record.uid !== member.uid && !req.force) {
    throw new FlytemcError(
      [
        error(
          `context ${req.context}`,
          `is not the cluster joined as ${JSON.stringify(req.name)} (kube-system UID ${member.uid}, the hub recorded ${record.uid} at ${record.endpoint})`,
          "name the right context, or pass --force to remove the name from the hub without touching this cluster"
        )
      ],
      EXIT.invalid
    );
  }
  const sameCluster = !(member instanceof UnreachableError) && (!record || record.uid === member.uid);
  if (req.values) {
    const vf = await import("./values-file-TZCYDQXR.mjs");
    let removal = { routes: [], config: false };
    const edit = await vf.editValuesFile(
      req.values,
      (values) => {
        removal = vf.removeCluster(values, req.name, req.values);
      },
      { dryRun: plan.dryRun }
    );
    plan.record({
      target: req.values,
      object: "multicluster.clusters.labelClusterMap",
      action: removal.routes.length ? "update" : "unchanged",
      ...removal.routes.length ? {
        note: `removes ${req.name} from ${removal.routes.join(", ")}${removal.defaultLabelDropped ? `; defaultExecutionLabel ${removal.defaultLabelDropped} removed (it had no cluster left)` : ""}`
      } : {}
    });
    plan.record({
      target: req.values,
      object: "multicluster.clusters.clusterConfigs",
      action: removal.config ? "update" : "unchanged",
      ...removal.config ? { note: `removes ${req.name}` } : {},
      ...edit.changed ? { before: edit.before, after: edit.after } : {}
    });
    if (edit.changed && !edit.commentsKept) warnings.push(warning(req.values, "rewritten as plain YAML: comments were dropped"));
  }
  const deployed = await deployedClusterNames(hub, ns);
  if (deployed?.includes(req.name)) {
    warnings.push(
      warning(
        `hub ${hub.context} ConfigMap ${ns}/flyte-admin-clusters-config`,
        `still lists ${req.name}: FlyteAdmin fails to start while a listed cluster has no token file`,
        `helm upgrade the control plane with ${req.values ? `the updated ${req.values}` : `${req.name} removed from multicluster.clusters`} now`
      )
    );
  }
  say(`removing ${tokenKey(req.name)} and ${caKey(req.name)} from the hub`);
  const hubChanged = await removeCredentials(hub, ns, secretName, req.name, plan);
  if (sameCluster && !(member instanceof UnreachableError)) {
    const m = member.m;
    say("deleting the token Secret and RBAC");
    const hubToken = creds.data[tokenKey(req.name)];
    const secrets = await listTokenSecrets(m, ns);
    const doomed = /* @__PURE__ */ new Set();
    if (record?.tokenSecret) doomed.add(record.tokenSecret);
    for (const s of secrets) {
      if (hubToken && s.token === hubToken || s.labels[CLUSTER_LABEL] === req.name) doomed.add(s.name);
    }
    if (!doomed.size) doomed.add("flyteadmin-token");
    for (const name of [...doomed].sort()) await deleteTokenSecret(m, ns, name, plan);
    await deleteRbac(m, ns, plan);
  }
  if (req.restart && hubChanged) await restartDeployments(hub, ns, plan, "FlyteAdmin reads the cluster files only at start-up");
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
  unjoinCluster
};
