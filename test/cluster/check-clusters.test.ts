// plugin/cluster/check-clusters.ts, `flytemc check`: its pure parts (which context checks a member,
// the table, the clusters of a values file). Against API servers, from both sides:
// test/wayback.test.ts, test/e2e.test.ts, test/tls.test.ts.
import { test } from '../helpers/uvu.ts';
import * as assert from 'uvu/assert';
import { clustersFromFile, formatTable, memberContext, type CheckReport, type CheckRow } from '../../plugin/cluster/check-clusters.ts';
import { readFileSync } from 'node:fs';
import { fixture } from '../helpers/manifests.ts';

test('memberContext: the hub for inCluster; else a context whose server is the endpoint (trailing slashes aside), the one named like the cluster first', () => {
  const contexts = [
    { name: 'a', server: 'https://10.0.0.1:6443/' },
    { name: 'dp1', server: 'https://10.0.0.1:6443' },
    { name: 'b', server: 'https://10.0.0.2:6443' },
    { name: 'none' },
  ];
  assert.is(memberContext({ name: 'dp1', endpoint: 'https://10.0.0.1:6443' }, 'hub', contexts), 'dp1');
  assert.is(memberContext({ name: 'other', endpoint: 'https://10.0.0.1:6443/' }, 'hub', contexts), 'a');
  assert.is(memberContext({ name: 'x', endpoint: 'https://10.9.9.9:6443' }, 'hub', contexts), undefined);
  assert.is(memberContext({ name: 'local', inCluster: true }, 'hub', contexts), 'hub');
});

test("clustersFromFile: the chart's block (with its Secret's name) and flyte-core's configmap.clusters", async () => {
  const three = await clustersFromFile(fixture('three-clusters.yaml'), readFileSync(fixture('three-clusters.yaml'), 'utf8'));
  assert.equal(
    three.clusters.map((c) => [c.name, c.endpoint]),
    [
      ['cluster_1', 'https://203.0.113.1:6443'],
      ['cluster_2', 'https://203.0.113.2:6443'],
      ['cluster_3', 'https://203.0.113.3:6443'],
    ],
  );
  assert.is(three.secretName, 'cluster-credentials');
  const core = await clustersFromFile(
    'core.yaml',
    'configmap:\n  clusters:\n    clusterConfigs:\n      - {name: dp1, endpoint: "https://x:6443", enabled: true}\n',
  );
  assert.equal(core, { source: 'core.yaml', clusters: [{ name: 'dp1', endpoint: 'https://x:6443', enabled: true }] });
  const named = await clustersFromFile('mc.yaml', 'multicluster:\n  credentials: {secretName: creds}\n  clusters: {clusterConfigs: []}\n');
  assert.equal(named, { source: 'mc.yaml', clusters: [], secretName: 'creds' });
});

test('formatTable: a row per cluster, member columns when any member was checked, a line and a fix per failed finding, the verdict last', () => {
  const row = (name: string, over: Partial<CheckRow>): CheckRow => ({
    name,
    endpoint: `https://${name}:6443`,
    enabled: true,
    reachable: true,
    tls: true,
    authenticated: true,
    permissions: true,
    verdict: 'ok',
    ms: 5,
    findings: [
      { check: 'reachable', ok: true },
      { check: 'tls', ok: true },
      { check: 'token', ok: true },
      { check: 'permissions', ok: true },
    ],
    ...over,
  });
  const rep: CheckReport = {
    hub: 'cp',
    hubTlsVerified: true,
    secret: 'flyte/cluster-credentials',
    source: 'values.yaml',
    needsFrom: "flyte-core's default cluster-resource templates",
    ok: false,
    clusters: [
      row('dp1', {
        findings: [
          ...row('x', {}).findings,
          { check: 'installed', ok: true },
          { check: 'admin', ok: true },
          { check: 'catalog', ok: true, value: 'off (noop)' },
          { check: 'cluster-id', ok: true, value: 'propeller (default)' },
          { check: 'storage', ok: true },
        ],
      }),
      row('dp2', {
        authenticated: false,
        permissions: false,
        verdict: 'fail',
        problem: 'the API server rejects the token (401 Unauthorized)',
        fix: 'rotate it',
        findings: [
          { check: 'reachable', ok: true },
          { check: 'tls', ok: true },
          { check: 'token', ok: false, problem: 'the API server rejects the token (401 Unauthorized)', fix: 'rotate it' },
          { check: 'permissions', ok: null },
        ],
      }),
    ],
  };
  const lines = formatTable(rep).split('\n');
  assert.match(lines[0]!, /^NAME\s+ENDPOINT\s+REACHABLE\s+TLS\s+TOKEN\s+PERMISSIONS\s+PROPELLER\s+ADMIN\s+CATALOG\s+CLUSTER-ID\s+STORAGE\s+VERDICT$/);
  assert.match(lines[1]!, /^dp1\s+https:\/\/dp1:6443\s+yes\s+yes\s+yes\s+yes\s+yes\s+yes\s+off\s+default\s+yes\s+OK$/);
  assert.match(lines[2]!, /^dp2\s+https:\/\/dp2:6443\s+yes\s+yes\s+NO\s+-\s+-\s+-\s+-\s+-\s+-\s+FAIL$/);
  assert.ok(lines.includes('error: cluster dp2: the API server rejects the token (401 Unauthorized)'), lines.join('\n'));
  assert.ok(lines.includes('  fix: rotate it'));
  assert.match(
    lines.at(-2)!,
    /^1 of 2 clusters FAIL \(credentials from hub cp Secret flyte\/cluster-credentials; clusters from values.yaml; permissions from flyte-core's default cluster-resource templates\)$/,
  );
});

test.run();
