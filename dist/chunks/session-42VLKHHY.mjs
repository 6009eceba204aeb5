#!/usr/bin/env node
import { createRequire as __flytemcCreateRequire } from 'node:module'; const require = __flytemcCreateRequire(import.meta.url);
import {
  Plan
} from "./chunk-OQZ3CAJU.mjs";
import {
  DEFAULT_SECRET,
  Progress,
  hubContextOf,
  kubeOptions,
  namespaceOf,
  timeoutOption
} from "./chunk-Z2ITIDQJ.mjs";
import "./chunk-CMNDI7DY.mjs";
import "./chunk-C74VGJG2.mjs";
import "./chunk-4C53D3Z7.mjs";
import "./chunk-IVYUDTSF.mjs";
import {
  connect,
  loadKubeConfig,
  refuseUnverifiedTls
} from "./chunk-V7OV2FKF.mjs";
import "./chunk-IVTEQ3JB.mjs";
import "./chunk-MLYTTTV6.mjs";
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
