// plugin/config/values-file.ts: clusters and routes recorded and removed, rewriting only the text that changed.
import { test } from '../helpers/uvu.ts';
import * as assert from 'uvu/assert';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync, chmodSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { addClusters, clusterListFile, editValuesFile, enabledClusters, removeCluster, setEnabled, snippet } from '../../plugin/config/values-file.ts';

const dir = mkdtempSync(join(tmpdir(), 'flytemc-values-'));
test.after(() => rmSync(dir, { recursive: true, force: true }));

const entry = (name: string, routes: Array<{ label: string; weight: number }> = []) => ({ name, endpoint: `https://${name}.example:6443`, routes });

test('adds clusters and routes, keeps comments and other keys, keeps the file mode', async () => {
  const f = join(dir, 'a.yaml');
  const text =
    '# top\nimage: x # inline\nmulticluster:\n  # creds\n  credentials:\n    secretName: cluster-credentials\n  clusters:\n    clusterConfigs: []\n# after\nflyte-core:\n  a: 1\n';
  writeFileSync(f, text);
  chmodSync(f, 0o600);
  const e = await editValuesFile(f, (v) => addClusters(v, [entry('dp1', [{ label: 'team1', weight: 0.5 }]), entry('dp2')]), { dryRun: false });
  assert.ok(e.changed && e.commentsKept);
  const out = readFileSync(f, 'utf8');
  for (const kept of ['# top\n', 'image: x # inline', '  # creds\n', '# after\n', 'flyte-core:\n  a: 1']) assert.ok(out.includes(kept), `lost ${kept}`);
  assert.is(statSync(f).mode & 0o777, 0o600);
  const v = yaml.load(out) as { multicluster: { clusters: { clusterConfigs: unknown[]; labelClusterMap: unknown } } };
  assert.equal(v.multicluster.clusters.clusterConfigs, [
    { name: 'dp1', endpoint: 'https://dp1.example:6443', enabled: true },
    { name: 'dp2', endpoint: 'https://dp2.example:6443', enabled: true },
  ]);
  assert.equal(v.multicluster.clusters.labelClusterMap, { team1: [{ id: 'dp1', weight: 0.5 }] });
  const again = await editValuesFile(f, (v2) => addClusters(v2, [entry('dp1', [{ label: 'team1', weight: 0.5 }]), entry('dp2')]), { dryRun: false });
  assert.not.ok(again.changed);
});

test('join then unjoin: exactly the text of the clusters changes; comments inside the cluster list stay', async () => {
  const f = join(dir, 'exact.yaml');
  const head = '# control plane values\nmulticluster:\n  role: control-plane  # set by hand\n  credentials:\n    secretName: cluster-credentials\n';
  const tail = '\nflyte-core:\n  flyteadmin:\n    replicaCount: 1\n';
  writeFileSync(f, head + tail);
  const team1 = [{ label: 'team1', weight: 0.5 }];
  await editValuesFile(f, (v) => addClusters(v, [entry('dp1', team1), entry('dp2', team1)]), { dryRun: false });
  const item = (n: string) => `      - name: ${n}\n        endpoint: https://${n}.example:6443\n        enabled: true\n`;
  const route = (n: string) => `        - id: ${n}\n          weight: 0.5\n`;
  const both = `${head}  clusters:\n    clusterConfigs:\n${item('dp1')}${item('dp2')}    labelClusterMap:\n      team1:\n${route('dp1')}${route('dp2')}${tail}`;
  assert.is(readFileSync(f, 'utf8'), both);
  const commented = both.replace(item('dp2'), `      # the second data plane\n${item('dp2')}`).replace('team1:\n', 'team1: # half each\n');
  writeFileSync(f, commented);
  const e = await editValuesFile(f, (v) => void removeCluster(v, 'dp1'), { dryRun: false });
  assert.ok(e.changed && e.commentsKept);
  assert.is(readFileSync(f, 'utf8'), commented.replace(item('dp1'), '').replace(route('dp1'), ''));
});

