// `flytemc check`: every cluster FlyteAdmin is configured with, proven from the hub and, through the operator's kubeconfig, from its own side.
import { readText } from '../cli/stdio.ts';
import { isProxied } from '../config/credential-proxy.ts';
import { DEFAULT_NEEDS, accessChecks, type KindNeed } from '../config/rbac.ts';
import { describeStorage } from '../config/storage.ts';
import { DEFAULT_CREDENTIALS, type ClusterConfig } from '../config/types.ts';
import { redact } from '../problems/mask.ts';
import { EXIT, FlytemcError, error } from '../problems/problems.ts';
import { checkFromHub, withDeployed, type HubContext } from './check-hub.ts';
import { hubElsewhere, hubGrpcRoutes, hubStorage, readConfigMap } from './check-hub-reads.ts';
import { clustersDeployed, clustersFromFile, everyCluster, fromRecord, recordsSource } from './check-list.ts';
import { withMemberSide, type MemberContext, type MemberOptions } from './check-member.ts';
import { needsFor } from './check-needs.ts';
import { blankRow, type CheckReport, type CheckRow, type ClusterList } from './check-report.ts';
import { readCredentials } from './hub.ts';
import type { Kube } from './kube.ts';
import { loadKubeConfig, type KubeOptions } from './kubeconfig.ts';
import { REAL_REACH, hubContextOf, type Reach } from './session.ts';
import { mapLimit } from './util.ts';

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

/** Where the list comes from: the values file, else the hub's deployed ConfigMap, else what join recorded on the Secret. */
async function clusterList(hub: Kube, req: CheckRequest) {
  const ns = req.namespace;
  const deployed = await clustersDeployed(hub, ns);
  const given = req.valuesFile ? await clustersFromFile(req.valuesFile, readText(req.valuesFile)) : deployed;
  const secretName = req.secretName ?? given?.secretName ?? DEFAULT_CREDENTIALS.secretName;
  const creds = await readCredentials(hub, ns, secretName);
  const list: ClusterList = given ?? {
    source: recordsSource(ns, secretName),
    clusters: Object.entries(creds.records).map(([name, r]) => fromRecord(name, r)),
  };
  if (!list.clusters.length && !deployed?.clusters.length && !Object.keys(creds.records).length) {
    const other = !deployed && !creds.secret ? await hubElsewhere(hub, ns, secretName) : [];
    const elsewhere = `; namespace ${ns} (from ${req.namespaceFrom}) has no FlyteAdmin config and no Secret ${secretName}, namespace ${other.join(', ')} has`;
    const problem = error(
      { subject: list.source, code: 'cluster.none' },
      `configures no clusters${other.length ? elsewhere : ''}`,
      other.length ? `rerun with -n ${other[0]}` : `join one: flytemc join CONTEXT --kube-context ${hub.context} -n ${ns}`,
    );
    throw new FlytemcError([problem], EXIT.failed);
  }
  return { list, deployed, secretName, creds };
}

/**
 * `flytemc check`: the hub, the clusters FlyteAdmin is configured with, what FlyteAdmin needs in
 * them, and every cluster proven from the hub and, through the contexts of the kubeconfig, from
 * its own side.
 */
export async function checkControlPlane(req: CheckRequest, reach: Reach = REAL_REACH): Promise<CheckReport & { ms: number }> {
  const kc = await loadKubeConfig(req.kube);
  const hubContext = hubContextOf(req.kubeContext, () => kc.getCurrentContext(), false);
  const hub = await reach.connect(hubContext, req.kube);
  const { list, deployed, secretName, creds } = await clusterList(hub, req);
  const started = Date.now();
  const needs = await needsFor(hub, req.namespace, req.valuesFile);
  const server = (cluster: string) => kc.getCluster(cluster)?.server;
  const members: MemberOptions | undefined = req.hubOnly
    ? undefined
    : { kube: req.kube, contexts: kc.getContexts().map((x) => ({ name: x.name, ...(server(x.cluster) ? { server: server(x.cluster)! } : {}) })) };
  const h = { hub, ns: req.namespace, secretName, list, deployed, creds, timeoutMs: req.kube.timeoutMs, reach };
  const report = await checkClusters(h, needs, members);
  return { ...report, namespace: req.namespace, namespaceFrom: req.namespaceFrom, ms: Date.now() - started };
}

type Base = Omit<HubContext, 'clustersConfig' | 'checks'>;

/** Every cluster of the list, the deployed config and join's records, from the hub and (with `members`) from its own side. */
async function checkClusters(
  b: Base,
  needs: { needs: KindNeed[]; from: string } = { needs: DEFAULT_NEEDS, from: "flyte-core's default cluster-resource templates" },
  members?: MemberOptions,
): Promise<Omit<CheckReport, 'namespace' | 'namespaceFrom'>> {
  const { hub, ns, secretName, list, deployed, creds } = b;
  if (!creds.secret && list.clusters.some((c) => !c.inCluster)) {
    const problem = error(
      { subject: `hub ${hub.context}`, code: 'cluster.credentials' },
      `there is no Secret ${ns}/${secretName} with the clusters' credentials`,
      `join the data planes: flytemc join CONTEXT --kube-context ${hub.context} -n ${ns}`,
    );
    throw new FlytemcError([problem], EXIT.failed);
  }
  const proxied = list.clusters.some(isProxied) || deployed?.clusters.some(isProxied);
  const clustersConfig = proxied ? await readConfigMap(hub, ns, 'flyte-admin-clusters-config') : undefined;
  const h: HubContext = { ...b, clustersConfig, checks: accessChecks(needs.needs) };
  const storage = members ? await hubStorage(hub, ns) : undefined;
  const routes = members ? await hubGrpcRoutes(hub, ns).catch(() => undefined) : undefined;
  const m: MemberContext | undefined = members ? { ...h, members, storage, routes } : undefined;
  const all = everyCluster(list, deployed, creds.records);
  const rows = await mapLimit(all, 8, async (c): Promise<CheckRow> => {
    const hubSide = withDeployed(h, await checkFromHub(h, c), c);
    return m ? withMemberSide(m, hubSide, c) : hubSide;
  });
  const clusters = rows.map((r, i) => (r.status === 'fulfilled' ? r.value : broken(all[i]!, r.reason)));
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
}

/** A cluster whose check threw: a failed row saying why. */
function broken(c: ClusterConfig, reason: unknown): CheckRow {
  const { findings, ms, ...row } = blankRow(c);
  return { ...row, enabled: false, problem: redact(String((reason as Error)?.message ?? reason)), findings, ms };
}
