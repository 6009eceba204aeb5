// A fake of flytemc's own `Kube` interface (plugin/cluster/kube.ts) for unit tests that drive the
// day-2 steps through every ordering and every failure point: in-memory clusters holding the
// objects join, unjoin, rotate and check read and write, with the API server's rules that matter
// to them (resourceVersion conflicts on replace, AlreadyExists, NotFound), a token controller that
// fills a token Secret at once, legacy tokens valid exactly while their Secret and ServiceAccount
// exist, and Deployments whose generation a template change bumps. Never an HTTP fake: whole
// commands run against real API servers (test/harness).
//
//   const world = new World();
//   const hub = world.cluster('cp'); const dp = world.cluster('dp1');
//   world.beforeCall = async (n, what) => { ... };   // another writer, a rollout, between two calls
//   world.failAt = { call: 7, after: false };        // the 8th API call fails (after: its write lands first)
//   const session = world.session(hub, { namespace: 'flyte' });
import type {
  V1ClusterRole,
  V1ClusterRoleBinding,
  V1ConfigMap,
  V1Deployment,
  V1Ingress,
  V1Lease,
  V1Pod,
  V1Secret,
  V1ServiceAccount,
} from '@kubernetes/client-node';
import { toProblem, type Kube } from '../../plugin/cluster/kube.ts';
import { Plan } from '../../plugin/cluster/plan.ts';
import { Progress, type ClusterSession, type Reach } from '../../plugin/cluster/session.ts';

const apiError = (code: number, message = `HTTP ${code}`) => Object.assign(new Error(message), { code, body: JSON.stringify({ message }) });
const key = (ns: string | undefined, name: string) => `${ns ?? ''}/${name}`;
const TOKEN_TYPE = 'kubernetes.io/service-account-token';
const CA = '-----BEGIN CERTIFICATE-----\nfake\n-----END CERTIFICATE-----\n';

type Obj = {
  metadata?: {
    name?: string;
    namespace?: string;
    resourceVersion?: string;
    generation?: number;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
  };
};

/** One kind's objects in one cluster, with the API server's resourceVersion rule. */
class Store<T extends Obj> {
  readonly items = new Map<string, T>();
  constructor(private readonly c: FakeCluster) {}
  get(ns: string | undefined, name: string): T {
    const o = this.items.get(key(ns, name));
    if (!o) throw apiError(404, `"${name}" not found`);
    return structuredClone(o);
  }
  has(ns: string | undefined, name: string): boolean {
    return this.items.has(key(ns, name));
  }
  create(ns: string | undefined, body: T): T {
    const name = body.metadata!.name!;
    if (this.items.has(key(ns, name))) throw apiError(409, `"${name}" already exists`);
    const o = structuredClone(body);
    o.metadata = { ...o.metadata, ...(ns ? { namespace: ns } : {}), resourceVersion: this.c.nextRv(), generation: 1 };
    this.items.set(key(ns, name), o);
    return structuredClone(o);
  }
  replace(ns: string | undefined, name: string, body: T): T {
    const cur = this.items.get(key(ns, name));
    if (!cur) throw apiError(404, `"${name}" not found`);
    if (body.metadata?.resourceVersion && body.metadata.resourceVersion !== cur.metadata?.resourceVersion) throw apiError(409, 'the object has been modified');
    const o = structuredClone(body);
    o.metadata = { ...o.metadata, ...(ns ? { namespace: ns } : {}), resourceVersion: this.c.nextRv(), generation: cur.metadata?.generation ?? 1 };
    this.items.set(key(ns, name), o);
    return structuredClone(o);
  }
  /** A change by the world (a controller, another tool), bypassing the rules. */
  put(ns: string | undefined, o: T): void {
    const cur = this.items.get(key(ns, o.metadata!.name!));
    const copy = structuredClone(o);
    copy.metadata = {
      ...copy.metadata,
      ...(ns ? { namespace: ns } : {}),
      resourceVersion: this.c.nextRv(),
      generation: copy.metadata?.generation ?? cur?.metadata?.generation ?? 1,
    };
    this.items.set(key(ns, o.metadata!.name!), copy);
  }
  delete(ns: string | undefined, name: string): void {
    if (!this.items.delete(key(ns, name))) throw apiError(404, `"${name}" not found`);
  }
  list(ns: string | undefined): T[] {
    return [...this.items.values()].filter((o) => ns === undefined || o.metadata?.namespace === ns).map((o) => structuredClone(o));
  }
}

