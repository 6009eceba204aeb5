// The post-renderer as a KRM function: `flytemc-post-renderer --krm` and
// `flytemc-krm` (dist/, so `npm run build` first) on ResourceLists made from Helm 3's real render
// of the flyte-multicluster control plane: functionConfig = the chart's MultiClusterConfig,
// items = flyte-core's objects.
//   - round trip: the items come back wired exactly as the post-renderer wires the stream; the
//     output fed back in comes out byte for byte the same; JSON in, JSON out;
//   - kustomize v5.8.2 (standalone, from the Go module proxy) runs it as an exec function
//     transformer and builds the post-renderer's objects;
//   - the upstream guide's mistakes become `results` entries (severity, resourceRef, field path,
//     file) with exit 1 and the items unchanged;
//   - the post-renderer's own bundle holds none of it (loaded only for --krm).
import { suite } from '../helpers/uvu.ts';
import * as assert from 'uvu/assert';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { CHART_DIR, helmEnv, prepareChart, runHelm } from '../helpers/helm.ts';
import { byIdentity, fixture, objects, rendered, type Obj } from '../helpers/manifests.ts';
import { kustomize, kustomizeBinary } from '../helpers/kustomize.ts';
import { KRM, POST_RENDERER, runNode } from '../helpers/process.ts';
import { krm as krmInProcess } from '../../plugin/postrender/krm.ts';

const work = mkdtempSync(join(tmpdir(), 'flytemc-krm-'));
prepareChart();

let stream = '';
let functionConfig: Obj;
let items: Obj[];
let want: Record<string, Obj>;

const krm = (input: string, via: 'post-renderer' | 'krm' = 'post-renderer') =>
  via === 'krm' ? runNode(KRM, [], { input }) : runNode(POST_RENDERER, ['--krm'], { input });
const resourceList = (fc: Obj | undefined, its: Obj[]) =>
  yaml.dump({ apiVersion: 'config.kubernetes.io/v1', kind: 'ResourceList', ...(fc ? { functionConfig: fc } : {}), items: its }, { lineWidth: -1 });
const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v));
/** The items as an orchestrator annotates them: the file and the index in it. */
const annotated = () =>
  items.map((o, i) => ({
    ...o,
    metadata: {
      ...o.metadata,
      annotations: {
        ...(o.metadata.annotations ?? {}),
        'internal.config.kubernetes.io/path': 'flyte-core.yaml',
        'internal.config.kubernetes.io/index': String(i),
      },
    },
  }));

const s = suite('krm');
s.before(async () => {
  const env = helmEnv(join(work, 'helm'));
  const files = [join(CHART_DIR, 'values-controlplane.yaml'), fixture('three-clusters.yaml')];
  const r = await runHelm(3, ['template', 'flyte', CHART_DIR, '-n', 'flyte', ...files.flatMap((f) => ['-f', f])], { env });
  if (r.code !== 0) throw new Error(r.stderr);
  stream = r.stdout;
  const all = objects(stream);
  functionConfig = all.find((o) => o.kind === 'MultiClusterConfig')!;
  items = all.filter((o) => o.kind !== 'MultiClusterConfig');
  const p = await runNode(POST_RENDERER, [], { input: stream });
  if (p.code !== 0) throw new Error(p.stderr);
  want = byIdentity(p.stdout);
});

s('round trip: the items come back wired as the post-renderer wires the stream; again, byte for byte the same; JSON in, JSON out', async () => {
  for (const via of ['post-renderer', 'krm'] as const) {
    const r = await krm(resourceList(functionConfig, items), via);
    assert.is(r.code, 0, r.stderr);
    const out = yaml.load(r.stdout) as Obj;
    assert.is(out.kind, 'ResourceList');
    assert.is(out.apiVersion, 'config.kubernetes.io/v1');
    assert.is(out.results, undefined, 'no results for a correct config');
    assert.equal(byIdentity(out.items.map((i: Obj) => `---\n${yaml.dump(i)}`).join('')), want, via);
    const again = await krm(r.stdout, via);
    assert.is(again.code, 0, again.stderr);
    assert.is(again.stdout, r.stdout, 'the output, fed back in, comes out unchanged');
  }
  const json = await krm(JSON.stringify({ apiVersion: 'config.kubernetes.io/v1', kind: 'ResourceList', functionConfig, items }));
  assert.is(json.code, 0, json.stderr);
  assert.ok(json.stdout.startsWith('{'), 'JSON in, JSON out');
  assert.equal(
    byIdentity(
      JSON.parse(json.stdout)
        .items.map((i: Obj) => `---\n${JSON.stringify(i)}`)
        .join('\n'),
    ),
    want,
  );
  // the orchestrator's annotations stay on their items; without a functionConfig the chart's
  // MultiClusterConfig among the items is the config, and is consumed
  const r = await krm(resourceList(undefined, [...annotated(), functionConfig]));
  assert.is(r.code, 0, r.stderr);
  const out = (yaml.load(r.stdout) as Obj).items as Obj[];
  assert.is(out.length, items.length);
  assert.ok(out.every((o, i) => o.metadata.annotations['internal.config.kubernetes.io/index'] === String(i)));
});

