// `flytemc export`'s render: the control plane as `install control-plane` renders it, through the post-renderer's pipeline.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, relative } from 'node:path';
import { readValuesFiles } from '../config/from-values.ts';
import { DEFAULT_CREDENTIALS } from '../config/types.ts';
import { FlytemcError, error, EXIT } from '../problems/problems.ts';
import { postRender, type PostRenderResult } from '../postrender/index.ts';
import { parseStream, resourceId } from '../postrender/stream.ts';
import { dumpYaml } from '../yaml/dialect.ts';
import { chartYaml, coreChart, roleFiles, type Cloud, type CoreChart } from '../helm/chart-files.ts';
import type { HelmInfo } from '../helm/helm.ts';
import { createHash } from 'node:crypto';
import { canonical, isObject } from '../yaml/data.ts';

interface ExportInput {
  helm: HelmInfo;
  /** The flyte-multicluster chart folder. */
  chart: string;
  release: string;
  namespace: string;
  cloud?: Cloud;
  /** The user's values files, in order (after the chart's role and cloud files). */
  values: string[];
  /** Helm's --api-versions and --kube-version, passed on to kustomize's helmCharts too. */
  apiVersions: string[];
  kubeVersion?: string;
}

interface ValuesInput {
  /** As the header shows it: chart files relative to the chart's parent, the user's as given. */
  label: string;
  sha256: string;
}

export interface Rendered {
  input: ExportInput;
  core: CoreChart;
  /** The chart's name and version (flyte-multicluster 0.1.0). */
  chartId: string;
  inputs: ValuesInput[];
  /** Helm's output before the post-renderer. */
  stream: string;
  /** The post-renderer's result: the wired manifests, its warnings, its patches per object. */
  result: PostRenderResult;
  /** flyte-core's values: the `flyte-core` block (and `global`) of the merged values files. */
  coreValues: Record<string, unknown>;
  /** The credentials Secret the control plane mounts. */
  secretName: string;
}

function helmTemplate(helm: HelmInfo, args: string[], what: string): string {
  const r = spawnSync(helm.bin, ['template', ...args], { encoding: 'utf8', maxBuffer: 512 * 1024 * 1024, env: process.env });
  if (r.error)
    throw new FlytemcError(
      [
        error(
          { code: 'helm.missing', subject: helm.bin },
          `cannot run Helm (${r.error.message})`,
          'install Helm 3.17+ or 4, or run this as `helm flytemc export ...`',
        ),
      ],
      EXIT.usage,
    );
  if (r.status !== 0) {
    // Helm's own refusal (values.schema.json, the chart's checks): its words, as `install` shows them
    throw new FlytemcError([
      error(
        { code: 'export.helm-template', subject: what },
        `helm template failed:\n${(r.stderr || '').trim()}`,
        'fix the values as Helm says; `helm flytemc install control-plane --template` shows the same',
      ),
    ]);
  }
  return r.stdout;
}

/** `Kind/name` of every object that differs between two renders (missing on one side or not equal as data). */
function differences(a: string, b: string, skip: (v: unknown) => boolean): string[] {
  const index = (text: string) => {
    const m = new Map<string, string>();
    for (const d of parseStream(text)) {
      const id = resourceId(d.value);
      if (!id || skip(d.value)) continue;
      m.set(`${id.apiVersion} ${id.kind} ${id.namespace ?? ''}/${id.name}`, JSON.stringify(canonical(d.value)));
    }
    return m;
  };
  const x = index(a);
  const y = index(b);
  const out: string[] = [];
  for (const [k, v] of x) if (y.get(k) !== v) out.push(`${k}${y.has(k) ? ' differs' : ' is missing'}`);
  for (const k of y.keys()) if (!x.has(k)) out.push(`${k} is extra`);
  return out;
}

