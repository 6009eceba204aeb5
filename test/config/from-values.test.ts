// plugin/config/from-values.ts: values files read and merged as Helm does, and the multi-cluster config found in either shape.
import { test } from '../helpers/uvu.ts';
import * as assert from 'uvu/assert';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NO_CONFIG, configFromValues, parseValuesFile, readValuesFileIfPresent, readValuesFiles } from '../../plugin/config/from-values.ts';
import { FlytemcError, type Problem } from '../../plugin/problems/problems.ts';

const dir = mkdtempSync(join(tmpdir(), 'flytemc-from-values-'));
const file = (name: string, text: string) => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};

/** The problems `f` throws as a FlytemcError. */
function refused(f: () => unknown): Problem[] {
  try {
    f();
  } catch (e) {
    if (e instanceof FlytemcError) return e.problems;
    throw e;
  }
  throw new Error('not refused');
}

test('several files merge as `helm -f A -f B` does: maps deeply, later wins, lists replaced, empty files ignored', () => {
  const a = file('a.yaml', 'x: {a: 1, b: [1, 2]}\nkeep: 1\n');
  const b = file('b.yaml', 'x: {b: [3], c: 2}\nnew: 1\n');
  const empty = file('empty.yaml', '');
  const r = readValuesFiles([a, empty, b]);
  assert.equal(r.merged, { x: { a: 1, b: [3], c: 2 }, keep: 1, new: 1 });
  assert.equal(
    r.files.map((f) => [f.file, f.values]),
    [
      [a, { x: { a: 1, b: [1, 2] }, keep: 1 }],
      [empty, undefined],
      [b, { x: { b: [3], c: 2 }, new: 1 }],
    ],
  );
  assert.equal(readValuesFiles([file('s.yaml', 'x: 1\n'), file('t.yaml', 'x: {a: 1}\n')]).merged, { x: { a: 1 } });
});

test('a file that is not there yet reads as undefined', () => {
  assert.is(readValuesFileIfPresent(join(dir, 'missing.yaml')), undefined);
  assert.equal(readValuesFileIfPresent(file('here.yaml', 'a: 1\n')), { a: 1 });
});

test('invalid YAML: file:line, and the placeholder hint where a `{{ }}` is', () => {
  const [p] = refused(() => parseValuesFile('v.yaml', 'a:\n  endpoint: {{ .Values.x }} y\n'));
  assert.equal([p!.code, p!.file, p!.line], ['values.yaml', 'v.yaml', 2]);
  assert.match(p!.message, 'invalid YAML: ');
  assert.match(p!.fix!, 'an unquoted `{{ ... }}` placeholder');
  const [q] = refused(() => parseValuesFile('v.yaml', 'a: "open\n'));
  assert.match(q!.fix!, 'fix the YAML syntax at that line');
});

test('not values: an empty file, a list, a Kubernetes manifest (a Secret also checked)', () => {
  assert.equal(
    refused(() => configFromValues('v.yaml', '')).map((p) => [p.code, p.file, p.message]),
    [['values.empty', 'v.yaml', 'the file is empty']],
  );
  const [list] = refused(() => configFromValues('v.yaml', '- a\n'));
  assert.equal([list!.code, list!.line, list!.message], ['values.not-mapping', 1, 'the file must be a YAML mapping of Helm values, not a list']);
  assert.match(refused(() => configFromValues('v.yaml', '3\n'))[0]!.message, 'not number');
  const cm = refused(() => configFromValues('v.yaml', 'apiVersion: v1\nkind: ConfigMap\n'));
  assert.equal(
    cm.map((p) => p.code),
    ['values.manifest'],
  );
  assert.match(cm[0]!.message, 'this is a Kubernetes ConfigMap manifest, not a Helm values file');
  const secret = refused(() => configFromValues('s.yaml', 'apiVersion: v1\nkind: Secret\nmetadata: {name: c}\ndata:\n  t: not base64!\n'));
  assert.equal(
    secret.map((p) => p.code),
    ['secret.not-base64', 'values.manifest'],
  );
  assert.is(secret[0]!.line, 5);
});

test("the chart's form: the multicluster block, at /multicluster", () => {
  const f = configFromValues('v.yaml', 'multicluster:\n  clusters: {}\n');
  assert.equal([f.form, f.raw, f.source.base, f.problems], ['multicluster', { clusters: {} }, '/multicluster', undefined]);
});

test("flyte-core's form, top level or under flyte-core:, with FlyteAdmin's volumes and mounts", () => {
  const text = 'flyte-core:\n  flyteadmin:\n    additionalVolumes: [{name: v}]\n  configmap:\n    clusters:\n      clusterConfigs: []\n';
  const f = configFromValues('v.yaml', text);
  assert.equal([f.form, f.raw, f.source.base], ['flyte-core', { clusterConfigs: [] }, '/flyte-core/configmap/clusters']);
  assert.equal(f.volumes!.value, [{ name: 'v' }]);
  assert.equal(f.volumes!.where('/0'), { file: 'v.yaml', line: 3, pointer: '/flyte-core/flyteadmin/additionalVolumes/0' });
  assert.equal(f.mounts!.value, []);
  assert.equal(f.mounts!.where(''), { file: 'v.yaml', line: 2, pointer: '/flyte-core/flyteadmin/additionalVolumeMounts' }); // its parent's line
  assert.is(configFromValues('v.yaml', 'configmap:\n  clusters: {}\n').source.base, '/configmap/clusters');
});

test('defect 8: keys directly under configmap are said, and still checked where they are', () => {
  const f = configFromValues('v.yaml', 'configmap:\n  labelClusterMap: {}\n  clusterConfigs: []\n');
  assert.equal([f.form, f.raw, f.source.base], ['flyte-core', { clusterConfigs: [], labelClusterMap: {} }, '/configmap']);
  assert.equal(
    f.problems!.map((p) => [p.code, p.line, p.pointer]),
    [
      ['config.misplaced', 3, '/configmap/clusterConfigs'],
      ['config.misplaced', 2, '/configmap/labelClusterMap'],
    ],
  );
  const both = configFromValues('v.yaml', 'configmap:\n  clusters: {}\n  defaultExecutionLabel: x\n');
  assert.equal([both.raw, both.problems!.length], [{}, 1]);
});

test('both shapes at once, or neither', () => {
  const both = refused(() => configFromValues('v.yaml', 'multicluster: {}\nconfigmap:\n  clusterConfigs: []\n'));
  assert.equal(
    both.map((p) => p.code),
    ['config.misplaced', 'config.both-forms'],
  );
  const none = refused(() => configFromValues('v.yaml', 'configmap: {other: 1}\nflyte-core: {configmap: 1}\n'));
  assert.equal(
    none.map((p) => [p.code, p.file]),
    [[NO_CONFIG, 'v.yaml']],
  );
});

test.run();
