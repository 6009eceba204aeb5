// Stage 3, validate the config: the JSON Schema first (schemas/multicluster.schema.json,
// compiled at build time), then what a schema cannot say: duplicate names, routes to unknown
// or disabled clusters, labels that route nowhere, token files outside the mounted Secret.
// Every problem of a run is reported, not just the first.
import { validateClusters, validateMulticluster } from '../generated/validators.cjs';
import { error, errorsIn, warning, type Problem, type Place, type Locator } from '../problems/problems.ts';
import { looksSecret, showValue } from '../problems/mask.ts';
import { escapeSegment, fileIn, get, trimSlashes } from '../yaml/json-pointer.ts';
import { schemaProblems } from './schema-errors.ts';
import {
  DEFAULT_CREDENTIALS,
  caKey,
  tokenKey,
  type ClusterConfig,
  type Clusters,
  type Config,
  type Credentials,
  type ExecutionLabel,
  type FoundConfig,
  type Route,
  type MulticlusterValues,
  type Located,
} from './types.ts';
import { where } from './where.ts';
import { isObject } from '../yaml/data.ts';
import { assignPorts, isProxied, proxyProblems, unwire, wire } from './credential-proxy.ts';

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const SECRET_KEY = /^[-._a-zA-Z0-9]+$/;

export interface CheckOptions {
  /** Require at least one cluster (post-render, control planes). Default true, except for a data-plane values file. */
  requireClusters?: boolean;
}

interface CheckResult {
  /** Present when there is no error. */
  config?: Config;
  problems: Problem[];
  /** The role the values name, if any. */
  role?: string;
}

function dnsProblems(kind: 'label' | 'subdomain', value: unknown, at: Place, what: string): Problem[] {
  const re = kind === 'label' ? DNS_LABEL : DNS_SUBDOMAIN;
  const max = kind === 'label' ? 63 : 253;
  if (typeof value !== 'string') return [error(at, `${what} must be a string`)];
  if (re.test(value) && value.length <= max) return [];
  const suggestion =
    value
      .toLowerCase()
      .replace(/[^-a-z0-9.]/g, '-')
      .replace(/^[-.]+|[-.]+$/g, '') || 'cluster-credentials';
  const why = value.includes('_')
    ? "'_' is not allowed (the API server rejects it; a client-side dry-run does not)"
    : `a ${kind === 'label' ? 'DNS-1123 label' : 'DNS-1123 subdomain'} is lowercase letters, digits${kind === 'label' ? '' : ", '.'"} and '-', at most ${max} characters`;
  // a credential typed where a name goes: no suggestion derived from it (it would echo it)
  if (looksSecret(value))
    return [
      error(
        at,
        `${what} ${showValue(value)} is not a valid Kubernetes name, and it looks like a credential`,
        'write a name here, e.g. "cluster-credentials"; tokens and certificates go into the Secret, never into values',
      ),
    ];
  return [error(at, `${what} ${showValue(value)} is not a valid Kubernetes name: ${why}`, `use ${showValue(suggestion.slice(0, max))}`)];
}

/**
 * Which mounted Secret holds the token files (flyte-core form and streams). When no volume mount
 * of FlyteAdmin covers them (a plain flyte-core override without flyteadmin.additionalVolumes),
 * the post-renderer mounts the default Secret, cluster-credentials at /var/run/credentials, in
 * all three places, as for the chart's form: said as a warning.
 */
