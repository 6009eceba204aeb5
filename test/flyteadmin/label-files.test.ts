// plugin/flyteadmin/label-files.ts: flytectl's attribute files, one from the command line or one per
// executionLabels entry (named <project>_<domain>[_<workflow>]); files of entries gone are warned
// about (FlyteAdmin keeps their attribute), files flytemc did not write are left alone.
import { test } from '../helpers/uvu.ts';
import * as assert from 'uvu/assert';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { attributeFile, writeAttributeFile, writeLabelFiles } from '../../plugin/flyteadmin/label-files.ts';
import { UsageError } from '../../plugin/problems/problems.ts';

const dir = mkdtempSync(join(tmpdir(), 'flytemc-label-files-'));
test.after(() => rmSync(dir, { recursive: true, force: true }));

test('the attributes flytectl reads, in its order, as YAML or JSON', () => {
  assert.is(attributeFile('yaml', { project: 'p', domain: 'd', label: 'team1' }), 'domain: d\nproject: p\nvalue: team1\n');
  assert.equal(JSON.parse(attributeFile('json', { project: 'p', domain: 'd', workflow: 'w', label: 'l' })), {
    domain: 'd',
    project: 'p',
    workflow: 'w',
    value: 'l',
  });
  writeAttributeFile(join(dir, 'one.yaml'), 'x\n');
  assert.is(readFileSync(join(dir, 'one.yaml'), 'utf8'), 'x\n');
});

test('a folder: one file per entry with the header; a rerun without an entry warns about its file; foreign files kept', () => {
  const out = join(dir, 'labels');
  const a = { project: 'p', domain: 'development', label: 'team1' };
  const b = { project: 'p', domain: 'production', workflow: 'wf', label: 'team2' };
  const first = writeLabelFiles(out, [a, b], 'yaml');
  assert.equal(first.written, [join(out, 'p_development.yaml'), join(out, 'p_production_wf.yaml')]);
  assert.equal(first.stale, []);
  assert.match(
    readFileSync(join(out, 'p_development.yaml'), 'utf8'),
    /^# flytectl execution-cluster-label attributes, written by `flytemc labels`.*\ndomain: development\n/,
  );
  writeFileSync(join(out, 'mine.yaml'), 'domain: x\n');
  const second = writeLabelFiles(out, [a], 'yaml');
  assert.equal(
    second.stale.map((p) => [p.severity, p.code, p.file, p.fix]),
    [
      [
        'warning',
        'labels.stale-file',
        join(out, 'p_production_wf.yaml'),
        `flytectl delete execution-cluster-label --attrFile ${join(out, 'p_production_wf.yaml')}, then delete the file`,
      ],
    ],
  );
  assert.equal(readdirSync(out).sort(), ['mine.yaml', 'p_development.yaml', 'p_production_wf.yaml']);
  // JSON files carry no header: JSON has no comments
  assert.equal(writeLabelFiles(join(dir, 'json'), [a], 'json').written, [join(dir, 'json', 'p_development.json')]);
  try {
    writeLabelFiles(join(out, 'mine.yaml'), [a], 'yaml');
    assert.unreachable('a file as the folder');
  } catch (e) {
    assert.instance(e, UsageError);
    assert.match((e as Error).message, /is a file; with executionLabels it names a folder/);
  }
});

test.run();
