// Stages 3b and 6: the manifests against schemas/manifests.schema.json, before patching (is
// this the flyte-core we know?) and after (did we produce what Kubernetes and FlyteAdmin need?).
import { validateConfigMap, validateDeployment } from '../generated/validators.js';
import { secretProblems } from '../config/secret-check.ts';
import type { ValidateFunction } from 'ajv';
import { error, type Problem } from '../problems.ts';
import { schemaProblems } from '../config/schema-errors.ts';
import type { Config } from '../config/types.ts';
import { fileIn, get, trimSlashes } from '../json-pointer.ts';
import { CLUSTERS_KEY, podOf, type Targets } from './find.ts';
import { objectName, type Doc } from './stream.ts';
import { isObject } from '../data.ts';

/** One rendered object against a definition of schemas/manifests.schema.json. */
export function schemaCheck(doc: Doc, validate: ValidateFunction): Problem[] {
  if (validate(doc.value)) return [];
  const name = objectName(doc);
  return schemaProblems(validate.errors, (p) => `${name} ${p || '/'}`, (p) => get(doc.value, p));
}

/**
 * The rendered objects flytemc reads and patches, and every Secret of the release; with `only`,
 * just the documents it accepts (after patching: the changed ones, since the others passed
 * before and every problem here is an error).
 */
export function checkManifests(targets: Targets, only: (d: Doc) => boolean = () => true): Problem[] {
  const problems: Problem[] = [];
  for (const d of targets.configMaps) if (only(d)) problems.push(...schemaCheck(d, validateConfigMap));
  for (const t of targets.deployments) if (only(t.doc)) problems.push(...schemaCheck(t.doc, validateDeployment));
  for (const d of targets.secrets.values()) {
    if (!only(d)) continue;
    const name = objectName(d);
    problems.push(...secretProblems(d.value, (p) => `${name} ${p || '/'}`));
  }
  return problems;
}

/** After patching: the credentials reach all three places, and everything mounted exists. */
export function verifyResult(targets: Targets, config: Config): Problem[] {
  const problems: Problem[] = [...checkManifests(targets, (d) => d.changed)];
  const { secretName, mountPath } = config.credentials;
  const texts = new Set(targets.configMaps.map((d) => (d.value as { data: Record<string, string> }).data[CLUSTERS_KEY]));
  if (texts.size !== 1) problems.push(error(targets.configMaps.map(objectName).join(' and '), `the ConfigMaps disagree on ${CLUSTERS_KEY}`));

  const keys = new Set<string>();
  for (const c of config.clusters.clusterConfigs) {
    if (c.inCluster) continue;
    for (const p of [c.auth?.tokenPath, c.auth?.certPath]) {
      const key = p === undefined ? undefined : fileIn(mountPath, p);
      if (key) keys.add(key);
    }
  }

  for (const t of targets.deployments) {
    const pod = podOf(t.doc);
    const name = objectName(t.doc);
    const volumes = new Map((pod.volumes ?? []).map((v) => [String(v.name), v]));
    for (const list of ['initContainers', 'containers'] as const) {
      (pod[list] ?? []).forEach((c, i) => {
        (c.volumeMounts ?? []).forEach((m, j) => {
          if (!volumes.has(m.name)) problems.push(error(`${name} /spec/template/spec/${list}/${i}/volumeMounts/${j}/name`, `container ${c.name} mounts volume ${JSON.stringify(m.name)}, which the pod does not have`, 'add the volume, or remove the mount'));
        });
      });
    }
    for (const c of t.containers) {
      const container = pod[c.list]![c.index]!;
      const at = `${name} /spec/template/spec/${c.list}/${c.index}/volumeMounts`;
      const there = (container.volumeMounts ?? []).filter((m) => trimSlashes(m.mountPath) === trimSlashes(mountPath));
      if (there.length !== 1) {
        problems.push(error(at, `container ${c.name} has ${there.length} mounts at ${mountPath}; it needs exactly one, of Secret ${secretName}`));
        continue;
      }
      const volume = volumes.get(there[0]!.name);
      const secret = volume && isObject(volume.secret) ? volume.secret : undefined;
      if (!secret || secret.secretName !== secretName) {
        problems.push(error(at, `container ${c.name} mounts ${mountPath} from volume ${JSON.stringify(there[0]!.name)}, which is not Secret ${secretName}`));
        continue;
      }
      if (Array.isArray(secret.items)) {
        const projected = new Set(secret.items.map((it) => (isObject(it) ? it.path : undefined)));
        for (const k of keys) if (!projected.has(k)) problems.push(error(`${name} volume ${there[0]!.name}`, `the volume's items do not project ${k}, which a tokenPath/certPath needs`, `add {key: ${k}, path: ${k}} to its items, or drop items`));
      }
    }
  }

  const secret = targets.secrets.get(secretName);
  if (secret) {
    const v = secret.value as { data?: Record<string, unknown> | null; stringData?: Record<string, unknown> | null };
    const have = new Set([...Object.keys(v.data ?? {}), ...Object.keys(v.stringData ?? {})]);
    for (const k of keys) if (!have.has(k)) problems.push(error(objectName(secret), `the credentials Secret has no key ${k}, which a tokenPath/certPath needs; FlyteAdmin would panic at start-up`, `add it (flytemc join writes ${k} for you)`));
  }
  return problems;
}
