// plugin/config/types.ts: the default credentials Secret and the key names of a cluster's token and CA in it.
import { test } from '../helpers/uvu.ts';
import * as assert from 'uvu/assert';
import { DEFAULT_CREDENTIALS, caKey, tokenKey } from '../../plugin/config/types.ts';

test("the default Secret is cluster-credentials, mounted where the chart's FlyteAdmin reads it", () => {
  assert.equal(DEFAULT_CREDENTIALS, { secretName: 'cluster-credentials', mountPath: '/var/run/credentials' });
});

test('each cluster has a <name>_token and a <name>_cacert key', () => {
  assert.is(tokenKey('east'), 'east_token');
  assert.is(caKey('east'), 'east_cacert');
  assert.is.not(tokenKey('a'), caKey('a'));
});

test.run();
