#!/usr/bin/env node
import { createRequire as __flytemcCreateRequire } from 'node:module'; const require = __flytemcCreateRequire(import.meta.url);
import {
  coded
} from "./chunk-RMH2B4TR.mjs";
import {
  error
} from "./chunk-PXOMBRJH.mjs";

// plugin/config/control-plane.ts
var CLIENT_SECRET_DIR = "/etc/secrets";
var CLIENT_SECRET_KEY = "client_secret";
var DEFAULT_CLIENT_SECRET = { secretName: "flyte-secret-auth", clientId: "flytepropeller" };
var IN_CLUSTER_ADMIN = "flyteadmin:81";
var ADMIN_GRPC_ROUTE = "/flyteidl.service.AdminService";
var CATALOG_GRPC_ROUTES = ["/datacatalog.DataCatalog", "/datacatalog.DataCatalog/*"];
function resolveWiring(cp, at) {
  const c = cp ?? {};
  const problems = [];
  const shared = "keep it in the values file both planes share (-f shared-values.yaml on both installs)";
  if (!c.adminEndpoint) {
    problems.push(
      error(
        coded("wiring.admin-endpoint", at("/controlPlane/adminEndpoint")),
        "multicluster.controlPlane.adminEndpoint is not set: a data plane's flytepropeller sends every execution event to FlyteAdmin in the control plane, and flyte-core's default (flyteadmin:81) exists only inside the control plane's cluster",
        `set FlyteAdmin's gRPC endpoint as this cluster reaches it, e.g. multicluster.controlPlane.adminEndpoint: dns:///flyte.example.com:443 (\`helm flytemc install data-plane --admin-endpoint URL\` sets it); ${shared}`
      )
    );
  }
  const insecure = c.insecure === true;
  let catalog;
  if (c.catalog === false) catalog = { type: "noop" };
  else if (c.catalogEndpoint) catalog = { type: "datacatalog", endpoint: c.catalogEndpoint, insecure };
  else if (c.catalogIngress) catalog = c.adminEndpoint ? { type: "datacatalog", endpoint: c.adminEndpoint, insecure } : void 0;
  else {
    problems.push(
      error(
        coded("wiring.catalog-endpoint", at("/controlPlane/catalogEndpoint")),
        `multicluster.controlPlane.catalogEndpoint is not set, and flyte-core's gRPC Ingress routes only FlyteAdmin's services (${c.adminEndpoint ?? "FlyteAdmin's endpoint"} serves no datacatalog.DataCatalog)`,
        `set multicluster.controlPlane.catalogIngress: true for both planes (the control plane routes DataCatalog on its gRPC Ingress and the catalog defaults to adminEndpoint; ${shared}), or catalogEndpoint (DataCatalog as this cluster reaches it), or catalog: false to turn task caching off`
      )
    );
  }
  if (!c.adminEndpoint || !catalog) return { problems };
  const admin = { endpoint: c.adminEndpoint, insecure };
  if (c.clientSecret) admin.clientSecret = { ...DEFAULT_CLIENT_SECRET, ...c.clientSecret };
  return { wiring: { admin, catalog }, problems };
}
function targetHost(endpoint) {
  const rest = endpoint.replace(/^[a-z]+:\/\/\/?/i, "");
  const m = /^(\[[^\]]+\]|[^:/]+)(?::(\d+))?/.exec(rest);
  return m ? { host: m[1], ...m[2] ? { port: Number(m[2]) } : {} } : { host: rest };
}
function inClusterService(endpoint, defaultNamespace) {
  const { host } = targetHost(endpoint);
  if (host.startsWith("[") || /^\d+\.\d+\.\d+\.\d+$/.test(host) || host === "localhost") return void 0;
  const parts = host.split(".");
  if (parts.length === 1) return { name: parts[0], namespace: defaultNamespace };
  const svc = parts.indexOf("svc");
  if (svc === 2) return { name: parts[0], namespace: parts[1] };
  return void 0;
}

export {
  CLIENT_SECRET_DIR,
  CLIENT_SECRET_KEY,
  IN_CLUSTER_ADMIN,
  ADMIN_GRPC_ROUTE,
  CATALOG_GRPC_ROUTES,
  resolveWiring,
  inClusterService
};
