// Stage 3 of the post-render pipeline: a found config checked against the JSON Schema, then by semantic.ts, with defaults filled in.
import { validateClusters, validateMulticluster } from '../generated/validators.cjs';
import { error, errorsIn, type Problem } from '../problems/problems.ts';
import { isObject } from '../yaml/data.ts';
import { get, trimSlashes } from '../yaml/json-pointer.ts';
import { assignPorts, isProxied, proxyProblems, unwire, wire } from './credential-proxy.ts';
import { credentialsFromVolumes } from './credentials.ts';
import { schemaProblems } from './schema-errors.ts';
import { executionLabelProblems, fileProblems, semanticProblems, usable } from './semantic.ts';
import {
  DEFAULT_CREDENTIALS,
  caKey,
  tokenKey,
  type ClusterConfig,
  type Clusters,
  type Config,
  type Credentials,
  type FoundConfig,
  type MulticlusterValues,
} from './types.ts';
import { coded, where } from './where.ts';

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

const isString = (v: unknown): v is string => typeof v === 'string';

/** The chart's form: `multicluster: {role, credentials, clusters, executionLabels, controlPlane}`. */
function checkMulticluster(found: FoundConfig, values: MulticlusterValues, problems: Problem[], options: CheckOptions): CheckResult {
  const at = (p: string) => where(found.source, p);
  if (!validateMulticluster(values)) problems.push(...schemaProblems(validateMulticluster.errors, at, (p) => get(values, p)));
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
  const atClusters = (p: string) => at(`/clusters${p}`);
  problems.push(...semanticProblems(clusters, atClusters, requireClusters));
  problems.push(...proxyProblems(usable(clusters).list, proxyDefaults, atClusters));
  problems.push(...executionLabelProblems(values.executionLabels ?? [], clusters, (p) => at(`/executionLabels${p}`)));
  const image = typeof proxyDefaults?.image === 'string' ? proxyDefaults.image : undefined;
  const withDefaults = normalise({ ...clusters, clusterConfigs: usable(clusters).list }, credentials, image);
  problems.push(...fileProblems(withDefaults.clusterConfigs, credentials, atClusters));
  const named = role ? { role } : {};
  if (errorsIn(problems).length) return { problems, ...named };
  const controlPlane = values.controlPlane ? { controlPlane: values.controlPlane } : {};
  return { config: { source: found.source, clusters: withDefaults, credentials, ...controlPlane }, problems, ...named };
}

/** flyte-core's own `configmap.clusters`, from a values file or from the rendered stream. */
function checkClusters(found: FoundConfig, problems: Problem[], options: CheckOptions): CheckResult {
  const at = (p: string) => where(found.source, p);
  if (!validateClusters(found.raw)) problems.push(...schemaProblems(validateClusters.errors, at, (p) => get(found.raw, p)));
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
  return { config: { source: found.source, clusters: normalised, credentials }, problems };
}

export function checkConfig(found: FoundConfig, options: CheckOptions = {}): CheckResult {
  // every problem of the config in one run: the ones found while locating it, the schema's, and
  // the semantic checks, which read as much of a config with schema errors as has the right shape
  const problems: Problem[] = [...(found.problems ?? [])];
  const shape = () => coded('config.shape', where(found.source, ''));
  if (found.form === 'multicluster') {
    if (!isObject(found.raw))
      return {
        problems: [...problems, error(shape(), `\`multicluster\` must be a mapping, not ${shapeOf(found.raw)}`, 'see docs/configuration.md for its keys')],
      };
    return checkMulticluster(found, found.raw as MulticlusterValues, problems, options);
  }
  if (!isObject(found.raw))
    return { problems: [...problems, error(shape(), `\`clusters\` must be a mapping with clusterConfigs and labelClusterMap, not ${shapeOf(found.raw)}`)] };
  return checkClusters(found, problems, options);
}
