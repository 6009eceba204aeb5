// The bench's results as markdown tables (with the issue's targets checked); the chart is chart.ts.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { median, quantile, type Measured } from './measure.ts';
import type { JoinSection } from './join.ts';
import type { ProxySection } from './proxy.ts';
import type { RoutesSection } from './routes.ts';

interface InputInfo {
  id: string;
  docs: number;
  bytes: number;
}
interface ConfigInfo {
  id: string;
  clusters: number;
  bytes: number;
}

export interface Results {
  env: { date: string; nproc: number; cpu: string; free: string; node: string; kubectl?: string; loadStart: number[]; loadEnd?: number[]; nice?: number };
  sections: {
    postrender?: { input: InputInfo; config: ConfigInfo; rows: Measured[] };
    scale?: { grid: Array<{ input: InputInfo; config: ConfigInfo }>; rows: Measured[] };
    routes?: RoutesSection & { rows: Measured[] };
    join?: JoinSection;
    proxy?: ProxySection;
  };
  notes: string[];
}

export const fmtMs = (ms: number) =>
  ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(ms < 100 ? 1 : 0)} ms`;
const fmtBytes = (b: number) => (b >= 1e6 ? `${(b / 1e6).toFixed(1)} MB` : `${(b / 1e3).toFixed(0)} KB`);
const mib = (xs: number[]) => (xs.length ? `${median(xs).toFixed(0)} MiB` : 'n/a');
const ok = (b: boolean) => (b ? '**met**' : '**missed**');
/** A difference of medians to 0.1 ms, without a `-0.0`. */
const ms1 = (d: number) => (Math.abs(d) < 0.05 ? '0.0' : d.toFixed(1));

/** A target `a ≤ limit × b`: the ratio and the verdict, or why it was not measured. */
function ratioTarget(what: string, a: number, b: number, limit: number, versus: string): string {
  if (Number.isNaN(a) || Number.isNaN(b)) return `- ${what} ≤ ${limit}x ${versus}: not measured`;
  const r = a / b;
  return `- ${what} ≤ ${limit}x ${versus}: ${r.toFixed(2)}x (${fmtMs(a)} against ${fmtMs(b)}) — ${ok(r <= limit)}`;
}

function wall(m: Measured | undefined): string {
  if (!m) return '—';
  if (m.failed) return `failed (${m.failed.slice(0, 60)})`;
  if (m.timedOut && m.ms.length === 0) return `> ${(m.timeoutMs! / 1000).toFixed(0)} s`;
  return fmtMs(median(m.ms));
}

const cpu = (m: Measured) => (m.cpuMs.length ? fmtMs(median(m.cpuMs)) : 'n/a');

function spread(m: Measured): string {
  if (m.ms.length < 3) return m.ms.length ? '(1 run)' : '';
  return `${fmtMs(quantile(m.ms, 0.25))} – ${fmtMs(quantile(m.ms, 0.75))}`;
}

const med = (m: Measured | undefined) => (m?.ms.length ? median(m.ms) : NaN);

export function renderMarkdown(r: Results, chart?: string): string {
  const out: string[] = [];
  head(r.env, out);
  if (r.sections.postrender) postrenderSection(r.sections.postrender, r.env, out);
  if (r.sections.scale) {
    scaleDocuments(r.sections.scale, out);
    scaleClusters(r.sections.scale, out, chart);
  }
  if (r.sections.routes) routesSection(r.sections.routes, out);
  if (r.sections.join) joinSection(r.sections.join, out);
  if (r.sections.proxy) proxySection(r.sections.proxy, r.env, out);
  if (r.notes.length) out.push('Notes:', ...r.notes.map((n) => `- ${n}`), '');
  return out.join('\n');
}

function head(e: Results['env'], out: string[]): void {
  const memLine =
    e.free
      .split('\n')
      .find((l) => l.startsWith('Mem:'))
      ?.trim()
      .split(/\s+/) ?? [];
  out.push(
    '# flytemc benchmarks',
    '',
    `${e.date.slice(0, 16).replace('T', ' ')} UTC · \`nproc\` ${e.nproc} (${e.cpu}) · memory ${memLine[1] ?? '?'} total, ${memLine[6] ?? '?'} available (\`free -h\`) · Node ${e.node}` +
      (e.kubectl ? ` · ${e.kubectl.replace(/Client Version: /, 'kubectl ').replace(/Kustomize Version: /, 'kustomize ')}` : '') +
      ` · load average ${e.loadStart.map((l) => l.toFixed(1)).join('/')} at the start${e.loadEnd ? `, ${e.loadEnd.map((l) => l.toFixed(1)).join('/')} at the end` : ''}`,
    '',
    'Each figure is the median of repeated runs of a new process, measured from the outside (wall time from spawn to exit; peak RSS and CPU time from its rusage), with the cases interleaved run by run. The input is written into a pipe on standard input and the output read from a pipe, as Helm does; kustomize reads the same stream from a file in its folder.',
    '',
  );
}

