// plugin/commands/cordon.ts: `cordon NAME -f VALUES` writes enabled: false, says what it means, the upgrade and the drain to run next; --dry-run and --help.
import { test } from '../helpers/uvu.ts';
import * as assert from 'uvu/assert';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { summary, usage } from '../../plugin/commands/cordon.ts';
import { runCommand } from '../helpers/run-command.ts';

const dir = mkdtempSync(join(tmpdir(), 'flytemc-cordon-cmd-'));
test.after(() => rmSync(dir, { recursive: true, force: true }));
const NO_HELM = { HELM_NAMESPACE: undefined, HELM_KUBECONTEXT: undefined, HELM_PLUGIN_NAME: undefined };
const CLUSTERS = `multicluster:
  clusters:
    clusterConfigs:
      - {name: dp1, endpoint: https://203.0.113.1:6443, enabled: true}
      - {name: dp2, endpoint: https://203.0.113.2:6443, enabled: true}
`;

test('cordon: enabled: false written, then the upgrade and the drain to run; again: already', () => {
  const f = join(dir, 'values.yaml');
  writeFileSync(f, CLUSTERS);
  const r = runCommand('commands/cordon.ts', ['dp1', '-f', f, '--kube-context', 'hub'], NO_HELM);
  assert.is(r.code, 0, r.stderr);
  assert.match(readFileSync(f, 'utf8'), '{name: dp1, endpoint: https://203.0.113.1:6443, enabled: false}');
  assert.match(r.stdout, `dp1 is cordoned in ${f} (enabled: false)`);
  assert.match(
    r.stdout,
    `next, upgrade the control plane with these values (or rerun with --upgrade):\n  flytemc install control-plane --kube-context hub -n flyte -f ${f}`,
  );
  assert.match(
    r.stdout,
    `then wait until nothing runs on dp1 (or abort it with --abort):\n  flytemc drain dp1 --admin URL --kube-context hub -n flyte -f ${f}\n`,
  );
  const again = runCommand('commands/cordon.ts', ['dp1', '-f', f], NO_HELM);
  assert.is(again.code, 0, again.stderr);
  assert.match(again.stdout, 'dp1: enabled: false already');
});

test('cordon --dry-run changes nothing; --help prints the usage', () => {
  const f = join(dir, 'dry.yaml');
  writeFileSync(f, CLUSTERS);
  const r = runCommand('commands/cordon.ts', ['dp2', '-f', f, '--dry-run'], NO_HELM);
  assert.is(r.code, 0, r.stderr);
  assert.match(r.stdout, 'dry run: nothing was changed');
  assert.is(readFileSync(f, 'utf8'), CLUSTERS);
  const h = runCommand('commands/cordon.ts', ['-h'], NO_HELM);
  assert.equal([h.code, h.stdout], [0, usage]);
  assert.ok(summary.length > 0 && usage.startsWith('Usage: flytemc cordon NAME'));
});

test.run();
