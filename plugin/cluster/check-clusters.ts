// `flytemc check`: every cluster FlyteAdmin is configured with, from both sides.
//  - From the hub: take its token and CA from the hub's credentials Secret (exactly the files
//    FlyteAdmin reads) and prove, like FlyteAdmin would: endpoint reachable, TLS verified with that
//    CA, token authenticated, permissions (what the control plane's cluster-resource templates and
//    FlyteWorkflow objects need, named per kind).
//  - From the member, through the operator's kubeconfig (a context whose server is the cluster's
//    endpoint, or the hub for inCluster): flytepropeller is installed, its admin and catalog
//    endpoints are not in-cluster defaults of Services the member does not have, its cluster id is
//    the name the hub uses, its storage is the control plane's, and it runs: its leader Lease
//    (`propeller-leader`) was renewed within its lease duration.
//  - A cluster reached through a credential proxy (config/credential-proxy.ts) has no token to
//    prove: its API server is proven over TLS with its CA, its identity's permissions by
//    SubjectAccessReview from the member's side, the deployed proxy by proxy-status.ts, and a
//    long-lived token left in the hub for it fails.
//  - The states in between: a cluster joined (keys in the Secret) but not in FlyteAdmin's deployed
//    config yet, one in the config without keys, one the values file dropped but FlyteAdmin still
//    lists, and a data plane that reaches DataCatalog through the control plane's gRPC Ingress
//    while that Ingress has no DataCatalog route.
//
// The cluster list comes from -f values.yaml, else from the hub's deployed
// flyte-admin-clusters-config ConfigMap, else from the records join keeps on the Secret; clusters
// the deployed config or the records add to it get a row too.
import { basename } from 'node:path';
import { FlytemcError, error, EXIT } from '../problems/problems.ts';
import { redact } from '../problems/mask.ts';
import { marked } from '../problems/marks.ts';
import { DEFAULT_CREDENTIALS, caKey, tokenKey, type ClusterConfig } from '../config/types.ts';
import { ADMIN_GRPC_ROUTE, CATALOG_GRPC_ROUTES, IN_CLUSTER_ADMIN, inClusterService } from '../config/control-plane.ts';
import { describeStorage, storageDifferences, storageOfConfig, type Storage } from '../config/storage.ts';
import { trimSlashes } from '../yaml/json-pointer.ts';
import { STREAM_INPUT } from '../yaml/limits.ts';
import { parseUntrusted } from '../yaml/input.ts';
import { readText } from '../cli/stdio.ts';
import { readCredentials, type ClusterRecord } from './hub.ts';
import { loadKubeConfig, readOrAbsent, type Kube, type KubeOptions } from './kube.ts';
import { REAL_REACH, hubContextOf, type Reach } from './session.ts';
import { DEFAULT_CLUSTER_ID, clusterUid, propellerElsewhere, readDataPlane } from './member.ts';
import {
  DEFAULT_NEEDS,
  FLYTE_CORE_TEMPLATES,
  accessChecks,
  clusterRoleName,
  missingByKind,
  neededAccess,
  templatesOfValues,
  type AccessCheck,
  type KindNeed,
  type ResourceTemplate,
} from '../config/rbac.ts';
import { mapLimit } from './util.ts';
import { isObject } from '../yaml/data.ts';
import { assignPorts, isProxied, realEndpoint, wire, type WiredProxy } from '../config/credential-proxy.ts';
import { checkProxy } from './proxy-status.ts';
import { deniedTo } from './member.ts';

/** One thing check looked at: `ok` true, false (fails the cluster) or null (not checked). */
interface Finding {
  check: 'reachable' | 'tls' | 'token' | 'permissions' | 'proxy' | 'deployed' | 'installed' | 'alive' | 'admin' | 'catalog' | 'cluster-id' | 'storage';
  ok: boolean | null;
  value?: string;
  problem?: string;
  fix?: string;
}

export interface CheckRow {
  name: string;
  endpoint: string;
  enabled: boolean;
  reachable: boolean;
  tls: boolean;
  authenticated: boolean;
  permissions: boolean;
  verdict: 'ok' | 'fail' | 'skip';
  /** Reached through a credential proxy: no token; TOKEN and PERMISSIONS come from its own findings. */
  proxied?: boolean;
  user?: string;
  problem?: string;
  fix?: string;
  missing?: string[];
  /** What FlyteAdmin may not do, per kind. */
  missingKinds?: Array<{ kind: string; resource: string; verbs: string[] }>;
  /** The kubeconfig context the member side was checked through. */
  memberContext?: string;
  /** Every finding, hub side then member side. */
  findings: Finding[];
  ms: number;
}

export interface CheckReport {
  hub: string;
  /** The namespace check looked in, and where that came from (--namespace, Helm's, flytemc's default). */
  namespace: string;
  namespaceFrom: string;
  /** False when the hub was reached without TLS verification (--insecure-skip-tls-verify). */
  hubTlsVerified: boolean;
  secret: string;
  source: string;
  /** Where the permissions FlyteAdmin needs came from. */
  needsFrom: string;
  /** The control plane's storage (FlyteAdmin's flyte-admin-base-config), which each data plane must share. */
  storage?: string;
  clusters: CheckRow[];
  ok: boolean;
}

interface ClusterList {
  source: string;
  clusters: ClusterConfig[];
  secretName?: string;
}

