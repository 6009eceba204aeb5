// plugin/yaml/dialect.ts: YAML 1.1 octal, no timestamps, and a dump that quotes what the dialect would read as something else.
import { test } from '../helpers/uvu.ts';
import * as assert from 'uvu/assert';
import { dumpYaml, isYamlError, jsYamlDump, parseYaml } from '../../plugin/yaml/dialect.ts';

test('reading: YAML 1.1 octal as Kubernetes has it, YAML 1.2 core otherwise, dates stay strings', () => {
  assert.equal(parseYaml('a: 0755\nb: -010\nc: 0\nd: 08\nj: 0o17\nk: 0x1F\nm: "0755"\n'), { a: 493, b: -8, c: 0, d: 8, j: 15, k: 31, m: '0755' });
  assert.equal(parseYaml('e: 2024-01-01\nf: yes\ng: true\nh: ~\ni: 1.5\n'), { e: '2024-01-01', f: 'yes', g: true, h: null, i: 1.5 });
});

test('writing: strings the dialect or YAML 1.1 would read otherwise are quoted, and read back the same', () => {
  const value = { a: '0755', b: 'yes', f: 'on', g: '1.5', d: 493, e: 'plain', h: null, i: [], j: 'a\nb\n' };
  const text = dumpYaml(value);
  assert.is(text, "a: '0755'\nb: 'yes'\nf: 'on'\ng: '1.5'\nd: 493\ne: plain\nh: null\ni: []\nj: |\n  a\n  b\n");
  assert.is(text, jsYamlDump(value));
  assert.equal(parseYaml(text), value);
});

test('a syntax error is a YAMLException, with the file name when given', () => {
  let caught: unknown;
  try {
    parseYaml('a: [', 'values.yaml');
  } catch (e) {
    caught = e;
  }
  assert.ok(isYamlError(caught));
  assert.match(String(caught), 'values.yaml');
  assert.not.ok(isYamlError(new Error('x')));
});

test.run();