const matchLabels = (o: Obj, selector: string | undefined) =>
  !selector ||
  selector.split(',').every((term) => {
    const [k, v] = term.split('=');
    return o.metadata?.labels?.[k!] === v;
  });

/** One cluster: what its API server holds, and a `Kube` for it. */
export class FakeCluster {
  readonly namespaces = new Set<string>(['default', 'kube-system']);
  readonly uid: string;
  readonly secrets: Store<V1Secret>;
  readonly serviceAccounts: Store<V1ServiceAccount>;
  readonly configMaps: Store<V1ConfigMap>;
  readonly clusterRoles: Store<V1ClusterRole>;
  readonly bindings: Store<V1ClusterRoleBinding>;
  readonly deployments: Store<V1Deployment>;
  readonly leases: Store<V1Lease>;
  readonly ingresses: Store<V1Ingress>;
  /** Pod objects as a kubelet reports them (their status), and their containers' logs by `pod/container`. */
  readonly podObjects: Store<V1Pod>;
  readonly logs = new Map<string, string>();
  /**
   * Per Deployment, what its running pods read at start-up, when its last rollout finished: the
   * credentials Secret's data, and the clusters the deployed ConfigMaps listed (a pod's mounted
   * ConfigMap lags; a container that restarts reads the token files of those clusters again).
   */
  readonly pods = new Map<string, { credentials: Record<string, string>; clusters: string[] }>();
  readonly kube: Kube;
  private rv = 0;
  private tokens = 0;
  constructor(
    readonly world: World,
    readonly context: string,
  ) {
    this.uid = `uid-${context}`;
    this.secrets = new Store(this);
    this.serviceAccounts = new Store(this);
    this.configMaps = new Store(this);
    this.clusterRoles = new Store(this);
    this.bindings = new Store(this);
    this.deployments = new Store(this);
    this.leases = new Store(this);
    this.ingresses = new Store(this);
    this.podObjects = new Store(this);
    this.kube = this.makeKube();
  }
  get server(): string {
    return `https://${this.context}.example:6443`;
  }
  nextRv(): string {
    return String(++this.rv);
  }

  /** The token controller: fills a token Secret of an existing ServiceAccount (a real one takes ms to s). */
  private fillTokens(): void {
    for (const s of this.secrets.items.values()) {
      const sa = s.metadata?.annotations?.['kubernetes.io/service-account.name'];
      if (s.type !== TOKEN_TYPE || !sa || s.data?.token) continue;
      if (!this.serviceAccounts.has(s.metadata?.namespace, sa)) continue;
      s.data = { token: Buffer.from(`tok-${this.context}-${++this.tokens}`).toString('base64'), 'ca.crt': Buffer.from(CA).toString('base64') };
    }
  }

  /** Whether the API server accepts a legacy token: a token Secret holds it and its ServiceAccount exists. */
  accepts(token: string | undefined): boolean {
    if (!token) return false;
    for (const s of this.secrets.items.values()) {
      if (s.type !== TOKEN_TYPE || !s.data?.token) continue;
      if (Buffer.from(s.data.token, 'base64').toString('utf8') !== token) continue;
      return this.serviceAccounts.has(s.metadata?.namespace, s.metadata?.annotations?.['kubernetes.io/service-account.name'] ?? '');
    }
    return false;
  }

  /** A token Secret's token, decoded. */
  tokenOf(ns: string, name: string): string | undefined {
    const t = this.secrets.items.get(key(ns, name))?.data?.token;
    return t ? Buffer.from(t, 'base64').toString('utf8') : undefined;
  }

  /** The credentials Secret's data, decoded (what a pod of FlyteAdmin starting now reads). */
  credentials(ns = 'flyte', name = 'cluster-credentials'): Record<string, string> {
    const data = this.secrets.items.get(key(ns, name))?.data ?? {};
    return Object.fromEntries(Object.entries(data).map(([k, v]) => [k, Buffer.from(v, 'base64').toString('utf8')]));
  }

  /** A Deployment as `helm install` leaves it, rolled out: its pods read the credentials now. */
  addDeployment(ns: string, name: string): void {
    this.namespaces.add(ns);
    this.deployments.put(ns, {
      metadata: { name, namespace: ns, generation: 1 },
      spec: { replicas: 1, selector: {}, template: { metadata: { annotations: { configChecksum: 'a' } }, spec: { containers: [] } } },
      status: { observedGeneration: 1, replicas: 1, updatedReplicas: 1, availableReplicas: 1 },
    } as V1Deployment);
    this.pods.set(key(ns, name), this.started(ns));
  }

