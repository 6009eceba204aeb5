// plugin/yaml/data.ts: what a mapping is, and two values compared as data whatever their key order.
import { test } from '../helpers/uvu.ts';
import * as assert from 'uvu/assert';
import { canonical, isObject, sameData } from '../../plugin/yaml/data.ts';

test('a mapping is an object, not a list nor null', () => {
  assert.ok(isObject({}) && isObject({ a: 1 }));
  for (const v of [null, [], 'a', 1, undefined]) assert.not.ok(isObject(v), String(v));
});

test('key order aside at every level; list order and types count', () => {
  assert.equal(JSON.stringify(canonical({ b: [{ d: 1, c: 2 }], a: null })), '{"a":null,"b":[{"c":2,"d":1}]}');
  assert.ok(sameData({ a: 1, b: { c: [1, 2] } }, { b: { c: [1, 2] }, a: 1 }));
  assert.not.ok(sameData([1, 2], [2, 1]));
  assert.not.ok(sameData({ a: 1 }, { a: '1' }));
  assert.not.ok(sameData({ a: 1 }, { a: 1, b: 2 }));
});

test.run();
