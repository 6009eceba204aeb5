// plugin/postrender/patch.ts: the operations that wire a checked config into the clusters ConfigMaps and the Deployments that read them.
import { test } from '../helpers/uvu.ts';
import * as assert from 'uvu/assert';
import { checkConfig } from '../../plugin/config/check-config.ts';
import { configFromValues } from '../../plugin/config/from-values.ts';
import type { Config } from '../../plugin/config/types.ts';
import { findTargets } from '../../plugin/postrender/find.ts';
import { applyPatches, checksumOps, computePatches } from '../../plugin/postrender/patch.ts';
import { emitStream, parseStream } from '../../plugin/postrender/stream.ts';
import { rendered } from '../helpers/manifests.ts';

const CLUSTERS = '  clusters:\n    clusterConfigs:\n      - {name: a, endpoint: "https://10.0.0.1:6443", enabled: true}\n';
const PROXY =
  '      - name: dp2\n        endpoint: "https://203.0.113.2:6443"\n        enabled: true\n        credentialProxy:\n          image: registry.example.com/kubectl:1\n          exec: {command: aws}\n';
function config(values: string): Config {
  const r = checkConfig(configFromValues('v.yaml', values), { requireClusters: true });
  if (!r.config) throw new Error(JSON.stringify(r.problems));
  return r.config;
}
const plain = (credentials = '') => config(`multicluster:\n${credentials}${CLUSTERS}`);
const CM = (name: string, extra = '') => `---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\ndata:\n  clusters.yaml: "clusters: {}"\n${extra}`;
const ADMIN = (pod: string, meta = '') =>
  `---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: flyteadmin\nspec:\n  template:\n${meta}    spec:\n      volumes:\n        - {name: clusters, configMap: {name: cm}}\n${pod}`;
const opsOf = (stream: string, c: Config) => {
  const docs = parseStream(stream);
  return computePatches(findTargets(docs), c).map((p) =>
    p.ops.map((o) => `${o.op} ${o.path}${'value' in o && typeof o.value === 'string' ? ` ${o.value.slice(0, 20)}` : ''}`),
  );
};
const wire = (stream: string, c: Config) => {
  const docs = parseStream(stream);
  applyPatches(computePatches(findTargets(docs), c));
  return emitStream(docs);
};

test('on flyte-core as rendered: both ConfigMaps, the three places, new checksums; on the result: nothing', () => {
  const once = wire(rendered('controlplane.yaml'), plain());
  assert.equal(computePatches(findTargets(parseStream(once)), plain()), []);
  const docs = parseStream(rendered('controlplane.yaml'));
  const patches = computePatches(findTargets(docs), plain());
  assert.equal(
    patches.map((p) => (p.doc.value as { metadata: { name: string } }).metadata.name),
    ['flyte-admin-clusters-config', 'flyte-clusterresourcesync-config', 'flyteadmin', 'syncresources'],
  );
  applyPatches(patches);
  assert.ok(patches.every((p) => p.doc.changed));
});

