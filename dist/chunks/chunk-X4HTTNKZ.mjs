#!/usr/bin/env node
import { createRequire as __flytemcCreateRequire } from 'node:module'; const require = __flytemcCreateRequire(import.meta.url);
import {
  describeStorage,
  storageDifferences,
  storageOfValues
} from "./chunk-Q6QQLQ23.mjs";
import {
  checkConfig
} from "./chunk-A763IIPD.mjs";
import {
  IN_CLUSTER_ADMIN,
  inClusterService,
  resolveWiring
} from "./chunk-EMYUWFA7.mjs";
import {
  unknownCoreKeys
} from "./chunk-OUC775SF.mjs";
import {
  cloudFile,
  shippedChart
} from "./chunk-XLSMOU2J.mjs";
import {
  pluginRoot
} from "./chunk-MYO4P6B7.mjs";
import {
  NO_CONFIG,
  configFromValues,
  parseValuesFile,
  readValuesFiles
} from "./chunk-LRTHTFRO.mjs";
import {
  where
} from "./chunk-RMH2B4TR.mjs";
import {
  isObject
} from "./chunk-4VJRSWY5.mjs";
import {
  readText,
  sourceLabel
} from "./chunk-FIS3OFIC.mjs";
import {
  FlytemcError,
  error,
  warning
} from "./chunk-PXOMBRJH.mjs";

