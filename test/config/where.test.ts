// plugin/config/where.ts: a pointer inside a config source as file, line and full pointer; a place given its code.
import { test } from '../helpers/uvu.ts';
import * as assert from 'uvu/assert';
import { coded, where } from '../../plugin/config/where.ts';
import { whereOf } from '../../plugin/problems/problems.ts';

const text = 'multicluster:\n  clusters:\n    clusterConfigs:\n      - name: east\n        enabled: true\n';

test('with the text: the line of the full pointer (the base prepended)', () => {
  const at = where({ label: 'values.yaml', text, base: '/multicluster' }, '/clusters/clusterConfigs/0/enabled');
  assert.equal(at, { file: 'values.yaml', line: 5, pointer: '/multicluster/clusters/clusterConfigs/0/enabled' });
  assert.is(whereOf(at), 'values.yaml:5 (/multicluster/clusters/clusterConfigs/0/enabled)');
});

test('without text (an object of a stream, a merged set of files): the pointer only, no line', () => {
  const at = where({ label: 'data plane a.yaml', base: '/multicluster' }, '/clusterName');
  assert.equal(at, { file: 'data plane a.yaml', pointer: '/multicluster/clusterName' });
  assert.is(whereOf(at), 'data plane a.yaml /multicluster/clusterName');
});

test('coded: a structured place keeps its fields; a named thing becomes the subject', () => {
  assert.equal(coded('config.name', { file: 'v.yaml', line: 2 }), { file: 'v.yaml', line: 2, code: 'config.name' });
  assert.equal(coded('config.name', 'cluster east'), { code: 'config.name', subject: 'cluster east' });
});

test.run();
