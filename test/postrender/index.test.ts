// The post-renderer in-process: what it must add to flyte-core's rendered control planes,
// and that it adds nothing else.
import { test } from '../helpers/uvu.ts';
import * as assert from 'uvu/assert';
import { readFileSync } from 'node:fs';
import { configFromValues } from '../../plugin/config/from-values.ts';
import { postRender } from '../../plugin/postrender/index.ts';
import { FlytemcError, whereOf } from '../../plugin/problems/problems.ts';
import { dumpYaml, parseYaml } from '../../plugin/yaml/dialect.ts';
import { THREE_PLACES, credentialMounts, find, fixture, objects, rendered, type Obj } from '../helpers/manifests.ts';

const configFile = (name: string) => {
  const path = fixture(name);
  return configFromValues(path, readFileSync(path, 'utf8'));
};
const three = () => configFile('three-clusters.yaml');
const CONTROL_PLANES = ['controlplane.yaml', 'controlplane-eks.yaml', 'controlplane-gcp.yaml', 'controlplane-multicluster.yaml'];

/** Removes exactly what the post-renderer may change, so that the rest can be compared. */
function withoutExpectedChanges(o: Obj, secretName = 'cluster-credentials', mountPath = '/var/run/credentials'): Obj {
  const c = structuredClone(o);
  if (c.kind === 'ConfigMap' && c.data?.['clusters.yaml'] !== undefined) delete c.data['clusters.yaml'];
  if (c.kind === 'Deployment') {
    const pod = c.spec.template.spec;
    delete c.spec.template.metadata?.annotations?.configChecksum;
    const credVolumes = new Set(
      (pod.volumes ?? []).filter((v: Obj) => v.secret?.secretName === secretName || v.name === 'cluster-secrets').map((v: Obj) => v.name),
    );
    pod.volumes = (pod.volumes ?? []).filter((v: Obj) => !credVolumes.has(v.name));
    for (const list of ['containers', 'initContainers']) {
      for (const ct of pod[list] ?? []) ct.volumeMounts = (ct.volumeMounts ?? []).filter((m: Obj) => m.mountPath.replace(/\/$/, '') !== mountPath);
    }
  }
  return c;
}

for (const file of CONTROL_PLANES) {
  test(`${file}: one credentials mount in each of the three places`, () => {
    const out = objects(postRender(rendered(file), { config: three() }).output);
    for (const place of THREE_PLACES) {
      const mounts = credentialMounts(out, place);
      assert.is(mounts.length, 1, `${place.deployment}/${place.container}: ${JSON.stringify(mounts)}`);
      assert.is(mounts[0]!.secretName, 'cluster-credentials', `${place.deployment}/${place.container}`);
    }
  });

  test(`${file}: the same clusters.yaml in both ConfigMaps, with the three clusters`, () => {
    const out = objects(postRender(rendered(file), { config: three() }).output);
    const admin = find(out, 'ConfigMap', 'flyte-admin-clusters-config')!.data['clusters.yaml'];
    const sync = find(out, 'ConfigMap', 'flyte-clusterresourcesync-config')!.data['clusters.yaml'];
    assert.is(admin, sync);
    const clusters = (parseYaml(admin) as Obj).clusters;
    assert.equal(
      clusters.clusterConfigs.map((c: Obj) => c.name),
      ['cluster_1', 'cluster_2', 'cluster_3'],
    );
    assert.equal(clusters.clusterConfigs[1].auth, { tokenPath: '/var/run/credentials/cluster_2_token', certPath: '/var/run/credentials/cluster_2_cacert' });
    assert.equal(clusters.labelClusterMap.team2, [
      { id: 'cluster_2', weight: 0.5 },
      { id: 'cluster_3', weight: 0.5 },
    ]);
    assert.is(clusters.defaultExecutionLabel, 'team1');
  });

  test(`${file}: a structural diff shows nothing else`, () => {
    const input = objects(rendered(file));
    const out = objects(postRender(rendered(file), { config: three() }).output);
    assert.is(out.length, input.length);
    for (const [i, o] of input.entries()) assert.equal(withoutExpectedChanges(out[i]!), withoutExpectedChanges(o), `${o.kind}/${o.metadata?.name}`);
  });

  test(`${file}: idempotent, with --config and from its own output`, () => {
    const once = postRender(rendered(file), { config: three() }).output;
    assert.is(postRender(once, { config: three() }).output, once);
    assert.is(postRender(once).output, once);
    assert.equal(postRender(once).patches, []);
  });
}