// plugin/config/planes.ts
var obj = (v) => isObject(v) ? v : {};
function load(files, cloud) {
  const all = cloud ? [cloudFile(shippedChart(pluginRoot()), cloud), ...files] : files;
  return obj(readValuesFiles(all).merged);
}
function controlPlaneView(cpFiles, cloud) {
  const cp = load(cpFiles, cloud);
  const mc = obj(cp.multicluster);
  const list = obj(mc.clusters).clusterConfigs;
  return {
    label: cpFiles.join(", "),
    given: cpFiles.length > 0,
    ...cpFiles.length ? { storage: storageOfValues(obj(cp["flyte-core"])) } : {},
    controlPlane: obj(mc.controlPlane),
    ...Array.isArray(list) ? { clusters: list } : {}
  };
}
function nameProblems(dp) {
  const propellerName = obj(dp.core.flytepropeller).clusterName;
  if (!dp.name)
    return [
      warning(
        dp.at("planes.cluster-name", "/multicluster/clusterName"),
        "multicluster.clusterName is not set in these files",
        "`helm flytemc install data-plane --name NAME` sets it (and flyte-core.flytepropeller.clusterName)"
      )
    ];
  if (propellerName === void 0 || propellerName === "" || propellerName === dp.name) return [];
  return [
    error(
      dp.at("planes.cluster-name", "/flyte-core/flytepropeller/clusterName"),
      `flyte-core.flytepropeller.clusterName (${JSON.stringify(propellerName)}) differs from multicluster.clusterName (${JSON.stringify(dp.name)}): FlyteAdmin drops the events of a data plane that reports another name than the one it is listed under`,
      `set both to the same name (\`helm flytemc install data-plane --name ${dp.name}\` sets both)`
    )
  ];
}
function overrideProblems(dp) {
  const problems = [];
  const cm = obj(dp.core.configmap);
  const coreAdmin = obj(obj(cm.admin).admin).endpoint;
  if (typeof coreAdmin === "string" && coreAdmin !== IN_CLUSTER_ADMIN && coreAdmin !== dp.cp.adminEndpoint)
    problems.push(
      error(
        dp.at("planes.admin-endpoint", "/flyte-core/configmap/admin/admin/endpoint"),
        `flyte-core.configmap.admin.admin.endpoint is ${JSON.stringify(coreAdmin)}, but on a data plane flytepropeller's admin endpoint comes from multicluster.controlPlane.adminEndpoint only (${JSON.stringify(dp.cp.adminEndpoint ?? "")})`,
        "remove flyte-core.configmap.admin.admin.endpoint (and set multicluster.controlPlane.adminEndpoint)"
      )
    );
  const coreCatalog = obj(obj(cm.catalog)["catalog-cache"]).endpoint;
  if (typeof coreCatalog === "string" && coreCatalog !== "datacatalog:89" && coreCatalog !== (dp.cp.catalogEndpoint ?? dp.cp.adminEndpoint))
    problems.push(
      error(
        dp.at("planes.catalog-endpoint", "/flyte-core/configmap/catalog/catalog-cache/endpoint"),
        `flyte-core.configmap.catalog.catalog-cache.endpoint is ${JSON.stringify(coreCatalog)}, but on a data plane the catalog endpoint comes from multicluster.controlPlane.catalogEndpoint (or adminEndpoint with catalogIngress)`,
        `remove it and set multicluster.controlPlane.catalogEndpoint: ${coreCatalog}`
      )
    );
  return problems;
}
function wiringProblems(dp, wiring, cp) {
  const problems = [];
  if (wiring.admin.endpoint === IN_CLUSTER_ADMIN || inClusterService(wiring.admin.endpoint, "flyte"))
    problems.push(
      warning(
        dp.at("planes.in-cluster-admin", "/multicluster/controlPlane/adminEndpoint"),
        `${wiring.admin.endpoint} names a Service inside the data plane (flyte-core's default ${IN_CLUSTER_ADMIN} exists only in the control plane)`,
        "use FlyteAdmin's address as the data plane reaches it (dns:///flyte.example.com:443), or create that Service in the data plane (e.g. an ExternalName Service to the control plane); `flytemc check` verifies it"
      )
    );
  if (wiring.catalog.type === "datacatalog" && !dp.cp.catalogEndpoint && dp.cp.catalogIngress && cp.given && cp.controlPlane.catalogIngress !== true)
    problems.push(
      error(
        dp.at("planes.catalog-ingress", "/multicluster/controlPlane/catalogIngress"),
        `this data plane reaches DataCatalog at adminEndpoint (catalogIngress: true), but the control plane's values (${cp.label}) do not set multicluster.controlPlane.catalogIngress, so its gRPC Ingress routes no datacatalog.DataCatalog`,
        "set multicluster.controlPlane.catalogIngress: true in the control plane's values too (keep the controlPlane block in a file both planes share), or give this data plane a catalogEndpoint"
      )
    );
  return problems;
}
function storageProblems(dp, storage, cp) {
  if (storage.type === "minio")
    return [
      error(
        dp.at("planes.storage", "/flyte-core/storage/type"),
        "the data plane's storage is flyte-core's in-cluster minio (storage.type sandbox, the default): FlyteAdmin in the control plane cannot read what flytepropeller writes there",
        "use the control plane's storage: the same flyte-core.storage.type (s3, gcs or custom) and bucketName on both planes"
      )
    ];
  if (/^<.*>$/.test(storage.container ?? ""))
    return [
      error(
        dp.at("planes.storage", "/flyte-core/storage/bucketName"),
        `the storage bucket is still the cloud overlay's placeholder ${storage.container}`,
        "set flyte-core.userSettings.bucketName (the same for both planes)"
      )
    ];
  if (storage.unknown) return [warning(dp.at("planes.storage-unknown", "/flyte-core/storage"), `storage not compared: ${storage.unknown}`)];
  if (!cp.storage || cp.storage.unknown) return [];
  const diffs = storageDifferences(cp.storage, storage);
  if (!diffs.length) return [];
  return [
    error(
      dp.at("planes.storage", "/flyte-core/storage"),
      `the data plane's storage (${describeStorage(storage)}) is not the control plane's (${describeStorage(cp.storage)}, from ${cp.label}): ${diffs.join("; ")}; FlyteAdmin reads the inputs, outputs and metadata flytepropeller writes`,
      "use the same flyte-core.storage (type, bucketName, endpoint) on both planes; keep it in a values file both share (with a cloud overlay: flyte-core.userSettings.bucketName)"
    )
  ];
}
var sameProblem = (p, q) => p.file === q.file && p.pointer === q.pointer && p.message === q.message;
function checkDataPlane(files, cloud, cp) {
  const label = `data plane ${files.join(",")}`;
  const values = load(files, cloud);
  const mc = obj(values.multicluster);
  const name = typeof mc.clusterName === "string" ? mc.clusterName : void 0;
  const at = (code, pointer) => ({ code, file: label, pointer });
  const dp = { core: obj(values["flyte-core"]), cp: obj(mc.controlPlane), ...name ? { name } : {}, at };
  const problems = checkConfig({ source: { label, base: "/multicluster" }, form: "multicluster", raw: { ...mc, role: "data-plane" } }).problems;
  problems.push(...nameProblems(dp));
  const { wiring, problems: wp } = resolveWiring(dp.cp, (p) => ({ file: label, pointer: `/multicluster${p}` }));
  problems.push(...wp.filter((p) => !problems.some((q) => sameProblem(p, q))));
  problems.push(...overrideProblems(dp));
  if (wiring) problems.push(...wiringProblems(dp, wiring, cp));
  const storage = storageOfValues(dp.core);
  problems.push(...storageProblems(dp, storage, cp));
  if (name && cp.clusters && !cp.clusters.some((c) => c.name === name))
    problems.push(
      warning(
        at("planes.not-joined", "/multicluster/clusterName"),
        `${JSON.stringify(name)} is not in the control plane's clusterConfigs (${cp.label}), so FlyteAdmin sends it nothing yet`,
        `join it: helm flytemc join CONTEXT --name ${name} --values <control-plane values file>`
      )
    );
  const catalog = wiring ? { adminEndpoint: wiring.admin.endpoint, catalog: wiring.catalog.type === "noop" ? "off (noop)" : wiring.catalog.endpoint } : {};
  return { files, ...name ? { name } : {}, ...catalog, storage: describeStorage(storage), problems };
}
function checkPlanes(cpFiles, dataPlanes, cloud) {
  const cp = controlPlaneView(cpFiles, cloud);
  const problems = cp.given && !cp.clusters?.length ? [
    warning(
      { code: "planes.no-data-planes", file: `control plane ${cp.label}`, pointer: "/multicluster/clusters/clusterConfigs" },
      "lists no data plane yet, so FlyteAdmin has nowhere to run executions (the post-renderer refuses to install it so)",
      "join the data planes: helm flytemc join CONTEXT --name NAME --values <control-plane values file>"
    )
  ] : [];
  return {
    controlPlane: { files: cpFiles, storage: cp.storage ? describeStorage(cp.storage) : "(no control-plane files)", problems },
    dataPlanes: dataPlanes.map((files) => checkDataPlane(files, cloud, cp))
  };
}