s(
  "kustomize v5.8.2 runs it as an exec function transformer (the chart's MultiClusterConfig as its config) and builds the post-renderer's objects",
  async () => {
    const bin = await kustomizeBinary();
    const dir = join(work, 'kustomize');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'flyte-core.yaml'), items.map((o) => `---\n${yaml.dump(o)}`).join(''));
    const fc = clone(functionConfig);
    fc.metadata.annotations = { 'config.kubernetes.io/function': yaml.dump({ exec: { path: POST_RENDERER, args: ['--krm'] } }) };
    writeFileSync(join(dir, 'multicluster.yaml'), yaml.dump(fc));
    writeFileSync(
      join(dir, 'kustomization.yaml'),
      yaml.dump({ apiVersion: 'kustomize.config.k8s.io/v1beta1', kind: 'Kustomization', resources: ['flyte-core.yaml'], transformers: ['multicluster.yaml'] }),
    );
    const r = await kustomize(bin, ['build', '--enable-alpha-plugins', '--enable-exec', dir]);
    assert.is(r.code, 0, r.stderr);
    assert.equal(byIdentity(r.stdout), want);
    // a refusal stops the build, and says why
    fc.spec.credentials.secretName = 'cluster_credentials';
    writeFileSync(join(dir, 'multicluster.yaml'), yaml.dump(fc));
    const bad = await kustomize(bin, ['build', '--enable-alpha-plugins', '--enable-exec', dir]);
    assert.is.not(bad.code, 0);
    assert.match(bad.stderr, '"cluster_credentials" is not a valid Kubernetes name');
  },
);

interface Mistake {
  name: string;
  edit: (fc: Obj, its: Obj[]) => void;
  severity: 'error' | 'warning';
  ref: string;
  field?: string;
  file?: boolean;
  message: string | RegExp;
}
const MISTAKES: Mistake[] = [
  {
    name: 'defect 5: Secret and volume named cluster_credentials',
    edit: (fc) => {
      fc.spec.credentials.secretName = 'cluster_credentials';
    },
    severity: 'error',
    ref: 'MultiClusterConfig/flyte-multicluster',
    field: 'spec.credentials.secretName',
    message: "'_' is not allowed",
  },
  {
    name: "defect 6: raw token and PEM text under the credentials Secret's data",
    edit: (_fc, its) => {
      its.push({
        apiVersion: 'v1',
        kind: 'Secret',
        metadata: { name: 'cluster-credentials', namespace: 'flyte', annotations: { 'internal.config.kubernetes.io/path': 'secrets.yaml' } },
        data: { cluster_1_cacert: '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n' },
      });
    },
    severity: 'error',
    ref: 'Secret/cluster-credentials',
    field: 'data.cluster_1_cacert',
    file: true,
    message: /base64|stringData/,
  },
  {
    name: 'defect 7: `enabled` indented under `auth`',
    edit: (fc) => {
      const c = fc.spec.clusters.clusterConfigs[1];
      delete c.enabled;
      c.auth = { enabled: true };
    },
    severity: 'error',
    ref: 'MultiClusterConfig/flyte-multicluster',
    field: 'spec.clusters.clusterConfigs[1].auth.enabled',
    message: '`enabled` sits under `auth`',
  },
  {
    name: 'defect 10: a quoted {{ placeholder }} endpoint',
    edit: (fc) => {
      fc.spec.clusters.clusterConfigs[0].endpoint = '{{ your-cluster-1-kubeapi-endpoint.com }}';
    },
    severity: 'error',
    ref: 'MultiClusterConfig/flyte-multicluster',
    field: 'spec.clusters.clusterConfigs[0].endpoint',
    message: /endpoint|placeholder|https/,
  },
  {
    name: 'a route to a cluster that is not listed',
    edit: (fc) => {
      fc.spec.clusters.labelClusterMap.team2[1].id = 'cluster_9';
    },
    severity: 'error',
    ref: 'MultiClusterConfig/flyte-multicluster',
    field: 'spec.clusters.labelClusterMap.team2[1].id',
    message: 'not in clusterConfigs',
  },
];