/** The clusters of a values file (the chart's `multicluster` block or flyte-core's `configmap.clusters`). */
export async function clustersFromFile(path: string, text: string): Promise<ClusterList> {
  const { configFromValues } = await import('../config/from-values.ts');
  const found = configFromValues(path, text);
  const raw = found.raw;
  if (found.form === 'multicluster') {
    const mc = isObject(raw) ? raw : {};
    const cl = isObject(mc.clusters) ? mc.clusters : {};
    const cred = isObject(mc.credentials) ? mc.credentials : {};
    return {
      source: path,
      clusters: Array.isArray(cl.clusterConfigs) ? (cl.clusterConfigs as ClusterConfig[]) : [],
      ...(typeof cred.secretName === 'string' ? { secretName: cred.secretName } : {}),
    };
  }
  const cl = isObject(raw) ? raw : {};
  return { source: path, clusters: Array.isArray(cl.clusterConfigs) ? (cl.clusterConfigs as ClusterConfig[]) : [] };
}

/** The other namespaces of the hub with FlyteAdmin's clusters ConfigMap or the credentials Secret (the namespace flag was likely forgotten). */
async function hubElsewhere(hub: Kube, ns: string, secretName: string): Promise<string[]> {
  const found = new Set<string>();
  const look = async (list: () => Promise<{ items: Array<{ metadata?: { namespace?: string } }> }>) => {
    try {
      for (const o of (await hub.call('looking in every namespace', list)).items)
        if (o.metadata?.namespace && o.metadata.namespace !== ns) found.add(o.metadata.namespace);
    } catch {
      /* not allowed to list everywhere: no hint */
    }
  };
  await look(() => hub.core.listConfigMapForAllNamespaces({ fieldSelector: 'metadata.name=flyte-admin-clusters-config' }));
  await look(() => hub.core.listSecretForAllNamespaces({ fieldSelector: `metadata.name=${secretName}` }));
  return [...found].sort();
}

/** The clusters FlyteAdmin runs with: the hub's flyte-admin-clusters-config ConfigMap. */
async function clustersDeployed(hub: Kube, ns: string): Promise<ClusterList | undefined> {
  const text = (await readConfigMap(hub, ns, 'flyte-admin-clusters-config'))?.['clusters.yaml'];
  if (!text) return undefined;
  const v = parseUntrusted(text, `hub ConfigMap ${ns}/flyte-admin-clusters-config clusters.yaml`, STREAM_INPUT) as {
    clusters?: { clusterConfigs?: ClusterConfig[] };
  } | null;
  return { source: `hub ConfigMap ${ns}/flyte-admin-clusters-config`, clusters: v?.clusters?.clusterConfigs ?? [] };
}

async function readConfigMap(k: Kube, ns: string, name: string): Promise<Record<string, string> | undefined> {
  const cm = await readOrAbsent(k, `reading ConfigMap ${ns}/${name}`, () => k.core.readNamespacedConfigMap({ name, namespace: ns }));
  return cm ? (cm.data ?? {}) : undefined;
}

/** The cluster-resource templates the hub's FlyteAdmin applies (ConfigMap clusterresource-template). */
async function templatesDeployed(hub: Kube, ns: string): Promise<ResourceTemplate[] | undefined> {
  const data = await readConfigMap(hub, ns, 'clusterresource-template');
  return data ? Object.entries(data).map(([k, value]) => ({ key: k.replace(/\.yaml$/, ''), value })) : undefined;
}

/** What FlyteAdmin needs in a data plane: from the values file's templates, else the hub's deployed ones, else flyte-core's. */
export async function needsFor(hub: Kube | undefined, ns: string, valuesFile?: string): Promise<{ needs: KindNeed[]; from: string }> {
  if (valuesFile) {
    const { readValuesFileIfPresent } = await import('../config/from-values.ts');
    const t = templatesOfValues(readValuesFileIfPresent(valuesFile));
    if (t) return { needs: neededAccess(t).needs, from: `the cluster-resource templates of ${valuesFile}` };
  }
  const deployed = hub ? await templatesDeployed(hub, ns) : undefined;
  if (deployed) return { needs: neededAccess(deployed).needs, from: `the hub's ConfigMap ${ns}/clusterresource-template` };
  return { needs: neededAccess(FLYTE_CORE_TEMPLATES).needs, from: "flyte-core's default cluster-resource templates" };
}

/** The control plane's storage: storage.yaml of FlyteAdmin's flyte-admin-base-config in the hub. */
async function hubStorage(hub: Kube, ns: string): Promise<Storage | undefined> {
  const data = await readConfigMap(hub, ns, 'flyte-admin-base-config');
  const text = data?.['storage.yaml'];
  return text ? storageOfConfig(text, `hub ConfigMap ${ns}/flyte-admin-base-config storage.yaml`) : undefined;
}

interface MemberOptions {
  /** The operator's kubeconfig contexts and their servers. */
  contexts: Array<{ name: string; server?: string }>;
  kube: KubeOptions;
}

const norm = (u: string | undefined) => trimSlashes(u ?? '');

/** The context to check a member through: the hub for inCluster; else one whose server is the endpoint (the one named like the cluster first). */
export function memberContext(c: ClusterConfig, hubContext: string, contexts: MemberOptions['contexts']): string | undefined {
  if (c.inCluster) return hubContext;
  const same = contexts.filter((x) => x.server && norm(x.server) === norm(realEndpoint(c)));
  return (same.find((x) => x.name === c.name) ?? same[0])?.name;
}

/** The control plane's gRPC Ingress: the Ingresses that route FlyteAdmin's service, and whether any of them routes DataCatalog's. */
interface GrpcRoutes {
  admin: string[];
  catalog: boolean;
}

async function hubGrpcRoutes(hub: Kube, ns: string): Promise<GrpcRoutes> {
  const list = await hub.call(`listing Ingresses in ${ns}`, () => hub.networking.listNamespacedIngress({ namespace: ns }));
  const out: GrpcRoutes = { admin: [], catalog: false };
  for (const ing of list.items) {
    for (const rule of ing.spec?.rules ?? []) {
      const paths = (rule.http?.paths ?? []).map((p) => p.path);
      if (!paths.includes(ADMIN_GRPC_ROUTE)) continue;
      out.admin.push(`Ingress ${ns}/${ing.metadata?.name}`);
      if (CATALOG_GRPC_ROUTES.some((r) => paths.includes(r))) out.catalog = true;
    }
  }
  return { admin: [...new Set(out.admin)], catalog: out.catalog };
}

