// What `flytemc check` reads from the hub besides the Secret: FlyteAdmin's ConfigMaps, its storage, its gRPC Ingress.
import { ADMIN_GRPC_ROUTE, CATALOG_GRPC_ROUTES } from '../config/control-plane.ts';
import type { ResourceTemplate } from '../config/rbac.ts';
import { storageOfConfig, type Storage } from '../config/storage.ts';
import { readOrAbsent, type Kube } from './kube.ts';

/** A ConfigMap's data ({} when it has none), or undefined when it is absent. */
export async function readConfigMap(k: Kube, ns: string, name: string): Promise<Record<string, string> | undefined> {
  const cm = await readOrAbsent(k, `reading ConfigMap ${ns}/${name}`, () => k.core.readNamespacedConfigMap({ name, namespace: ns }));
  return cm ? (cm.data ?? {}) : undefined;
}

/** The cluster-resource templates the hub's FlyteAdmin applies (ConfigMap clusterresource-template). */
export async function templatesDeployed(hub: Kube, ns: string): Promise<ResourceTemplate[] | undefined> {
  const data = await readConfigMap(hub, ns, 'clusterresource-template');
  return data ? Object.entries(data).map(([k, value]) => ({ key: k.replace(/\.yaml$/, ''), value })) : undefined;
}

/** The control plane's storage: storage.yaml of FlyteAdmin's flyte-admin-base-config in the hub. */
export async function hubStorage(hub: Kube, ns: string): Promise<Storage | undefined> {
  const data = await readConfigMap(hub, ns, 'flyte-admin-base-config');
  const text = data?.['storage.yaml'];
  return text ? storageOfConfig(text, `hub ConfigMap ${ns}/flyte-admin-base-config storage.yaml`) : undefined;
}

/** The control plane's gRPC Ingress: the Ingresses that route FlyteAdmin's service, and whether any of them routes DataCatalog's. */
export interface GrpcRoutes {
  admin: string[];
  catalog: boolean;
}

export async function hubGrpcRoutes(hub: Kube, ns: string): Promise<GrpcRoutes> {
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

/** The other namespaces of the hub with FlyteAdmin's clusters ConfigMap or the credentials Secret (the namespace flag was likely forgotten). */
export async function hubElsewhere(hub: Kube, ns: string, secretName: string): Promise<string[]> {
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
