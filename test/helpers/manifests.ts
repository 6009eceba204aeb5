// Reading post-renderer output in tests: documents, objects by kind/name, the three places.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseStream } from '../../plugin/postrender/stream.ts';
import { RENDERED } from '../../scripts/shared.mjs';
import { trimSlashes } from '../../plugin/yaml/json-pointer.ts';

export { RENDERED };
export const FIXTURES = join(import.meta.dirname, '..', 'fixtures');
export const rendered = (name: string) => readFileSync(join(RENDERED, name), 'utf8');
export const fixture = (name: string) => join(FIXTURES, name);

export type Obj = Record<string, any>;

export function objects(stream: string): Obj[] {
  return parseStream(stream)
    .map((d) => d.value as Obj)
    .filter((v) => v && typeof v === 'object');
}

export function find(objs: Obj[], kind: string, name: string): Obj | undefined {
  return objs.find((o) => o.kind === kind && o.metadata?.name === name);
}

export interface Place {
  deployment: string;
  list: 'containers' | 'initContainers';
  container: string;
}
export const THREE_PLACES: Place[] = [
  { deployment: 'flyteadmin', list: 'containers', container: 'flyteadmin' },
  { deployment: 'flyteadmin', list: 'initContainers', container: 'sync-cluster-resources' },
  { deployment: 'syncresources', list: 'containers', container: 'sync-cluster-resources' },
];

/** The mounts at `mountPath` of one place, each with the Secret its volume names. */
export function credentialMounts(objs: Obj[], place: Place, mountPath = '/var/run/credentials'): Array<{ volume: string; secretName?: string }> {
  const dep = find(objs, 'Deployment', place.deployment);
  if (!dep) throw new Error(`no Deployment ${place.deployment}`);
  const pod = dep.spec.template.spec;
  const c = (pod[place.list] ?? []).find((x: Obj) => x.name === place.container);
  if (!c) throw new Error(`no container ${place.container} in ${place.deployment}`);
  return (c.volumeMounts ?? [])
    .filter((m: Obj) => trimSlashes(m.mountPath) === mountPath)
    .map((m: Obj) => ({ volume: m.name, secretName: (pod.volumes ?? []).find((v: Obj) => v.name === m.name)?.secret?.secretName }));
}

/** The objects of a stream by `apiVersion kind namespace/name`, to compare two renders as data (assert.equal ignores key order). */
export function byIdentity(stream: string): Record<string, Obj> {
  const out: Record<string, Obj> = {};
  for (const o of objects(stream)) {
    const key = `${o.apiVersion} ${o.kind} ${o.metadata?.namespace ?? ''}/${o.metadata?.name}`;
    if (key in out) throw new Error(`${key} appears twice in the stream`);
    out[key] = o;
  }
  return out;
}

/**
 * What the API server refuses in a Deployment's pod, in the fields the post-renderer reasons
 * about (written here independently of plugin/postrender/verify.ts): two volumes of one name, a
 * volumeMount naming no volume, two mounts at one path in a container, two containers (init
 * containers included) of one name. Empty when there is none.
 */
export function podDefects(deployment: Obj): string[] {
  const pod: Obj = deployment.spec?.template?.spec ?? {};
  const out: string[] = [];
  const volumeNames: string[] = (pod.volumes ?? []).map((v: Obj) => v?.name);
  const dup = (xs: string[]) => xs.filter((x, i) => xs.indexOf(x) !== i);
  for (const n of new Set(dup(volumeNames))) out.push(`volume ${n} twice`);
  const containers: Obj[] = [...(pod.initContainers ?? []), ...(pod.containers ?? [])];
  for (const n of new Set(dup(containers.map((c) => c?.name)))) out.push(`container ${n} twice`);
  for (const c of containers) {
    const mounts: Obj[] = c?.volumeMounts ?? [];
    for (const m of mounts) if (!volumeNames.includes(m?.name)) out.push(`container ${c.name}: mount of missing volume ${m?.name}`);
    for (const p of new Set(dup(mounts.map((m) => m?.mountPath)))) out.push(`container ${c.name}: two mounts at ${p}`);
  }
  return out;
}