  /** What a pod of FlyteAdmin starting now reads. */
  private started(ns: string | undefined): { credentials: Record<string, string>; clusters: string[] } {
    return { credentials: this.credentials(ns), clusters: this.listed(ns) };
  }

  /** The clusters the deployed ConfigMaps (each with clusters.yaml) list. */
  listed(ns = 'flyte'): string[] {
    const names = new Set<string>();
    for (const cm of this.configMaps.list(ns)) for (const m of (cm.data?.['clusters.yaml'] ?? '').matchAll(/name: (\S+)/g)) names.add(m[1]!);
    return [...names];
  }

  /** The Deployment controller and the kubelet: every rollout in progress finishes; the new pods read the credentials as they are now. */
  finishRollouts(): void {
    for (const d of this.deployments.items.values()) {
      const g = d.metadata!.generation!;
      if ((d.status?.observedGeneration ?? 0) >= g) continue;
      d.status = { observedGeneration: g, replicas: 1, updatedReplicas: 1, availableReplicas: 1 };
      this.pods.set(key(d.metadata!.namespace, d.metadata!.name!), this.started(d.metadata!.namespace));
    }
  }

  /** The Deployments whose rollout is still going. */
  rolling(ns: string): string[] {
    return [...this.deployments.items.values()]
      .filter((d) => d.metadata?.namespace === ns && (d.status?.observedGeneration ?? 0) < (d.metadata?.generation ?? 0))
      .map((d) => d.metadata!.name!);
  }

  /** A token Secret of ServiceAccount flyteadmin, filled, as the chart leaves it (also the ServiceAccount). */
  addTokenSecret(ns: string, name: string, labels: Record<string, string> = {}): string {
    this.namespaces.add(ns);
    if (!this.serviceAccounts.has(ns, 'flyteadmin')) this.serviceAccounts.put(ns, { metadata: { name: 'flyteadmin', namespace: ns } });
    this.secrets.put(ns, { metadata: { name, namespace: ns, labels, annotations: { 'kubernetes.io/service-account.name': 'flyteadmin' } }, type: TOKEN_TYPE });
    this.fillTokens();
    return this.tokenOf(ns, name)!;
  }

  /**
   * The same cluster through another process's connection (`cp@other`): a concurrent command. (One
   * process's edits of the hub Secret take turns; another process's only meet them at the API server.)
   */
  kubeAs(actor: string): Kube {
    return this.makeKube(`${this.context}@${actor}`);
  }

