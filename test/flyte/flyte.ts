// A real Flyte on harness clusters, from what flytemc installed: FlyteAdmin and DataCatalog run
// from the control plane's stored Deployments and ConfigMaps, one FlytePropeller per data plane
// from its own, all on this host against one PostgreSQL and one local storage folder.
//
//   const site = await prepareSite(root);              // binaries, PostgreSQL, ports, storage
//   writeFileSync(f, yaml.dump(site.sharedValues));    // values both planes share (-f)
//   writeFileSync(g, yaml.dump(site.hostValues));      // the control plane's: what differs on one host
//   ... helm flytemc install data-plane / join / install control-plane ...
//   const cp = await startControlPlane(site, hubCluster);
//   const p1 = await startPropeller({ cluster: dp1, root: site.root, dir: podDir(site.root, 'dp1', 'flytepropeller'), bins: site.bins });
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ClusterInfo } from '../harness/cluster.ts';
import { freePorts } from '../harness/cluster.ts';
import { kubeConfigFor } from '../harness/kube.ts';
import { ensureFlyteBinaries, type FlyteBinaries } from './binaries.ts';
import { LocalPod } from './pod.ts';
import { startPostgres, type Postgres } from './postgres.ts';
import type { Service } from './service.ts';

export const NS = 'flyte';

export interface Site {
  root: string;
  bins: FlyteBinaries;
  /** Other programs on the pods' PATH, as the images a test names would have them (kubectl, an exec plugin): name → path. */
  tools: Record<string, string>;
  pg: Postgres;
  ports: { adminHttp: number; adminGrpc: number; adminProfiler: number; catalogGrpc: number; catalogHttp: number; catalogProfiler: number };
  /** The local "bucket" both planes share. */
  storage: string;
  /** Where the control plane's credentials Secret is mounted (multicluster.credentials.mountPath). */
  credentials: string;
  /** `http://127.0.0.1:PORT`: FlyteAdmin's HTTP API. */
  adminUrl: string;
  /** What both planes share: where FlyteAdmin and DataCatalog are, and the storage. */
  sharedValues: object;
  /** The control plane's values for one host: database, ports, the paths its config names. */
  hostValues: object;
}

/** The folder a pod of `deployment` in `cluster` is laid out in. */
export const podDir = (root: string, cluster: string, deployment: string) => join(root, 'pods', cluster, deployment);

/** Unpacks the programs, starts PostgreSQL, picks ports and writes nothing into any cluster. */
export async function prepareSite(root: string): Promise<Site> {
  const [bins, pg] = await Promise.all([ensureFlyteBinaries(), startPostgres()]);
  const [adminHttp, adminGrpc, adminProfiler, catalogGrpc, catalogHttp, catalogProfiler] = (await freePorts(6)) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const storage = join(root, 'storage');
  mkdirSync(join(storage, 'flyte'), { recursive: true });
  const credentials = join(root, 'credentials');
  const stow = { type: 'custom', custom: { type: 'stow', container: 'flyte', stow: { kind: 'local', config: { path: storage } } } };
  const db = (dbname: string) => ({ database: { host: pg.host, port: pg.port, username: pg.user, dbname } });
  return {
    root,
    bins,
    tools: {},
    pg,
    ports: { adminHttp, adminGrpc, adminProfiler, catalogGrpc, catalogHttp, catalogProfiler },
    storage,
    credentials,
    adminUrl: `http://127.0.0.1:${adminHttp}`,
    sharedValues: {
      multicluster: {
        controlPlane: { adminEndpoint: `dns:///127.0.0.1:${adminGrpc}`, insecure: true, catalogEndpoint: `dns:///127.0.0.1:${catalogGrpc}` },
      },
      'flyte-core': { storage: stow },
    },
    hostValues: {
      multicluster: { credentials: { mountPath: credentials } },
      'flyte-core': {
        db: { admin: db('flyteadmin'), datacatalog: db('datacatalog') },
        configmap: {
          adminServer: { server: { httpPort: adminHttp, grpc: { port: adminGrpc } }, flyteadmin: { profilerPort: adminProfiler } },
          datacatalogServer: { application: { grpcPort: catalogGrpc, httpPort: catalogHttp }, datacatalog: { 'profiler-port': catalogProfiler } },
        },
        cluster_resource_manager: {
          // FlyteAdmin's templates volume, where the local pod lays it out (test/flyte/pod.ts)
          config: { cluster_resources: { templatePath: join(podDir(root, 'control-plane', 'flyteadmin'), 'volumes', 'resource-templates') } },
        },
      },
    },
  };
}

