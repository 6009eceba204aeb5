// The post-renderer as a KRM function (kpt, kustomize's function transformers): a ResourceList in, the items wired and the problems as `results` out.
import { FlytemcError, error, type Problem, whereOf } from '../problems/problems.ts';
import { redact } from '../problems/mask.ts';
import { postRender, type PostRenderResult } from './index.ts';
import { CONFIG_API_GROUP, CONFIG_KIND } from './find.ts';
import { parseStream, resourceId, type ResourceId } from './stream.ts';
import { dumpYaml, isYamlError } from '../yaml/dialect.ts';
import { segments } from '../yaml/json-pointer.ts';
import type { FoundConfig } from '../config/types.ts';
import { STREAM_INPUT } from '../yaml/limits.ts';
import { parseUntrusted } from '../yaml/input.ts';
import { isObject } from '../yaml/data.ts';

// Loaded only for --krm and flytemc-krm (dist/flytemc-krm.mjs), so the post-renderer's own start-up does not pay for it.
const RESOURCE_LIST = 'ResourceList';
const PATH_ANNOTATIONS = ['internal.config.kubernetes.io/path', 'config.kubernetes.io/path'];
const INDEX_ANNOTATIONS = ['internal.config.kubernetes.io/index', 'config.kubernetes.io/index'];

interface KrmResultEntry {
  message: string;
  severity: 'error' | 'warning' | 'info';
  resourceRef?: ResourceId;
  field?: { path: string };
  file?: { path: string; index?: number };
}

type Item = Record<string, unknown>;

const annotation = (item: unknown, keys: string[]): string | undefined => {
  const a = isObject(item) && isObject(item.metadata) && isObject(item.metadata.annotations) ? item.metadata.annotations : {};
  for (const k of keys) if (typeof a[k] === 'string') return a[k] as string;
  return undefined;
};

/** A JSON pointer as the spec's field path: `spec.template.spec.containers[3].name`. */
function fieldPath(pointer: string): string {
  let out = '';
  for (const s of segments(pointer)) {
    if (/^\d+$/.test(s)) out += `[${s}]`;
    else if (/^[A-Za-z_][-A-Za-z0-9_]*$/.test(s)) out += (out ? '.' : '') + s;
    else out += `[${JSON.stringify(s)}]`;
  }
  return out;
}

interface Context {
  items: Item[];
  /** The item whose document starts at a stream line (a problem's streamLine). */
  itemAtLine: Map<number, number>;
  configLabel?: string;
  configRef?: ResourceId;
}

const textOf = (p: Problem) => (p.fix ? `${p.message} (fix: ${p.fix})` : p.message);

/** One problem as a result: which item (resourceRef, file) and field it is about, from its fields. */
function resultOf(p: Problem, ctx: Context): KrmResultEntry {
  const r: KrmResultEntry = { message: redact(textOf(p)), severity: p.severity };
  if (ctx.configLabel && ctx.configRef && (p.file === ctx.configLabel || p.subject === ctx.configLabel)) {
    r.resourceRef = ctx.configRef;
    if (p.pointer?.startsWith('/')) r.field = { path: fieldPath(p.pointer) };
    return r;
  }
  const index = p.streamLine === undefined ? undefined : ctx.itemAtLine.get(p.streamLine);
  const item = index === undefined ? undefined : ctx.items[index];
  const ref = item ? resourceId(item) : undefined;
  if (!ref) {
    r.message = redact(`${whereOf(p)}: ${r.message}`);
    return r;
  }
  r.resourceRef = ref;
  // a pointer is a field of the item only when the problem is about the object itself, not a file inside it
  if (p.object !== undefined && p.pointer?.startsWith('/')) r.field = { path: fieldPath(p.pointer) };
  const path = annotation(item, PATH_ANNOTATIONS);
  if (path) {
    const i = Number(annotation(item, INDEX_ANNOTATIONS) ?? 0);
    r.file = { path, ...(Number.isInteger(i) && i > 0 ? { index: i } : {}) };
  }
  return r;
}

interface KrmOutcome {
  output: string;
  results: KrmResultEntry[];
  /** Non-zero when a result is an error. */
  exitCode: number;
}

const LIST_VERSION = 'config.kubernetes.io/v1';
const LABEL = 'the ResourceList';

/** A problem that no item is about, as a result: its location goes into the message. */
const plainResult = (p: Problem): KrmResultEntry => ({ message: redact(`${whereOf(p)}: ${textOf(p)}`), severity: p.severity });

interface ResourceList {
  apiVersion: string;
  items: Item[];
  functionConfig: unknown;
}

