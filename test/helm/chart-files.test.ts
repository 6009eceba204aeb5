// plugin/helm/chart-files.ts: the shipped chart's folder, role and cloud files, Chart.yaml and the flyte-core archive it declares.
import { test } from '../helpers/uvu.ts';
import * as assert from 'uvu/assert';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chartYaml, cloudFile, coreChart, declaresFlyteCore, roleFiles, shippedChart } from '../../plugin/helm/chart-files.ts';
import { EXIT, FlytemcError } from '../../plugin/problems/problems.ts';
import { FLYTE_CORE_TGZ, ROOT } from '../../scripts/shared.mjs';
import { MAX_CONFIG_BYTES } from '../../plugin/yaml/limits.ts';

const dir = mkdtempSync(join(tmpdir(), 'flytemc-chart-files-'));
test.after(() => rmSync(dir, { recursive: true, force: true }));
const CHART = shippedChart(ROOT);

/** A chart folder with this Chart.yaml text (none when undefined) and these files in charts/. */
function chart(name: string, chartYamlText: string | undefined, archives: string[] = []): string {
  const c = join(dir, name);
  mkdirSync(c, { recursive: true });
  if (chartYamlText !== undefined) writeFileSync(join(c, 'Chart.yaml'), chartYamlText);
  if (archives.length) mkdirSync(join(c, 'charts'));
  for (const a of archives) writeFileSync(join(c, 'charts', a), '');
  return c;
}

const refusal = (fn: () => unknown): FlytemcError => {
  try {
    fn();
  } catch (e) {
    assert.instance(e, FlytemcError);
    return e as FlytemcError;
  }
  throw new Error('not refused');
};

test("shippedChart, cloudFile, roleFiles: the plugin's chart and its values files, cloud overlay first, all of them there", () => {
  assert.is(CHART, join(ROOT, 'charts', 'flyte-multicluster'));
  assert.is(cloudFile(CHART, 'eks'), join(CHART, 'values-eks.yaml'));
  assert.equal(roleFiles(CHART, 'control-plane'), [join(CHART, 'values-controlplane.yaml')]);
  assert.equal(roleFiles(CHART, 'data-plane'), [join(CHART, 'values-dataplane.yaml')]);
  assert.equal(roleFiles(CHART, 'data-plane', 'gcp'), [join(CHART, 'values-gcp.yaml'), join(CHART, 'values-dataplane.yaml')]);
  assert.equal(roleFiles(CHART, 'control-plane', 'eks'), [join(CHART, 'values-eks.yaml'), join(CHART, 'values-controlplane.yaml')]);
  for (const role of ['control-plane', 'data-plane'] as const) {
    for (const cloud of ['eks', 'gcp'] as const) {
      for (const f of roleFiles(CHART, role, cloud)) assert.ok(existsSync(f), f);
    }
  }
});

test("chartYaml: the shipped chart's Chart.yaml declares flyte-core; an empty file holds nothing; no Chart.yaml refused (exit 2)", () => {
  const meta = chartYaml(CHART);
  assert.is(meta?.name, 'flyte-multicluster');
  assert.ok(declaresFlyteCore(meta));
  assert.not.ok(chartYaml(chart('empty', '')), 'an empty Chart.yaml holds nothing');
  const none = refusal(() => chartYaml(chart('none', undefined)));
  assert.is(none.exitCode, EXIT.usage);
  assert.equal(
    { ...none.problems[0] },
    {
      severity: 'error',
      code: 'helm.chart',
      subject: join(dir, 'none'),
      message: 'no chart there',
      fix: 'pass --chart PATH to a flyte-multicluster chart folder',
    },
  );
});

test('chartYaml: Chart.yaml is read as untrusted input: a file past the size limit refused, invalid YAML not taken as a chart', () => {
  const big = refusal(() => chartYaml(chart('big', `a: "${'x'.repeat(MAX_CONFIG_BYTES)}"\n`)));
  assert.ok(big.problems.length > 0);
  const broken = chart('broken', 'name: [unclosed\n');
  try {
    chartYaml(broken);
    assert.unreachable('invalid Chart.yaml accepted');
  } catch (e) {
    assert.instance(e, FlytemcError);
    const p = (e as FlytemcError).problems[0]!;
    assert.equal([p.code, p.file, p.line, (e as FlytemcError).exitCode], ['helm.chart-yaml', join(broken, 'Chart.yaml'), 2, EXIT.invalid]);
    assert.match(p.message, /^invalid YAML: unexpected end of the stream/);
  }
});

