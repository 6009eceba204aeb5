// The wrapper chart (charts/flyte-multicluster) on real Helm 3.17.2 and Helm 4.1.4, offline,
// with isolated HELM_* folders: lint of every role × cloud, what each rendered role must and
// must not contain, the schema's refusals, the template's own refusals, and that the generated
// values.schema.json and docs/configuration.md are up to date.
//
// Control planes are also rendered THROUGH the flytemc post-renderer (dist/, so `npm run build`
// first): on Helm 3 as the executable, on Helm 4 as a postrenderer/v1 plugin of the same name
// installed into Helm 4's isolated plugins folder. render(major, combo, postRendererArgs(major))
// renders any combination that way.
import { test } from './helpers/uvu.ts';
import * as assert from 'uvu/assert';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import yaml from 'js-yaml';
import { POST_RENDERER } from './helpers/process.ts';
import { HELM_MAJORS, ROOT, helmBinary, helmEnv, kubectlBinary, prepareChart, runHelm, type HelmMajor, type HelmResult } from './helpers/helm.ts';

// ---------------------------------------------------------------------------------------------
// Fixtures

type Role = 'control-plane' | 'data-plane';
type Cloud = 'none' | 'eks' | 'gcp';
interface Combo {
  role: Role;
  cloud: Cloud;
}

const ROLES: Role[] = ['control-plane', 'data-plane'];
const CLOUDS: Cloud[] = ['none', 'eks', 'gcp'];
const COMBOS: Combo[] = ROLES.flatMap((role) => CLOUDS.map((cloud) => ({ role, cloud })));
const comboName = (c: Combo, major?: HelmMajor) => `${c.role}/${c.cloud}${major ? ` on Helm ${major}` : ''}`;

const RELEASE = 'flyte';
const NAMESPACE = 'flyte';
const DP_NAME = 'dp-us-east-1';

const work = mkdtempSync(join(tmpdir(), 'flytemc-chart-'));
const chart = prepareChart();
// One isolated Helm home per major version: Helm 3 drops every plugin when one Helm 4 style
// plugin.yaml sits in its plugins folder (FACTS.md).
const envs: Record<HelmMajor, NodeJS.ProcessEnv> = { 3: helmEnv(join(work, 'helm3')), 4: helmEnv(join(work, 'helm4')) };

/** A correct three-cluster control-plane config (the guide's example, fixed). */
const CP_CLUSTERS = {
  clusterConfigs: [
    { name: 'cluster-1', endpoint: 'https://10.0.0.1:6443', enabled: true },
    {
      name: 'cluster-2',
      endpoint: 'https://10.0.0.2:6443',
      enabled: true,
      auth: { tokenPath: '/var/run/credentials/cluster-2_token', certPath: '/var/run/credentials/cluster-2_cacert' },
    },
    { name: 'cluster-3', endpoint: 'https://10.0.0.3:6443', enabled: true, kubeClientConfig: { qps: 50, burst: 100, timeout: '30s' } },
  ],
  labelClusterMap: {
    team1: [{ id: 'cluster-1', weight: 1 }],
    team2: [
      { id: 'cluster-2', weight: 0.5 },
      { id: 'cluster-3', weight: 0.5 },
    ],
  },
  defaultExecutionLabel: 'team1',
};

function writeValues(name: string, values: unknown): string {
  const p = join(work, name);
  writeFileSync(p, yaml.dump(values));
  return p;
}
const cpValues = writeValues('cp-clusters.yaml', { multicluster: { clusters: CP_CLUSTERS } });

/** FlyteAdmin's gRPC address as the data planes reach it (the control plane's gRPC Ingress). */
const ADMIN = 'dns:///flyte.example.com:443';
/**
 * What both planes share (docs/chart.md): where the control plane is, with the DataCatalog route
 * on its gRPC Ingress, and one metadata bucket (plain: flyte-core.storage; with a cloud overlay:
 * userSettings.bucketName, which the overlay's storage.bucketName refers to).
 */
const sharedValues = (c: Combo) =>
  writeValues(`shared-${c.cloud}.yaml`, {
    multicluster: { controlPlane: { adminEndpoint: ADMIN, catalogIngress: true } },
    'flyte-core':
      c.cloud === 'none'
        ? { storage: { type: 's3', bucketName: 'flyte-meta', s3: { region: 'us-east-1' } } }
        : { userSettings: { bucketName: 'flyte-meta', rawDataBucketName: 'flyte-raw' } },
  });

/** The `-f`/`--set` arguments that install one combination, exactly as docs/chart.md says. */
function valuesArgs(c: Combo): string[] {
  const args: string[] = [];
  if (c.cloud !== 'none') args.push('-f', join(chart, `values-${c.cloud}.yaml`));
  if (c.role === 'control-plane') args.push('-f', join(chart, 'values-controlplane.yaml'), '-f', sharedValues(c), '-f', cpValues);
  else
    args.push(
      '-f',
      join(chart, 'values-dataplane.yaml'),
      '-f',
      sharedValues(c),
      '--set',
      `multicluster.clusterName=${DP_NAME}`,
      '--set',
      `flyte-core.flytepropeller.clusterName=${DP_NAME}`,
    );
  return args;
}

// ---------------------------------------------------------------------------------------------
// Rendering

type Doc = { apiVersion?: string; kind?: string; metadata?: { name?: string; namespace?: string; annotations?: Record<string, string> }; [k: string]: unknown };
interface Rendered extends HelmResult {
  docs: Doc[];
  ms: number;
}

const timings: Record<string, number[]> = {};
function time(key: string, ms: number) {
  (timings[key] ??= []).push(ms);
}

async function helm(major: HelmMajor, args: string[], timingKey?: string): Promise<HelmResult & { ms: number }> {
  const t = performance.now();
  const r = await runHelm(major, args, { env: envs[major] });
  const ms = performance.now() - t;
  if (timingKey) time(`${timingKey} helm${major}`, ms);
  return { ...r, ms };
}

