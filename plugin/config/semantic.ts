// The config checks a schema cannot express: names, routes, labels, execution labels and token files.
import { error, warning, type Locator, type Problem } from '../problems/problems.ts';
import { isObject } from '../yaml/data.ts';
import { escapeSegment, fileIn } from '../yaml/json-pointer.ts';
import { isProxied } from './credential-proxy.ts';
import { caKey, tokenKey, type ClusterConfig, type Clusters, type Credentials, type ExecutionLabel, type Route } from './types.ts';
import { coded } from './where.ts';

const SECRET_KEY = /^[-._a-zA-Z0-9]+$/;

/** A clusters section as far as it has the right shape: what the checks can read of a config with schema errors too. */
export function usable(raw: unknown): { list: ClusterConfig[]; map: Record<string, Route[]>; def?: string } {
  const cl = isObject(raw) ? raw : {};
  const list = (Array.isArray(cl.clusterConfigs) ? cl.clusterConfigs : []).map((c) => (isObject(c) ? c : {})) as unknown as ClusterConfig[];
  const map: Record<string, Route[]> = {};
  if (isObject(cl.labelClusterMap)) {
    for (const [label, routes] of Object.entries(cl.labelClusterMap))
      map[label] = (Array.isArray(routes) ? routes : []).map((r) => (isObject(r) ? r : {})) as unknown as Route[];
  }
  return { list, map, ...(typeof cl.defaultExecutionLabel === 'string' ? { def: cl.defaultExecutionLabel } : {}) };
}

const routedTo = (def: string | undefined) => (def ? `label ${JSON.stringify(def)}` : 'all enabled clusters');
const labelChoices = (map: object) => `use one of: ${Object.keys(map).join(', ') || '(no labels yet: add one to labelClusterMap)'}`;

/** Each cluster's own problems, and whether any cluster is left to run executions; fills `byName`. */
function clusterProblems(list: ClusterConfig[], byName: Map<string, ClusterConfig>, at: Locator, requireClusters: boolean): Problem[] {
  const problems: Problem[] = [];
  list.forEach((c, i) => {
    if (typeof c.name !== 'string') return; // the schema says it
    if (byName.has(c.name))
      problems.push(
        error(
          coded('config.duplicate-name', at(`/clusterConfigs/${i}/name`)),
          `duplicate cluster name ${JSON.stringify(c.name)}; FlyteAdmin panics at start-up on duplicates`,
          'give every cluster its own name, or remove the repeated entry',
        ),
      );
    else byName.set(c.name, c);
    if (c.enabled === undefined)
      problems.push(
        warning(
          coded('config.enabled-missing', at(`/clusterConfigs/${i}`)),
          `cluster ${JSON.stringify(c.name)} has no \`enabled\`; FlyteAdmin's default is false, so it gets no executions`,
          'add `enabled: true` (or `enabled: false` to say it on purpose)',
        ),
      );
    if (isObject(c.auth) && c.auth.type !== undefined)
      problems.push(
        warning(
          coded('config.auth-type', at(`/clusterConfigs/${i}/auth/type`)),
          '`auth.type` was never read by FlyteAdmin and is gone in v1.16.8; flytemc drops it',
          'remove `type`',
        ),
      );
  });
  const none = coded('config.no-clusters', at('/clusterConfigs'));
  if (requireClusters && list.length === 0)
    problems.push(
      error(
        none,
        'no clusters: clusterConfigs is empty, so FlyteAdmin has nowhere to run executions',
        'join a data plane with `flytemc join`, or add an entry with name, endpoint and enabled: true',
      ),
    );
  else if (requireClusters && !list.some((c) => c.enabled === true))
    problems.push(error(none, 'no cluster is enabled, so FlyteAdmin has nowhere to run executions', 'set `enabled: true` on at least one cluster'));
  return problems;
}

/** One route's problems: unknown, disabled or repeated clusters. */
function routeProblems(label: string, r: Route, p: string, byName: Map<string, ClusterConfig>, seen: Set<string>, at: Locator): Problem[] {
  const problems: Problem[] = [];
  if (!byName.has(r.id))
    problems.push(
      error(
        coded('config.route-unknown', at(p)),
        `label ${JSON.stringify(label)} routes to ${JSON.stringify(r.id)}, which is not in clusterConfigs; FlyteAdmin silently skips it`,
        `use one of: ${[...byName.keys()].join(', ') || '(no clusters yet)'}`,
      ),
    );
  else if (byName.get(r.id)?.enabled !== true)
    problems.push(
      warning(
        coded('config.route-disabled', at(p)),
        `label ${JSON.stringify(label)} routes to ${JSON.stringify(r.id)}, which is not enabled; FlyteAdmin skips it`,
        `set \`enabled: true\` on ${r.id}, or remove the route`,
      ),
    );
  if (seen.has(r.id))
    problems.push(
      warning(
        coded('config.route-twice', at(p)),
        `label ${JSON.stringify(label)} lists ${JSON.stringify(r.id)} twice`,
        'merge the two entries into one weight',
      ),
    );
  seen.add(r.id);
  return problems;
}

