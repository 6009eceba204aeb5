// The control plane's manifests checked: against schemas/manifests.schema.json as rendered, and as patched.
import { validateConfigMap, validateDeployment } from '../generated/validators.cjs';
import { secretProblems } from '../config/secret-check.ts';
import type { ValidateFunction } from 'ajv';
import { error, type Problem } from '../problems/problems.ts';
import { schemaProblems } from '../config/schema-errors.ts';
import { isProxied, kubeconfigKey, PROXY_VOLUME, sidecarName, type WiredProxy } from '../config/credential-proxy.ts';
import { tokenKey, type Config } from '../config/types.ts';
import { fileIn, get, trimSlashes } from '../yaml/json-pointer.ts';
import { STREAM_INPUT } from '../yaml/limits.ts';
import { parseUntrusted } from '../yaml/input.ts';
import { CLUSTERS_KEY, podOf, secretNamed, type Pod, type Targets } from './find.ts';
import { objectAt, objectName, type Doc } from './stream.ts';
import { isObject } from '../yaml/data.ts';

/** One rendered object against a definition of schemas/manifests.schema.json. */
export function schemaCheck(doc: Doc, validate: ValidateFunction): Problem[] {
  if (validate(doc.value)) return [];
  return schemaProblems(
    validate.errors,
    (p) => objectAt(doc, 'manifests.schema', p || '/'),
    (p) => get(doc.value, p),
  );
}

/**
 * The rendered objects flytemc reads and patches, and the credentials Secret when the release has
 * it (secretName; the upstream guide's raw token under `data:`); with `only`, just the documents
 * it accepts (after patching: the changed ones, since the others passed before and every problem
 * here is an error).
 */
export function checkManifests(targets: Targets, secretName: string | undefined, only: (d: Doc) => boolean = () => true): Problem[] {
  const problems: Problem[] = [];
  for (const d of targets.configMaps) if (only(d)) problems.push(...schemaCheck(d, validateConfigMap));
  for (const t of targets.deployments) if (only(t.doc)) problems.push(...schemaCheck(t.doc, validateDeployment));
  const secret = secretName === undefined ? undefined : secretNamed(targets, secretName);
  if (secret && only(secret)) problems.push(...secretProblems(secret.value, (p) => objectAt(secret, 'manifests.secret', p || '/')));
  return problems;
}

/** After patching: the credentials reach all three places, and everything mounted exists. */
export function verifyResult(targets: Targets, config: Config): Problem[] {
  const problems: Problem[] = [...checkManifests(targets, config.credentials.secretName, (d) => d.changed)];
  const texts = new Set(targets.configMaps.map((d) => (d.value as { data: Record<string, string> }).data[CLUSTERS_KEY]));
  if (texts.size !== 1)
    problems.push(error({ code: 'verify.clusters', subject: targets.configMaps.map(objectName).join(' and ') }, `the ConfigMaps disagree on ${CLUSTERS_KEY}`));
  const keys = credentialKeys(config);
  for (const t of targets.deployments) {
    problems.push(...podProblems(t.doc));
    for (const c of t.containers) problems.push(...mountProblems(t.doc, c, config, keys));
  }
  problems.push(...proxyResultProblems(targets, config));
  const secret = secretNamed(targets, config.credentials.secretName);
  if (secret) problems.push(...secretKeyProblems(secret, config, keys));
  return problems;
}

/** The keys of the credentials Secret that a tokenPath or certPath reads. */
function credentialKeys(config: Config): Set<string> {
  const keys = new Set<string>();
  for (const c of config.clusters.clusterConfigs) {
    if (c.inCluster) continue;
    for (const p of [c.auth?.tokenPath, c.auth?.certPath]) {
      const key = p === undefined ? undefined : fileIn(config.credentials.mountPath, p);
      if (key) keys.add(key);
    }
  }
  return keys;
}

