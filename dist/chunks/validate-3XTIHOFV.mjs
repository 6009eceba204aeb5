#!/usr/bin/env node
import { createRequire as __flytemcCreateRequire } from 'node:module'; const require = __flytemcCreateRequire(import.meta.url);
import {
  validateFiles
} from "./chunk-II5USZ6T.mjs";
import {
  describeStorage,
  storageDifferences,
  storageOfValues
} from "./chunk-DEZCN6WC.mjs";
import "./chunk-UIYUBGKU.mjs";
import {
  checkConfig
} from "./chunk-CU32WLPP.mjs";
import {
  IN_CLUSTER_ADMIN,
  inClusterService,
  resolveWiring
} from "./chunk-ROURYUBP.mjs";
import "./chunk-D7AL47KH.mjs";
import "./chunk-CMNDI7DY.mjs";
import "./chunk-2KYTK3TD.mjs";
import {
  parseFormat,
  render
} from "./chunk-PKIZSNLI.mjs";
import {
  pluginRoot
} from "./chunk-YQNKOH5S.mjs";
import {
  commandLine,
  guard
} from "./chunk-QZFYKPST.mjs";
import {
  cloudFile,
  shippedChart
} from "./chunk-26M55DQK.mjs";
import {
  readValuesFiles
} from "./chunk-W4FDNAKN.mjs";
import "./chunk-WVZIUJ76.mjs";
import "./chunk-GHRR6URY.mjs";
import {
  isObject
} from "./chunk-4VJRSWY5.mjs";
import "./chunk-C2L5FP4Q.mjs";
import "./chunk-ZCDYBYK4.mjs";
import {
  writeOut
} from "./chunk-D7UN66C5.mjs";
import "./chunk-CNWFL7ZM.mjs";
import {
  EXIT,
  UsageError,
  error,
  formatProblem,
  warning
} from "./chunk-PGTI4LGT.mjs";
import "./chunk-CMVQK6VE.mjs";
import "./chunk-IVYUDTSF.mjs";
import "./chunk-GPAN37FC.mjs";

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