/**
 * `helm template` of one combination. `extraArgs` go last (e.g. the post-renderer flags, or
 * more `-f`/`--set`). Parses the output into documents when Helm succeeded.
 */
async function render(major: HelmMajor, c: Combo, extraArgs: string[] = []): Promise<Rendered> {
  const r = await helm(
    major,
    ['template', RELEASE, chart, '-n', NAMESPACE, ...valuesArgs(c), ...extraArgs],
    extraArgs.includes('--post-renderer') ? 'template+post' : 'template',
  );
  const docs = r.code === 0 ? (yaml.loadAll(r.stdout) as unknown[]).filter((d): d is Doc => !!d && typeof d === 'object') : [];
  return { ...r, docs };
}

/** Plain `helm template` with the given args (for refusals). */
async function template(major: HelmMajor, args: string[]): Promise<HelmResult> {
  return helm(major, ['template', RELEASE, chart, '-n', NAMESPACE, ...args]);
}

/**
 * Flags that send a render through the flytemc post-renderer built in dist/: on Helm 3 the
 * executable's path; on Helm 4 the name of a minimal postrenderer/v1 plugin that runs it,
 * installed here into Helm 4's isolated plugins folder. (`helm flytemc setup` is
 * tested on its own; this only needs the renderer.)
 */
function postRendererArgs(major: HelmMajor): string[] {
  if (!existsSync(POST_RENDERER)) throw new Error(`${POST_RENDERER} is missing: run npm run build first`);
  if (major === 3) return ['--post-renderer', POST_RENDERER];
  const dir = join(envs[4].HELM_PLUGINS!, 'flytemc-post-renderer');
  mkdirSync(dir, { recursive: true });
  const text = yaml.dump({
    apiVersion: 'v1',
    name: 'flytemc-post-renderer',
    type: 'postrenderer/v1',
    runtime: 'subprocess',
    version: '0.0.0-test',
    runtimeConfig: { platformCommand: [{ command: process.execPath, args: [POST_RENDERER] }] },
  });
  // renders run two at a time: a Helm reading plugin.yaml must never see it half written
  // (it then ignores the plugin: "failed to peek plugin.yaml API version: EOF")
  const file = join(dir, 'plugin.yaml');
  if (!existsSync(file) || readFileSync(file, 'utf8') !== text) {
    writeFileSync(`${file}.${process.pid}.tmp`, text);
    renameSync(`${file}.${process.pid}.tmp`, file);
  }
  return ['--post-renderer', 'flytemc-post-renderer'];
}

/** Runs `fn` for every (major, item) pair, two at a time (the machine has 2 cores). */
async function each<T>(items: T[], fn: (major: HelmMajor, item: T) => Promise<void>): Promise<void> {
  const jobs = HELM_MAJORS.flatMap((m) => items.map((i) => () => fn(m, i)));
  const failures: unknown[] = [];
  const worker = async () => {
    for (let job = jobs.shift(); job; job = jobs.shift()) {
      try {
        await job();
      } catch (e) {
        failures.push(e);
      }
    }
  };
  await Promise.all([worker(), worker()]);
  if (failures.length) throw failures[0];
}

const find = (docs: Doc[], kind: string, name?: string) => docs.filter((d) => d.kind === kind && (name === undefined || d.metadata?.name === name));

interface Container {
  name: string;
  args?: string[];
  command?: string[];
  volumeMounts?: { name: string; mountPath: string }[];
}
interface PodSpec {
  containers?: Container[];
  initContainers?: Container[];
  volumes?: { name: string; secret?: { secretName?: string } }[];
}
const podSpec = (d: Doc): PodSpec => (d as { spec?: { template?: { spec?: PodSpec } } }).spec?.template?.spec ?? {};
const containers = (d: Doc): Container[] => podSpec(d).containers ?? [];

/** Where the pod of `deployment` mounts Secret `secretName` in container `container`, if it does. */
function secretMountPath(deployment: Doc, container: string, secretName: string, init = false): string | undefined {
  const pod = podSpec(deployment);
  const volumes = new Set((pod.volumes ?? []).filter((v) => v.secret?.secretName === secretName).map((v) => v.name));
  const c = (init ? pod.initContainers : pod.containers)?.find((k) => k.name === container);
  return c?.volumeMounts?.find((m) => volumes.has(m.name))?.mountPath;
}

// ---------------------------------------------------------------------------------------------
// The helper

test('helper: real Helm 3.17.2 and 4.1.4 binaries, isolated env', async () => {
  for (const major of HELM_MAJORS) {
    assert.ok(helmBinary(major).includes(`helm-${major === 3 ? '3.17.2' : '4.1.4'}`));
    const env = envs[major];
    const r = await runHelm(major, ['version', '--short'], { env });
    assert.is(r.code, 0, r.stderr);
    assert.match(r.stdout, major === 3 ? /^v3\.17\.2/ : /^v4\.1\.4/);
    const e = await runHelm(major, ['env'], { env });
    assert.match(e.stdout, new RegExp(`HELM_DATA_HOME="${join(work, `helm${major}`, 'data')}"`));
    assert.match(e.stdout, new RegExp(`HELM_PLUGINS="${join(work, `helm${major}`, 'data', 'plugins')}"`));
  }
  const saved = process.env.KUBECONFIG;
  process.env.KUBECONFIG = '/somewhere/else';
  process.env.HELM_NAMESPACE = 'leaked';
  try {
    const e = helmEnv(join(work, 'iso'));
    assert.is.not(e.KUBECONFIG, '/somewhere/else');
    assert.is(e.HELM_NAMESPACE, undefined);
    assert.is(helmEnv(join(work, 'iso'), { kubeconfig: '/k' }).KUBECONFIG, '/k');
  } finally {
    if (saved === undefined) delete process.env.KUBECONFIG;
    else process.env.KUBECONFIG = saved;
    delete process.env.HELM_NAMESPACE;
  }
  assert.ok(kubectlBinary(4).endsWith('kubectl'));
});

// ---------------------------------------------------------------------------------------------
// Generated files are up to date

