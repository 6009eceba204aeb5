#!/usr/bin/env node
// The long fuzz run: the same property tests as CI (test/fuzz.test.ts, test/fuzz-config.test.ts,
// and the properties of the text's kind and of the YAML writer: test/postrender/stream.test.ts,
// test/yaml/emit.test.ts), with more cases. CI runs about 18,000 of them (scale 1); this script
// multiplies them.
//   node scripts/fuzz-long.mjs                 scale 10 (about 180,000 cases)
//   node scripts/fuzz-long.mjs --runs 500000   about that many cases in all
//   node scripts/fuzz-long.mjs --scale 3 --seed 42   replay a seed printed by a failure
// Exits non-zero on the first failing file; the failure prints fast-check's seed and shrunk case.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const CI_CASES = 18_000;
const root = fileURLToPath(new URL('..', import.meta.url));
const { values } = parseArgs({ options: { runs: { type: 'string' }, scale: { type: 'string' }, seed: { type: 'string' } } });
const scale = values.scale ? Number(values.scale) : values.runs ? Number(values.runs) / CI_CASES : 10;
if (!(scale > 0)) {
  console.error('error: --runs N / --scale X must be positive numbers');
  process.exit(2);
}
const env = { ...process.env, FLYTEMC_FUZZ_SCALE: String(scale), ...(values.seed ? { FLYTEMC_FUZZ_SEED: values.seed } : {}) };
console.log(`fuzz-long: scale ${scale} (about ${Math.round(scale * CI_CASES).toLocaleString('en')} cases)${values.seed ? `, seed ${values.seed}` : ''}`);
let failed = 0;
for (const file of ['test/fuzz-config.test.ts', 'test/fuzz.test.ts', 'test/postrender/stream.test.ts', 'test/yaml/emit.test.ts']) {
  const started = Date.now();
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(root, file)], { cwd: root, env, stdio: 'inherit' });
  console.log(`-- ${file}: exit ${r.status} [${((Date.now() - started) / 1000).toFixed(0)} s]`);
  if (r.status !== 0) failed++;
}
process.exitCode = failed ? 1 : 0;
