// plugin/config/execution-labels.ts: the values' multicluster.executionLabels checked before any is
// used: the list that wins, the schema, an entry listed twice, a label a config does not route (not
// in labelClusterMap, or dropped because none of its clusters is enabled), each at its file:line.
import { test } from '../helpers/uvu.ts';
import * as assert from 'uvu/assert';
import { executionLabelsOf, labelTarget, routesOfValues, unrouted } from '../../plugin/config/execution-labels.ts';
import { readValuesFiles, type ValuesFile } from '../../plugin/config/from-values.ts';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FlytemcError, type Problem } from '../../plugin/problems/problems.ts';

const CLUSTERS = `multicluster:
  clusters:
    clusterConfigs:
      - {name: dp1, endpoint: https://203.0.113.1:6443, enabled: true}
      - {name: dp2, endpoint: https://203.0.113.2:6443, enabled: false}
    labelClusterMap:
      team1: [{id: dp1, weight: 1}]
      team2: [{id: dp2, weight: 1}]
    defaultExecutionLabel: team1
`;

const dir = mkdtempSync(join(tmpdir(), 'flytemc-execution-labels-'));
test.after(() => rmSync(dir, { recursive: true, force: true }));
process.chdir(dir);
const file = (name: string, text: string): [string, string] => [name, text];
function values(...fs: Array<[string, string]>): { parsed: ValuesFile[]; merged: unknown } {
  for (const [name, text] of fs) writeFileSync(join(dir, name), text);
  const { files, merged } = readValuesFiles(fs.map(([name]) => name));
  return { parsed: files, merged };
}
const problems = (fn: () => unknown): Problem[] => {
  try {
    fn();
  } catch (e) {
    assert.instance(e, FlytemcError);
    return (e as FlytemcError).problems;
  }
  throw new Error('not refused');
};

test('the routes of the values, or a refusal naming the files; why a label is not routed', () => {
  const { merged } = values(file('c.yaml', CLUSTERS));
  const routed = routesOfValues(merged, ['c.yaml'], 'the label', 'pass it');
  assert.is(routed.at, 'multicluster.clusters');
  assert.is(unrouted('team1', routed), undefined);
  const dropped = unrouted('team2', routed)!;
  assert.match(dropped.what, /label "team2" has no enabled cluster \(dp2: .*\), so FlyteAdmin drops it and would use defaultExecutionLabel team1/);
  assert.match(dropped.fix, /use one of: team1$/);
  assert.match(unrouted('team9', routed)!.what, /"team9" is not a label of multicluster\.clusters\.labelClusterMap/);
  const [p] = problems(() => routesOfValues({}, ['a.yaml', 'b.yaml'], 'the label', 'pass it'));
  assert.equal(
    { code: p!.code, subject: p!.subject, message: p!.message, fix: p!.fix },
    {
      code: 'labels.no-config',
      subject: 'a.yaml, b.yaml',
      message: 'no cluster config to check the label against',
      fix: 'pass it',
    },
  );
  assert.is(labelTarget({ project: 'p', domain: 'd', workflow: 'w', label: 'l' }), 'p/d/w');
});

test('the entries of the last file that sets the list, each at its line; the configs asked only once the schema holds', () => {
  const { parsed, merged } = values(
    file('c.yaml', `${CLUSTERS}  executionLabels:\n    - {project: old, domain: development, label: team1}\n`),
    file(
      'l.yaml',
      'multicluster:\n  executionLabels:\n    - {project: p, domain: development, label: team1}\n    - {project: p, domain: production, workflow: wf, label: team1}\n',
    ),
  );
  const config = routesOfValues(merged, ['c.yaml'], 'the labels', 'x');
  const entries = executionLabelsOf(parsed, merged, () => [config], false);
  assert.equal(
    entries.map((e) => [labelTarget(e), e.at.file, e.at.line]),
    [
      ['p/development', 'l.yaml', 3],
      ['p/production/wf', 'l.yaml', 4],
    ],
  );
});

test('refused: no list (or an empty one where entries are needed), the schema, a label not routed, an entry listed twice', () => {
  const none = values(file('c.yaml', CLUSTERS));
  assert.is(problems(() => executionLabelsOf(none.parsed, none.merged, () => [], false))[0]!.code, 'labels.missing');
  const empty = values(file('c.yaml', `${CLUSTERS}  executionLabels: []\n`));
  assert.match(problems(() => executionLabelsOf(empty.parsed, empty.merged, () => [], false))[0]!.message, /no multicluster\.executionLabels entries to write/);
  assert.equal(
    executionLabelsOf(empty.parsed, empty.merged, () => [], true),
    [],
  );
  const bad = values(file('c.yaml', `${CLUSTERS}  executionLabels:\n    - {project: p, label: team1}\n`));
  let asked = false;
  const schema = problems(() =>
    executionLabelsOf(
      bad.parsed,
      bad.merged,
      () => {
        asked = true;
        return [];
      },
      true,
    ),
  );
  assert.ok(schema.length > 0);
  assert.not.ok(asked);
  assert.is(schema[0]!.file, 'c.yaml');
  const wrong = values(
    file(
      'c.yaml',
      `${CLUSTERS}  executionLabels:\n    - {project: p, domain: d, label: team2}\n    - {project: p, domain: e, label: team1}\n    - {project: p, domain: e, label: team1}\n`,
    ),
  );
  const config = routesOfValues(wrong.merged, ['c.yaml'], 'the labels', 'x');
  const found = problems(() => executionLabelsOf(wrong.parsed, wrong.merged, () => [config, { ...config, at: "FlyteAdmin's deployed config" }], true));
  assert.equal(
    found.map((p) => [p.code, p.line, p.pointer]),
    [
      ['labels.unrouted', 11, '/multicluster/executionLabels/0/label'],
      ['labels.unrouted', 11, '/multicluster/executionLabels/0/label'],
      ['labels.duplicate', 13, '/multicluster/executionLabels/2'],
    ],
  );
  assert.match(found[1]!.message, /^p\/d: label "team2" has no enabled cluster/);
  assert.match(found[2]!.message, /^p\/e is listed twice \(also entry 1\); only one label can apply$/);
});

test.run();