/** One container that reads the clusters config: exactly one mount of the credentials Secret, projecting every key needed. */
function mountProblems(doc: Doc, c: Targets['deployments'][number]['containers'][number], config: Config, keys: Set<string>): Problem[] {
  const { secretName, mountPath } = config.credentials;
  const pod = podOf(doc);
  // by name: the proxies' sidecars, put first, moved the other init containers
  const index = pod[c.list]!.findIndex((x) => x.name === c.name);
  const at = objectAt(doc, 'verify.mounts', `${POD}/${c.list}/${index}/volumeMounts`);
  const there = (pod[c.list]![index]!.volumeMounts ?? []).filter((m) => trimSlashes(m.mountPath) === trimSlashes(mountPath));
  if (there.length !== 1) return [error(at, `container ${c.name} has ${there.length} mounts at ${mountPath}; it needs exactly one, of Secret ${secretName}`)];
  // the last volume of that name, as a map by name keeps it (podProblems reports a name used twice)
  const vi = new Map((pod.volumes ?? []).map((v, i) => [String(v.name), i])).get(there[0]!.name) ?? -1;
  const volume = pod.volumes?.[vi];
  const secret = volume && isObject(volume.secret) ? volume.secret : undefined;
  if (!secret || secret.secretName !== secretName)
    return [error(at, `container ${c.name} mounts ${mountPath} from volume ${JSON.stringify(there[0]!.name)}, which is not Secret ${secretName}`)];
  if (!Array.isArray(secret.items)) return [];
  const projected = new Set(secret.items.map((it) => (isObject(it) ? it.path : undefined)));
  return [...keys]
    .filter((k) => !projected.has(k))
    .map((k) =>
      error(
        objectAt(doc, 'verify.items', `${POD}/volumes/${vi}/secret/items`),
        `the volume's items do not project ${k}, which a tokenPath/certPath needs`,
        `add {key: ${k}, path: ${k}} to its items, or drop items`,
      ),
    );
}

/** The credentials Secret in the stream: every key a path needs, and no long-lived token of a proxied cluster. */
function secretKeyProblems(secret: Doc, config: Config, keys: Set<string>): Problem[] {
  const problems: Problem[] = [];
  const v = secret.value as { data?: Record<string, unknown> | null; stringData?: Record<string, unknown> | null };
  const have = new Set([...Object.keys(v.data ?? {}), ...Object.keys(v.stringData ?? {})]);
  for (const c of config.clusters.clusterConfigs.filter(isProxied))
    if (have.has(tokenKey(c.name)))
      problems.push(
        error(
          objectAt(secret, 'verify.proxy-token'),
          `the credentials Secret holds ${tokenKey(c.name)}, a long-lived token for ${c.name}, which FlyteAdmin reaches through its credential proxy with short-lived credentials`,
          `remove the key ${tokenKey(c.name)} (and revoke the token: delete its token Secret in the data plane)`,
        ),
      );
  for (const k of keys)
    if (!have.has(k))
      problems.push(
        error(
          objectAt(secret, 'verify.secret-key'),
          `the credentials Secret has no key ${k}, which a tokenPath/certPath needs; FlyteAdmin would panic at start-up`,
          `add it (flytemc join writes ${k} for you)`,
        ),
      );
  return problems;
}

/** Every proxied cluster has its native sidecar ahead of the other init containers, its kubeconfig in the ConfigMaps and a port of its own, in every pod that reads them. */
function proxyResultProblems(targets: Targets, config: Config): Problem[] {
  const proxied = config.clusters.clusterConfigs.filter(isProxied) as WiredProxy[];
  if (!proxied.length) return [];
  const problems: Problem[] = [];
  for (const cm of targets.configMaps) {
    const data = (cm.value as { data: Record<string, unknown> }).data;
    for (const c of proxied)
      if (typeof data[kubeconfigKey(c.name)] !== 'string')
        problems.push(error(objectAt(cm, 'verify.proxy'), `has no ${kubeconfigKey(c.name)}, the kubeconfig of ${c.name}'s credential proxy`));
  }
  for (const t of targets.deployments) problems.push(...proxyPodProblems(t.doc, proxied));
  return problems;
}

/** One pod's sidecars, volume and ports for the proxied clusters. */
function proxyPodProblems(doc: Doc, proxied: WiredProxy[]): Problem[] {
  const problems: Problem[] = [];
  const pod = podOf(doc);
  const init = Array.isArray(pod.initContainers) ? pod.initContainers : [];
  const firstOther = init.findIndex((c) => !(isObject(c) && c.restartPolicy === 'Always'));
  const at = (pointer: string) => objectAt(doc, 'verify.proxy', pointer);
  for (const c of proxied) {
    const i = init.findIndex((x) => isObject(x) && x.name === sidecarName(c.name));
    if (i < 0 || init[i]!.restartPolicy !== 'Always')
      problems.push(error(at(`${POD}/initContainers`), `has no native sidecar ${sidecarName(c.name)} for ${c.name}'s credential proxy`));
    else if (firstOther >= 0 && firstOther < i)
      problems.push(
        error(at(`${POD}/initContainers/${i}`), `the credential proxy of ${c.name} starts after init container ${init[firstOther]!.name}, which may need it`),
      );
  }
  if (!(pod.volumes ?? []).some((v) => isObject(v) && v.name === PROXY_VOLUME)) problems.push(error(at(`${POD}/volumes`), `has no volume ${PROXY_VOLUME}`));
  const ports = new Map<number, string>();
  for (const list of LISTS)
    (Array.isArray(pod[list]) ? pod[list]! : []).forEach((c, ci) => {
      (Array.isArray(c.ports) ? (c.ports as unknown[]) : []).forEach((p, pi) => {
        if (isObject(p) && typeof p.containerPort === 'number') ports.set(p.containerPort, `${POD}/${list}/${ci}/ports/${pi}`);
      });
    });
  for (const c of proxied) {
    const other = ports.get(c.credentialProxy.port);
    if (other)
      problems.push(
        error(
          at(other),
          `listens on port ${c.credentialProxy.port}, the port of ${c.name}'s credential proxy in the same pod`,
          `set clusterConfigs[].credentialProxy.port of ${c.name} to a free port`,
        ),
      );
  }
  return problems;
}

