#!/usr/bin/env node
import { createRequire as __flytemcCreateRequire } from 'node:module'; const require = __flytemcCreateRequire(import.meta.url);
import {
  kustomizeTarget,
  objectPatches
} from "./chunk-ZKSQOWYT.mjs";
import {
  originals
} from "./chunk-2A73C3IX.mjs";
import "./chunk-LB5ASOZT.mjs";
import "./chunk-ISSKIS7J.mjs";
import {
  header
} from "./chunk-GJ76SV3M.mjs";
import "./chunk-56F4LPMH.mjs";
import "./chunk-7QW3KPZA.mjs";
import "./chunk-U42RTUBZ.mjs";
import "./chunk-HSI6TMYY.mjs";
import "./chunk-CMNDI7DY.mjs";
import "./chunk-RANSKRVF.mjs";
import "./chunk-G2ASVLUG.mjs";
import {
  dumpYaml
} from "./chunk-C74VGJG2.mjs";
import "./chunk-JJUBBUF3.mjs";
import "./chunk-4C53D3Z7.mjs";
import "./chunk-IVYUDTSF.mjs";
import "./chunk-IVTEQ3JB.mjs";
import "./chunk-MLYTTTV6.mjs";
import "./chunk-RVT2UJHG.mjs";
import "./chunk-GPAN37FC.mjs";

// plugin/export/flux.ts
var REPOSITORY_NAME = "flyteorg";
function fluxFiles(r, p) {
  const { release, namespace } = r.input;
  const patches = objectPatches(r.result, originals(r.stream));
  const repository = {
    apiVersion: "source.toolkit.fluxcd.io/v1",
    kind: "HelmRepository",
    metadata: { name: REPOSITORY_NAME, namespace },
    spec: { interval: "1h", url: r.core.repository }
  };
  const helmRelease = {
    apiVersion: "helm.toolkit.fluxcd.io/v2",
    kind: "HelmRelease",
    metadata: { name: release, namespace },
    spec: {
      interval: "10m",
      releaseName: release,
      chart: { spec: { chart: r.core.name, version: r.core.version, sourceRef: { kind: "HelmRepository", name: REPOSITORY_NAME } } },
      values: r.coreValues,
      // JSON, not YAML: kustomize trims an inline patch, which would cut the final newline of a
      // YAML block scalar (clusters.yaml's last line) but not of a JSON string's `\n`
      postRenderers: [{ kustomize: { patches: patches.map((x) => ({ target: kustomizeTarget(x.target), patch: JSON.stringify(x.ops, null, 2) + "\n" })) } }]
    }
  };
  const how = [
    `# Apply with Flux (a Kustomization whose path holds this file). Flux installs release ${release} into`,
    `# namespace ${namespace}; Secret ${namespace}/${r.secretName} (the data planes' tokens) must be there first:`,
    "# `flytemc join --secret-out` writes it, to seal or encrypt.",
    ""
  ].join("\n");
  return [{ path: "helmrelease.yaml", data: `${header(r, p)}${how}---
${dumpYaml(repository)}---
${dumpYaml(helmRelease)}` }];
}
export {
  REPOSITORY_NAME,
  fluxFiles
};
