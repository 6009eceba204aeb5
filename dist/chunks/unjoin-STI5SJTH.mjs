#!/usr/bin/env node
import { createRequire as __flytemcCreateRequire } from 'node:module'; const require = __flytemcCreateRequire(import.meta.url);
import {
  clustersFromFile
} from "./chunk-NKAH47CX.mjs";
import {
  deployedLists
} from "./chunk-FOPE3G4V.mjs";
import {
  deleteRbac
} from "./chunk-DBJQTP3W.mjs";
import {
  deleteTokenSecret,
  listTokenSecrets
} from "./chunk-LH5EZZJM.mjs";
import "./chunk-TWYTLRT5.mjs";
import {
  CLUSTER_LABEL,
  clusterUid,
  joinedElsewhere,
  readCredentials,
  removeCredentials
} from "./chunk-6Z6ZYMU5.mjs";
import "./chunk-Q6QQLQ23.mjs";
import {
  FLYTEADMIN_DEPLOYMENTS,
  describeRollout,
  restartDeployments,
  waitForRollout
} from "./chunk-QRMUNPSA.mjs";
import {
  notedIn
} from "./chunk-I6QFSPIF.mjs";
import "./chunk-EMYUWFA7.mjs";
import {
  caKey,
  tokenKey
} from "./chunk-CMNDI7DY.mjs";
import "./chunk-LPW2GZIF.mjs";
import {
  UnreachableError
} from "./chunk-QWUGYWBM.mjs";
import {
  formatPlan,
  stopped
} from "./chunk-YBFDPERJ.mjs";
import "./chunk-AVEROJ5R.mjs";
import "./chunk-MYO4P6B7.mjs";
import {
  self
} from "./chunk-PWPBOTUG.mjs";
import "./chunk-RMH2B4TR.mjs";
import "./chunk-SMKU2DWZ.mjs";
import "./chunk-4VJRSWY5.mjs";
import {
  readText
} from "./chunk-FIS3OFIC.mjs";
import "./chunk-QVD5WBXB.mjs";
import "./chunk-C2L5FP4Q.mjs";
import "./chunk-QI4TXXNF.mjs";
import {
  EXIT,
  FlytemcError,
  error,
  warning
} from "./chunk-PXOMBRJH.mjs";
import "./chunk-IVYUDTSF.mjs";
import "./chunk-GPAN37FC.mjs";

// plugin/cluster/unjoin.ts
import { existsSync } from "node:fs";

