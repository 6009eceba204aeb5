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
  header,
  vendoredChart
} from "./chunk-EKELCZH4.mjs";
import {
  dumpYaml
} from "./chunk-QI4TXXNF.mjs";

// plugin/export/kustomize.ts
var CHART_HOME = "charts";
var PATCHES = "patches";
var patchFile = (head, ops) => `${head}# RFC 6902 operations of the flytemc post-renderer; the \`test\` ones pin what they assume.
${dumpYaml(ops)}`;
function kustomizeFiles(r, p, o) {
  const head = header(r, p);
  const patches = objectPatches(r.result, originals(r.stream));
  const chart = {
    name: r.core.name,
    repo: r.core.repository,
    version: r.core.version,
    releaseName: r.input.release,
    namespace: r.input.namespace,
    valuesFile: "values.yaml"
  };
  if (r.input.apiVersions.length) chart.apiVersions = r.input.apiVersions;
  if (r.input.kubeVersion) chart.kubeVersion = r.input.kubeVersion;
  const kustomization = {
    apiVersion: "kustomize.config.k8s.io/v1beta1",
    kind: "Kustomization",
    helmCharts: [chart],
    patches: patches.map((x) => ({ path: `${PATCHES}/${x.file}`, target: kustomizeTarget(x.target) }))
  };
  const how = [
    `# Build: kubectl kustomize --enable-helm DIR, or kustomize build --enable-helm DIR (needs \`helm\` on PATH).`,
    `# Argo CD: set \`kustomize.buildOptions: --enable-helm\` in ConfigMap argocd-cm.`,
    o.vendorChart ? `# flyte-core is vendored in ${CHART_HOME}/${r.core.name}-${r.core.version}/: no download at build time.` : `# kustomize pulls flyte-core ${r.core.version} from ${r.core.repository} into ${CHART_HOME}/ on the first build (--vendor-chart ships it instead).`,
    `# Secret ${r.input.namespace}/${r.secretName} (the data planes' tokens) is not here: \`flytemc join --secret-out\` writes it, to seal or encrypt.`,
    ""
  ].join("\n");
  const files = [
    { path: "kustomization.yaml", data: head + how + dumpYaml(kustomization) },
    { path: "values.yaml", data: `${head}# flyte-core's values: the \`flyte-core\` block of the values above, merged.
${dumpYaml(r.coreValues)}` },
    ...patches.map((x) => ({ path: `${PATCHES}/${x.file}`, data: patchFile(head, x.ops) }))
  ];
  if (o.vendorChart) files.push(...vendoredChart(r, CHART_HOME));
  return files;
}

export {
  CHART_HOME,
  PATCHES,
  kustomizeFiles
};
