// The flyte-multicluster chart: where it ships, its values files per role and cloud, Chart.yaml and its flyte-core archive.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { FILE_INPUT } from '../yaml/limits.ts';
import { EXIT, FlytemcError, error } from '../problems/problems.ts';
import { readText } from '../cli/stdio.ts';
import { parseUntrusted } from '../yaml/input.ts';
import { isYamlError } from '../yaml/dialect.ts';

const CHART_NAME = 'flyte-multicluster';
export type Role = 'control-plane' | 'data-plane';
export type Cloud = 'eks' | 'gcp';

/** The chart shipped in the plugin's folder (`root`: see helm.ts pluginRoot). */
export const shippedChart = (root: string): string => join(root, 'charts', CHART_NAME);

/** The chart's overlay for a cloud: values-eks.yaml, values-gcp.yaml. */
export const cloudFile = (chart: string, cloud: Cloud): string => join(chart, `values-${cloud}.yaml`);

/** The chart's own values files for a role, in Helm's order: the cloud overlay first, then the role file. */
export function roleFiles(chart: string, role: Role, cloud?: Cloud): string[] {
  return [...(cloud ? [cloudFile(chart, cloud)] : []), join(chart, role === 'control-plane' ? 'values-controlplane.yaml' : 'values-dataplane.yaml')];
}

interface ChartYaml {
  name?: string;
  version?: string;
  dependencies?: Array<{ name?: string; version?: string; repository?: string }>;
}

/** The chart's Chart.yaml (a file of the user's with --chart); refused when there is none. */
export function chartYaml(chart: string): ChartYaml | null {
  const path = join(chart, 'Chart.yaml');
  if (!existsSync(path))
    throw new FlytemcError([error({ code: 'helm.chart', subject: chart }, 'no chart there', `pass --chart PATH to a ${CHART_NAME} chart folder`)], EXIT.usage);
  try {
    return parseUntrusted(readText(path), path, FILE_INPUT, path) as ChartYaml | null;
  } catch (e) {
    if (!isYamlError(e)) throw e;
    const at = { code: 'helm.chart-yaml', file: path, ...(e.mark ? { line: e.mark.line + 1 } : {}) };
    throw new FlytemcError([error(at, `invalid YAML: ${e.reason}`, 'fix Chart.yaml, or pass --chart PATH to another chart folder')]);
  }
}

/** flyte-core as the chart declares it, and the archive Helm renders. */
export interface CoreChart {
  name: string;
  version: string;
  repository: string;
  archive: string;
}

export const declaresFlyteCore = (meta: ChartYaml | null): boolean => !!meta?.dependencies?.some((d) => d.name === 'flyte-core');

/** The flyte-core dependency of the chart: Chart.yaml's entry and the archive in charts/ (refused when it is not there). */
export function coreChart(chart: string, meta = chartYaml(chart)): CoreChart {
  const dep = meta?.dependencies?.find((d) => d.name === 'flyte-core');
  if (!dep?.version || !dep.repository)
    throw new FlytemcError(
      [
        error(
          { code: 'helm.chart', file: join(chart, 'Chart.yaml') },
          'declares no flyte-core dependency with a version and repository',
          `pass --chart PATH to a ${CHART_NAME} chart folder`,
        ),
      ],
      EXIT.usage,
    );
  const dir = join(chart, 'charts');
  const file = existsSync(dir) ? readdirSync(dir).find((f) => f === `flyte-core-${dep.version}.tgz`) : undefined;
  if (!file) {
    throw new FlytemcError([
      error(
        { code: 'helm.dependency', subject: dir },
        `the flyte-core dependency (flyte-core-${dep.version}.tgz) is not there`,
        `run \`helm dependency build ${chart}\` once (needs ${dep.repository}), or install a release tarball of flytemc, which ships it`,
      ),
    ]);
  }
  return { name: 'flyte-core', version: dep.version, repository: dep.repository, archive: join(dir, file) };
}
