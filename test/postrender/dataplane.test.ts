// plugin/postrender/dataplane.ts, the data plane's way back, in-process and as the built CLI:
// the post-renderer on flyte-core's real rendered data planes (../shared/flyte-core/
// rendered), the wiring rules (config/control-plane.ts), the storage comparison
// (config/storage.ts), `rbac`, `validate --data-plane` and `install data-plane --admin-endpoint`.
// The same on real clusters: test/wayback.test.ts; the RBAC derived from cluster-resource
// templates: test/config/rbac.test.ts.
import { test } from '../helpers/uvu.ts';
import * as assert from 'uvu/assert';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { configFromValues } from '../../plugin/config/from-values.ts';
import { postRender } from '../../plugin/postrender/index.ts';
import { dataPlane as dataPlaneStages } from '../../plugin/postrender/dataplane.ts';
import { parseStream } from '../../plugin/postrender/stream.ts';
import { FlytemcError } from '../../plugin/problems/problems.ts';
import { inClusterService, resolveWiring, targetHost } from '../../plugin/config/control-plane.ts';
import { storageDifferences, storageOfConfig, storageOfValues, resolveTemplate } from '../../plugin/config/storage.ts';
import { FLYTE_CORE_TEMPLATES } from '../../plugin/config/rbac.ts';
import { find, objects, rendered, type Obj } from '../helpers/manifests.ts';
import { CHART_DIR, helmBinary } from '../helpers/helm.ts';
import { CLI, runNodeSync } from '../helpers/process.ts';

const ADMIN = 'dns:///flyte.example.com:443';
const work = mkdtempSync(join(tmpdir(), 'flytemc-dataplane-'));

/** A rendered data plane with the chart's MultiClusterConfig for it appended. */
function dataPlane(spec: Obj, file = 'dataplane.yaml', extra: Obj = {}): string {
  const doc = {
    apiVersion: 'flytemc.io/v1alpha1',
    kind: 'MultiClusterConfig',
    metadata: { name: 'flyte-multicluster' },
    spec: { role: 'data-plane', clusterName: 'dp1', ...spec },
    ...extra,
  };
  return `${rendered(file)}\n---\n# Source: flyte-multicluster/templates/multiclusterconfig.yaml\n${yaml.dump(doc)}`;
}
const propellerConfig = (out: Obj[]) => {
  const data = find(out, 'ConfigMap', 'flyte-propeller-config')!.data as Record<string, string>;
  return { admin: yaml.load(data['admin.yaml']!) as Obj, catalog: yaml.load(data['catalog.yaml']!) as Obj };
};
function refusal(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    assert.instance(e, FlytemcError);
    return (e as Error).message;
  }
  throw new assert.Assertion({ message: 'accepted', generated: false, operator: 'throws', expects: 'a refusal', actual: 'nothing' });
}

// ---------------------------------------------------------------------------------------------
// the post-renderer on flyte-core's own rendered data planes

