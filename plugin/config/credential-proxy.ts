// A data plane reached through a `kubectl proxy` sidecar with short-lived exec-plugin credentials: FlyteAdmin's entry, the sidecar, the checks.
import { error, type Problem, type Locator } from '../problems/problems.ts';
import { looksSecret, showValue } from '../problems/mask.ts';
import { createHash } from 'node:crypto';
import { dumpYaml } from '../yaml/dialect.ts';
import { isObject } from '../yaml/data.ts';
import { caKey, type ClusterConfig, type CredentialProxy } from './types.ts';
import { coded } from './where.ts';

/** Where the sidecar sees its kubeconfigs and CAs (only its own command line names it). */
const PROXY_MOUNT = '/etc/flytemc/credential-proxy';
export const PROXY_VOLUME = 'flytemc-credential-proxy';
/** FlyteAdmin's token file for a proxied cluster: an empty file that every container has, so client-go sends no Authorization header. */
const NO_TOKEN = '/dev/null';
const FIRST_PORT = 17101;
const KEY_PREFIX = 'flytemc-proxy-';
/** The ConfigMap key the proxy serves itself (its --www folder), for its startup probe. */
const READY_KEY = `${KEY_PREFIX}ready`;
const READY_PATH = '/flytemc-credential-proxy/';
const EXEC_API = 'client.authentication.k8s.io/v1beta1';
const LOOPBACK = /^http:\/\/127\.0\.0\.1:(\d{1,5})$/;

/** The clusters ConfigMaps' key of a cluster's proxy kubeconfig. */
export const kubeconfigKey = (name: string) => `${KEY_PREFIX}${name}.kubeconfig`;
export const isProxyKey = (key: string) => key.startsWith(KEY_PREFIX);
export const isProxied = (c: ClusterConfig): c is ClusterConfig & { credentialProxy: CredentialProxy } => isObject(c.credentialProxy);
/** The data plane's API server: the proxy's upstream for a proxied cluster, else the endpoint. */
export const realEndpoint = (c: ClusterConfig): string | undefined => (isProxied(c) ? (c.credentialProxy.server ?? c.endpoint) : c.endpoint);
const loopbackUrl = (port: number) => `http://127.0.0.1:${port}`;

/** The sidecar's container name: a DNS-1123 label, unique per cluster name. */
export function sidecarName(name: string): string {
  const safe = name.toLowerCase().replace(/[^a-z0-9-]/g, '-');
  const base = `${KEY_PREFIX}${safe}`;
  if (safe === name && base.length <= 63) return base;
  return `${base.slice(0, 55).replace(/-+$/, '')}-${createHash('sha256').update(name).digest('hex').slice(0, 6)}`;
}

/** A proxied entry as FlyteAdmin reads it (wired): its loopback endpoint and the real one. */
export interface WiredProxy extends ClusterConfig {
  endpoint: string;
  credentialProxy: CredentialProxy & { server: string; port: number; image: string };
}

/** The loopback port of each proxied cluster: its own `port`, else the next free one from 17101 in list order. */
export function assignPorts(list: ClusterConfig[]): Map<string, number> {
  const taken = new Set(
    list
      .filter(isProxied)
      .map((c) => c.credentialProxy.port)
      .filter((p): p is number => typeof p === 'number'),
  );
  const out = new Map<string, number>();
  let next = FIRST_PORT;
  for (const c of list) {
    if (!isProxied(c) || typeof c.name !== 'string') continue;
    let port = c.credentialProxy.port;
    if (typeof port !== 'number') {
      while (taken.has(next)) next++;
      port = next++;
    }
    out.set(c.name, port);
  }
  return out;
}

/**
 * FlyteAdmin's entry for a proxied cluster: the proxy's loopback URL, no token (FlyteAdmin refuses
 * to start without a token file and a CA file: an empty one, and the cluster's CA, unused over
 * http), the real server and the proxy's settings beside (FlyteAdmin ignores keys it does not know).
 */