// plugin/config/validate-files.ts
var byLine = (ps) => ps.map((p, i) => ({ p, i, line: p.line ?? Infinity })).sort((a, b) => a.line - b.line || a.i - b.i).map((x) => x.p);
function validateFiles(files, options = {}) {
  return files.map((path) => {
    const text = readText(path);
    const file = sourceLabel(path);
    let keys = [];
    try {
      const values = parseValuesFile(file, text);
      keys = isObject(values) ? unknownCoreKeys(values["flyte-core"], (p) => where({ label: file, text, base: "/flyte-core" }, p), "error") : [];
      const found = configFromValues(file, text, values);
      const listsClusters = !(found.form === "multicluster" && isObject(found.raw) && !("clusters" in found.raw));
      const r = checkConfig(found, listsClusters ? options : { ...options, requireClusters: false });
      const problems = byLine([...r.problems, ...keys]);
      const bad = problems.some((p) => p.severity === "error");
      return { file, status: bad ? "invalid" : "ok", ...r.role ? { role: r.role } : {}, listsClusters, problems };
    } catch (e) {
      if (!(e instanceof FlytemcError)) throw e;
      if (e.problems.length === 1 && e.problems[0].code === NO_CONFIG)
        return { file, status: keys.length ? "invalid" : "no-config", listsClusters: false, problems: byLine(keys) };
      return { file, status: "invalid", listsClusters: false, problems: byLine([...e.problems, ...keys]) };
    }
  });
}
function validateValues(files, dataPlanes, cloud) {
  const reports = validateFiles(files, dataPlanes.length ? { requireClusters: false } : {});
  const planes = dataPlanes.length ? checkPlanes(files, dataPlanes, cloud) : void 0;
  const all = [...reports.flatMap((r) => r.problems), ...planes ? [...planes.controlPlane.problems, ...planes.dataPlanes.flatMap((d) => d.problems)] : []];
  const errors = all.filter((p) => p.severity === "error").length;
  const noConfig = !planes && reports.every((r) => r.status === "no-config");
  const noClusters = !planes && !noConfig && !reports.some((r) => r.listsClusters || r.role === "data-plane") && reports.every((r) => r.status !== "invalid");
  return {
    valid: errors === 0 && !noConfig && !noClusters,
    errors,
    warnings: all.length - errors,
    files: reports,
    ...planes ? { planes } : {},
    noConfig,
    noClusters
  };
}

export {
  validateFiles,
  validateValues
};
