// The control plane's stages: FlyteAdmin's clusters and credentials (find.ts, patch.ts, verify.ts), DataCatalog's route (ingress.ts).
import { checkConfig } from '../config/check-config.ts';
import type { Config, FoundConfig } from '../config/types.ts';
import type { Problem } from '../problems/problems.ts';
import { findConfig, findTargets, type Targets } from './find.ts';
import { catalogRoutePatches } from './ingress.ts';
import { computePatches } from './patch.ts';
import type { Plane } from './plane.ts';
import type { Doc } from './stream.ts';
import { checkManifests, verifyResult } from './verify.ts';

interface ControlState {
  docs: Doc[];
  targets: Targets;
  found: FoundConfig;
  /** What find noticed (a chart's config ignored for --config). */
  noticed: Problem[];
  /** The checked config, once validate passed. */
  config?: Config;
}

export const controlPlane: Plane<ControlState> = {
  find(docs, fromFile) {
    const targets = findTargets(docs);
    const { found, problems } = findConfig(docs, targets, fromFile);
    return { docs, targets, found, noticed: problems };
  },
  validate(state) {
    // a control plane always needs clusters, even from a values file that says role: data-plane
    const checked = checkConfig(state.found, { requireClusters: true });
    if (checked.config) state.config = checked.config;
    return [...state.noticed, ...checked.problems, ...checkManifests(state.targets, checked.config?.credentials.secretName)];
  },
  patch(state) {
    const patches = computePatches(state.targets, state.config!);
    if (state.config!.controlPlane?.catalogIngress) patches.push(...catalogRoutePatches(state.docs));
    return patches;
  },
  verify: (state) => verifyResult(state.targets, state.config!),
};
