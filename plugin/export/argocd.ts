// `flytemc export argocd`: an Argo CD Application of the kustomize export written beside it.
import { existsSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { dumpYaml } from '../yaml/dialect.ts';
import { header, type GeneratedFile, type Provenance } from './files.ts';
import { kustomizeFiles, type KustomizeOptions } from './kustomize.ts';
import type { Rendered } from './render.ts';

export const KUSTOMIZE_DIR = 'control-plane';

interface ArgoOptions extends KustomizeOptions {
  repoURL: string;
  /** The kustomization's folder in the repository; default: found from the git work tree. */
  path?: string;
  revision: string;
  server: string;
  project: string;
  name: string;
}

/** The path of `dir` inside the git work tree holding it, else relative to the current folder. */
export function repoPath(dir: string): { path: string; inGit: boolean } {
  const abs = resolve(dir);
  for (let d = abs; ; d = dirname(d)) {
    if (existsSync(join(d, '.git'))) return { path: relative(d, abs).split(sep).join('/') || '.', inGit: true };
    if (dirname(d) === d) break;
  }
  return { path: relative(process.cwd(), abs).split(sep).join('/') || '.', inGit: false };
}

export function argocdFiles(r: Rendered, p: Provenance, o: ArgoOptions, path: string): GeneratedFile[] {
  const application = {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Application',
    metadata: { name: o.name, namespace: 'argocd' },
    spec: {
      project: o.project,
      source: { repoURL: o.repoURL, targetRevision: o.revision, path },
      destination: { server: o.server, namespace: r.input.namespace },
      syncPolicy: { syncOptions: ['CreateNamespace=true', 'ServerSideApply=true'] },
    },
  };
  const how = [
    `# Argo CD builds ${path} with kustomize, flyte-core through its helmCharts inflator, which Argo CD`,
    '# allows only with this setting in ConfigMap argocd-cm (namespace argocd):',
    '#   data:',
    '#     kustomize.buildOptions: --enable-helm',
    `# Secret ${r.input.namespace}/${r.secretName} (the data planes' tokens) must reach namespace ${r.input.namespace} too:`,
    '# `flytemc join --secret-out` writes it, to seal or encrypt (an overlay next to control-plane/ can carry it).',
    '',
  ].join('\n');
  return [
    { path: 'application.yaml', data: header(r, p) + how + dumpYaml(application) },
    ...kustomizeFiles(r, p, o).map((f) => ({ ...f, path: `${KUSTOMIZE_DIR}/${f.path}` })),
  ];
}