/** A running flytepropeller renews its leader Lease every few seconds (client-go's default here: 15 s). */
const DEFAULT_LEASE_SECONDS = 15;
/** Slack for the clocks of this machine and of the propeller that wrote renewTime. */
const CLOCK_SLACK_MS = 5_000;

/** Whether flytepropeller runs: its leader Lease (core.yaml `propeller.leader-election`) renewed within its duration. */
async function propellerAlive(m: Kube, ns: string, config: Record<string, string> | undefined, now = Date.now()): Promise<Finding> {
  let election: Record<string, unknown> = {};
  try {
    const core = parseUntrusted(config?.['core.yaml'] ?? '', `context ${m.context} ConfigMap ${ns}/flyte-propeller-config core.yaml`, STREAM_INPUT);
    const propeller = isObject(core) && isObject(core.propeller) ? core.propeller : {};
    election = isObject(propeller['leader-election']) ? propeller['leader-election'] : {};
  } catch {
    /* an unreadable core.yaml: flytepropeller's defaults */
  }
  if (election.enabled === false)
    return {
      check: 'alive',
      ok: null,
      problem: 'leader election is off (propeller.leader-election.enabled: false): whether flytepropeller runs was not checked',
    };
  const lock = isObject(election['lock-config-map']) ? election['lock-config-map'] : {};
  const name = typeof lock.name === 'string' && lock.name ? lock.name : 'propeller-leader';
  const namespace = typeof lock.namespace === 'string' && lock.namespace ? lock.namespace : ns;
  const object = `Lease ${namespace}/${name}`;
  const fix = `look at its pods and their logs: kubectl --context ${m.context} -n ${ns} get pods -l app.kubernetes.io/name=flytepropeller`;
  const lease = await readOrAbsent(m, `reading ${object}`, () => m.coordination.readNamespacedLease({ name, namespace }));
  if (!lease)
    return {
      check: 'alive',
      ok: false,
      problem: `flytepropeller has not run here: there is no leader ${object} (a running flytepropeller holds it and renews it every few seconds)`,
      fix,
    };
  const renewed = lease.spec?.renewTime ? new Date(lease.spec.renewTime as unknown as string).getTime() : Number.NaN;
  const seconds = lease.spec?.leaseDurationSeconds ?? DEFAULT_LEASE_SECONDS;
  const age = Math.max(0, Math.round((now - renewed) / 1000));
  if (!lease.spec?.holderIdentity || Number.isNaN(renewed) || now - renewed > seconds * 1000 + CLOCK_SLACK_MS)
    return {
      check: 'alive',
      ok: false,
      value: Number.isNaN(renewed) ? 'never renewed' : `renewed ${age} s ago`,
      problem: `flytepropeller is not running: its leader ${object} ${Number.isNaN(renewed) ? 'was never renewed' : `was last renewed ${age} s ago`}${lease.spec?.holderIdentity ? '' : ' and has no holder'} (a running flytepropeller renews it every few seconds; it expires after ${seconds} s): the executions FlyteAdmin sends here do not run`,
      fix,
    };
  return { check: 'alive', ok: true, value: `renewed ${age} s ago by ${lease.spec.holderIdentity}` };
}

