// FlyteAdmin's HTTP/JSON API (/api/v1): fetch with a timeout that cancels, OAuth2 client credentials when auth is on.
import { error, FlytemcError, EXIT, type Problem } from '../problems/problems.ts';
import { redact } from '../problems/mask.ts';

interface AdminOptions {
  /** `http://HOST:PORT` or `https://HOST[:PORT]`: FlyteAdmin's HTTP port (8088 as flyte-core renders it). */
  url: string;
  timeoutMs: number;
  /** Client credentials, when FlyteAdmin has auth on. */
  credentials?: { clientId: string; clientSecret: string; scope?: string };
  /** Items per page of a listing (default 500; tests page through small ones). */
  pageSize?: number;
}

/** Why a call failed, for the caller to say what to do. */
type AdminFailure = 'unreachable' | 'unauthenticated' | 'not-found' | 'exists' | 'invalid' | 'server';

export class AdminError extends Error {
  constructor(
    readonly failure: AdminFailure,
    message: string,
    readonly status?: number,
  ) {
    super(message);
  }
}

export interface Identifier {
  resource_type?: 'TASK' | 'WORKFLOW' | 'LAUNCH_PLAN';
  project: string;
  domain: string;
  name: string;
  version?: string;
}

export interface ExecutionId {
  project: string;
  domain: string;
  name: string;
}

interface ExecutionError {
  code?: string;
  message?: string;
  kind?: string;
}

export interface Execution {
  id: ExecutionId;
  spec: {
    launch_plan?: Identifier;
    execution_cluster_label?: { value?: string } | null;
    metadata?: { system_metadata?: { execution_cluster?: string; namespace?: string } | null; mode?: string };
  };
  closure: {
    phase: string;
    error?: ExecutionError | null;
    created_at?: string;
    started_at?: string | null;
    updated_at?: string;
  };
}

interface NodeExecution {
  id: { node_id: string };
  closure: { phase: string; task_node_metadata?: { cache_status?: string } | null; error?: ExecutionError | null };
}

/** A literal map of strings: FlyteAdmin's inputs for the tasks flytemc launches. */
export const stringLiterals = (values: Record<string, string>) => ({
  literals: Object.fromEntries(Object.entries(values).map(([k, v]) => [k, { scalar: { primitive: { string_value: v } } }])),
});

/** The phases after which an execution changes no more. */
export const TERMINAL_PHASES: ReadonlySet<string> = new Set(['SUCCEEDED', 'FAILED', 'ABORTED', 'TIMED_OUT']);

/** Where a matchable attribute applies: a project, a project and domain, or a workflow of them. */
export interface AttributeTarget {
  project: string;
  /** Empty for a project-wide attribute. */
  domain: string;
  workflow?: string;
}

/** One execution cluster label attribute (resource type EXECUTION_CLUSTER_LABEL). */
export interface LabelAttribute extends AttributeTarget {
  label: string;
}

const LABEL_RESOURCE = 'EXECUTION_CLUSTER_LABEL';

export class FlyteAdmin {
  readonly url: string;
  private token: { value: string; until: number } | undefined;

  constructor(private readonly opts: AdminOptions) {
    this.url = opts.url.replace(/\/+$/, '');
  }

  /** Every project FlyteAdmin knows, with its domains, page after page. */
  async projects(): Promise<Array<{ id: string; domains: Array<{ id: string }> }>> {
    const all = await this.pages<{ id: string; domains?: Array<{ id: string }> }>('/api/v1/projects', 'projects', {});
    return all.map((p) => ({ id: p.id, domains: p.domains ?? [] }));
  }

  /** Registers an entity; one that exists already under the same id is fine (its id names its content). */
  async register(kind: 'tasks' | 'workflows' | 'launch_plans', body: { id: Identifier; spec: unknown }): Promise<'created' | 'exists'> {
    try {
      await this.call('POST', `/api/v1/${kind}`, body);
      return 'created';
    } catch (e) {
      if (e instanceof AdminError && e.failure === 'exists') return 'exists';
      throw e;
    }
  }

  async createExecution(req: { project: string; domain: string; name: string; spec: unknown; inputs: unknown }): Promise<ExecutionId> {
    const r = await this.call<{ id: ExecutionId }>('POST', '/api/v1/executions', req);
    return r.id;
  }

