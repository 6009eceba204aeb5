#!/usr/bin/env node
import { createRequire as __flytemcCreateRequire } from 'node:module'; const require = __flytemcCreateRequire(import.meta.url);
import {
  Plan
} from "./chunk-SDXS2FD4.mjs";
import "./chunk-C74VGJG2.mjs";
import {
  DEFAULT_SECRET,
  Progress,
  hubContextOf,
  namespaceOf,
  timeoutOption
} from "./chunk-IXMM6OG5.mjs";
import "./chunk-CMNDI7DY.mjs";
import "./chunk-7CDQGAJD.mjs";
import "./chunk-IVYUDTSF.mjs";
import {
  connect,
  loadKubeConfig
} from "./chunk-YUZUFQ34.mjs";
import "./chunk-BNFKKS27.mjs";
import "./chunk-XMK5AAIB.mjs";
import "./chunk-RVT2UJHG.mjs";
import "./chunk-GPAN37FC.mjs";

// plugin/cluster/session.ts
async function openSession(v, secretName = DEFAULT_SECRET) {
  const kube = { ...v.kubeconfig ? { kubeconfig: v.kubeconfig } : {}, timeoutMs: timeoutOption(v.timeout, "--timeout", 15e3) };
  const kc = await loadKubeConfig(kube);
  const hubContext = hubContextOf(v["kube-context"], () => kc.getCurrentContext(), true);
  const namespace = namespaceOf(v.namespace);
  const dryRun = v["dry-run"] ?? false;
  const progress = new Progress();
  const plan = new Plan(dryRun, (ch) => progress.change(ch, dryRun));
  const common = { kube, hubContext, namespace, secretName, dryRun, tokenTimeoutMs: timeoutOption(v["token-timeout"], "--token-timeout", 6e4), progress };
  const hub = await connect(hubContext, kube);
  return { common, plan, hub, progress, namespace, hubContext };
}
export {
  openSession
};
