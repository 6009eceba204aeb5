// `validate --data-plane`: each data plane's values checked alone, then against the control plane's (storage, catalog route, name).
import { cloudFile, shippedChart, type Cloud } from '../helm/chart-files.ts';
import { pluginRoot } from '../helm/helm.ts';
import { error, type At, type Problem, warning } from '../problems/problems.ts';
import { checkConfig } from './check-config.ts';
import { IN_CLUSTER_ADMIN, inClusterService, resolveWiring, type Wiring } from './control-plane.ts';
import { readValuesFiles } from './from-values.ts';
import { describeStorage, storageDifferences, storageOfValues, type Storage } from './storage.ts';
import type { ClusterConfig, ControlPlane } from './types.ts';
import { isObject } from '../yaml/data.ts';

interface DataPlaneReport {
  files: string[];
  name?: string;
  adminEndpoint?: string;
  catalog?: string;
  storage: string;
  problems: Problem[];
}

export interface PlanesReport {
  controlPlane: { files: string[]; storage: string; problems: Problem[] };
  dataPlanes: DataPlaneReport[];
}

type Values = Record<string, unknown>;
const obj = (v: unknown): Values => (isObject(v) ? v : {});

/** What the data planes are compared with: the control plane's merged values. */
interface ControlPlaneView {
  label: string;
  given: boolean;
  storage?: Storage;
  controlPlane: ControlPlane;
  clusters?: ClusterConfig[];
}

/** One data plane's merged values and where its problems are (`data plane FILES /pointer`). */
interface DataPlaneView {
  core: Values;
  cp: ControlPlane;
  name?: string;
  at: (code: string, pointer: string) => At;
}

function load(files: string[], cloud: Cloud | undefined): Values {
  const all = cloud ? [cloudFile(shippedChart(pluginRoot()), cloud), ...files] : files;
  return obj(readValuesFiles(all).merged);
}

function controlPlaneView(cpFiles: string[], cloud: Cloud | undefined): ControlPlaneView {
  const cp = load(cpFiles, cloud);
  const mc = obj(cp.multicluster);
  const list = obj(mc.clusters).clusterConfigs;
  return {
    label: cpFiles.join(', '),
    given: cpFiles.length > 0,
    ...(cpFiles.length ? { storage: storageOfValues(obj(cp['flyte-core'])) } : {}),
    controlPlane: obj(mc.controlPlane) as ControlPlane,
    ...(Array.isArray(list) ? { clusters: list as ClusterConfig[] } : {}),
  };
}

/** multicluster.clusterName set, and the same as flytepropeller's. */
function nameProblems(dp: DataPlaneView): Problem[] {
  const propellerName = obj(dp.core.flytepropeller).clusterName;
  if (!dp.name)
    return [
      warning(
        dp.at('planes.cluster-name', '/multicluster/clusterName'),
        'multicluster.clusterName is not set in these files',
        '`helm flytemc install data-plane --name NAME` sets it (and flyte-core.flytepropeller.clusterName)',
      ),
    ];
  if (propellerName === undefined || propellerName === '' || propellerName === dp.name) return [];
  return [
    error(
      dp.at('planes.cluster-name', '/flyte-core/flytepropeller/clusterName'),
      `flyte-core.flytepropeller.clusterName (${JSON.stringify(propellerName)}) differs from multicluster.clusterName (${JSON.stringify(dp.name)}): FlyteAdmin drops the events of a data plane that reports another name than the one it is listed under`,
      `set both to the same name (\`helm flytemc install data-plane --name ${dp.name}\` sets both)`,
    ),
  ];
}