  private makeKube(label = this.context): Kube {
    const w = this.world;
    const op =
      <A extends unknown[], R>(what: string, write: boolean, fn: (...a: A) => R) =>
      async (...a: A): Promise<R> => {
        await w.enter(`${this.context} ${what}`, write);
        const fail = w.failing();
        if (fail && !fail.after) throw w.failure(`${this.context} ${what}`);
        const r = fn(...a);
        this.fillTokens();
        if (fail) throw w.failure(`${this.context} ${what} (after its write)`);
        w.afterCall();
        return r;
      };
    type P = Record<string, any>;
    const core = {
      readNamespace: op('readNamespace', false, ({ name }: P) => {
        if (!this.namespaces.has(name)) throw apiError(404);
        return { metadata: { name, uid: name === 'kube-system' ? this.uid : `${this.uid}-${name}` } };
      }),
      createNamespace: op('createNamespace', true, ({ body }: P) => {
        if (this.namespaces.has(body.metadata.name)) throw apiError(409);
        this.namespaces.add(body.metadata.name);
      }),
      readNamespacedSecret: op('readNamespacedSecret', false, ({ name, namespace }: P) => this.secrets.get(namespace, name)),
      createNamespacedSecret: op('createNamespacedSecret', true, ({ namespace, body }: P) => {
        if (!this.namespaces.has(namespace)) throw apiError(404, `namespaces "${namespace}" not found`);
        return this.secrets.create(namespace, body);
      }),
      replaceNamespacedSecret: op('replaceNamespacedSecret', true, ({ name, namespace, body }: P) => this.secrets.replace(namespace, name, body)),
      deleteNamespacedSecret: op('deleteNamespacedSecret', true, ({ name, namespace }: P) => this.secrets.delete(namespace, name)),
      listNamespacedSecret: op('listNamespacedSecret', false, ({ namespace, fieldSelector, labelSelector }: P) => ({
        items: this.secrets
          .list(namespace)
          .filter((s) => (fieldSelector ? s.type === fieldSelector.replace('type=', '') : true) && matchLabels(s, labelSelector)),
      })),
      listSecretForAllNamespaces: op('listSecretForAllNamespaces', false, ({ fieldSelector }: P) => ({
        items: this.secrets.list(undefined).filter((s) => !fieldSelector || s.metadata?.name === fieldSelector.replace('metadata.name=', '')),
      })),
      readNamespacedServiceAccount: op('readNamespacedServiceAccount', false, ({ name, namespace }: P) => this.serviceAccounts.get(namespace, name)),
      createNamespacedServiceAccount: op('createNamespacedServiceAccount', true, ({ namespace, body }: P) => this.serviceAccounts.create(namespace, body)),
      deleteNamespacedServiceAccount: op('deleteNamespacedServiceAccount', true, ({ name, namespace }: P) => this.serviceAccounts.delete(namespace, name)),
      readNamespacedConfigMap: op('readNamespacedConfigMap', false, ({ name, namespace }: P) => this.configMaps.get(namespace, name)),
      createNamespacedConfigMap: op('createNamespacedConfigMap', true, ({ namespace, body }: P) => this.configMaps.create(namespace, body)),
      replaceNamespacedConfigMap: op('replaceNamespacedConfigMap', true, ({ name, namespace, body }: P) => this.configMaps.replace(namespace, name, body)),
      listNamespacedConfigMap: op('listNamespacedConfigMap', false, ({ namespace, labelSelector }: P) => ({
        items: this.configMaps.list(namespace).filter((o) => matchLabels(o, labelSelector)),
      })),
      listConfigMapForAllNamespaces: op('listConfigMapForAllNamespaces', false, ({ fieldSelector }: P) => ({
        items: this.configMaps.list(undefined).filter((o) => !fieldSelector || o.metadata?.name === fieldSelector.replace('metadata.name=', '')),
      })),
      readNamespacedService: op('readNamespacedService', false, () => {
        throw apiError(404);
      }),
      listNamespacedPod: op('listNamespacedPod', false, ({ namespace, labelSelector }: P) => ({
        items: this.podObjects.list(namespace).filter((o) => matchLabels(o, labelSelector)),
      })),
      readNamespacedPodLog: op('readNamespacedPodLog', false, ({ name, container }: P) => {
        const log = this.logs.get(`${name}/${container}`);
        if (log === undefined) throw apiError(400, `container "${container}" in pod "${name}" is waiting to start`);
        return log;
      }),
    };
    const rbac = {
      readClusterRole: op('readClusterRole', false, ({ name }: P) => this.clusterRoles.get(undefined, name)),
      createClusterRole: op('createClusterRole', true, ({ body }: P) => this.clusterRoles.create(undefined, body)),
      replaceClusterRole: op('replaceClusterRole', true, ({ name, body }: P) => this.clusterRoles.replace(undefined, name, body)),
      deleteClusterRole: op('deleteClusterRole', true, ({ name }: P) => this.clusterRoles.delete(undefined, name)),
      readClusterRoleBinding: op('readClusterRoleBinding', false, ({ name }: P) => this.bindings.get(undefined, name)),
      createClusterRoleBinding: op('createClusterRoleBinding', true, ({ body }: P) => this.bindings.create(undefined, body)),
      replaceClusterRoleBinding: op('replaceClusterRoleBinding', true, ({ name, body }: P) => this.bindings.replace(undefined, name, body)),
      deleteClusterRoleBinding: op('deleteClusterRoleBinding', true, ({ name }: P) => this.bindings.delete(undefined, name)),
    };
    const apps = {
      readNamespacedDeployment: op('readNamespacedDeployment', false, ({ name, namespace }: P) => this.deployments.get(namespace, name)),
      listDeploymentForAllNamespaces: op('listDeploymentForAllNamespaces', false, ({ fieldSelector }: P) => ({
        items: this.deployments.list(undefined).filter((d) => !fieldSelector || d.metadata?.name === fieldSelector.replace('metadata.name=', '')),
      })),
      // the JSON patch `rollout restart` sends: a pod-template annotation, which bumps the generation
      patchNamespacedDeployment: op('patchNamespacedDeployment', true, ({ name, namespace, body }: P) => {
        const d = this.deployments.get(namespace, name);
        const t = (d.spec!.template.metadata ??= {});
        for (const p of body as Array<{ path: string; value: unknown }>) {
          if (p.path === '/spec/template/metadata/annotations') t.annotations = p.value as Record<string, string>;
          else t.annotations = { ...t.annotations, [p.path.split('/').pop()!.replace('~1', '/')]: p.value as string };
        }
        d.metadata!.generation = (d.metadata!.generation ?? 1) + 1;
        this.deployments.put(namespace, d);
      }),
    };
    const coordination = {
      readNamespacedLease: op('readNamespacedLease', false, ({ name, namespace }: P) => this.leases.get(namespace, name)),
    };
    const networking = {
      listNamespacedIngress: op('listNamespacedIngress', false, ({ namespace }: P) => ({ items: this.ingresses.list(namespace) })),
    };
    // RBAC as the authorizer judges it, for the ClusterRoleBindings held here: a subject of the user (or a group of it) bound to a ClusterRole whose rules cover the request
    const authz = {
      createSubjectAccessReview: op('createSubjectAccessReview', false, ({ body }: P) => {
        const { user, groups = [], resourceAttributes: a } = body.spec;
        const sa = /^system:serviceaccount:([^:]+):([^:]+)$/.exec(user);
        const isMe = (s: { kind: string; name: string; namespace?: string }) =>
          (s.kind === 'User' && s.name === user) ||
          (s.kind === 'Group' && groups.includes(s.name)) ||
          (sa && s.kind === 'ServiceAccount' && s.name === sa[2] && s.namespace === sa[1]);
        const allowed = this.bindings.list(undefined).some((b) => {
          const binding = b as V1ClusterRoleBinding;
          if (!(binding.subjects ?? []).some((s) => isMe(s as { kind: string; name: string; namespace?: string }))) return false;
          if (!this.clusterRoles.has(undefined, binding.roleRef.name)) return false;
          const role = this.clusterRoles.get(undefined, binding.roleRef.name) as V1ClusterRole;
          return (role.rules ?? []).some(
            (r) =>
              (r.apiGroups ?? []).some((g) => g === '*' || g === a.group) &&
              (r.resources ?? []).some((x) => x === '*' || x === a.resource) &&
              r.verbs.some((v) => v === '*' || v === a.verb),
          );
        });
        return { status: { allowed } };
      }),
    };
    const info = { context: label, server: this.server, userKind: 'client certificate' };
    const kube = {
      ...info,
      caPem: CA,
      tlsVerified: true,
      timeoutMs: 1000,
      core,
      rbac,
      apps,
      coordination,
      networking,
      authz,
      call: async (doing: string, fn: () => Promise<unknown>) => {
        try {
          return await fn();
        } catch (e) {
          throw toProblem(info, doing, e);
        }
      },
    };
    return kube as unknown as Kube;
  }
}

