// plugin/yaml/edit.ts: only the text of what changed is rewritten; the result always reads back as the new data.
import { test } from '../helpers/uvu.ts';
import * as assert from 'uvu/assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { parseYaml } from '../../plugin/yaml/dialect.ts';
import { editYamlText } from '../../plugin/yaml/edit.ts';
import { params } from '../helpers/fuzz.ts';

const THREE = readFileSync(join(import.meta.dirname, '..', 'fixtures', 'three-clusters.yaml'), 'utf8');

/** editYamlText from the text's own data to what `change` makes of a copy. */
function edited(text: string, change: (v: any) => void): string | undefined {
  const before = parseYaml(text);
  const after = structuredClone(before);
  change(after);
  return editYamlText(text, before, after);
}

test('a changed scalar: only its text (quotes, comments, spacing and flow style around it kept)', () => {
  const text = '# top\na:  "x"  # two spaces\nl:\n  - {name: dp1, enabled: true}   # flow\n';
  assert.is(
    edited(text, (v) => (v.l[0].enabled = false)),
    text.replace('enabled: true', 'enabled: false'),
  );
  assert.is(
    edited(text, (v) => (v.a = 'yes')),
    text.replace('"x"', '"yes"'),
  );
  assert.is(
    edited(text, () => {}),
    text,
  );
});

test('added keys and items go after the last ones, at their indentation (indented or not), inner ones first', () => {
  assert.is(
    edited('m:\n  a: 1\nz: 2\n', (v) => (v.m.b = [1])),
    'm:\n  a: 1\n  b:\n    - 1\nz: 2\n',
  );
  assert.is(
    edited('l:\n- a: 1\n', (v) => v.l.push({ b: 2 })),
    'l:\n- a: 1\n- b: 2\n',
  );
  assert.is(
    edited('m:\n  l:\n    - 1\n', (v) => {
      v.m.l.push(2);
      v.m.k = 'new';
    }),
    'm:\n  l:\n    - 1\n    - 2\n  k: new\n',
  );
  assert.is(
    edited('a: 1', (v) => (v.b = { on: 'on' })),
    'a: 1\nb:\n  "on": "on"',
  );
  assert.is(
    edited('a: 1\r\nm:\r\n  x: 1\r\n', (v) => (v.m.y = 2)),
    'a: 1\r\nm:\r\n  x: 1\r\n  "y": 2\r\n',
    'y is a YAML 1.1 boolean: quoted',
  );
});

test('removed keys and items take their lines; an emptied list becomes []; an empty value becomes a block', () => {
  assert.is(
    edited(THREE, (v) => v.multicluster.clusters.clusterConfigs.splice(1, 1)),
    THREE.replace('      - name: cluster_2\n        endpoint: https://203.0.113.2:6443\n        enabled: true\n', ''),
  );
  assert.is(
    edited(THREE, (v) => delete v.multicluster.clusters.defaultExecutionLabel),
    THREE.replace('    defaultExecutionLabel: team1\n', ''),
  );
  assert.is(
    edited('m:\n  l:\n    - 1 # one\n  x: 1\n', (v) => (v.m.l = [])),
    'm:\n  l: []\n  x: 1\n',
  );
  assert.is(
    edited('m:\n  c:\nx: 1\n', (v) => (v.m.c = { a: [1] })),
    'm:\n  c:\n    a:\n      - 1\nx: 1\n',
  );
  assert.is(
    edited('m: {a: 1} # c\n', (v) => (v.m.b = 2)),
    'm:\n  a: 1\n  b: 2 # c\n',
  );
});

test('what it does not edit in place: anchors and merge keys, a block scalar, a document with errors, a list at the top', () => {
  assert.is(
    edited('b: &b {x: 1}\nm:\n  <<: *b\n', (v) => (v.m.y = 1)),
    undefined,
  );
  assert.is(
    edited('a: |\n  x\n', (v) => (v.a = 'x\ny\n')),
    undefined,
  );
  assert.is(editYamlText('a: [\n', {}, { a: 1 }), undefined);
  assert.is(editYamlText('- 1\n', [1], [2]), undefined);
  assert.is(
    edited('l:\n  - x: 1\n    name: a\n', (v) => delete v.l[0].x),
    undefined,
    'the first key of an item, on the dash line',
  );
  assert.is(
    edited('l:\n  - name: a\n    x: 1\n', (v) => delete v.l[0].name),
    'l:\n  - x: 1\n',
    'an item without its name is another item',
  );
  assert.is(
    edited('l:\n  - name: a\n    x: 1\n', (v) => delete v.l[0].x),
    'l:\n  - name: a\n',
  );
});

test('random changes to the clusters fixture read back as the new data (500 cases)', () => {
  const name = fc.constantFrom('cluster_1', 'cluster_2', 'cluster_3', 'cluster_9');
  const change = fc.oneof(
    fc.record({ op: fc.constant('remove'), name }),
    fc.record({ op: fc.constant('enable'), name, on: fc.boolean() }),
    fc.record({
      op: fc.constant('add'),
      name,
      label: fc.constantFrom('team1', 'team2', 'team3', 'yes', '0755'),
      weight: fc.double({ min: 0, max: 1, noNaN: true }),
    }),
  );
  fc.assert(
    fc.property(fc.array(change, { maxLength: 6 }), (changes) => {
      const before = parseYaml(THREE) as any;
      const after = structuredClone(before);
      const c = after.multicluster.clusters;
      for (const x of changes as any[]) {
        if (x.op === 'remove') {
          c.clusterConfigs = c.clusterConfigs.filter((k: any) => k.name !== x.name);
          for (const l of Object.keys(c.labelClusterMap)) c.labelClusterMap[l] = c.labelClusterMap[l].filter((r: any) => r.id !== x.name);
        } else if (x.op === 'enable') {
          for (const k of c.clusterConfigs) if (k.name === x.name) k.enabled = x.on;
        } else {
          if (!c.clusterConfigs.some((k: any) => k.name === x.name)) c.clusterConfigs.push({ name: x.name, endpoint: `https://${x.name}`, enabled: true });
          (c.labelClusterMap[x.label] ??= []).push({ id: x.name, weight: x.weight });
        }
      }
      const out = editYamlText(THREE, before, after);
      assert.ok(out !== undefined);
      assert.equal(parseYaml(out), after);
      assert.ok(out.startsWith('# The upstream guide'));
    }),
    params(500),
  );
});

test.run();
