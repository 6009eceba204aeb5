// plugin/cluster/tls-note.ts: the TLS NOT VERIFIED note, at the end of what names a context.
import { test } from '../helpers/uvu.ts';
import * as assert from 'uvu/assert';
import { TLS_NOT_VERIFIED, noted, targetContext } from '../../plugin/cluster/tls-note.ts';

test('noted: unchanged when verified; the note at the end otherwise', () => {
  assert.is(noted('context a (https://a)', true), 'context a (https://a)');
  assert.is(noted('context a (https://a)', false), `context a (https://a) [${TLS_NOT_VERIFIED}]`);
});

test('targetContext: a plan target names a context, or the hub by its context', () => {
  assert.is(targetContext('hub cp'), 'cp');
  assert.is(targetContext('dp1'), 'dp1');
  assert.is(targetContext('values.yaml'), 'values.yaml');
});

test.run();
