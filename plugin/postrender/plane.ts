// The stages every plane's post-render runs, in order: find, validate, patch, verify, emit.
import type { FoundConfig } from '../config/types.ts';
import { FlytemcError, errorsIn, type Problem } from '../problems/problems.ts';
import { applyPatches, type DocPatch } from './patch.ts';
import { emitStream, objectName, resourceId, type Doc, type ResourceId } from './stream.ts';

/** A plane's stages over its own state (what find found; validate may add the checked config). */
export interface Plane<State> {
  /** The objects to wire and the config; throws when there is nothing to go on. */
  find(docs: Doc[], config: FoundConfig | undefined): State;
  /** The config and the manifests as rendered: an error stops the run, warnings go on. */
  validate(state: State): Problem[];
  /** The operations, computed against what is there: none on flytemc's own output. */
  patch(state: State): DocPatch[];
  /** The patched objects as Kubernetes and Flyte must read them. */
  verify(state: State): Problem[];
}

export interface PostRenderResult {
  output: string;
  warnings: Problem[];
  /** Per patched object: its name in messages, its identity (kustomize targets) and the operations. */
  patches: Array<{ object: string; target: ResourceId; ops: DocPatch['ops'] }>;
}

function fail(problems: Problem[]): void {
  if (errorsIn(problems).length) throw new FlytemcError(problems);
}

/** Runs the plane's stages on the parsed stream; a refusal carries every problem found up to its stage. */
export function runPlane<State>(plane: Plane<State>, docs: Doc[], config: FoundConfig | undefined): PostRenderResult {
  const state = plane.find(docs, config);
  const problems = plane.validate(state);
  fail(problems);
  const patches = plane.patch(state);
  applyPatches(patches);
  fail([...problems, ...plane.verify(state)]);
  return {
    output: emitStream(docs),
    warnings: problems,
    patches: patches.map((p) => ({ object: objectName(p.doc), target: resourceId(p.doc.value)!, ops: p.ops })),
  };
}
