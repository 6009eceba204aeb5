// plugin/yaml/locate.ts: the line of a JSON pointer in a values file, or of its deepest ancestor found.
import { test } from '../helpers/uvu.ts';
import * as assert from 'uvu/assert';
import { lineOf } from '../../plugin/yaml/locate.ts';

const VALUES = [
  '# control plane', // 1
  'multicluster:', // 2
  '  clusters:', // 3
  '    clusterConfigs:', // 4
  '      - name: dp1', // 5
  '        endpoint: https://dp1.example:6443', // 6
  '      -', // 7
  '        name: dp2', // 8
  '    labelClusterMap:', // 9
  '      "team/1": [{id: dp1, weight: 1}]', // 10
  "      'a~b':", // 11
  '        - id: dp2', // 12
  '          weight: 0.5', // 13
  'flyte-core:', // 14
  '  0755: octal', // 15
  '  "on": word', // 16
  '',
].join('\n');

test('keys, list items (dash on their line or alone) and escaped segments', () => {
  assert.is(lineOf(VALUES, '/multicluster'), 2);
  assert.is(lineOf(VALUES, '/multicluster/clusters/clusterConfigs'), 4);
  assert.is(lineOf(VALUES, '/multicluster/clusters/clusterConfigs/0'), 5);
  assert.is(lineOf(VALUES, '/multicluster/clusters/clusterConfigs/0/endpoint'), 6);
  assert.is(lineOf(VALUES, '/multicluster/clusters/clusterConfigs/1/name'), 8);
  assert.is(lineOf(VALUES, '/multicluster/clusters/labelClusterMap/team~11'), 10);
  assert.is(lineOf(VALUES, '/multicluster/clusters/labelClusterMap/a~0b/0/weight'), 13);
});

test('inside flow style, and keys read as numbers or booleans (YAML 1.1, as flytemc reads values)', () => {
  assert.is(lineOf(VALUES, '/multicluster/clusters/labelClusterMap/team~11/0/weight'), 10);
  assert.is(lineOf(VALUES, '/flyte-core/493'), 15);
  assert.is(lineOf(VALUES, '/flyte-core/0755'), 15);
  assert.is(lineOf(VALUES, '/flyte-core/on'), 16);
});

test('the deepest ancestor found; undefined when not even the first key is; the root has no line', () => {
  assert.is(lineOf(VALUES, '/multicluster/clusters/clusterConfigs/5/name'), 4);
  assert.is(lineOf(VALUES, '/multicluster/clusters/nothing/here'), 3);
  assert.is(lineOf(VALUES, '/multicluster/clusters/clusterConfigs/0/name/deeper'), 5);
  assert.is(lineOf(VALUES, '/missing'), undefined);
  assert.is(lineOf(VALUES, ''), undefined);
  assert.is(lineOf('', '/a'), undefined);
  assert.is(lineOf('- a\n- b\n', '/1'), 2);
});

test('CRLF, anchors and aliases, the first document of a stream, a file broken further down', () => {
  assert.is(lineOf('a:\r\n  b: 1\r\n', '/a/b'), 2);
  assert.is(lineOf('base: &b\n  x: 1\nother: *b\n', '/other/x'), 2);
  assert.is(lineOf('---\n# first\na: 1\n---\nb: 2\n', '/a'), 3);
  assert.is(lineOf('---\na: 1\n---\nb: 2\n', '/b'), undefined);
  assert.is(lineOf('a:\n  b: 1\nc: [unclosed\n', '/a/b'), 2);
});

test.run();