/** The member side: flytepropeller installed and running, pointed at the control plane, named as the hub names it, on the control plane's storage. */
async function checkMember(m: Kube, ns: string, c: ClusterConfig, storage: Storage | undefined, routes: GrpcRoutes | undefined): Promise<Finding[]> {
  const dp = await readDataPlane(m, ns);
  const install = `helm flytemc install data-plane --name ${c.name} --kube-context ${m.context} -n ${ns} -f shared-values.yaml`;
  if (!dp.config && !dp.deployment) {
    const elsewhere = await propellerElsewhere(m, ns);
    return [
      {
        check: 'installed',
        ok: false,
        problem: elsewhere.length
          ? `no flytepropeller in namespace ${ns} of context ${m.context}, but one runs in namespace ${elsewhere.join(', ')}: check looks in one namespace, the control plane's`
          : `no flytepropeller in namespace ${ns} of context ${m.context} (no ConfigMap flyte-propeller-config, no Deployment flytepropeller): nothing would run the executions FlyteAdmin sends here`,
        fix: elsewhere.length ? `rerun with -n ${elsewhere[0]} if the control plane is there too, or install the data plane in ${ns}: ${install}` : install,
      },
      { check: 'alive', ok: null },
      { check: 'admin', ok: null },
      { check: 'catalog', ok: null },
      { check: 'cluster-id', ok: null },
      { check: 'storage', ok: null },
    ];
  }
  const out: Finding[] = [{ check: 'installed', ok: true, value: dp.deployment ?? 'ConfigMap flyte-propeller-config' }, await propellerAlive(m, ns, dp.config)];
  const section = (key: string): Record<string, unknown> => {
    try {
      const v = parseUntrusted(dp.config?.[key] ?? '', `context ${m.context} ConfigMap ${ns}/flyte-propeller-config ${key}`, STREAM_INPUT);
      return isObject(v) ? v : {};
    } catch {
      return {};
    }
  };
  // Is an endpoint a Service of this cluster (flyte-core's defaults are), and does it exist?
  const service = async (endpoint: string): Promise<{ name: string; namespace: string; exists: boolean } | undefined> => {
    const svc = inClusterService(endpoint, ns);
    if (!svc) return undefined;
    const have = await readOrAbsent(m, `reading Service ${svc.namespace}/${svc.name}`, () =>
      m.core.readNamespacedService({ name: svc.name, namespace: svc.namespace }),
    );
    return { ...svc, exists: !!have };
  };
  const wire = `reinstall the data plane pointed at the control plane, with the values file both planes share (multicluster.controlPlane, the bucket): ${install}`;

  const adminSection = section('admin.yaml');
  const admin = isObject(adminSection.admin) ? adminSection.admin : {};
  const adminEndpoint = typeof admin.endpoint === 'string' ? admin.endpoint : undefined;
  if (!adminEndpoint)
    out.push({ check: 'admin', ok: false, problem: `flytepropeller has no admin.endpoint (ConfigMap ${ns}/flyte-propeller-config admin.yaml)`, fix: wire });
  else {
    const svc = await service(adminEndpoint);
    if (svc && !svc.exists) {
      out.push({
        check: 'admin',
        ok: false,
        value: adminEndpoint,
        problem: `flytepropeller's admin endpoint ${adminEndpoint} is ${adminEndpoint === IN_CLUSTER_ADMIN ? "flyte-core's single-cluster default, " : ''}a Service ${svc.namespace}/${svc.name} this cluster does not have: no execution event reaches FlyteAdmin, so no execution here ever finishes`,
        fix: wire,
      });
    } else out.push({ check: 'admin', ok: true, value: adminEndpoint });
  }

  const cache = isObject(section('catalog.yaml')['catalog-cache']) ? (section('catalog.yaml')['catalog-cache'] as Record<string, unknown>) : {};
  const catalogType = String(cache.type ?? 'noop');
  const catalogEndpoint = typeof cache.endpoint === 'string' ? cache.endpoint : undefined;
  if (catalogType !== 'datacatalog') out.push({ check: 'catalog', ok: true, value: `off (${catalogType})` });
  else if (!catalogEndpoint)
    out.push({
      check: 'catalog',
      ok: false,
      problem: 'the catalog cache is on but has no endpoint',
      fix: 'set multicluster.controlPlane.catalogEndpoint (or catalog: false) and reinstall the data plane',
    });
  else {
    const svc = await service(catalogEndpoint);
    if (svc && !svc.exists) {
      out.push({
        check: 'catalog',
        ok: false,
        value: catalogEndpoint,
        problem: `flytepropeller's catalog endpoint ${catalogEndpoint} is ${svc.name === 'datacatalog' ? "flyte-core's single-cluster default, " : ''}a Service ${svc.namespace}/${svc.name} this cluster does not have: cached tasks fail`,
        fix: 'set multicluster.controlPlane.catalogEndpoint (DataCatalog as this cluster reaches it), or catalogIngress: true on both planes, or catalog: false; then reinstall the data plane',
      });
    } else if (catalogEndpoint === adminEndpoint && !svc && routes?.admin.length && !routes.catalog) {
      // catalogIngress: DataCatalog is reached at FlyteAdmin's host, through the control plane's gRPC Ingress
      out.push({
        check: 'catalog',
        ok: false,
        value: catalogEndpoint,
        problem: `flytepropeller reaches DataCatalog at its admin endpoint ${catalogEndpoint} (catalogIngress), but the control plane's gRPC Ingress (${routes.admin.join(', ')} in the hub) has no route for datacatalog.DataCatalog: cached tasks fail`,
        fix: "set multicluster.controlPlane.catalogIngress: true in the control plane's values and upgrade it (or give the data planes a catalogEndpoint)",
      });
    } else out.push({ check: 'catalog', ok: true, value: catalogEndpoint });
  }

  const id = dp.clusterId ?? '';
  if (!dp.deployment) out.push({ check: 'cluster-id', ok: false, problem: `no Deployment flytepropeller in namespace ${ns}`, fix: install });
  else if (id === c.name) out.push({ check: 'cluster-id', ok: true, value: id });
  else if (id === '' || id === DEFAULT_CLUSTER_ID)
    out.push({
      check: 'cluster-id',
      ok: true,
      value: `${DEFAULT_CLUSTER_ID} (default)`,
      problem: `flytepropeller reports the default cluster id, which FlyteAdmin accepts from any cluster`,
      fix: `name it: helm flytemc install data-plane --name ${c.name} ...`,
    });
  else
    out.push({
      check: 'cluster-id',
      ok: false,
      value: id,
      problem: `flytepropeller reports as cluster ${JSON.stringify(id)}, but the hub lists it as ${JSON.stringify(c.name)}: FlyteAdmin drops its events`,
      fix: `reinstall the data plane with --name ${c.name}, or unjoin it and join it as --name ${id}`,
    });

  const storageText = dp.config?.['storage.yaml'];
  if (!storageText)
    out.push({ check: 'storage', ok: null, problem: 'flytepropeller reads its storage from a Secret (flyte-core.storage.secretName): not compared' });
  else {
    const mine = storageOfConfig(storageText, `context ${m.context} ConfigMap ${ns}/flyte-propeller-config storage.yaml`);
    if (mine.type === 'minio')
      out.push({
        check: 'storage',
        ok: false,
        value: describeStorage(mine),
        problem: `flytepropeller writes to flyte-core's in-cluster minio (${mine.endpoint}), which FlyteAdmin in the control plane cannot read`,
        fix: "install the data plane with the control plane's flyte-core.storage (type, bucketName)",
      });
    else if (!storage)
      out.push({
        check: 'storage',
        ok: null,
        value: describeStorage(mine),
        problem: 'the hub has no FlyteAdmin config (flyte-admin-base-config) to compare with yet',
      });
    else {
      const diffs = storageDifferences(storage, mine);
      if (diffs.length)
        out.push({
          check: 'storage',
          ok: false,
          value: describeStorage(mine),
          problem: `flytepropeller's storage (${describeStorage(mine)}) is not FlyteAdmin's (${describeStorage(storage)}): ${diffs.join('; ')}; FlyteAdmin reads what flytepropeller writes`,
          fix: 'use the same flyte-core.storage on both planes (`helm flytemc validate -f <control-plane values> --data-plane <data-plane values>` compares them)',
        });
      else out.push({ check: 'storage', ok: true, value: describeStorage(mine) });
    }
  }
  return out;
}

