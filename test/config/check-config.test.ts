// plugin/config/check-config.ts: both forms of config checked (schema, then semantic checks), defaults filled in, every problem of a run.
import { test } from '../helpers/uvu.ts';
import * as assert from 'uvu/assert';
import { checkConfig } from '../../plugin/config/check-config.ts';
import type { FoundConfig } from '../../plugin/config/types.ts';

const source = { label: 'v.yaml', base: '/multicluster' };
const mc = (raw: unknown, extra: Partial<FoundConfig> = {}): FoundConfig => ({ source, form: 'multicluster', raw, ...extra });
const core = (raw: unknown, extra: Partial<FoundConfig> = {}): FoundConfig => ({
  source: { label: 'v.yaml', base: '/configmap/clusters' },
  form: 'flyte-core',
  raw,
  ...extra,
});
const east = { name: 'east', endpoint: 'https://203.0.113.1:6443', enabled: true };
const codes = (r: { problems: Array<{ code: string }> }) => r.problems.map((p) => p.code);

test('a valid multicluster block: token and CA paths filled in under the mounted folder, the control plane kept', () => {
  const r = checkConfig(
    mc({
      credentials: { secretName: 'creds', mountPath: '/etc/creds/' },
      clusters: {
        clusterConfigs: [east, { name: 'local', inCluster: true, enabled: true, auth: { type: 'file_path' } }],
        labelClusterMap: { l: [{ id: 'east', weight: 1 }] },
        defaultExecutionLabel: 'l',
      },
      controlPlane: { catalogIngress: true },
    }),
  );
  assert.equal(codes(r), ['config.auth-type']);
  assert.equal(r.config!.credentials, { secretName: 'creds', mountPath: '/etc/creds' });
  assert.equal(r.config!.clusters.clusterConfigs, [
    { ...east, auth: { tokenPath: '/etc/creds/east_token', certPath: '/etc/creds/east_cacert' } },
    { name: 'local', inCluster: true, enabled: true, auth: {} },
  ]);
  assert.is(r.config!.clusters.defaultExecutionLabel, 'l');
  assert.equal(r.config!.controlPlane, { catalogIngress: true });
  assert.is(r.role, undefined);
});

test('a data plane needs no clusters; its role is reported with or without errors', () => {
  const r = checkConfig(mc({ role: 'data-plane', clusterName: 'east' }));
  assert.equal(r.problems, []);
  assert.is(r.role, 'data-plane');
  assert.equal(r.config!.clusters, { clusterConfigs: [], labelClusterMap: {} });
  const bad = checkConfig(mc({ role: 'data-plane', credentials: { secretName: 7 } }));
  assert.is(bad.config, undefined);
  assert.is(bad.role, 'data-plane');
  assert.equal(codes(bad), ['values.schema']);
  assert.equal(codes(checkConfig(mc({ role: 'data-plane' }), { requireClusters: true })), ['config.no-clusters']);
});

test('every problem in one run: found ones first, then schema, semantic, proxy, execution labels, token files', () => {
  const r = checkConfig(
    mc(
      {
        clusters: {
          clusterConfigs: [
            { ...east, auth: { tokenPath: '/tmp/t' } },
            { name: 'p', endpoint: 'https://203.0.113.2:6443', enabled: true, credentialProxy: { exec: { command: 'aws' } } },
          ],
          labelClusterMap: { l: [{ id: 'x', weight: 1 }] },
        },
        credentialProxy: { image: 'proxy:1' },
        executionLabels: [{ project: 'p', domain: 'd', label: 'm' }],
        bogus: 1,
      },
      { problems: [{ severity: 'error', code: 'config.misplaced', message: 'found first' }] },
    ),
  );
  assert.equal(codes(r), [
    'config.misplaced',
    'values.schema',
    'config.route-unknown',
    'config.label-dropped',
    'config.execution-label-unrouted',
    'config.token-file',
  ]);
  assert.is(r.config, undefined);
  assert.is(r.problems[1]!.pointer, '/multicluster/bogus');
});

test('a proxied cluster is wired to its proxy; an entry in FlyteAdmin form is read back', () => {
  const proxied = { name: 'p', endpoint: 'https://203.0.113.2:6443', enabled: true, credentialProxy: { exec: { command: 'aws' } } };
  const r = checkConfig(mc({ clusters: { clusterConfigs: [proxied] }, credentialProxy: { image: 'proxy:1' } }));
  assert.equal(r.problems, []);
  const wired = r.config!.clusters.clusterConfigs[0]!;
  assert.match(wired.endpoint!, /^http:\/\/127\.0\.0\.1:\d+$/);
  assert.is(wired.credentialProxy!.image, 'proxy:1');
  assert.is(wired.credentialProxy!.server, 'https://203.0.113.2:6443');
  const again = checkConfig(mc({ clusters: { clusterConfigs: [wired] } }));
  assert.equal(again.problems, []);
  assert.equal(again.config!.clusters.clusterConfigs, [wired]);
});

test('not a mapping: said with its shape, nothing else', () => {
  const r = checkConfig(mc(null));
  assert.equal(
    r.problems.map((p) => [p.code, p.pointer, p.message]),
    [['config.shape', '/multicluster', '`multicluster` must be a mapping, not empty']],
  );
  assert.match(checkConfig(mc([1])).problems[0]!.message, 'not a list');
  assert.match(checkConfig(core('x')).problems[0]!.message, '`clusters` must be a mapping with clusterConfigs and labelClusterMap, not string');
  assert.equal(checkConfig(mc(3), { requireClusters: false }).problems.length, 1);
});

test("flyte-core's clusters section: the mounted Secret from the volumes, token paths checked against it", () => {
  const where = (base: string) => (p: string) => ({ file: 'v.yaml', pointer: `${base}${p}` });
  const volumes = { value: [{ name: 'creds', secret: { secretName: 'my-creds' } }], where: where('/flyteadmin/additionalVolumes') };
  const mounts = { value: [{ name: 'creds', mountPath: '/var/run/creds' }], where: where('/flyteadmin/additionalVolumeMounts') };
  const ok = checkConfig(
    core({ clusterConfigs: [{ ...east, auth: { tokenPath: '/var/run/creds/east_token', certPath: '/var/run/creds/east_cacert' } }] }, { volumes, mounts }),
  );
  assert.equal(ok.problems, []);
  assert.equal(ok.config!.credentials, { secretName: 'my-creds', mountPath: '/var/run/creds' });
  assert.is(ok.role, undefined);
  const dflt = checkConfig(core({ clusterConfigs: [east] }));
  assert.equal(dflt.config!.credentials, { secretName: 'cluster-credentials', mountPath: '/var/run/credentials' });
  assert.equal(dflt.config!.clusters.clusterConfigs[0]!.auth, { tokenPath: '/var/run/credentials/east_token', certPath: '/var/run/credentials/east_cacert' });
  const bad = checkConfig(
    core({ clusterConfigs: [{ ...east, auth: { tokenPath: '/var/run/creds/east_token' } }], extra: 1 }, { volumes: { ...volumes, value: [] }, mounts }),
  );
  assert.equal(codes(bad), ['values.schema', 'config.credentials', 'config.token-file']);
  assert.is(bad.config, undefined);
  assert.equal(codes(checkConfig(core({ clusterConfigs: [] }), { requireClusters: false })), []);
});

test.run();
