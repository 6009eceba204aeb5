// plugin/cluster/check-table.ts: check's table, its columns as the rows need them, a line and a fix per problem, the count, the TLS notes.
import { test } from '../helpers/uvu.ts';
import * as assert from 'uvu/assert';
import { formatTable } from '../../plugin/cluster/check-table.ts';
import type { CheckReport, CheckRow } from '../../plugin/cluster/check-report.ts';

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
    namespace: 'flyte',
    namespaceFrom: "flytemc's default",
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
          { check: 'alive', ok: true, value: 'renewed 2 s ago by dp1-propeller' },
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
  assert.match(lines[0]!, /^NAME\s+ENDPOINT\s+REACHABLE\s+TLS\s+TOKEN\s+PERMISSIONS\s+PROPELLER\s+ALIVE\s+ADMIN\s+CATALOG\s+CLUSTER-ID\s+STORAGE\s+VERDICT$/);
  assert.match(lines[1]!, /^dp1\s+https:\/\/dp1:6443\s+yes\s+yes\s+yes\s+yes\s+yes\s+yes\s+yes\s+off\s+default\s+yes\s+OK$/);
  assert.match(lines[2]!, /^dp2\s+https:\/\/dp2:6443\s+yes\s+yes\s+NO\s+-\s+-\s+-\s+-\s+-\s+-\s+-\s+FAIL$/);
  assert.ok(lines.includes('error: cluster dp2: the API server rejects the token (401 Unauthorized)'), lines.join('\n'));
  assert.ok(lines.includes('  fix: rotate it'));
  assert.match(
    lines.at(-2)!,
    /^1 of 2 clusters FAIL \(credentials from hub cp Secret flyte\/cluster-credentials; clusters from values.yaml; permissions from flyte-core's default cluster-resource templates\)$/,
  );
});

const base = (over: Partial<CheckReport>): CheckReport => ({
  hub: 'cp',
  namespace: 'flyte',
  namespaceFrom: "flytemc's default",
  hubTlsVerified: true,
  secret: 'flyte/cluster-credentials',
  source: 'values.yaml',
  needsFrom: 'x',
  ok: true,
  clusters: [],
  ...over,
});
const blank = (name: string, over: Partial<CheckRow>): CheckRow => ({
  name,
  endpoint: `https://${name}:6443`,
  enabled: true,
  reachable: false,
  tls: false,
  authenticated: false,
  permissions: false,
  verdict: 'fail',
  findings: [],
  ms: 0,
  ...over,
});

test('formatTable: inCluster and no endpoint show -, a proxied row its PROXY column and proxy token, DEPLOYED when any row has it; one cluster OK', () => {
  const rows: CheckRow[] = [
    blank('local', {
      endpoint: 'in cluster',
      verdict: 'skip',
      findings: [{ check: 'token', ok: null, problem: 'inCluster: FlyteAdmin uses its own ServiceAccount' }],
    }),
    blank('bare', {
      endpoint: '',
      problem: 'no endpoint',
      fix: 'set endpoint',
      findings: [{ check: 'reachable', ok: false, problem: 'no endpoint', fix: 'set endpoint' }],
    }),
    blank('px', {
      proxied: true,
      reachable: true,
      tls: true,
      authenticated: true,
      verdict: 'ok',
      findings: [
        { check: 'reachable', ok: true },
        { check: 'tls', ok: true },
        { check: 'token', ok: true, value: 'short-lived (credential proxy)' },
        { check: 'permissions', ok: null },
        { check: 'proxy', ok: true },
        { check: 'deployed', ok: true },
      ],
    }),
    blank('px2', {
      proxied: true,
      findings: [
        { check: 'token', ok: false, problem: 'leftover token' },
        { check: 'deployed', ok: true, problem: 'dropped' },
      ],
    }),
  ];
  const lines = formatTable(base({ clusters: rows })).split('\n');
  assert.match(lines[0]!, /^NAME\s+ENDPOINT\s+REACHABLE\s+TLS\s+TOKEN\s+PERMISSIONS\s+PROXY\s+DEPLOYED\s+VERDICT$/);
  assert.match(lines[1]!, /^local\s+in cluster\s+-\s+-\s+-\s+-\s+-\s+-\s+skip$/);
  assert.match(lines[2]!, /^bare\s+-\s+-\s+-\s+-\s+-\s+-\s+-\s+FAIL$/);
  assert.match(lines[3]!, /^px\s+https:\/\/px:6443\s+yes\s+yes\s+proxy\s+-\s+yes\s+yes\s+OK$/);
  assert.match(lines[4]!, /^px2\s+https:\/\/px2:6443\s+NO\s+-\s+NO\s+-\s+-\s+yes\s+FAIL$/);
  const text = lines.join('\n');
  assert.ok(text.includes('note: cluster local: inCluster: FlyteAdmin uses its own ServiceAccount'), text);
  assert.ok(text.includes('error: cluster bare: no endpoint\n  fix: set endpoint'), 'a problem said by a finding and the row once');
  assert.is(text.split('no endpoint').length, 2);
  assert.ok(text.includes('note: cluster px2 (deployed): dropped'));
  assert.ok(text.includes('error: cluster px2: leftover token'));
  assert.match(text, /\n2 of 4 clusters FAIL \(credentials from hub cp Secret/);
  const one = formatTable(base({ clusters: [blank('a', { verdict: 'ok', problem: 'just so' })] }));
  assert.match(one, /note: cluster a: just so\n\nall 1 cluster OK \(/);
});

test('formatTable: a hub or member context reached without TLS verification says so where it is named', () => {
  const row = blank('dp1', {
    memberContext: 'dp1',
    memberTlsVerified: false,
    findings: [{ check: 'alive', ok: false, problem: 'not running', fix: 'look' }],
  });
  const text = formatTable(
    base({ hubTlsVerified: false, clusters: [row, { ...row, name: 'dp2', memberContext: 'dp2', memberTlsVerified: undefined } as CheckRow] }),
  );
  assert.ok(text.includes('error: cluster dp1 (alive, context dp1 [TLS NOT VERIFIED]): not running'), text);
  assert.ok(text.includes('error: cluster dp2 (alive, context dp2): not running'), text);
  assert.ok(text.includes('credentials from hub cp [TLS NOT VERIFIED] Secret'), text);
});

test.run();