/** A label none of whose routes reaches an enabled cluster: dropped by FlyteAdmin (a warning when cordoned on purpose). */
function droppedLabel(label: string, routes: Route[], byName: Map<string, ClusterConfig>, def: string | undefined, at: Locator): Problem[] {
  if (routes.length === 0 || routes.some((r) => typeof r.id === 'string' && byName.get(r.id)?.enabled === true)) return [];
  const fallback = routedTo(def);
  // clusters disabled on purpose (`enabled: false`, what `flytemc cordon` writes): the fallback is meant
  const cordoned = routes.every((r) => typeof r.id === 'string' && byName.get(r.id)?.enabled === false);
  if (cordoned)
    return [
      warning(
        coded('config.label-cordoned', at(`/labelClusterMap/${label}`)),
        `label ${JSON.stringify(label)} routes only to cordoned clusters (enabled: false: ${[...new Set(routes.map((r) => r.id))].join(', ')}), so FlyteAdmin drops it and its executions go to ${fallback}`,
        `uncordon one of them when it should take this label's executions again (flytemc uncordon NAME)`,
      ),
    ];
  return [
    error(
      coded('config.label-dropped', at(`/labelClusterMap/${label}`)),
      `label ${JSON.stringify(label)} has no enabled cluster left, so FlyteAdmin drops it and its executions fall back to ${fallback}`,
      'route it to an enabled cluster, or enable one of its clusters',
    ),
  ];
}

/** The checks a schema cannot express. Runs on a config with schema errors too (one run shows every problem). */
export function semanticProblems(clusters: unknown, at: Locator, requireClusters: boolean): Problem[] {
  const { list, map, def } = usable(clusters);
  const byName = new Map<string, ClusterConfig>();
  const problems = clusterProblems(list, byName, at, requireClusters);
  for (const [label, routes] of Object.entries(map)) {
    const seen = new Set<string>();
    routes.forEach((r, i) => {
      if (typeof r.id !== 'string') return; // the schema says it
      problems.push(...routeProblems(label, r, `/labelClusterMap/${escapeSegment(label)}/${i}/id`, byName, seen, at));
    });
    problems.push(...droppedLabel(label, routes, byName, def, at));
  }
  if (def !== undefined && !(def in map))
    problems.push(
      error(
        coded('config.default-label', at('/defaultExecutionLabel')),
        `defaultExecutionLabel ${JSON.stringify(def)} is not a label of labelClusterMap`,
        labelChoices(map),
      ),
    );
  return problems;
}

/**
 * `multicluster.executionLabels`: each entry names a label that labelClusterMap routes (a label
 * with no enabled cluster is reported on labelClusterMap already), and each project/domain
 * [/workflow] appears once (flytectl would keep only the last one applied).
 */
export function executionLabelProblems(entries: ExecutionLabel[], clusters: Clusters, at: Locator): Problem[] {
  const problems: Problem[] = [];
  const map = clusters.labelClusterMap ?? {};
  const seen = new Map<string, number>();
  entries.forEach((e, i) => {
    const key = [e.project, e.domain, e.workflow ?? ''].join('\u0000');
    const what = `${e.project}/${e.domain}${e.workflow ? `/${e.workflow}` : ''}`;
    const first = seen.get(key);
    if (first !== undefined)
      problems.push(
        error(
          coded('config.execution-label-twice', at(`/${i}`)),
          `${what} is listed twice (also entry ${first}); flytectl keeps whichever is applied last`,
          'keep one entry',
        ),
      );
    else seen.set(key, i);
    if (!(e.label in map))
      problems.push(
        error(
          coded('config.execution-label-unrouted', at(`/${i}/label`)),
          `${what} gets label ${JSON.stringify(e.label)}, which labelClusterMap does not route; FlyteAdmin would ignore it and fall back to ${routedTo(clusters.defaultExecutionLabel)}`,
          labelChoices(map),
        ),
      );
  });
  return problems;
}

/** The problem of one token or CA path of cluster `c` (entry `i`), if any. */
function pathProblem(c: ClusterConfig, i: number, field: 'tokenPath' | 'certPath', path: unknown, creds: Credentials, at: Locator): Problem | undefined {
  const fix = `${creds.mountPath}/${field === 'tokenPath' ? tokenKey(c.name) : caKey(c.name)}`;
  if (typeof path !== 'string') {
    if (path !== undefined) return undefined; // the schema says it
    return error(
      coded('config.token-file', at(`/clusterConfigs/${i}/auth`)),
      `cluster ${JSON.stringify(c.name)} has no auth.${field}; FlyteAdmin panics at start-up without it`,
      `set auth.${field}: ${fix}`,
    );
  }
  const key = fileIn(creds.mountPath, path);
  const here = coded('config.token-file', at(`/clusterConfigs/${i}/auth/${field}`));
  if (key === undefined)
    return error(
      here,
      `${path} is outside the mounted credentials folder ${creds.mountPath}; FlyteAdmin would not find the file and panic at start-up`,
      `use ${fix}`,
    );
  if (!SECRET_KEY.test(key)) return error(here, `${JSON.stringify(key)} cannot be a Secret key (letters, digits, '-', '_' and '.' only)`, `use ${fix}`);
  return undefined;
}

/** Token and CA files inside the mounted Secret's folder, each a valid Secret key. */
export function fileProblems(clusters: ClusterConfig[], creds: Credentials, at: Locator): Problem[] {
  const problems: Problem[] = [];
  clusters.forEach((c, i) => {
    if (c.inCluster || typeof c.name !== 'string' || isProxied(c)) return;
    const auth = isObject(c.auth) ? (c.auth as ClusterConfig['auth']) : undefined;
    for (const field of ['tokenPath', 'certPath'] as const) {
      const p = pathProblem(c, i, field, auth?.[field], creds, at);
      if (p) problems.push(p);
    }
  });
  return problems;
}