test('a new file, and a dry run that writes nothing', async () => {
  const f = join(dir, 'new.yaml');
  const dry = await editValuesFile(f, (v) => addClusters(v, [entry('dp1')]), { dryRun: true });
  assert.ok(dry.changed && dry.created);
  assert.throws(() => statSync(f));
  await editValuesFile(f, (v) => addClusters(v, [entry('dp1')]), { dryRun: false });
  assert.equal(yaml.load(readFileSync(f, 'utf8')), {
    multicluster: { clusters: { clusterConfigs: [{ name: 'dp1', endpoint: 'https://dp1.example:6443', enabled: true }] } },
  });
});

test('remove: routes first, empty labels and their default go, then the config', () => {
  const v: Record<string, unknown> = {};
  addClusters(v, [
    entry('dp1', [
      { label: 'a', weight: 1 },
      { label: 'b', weight: 0.5 },
    ]),
    entry('dp2', [{ label: 'b', weight: 0.5 }]),
  ]);
  (v.multicluster as Record<string, Record<string, unknown>>).clusters!.defaultExecutionLabel = 'a';
  const r = removeCluster(v, 'dp1');
  assert.equal(r, { routes: ['a', 'b'], config: true, defaultLabelDropped: 'a' });
  assert.equal(v, {
    multicluster: {
      clusters: {
        clusterConfigs: [{ name: 'dp2', endpoint: 'https://dp2.example:6443', enabled: true }],
        labelClusterMap: { b: [{ id: 'dp2', weight: 0.5 }] },
      },
    },
  });
});

test('a flow-style block is edited in place (in block style), comments kept; anchors make a full rewrite with the same values', async () => {
  const f = join(dir, 'flow.yaml');
  writeFileSync(f, '# c\nmulticluster: {role: control-plane}\nx: 1\n');
  const e = await editValuesFile(f, (v) => addClusters(v, [entry('dp1')]), { dryRun: false });
  assert.ok(e.commentsKept);
  assert.is(
    readFileSync(f, 'utf8'),
    '# c\nmulticluster:\n  role: control-plane\n  clusters:\n    clusterConfigs:\n      - name: dp1\n        endpoint: https://dp1.example:6443\n        enabled: true\nx: 1\n',
  );
  const g = join(dir, 'anchors.yaml');
  writeFileSync(g, '# c\nbase: &b {role: control-plane}\nmulticluster:\n  <<: *b\n');
  const r = await editValuesFile(g, (v) => addClusters(v, [entry('dp1')]), { dryRun: false });
  assert.not.ok(r.commentsKept);
  assert.equal((yaml.load(readFileSync(g, 'utf8')) as { multicluster: unknown }).multicluster, {
    role: 'control-plane',
    clusters: { clusterConfigs: [{ name: 'dp1', endpoint: 'https://dp1.example:6443', enabled: true }] },
  });
});

test('refuses a flyte-core configmap.clusters file; the snippet never holds a token', () => {
  assert.throws(() => addClusters({ configmap: { clusters: {} } }, [entry('dp1')], 'v.yaml'), /configmap\.clusters/);
  assert.not.match(snippet([entry('dp1')]), /token/);
});