for (const m of MISTAKES) {
  s(`refuses the guide's mistakes as results: ${m.name}`, async () => {
    const fc = clone(functionConfig);
    const its = annotated();
    m.edit(fc, its);
    const r = await krm(resourceList(fc, its));
    assert.is(r.code, 1, r.stderr);
    const out = yaml.load(r.stdout) as Obj;
    assert.is(out.kind, 'ResourceList', 'standard output is still a ResourceList');
    assert.equal(out.items, its, 'the items come back unchanged');
    const hit = (out.results as Obj[]).find((x) => `${x.resourceRef?.kind}/${x.resourceRef?.name}` === m.ref && (!m.field || x.field?.path === m.field));
    assert.ok(hit, `a result for ${m.ref} ${m.field ?? ''}: ${JSON.stringify(out.results)}`);
    assert.is(hit!.severity, m.severity);
    assert.match(hit!.message, m.message);
    if (m.file) assert.equal(hit!.file, { path: 'secrets.yaml' });
    assert.match(r.stderr, /^error: /m, 'also said on standard error');
    assert.not.match(r.stderr + JSON.stringify(out.results), 'BEGIN CERTIFICATE', 'no message echoes a PEM block');
  });
}

s('warnings are results too (exit 0); what is not a ResourceList, or a foreign functionConfig, is an error result', async () => {
  const fc = clone(functionConfig);
  fc.spec.clusters.clusterConfigs.push({ name: 'cluster_4', endpoint: 'https://203.0.113.4:6443', enabled: false });
  fc.spec.clusters.labelClusterMap.team2.push({ id: 'cluster_4', weight: 0.5 });
  const warn = await krm(resourceList(fc, annotated()));
  assert.is(warn.code, 0, warn.stderr);
  const w = (yaml.load(warn.stdout) as Obj).results as Obj[];
  assert.ok(
    w.some((x) => x.severity === 'warning' && x.field?.path === 'spec.clusters.labelClusterMap.team2[2].id' && /not enabled/.test(x.message)),
    JSON.stringify(w),
  );

  const notList = await krm('apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n');
  assert.is(notList.code, 1);
  assert.is((yaml.load(notList.stdout) as Obj).results[0].severity, 'error');
  const foreign = await krm(resourceList({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'fn' }, data: {} }, items));
  assert.is(foreign.code, 1);
  assert.match((yaml.load(foreign.stdout) as Obj).results[0].message, 'must be a MultiClusterConfig');
  const help = await runNode(POST_RENDERER, ['--krm', '--help']);
  assert.is(help.code, 0);
  assert.match(help.stdout, 'config.kubernetes.io/function');
});

s("the post-renderer's bundle holds no KRM code: --krm loads dist/flytemc-krm.mjs", () => {
  const pr = readFileSync(POST_RENDERER, 'utf8');
  assert.not.match(pr, 'ResourceList');
  assert.match(pr, 'flytemc-krm.mjs');
});

s.run();

// ---- in-process: krm() on flyte-core's rendered control plane (no Helm), each way in and each kind of result

const fromYaml = (text: string) => yaml.load(text) as Obj;
const FC: Obj = {
  apiVersion: 'flytemc.io/v1alpha1',
  kind: 'MultiClusterConfig',
  metadata: { name: 'mc' },
  spec: (fromYaml(readFileSync(fixture('three-clusters.yaml'), 'utf8')) as Obj).multicluster,
};
const ITEMS = (): Obj[] =>
  objects(rendered('controlplane.yaml')).map((o, i) => ({
    ...o,
    metadata: {
      ...o.metadata,
      annotations: { ...(o.metadata.annotations ?? {}), 'config.kubernetes.io/path': 'core.yaml', 'config.kubernetes.io/index': String(i) },
    },
  }));
const run = (list: Obj) => {
  const r = krmInProcess(yaml.dump(list));
  return { ...r, list: fromYaml(r.output) };
};
const inProcess = suite('krm in-process');

