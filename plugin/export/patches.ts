// `flytemc export`'s patches: the post-renderer's RFC 6902 operations per object, pinned with `test` operations.
import type { Operation } from 'fast-json-patch';
import type { PostRenderResult } from '../postrender/index.ts';
import type { ResourceId } from '../postrender/stream.ts';
import { get } from '../yaml/json-pointer.ts';

interface ObjectPatch {
  target: ResourceId;
  /** File name for it: `<kind>-<name>.yaml`, lower case. */
  file: string;
  ops: Operation[];
}

const INDEXED = /^(\/spec\/template\/spec\/(?:containers|initContainers|volumes)\/\d+)(?:\/|$)/;

function guarded(original: unknown, ops: Operation[]): Operation[] {
  const tests = new Map<string, Operation>();
  const pin = (path: string) => {
    const value = get(original, path);
    if (value !== undefined && !tests.has(path)) tests.set(path, { op: 'test', path, value });
  };
  for (const op of ops) {
    const m = INDEXED.exec(op.path);
    if (m) pin(`${m[1]}/name`);
    if (op.op === 'replace' || op.op === 'remove') pin(op.path);
  }
  return [...tests.values(), ...ops];
}

/**
 * Each object's patch, starting with `test` operations that pin what it assumes (every container and
 * volume it addresses by index, every value it replaces or removes), so kustomize refuses a stale
 * patch once flyte-core renders differently instead of wiring the wrong container.
 */
export function objectPatches(result: PostRenderResult, original: (t: ResourceId) => unknown): ObjectPatch[] {
  return result.patches.map((p) => ({
    target: p.target,
    file: `${p.target.kind}-${p.target.name}.yaml`.toLowerCase(),
    ops: guarded(original(p.target), p.ops),
  }));
}

/** A kustomize patch target: group, version, kind, name and namespace of the object. */
export function kustomizeTarget(t: ResourceId): Record<string, string> {
  const slash = t.apiVersion.indexOf('/');
  return {
    ...(slash > 0 ? { group: t.apiVersion.slice(0, slash) } : {}),
    version: slash > 0 ? t.apiVersion.slice(slash + 1) : t.apiVersion,
    kind: t.kind,
    name: t.name,
    ...(t.namespace ? { namespace: t.namespace } : {}),
  };
}
