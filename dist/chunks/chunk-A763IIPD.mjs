#!/usr/bin/env node
import { createRequire as __flytemcCreateRequire } from 'node:module'; const require = __flytemcCreateRequire(import.meta.url);
import {
  assignPorts,
  isProxied,
  proxyProblems,
  unwire,
  wire
} from "./chunk-4MI52BG5.mjs";
import {
  DEFAULT_CREDENTIALS,
  caKey,
  tokenKey
} from "./chunk-CMNDI7DY.mjs";
import {
  require_validators,
  schemaProblems
} from "./chunk-TNQNMB5Q.mjs";
import {
  coded,
  where
} from "./chunk-RMH2B4TR.mjs";
import {
  isObject
} from "./chunk-4VJRSWY5.mjs";
import {
  escapeSegment,
  fileIn,
  get,
  trimSlashes
} from "./chunk-C2L5FP4Q.mjs";
import {
  error,
  errorsIn,
  looksSecret,
  showValue,
  warning
} from "./chunk-PXOMBRJH.mjs";
import {
  __toESM
} from "./chunk-GPAN37FC.mjs";

// plugin/config/check-config.ts
var import_validators = __toESM(require_validators(), 1);

// plugin/config/names.ts
var DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
var DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
var CODE = "config.name";
function nameProblems(kind, value, place, what) {
  const at = coded(CODE, place);
  const re = kind === "label" ? DNS_LABEL : DNS_SUBDOMAIN;
  const max = kind === "label" ? 63 : 253;
  if (typeof value !== "string") return [error(at, `${what} must be a string`)];
  if (re.test(value) && value.length <= max) return [];
  if (looksSecret(value))
    return [
      error(
        at,
        `${what} ${showValue(value)} is not a valid Kubernetes name, and it looks like a credential`,
        'write a name here, e.g. "cluster-credentials"; tokens and certificates go into the Secret, never into values'
      )
    ];
  const suggestion = value.toLowerCase().replace(/[^-a-z0-9.]/g, "-").replace(/^[-.]+|[-.]+$/g, "") || "cluster-credentials";
  const why = value.includes("_") ? "'_' is not allowed (the API server rejects it; a client-side dry-run does not)" : `a ${kind === "label" ? "DNS-1123 label" : "DNS-1123 subdomain"} is lowercase letters, digits${kind === "label" ? "" : ", '.'"} and '-', at most ${max} characters`;
  return [error(at, `${what} ${showValue(value)} is not a valid Kubernetes name: ${why}`, `use ${showValue(suggestion.slice(0, max))}`)];
}

