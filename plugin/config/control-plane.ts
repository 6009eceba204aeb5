// The way back from a data plane: `multicluster.controlPlane` resolved to flytepropeller's admin and catalog endpoints, or refused.
import { error, type Problem, type Locator } from '../problems/problems.ts';
import type { ControlPlane } from './types.ts';
import { coded } from './where.ts';

/** Where flytepropeller reads its OAuth2 client secret (flyte-core's mount of flyte-secret-auth). */
export const CLIENT_SECRET_DIR = '/etc/secrets';
export const CLIENT_SECRET_KEY = 'client_secret';
const DEFAULT_CLIENT_SECRET = { secretName: 'flyte-secret-auth', clientId: 'flytepropeller' };
/** flyte-core's single-cluster defaults, which exist only inside the control plane's cluster. */
export const IN_CLUSTER_ADMIN = 'flyteadmin:81';
/** The gRPC Ingress paths of FlyteAdmin's service and of DataCatalog's (catalogIngress adds the latter next to the former). */
export const ADMIN_GRPC_ROUTE = '/flyteidl.service.AdminService';
export const CATALOG_GRPC_ROUTES = ['/datacatalog.DataCatalog', '/datacatalog.DataCatalog/*'];

export interface Wiring {
  admin: { endpoint: string; insecure: boolean; clientSecret?: { secretName: string; clientId: string } };
  catalog: { type: 'noop' } | { type: 'datacatalog'; endpoint: string; insecure: boolean };
}

/**
 * The data plane's wiring, or the problems: every missing setting at once (each naming
 * `multicluster.controlPlane.…` and the ways out), so that one run shows them all.
 */
export function resolveWiring(cp: ControlPlane | undefined, at: Locator): { wiring?: Wiring; problems: Problem[] } {
  const c = cp ?? {};
  const problems: Problem[] = [];
  const shared = 'keep it in the values file both planes share (-f shared-values.yaml on both installs)';
  if (!c.adminEndpoint) {
    problems.push(
      error(
        coded('wiring.admin-endpoint', at('/controlPlane/adminEndpoint')),
        "multicluster.controlPlane.adminEndpoint is not set: a data plane's flytepropeller sends every execution event to FlyteAdmin in the control plane, and flyte-core's default (flyteadmin:81) exists only inside the control plane's cluster",
        `set FlyteAdmin's gRPC endpoint as this cluster reaches it, e.g. multicluster.controlPlane.adminEndpoint: dns:///flyte.example.com:443 (\`helm flytemc install data-plane --admin-endpoint URL\` sets it); ${shared}`,
      ),
    );
  }
  const insecure = c.insecure === true;
  let catalog: Wiring['catalog'] | undefined;
  if (c.catalog === false) catalog = { type: 'noop' };
  else if (c.catalogEndpoint) catalog = { type: 'datacatalog', endpoint: c.catalogEndpoint, insecure };
  else if (c.catalogIngress) catalog = c.adminEndpoint ? { type: 'datacatalog', endpoint: c.adminEndpoint, insecure } : undefined;
  else {
    problems.push(
      error(
        coded('wiring.catalog-endpoint', at('/controlPlane/catalogEndpoint')),
        `multicluster.controlPlane.catalogEndpoint is not set, and flyte-core's gRPC Ingress routes only FlyteAdmin's services (${c.adminEndpoint ?? "FlyteAdmin's endpoint"} serves no datacatalog.DataCatalog)`,
        `set multicluster.controlPlane.catalogIngress: true for both planes (the control plane routes DataCatalog on its gRPC Ingress and the catalog defaults to adminEndpoint; ${shared}), or catalogEndpoint (DataCatalog as this cluster reaches it), or catalog: false to turn task caching off`,
      ),
    );
  }
  if (!c.adminEndpoint || !catalog) return { problems };
  const admin: Wiring['admin'] = { endpoint: c.adminEndpoint, insecure };
  if (c.clientSecret) admin.clientSecret = { ...DEFAULT_CLIENT_SECRET, ...c.clientSecret };
  return { wiring: { admin, catalog }, problems };
}

/** A gRPC target's host and port (`dns:///flyte.example.com:443` → flyte.example.com, 443). */
export function targetHost(endpoint: string): { host: string; port?: number } {
  const rest = endpoint.replace(/^[a-z]+:\/\/\/?/i, '');
  const m = /^(\[[^\]]+\]|[^:/]+)(?::(\d+))?/.exec(rest);
  return m ? { host: m[1]!, ...(m[2] ? { port: Number(m[2]) } : {}) } : { host: rest };
}

/**
 * When an endpoint names a Service inside the cluster (a bare name such as `flyteadmin`, or
 * `NAME.NS.svc`, `NAME.NS.svc.cluster.local`), that Service; else undefined (`a.b` may be public
 * DNS as well as a Service `a` in namespace `b`, so it is not taken for one).
 */
export function inClusterService(endpoint: string, defaultNamespace: string): { name: string; namespace: string } | undefined {
  const { host } = targetHost(endpoint);
  if (host.startsWith('[') || /^\d+\.\d+\.\d+\.\d+$/.test(host) || host === 'localhost') return undefined;
  const parts = host.split('.');
  if (parts.length === 1) return { name: parts[0]!, namespace: defaultNamespace };
  const svc = parts.indexOf('svc');
  if (svc === 2) return { name: parts[0]!, namespace: parts[1]! };
  return undefined;
}