test('values.schema.json and docs/configuration.md equal what the generators produce', async () => {
  const schemaGen = (await import(pathToFileURL(join(ROOT, 'scripts', 'gen-values-schema.mjs')).href)) as {
    valuesSchema: (root: string) => unknown;
    OUTPUT: string;
  };
  const committed = readFileSync(join(ROOT, schemaGen.OUTPUT), 'utf8');
  assert.is(committed, JSON.stringify(schemaGen.valuesSchema(ROOT), null, 2) + '\n', 'run npm run build and commit values.schema.json');
  const schema = JSON.parse(committed) as { properties: Record<string, unknown>; additionalProperties: unknown };
  assert.ok(schema.properties.global && schema.properties['flyte-core']);
  assert.is(schema.additionalProperties, true);
  assert.not.match(committed, /x-fix/);

  const docsGen = (await import(pathToFileURL(join(ROOT, 'scripts', 'gen-docs.mjs')).href)) as { configurationDoc: (root: string) => string; OUTPUT: string };
  assert.is(readFileSync(join(ROOT, docsGen.OUTPUT), 'utf8'), docsGen.configurationDoc(ROOT), 'run npm run build and commit docs/configuration.md');
});

// ---------------------------------------------------------------------------------------------
// Lint

test('helm lint --strict is clean for every role × cloud on Helm 3 and 4', async () => {
  await each(COMBOS, async (major, c) => {
    const r = await helm(major, ['lint', '--strict', chart, ...valuesArgs(c)], 'lint');
    const out = r.stdout + r.stderr;
    assert.is(r.code, 0, `${comboName(c, major)}:\n${out}`);
    assert.match(out, /1 chart\(s\) linted, 0 chart\(s\) failed/);
    assert.not.match(out, /\[(WARNING|ERROR)\]/, `${comboName(c, major)}:\n${out}`);
  });
});

// ---------------------------------------------------------------------------------------------
// Data planes

/** flytepropeller's config in a rendered data plane: admin.yaml, catalog.yaml and storage.yaml parsed. */
function propellerConfig(docs: Doc[]): { admin: any; catalog: any; storage: any } {
  const data = (find(docs, 'ConfigMap', 'flyte-propeller-config')[0] as { data?: Record<string, string> } | undefined)?.data ?? {};
  const load = (k: string) => (data[k] === undefined ? undefined : yaml.load(data[k]!));
  return { admin: load('admin.yaml'), catalog: load('catalog.yaml'), storage: load('storage.yaml') };
}

test('data plane through the post-renderer: flytepropeller named after the cluster and pointed at the control plane; flyteadmin SA + token Secret; no control-plane parts', async () => {
  await each(
    COMBOS.filter((c) => c.role === 'data-plane'),
    async (major, c) => {
      const r = await render(major, c, postRendererArgs(major));
      const at = comboName(c, major);
      assert.is(r.code, 0, `${at}: ${r.stderr}`);
      assert.is(find(r.docs, 'Deployment', 'flyteadmin').length, 0, `${at}: flyteadmin Deployment`);
      for (const name of ['flyteconsole', 'datacatalog', 'syncresources', 'flytescheduler']) {
        assert.is(find(r.docs, 'Deployment', name).length, 0, `${at}: ${name} Deployment`);
      }
      assert.is(find(r.docs, 'Ingress').length, 0, `${at}: an Ingress to services a data plane does not run`);
      assert.is(find(r.docs, 'MultiClusterConfig').length, 0, `${at}: the MultiClusterConfig was not consumed`);

      // the way back: FlyteAdmin and DataCatalog at the control plane's gRPC address, never the in-cluster defaults
      const cfg = propellerConfig(r.docs);
      assert.is(cfg.admin?.admin?.endpoint, ADMIN, `${at}: admin.yaml ${JSON.stringify(cfg.admin)}`);
      assert.is(cfg.admin?.admin?.insecure, false, `${at}: admin.insecure`);
      assert.equal(cfg.catalog?.['catalog-cache'], { type: 'datacatalog', endpoint: ADMIN, insecure: false }, `${at}: catalog.yaml`);
      assert.not.match(r.stdout, /flyteadmin:81|datacatalog:89/, `${at}: an in-cluster default is left`);
      assert.is(cfg.storage?.storage?.container, 'flyte-meta', `${at}: storage.yaml ${JSON.stringify(cfg.storage)}`);
      assert.not.match(r.stdout, /minio\./, `${at}: flyte-core's in-cluster minio`);
      // pods roll when the config changes: the post-renderer recomputed the checksum of what it wrote
      const plain = await render(major, c);
      const sum = (docs: Doc[]) => (find(docs, 'Deployment', 'flytepropeller')[0] as any)?.spec?.template?.metadata?.annotations?.configChecksum as string;
      assert.ok(sum(r.docs) && sum(r.docs) !== sum(plain.docs), `${at}: flytepropeller's configChecksum was not recomputed`);

      const [propeller] = find(r.docs, 'Deployment', 'flytepropeller');
      assert.ok(propeller, `${at}: no flytepropeller Deployment`);
      const main = containers(propeller!).find((k) => k.name === 'flytepropeller');
      const argv = [...(main?.command ?? []), ...(main?.args ?? [])];
      const i = argv.indexOf('--propeller.cluster-id');
      assert.ok(i >= 0 && argv[i + 1] === DP_NAME, `${at}: flytepropeller argv ${JSON.stringify(argv)}`);

      assert.is(find(r.docs, 'ServiceAccount', 'flyteadmin').length, 1, `${at}: ServiceAccount flyteadmin`);
      assert.is(find(r.docs, 'ClusterRole', `${NAMESPACE}-flyteadmin`).length, 1, `${at}: ClusterRole`);
      const [secret] = find(r.docs, 'Secret', 'flyteadmin-token');
      assert.ok(secret, `${at}: no token Secret`);
      assert.is((secret as { type?: string }).type, 'kubernetes.io/service-account-token');
      assert.is(secret!.metadata?.namespace, NAMESPACE);
      assert.is(secret!.metadata?.annotations?.['kubernetes.io/service-account.name'], 'flyteadmin');
      assert.is((secret as { data?: unknown }).data, undefined, 'the token controller fills data');
    },
  );
});

