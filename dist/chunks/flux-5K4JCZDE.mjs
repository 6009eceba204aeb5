#!/usr/bin/env node
import { createRequire as __flytemcCreateRequire } from 'node:module'; const require = __flytemcCreateRequire(import.meta.url);
import {
  kustomizeTarget,
  objectPatches
} from "./chunk-TXAQMESV.mjs";
import {
  originals
} from "./chunk-6EBR3ES2.mjs";
import {
  header
} from "./chunk-EKELCZH4.mjs";
import "./chunk-S5ECCPVH.mjs";
import "./chunk-LDGNJOZS.mjs";
import "./chunk-4MI52BG5.mjs";
import "./chunk-EMYUWFA7.mjs";
import "./chunk-LPW2GZIF.mjs";
import "./chunk-CMNDI7DY.mjs";
import "./chunk-J6Y6MNZY.mjs";
import "./chunk-ATTPCIUO.mjs";
import "./chunk-I7EPACT3.mjs";
import "./chunk-RMH2B4TR.mjs";
import "./chunk-4VJRSWY5.mjs";
import "./chunk-C2L5FP4Q.mjs";
import "./chunk-V2RZFSZU.mjs";
import {
  dumpYaml
} from "./chunk-QI4TXXNF.mjs";
import "./chunk-TUCM6SPK.mjs";
import "./chunk-QVD5WBXB.mjs";
import "./chunk-PXOMBRJH.mjs";
import "./chunk-IVYUDTSF.mjs";
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
  fluxFiles
};