interface CheckOptions {
  reach: Reach;
  /** Check the member side through these contexts (omit: hub side only). */
  members?: MemberOptions;
  /** What FlyteAdmin needs in each member (default: flyte-core's templates). */
  needs?: { needs: KindNeed[]; from: string };
}

async function checkClusters(
  hub: Kube,
  ns: string,
  secretName: string,
  list: ClusterList,
  deployed: ClusterList | undefined,
  timeoutMs: number,
  opts: CheckOptions,
): Promise<Omit<CheckReport, 'namespace' | 'namespaceFrom'>> {
  const creds = await readCredentials(hub, ns, secretName);
  if (!creds.secret && list.clusters.some((c) => !c.inCluster)) {
    throw new FlytemcError(
      [
        error(
          `hub ${hub.context}`,
          `there is no Secret ${ns}/${secretName} with the clusters' credentials`,
          `join the data planes: flytemc join CONTEXT --kube-context ${hub.context} -n ${ns}`,
        ),
      ],
      EXIT.failed,
    );
  }
  const records = creds.records;
  const clustersConfig =
    list.clusters.some(isProxied) || deployed?.clusters.some(isProxied) ? await readConfigMap(hub, ns, 'flyte-admin-clusters-config') : undefined;
  const needs = opts.needs ?? { needs: DEFAULT_NEEDS, from: "flyte-core's default cluster-resource templates" };
  const checks: AccessCheck[] = accessChecks(needs.needs);
  const storage = opts.members ? await hubStorage(hub, ns) : undefined;
  const routes = opts.members ? await hubGrpcRoutes(hub, ns).catch(() => undefined) : undefined;
  // the list's clusters, then those FlyteAdmin runs with or join recorded that the list lacks
  const all: ClusterConfig[] = [...list.clusters];
  for (const c of deployed?.clusters ?? []) if (!all.some((x) => x.name === c.name)) all.push(c);
  for (const [name, r] of Object.entries(records)) if (!all.some((x) => x.name === name)) all.push(fromRecord(name, r));
  const rows = await mapLimit(all, 8, async (c): Promise<CheckRow> => {
    const hubSide = withDeployed(await checkFromHub(c), c);
    if (!opts.members) return hubSide;
    return withMemberSide(hubSide, c, opts.members, storage);
  });
  const clusters = rows.map((r, i) =>
    r.status === 'fulfilled'
      ? r.value
      : {
          name: all[i]!.name,
          endpoint: all[i]!.endpoint ?? '',
          enabled: false,
          reachable: false,
          tls: false,
          authenticated: false,
          permissions: false,
          verdict: 'fail' as const,
          problem: redact(String((r.reason as Error)?.message ?? r.reason)),
          findings: [],
          ms: 0,
        },
  );
  return {
    hub: hub.context,
    hubTlsVerified: hub.tlsVerified,
    secret: `${ns}/${secretName}`,
    source: list.source,
    needsFrom: needs.from,
    ...(storage ? { storage: describeStorage(storage) } : {}),
    clusters,
    ok: clusters.every((r) => r.verdict !== 'fail'),
  };

  async function withMemberSide(row: CheckRow, c: ClusterConfig, members: MemberOptions, hubStore: Storage | undefined): Promise<CheckRow> {
    const context = memberContext(c, hub.context, members.contexts);
    if (!context) {
      return {
        ...row,
        findings: [
          ...row.findings,
          {
            check: 'installed',
            ok: null,
            problem: `no context of your kubeconfig reaches ${c.endpoint}: the data plane's side was not checked`,
            fix: 'add a context for it (its server must be the endpoint above), or pass --hub-only',
          },
        ],
      };
    }
    let findings: Finding[];
    try {
      const m = context === hub.context ? hub : await opts.reach.connect(context, members.kube);
      if (!c.inCluster && context !== hub.context) {
        const uid = await clusterUid(m);
        if (records[c.name]?.uid && records[c.name]!.uid !== uid) {
          return {
            ...row,
            memberContext: context,
            findings: [
              ...row.findings,
              {
                check: 'installed',
                ok: null,
                problem: `context ${context} reaches another cluster than the one joined as ${c.name} (kube-system UID differs): the data plane's side was not checked`,
              },
            ],
          };
        }
      }
      findings = await checkMember(m, ns, c, hubStore, routes);
      if (row.proxied) findings.unshift(await identityAccess(m, c));
    } catch (e) {
      // only what the operator's kubeconfig reaches is checked from the member's side
      if (!(e instanceof FlytemcError)) throw e;
      const p = e.problems[0]!;
      findings = [
        {
          check: 'installed',
          ok: null,
          problem: `the data plane's side was not checked: context ${context}: ${p.message.split('\n')[0]}`,
          ...(p.fix ? { fix: p.fix } : {}),
        },
      ];
    }
    const failed = findings.some((f) => f.ok === false);
    const verdict = failed ? 'fail' : row.verdict === 'skip' && findings.every((f) => f.ok !== false) ? 'ok' : row.verdict;
    // the proxied cluster's permissions, asked from the member's side, take the place of the hub's unchecked one
    const access = findings.find((f) => f.check === 'permissions');
    const hubFindings = access ? row.findings.filter((f) => f.check !== 'permissions') : row.findings;
    return {
      ...row,
      ...(access ? { permissions: access.ok === true } : {}),
      memberContext: context,
      findings: [...hubFindings, ...findings],
      verdict,
    };
  }

  /** What the proxy's identity may do in the member: SubjectAccessReviews through the operator's context (flytemc cannot act as the pods' identity). */
  async function identityAccess(m: Kube, c: ClusterConfig): Promise<Finding> {
    const identity = c.credentialProxy?.identity;
    if (!identity)
      return {
        check: 'permissions',
        ok: null,
        problem: `credentialProxy.identity of ${c.name} is not set, so whose permissions to check is unknown`,
        fix: 'set it to the user name the data plane sees for the proxy (flytemc join --auth records it)',
      };
    const denied = await deniedTo(m, identity, checks);
    if (!denied.length) return { check: 'permissions', ok: true, value: `${identity}: all ${checks.length} (resource, verb) pairs (SubjectAccessReviews)` };
    const kinds = missingByKind(denied);
    return {
      check: 'permissions',
      ok: false,
      value: identity,
      problem: `${identity} (the credential proxy's identity) may not, of what FlyteAdmin needs (${denied.length} of ${checks.length} SubjectAccessReviews denied): ${kinds.map((k) => `${k.kind} (${k.resource}): ${k.verbs.join(', ')}`).join('; ')}`,
      fix: `bind ClusterRole ${clusterRoleName(ns)} to it in the data plane: flytemc join ${m.context} --name ${c.name} --kube-context ${hub.context} -n ${ns} --auth ... --identity ${identity}`,
    };
  }

  /** A proxied cluster from the hub: its CA in the Secret, its API server over TLS with it, no long-lived token left, the deployed proxy. */
  async function checkProxiedFromHub(c: ClusterConfig & { credentialProxy: NonNullable<ClusterConfig['credentialProxy']> }, base: CheckRow): Promise<CheckRow> {
    const started = Date.now();
    const w: WiredProxy = c.credentialProxy.server
      ? (c as WiredProxy)
      : wire(c, assignPorts(list.clusters).get(c.name) ?? 0, c.credentialProxy.image ?? '', `/${caKey(c.name)}`);
    const endpoint = w.credentialProxy.server;
    const row: CheckRow = { ...base, endpoint, proxied: true };
    const ca = creds.data[caKey(c.name)];
    if (ca === undefined) {
      const problem = `Secret ${ns}/${secretName} has no key ${caKey(c.name)}: the credential proxy verifies ${endpoint} with it, and FlyteAdmin's pods do not start without it`;
      const fix = `join it: flytemc join CONTEXT --name ${c.name} --kube-context ${hub.context} -n ${ns} --auth ...`;
      return { ...row, problem, fix, findings: [{ check: 'tls', ok: false, problem, fix }], ms: Date.now() - started };
    }
    const r = await opts.reach.reachServer(endpoint, ca, timeoutMs);
    const leftover = creds.data[tokenKey(c.name)] !== undefined;
    const token: Finding = leftover
      ? {
          check: 'token',
          ok: false,
          problem: `Secret ${ns}/${secretName} still holds ${tokenKey(c.name)}, a long-lived token, although FlyteAdmin reaches ${c.name} through its credential proxy with short-lived credentials: one to leak, never used`,
          fix: `remove it: kubectl --context ${hub.context} -n ${ns} patch secret ${secretName} --type json -p '[{"op":"remove","path":"/data/${tokenKey(c.name)}"}]'; then revoke it in the data plane: kubectl -n ${ns} delete secret ${records[c.name]?.tokenSecret || 'flyteadmin-token'}`,
        }
      : { check: 'token', ok: true, value: 'short-lived (credential proxy)' };
    const proxy = await checkProxy(hub, ns, w, clustersConfig);
    const findings: Finding[] = [
      r.reachable
        ? { check: 'reachable', ok: true }
        : { check: 'reachable', ok: false, ...(r.what ? { problem: r.what } : {}), ...(r.fix ? { fix: r.fix } : {}) },
      !r.reachable
        ? { check: 'tls', ok: null }
        : r.tls
          ? { check: 'tls', ok: true }
          : { check: 'tls', ok: false, ...(r.what ? { problem: r.what } : {}), ...(r.fix ? { fix: r.fix } : {}) },
      token,
      { check: 'permissions', ok: null },
      { check: 'proxy', ...proxy },
    ];
    return {
      ...row,
      reachable: r.reachable,
      tls: r.tls,
      authenticated: !leftover,
      verdict: findings.some((f) => f.ok === false) ? 'fail' : 'ok',
      findings,
      ms: Date.now() - started,
    };
  }

  /** Whether FlyteAdmin's deployed config lists the cluster: a joined cluster it does not list gets no executions yet. */
  function withDeployed(row: CheckRow, c: ClusterConfig): CheckRow {
    if (!deployed) return row;
    const inDeployed = deployed.clusters.some((x) => x.name === c.name);
    const inList = list !== deployed && list.clusters.some((x) => x.name === c.name);
    let f: Finding;
    if (inDeployed)
      f =
        list !== deployed && !inList && list.source !== `what flytemc join recorded on Secret ${ns}/${secretName}`
          ? {
              check: 'deployed',
              ok: true,
              problem: `${list.source} no longer lists it, but FlyteAdmin still runs with it (${deployed.source}): the next upgrade of the control plane takes it out; then \`flytemc unjoin CONTEXT --name ${c.name} --kube-context ${hub.context} -n ${ns} --finish\` removes its keys`,
            }
          : { check: 'deployed', ok: true };
    else
      f = {
        check: 'deployed',
        ok: false,
        problem: `not deployed yet: ${inList ? `${list.source} lists it` : `it is joined (its keys are in Secret ${ns}/${secretName})`}, but FlyteAdmin's deployed config (${deployed.source}) does not, so FlyteAdmin sends it no executions`,
        fix: `upgrade the control plane with the values file join recorded it in: helm flytemc install control-plane --kube-context ${hub.context} -n ${ns} -f VALUES`,
      };
    return { ...row, findings: [...row.findings, f], ...(f.ok === false ? { verdict: 'fail' as const } : {}) };
  }

  async function checkFromHub(c: ClusterConfig): Promise<CheckRow> {
    const started = Date.now();
    const base: CheckRow = {
      name: c.name,
      endpoint: c.endpoint ?? '',
      enabled: c.enabled === true,
      reachable: false,
      tls: false,
      authenticated: false,
      permissions: false,
      verdict: 'fail',
      findings: [],
      ms: 0,
    };
    const fail = (check: Finding['check'], problem: string, fix: string): CheckRow => ({
      ...base,
      problem,
      fix,
      findings: [{ check, ok: false, problem, fix }],
      ms: Date.now() - started,
    });
    if (c.inCluster)
      return {
        ...base,
        verdict: 'skip',
        endpoint: 'in cluster',
        findings: [{ check: 'token', ok: null, problem: 'inCluster: FlyteAdmin uses its own ServiceAccount' }],
        ms: 0,
      };
    if (!c.endpoint) return fail('reachable', 'no endpoint', 'set endpoint in clusterConfigs (rerun flytemc join)');
    if (isProxied(c)) return checkProxiedFromHub(c, base);
    const tk = c.auth?.tokenPath ? basename(c.auth.tokenPath) : tokenKey(c.name);
    const ck = c.auth?.certPath ? basename(c.auth.certPath) : caKey(c.name);
    const token = creds.data[tk];
    const ca = creds.data[ck];
    if (token === undefined || ca === undefined) {
      const missing = [token === undefined ? tk : undefined, ca === undefined ? ck : undefined].filter(Boolean).join(' and ');
      const listed = deployed?.clusters.some((x) => x.name === c.name);
      return fail(
        'token',
        listed
          ? `FlyteAdmin's deployed config lists ${c.name}, but Secret ${ns}/${secretName} has no key ${missing}: FlyteAdmin fails to start (at its next restart or upgrade) without it`
          : `Secret ${ns}/${secretName} has no key ${missing}: FlyteAdmin fails to start without it`,
        `join it: flytemc join CONTEXT --name ${c.name} --kube-context ${hub.context} -n ${ns}${listed ? '; or, if it was unjoined, upgrade the control plane without it' : ''}`,
      );
    }
    const { result: r } = await opts.reach.proveToken(c.endpoint, token, [{ source: 'hub', pem: ca }], timeoutMs, checks);
    const fix = r.fix?.replace('flytemc rotate CONTEXT --name NAME', `flytemc rotate CONTEXT --name ${c.name} --kube-context ${hub.context}`);
    const stage = (check: Finding['check'], ok: boolean, reached: boolean): Finding =>
      !reached ? { check, ok: null } : ok ? { check, ok: true } : { check, ok: false, ...(r.what ? { problem: r.what } : {}), ...(fix ? { fix } : {}) };
    const row: CheckRow = {
      ...base,
      reachable: r.reachable,
      tls: r.tls,
      authenticated: r.authenticated,
      permissions: r.permissions,
      verdict: r.ok ? 'ok' : 'fail',
      ...(r.user ? { user: r.user } : {}),
      ...(r.what ? { problem: r.what } : {}),
      ...(fix ? { fix } : {}),
      ...(r.missing.length ? { missing: r.missing, missingKinds: r.missingKinds } : {}),
      findings: [
        stage('reachable', r.reachable, true),
        stage('tls', r.tls, r.reachable),
        stage('token', r.authenticated, r.tls),
        stage('permissions', r.permissions, r.authenticated),
      ],
      ms: r.ms,
    };
    return row;
  }
}