export function wire(c: ClusterConfig & { credentialProxy: CredentialProxy }, port: number, image: string, certPath: string): WiredProxy {
  const { auth: _auth, credentialProxy: p, ...rest } = c;
  const { server: _server, port: _port, image: _image, ...settings } = p;
  return {
    ...rest,
    endpoint: loopbackUrl(port),
    auth: { tokenPath: NO_TOKEN, certPath },
    credentialProxy: { server: p.server ?? c.endpoint!, port, image, ...settings },
  };
}

/** The entry as given, from FlyteAdmin's wired form (a second post-render reads its own output); anything else as it is. */
export function unwire(c: unknown): unknown {
  if (!isObject(c) || !isObject(c.credentialProxy) || typeof c.endpoint !== 'string') return c;
  const p = c.credentialProxy;
  const m = LOOPBACK.exec(c.endpoint);
  if (!m || typeof p.server !== 'string' || p.port !== Number(m[1])) return c;
  const { server, ...settings } = p;
  const out: Record<string, unknown> = { ...c, endpoint: server, credentialProxy: settings };
  if (isObject(c.auth) && c.auth.tokenPath === NO_TOKEN) delete out.auth;
  return out;
}

/** The kubeconfig `kubectl proxy` runs with: the real server, its CA next to it (a path relative to the kubeconfig), the exec plugin. */
function proxyKubeconfig(c: WiredProxy): string {
  const x = c.credentialProxy.exec;
  return dumpYaml({
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [{ name: c.name, cluster: { server: c.credentialProxy.server, 'certificate-authority': caKey(c.name) } }],
    users: [
      {
        name: c.name,
        user: {
          exec: {
            apiVersion: x.apiVersion ?? EXEC_API,
            command: x.command,
            ...(x.args?.length ? { args: x.args } : {}),
            ...(x.env?.length ? { env: x.env } : {}),
            ...(x.provideClusterInfo ? { provideClusterInfo: true } : {}),
            interactiveMode: 'Never',
          },
        },
      },
    ],
    contexts: [{ name: c.name, context: { cluster: c.name, user: c.name } }],
    'current-context': c.name,
  });
}

/** What the clusters ConfigMaps carry for the proxies: one kubeconfig per proxied cluster and the probe's file. */
export function proxyData(proxied: WiredProxy[]): Record<string, string> {
  if (!proxied.length) return {};
  const out: Record<string, string> = {};
  for (const c of proxied) out[kubeconfigKey(c.name)] = proxyKubeconfig(c);
  out[READY_KEY] = 'ok\n';
  return out;
}

/** The sidecars' volume: from the clusters ConfigMap the pod reads, the kubeconfigs and the probe's file; from the credentials Secret, each CA (no token). */
export function proxyVolume(configMap: string, secretName: string, proxied: WiredProxy[]): Record<string, unknown> {
  return {
    name: PROXY_VOLUME,
    projected: {
      sources: [
        {
          configMap: {
            name: configMap,
            items: [...proxied.map((c) => ({ key: kubeconfigKey(c.name), path: `${c.name}.kubeconfig` })), { key: READY_KEY, path: 'www/ready' }],
          },
        },
        { secret: { name: secretName, items: proxied.map((c) => ({ key: caKey(c.name), path: caKey(c.name) })) } },
      ],
    },
  };
}

/**
 * The native sidecar of one proxied cluster (an init container with restartPolicy Always, Kubernetes 1.29+): `kubectl proxy` on
 * loopback, up (its startup probe) before the next init container starts; client-go runs the exec plugin again on a 401.
 */
export function sidecar(c: WiredProxy): Record<string, unknown> {
  const port = c.credentialProxy.port;
  return {
    name: sidecarName(c.name),
    image: c.credentialProxy.image,
    restartPolicy: 'Always',
    command: ['kubectl'],
    args: [
      'proxy',
      `--kubeconfig=${PROXY_MOUNT}/${c.name}.kubeconfig`,
      '--address=127.0.0.1',
      `--port=${port}`,
      '--accept-hosts=^127\\.0\\.0\\.1$',
      `--www=${PROXY_MOUNT}/www`,
      `--www-prefix=${READY_PATH}`,
    ],
    startupProbe: {
      exec: { command: ['kubectl', '--kubeconfig=/dev/null', `--server=${loopbackUrl(port)}`, 'get', '--raw', `${READY_PATH}ready`] },
      periodSeconds: 1,
      timeoutSeconds: 5,
      failureThreshold: 60,
    },
    resources: { requests: { cpu: '10m', memory: '64Mi' } },
    securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } },
    volumeMounts: [{ name: PROXY_VOLUME, mountPath: PROXY_MOUNT, readOnly: true }],
  };
}

