// `flytemc check` from a data plane's side: flytepropeller installed, running, pointed at the control plane, named as the hub names it, on its storage.
import { IN_CLUSTER_ADMIN, inClusterService } from '../config/control-plane.ts';
import { describeStorage, storageDifferences, storageOfConfig, type Storage } from '../config/storage.ts';
import type { ClusterConfig } from '../config/types.ts';
import { isObject } from '../yaml/data.ts';
import { parseUntrusted } from '../yaml/input.ts';
import { STREAM_INPUT } from '../yaml/limits.ts';
import type { GrpcRoutes } from './check-hub-reads.ts';
import type { Finding } from './check-report.ts';
import { readOrAbsent, type Kube } from './kube.ts';
import { DEFAULT_CLUSTER_ID, propellerElsewhere, readDataPlane } from './member.ts';

/** A running flytepropeller renews its leader Lease every few seconds (client-go's default here: 15 s). */
const DEFAULT_LEASE_SECONDS = 15;
/** Slack for the clocks of this machine and of the propeller that wrote renewTime. */
const CLOCK_SLACK_MS = 5_000;

/** One data plane as check reads it: its flytepropeller ConfigMap's data, and what to tell the user to run. */
interface Member {
  m: Kube;
  ns: string;
  c: ClusterConfig;
  config: Record<string, string> | undefined;
  install: string;
}

/** A section of flyte-propeller-config ({} when absent or unreadable: flytepropeller's defaults). */
function section(p: Pick<Member, 'm' | 'ns' | 'config'>, key: string): Record<string, unknown> {
  try {
    const v = parseUntrusted(p.config?.[key] ?? '', `context ${p.m.context} ConfigMap ${p.ns}/flyte-propeller-config ${key}`, STREAM_INPUT);
    return isObject(v) ? v : {};
  } catch {
    return {};
  }
}

const objectAt = (v: Record<string, unknown>, key: string): Record<string, unknown> => (isObject(v[key]) ? v[key] : {});

/** Whether flytepropeller runs: its leader Lease (core.yaml `propeller.leader-election`) renewed within its duration. */
export async function propellerAlive(m: Kube, ns: string, config: Record<string, string> | undefined, now = Date.now()): Promise<Finding> {
  const election = objectAt(objectAt(section({ m, ns, config }, 'core.yaml'), 'propeller'), 'leader-election');
  if (election.enabled === false)
    return {
      check: 'alive',
      ok: null,
      problem: 'leader election is off (propeller.leader-election.enabled: false): whether flytepropeller runs was not checked',
    };
  const lock = objectAt(election, 'lock-config-map');
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
  const holder = lease.spec?.holderIdentity;
  if (holder && !Number.isNaN(renewed) && now - renewed <= seconds * 1000 + CLOCK_SLACK_MS)
    return { check: 'alive', ok: true, value: `renewed ${age} s ago by ${holder}` };
  const never = Number.isNaN(renewed);
  return {
    check: 'alive',
    ok: false,
    value: never ? 'never renewed' : `renewed ${age} s ago`,
    problem: `flytepropeller is not running: its leader ${object} ${never ? 'was never renewed' : `was last renewed ${age} s ago`}${holder ? '' : ' and has no holder'} (a running flytepropeller renews it every few seconds; it expires after ${seconds} s): the executions FlyteAdmin sends here do not run`,
    fix,
  };
}

/** Is an endpoint a Service of this cluster (flyte-core's defaults are), and does it exist? */
async function service(p: Member, endpoint: string): Promise<{ name: string; namespace: string; exists: boolean } | undefined> {
  const svc = inClusterService(endpoint, p.ns);
  if (!svc) return undefined;
  const have = await readOrAbsent(p.m, `reading Service ${svc.namespace}/${svc.name}`, () =>
    p.m.core.readNamespacedService({ name: svc.name, namespace: svc.namespace }),
  );
  return { ...svc, exists: !!have };
}

const rewire = (p: Member) =>
  `reinstall the data plane pointed at the control plane, with the values file both planes share (multicluster.controlPlane, the bucket): ${p.install}`;

