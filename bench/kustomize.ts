// The kustomize side of the comparison: a kustomization folder that does what the post-renderer
// does to the same stream, with the values the post-renderer computed (so both produce the same
// objects): the rendered stream as the one resource, and patches that add the credentials
// volume to flyteadmin and syncresources, mount it in the three places, set their
// configChecksum, and replace clusters.yaml in both clusters ConfigMaps.
//  - `smp`: strategic-merge patches, the way kustomize users write them;
//  - `json6902`: the very RFC 6902 operations the post-renderer applies (from its --explain).
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { segments } from '../plugin/yaml/json-pointer.ts';
import { dumpYaml } from '../plugin/yaml/dialect.ts';

export type KustomizeStyle = 'smp' | 'json6902';

export interface ExplainedPatch {
  kind: string;
  name: string;
  ops: Array<{ op: string; path: string; value?: unknown }>;
}

/** Parses `flytemc-post-renderer --explain` output: `# Kind/name (...)` then a JSON array, per object. */
export function parseExplain(text: string): ExplainedPatch[] {
  const out: ExplainedPatch[] = [];
  const re = /^# (\w+)\/([^\s]+)[^\n]*\n(\[[\s\S]*?\n\])/gm;
  for (const m of text.matchAll(re)) out.push({ kind: m[1]!, name: m[2]!, ops: JSON.parse(m[3]!) });
  return out;
}

/** The strategic-merge form of the same change: what a kustomize user would write by hand. */
function strategicMerge(p: ExplainedPatch, namespace: string, containerName: ContainerName): Record<string, unknown> {
  const metadata = { name: p.name, namespace };
  if (p.kind === 'ConfigMap') {
    const data: Record<string, unknown> = {};
    for (const o of p.ops) {
      if (o.op !== 'replace' && o.op !== 'add') throw new Error(`bench/kustomize.ts: no strategic-merge form for ${o.op} ${o.path}`);
      data[segments(o.path)[1]!] = o.value;
    }
    return { apiVersion: 'v1', kind: 'ConfigMap', metadata, data };
  }
  const spec: Record<string, unknown[]> = {};
  const annotations: Record<string, unknown> = {};
  const mounts = new Map<string, unknown[]>(); // "list/index" -> mounts to add
  for (const o of p.ops) {
    let m: RegExpMatchArray | null;
    if ((m = o.path.match(/^\/spec\/template\/spec\/volumes(\/-)?$/)) && o.op === 'add') {
      spec.volumes = [...(spec.volumes ?? []), ...(m[1] ? [o.value] : (o.value as unknown[]))];
    } else if ((m = o.path.match(/^\/spec\/template\/spec\/(containers|initContainers)\/(\d+)\/volumeMounts(\/-)?$/)) && o.op === 'add') {
      const key = `${m[1]}/${m[2]}`;
      mounts.set(key, [...(mounts.get(key) ?? []), ...(m[3] ? [o.value] : (o.value as unknown[]))]);
    } else if ((m = o.path.match(/^\/spec\/template\/metadata\/annotations\/(.+)$/))) {
      annotations[unescape(m[1]!)] = o.value;
    } else {
      throw new Error(`bench/kustomize.ts: no strategic-merge form for ${o.op} ${o.path} (${p.kind}/${p.name})`);
    }
  }
  for (const [key, volumeMounts] of mounts) {
    const [list, index] = key.split('/') as [string, string];
    (spec[list] ??= []).push({ name: containerName(p.name, list, Number(index)), volumeMounts });
  }
  const template: Record<string, unknown> = { spec };
  if (Object.keys(annotations).length) template.metadata = { annotations };
  return { apiVersion: 'apps/v1', kind: p.kind, metadata, spec: { template } };
}

export type ContainerName = (deployment: string, list: string, index: number) => string;

/**
 * Writes DIR/kustomization.yaml, DIR/rendered.yaml (a copy of the stream: kustomize only loads
 * files under its root) and the patches. `names` maps a Deployment's (list, index) to its
 * container name, which strategic merge needs.
 */
export function writeKustomization(
  dir: string,
  style: KustomizeStyle,
  streamFile: string,
  patches: ExplainedPatch[],
  containerName: ContainerName,
  namespace = 'flyte',
): void {
  mkdirSync(dir, { recursive: true });
  copyFileSync(streamFile, join(dir, 'rendered.yaml'));
  const entries: string[] = [];
  if (style === 'json6902') {
    patches.forEach((p, i) => {
      const file = `patch-${i}.json`;
      writeFileSync(join(dir, file), JSON.stringify(p.ops, null, 2) + '\n');
      entries.push(`  - path: ${file}\n    target:\n      kind: ${p.kind}\n      name: ${p.name}\n      namespace: ${namespace}`);
    });
  } else {
    writeFileSync(join(dir, 'patches.yaml'), patches.map((p) => dumpYaml(strategicMerge(p, namespace, containerName))).join('---\n'));
    entries.push('  - path: patches.yaml');
  }
  writeFileSync(
    join(dir, 'kustomization.yaml'),
    `apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n  - rendered.yaml\npatches:\n${entries.join('\n')}\n`,
  );
}
