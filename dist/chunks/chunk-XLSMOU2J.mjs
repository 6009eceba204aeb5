#!/usr/bin/env node
import { createRequire as __flytemcCreateRequire } from 'node:module'; const require = __flytemcCreateRequire(import.meta.url);
import {
  parseUntrusted
} from "./chunk-SMKU2DWZ.mjs";
import {
  readText
} from "./chunk-FIS3OFIC.mjs";
import {
  FILE_INPUT
} from "./chunk-QVD5WBXB.mjs";
import {
  isYamlError
} from "./chunk-QI4TXXNF.mjs";
import {
  EXIT,
  FlytemcError,
  error
} from "./chunk-PXOMBRJH.mjs";

// plugin/helm/chart-files.ts
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
var CHART_NAME = "flyte-multicluster";
var shippedChart = (root) => join(root, "charts", CHART_NAME);
var cloudFile = (chart, cloud) => join(chart, `values-${cloud}.yaml`);
function roleFiles(chart, role, cloud) {
  return [...cloud ? [cloudFile(chart, cloud)] : [], join(chart, role === "control-plane" ? "values-controlplane.yaml" : "values-dataplane.yaml")];
}
function chartYaml(chart) {
  const path = join(chart, "Chart.yaml");
  if (!existsSync(path))
    throw new FlytemcError([error({ code: "helm.chart", subject: chart }, "no chart there", `pass --chart PATH to a ${CHART_NAME} chart folder`)], EXIT.usage);
  try {
    return parseUntrusted(readText(path), path, FILE_INPUT, path);
  } catch (e) {
    if (!isYamlError(e)) throw e;
    const at = { code: "helm.chart-yaml", file: path, ...e.mark ? { line: e.mark.line + 1 } : {} };
    throw new FlytemcError([error(at, `invalid YAML: ${e.reason}`, "fix Chart.yaml, or pass --chart PATH to another chart folder")]);
  }
}
var declaresFlyteCore = (meta) => !!meta?.dependencies?.some((d) => d.name === "flyte-core");
function coreChart(chart, meta = chartYaml(chart)) {
  const dep = meta?.dependencies?.find((d) => d.name === "flyte-core");
  if (!dep?.version || !dep.repository)
    throw new FlytemcError(
      [
        error(
          { code: "helm.chart", file: join(chart, "Chart.yaml") },
          "declares no flyte-core dependency with a version and repository",
          `pass --chart PATH to a ${CHART_NAME} chart folder`
        )
      ],
      EXIT.usage
    );
  const dir = join(chart, "charts");
  const file = existsSync(dir) ? readdirSync(dir).find((f) => f === `flyte-core-${dep.version}.tgz`) : void 0;
  if (!file) {
    throw new FlytemcError([
      error(
        { code: "helm.dependency", subject: dir },
        `the flyte-core dependency (flyte-core-${dep.version}.tgz) is not there`,
        `run \`helm dependency build ${chart}\` once (needs ${dep.repository}), or install a release tarball of flytemc, which ships it`
      )
    ]);
  }
  return { name: "flyte-core", version: dep.version, repository: dep.repository, archive: join(dir, file) };
}

export {
  shippedChart,
  cloudFile,
  roleFiles,
  chartYaml,
  declaresFlyteCore,
  coreChart
};