/** A cluster as join recorded it on the hub's Secret (one joined --auth is reached through a credential proxy, whose plugin only the values name). */
const fromRecord = (name: string, r: ClusterRecord): ClusterConfig => ({
  name,
  endpoint: r.endpoint,
  enabled: true,
  ...(r.auth ? { credentialProxy: { exec: { command: '(see the values file)' } } } : {}),
});

const mark = (ok: boolean, reached: boolean) => (!reached ? '-' : ok ? 'yes' : 'NO');

/** A member-side cell: yes / NO / - (not checked), or a short value (catalog off). */
function cell(row: CheckRow, check: Finding['check']): string {
  const f = row.findings.find((x) => x.check === check);
  if (!f || f.ok === null) return '-';
  if (f.ok === false) return 'NO';
  if (check === 'catalog' && f.value?.startsWith('off')) return 'off';
  if (check === 'cluster-id' && f.value?.endsWith('(default)')) return 'default';
  return 'yes';
}

export function formatTable(rep: Pick<CheckReport, 'clusters' | 'hub' | 'secret' | 'source' | 'needsFrom'>): string {
  const memberChecks = ['installed', 'alive', 'admin', 'catalog', 'cluster-id', 'storage'] as const;
  const member = rep.clusters.some((r) => r.findings.some((f) => (memberChecks as readonly string[]).includes(f.check)));
  const deployed = rep.clusters.some((r) => r.findings.some((f) => f.check === 'deployed'));
  const proxied = rep.clusters.some((r) => r.proxied);
  const head = [
    'NAME',
    'ENDPOINT',
    'REACHABLE',
    'TLS',
    'TOKEN',
    'PERMISSIONS',
    ...(proxied ? ['PROXY'] : []),
    ...(deployed ? ['DEPLOYED'] : []),
    ...(member ? ['PROPELLER', 'ALIVE', 'ADMIN', 'CATALOG', 'CLUSTER-ID', 'STORAGE'] : []),
    'VERDICT',
  ];
  const rows = rep.clusters.map((r) => {
    const hubCells = r.findings.some((f) => f.check === 'token' && f.ok === null && r.endpoint === 'in cluster')
      ? ['-', '-', '-', '-']
      : r.proxied
        ? [r.reachable ? 'yes' : 'NO', mark(r.tls, r.reachable), cell(r, 'token') === 'yes' ? 'proxy' : cell(r, 'token'), cell(r, 'permissions')]
        : [r.endpoint ? (r.reachable ? 'yes' : 'NO') : '-', mark(r.tls, r.reachable), mark(r.authenticated, r.tls), mark(r.permissions, r.authenticated)];
    const proxyCells = proxied ? [r.proxied ? cell(r, 'proxy') : '-'] : [];
    const deployedCells = deployed ? [cell(r, 'deployed')] : [];
    const memberCells = member ? memberChecks.map((c) => cell(r, c)) : [];
    return [
      r.name,
      r.endpoint || '-',
      ...hubCells,
      ...proxyCells,
      ...deployedCells,
      ...memberCells,
      r.verdict === 'ok' ? 'OK' : r.verdict === 'skip' ? 'skip' : 'FAIL',
    ];
  });
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]!))).join('  ');
  const out = [line(head), ...rows.map(line)];
  const failed = rep.clusters.filter((r) => r.verdict === 'fail');
  for (const r of rep.clusters) {
    const seen = new Set<string>();
    for (const f of r.findings) {
      if (!f.problem || seen.has(f.problem)) continue;
      seen.add(f.problem);
      out.push(
        '',
        `${f.ok === false ? 'error' : 'note'}: cluster ${r.name}${f.check === 'reachable' || f.check === 'tls' || f.check === 'token' || f.check === 'permissions' ? '' : f.check === 'deployed' ? ' (deployed)' : ` (${f.check}${r.memberContext ? `, ${marked(`context ${r.memberContext}`)}` : ''})`}: ${f.problem}`,
      );
      if (f.fix && f.ok === false) out.push(`  fix: ${f.fix}`);
    }
    if (r.problem && !seen.has(r.problem)) {
      out.push('', `${r.verdict === 'fail' ? 'error' : 'note'}: cluster ${r.name}: ${r.problem}`);
      if (r.fix) out.push(`  fix: ${r.fix}`);
    }
  }
  const from = `credentials from ${marked(`hub ${rep.hub}`)} Secret ${rep.secret}; clusters from ${rep.source}; permissions from ${rep.needsFrom}`;
  out.push(
    '',
    failed.length
      ? `${failed.length} of ${rep.clusters.length} cluster${rep.clusters.length === 1 ? '' : 's'} FAIL (${from})`
      : `all ${rep.clusters.length} cluster${rep.clusters.length === 1 ? '' : 's'} OK (${from})`,
  );
  return out.join('\n') + '\n';
}

