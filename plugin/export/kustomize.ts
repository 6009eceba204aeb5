// `flytemc export kustomize`: a kustomization that builds the post-rendered control plane.
import type { Operation } from 'fast-json-patch';
import { dumpYaml } from '../yaml/dialect.ts';
import { header, vendoredChart, type GeneratedFile, type Provenance } from './files.ts';
import { kustomizeTarget, objectPatches } from './patches.ts';
import { originals, type Rendered } from './render.ts';

export const CHART_HOME = 'charts';
export const PATCHES = 'patches';

export interface KustomizeOptions {
  vendorChart: boolean;
}

const patchFile = (head: string, ops: Operation[]) =>
  `${head}# RFC 6902 operations of the flytemc post-renderer; the \`test\` ones pin what they assume.\n${dumpYaml(ops)}`;

/**
 * flyte-core through kustomize's helmCharts, not a rendered file, so the folder holds what a person
 * reviews (flyte-core's values and four small patches) and Argo CD builds it too; kustomize then
 * needs `--enable-helm`, and pulls the chart unless `--vendor-chart` put it in charts/.
 */
export function kustomizeFiles(r: Rendered, p: Provenance, o: KustomizeOptions): GeneratedFile[] {
  const head = header(r, p);
  const patches = objectPatches(r.result, originals(r.stream));
  const chart: Record<string, unknown> = {
    name: r.core.name,
    repo: r.core.repository,
    version: r.core.version,
    releaseName: r.input.release,
    namespace: r.input.namespace,
    valuesFile: 'values.yaml',
  };
  if (r.input.apiVersions.length) chart.apiVersions = r.input.apiVersions;
  if (r.input.kubeVersion) chart.kubeVersion = r.input.kubeVersion;
  const kustomization = {
    apiVersion: 'kustomize.config.k8s.io/v1beta1',
    kind: 'Kustomization',
    helmCharts: [chart],
    patches: patches.map((x) => ({ path: `${PATCHES}/${x.file}`, target: kustomizeTarget(x.target) })),
  };
  const how = [
    `# Build: kubectl kustomize --enable-helm DIR, or kustomize build --enable-helm DIR (needs \`helm\` on PATH).`,
    `# Argo CD: set \`kustomize.buildOptions: --enable-helm\` in ConfigMap argocd-cm.`,
    o.vendorChart
      ? `# flyte-core is vendored in ${CHART_HOME}/${r.core.name}-${r.core.version}/: no download at build time.`
      : `# kustomize pulls flyte-core ${r.core.version} from ${r.core.repository} into ${CHART_HOME}/ on the first build (--vendor-chart ships it instead).`,
    `# Secret ${r.input.namespace}/${r.secretName} (the data planes' tokens) is not here: \`flytemc join --secret-out\` writes it, to seal or encrypt.`,
    '',
  ].join('\n');
  const files: GeneratedFile[] = [
    { path: 'kustomization.yaml', data: head + how + dumpYaml(kustomization) },
    { path: 'values.yaml', data: `${head}# flyte-core's values: the \`flyte-core\` block of the values above, merged.\n${dumpYaml(r.coreValues)}` },
    ...patches.map((x) => ({ path: `${PATCHES}/${x.file}`, data: patchFile(head, x.ops) })),
  ];
  if (o.vendorChart) files.push(...vendoredChart(r, CHART_HOME));
  return files;
}
