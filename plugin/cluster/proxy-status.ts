// check's PROXY finding for a data plane reached through a credential proxy: the deployed sidecars, their kubeconfig, and what their pods and logs say.
import type * as K8s from '@kubernetes/client-node';
import { isObject } from '../yaml/data.ts';
import { kubeconfigKey, sidecarName, type WiredProxy } from '../config/credential-proxy.ts';
import { redact } from '../problems/mask.ts';
import { STREAM_INPUT } from '../yaml/limits.ts';
import { parseUntrusted } from '../yaml/input.ts';
import type { Kube } from './kube.ts';
import { flyteadminDeployments } from './rollout.ts';

interface ProxyFinding {
  ok: boolean | null;
  value?: string;
  problem?: string;
  fix?: string;
}

/**
 * What `kubectl proxy` logged about getting credentials (client-go's exec plugin errors), as a
 * problem and its fix; undefined when its log says nothing about them.
 */
export function proxyLogProblem(log: string, name: string): { problem: string; fix: string } | undefined {
  const lines = log.split('\n');
  // client-go says `getting credentials` on a first or expired credential, `refreshing credentials` after a 401
  const missing = /(?:getting|refreshing) credentials: exec: executable (\S+) not found/.exec(log);
  if (missing)
    return {
      problem: `the credential proxy of ${name} cannot run its exec plugin: ${missing[1]} is not in its image (kubectl proxy: "exec: executable ${missing[1]} not found"), so every request of FlyteAdmin to ${name} fails`,
      fix: `use an image with ${missing[1]} on its PATH (multicluster.credentialProxy.image, or credentialProxy.image of ${name}), then upgrade the control plane`,
    };
  const failed = /(?:getting|refreshing) credentials: exec: executable (\S+) failed with exit code (\d+)/.exec(log);
  if (failed) {
    // the plugin's own stderr comes just before kubectl's line
    const at = lines.findIndex((l) => l.includes(failed[0]));
    const said = lines
      .slice(Math.max(0, at - 3), at)
      .filter((l) => l.trim() && !/^[EIW]\d{4} /.test(l) && !l.startsWith('Starting to serve on'))
      .join(' ')
      .trim();
    return {
      problem: `the exec plugin of ${name}'s credential proxy fails (${failed[1]} exit code ${failed[2]}${said ? `: ${redact(said).slice(0, 300)}` : ''}), so every request of FlyteAdmin to ${name} fails`,
      fix: `check the pods' identity: the ServiceAccount's role annotation (IRSA: eks.amazonaws.com/role-arn; GKE: iam.gke.io/gcp-service-account) and the cloud side join printed for ${name} (flytemc join ... --auth ... --dry-run shows it again)`,
    };
  }
  const other = /(?:getting|refreshing) credentials: (.*)$/m.exec(log);
  if (other)
    return {
      problem: `the credential proxy of ${name} gets no credentials: ${redact(other[1]!).slice(0, 300)}`,
      fix: `fix credentialProxy.exec of ${name} (apiVersion, command, args) and upgrade the control plane`,
    };
  return undefined;
}

/** The sidecar of `c` in a deployed pod template: present, native, ahead of the other init containers, with its startup probe. */
function templateProblem(d: K8s.V1Deployment, c: WiredProxy): string | undefined {
  const init = d.spec?.template?.spec?.initContainers ?? [];
  const name = sidecarName(c.name);
  const i = init.findIndex((x) => x.name === name);
  const what = `Deployment ${d.metadata?.namespace}/${d.metadata?.name}`;
  if (i < 0) return `${what} has no credential proxy for ${c.name} (init container ${name}): FlyteAdmin's requests to ${c.endpoint} reach nothing`;
  const s = init[i]!;
  if (s.restartPolicy !== 'Always') return `${what}: ${name} is not a native sidecar (restartPolicy: Always), so it ends before FlyteAdmin starts`;
  const before = init.slice(0, i).find((x) => x.restartPolicy !== 'Always');
  if (before) return `${what}: ${name} starts after init container ${before.name}, which may need it`;
  if (!s.startupProbe) return `${what}: ${name} has no startup probe, so the next init container may start before the proxy listens`;
  return undefined;
}