// plugin/config/credentials.ts
var CODE2 = "config.credentials";
function credentialFiles(list) {
  return list.filter((c) => c.inCluster !== true).flatMap((c) => isObject(c.auth) ? [c.auth.tokenPath, c.auth.certPath] : []).filter((p) => typeof p === "string");
}
function bestMount(mounts, files) {
  let best;
  mounts.forEach((m, i) => {
    if (!isObject(m) || typeof m.mountPath !== "string") return;
    const covers = files.filter((f) => fileIn(m.mountPath, f) !== void 0).length;
    if (covers > 0 && (!best || covers > best.covers)) best = { i, covers };
  });
  return best?.i;
}
function defaultMounted(at) {
  const { secretName, mountPath } = DEFAULT_CREDENTIALS;
  return warning(
    coded(CODE2, at),
    `no volume mount of FlyteAdmin holds the clusters' token and CA files, so flytemc mounts Secret ${secretName} at ${mountPath} in all three places that need it (FlyteAdmin, its sync-cluster-resources init container and syncresources)`,
    `create Secret ${secretName} with a <name>_token and <name>_cacert key per cluster (\`flytemc join\` does), or mount your own Secret with flyteadmin.additionalVolumes and additionalVolumeMounts`
  );
}
function secretOfMount(mount, mountAt, volumes, problems) {
  const vs = Array.isArray(volumes.value) ? volumes.value : [];
  const vi = vs.findIndex((v) => isObject(v) && v.name === mount.name);
  if (vi < 0) {
    problems.push(
      error(
        coded(CODE2, mountAt),
        `the mount names volume ${JSON.stringify(mount.name)}, but there is no volume of that name`,
        "add it to flyteadmin.additionalVolumes with `secret.secretName`"
      )
    );
    return void 0;
  }
  const volume = vs[vi];
  problems.push(...nameProblems("label", volume.name, volumes.where(`/${vi}/name`), "volume name"));
  const secretName = isObject(volume.secret) ? volume.secret.secretName : void 0;
  if (typeof secretName !== "string") {
    problems.push(
      error(
        coded(CODE2, volumes.where(`/${vi}`)),
        `volume ${JSON.stringify(volume.name)} is not a Secret volume, so it cannot carry the tokens`,
        "give it `secret: {secretName: cluster-credentials}`"
      )
    );
    return void 0;
  }
  problems.push(...nameProblems("subdomain", secretName, volumes.where(`/${vi}/secret/secretName`), "Secret name"));
  return secretName;
}
function credentialsFromVolumes(clusters, volumes, mounts, problems, atClusters) {
  const list = Array.isArray(clusters) ? clusters.filter(isObject) : [];
  const ms = Array.isArray(mounts.value) ? mounts.value : [];
  const best = bestMount(ms, credentialFiles(list));
  if (best === void 0) {
    if (list.some((c) => c.inCluster !== true)) problems.push(defaultMounted(ms.length ? mounts.where("") : atClusters));
    return void 0;
  }
  const mount = ms[best];
  problems.push(...nameProblems("label", mount.name, mounts.where(`/${best}/name`), "volume mount name"));
  const secretName = secretOfMount(mount, mounts.where(`/${best}/name`), volumes, problems);
  return secretName === void 0 ? void 0 : { secretName, mountPath: trimSlashes(mount.mountPath) };
}