test('data plane without the post-renderer: the MultiClusterConfig stays (the install fails on it), carrying the way back', async () => {
  await each([{ role: 'data-plane', cloud: 'none' } as Combo], async (major, c) => {
    const r = await render(major, c);
    assert.is(r.code, 0, r.stderr);
    const [mcc] = find(r.docs, 'MultiClusterConfig');
    assert.ok(mcc, 'no MultiClusterConfig');
    assert.match(mcc!.metadata?.annotations?.['flytemc.io/requires'] ?? '', /^helm --post-renderer flytemc-post-renderer/);
    assert.equal((mcc as { spec?: any }).spec, {
      role: 'data-plane',
      clusterName: DP_NAME,
      controlPlane: { adminEndpoint: ADMIN, catalog: true, catalogIngress: true, insecure: false },
      dataPlane: { rbac: 'flyte-core', tokenSecretName: 'flyteadmin-token', longLivedToken: true },
    });
  });
});

test('data plane: catalog off, a separate catalog endpoint, insecure; the cloud overlays keep one bucket setting for both roles', async () => {
  await each([{ role: 'data-plane', cloud: 'none' } as Combo], async (major, c) => {
    const off = await render(major, c, [
      '--set',
      'multicluster.controlPlane.catalog=false',
      '--set',
      'multicluster.controlPlane.catalogIngress=false',
      '--set',
      'multicluster.controlPlane.insecure=true',
      ...postRendererArgs(major),
    ]);
    assert.is(off.code, 0, off.stderr);
    assert.equal(propellerConfig(off.docs).catalog['catalog-cache'], { type: 'noop' });
    assert.is(propellerConfig(off.docs).admin.admin.insecure, true);
    const own = await render(major, c, [
      '--set',
      'multicluster.controlPlane.catalogEndpoint=dns:///catalog.example.com:443',
      '--set',
      'multicluster.controlPlane.catalogIngress=false',
      ...postRendererArgs(major),
    ]);
    assert.is(own.code, 0, own.stderr);
    assert.equal(propellerConfig(own.docs).catalog['catalog-cache'], { type: 'datacatalog', endpoint: 'dns:///catalog.example.com:443', insecure: false });
  });
  // The control plane's FlyteAdmin and the data plane's flytepropeller read the same storage.yaml
  // when both are installed with the same overlay and shared values.
  await each(CLOUDS, async (major, cloud) => {
    const cp = await render(major, { role: 'control-plane', cloud }, postRendererArgs(major));
    const dp = await render(major, { role: 'data-plane', cloud }, postRendererArgs(major));
    assert.is(cp.code, 0, cp.stderr);
    assert.is(dp.code, 0, dp.stderr);
    const adminStorage = (find(cp.docs, 'ConfigMap', 'flyte-admin-base-config')[0] as { data: Record<string, string> }).data['storage.yaml'];
    const propellerStorage = (find(dp.docs, 'ConfigMap', 'flyte-propeller-config')[0] as { data: Record<string, string> }).data['storage.yaml'];
    assert.equal(yaml.load(propellerStorage!), yaml.load(adminStorage!), `${cloud} on Helm ${major}: the planes' storage differs`);
    assert.is((yaml.load(propellerStorage!) as any).storage.container, 'flyte-meta');
  });
});

test("data plane: rbac minimal narrows flyteadmin's ClusterRole to the templates' kinds + FlyteWorkflow; clientSecret mounts the Secret flytepropeller authenticates with", async () => {
  await each([{ role: 'data-plane', cloud: 'gcp' } as Combo], async (major, c) => {
    const r = await render(major, c, [
      '--set',
      'multicluster.dataPlane.rbac=minimal',
      '--set',
      'multicluster.controlPlane.clientSecret.secretName=propeller-oauth',
      ...postRendererArgs(major),
    ]);
    assert.is(r.code, 0, r.stderr);
    const [role] = find(r.docs, 'ClusterRole', `${NAMESPACE}-flyteadmin`);
    // values-gcp.yaml's templates: a Namespace, the default ServiceAccount (workload identity), a ResourceQuota
    assert.equal((role as { rules?: unknown }).rules, [
      { apiGroups: [''], resources: ['namespaces', 'serviceaccounts', 'resourcequotas'], verbs: ['create', 'get', 'patch'] },
      { apiGroups: ['flyte.lyft.com'], resources: ['flyteworkflows'], verbs: ['create', 'get', 'update', 'delete', 'list', 'watch'] },
    ]);
    assert.not.match(JSON.stringify(role), /"\*"/, 'a wildcard is left');
    const admin = propellerConfig(r.docs).admin.admin;
    assert.equal([admin.clientId, admin.clientSecretLocation, admin.authType], ['flytepropeller', '/etc/secrets/client_secret', 'ClientSecret']);
    assert.is(find(r.docs, 'Secret', 'propeller-oauth').length, 0, 'the client secret never comes from values');
    assert.is(find(r.docs, 'Secret', 'flyte-secret-auth').length, 1, "flyte-core's own placeholder of another name stays");
    assert.is(secretMountPath(find(r.docs, 'Deployment', 'flytepropeller')[0]!, 'flytepropeller', 'propeller-oauth'), '/etc/secrets/');
  });
});

test('data plane: custom token Secret name and flyte-core forceNamespace', async () => {
  await each([{ role: 'data-plane', cloud: 'none' } as Combo], async (major, c) => {
    const r = await render(major, c, ['--set', 'multicluster.dataPlane.tokenSecretName=admin-token-2', '--set', 'flyte-core.forceNamespace=flyte-dp']);
    assert.is(r.code, 0, r.stderr);
    const [secret] = find(r.docs, 'Secret', 'admin-token-2');
    assert.ok(secret);
    assert.is(secret!.metadata?.namespace, 'flyte-dp');
    assert.is(find(r.docs, 'ServiceAccount', 'flyteadmin')[0]?.metadata?.namespace, 'flyte-dp');
  });
});