type Section<K extends keyof Results['sections']> = NonNullable<Results['sections'][K]>;

function postrenderSection(pr: Section<'postrender'>, e: Results['env'], out: string[]): void {
  const get = (id: string) => pr.rows.find((x) => x.id === id);
  out.push(`## Post-render of flyte-core's control plane (${pr.input.docs} documents, ${fmtBytes(pr.input.bytes)}), ${pr.config.clusters} clusters`, '');
  // its own date and machine: `--only postrender --publish` replaces this section alone
  out.push(
    `Measured ${e.date.slice(0, 16).replace('T', ' ')} UTC · \`nproc\` ${e.nproc} (${e.cpu}) · Node ${e.node} · load average ${e.loadStart.map((l) => l.toFixed(1)).join('/')} at the start${e.nice ? `, run at nice ${e.nice}` : ''}.`,
    '',
  );
  out.push('| | wall time (median) | p25 – p75 | CPU time (median) | peak RSS | runs |', '|---|---:|---:|---:|---:|---:|');
  for (const m of pr.rows) out.push(`| ${m.label} | ${wall(m)} | ${spread(m)} | ${cpu(m)} | ${mib(m.rssMiB)} | ${m.ms.length} |`);
  const ours = med(get('ours'));
  const cli = med(get('ours-cli'));
  const node = med(get('node'));
  const kzj = med(get('kustomize-json6902'));
  out.push(
    '',
    'Targets (issue 15):',
    ratioTarget('`flytemc-post-renderer`', ours, kzj, 1.1, 'kustomize with JSON 6902 patches'),
    ratioTarget('`flytemc-post-renderer`', ours, node, 1.15, '`node -e 0`'),
    ratioTarget('`flytemc post-render`', cli, kzj, 1.3, 'kustomize with JSON 6902 patches'),
  );
  const cjs = med(get('node-cjs'));
  const help = med(get('ours-help'));
  if (![ours, node, cjs, help].some(Number.isNaN)) {
    out.push(
      `  (\`flytemc-post-renderer\` is ${(ours - node).toFixed(1)} ms over \`node -e 0\`: ${ms1(cjs - node)} ms for starting an empty CommonJS file, ${ms1(help - cjs)} ms for loading the post-renderer (\`--help\` over the empty file), ${ms1(ours - help)} ms for the work: reading, checking, patching and writing the stream (over \`--help\`))`,
    );
  }
  // CPU time as well: on a shared machine others' load moves it far less than wall time
  const cpuMed = (m: Measured | undefined) => (m?.cpuMs.length ? median(m.cpuMs) : NaN);
  const [oursCpu, cliCpu, kzjCpu, nodeCpu] = ['ours', 'ours-cli', 'kustomize-json6902', 'node'].map((id) => cpuMed(get(id)));
  if (![oursCpu, cliCpu, kzjCpu, nodeCpu].some(Number.isNaN))
    out.push(
      `  (by CPU time, medians: \`flytemc-post-renderer\` ${(oursCpu! / kzjCpu!).toFixed(2)}x kustomize with JSON 6902 patches and ${(oursCpu! / nodeCpu!).toFixed(2)}x \`node -e 0\`, \`flytemc post-render\` ${(cliCpu! / kzjCpu!).toFixed(2)}x kustomize with JSON 6902 patches)`,
    );
  for (const v of pr.rows.filter((m) => m.id.startsWith('variant-')))
    out.push(
      `  (${v.label}: ${ms1(med(v) - ours)} ms of wall time and ${ms1(cpuMed(v) - cpuMed(get('ours')))} ms of CPU time against \`flytemc-post-renderer\`, medians)`,
    );
  out.push('');
}