function credentialsFromVolumes(clusters: unknown, volumes: Located, mounts: Located, problems: Problem[], atClusters: Place): Credentials | undefined {
  const list = Array.isArray(clusters) ? clusters.filter(isObject) : [];
  const files = list
    .filter((c) => c.inCluster !== true)
    .flatMap((c) => (isObject(c.auth) ? [c.auth.tokenPath, c.auth.certPath] : []))
    .filter((p): p is string => typeof p === 'string');
  const ms = Array.isArray(mounts.value) ? mounts.value : [];
  const vs = Array.isArray(volumes.value) ? volumes.value : [];
  let best: { i: number; covers: number } | undefined;
  ms.forEach((m, i) => {
    if (!isObject(m) || typeof m.mountPath !== 'string') return;
    const covers = files.filter((f) => fileIn(m.mountPath as string, f) !== undefined).length;
    if (covers > 0 && (!best || covers > best.covers)) best = { i, covers };
  });
  if (!best) {
    if (list.some((c) => c.inCluster !== true)) {
      const { secretName, mountPath } = DEFAULT_CREDENTIALS;
      problems.push(
        warning(
          ms.length ? mounts.where('') : atClusters,
          `no volume mount of FlyteAdmin holds the clusters' token and CA files, so flytemc mounts Secret ${secretName} at ${mountPath} in all three places that need it (FlyteAdmin, its sync-cluster-resources init container and syncresources)`,
          `create Secret ${secretName} with a <name>_token and <name>_cacert key per cluster (\`flytemc join\` does), or mount your own Secret with flyteadmin.additionalVolumes and additionalVolumeMounts`,
        ),
      );
    }
    return undefined;
  }
  const mount = ms[best.i] as Record<string, unknown>;
  problems.push(...dnsProblems('label', mount.name, mounts.where(`/${best.i}/name`), 'volume mount name'));
  const vi = vs.findIndex((v) => isObject(v) && v.name === mount.name);
  if (vi < 0) {
    problems.push(
      error(
        mounts.where(`/${best.i}/name`),
        `the mount names volume ${JSON.stringify(mount.name)}, but there is no volume of that name`,
        'add it to flyteadmin.additionalVolumes with `secret.secretName`',
      ),
    );
    return undefined;
  }
  const volume = vs[vi] as Record<string, unknown>;
  problems.push(...dnsProblems('label', volume.name, volumes.where(`/${vi}/name`), 'volume name'));
  const secretName = isObject(volume.secret) ? volume.secret.secretName : undefined;
  if (typeof secretName !== 'string') {
    problems.push(
      error(
        volumes.where(`/${vi}`),
        `volume ${JSON.stringify(volume.name)} is not a Secret volume, so it cannot carry the tokens`,
        'give it `secret: {secretName: cluster-credentials}`',
      ),
    );
    return undefined;
  }
  problems.push(...dnsProblems('subdomain', secretName, volumes.where(`/${vi}/secret/secretName`), 'Secret name'));
  return { secretName, mountPath: trimSlashes(mount.mountPath as string) };
}

/** A clusters section as far as it has the right shape: what the checks below can read of a config with schema errors too. */
function usable(raw: unknown): { list: ClusterConfig[]; map: Record<string, Route[]>; def?: string } {
  const cl = isObject(raw) ? raw : {};
  const list = (Array.isArray(cl.clusterConfigs) ? cl.clusterConfigs : []).map((c) => (isObject(c) ? c : {})) as unknown as ClusterConfig[];
  const map: Record<string, Route[]> = {};
  if (isObject(cl.labelClusterMap)) {
    for (const [label, routes] of Object.entries(cl.labelClusterMap))
      map[label] = (Array.isArray(routes) ? routes : []).map((r) => (isObject(r) ? r : {})) as unknown as Route[];
  }
  return { list, map, ...(typeof cl.defaultExecutionLabel === 'string' ? { def: cl.defaultExecutionLabel } : {}) };
}