for (const file of ['dataplane.yaml', 'dataplane-eks.yaml', 'dataplane-gcp.yaml']) {
  test(`${file}: flytepropeller pointed at the control plane; nothing else but the checksums changes`, () => {
    const input = objects(rendered(file));
    const r = postRender(dataPlane({ controlPlane: { adminEndpoint: ADMIN, catalogIngress: true } }, file));
    const out = objects(r.output);
    assert.is(out.length, input.length, 'the MultiClusterConfig is consumed, nothing else added or removed');
    const cfg = propellerConfig(out);
    assert.equal(cfg.admin.admin.endpoint, ADMIN);
    assert.equal(cfg.admin.admin.insecure, false);
    assert.equal(cfg.admin.event, { type: 'admin', rate: 500, capacity: 1000 }, 'the other admin.yaml keys stay');
    assert.equal(cfg.catalog['catalog-cache'], { type: 'datacatalog', endpoint: ADMIN, insecure: false });
    assert.not.match(r.output, /flyteadmin:81|datacatalog:89/);
    for (let i = 0; i < input.length; i++) {
      const a = structuredClone(input[i]!);
      const b = structuredClone(out[i]!);
      if (a.kind === 'ConfigMap' && a.metadata.name === 'flyte-propeller-config') {
        for (const k of ['admin.yaml', 'catalog.yaml']) {
          delete a.data[k];
          delete b.data[k];
        }
        assert.equal(JSON.parse(b.metadata.annotations['flytemc.io/control-plane']), {
          admin: { endpoint: ADMIN, insecure: false },
          catalog: { type: 'datacatalog', endpoint: ADMIN, insecure: false },
        });
        delete b.metadata.annotations;
      }
      if (a.kind === 'Deployment') {
        const readsIt = JSON.stringify(a.spec.template.spec.volumes ?? []).includes('flyte-propeller-config');
        assert.is(
          readsIt,
          a.spec.template.metadata?.annotations?.configChecksum !== b.spec.template.metadata?.annotations?.configChecksum || !readsIt,
          `${a.metadata.name}: checksum`,
        );
        delete a.spec.template.metadata?.annotations?.configChecksum;
        delete b.spec.template.metadata?.annotations?.configChecksum;
      }
      assert.equal(b, a, `${a.kind}/${a.metadata?.name} changed`);
    }
    // --explain names the objects it patches
    assert.equal(
      r.patches.map((p) => p.object.split(' ')[0]),
      ['ConfigMap/flyte-propeller-config', 'Deployment/flytepropeller', 'Deployment/flyte-pod-webhook'],
    );
  });
}

test('data plane: post-rendering twice equals once (the second run reads what the first recorded on flyte-propeller-config)', () => {
  for (const spec of [
    { controlPlane: { adminEndpoint: ADMIN, catalogIngress: true } },
    { controlPlane: { adminEndpoint: ADMIN, catalog: false, insecure: true, clientSecret: { secretName: 's' } }, dataPlane: { rbac: 'minimal' } },
  ]) {
    const once = postRender(dataPlane(spec, 'dataplane.yaml', { clusterResourceTemplates: FLYTE_CORE_TEMPLATES })).output;
    const twice = postRender(once);
    assert.is(twice.output, once);
    assert.equal(twice.patches, []);
  }
  // a record that is not flytemc's is refused, not guessed at
  const once = postRender(dataPlane({ controlPlane: { adminEndpoint: ADMIN, catalog: false } })).output;
  assert.match(
    refusal(() => postRender(once.replace(/flytemc\.io\/control-plane: .*/, 'flytemc.io/control-plane: \'{"admin": 1}\''))),
    /is not the wiring flytemc records/,
  );
});

test('data plane: refused, with where and how, when the way back is incomplete or the stream is not a data plane', () => {
  assert.match(
    refusal(() => postRender(dataPlane({ controlPlane: {} }))),
    /\/spec\/controlPlane\/adminEndpoint: multicluster\.controlPlane\.adminEndpoint is not set[\s\S]*fix: set FlyteAdmin's gRPC endpoint/,
  );
  assert.match(
    refusal(() => postRender(dataPlane({ controlPlane: { adminEndpoint: ADMIN } }))),
    /catalogEndpoint is not set[\s\S]*fix: .*catalogIngress: true.*catalogEndpoint.*catalog: false/,
  );
  assert.match(
    refusal(() => postRender(dataPlane({ controlPlane: { adminEndpoint: 'https://flyte.example.com', catalog: false } }))),
    /\/spec\/controlPlane\/adminEndpoint[\s\S]*fix: write the gRPC address .* dns:\/\/\/flyte\.example\.com:443/,
  );
  const noPropeller = dataPlane({ controlPlane: { adminEndpoint: ADMIN, catalog: false } }).replace(/name: flyte-propeller-config/g, 'name: something-else');
  assert.match(
    refusal(() => postRender(noPropeller)),
    /no ConfigMap flyte-propeller-config/,
  );
  // rbac minimal with a template FlyteAdmin could not apply (no kind)
  assert.match(
    refusal(() =>
      postRender(
        dataPlane({ controlPlane: { adminEndpoint: ADMIN, catalog: false }, dataPlane: { rbac: 'minimal' } }, 'dataplane.yaml', {
          clusterResourceTemplates: [{ key: 'zz_broken', value: 'metadata: {}' }],
        }),
      ),
    ),
    /zz_broken names no apiVersion and kind/,
  );
  // the control plane's catalogIngress needs a gRPC Ingress to add to
  const cp = rendered('controlplane.yaml').replace(/kind: Ingress/g, 'kind: NotAnIngress');
  const cfg = `multicluster:\n  controlPlane: {catalogIngress: true}\n  clusters:\n    clusterConfigs: [{name: a, endpoint: "https://10.0.0.1:6443", enabled: true}]\n`;
  assert.match(
    refusal(() => postRender(cp, { config: configFromValues('cp.yaml', cfg) })),
    /catalogIngress is true, but no Ingress routes FlyteAdmin's gRPC services/,
  );
});