/** A kubeconfig file with only `cluster`'s context, current: what a program in that cluster would use. */
function kubeconfigFile(site: Site, cluster: ClusterInfo): string {
  const path = join(site.root, 'kubeconfigs', `${cluster.name}.yaml`);
  mkdirSync(join(site.root, 'kubeconfigs'), { recursive: true });
  writeFileSync(path, kubeConfigFor(cluster).exportConfig(), { mode: 0o600 });
  return path;
}

async function pod(site: Site, cluster: ClusterInfo, deployment: string, as = cluster.name): Promise<LocalPod> {
  return LocalPod.load({
    kc: kubeConfigFor(cluster),
    kubeconfigPath: kubeconfigFile(site, cluster),
    namespace: NS,
    deployment,
    root: site.root,
    dir: podDir(site.root, as, deployment),
    bins: { ...site.bins, ...site.tools },
  });
}

export interface ControlPlane {
  adminPod: LocalPod;
  catalogPod: LocalPod;
  admin: Service;
  catalog: Service;
  /**
   * Reads FlyteAdmin's Deployment, volumes and credentials again from the hub, runs its init
   * containers and restarts it, as a rollout would; `opts` replaces the init containers run and
   * the arguments added for this host.
   */
  restartAdmin(opts?: AdminRun): Promise<void>;
  stop(): Promise<void>;
}

interface AdminRun {
  /** FlyteAdmin's init containers to run, in the Deployment's order (default: migrations, seed, sync). */
  init?: string[];
  /** Added to `serve` and to `clusterresource sync` (e.g. where the pod's secrets lie here). */
  args?: string[];
}

/** The init containers that prepare FlyteAdmin here; generate-secrets only matters with auth on. */
const ADMIN_INIT = ['run-migrations', 'seed-projects', 'sync-cluster-resources'];

/** Runs the control plane's FlyteAdmin (its native sidecars first) and DataCatalog from what the hub stores. */
export async function startControlPlane(site: Site, hub: ClusterInfo, first: AdminRun = {}): Promise<ControlPlane> {
  const [adminPod, catalogPod] = await Promise.all([pod(site, hub, 'flyteadmin', 'control-plane'), pod(site, hub, 'datacatalog', 'control-plane')]);
  for (const c of catalogPod.initContainers) await catalogPod.runToEnd(c);
  const catalog = catalogPod.start('datacatalog');
  let run: AdminRun = first;
  const startAdmin = async () => {
    await adminPod.startSidecars();
    const init = run.init ?? ADMIN_INIT;
    for (const c of adminPod.initContainers.filter((x) => init.includes(x)))
      await adminPod.runToEnd(c, { extraArgs: c === 'sync-cluster-resources' ? (run.args ?? []) : [] });
    const s = adminPod.start('flyteadmin', { extraArgs: run.args ?? [] });
    await s.waitForPort(site.ports.adminHttp, 60_000);
    return s;
  };
  const cp: ControlPlane = {
    adminPod,
    catalogPod,
    admin: await startAdmin(),
    catalog,
    async restartAdmin(opts) {
      await cp.admin.stop();
      await adminPod.stopSidecars();
      if (opts) run = opts;
      await adminPod.refresh();
      cp.admin = await startAdmin();
    },
    async stop() {
      await Promise.all([cp.admin.stop(), cp.catalog.stop()]);
      await adminPod.stopSidecars();
    },
  };
  await catalog.waitForPort(site.ports.catalogGrpc, 60_000);
  return cp;
}
