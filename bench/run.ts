// `npm run bench [-- --only postrender,scale,routes,join,proxy] [--runs N] [--kustomize-timeout S] [--quick]`
//
// Builds (npm script), then measures in one run, from the outside (a new process per run, as
// Helm runs a post-renderer), interleaved so that machine drift hits all sides alike, and takes
// medians. Writes bench/results/latest.md (tables), latest.json (every sample) and scale.svg.
//   postrender  flyte-core's control plane (20 documents) with three clusters: bare `node -e 0`,
//               bare Node on an empty CommonJS file, `flytemc-post-renderer --help`,
//               `flytemc-post-renderer`, `flytemc post-render` (the CLI path), kustomize doing
//               the same patches (strategic merge and JSON 6902), and other builds given
//               with `--compare LABEL=DIR` (bench/variants.ts)
//   scale       20 (flyte-core), 1k, 5k and 20k documents; 10, 100 and 1,000 clusters
//   routes      `flytemc routes --simulate 100000` on the three-cluster example against a Go
//               program making the same seeded draws (bench/go-draws; needs Go)
//   join        `flytemc join` of 1, 3 and 10 clusters against the harness's real clusters
//   proxy       a request through the credential proxy (`kubectl proxy` with an exec plugin)
//               against the same request straight to a real API server with a token
// Not part of the test suite (test/run.mjs only runs test/**/*.test.ts).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, getPriority, loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { BIN, type Config, type Input, kustomizeCase, log, NODE, ours, oursCli, oursOut, RESULTS, ROOT, verifyOurs, WORK, writeInputs } from './cases.ts';
import { THREE_CLUSTERS } from './gen.ts';
import { runJoinBench } from './join.ts';
import { runProxyBench } from './proxy.ts';
import { interleave, median, runOnce, type Case, type Measured } from './measure.ts';
import { renderSvg } from './chart.ts';
import { publish, renderMarkdown, type Results } from './report.ts';
import { routesCases } from './routes.ts';
import { parseVariants, variantCases } from './variants.ts';

const SECTIONS = ['postrender', 'scale', 'routes', 'join', 'proxy'] as const;
/** Executions per label of the routes section (the issue's N). */
const ROUTES_N = 100_000;
type Section = (typeof SECTIONS)[number];

const USAGE = `usage: npm run bench [-- options]
  --only LIST            sections to run, comma-separated: ${SECTIONS.join(', ')} (default: all)
  --runs N               timed runs per case of the postrender section (default 21, --quick 5;
                         scale: a third, at least 3; routes: a third, at most 7, at least 3)
  --kustomize-timeout S  stop a kustomize run after S seconds and report "> S s" (default 90, --quick 30)
  --quick                fewer runs and a shorter kustomize limit, for trying the bench itself
  --compare LABEL=DIR    also time the post-renderer of another build (DIR/dist, from
                         \`node --import tsx bench/variants.ts COMMIT DIR\`) in the postrender section
  --publish              also copy the tables and chart to bench/RESULTS.md and bench/RESULTS-scale.svg
                         (with --only: only those sections are replaced there, each with its own date)
Results: bench/results/latest.md, latest.json, scale.svg`;

