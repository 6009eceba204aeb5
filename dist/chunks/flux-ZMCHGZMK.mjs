#!/usr/bin/env node
import { createRequire as __flytemcCreateRequire } from 'node:module'; const require = __flytemcCreateRequire(import.meta.url);
import {
  kustomizeTarget,
  objectPatches
} from "./chunk-YYRLP4TF.mjs";
import {
  originals
} from "./chunk-GZ7KZ5OA.mjs";
import {
  header
} from "./chunk-MD5M35YU.mjs";
import "./chunk-QSW3M4WJ.mjs";
import "./chunk-XAZDF53T.mjs";
import "./chunk-FMDVFPZZ.mjs";
import "./chunk-5SD7UKIS.mjs";
import "./chunk-CMNDI7DY.mjs";
import "./chunk-XMNVS4CT.mjs";
import "./chunk-FHC65VTN.mjs";
import "./chunk-XRQ3ABBJ.mjs";
import "./chunk-Q3OCJIB4.mjs";
import "./chunk-O6V7UVI7.mjs";
import "./chunk-RLB7AC44.mjs";
import "./chunk-7QJUPDXI.mjs";
import "./chunk-7WIHMZLF.mjs";
import "./chunk-CA6QZ6ZD.mjs";
import "./chunk-WC3NI36A.mjs";
import "./chunk-5JWNXXDS.mjs";
import {
  dumpYaml
} from "./chunk-2FDVLR4Z.mjs";
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
