#!/usr/bin/env node
import { createRequire as __flytemcCreateRequire } from 'node:module'; const require = __flytemcCreateRequire(import.meta.url);
import {
  clustersFromFile
} from "./chunk-BLVXKC3K.mjs";
import {
  CLUSTER_LABEL,
  clusterUid,
  deleteRbac,
  deleteTokenSecret,
  joinedElsewhere,
  listTokenSecrets,
  readCredentials,
  removeCredentials
} from "./chunk-OCYD4UBY.mjs";
import "./chunk-RUAFNR4X.mjs";
import {
  deployedLists
} from "./chunk-LNX2I3QJ.mjs";
import {
  FLYTEADMIN_DEPLOYMENTS,
  describeRollout,
  restartDeployments,
  waitForRollout
} from "./chunk-KNAG57LB.mjs";
import "./chunk-7WDKBT5S.mjs";
import "./chunk-RERYFOBX.mjs";
import "./chunk-BL5UEDJI.mjs";
import {
  caKey,
  tokenKey
} from "./chunk-CMNDI7DY.mjs";
import "./chunk-LPW2GZIF.mjs";
import "./chunk-BJF2IVWH.mjs";
import {
  self
} from "./chunk-QZFYKPST.mjs";
import "./chunk-ZCDYBYK4.mjs";
import "./chunk-4VJRSWY5.mjs";
import {
  readText
} from "./chunk-WAQBF6VJ.mjs";
import "./chunk-CNWFL7ZM.mjs";
import {
  UnreachableError
} from "./chunk-KEIB36ZM.mjs";
import "./chunk-C2L5FP4Q.mjs";
import {
  stopped
} from "./chunk-W4X4OBCU.mjs";
import "./chunk-2KYTK3TD.mjs";
import {
  EXIT,
  FlytemcError,
  error,
  warning
} from "./chunk-PGTI4LGT.mjs";
import "./chunk-CMVQK6VE.mjs";
import "./chunk-IVYUDTSF.mjs";
import "./chunk-GPAN37FC.mjs";

