// plugin/commands/uncordon.ts: `uncordon NAME -f VALUES` writes enabled: true and says which labels route to it again; --help.
import { test } from '../helpers/uvu.ts';
import * as assert from 'uvu/assert';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { summary, usage } from '../../plugin/commands/uncordon.ts';
import { runCommand } from '../helpers/run-command.ts';

const dir = mkdtempSync(join(tmpdir(), 'flytemc-uncordon-cmd-'));
test.after(() => rmSync(dir, { recursive: true, force: true }));
const NO_HELM = { HELM_NAMESPACE: undefined, HELM_KUBECONTEXT: undefined, HELM_PLUGIN_NAME: undefined };

test('uncordon: enabled: true written, the labels that route to it again, the upgrade to run (no drain)', () => {
  const f = join(dir, 'values.yaml');
  writeFileSync(
    f,
    `multicluster:
  clusters:
    clusterConfigs:
      - {name: dp1, endpoint: https://203.0.113.1:6443, enabled: false}
      - {name: dp2, endpoint: https://203.0.113.2:6443, enabled: true}
    labelClusterMap:
      gpu: [{id: dp1, weight: 1}]
`,
  );
  const r = runCommand('commands/uncordon.ts', ['dp1', '-f', f], NO_HELM);
  assert.is(r.code, 0, r.stderr);
  assert.match(readFileSync(f, 'utf8'), '{name: dp1, endpoint: https://203.0.113.1:6443, enabled: true}');
  assert.match(r.stdout, `dp1 is uncordoned in ${f} (enabled: true)`);
  assert.match(r.stdout, 'labels that route to dp1 again: gpu');
  assert.match(r.stdout, `flytemc install control-plane -n flyte -f ${f}`);
  assert.not.match(r.stdout, 'drain');
  const h = runCommand('commands/uncordon.ts', ['--help'], NO_HELM);
  assert.equal([h.code, h.stdout], [0, usage]);
  assert.ok(summary.length > 0);
});

test.run();
