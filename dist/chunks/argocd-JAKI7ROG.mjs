#!/usr/bin/env node
import { createRequire as __flytemcCreateRequire } from 'node:module'; const require = __flytemcCreateRequire(import.meta.url);
import {
  kustomizeFiles
} from "./chunk-4PKDW7VV.mjs";
import "./chunk-TXAQMESV.mjs";
import "./chunk-6EBR3ES2.mjs";
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