// plugin/config/semantic.ts
var SECRET_KEY = /^[-._a-zA-Z0-9]+$/;
function usable(raw) {
  const cl = isObject(raw) ? raw : {};
  const list = (Array.isArray(cl.clusterConfigs) ? cl.clusterConfigs : []).map((c) => isObject(c) ? c : {});
  const map = {};
  if (isObject(cl.labelClusterMap)) {
    for (const [label, routes] of Object.entries(cl.labelClusterMap))
      map[label] = (Array.isArray(routes) ? routes : []).map((r) => isObject(r) ? r : {});
  }
  return { list, map, ...typeof cl.defaultExecutionLabel === "string" ? { def: cl.defaultExecutionLabel } : {} };
}
var routedTo = (def) => def ? `label ${JSON.stringify(def)}` : "all enabled clusters";
var labelChoices = (map) => `use one of: ${Object.keys(map).join(", ") || "(no labels yet: add one to labelClusterMap)"}`;
function clusterProblems(list, byName, at, requireClusters) {
  const problems = [];
  list.forEach((c, i) => {
    if (typeof c.name !== "string") return;
    if (byName.has(c.name))
      problems.push(
        error(
          coded("config.duplicate-name", at(`/clusterConfigs/${i}/name`)),
          `duplicate cluster name ${JSON.stringify(c.name)}; FlyteAdmin panics at start-up on duplicates`,
          "give every cluster its own name, or remove the repeated entry"
        )
      );
    else byName.set(c.name, c);
    if (c.enabled === void 0)
      problems.push(
        warning(
          coded("config.enabled-missing", at(`/clusterConfigs/${i}`)),
          `cluster ${JSON.stringify(c.name)} has no \`enabled\`; FlyteAdmin's default is false, so it gets no executions`,
          "add `enabled: true` (or `enabled: false` to say it on purpose)"
        )
      );
    if (isObject(c.auth) && c.auth.type !== void 0)
      problems.push(
        warning(
          coded("config.auth-type", at(`/clusterConfigs/${i}/auth/type`)),
          "`auth.type` was never read by FlyteAdmin and is gone in v1.16.8; flytemc drops it",
          "remove `type`"
        )
      );
  });
  const none = coded("config.no-clusters", at("/clusterConfigs"));
  if (requireClusters && list.length === 0)
    problems.push(
      error(
        none,
        "no clusters: clusterConfigs is empty, so FlyteAdmin has nowhere to run executions",
        "join a data plane with `flytemc join`, or add an entry with name, endpoint and enabled: true"
      )
    );
  else if (requireClusters && !list.some((c) => c.enabled === true))
    problems.push(error(none, "no cluster is enabled, so FlyteAdmin has nowhere to run executions", "set `enabled: true` on at least one cluster"));
  return problems;
}
function routeProblems(label, r, p, byName, seen, at) {
  const problems = [];
  if (!byName.has(r.id))
    problems.push(
      error(
        coded("config.route-unknown", at(p)),
        `label ${JSON.stringify(label)} routes to ${JSON.stringify(r.id)}, which is not in clusterConfigs; FlyteAdmin silently skips it`,
        `use one of: ${[...byName.keys()].join(", ") || "(no clusters yet)"}`
      )
    );
  else if (byName.get(r.id)?.enabled !== true)
    problems.push(
      warning(
        coded("config.route-disabled", at(p)),
        `label ${JSON.stringify(label)} routes to ${JSON.stringify(r.id)}, which is not enabled; FlyteAdmin skips it`,
        `set \`enabled: true\` on ${r.id}, or remove the route`
      )
    );
  if (seen.has(r.id))
    problems.push(
      warning(
        coded("config.route-twice", at(p)),
        `label ${JSON.stringify(label)} lists ${JSON.stringify(r.id)} twice`,
        "merge the two entries into one weight"
      )
    );
  seen.add(r.id);
  return problems;
}
function droppedLabel(label, routes, byName, def, at) {
  if (routes.length === 0 || routes.some((r) => typeof r.id === "string" && byName.get(r.id)?.enabled === true)) return [];
  const fallback = routedTo(def);
  const cordoned = routes.every((r) => typeof r.id === "string" && byName.get(r.id)?.enabled === false);
  if (cordoned)
    return [
      warning(
        coded("config.label-cordoned", at(`/labelClusterMap/${label}`)),
        `label ${JSON.stringify(label)} routes only to cordoned clusters (enabled: false: ${[...new Set(routes.map((r) => r.id))].join(", ")}), so FlyteAdmin drops it and its executions go to ${fallback}`,
        `uncordon one of them when it should take this label's executions again (flytemc uncordon NAME)`
      )
    ];
  return [
    error(
      coded("config.label-dropped", at(`/labelClusterMap/${label}`)),
      `label ${JSON.stringify(label)} has no enabled cluster left, so FlyteAdmin drops it and its executions fall back to ${fallback}`,
      "route it to an enabled cluster, or enable one of its clusters"
    )
  ];
}
function semanticProblems(clusters, at, requireClusters) {
  const { list, map, def } = usable(clusters);
  const byName = /* @__PURE__ */ new Map();
  const problems = clusterProblems(list, byName, at, requireClusters);
  for (const [label, routes] of Object.entries(map)) {
    const seen = /* @__PURE__ */ new Set();
    routes.forEach((r, i) => {
      if (typeof r.id !== "string") return;
      problems.push(...routeProblems(label, r, `/labelClusterMap/${escapeSegment(label)}/${i}/id`, byName, seen, at));
    });
    problems.push(...droppedLabel(label, routes, byName, def, at));
  }
  if (def !== void 0 && !(def in map))
    problems.push(
      error(
        coded("config.default-label", at("/defaultExecutionLabel")),
        `defaultExecutionLabel ${JSON.stringify(def)} is not a label of labelClusterMap`,
        labelChoices(map)
      )
    );
  return problems;
}
function executionLabelProblems(entries, clusters, at) {
  const problems = [];
  const map = clusters.labelClusterMap ?? {};
  const seen = /* @__PURE__ */ new Map();
  entries.forEach((e, i) => {
    const key = [e.project, e.domain, e.workflow ?? ""].join("\0");
    const what = `${e.project}/${e.domain}${e.workflow ? `/${e.workflow}` : ""}`;
    const first = seen.get(key);
    if (first !== void 0)
      problems.push(
        error(
          coded("config.execution-label-twice", at(`/${i}`)),
          `${what} is listed twice (also entry ${first}); flytectl keeps whichever is applied last`,
          "keep one entry"
        )
      );
    else seen.set(key, i);
    if (!(e.label in map))
      problems.push(
        error(
          coded("config.execution-label-unrouted", at(`/${i}/label`)),
          `${what} gets label ${JSON.stringify(e.label)}, which labelClusterMap does not route; FlyteAdmin would ignore it and fall back to ${routedTo(clusters.defaultExecutionLabel)}`,
          labelChoices(map)
        )
      );
  });
  return problems;
}
function pathProblem(c, i, field, path, creds, at) {
  const fix = `${creds.mountPath}/${field === "tokenPath" ? tokenKey(c.name) : caKey(c.name)}`;
  if (typeof path !== "string") {
    if (path !== void 0) return void 0;
    return error(
      coded("config.token-file", at(`/clusterConfigs/${i}/auth`)),
      `cluster ${JSON.stringify(c.name)} has no auth.${field}; FlyteAdmin panics at start-up without it`,
      `set auth.${field}: ${fix}`
    );
  }
  const key = fileIn(creds.mountPath, path);
  const here = coded("config.token-file", at(`/clusterConfigs/${i}/auth/${field}`));
  if (key === void 0)
    return error(
      here,
      `${path} is outside the mounted credentials folder ${creds.mountPath}; FlyteAdmin would not find the file and panic at start-up`,
      `use ${fix}`
    );
  if (!SECRET_KEY.test(key)) return error(here, `${JSON.stringify(key)} cannot be a Secret key (letters, digits, '-', '_' and '.' only)`, `use ${fix}`);
  return void 0;
}
function fileProblems(clusters, creds, at) {
  const problems = [];
  clusters.forEach((c, i) => {
    if (c.inCluster || typeof c.name !== "string" || isProxied(c)) return;
    const auth = isObject(c.auth) ? c.auth : void 0;
    for (const field of ["tokenPath", "certPath"]) {
      const p = pathProblem(c, i, field, auth?.[field], creds, at);
      if (p) problems.push(p);
    }
  });
  return problems;
}