/**
 * Renders with real Helm and runs the post-renderer's own pipeline, so the export refuses what the
 * post-renderer refuses in its words; flyte-core's own values (what GitOps tools give it) are proved
 * by rendering flyte-core alone with them and finding the same objects.
 */
export function renderControlPlane(input: ExportInput): Rendered {
  const { helm, chart, release, namespace } = input;
  const meta = chartYaml(chart);
  const core = coreChart(chart, meta);
  const files = [...roleFiles(chart, 'control-plane', input.cloud), ...input.values];
  const capabilities = [...input.apiVersions.flatMap((a) => ['--api-versions', a]), ...(input.kubeVersion ? ['--kube-version', input.kubeVersion] : [])];

  // 1. what `helm flytemc install control-plane` renders, and the post-renderer on it
  const stream = helmTemplate(
    helm,
    [release, chart, '--namespace', namespace, ...files.flatMap((f) => ['-f', f]), ...capabilities],
    `the control plane (chart ${chart})`,
  );
  const result = postRender(stream);

  // 2. flyte-core's values: Helm's merge of the same files (maps deeply, later files win, lists
  //    replaced), then the subchart's block, as Helm hands it to flyte-core
  const read = readValuesFiles(files);
  const merged = read.merged;
  const m = isObject(merged) ? merged : {};
  const coreValues: Record<string, unknown> = { ...(isObject(m['flyte-core']) ? m['flyte-core'] : {}) };
  if (isObject(m.global)) coreValues.global = m.global;
  const mc = isObject(m.multicluster) ? m.multicluster : {};
  const secretName = isObject(mc.credentials) && typeof mc.credentials.secretName === 'string' ? mc.credentials.secretName : DEFAULT_CREDENTIALS.secretName;

  // 3. proof: flyte-core alone with those values renders the very objects the chart did
  const tmp = mkdtempSync(join(tmpdir(), 'flytemc-export-'));
  try {
    const valuesFile = join(tmp, 'values.yaml');
    writeFileSync(valuesFile, dumpYaml(coreValues), { mode: 0o600 });
    const alone = helmTemplate(
      helm,
      [release, core.archive, '--namespace', namespace, '-f', valuesFile, ...capabilities],
      `flyte-core ${core.version} with the exported values`,
    );
    const consumed = (v: unknown) => isObject(v) && typeof v.apiVersion === 'string' && v.apiVersion.startsWith('flytemc.io/');
    const diff = differences(stream, alone, consumed);
    if (diff.length) {
      throw new FlytemcError(
        [
          error(
            { code: 'export.differs', subject: 'flytemc export' },
            `flyte-core ${core.version} rendered alone with the exported values does not give the chart's objects: ${diff.slice(0, 5).join('; ')}${diff.length > 5 ? `; and ${diff.length - 5} more` : ''}`,
            'this is a bug in flytemc; report it with your values files',
          ),
        ],
        EXIT.internal,
      );
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }

  const inChart = (f: string) => !relative(chart, f).startsWith('..');
  return {
    input,
    core,
    chartId: `${meta?.name ?? basename(chart)} ${meta?.version ?? ''}`.trim(),
    inputs: files.map((f, i) => ({
      label: inChart(f) ? `${basename(chart)}/${relative(chart, f)}` : f,
      sha256: createHash('sha256').update(read.files[i]!.text).digest('hex'),
    })),
    stream,
    result,
    coreValues,
    secretName,
  };
}

/** Where a pointer of a patched object points in the stream as Helm rendered it (before the patches). */
export function originals(stream: string): (target: { kind: string; name: string; namespace?: string }) => unknown {
  const byId = new Map<string, unknown>();
  for (const d of parseStream(stream)) {
    const id = resourceId(d.value);
    if (id) byId.set(`${id.kind}\u0000${id.namespace ?? ''}\u0000${id.name}`, d.value);
  }
  return (t) => byId.get(`${t.kind}\u0000${t.namespace ?? ''}\u0000${t.name}`);
}