test('cordon: setEnabled flips only the flag (comments, routes and the other clusters kept), again changes nothing; join keeps enabled: false', async () => {
  const f = join(dir, 'cordon.yaml');
  const text = [
    '# control plane',
    'multicluster:',
    '  clusters:',
    '    clusterConfigs:',
    '      - {name: dp1, endpoint: "https://dp1.example:6443", enabled: true}',
    '      - {name: dp2, endpoint: "https://dp2.example:6443", enabled: true}',
    '    labelClusterMap:',
    '      pin-dp1: [{id: dp1, weight: 1}]',
    '',
  ].join('\n');
  writeFileSync(f, text);
  let r = { found: false, changed: false };
  const e = await editValuesFile(f, (v) => void (r = setEnabled(v, 'dp1', false, f)), { dryRun: false });
  assert.equal(r, { found: true, changed: true });
  assert.ok(e.changed && e.commentsKept);
  const v = yaml.load(readFileSync(f, 'utf8')) as {
    multicluster: { clusters: { clusterConfigs: Array<{ name: string; enabled: boolean; endpoint: string }>; labelClusterMap: unknown } };
  };
  assert.equal(
    v.multicluster.clusters.clusterConfigs.map((c) => [c.name, c.enabled, c.endpoint]),
    [
      ['dp1', false, 'https://dp1.example:6443'],
      ['dp2', true, 'https://dp2.example:6443'],
    ],
  );
  assert.equal(v.multicluster.clusters.labelClusterMap, { 'pin-dp1': [{ id: 'dp1', weight: 1 }] });
  assert.is(readFileSync(f, 'utf8'), text.replace('enabled: true}', 'enabled: false}'), 'only the flag, flow style kept');
  assert.equal(enabledClusters(v), ['dp2']);
  const again = await editValuesFile(f, (x) => void (r = setEnabled(x, 'dp1', false, f)), { dryRun: false });
  assert.not.ok(again.changed);
  assert.equal(r, { found: true, changed: false });
  assert.equal(setEnabled(structuredClone(v), 'dp9', false), { found: false, changed: false });
  // join again (a token repair): the cordon stays; a new cluster is enabled
  await editValuesFile(f, (x) => addClusters(x, [entry('dp1'), entry('dp3')]), { dryRun: false });
  const w = yaml.load(readFileSync(f, 'utf8')) as typeof v;
  assert.equal(
    w.multicluster.clusters.clusterConfigs.map((c) => [c.name, c.enabled]),
    [
      ['dp1', false],
      ['dp2', true],
      ['dp3', true],
    ],
  );
});

test('the lock: a run waits for another, takes over a lock left by a killed run; a list is not a values file', async () => {
  const f = join(dir, 'locked.yaml');
  writeFileSync(f, 'a: 1\n');
  writeFileSync(`${f}.flytemc-lock`, '');
  setTimeout(() => rmSync(`${f}.flytemc-lock`), 100);
  assert.ok((await editValuesFile(f, (v) => addClusters(v, [entry('dp1')]), { dryRun: false })).changed);
  writeFileSync(`${f}.flytemc-lock`, '');
  utimesSync(`${f}.flytemc-lock`, new Date(Date.now() - 120_000), new Date(Date.now() - 120_000));
  assert.ok((await editValuesFile(f, (v) => addClusters(v, [entry('dp2')]), { dryRun: false })).changed);
  assert.throws(() => statSync(`${f}.flytemc-lock`));
  writeFileSync(f, '- a\n');
  await editValuesFile(f, () => {}, { dryRun: true }).then(
    () => assert.unreachable('a list was taken'),
    (e: Error) => assert.match(String(e), 'must be a YAML mapping of Helm values'),
  );
});

test('a cluster joined again through a credential proxy loses its token path, and back', () => {
  const v: Record<string, any> = {
    multicluster: { clusters: { clusterConfigs: [{ name: 'dp1', endpoint: 'https://old', enabled: true, auth: { type: 'file_path' } }] } },
  };
  const credentialProxy = { kubeconfigSecret: 'k' } as never;
  addClusters(v, [{ ...entry('dp1'), credentialProxy }]);
  assert.equal(v.multicluster.clusters.clusterConfigs[0], { name: 'dp1', endpoint: 'https://dp1.example:6443', enabled: true, credentialProxy });
  addClusters(v, [entry('dp1')]);
  assert.equal(v.multicluster.clusters.clusterConfigs[0], { name: 'dp1', endpoint: 'https://dp1.example:6443', enabled: true });
});

test('clusterListFile: the last file that sets clusterConfigs, as Helm replaces lists', () => {
  const files = [
    { file: 'shared.yaml', values: { multicluster: { controlPlane: {} } } },
    { file: 'my.yaml', values: { multicluster: { clusters: { clusterConfigs: [] } } } },
    { file: 'labels.yaml', values: { multicluster: { clusters: { labelClusterMap: {} } } } },
    { file: 'host.yaml', values: { 'flyte-core': {} } },
  ];
  assert.is(clusterListFile(files)?.file, 'my.yaml');
  assert.is(clusterListFile([files[0]!, files[3]!]), undefined);
});

test.run();