test('data plane reached through a credential proxy: dataPlane.longLivedToken false renders no token Secret', async () => {
  await each([{ role: 'data-plane', cloud: 'none' } as Combo], async (major, c) => {
    const r = await render(major, c, ['--set', 'multicluster.dataPlane.longLivedToken=false']);
    assert.is(r.code, 0, r.stderr);
    assert.equal(
      r.docs.filter((d) => d.kind === 'Secret' && (d as { type?: string }).type === 'kubernetes.io/service-account-token'),
      [],
    );
    assert.is(find(r.docs, 'ServiceAccount', 'flyteadmin').length, 1, 'the ServiceAccount stays');
  });
});

// ---------------------------------------------------------------------------------------------
// Control planes (without the post-renderer: the MultiClusterConfig document is still there)

test('control plane: no flytepropeller, one MultiClusterConfig carrying the config', async () => {
  await each(
    COMBOS.filter((c) => c.role === 'control-plane'),
    async (major, c) => {
      const r = await render(major, c);
      const at = comboName(c, major);
      assert.is(r.code, 0, `${at}: ${r.stderr}`);
      assert.is(find(r.docs, 'Deployment', 'flytepropeller').length, 0, `${at}: flytepropeller Deployment`);
      assert.is(find(r.docs, 'Deployment', 'flytepropeller-manager').length, 0, `${at}: flytepropeller-manager`);
      assert.is(find(r.docs, 'Deployment', 'flyteadmin').length, 1, `${at}: flyteadmin Deployment`);
      assert.is(find(r.docs, 'Secret', 'flyteadmin-token').length, 0, `${at}: a data plane's token Secret`);

      const mccs = find(r.docs, 'MultiClusterConfig');
      assert.is(mccs.length, 1, `${at}: MultiClusterConfig documents`);
      const mcc = mccs[0]!;
      assert.is(mcc.apiVersion, 'flytemc.io/v1alpha1');
      assert.is(mcc.metadata?.name, `${RELEASE}-multicluster`);
      assert.match(mcc.metadata?.annotations?.['flytemc.io/requires'] ?? '', /^helm --post-renderer flytemc-post-renderer/);
      assert.equal((mcc as { spec?: unknown }).spec, {
        credentials: { secretName: 'cluster-credentials', mountPath: '/var/run/credentials' },
        clusters: CP_CLUSTERS,
        controlPlane: { adminEndpoint: ADMIN, catalog: true, catalogIngress: true, insecure: false },
      });
      // No credentials in values: the chart itself mounts nothing and holds no token.
      assert.not.match(r.stdout, /_token:|_cacert:/);
    },
  );
});

test('control plane: credentials and an empty cluster list pass through unchanged', async () => {
  const v = writeValues('cp-creds.yaml', { multicluster: { credentials: { secretName: 'member-creds', mountPath: '/etc/flyte/clusters' } } });
  await each([{ role: 'control-plane', cloud: 'none' } as Combo], async (major, c) => {
    const r = await render(major, c, ['-f', v, '--set-json', 'multicluster.clusters={"clusterConfigs":[],"labelClusterMap":{}}']);
    assert.is(r.code, 0, r.stderr);
    assert.equal((find(r.docs, 'MultiClusterConfig')[0] as { spec?: unknown }).spec, {
      credentials: { secretName: 'member-creds', mountPath: '/etc/flyte/clusters' },
      clusters: { clusterConfigs: [], labelClusterMap: {} },
      controlPlane: { adminEndpoint: ADMIN, catalog: true, catalogIngress: true, insecure: false },
    });
  });
});

// ---------------------------------------------------------------------------------------------
// Control planes through the post-renderer

function assertCredentialsWired(r: Rendered, at: string, secretName: string, mountPath: string, clusterNames: string[]) {
  assert.is(r.code, 0, `${at}: ${r.stderr}`);
  assert.is(find(r.docs, 'MultiClusterConfig').length, 0, `${at}: the MultiClusterConfig was not consumed`);
  const [admin] = find(r.docs, 'Deployment', 'flyteadmin');
  const [sync] = find(r.docs, 'Deployment', 'syncresources');
  assert.ok(admin && sync, `${at}: flyteadmin and syncresources Deployments`);
  assert.is(secretMountPath(admin!, 'flyteadmin', secretName), mountPath, `${at}: flyteadmin container`);
  assert.is(secretMountPath(admin!, 'sync-cluster-resources', secretName, true), mountPath, `${at}: flyteadmin init container sync-cluster-resources`);
  assert.is(secretMountPath(sync!, 'sync-cluster-resources', secretName), mountPath, `${at}: syncresources container`);
  for (const cm of ['flyte-admin-clusters-config', 'flyte-clusterresourcesync-config']) {
    const [doc] = find(r.docs, 'ConfigMap', cm);
    const text = (doc as { data?: Record<string, string> } | undefined)?.data?.['clusters.yaml'];
    assert.ok(text, `${at}: ConfigMap ${cm} has no clusters.yaml`);
    const parsed = yaml.load(text!) as { clusters?: { clusterConfigs?: { name: string }[] } };
    assert.equal(
      parsed.clusters?.clusterConfigs?.map((c) => c.name),
      clusterNames,
      `${at}: ${cm}`,
    );
  }
}

test('control plane through the post-renderer: credentials in all three places, config consumed', async () => {
  await each(
    COMBOS.filter((c) => c.role === 'control-plane'),
    async (major, c) => {
      const r = await render(major, c, postRendererArgs(major));
      assertCredentialsWired(
        r,
        comboName(c, major),
        'cluster-credentials',
        '/var/run/credentials',
        CP_CLUSTERS.clusterConfigs.map((k) => k.name),
      );
    },
  );
});