/** The checks a schema cannot express. Runs on a config with schema errors too (one run shows every problem). */
function semanticProblems(clusters: unknown, at: Locator, requireClusters: boolean): Problem[] {
  const problems: Problem[] = [];
  const { list, map, def } = usable(clusters);
  const byName = new Map<string, ClusterConfig>();
  list.forEach((c, i) => {
    if (typeof c.name !== 'string') return; // the schema says it
    if (byName.has(c.name))
      problems.push(
        error(
          at(`/clusterConfigs/${i}/name`),
          `duplicate cluster name ${JSON.stringify(c.name)}; FlyteAdmin panics at start-up on duplicates`,
          'give every cluster its own name, or remove the repeated entry',
        ),
      );
    else byName.set(c.name, c);
    if (c.enabled === undefined)
      problems.push(
        warning(
          at(`/clusterConfigs/${i}`),
          `cluster ${JSON.stringify(c.name)} has no \`enabled\`; FlyteAdmin's default is false, so it gets no executions`,
          'add `enabled: true` (or `enabled: false` to say it on purpose)',
        ),
      );
    if (isObject(c.auth) && c.auth.type !== undefined)
      problems.push(
        warning(at(`/clusterConfigs/${i}/auth/type`), '`auth.type` was never read by FlyteAdmin and is gone in v1.16.8; flytemc drops it', 'remove `type`'),
      );
  });
  const enabled = (id: string) => byName.get(id)?.enabled === true;
  if (requireClusters && list.length === 0) {
    problems.push(
      error(
        at('/clusterConfigs'),
        'no clusters: clusterConfigs is empty, so FlyteAdmin has nowhere to run executions',
        'join a data plane with `flytemc join`, or add an entry with name, endpoint and enabled: true',
      ),
    );
  } else if (requireClusters && !list.some((c) => c.enabled === true)) {
    problems.push(
      error(at('/clusterConfigs'), 'no cluster is enabled, so FlyteAdmin has nowhere to run executions', 'set `enabled: true` on at least one cluster'),
    );
  }
  for (const [label, routes] of Object.entries(map)) {
    const seen = new Set<string>();
    routes.forEach((r, i) => {
      if (typeof r.id !== 'string') return; // the schema says it
      const p = `/labelClusterMap/${escapeSegment(label)}/${i}/id`;
      if (!byName.has(r.id))
        problems.push(
          error(
            at(p),
            `label ${JSON.stringify(label)} routes to ${JSON.stringify(r.id)}, which is not in clusterConfigs; FlyteAdmin silently skips it`,
            `use one of: ${[...byName.keys()].join(', ') || '(no clusters yet)'}`,
          ),
        );
      else if (!enabled(r.id))
        problems.push(
          warning(
            at(p),
            `label ${JSON.stringify(label)} routes to ${JSON.stringify(r.id)}, which is not enabled; FlyteAdmin skips it`,
            `set \`enabled: true\` on ${r.id}, or remove the route`,
          ),
        );
      if (seen.has(r.id))
        problems.push(warning(at(p), `label ${JSON.stringify(label)} lists ${JSON.stringify(r.id)} twice`, 'merge the two entries into one weight'));
      seen.add(r.id);
    });
    if (routes.length > 0 && !routes.some((r) => typeof r.id === 'string' && enabled(r.id))) {
      const fallback = def ? `label ${JSON.stringify(def)}` : 'all enabled clusters';
      // clusters disabled on purpose (`enabled: false`, what `flytemc cordon` writes): the fallback is meant
      const cordoned = routes.every((r) => typeof r.id === 'string' && byName.get(r.id)?.enabled === false);
      problems.push(
        cordoned
          ? warning(
              at(`/labelClusterMap/${label}`),
              `label ${JSON.stringify(label)} routes only to cordoned clusters (enabled: false: ${[...new Set(routes.map((r) => r.id))].join(', ')}), so FlyteAdmin drops it and its executions go to ${fallback}`,
              `uncordon one of them when it should take this label's executions again (flytemc uncordon NAME)`,
            )
          : error(
              at(`/labelClusterMap/${label}`),
              `label ${JSON.stringify(label)} has no enabled cluster left, so FlyteAdmin drops it and its executions fall back to ${fallback}`,
              'route it to an enabled cluster, or enable one of its clusters',
            ),
      );
    }
  }
  if (def !== undefined && !(def in map)) {
    problems.push(
      error(
        at('/defaultExecutionLabel'),
        `defaultExecutionLabel ${JSON.stringify(def)} is not a label of labelClusterMap`,
        `use one of: ${Object.keys(map).join(', ') || '(no labels yet: add one to labelClusterMap)'}`,
      ),
    );
  }
  return problems;
}

/**
 * `multicluster.executionLabels`: each entry names a label that labelClusterMap routes (a label
 * with no enabled cluster is reported on labelClusterMap already), and each project/domain
 * [/workflow] appears once (flytectl would keep only the last one applied).
 */
