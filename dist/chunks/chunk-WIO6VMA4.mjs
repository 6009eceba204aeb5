#!/usr/bin/env node
import { createRequire as __flytemcCreateRequire } from 'node:module'; const require = __flytemcCreateRequire(import.meta.url);
import {
  kubeOptions,
  timeoutOption
} from "./chunk-SYI5OANH.mjs";
import {
  readText
} from "./chunk-FIS3OFIC.mjs";
import {
  UsageError
} from "./chunk-PXOMBRJH.mjs";

// plugin/commands/admin-flags.ts
var ADMIN_OPTIONS = {
  admin: { type: "string" },
  "client-id": { type: "string" },
  "client-secret-file": { type: "string" }
};
var ADMIN_USAGE = `  --admin URL          FlyteAdmin's HTTP endpoint: http://HOST:8088, or https://HOST through its Ingress
  --client-id ID       FlyteAdmin with auth on: the OAuth2 client (default: $FLYTE_CREDENTIALS_CLIENT_ID)
  --client-secret-file FILE  its secret (default: $FLYTE_CREDENTIALS_CLIENT_SECRET); never printed`;
var REQUEST_TIMEOUT = { "request-timeout": { type: "string" } };
var REQUEST_TIMEOUT_USAGE = "  --request-timeout DUR  per-request timeout for FlyteAdmin and the hub (default 15s)";
function credentials(id, secretFile) {
  const clientId = id ?? process.env.FLYTE_CREDENTIALS_CLIENT_ID;
  let secret = process.env.FLYTE_CREDENTIALS_CLIENT_SECRET;
  if (secretFile)
    secret = readText(secretFile, { what: "the client secret file", maxBytes: 64 * 1024, expected: "pass a file that holds only the client secret" }).trim();
  if (!clientId && !secret) return void 0;
  if (!clientId) throw new UsageError("a client secret was given without --client-id");
  if (!secret) throw new UsageError("--client-id needs its secret: --client-secret-file FILE (or $FLYTE_CREDENTIALS_CLIENT_SECRET)");
  return { clientId, clientSecret: secret };
}
var requestTimeout = (v) => timeoutOption(v["request-timeout"], "--request-timeout", 15e3);
function adminConnection(v, timeoutMs, required) {
  if (!v.admin) {
    if (!required) {
      if (v["client-id"] || v["client-secret-file"]) throw new UsageError("--client-id and --client-secret-file go with --admin URL");
      return void 0;
    }
    throw new UsageError("say where FlyteAdmin is: --admin URL", "e.g. --admin http://localhost:8088 (kubectl -n flyte port-forward svc/flyteadmin 8088:80)");
  }
  if (!/^https?:\/\/[^/\s]+/.test(v.admin))
    throw new UsageError(
      `--admin ${JSON.stringify(v.admin)}: use FlyteAdmin's HTTP URL, http://HOST:PORT or https://HOST`,
      "e.g. --admin http://localhost:8088"
    );
  const creds = credentials(v["client-id"], v["client-secret-file"]);
  return { url: v.admin, timeoutMs, ...creds ? { credentials: creds } : {} };
}
function hubOf(v, requestMs) {
  return {
    kube: kubeOptions({ kubeconfig: v.kubeconfig, "insecure-skip-tls-verify": v["insecure-skip-tls-verify"] }, requestMs),
    ...v["kube-context"] ? { kubeContext: v["kube-context"] } : {}
  };
}

export {
  ADMIN_OPTIONS,
  ADMIN_USAGE,
  REQUEST_TIMEOUT,
  REQUEST_TIMEOUT_USAGE,
  requestTimeout,
  adminConnection,
  hubOf
};
