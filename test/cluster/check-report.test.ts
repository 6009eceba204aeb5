// plugin/cluster/check-report.ts: a row before any check, and when findings fail a cluster.
import { test } from '../helpers/uvu.ts';
import * as assert from 'uvu/assert';
import { blankRow, failed } from '../../plugin/cluster/check-report.ts';

test('blankRow: nothing proven, failed until a check says otherwise; enabled only when the config says true', () => {
  assert.equal(blankRow({ name: 'a', endpoint: 'https://a', enabled: true }), {
    name: 'a',
    endpoint: 'https://a',
    enabled: true,
    reachable: false,
    tls: false,
    authenticated: false,
    permissions: false,
    verdict: 'fail',
    findings: [],
    ms: 0,
  });
  assert.is(blankRow({ name: 'b' }).endpoint, '');
  assert.is(blankRow({ name: 'b' }).enabled, false);
});

test('failed: any finding false; null (not checked) does not fail', () => {
  assert.is(
    failed([
      { check: 'tls', ok: true },
      { check: 'alive', ok: null },
    ]),
    false,
  );
  assert.is(
    failed([
      { check: 'tls', ok: true },
      { check: 'alive', ok: false },
    ]),
    true,
  );
  assert.is(failed([]), false);
});

test.run();