/** Environment variable names that carry a credential: the proxy's identity is the pod's, never a value in a ConfigMap. */
const SECRET_ENV = /SECRET|TOKEN|PASSWORD|PASSWD|PRIVATE|CREDENTIAL|(^|_)KEY($|_)|ACCESS_KEY/i;

/** What a schema cannot say about the proxied entries of a clusters list (`at` locates a pointer under `clusters`). */
export function proxyProblems(list: ClusterConfig[], defaults: { image?: unknown } | undefined, place: Locator): Problem[] {
  const at = (p: string) => coded('config.credential-proxy', place(p));
  const problems: Problem[] = [];
  const ports = new Map<number, string>();
  list.forEach((c, i) => {
    if (!isProxied(c) || typeof c.name !== 'string') return;
    const p = c.credentialProxy;
    const here = `/clusterConfigs/${i}`;
    if (isObject(c.auth) && (c.auth.tokenPath !== undefined || c.auth.certPath !== undefined))
      problems.push(
        error(
          at(`${here}/auth`),
          `cluster ${JSON.stringify(c.name)} sets both a token file (auth) and credentialProxy: FlyteAdmin reaches it through the proxy, so a long-lived token there is one to leak and never used`,
          'remove `auth` (the proxy brings short-lived credentials), or remove `credentialProxy` to keep the token',
        ),
      );
    if (c.inCluster === true)
      problems.push(
        error(
          at(`${here}/credentialProxy`),
          `cluster ${JSON.stringify(c.name)} is inCluster, which uses FlyteAdmin's own ServiceAccount: a credential proxy has nothing to do there`,
          'remove `credentialProxy`',
        ),
      );
    if (typeof p.server === 'string' && !(typeof c.endpoint === 'string' && LOOPBACK.test(c.endpoint)))
      problems.push(
        error(
          at(`${here}/credentialProxy/server`),
          '`credentialProxy.server` is written by the post-renderer, next to a loopback endpoint',
          'remove it and give the API server as `endpoint`',
        ),
      );
    if (typeof p.image !== 'string' && typeof defaults?.image !== 'string')
      problems.push(
        error(
          at(`${here}/credentialProxy`),
          `cluster ${JSON.stringify(c.name)} has a credential proxy but no image to run it in`,
          'set multicluster.credentialProxy.image (or credentialProxy.image for this cluster): an image with kubectl and the exec plugin, e.g. your registry.example.com/kubectl-aws:1.32',
        ),
      );
    if (typeof p.port === 'number') {
      const other = ports.get(p.port);
      if (other)
        problems.push(
          error(
            at(`${here}/credentialProxy/port`),
            `port ${p.port} is also the proxy port of ${JSON.stringify(other)}`,
            'give each proxy its own port, or leave `port` out',
          ),
        );
      else ports.set(p.port, c.name);
    }
    problems.push(...envProblems(p, (q) => at(`${here}/credentialProxy${q}`)));
  });
  return problems;
}

/** The exec plugin's environment entries that look like a credential. */
function envProblems(p: CredentialProxy, at: Locator): Problem[] {
  const env = isObject(p.exec) && Array.isArray(p.exec.env) ? p.exec.env : [];
  return env.flatMap((e, j) => {
    if (!isObject(e)) return [];
    if (!((typeof e.name === 'string' && SECRET_ENV.test(e.name)) || (typeof e.value === 'string' && looksSecret(e.value)))) return [];
    return [
      error(
        at(`/exec/env/${j}`),
        `the exec plugin's environment ${typeof e.name === 'string' ? e.name : ''}=${showValue(e.value, '/token')} looks like a credential: it would sit in FlyteAdmin's ConfigMaps and the Helm release`,
        "remove it: the proxy gets its credentials from the pod's identity (EKS IRSA or Pod Identity, GKE workload identity), never from values",
      ),
    ];
  });
}