// plugin/config/check-config.ts
function unwired(clusters) {
  if (!isObject(clusters) || !Array.isArray(clusters.clusterConfigs)) return clusters;
  return { ...clusters, clusterConfigs: clusters.clusterConfigs.map(unwire) };
}
function normalise(clusters, creds, proxyImage) {
  const ports = assignPorts(clusters.clusterConfigs ?? []);
  const clusterConfigs = (clusters.clusterConfigs ?? []).map((c) => {
    const out2 = { ...c };
    if (isProxied(c)) return wire(c, ports.get(c.name), c.credentialProxy.image ?? proxyImage ?? "", `${creds.mountPath}/${caKey(c.name)}`);
    if (!c.inCluster) {
      out2.auth = {
        tokenPath: c.auth?.tokenPath ?? `${creds.mountPath}/${tokenKey(c.name)}`,
        certPath: c.auth?.certPath ?? `${creds.mountPath}/${caKey(c.name)}`
      };
    } else if (c.auth) {
      const { type: _drop, ...rest } = c.auth;
      out2.auth = rest;
    }
    return out2;
  });
  const out = { clusterConfigs, labelClusterMap: clusters.labelClusterMap ?? {} };
  if (clusters.defaultExecutionLabel !== void 0) out.defaultExecutionLabel = clusters.defaultExecutionLabel;
  return out;
}
var shapeOf = (v) => v === null ? "empty" : Array.isArray(v) ? "a list" : typeof v;
var isString = (v) => typeof v === "string";
function checkMulticluster(found, values, problems, options) {
  const at = (p) => where(found.source, p);
  if (!(0, import_validators.validateMulticluster)(values)) problems.push(...schemaProblems(import_validators.validateMulticluster.errors, at, (p) => get(values, p)));
  const role = isString(values.role) ? values.role : void 0;
  const requireClusters = options.requireClusters ?? role !== "data-plane";
  const clusters = isObject(values.clusters) ? unwired(values.clusters) : {};
  const proxyDefaults = isObject(values.credentialProxy) ? values.credentialProxy : void 0;
  const given = isObject(values.credentials) ? values.credentials : {};
  const credentials = {
    ...DEFAULT_CREDENTIALS,
    ...isString(given.secretName) ? { secretName: given.secretName } : {},
    ...isString(given.mountPath) ? { mountPath: trimSlashes(given.mountPath) } : {}
  };
  const atClusters = (p) => at(`/clusters${p}`);
  problems.push(...semanticProblems(clusters, atClusters, requireClusters));
  problems.push(...proxyProblems(usable(clusters).list, proxyDefaults, atClusters));
  problems.push(...executionLabelProblems(values.executionLabels ?? [], clusters, (p) => at(`/executionLabels${p}`)));
  const image = typeof proxyDefaults?.image === "string" ? proxyDefaults.image : void 0;
  const withDefaults = normalise({ ...clusters, clusterConfigs: usable(clusters).list }, credentials, image);
  problems.push(...fileProblems(withDefaults.clusterConfigs, credentials, atClusters));
  const named = role ? { role } : {};
  if (errorsIn(problems).length) return { problems, ...named };
  const controlPlane = values.controlPlane ? { controlPlane: values.controlPlane } : {};
  return { config: { source: found.source, clusters: withDefaults, credentials, ...controlPlane }, problems, ...named };
}
function checkClusters(found, problems, options) {
  const at = (p) => where(found.source, p);
  if (!(0, import_validators.validateClusters)(found.raw)) problems.push(...schemaProblems(import_validators.validateClusters.errors, at, (p) => get(found.raw, p)));
  const clusters = unwired(found.raw);
  const { list } = usable(clusters);
  problems.push(...semanticProblems(clusters, at, options.requireClusters ?? true));
  problems.push(...proxyProblems(list, void 0, at));
  const credentials = (found.volumes && found.mounts ? credentialsFromVolumes(usable(found.raw).list, found.volumes, found.mounts, problems, at("")) : void 0) ?? DEFAULT_CREDENTIALS;
  const normalised = normalise({ ...clusters, clusterConfigs: list }, credentials);
  problems.push(...fileProblems(normalised.clusterConfigs, credentials, at));
  if (errorsIn(problems).length) return { problems };
  return { config: { source: found.source, clusters: normalised, credentials }, problems };
}
function checkConfig(found, options = {}) {
  const problems = [...found.problems ?? []];
  const shape = () => coded("config.shape", where(found.source, ""));
  if (found.form === "multicluster") {
    if (!isObject(found.raw))
      return {
        problems: [...problems, error(shape(), `\`multicluster\` must be a mapping, not ${shapeOf(found.raw)}`, "see docs/configuration.md for its keys")]
      };
    return checkMulticluster(found, found.raw, problems, options);
  }
  if (!isObject(found.raw))
    return { problems: [...problems, error(shape(), `\`clusters\` must be a mapping with clusterConfigs and labelClusterMap, not ${shapeOf(found.raw)}`)] };
  return checkClusters(found, problems, options);
}

export {
  checkConfig
};
