#!/usr/bin/env node
import { createRequire as __flytemcCreateRequire } from 'node:module'; const require = __flytemcCreateRequire(import.meta.url);
import {
  Plan
} from "./chunk-OSJRNR7O.mjs";
import {
  DEFAULT_SECRET,
  Progress,
  hubContextOf,
  kubeOptions,
  namespaceOf,
  timeoutOption
} from "./chunk-K4EQCIQQ.mjs";
import "./chunk-CMNDI7DY.mjs";
import "./chunk-C74VGJG2.mjs";
import "./chunk-G4K3I4T3.mjs";
import "./chunk-IVYUDTSF.mjs";
import {
  connect,
  loadKubeConfig,
  refuseUnverifiedTls
} from "./chunk-LWMZNMAS.mjs";
import "./chunk-FQYQ6MQN.mjs";
import "./chunk-R2S2UNUF.mjs";
import "./chunk-RVT2UJHG.mjs";
import "./chunk-GPAN37FC.mjs";

// plugin/cluster/session.ts
async function openSession(v, secretName = DEFAULT_SECRET, members = [], withHub = true) {
  const kube = kubeOptions(v, 15e3);
  const kc = await loadKubeConfig(kube);
  const hubContext = withHub ? hubContextOf(v["kube-context"], () => kc.getCurrentContext(), true) : v["kube-context"] ?? "(none: --secret-out)";
  refuseUnverifiedTls(kc, withHub ? [hubContext, ...members] : members, kube);
  const namespace = namespaceOf(v.namespace);
  const dryRun = v["dry-run"] ?? false;
  const progress = new Progress();
  const plan = new Plan(dryRun, (ch) => progress.change(ch, dryRun));
  const common = { kube, hubContext, namespace, secretName, dryRun, tokenTimeoutMs: timeoutOption(v["token-timeout"], "--token-timeout", 6e4), progress };
  const hub = withHub ? await connect(hubContext, kube) : void 0;
  return { common, plan, hub, progress, namespace, hubContext };
}
export {
  openSession
};
