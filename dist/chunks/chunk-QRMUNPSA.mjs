#!/usr/bin/env node
import { createRequire as __flytemcCreateRequire } from 'node:module'; const require = __flytemcCreateRequire(import.meta.url);
import {
  readOrAbsent
} from "./chunk-QWUGYWBM.mjs";
import {
  sleep
} from "./chunk-YBFDPERJ.mjs";
import {
  escapeSegment
} from "./chunk-C2L5FP4Q.mjs";

// plugin/cluster/rollout.ts
var FLYTEADMIN_DEPLOYMENTS = ["flyteadmin", "syncresources"];
var RESTART_ANNOTATION = "flytemc.io/restartedAt";
var KUBECTL_RESTART_ANNOTATION = "kubectl.kubernetes.io/restartedAt";
function rolloutState(d) {
  const name = d.metadata?.name ?? "?";
  const st = d.status ?? {};
  if ((d.metadata?.generation ?? 0) > (st.observedGeneration ?? 0))
    return { name, done: false, waiting: "the Deployment controller has not observed the latest change yet" };
  const progressing = st.conditions?.find((c) => c.type === "Progressing");
  if (progressing?.reason === "ProgressDeadlineExceeded") return { name, done: false, failed: `exceeded its progress deadline (${progressing.message ?? ""})` };
  const want = d.spec?.replicas ?? 1;
  const updated = st.updatedReplicas ?? 0;
  if (updated < want) return { name, done: false, waiting: `${updated} of ${want} new replicas are updated` };
  if ((st.replicas ?? 0) > updated) return { name, done: false, waiting: `${(st.replicas ?? 0) - updated} old replicas are pending termination` };
  if ((st.availableReplicas ?? 0) < updated) return { name, done: false, waiting: `${st.availableReplicas ?? 0} of ${updated} updated replicas are available` };
  return { name, done: true };
}
function restartedAt(d) {
  const a = d.spec?.template?.metadata?.annotations ?? {};
  const stamps = [a[RESTART_ANNOTATION], a[KUBECTL_RESTART_ANNOTATION]].filter((x) => !!x && !Number.isNaN(Date.parse(x)));
  return stamps.sort((x, y) => Date.parse(y) - Date.parse(x))[0];
}
async function flyteadminDeployments(hub, ns) {
  const out = [];
  for (const name of FLYTEADMIN_DEPLOYMENTS) {
    const d = await readOrAbsent(hub, `reading Deployment ${ns}/${name}`, () => hub.apps.readNamespacedDeployment({ name, namespace: ns }));
    if (d) out.push(d);
  }
  return out;
}
async function restartDeployments(hub, ns, plan, reason, names = FLYTEADMIN_DEPLOYMENTS) {
  const target = `hub ${hub.context}`;
  const now = (/* @__PURE__ */ new Date()).toISOString();
  const restarted = [];
  for (const name of names) {
    const object = `Deployment ${ns}/${name}`;
    const have = await readOrAbsent(hub, `reading ${object}`, () => hub.apps.readNamespacedDeployment({ name, namespace: ns }));
    if (!have) {
      plan.record({ target, object, action: "absent", note: "nothing to restart (is the control plane installed in this namespace?)" });
      continue;
    }
    const hasAnnotations = !!have.spec?.template?.metadata?.annotations;
    const body = hasAnnotations ? [{ op: "add", path: `/spec/template/metadata/annotations/${escapeSegment(RESTART_ANNOTATION)}`, value: now }] : [{ op: "add", path: "/spec/template/metadata/annotations", value: { [RESTART_ANNOTATION]: now } }];
    await plan.apply(
      { target, object, action: "restart", note: reason },
      () => hub.call(`restarting ${object}`, () => hub.apps.patchNamespacedDeployment({ name, namespace: ns, body }))
    );
    restarted.push(name);
  }
  return restarted;
}
async function waitForRollout(hub, ns, names, timeoutMs, onWait, pollMs = 500) {
  const deadline = Date.now() + timeoutMs;
  for (; ; ) {
    const states = [];
    for (const name of names) {
      const d = await readOrAbsent(hub, `reading Deployment ${ns}/${name}`, () => hub.apps.readNamespacedDeployment({ name, namespace: ns }));
      states.push(d ? rolloutState(d) : { name, done: true });
    }
    const open = states.filter((s) => !s.done);
    if (!open.length || open.some((s) => s.failed) || Date.now() >= deadline) return states;
    onWait?.(open);
    await sleep(Math.min(pollMs, Math.max(0, deadline - Date.now())));
  }
}
var describeRollout = (ns, states) => states.filter((s) => !s.done).map((s) => `Deployment ${ns}/${s.name}: ${s.failed ?? s.waiting}`).join("; ");

export {
  FLYTEADMIN_DEPLOYMENTS,
  rolloutState,
  restartedAt,
  flyteadminDeployments,
  restartDeployments,
  waitForRollout,
  describeRollout
};
