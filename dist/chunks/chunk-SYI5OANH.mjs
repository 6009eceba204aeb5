#!/usr/bin/env node
import { createRequire as __flytemcCreateRequire } from 'node:module'; const require = __flytemcCreateRequire(import.meta.url);
import {
  DEFAULT_CREDENTIALS
} from "./chunk-CMNDI7DY.mjs";
import {
  namespaceSetting
} from "./chunk-MYO4P6B7.mjs";
import {
  UsageError
} from "./chunk-PXOMBRJH.mjs";

// plugin/commands/cluster-flags.ts
var HUB_OPTIONS = {
  "kube-context": { type: "string" },
  namespace: { type: "string", short: "n" },
  kubeconfig: { type: "string" },
  /** kubectl's name; allows (never forces) a kubeconfig cluster's insecure-skip-tls-verify: see cluster/kube.ts */
  "insecure-skip-tls-verify": { type: "boolean", default: false }
};
var KUBE_OPTIONS = { ...HUB_OPTIONS, timeout: { type: "string" } };
var ROLLOUT_TIMEOUT = { "rollout-timeout": { type: "string" } };
var CHANGE_OPTIONS = {
  ...KUBE_OPTIONS,
  "dry-run": { type: "boolean", default: false },
  name: { type: "string" }
};
var TOKEN_TIMEOUT = { "token-timeout": { type: "string" } };
var NAME_RE = /^[A-Za-z0-9]([-_.A-Za-z0-9]*[A-Za-z0-9])?$/;
function checkName(name, from) {
  if (name.length > 63 || !NAME_RE.test(name)) {
    throw new UsageError(
      `${from} ${JSON.stringify(name)} is not a valid cluster name: use letters, digits, '-', '_' or '.', starting and ending with a letter or digit, at most 63 characters${from === "context" ? " (pass --name NAME)" : ""}`
    );
  }
  return name;
}
function oneMember(positionals, name, hint = "") {
  if (positionals.length !== 1) throw new UsageError(`name exactly one data-plane CONTEXT${hint}`);
  const context = positionals[0];
  return { context, name: checkName(name ?? context, name ? "--name" : "context") };
}
function parseRoute(s) {
  const m = /^([^=]+)(?:=(.*))?$/.exec(s);
  const label = m?.[1] ?? "";
  const weight = m?.[2] === void 0 ? 1 : Number(m[2]);
  if (!NAME_RE.test(label) || label.length > 253)
    throw new UsageError(`--label ${JSON.stringify(s)}: the label must use letters, digits, '-', '_' or '.', e.g. --label team1=0.5`);
  if (m?.[2] === "" || !Number.isFinite(weight) || weight < 0 || weight > 1)
    throw new UsageError(`--label ${JSON.stringify(s)}: the weight must be a number from 0 to 1, e.g. --label ${label}=0.5`);
  return { label, weight };
}
function parseDuration(s) {
  const m = /^(\d+(?:\.\d+)?)(ms|s|m)?$/.exec(s.trim());
  if (!m) return void 0;
  const n = Number(m[1]);
  return m[2] === "ms" ? n : m[2] === "m" ? n * 6e4 : n * 1e3;
}
function timeoutOption(v, flag, dflt) {
  if (v === void 0) return dflt;
  const ms = parseDuration(v);
  if (ms === void 0 || ms <= 0) throw new UsageError(`${flag} ${JSON.stringify(v)}: use a duration such as 30s, 2m or 500ms`);
  return ms;
}
function kubeOptions(v, timeoutMs) {
  return {
    warned: /* @__PURE__ */ new Set(),
    ...v.kubeconfig ? { kubeconfig: v.kubeconfig } : {},
    timeoutMs: timeoutOption(v.timeout, "--timeout", timeoutMs),
    ...v["insecure-skip-tls-verify"] ? { allowUnverifiedTls: true } : {}
  };
}
function namespaceLine(ns, from, hub) {
  const how = from === "--namespace" ? "from --namespace" : `from ${from}; -n NAMESPACE for another`;
  return `namespace ${ns} (${how})${hub ? `, hub ${hub}` : ""}
`;
}
var namespaceOf = (flag) => namespaceSetting(flag).value;
function sessionOptions(v, o) {
  const ns = namespaceSetting(v.namespace);
  return {
    kube: kubeOptions(v, 15e3),
    ...v["kube-context"] ? { kubeContext: v["kube-context"] } : {},
    namespace: ns.value,
    namespaceFrom: ns.from,
    secretName: o.secretName ?? DEFAULT_CREDENTIALS.secretName,
    dryRun: v["dry-run"] ?? false,
    tokenTimeoutMs: timeoutOption(v["token-timeout"], "--token-timeout", 6e4),
    members: o.members,
    withHub: o.withHub ?? true
  };
}

export {
  HUB_OPTIONS,
  KUBE_OPTIONS,
  ROLLOUT_TIMEOUT,
  CHANGE_OPTIONS,
  TOKEN_TIMEOUT,
  checkName,
  oneMember,
  parseRoute,
  timeoutOption,
  kubeOptions,
  namespaceLine,
  namespaceOf,
  sessionOptions
};