inProcess('wired with the functionConfig, or with none (flyte-core alone is refused at the config); JSON in, JSON out', () => {
  const r = run({ apiVersion: 'config.kubernetes.io/v1', kind: 'ResourceList', functionConfig: FC, items: ITEMS() });
  assert.is(r.exitCode, 0);
  assert.is(r.list.results, undefined);
  assert.match(JSON.stringify(r.list.items), 'cluster_3');
  const json = krmInProcess(JSON.stringify({ apiVersion: 'v9', kind: 'ResourceList', functionConfig: FC, items: ITEMS() }));
  assert.is(JSON.parse(json.output).apiVersion, 'v9');
  const none = run({ kind: 'ResourceList', items: ITEMS() });
  assert.is(none.exitCode, 1);
  assert.equal(none.list.results[0].resourceRef, undefined);
  assert.match(none.list.results[0].message, /^the rendered manifests: no multi-cluster config/);
});

inProcess("results: the functionConfig's field, an item's field and file, flyte-core's clusters.yaml", () => {
  const fc = clone(FC);
  fc.spec.credentials.secretName = 'bad_name';
  const r = run({ kind: 'ResourceList', functionConfig: fc, items: ITEMS() });
  assert.is(r.exitCode, 1);
  assert.ok(r.list.results.some((x: Obj) => x.resourceRef.kind === 'MultiClusterConfig' && x.field.path === 'spec.credentials.secretName'));
  const items = ITEMS();
  items.push({
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: { name: 'cluster-credentials', annotations: { 'config.kubernetes.io/path': 's.yaml', 'config.kubernetes.io/index': '0' } },
    data: { k: 'not base64!' },
  });
  const secret = run({ kind: 'ResourceList', functionConfig: FC, items }).list.results.find((x: Obj) => x.resourceRef?.kind === 'Secret');
  assert.equal([secret.field.path, secret.file], ['data.k', { path: 's.yaml' }]);
  // flyte-core's own clusters.yaml, not YAML: the ConfigMap's key, its file and index
  const broken = ITEMS();
  const cm = broken.find((o) => o.metadata.name === 'flyte-admin-clusters-config')!;
  cm.data['clusters.yaml'] = 'clusters: [';
  const b = run({ kind: 'ResourceList', items: broken });
  assert.equal(b.list.results[0].resourceRef.name, 'flyte-admin-clusters-config');
  assert.equal(b.list.results[0].field, { path: 'data["clusters.yaml"]' });
  assert.equal(b.list.results[0].file, { path: 'core.yaml', index: broken.indexOf(cm) });
  // a warning is a result, and exit 0
  const warn = clone(FC);
  warn.spec.clusters.clusterConfigs.push({ name: 'cluster_4', endpoint: 'https://203.0.113.4:6443', enabled: false });
  warn.spec.clusters.labelClusterMap.team2.push({ id: 'cluster_4', weight: 0.5 });
  const w = run({ kind: 'ResourceList', functionConfig: warn, items: ITEMS() });
  assert.is(w.exitCode, 0);
  assert.is(w.list.results[0].severity, 'warning');
});

inProcess('refused as a whole: not YAML, not a ResourceList, an item that is not an object, a foreign functionConfig, past a limit', () => {
  const first = (text: string) => krmInProcess(text).results[0]!;
  assert.match(first('kind: [\n').message, /^the ResourceList: line \d+: invalid YAML/);
  assert.match(first('kind: ConfigMap\n').message, 'is not a ResourceList with items (kind "ConfigMap")');
  assert.match(first('- 1\n').message, '(kind "object")');
  const item = krmInProcess(yaml.dump({ kind: 'ResourceList', items: [{ kind: 'A' }, 3] }));
  assert.equal(
    [item.results[0]!.message, fromYaml(item.output).items],
    ['the ResourceList /items/1: an item is not a Kubernetes object (a mapping)', [{ kind: 'A' }, 3]],
  );
  assert.match(
    first(yaml.dump({ kind: 'ResourceList', items: [], functionConfig: { kind: 'ConfigMap', metadata: { name: 'f' } } })).message,
    /^functionConfig ConfigMap\/f: the functionConfig must be/,
  );
  assert.match(first(yaml.dump({ kind: 'ResourceList', items: [], functionConfig: 'x' })).message, /^functionConfig: /);
  assert.is(first('kind: ResourceList\nitems: []\n\u0000').severity, 'error');
});

inProcess.run();
