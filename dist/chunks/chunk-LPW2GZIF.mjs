#!/usr/bin/env node
import { createRequire as __flytemcCreateRequire } from 'node:module'; const require = __flytemcCreateRequire(import.meta.url);
import {
  isObject
} from "./chunk-4VJRSWY5.mjs";

// plugin/config/rbac.ts
var SERVICE_ACCOUNT = "flyteadmin";
var DEFAULT_TOKEN_SECRET = "flyteadmin-token";
var clusterRoleName = (ns) => `${ns}-flyteadmin`;
var clusterRoleBindingName = (ns) => `${ns}-flyteadmin-binding`;
var FLYTEADMIN_RULES = [
  {
    apiGroups: ["", "flyte.lyft.com", "rbac.authorization.k8s.io"],
    resources: [
      "configmaps",
      "flyteworkflows",
      "namespaces",
      "pods",
      "resourcequotas",
      "roles",
      "rolebindings",
      "secrets",
      "services",
      "serviceaccounts",
      "spark-role",
      "limitranges"
    ],
    verbs: ["*"]
  }
];
var FLYTE_CORE_TEMPLATES = [
  { key: "aa_namespace", value: "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: {{ namespace }}\n" },
  { key: "ab_project_resource_quota", value: "apiVersion: v1\nkind: ResourceQuota\nmetadata:\n  name: project-quota\n  namespace: {{ namespace }}\n" }
];
var TEMPLATE_VERBS = ["create", "get", "patch"];
var WORKFLOW_VERBS = ["create", "get", "update", "delete", "list", "watch"];
var WORKFLOW = { kind: "FlyteWorkflow", group: "flyte.lyft.com", resource: "flyteworkflows" };
function resourceOfKind(kind) {
  const s = kind.toLowerCase();
  if (s.endsWith("endpoints")) return s;
  if (s.endsWith("s")) return `${s}es`;
  if (/[^aeiou]y$/.test(s)) return `${s.slice(0, -1)}ies`;
  return `${s}s`;
}
function templateKind(text) {
  const apiVersion = /^apiVersion:\s*["']?([^\s"'#]+)/m.exec(text)?.[1];
  const kind = /^kind:\s*["']?([A-Za-z0-9]+)/m.exec(text)?.[1];
  if (!apiVersion || !kind) return void 0;
  const slash = apiVersion.lastIndexOf("/");
  return { group: slash < 0 ? "" : apiVersion.slice(0, slash), kind };
}
function neededAccess(templates) {
  const byKind = /* @__PURE__ */ new Map();
  const unknown = [];
  for (const t of templates) {
    const k = templateKind(t.value);
    if (!k) {
      unknown.push(t.key);
      continue;
    }
    const id = `${k.group}/${k.kind}`;
    const have = byKind.get(id);
    if (have) have.from.push(t.key);
    else byKind.set(id, { kind: k.kind, group: k.group, resource: resourceOfKind(k.kind), verbs: [...TEMPLATE_VERBS], from: [t.key] });
  }
  const needs = [...byKind.values()];
  needs.push({ ...WORKFLOW, verbs: [...WORKFLOW_VERBS], from: ["FlyteWorkflow objects"] });
  return { needs, unknown };
}
function minimalRules(needs) {
  const rules = /* @__PURE__ */ new Map();
  for (const n of needs) {
    const key = `${n.group}|${n.verbs.join(",")}`;
    const r = rules.get(key) ?? { apiGroups: [n.group], resources: [], verbs: [...n.verbs] };
    if (!r.resources.includes(n.resource)) r.resources.push(n.resource);
    rules.set(key, r);
  }
  return [...rules.values()];
}
function accessChecks(needs) {
  return needs.flatMap((n) => n.verbs.map((verb) => ({ group: n.group, resource: n.resource, verb, kind: n.kind })));
}
var DEFAULT_NEEDS = neededAccess(FLYTE_CORE_TEMPLATES).needs;
var ACCESS_CHECKS = accessChecks(DEFAULT_NEEDS);
var gr = (c) => c.group ? `${c.resource}.${c.group}` : c.resource;
function missingByKind(missing) {
  const out = /* @__PURE__ */ new Map();
  for (const m of missing) {
    const key = gr(m);
    const e = out.get(key) ?? { kind: m.kind, resource: key, verbs: [] };
    e.verbs.push(m.verb);
    out.set(key, e);
  }
  return [...out.values()];
}
function rulesCover(have, need) {
  const grants = (g, r, v) => (have ?? []).some(
    (h) => (h.apiGroups.includes("*") || h.apiGroups.includes(g)) && (h.resources.includes("*") || h.resources.includes(r)) && (h.verbs.includes("*") || h.verbs.includes(v))
  );
  return need.every((n) => n.apiGroups.every((g) => n.resources.every((r) => n.verbs.every((v) => grants(g, r, v)))));
}
function templatesOfValues(values) {
  const obj = (v) => isObject(v) ? v : void 0;
  const root = obj(values);
  for (const base of [obj(root?.["flyte-core"]), root]) {
    const list = obj(obj(base)?.cluster_resource_manager)?.templates;
    if (Array.isArray(list)) {
      return list.flatMap((t) => {
        const o = obj(t);
        return o && typeof o.key === "string" && typeof o.value === "string" ? [{ key: o.key, value: o.value }] : [];
      });
    }
  }
  return void 0;
}

export {
  SERVICE_ACCOUNT,
  DEFAULT_TOKEN_SECRET,
  clusterRoleName,
  clusterRoleBindingName,
  FLYTEADMIN_RULES,
  FLYTE_CORE_TEMPLATES,
  neededAccess,
  minimalRules,
  accessChecks,
  DEFAULT_NEEDS,
  ACCESS_CHECKS,
  gr,
  missingByKind,
  rulesCover,
  templatesOfValues
};