/** The proxy's kubeconfig in the deployed clusters ConfigMap: it verifies the server with a CA and names an exec plugin. */
function kubeconfigProblem(text: string | undefined, c: WiredProxy, where: string): string | undefined {
  if (text === undefined) return `${where} has no ${kubeconfigKey(c.name)}, the credential proxy's kubeconfig`;
  let kc: unknown;
  try {
    kc = parseUntrusted(text, `${where} ${kubeconfigKey(c.name)}`, STREAM_INPUT);
  } catch {
    return `${where} ${kubeconfigKey(c.name)} is not YAML`;
  }
  const cluster = isObject(kc) && Array.isArray(kc.clusters) && isObject(kc.clusters[0]) && isObject(kc.clusters[0].cluster) ? kc.clusters[0].cluster : {};
  const user = isObject(kc) && Array.isArray(kc.users) && isObject(kc.users[0]) && isObject(kc.users[0].user) ? kc.users[0].user : {};
  if (cluster['insecure-skip-tls-verify'] === true)
    return `${where} ${kubeconfigKey(c.name)} skips TLS verification (insecure-skip-tls-verify): the proxy would send short-lived credentials to whatever answers`;
  if (!cluster['certificate-authority'] && !cluster['certificate-authority-data'])
    return `${where} ${kubeconfigKey(c.name)} names no CA to verify ${c.credentialProxy.server} with`;
  if (!isObject(user.exec) || typeof user.exec.command !== 'string') return `${where} ${kubeconfigKey(c.name)} names no exec plugin`;
  return undefined;
}

/** The sidecar's state in the pods of a Deployment, and what its log says; pods unreadable or absent say nothing. */
async function podsProblem(hub: Kube, d: K8s.V1Deployment, c: WiredProxy): Promise<string | { problem: string; fix: string } | undefined> {
  const ns = d.metadata?.namespace ?? '';
  const selector = Object.entries(d.spec?.selector?.matchLabels ?? {})
    .map(([k, v]) => `${k}=${v}`)
    .join(',');
  let pods: K8s.V1Pod[];
  try {
    pods = (
      await hub.call(`listing the pods of Deployment ${ns}/${d.metadata?.name}`, () => hub.core.listNamespacedPod({ namespace: ns, labelSelector: selector }))
    ).items;
  } catch {
    return undefined;
  }
  const name = sidecarName(c.name);
  for (const pod of pods) {
    let log = '';
    try {
      log = await hub.call(`reading the log of ${name}`, () =>
        hub.core.readNamespacedPodLog({ name: pod.metadata!.name!, namespace: ns, container: name, tailLines: 200 }),
      );
    } catch {
      /* no log yet, or not allowed: the status below says what it can */
    }
    const said = proxyLogProblem(String(log), c.name);
    if (said) return said;
    const st = (pod.status?.initContainerStatuses ?? []).find((x) => x.name === name);
    if (!st) continue;
    const waiting = st.state?.waiting;
    if (waiting && waiting.reason !== 'PodInitializing')
      return `pod ${pod.metadata?.name}: the credential proxy of ${c.name} is waiting (${waiting.reason ?? ''}${waiting.message ? `: ${redact(waiting.message).slice(0, 200)}` : ''}), restarted ${st.restartCount} times`;
    if (st.started === false && st.restartCount > 0)
      return `pod ${pod.metadata?.name}: the credential proxy of ${c.name} has not passed its startup probe (restarted ${st.restartCount} times)`;
  }
  return undefined;
}

/** check's PROXY finding for one proxied cluster: the deployed sidecars, the kubeconfig, and the pods where they run. */
export async function checkProxy(hub: Kube, ns: string, c: WiredProxy, clustersConfigMap: Record<string, string> | undefined): Promise<ProxyFinding> {
  const upgrade = `upgrade the control plane with the values that list ${c.name} (helm flytemc install control-plane --kube-context ${hub.context} -n ${ns} -f VALUES)`;
  const deployments = await flyteadminDeployments(hub, ns);
  if (!deployments.length) return { ok: null, problem: 'no FlyteAdmin Deployment in the namespace: the credential proxy was not checked' };
  for (const d of deployments) {
    const p = templateProblem(d, c);
    if (p) return { ok: false, problem: p, fix: upgrade };
  }
  const k = kubeconfigProblem(clustersConfigMap?.[kubeconfigKey(c.name)], c, `hub ConfigMap ${ns}/flyte-admin-clusters-config`);
  if (k) return { ok: false, problem: k, fix: upgrade };
  for (const d of deployments) {
    const p = await podsProblem(hub, d, c);
    if (typeof p === 'string')
      return { ok: false, problem: p, fix: `kubectl --context ${hub.context} -n ${ns} logs deployment/${d.metadata?.name} -c ${sidecarName(c.name)}` };
    if (p) return { ok: false, ...p };
  }
  return { ok: true, value: `${sidecarName(c.name)} on 127.0.0.1:${c.credentialProxy.port} in ${deployments.map((d) => d.metadata?.name).join(', ')}` };
}
