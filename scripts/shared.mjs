// Where ../shared is: the material beside the checkout that tests, benchmarks and the build read
// (flyte-core's published chart archive, its real renders, the reference docs). The one place
// that knows the path; CI puts ../shared beside the clone.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository's root folder. */
export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const SHARED = join(ROOT, '..', 'shared');
/** flyte-core v1.16.8 as published (the wrapper chart's dependency). */
export const FLYTE_CORE_TGZ = join(SHARED, 'flyte-core', 'flyte-core-v1.16.8.tgz');
/** flyte-core's real output for the control and data planes (controlplane.yaml, dataplane-eks.yaml, …). */
export const RENDERED = join(SHARED, 'flyte-core', 'rendered');
/** FACTS.md, STYLE.md, the upstream multi-cluster guide. */
export const REFERENCE = join(SHARED, 'reference');