  /** Every execution of a project and domain, oldest first, page after page (`filters` in FlyteAdmin's syntax, e.g. `eq(phase,RUNNING)`). */
  executions(project: string, domain: string, filters?: string): Promise<Execution[]> {
    return this.pages<Execution>(`/api/v1/executions/${path(project)}/${path(domain)}`, 'executions', {
      'sort_by.key': 'created_at',
      'sort_by.direction': 'ASCENDING',
      ...(filters ? { filters } : {}),
    });
  }

  /** Aborts an execution: FlyteAdmin marks it ABORTING and deletes its workflow in the cluster that runs it (enabled or not); that cluster's flytepropeller then reports ABORTED. */
  async terminate(id: ExecutionId, cause: string): Promise<void> {
    await this.call('DELETE', `/api/v1/executions/${path(id.project)}/${path(id.domain)}/${path(id.name)}`, { id, cause });
  }

  /** Every execution cluster label attribute FlyteAdmin holds (project, project-domain and workflow ones). */
  async executionLabels(): Promise<LabelAttribute[]> {
    const r = await this.call<{
      configurations?: Array<{
        project: string;
        domain?: string;
        workflow?: string;
        launch_plan?: string;
        attributes?: { execution_cluster_label?: { value?: string } };
      }>;
    }>('GET', `/api/v1/matchable_attributes?resource_type=${LABEL_RESOURCE}`);
    return (r.configurations ?? [])
      .filter((c) => !c.launch_plan)
      .map((c) => ({
        project: c.project,
        domain: c.domain ?? '',
        ...(c.workflow ? { workflow: c.workflow } : {}),
        label: c.attributes?.execution_cluster_label?.value ?? '',
      }));
  }

  /** Sets the execution cluster label of a project-domain or a workflow (FlyteAdmin refuses a project or domain it does not have). */
  async setExecutionLabel(a: LabelAttribute): Promise<void> {
    const matching_attributes = { execution_cluster_label: { value: a.label } };
    const t = { project: a.project, domain: a.domain, ...(a.workflow ? { workflow: a.workflow } : {}) };
    await this.call('PUT', attributesRoute(t), { attributes: { ...t, matching_attributes } });
  }

  /** Deletes the execution cluster label attribute at `t` (nothing there is fine). */
  async deleteExecutionLabel(t: AttributeTarget): Promise<void> {
    const body = {
      project: t.project,
      ...(t.domain ? { domain: t.domain } : {}),
      ...(t.workflow ? { workflow: t.workflow } : {}),
      resource_type: LABEL_RESOURCE,
    };
    await this.call('DELETE', attributesRoute(t), body);
  }

  getExecution(id: ExecutionId): Promise<Execution> {
    return this.call<Execution>('GET', `/api/v1/executions/${path(id.project)}/${path(id.domain)}/${path(id.name)}`);
  }

  async nodeExecutions(id: ExecutionId): Promise<NodeExecution[]> {
    const r = await this.call<{ node_executions?: NodeExecution[] }>(
      'GET',
      `/api/v1/node_executions/${path(id.project)}/${path(id.domain)}/${path(id.name)}?limit=100`,
    );
    return r.node_executions ?? [];
  }

  /** A listing, page after page (FlyteAdmin's `token` is the offset of the next page; empty after the last). */
  private async pages<T>(route: string, key: string, query: Record<string, string>): Promise<T[]> {
    const out: T[] = [];
    let token = '';
    do {
      const q = new URLSearchParams({ limit: String(this.opts.pageSize ?? 500), ...query, ...(token ? { token } : {}) });
      const r = await this.call<Record<string, unknown>>('GET', `${route}?${q}`);
      const items = Array.isArray(r[key]) ? (r[key] as T[]) : [];
      out.push(...items);
      token = items.length && typeof r.token === 'string' ? r.token : '';
    } while (token);
    return out;
  }

