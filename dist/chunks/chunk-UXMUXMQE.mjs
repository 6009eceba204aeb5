#!/usr/bin/env node
import { createRequire as __flytemcCreateRequire } from 'node:module'; const require = __flytemcCreateRequire(import.meta.url);
import {
  EXIT,
  FlytemcError,
  error,
  redact
} from "./chunk-PXOMBRJH.mjs";

// plugin/flyteadmin/client.ts
var AdminError = class extends Error {
  constructor(failure, message, status) {
    super(message);
    this.failure = failure;
    this.status = status;
  }
};
var stringLiterals = (values) => ({
  literals: Object.fromEntries(Object.entries(values).map(([k, v]) => [k, { scalar: { primitive: { string_value: v } } }]))
});
var TERMINAL_PHASES = /* @__PURE__ */ new Set(["SUCCEEDED", "FAILED", "ABORTED", "TIMED_OUT"]);
var LABEL_RESOURCE = "EXECUTION_CLUSTER_LABEL";
var FlyteAdmin = class {
  constructor(opts) {
    this.opts = opts;
    this.url = opts.url.replace(/\/+$/, "");
  }
  url;
  token;
  /** Every project FlyteAdmin knows, with its domains, page after page. */
  async projects() {
    const all = await this.pages("/api/v1/projects", "projects", {});
    return all.map((p) => ({ id: p.id, domains: p.domains ?? [] }));
  }
  /** Registers an entity; one that exists already under the same id is fine (its id names its content). */
  async register(kind, body) {
    try {
      await this.call("POST", `/api/v1/${kind}`, body);
      return "created";
    } catch (e) {
      if (e instanceof AdminError && e.failure === "exists") return "exists";
      throw e;
    }
  }
  async createExecution(req) {
    const r = await this.call("POST", "/api/v1/executions", req);
    return r.id;
  }
  /** Every execution of a project and domain, oldest first, page after page (`filters` in FlyteAdmin's syntax, e.g. `eq(phase,RUNNING)`). */
  executions(project, domain, filters) {
    return this.pages(`/api/v1/executions/${path(project)}/${path(domain)}`, "executions", {
      "sort_by.key": "created_at",
      "sort_by.direction": "ASCENDING",
      ...filters ? { filters } : {}
    });
  }
  /** Aborts an execution: FlyteAdmin marks it ABORTING and deletes its workflow in the cluster that runs it (enabled or not); that cluster's flytepropeller then reports ABORTED. */
  async terminate(id, cause) {
    await this.call("DELETE", `/api/v1/executions/${path(id.project)}/${path(id.domain)}/${path(id.name)}`, { id, cause });
  }
  /** Every execution cluster label attribute FlyteAdmin holds (project, project-domain and workflow ones). */
  async executionLabels() {
    const r = await this.call("GET", `/api/v1/matchable_attributes?resource_type=${LABEL_RESOURCE}`);
    return (r.configurations ?? []).filter((c) => !c.launch_plan).map((c) => ({
      project: c.project,
      domain: c.domain ?? "",
      ...c.workflow ? { workflow: c.workflow } : {},
      label: c.attributes?.execution_cluster_label?.value ?? ""
    }));
  }
  /** Sets the execution cluster label of a project-domain or a workflow (FlyteAdmin refuses a project or domain it does not have). */
  async setExecutionLabel(a) {
    const matching_attributes = { execution_cluster_label: { value: a.label } };
    const t = { project: a.project, domain: a.domain, ...a.workflow ? { workflow: a.workflow } : {} };
    await this.call("PUT", attributesRoute(t), { attributes: { ...t, matching_attributes } });
  }
  /** Deletes the execution cluster label attribute at `t` (nothing there is fine). */
  async deleteExecutionLabel(t) {
    const body = {
      project: t.project,
      ...t.domain ? { domain: t.domain } : {},
      ...t.workflow ? { workflow: t.workflow } : {},
      resource_type: LABEL_RESOURCE
    };
    await this.call("DELETE", attributesRoute(t), body);
  }
  getExecution(id) {
    return this.call("GET", `/api/v1/executions/${path(id.project)}/${path(id.domain)}/${path(id.name)}`);
  }
  async nodeExecutions(id) {
    const r = await this.call(
      "GET",
      `/api/v1/node_executions/${path(id.project)}/${path(id.domain)}/${path(id.name)}?limit=100`
    );
    return r.node_executions ?? [];
  }
  /** A listing, page after page (FlyteAdmin's `token` is the offset of the next page; empty after the last). */
  async pages(route, key, query) {
    const out = [];
    let token = "";
    do {
      const q = new URLSearchParams({ limit: String(this.opts.pageSize ?? 500), ...query, ...token ? { token } : {} });
      const r = await this.call("GET", `${route}?${q}`);
      const items = Array.isArray(r[key]) ? r[key] : [];
      out.push(...items);
      token = items.length && typeof r.token === "string" ? r.token : "";
    } while (token);
    return out;
  }
  /** One request; a FlyteAdmin or network failure becomes an AdminError. */
  async call(method, route, body) {
    const headers = { accept: "application/json" };
    if (body !== void 0) headers["content-type"] = "application/json";
    if (this.opts.credentials) headers["flyte-authorization"] = `Bearer ${await this.accessToken()}`;
    const res = await this.fetch(`${this.url}${route}`, { method, headers, ...body === void 0 ? {} : { body: JSON.stringify(body) } });
    const text = await res.text();
    if (!res.ok) throw statusError(res.status, text, `${method} ${route}`, !!this.opts.credentials);
    return text ? JSON.parse(text) : {};
  }
  async fetch(url, init) {
    try {
      return await fetch(url, { ...init, signal: AbortSignal.timeout(this.opts.timeoutMs) });
    } catch (e) {
      const err = e;
      const why = err.name === "TimeoutError" ? `no answer within ${this.opts.timeoutMs / 1e3} s` : err.cause?.code ?? err.cause?.message ?? err.message;
      throw new AdminError("unreachable", `cannot reach FlyteAdmin at ${this.url}: ${why}`);
    }
  }
  /** An access token from FlyteAdmin's authorization server (client_credentials, HTTP Basic), kept until it nearly expires. */
  async accessToken() {
    if (this.token && Date.now() < this.token.until) return this.token.value;
    const c = this.opts.credentials;
    const meta = await this.fetch(`${this.url}/.well-known/oauth-authorization-server`, { headers: { accept: "application/json" } });
    const doc = meta.ok ? await meta.json() : {};
    if (!doc.token_endpoint)
      throw new AdminError("unauthenticated", `FlyteAdmin at ${this.url} publishes no token endpoint (/.well-known/oauth-authorization-server)`);
    const basic = Buffer.from(`${encodeURIComponent(c.clientId)}:${encodeURIComponent(c.clientSecret)}`).toString("base64");
    const res = await this.fetch(doc.token_endpoint, {
      method: "POST",
      headers: { authorization: `Basic ${basic}`, "content-type": "application/x-www-form-urlencoded", accept: "application/json" },
      body: new URLSearchParams({ grant_type: "client_credentials", scope: c.scope ?? "all" }).toString()
    });
    const tok = await res.json().catch(() => ({}));
    if (!res.ok || !tok.access_token)
      throw new AdminError(
        "unauthenticated",
        `the token endpoint refused client ${JSON.stringify(c.clientId)} (HTTP ${res.status}${tok.error ? `, ${tok.error}` : ""})`,
        res.status
      );
    this.token = { value: tok.access_token, until: Date.now() + Math.max(0, (tok.expires_in ?? 300) - 30) * 1e3 };
    return this.token.value;
  }
};
var path = encodeURIComponent;
function attributesRoute(t) {
  if (!t.domain) return `/api/v1/project_attributes/${path(t.project)}`;
  if (!t.workflow) return `/api/v1/project_domain_attributes/${path(t.project)}/${path(t.domain)}`;
  return `/api/v1/workflow_attributes/${path(t.project)}/${path(t.domain)}/${path(t.workflow)}`;
}
function statusError(status, body, what, withCredentials) {
  let message = body.trim().slice(0, 500);
  try {
    const parsed = JSON.parse(body);
    message = parsed.message ?? parsed.error ?? message;
  } catch {
  }
  message = redact(message);
  if (status === 401)
    return new AdminError(
      "unauthenticated",
      withCredentials ? `FlyteAdmin refused the access token (${what})` : "FlyteAdmin has auth on and no credentials were given",
      status
    );
  if (status === 404) return new AdminError("not-found", message || `${what}: not found`, status);
  if (status === 409) return new AdminError("exists", message, status);
  if (status === 400) return new AdminError("invalid", message, status);
  return new AdminError("server", `${what}: HTTP ${status}${message ? `: ${message}` : ""}`, status);
}
function adminProblem(e, where) {
  const fix = {
    unreachable: "check --admin: FlyteAdmin's HTTP endpoint (flyte-core serves it on port 8088, or through its Ingress at https://HOST), e.g. --admin http://localhost:8088 after kubectl -n flyte port-forward svc/flyteadmin 8088:80",
    unauthenticated: "pass the client credentials of a FlyteAdmin client allowed the client_credentials grant: --client-id ID --client-secret-file FILE (the file holds only the secret)",
    "not-found": "check the name",
    exists: "nothing to do",
    invalid: "this is a bug in flytemc if the request came from flytemc itself; report it with --debug",
    server: "look at FlyteAdmin's log"
  };
  return error({ code: `admin.${e.failure}`, subject: where }, e.message, fix[e.failure]);
}
function failWith(e, where) {
  if (e instanceof AdminError) throw new FlytemcError([adminProblem(e, where)], EXIT.failed);
  throw e;
}

export {
  AdminError,
  stringLiterals,
  TERMINAL_PHASES,
  FlyteAdmin,
  adminProblem,
  failWith
};