// plugin/cluster/unjoin-refuse.ts
function refuseElsewhere(req, session, elsewhere) {
  const { namespace: ns, secretName, hub } = session;
  if (!elsewhere.length) return;
  throw new FlytemcError(
    [
      error(
        { code: "unjoin.elsewhere", subject: `hub ${hub.context} Secret ${ns}/${secretName}` },
        `has no joined cluster ${JSON.stringify(req.name)} (namespace ${ns}, from ${session.namespaceFrom}); the Secret in namespace ${elsewhere.join(", ")} has it; nothing was changed`,
        `rerun with -n ${elsewhere[0]}`
      )
    ],
    EXIT.invalid
  );
}
async function refuseRunning(req, warnings) {
  if (!req.running) return;
  const { where, executions } = await req.running();
  if (!executions.length) return;
  const n = executions.length;
  const them = n === 1 ? "it" : "them";
  const what = `${n} execution${n === 1 ? " has" : "s have"} not ended on ${req.name}: ${executions.join(", ")}; once FlyteAdmin no longer lists ${req.name} it can neither follow nor abort ${them}`;
  const drain = req.drain ?? `flytemc drain ${req.name} --admin URL`;
  if (req.force) {
    warnings.push(warning({ code: "unjoin.running", subject: where }, `${what} (--force)`, `abort ${them} first next time: ${drain} --abort`));
    return;
  }
  throw new FlytemcError(
    [
      error(
        { code: "unjoin.running", subject: where },
        `${what}; nothing was changed`,
        `drain it first (cordon, then wait for the work to end, or --abort it): ${drain}; then rerun this unjoin (or pass --force to unjoin anyway)`
      )
    ],
    EXIT.invalid
  );
}
var enabled = (c) => c.enabled === true || c.inCluster === true;
async function refuseLast(req, lists, upgrade, hubContext, ns) {
  if (req.force || !lists.length) return;
  const clusters = req.values ? (await clustersFromFile(req.values, readText(req.values))).clusters : lists[0]?.clusters;
  const from = req.values ?? `the hub's deployed FlyteAdmin config`;
  if (!clusters?.some((c) => c.name === req.name)) return;
  if (clusters.some((c) => c.name !== req.name && enabled(c))) return;
  const file = req.values ?? "VALUES";
  throw new FlytemcError(
    [
      error(
        { code: "unjoin.last", subject: from },
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
async function memberToClean(req, session, record, warnings, rerun) {
  const ns = session.namespace;
  const member = await reachMember(req, session).catch((e) => {
    throw stopped(e, "nothing was changed", rerun);
  });
  if (member instanceof UnreachableError) {
    const fix = "; if the cluster is gone for good, rerun with --force (its token Secret then stays in the cluster)";
    if (!req.force)
      throw new FlytemcError(
        member.problems.map((p) => ({ ...p, fix: `${p.fix ?? ""}${fix}` })),
        EXIT.failed
      );
    warnings.push(
      warning(
        { code: "unjoin.unreachable", subject: notedIn(session, `context ${req.context}`, req.context) },
        "unreachable: its token Secret and RBAC are left in place (--force)",
        `once it is back, delete Secret ${ns}/${record?.tokenSecret ?? "flyteadmin-token"} there to revoke the token`
      )
    );
    return { reached: false };
  }
  if (!record || record.uid === member.uid) return { reached: true, m: member.m };
  if (req.force) return { reached: true };
  throw new FlytemcError(
    [
      error(
        { code: "unjoin.other-cluster", subject: notedIn(session, `context ${req.context}`, req.context) },
        `is not the cluster joined as ${JSON.stringify(req.name)} (kube-system UID ${member.uid}, the hub recorded ${record.uid} at ${record.endpoint})`,
        "name the right context, or pass --force to remove the name from the hub without touching this cluster"
      )
    ],
    EXIT.invalid
  );
}

// plugin/cluster/unjoin.ts
async function editValues(req, values, session, warnings) {
  const { plan } = session;
  const vf = await import("./values-file-PTSZGEKQ.mjs");
  let removal = { routes: [], config: false };
  const edit = await vf.editValuesFile(
    values,
    (v) => {
      removal = vf.removeCluster(v, req.name, values);
    },
    { dryRun: plan.dryRun }
  );
  const dropped = removal.defaultLabelDropped ? `; defaultExecutionLabel ${removal.defaultLabelDropped} removed (it had no cluster left)` : "";
  plan.record({
    target: values,
    object: "multicluster.clusters.labelClusterMap",
    action: removal.routes.length ? "update" : "unchanged",
    ...removal.routes.length ? { note: `removes ${req.name} from ${removal.routes.join(", ")}${dropped}` } : {}
  });
  plan.record({
    target: values,
    object: "multicluster.clusters.clusterConfigs",
    action: removal.config ? "update" : "unchanged",
    ...removal.config ? { note: `removes ${req.name}` } : {},
    ...edit.changed ? { before: edit.before, after: edit.after } : {}
  });
  if (edit.changed && !edit.commentsKept)
    warnings.push(warning({ code: "unjoin.values-rewritten", file: values }, "rewritten as plain YAML: comments were dropped"));
}
async function rolledOut(req, session, kept, finish) {
  const { namespace: ns, hub, plan } = session;
  if (plan.dryRun) return;
  const say = () => session.progress.step(req.name, "waiting for the rollout of FlyteAdmin", req.context);
  const states = await waitForRollout(hub, ns, FLYTEADMIN_DEPLOYMENTS, req.rolloutTimeoutMs, say, req.pollMs).catch((e) => {
    throw stopped(e, kept, `run ${finish}`);
  });
  const open = states.filter((s) => !s.done);
  if (!open.length) return;
  throw new FlytemcError(
    [
      error(
        { code: "unjoin.rollout", subject: `hub ${hub.context}` },
        `FlyteAdmin's rollout is not done (${describeRollout(ns, open)}): pods that still list ${req.name} may need its token file, so its keys stay in the hub`,
        `once the rollout is done (kubectl --context ${hub.context} -n ${ns} rollout status deployment/${open[0].name}), run ${finish}`
      )
    ],
    EXIT.failed
  );
}
async function cleanMember(req, m, session, record, hubToken) {
  const { namespace: ns, plan } = session;
  session.progress.step(req.name, "deleting the token Secret and RBAC", req.context);
  const secrets = await listTokenSecrets(m, ns);
  const doomed = /* @__PURE__ */ new Set();
  if (record?.tokenSecret) doomed.add(record.tokenSecret);
  for (const r of record?.retiring ?? []) doomed.add(r.secret);
  for (const s of secrets) if (hubToken && s.token === hubToken || s.labels[CLUSTER_LABEL] === req.name) doomed.add(s.name);
  if (!doomed.size) doomed.add("flyteadmin-token");
  for (const name of [...doomed].sort()) await deleteTokenSecret(m, ns, name, plan);
  await deleteRbac(m, ns, plan);
}
function stillListed(req, session, lists, upgrade) {
  const { namespace: ns, hub, plan } = session;
  const listedIn = lists.filter((l) => l.clusters.some((c) => c.name === req.name)).map((l) => l.name);
  if (!listedIn.length) return listedIn;
  const object = `ConfigMap ${listedIn.map((n) => `${ns}/${n}`).join(", ")}`;
  plan.record({
    target: `hub ${hub.context}`,
    object,
    action: "check",
    note: `still lists ${req.name}: its keys stay in the hub until the control plane is upgraded`
  });
  if (req.finish)
    throw new FlytemcError(
      [
        error(
          { code: "unjoin.still-listed", subject: `hub ${hub.context} ${object}` },
          `FlyteAdmin's deployed config still lists ${req.name}: it fails to start without ${req.name}'s token file, so its keys stay in the hub`,
          `upgrade the control plane without ${req.name} first: ${upgrade} (with the other -f files it was installed with, before it), then rerun this command`
        )
      ],
      EXIT.failed
    );
  return listedIn;
}
async function look(req, session, rerun) {
  const { namespace: ns, secretName, hub } = session;
  if (req.values && !existsSync(req.values))
    throw new FlytemcError(
      [
        error(
          { code: "unjoin.no-values", file: req.values },
          "no such file",
          "pass the control plane's values file that join recorded the cluster in, or leave out --values"
        )
      ],
      EXIT.invalid
    );
  const nothing = (e) => {
    throw stopped(e, "nothing was changed", rerun);
  };
  const [creds, lists] = await Promise.all([readCredentials(hub, ns, secretName), deployedLists(hub, ns)]).catch(nothing);
  if (!creds.records[req.name] && !creds.data[tokenKey(req.name)])
    refuseElsewhere(req, session, await joinedElsewhere(hub, secretName, req.name, ns).catch(nothing));
  return { creds, lists };
}
async function unjoinCluster(req, session) {
  const { namespace: ns, secretName, hub, plan } = session;
  const warnings = [];
  const flags = `--name ${req.name} --kube-context ${hub.context} -n ${ns}${req.values ? ` --values ${req.values}` : ""}${req.restart ? " --restart" : ""}${req.force ? " --force" : ""}`;
  const finish = `${self()} unjoin ${req.context} ${flags} --finish`;
  const rerun = `rerun: ${self()} unjoin ${req.context} ${flags}`;
  const { creds, lists } = await look(req, session, rerun);
  const record = creds.records[req.name];
  const release = lists.find((l) => l.release)?.release ?? "flyte";
  const upgrade = `${self()} install control-plane${release === "flyte" ? "" : ` --release ${release}`} --kube-context ${hub.context} -n ${ns} -f ${req.values ?? "VALUES"}`;
  await refuseLast(req, lists, upgrade, hub.context, ns);
  await refuseRunning(req, warnings).catch((e) => {
    if (e instanceof FlytemcError && e.exitCode === EXIT.invalid) throw e;
    throw stopped(e, "nothing was changed", rerun);
  });
  session.progress.step(req.name, `connecting to context ${req.context}`, req.context);
  const member = await memberToClean(req, session, record, warnings, rerun);
  if (req.values) await editValues(req, req.values, session, warnings);
  const base = { warnings, memberReached: member.reached, upgrade, finish };
  const listedIn = stillListed(req, session, lists, upgrade);
  if (listedIn.length) return { ...base, phase: "pending", hubChanged: false, listedIn };
  const kept = `${req.values ? `${req.name} is out of ${req.values}; ` : ""}its keys are still in the hub, so FlyteAdmin works`;
  await rolledOut(req, session, kept, finish);
  session.progress.step(req.name, `removing ${tokenKey(req.name)} and ${caKey(req.name)} from the hub`, req.context);
  const hubChanged = await removeCredentials(hub, ns, secretName, req.name, plan).catch((e) => {
    throw stopped(e, `${kept} (unless the removal landed before the answer was lost)`, `run ${finish}`);
  });
  const removed = `${req.name}'s keys are out of the hub; FlyteAdmin no longer lists it`;
  if (member.m)
    await cleanMember(req, member.m, session, record, creds.data[tokenKey(req.name)]).catch((e) => {
      throw stopped(e, `${removed}, but its token Secret or RBAC may be left in the data plane`, `run ${finish}`);
    });
  if (req.restart && hubChanged)
    await restartDeployments(hub, ns, plan, "FlyteAdmin reads the cluster files only at start-up").catch((e) => {
      const restart = `restart flyteadmin and syncresources (kubectl --context ${hub.context} -n ${ns} rollout restart deployment/flyteadmin deployment/syncresources)`;
      throw stopped(e, `${removed}; the data plane is cleaned up`, restart);
    });
  return { ...base, phase: "done", hubChanged, listedIn: [] };
}
function unjoinSummary(out, req, session) {
  const { namespace: ns, hubContext, plan } = session;
  const dry = plan.dryRun;
  const hub = notedIn(session, `hub ${hubContext}`, hubContext);
  const text = formatPlan(plan.changes, { diff: dry, dryRun: dry });
  const dryNote = dry ? "dry run: nothing was changed. " : "";
  const edited = req.values ? `${req.name} is out of ${req.values}` : `take ${req.name} out of multicluster.clusters (clusterConfigs and labelClusterMap) of the control plane's values`;
  if (out.phase === "pending")
    return `${text}
${dryNote}phase 1 of 2${dry ? " would be" : ""} done: ${edited}; FlyteAdmin still lists ${req.name} (ConfigMap ${out.listedIn.map((n) => `${ns}/${n}`).join(", ")}), so its keys stay in ${hub}.
Next, upgrade the control plane with the updated values (and the other -f files it was installed with, before them):
  ${out.upgrade}
then finish (removes the keys, revokes the token, deletes what join created):
  ${out.finish}
`;
  const leftover = req.values ? "" : `If the control plane's values still list ${req.name}, remove it there (clusterConfigs and labelClusterMap) before the next upgrade.
`;
  return `${text}
${dryNote}${req.name} ${dry ? "can be" : "was"} removed from ${hub}${out.memberReached ? "" : " (the data plane was not reached)"}
${leftover}`;
}
export {
  unjoinCluster,
  unjoinSummary
};