/** The scale section's grid: its rows by case, the three-cluster config, the inputs by size. */
function scaleGrid(sc: Section<'scale'>) {
  const row = (prefix: string, i: InputInfo, c: ConfigInfo) => sc.rows.find((m) => m.id === `${prefix}-${i.id}-${c.id}`);
  const three = sc.grid.find((g) => g.config.clusters === 3)!.config;
  const inputs = [...new Map(sc.grid.filter((g) => g.config.clusters === 3).map((g) => [g.input.id, g.input])).values()].sort((a, b) => a.docs - b.docs);
  const fc20 = inputs[0]!;
  const i5 = inputs.find((i) => i.docs === 5000);
  return { row, three, inputs, fc20, i5 };
}

function scaleDocuments(sc: Section<'scale'>, out: string[]): void {
  const { row, three, inputs, fc20, i5 } = scaleGrid(sc);
  out.push(`## Scale: documents (${three.clusters} clusters)`, '');
  out.push('| documents | stream | ours: wall | ours: peak RSS | kustomize: wall | kustomize: peak RSS |', '|---:|---:|---:|---:|---:|---:|');
  for (const i of inputs) {
    const o = row('ours', i, three);
    const k = row('kustomize-smp', i, three);
    out.push(
      `| ${i.docs.toLocaleString('en')} | ${fmtBytes(i.bytes)} | ${wall(o)} | ${o ? mib(o.rssMiB) : '—'} | ${k ? wall(k) : 'not run'} | ${k ? mib(k.rssMiB) : '—'} |`,
    );
  }
  const t = (docs: number) => med(row('ours', inputs.find((i) => i.docs === docs) ?? ({} as InputInfo), three));
  const per = (a: number, b: number) => ((t(b) - t(a)) / (b - a)) * 1000;
  const base = t(fc20.docs);
  const o5 = i5 ? row('ours', i5, three) : undefined;
  const peak5 = o5?.rssMiB.length ? median(o5.rssMiB) : NaN;
  const versus = `the ${fc20.docs}-document run (flyte-core, ${fmtMs(base)})`;
  out.push(
    '',
    'Targets (issue 15):',
    ratioTarget('5,000 documents', t(5000), base, 2, versus),
    `- 5,000 documents ≤ 150 MiB peak RSS: ${Number.isNaN(peak5) ? 'not measured' : `${peak5.toFixed(0)} MiB — ${ok(peak5 <= 150)}`}`,
    ratioTarget('20,000 documents', t(20000), base, 4, versus),
  );
  const k5 = i5 ? row('kustomize-smp', i5, three) : undefined;
  if (k5) out.push(`  (kustomize at 5,000 documents: ${wall(k5)}${k5.rssMiB.length ? `, ${mib(k5.rssMiB)}` : ''})`);
  if (inputs.some((i) => i.docs === 20000) && inputs.some((i) => i.docs === 1000) && i5) {
    const a = per(1000, 5000);
    const b = per(5000, 20000);
    out.push(
      '',
      `Linear in documents: ${a.toFixed(0)} ms per 1,000 documents from 1k to 5k, ${b.toFixed(0)} ms from 5k to 20k (ratio ${(b / a).toFixed(2)}; 1 is linear, growing ratios mean super-linear).`,
    );
  }
}

