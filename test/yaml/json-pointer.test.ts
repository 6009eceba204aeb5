// plugin/yaml/json-pointer.ts: JSON pointers (RFC 6901) and the slash paths the checks compare.
import { test } from '../helpers/uvu.ts';
import * as assert from 'uvu/assert';
import { escapeSegment, fileIn, get, segments, trimSlashes } from '../../plugin/yaml/json-pointer.ts';

test('escapeSegment and segments: ~ and / escaped everywhere, and back', () => {
  assert.is(escapeSegment('flytemc.io/restart~ed/at'), 'flytemc.io~1restart~0ed~1at');
  assert.is(escapeSegment(3), '3');
  assert.equal(segments('/a~1b/c~0d/~01/3'), ['a/b', 'c~d', '~1', '3']);
  assert.equal(segments(''), []);
  assert.equal(segments('/'), []);
  for (const s of ['a/b', '~', '~1', '/~0/']) assert.equal(segments(`/${escapeSegment(s)}`), [s], s);
});

test('get: through mappings and lists; undefined past a scalar or a missing key', () => {
  const v = { spec: { template: { spec: { volumes: [{ name: 'a' }, { name: 'b/c' }] } } }, 'x/y': { '~': 1 } };
  assert.is(get(v, '/spec/template/spec/volumes/1/name'), 'b/c');
  assert.is(get(v, '/x~1y/~0'), 1);
  assert.is(get(v, ''), v);
  assert.is(get(v, '/spec/missing/deeper'), undefined);
  assert.is(get(v, '/spec/template/spec/volumes/0/name/length'), undefined);
  assert.is(get(null, '/a'), undefined);
});

test('trimSlashes and fileIn: one rule for trailing slashes; `/` stays the root', () => {
  assert.is(trimSlashes('/var/run/credentials/'), '/var/run/credentials');
  assert.is(trimSlashes('https://x:6443//'), 'https://x:6443');
  assert.is(trimSlashes('/'), '/');
  assert.is(trimSlashes('///'), '/');
  assert.is(trimSlashes(''), '');
  assert.is(fileIn('/var/run/credentials', '/var/run/credentials/dp1_token'), 'dp1_token');
  assert.is(fileIn('/var/run/credentials/', '/var/run/credentials/dp1_token'), 'dp1_token');
  assert.is(fileIn('/var/run/credentials', '/var/run/credentials/'), '');
  assert.is(fileIn('/var/run/credentials', '/var/run/credentials/sub/dp1_token'), undefined);
  assert.is(fileIn('/var/run/credentials', '/var/run/credentials2/dp1_token'), undefined);
  assert.is(fileIn('/', '/token'), 'token');
});

test.run();
