// plugin/postrender/verify.ts: the manifests against their schema, and the patched result as Kubernetes and FlyteAdmin must read it.
import { test } from '../helpers/uvu.ts';
import * as assert from 'uvu/assert';
import { validateConfigMap } from '../../plugin/generated/validators.cjs';
import { checkConfig } from '../../plugin/config/check-config.ts';
import { configFromValues } from '../../plugin/config/from-values.ts';
import type { Config } from '../../plugin/config/types.ts';
import { findTargets, podOf, type Targets } from '../../plugin/postrender/find.ts';
import { applyPatches, computePatches } from '../../plugin/postrender/patch.ts';
import { parseStream, type Doc } from '../../plugin/postrender/stream.ts';
import { checkManifests, podProblems, schemaCheck, verifyResult } from '../../plugin/postrender/verify.ts';
import { whereOf, type Problem } from '../../plugin/problems/problems.ts';
import { rendered } from '../helpers/manifests.ts';

const CLUSTERS = '  clusters:\n    clusterConfigs:\n      - {name: a, endpoint: "https://10.0.0.1:6443", enabled: true}\n';
const PROXY =
  '      - name: dp2\n        endpoint: "https://203.0.113.2:6443"\n        enabled: true\n        credentialProxy:\n          image: registry.example.com/kubectl:1\n          exec: {command: aws}\n';
function config(values: string): Config {
  const r = checkConfig(configFromValues('v.yaml', values), { requireClusters: true });
  if (!r.config) throw new Error(JSON.stringify(r.problems));
  return r.config;
}
const SECRET =
  '---\n# Source: s.yaml\napiVersion: v1\nkind: Secret\nmetadata:\n  name: cluster-credentials\nstringData: {a_token: t, a_cacert: c, dp2_cacert: c}\n';
/** flyte-core's control plane wired for the config, its targets found again. */
function wired(c: Config, extra = SECRET): { docs: Doc[]; targets: Targets } {
  const docs = parseStream(rendered('controlplane.yaml') + extra);
  const targets = findTargets(docs);
  applyPatches(computePatches(targets, c));
  return { docs, targets };
}
const summary = (ps: Problem[]) => ps.map((p) => `${p.code} ${p.pointer ?? ''}`.trim());

test('the wired result passes; the ConfigMaps disagreeing, a container with no mount or another Secret, a key not projected, do not', () => {
  const c = config(`multicluster:\n${CLUSTERS}`);
  const { targets } = wired(c);
  assert.equal(verifyResult(targets, c), []);
  const cms = targets.configMaps.map((d) => d.value as { data: Record<string, string> });
  cms[1]!.data['clusters.yaml'] = 'clusters: {}';
  const pod = podOf(targets.admin);
  const main = pod.containers.findIndex((x) => x.name === 'flyteadmin');
  const mounts = pod.containers[main]!.volumeMounts!;
  const credentials = mounts.find((m) => m.mountPath === '/var/run/credentials')!;
  const volume = pod.volumes!.find((v) => v.name === credentials.name) as { secret: { items?: unknown[] } };
  volume.secret.items = [{ key: 'a_token', path: 'a_token' }, 'odd'];
  const ps = verifyResult(targets, c);
  // FlyteAdmin and its sync-cluster-resources init container mount that volume
  const items = `verify.items /spec/template/spec/volumes/${pod.volumes!.indexOf(volume as never)}/secret/items`;
  assert.equal(summary(ps), ['verify.clusters', items, items]);
  assert.match(ps[1]!.message, "the volume's items do not project a_cacert");
  assert.match(ps[0]!.subject!, / and ConfigMap\/flyte-clusterresourcesync-config/);
  // another Secret's volume at the path, then no mount at all
  (volume.secret as { secretName?: string }).secretName = 'other';
  assert.match(verifyResult(targets, c).find((p) => p.code === 'verify.mounts')!.message, 'which is not Secret cluster-credentials');
  pod.containers[main]!.volumeMounts = mounts.filter((m) => m !== credentials);
  const none = verifyResult(targets, c).find((p) => p.code === 'verify.mounts' && p.message.includes('0 mounts'))!;
  assert.equal(
    [none.pointer, none.message],
    [
      `/spec/template/spec/containers/${main}/volumeMounts`,
      'container flyteadmin has 0 mounts at /var/run/credentials; it needs exactly one, of Secret cluster-credentials',
    ],
  );
});

