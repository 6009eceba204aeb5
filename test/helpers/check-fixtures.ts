// Fake clusters as `flytemc check` finds them (test/helpers/fake-kube.ts): a data plane's flytepropeller, the control plane's config and Ingress, a kubeconfig for them.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import yaml from 'js-yaml';
import type { FakeCluster, World } from './fake-kube.ts';

export const NS = 'flyte';
export const ADMIN = 'dns:///flyte.example.com:443';
const dir = mkdtempSync(join(tmpdir(), 'flytemc-check-'));

/** flyte-core's data plane as `install data-plane` leaves it (its flytepropeller reports `name`), and its leader Lease renewed `ageS` seconds ago (none: undefined). */
export function dataPlane(c: FakeCluster, name: string, o: { ageS?: number; catalog?: string; storage?: string } = {}): void {
  c.namespaces.add(NS);
  c.deployments.put(NS, {
    metadata: { name: 'flytepropeller', namespace: NS },
    spec: {
      selector: {},
      template: { spec: { containers: [{ name: 'flytepropeller', args: ['--config', '/etc/flyte/config/*.yaml', '--propeller.cluster-id', name] }] } },
    },
  });
  c.configMaps.put(NS, {
    metadata: { name: 'flyte-propeller-config', namespace: NS },
    data: {
      'admin.yaml': yaml.dump({ admin: { endpoint: ADMIN, insecure: false } }),
      'catalog.yaml': yaml.dump({ 'catalog-cache': { type: 'datacatalog', endpoint: o.catalog ?? ADMIN, insecure: false } }),
      'core.yaml': yaml.dump({
        propeller: { 'leader-election': { enabled: true, 'lease-duration': '15s', 'lock-config-map': { name: 'propeller-leader', namespace: NS } } },
      }),
      ...(o.storage ? { 'storage.yaml': o.storage } : {}),
    },
  });
  if (o.ageS !== undefined)
    c.leases.put(NS, {
      metadata: { name: 'propeller-leader', namespace: NS },
      spec: { holderIdentity: `${name}-propeller`, leaseDurationSeconds: 15, renewTime: new Date(Date.now() - o.ageS * 1000) as never },
    });
}

/** The control plane's deployed clusters ConfigMap, and its gRPC Ingress (routing DataCatalog too, or not). */
export function controlPlane(hub: FakeCluster, clusters: string[], world: World, catalogRoute: boolean): void {
  const clusterConfigs = clusters.map((n) => ({ name: n, endpoint: world.cluster(n).server, enabled: true }));
  hub.configMaps.put(NS, {
    metadata: { name: 'flyte-admin-clusters-config', namespace: NS },
    data: { 'clusters.yaml': yaml.dump({ clusters: { clusterConfigs } }) },
  });
  const path = (p: string) => ({
    path: p,
    pathType: 'ImplementationSpecific',
    backend: { service: { name: p.includes('datacatalog') ? 'datacatalog' : 'flyteadmin', port: { number: 81 } } },
  });
  hub.ingresses.put(NS, {
    metadata: { name: 'flyte-core-grpc', namespace: NS },
    spec: { rules: [{ http: { paths: [path('/flyteidl.service.AdminService'), ...(catalogRoute ? [path('/datacatalog.DataCatalog')] : [])] } }] },
  });
}

/** A kubeconfig with a context per fake cluster (servers as the fakes answer to). */
export function kubeconfig(world: World): string {
  const names = [...world.clusters.keys()];
  const file = join(dir, `kubeconfig-${names.join('-')}-${Math.random().toString(36).slice(2)}`);
  writeFileSync(
    file,
    yaml.dump({
      apiVersion: 'v1',
      kind: 'Config',
      'current-context': 'cp',
      clusters: names.map((n) => ({
        name: n,
        cluster: { server: world.cluster(n).server, 'certificate-authority-data': Buffer.from('ca').toString('base64') },
      })),
      users: [{ name: 'u', user: { token: 'operator' } }],
      contexts: names.map((n) => ({ name: n, context: { cluster: n, user: 'u' } })),
    }),
  );
  return file;
}

/** A file in this run's folder. */
export function scratch(name: string, text: string): string {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}

/** Removes this run's folder (a test's `after`). */
export const cleanUp = (): void => rmSync(dir, { recursive: true, force: true });