test('data plane stages: one MultiClusterConfig; wiring and manifest problems together; verify refuses what the API server would, and a wiring not carried', () => {
  const problems = (fn: () => unknown) => {
    try {
      fn();
    } catch (e) {
      assert.instance(e, FlytemcError);
      return e as FlytemcError;
    }
    throw new Error('accepted');
  };
  const two = parseStream(
    dataPlane({ controlPlane: { adminEndpoint: ADMIN, catalog: false } }) +
      '\n---\napiVersion: flytemc.io/v1alpha1\nkind: MultiClusterConfig\nmetadata: {name: b}\n',
  );
  assert.equal(
    problems(() => dataPlaneStages.find(two, undefined)).problems.map((p) => [p.code, p.object]),
    [['stream.config-count', 'MultiClusterConfig/b']],
  );
  // a config without adminEndpoint and a Deployment flyte-core never renders: both said in one run
  const state = dataPlaneStages.find(parseStream(dataPlane({ controlPlane: { catalog: false } })), undefined);
  state.docs.find((d) => d.textKind === 'Deployment')!.value = { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'x' }, spec: 3 };
  assert.equal([...new Set(dataPlaneStages.validate(state).map((p) => p.code))], ['wiring.control-plane', 'manifests.schema']);
  // verify: flytepropeller's config as rendered does not carry the wiring (a bug: exit 70)
  const ok = dataPlaneStages.find(parseStream(dataPlane({ controlPlane: { adminEndpoint: ADMIN, catalog: false } })), undefined);
  assert.equal(dataPlaneStages.validate(ok), []);
  const bug = problems(() => dataPlaneStages.verify(ok));
  assert.equal([bug.exitCode, bug.problems[0]!.code], [70, 'verify.wiring']);
  // a patched Deployment with a volume twice: refused
  const deployment = ok.docs.find((d) => d.textKind === 'Deployment')!;
  const pod = (deployment.value as { spec: { template: { spec: { volumes?: unknown[] } } } }).spec.template.spec;
  pod.volumes = [
    { name: 'v', emptyDir: {} },
    { name: 'v', emptyDir: {} },
  ];
  deployment.changed = true;
  const refused = dataPlaneStages.verify(ok).map((p) => p.code);
  assert.ok(refused.length > 0 && refused.every((c) => c === 'verify.pod'), refused.join());
});

