#!/usr/bin/env node
import { createRequire as __flytemcCreateRequire } from 'node:module'; const require = __flytemcCreateRequire(import.meta.url);
import {
  kustomizeFiles
} from "./chunk-TWMYYYEJ.mjs";
import "./chunk-YYRLP4TF.mjs";
import "./chunk-GZ7KZ5OA.mjs";
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

// plugin/export/argocd.ts
import { existsSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
var KUSTOMIZE_DIR = "control-plane";
function repoPath(dir) {
  const abs = resolve(dir);
  for (let d = abs; ; d = dirname(d)) {
    if (existsSync(join(d, ".git"))) return { path: relative(d, abs).split(sep).join("/") || ".", inGit: true };
    if (dirname(d) === d) break;
  }
  return { path: relative(process.cwd(), abs).split(sep).join("/") || ".", inGit: false };
}
function argocdFiles(r, p, o, path) {
  const application = {
    apiVersion: "argoproj.io/v1alpha1",
    kind: "Application",
    metadata: { name: o.name, namespace: "argocd" },
    spec: {
      project: o.project,
      source: { repoURL: o.repoURL, targetRevision: o.revision, path },
      destination: { server: o.server, namespace: r.input.namespace },
      syncPolicy: { syncOptions: ["CreateNamespace=true", "ServerSideApply=true"] }
    }
  };
  const how = [
    `# Argo CD builds ${path} with kustomize, flyte-core through its helmCharts inflator, which Argo CD`,
    "# allows only with this setting in ConfigMap argocd-cm (namespace argocd):",
    "#   data:",
    "#     kustomize.buildOptions: --enable-helm",
    `# Secret ${r.input.namespace}/${r.secretName} (the data planes' tokens) must reach namespace ${r.input.namespace} too:`,
    "# `flytemc join --secret-out` writes it, to seal or encrypt (an overlay next to control-plane/ can carry it).",
    ""
  ].join("\n");
  return [
    { path: "application.yaml", data: header(r, p) + how + dumpYaml(application) },
    ...kustomizeFiles(r, p, o).map((f) => ({ ...f, path: `${KUSTOMIZE_DIR}/${f.path}` }))
  ];
}
export {
  KUSTOMIZE_DIR,
  argocdFiles,
  repoPath
};
