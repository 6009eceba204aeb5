#!/usr/bin/env node
import { createRequire as __flytemcCreateRequire } from 'node:module'; const require = __flytemcCreateRequire(import.meta.url);
import {
  DEFAULT_CREDENTIALS
} from "./chunk-CMNDI7DY.mjs";
import {
  kubeContextSetting,
  namespaceSetting
} from "./chunk-4C53D3Z7.mjs";
import {
  EXIT,
  UsageError,
  progressEnabled
} from "./chunk-IVTEQ3JB.mjs";
import {
  FlytemcError,
  error,
  marked
} from "./chunk-MLYTTTV6.mjs";
import {
  parseDuration
} from "./chunk-RVT2UJHG.mjs";

// plugin/cluster/common.ts
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
var NAME_RE = /^[A-Za-z0-9]([-_.A-Za-z0-9]*[A-Za-z0-9])?$/;
var ENDPOINT_RE = /^https:\/\/[A-Za-z0-9.\-[\]:]+(:[0-9]{1,5})?(\/[^\s{}]*)?$/;
function oneMember(positionals, name, hint = "") {
  if (positionals.length !== 1) throw new UsageError(`name exactly one data-plane CONTEXT${hint}`);
  const context = positionals[0];
  return { context, name: checkName(name ?? context, name ? "--name" : "context") };
}
function checkName(name, from) {
  if (name.length > 63 || !NAME_RE.test(name)) {
    throw new UsageError(`${from} ${JSON.stringify(name)} is not a valid cluster name: use letters, digits, '-', '_' or '.', starting and ending with a letter or digit, at most 63 characters${from === "context" ? " (pass --name NAME)" : ""}`);
  }
  return name;
}
function checkEndpoint(endpoint, where) {
  if (!ENDPOINT_RE.test(endpoint)) {
    throw new FlytemcError([error(where, `endpoint ${JSON.stringify(endpoint)} is not an https URL FlyteAdmin can use`, "pass --endpoint https://HOST:PORT (the API server as the control plane reaches it; https only)")], EXIT.invalid);
  }
  return endpoint.replace(/\/+$/, "");
}
function parseRoute(s) {
  const m = /^([^=]+)(?:=(.*))?$/.exec(s);
  const label = m?.[1] ?? "";
  const weight = m?.[2] === void 0 ? 1 : Number(m[2]);
  if (!NAME_RE.test(label) || label.length > 253) throw new UsageError(`--label ${JSON.stringify(s)}: the label must use letters, digits, '-', '_' or '.', e.g. --label team1=0.5`);
  if (m?.[2] === "" || !Number.isFinite(weight) || weight < 0 || weight > 1) throw new UsageError(`--label ${JSON.stringify(s)}: the weight must be a number from 0 to 1, e.g. --label ${label}=0.5`);
  return { label, weight };
}
function kubeOptions(v, timeoutMs) {
  return {
    ...v.kubeconfig ? { kubeconfig: v.kubeconfig } : {},
    timeoutMs: timeoutOption(v.timeout, "--timeout", timeoutMs),
    ...v["insecure-skip-tls-verify"] ? { allowUnverifiedTls: true } : {}
  };
}
function timeoutOption(v, flag, dflt) {
  if (v === void 0) return dflt;
  const ms = parseDuration(v);
  if (ms === void 0 || ms <= 0) throw new UsageError(`${flag} ${JSON.stringify(v)}: use a duration such as 30s, 2m or 500ms`);
  return ms;
}
function hubContextOf(flag, currentContext, required) {
  const set = kubeContextSetting(flag);
  if (set) return set.value;
  if (process.env.HELM_PLUGIN_NAME || !required) {
    const cur = currentContext();
    if (cur) return cur;
  }
  throw new UsageError("say which cluster is the control plane (hub): --kube-context HUB (under `helm flytemc` it defaults to Helm's current context)");
}
function namespaceOf(flag) {
  return namespaceSetting(flag).value;
}
var DEFAULT_SECRET = DEFAULT_CREDENTIALS.secretName;
var COMMON_OPTIONS = {
  "kube-context": { type: "string" },
  namespace: { type: "string", short: "n" },
  kubeconfig: { type: "string" },
  "dry-run": { type: "boolean", default: false },
  timeout: { type: "string" },
  help: { type: "boolean", short: "h", default: false }
};

export {
  Progress,
  NAME_RE,
  ENDPOINT_RE,
  oneMember,
  checkName,
  checkEndpoint,
  parseRoute,
  kubeOptions,
  timeoutOption,
  hubContextOf,
  namespaceOf,
  DEFAULT_SECRET,
  COMMON_OPTIONS
};
