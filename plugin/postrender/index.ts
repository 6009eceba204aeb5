// The post-renderer: Helm's rendered manifests in, the same manifests wired for many clusters out, or a FlytemcError and nothing at all.
import type { FoundConfig } from '../config/types.ts';
import { FlytemcError, error } from '../problems/problems.ts';
import { refuseResourceErrors } from '../yaml/input.ts';
import { controlPlane } from './controlplane.ts';
import { dataPlane, isDataPlane } from './dataplane.ts';
import { runPlane, type PostRenderResult } from './plane.ts';
import { parseStream } from './stream.ts';

export type { PostRenderResult } from './plane.ts';

interface PostRenderOptions {
  /** The config from `--config FILE`, already read (see config/from-values.ts). */
  config?: FoundConfig;
}

/** Parses the stream, then runs the stages of the plane it renders (a data plane's, else a control plane's). */
export function postRender(input: string, options: PostRenderOptions = {}): PostRenderResult {
  // yaml/input.ts: a stack overflow or a string too long for V8 becomes a refusal naming the limit
  return refuseResourceErrors('the rendered manifests', () => {
    if (input.trim() === '')
      throw new FlytemcError([
        error(
          { code: 'stream.empty', subject: 'flytemc' },
          'the input is empty: Helm rendered no manifests (run `helm template` without --post-renderer to see why)',
        ),
      ]);
    const docs = parseStream(input);
    return isDataPlane(docs, options.config) ? runPlane(dataPlane, docs, options.config) : runPlane(controlPlane, docs, options.config);
  });
}