test('data plane: insecure, catalog off, client secret (auth on), rbac minimal', () => {
  const r = postRender(
    dataPlane(
      {
        controlPlane: { adminEndpoint: 'flyte.internal:81', insecure: true, catalog: false, clientSecret: { secretName: 'propeller-oauth' } },
        dataPlane: { rbac: 'minimal' },
      },
      'dataplane.yaml',
      {
        clusterResourceTemplates: [
          ...FLYTE_CORE_TEMPLATES,
          { key: 'b_sa', value: 'apiVersion: v1\nkind: ServiceAccount\n' },
          { key: 'c_np', value: 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\n' },
        ],
      },
    ),
  );
  const out = objects(r.output);
  const cfg = propellerConfig(out);
  assert.equal(cfg.admin.admin, {
    clientId: 'flytepropeller',
    clientSecretLocation: '/etc/secrets/client_secret',
    endpoint: 'flyte.internal:81',
    insecure: true,
    authType: 'ClientSecret',
  });
  assert.equal(cfg.catalog['catalog-cache'], { type: 'noop' });
  const pod = find(out, 'Deployment', 'flytepropeller')!.spec.template.spec;
  const mount = pod.containers[0].volumeMounts.find((m: Obj) => m.mountPath.replace(/\/$/, '') === '/etc/secrets');
  assert.is(pod.volumes.find((v: Obj) => v.name === mount.name).secret.secretName, 'propeller-oauth');
  assert.equal(find(out, 'ClusterRole', 'flyte-flyteadmin')!.rules, [
    { apiGroups: [''], resources: ['namespaces', 'resourcequotas', 'serviceaccounts'], verbs: ['create', 'get', 'patch'] },
    { apiGroups: ['networking.k8s.io'], resources: ['networkpolicies'], verbs: ['create', 'get', 'patch'] },
    { apiGroups: ['flyte.lyft.com'], resources: ['flyteworkflows'], verbs: ['create', 'get', 'update', 'delete', 'list', 'watch'] },
  ]);
});

// ---------------------------------------------------------------------------------------------
// the pieces

test('wiring: the catalog defaults to adminEndpoint only with catalogIngress; endpoints and in-cluster Services', () => {
  const at = (p: string) => `x ${p}`;
  assert.equal(resolveWiring({ adminEndpoint: ADMIN, catalogIngress: true }, at).wiring?.catalog, { type: 'datacatalog', endpoint: ADMIN, insecure: false });
  assert.equal(resolveWiring({ adminEndpoint: ADMIN, catalogEndpoint: 'dns:///dc:443', catalogIngress: true }, at).wiring?.catalog, {
    type: 'datacatalog',
    endpoint: 'dns:///dc:443',
    insecure: false,
  });
  assert.equal(resolveWiring({ adminEndpoint: ADMIN, catalog: false }, at).wiring?.catalog, { type: 'noop' });
  assert.is(resolveWiring({ adminEndpoint: ADMIN }, at).wiring, undefined);
  assert.equal(targetHost('dns:///flyte.example.com:443'), { host: 'flyte.example.com', port: 443 });
  assert.equal(targetHost('flyteadmin:81'), { host: 'flyteadmin', port: 81 });
  assert.equal(inClusterService('flyteadmin:81', 'flyte'), { name: 'flyteadmin', namespace: 'flyte' });
  assert.equal(inClusterService('dns:///flyteadmin.flyte.svc.cluster.local:81', 'x'), { name: 'flyteadmin', namespace: 'flyte' });
  assert.equal(inClusterService('datacatalog.other.svc:89', 'x'), { name: 'datacatalog', namespace: 'other' });
  for (const external of ['dns:///flyte.example.com:443', 'example.com:443', '10.1.2.3:81', 'localhost:8089', '[::1]:81'])
    assert.is(inClusterService(external, 'flyte'), undefined, external);
});

test('storage: flyte-core values and rendered storage.yaml reduce to the same thing; differences are named', () => {
  const cp = storageOfConfig(find(objects(rendered('controlplane-eks.yaml')), 'ConfigMap', 'flyte-admin-base-config')!.data['storage.yaml']);
  const dp = storageOfConfig(find(objects(rendered('dataplane-eks.yaml')), 'ConfigMap', 'flyte-propeller-config')!.data['storage.yaml']);
  assert.equal(cp, { type: 's3', container: '<METADATA_BUCKET_NAME>' });
  assert.equal(storageDifferences(cp, dp), []);
  const sandbox = storageOfConfig(find(objects(rendered('dataplane.yaml')), 'ConfigMap', 'flyte-propeller-config')!.data['storage.yaml']);
  assert.equal(sandbox, { type: 'minio', container: 'my-s3-bucket', endpoint: 'http://minio.flyte.svc.cluster.local:9000' });
  assert.equal(storageOfValues({}), sandbox, "flyte-core's defaults, as values and as rendered");
  const eksOverlay = (yaml.load(readFileSync(join(CHART_DIR, 'values-eks.yaml'), 'utf8')) as Obj)['flyte-core'];
  assert.equal(storageOfValues({ ...eksOverlay, userSettings: { ...eksOverlay.userSettings, bucketName: 'flyte-meta' } }), {
    type: 's3',
    container: 'flyte-meta',
  });
  const gcpOverlay = (yaml.load(readFileSync(join(CHART_DIR, 'values-gcp.yaml'), 'utf8')) as Obj)['flyte-core'];
  assert.equal(
    storageOfValues(gcpOverlay),
    storageOfConfig(find(objects(rendered('dataplane-gcp.yaml')), 'ConfigMap', 'flyte-propeller-config')!.data['storage.yaml']),
  );
  assert.equal(storageDifferences({ type: 's3', container: 'a' }, { type: 'stow/google', container: 'b' }), [
    'type s3 vs stow/google',
    'bucket/container "a" vs "b"',
  ]);
  assert.match(storageOfValues({ storage: { type: 's3', bucketName: '{{ include "x" . }}' } }).unknown ?? '', /bucketName is the template/);
  assert.is(resolveTemplate('{{ .Values.userSettings.bucketName }}', { userSettings: { bucketName: 'b' } }), 'b');
});

// ---------------------------------------------------------------------------------------------
// the built CLI

function flytemc(args: string[]) {
  const env: NodeJS.ProcessEnv = { ...process.env, FLYTEMC_HELM: helmBinary(4) };
  for (const k of Object.keys(env)) if (k.startsWith('HELM_')) delete env[k];
  return runNodeSync(CLI, args, { env, cwd: work });
}

test("rbac -f: the ClusterRole from the control plane's templates (cloud overlay first), yaml/json/table", () => {
  const r = flytemc(['rbac', '-f', join(CHART_DIR, 'values-gcp.yaml'), '-n', 'flyte-dp']);
  assert.is(r.code, 0, r.stderr);
  const role = yaml.load(r.stdout) as Obj;
  assert.is(role.kind, 'ClusterRole');
  assert.is(role.metadata.name, 'flyte-dp-flyteadmin');
  assert.equal(role.rules[0], { apiGroups: [''], resources: ['namespaces', 'serviceaccounts', 'resourcequotas'], verbs: ['create', 'get', 'patch'] });
  assert.match(r.stdout, /# {3}ServiceAccount \(serviceaccounts\): create, get, patch {2}<- aab_default_service_account/);
  const j = JSON.parse(flytemc(['rbac', '-o', 'json']).stdout) as { needs: Array<{ kind: string }> };
  assert.equal(
    j.needs.map((n) => n.kind),
    ['Namespace', 'ResourceQuota', 'FlyteWorkflow'],
  );
  assert.match(flytemc(['rbac', '-o', 'table']).stdout, /FlyteWorkflow\s+flyteworkflows\.flyte\.lyft\.com\s+create,get,update,delete,list,watch/);
  writeFileSync(join(work, 'broken.yaml'), 'flyte-core:\n  cluster_resource_manager:\n    templates:\n      - {key: x, value: "metadata: {}"}\n');
  const bad = flytemc(['rbac', '-f', join(work, 'broken.yaml')]);
  assert.is(bad.code, 1);
  assert.match(bad.stderr, /template x names no apiVersion and kind/);
});

test('validate --data-plane: a different bucket, in-cluster minio, a missing route and an https endpoint are reported; shared values pass', () => {
  const w = (name: string, v: unknown) => {
    const p = join(work, name);
    writeFileSync(p, yaml.dump(v));
    return p;
  };
  const shared = w('shared.yaml', {
    multicluster: { controlPlane: { adminEndpoint: ADMIN, catalogIngress: true } },
    'flyte-core': { userSettings: { bucketName: 'flyte-meta' } },
  });
  const cp = w('cp.yaml', { multicluster: { clusters: { clusterConfigs: [{ name: 'dp1', endpoint: 'https://10.0.0.1:6443', enabled: true }] } } });
  const dp1 = w('dp1.yaml', { multicluster: { clusterName: 'dp1' } });
  const ok = flytemc(['validate', '--cloud', 'eks', '-f', shared, '-f', cp, '--data-plane', `${shared},${dp1}`]);
  assert.is(ok.code, 0, ok.stdout + ok.stderr);
  assert.match(
    ok.stdout,
    /data plane dp1 \(.*\): ok; storage s3 flyte-meta; admin dns:\/\/\/flyte\.example\.com:443; catalog dns:\/\/\/flyte\.example\.com:443/,
  );

  const other = w('other.yaml', {
    multicluster: { clusterName: 'dp2', controlPlane: { adminEndpoint: ADMIN, catalogIngress: true } },
    'flyte-core': { userSettings: { bucketName: 'elsewhere' } },
  });
  const cpNoRoute = w('cp-noroute.yaml', {
    'flyte-core': { userSettings: { bucketName: 'flyte-meta' } },
    multicluster: { clusters: { clusterConfigs: [{ name: 'dp1', endpoint: 'https://10.0.0.1:6443', enabled: true }] } },
  });
  const minio = w('minio.yaml', { multicluster: { clusterName: 'dp3', controlPlane: { adminEndpoint: 'https://flyte.example.com', catalog: false } } });
  const bad = flytemc(['validate', '--cloud', 'eks', '-f', cpNoRoute, '--data-plane', other, '--data-plane', minio, '-o', 'json']);
  assert.is(bad.code, 1, bad.stdout + bad.stderr);
  const rep = JSON.parse(bad.stdout) as {
    valid: boolean;
    planes: { dataPlanes: Array<{ name: string; problems: Array<{ severity: string; message: string }> }> };
  };
  assert.is(rep.valid, false);
  const whats = (n: string) =>
    rep.planes.dataPlanes
      .find((d) => d.name === n)!
      .problems.filter((p) => p.severity === 'error')
      .map((p) => p.message)
      .join('\n');
  assert.match(whats('dp2'), /storage \(s3 elsewhere\) is not the control plane's \(s3 flyte-meta.*bucket\/container "flyte-meta" vs "elsewhere"/);
  assert.match(whats('dp2'), /catalogIngress: true\), but the control plane's values .* do not set multicluster\.controlPlane\.catalogIngress/);
  // values-eks.yaml's storage is s3 for both planes, so dp3's storage is the placeholder bucket, not minio
  assert.match(whats('dp3'), /invalid value "https:\/\/flyte\.example\.com"/);
  assert.match(whats('dp3'), /still the cloud overlay's placeholder <METADATA_BUCKET_NAME>/);
  const plain = flytemc(['validate', '--data-plane', minio]);
  assert.match(plain.stdout, /in-cluster minio \(storage\.type sandbox/);
});

test('install data-plane --admin-endpoint: sets the value, renders through the post-renderer (Helm 3 path, Helm 4 plugin); an https:// endpoint is refused', () => {
  const r = flytemc(['install', 'data-plane', '--name', 'dp1', '--admin-endpoint', ADMIN, '--print']);
  assert.is(r.code, 0, r.stderr);
  assert.match(r.stdout, `--set-string multicluster.controlPlane.adminEndpoint=${ADMIN}`);
  assert.match(r.stdout, /--post-renderer flytemc-post-renderer/);
  const bad = flytemc(['install', 'data-plane', '--name', 'dp1', '--admin-endpoint', 'https://flyte.example.com', '--print']);
  assert.is(bad.code, 2, 'a wrong option value is a wrong command line');
  assert.match(bad.stderr, /fix: write it as dns:\/\/\/HOST:PORT/);
  const cp = flytemc(['install', 'control-plane', '--admin-endpoint', ADMIN, '--print']);
  assert.is(cp.code, 2);
});

test.run();