// plugin/cluster/unjoin.ts
import { existsSync } from "node:fs";
async function reachMember(req, session) {
  try {
    const m = await session.reach.connect(req.context, session.kube);
    return { m, uid: await clusterUid(m) };
  } catch (e) {
    if (e instanceof UnreachableError) return e;
    if (req.force && e instanceof FlytemcError) return new UnreachableError(e.problems, e.exitCode);
    throw e;
  }
}
var enabled = (c) => c.enabled === true || c.inCluster === true;
async function unjoinCluster(req, session) {
  const { namespace: ns, secretName, hub, plan } = session;
  const warnings = [];
  const say = (msg) => session.progress.step(req.name, msg, req.context);
  const flags = `--name ${req.name} --kube-context ${hub.context} -n ${ns}${req.values ? ` --values ${req.values}` : ""}${req.restart ? " --restart" : ""}${req.force ? " --force" : ""}`;
  const finish = `${self()} unjoin ${req.context} ${flags} --finish`;
  if (req.values && !existsSync(req.values)) {
    throw new FlytemcError(
      [error(req.values, "no such file", "pass the control plane's values file that join recorded the cluster in, or leave out --values")],
      EXIT.invalid
    );
  }
  const rerun = `rerun: ${self()} unjoin ${req.context} ${flags}`;
  const { creds, deployed } = await Promise.all([readCredentials(hub, ns, secretName), deployedLists(hub, ns)]).then(([creds2, lists]) => ({ creds: creds2, deployed: { lists } })).catch((e) => {
    throw stopped(e, "nothing was changed", rerun);
  });
  const record = creds.records[req.name];
  if (!record && !creds.data[tokenKey(req.name)]) {
    const elsewhere = await joinedElsewhere(hub, secretName, req.name, ns).catch((e) => {
      throw stopped(e, "nothing was changed", rerun);
    });
    if (elsewhere.length)
      throw new FlytemcError(
        [
          error(
            `hub ${hub.context} Secret ${ns}/${secretName}`,
            `has no joined cluster ${JSON.stringify(req.name)} (namespace ${ns}, from ${session.namespaceFrom}); the Secret in namespace ${elsewhere.join(", ")} has it; nothing was changed`,
            `rerun with -n ${elsewhere[0]}`
          )
        ],
        EXIT.invalid
      );
  }
  const release = deployed.lists.find((l) => l.release)?.release ?? "flyte";
  const upgrade = `${self()} install control-plane${release === "flyte" ? "" : ` --release ${release}`} --kube-context ${hub.context} -n ${ns} -f ${req.values ?? "VALUES"}`;
  await refuseLast(req, deployed.lists, upgrade, hub.context, ns);
  await refuseRunning(req, warnings).catch((e) => {
    if (e instanceof FlytemcError && e.exitCode === EXIT.invalid) throw e;
    throw stopped(e, "nothing was changed", rerun);
  });
  say(`connecting to context ${req.context}`);
  const member = await reachMember(req, session).catch((e) => {
    throw stopped(e, "nothing was changed", rerun);
  });
  if (member instanceof UnreachableError) {
    if (!req.force) {
      throw new FlytemcError(
        member.problems.map((p) => ({
          ...p,
          fix: `${p.fix ?? ""}; if the cluster is gone for good, rerun with --force (its token Secret then stays in the cluster)`
        })),
        EXIT.failed
      );
    }
    warnings.push(
      warning(
        `context ${req.context}`,
        "unreachable: its token Secret and RBAC are left in place (--force)",
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
    const vf = await import("./values-file-YCEMJSFS.mjs");
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
  const listedIn = deployed.lists.filter((l) => l.clusters.some((c) => c.name === req.name)).map((l) => l.name);
  const base = { warnings, memberReached: !(member instanceof UnreachableError), upgrade, finish };
  if (listedIn.length) {
    plan.record({
      target: `hub ${hub.context}`,
      object: `ConfigMap ${listedIn.map((n) => `${ns}/${n}`).join(", ")}`,
      action: "check",
      note: `still lists ${req.name}: its keys stay in the hub until the control plane is upgraded`
    });
    if (req.finish) {
      throw new FlytemcError(
        [
          error(
            `hub ${hub.context} ConfigMap ${listedIn.map((n) => `${ns}/${n}`).join(", ")}`,
            `FlyteAdmin's deployed config still lists ${req.name}: it fails to start without ${req.name}'s token file, so its keys stay in the hub`,
            `upgrade the control plane without ${req.name} first: ${upgrade} (with the other -f files it was installed with, before it), then rerun this command`
          )
        ],
        EXIT.failed
      );
    }
    return { ...base, phase: "pending", hubChanged: false, listedIn };
  }
  const kept = `${req.values ? `${req.name} is out of ${req.values}; ` : ""}its keys are still in the hub, so FlyteAdmin works`;
  if (!plan.dryRun) {
    const states = await waitForRollout(
      hub,
      ns,
      FLYTEADMIN_DEPLOYMENTS,
      req.rolloutTimeoutMs,
      () => say("waiting for the rollout of FlyteAdmin"),
      req.pollMs
    ).catch((e) => {
      throw stopped(e, kept, `run ${finish}`);
    });
    const open = states.filter((s) => !s.done);
    if (open.length) {
      throw new FlytemcError(
        [
          error(
            `hub ${hub.context}`,
            `FlyteAdmin's rollout is not done (${describeRollout(ns, open)}): pods that still list ${req.name} may need its token file, so its keys stay in the hub`,
            `once the rollout is done (kubectl --context ${hub.context} -n ${ns} rollout status deployment/${open[0].name}), run ${finish}`
          )
        ],
        EXIT.failed
      );
    }
  }
  say(`removing ${tokenKey(req.name)} and ${caKey(req.name)} from the hub`);
  const hubChanged = await removeCredentials(hub, ns, secretName, req.name, plan).catch((e) => {
    throw stopped(e, `${kept} (unless the removal landed before the answer was lost)`, `run ${finish}`);
  });
  const removed = `${req.name}'s keys are out of the hub; FlyteAdmin no longer lists it`;
  if (sameCluster && !(member instanceof UnreachableError))
    try {
      const m = member.m;
      say("deleting the token Secret and RBAC");
      const hubToken = creds.data[tokenKey(req.name)];
      const secrets = await listTokenSecrets(m, ns);
      const doomed = /* @__PURE__ */ new Set();
      if (record?.tokenSecret) doomed.add(record.tokenSecret);
      for (const r of record?.retiring ?? []) doomed.add(r.secret);
      for (const s of secrets) {
        if (hubToken && s.token === hubToken || s.labels[CLUSTER_LABEL] === req.name) doomed.add(s.name);
      }
      if (!doomed.size) doomed.add("flyteadmin-token");
      for (const name of [...doomed].sort()) await deleteTokenSecret(m, ns, name, plan);
      await deleteRbac(m, ns, plan);
    } catch (e) {
      throw stopped(e, `${removed}, but its token Secret or RBAC may be left in the data plane`, `run ${finish}`);
    }
  if (req.restart && hubChanged)
    await restartDeployments(hub, ns, plan, "FlyteAdmin reads the cluster files only at start-up").catch((e) => {
      throw stopped(
        e,
        `${removed}; the data plane is cleaned up`,
        `restart flyteadmin and syncresources (kubectl --context ${hub.context} -n ${ns} rollout restart deployment/flyteadmin deployment/syncresources)`
      );
    });
  return { ...base, phase: "done", hubChanged, listedIn: [] };
}
async function refuseRunning(req, warnings) {
  if (!req.running) return;
  const { where, executions } = await req.running();
  if (!executions.length) return;
  const n = executions.length;
  const what = `${n} execution${n === 1 ? " has" : "s have"} not ended on ${req.name}: ${executions.join(", ")}; once FlyteAdmin no longer lists ${req.name} it can neither follow nor abort ${n === 1 ? "it" : "them"}`;
  if (req.force) {
    warnings.push(
      warning(where, `${what} (--force)`, `abort ${n === 1 ? "it" : "them"} first next time: ${req.drain ?? `flytemc drain ${req.name} --admin URL`} --abort`)
    );
    return;
  }
  throw new FlytemcError(
    [
      error(
        where,
        `${what}; nothing was changed`,
        `drain it first (cordon, then wait for the work to end, or --abort it): ${req.drain ?? `flytemc drain ${req.name} --admin URL`}; then rerun this unjoin (or pass --force to unjoin anyway)`
      )
    ],
    EXIT.invalid
  );
}
async function refuseLast(req, lists, upgrade, hubContext, ns) {
  if (req.force || !lists.length) return;
  let clusters;
  let from;
  if (req.values) {
    clusters = (await clustersFromFile(req.values, readText(req.values))).clusters;
    from = req.values;
  } else {
    clusters = lists[0]?.clusters;
    from = `the hub's deployed FlyteAdmin config`;
  }
  if (!clusters?.some((c) => c.name === req.name)) return;
  const others = clusters.filter((c) => c.name !== req.name && enabled(c));
  if (others.length) return;
  const file = req.values ?? "VALUES";
  throw new FlytemcError(
    [
      error(
        from,
        `${req.name} is the last data plane FlyteAdmin is configured with: without it the control plane cannot be upgraded (the post-renderer refuses a control plane with no enabled cluster), and FlyteAdmin has nowhere to run executions; nothing was changed`,
        [
          "choose the end state first, then unjoin:",
          `(a) the control plane runs workloads itself: add \`- {name: ${hubContext}, inCluster: true, enabled: true}\` to multicluster.clusters.clusterConfigs of ${file}, route its labels to it, set flyte-core.flytepropeller.enabled=true and flyte-core.flytepropeller.clusterName=${hubContext}, run ${upgrade}, then rerun this unjoin;`,
          `(b) back to a single-cluster flyte-core: \`helm upgrade flyte flyteorg/flyte-core --version v1.16.8 -n ${ns} --kube-context ${hubContext} -f <your flyte-core values, without the multicluster block>\`, then rerun this unjoin with --force;`,
          `or rerun with --force to take ${req.name} out of ${file} now (the control plane can then only be upgraded to (a) or (b))`
        ].join(" ")
      )
    ],
    EXIT.invalid
  );
}
export {
  unjoinCluster
};