interface CheckRequest {
  kube: KubeOptions;
  /** --kube-context; else the kubeconfig's current context (Helm's under `helm flytemc`). */
  kubeContext?: string;
  namespace: string;
  namespaceFrom: string;
  /** -f: the control plane's values file, for the cluster list, the Secret's name and the templates. */
  valuesFile?: string;
  /** --secret-name: else the values file's, else cluster-credentials. */
  secretName?: string;
  /** --hub-only: skip the members' side. */
  hubOnly: boolean;
}

/**
 * `flytemc check`: the hub, the clusters FlyteAdmin is configured with (the values file's, else
 * the hub's deployed ConfigMap, else what join recorded on the Secret), what FlyteAdmin needs in
 * them, and every cluster proven from the hub and, through the contexts of the kubeconfig, from
 * its own side.
 */
export async function checkControlPlane(req: CheckRequest, reach: Reach = REAL_REACH): Promise<CheckReport & { ms: number }> {
  const kc = await loadKubeConfig(req.kube);
  const hubContext = hubContextOf(req.kubeContext, () => kc.getCurrentContext(), false);
  const ns = req.namespace;
  const hub = await reach.connect(hubContext, req.kube);
  const deployed = await clustersDeployed(hub, ns);
  let list = req.valuesFile ? await clustersFromFile(req.valuesFile, readText(req.valuesFile)) : deployed;
  const secretName = req.secretName ?? list?.secretName ?? DEFAULT_CREDENTIALS.secretName;
  const creds = await readCredentials(hub, ns, secretName);
  list ??= {
    source: `what flytemc join recorded on Secret ${ns}/${secretName}`,
    clusters: Object.entries(creds.records).map(([name, r]) => fromRecord(name, r)),
  };
  if (!list.clusters.length && !deployed?.clusters.length && !Object.keys(creds.records).length) {
    const other = !deployed && !creds.secret ? await hubElsewhere(hub, ns, secretName) : [];
    throw new FlytemcError(
      [
        error(
          list.source,
          `configures no clusters${other.length ? `; namespace ${ns} (from ${req.namespaceFrom}) has no FlyteAdmin config and no Secret ${secretName}, namespace ${other.join(', ')} has` : ''}`,
          other.length ? `rerun with -n ${other[0]}` : `join one: flytemc join CONTEXT --kube-context ${hubContext} -n ${ns}`,
        ),
      ],
      EXIT.failed,
    );
  }
  const started = Date.now();
  const needs = await needsFor(hub, ns, req.valuesFile);
  const members = req.hubOnly
    ? undefined
    : {
        kube: req.kube,
        contexts: kc.getContexts().map((x) => ({ name: x.name, ...(kc.getCluster(x.cluster)?.server ? { server: kc.getCluster(x.cluster)!.server } : {}) })),
      };
  const report = await checkClusters(hub, ns, secretName, list, deployed, req.kube.timeoutMs, { reach, needs, ...(members ? { members } : {}) });
  return { ...report, namespace: ns, namespaceFrom: req.namespaceFrom, ms: Date.now() - started };
}
