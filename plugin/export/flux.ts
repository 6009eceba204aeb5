// `flytemc export flux`: a HelmRepository and a HelmRelease of flyte-core, the post-renderer's changes as its kustomize post-renderers.
import { dumpYaml } from '../yaml/dialect.ts';
import { header, type GeneratedFile, type Provenance } from './files.ts';
import { kustomizeTarget, objectPatches } from './patches.ts';
import { originals, type Rendered } from './render.ts';

const REPOSITORY_NAME = 'flyteorg';

export function fluxFiles(r: Rendered, p: Provenance): GeneratedFile[] {
  const { release, namespace } = r.input;
  const patches = objectPatches(r.result, originals(r.stream));
  const repository = {
    apiVersion: 'source.toolkit.fluxcd.io/v1',
    kind: 'HelmRepository',
    metadata: { name: REPOSITORY_NAME, namespace },
    spec: { interval: '1h', url: r.core.repository },
  };
  const helmRelease = {
    apiVersion: 'helm.toolkit.fluxcd.io/v2',
    kind: 'HelmRelease',
    metadata: { name: release, namespace },
    spec: {
      interval: '10m',
      releaseName: release,
      chart: { spec: { chart: r.core.name, version: r.core.version, sourceRef: { kind: 'HelmRepository', name: REPOSITORY_NAME } } },
      values: r.coreValues,
      // JSON, not YAML: kustomize trims an inline patch, which would cut the final newline of a
      // YAML block scalar (clusters.yaml's last line) but not of a JSON string's `\n`
      postRenderers: [{ kustomize: { patches: patches.map((x) => ({ target: kustomizeTarget(x.target), patch: JSON.stringify(x.ops, null, 2) + '\n' })) } }],
    },
  };
  const how = [
    `# Apply with Flux (a Kustomization whose path holds this file). Flux installs release ${release} into`,
    `# namespace ${namespace}; Secret ${namespace}/${r.secretName} (the data planes' tokens) must be there first:`,
    '# `flytemc join --secret-out` writes it, to seal or encrypt.',
    '',
  ].join('\n');
  return [{ path: 'helmrelease.yaml', data: `${header(r, p)}${how}---\n${dumpYaml(repository)}---\n${dumpYaml(helmRelease)}` }];
}
