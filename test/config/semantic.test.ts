// plugin/config/semantic.ts: what the schema cannot say, each problem with its code, place and fix.
import { test } from '../helpers/uvu.ts';
import * as assert from 'uvu/assert';
import { executionLabelProblems, fileProblems, semanticProblems, usable } from '../../plugin/config/semantic.ts';
import type { ClusterConfig } from '../../plugin/config/types.ts';
import type { Problem } from '../../plugin/problems/problems.ts';

const at = (p: string) => ({ file: 'v.yaml', pointer: p });
const brief = (ps: Problem[]) => ps.map((p) => `${p.severity} ${p.code} ${p.pointer}`);
const c = (name: string, enabled = true) => ({ name, endpoint: 'https://203.0.113.1:6443', enabled });

test('usable: the parts of a clusters section that have the right shape', () => {
  assert.equal(usable('x'), { list: [], map: {} });
  assert.equal(usable({ clusterConfigs: [1, { name: 'a' }], labelClusterMap: { l: [2, { id: 'a' }], m: 'x' }, defaultExecutionLabel: 'l' }), {
    list: [{}, { name: 'a' }],
    map: { l: [{}, { id: 'a' }], m: [] },
    def: 'l',
  });
  assert.equal(usable({ labelClusterMap: [] }), { list: [], map: {} });
});

test('clusters: duplicates, no `enabled`, auth.type; nameless entries left to the schema', () => {
  const ps = semanticProblems({ clusterConfigs: [c('a'), c('a'), { name: 'b', auth: { type: 'file_path' } }, {}] }, at, true);
  assert.equal(brief(ps), [
    'error config.duplicate-name /clusterConfigs/1/name',
    'warning config.enabled-missing /clusterConfigs/2',
    'warning config.auth-type /clusterConfigs/2/auth/type',
  ]);
  assert.match(ps[0]!.message, 'FlyteAdmin panics at start-up on duplicates');
});

test('no cluster, or none enabled: an error when clusters are required only', () => {
  assert.equal(brief(semanticProblems({ clusterConfigs: [] }, at, true)), ['error config.no-clusters /clusterConfigs']);
  assert.equal(semanticProblems({}, at, false), []);
  const off = semanticProblems({ clusterConfigs: [c('a', false)] }, at, true);
  assert.equal(
    off.map((p) => p.message),
    ['no cluster is enabled, so FlyteAdmin has nowhere to run executions'],
  );
  assert.equal(semanticProblems({ clusterConfigs: [c('a', false)] }, at, false), []);
});

test('routes: to an unknown cluster (with the names to use), a disabled one, one listed twice; a label left with none', () => {
  const ps = semanticProblems(
    {
      clusterConfigs: [c('a'), c('b', false)],
      labelClusterMap: {
        'team/1': [{ id: 'x' }, { id: 'a' }, { id: 'a' }, {}],
        gone: [{ id: 'b' }, { id: 'x' }],
      },
    },
    at,
    true,
  );
  assert.equal(brief(ps), [
    'error config.route-unknown /labelClusterMap/team~11/0/id',
    'warning config.route-twice /labelClusterMap/team~11/2/id',
    'warning config.route-disabled /labelClusterMap/gone/0/id',
    'error config.route-unknown /labelClusterMap/gone/1/id',
    'error config.label-dropped /labelClusterMap/gone',
  ]);
  assert.is(ps[0]!.fix, 'use one of: a, b');
  assert.match(ps[4]!.message, 'its executions fall back to all enabled clusters');
  const none = semanticProblems({ labelClusterMap: { l: [{ id: 'x' }] } }, at, false);
  assert.is(none[0]!.fix, 'use one of: (no clusters yet)');
});