/** Every cluster of a test, the API calls across them (counted), and the points where a test steps in. */
export class World {
  readonly clusters = new Map<string, FakeCluster>();
  /** Every API call so far: `cp replaceNamespacedSecret`, … */
  readonly calls: string[] = [];
  /** Runs before each call (awaited): another writer, a controller, between two calls of the code under test. */
  beforeCall?: (n: number, what: string) => void | Promise<void>;
  /** Runs after each call that succeeded: where a test checks what must hold at every step. */
  afterEach?: (n: number, what: string) => void;
  /** The call (0-based) that fails with HTTP 500; `after`: its write lands, the answer is lost. */
  failAt?: { call: number; after: boolean };
  private inHook = false;
  private current = -1;

  cluster(context: string): FakeCluster {
    let c = this.clusters.get(context);
    if (!c) this.clusters.set(context, (c = new FakeCluster(this, context)));
    return c;
  }
  byServer(server: string): FakeCluster | undefined {
    return [...this.clusters.values()].find((c) => c.server === server);
  }

  /** The Deployment controller works from this many counted calls on (Infinity: never; a rollout then never finishes). */
  controllerFrom = 0;

  async enter(what: string, _write: boolean): Promise<void> {
    if (this.calls.length >= this.controllerFrom) for (const c of this.clusters.values()) c.finishRollouts();
    if (this.inHook) return; // what a hook does is another actor's, not counted
    this.current = this.calls.length;
    this.calls.push(what);
    if (this.beforeCall) {
      this.inHook = true;
      try {
        await this.beforeCall(this.current, what);
      } finally {
        this.inHook = false;
      }
    }
  }
  failing(): { after: boolean } | undefined {
    if (this.inHook || !this.failAt || this.failAt.call !== this.current) return undefined;
    return { after: this.failAt.after };
  }
  failure(what: string): Error {
    this.failAt = undefined;
    return apiError(500, `etcdserver: request timed out (injected at ${what})`);
  }
  afterCall(): void {
    if (!this.inHook) this.afterEach?.(this.current, this.calls[this.current]!);
  }
  /** Runs another actor's code (a concurrent command) without counting or failing its calls. */
  async other<T>(fn: () => Promise<T>): Promise<T> {
    const was = this.inHook;
    this.inHook = true;
    try {
      return await fn();
    } finally {
      this.inHook = was;
    }
  }