/** ADMIN: flytepropeller's admin endpoint is not a Service this cluster lacks. */
async function adminFinding(p: Member, endpoint: string | undefined): Promise<Finding> {
  if (!endpoint)
    return { check: 'admin', ok: false, problem: `flytepropeller has no admin.endpoint (ConfigMap ${p.ns}/flyte-propeller-config admin.yaml)`, fix: rewire(p) };
  const svc = await service(p, endpoint);
  if (!svc || svc.exists) return { check: 'admin', ok: true, value: endpoint };
  return {
    check: 'admin',
    ok: false,
    value: endpoint,
    problem: `flytepropeller's admin endpoint ${endpoint} is ${endpoint === IN_CLUSTER_ADMIN ? "flyte-core's single-cluster default, " : ''}a Service ${svc.namespace}/${svc.name} this cluster does not have: no execution event reaches FlyteAdmin, so no execution here ever finishes`,
    fix: rewire(p),
  };
}

/** CATALOG: off, or an endpoint this cluster reaches (through the control plane's gRPC Ingress when it is the admin endpoint). */
async function catalogFinding(p: Member, adminEndpoint: string | undefined, routes: GrpcRoutes | undefined): Promise<Finding> {
  const cache = objectAt(section(p, 'catalog.yaml'), 'catalog-cache');
  const type = String(cache.type ?? 'noop');
  const endpoint = typeof cache.endpoint === 'string' ? cache.endpoint : undefined;
  if (type !== 'datacatalog') return { check: 'catalog', ok: true, value: `off (${type})` };
  if (!endpoint)
    return {
      check: 'catalog',
      ok: false,
      problem: 'the catalog cache is on but has no endpoint',
      fix: 'set multicluster.controlPlane.catalogEndpoint (or catalog: false) and reinstall the data plane',
    };
  const svc = await service(p, endpoint);
  if (svc && !svc.exists)
    return {
      check: 'catalog',
      ok: false,
      value: endpoint,
      problem: `flytepropeller's catalog endpoint ${endpoint} is ${svc.name === 'datacatalog' ? "flyte-core's single-cluster default, " : ''}a Service ${svc.namespace}/${svc.name} this cluster does not have: cached tasks fail`,
      fix: 'set multicluster.controlPlane.catalogEndpoint (DataCatalog as this cluster reaches it), or catalogIngress: true on both planes, or catalog: false; then reinstall the data plane',
    };
  // catalogIngress: DataCatalog is reached at FlyteAdmin's host, through the control plane's gRPC Ingress
  if (endpoint === adminEndpoint && !svc && routes?.admin.length && !routes.catalog)
    return {
      check: 'catalog',
      ok: false,
      value: endpoint,
      problem: `flytepropeller reaches DataCatalog at its admin endpoint ${endpoint} (catalogIngress), but the control plane's gRPC Ingress (${routes.admin.join(', ')} in the hub) has no route for datacatalog.DataCatalog: cached tasks fail`,
      fix: "set multicluster.controlPlane.catalogIngress: true in the control plane's values and upgrade it (or give the data planes a catalogEndpoint)",
    };
  return { check: 'catalog', ok: true, value: endpoint };
}

/** CLUSTER-ID: flytepropeller reports the name the hub lists it under (FlyteAdmin drops events of another). */
function clusterIdFinding(p: Member, deployment: string | undefined, id: string): Finding {
  const { c } = p;
  if (!deployment) return { check: 'cluster-id', ok: false, problem: `no Deployment flytepropeller in namespace ${p.ns}`, fix: p.install };
  if (id === c.name) return { check: 'cluster-id', ok: true, value: id };
  if (id === '' || id === DEFAULT_CLUSTER_ID)
    return {
      check: 'cluster-id',
      ok: true,
      value: `${DEFAULT_CLUSTER_ID} (default)`,
      problem: `flytepropeller reports the default cluster id, which FlyteAdmin accepts from any cluster`,
      fix: `name it: helm flytemc install data-plane --name ${c.name} ...`,
    };
  return {
    check: 'cluster-id',
    ok: false,
    value: id,
    problem: `flytepropeller reports as cluster ${JSON.stringify(id)}, but the hub lists it as ${JSON.stringify(c.name)}: FlyteAdmin drops its events`,
    fix: `reinstall the data plane with --name ${c.name}, or unjoin it and join it as --name ${id}`,
  };
}

