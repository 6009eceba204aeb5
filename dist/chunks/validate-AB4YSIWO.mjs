#!/usr/bin/env node
import { createRequire as __flytemcCreateRequire } from 'node:module'; const require = __flytemcCreateRequire(import.meta.url);
import {
  validateFiles
} from "./chunk-LUW2UYSC.mjs";
import {
  describeStorage,
  storageDifferences,
  storageOfValues
} from "./chunk-RUAFNR4X.mjs";
import "./chunk-LIZBE3CS.mjs";
import {
  cloudFile,
  shippedChart
} from "./chunk-SGCMAMQE.mjs";
import {
  checkConfig
} from "./chunk-QVRY2IYU.mjs";
import {
  IN_CLUSTER_ADMIN,
  inClusterService,
  resolveWiring
} from "./chunk-RERYFOBX.mjs";
import "./chunk-BL5UEDJI.mjs";
import "./chunk-CMNDI7DY.mjs";
import {
  parseFormat,
  render
} from "./chunk-PKIZSNLI.mjs";
import {
  pluginRoot
} from "./chunk-BJF2IVWH.mjs";
import {
  commandLine,
  guard
} from "./chunk-QZFYKPST.mjs";
import {
  readValuesFiles
} from "./chunk-3K7XD2Q2.mjs";
import "./chunk-SJEN32SM.mjs";
import "./chunk-ZCDYBYK4.mjs";
import {
  isObject
} from "./chunk-4VJRSWY5.mjs";
import {
  writeOut
} from "./chunk-WAQBF6VJ.mjs";
import "./chunk-CNWFL7ZM.mjs";
import "./chunk-C2L5FP4Q.mjs";
import "./chunk-2KYTK3TD.mjs";
import {
  EXIT,
  UsageError,
  error,
  formatProblem,
  warning,
  whereOf
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
function checkPlanes(cpFiles, dataPlanes, cloud) {
  const cp = load(cpFiles, cloud);
  const cpMc = obj(cp.multicluster);
  const cpStorage = cpFiles.length ? storageOfValues(obj(cp["flyte-core"])) : void 0;
  const cpControlPlane = obj(cpMc.controlPlane);
  const cpClusters = Array.isArray(obj(cpMc.clusters).clusterConfigs) ? obj(cpMc.clusters).clusterConfigs : void 0;
  const cpLabel = cpFiles.join(", ");
  const cpProblems = cpFiles.length && !cpClusters?.length ? [
    warning(
      `control plane ${cpLabel} /multicluster/clusters/clusterConfigs`,
      "lists no data plane yet, so FlyteAdmin has nowhere to run executions (the post-renderer refuses to install it so)",
      "join the data planes: helm flytemc join CONTEXT --name NAME --values <control-plane values file>"
    )
  ] : [];
  const reports = dataPlanes.map((files) => {
    const label = `data plane ${files.join(",")}`;
    const dp = load(files, cloud);
    const mc = obj(dp.multicluster);
    const problems = [];
    const at = (p) => `${label} /multicluster${p}`;
    const checked = checkConfig({ source: { label, base: "/multicluster" }, form: "multicluster", raw: { ...mc, role: "data-plane" } });
    problems.push(...checked.problems);
    const core = obj(dp["flyte-core"]);
    const name = typeof mc.clusterName === "string" ? mc.clusterName : void 0;
    const propellerName = obj(core.flytepropeller).clusterName;
    if (!name)
      problems.push(
        warning(
          at("/clusterName"),
          "multicluster.clusterName is not set in these files",
          "`helm flytemc install data-plane --name NAME` sets it (and flyte-core.flytepropeller.clusterName)"
        )
      );
    else if (propellerName !== void 0 && propellerName !== "" && propellerName !== name)
      problems.push(
        error(
          `${label} /flyte-core/flytepropeller/clusterName`,
          `flyte-core.flytepropeller.clusterName (${JSON.stringify(propellerName)}) differs from multicluster.clusterName (${JSON.stringify(name)}): FlyteAdmin drops the events of a data plane that reports another name than the one it is listed under`,
          `set both to the same name (\`helm flytemc install data-plane --name ${name}\` sets both)`
        )
      );
    const cpBlock = obj(mc.controlPlane);
    const { wiring, problems: wp } = resolveWiring(cpBlock, at);
    problems.push(...wp.filter((p) => !problems.some((q) => whereOf(q) === whereOf(p) && q.message === p.message)));
    const cm = obj(core.configmap);
    const coreAdmin = obj(obj(cm.admin).admin).endpoint;
    if (typeof coreAdmin === "string" && coreAdmin !== IN_CLUSTER_ADMIN && coreAdmin !== cpBlock.adminEndpoint)
      problems.push(
        error(
          `${label} /flyte-core/configmap/admin/admin/endpoint`,
          `flyte-core.configmap.admin.admin.endpoint is ${JSON.stringify(coreAdmin)}, but on a data plane flytepropeller's admin endpoint comes from multicluster.controlPlane.adminEndpoint only (${JSON.stringify(cpBlock.adminEndpoint ?? "")})`,
          "remove flyte-core.configmap.admin.admin.endpoint (and set multicluster.controlPlane.adminEndpoint)"
        )
      );
    const coreCatalog = obj(obj(cm.catalog)["catalog-cache"]).endpoint;
    if (typeof coreCatalog === "string" && coreCatalog !== "datacatalog:89" && coreCatalog !== (cpBlock.catalogEndpoint ?? cpBlock.adminEndpoint))
      problems.push(
        error(
          `${label} /flyte-core/configmap/catalog/catalog-cache/endpoint`,
          `flyte-core.configmap.catalog.catalog-cache.endpoint is ${JSON.stringify(coreCatalog)}, but on a data plane the catalog endpoint comes from multicluster.controlPlane.catalogEndpoint (or adminEndpoint with catalogIngress)`,
          `remove it and set multicluster.controlPlane.catalogEndpoint: ${coreCatalog}`
        )
      );
    if (wiring) {
      if (wiring.admin.endpoint === IN_CLUSTER_ADMIN || inClusterService(wiring.admin.endpoint, "flyte")) {
        problems.push(
          warning(
            at("/controlPlane/adminEndpoint"),
            `${wiring.admin.endpoint} names a Service inside the data plane (flyte-core's default ${IN_CLUSTER_ADMIN} exists only in the control plane)`,
            "use FlyteAdmin's address as the data plane reaches it (dns:///flyte.example.com:443), or create that Service in the data plane (e.g. an ExternalName Service to the control plane); `flytemc check` verifies it"
          )
        );
      }
      if (wiring.catalog.type === "datacatalog" && !cpBlock.catalogEndpoint && cpBlock.catalogIngress && cpFiles.length && cpControlPlane.catalogIngress !== true) {
        problems.push(
          error(
            at("/controlPlane/catalogIngress"),
            `this data plane reaches DataCatalog at adminEndpoint (catalogIngress: true), but the control plane's values (${cpLabel}) do not set multicluster.controlPlane.catalogIngress, so its gRPC Ingress routes no datacatalog.DataCatalog`,
            "set multicluster.controlPlane.catalogIngress: true in the control plane's values too (keep the controlPlane block in a file both planes share), or give this data plane a catalogEndpoint"
          )
        );
      }
    }
    const storage = storageOfValues(core);
    if (storage.type === "minio") {
      problems.push(
        error(
          `${label} /flyte-core/storage/type`,
          "the data plane's storage is flyte-core's in-cluster minio (storage.type sandbox, the default): FlyteAdmin in the control plane cannot read what flytepropeller writes there",
          "use the control plane's storage: the same flyte-core.storage.type (s3, gcs or custom) and bucketName on both planes"
        )
      );
    } else if (/^<.*>$/.test(storage.container ?? "")) {
      problems.push(
        error(
          `${label} /flyte-core/storage/bucketName`,
          `the storage bucket is still the cloud overlay's placeholder ${storage.container}`,
          "set flyte-core.userSettings.bucketName (the same for both planes)"
        )
      );
    } else if (storage.unknown) {
      problems.push(warning(`${label} /flyte-core/storage`, `storage not compared: ${storage.unknown}`));
    } else if (cpStorage && !cpStorage.unknown) {
      const diffs = storageDifferences(cpStorage, storage);
      if (diffs.length) {
        problems.push(
          error(
            `${label} /flyte-core/storage`,
            `the data plane's storage (${describeStorage(storage)}) is not the control plane's (${describeStorage(cpStorage)}, from ${cpLabel}): ${diffs.join("; ")}; FlyteAdmin reads the inputs, outputs and metadata flytepropeller writes`,
            "use the same flyte-core.storage (type, bucketName, endpoint) on both planes; keep it in a values file both share (with a cloud overlay: flyte-core.userSettings.bucketName)"
          )
        );
      }
    }
    if (name && cpClusters && !cpClusters.some((c) => c.name === name)) {
      problems.push(
        warning(
          at("/clusterName"),
          `${JSON.stringify(name)} is not in the control plane's clusterConfigs (${cpLabel}), so FlyteAdmin sends it nothing yet`,
          `join it: helm flytemc join CONTEXT --name ${name} --values <control-plane values file>`
        )
      );
    }
    return {
      files,
      ...name ? { name } : {},
      ...wiring ? { adminEndpoint: wiring.admin.endpoint, catalog: wiring.catalog.type === "noop" ? "off (noop)" : wiring.catalog.endpoint } : {},
      storage: describeStorage(storage),
      problems
    };
  });
  return {
    controlPlane: { files: cpFiles, storage: cpStorage ? describeStorage(cpStorage) : "(no control-plane files)", problems: cpProblems },
    dataPlanes: reports
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