test('the credentials Secret: every key a path needs; no long-lived token of a proxied cluster', () => {
  const c = config(`multicluster:\n${CLUSTERS}${PROXY}`);
  const { targets } = wired(c, SECRET.replace('a_cacert: c', 'dp2_token: t'));
  const ps = verifyResult(targets, c);
  assert.equal(summary(ps), ['verify.proxy-token', 'verify.secret-key']);
  assert.is(whereOf(ps[1]!), 'Secret/cluster-credentials (s.yaml, stream line 1135)');
  assert.match(ps[1]!.message, 'no key a_cacert');
});

test("the proxies: each ConfigMap's kubeconfig, each pod's sidecar first, its volume, a port of its own", () => {
  const c = config(`multicluster:\n${CLUSTERS}${PROXY}`);
  const { targets } = wired(c);
  assert.equal(verifyResult(targets, c), []);
  delete (targets.configMaps[0]!.value as { data: Record<string, string> }).data['flytemc-proxy-dp2.kubeconfig'];
  const pod = podOf(targets.admin);
  const init = pod.initContainers!;
  init.push(init.shift()!); // the sidecar after the others
  pod.containers[0]!.ports = [{ containerPort: 17101 }];
  const ps = verifyResult(targets, c);
  assert.equal(summary(ps), [
    'verify.proxy',
    `verify.proxy /spec/template/spec/initContainers/${init.length - 1}`,
    'verify.proxy /spec/template/spec/containers/0/ports/0',
  ]);
  assert.match(ps[2]!.message, 'listens on port 17101');
  pod.initContainers = init.filter((x) => x.name !== 'flytemc-proxy-dp2');
  pod.volumes = pod.volumes!.filter((v) => v.name !== 'flytemc-credential-proxy');
  assert.ok(summary(verifyResult(targets, c)).includes('verify.proxy /spec/template/spec/initContainers'));
  assert.ok(summary(verifyResult(targets, c)).includes('verify.proxy /spec/template/spec/volumes'));
});

test('podProblems: what the API server refuses, said as rendered or as a flytemc bug once patched', () => {
  const dep = (pod: string) =>
    parseStream(`---\n# Source: d.yaml\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: d\nspec:\n  template:\n    spec:\n${pod}`)[0]!;
  const twice =
    '      volumes: [{name: v, emptyDir: {}}, {name: v, emptyDir: {}}, 3]\n      initContainers: [{name: c}, 4]\n      containers:\n        - name: c\n          volumeMounts: [{name: v, mountPath: /a}, {name: w, mountPath: /a}, 5]\n';
  const ps = podProblems(dep(twice));
  assert.equal(summary(ps), [
    'verify.pod /spec/template/spec/volumes/1/name',
    'verify.pod /spec/template/spec/containers/0/name',
    'verify.pod /spec/template/spec/containers/0/volumeMounts/1/name',
    'verify.pod /spec/template/spec/containers/0/volumeMounts/1/mountPath',
  ]);
  assert.is(ps[0]!.fix, 'give each volume its own name, or remove the repeated one');
  assert.equal(podProblems(dep('      containers: [{name: c}]\n')), []);
  // patched: a defect it brought in is flytemc's, one it had as rendered is not
  const d = dep('      volumes: [{name: v, emptyDir: {}}]\n      containers: [{name: c}]\n');
  d.value;
  (podOf(d).volumes as unknown[]).push({ name: 'v', emptyDir: {} });
  d.changed = true;
  assert.match(podProblems(d)[0]!.message, 'after flytemc patched it: a bug in flytemc');
  const asRendered = dep(twice);
  asRendered.value;
  asRendered.changed = true;
  assert.not.match(podProblems(asRendered)[0]!.message, 'bug');
});

test("schemaCheck and checkManifests: rendered objects flytemc reads, the guide's raw token under a Secret's data", () => {
  const cm = parseStream('---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata: 3\n')[0]!;
  const [p] = schemaCheck(cm, validateConfigMap);
  assert.equal([p!.code, p!.object], ['manifests.schema', 'ConfigMap/x']);
  const docs = parseStream(
    rendered('controlplane.yaml') + '---\napiVersion: v1\nkind: Secret\nmetadata:\n  name: cluster-credentials\ndata: {a_token: "not base64!"}\n',
  );
  const targets = findTargets(docs);
  assert.equal(summary(checkManifests(targets, 'cluster-credentials')), ['manifests.secret /data/a_token']);
  assert.equal(checkManifests(targets, undefined), []);
  assert.equal(
    checkManifests(targets, 'cluster-credentials', () => false),
    [],
  );
});

test.run();
