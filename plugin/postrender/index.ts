// The post-renderer: Helm's rendered manifests in, the same manifests wired for many clusters
// out, or a FlytemcError and nothing at all. Reads top to bottom:
// parse -> find config -> validate -> patch -> validate -> emit.
import { checkConfig } from '../config/check-config.ts';
import type { FoundConfig } from '../config/types.ts';
import { FlytemcError, errorsIn, type Problem } from '../problems/problems.ts';
import { refuseResourceErrors } from '../yaml/input.ts';
import { findConfig, findTargets } from './find.ts';
import { isDataPlaneConfig, postRenderDataPlane, wiredPropellerConfig } from './dataplane.ts';
import { catalogRoutePatches } from './ingress.ts';
import { applyPatches, computePatches, type DocPatch } from './patch.ts';
import { emitStream, kindOf, objectName, parseStream, resourceId, type ResourceId } from './stream.ts';
import { checkManifests, verifyResult } from './verify.ts';

interface PostRenderOptions {
  /** The config from `--config FILE`, already read (see config/from-values.ts). */
  config?: FoundConfig;
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

export function postRender(input: string, options: PostRenderOptions = {}): PostRenderResult {
  // yaml/input.ts: a stack overflow or a string too long for V8 becomes a refusal naming the limit
  return refuseResourceErrors('the rendered manifests', () => postRenderChecked(input, options));
}

function postRenderChecked(input: string, options: PostRenderOptions): PostRenderResult {
  if (input.trim() === '') throw new FlytemcError('the input is empty: Helm rendered no manifests (run `helm template` without --post-renderer to see why)');
  // 1. parse
  const docs = parseStream(input);
  // a data plane: flytepropeller pointed at the control plane (dataplane.ts, the same stages)
  const dataPlane = options.config ? undefined : docs.find(isDataPlaneConfig);
  const again = !options.config && !dataPlane && !docs.some((d) => kindOf(d) === 'MultiClusterConfig') && wiredPropellerConfig(docs);
  if (dataPlane || again) {
    const r = postRenderDataPlane(docs, dataPlane);
    return {
      output: emitStream(docs),
      warnings: r.warnings,
      patches: r.patches.map((p) => ({ object: objectName(p.doc), target: resourceId(p.doc.value)!, ops: p.ops })),
    };
  }
  // 2. find the objects and the config
  const targets = findTargets(docs);
  const { found, problems } = findConfig(docs, targets, options.config);
  // 3. validate the config and the manifests as rendered
  // a control plane always needs clusters, even from a values file that says role: data-plane
  const checked = checkConfig(found, { requireClusters: true });
  problems.push(...checked.problems, ...checkManifests(targets, checked.config?.credentials.secretName));
  fail(problems);
  const config = checked.config!;
  // 4. patch
  const patches = computePatches(targets, config);
  if (config.controlPlane?.catalogIngress) patches.push(...catalogRoutePatches(docs));
  applyPatches(patches);
  // 5. validate the result
  fail(verifyResult(targets, config));
  // 6. emit
  return {
    output: emitStream(docs),
    warnings: problems,
    patches: patches.map((p) => ({ object: objectName(p.doc), target: resourceId(p.doc.value)!, ops: p.ops })),
  };
}
