// plugin/cluster/member.ts, the data plane's side of join: its pure parts (what flytepropeller
// reports as its cluster, and the refusal of a second name). The steps against an API server:
// test/join.test.ts (harness clusters).
import { test } from '../helpers/uvu.ts';
import * as assert from 'uvu/assert';
import { flagValue, identityProblem } from '../../plugin/cluster/member.ts';

test('identity: --propeller.cluster-id read from the command line; another name refused, the default accepted, --force warns', () => {
  assert.is(flagValue(['flytepropeller', '--config', '/etc/flyte/config/*.yaml', '--propeller.cluster-id', 'dp-a'], '--propeller.cluster-id'), 'dp-a');
  assert.is(flagValue(['--propeller.cluster-id=dp-a'], '--propeller.cluster-id'), 'dp-a');
  const installed = { deployment: 'Deployment flyte/flytepropeller', clusterId: 'dp-a', release: 'flyte' };
  const p = identityProblem(installed, 'dp-b', 'ctx', false)!;
  assert.is(p.severity, 'error');
  assert.match(p.message, /reports as cluster "dp-a" .* joined as "dp-b"/);
  assert.match(p.fix ?? '', /--name dp-a.*--force/);
  assert.is(identityProblem(installed, 'dp-b', 'ctx', true)!.severity, 'warning');
  assert.is(identityProblem(installed, 'dp-a', 'ctx', false), undefined);
  assert.is(identityProblem({ ...installed, clusterId: '' }, 'dp-b', 'ctx', false), undefined, 'the default id is accepted by FlyteAdmin');
  assert.is(identityProblem({}, 'dp-b', 'ctx', false), undefined, 'nothing installed yet');
});

test.run();