/** The ResourceList of the input, or the problems that make it none (with its items when they were read). */
function readList(input: string): ResourceList | { problems: Problem[]; apiVersion?: string; items?: unknown[] } {
  let list: unknown;
  try {
    list = parseUntrusted(input, LABEL, STREAM_INPUT);
  } catch (e) {
    if (e instanceof FlytemcError) return { problems: e.problems };
    if (!isYamlError(e)) throw e;
    const at = { code: 'krm.yaml', subject: e.mark ? `${LABEL}: line ${e.mark.line + 1}` : LABEL };
    return { problems: [error(at, `invalid YAML: ${e.reason}`, 'give a ResourceList (config.kubernetes.io/v1) as YAML or JSON')] };
  }
  if (!isObject(list) || list.kind !== RESOURCE_LIST || !Array.isArray(list.items)) {
    return {
      problems: [
        error(
          { code: 'krm.not-a-list', subject: LABEL },
          `the input is not a ResourceList with items (kind ${JSON.stringify(isObject(list) ? list.kind : typeof list)})`,
          'run this as a KRM function (kpt fn, kustomize transformers), or use flytemc-post-renderer without --krm for a Helm stream',
        ),
      ],
    };
  }
  const apiVersion = typeof list.apiVersion === 'string' ? list.apiVersion : LIST_VERSION;
  const items = list.items as unknown[];
  const bad = items.findIndex((i) => !isObject(i));
  if (bad >= 0)
    return { problems: [error({ code: 'krm.item', subject: `${LABEL} /items/${bad}` }, 'an item is not a Kubernetes object (a mapping)')], apiVersion, items };
  return { apiVersion, items: items as Item[], functionConfig: list.functionConfig };
}

/** The config from the functionConfig (a MultiClusterConfig; none: the items hold it, as for the post-renderer), or the problem with a foreign one. */
function configOf(fc: unknown, ctx: Context): { config?: FoundConfig; problem?: Problem } {
  if (fc === undefined || fc === null) return {};
  const id = resourceId(fc);
  if (!isObject(fc) || fc.kind !== CONFIG_KIND || !String(fc.apiVersion ?? '').startsWith(`${CONFIG_API_GROUP}/`)) {
    return {
      problem: error(
        { code: 'krm.function-config', subject: `functionConfig${id ? ` ${id.kind}/${id.name}` : ''}` },
        `the functionConfig must be a ${CONFIG_KIND} (apiVersion ${CONFIG_API_GROUP}/v1alpha1) whose spec is the chart's \`multicluster\` block`,
        `use the ${CONFIG_KIND} document the flyte-multicluster chart renders (helm template ... -f values-controlplane.yaml --show-only templates/multiclusterconfig.yaml)`,
      ),
    };
  }
  ctx.configLabel = `functionConfig ${CONFIG_KIND}/${id?.name ?? '?'}`;
  if (id) ctx.configRef = id;
  return { config: { source: { label: ctx.configLabel, base: '/spec' }, form: 'multicluster', raw: fc.spec ?? null } };
}

/** The items as a Helm stream, one document each headed `# Source: <file of the item>`, and the item at each document's first line. */
function streamOf(items: Item[]): { stream: string; itemAtLine: Map<number, number> } {
  let stream = '';
  let line = 1;
  const itemAtLine = new Map<number, number>();
  items.forEach((item, i) => {
    const body = dumpYaml(item);
    stream += `---\n# Source: ${annotation(item, PATH_ANNOTATIONS) ?? `items[${i}]`}\n${body}`;
    itemAtLine.set(line + 2, i);
    line += 2 + body.split('\n').length - 1;
  });
  return { stream, itemAtLine };
}

/**
 * The function: a ResourceList's text in (YAML or JSON; functionConfig a MultiClusterConfig whose spec
 * is the chart's `multicluster` block), the ResourceList's text out in the same format; on an error
 * result (exit 1) the items go back unchanged. The items go through the post-renderer's own
 * pipeline as a stream; a problem's streamLine finds its item again (resultOf).
 */
export function krm(input: string): KrmOutcome {
  const json = input.trimStart().startsWith('{');
  const emit = (apiVersion: string, items: unknown[], results: KrmResultEntry[]): KrmOutcome => {
    const list = { apiVersion, kind: RESOURCE_LIST, items };
    const out = results.length ? { ...list, results } : list;
    const exitCode = results.some((r) => r.severity === 'error') ? 1 : 0;
    return { output: json ? JSON.stringify(out, null, 2) + '\n' : dumpYaml(out), results, exitCode };
  };
  const read = readList(input);
  if ('problems' in read) return emit(read.apiVersion ?? LIST_VERSION, read.items ?? [], read.problems.map(plainResult));
  const { apiVersion, items } = read;
  const { stream, itemAtLine } = streamOf(items);
  const ctx: Context = { items, itemAtLine };
  const { config, problem } = configOf(read.functionConfig, ctx);
  if (problem) return emit(apiVersion, items, [plainResult(problem)]);
  let result: PostRenderResult;
  try {
    result = postRender(stream, config ? { config } : {});
  } catch (e) {
    if (!(e instanceof FlytemcError)) throw e;
    return emit(
      apiVersion,
      items,
      e.problems.map((p) => resultOf(p, ctx)),
    );
  }
  const wired = parseStream(result.output)
    .map((d) => d.value)
    .filter(isObject);
  return emit(
    apiVersion,
    wired,
    result.warnings.map((p) => resultOf(p, ctx)),
  );
}