// plugin/commands/validate.ts
var summary = "check values files with the post-renderer's checks (file:line, every problem)";
var usage = `Usage: helm flytemc validate -f FILE [-f FILE...] [--data-plane FILE[,FILE...]]... [--cloud eks|gcp] [-o table|yaml|json]

Checks each values file that holds a multi-cluster config (a \`multicluster:\` block, or
flyte-core's \`configmap.clusters\`, also under \`flyte-core:\`) with the same checks as the
post-renderer: the schema, duplicate names, routes to unknown or disabled clusters, labels that
route nowhere, token files outside the mounted Secret, invalid Kubernetes names, the upstream
guide's mistakes. In every file, a key under \`flyte-core:\` that flyte-core's values do not have
(a typo such as storage.bucketname, which flyte-core would ignore) is an error, with the nearest
key; maps flyte-core renders whole (configmap.*, annotations, empty maps) take any key.
Reports every problem with file:line, warnings too. A \`multicluster\` block without clusters
(the values both planes share) is checked as a part; one of the files must list the clusters,
unless --data-plane is given.

With --data-plane, the -f files are the control plane's values (merged in order, as Helm does)
and each --data-plane is one data plane's (its files comma-separated, merged in order); --cloud
puts the chart's values-eks.yaml or values-gcp.yaml first on both. Each data plane is checked as
the chart and the post-renderer will (its way back: multicluster.controlPlane.adminEndpoint,
the catalog; not flyte-core's in-cluster minio), then against the control plane: the same
storage type, bucket/container and endpoint (FlyteAdmin reads what flytepropeller writes), the
DataCatalog route it expects (catalogIngress) and its name in clusterConfigs.

Options:
  -f, --values FILE          a values file (repeat for several; - reads standard input)
  --data-plane FILE[,FILE]   a data plane's values files (repeat for several data planes)
  --cloud eks|gcp            the cloud overlay both planes are installed with
  -o FORMAT                  table (default), yaml or json
  -h, --help                 this help

Exit codes (docs/plugin.md#exit-codes): 0 no error (warnings allowed); 1 an error in a file or a
data plane; 2 the command line is wrong or a file cannot be read; 70 a bug in flytemc.

Examples:
  helm flytemc validate -f values-override.yaml
  helm flytemc validate -f shared-values.yaml -f my-values.yaml --data-plane shared-values.yaml,dp1-values.yaml --cloud eks
`;
async function run(argv) {
  return guard(async () => {
    const { values } = commandLine(argv, {
      values: { type: "string", short: "f", multiple: true },
      "data-plane": { type: "string", multiple: true },
      cloud: { type: "string" },
      output: { type: "string", short: "o" }
    });
    if (values.help) {
      await writeOut(usage);
      return EXIT.ok;
    }
    const format = parseFormat(values.output);
    const files = values.values ?? [];
    const dataPlanes = (values["data-plane"] ?? []).map((d) => d.split(",").filter(Boolean));
    if (files.length === 0 && dataPlanes.length === 0) throw new UsageError("give at least one values file with -f FILE");
    if (dataPlanes.some((d) => d.length === 0)) throw new UsageError("--data-plane needs a file (or several, comma-separated)");
    if (values.cloud !== void 0 && values.cloud !== "eks" && values.cloud !== "gcp")
      throw new UsageError(`--cloud ${JSON.stringify(values.cloud)}: use eks or gcp (AWS is eks)`);
    if (values.cloud !== void 0 && dataPlanes.length === 0) throw new UsageError("--cloud applies to --data-plane checks");
    const reports = validateFiles(files, dataPlanes.length ? { requireClusters: false } : {});
    const planes = dataPlanes.length ? checkPlanes(files, dataPlanes, values.cloud) : void 0;
    const all = [...reports.flatMap((r) => r.problems), ...planes ? [...planes.controlPlane.problems, ...planes.dataPlanes.flatMap((d) => d.problems)] : []];
    const errors = all.filter((p) => p.severity === "error").length;
    const warnings = all.length - errors;
    const noConfig = !planes && reports.every((r) => r.status === "no-config");
    const noClusters = !planes && !noConfig && !reports.some((r) => r.listsClusters || r.role === "data-plane") && reports.every((r) => r.status !== "invalid");
    const data = { valid: errors === 0 && !noConfig && !noClusters, errors, warnings, files: reports, ...planes ? { planes } : {} };
    await writeOut(
      render(format, data, () => {
        const lines = [];
        for (const r of reports) {
          const head = r.status === "no-config" ? "no multi-cluster config here" : r.status === "ok" ? `ok${r.role ? ` (${r.role})` : r.listsClusters ? "" : " (a part: no clusters)"}` : "INVALID";
          lines.push(`${r.file}: ${head}`);
          for (const p of r.problems) lines.push(formatProblem(p).replace(/^/gm, "  "));
        }
        if (planes) {
          lines.push(`control plane (${planes.controlPlane.files.join(", ") || "no files"}): storage ${planes.controlPlane.storage}`);
          for (const p of planes.controlPlane.problems) lines.push(formatProblem(p).replace(/^/gm, "  "));
          for (const d of planes.dataPlanes) {
            lines.push(
              `data plane ${d.name ?? "(no clusterName)"} (${d.files.join(", ")}): ${d.problems.some((p) => p.severity === "error") ? "INVALID" : "ok"}; storage ${d.storage}${d.adminEndpoint ? `; admin ${d.adminEndpoint}` : ""}${d.catalog ? `; catalog ${d.catalog}` : ""}`
            );
            for (const p of d.problems) lines.push(formatProblem(p).replace(/^/gm, "  "));
          }
        }
        if (noConfig) lines.push("error: none of the files has a multi-cluster config (`multicluster.clusters` or `configmap.clusters`)");
        if (noClusters)
          lines.push(
            "error: none of the files lists clusters (multicluster.clusters.clusterConfigs), so FlyteAdmin would have nowhere to run executions\n  fix: add the file that lists them (the one `flytemc join --values` records into), or check a data plane with --data-plane"
          );
        lines.push(
          `${errors} error${errors === 1 ? "" : "s"}, ${warnings} warning${warnings === 1 ? "" : "s"} in ${reports.length} file${reports.length === 1 ? "" : "s"}${planes ? ` and ${planes.dataPlanes.length} data plane${planes.dataPlanes.length === 1 ? "" : "s"}` : ""}`
        );
        return lines.join("\n") + "\n";
      })
    );
    return errors > 0 || noConfig || noClusters ? EXIT.invalid : EXIT.ok;
  });
}
export {
  run,
  summary,
  usage
};