/** STORAGE: flytepropeller writes where FlyteAdmin reads. */
function storageFinding(p: Member, storage: Storage | undefined): Finding {
  const text = p.config?.['storage.yaml'];
  if (!text) return { check: 'storage', ok: null, problem: 'flytepropeller reads its storage from a Secret (flyte-core.storage.secretName): not compared' };
  const mine = storageOfConfig(text, `context ${p.m.context} ConfigMap ${p.ns}/flyte-propeller-config storage.yaml`);
  const value = describeStorage(mine);
  if (mine.type === 'minio')
    return {
      check: 'storage',
      ok: false,
      value,
      problem: `flytepropeller writes to flyte-core's in-cluster minio (${mine.endpoint}), which FlyteAdmin in the control plane cannot read`,
      fix: "install the data plane with the control plane's flyte-core.storage (type, bucketName)",
    };
  if (!storage) return { check: 'storage', ok: null, value, problem: 'the hub has no FlyteAdmin config (flyte-admin-base-config) to compare with yet' };
  const diffs = storageDifferences(storage, mine);
  if (!diffs.length) return { check: 'storage', ok: true, value };
  return {
    check: 'storage',
    ok: false,
    value,
    problem: `flytepropeller's storage (${value}) is not FlyteAdmin's (${describeStorage(storage)}): ${diffs.join('; ')}; FlyteAdmin reads what flytepropeller writes`,
    fix: 'use the same flyte-core.storage on both planes (`helm flytemc validate -f <control-plane values> --data-plane <data-plane values>` compares them)',
  };
}

/** No flytepropeller in the namespace: maybe in another one (the namespace flag was likely forgotten). */
async function notInstalled(m: Kube, ns: string, install: string): Promise<Finding[]> {
  const elsewhere = await propellerElsewhere(m, ns);
  const unchecked = (['alive', 'admin', 'catalog', 'cluster-id', 'storage'] as const).map((check): Finding => ({ check, ok: null }));
  return [
    {
      check: 'installed',
      ok: false,
      problem: elsewhere.length
        ? `no flytepropeller in namespace ${ns} of context ${m.context}, but one runs in namespace ${elsewhere.join(', ')}: check looks in one namespace, the control plane's`
        : `no flytepropeller in namespace ${ns} of context ${m.context} (no ConfigMap flyte-propeller-config, no Deployment flytepropeller): nothing would run the executions FlyteAdmin sends here`,
      fix: elsewhere.length ? `rerun with -n ${elsewhere[0]} if the control plane is there too, or install the data plane in ${ns}: ${install}` : install,
    },
    ...unchecked,
  ];
}

/** The member side: flytepropeller installed and running, pointed at the control plane, named as the hub names it, on the control plane's storage. */
export async function checkPropeller(m: Kube, ns: string, c: ClusterConfig, storage: Storage | undefined, routes: GrpcRoutes | undefined): Promise<Finding[]> {
  const dp = await readDataPlane(m, ns);
  const install = `helm flytemc install data-plane --name ${c.name} --kube-context ${m.context} -n ${ns} -f shared-values.yaml`;
  if (!dp.config && !dp.deployment) return notInstalled(m, ns, install);
  const p: Member = { m, ns, c, config: dp.config, install };
  const admin = objectAt(section(p, 'admin.yaml'), 'admin');
  const adminEndpoint = typeof admin.endpoint === 'string' ? admin.endpoint : undefined;
  return [
    { check: 'installed', ok: true, value: dp.deployment ?? 'ConfigMap flyte-propeller-config' },
    await propellerAlive(m, ns, dp.config),
    await adminFinding(p, adminEndpoint),
    await catalogFinding(p, adminEndpoint, routes),
    clusterIdFinding(p, dp.deployment, dp.clusterId ?? ''),
    storageFinding(p, storage),
  ];
}