/** flyte-core's own admin and catalog endpoints, which a data plane takes from multicluster.controlPlane instead. */
function overrideProblems(dp: DataPlaneView): Problem[] {
  const problems: Problem[] = [];
  const cm = obj(dp.core.configmap);
  const coreAdmin = obj(obj(cm.admin).admin).endpoint;
  if (typeof coreAdmin === 'string' && coreAdmin !== IN_CLUSTER_ADMIN && coreAdmin !== dp.cp.adminEndpoint)
    problems.push(
      error(
        dp.at('planes.admin-endpoint', '/flyte-core/configmap/admin/admin/endpoint'),
        `flyte-core.configmap.admin.admin.endpoint is ${JSON.stringify(coreAdmin)}, but on a data plane flytepropeller's admin endpoint comes from multicluster.controlPlane.adminEndpoint only (${JSON.stringify(dp.cp.adminEndpoint ?? '')})`,
        'remove flyte-core.configmap.admin.admin.endpoint (and set multicluster.controlPlane.adminEndpoint)',
      ),
    );
  const coreCatalog = obj(obj(cm.catalog)['catalog-cache']).endpoint;
  if (typeof coreCatalog === 'string' && coreCatalog !== 'datacatalog:89' && coreCatalog !== (dp.cp.catalogEndpoint ?? dp.cp.adminEndpoint))
    problems.push(
      error(
        dp.at('planes.catalog-endpoint', '/flyte-core/configmap/catalog/catalog-cache/endpoint'),
        `flyte-core.configmap.catalog.catalog-cache.endpoint is ${JSON.stringify(coreCatalog)}, but on a data plane the catalog endpoint comes from multicluster.controlPlane.catalogEndpoint (or adminEndpoint with catalogIngress)`,
        `remove it and set multicluster.controlPlane.catalogEndpoint: ${coreCatalog}`,
      ),
    );
  return problems;
}

/** The way back as resolved: an admin endpoint inside the data plane, a catalog route the control plane does not serve. */
function wiringProblems(dp: DataPlaneView, wiring: Wiring, cp: ControlPlaneView): Problem[] {
  const problems: Problem[] = [];
  if (wiring.admin.endpoint === IN_CLUSTER_ADMIN || inClusterService(wiring.admin.endpoint, 'flyte'))
    problems.push(
      warning(
        dp.at('planes.in-cluster-admin', '/multicluster/controlPlane/adminEndpoint'),
        `${wiring.admin.endpoint} names a Service inside the data plane (flyte-core's default ${IN_CLUSTER_ADMIN} exists only in the control plane)`,
        "use FlyteAdmin's address as the data plane reaches it (dns:///flyte.example.com:443), or create that Service in the data plane (e.g. an ExternalName Service to the control plane); `flytemc check` verifies it",
      ),
    );
  if (wiring.catalog.type === 'datacatalog' && !dp.cp.catalogEndpoint && dp.cp.catalogIngress && cp.given && cp.controlPlane.catalogIngress !== true)
    problems.push(
      error(
        dp.at('planes.catalog-ingress', '/multicluster/controlPlane/catalogIngress'),
        `this data plane reaches DataCatalog at adminEndpoint (catalogIngress: true), but the control plane's values (${cp.label}) do not set multicluster.controlPlane.catalogIngress, so its gRPC Ingress routes no datacatalog.DataCatalog`,
        "set multicluster.controlPlane.catalogIngress: true in the control plane's values too (keep the controlPlane block in a file both planes share), or give this data plane a catalogEndpoint",
      ),
    );
  return problems;
}