test("control plane through the post-renderer: catalogIngress routes datacatalog.DataCatalog on the gRPC Ingress, next to FlyteAdmin's services", async () => {
  await each(
    COMBOS.filter((c) => c.role === 'control-plane'),
    async (major, c) => {
      const at = comboName(c, major);
      const r = await render(major, c, postRendererArgs(major));
      assert.is(r.code, 0, `${at}: ${r.stderr}`);
      type Path = { path: string; backend: { service: { name: string; port: { number: number } } } };
      const grpc = find(r.docs, 'Ingress')
        .flatMap((i) => ((i as any).spec.rules as Array<{ http: { paths: Path[] } }>).map((rule) => ({ name: i.metadata?.name, paths: rule.http.paths })))
        .filter((x) => x.paths.some((p) => p.path === '/flyteidl.service.AdminService'));
      assert.ok(grpc.length >= 1, `${at}: no gRPC Ingress`);
      for (const g of grpc) {
        const dc = g.paths.filter((p) => p.path.startsWith('/datacatalog.DataCatalog'));
        assert.equal(
          dc.map((p) => [p.path, p.backend.service.name, p.backend.service.port.number]),
          [
            ['/datacatalog.DataCatalog', 'datacatalog', 89],
            ['/datacatalog.DataCatalog/*', 'datacatalog', 89],
          ],
          `${at}: Ingress ${g.name}`,
        );
      }
      if (c.cloud === 'eks')
        assert.equal(
          grpc.map((g) => g.name),
          ['flyte-core-grpc'],
          'EKS: the separate gRPC Ingress',
        );
      const off = await render(major, c, ['--set', 'multicluster.controlPlane.catalogIngress=false', ...postRendererArgs(major)]);
      assert.not.match(off.stdout, /datacatalog\.DataCatalog/, `${at}: the route without catalogIngress`);
    },
  );
});

test('a control plane that also runs workloads: flytepropeller kept on, reporting as the inCluster entry; FlyteAdmin lists it', async () => {
  const v = writeValues('cp-workloads.yaml', { 'flyte-core': { flytepropeller: { enabled: true, clusterName: 'cp' } } });
  // --set-json replaces the whole cluster list (a second -f would merge the label maps)
  const clusters = {
    clusterConfigs: [
      { name: 'cp', inCluster: true, enabled: true },
      { name: 'dp-1', endpoint: 'https://10.0.0.1:6443', enabled: true },
    ],
    labelClusterMap: { team1: [{ id: 'cp', weight: 1 }] },
  };
  await each([{ role: 'control-plane', cloud: 'none' } as Combo], async (major, c) => {
    const r = await render(major, c, ['-f', v, '--set-json', `multicluster.clusters=${JSON.stringify(clusters)}`, ...postRendererArgs(major)]);
    assertCredentialsWired(r, comboName(c, major), 'cluster-credentials', '/var/run/credentials', ['cp', 'dp-1']);
    const main = containers(find(r.docs, 'Deployment', 'flytepropeller')[0]!).find((k) => k.name === 'flytepropeller')!;
    const argv = [...(main.command ?? []), ...(main.args ?? [])];
    assert.is(argv[argv.indexOf('--propeller.cluster-id') + 1], 'cp');
    // in the control plane, flyte-core's in-cluster defaults are right: FlyteAdmin runs there
    assert.is(propellerConfig(r.docs).admin.admin.endpoint, 'flyteadmin:81');
    const listed = yaml.load((find(r.docs, 'ConfigMap', 'flyte-admin-clusters-config')[0] as any).data['clusters.yaml']) as any;
    assert.equal(listed.clusters.clusterConfigs[0], { name: 'cp', inCluster: true, enabled: true });
  });
});

test('control plane through the post-renderer: another Secret name and mount path', async () => {
  const v = writeValues('cp-other-creds.yaml', { multicluster: { credentials: { secretName: 'member-creds', mountPath: '/etc/flyte/clusters' } } });
  // --set-json replaces the whole cluster list (a second -f would merge the label maps).
  const clusters = {
    clusterConfigs: [{ name: 'dp-a', endpoint: 'https://10.1.0.1:6443', enabled: true }],
    labelClusterMap: { team1: [{ id: 'dp-a', weight: 1 }] },
  };
  await each([{ role: 'control-plane', cloud: 'none' } as Combo], async (major, c) => {
    const r = await render(major, c, ['-f', v, '--set-json', `multicluster.clusters=${JSON.stringify(clusters)}`, ...postRendererArgs(major)]);
    assertCredentialsWired(r, comboName(c, major), 'member-creds', '/etc/flyte/clusters', ['dp-a']);
  });
});

