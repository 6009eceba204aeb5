// `validate --data-plane`: each data plane's values, checked as the chart and the post-renderer
// will check them, then against the control plane's: one storage for both (FlyteAdmin reads
// what flytepropeller writes), the DataCatalog route a data plane relies on, its name listed.
import { cloudFile, shippedChart, type Cloud } from '../helm/chart-files.ts';
import { pluginRoot } from '../helm/helm.ts';
import { error, type Problem, warning, whereOf } from '../problems/problems.ts';
import { checkConfig } from './check-config.ts';
import { IN_CLUSTER_ADMIN, inClusterService, resolveWiring } from './control-plane.ts';
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

function load(files: string[], cloud: Cloud | undefined): Values {
  const all = cloud ? [cloudFile(shippedChart(pluginRoot()), cloud), ...files] : files;
  return obj(readValuesFiles(all).merged);
}

export function checkPlanes(cpFiles: string[], dataPlanes: string[][], cloud?: Cloud): PlanesReport {
  const cp = load(cpFiles, cloud);
  const cpMc = obj(cp.multicluster);
  const cpStorage: Storage | undefined = cpFiles.length ? storageOfValues(obj(cp['flyte-core'])) : undefined;
  const cpControlPlane = obj(cpMc.controlPlane) as ControlPlane;
  const cpClusters = Array.isArray(obj(cpMc.clusters).clusterConfigs) ? (obj(cpMc.clusters).clusterConfigs as ClusterConfig[]) : undefined;
  const cpLabel = cpFiles.join(', ');
  const cpProblems =
    cpFiles.length && !cpClusters?.length
      ? [
          warning(
            `control plane ${cpLabel} /multicluster/clusters/clusterConfigs`,
            'lists no data plane yet, so FlyteAdmin has nowhere to run executions (the post-renderer refuses to install it so)',
            'join the data planes: helm flytemc join CONTEXT --name NAME --values <control-plane values file>',
          ),
        ]
      : [];

  const reports = dataPlanes.map((files): DataPlaneReport => {
    const label = `data plane ${files.join(',')}`;
    const dp = load(files, cloud);
    const mc = obj(dp.multicluster);
    const problems: Problem[] = [];
    const at = (p: string) => `${label} /multicluster${p}`;
    const checked = checkConfig({ source: { label, base: '/multicluster' }, form: 'multicluster', raw: { ...mc, role: 'data-plane' } });
    problems.push(...checked.problems);
    // every missing or conflicting setting of the data plane at once: name, way back, catalog, storage
    const core = obj(dp['flyte-core']);
    const name = typeof mc.clusterName === 'string' ? mc.clusterName : undefined;
    const propellerName = obj(core.flytepropeller).clusterName;
    if (!name)
      problems.push(
        warning(
          at('/clusterName'),
          'multicluster.clusterName is not set in these files',
          '`helm flytemc install data-plane --name NAME` sets it (and flyte-core.flytepropeller.clusterName)',
        ),
      );
    else if (propellerName !== undefined && propellerName !== '' && propellerName !== name)
      problems.push(
        error(
          `${label} /flyte-core/flytepropeller/clusterName`,
          `flyte-core.flytepropeller.clusterName (${JSON.stringify(propellerName)}) differs from multicluster.clusterName (${JSON.stringify(name)}): FlyteAdmin drops the events of a data plane that reports another name than the one it is listed under`,
          `set both to the same name (\`helm flytemc install data-plane --name ${name}\` sets both)`,
        ),
      );
    const cpBlock = obj(mc.controlPlane) as ControlPlane;
    const { wiring, problems: wp } = resolveWiring(cpBlock, at);
    problems.push(...wp.filter((p) => !problems.some((q) => whereOf(q) === whereOf(p) && q.message === p.message)));
    const cm = obj(core.configmap);
    const coreAdmin = obj(obj(cm.admin).admin).endpoint;
    if (typeof coreAdmin === 'string' && coreAdmin !== IN_CLUSTER_ADMIN && coreAdmin !== cpBlock.adminEndpoint)
      problems.push(
        error(
          `${label} /flyte-core/configmap/admin/admin/endpoint`,
          `flyte-core.configmap.admin.admin.endpoint is ${JSON.stringify(coreAdmin)}, but on a data plane flytepropeller's admin endpoint comes from multicluster.controlPlane.adminEndpoint only (${JSON.stringify(cpBlock.adminEndpoint ?? '')})`,
          'remove flyte-core.configmap.admin.admin.endpoint (and set multicluster.controlPlane.adminEndpoint)',
        ),
      );
    const coreCatalog = obj(obj(cm.catalog)['catalog-cache']).endpoint;
    if (typeof coreCatalog === 'string' && coreCatalog !== 'datacatalog:89' && coreCatalog !== (cpBlock.catalogEndpoint ?? cpBlock.adminEndpoint))
      problems.push(
        error(
          `${label} /flyte-core/configmap/catalog/catalog-cache/endpoint`,
          `flyte-core.configmap.catalog.catalog-cache.endpoint is ${JSON.stringify(coreCatalog)}, but on a data plane the catalog endpoint comes from multicluster.controlPlane.catalogEndpoint (or adminEndpoint with catalogIngress)`,
          `remove it and set multicluster.controlPlane.catalogEndpoint: ${coreCatalog}`,
        ),
      );
    if (wiring) {
      if (wiring.admin.endpoint === IN_CLUSTER_ADMIN || inClusterService(wiring.admin.endpoint, 'flyte')) {
        problems.push(
          warning(
            at('/controlPlane/adminEndpoint'),
            `${wiring.admin.endpoint} names a Service inside the data plane (flyte-core's default ${IN_CLUSTER_ADMIN} exists only in the control plane)`,
            "use FlyteAdmin's address as the data plane reaches it (dns:///flyte.example.com:443), or create that Service in the data plane (e.g. an ExternalName Service to the control plane); `flytemc check` verifies it",
          ),
        );
      }
      if (
        wiring.catalog.type === 'datacatalog' &&
        !cpBlock.catalogEndpoint &&
        cpBlock.catalogIngress &&
        cpFiles.length &&
        cpControlPlane.catalogIngress !== true
      ) {
        problems.push(
          error(
            at('/controlPlane/catalogIngress'),
            `this data plane reaches DataCatalog at adminEndpoint (catalogIngress: true), but the control plane's values (${cpLabel}) do not set multicluster.controlPlane.catalogIngress, so its gRPC Ingress routes no datacatalog.DataCatalog`,
            "set multicluster.controlPlane.catalogIngress: true in the control plane's values too (keep the controlPlane block in a file both planes share), or give this data plane a catalogEndpoint",
          ),
        );
      }
    }
    const storage = storageOfValues(core);
    if (storage.type === 'minio') {
      problems.push(
        error(
          `${label} /flyte-core/storage/type`,
          "the data plane's storage is flyte-core's in-cluster minio (storage.type sandbox, the default): FlyteAdmin in the control plane cannot read what flytepropeller writes there",
          "use the control plane's storage: the same flyte-core.storage.type (s3, gcs or custom) and bucketName on both planes",
        ),
      );
    } else if (/^<.*>$/.test(storage.container ?? '')) {
      problems.push(
        error(
          `${label} /flyte-core/storage/bucketName`,
          `the storage bucket is still the cloud overlay's placeholder ${storage.container}`,
          'set flyte-core.userSettings.bucketName (the same for both planes)',
        ),
      );
    } else if (storage.unknown) {
      problems.push(warning(`${label} /flyte-core/storage`, `storage not compared: ${storage.unknown}`));
    } else if (cpStorage && !cpStorage.unknown) {
      const diffs = storageDifferences(cpStorage, storage);
      if (diffs.length) {
        problems.push(
          error(
            `${label} /flyte-core/storage`,
            `the data plane's storage (${describeStorage(storage)}) is not the control plane's (${describeStorage(cpStorage)}, from ${cpLabel}): ${diffs.join('; ')}; FlyteAdmin reads the inputs, outputs and metadata flytepropeller writes`,
            'use the same flyte-core.storage (type, bucketName, endpoint) on both planes; keep it in a values file both share (with a cloud overlay: flyte-core.userSettings.bucketName)',
          ),
        );
      }
    }
    if (name && cpClusters && !cpClusters.some((c) => c.name === name)) {
      problems.push(
        warning(
          at('/clusterName'),
          `${JSON.stringify(name)} is not in the control plane's clusterConfigs (${cpLabel}), so FlyteAdmin sends it nothing yet`,
          `join it: helm flytemc join CONTEXT --name ${name} --values <control-plane values file>`,
        ),
      );
    }
    return {
      files,
      ...(name ? { name } : {}),
      ...(wiring ? { adminEndpoint: wiring.admin.endpoint, catalog: wiring.catalog.type === 'noop' ? 'off (noop)' : wiring.catalog.endpoint } : {}),
      storage: describeStorage(storage),
      problems,
    };
  });
  return {
    controlPlane: { files: cpFiles, storage: cpStorage ? describeStorage(cpStorage) : '(no control-plane files)', problems: cpProblems },
    dataPlanes: reports,
  };
}