/** The data plane's storage: not the in-cluster minio, not a placeholder, the control plane's. */
function storageProblems(dp: DataPlaneView, storage: Storage, cp: ControlPlaneView): Problem[] {
  if (storage.type === 'minio')
    return [
      error(
        dp.at('planes.storage', '/flyte-core/storage/type'),
        "the data plane's storage is flyte-core's in-cluster minio (storage.type sandbox, the default): FlyteAdmin in the control plane cannot read what flytepropeller writes there",
        "use the control plane's storage: the same flyte-core.storage.type (s3, gcs or custom) and bucketName on both planes",
      ),
    ];
  if (/^<.*>$/.test(storage.container ?? ''))
    return [
      error(
        dp.at('planes.storage', '/flyte-core/storage/bucketName'),
        `the storage bucket is still the cloud overlay's placeholder ${storage.container}`,
        'set flyte-core.userSettings.bucketName (the same for both planes)',
      ),
    ];
  if (storage.unknown) return [warning(dp.at('planes.storage-unknown', '/flyte-core/storage'), `storage not compared: ${storage.unknown}`)];
  if (!cp.storage || cp.storage.unknown) return [];
  const diffs = storageDifferences(cp.storage, storage);
  if (!diffs.length) return [];
  return [
    error(
      dp.at('planes.storage', '/flyte-core/storage'),
      `the data plane's storage (${describeStorage(storage)}) is not the control plane's (${describeStorage(cp.storage)}, from ${cp.label}): ${diffs.join('; ')}; FlyteAdmin reads the inputs, outputs and metadata flytepropeller writes`,
      'use the same flyte-core.storage (type, bucketName, endpoint) on both planes; keep it in a values file both share (with a cloud overlay: flyte-core.userSettings.bucketName)',
    ),
  ];
}

const sameProblem = (p: Problem, q: Problem) => p.file === q.file && p.pointer === q.pointer && p.message === q.message;

function checkDataPlane(files: string[], cloud: Cloud | undefined, cp: ControlPlaneView): DataPlaneReport {
  const label = `data plane ${files.join(',')}`;
  const values = load(files, cloud);
  const mc = obj(values.multicluster);
  const name = typeof mc.clusterName === 'string' ? mc.clusterName : undefined;
  const at = (code: string, pointer: string) => ({ code, file: label, pointer });
  const dp: DataPlaneView = { core: obj(values['flyte-core']), cp: obj(mc.controlPlane) as ControlPlane, ...(name ? { name } : {}), at };
  // every missing or conflicting setting of the data plane at once: name, way back, catalog, storage
  const problems = checkConfig({ source: { label, base: '/multicluster' }, form: 'multicluster', raw: { ...mc, role: 'data-plane' } }).problems;
  problems.push(...nameProblems(dp));
  const { wiring, problems: wp } = resolveWiring(dp.cp, (p) => ({ file: label, pointer: `/multicluster${p}` }));
  problems.push(...wp.filter((p) => !problems.some((q) => sameProblem(p, q))));
  problems.push(...overrideProblems(dp));
  if (wiring) problems.push(...wiringProblems(dp, wiring, cp));
  const storage = storageOfValues(dp.core);
  problems.push(...storageProblems(dp, storage, cp));
  if (name && cp.clusters && !cp.clusters.some((c) => c.name === name))
    problems.push(
      warning(
        at('planes.not-joined', '/multicluster/clusterName'),
        `${JSON.stringify(name)} is not in the control plane's clusterConfigs (${cp.label}), so FlyteAdmin sends it nothing yet`,
        `join it: helm flytemc join CONTEXT --name ${name} --values <control-plane values file>`,
      ),
    );
  const catalog = wiring ? { adminEndpoint: wiring.admin.endpoint, catalog: wiring.catalog.type === 'noop' ? 'off (noop)' : wiring.catalog.endpoint } : {};
  return { files, ...(name ? { name } : {}), ...catalog, storage: describeStorage(storage), problems };
}

export function checkPlanes(cpFiles: string[], dataPlanes: string[][], cloud?: Cloud): PlanesReport {
  const cp = controlPlaneView(cpFiles, cloud);
  const problems =
    cp.given && !cp.clusters?.length
      ? [
          warning(
            { code: 'planes.no-data-planes', file: `control plane ${cp.label}`, pointer: '/multicluster/clusters/clusterConfigs' },
            'lists no data plane yet, so FlyteAdmin has nowhere to run executions (the post-renderer refuses to install it so)',
            'join the data planes: helm flytemc join CONTEXT --name NAME --values <control-plane values file>',
          ),
        ]
      : [];
  return {
    controlPlane: { files: cpFiles, storage: cp.storage ? describeStorage(cp.storage) : '(no control-plane files)', problems },
    dataPlanes: dataPlanes.map((files) => checkDataPlane(files, cloud, cp)),
  };
}
