// plugin/config/cordon.ts: the file cordon and uncordon edit (the last -f file that lists the
// clusters), the labels that stop or start routing, and each refusal before anything is written.
import { test } from '../helpers/uvu.ts';
import * as assert from 'uvu/assert';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { planEnabled } from '../../plugin/config/cordon.ts';
import { readValuesFiles } from '../../plugin/config/from-values.ts';
import { FlytemcError, UsageError, type Problem } from '../../plugin/problems/problems.ts';

const dir = mkdtempSync(join(tmpdir(), 'flytemc-cordon-'));
test.after(() => rmSync(dir, { recursive: true, force: true }));

const CLUSTERS = `multicluster:
  clusters:
    clusterConfigs:
      - {name: dp1, endpoint: https://203.0.113.1:6443, enabled: true}
      - {name: dp2, endpoint: https://203.0.113.2:6443, enabled: true}
      - {name: dp3, endpoint: https://203.0.113.3:6443, enabled: false}
    labelClusterMap:
      only1: [{id: dp1, weight: 1}]
      both: [{id: dp1, weight: 1}, {id: dp2, weight: 1}]
      only3: [{id: dp3, weight: 1}]
`;
function files(...texts: Array<[string, string]>) {
  for (const [n, t] of texts) writeFileSync(join(dir, n), t);
  return readValuesFiles(texts.map(([n]) => join(dir, n))).files;
}
const refused = (fn: () => unknown): Partial<Problem> => {
  try {
    fn();
  } catch (e) {
    if (e instanceof FlytemcError) return e.problems[0]!;
    if (e instanceof UsageError) return { code: 'usage', message: e.message };
    throw e;
  }
  throw new Error('not refused');
};

test('the last file that lists the clusters is the one edited; the labels a cordon drops and an uncordon brings back', () => {
  const parsed = files(['old.yaml', CLUSTERS], ['cp.yaml', CLUSTERS], ['other.yaml', 'flyte-core: {}\n']);
  assert.equal(planEnabled(parsed, 'dp1', false, 'flytemc'), { file: join(dir, 'cp.yaml'), labels: ['only1'] });
  assert.equal(planEnabled(parsed, 'dp3', true, 'flytemc'), { file: join(dir, 'cp.yaml'), labels: ['only3'] });
  assert.equal(planEnabled(parsed, 'dp2', false, 'flytemc').labels, []);
});

test('refused: no file lists clusters, standard input, a cluster not listed, the last enabled cluster', () => {
  const none = refused(() => planEnabled(files(['x.yaml', 'flyte-core: {}\n']), 'dp1', false, 'helm flytemc'));
  assert.is(none.code, 'cordon.no-clusters');
  assert.match(none.fix!, /`helm flytemc join --values`/);
  assert.is(refused(() => planEnabled([], 'dp1', true, 'flytemc')).subject, '(no -f)');
  const stdin = refused(() =>
    planEnabled([{ file: '-', label: '<stdin>', text: CLUSTERS, values: files(['s.yaml', CLUSTERS])[0]!.values }], 'dp1', false, 'flytemc'),
  );
  assert.match(stdin.message!, /^cordon edits the file that lists the clusters: pass it as a file, not -f -/);
  const unknown = refused(() => planEnabled(files(['cp.yaml', CLUSTERS]), 'dp9', true, 'flytemc'));
  assert.equal([unknown.code, unknown.line, unknown.pointer], ['cordon.not-joined', 3, '/multicluster/clusters/clusterConfigs']);
  assert.match(unknown.fix!, /^name one of: dp1, dp2, dp3; a new data plane is joined with flytemc join CONTEXT --values /);
  const one = CLUSTERS.replace('enabled: true}\n      - {name: dp2', 'enabled: false}\n      - {name: dp2');
  const last = refused(() => planEnabled(files(['one.yaml', one]), 'dp2', false, 'flytemc'));
  assert.is(last.code, 'cordon.last-enabled');
  assert.equal(planEnabled(files(['one.yaml', one]), 'dp2', true, 'flytemc').labels, []);
});

test.run();