function executionLabelProblems(entries: ExecutionLabel[], clusters: Clusters, at: Locator): Problem[] {
  const problems: Problem[] = [];
  const map = clusters.labelClusterMap ?? {};
  const seen = new Map<string, number>();
  entries.forEach((e, i) => {
    const key = [e.project, e.domain, e.workflow ?? ''].join('\u0000');
    const what = `${e.project}/${e.domain}${e.workflow ? `/${e.workflow}` : ''}`;
    const first = seen.get(key);
    if (first !== undefined)
      problems.push(error(at(`/${i}`), `${what} is listed twice (also entry ${first}); flytectl keeps whichever is applied last`, 'keep one entry'));
    else seen.set(key, i);
    if (!(e.label in map))
      problems.push(
        error(
          at(`/${i}/label`),
          `${what} gets label ${JSON.stringify(e.label)}, which labelClusterMap does not route; FlyteAdmin would ignore it and fall back to ${clusters.defaultExecutionLabel ? `label ${JSON.stringify(clusters.defaultExecutionLabel)}` : 'all enabled clusters'}`,
          `use one of: ${Object.keys(map).join(', ') || '(no labels yet: add one to labelClusterMap)'}`,
        ),
      );
  });
  return problems;
}

function fileProblems(clusters: ClusterConfig[], creds: Credentials, at: Locator): Problem[] {
  const problems: Problem[] = [];
  clusters.forEach((c, i) => {
    if (c.inCluster || typeof c.name !== 'string' || isProxied(c)) return;
    const auth = isObject(c.auth) ? (c.auth as ClusterConfig['auth']) : undefined;
    for (const [field, path] of [
      ['tokenPath', auth?.tokenPath],
      ['certPath', auth?.certPath],
    ] as const) {
      if (typeof path !== 'string') {
        if (path !== undefined) continue; // the schema says it
        problems.push(
          error(
            at(`/clusterConfigs/${i}/auth`),
            `cluster ${JSON.stringify(c.name)} has no auth.${field}; FlyteAdmin panics at start-up without it`,
            `set auth.${field}: ${creds.mountPath}/${field === 'tokenPath' ? tokenKey(c.name) : caKey(c.name)}`,
          ),
        );
        continue;
      }
      const key = fileIn(creds.mountPath, path);
      if (key === undefined) {
        problems.push(
          error(
            at(`/clusterConfigs/${i}/auth/${field}`),
            `${path} is outside the mounted credentials folder ${creds.mountPath}; FlyteAdmin would not find the file and panic at start-up`,
            `use ${creds.mountPath}/${field === 'tokenPath' ? tokenKey(c.name) : caKey(c.name)}`,
          ),
        );
      } else if (!SECRET_KEY.test(key)) {
        problems.push(
          error(
            at(`/clusterConfigs/${i}/auth/${field}`),
            `${JSON.stringify(key)} cannot be a Secret key (letters, digits, '-', '_' and '.' only)`,
            `use ${creds.mountPath}/${field === 'tokenPath' ? tokenKey(c.name) : caKey(c.name)}`,
          ),
        );
      }
    }
  });
  return problems;
}

/** The clusters section as given, from FlyteAdmin's form of proxied entries (flytemc's own output). */
function unwired(clusters: unknown): unknown {
  if (!isObject(clusters) || !Array.isArray(clusters.clusterConfigs)) return clusters;
  return { ...clusters, clusterConfigs: clusters.clusterConfigs.map(unwire) };
}

/**
 * Defaults FlyteAdmin needs spelled out: token and CA paths; `auth.type` dropped; a proxied
 * cluster pointed at its proxy (credential-proxy.ts), with its port and image.
 */
function normalise(clusters: Clusters, creds: Credentials, proxyImage?: string): Config['clusters'] {
  const ports = assignPorts(clusters.clusterConfigs ?? []);
  const clusterConfigs = (clusters.clusterConfigs ?? []).map((c) => {
    const out: ClusterConfig = { ...c };
    if (isProxied(c)) return wire(c, ports.get(c.name)!, c.credentialProxy.image ?? proxyImage ?? '', `${creds.mountPath}/${caKey(c.name)}`);
    if (!c.inCluster) {
      out.auth = {
        tokenPath: c.auth?.tokenPath ?? `${creds.mountPath}/${tokenKey(c.name)}`,
        certPath: c.auth?.certPath ?? `${creds.mountPath}/${caKey(c.name)}`,
      };
    } else if (c.auth) {
      const { type: _drop, ...rest } = c.auth;
      out.auth = rest;
    }
    return out;
  });
  const out: Config['clusters'] = { clusterConfigs, labelClusterMap: clusters.labelClusterMap ?? {} };
  if (clusters.defaultExecutionLabel !== undefined) out.defaultExecutionLabel = clusters.defaultExecutionLabel;
  return out;
}