function args() {
  const { values } = parseArgs({
    options: {
      only: { type: 'string' },
      runs: { type: 'string' },
      'kustomize-timeout': { type: 'string' },
      quick: { type: 'boolean', default: false },
      publish: { type: 'boolean', default: false },
      compare: { type: 'string', multiple: true },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const only = (values.only ?? SECTIONS.join(','))
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  for (const s of only) if (!(SECTIONS as readonly string[]).includes(s)) throw new Error(`--only: unknown section ${s} (use ${SECTIONS.join(', ')})`);
  const runs = values.runs !== undefined ? Number(values.runs) : values.quick ? 5 : 21;
  if (!Number.isInteger(runs) || runs < 1) throw new Error('--runs must be a whole number from 1');
  const kt = Number(values['kustomize-timeout'] ?? (values.quick ? 30 : 90));
  return {
    only: new Set(only as Section[]),
    runs,
    kustomizeTimeoutMs: kt * 1000,
    quick: values.quick,
    publish: values.publish,
    variants: parseVariants(values.compare),
  };
}

function sh(cmd: string, argv: string[]): string | undefined {
  const r = spawnSync(cmd, argv, { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : undefined;
}

function machine(): Results['env'] {
  const kubectl = sh('kubectl', ['version', '--client']);
  return {
    date: new Date().toISOString(),
    nproc: availableParallelism(),
    cpu: cpus()[0]?.model ?? '?',
    free: sh('free', ['-h']) ?? '?',
    node: process.version,
    ...(kubectl ? { kubectl: kubectl.split('\n').join('; ') } : {}),
    loadStart: loadavg(),
    // a negative nice value (`nice -n -15 npm run bench`) keeps others' load on a shared machine out of the figures
    nice: getPriority(),
  };
}

/** What every section reads: the options, the inputs and configs written, the results so far. */
interface Run {
  opt: ReturnType<typeof args>;
  results: Results;
  inputs: Map<number, Input>;
  configs: Map<number, Config>;
  fc: Input;
  three: Config;
  hasKubectl: boolean;
}
// 20,000 documents even with --quick: a target of issue 15 (kustomize is not run there)
const DOCS_LIST = [1000, 5000, 20000];
const CLUSTERS_LIST = [10, 100, 1000];

/** 1. flyte-core size: ours vs kustomize vs bare node (and other builds, --compare). */
async function postrenderSection({ opt, results, fc, three, hasKubectl }: Run): Promise<void> {
  log('\n== postrender: flyte-core control plane, 3 clusters');
  const patches = await verifyOurs(fc, three);
  // the CLI path must write exactly what the post-renderer writes
  const cliOut = join(WORK, `out-ours-cli-${fc.id}-${three.id}.yaml`);
  const cli = await runOnce({ ...oursCli(three.file, fc.file), stdout: cliOut }, WORK);
  if (cli.code !== 0) throw new Error(`flytemc post-render failed on ${fc.id}: ${cli.stderr}`);
  if (!readFileSync(cliOut).equals(readFileSync(oursOut(fc, three)))) throw new Error('flytemc post-render wrote other bytes than flytemc-post-renderer');
  const emptyCjs = join(WORK, 'empty.cjs');
  writeFileSync(emptyCjs, '');
  const one = new Map<string, Measured>();
  const cases: Case[] = [
    { id: 'node', label: 'bare `node -e 0`', spec: { argv: [NODE, '-e', '0'] } },
    { id: 'node-cjs', label: 'bare Node, empty CommonJS file', spec: { argv: [NODE, emptyCjs] } },
    { id: 'ours-help', label: 'flytemc-post-renderer --help (start-up and loading only)', spec: { argv: [NODE, BIN, '--help'] } },
    { id: 'ours', label: 'flytemc-post-renderer', spec: ours(three.file, fc.file) },
    { id: 'ours-cli', label: 'flytemc post-render', spec: oursCli(three.file, fc.file) },
  ];
  cases.push(
    ...(await variantCases(opt.variants, (bin) => ({ ...ours(three.file, fc.file), argv: [NODE, bin, '--config', three.file] }), oursOut(fc, three), WORK)),
  );
  if (hasKubectl) {
    for (const style of ['smp', 'json6902'] as const) {
      const c = await kustomizeCase(style, fc, three, patches, opt.kustomizeTimeoutMs, 20_000, one);
      if (c) cases.push({ ...c, id: `kustomize-${style}` });
    }
  }
  const measured = await interleave(cases, opt.runs, WORK, log);
  results.sections.postrender = { input: fc, config: three, rows: [...measured, ...one.values()] };
  log(summary(results.sections.postrender.rows));
}

/** 2. scale: documents (3 clusters) and clusters (flyte-core and 5k documents). */
async function scaleSection({ opt, results, inputs, configs, fc, three, hasKubectl }: Run): Promise<void> {
  const rounds = Math.max(3, Math.round(opt.runs / 3));
  log(`\n== scale: documents ${[fc.docs, ...DOCS_LIST].join(', ')} x 3 clusters; clusters ${CLUSTERS_LIST.join(', ')}; ${rounds} rounds`);
  const one = new Map<string, Measured>();
  const cases: Case[] = [];
  const grid: Array<{ input: Input; config: Config; kustomize: boolean }> = [];
  for (const input of inputs.values()) grid.push({ input, config: three, kustomize: input.docs <= 5000 });
  for (const n of CLUSTERS_LIST) {
    grid.push({ input: fc, config: configs.get(n)!, kustomize: true });
    const mid = inputs.get(5000);
    if (mid) grid.push({ input: mid, config: configs.get(n)!, kustomize: false });
  }
  for (const g of grid) {
    log(`  checking ${g.input.id} x ${g.config.id}`);
    const patches = await verifyOurs(g.input, g.config);
    cases.push({ id: `ours-${g.input.id}-${g.config.id}`, label: 'flytemc-post-renderer', spec: ours(g.config.file, g.input.file) });
    if (g.kustomize && hasKubectl) {
      const c = await kustomizeCase('smp', g.input, g.config, patches, opt.kustomizeTimeoutMs, 15_000, one);
      if (c) cases.push(c);
    }
  }
  const measured = await interleave(cases, rounds, WORK, log);
  results.sections.scale = { grid: grid.map((g) => ({ input: g.input, config: g.config })), rows: [...measured, ...one.values()] };
  if (!hasKubectl) results.notes.push('scale: no kustomize rows (no kubectl).');
}

/** 3. routes --simulate against Go making the same draws. */
async function routesSection({ opt, results }: Run): Promise<void> {
  const rounds = Math.min(7, Math.max(3, Math.round(opt.runs / 3)));
  log(`\n== routes: --simulate ${ROUTES_N} on the three-cluster example against Go; ${rounds} rounds`);
  const { cases, section } = await routesCases({ root: ROOT, work: WORK, config: THREE_CLUSTERS, n: ROUTES_N, node: NODE });
  if (section.skipped) log(`  not measured: ${section.skipped}`);
  else log(`  the same counts from both: ${section.counts.join('; ')}`);
  const rows = await interleave(cases, rounds, WORK, log);
  results.sections.routes = { ...section, rows };
  log(summary(rows));
}

/** 5. the credential proxy against a real API server. */
async function proxySection({ opt, results }: Run): Promise<void> {
  log('\n== proxy');
  const requests = opt.quick ? 100 : 500;
  const p = await runProxyBench({ root: ROOT, work: WORK, requests, log });
  if (p.skipped) log(`  not measured: ${p.skipped}`);
  else log(`${summary(p.rows!)}\n  added per request (medians): ${p.addedMs!.toFixed(2)} ms`);
  results.sections.proxy = p;
}

function writeResults({ opt, results }: Run): void {
  mkdirSync(RESULTS, { recursive: true });
  writeFileSync(join(RESULTS, 'latest.json'), JSON.stringify(results, null, 2) + '\n');
  const svg = renderSvg(results);
  if (svg) writeFileSync(join(RESULTS, 'scale.svg'), svg);
  const md = renderMarkdown(results, svg ? 'scale.svg' : undefined);
  writeFileSync(join(RESULTS, 'latest.md'), md);
  process.stdout.write(md);
  log(`\nwritten: bench/results/latest.md, latest.json${svg ? ', scale.svg' : ''}`);
  if (opt.publish) {
    publish(ROOT, md, svg, opt.only.size < SECTIONS.length);
    log('published: bench/RESULTS.md' + (svg ? ', bench/RESULTS-scale.svg' : ''));
  }
}

async function main() {
  const opt = args();
  if (!existsSync(BIN)) throw new Error(`${BIN} is missing: run \`npm run bench\` (it builds first) or \`npm run build\``);
  const hasKubectl = sh('kubectl', ['version', '--client']) !== undefined;
  const env = machine();
  log(`bench: ${env.date}, ${env.nproc} cores, node ${env.node}, load ${env.loadStart.map((l) => l.toFixed(2)).join(' ')}`);
  const scale = opt.only.has('scale');
  const { inputs, configs } = writeInputs(scale ? DOCS_LIST : [], scale ? CLUSTERS_LIST : []);
  const results: Results = { env, sections: {}, notes: [] };
  if (!hasKubectl) results.notes.push('kubectl is not on PATH: the kustomize rows are missing.');
  const run: Run = { opt, results, inputs, configs, fc: [...inputs.values()].find((i) => i.id === 'flyte-core')!, three: configs.get(3)!, hasKubectl };
  if (opt.only.has('postrender')) await postrenderSection(run);
  if (scale) await scaleSection(run);
  if (opt.only.has('routes')) await routesSection(run);
  if (opt.only.has('join')) {
    log('\n== join');
    results.sections.join = await runJoinBench({ root: ROOT, work: WORK, rounds: opt.quick ? 1 : 3, log });
  }
  env.loadEnd = loadavg();
  if (opt.only.has('proxy')) await proxySection(run);
  writeResults(run);
}

function summary(rows: Measured[]): string {
  return rows.map((r) => `  ${r.label.padEnd(40)} ${r.timedOut ? '> limit' : `${median(r.ms).toFixed(1)} ms`}  (${r.ms.length} runs)`).join('\n');
}

main().catch((e) => {
  log(`bench failed: ${(e as Error).stack ?? e}`);
  process.exitCode = 1;
});
