#!/usr/bin/env node
import { createRequire as __flytemcCreateRequire } from 'node:module'; const require = __flytemcCreateRequire(import.meta.url);
import {
  namespaceOf
} from "./chunk-OJ4DBTHC.mjs";
import "./chunk-CMNDI7DY.mjs";
import "./chunk-OVIFR6TO.mjs";
import {
  commandLine,
  guard,
  printWarnings
} from "./chunk-PWPBOTUG.mjs";
import {
  writeOut
} from "./chunk-TUCM6SPK.mjs";
import "./chunk-QVD5WBXB.mjs";
import {
  EXIT,
  UsageError
} from "./chunk-PXOMBRJH.mjs";
import "./chunk-GPAN37FC.mjs";

// plugin/commands/export.ts
import { join } from "node:path";
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
var KINDS = ["kustomize", "flux", "argocd"];
async function run(argv) {
  return guard(async () => {
    const { values: v, positionals } = commandLine(
      argv,
      {
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
      },
      true
    );
    if (v.help) {
      await writeOut(usage);
      return EXIT.ok;
    }
    const kind = positionals[0];
    if (!kind || !KINDS.includes(kind))
      throw new UsageError(kind ? `unknown export ${JSON.stringify(kind)}: use kustomize, flux or argocd` : "say what to export: kustomize, flux or argocd");
    if (positionals.length > 1) throw new UsageError(`stray argument ${JSON.stringify(positionals[1])}: pass values files with -f`);
    if (!v.out) throw new UsageError("--out DIR is required");
    const { existsSync, statSync } = await import("node:fs");
    if (existsSync(v.out) && !statSync(v.out).isDirectory()) throw new UsageError(`--out ${v.out} is a file: it names the folder to write`);
    if (v.cloud === "aws")
      throw new UsageError("--cloud aws: there is no values-aws.yaml (an upstream guide mistake): the AWS overlay is EKS", "use --cloud eks");
    if (v.cloud !== void 0 && v.cloud !== "eks" && v.cloud !== "gcp") throw new UsageError(`--cloud ${JSON.stringify(v.cloud)}: use eks or gcp`);
    if (kind === "argocd" && !v["repo-url"]) throw new UsageError("argocd needs --repo-url URL: the git repository Argo CD reads the export from");
    if (kind !== "argocd") {
      for (const k of ["repo-url", "path", "revision", "dest-server", "project", "app-name"])
        if (v[k] !== void 0) throw new UsageError(`--${k} is for argocd`);
    }
    if (kind === "flux" && v["vendor-chart"]) throw new UsageError("--vendor-chart is for kustomize and argocd: Flux takes the chart from its HelmRepository");
    const { detectHelm, pluginRoot, shellQuote } = await import("./helm-G3DFUYFP.mjs");
    const { VERSION } = await import("./version-MKM2A676.mjs");
    const namespace = namespaceOf(v.namespace);
    const release = v.release ?? "flyte";
    const root = pluginRoot();
    const { shippedChart } = await import("./chart-files-5NZTOTUC.mjs");
    const chart = v.chart ?? shippedChart(root);
    const files = v.values ?? [];
    const apiVersions = v["api-versions"] ?? [];
    const { renderControlPlane } = await import("./render-MPL7M3JP.mjs");
    const rendered = renderControlPlane({
      helm: detectHelm(),
      chart,
      release,
      namespace,
      ...v.cloud ? { cloud: v.cloud } : {},
      values: files,
      apiVersions,
      ...v["kube-version"] ? { kubeVersion: v["kube-version"] } : {}
    });
    printWarnings(rendered.result.warnings);
    const words = ["flytemc", "export", kind, "--release", release, "-n", namespace];
    if (v.cloud) words.push("--cloud", v.cloud);
    if (v.chart) words.push("--chart", v.chart);
    for (const a of apiVersions) words.push("-a", a);
    if (v["kube-version"]) words.push("--kube-version", v["kube-version"]);
    for (const f of files) words.push("-f", f);
    if (v["vendor-chart"]) words.push("--vendor-chart");
    const provenance = { version: VERSION, command: "" };
    const out = v.out;
    const { writeFiles } = await import("./files-YPVKWVAK.mjs");
    let removed;
    let next;
    const vendor = v["vendor-chart"];
    if (kind === "kustomize") {
      const { kustomizeFiles, CHART_HOME, PATCHES } = await import("./kustomize-2M5QW7K5.mjs");
      removed = writeFiles(
        out,
        kustomizeFiles(rendered, { ...provenance, command: words.map(shellQuote).join(" ") }, { vendorChart: vendor }),
        [PATCHES],
        vendor ? `${CHART_HOME}/${rendered.core.name}-${rendered.core.version}` : void 0
      );
      next = `build it: kubectl kustomize --enable-helm ${out}
apply it: kubectl kustomize --enable-helm ${out} | kubectl apply --server-side -n ${namespace} -f -`;
    } else if (kind === "flux") {
      const { fluxFiles } = await import("./flux-5K4JCZDE.mjs");
      removed = writeFiles(out, fluxFiles(rendered, { ...provenance, command: words.map(shellQuote).join(" ") }), []);
      next = `commit ${join(out, "helmrelease.yaml")} where a Flux Kustomization applies it`;
    } else {
      const { argocdFiles, repoPath, KUSTOMIZE_DIR } = await import("./argocd-JAKI7ROG.mjs");
      const { CHART_HOME, PATCHES } = await import("./kustomize-2M5QW7K5.mjs");
      const found = v.path === void 0 ? repoPath(join(out, KUSTOMIZE_DIR)) : { path: v.path, inGit: true };
      if (!found.inGit)
        process.stderr.write(
          `warning: ${out} is not in a git work tree; the Application's path is ${found.path} (relative to here): pass --path PATH to set it
`
        );
      const o = {
        vendorChart: vendor,
        repoURL: v["repo-url"],
        revision: v.revision ?? "HEAD",
        server: v["dest-server"] ?? "https://kubernetes.default.svc",
        project: v.project ?? "default",
        name: v["app-name"] ?? release
      };
      words.push("--repo-url", o.repoURL, "--path", found.path);
      for (const [flag, value] of [
        ["--revision", v.revision],
        ["--dest-server", v["dest-server"]],
        ["--project", v.project],
        ["--app-name", v["app-name"]]
      ])
        if (value !== void 0) words.push(flag, value);
      removed = writeFiles(
        out,
        argocdFiles(rendered, { ...provenance, command: words.map(shellQuote).join(" ") }, o, found.path),
        [`${KUSTOMIZE_DIR}/${PATCHES}`],
        vendor ? `${KUSTOMIZE_DIR}/${CHART_HOME}/${rendered.core.name}-${rendered.core.version}` : void 0
      );
      next = `commit ${out}; in Argo CD set kustomize.buildOptions: --enable-helm (argocd-cm), then: kubectl apply -n argocd -f ${join(out, "application.yaml")}`;
    }
    const objects = rendered.result.patches.map((p) => `${p.target.kind}/${p.target.name}`).join(", ");
    await writeOut(
      `exported the control plane (release ${release}, namespace ${namespace}) for ${kind} into ${out}: ${rendered.result.patches.length} patched objects (${objects})${removed.length ? `; removed ${removed.join(", ")} of an earlier export` : ""}
${next}
`
    );
    return EXIT.ok;
  });
}
export {
  run,
  summary,
  usage
};
