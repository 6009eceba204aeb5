// A hand-made export render (what plugin/export/render.ts returns after Helm and the post-renderer), for the export file writers' unit tests.
import type { Rendered } from '../../plugin/export/render.ts';
import { FLYTE_CORE_TGZ } from '../../scripts/shared.mjs';

/** Helm's stream before the post-renderer: a Deployment with one container and the clusters ConfigMap. */
export const STREAM = `---
# Source: flyte-core/templates/admin/deployment.yaml
apiVersion: apps/v1
kind: Deployment
metadata:
  name: flyteadmin
  namespace: flyte
spec:
  template:
    spec:
      containers:
        - name: flyteadmin
          image: flyteadmin:v1
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: flyte-admin-clusters-config
  namespace: flyte
data:
  clusters.yaml: "old\\n"
`;

/** A render of release flyte in namespace flyte with two patched objects. */
export function rendered(input: Partial<Rendered['input']> = {}): Rendered {
  return {
    input: {
      helm: { bin: 'helm', major: 3, version: 'v3.17.2' },
      chart: 'charts/flyte-multicluster',
      release: 'flyte',
      namespace: 'flyte',
      values: ['my.yaml'],
      apiVersions: [],
      ...input,
    },
    core: { name: 'flyte-core', version: 'v1.16.8', repository: 'https://flyteorg.github.io/flyte', archive: FLYTE_CORE_TGZ },
    chartId: 'flyte-multicluster 0.1.0',
    inputs: [{ label: 'my.yaml', sha256: 'ab' }],
    stream: STREAM,
    result: {
      output: '',
      warnings: [],
      patches: [
        {
          object: 'Deployment/flyteadmin',
          target: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'flyteadmin', namespace: 'flyte' },
          ops: [{ op: 'add', path: '/spec/template/spec/containers/0/env', value: [{ name: 'A', value: '1' }] }],
        },
        {
          object: 'ConfigMap/flyte-admin-clusters-config',
          target: { apiVersion: 'v1', kind: 'ConfigMap', name: 'flyte-admin-clusters-config', namespace: 'flyte' },
          ops: [{ op: 'replace', path: '/data/clusters.yaml', value: 'new\n' }],
        },
      ],
    },
    coreValues: { flyteadmin: { replicaCount: 2 } },
    secretName: 'cluster-credentials',
  } as Rendered;
}

/** The files by path. */
export const byPath = (files: Array<{ path: string; data: string | Buffer }>): Map<string, string> =>
  new Map(files.map((f) => [f.path, typeof f.data === 'string' ? f.data : f.data.toString('utf8')]));