  /**
   * What keeps FlyteAdmin working in `hub`'s namespace, broken at this moment: a token of the
   * credentials Secret (read by any pod starting now) or held by running pods that its data plane
   * rejects, or a cluster that a deployed ConfigMap, or the config running pods started with,
   * lists without keys in the Secret (a container restarting now would not start).
   */
  broken(hub: FakeCluster, ns = 'flyte'): string[] {
    const out: string[] = [];
    const records = JSON.parse(hub.secrets.items.get(key(ns, 'cluster-credentials'))?.metadata?.annotations?.['flytemc.io/clusters'] ?? '{}') as Record<
      string,
      { endpoint: string }
    >;
    const check = (who: string, data: Record<string, string>) => {
      for (const [k, token] of Object.entries(data)) {
        if (!k.endsWith('_token')) continue;
        const name = k.slice(0, -'_token'.length);
        const member = records[name] ? this.byServer(records[name]!.endpoint) : undefined;
        if (member && !member.accepts(token)) out.push(`${who} holds a token of ${name} that ${member.context} rejects`);
      }
    };
    const creds = hub.credentials(ns);
    check('the credentials Secret', creds);
    for (const name of hub.listed(ns)) if (!(`${name}_token` in creds)) out.push(`a deployed ConfigMap lists ${name}, whose token file is missing`);
    for (const [d, pods] of hub.pods) {
      check(`the pods of Deployment ${d}`, pods.credentials);
      for (const name of pods.clusters)
        if (!(`${name}_token` in creds)) out.push(`the pods of Deployment ${d} run a config listing ${name}, whose token file is missing`);
    }
    return out;
  }

  /** Proofs and revocation checks as FlyteAdmin would see them: a token works when its cluster accepts it. */
  readonly reach: Reach = {
    connect: async (context) => {
      const c = this.clusters.get(context);
      if (!c) throw Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
      return c.kube;
    },
    proveToken: async (endpoint, token, cas) => {
      const ok = this.byServer(endpoint)?.accepts(token) ?? false;
      const pem = cas.find((x) => x.pem)!;
      const result = ok
        ? {
            ok: true,
            reachable: true,
            tls: true,
            authenticated: true,
            permissions: true,
            user: 'system:serviceaccount:flyte:flyteadmin',
            missing: [],
            missingKinds: [],
            ms: 0,
          }
        : {
            ok: false,
            failed: 'token' as const,
            reachable: true,
            tls: true,
            authenticated: false,
            permissions: false,
            missing: [],
            missingKinds: [],
            what: 'the API server rejects the token (401 Unauthorized)',
            fix: 'rejoin',
            ms: 0,
          };
      return { result, source: pem.source, pem: pem.pem! };
    },
    untilRejected: async (endpoint, token) => (this.byServer(endpoint)?.accepts(token) ? {} : { rejectedAfterMs: 0 }),
    reachServer: async (endpoint) =>
      this.byServer(endpoint) ? { reachable: true, tls: true } : { reachable: false, tls: false, what: `connection refused by ${endpoint}`, fix: 'check' },
  };

  /** A session as openSession makes one, on these clusters. */
  session(hub: FakeCluster, o: { namespace?: string; dryRun?: boolean; actor?: string } = {}): ClusterSession & { hub: Kube } {
    const dryRun = o.dryRun ?? false;
    const kube = o.actor ? hub.kubeAs(o.actor) : hub.kube;
    return {
      kube: { timeoutMs: 1000 },
      hubContext: kube.context,
      namespace: o.namespace ?? 'flyte',
      namespaceFrom: "flytemc's default",
      secretName: 'cluster-credentials',
      dryRun,
      tokenTimeoutMs: 1000,
      progress: new Progress(false),
      plan: new Plan(dryRun),
      hub: kube,
      reach: this.reach,
    };
  }
}