/** What a value is, for `must be a mapping, not …`. */
const shapeOf = (v: unknown) => (v === null ? 'empty' : Array.isArray(v) ? 'a list' : typeof v);

export function checkConfig(found: FoundConfig, options: CheckOptions = {}): CheckResult {
  const { source } = found;
  // every problem of the config in one run: the ones found while locating it, the schema's, and
  // the checks below, which read as much of a config with schema errors as has the right shape
  const problems: Problem[] = [...(found.problems ?? [])];
  const at = (p: string) => where(source, p);
  const data = (p: string) => get(found.raw, p);
  const isString = (v: unknown): v is string => typeof v === 'string';

  if (found.form === 'multicluster') {
    if (!isObject(found.raw)) {
      return {
        problems: [...problems, error(at(''), `\`multicluster\` must be a mapping, not ${shapeOf(found.raw)}`, 'see docs/configuration.md for its keys')],
      };
    }
    if (!validateMulticluster(found.raw)) problems.push(...schemaProblems(validateMulticluster.errors, at, data));
    const values = found.raw as MulticlusterValues;
    const role = isString(values.role) ? values.role : undefined;
    const requireClusters = options.requireClusters ?? role !== 'data-plane';
    const clusters = (isObject(values.clusters) ? unwired(values.clusters) : {}) as Clusters;
    const proxyDefaults = isObject(values.credentialProxy) ? values.credentialProxy : undefined;
    const given = isObject(values.credentials) ? values.credentials : {};
    const credentials: Credentials = {
      ...DEFAULT_CREDENTIALS,
      ...(isString(given.secretName) ? { secretName: given.secretName } : {}),
      ...(isString(given.mountPath) ? { mountPath: trimSlashes(given.mountPath) } : {}),
    };
    problems.push(...semanticProblems(clusters, (p) => at(`/clusters${p}`), requireClusters));
    problems.push(...proxyProblems(usable(clusters).list, proxyDefaults, (p) => at(`/clusters${p}`)));
    problems.push(...executionLabelProblems(values.executionLabels ?? [], clusters, (p) => at(`/executionLabels${p}`)));
    const image = typeof proxyDefaults?.image === 'string' ? proxyDefaults.image : undefined;
    const withDefaults = normalise({ ...clusters, clusterConfigs: usable(clusters).list }, credentials, image);
    problems.push(...fileProblems(withDefaults.clusterConfigs, credentials, (p) => at(`/clusters${p}`)));
    if (errorsIn(problems).length) return { problems, ...(role ? { role } : {}) };
    const controlPlane = values.controlPlane ? { controlPlane: values.controlPlane } : {};
    return { config: { source, clusters: withDefaults, credentials, ...controlPlane }, problems, ...(role ? { role } : {}) };
  }

  // flyte-core's own `configmap.clusters`, from a values file or from the rendered stream
  if (!isObject(found.raw)) {
    return {
      problems: [...problems, error(at(''), `\`clusters\` must be a mapping with clusterConfigs and labelClusterMap, not ${shapeOf(found.raw)}`)],
    };
  }
  if (!validateClusters(found.raw)) problems.push(...schemaProblems(validateClusters.errors, at, data));
  const clusters = unwired(found.raw) as Clusters;
  const { list } = usable(clusters);
  problems.push(...semanticProblems(clusters, at, options.requireClusters ?? true));
  problems.push(...proxyProblems(list, undefined, at));
  const credentials =
    (found.volumes && found.mounts ? credentialsFromVolumes(usable(found.raw).list, found.volumes, found.mounts, problems, at('')) : undefined) ??
    DEFAULT_CREDENTIALS;
  // token and CA paths default to <mountPath>/<name>_token and _cacert, as in the chart's form
  const normalised = normalise({ ...clusters, clusterConfigs: list }, credentials);
  problems.push(...fileProblems(normalised.clusterConfigs, credentials, at));
  if (errorsIn(problems).length) return { problems };
  return { config: { source, clusters: normalised, credentials }, problems };
}
