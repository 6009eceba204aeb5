// Which mounted Secret holds the clusters' token and CA files, read from FlyteAdmin's volumes and mounts (flyte-core form and streams).
import { error, warning, type Place, type Problem } from '../problems/problems.ts';
import { isObject } from '../yaml/data.ts';
import { fileIn, trimSlashes } from '../yaml/json-pointer.ts';
import { nameProblems } from './names.ts';
import { DEFAULT_CREDENTIALS, type Credentials, type LocatedValue } from './types.ts';
import { coded } from './where.ts';

const CODE = 'config.credentials';

/** The token and CA files the clusters name (in-cluster entries need none). */
function credentialFiles(list: Record<string, unknown>[]): string[] {
  return list
    .filter((c) => c.inCluster !== true)
    .flatMap((c) => (isObject(c.auth) ? [c.auth.tokenPath, c.auth.certPath] : []))
    .filter((p): p is string => typeof p === 'string');
}

/** The index of the mount that holds the most of `files`, if any holds one. */
function bestMount(mounts: unknown[], files: string[]): number | undefined {
  let best: { i: number; covers: number } | undefined;
  mounts.forEach((m, i) => {
    if (!isObject(m) || typeof m.mountPath !== 'string') return;
    const covers = files.filter((f) => fileIn(m.mountPath as string, f) !== undefined).length;
    if (covers > 0 && (!best || covers > best.covers)) best = { i, covers };
  });
  return best?.i;
}

function defaultMounted(at: Place): Problem {
  const { secretName, mountPath } = DEFAULT_CREDENTIALS;
  return warning(
    coded(CODE, at),
    `no volume mount of FlyteAdmin holds the clusters' token and CA files, so flytemc mounts Secret ${secretName} at ${mountPath} in all three places that need it (FlyteAdmin, its sync-cluster-resources init container and syncresources)`,
    `create Secret ${secretName} with a <name>_token and <name>_cacert key per cluster (\`flytemc join\` does), or mount your own Secret with flyteadmin.additionalVolumes and additionalVolumeMounts`,
  );
}

/** The Secret behind mount `mount` (its volume, by name), or the problems that say why there is none. */
function secretOfMount(mount: Record<string, unknown>, mountAt: Place, volumes: LocatedValue, problems: Problem[]): string | undefined {
  const vs = Array.isArray(volumes.value) ? volumes.value : [];
  const vi = vs.findIndex((v) => isObject(v) && v.name === mount.name);
  if (vi < 0) {
    problems.push(
      error(
        coded(CODE, mountAt),
        `the mount names volume ${JSON.stringify(mount.name)}, but there is no volume of that name`,
        'add it to flyteadmin.additionalVolumes with `secret.secretName`',
      ),
    );
    return undefined;
  }
  const volume = vs[vi] as Record<string, unknown>;
  problems.push(...nameProblems('label', volume.name, volumes.where(`/${vi}/name`), 'volume name'));
  const secretName = isObject(volume.secret) ? volume.secret.secretName : undefined;
  if (typeof secretName !== 'string') {
    problems.push(
      error(
        coded(CODE, volumes.where(`/${vi}`)),
        `volume ${JSON.stringify(volume.name)} is not a Secret volume, so it cannot carry the tokens`,
        'give it `secret: {secretName: cluster-credentials}`',
      ),
    );
    return undefined;
  }
  problems.push(...nameProblems('subdomain', secretName, volumes.where(`/${vi}/secret/secretName`), 'Secret name'));
  return secretName;
}

/**
 * The Secret and folder of the token files, or undefined. When no volume mount of FlyteAdmin
 * covers them (a plain flyte-core override without flyteadmin.additionalVolumes), the
 * post-renderer mounts the default Secret in all three places, as for the chart's form: said as a warning.
 */
export function credentialsFromVolumes(
  clusters: unknown,
  volumes: LocatedValue,
  mounts: LocatedValue,
  problems: Problem[],
  atClusters: Place,
): Credentials | undefined {
  const list = Array.isArray(clusters) ? clusters.filter(isObject) : [];
  const ms = Array.isArray(mounts.value) ? mounts.value : [];
  const best = bestMount(ms, credentialFiles(list));
  if (best === undefined) {
    if (list.some((c) => c.inCluster !== true)) problems.push(defaultMounted(ms.length ? mounts.where('') : atClusters));
    return undefined;
  }
  const mount = ms[best] as Record<string, unknown>;
  problems.push(...nameProblems('label', mount.name, mounts.where(`/${best}/name`), 'volume mount name'));
  const secretName = secretOfMount(mount, mounts.where(`/${best}/name`), volumes, problems);
  return secretName === undefined ? undefined : { secretName, mountPath: trimSlashes(mount.mountPath as string) };
}