test('declaresFlyteCore: only a dependency named flyte-core', () => {
  assert.not.ok(declaresFlyteCore(null));
  assert.not.ok(declaresFlyteCore({}));
  assert.not.ok(declaresFlyteCore({ dependencies: [] }));
  assert.not.ok(declaresFlyteCore({ dependencies: [{ name: 'flyte-binary' }] }));
  assert.ok(declaresFlyteCore({ dependencies: [{ name: 'x' }, { name: 'flyte-core' }] }));
});

test("coreChart: Chart.yaml's flyte-core entry and its archive in charts/", () => {
  const text = readFileSync(join(CHART, 'Chart.yaml'), 'utf8');
  const c = chart('real', text);
  mkdirSync(join(c, 'charts'));
  copyFileSync(FLYTE_CORE_TGZ, join(c, 'charts', 'flyte-core-v1.16.8.tgz'));
  writeFileSync(join(c, 'charts', 'flyte-core-v1.16.7.tgz'), '');
  assert.equal(coreChart(c), {
    name: 'flyte-core',
    version: 'v1.16.8',
    repository: 'https://flyteorg.github.io/flyte',
    archive: join(c, 'charts', 'flyte-core-v1.16.8.tgz'),
  });
  // Chart.yaml already read is not read again
  const meta = { dependencies: [{ name: 'flyte-core', version: 'v1.16.7', repository: 'https://example.com' }] };
  assert.is(coreChart(c, meta).archive, join(c, 'charts', 'flyte-core-v1.16.7.tgz'));
});

test('coreChart: no flyte-core entry with a version and a repository refused (exit 2) with the Chart.yaml', () => {
  const metas = [
    null,
    {},
    { dependencies: [{ name: 'flyte-binary', version: '1', repository: 'r' }] },
    { dependencies: [{ name: 'flyte-core', repository: 'r' }] },
    { dependencies: [{ name: 'flyte-core', version: '1' }] },
  ];
  const c = chart('no-dep', 'name: x\n');
  for (const meta of metas) {
    const e = refusal(() => coreChart(c, meta));
    assert.is(e.exitCode, EXIT.usage);
    assert.equal(
      { ...e.problems[0] },
      {
        severity: 'error',
        code: 'helm.chart',
        file: join(c, 'Chart.yaml'),
        message: 'declares no flyte-core dependency with a version and repository',
        fix: 'pass --chart PATH to a flyte-multicluster chart folder',
      },
    );
  }
  assert.is(refusal(() => coreChart(c)).problems[0]!.code, 'helm.chart', 'read from the folder when no Chart.yaml is given');
});

test('coreChart: the archive missing (no charts/ folder, or another version in it) refused (exit 1) with how to get it', () => {
  const yaml = 'dependencies:\n  - name: flyte-core\n    version: v1.16.8\n    repository: https://flyteorg.github.io/flyte\n';
  for (const [name, archives] of [
    ['no-charts', []],
    ['other-version', ['flyte-core-v1.16.7.tgz', 'flyte-core-v1.16.8.tgz.part']],
  ] as const) {
    const c = chart(name, yaml, [...archives]);
    const e = refusal(() => coreChart(c));
    assert.is(e.exitCode, EXIT.invalid);
    assert.equal(
      { ...e.problems[0] },
      {
        severity: 'error',
        code: 'helm.dependency',
        subject: join(c, 'charts'),
        message: 'the flyte-core dependency (flyte-core-v1.16.8.tgz) is not there',
        fix: `run \`helm dependency build ${c}\` once (needs https://flyteorg.github.io/flyte), or install a release tarball of flytemc, which ships it`,
      },
    );
  }
});

test.run();