test('control plane with a credential proxy: native sidecars first in flyteadmin and syncresources through the post-renderer; refused below Kubernetes 1.29', async () => {
  const clusters = {
    clusterConfigs: [{ name: 'dp-a', endpoint: 'https://10.1.0.1:6443', enabled: true, credentialProxy: { exec: { command: 'aws' } } }],
    labelClusterMap: { team1: [{ id: 'dp-a', weight: 1 }] },
  };
  const args = ['--set-json', `multicluster.clusters=${JSON.stringify(clusters)}`, '--set', 'multicluster.credentialProxy.image=kubectl:1.32'];
  await each([{ role: 'control-plane', cloud: 'none' } as Combo], async (major, c) => {
    const r = await render(major, c, [...args, ...postRendererArgs(major)]);
    assert.is(r.code, 0, r.stderr);
    for (const d of ['flyteadmin', 'syncresources']) {
      const [first] = podSpec(find(r.docs, 'Deployment', d)[0]!).initContainers ?? [];
      assert.equal([first?.name, (first as { restartPolicy?: string })?.restartPolicy], ['flytemc-proxy-dp-a', 'Always'], `${d} on Helm ${major}`);
    }
    const old = await template(major, [...valuesArgs(c), ...args, '--kube-version', '1.28.15']);
    assert.is.not(old.code, 0);
    assert.match(old.stderr, /dp-a reached through a credential proxy .*Kubernetes 1\.29 or later, and this control plane's cluster is v1\.28\.15/);
    const ok = await template(major, [...valuesArgs(c), ...args, '--kube-version', '1.29.0']);
    assert.is(ok.code, 0, `not refused at 1.29: ${ok.stderr}`);
  });
});

// ---------------------------------------------------------------------------------------------
// Refusals: the schema (values.schema.json), on both versions

const SCHEMA_REFUSALS: { what: string; values: unknown; mentions: RegExp[] }[] = [
  {
    what: 'guide defect 7: `enabled` under `auth`',
    mentions: [/enabled/],
    values: { multicluster: { clusters: { clusterConfigs: [{ name: 'cluster-2', endpoint: 'https://10.0.0.2:6443', auth: { enabled: true } }] } } },
  },
  { what: 'weight 2', mentions: [/weight/], values: { multicluster: { clusters: { labelClusterMap: { team2: [{ id: 'cluster-2', weight: 2 }] } } } } },
  {
    what: 'guide defect 5: secretName cluster_credentials',
    mentions: [/secretName/],
    values: { multicluster: { credentials: { secretName: 'cluster_credentials' } } },
  },
  {
    what: 'guide defect 10: template braces in endpoint',
    mentions: [/endpoint/],
    values: { multicluster: { clusters: { clusterConfigs: [{ name: 'cluster-1', endpoint: '{{ your-cluster-1-kubeapi-endpoint.com }}' }] } } },
  },
  { what: 'unknown role', mentions: [/role/], values: { multicluster: { role: 'controlplane' } } },
  { what: 'unknown key in the multicluster block', mentions: [/labelClusterMap/], values: { multicluster: { labelClusterMap: { team1: [] } } } },
  {
    what: 'an https:// admin endpoint (gRPC wants dns:///HOST:PORT)',
    mentions: [/adminEndpoint/],
    values: { multicluster: { controlPlane: { adminEndpoint: 'https://flyte.example.com' } } },
  },
  { what: 'rbac neither flyte-core nor minimal', mentions: [/rbac/], values: { multicluster: { dataPlane: { rbac: 'none' } } } },
];

test('schema refusals: a bad config is refused by helm template on Helm 3 and 4', async () => {
  await each(SCHEMA_REFUSALS, async (major, bad) => {
    const f = writeValues(`bad-${SCHEMA_REFUSALS.indexOf(bad)}.yaml`, bad.values);
    const r = await template(major, ['-f', join(chart, 'values-controlplane.yaml'), '-f', f]);
    assert.is.not(r.code, 0, `${bad.what} on Helm ${major} was accepted`);
    assert.match(r.stderr, /values don't meet the specifications of the schema/, `${bad.what} on Helm ${major}: ${r.stderr}`);
    for (const m of bad.mentions) assert.match(r.stderr, m, `${bad.what} on Helm ${major}: ${r.stderr}`);
  });
});

test('schema: global and other top-level keys stay allowed', async () => {
  await each([0], async (major) => {
    const r = await template(major, ['-f', join(chart, 'values-controlplane.yaml'), '--set', 'global.anything=1', '--set', 'extra.key=x']);
    assert.is(r.code, 0, r.stderr);
  });
});

// ---------------------------------------------------------------------------------------------
// Refusals: the chart's own checks (validate.yaml), on both versions

const DP = () => ['-f', join(chart, 'values-dataplane.yaml'), '--set', 'multicluster.clusterName=dp-1', '--set', 'flyte-core.flytepropeller.clusterName=dp-1'];
const CHART_REFUSALS: { what: string; args: string[]; message: RegExp }[] = [
  { what: 'no role file', args: [], message: /multicluster\.role is not set[\s\S]*values-controlplane\.yaml[\s\S]*values-dataplane\.yaml/ },
  {
    what: 'data plane without adminEndpoint',
    args: DP(),
    message:
      /multicluster\.controlPlane\.adminEndpoint is not set[\s\S]*multicluster\.controlPlane\.adminEndpoint: dns:\/\/\/flyte\.example\.com:443[\s\S]*-f shared-values\.yaml/,
  },
  {
    what: 'data plane without a catalog endpoint or the route',
    args: [...DP(), '--set', `multicluster.controlPlane.adminEndpoint=${ADMIN}`],
    message: /catalogEndpoint is not set[\s\S]*catalogIngress: true[\s\S]*catalogEndpoint: [\s\S]*catalog: false/,
  },
  {
    what: "data plane on flyte-core's in-cluster minio",
    args: [...DP(), '--set', `multicluster.controlPlane.adminEndpoint=${ADMIN}`, '--set', 'multicluster.controlPlane.catalog=false'],
    message: /flyte-core\.storage\.type is sandbox[\s\S]*minio[\s\S]*same flyte-core\.storage\.type/,
  },
  {
    what: "data plane with the cloud overlay's placeholder bucket",
    args: [
      '-f',
      join(chart, 'values-eks.yaml'),
      ...DP(),
      '--set',
      `multicluster.controlPlane.adminEndpoint=${ADMIN}`,
      '--set',
      'multicluster.controlPlane.catalog=false',
    ],
    message: /placeholder <METADATA_BUCKET_NAME>[\s\S]*userSettings\.bucketName/,
  },
  {
    what: 'data plane with a second admin endpoint under flyte-core',
    args: [
      ...DP(),
      '--set',
      `multicluster.controlPlane.adminEndpoint=${ADMIN}`,
      '--set',
      'multicluster.controlPlane.catalog=false',
      '--set',
      'flyte-core.storage.type=s3',
      '--set',
      'flyte-core.configmap.admin.admin.endpoint=dns:///other:443',
    ],
    message: /flyte-core\.configmap\.admin\.admin\.endpoint is "dns:\/\/\/other:443"[\s\S]*Remove flyte-core\.configmap\.admin\.admin\.endpoint/,
  },
  {
    what: 'control plane with flytepropeller on but no inCluster entry',
    args: [
      '-f',
      join(chart, 'values-controlplane.yaml'),
      '--set',
      'flyte-core.flytepropeller.enabled=true',
      '--set',
      'flyte-core.flytepropeller.clusterName=cp',
    ],
    message: /flytepropeller\.enabled is true on a control plane[\s\S]*0 entries with inCluster: true/,
  },
  {
    what: 'control plane whose flytepropeller reports another name than its inCluster entry',
    args: [
      '-f',
      join(chart, 'values-controlplane.yaml'),
      '--set',
      'flyte-core.flytepropeller.enabled=true',
      '--set',
      'flyte-core.flytepropeller.clusterName=cp',
      '--set-json',
      'multicluster.clusters.clusterConfigs=[{"name":"hub","inCluster":true,"enabled":true}]',
    ],
    message: /flyte-core\.flytepropeller\.clusterName \("cp"\) differs from the inCluster entry's name \("hub"\)/,
  },
  { what: 'data plane without a name', args: ['-f', join(chart, 'values-dataplane.yaml')], message: /multicluster\.clusterName is not set/ },
  {
    what: 'data plane with different names',
    args: ['-f', join(chart, 'values-dataplane.yaml'), '--set', 'multicluster.clusterName=dp-1', '--set', 'flyte-core.flytepropeller.clusterName=dp-2'],
    message: /flyte-core\.flytepropeller\.clusterName \("dp-2"\) differs from multicluster\.clusterName \("dp-1"\)/,
  },
  {
    what: 'data plane with only multicluster.clusterName',
    args: ['-f', join(chart, 'values-dataplane.yaml'), '--set', 'multicluster.clusterName=dp-1'],
    message: /flyte-core\.flytepropeller\.clusterName \(""\) differs from multicluster\.clusterName \("dp-1"\)/,
  },
  {
    what: 'cloud overlay after the data-plane file',
    args: [
      '-f',
      join(chart, 'values-dataplane.yaml'),
      '-f',
      join(chart, 'values-eks.yaml'),
      '--set',
      'multicluster.clusterName=a',
      '--set',
      'flyte-core.flytepropeller.clusterName=a',
    ],
    message: /datacatalog[\s\S]*Pass the cloud overlay BEFORE the role file/,
  },
  {
    what: 'both role files (data plane last)',
    args: [
      '-f',
      join(chart, 'values-controlplane.yaml'),
      '-f',
      join(chart, 'values-dataplane.yaml'),
      '--set',
      'multicluster.clusterName=a',
      '--set',
      'flyte-core.flytepropeller.clusterName=a',
    ],
    message: /flytepropeller\.enabled is false/,
  },
  {
    what: 'both role files (control plane last)',
    args: ['-f', join(chart, 'values-dataplane.yaml'), '-f', join(chart, 'values-controlplane.yaml')],
    message: /flyteadmin\.enabled is false/,
  },
  {
    what: 'guide defect 8: cluster list directly under flyte-core.configmap',
    args: ['-f', join(chart, 'values-controlplane.yaml'), '--set', 'flyte-core.configmap.labelClusterMap.team1[0].id=c1'],
    message: /flyte-core\.configmap\.labelClusterMap is set[\s\S]*multicluster\.clusters\.labelClusterMap/,
  },
  {
    what: 'cluster list in flyte-core.configmap.clusters',
    args: ['-f', join(chart, 'values-controlplane.yaml'), '--set', 'flyte-core.configmap.clusters.clusterConfigs[0].name=c1'],
    message: /flyte-core\.configmap\.clusters is set on a control plane/,
  },
];

test("a data plane's missing and conflicting settings (name, adminEndpoint, catalog, storage, a second admin endpoint) in one run, each with its fix, on Helm 3 and 4", async () => {
  await each([0], async (major) => {
    const r = await template(major, [
      '-f',
      join(chart, 'values-gcp.yaml'),
      '-f',
      join(chart, 'values-dataplane.yaml'),
      '--set',
      'multicluster.clusterName=dp-1',
      '--set',
      'flyte-core.flytepropeller.clusterName=dp-2',
      '--set',
      'flyte-core.configmap.admin.admin.endpoint=dns:///other:443',
    ]);
    assert.is.not(r.code, 0);
    assert.match(r.stderr, 'this data plane (dp-1) cannot be installed: 5 settings are missing or conflicting (all of them, in one run)');
    const items = [...r.stderr.matchAll(/^(\d+)\. (\S+)/gm)].map((m) => `${m[1]} ${m[2]}`);
    assert.equal(items, [
      '1 flyte-core.flytepropeller.clusterName',
      '2 multicluster.controlPlane.adminEndpoint',
      '3 multicluster.controlPlane.catalogEndpoint',
      '4 flyte-core.configmap.admin.admin.endpoint',
      '5 flyte-core.storage.bucketName',
    ]);
    // with the values both planes share, the same data plane renders
    const ok = await template(major, [
      '-f',
      join(chart, 'values-gcp.yaml'),
      '-f',
      join(chart, 'values-dataplane.yaml'),
      '-f',
      sharedValues({ role: 'data-plane', cloud: 'gcp' }),
      '--set',
      'multicluster.clusterName=dp-1',
      '--set',
      'flyte-core.flytepropeller.clusterName=dp-1',
    ]);
    assert.is(ok.code, 0, ok.stderr);
  });
});

test('chart refusals: missing role, names, overlay order, misplaced cluster list', async () => {
  await each(CHART_REFUSALS, async (major, bad) => {
    const r = await template(major, bad.args);
    assert.is.not(r.code, 0, `${bad.what} on Helm ${major} was accepted`);
    assert.match(r.stderr, bad.message, `${bad.what} on Helm ${major}: ${r.stderr}`);
  });
});

// ---------------------------------------------------------------------------------------------

// not a test (it asserts nothing): the Helm timings, printed once all tests ran
test.after(() => {
  if (Object.keys(timings).length === 0) return;
  const rows = Object.entries(timings)
    .sort()
    .map(([k, v]) => {
      const s = [...v].sort((a, b) => a - b);
      return `  ${k.padEnd(20)} n=${String(s.length).padStart(2)}  median ${s[Math.floor(s.length / 2)]!.toFixed(0)} ms  max ${s[s.length - 1]!.toFixed(0)} ms`;
    });
  console.log(`\nhelm timings (2 in parallel):\n${rows.join('\n')}`);
});

test.run();
