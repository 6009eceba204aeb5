// Values files read and merged as Helm does, and the multi-cluster config found in either shape (the chart's block or flyte-core's).
import { existsSync } from 'node:fs';
import { FILE_INPUT } from '../yaml/limits.ts';
import { readText, sourceLabel } from '../cli/stdio.ts';
import { FlytemcError, error, type Problem } from '../problems/problems.ts';
import { parseUntrusted } from '../yaml/input.ts';
import { isYamlError } from '../yaml/dialect.ts';
import { secretProblems } from './secret-check.ts';
import type { ConfigSource, FoundConfig } from './types.ts';
import { coded, where } from './where.ts';
import { isObject } from '../yaml/data.ts';

/** Helm's merge of several values files: maps merge deeply, later files win, lists are replaced. */
function mergeValues(base: unknown, over: unknown): unknown {
  if (isObject(base) && isObject(over)) {
    const out: Record<string, unknown> = { ...base };
    for (const [k, v] of Object.entries(over)) out[k] = k in base ? mergeValues(base[k], v) : v;
    return out;
  }
  return over === undefined ? base : over;
}

export interface ValuesFile {
  /** The path as given (`-`: standard input). */
  file: string;
  /** The path as messages show it. */
  label: string;
  text: string;
  values: unknown;
}

/** The code of a values file without a multi-cluster config (a cloud overlay, the shared values). */
export const NO_CONFIG = 'config.none';

/** Values files read, parsed and merged in order, as `helm -f A -f B` merges them. */
export function readValuesFiles(files: string[]): { files: ValuesFile[]; merged: unknown } {
  const read = files.map((file) => {
    const text = readText(file);
    const label = sourceLabel(file);
    return { file, label, text, values: parseValuesFile(label, text) };
  });
  let merged: unknown = {};
  for (const f of read) merged = mergeValues(merged, f.values ?? {});
  return { files: read, merged };
}

/** A values file's values, or undefined when there is no such file (yet). */
export function readValuesFileIfPresent(path: string): unknown {
  return existsSync(path) ? parseValuesFile(path, readText(path)) : undefined;
}