test('configChecksum follows the clusters: new list, new checksum; same list, same checksum', () => {
  const sum = (s: string, name: string) => find(objects(s), 'Deployment', name)!.spec.template.metadata.annotations.configChecksum;
  const input = rendered('controlplane.yaml');
  const a = postRender(input, { config: three() }).output;
  const b = postRender(input, { config: configFile('guide/corrected-flyte-core-override.yaml') }).output;
  for (const d of ['flyteadmin', 'syncresources']) {
    assert.is.not(sum(a, d), sum(input, d), d);
    assert.is.not(sum(a, d), sum(b, d), d);
    assert.is(sum(postRender(input, { config: three() }).output, d), sum(a, d));
  }
});

test('credentials.mountPath with a trailing slash: the same as without (default token paths have no `//`)', () => {
  const text = readFileSync(fixture('three-clusters.yaml'), 'utf8');
  const slash = text.replace('mountPath: /var/run/credentials', 'mountPath: /var/run/credentials//');
  assert.ok(slash !== text);
  const want = postRender(rendered('controlplane.yaml'), { config: configFromValues('plain.yaml', text) }).output;
  const got = postRender(rendered('controlplane.yaml'), { config: configFromValues('slash.yaml', slash) }).output;
  assert.is(got, want);
  assert.not.match(got, /credentials\/\//);
});

test("a Secret named otherwise replaces the chart's hard-coded cluster-credentials in syncresources", () => {
  const path = '/tmp/flytemc-test-secretname.yaml';
  const text = readFileSync(fixture('three-clusters.yaml'), 'utf8')
    .replace('secretName: cluster-credentials', 'secretName: flyte-dp-creds')
    .replace('mountPath: /var/run/credentials', 'mountPath: /etc/flyte/clusters');
  const out = objects(postRender(rendered('controlplane-multicluster.yaml'), { config: configFromValues(path, text) }).output);
  for (const place of THREE_PLACES) {
    const mounts = credentialMounts(out, place, '/etc/flyte/clusters');
    assert.equal(
      mounts.map((m) => m.secretName),
      ['flyte-dp-creds'],
      place.container,
    );
  }
  const sync = find(out, 'Deployment', 'syncresources')!.spec.template.spec;
  assert.not.ok(
    sync.volumes.some((v: Obj) => v.secret?.secretName === 'cluster-credentials'),
    'old Secret still referenced',
  );
});

test("the flyte-core form: the guide's override, corrected, wires all three places once", () => {
  const out = objects(postRender(rendered('controlplane-multicluster.yaml'), { config: configFile('guide/corrected-flyte-core-override.yaml') }).output);
  for (const place of THREE_PLACES) assert.is(credentialMounts(out, place).length, 1, place.container);
});

test('a plain flyte-core override without flyteadmin.additionalVolumes: the default Secret in all three places, with a warning', () => {
  const plain = `configmap:
  clusters:
    clusterConfigs:
      - {name: dp1, endpoint: "https://203.0.113.1:6443", enabled: true}
    labelClusterMap:
      team1: [{id: dp1, weight: 1}]
`;
  for (const input of ['controlplane.yaml', 'controlplane-eks.yaml']) {
    const r = postRender(rendered(input), { config: configFromValues('plain.yaml', plain) });
    const out = objects(r.output);
    for (const place of THREE_PLACES)
      assert.equal(
        credentialMounts(out, place),
        [{ volume: credentialMounts(out, place)[0]!.volume, secretName: 'cluster-credentials' }],
        `${input} ${place.container}`,
      );
    const w = r.warnings.find((p) => /flytemc mounts Secret cluster-credentials at \/var\/run\/credentials in all three places/.test(p.message));
    assert.ok(w, r.warnings.map((p) => p.message).join('\n'));
    assert.is(w!.severity, 'warning');
    assert.match(whereOf(w!), /^plain\.yaml:2 /);
    assert.ok(w!.fix);
  }
  // token files somewhere else and no mount there: still refused, with the path to use
  const elsewhere = plain.replace('enabled: true}', 'enabled: true, auth: {tokenPath: /etc/creds/dp1_token, certPath: /etc/creds/dp1_cacert}}');
  assert.throws(
    () => postRender(rendered('controlplane.yaml'), { config: configFromValues('plain.yaml', elsewhere) }),
    (e: FlytemcError) =>
      /outside the mounted credentials folder \/var\/run\/credentials/.test(e.message) && /use \/var\/run\/credentials\/dp1_token/.test(e.message),
  );
});

test("the chart's MultiClusterConfig document is consumed and never emitted", () => {
  const doc = `---\n# Source: flyte-multicluster/templates/multicluster-config.yaml\napiVersion: flytemc.io/v1alpha1\nkind: MultiClusterConfig\nmetadata:\n  name: flyte-multicluster\nspec:\n${readFileSync(
    fixture('three-clusters.yaml'),
    'utf8',
  )
    .split('\n')
    .filter((l) => l.startsWith('  '))
    .join('\n')}\n`;
  const result = postRender(rendered('controlplane.yaml') + doc);
  assert.not.match(result.output, 'MultiClusterConfig');
  const out = objects(result.output);
  for (const place of THREE_PLACES) assert.is(credentialMounts(out, place).length, 1, place.container);
});

test("Helm 4's postrender-filename annotations survive on patched and untouched documents", () => {
  const input = objects(rendered('controlplane.yaml'))
    .map((o) => {
      o.metadata.annotations = { ...o.metadata.annotations, 'postrenderer.helm.sh/postrender-filename': 'x.yaml' };
      return `---\n${dumpYaml(o)}`;
    })
    .join('');
  const out = objects(postRender(input, { config: three() }).output);
  assert.ok(out.length > 10);
  for (const o of out) assert.is(o.metadata.annotations['postrenderer.helm.sh/postrender-filename'], 'x.yaml', `${o.kind}/${o.metadata.name}`);
});

test('untouched documents are written back byte for byte', () => {
  const input = rendered('controlplane.yaml');
  const out = postRender(input, { config: three() }).output;
  const ingress = input.slice(input.indexOf('# Source: flyte-core/templates/common/ingress.yaml'));
  assert.ok(out.includes(ingress.trimEnd()));
});

function refused(file: string, input = rendered('controlplane.yaml')): FlytemcError {
  try {
    postRender(input, { config: configFile(file) });
  } catch (e) {
    if (e instanceof FlytemcError) return e;
    throw e;
  }
  throw new Error(`${file} was accepted`);
}

test('a Deployment or clusters ConfigMap flytemc wires, twice in the stream: refused, naming both (the API server keeps one)', () => {
  const input = rendered('controlplane.yaml');
  const sync = input.slice(input.indexOf('# Source: flyte-core/templates/clusterresourcesync/deployment.yaml'));
  const doc = `---\n${sync.slice(0, sync.indexOf('\n---'))}\n`;
  const e = refused('three-clusters.yaml', `${input.trimEnd()}\n${doc}`);
  assert.is(e.problems.length, 1, e.message);
  assert.match(e.message, /Deployment\/syncresources \(.*\): the stream holds this object twice \(also Deployment\/syncresources/);
  assert.match(e.message, /fix: render each object once/);
});

test('guide defect 5: `cluster_credentials` as Secret and volume name', () => {
  const e = refused('guide/defect5-underscore-names.yaml');
  assert.match(e.message, /defect5-underscore-names\.yaml:6 .*Secret name "cluster_credentials".*'_' is not allowed/);
  assert.match(e.message, /volume name "cluster_credentials"/);
  assert.match(e.message, /use "cluster-credentials"/);
});

test("guide defect 6: raw token and PEM text under a Secret's data", () => {
  const e = refused('guide/defect6-raw-secret-data.yaml');
  assert.match(e.message, /defect6-raw-secret-data\.yaml:9 .*data\.cluster_1_token is not base64/);
  assert.match(e.message, /stringData/);
  // and the same Secret inside the rendered stream
  const secret = readFileSync(fixture('guide/defect6-raw-secret-data.yaml'), 'utf8');
  try {
    postRender(rendered('controlplane.yaml') + '---\n' + secret, { config: three() });
    assert.unreachable('accepted');
  } catch (err) {
    assert.instance(err, FlytemcError);
    assert.match((err as Error).message, /Secret\/cluster-credentials .*data\.cluster_1_cacert is not base64/);
  }
});

test('guide defect 7: `enabled` under `auth`', () => {
  const e = refused('guide/defect7-enabled-under-auth.yaml');
  assert.match(e.message, /defect7-enabled-under-auth\.yaml:32 \(\/configmap\/clusters\/clusterConfigs\/1\/auth\/enabled\)/);
  assert.match(e.message, /FlyteAdmin ignores it there and cluster_2 stays disabled/);
  assert.match(e.message, /move `enabled: true` one level up/);
});

test('guide defect 8: clusterConfigs and labelClusterMap right under configmap', () => {
  const e = refused('guide/defect8-misplaced-under-configmap.yaml');
  assert.match(e.message, /:15 \(\/configmap\/clusterConfigs\).*sits directly under `configmap`/);
  assert.match(e.message, /under `configmap.clusters.labelClusterMap`/);
});

test('guide defect 10: `{{ ... }}` endpoint placeholders, unquoted and quoted', () => {
  assert.match(refused('guide/defect10-placeholder-unquoted.yaml').message, /:6 .*endpoint is a YAML mapping, not a URL/);
  assert.match(refused('guide/defect10-placeholder-quoted.yaml').message, /:6 .*still a `\{\{ \.\.\. \}\}` placeholder/);
});

function problemsOf(yamlText: string): string {
  try {
    postRender(rendered('controlplane.yaml'), { config: configFromValues('values.yaml', yamlText) });
  } catch (e) {
    if (e instanceof FlytemcError) return e.message;
    throw e;
  }
  return '';
}

test('checks a schema cannot express, all reported in one run', () => {
  const msg = problemsOf(`multicluster:
  clusters:
    clusterConfigs:
      - {name: a, endpoint: "https://a:6443", enabled: true}
      - {name: a, endpoint: "https://b:6443", enabled: true}
      - {name: off, endpoint: "https://c:6443", enabled: false}
      - {name: unset, endpoint: "https://d:6443"}
    labelClusterMap:
      t1: [{id: nope, weight: 1}]
      t2: [{id: off, weight: 1}]
      t3: [{id: unset, weight: 1}]
    defaultExecutionLabel: t9
`);
  assert.match(msg, /values\.yaml:5 .*duplicate cluster name "a"/);
  assert.match(msg, /label "t1" routes to "nope", which is not in clusterConfigs/);
  assert.match(msg, /error: .*label "t3" has no enabled cluster left/);
  // a cluster cordoned on purpose (enabled: false): its labels' fallback is meant, a warning
  assert.match(msg, /warning: .*label "t2" routes only to cordoned clusters \(enabled: false: off\), so FlyteAdmin drops it/);
  assert.not.match(msg, /label "t2" has no enabled cluster left/);
  assert.match(msg, /warning: .*label "t2" routes to "off", which is not enabled/);
  assert.match(msg, /defaultExecutionLabel "t9" is not a label/);
  assert.match(msg, /5 errors, 4 warnings: nothing was written/);
});

test('schema: weights, https, booleans, unknown keys, token paths outside the mount', () => {
  const msg = problemsOf(`multicluster:
  clusters:
    clusterConfigs:
      - name: a
        endpoint: http://a:6443
        enabled: "true"
        kubeClientConfig: {qps: 5, burst: 10, timeout: 30s}
        bogus: 1
    labelClusterMap:
      t1: [{id: a, weight: 1.5}]
`);
  assert.match(msg, /values\.yaml:5 .*plain http/);
  assert.match(msg, /values\.yaml:6 .*must be boolean.*\n {2}fix: write true without quotes/);
  assert.match(msg, /values\.yaml:8 .*unknown key `bogus`/);
  assert.match(msg, /1\.5 is out of range/);
  const outside = problemsOf(`multicluster:
  clusters:
    clusterConfigs:
      - name: a
        endpoint: https://a:6443
        enabled: true
        auth: {tokenPath: /etc/a_token, certPath: /var/run/credentials/a_cacert}
`);
  assert.match(outside, /\/etc\/a_token is outside the mounted credentials folder \/var\/run\/credentials/);
});

test('no enabled cluster, and no cluster at all', () => {
  assert.match(problemsOf('multicluster:\n  clusters:\n    clusterConfigs:\n      - {name: a, endpoint: "https://a:6443"}\n'), /no cluster is enabled/);
  assert.match(problemsOf('multicluster:\n  clusters: {clusterConfigs: []}\n'), /no clusters: clusterConfigs is empty/);
});

test('a stream without FlyteAdmin (a data plane) is refused with what to do', () => {
  try {
    postRender(rendered('dataplane.yaml'), { config: three() });
    assert.unreachable('accepted');
  } catch (e) {
    assert.instance(e, FlytemcError);
    assert.match(
      (e as Error).message,
      /no FlyteAdmin.*\n {2}fix: .*data plane \(-f values-dataplane\.yaml, whose MultiClusterConfig says where FlyteAdmin is\)/,
    );
  }
});

test("the plane: --config is a control plane; a data-plane MultiClusterConfig, or flytemc's own data-plane output, a data plane; empty input refused", () => {
  const mcc = (role: string) =>
    `---\n# Source: c/mcc.yaml\napiVersion: flytemc.io/v1alpha1\nkind: MultiClusterConfig\nmetadata:\n  name: m\nspec:\n  role: ${role}\n  controlPlane: {adminEndpoint: "dns:///flyte.example.com:443", catalog: false}\n`;
  const once = postRender(rendered('dataplane.yaml') + mcc('data-plane'));
  assert.match(once.output, 'flytemc.io/control-plane');
  assert.equal(postRender(once.output).patches, [], 'its own output: the data plane again, nothing to do');
  // with --config, the same stream is taken for a control plane, and has no FlyteAdmin
  assert.throws(() => postRender(rendered('dataplane.yaml') + mcc('data-plane'), { config: three() }), /no FlyteAdmin/);
  // a control plane's MultiClusterConfig beside a recorded wiring: a control plane
  assert.throws(() => postRender(once.output + mcc('control-plane')), /no FlyteAdmin/);
  try {
    postRender(' \n');
    assert.unreachable('accepted');
  } catch (e) {
    assert.equal(
      (e as FlytemcError).problems.map((p) => [p.code, whereOf(p)]),
      [['stream.empty', 'flytemc']],
    );
  }
});

test('no config anywhere: refused, naming the three places it looked', () => {
  try {
    postRender(rendered('controlplane.yaml'));
    assert.unreachable('accepted');
  } catch (e) {
    assert.match((e as Error).message, /no --config FILE, no MultiClusterConfig document/);
  }
});

test('a stream ending in a comment-only document is a fixed point (found by fuzzing)', () => {
  const text = rendered('controlplane-eks.yaml');
  const cut = text.slice(0, text.lastIndexOf('\n---\n') + 5) + '#\n';
  const once = postRender(cut, { config: three() }).output;
  assert.is(postRender(once, { config: three() }).output, once);
  assert.is(postRender(once).output, once);
});

// ---- a data plane reached through a credential proxy (config/credential-proxy.ts)

const PROXIED = `multicluster:
  credentialProxy: {image: registry.example.com/kubectl-aws:1.32}
  clusters:
    clusterConfigs:
      - {name: cluster_1, endpoint: "https://203.0.113.1:6443", enabled: true}
      - name: dp2
        endpoint: "https://203.0.113.2:6443"
        enabled: true
        credentialProxy:
          identity: flytemc-flyteadmin
          exec: {command: aws, args: [--region, us-east-1, eks, get-token, --cluster-name, dp2, --output, json]}
    labelClusterMap:
      team1: [{id: cluster_1, weight: 1}, {id: dp2, weight: 1}]
`;

for (const file of CONTROL_PLANES) {
  test(`${file}, a proxied cluster: FlyteAdmin's entry points at the proxy, each pod runs it first as a native sidecar, twice equals once`, () => {
    const once = postRender(rendered(file), { config: configFromValues('values.yaml', PROXIED) }).output;
    const out = objects(once);
    const cm = find(out, 'ConfigMap', 'flyte-admin-clusters-config')!.data;
    assert.is(cm['clusters.yaml'], find(out, 'ConfigMap', 'flyte-clusterresourcesync-config')!.data['clusters.yaml']);
    const dp2 = (parseYaml(cm['clusters.yaml']) as Obj).clusters.clusterConfigs[1];
    assert.equal(dp2, {
      name: 'dp2',
      endpoint: 'http://127.0.0.1:17101',
      enabled: true,
      auth: { tokenPath: '/dev/null', certPath: '/var/run/credentials/dp2_cacert' },
      credentialProxy: {
        server: 'https://203.0.113.2:6443',
        port: 17101,
        image: 'registry.example.com/kubectl-aws:1.32',
        identity: 'flytemc-flyteadmin',
        exec: { command: 'aws', args: ['--region', 'us-east-1', 'eks', 'get-token', '--cluster-name', 'dp2', '--output', 'json'] },
      },
    });
    const kubeconfig = parseYaml(cm['flytemc-proxy-dp2.kubeconfig']) as Obj;
    assert.equal(kubeconfig.clusters[0].cluster, { server: 'https://203.0.113.2:6443', 'certificate-authority': 'dp2_cacert' });
    assert.equal(kubeconfig.users[0].user.exec.command, 'aws');
    assert.is(kubeconfig.users[0].user.exec.interactiveMode, 'Never');
    for (const d of ['flyteadmin', 'syncresources']) {
      const pod = find(out, 'Deployment', d)!.spec.template.spec;
      const sidecar = pod.initContainers[0];
      assert.equal([sidecar.name, sidecar.restartPolicy, sidecar.image], ['flytemc-proxy-dp2', 'Always', 'registry.example.com/kubectl-aws:1.32'], d);
      assert.ok(sidecar.args.includes('--address=127.0.0.1') && sidecar.args.includes('--port=17101'), d);
      assert.equal(sidecar.startupProbe.exec.command.slice(-3), ['get', '--raw', '/flytemc-credential-proxy/ready'], d);
      const volume = pod.volumes.find((v: Obj) => v.name === 'flytemc-credential-proxy');
      const sources = volume.projected.sources;
      assert.equal(sources[1].secret.items, [{ key: 'dp2_cacert', path: 'dp2_cacert' }], `${d}: the CA, never a token`);
    }
    // the other init containers keep their order after the sidecar, and the credentials still reach the three places
    assert.equal(
      find(out, 'Deployment', 'flyteadmin')!
        .spec.template.spec.initContainers.map((c: Obj) => c.name)
        .slice(0, 4),
      ['flytemc-proxy-dp2', 'run-migrations', 'seed-projects', 'sync-cluster-resources'],
    );
    for (const place of THREE_PLACES) assert.is(credentialMounts(out, place).length, 1, place.container);
    assert.is(postRender(once, { config: configFromValues('values.yaml', PROXIED) }).output, once);
    assert.is(postRender(once).output, once, 'from its own output');
    assert.equal(postRender(once).patches, []);
  });
}

test('a proxy taken away again: sidecars, volume and kubeconfigs go, the entry is a token one', () => {
  const once = postRender(rendered('controlplane.yaml'), { config: configFromValues('values.yaml', PROXIED) }).output;
  const plain = PROXIED.replace(/ {8}credentialProxy:\n.*\n.*\n/, '');
  const back = objects(postRender(once, { config: configFromValues('values.yaml', plain) }).output);
  const fresh = objects(postRender(rendered('controlplane.yaml'), { config: configFromValues('values.yaml', plain) }).output);
  for (const d of ['flyteadmin', 'syncresources'])
    assert.equal(find(back, 'Deployment', d)!.spec.template.spec, find(fresh, 'Deployment', d)!.spec.template.spec, d);
  assert.equal(find(back, 'ConfigMap', 'flyte-admin-clusters-config')!.data, find(fresh, 'ConfigMap', 'flyte-admin-clusters-config')!.data);
});

test('a proxied cluster, bad input: a token and a proxy, no image, a port twice, a credential in its environment, a loopback endpoint by hand', () => {
  const msg = problemsOf(`multicluster:
  clusters:
    clusterConfigs:
      - name: a
        endpoint: https://a:6443
        enabled: true
        auth: {tokenPath: /var/run/credentials/a_token}
        credentialProxy: {image: i, port: 18000, exec: {command: aws}}
      - name: b
        endpoint: https://b:6443
        enabled: true
        credentialProxy: {port: 18000, exec: {command: aws, env: [{name: AWS_SECRET_ACCESS_KEY, value: x}]}}
      - {name: c, endpoint: "http://127.0.0.1:18001", enabled: true}
`);
  assert.match(msg, /values\.yaml:7 .*cluster "a" sets both a token file \(auth\) and credentialProxy.*\n {2}fix: remove `auth`/);
  assert.match(msg, /values\.yaml:12 .*cluster "b" has a credential proxy but no image.*\n {2}fix: set multicluster\.credentialProxy\.image/);
  assert.match(msg, /port 18000 is also the proxy port of "a"/);
  assert.match(
    msg,
    /AWS_SECRET_ACCESS_KEY=<masked: 1 character> looks like a credential.*\n {2}fix: remove it: the proxy gets its credentials from the pod's identity/,
  );
  assert.match(
    msg,
    /values\.yaml:13 .*endpoint "http:\/\/127\.0\.0\.1:18001" is the loopback address of a credential proxy.*\n {2}fix: give the data plane's https:\/\/ URL/,
  );
});

test.run();
