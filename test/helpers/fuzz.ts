// How the property tests (fast-check) run: how many cases, and which. A developer's run draws new
// cases every time; CI (CI=true) replays one fixed seed, so that a submission is judged on the
// same cases every time (new cases come from runs here and from scripts/fuzz-long.mjs).
//   FLYTEMC_FUZZ_SCALE=X   runs = the default count x X (scripts/fuzz-long.mjs)
//   FLYTEMC_FUZZ_SEED=N    replay seed N (fast-check prints it on a failure)
export const CI_SEED = 20261122;
export const SCALE = Number(process.env.FLYTEMC_FUZZ_SCALE ?? 1);
export const SEED = process.env.FLYTEMC_FUZZ_SEED !== undefined ? Number(process.env.FLYTEMC_FUZZ_SEED) : process.env.CI === 'true' ? CI_SEED : undefined;

/** The number of runs for a property whose default is `n`. */
export const runs = (n: number): number => Math.max(1, Math.round(n * SCALE));

/** fast-check's parameters for a property whose default is `n` runs. */
export const params = (n: number): { numRuns: number; seed?: number } => ({ numRuns: runs(n), ...(SEED !== undefined ? { seed: SEED } : {}) });
