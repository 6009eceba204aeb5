#!/usr/bin/env node
import { createRequire as __flytemcCreateRequire } from 'node:module'; const require = __flytemcCreateRequire(import.meta.url);
import {
  caKey
} from "./chunk-CMNDI7DY.mjs";
import {
  coded
} from "./chunk-RMH2B4TR.mjs";
import {
  isObject
} from "./chunk-4VJRSWY5.mjs";
import {
  dumpYaml
} from "./chunk-QI4TXXNF.mjs";
import {
  error,
  looksSecret,
  showValue
} from "./chunk-PXOMBRJH.mjs";

// plugin/config/credential-proxy.ts
import { createHash } from "node:crypto";
var PROXY_MOUNT = "/etc/flytemc/credential-proxy";
var PROXY_VOLUME = "flytemc-credential-proxy";
var NO_TOKEN = "/dev/null";
var FIRST_PORT = 17101;
var KEY_PREFIX = "flytemc-proxy-";
var READY_KEY = `${KEY_PREFIX}ready`;
var READY_PATH = "/flytemc-credential-proxy/";
var EXEC_API = "client.authentication.k8s.io/v1beta1";
var LOOPBACK = /^http:\/\/127\.0\.0\.1:(\d{1,5})$/;
var kubeconfigKey = (name) => `${KEY_PREFIX}${name}.kubeconfig`;
var isProxyKey = (key) => key.startsWith(KEY_PREFIX);
var isProxied = (c) => isObject(c.credentialProxy);
var realEndpoint = (c) => isProxied(c) ? c.credentialProxy.server ?? c.endpoint : c.endpoint;
var loopbackUrl = (port) => `http://127.0.0.1:${port}`;
function sidecarName(name) {
  const safe = name.toLowerCase().replace(/[^a-z0-9-]/g, "-");
  const base = `${KEY_PREFIX}${safe}`;
  if (safe === name && base.length <= 63) return base;
  return `${base.slice(0, 55).replace(/-+$/, "")}-${createHash("sha256").update(name).digest("hex").slice(0, 6)}`;
}
function assignPorts(list) {
  const taken = new Set(
    list.filter(isProxied).map((c) => c.credentialProxy.port).filter((p) => typeof p === "number")
  );
  const out = /* @__PURE__ */ new Map();
  let next = FIRST_PORT;
  for (const c of list) {
    if (!isProxied(c) || typeof c.name !== "string") continue;
    let port = c.credentialProxy.port;
    if (typeof port !== "number") {
      while (taken.has(next)) next++;
      port = next++;
    }
    out.set(c.name, port);
  }
  return out;
}
function wire(c, port, image, certPath) {
  const { auth: _auth, credentialProxy: p, ...rest } = c;
  const { server: _server, port: _port, image: _image, ...settings } = p;
  return {
    ...rest,
    endpoint: loopbackUrl(port),
    auth: { tokenPath: NO_TOKEN, certPath },
    credentialProxy: { server: p.server ?? c.endpoint, port, image, ...settings }
  };
}
function unwire(c) {
  if (!isObject(c) || !isObject(c.credentialProxy) || typeof c.endpoint !== "string") return c;
  const p = c.credentialProxy;
  const m = LOOPBACK.exec(c.endpoint);
  if (!m || typeof p.server !== "string" || p.port !== Number(m[1])) return c;
  const { server, ...settings } = p;
  const out = { ...c, endpoint: server, credentialProxy: settings };
  if (isObject(c.auth) && c.auth.tokenPath === NO_TOKEN) delete out.auth;
  return out;
}
function proxyKubeconfig(c) {
  const x = c.credentialProxy.exec;
  return dumpYaml({
    apiVersion: "v1",
    kind: "Config",
    clusters: [{ name: c.name, cluster: { server: c.credentialProxy.server, "certificate-authority": caKey(c.name) } }],
    users: [
      {
        name: c.name,
        user: {
          exec: {
            apiVersion: x.apiVersion ?? EXEC_API,
            command: x.command,
            ...x.args?.length ? { args: x.args } : {},
            ...x.env?.length ? { env: x.env } : {},
            ...x.provideClusterInfo ? { provideClusterInfo: true } : {},
            interactiveMode: "Never"
          }
        }
      }
    ],
    contexts: [{ name: c.name, context: { cluster: c.name, user: c.name } }],
    "current-context": c.name
  });
}
function proxyData(proxied) {
  if (!proxied.length) return {};
  const out = {};
  for (const c of proxied) out[kubeconfigKey(c.name)] = proxyKubeconfig(c);
  out[READY_KEY] = "ok\n";
  return out;
}
function proxyVolume(configMap, secretName, proxied) {
  return {
    name: PROXY_VOLUME,
    projected: {
      sources: [
        {
          configMap: {
            name: configMap,
            items: [...proxied.map((c) => ({ key: kubeconfigKey(c.name), path: `${c.name}.kubeconfig` })), { key: READY_KEY, path: "www/ready" }]
          }
        },
        { secret: { name: secretName, items: proxied.map((c) => ({ key: caKey(c.name), path: caKey(c.name) })) } }
      ]
    }
  };
}
function sidecar(c) {
  const port = c.credentialProxy.port;
  return {
    name: sidecarName(c.name),
    image: c.credentialProxy.image,
    restartPolicy: "Always",
    command: ["kubectl"],
    args: [
      "proxy",
      `--kubeconfig=${PROXY_MOUNT}/${c.name}.kubeconfig`,
      "--address=127.0.0.1",
      `--port=${port}`,
      "--accept-hosts=^127\\.0\\.0\\.1$",
      `--www=${PROXY_MOUNT}/www`,
      `--www-prefix=${READY_PATH}`
    ],
    startupProbe: {
      exec: { command: ["kubectl", "--kubeconfig=/dev/null", `--server=${loopbackUrl(port)}`, "get", "--raw", `${READY_PATH}ready`] },
      periodSeconds: 1,
      timeoutSeconds: 5,
      failureThreshold: 60
    },
    resources: { requests: { cpu: "10m", memory: "64Mi" } },
    securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ["ALL"] } },
    volumeMounts: [{ name: PROXY_VOLUME, mountPath: PROXY_MOUNT, readOnly: true }]
  };
}
var SECRET_ENV = /SECRET|TOKEN|PASSWORD|PASSWD|PRIVATE|CREDENTIAL|(^|_)KEY($|_)|ACCESS_KEY/i;
function proxyProblems(list, defaults, place) {
  const at = (p) => coded("config.credential-proxy", place(p));
  const problems = [];
  const ports = /* @__PURE__ */ new Map();
  list.forEach((c, i) => {
    if (!isProxied(c) || typeof c.name !== "string") return;
    const p = c.credentialProxy;
    const here = `/clusterConfigs/${i}`;
    if (isObject(c.auth) && (c.auth.tokenPath !== void 0 || c.auth.certPath !== void 0))
      problems.push(
        error(
          at(`${here}/auth`),
          `cluster ${JSON.stringify(c.name)} sets both a token file (auth) and credentialProxy: FlyteAdmin reaches it through the proxy, so a long-lived token there is one to leak and never used`,
          "remove `auth` (the proxy brings short-lived credentials), or remove `credentialProxy` to keep the token"
        )
      );
    if (c.inCluster === true)
      problems.push(
        error(
          at(`${here}/credentialProxy`),
          `cluster ${JSON.stringify(c.name)} is inCluster, which uses FlyteAdmin's own ServiceAccount: a credential proxy has nothing to do there`,
          "remove `credentialProxy`"
        )
      );
    if (typeof p.server === "string" && !(typeof c.endpoint === "string" && LOOPBACK.test(c.endpoint)))
      problems.push(
        error(
          at(`${here}/credentialProxy/server`),
          "`credentialProxy.server` is written by the post-renderer, next to a loopback endpoint",
          "remove it and give the API server as `endpoint`"
        )
      );
    if (typeof p.image !== "string" && typeof defaults?.image !== "string")
      problems.push(
        error(
          at(`${here}/credentialProxy`),
          `cluster ${JSON.stringify(c.name)} has a credential proxy but no image to run it in`,
          "set multicluster.credentialProxy.image (or credentialProxy.image for this cluster): an image with kubectl and the exec plugin, e.g. your registry.example.com/kubectl-aws:1.32"
        )
      );
    if (typeof p.port === "number") {
      const other = ports.get(p.port);
      if (other)
        problems.push(
          error(
            at(`${here}/credentialProxy/port`),
            `port ${p.port} is also the proxy port of ${JSON.stringify(other)}`,
            "give each proxy its own port, or leave `port` out"
          )
        );
      else ports.set(p.port, c.name);
    }
    problems.push(...envProblems(p, (q) => at(`${here}/credentialProxy${q}`)));
  });
  return problems;
}
function envProblems(p, at) {
  const env = isObject(p.exec) && Array.isArray(p.exec.env) ? p.exec.env : [];
  return env.flatMap((e, j) => {
    if (!isObject(e)) return [];
    if (!(typeof e.name === "string" && SECRET_ENV.test(e.name) || typeof e.value === "string" && looksSecret(e.value))) return [];
    return [
      error(
        at(`/exec/env/${j}`),
        `the exec plugin's environment ${typeof e.name === "string" ? e.name : ""}=${showValue(e.value, "/token")} looks like a credential: it would sit in FlyteAdmin's ConfigMaps and the Helm release`,
        "remove it: the proxy gets its credentials from the pod's identity (EKS IRSA or Pod Identity, GKE workload identity), never from values"
      )
    ];
  });
}

export {
  PROXY_VOLUME,
  kubeconfigKey,
  isProxyKey,
  isProxied,
  realEndpoint,
  sidecarName,
  assignPorts,
  wire,
  unwire,
  proxyData,
  proxyVolume,
  sidecar,
  proxyProblems
};