  /** One request; a FlyteAdmin or network failure becomes an AdminError. */
  async call<T = unknown>(method: 'GET' | 'POST' | 'PUT' | 'DELETE', route: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (this.opts.credentials) headers['flyte-authorization'] = `Bearer ${await this.accessToken()}`;
    const res = await this.fetch(`${this.url}${route}`, { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
    const text = await res.text();
    if (!res.ok) throw statusError(res.status, text, `${method} ${route}`, !!this.opts.credentials);
    return (text ? JSON.parse(text) : {}) as T;
  }

  private async fetch(url: string, init: RequestInit): Promise<Response> {
    try {
      return await fetch(url, { ...init, signal: AbortSignal.timeout(this.opts.timeoutMs) });
    } catch (e) {
      const err = e as Error & { cause?: { code?: string; message?: string } };
      const why = err.name === 'TimeoutError' ? `no answer within ${this.opts.timeoutMs / 1000} s` : (err.cause?.code ?? err.cause?.message ?? err.message);
      throw new AdminError('unreachable', `cannot reach FlyteAdmin at ${this.url}: ${why}`);
    }
  }

  /** An access token from FlyteAdmin's authorization server (client_credentials, HTTP Basic), kept until it nearly expires. */
  private async accessToken(): Promise<string> {
    if (this.token && Date.now() < this.token.until) return this.token.value;
    const c = this.opts.credentials!;
    const meta = await this.fetch(`${this.url}/.well-known/oauth-authorization-server`, { headers: { accept: 'application/json' } });
    const doc = meta.ok ? ((await meta.json()) as { token_endpoint?: string }) : {};
    if (!doc.token_endpoint)
      throw new AdminError('unauthenticated', `FlyteAdmin at ${this.url} publishes no token endpoint (/.well-known/oauth-authorization-server)`);
    const basic = Buffer.from(`${encodeURIComponent(c.clientId)}:${encodeURIComponent(c.clientSecret)}`).toString('base64');
    const res = await this.fetch(doc.token_endpoint, {
      method: 'POST',
      headers: { authorization: `Basic ${basic}`, 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: new URLSearchParams({ grant_type: 'client_credentials', scope: c.scope ?? 'all' }).toString(),
    });
    const tok = (await res.json().catch(() => ({}))) as { access_token?: string; expires_in?: number; error?: string };
    if (!res.ok || !tok.access_token)
      throw new AdminError(
        'unauthenticated',
        `the token endpoint refused client ${JSON.stringify(c.clientId)} (HTTP ${res.status}${tok.error ? `, ${tok.error}` : ''})`,
        res.status,
      );
    this.token = { value: tok.access_token, until: Date.now() + Math.max(0, (tok.expires_in ?? 300) - 30) * 1000 };
    return this.token.value;
  }
}

const path = encodeURIComponent;

/** The AdminService route of the attributes at `t`: project, project-domain or workflow attributes. */
function attributesRoute(t: AttributeTarget): string {
  if (!t.domain) return `/api/v1/project_attributes/${path(t.project)}`;
  if (!t.workflow) return `/api/v1/project_domain_attributes/${path(t.project)}/${path(t.domain)}`;
  return `/api/v1/workflow_attributes/${path(t.project)}/${path(t.domain)}/${path(t.workflow)}`;
}

function statusError(status: number, body: string, what: string, withCredentials: boolean): AdminError {
  let message = body.trim().slice(0, 500);
  try {
    const parsed = JSON.parse(body) as { message?: string; error?: string };
    message = parsed.message ?? parsed.error ?? message;
  } catch {
    /* not JSON: the text as it came */
  }
  // FlyteAdmin's answer may quote what it was sent: masked where it enters a message
  message = redact(message);
  if (status === 401)
    return new AdminError(
      'unauthenticated',
      withCredentials ? `FlyteAdmin refused the access token (${what})` : 'FlyteAdmin has auth on and no credentials were given',
      status,
    );
  if (status === 404) return new AdminError('not-found', message || `${what}: not found`, status);
  if (status === 409) return new AdminError('exists', message, status);
  if (status === 400) return new AdminError('invalid', message, status);
  return new AdminError('server', `${what}: HTTP ${status}${message ? `: ${message}` : ''}`, status);
}

/** An AdminError as a problem of `where`, with the fix for its kind. */
export function adminProblem(e: AdminError, where: string): Problem {
  const fix: Record<AdminFailure, string> = {
    unreachable:
      "check --admin: FlyteAdmin's HTTP endpoint (flyte-core serves it on port 8088, or through its Ingress at https://HOST), e.g. --admin http://localhost:8088 after kubectl -n flyte port-forward svc/flyteadmin 8088:80",
    unauthenticated:
      'pass the client credentials of a FlyteAdmin client allowed the client_credentials grant: --client-id ID --client-secret-file FILE (the file holds only the secret)',
    'not-found': 'check the name',
    exists: 'nothing to do',
    invalid: 'this is a bug in flytemc if the request came from flytemc itself; report it with --debug',
    server: "look at FlyteAdmin's log",
  };
  return error({ code: `admin.${e.failure}`, subject: where }, e.message, fix[e.failure]);
}

/** Throws a FlytemcError for an AdminError (exit 3: the live install did not answer as it should), rethrows anything else. */
export function failWith(e: unknown, where: string): never {
  if (e instanceof AdminError) throw new FlytemcError([adminProblem(e, where)], EXIT.failed);
  throw e;
}