test('a label routed only to cordoned clusters is a warning; the fallback names defaultExecutionLabel', () => {
  const ps = semanticProblems(
    { clusterConfigs: [c('a'), c('b', false)], labelClusterMap: { l: [{ id: 'b' }, { id: 'b' }], d: [{ id: 'a' }], e: [] }, defaultExecutionLabel: 'd' },
    at,
    true,
  );
  const cordoned = ps.find((p) => p.code === 'config.label-cordoned')!;
  assert.is(cordoned.severity, 'warning');
  assert.is(cordoned.message, 'label "l" routes only to cordoned clusters (enabled: false: b), so FlyteAdmin drops it and its executions go to label "d"');
});

test('defaultExecutionLabel must be a label of labelClusterMap', () => {
  const ps = semanticProblems({ clusterConfigs: [c('a')], labelClusterMap: { l: [{ id: 'a' }] }, defaultExecutionLabel: 'm' }, at, true);
  assert.equal(brief(ps), ['error config.default-label /defaultExecutionLabel']);
  assert.is(ps[0]!.fix, 'use one of: l');
  const empty = semanticProblems({ clusterConfigs: [c('a')], defaultExecutionLabel: 'm' }, at, true);
  assert.is(empty[0]!.fix, 'use one of: (no labels yet: add one to labelClusterMap)');
});

test('execution labels: each project/domain[/workflow] once, each label routed', () => {
  const clusters = { labelClusterMap: { l: [{ id: 'a', weight: 1 }] } };
  const ps = executionLabelProblems(
    [
      { project: 'p', domain: 'd', label: 'l' },
      { project: 'p', domain: 'd', label: 'l' },
      { project: 'p', domain: 'd', workflow: 'w', label: 'nope' },
    ],
    clusters,
    at,
  );
  assert.equal(brief(ps), ['error config.execution-label-twice /1', 'error config.execution-label-unrouted /2/label']);
  assert.is(ps[0]!.message, 'p/d is listed twice (also entry 0); flytectl keeps whichever is applied last');
  assert.match(ps[1]!.message, 'p/d/w gets label "nope"');
  assert.match(ps[1]!.message, 'fall back to all enabled clusters');
  const withDefault = executionLabelProblems([{ project: 'p', domain: 'd', label: 'x' }], { defaultExecutionLabel: 'l' }, at);
  assert.match(withDefault[0]!.message, 'fall back to label "l"');
  assert.is(withDefault[0]!.fix, 'use one of: (no labels yet: add one to labelClusterMap)');
});

test('token and CA files: present, inside the mounted folder, valid Secret keys', () => {
  const creds = { secretName: 'cluster-credentials', mountPath: '/var/run/credentials' };
  const list = [
    { name: 'a', auth: { tokenPath: '/elsewhere/a_token', certPath: '/var/run/credentials/a:ca' } },
    { name: 'b', auth: { certPath: 3 } },
    { name: 'c', auth: 'x' },
    { name: 'in', inCluster: true },
    { name: 'p', credentialProxy: { exec: { command: 'aws' } } },
    { auth: {} },
    { name: 'ok', auth: { tokenPath: '/var/run/credentials/ok_token', certPath: '/var/run/credentials/ok_cacert' } },
  ] as unknown as ClusterConfig[];
  const ps = fileProblems(list, creds, at);
  assert.equal(brief(ps), [
    'error config.token-file /clusterConfigs/0/auth/tokenPath',
    'error config.token-file /clusterConfigs/0/auth/certPath',
    'error config.token-file /clusterConfigs/1/auth',
    'error config.token-file /clusterConfigs/2/auth',
    'error config.token-file /clusterConfigs/2/auth',
  ]);
  assert.is(ps[0]!.fix, 'use /var/run/credentials/a_token');
  assert.is(ps[1]!.message, `"a:ca" cannot be a Secret key (letters, digits, '-', '_' and '.' only)`);
  assert.is(ps[2]!.fix, 'set auth.tokenPath: /var/run/credentials/b_token');
  assert.is(ps[4]!.fix, 'set auth.certPath: /var/run/credentials/c_cacert');
});

test.run();