function scaleClusters(sc: Section<'scale'>, out: string[], chart: string | undefined): void {
  const { row, fc20, i5 } = scaleGrid(sc);
  const cfgs = [...new Map(sc.grid.map((g) => [g.config.id, g.config])).values()].sort((a, b) => a.clusters - b.clusters);
  const fc = fc20;
  out.push('', '## Scale: clusters in the config', '');
  out.push(
    `| clusters | config | ours: ${fc.docs} documents | ours: peak RSS | ours: ${i5 ? '5,000 documents' : '—'} | kustomize: ${fc.docs} documents |`,
    '|---:|---:|---:|---:|---:|---:|',
  );
  for (const c of cfgs) {
    const o = row('ours', fc, c);
    const o5 = i5 ? row('ours', i5, c) : undefined;
    const k = row('kustomize-smp', fc, c);
    out.push(`| ${c.clusters.toLocaleString('en')} | ${fmtBytes(c.bytes)} | ${wall(o)} | ${o ? mib(o.rssMiB) : '—'} | ${wall(o5)} | ${k ? wall(k) : '—'} |`);
  }
  const tc = (n: number, input: InputInfo | undefined) => (input ? med(row('ours', input, cfgs.find((c) => c.clusters === n) ?? ({} as ConfigInfo))) : NaN);
  const c10 = tc(10, fc),
    c100 = tc(100, fc),
    c1000 = tc(1000, fc);
  if (![c10, c100, c1000].some(Number.isNaN)) {
    const a = (c100 - c10) / 90;
    const b = (c1000 - c100) / 900;
    out.push(
      '',
      `Linear in clusters: ${(a * 100).toFixed(1)} ms per 100 clusters from 10 to 100, ${(b * 100).toFixed(1)} ms from 100 to 1,000 (at ${fc.docs} documents; the first step is within the noise of a ~100 ms process).`,
    );
  }
  if (chart) out.push('', `![wall time against documents, log-log](${chart})`);
  out.push('');
}

function routesSection(ro: Section<'routes'>, out: string[]): void {
  out.push(`## \`flytemc routes --simulate ${ro.n}\` on the three-cluster example against Go`, '');
  if (ro.skipped) out.push(`Not measured: ${ro.skipped}.`, '');
  else {
    const get = (id: string) => ro.rows.find((x) => x.id === id);
    out.push(
      `The same ${ro.n.toLocaleString('en')} execution names per label, the same seeded draws (Go's generator seeded with the name's FNV-1a hash, as FlyteAdmin seeds it) and the same weighted picks, by flytemc and by a Go program (bench/go-draws/main.go); checked before timing: both printed the same counts (${ro.counts.join('; ')}).`,
      '',
    );
    out.push('| | wall time (median) | p25 – p75 | peak RSS | runs |', '|---|---:|---:|---:|---:|');
    for (const m of ro.rows) out.push(`| ${m.label} | ${wall(m)} | ${spread(m)} | ${mib(m.rssMiB)} | ${m.ms.length} |`);
    out.push(
      '',
      'Target (issue 15):',
      ratioTarget('`flytemc routes`', med(get('routes-ours')), med(get('routes-go')), 1.5, 'Go making the same draws'),
      '  (a draw depends on the name only: flytemc makes one a name and uses it for every label, and so does the first Go row; the last row seeds a generator for every name of every label, as FlyteAdmin does once per execution, for information)',
      '',
    );
  }
}