test("the credentials volume: one naming the Secret, else the one mounted at mountPath, else flyte-core's cluster-secrets, else a free name", () => {
  const container = (mounts: string) =>
    `      containers:\n        - name: flyteadmin\n          volumeMounts:\n            - {name: clusters, mountPath: /etc/flyte/clusters}\n${mounts}`;
  // names the Secret already, mounted once: only the checksum
  assert.equal(
    opsOf(
      CM('cm') +
        ADMIN(
          `        - {name: creds, secret: {secretName: cluster-credentials}}\n${container('            - {name: creds, mountPath: /var/run/credentials/}\n')}`,
        ),
      plain(),
    )[1],
    ['add /spec/template/metadata'],
  );
  // mounted at mountPath from a Secret of another name: that volume made ours
  assert.equal(
    opsOf(
      CM('cm') + ADMIN(`        - {name: mine, secret: {secretName: other}}\n${container('            - {name: mine, mountPath: /var/run/credentials}\n')}`),
      plain(),
    )[1]![0],
    'replace /spec/template/spec/volumes/1/secret/secretName cluster-credentials',
  );
  // flyte-core's hard-coded volume: made ours, its other mounts removed, one mount at mountPath
  assert.equal(
    opsOf(
      CM('cm') +
        ADMIN(
          `        - {name: cluster-secrets, secret: {secretName: cluster-credentials}}\n${container('            - {name: cluster-secrets, mountPath: /etc/elsewhere}\n')}`,
        ),
      plain('  credentials: {secretName: creds}\n'),
    )[1],
    [
      'replace /spec/template/spec/volumes/1/secret/secretName creds',
      'add /spec/template/spec/containers/0/volumeMounts/-',
      'remove /spec/template/spec/containers/0/volumeMounts/1',
      'add /spec/template/metadata',
    ],
  );
  // none: a volume of a free name; two mounts at mountPath: one kept, renamed to it
  const ops = opsOf(
    CM('cm') +
      ADMIN(
        `        - {name: cluster-credentials, emptyDir: {}}\n        - {name: flytemc-cluster-credentials, emptyDir: {}}\n${container('            - {name: x, mountPath: /var/run/credentials}\n            - {name: y, mountPath: /var/run/credentials}\n')}`,
      ),
    plain(),
  )[1];
  assert.equal(ops, [
    'add /spec/template/spec/volumes/-',
    'replace /spec/template/spec/containers/0/volumeMounts/1/name flytemc-cluster-cred',
    'remove /spec/template/spec/containers/0/volumeMounts/2',
    'add /spec/template/metadata',
  ]);
  const taken = ['cluster-credentials', 'flytemc-cluster-credentials', 'flytemc-cluster-credentials-2']
    .map((n) => `        - {name: ${n}, emptyDir: {}}\n`)
    .join('');
  assert.match(wire(CM('cm') + ADMIN(`${taken}${container('')}`), plain()), 'name: flytemc-cluster-credentials-3');
});

test('clusters.yaml: the same text or the same data is left; the proxies: kubeconfigs, sidecars and volume in, and out again', () => {
  const proxied = config(`multicluster:\n${CLUSTERS}${PROXY}`);
  const once = wire(rendered('controlplane.yaml'), proxied);
  assert.match(once, 'flytemc-proxy-dp2.kubeconfig');
  assert.equal(computePatches(findTargets(parseStream(once)), proxied), []);
  // the same clusters as data, written otherwise: left
  const docs = parseStream(once);
  const cm = findTargets(docs).configMaps[0]!;
  const data = (cm.value as { data: Record<string, string> }).data;
  data['clusters.yaml'] = JSON.stringify({ clusters: proxied.clusters });
  assert.equal(
    computePatches(findTargets(docs), proxied).filter((p) => p.doc === cm),
    [],
  );
  // the proxy taken away: kubeconfig, sidecars and volume removed
  const back = opsOf(once, plain()).flat();
  assert.ok(back.some((o) => o.startsWith('remove /data/flytemc-proxy-dp2.kubeconfig')));
  assert.ok(back.some((o) => o.startsWith('remove /spec/template/spec/volumes/')));
  assert.ok(back.some((o) => /^(replace|remove) \/spec\/template\/spec\/initContainers/.test(o)));
});

test('checksumOps: none for a pod that reads no changed ConfigMap; added where metadata or annotations are missing; replaced', () => {
  const dep = (meta: string) => parseStream(ADMIN('      containers: [{name: flyteadmin}]\n', meta))[0]!;
  const changed = new Map([['cm', 'new']]);
  assert.equal(checksumOps(dep(''), new Map([['other', 'x']])), []);
  assert.is(checksumOps(dep(''), changed)[0]!.path, '/spec/template/metadata');
  assert.is(checksumOps(dep('    metadata: {labels: {a: b}}\n'), changed)[0]!.path, '/spec/template/metadata/annotations');
  const [add] = checksumOps(dep('    metadata: {annotations: {a: b}}\n'), changed);
  const [replace] = checksumOps(dep('    metadata: {annotations: {configChecksum: old}}\n'), changed);
  assert.equal([add!.op, replace!.op, add!.path], ['add', 'replace', '/spec/template/metadata/annotations/configChecksum']);
  assert.is.not((add as { value: string }).value, (replace as { value: string }).value, 'the old checksum goes into the new one');
});

test.run();
