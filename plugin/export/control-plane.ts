// `flytemc export`: render the control plane, write one tool's files, and say how to build or apply them.
import { join } from 'node:path';
import type { Cloud } from '../helm/chart-files.ts';
import { shippedChart } from '../helm/chart-files.ts';
import { detectHelm, pluginRoot, shellQuote } from '../helm/helm.ts';
import { printWarnings } from '../cli/shell.ts';
import { argocdFiles, KUSTOMIZE_DIR, repoPath } from './argocd.ts';
import { writeFiles, type Provenance } from './files.ts';
import { fluxFiles } from './flux.ts';
import { CHART_HOME, PATCHES, kustomizeFiles } from './kustomize.ts';
import { renderControlPlane, type Rendered } from './render.ts';

const KINDS = ['kustomize', 'flux', 'argocd'] as const;
export type ExportKind = (typeof KINDS)[number];

/** Argo CD's Application: where it reads the export and where it deploys it. */
interface ArgoSettings {
  repoURL: string;
  path?: string | undefined;
  revision?: string | undefined;
  server?: string | undefined;
  project?: string | undefined;
  name?: string | undefined;
}

export interface ExportOptions {
  kind: ExportKind;
  /** flytemc's version, for the files' headers. */
  version: string;
  out: string;
  namespace: string;
  release: string;
  cloud?: Cloud | undefined;
  /** Another copy of the chart (default: the plugin's). */
  chart?: string | undefined;
  values: string[];
  apiVersions: string[];
  kubeVersion?: string | undefined;
  vendorChart: boolean;
  argocd?: ArgoSettings;
}

interface Exported {
  /** Files of an earlier export removed. */
  removed: string[];
  /** The objects the post-renderer patches, `Kind/name`. */
  patched: string[];
  /** What to do next: build, commit, apply. */
  next: string;
}

/** The command line that reproduces this export, for the files' headers (argocd adds its own options). */
function commandOf(o: ExportOptions): string[] {
  const words = ['flytemc', 'export', o.kind, '--release', o.release, '-n', o.namespace];
  if (o.cloud) words.push('--cloud', o.cloud);
  if (o.chart) words.push('--chart', o.chart);
  for (const a of o.apiVersions) words.push('-a', a);
  if (o.kubeVersion) words.push('--kube-version', o.kubeVersion);
  for (const f of o.values) words.push('-f', f);
  if (o.vendorChart) words.push('--vendor-chart');
  return words;
}

const provenance = (o: ExportOptions, words: string[]): Provenance => ({ version: o.version, command: words.map(shellQuote).join(' ') });

function writeKustomize(o: ExportOptions, rendered: Rendered, words: string[]): Omit<Exported, 'patched'> {
  const removed = writeFiles(
    o.out,
    kustomizeFiles(rendered, provenance(o, words), { vendorChart: o.vendorChart }),
    [PATCHES],
    o.vendorChart ? `${CHART_HOME}/${rendered.core.name}-${rendered.core.version}` : undefined,
  );
  const next = `build it: kubectl kustomize --enable-helm ${o.out}\napply it: kubectl kustomize --enable-helm ${o.out} | kubectl apply --server-side -n ${o.namespace} -f -`;
  return { removed, next };
}

function writeFlux(o: ExportOptions, rendered: Rendered, words: string[]): Omit<Exported, 'patched'> {
  const removed = writeFiles(o.out, fluxFiles(rendered, provenance(o, words)), []);
  return { removed, next: `commit ${join(o.out, 'helmrelease.yaml')} where a Flux Kustomization applies it` };
}

function writeArgocd(o: ExportOptions, rendered: Rendered, words: string[]): Omit<Exported, 'patched'> {
  const a = o.argocd!;
  const found = a.path === undefined ? repoPath(join(o.out, KUSTOMIZE_DIR)) : { path: a.path, inGit: true };
  if (!found.inGit)
    process.stderr.write(
      `warning: ${o.out} is not in a git work tree; the Application's path is ${found.path} (relative to here): pass --path PATH to set it\n`,
    );
  const settings = {
    vendorChart: o.vendorChart,
    repoURL: a.repoURL,
    revision: a.revision ?? 'HEAD',
    server: a.server ?? 'https://kubernetes.default.svc',
    project: a.project ?? 'default',
    name: a.name ?? o.release,
  };
  words.push('--repo-url', a.repoURL, '--path', found.path);
  for (const [flag, value] of [
    ['--revision', a.revision],
    ['--dest-server', a.server],
    ['--project', a.project],
    ['--app-name', a.name],
  ] as const)
    if (value !== undefined) words.push(flag, value);
  const removed = writeFiles(
    o.out,
    argocdFiles(rendered, provenance(o, words), settings, found.path),
    [`${KUSTOMIZE_DIR}/${PATCHES}`],
    o.vendorChart ? `${KUSTOMIZE_DIR}/${CHART_HOME}/${rendered.core.name}-${rendered.core.version}` : undefined,
  );
  const next = `commit ${o.out}; in Argo CD set kustomize.buildOptions: --enable-helm (argocd-cm), then: kubectl apply -n argocd -f ${join(o.out, 'application.yaml')}`;
  return { removed, next };
}

const WRITERS: Record<ExportKind, (o: ExportOptions, r: Rendered, words: string[]) => Omit<Exported, 'patched'>> = {
  kustomize: writeKustomize,
  flux: writeFlux,
  argocd: writeArgocd,
};

/** Renders the control plane as `install control-plane` does (refused as the post-renderer refuses it), then writes the kind's files. */
export function exportControlPlane(o: ExportOptions): Exported {
  const root = pluginRoot();
  const rendered = renderControlPlane({
    helm: detectHelm(),
    chart: o.chart ?? shippedChart(root),
    release: o.release,
    namespace: o.namespace,
    ...(o.cloud ? { cloud: o.cloud } : {}),
    values: o.values,
    apiVersions: o.apiVersions,
    ...(o.kubeVersion ? { kubeVersion: o.kubeVersion } : {}),
  });
  printWarnings(rendered.result.warnings);
  const written = WRITERS[o.kind](o, rendered, commandOf(o));
  return { ...written, patched: rendered.result.patches.map((p) => `${p.target.kind}/${p.target.name}`) };
}
