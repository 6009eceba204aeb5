#!/usr/bin/env node
import { createRequire as __flytemcCreateRequire } from 'node:module'; const require = __flytemcCreateRequire(import.meta.url);
import {
  connect,
  loadKubeConfig,
  refuseMissingContexts,
  refuseUnverifiedTls
} from "./chunk-OTN3OYF5.mjs";
import {
  Plan
} from "./chunk-IP4S7SHI.mjs";
import {
  kubeContextSetting
} from "./chunk-3T6WTJRQ.mjs";
import {
  progressEnabled
} from "./chunk-62GU7USA.mjs";
import {
  UsageError,
  marked
} from "./chunk-5JWNXXDS.mjs";

// plugin/cluster/session.ts
var Progress = class {
  enabled;
  started = Date.now();
  constructor(enabled = progressEnabled()) {
    this.enabled = enabled;
  }
  /** `context`: the kubeconfig context the step talks to, when `target` is a cluster name. */
  step(target, msg, context) {
    if (!this.enabled) return;
    const t = ((Date.now() - this.started) / 1e3).toFixed(1).padStart(5);
    const note = /\[[^\]]+\]$/.exec(marked(context ?? target))?.[0];
    process.stderr.write(`${t}s [${target}]${note ? ` ${note}` : ""} ${msg}
`);
  }
  change(c, dryRun) {
    if (c.action === "unchanged" || c.action === "absent") return;
    this.step(c.target, `${dryRun && c.action !== "check" && c.action !== "skip" ? "would " : ""}${c.action} ${c.object}${c.note ? ` (${c.note})` : ""}`);
  }
};
function hubContextOf(flag, currentContext, required) {
  const set = kubeContextSetting(flag);
  if (set) return set.value;
  if (process.env.HELM_PLUGIN_NAME || !required) {
    const cur = currentContext();
    if (cur) return cur;
  }
  throw new UsageError("say which cluster is the control plane (hub): --kube-context HUB (under `helm flytemc` it defaults to Helm's current context)");
}
async function openSession(o) {
  const kc = await loadKubeConfig(o.kube);
  const hubContext = o.withHub ? hubContextOf(o.kubeContext, () => kc.getCurrentContext(), true) : o.kubeContext ?? "(none: --secret-out)";
  const contexts = o.withHub ? [hubContext, ...o.members] : o.members;
  refuseMissingContexts(kc, contexts, o.kube);
  refuseUnverifiedTls(kc, contexts, o.kube);
  const progress = new Progress();
  const plan = new Plan(o.dryRun, (ch) => progress.change(ch, o.dryRun));
  const hub = o.withHub ? await connect(hubContext, o.kube) : void 0;
  return {
    kube: o.kube,
    hubContext,
    namespace: o.namespace,
    secretName: o.secretName,
    dryRun: o.dryRun,
    tokenTimeoutMs: o.tokenTimeoutMs,
    progress,
    plan,
    ...hub ? { hub } : {}
  };
}

export {
  hubContextOf,
  openSession
};