/** A values file's text as values, within the limits of a file (yaml/input.ts); invalid YAML as `file:line` and a fix. */
export function parseValuesFile(path: string, text: string): unknown {
  try {
    return parseUntrusted(text, path, FILE_INPUT, path);
  } catch (e) {
    if (!isYamlError(e)) throw e;
    const line = e.mark ? e.mark.line + 1 : undefined;
    const src = line !== undefined ? (text.split(/\r?\n/)[line - 1] ?? '') : '';
    const placeholder = /\{\{/.test(src);
    throw new FlytemcError([
      error(
        { code: 'values.yaml', file: path, ...(line !== undefined ? { line } : {}) },
        `invalid YAML: ${e.reason}`,
        placeholder
          ? 'an unquoted `{{ ... }}` placeholder from the upstream guide is not YAML: write the real value, e.g. endpoint: "https://203.0.113.10:6443"'
          : 'fix the YAML syntax at that line (indentation, a missing `:` or an unclosed quote)',
      ),
    ]);
  }
}

/** Misplaced FlyteAdmin keys right under `configmap` (upstream guide, defect 8). */
function misplaced(configmap: Record<string, unknown>, source: ConfigSource, base: string): Problem[] {
  return ['clusterConfigs', 'labelClusterMap', 'defaultExecutionLabel']
    .filter((k) => k in configmap)
    .map((k) =>
      error(
        coded('config.misplaced', where(source, `${base}/${k}`)),
        `\`${k}\` sits directly under \`configmap\`; flyte-core only reads it from \`configmap.clusters\`, so FlyteAdmin never sees it`,
        `move it one level down, under \`configmap.clusters.${k}\``,
      ),
    );
}

/** Refuses what is not a values file: nothing, not a mapping, a Kubernetes manifest (a Secret checked as one too). */
function valuesOrRefuse(path: string, values: unknown, source: ConfigSource): Record<string, unknown> {
  if (values === null || values === undefined) {
    throw new FlytemcError([
      error({ code: 'values.empty', file: path }, 'the file is empty', 'give a values file with a `multicluster:` block (see docs/configuration.md)'),
    ]);
  }
  if (!isObject(values)) {
    throw new FlytemcError([
      error(
        { code: 'values.not-mapping', file: path, line: 1 },
        `the file must be a YAML mapping of Helm values, not ${Array.isArray(values) ? 'a list' : typeof values}`,
        'start it with `multicluster:` (see docs/configuration.md)',
      ),
    ]);
  }
  if (typeof values.apiVersion === 'string' && typeof values.kind === 'string') {
    const ps = values.kind === 'Secret' ? secretProblems(values, (p) => where(source, p)) : [];
    ps.push(
      error(
        { code: 'values.manifest', file: path, line: 1 },
        `this is a Kubernetes ${values.kind} manifest, not a Helm values file`,
        'pass the values file that has the `multicluster:` block; the credentials Secret is written by `flytemc join`',
      ),
    );
    throw new FlytemcError(ps);
  }
  return values;
}

/** flyte-core's `configmap.clusters` (top level, or under `flyte-core:`: the last one wins), with FlyteAdmin's volumes and mounts. */
function flyteCoreForm(values: Record<string, unknown>, source: ConfigSource, problems: Problem[]): FoundConfig | undefined {
  const candidates: Array<{ base: string; v: Record<string, unknown> }> = [{ base: '', v: values }];
  if (isObject(values['flyte-core'])) candidates.push({ base: '/flyte-core', v: values['flyte-core'] });
  let core: FoundConfig | undefined;
  for (const { base, v } of candidates) {
    const cm = v.configmap;
    if (!isObject(cm)) continue;
    const wrong = misplaced(cm, source, `${base}/configmap`);
    problems.push(...wrong);
    // keys in the wrong place (upstream guide, defect 8) are still checked where they are, so
    // that one run shows every other problem they carry too
    const raw =
      cm.clusters !== undefined
        ? cm.clusters
        : wrong.length
          ? Object.fromEntries(['clusterConfigs', 'labelClusterMap', 'defaultExecutionLabel'].filter((k) => k in cm).map((k) => [k, cm[k]]))
          : undefined;
    if (raw === undefined) continue;
    const admin = isObject(v.flyteadmin) ? v.flyteadmin : {};
    core = {
      source: { ...source, base: cm.clusters !== undefined ? `${base}/configmap/clusters` : `${base}/configmap` },
      form: 'flyte-core',
      raw,
      volumes: { value: admin.additionalVolumes ?? [], where: (p) => where(source, `${base}/flyteadmin/additionalVolumes${p}`) },
      mounts: { value: admin.additionalVolumeMounts ?? [], where: (p) => where(source, `${base}/flyteadmin/additionalVolumeMounts${p}`) },
    };
  }
  return core;
}

export function configFromValues(path: string, text: string, given: unknown = parseValuesFile(path, text)): FoundConfig {
  const source: ConfigSource = { label: path, text, base: '' };
  const values = valuesOrRefuse(path, given, source);
  const problems: Problem[] = [];
  const core = flyteCoreForm(values, source, problems);
  const hasBlock = 'multicluster' in values;
  if (hasBlock && core) {
    throw new FlytemcError([
      ...problems,
      error(
        coded('config.both-forms', where(source, '/multicluster')),
        "the file sets both `multicluster` and flyte-core's `configmap.clusters`; only one may say where the clusters are",
        'keep `multicluster.clusters` (the flyte-multicluster chart) and remove `configmap.clusters`',
      ),
    ]);
  }
  if (hasBlock) {
    return { source: { ...source, base: '/multicluster' }, form: 'multicluster', raw: values.multicluster, ...(problems.length ? { problems } : {}) };
  }
  if (core) return problems.length ? { ...core, problems } : core;
  throw new FlytemcError([
    error(
      { code: NO_CONFIG, file: path },
      "no multi-cluster config: the file has neither `multicluster.clusters` nor flyte-core's `configmap.clusters`",
      'add a `multicluster:` block with `clusters.clusterConfigs` (see docs/configuration.md), or let `flytemc join` write it',
    ),
  ]);
}
