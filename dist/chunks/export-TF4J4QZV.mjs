#!/usr/bin/env node
import { createRequire as __flytemcCreateRequire } from 'node:module'; const require = __flytemcCreateRequire(import.meta.url);
import {
  namespaceOf
} from "./chunk-SYI5OANH.mjs";
import "./chunk-CMNDI7DY.mjs";
import {
  checkCloud
} from "./chunk-5SKCRAL6.mjs";
import "./chunk-MYO4P6B7.mjs";
import {
  VERSION
} from "./chunk-RKAGZZI3.mjs";
import {
  commandLine,
  guard
} from "./chunk-PWPBOTUG.mjs";
import {
  showUsage,
  writeOut
} from "./chunk-FIS3OFIC.mjs";
import "./chunk-QVD5WBXB.mjs";
import {
  EXIT,
  UsageError
} from "./chunk-PXOMBRJH.mjs";
import "./chunk-GPAN37FC.mjs";

// plugin/commands/export.ts
var summary = "write the control plane for kustomize, Flux or Argo CD: the post-renderer's changes as kustomize patches";
var usage = `Usage: flytemc export kustomize|flux|argocd --out DIR [-f FILE...] [options]
       helm flytemc export ...

Renders the control plane exactly as \`helm flytemc install control-plane\` does (real Helm, the
shipped chart, values-<cloud>.yaml and values-controlplane.yaml, then your -f files), runs the
post-renderer's checks and computes its patches (refusing what it refuses, with the same
messages), and writes what each tool needs to produce the same objects itself:

  kustomize  DIR/kustomization.yaml: flyte-core through kustomize's helmCharts with
             DIR/values.yaml, and DIR/patches/*.yaml (RFC 6902) for the two clusters ConfigMaps,
             the credentials mounts of flyteadmin and syncresources and their configChecksum.
             Build: kubectl kustomize --enable-helm DIR (or kustomize build --enable-helm DIR).
  flux       DIR/helmrelease.yaml: a HelmRepository and a HelmRelease (helm.toolkit.fluxcd.io/v2)
             of flyte-core, the values in spec.values, the patches in spec.postRenderers.
  argocd     DIR/application.yaml: an Argo CD Application of DIR/control-plane/ (the kustomize
             export), with the argocd-cm setting it needs (kustomize.buildOptions: --enable-helm).

Each patch starts with RFC 6902 \`test\` operations pinning what it assumes, so kustomize refuses
it once flyte-core renders differently: after changing the values, export again. Every file
names the flytemc version, the command and each values file with its sha256; the same input
gives the same bytes. The data planes' credentials Secret is not exported: \`flytemc join
--secret-out FILE\` writes it, to seal (SealedSecrets) or encrypt (SOPS).

Options:
  --out DIR            the folder to write (created; files of an earlier export are replaced)
  -f, --values FILE    a values file, as for install control-plane (repeatable)
  -n, --namespace NS   the release namespace (default flyte; under helm: helm -n NS)
  --release NAME       the release name (default flyte)
  --cloud eks|gcp      the cloud overlay (there is no "aws": AWS is eks)
  --chart PATH         another copy of the chart (default: the plugin's charts/flyte-multicluster)
  --vendor-chart       kustomize, argocd: put flyte-core into DIR/charts/ (offline builds; else
                       kustomize pulls it from https://flyteorg.github.io/flyte)
  -a, --api-versions V Helm capabilities, as for helm template (repeatable); also given to kustomize
  --kube-version V     Helm's Capabilities.KubeVersion; also given to kustomize
  argocd only:
  --repo-url URL       the git repository Argo CD reads (required)
  --path PATH          the kustomization's folder in it (default: DIR/control-plane relative to
                       the git work tree that holds DIR)
  --revision REV       default HEAD
  --dest-server URL    default https://kubernetes.default.svc
  --project NAME       the Argo CD project (default default)
  --app-name NAME      the Application's name (default: the release name)
  -h, --help           this help

Exit codes (docs/plugin.md#exit-codes): 0 written; 1 the values or the config are wrong, as the
chart or the post-renderer says (nothing written); 2 the command line is wrong; 70 a bug in flytemc.

Examples:
  flytemc export kustomize --out gitops/flyte -f my-values.yaml --vendor-chart
  kubectl kustomize --enable-helm gitops/flyte | kubectl apply --server-side -n flyte -f -
  flytemc export flux --out clusters/cp/flyte -n flyte -f my-values.yaml
  flytemc export argocd --out gitops/flyte -f my-values.yaml --repo-url https://github.com/acme/platform.git
`;
var OPTIONS = {
  out: { type: "string" },
  values: { type: "string", short: "f", multiple: true },
  namespace: { type: "string", short: "n" },
  release: { type: "string" },
  cloud: { type: "string" },
  chart: { type: "string" },
  "vendor-chart": { type: "boolean", default: false },
  "api-versions": { type: "string", short: "a", multiple: true },
  "kube-version": { type: "string" },
  "repo-url": { type: "string" },
  path: { type: "string" },
  revision: { type: "string" },
  "dest-server": { type: "string" },
  project: { type: "string" },
  "app-name": { type: "string" }
};
var KINDS = ["kustomize", "flux", "argocd"];
var ARGOCD_ONLY = ["repo-url", "path", "revision", "dest-server", "project", "app-name"];
async function exportOptions(v, positionals) {
  const kind = positionals[0];
  if (!kind || !KINDS.includes(kind))
    throw new UsageError(kind ? `unknown export ${JSON.stringify(kind)}: use kustomize, flux or argocd` : "say what to export: kustomize, flux or argocd");
  if (positionals.length > 1) throw new UsageError(`stray argument ${JSON.stringify(positionals[1])}: pass values files with -f`);
  if (!v.out) throw new UsageError("--out DIR is required");
  const { checkOutDir } = await import("./files-ESGR3ZWT.mjs");
  checkOutDir(v.out);
  const cloud = v.cloud === void 0 ? void 0 : checkCloud(v.cloud);
  if (kind === "argocd" && !v["repo-url"]) throw new UsageError("argocd needs --repo-url URL: the git repository Argo CD reads the export from");
  if (kind !== "argocd") {
    for (const k of ARGOCD_ONLY) if (v[k] !== void 0) throw new UsageError(`--${k} is for argocd`);
  }
  if (kind === "flux" && v["vendor-chart"]) throw new UsageError("--vendor-chart is for kustomize and argocd: Flux takes the chart from its HelmRepository");
  return {
    kind,
    version: VERSION,
    out: v.out,
    namespace: namespaceOf(v.namespace),
    release: v.release ?? "flyte",
    cloud,
    chart: v.chart,
    values: v.values ?? [],
    apiVersions: v["api-versions"] ?? [],
    kubeVersion: v["kube-version"],
    vendorChart: v["vendor-chart"],
    ...kind === "argocd" ? { argocd: { repoURL: v["repo-url"], path: v.path, revision: v.revision, server: v["dest-server"], project: v.project, name: v["app-name"] } } : {}
  };
}
async function exportCommand(v, positionals) {
  const o = await exportOptions(v, positionals);
  const { exportControlPlane } = await import("./control-plane-Z65FHA56.mjs");
  const done = exportControlPlane(o);
  await writeOut(
    `exported the control plane (release ${o.release}, namespace ${o.namespace}) for ${o.kind} into ${o.out}: ${done.patched.length} patched objects (${done.patched.join(", ")})${done.removed.length ? `; removed ${done.removed.join(", ")} of an earlier export` : ""}
${done.next}
`
  );
  return EXIT.ok;
}
var run = (argv) => guard(async () => {
  const { values, positionals } = commandLine(argv, OPTIONS, true);
  return values.help ? showUsage(usage) : exportCommand(values, positionals);
});
export {
  run,
  summary,
  usage
};
