// plugin/cluster/join.ts: its pure part, the endpoint FlyteAdmin is given for a member. The steps
// and joinClusters against API servers: test/join.test.ts (harness clusters), test/faults.test.ts.
import { test } from '../helpers/uvu.ts';
import * as assert from 'uvu/assert';
import { checkEndpoint } from '../../plugin/cluster/join.ts';
import { EXIT, FlytemcError } from '../../plugin/problems.ts';

test('checkEndpoint: an https URL (host, IPv4 or [IPv6], port, path), trailing slashes dropped; anything else refused with the fix', () => {
  assert.is(checkEndpoint('https://203.0.113.1:6443/', 'context dp1'), 'https://203.0.113.1:6443');
  assert.is(checkEndpoint('https://k8s.example.com', 'x'), 'https://k8s.example.com');
  assert.is(checkEndpoint('https://[2001:db8::1]:6443/prefix//', 'x'), 'https://[2001:db8::1]:6443/prefix');
  for (const bad of ['http://203.0.113.1:6443', 'https://{{ endpoint }}', 'https://a b', '203.0.113.1:6443', 'https://']) {
    try {
      checkEndpoint(bad, 'context dp1');
      assert.unreachable(bad);
    } catch (e) {
      assert.instance(e, FlytemcError, bad);
      const p = (e as FlytemcError).problems[0]!;
      assert.is((e as FlytemcError).exitCode, EXIT.invalid);
      assert.is(p.where, 'context dp1');
      assert.match(p.fix ?? '', /--endpoint https:\/\/HOST:PORT/);
    }
  }
});

test.run();
