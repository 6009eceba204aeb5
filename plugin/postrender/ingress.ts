// multicluster.controlPlane.catalogIngress: DataCatalog's gRPC routes beside FlyteAdmin's on flyte-core's Ingress.
import type { Operation } from 'fast-json-patch';
import { FlytemcError, error } from '../problems/problems.ts';
import type { DocPatch } from './patch.ts';
import { isNamed, kindOf, type Doc, type K8sObject } from './stream.ts';
import { isObject } from '../yaml/data.ts';
import { ADMIN_GRPC_ROUTE, CATALOG_GRPC_ROUTES } from '../config/control-plane.ts';

const CATALOG_SERVICE = 'datacatalog';
const CATALOG_GRPC_PORT = 89;

interface Path {
  path?: string;
  pathType?: string;
  backend?: unknown;
}

/** The patches that route datacatalog.DataCatalog on every Ingress rule that routes FlyteAdmin's gRPC service: flyte-core v1.16.8's gRPC Ingress routes FlyteAdmin's services only, and data planes reach DataCatalog at FlyteAdmin's host. */
export function catalogRoutePatches(docs: Doc[]): DocPatch[] {
  const patches: DocPatch[] = [];
  let grpcRules = 0;
  for (const d of docs) {
    if (kindOf(d) !== 'Ingress') continue;
    const v = d.value as K8sObject & { spec?: { rules?: Array<{ http?: { paths?: Path[] } }> } };
    if (!isObject(v) || v.kind !== 'Ingress' || !Array.isArray(v.spec?.rules)) continue;
    const ops: Operation[] = [];
    v.spec!.rules!.forEach((rule, ri) => {
      const paths = isObject(rule) && isObject(rule.http) && Array.isArray(rule.http.paths) ? rule.http.paths : undefined;
      if (!paths?.some((p) => isObject(p) && p.path === ADMIN_GRPC_ROUTE)) return;
      grpcRules++;
      for (const path of CATALOG_GRPC_ROUTES) {
        if (paths.some((p) => isObject(p) && p.path === path)) continue;
        ops.push({
          op: 'add',
          path: `/spec/rules/${ri}/http/paths/-`,
          value: { path, pathType: 'ImplementationSpecific', backend: { service: { name: CATALOG_SERVICE, port: { number: CATALOG_GRPC_PORT } } } },
        });
      }
    });
    if (ops.length) patches.push({ doc: d, ops });
  }
  if (!docs.some((d) => isNamed(d, 'Service', CATALOG_SERVICE))) {
    throw new FlytemcError([
      error(
        { code: 'wiring.catalog-service', subject: 'the rendered manifests' },
        `multicluster.controlPlane.catalogIngress is true, but the control plane runs no Service ${CATALOG_SERVICE}`,
        'keep DataCatalog on in the control plane (flyte-core.datacatalog.enabled: true)',
      ),
    ]);
  }
  if (grpcRules === 0) {
    throw new FlytemcError([
      error(
        { code: 'wiring.catalog-ingress', subject: 'the rendered manifests' },
        `multicluster.controlPlane.catalogIngress is true, but no Ingress routes FlyteAdmin's gRPC services (${ADMIN_GRPC_ROUTE}) to add datacatalog.DataCatalog to`,
        "turn flyte-core's Ingress on (flyte-core.common.ingress.enabled: true), or set catalogIngress: false and give the data planes a catalogEndpoint",
      ),
    ]);
  }
  return patches;
}