function joinSection(j: Section<'join'>, out: string[]): void {
  out.push('## `flytemc join` against real clusters (harness)', '');
  if (j.skipped || !j.rows) {
    out.push(`Not measured: ${j.skipped}.`, '', 'Run `npm run bench -- --only join` once it is ready.', '');
  } else {
    out.push('| | wall time (median) | p25 – p75 | peak RSS | runs |', '|---|---:|---:|---:|---:|');
    for (const m of j.rows) out.push(`| ${m.label} | ${wall(m)} | ${spread(m)} | ${mib(m.rssMiB)} | ${m.ms.length} |`);
    const one = med(j.rows.find((m) => m.id === 'join-1'));
    const ten = med(j.rows.find((m) => m.id === 'join-10'));
    out.push('', `Joining 10 clusters takes ${(ten / one).toFixed(2)}x the time of joining one with the default --parallel.`);
    const tenAll = med(j.rows.find((m) => m.id === 'join-10-parallel-10'));
    if (!Number.isNaN(tenAll)) out.push(`  (${(tenAll / one).toFixed(2)}x with --parallel 10)`);
    out.push('');
  }
}

function proxySection(p: Section<'proxy'>, e: Results['env'], out: string[]): void {
  out.push('## The credential proxy: one request, straight or through `kubectl proxy` (harness)', '');
  if (p.skipped || !p.rows) out.push(`Not measured: ${p.skipped}.`, '', 'Run `npm run bench -- --only proxy` once it is ready.', '');
  else {
    out.push(
      `${p.date} · \`nproc\` ${e.nproc} · load average ${e.loadStart.map((l) => l.toFixed(1)).join('/')} at the start. The same GET of a Namespace from one real API server, ${p.requests} times each way, interleaved, over kept-alive connections: straight over TLS with a bearer token, and through kubectl 1.32's \`kubectl proxy\` on 127.0.0.1 with the kubeconfig the post-renderer writes (its exec plugin mints a TokenRequest token once, then client-go reuses it).`,
      '',
      '| | wall time (median) | p25 – p75 | p90 | requests |',
      '|---|---:|---:|---:|---:|',
    );
    for (const m of p.rows) out.push(`| ${m.label} | ${wall(m)} | ${spread(m)} | ${fmtMs(quantile(m.ms, 0.9))} | ${m.ms.length} |`);
    out.push('', `Added per request by the proxy (difference of the medians): ${fmtMs(p.addedMs!)}.`, '');
  }
}

/** The `## ` sections of a results page, by heading (the text before the first is the head). */
function sections(md: string): { head: string; parts: Array<{ title: string; text: string }> } {
  const [head, ...rest] = md.split(/\n(?=## )/);
  return { head: head!, parts: rest.map((text) => ({ title: text.split('\n')[0]!, text: text.replace(/\n*$/, '\n') })) };
}

/**
 * The committed copy of a run's results (docs/benchmarks.md shows and explains them). A run of
 * some sections (`partial`) replaces only those in it, and adds the ones it lacks; the others,
 * and the page's head with their run's date, stay as they were.
 */
export function publish(root: string, md: string, svg: string | undefined, partial = false): void {
  const head = '<!-- Written by `npm run bench -- --publish` (bench/run.ts); explained in docs/benchmarks.md. -->\n';
  const file = join(root, 'bench', 'RESULTS.md');
  let text = head + md.replace('](scale.svg)', '](RESULTS-scale.svg)');
  if (partial && existsSync(file)) {
    const old = sections(readFileSync(file, 'utf8'));
    const fresh = sections(md).parts;
    const parts = old.parts.map((p) => fresh.find((f) => f.title === p.title) ?? p);
    for (const f of fresh) if (!old.parts.some((p) => p.title === f.title)) parts.push(f);
    text = [old.head.replace(/\n*$/, '\n'), ...parts.map((p) => p.text)].join('\n');
  }
  writeFileSync(file, text);
  if (svg) writeFileSync(join(root, 'bench', 'RESULTS-scale.svg'), svg);
}