const POD = '/spec/template/spec';
const LISTS = ['initContainers', 'containers'] as const;

/** What the API server refuses in a pod, in the fields the post-renderer reasons about. */
function podDefects(pod: Pod): Array<{ at: string; what: string; fix: string }> {
  const out: Array<{ at: string; what: string; fix: string }> = [];
  const volumes = Array.isArray(pod.volumes) ? pod.volumes : [];
  const firstVolume = new Map<string, number>();
  volumes.forEach((v, i) => {
    if (!isObject(v)) return; // the schema check says it
    const n = String(v.name);
    const first = firstVolume.get(n);
    if (first === undefined) firstVolume.set(n, i);
    else
      out.push({
        at: `${POD}/volumes/${i}/name`,
        what: `the pod has two volumes named ${JSON.stringify(n)} (volumes/${first} and volumes/${i})`,
        fix: 'give each volume its own name, or remove the repeated one',
      });
  });
  const firstContainer = new Map<string, string>();
  for (const list of LISTS) {
    const cs = Array.isArray(pod[list]) ? pod[list] : [];
    cs.forEach((c, i) => {
      if (!isObject(c)) return;
      const n = String(c.name);
      const first = firstContainer.get(n);
      if (first === undefined) firstContainer.set(n, `${list}/${i}`);
      else
        out.push({
          at: `${POD}/${list}/${i}/name`,
          what: `the pod has two containers named ${JSON.stringify(n)} (${first} and ${list}/${i})`,
          fix: 'give each container, init containers included, its own name',
        });
      const firstPath = new Map<string, number>();
      (Array.isArray(c.volumeMounts) ? c.volumeMounts : []).forEach((m, j) => {
        if (!isObject(m)) return;
        if (!firstVolume.has(String(m.name)))
          out.push({
            at: `${POD}/${list}/${i}/volumeMounts/${j}/name`,
            what: `container ${c.name} mounts volume ${JSON.stringify(m.name)}, which the pod does not have`,
            fix: 'add the volume, or remove the mount',
          });
        const path = String(m.mountPath);
        const at = firstPath.get(path);
        if (at === undefined) firstPath.set(path, j);
        else
          out.push({
            at: `${POD}/${list}/${i}/volumeMounts/${j}/mountPath`,
            what: `container ${c.name} mounts two volumes at ${path} (volumeMounts/${at} and volumeMounts/${j})`,
            fix: 'mount one volume at a path',
          });
      });
    });
  }
  return out;
}

/**
 * A Deployment the post-renderer reads or patches, as the API server would judge its pod: unique
 * volume names, every volumeMount naming one of them, unique mount paths per container, unique
 * container names (init containers included). Each defect names where it is and whether it came
 * with the rendered input or from flytemc's own patch (a bug).
 */
export function podProblems(doc: Doc): Problem[] {
  const found = podDefects(podOf(doc));
  if (!found.length) return [];
  let before = new Set<string>();
  if (doc.changed) {
    // was it there as rendered? The document's text is kept as Helm wrote it
    try {
      const original = parseUntrusted(doc.body, objectName(doc), STREAM_INPUT) as { spec?: { template?: { spec?: Pod } } } | null;
      const pod = original?.spec?.template?.spec;
      before = new Set(isObject(pod) ? podDefects(pod).map((d) => d.what) : []);
    } catch {
      /* it parsed once; if not now, say nothing about its origin */
    }
  }
  return found.map((d) => {
    const ours = doc.changed && !before.has(d.what);
    return error(
      objectAt(doc, 'verify.pod', d.at),
      `${d.what}${ours ? ' after flytemc patched it: a bug in flytemc, please report it' : ''}; the API server refuses such a Deployment`,
      ours ? 'report it with the rendered manifests (helm template without --post-renderer)' : d.fix,
    );
  });
}
