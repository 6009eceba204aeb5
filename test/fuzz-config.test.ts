// Property tests of the config checks (`configFromValues` + `checkConfig`, what `helm flytemc
// validate` and the post-renderer run) over random and mutated values files (fast-check).
// Properties, for every case:
//  - reading and checking never throws anything but a FlytemcError;
//  - validate and post-render agree: a config the checks accept post-renders flyte-core's
//    control plane (no verification failure after patching), and the result is a fixed point;
//    a config the checks refuse is refused by the post-renderer too.
//    No waiver: a data-plane values file (`role: data-plane`) is judged by validate for its role,
//    where no cluster is needed, while the post-renderer only ever runs on a control plane and
//    requires one. So for such a file the post-renderer must agree with the control-plane
//    judgement of the same checks (checkConfig with requireClusters), and that judgement may
//    differ from validate's only by the two "nowhere to run executions" errors.
// Scale with FLYTEMC_FUZZ_SCALE, replay with FLYTEMC_FUZZ_SEED (scripts/fuzz-long.mjs).
import { test } from './helpers/uvu.ts';
import * as assert from 'uvu/assert';
import fc from 'fast-check';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkConfig } from '../plugin/config/check-config.ts';
import { configFromValues } from '../plugin/config/from-values.ts';
import { postRender } from '../plugin/postrender/index.ts';
import { FlytemcError, whereOf } from '../plugin/problems/problems.ts';
import { dumpYaml, parseYaml } from '../plugin/yaml/dialect.ts';
import { params, runs } from './helpers/fuzz.ts';
import { fixture, rendered } from './helpers/manifests.ts';
import { validateFiles } from '../plugin/config/validate-files.ts';

const counted = { cases: 0, accepted: 0, refused: 0, rendered: 0, dataPlane: 0 };
const tmp = mkdtempSync(join(tmpdir(), 'flytemc-fuzz-config-'));
/** flyte-core's control plane cut to the four objects the post-renderer patches: the same checks, a fifth of the parsing. */
const CP = rendered('controlplane.yaml')
  .split(/^---$/m)
  .filter(
    (d) =>
      /^kind: (ConfigMap|Deployment)$/m.test(d) &&
      /^ {2}name: (flyte-admin-clusters-config|flyte-clusterresourcesync-config|flyteadmin|syncresources)$/m.test(d),
  )
  .join('---');
const THREE_TEXT = readFileSync(fixture('three-clusters.yaml'), 'utf8');
const THREE = parseYaml(THREE_TEXT) as Record<string, unknown>;

/** The properties; `text` is a values file. */
function checkValues(text: string, path = join(tmp, 'values.yaml')) {
  counted.cases++;
  let found: ReturnType<typeof configFromValues>;
  try {
    found = configFromValues(path, text);
  } catch (e) {
    if (!(e instanceof FlytemcError)) throw new Error(`configFromValues threw ${(e as Error)?.stack ?? String(e)}`);
    counted.refused++;
    return;
  }
  let checked: ReturnType<typeof checkConfig>;
  try {
    checked = checkConfig(found);
  } catch (e) {
    throw new Error(`checkConfig threw ${(e as Error)?.stack ?? String(e)}`);
  }
  const ok = !checked.problems.some((p) => p.severity === 'error');
  assert.is(ok, checked.config !== undefined, 'a config exactly when there is no error');
  // the control-plane judgement: the same for every file but a data-plane one (see the top)
  const asControlPlane = checked.role === 'data-plane' ? checkConfig(found, { requireClusters: true }) : checked;
  const okCp = !asControlPlane.problems.some((p) => p.severity === 'error');
  if (asControlPlane !== checked) {
    counted.dataPlane++;
    const extra = asControlPlane.problems.filter(
      (p) => p.severity === 'error' && !checked.problems.some((q) => q.message === p.message && whereOf(q) === whereOf(p)),
    );
    assert.ok(
      extra.every((p) => /has nowhere to run executions$/.test(p.message)),
      `a data-plane file's control-plane judgement differs from validate's by more than the cluster requirement: ${extra.map((p) => p.message).join('; ')}`,
    );
    assert.ok(ok || !okCp, 'the control-plane judgement accepts what validate refuses');
  }
  let output: string | undefined;
  try {
    output = postRender(CP, { config: found }).output;
  } catch (e) {
    if (!(e instanceof FlytemcError)) throw new Error(`postRender threw ${(e as Error)?.stack ?? String(e)}`);
    if (okCp) throw new Error(`validate accepts the config (as a control plane), post-render refuses it:\n${e.message}`);
  }
  if (output !== undefined) {
    assert.ok(okCp, `post-render accepts a config that validate refuses: ${asControlPlane.problems.map((p) => p.message).join('; ')}`);
    assert.is(postRender(output, { config: found }).output, output, 'fixed point (same config)');
    assert.is(postRender(output).output, output, 'fixed point (no config)');
    counted.rendered++;
  }
  if (ok) counted.accepted++;
  else counted.refused++;
}

// ---- generators
const NAMES = ['cluster_1', 'cluster_2', 'cluster_3', 'c', 'Cluster-A', 'a.b', '', ' ', 'x'.repeat(70), 'é', 'team1'];
const name = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...NAMES) }, { weight: 1, arbitrary: fc.string({ maxLength: 12 }) });
const any: fc.Arbitrary<unknown> = fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.constantFrom(null, true, false, 0, -1, 1.5, '', [], {}, 'true'));
const maybe = <T>(a: fc.Arbitrary<T>) => fc.oneof({ weight: 3, arbitrary: a }, { weight: 1, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: any });
const path = fc.oneof(
  fc.constantFrom('/var/run/credentials', '/var/run/credentials/', '/etc/flyte/clusters', '/', 'relative', ''),
  fc.string({ maxLength: 10 }).map((s) => `/var/run/credentials/${s}`),
);
const cluster = fc.record(
  {
    name: maybe(name),
    endpoint: maybe(
      fc.constantFrom(
        'https://203.0.113.1:6443',
        'https://k8s.example.com',
        'http://203.0.113.1',
        'http://127.0.0.1:17101',
        '{{ endpoint }}',
        'https://',
        'ftp://x',
      ),
    ),
    enabled: maybe(fc.boolean()),
    inCluster: maybe(fc.boolean()),
    auth: maybe(
      fc.record({ tokenPath: maybe(path), certPath: maybe(path), type: maybe(fc.constant('file_path')), enabled: maybe(fc.boolean()) }, { requiredKeys: [] }),
    ),
    kubeClientConfig: maybe(
      fc.record({ qps: maybe(fc.integer()), burst: maybe(fc.integer()), timeout: maybe(fc.constantFrom('30s', '1m', 'x', '')) }, { requiredKeys: [] }),
    ),
    credentialProxy: fc.oneof(
      { weight: 3, arbitrary: fc.constant(undefined) },
      {
        weight: 2,
        arbitrary: fc.record(
          {
            exec: maybe(
              fc.record(
                {
                  command: maybe(fc.constantFrom('aws', 'gke-gcloud-auth-plugin', '', 'a b')),
                  args: maybe(fc.array(fc.string({ maxLength: 6 }), { maxLength: 3 })),
                  env: maybe(
                    fc.array(fc.record({ name: maybe(fc.constantFrom('AWS_REGION', 'TOKEN', '1x')), value: maybe(fc.string({ maxLength: 8 })) }), {
                      maxLength: 2,
                    }),
                  ),
                },
                { requiredKeys: [] },
              ),
            ),
            identity: maybe(fc.constantFrom('system:serviceaccount:flyte:flyteadmin', 'flytemc-flyteadmin', '')),
            image: maybe(fc.constantFrom('kubectl:1.32', '', '{{ x }}')),
            port: maybe(fc.constantFrom(17101, 17102, 80, 70000)),
            server: maybe(fc.constantFrom('https://203.0.113.9:6443', 'http://x')),
          },
          { requiredKeys: [] },
        ),
      },
    ),
  },
  { requiredKeys: [] },
);
const route = fc.record(
  { id: maybe(name), weight: maybe(fc.oneof(fc.double({ min: -1, max: 2, noNaN: true }), fc.constantFrom(0, 1, 0.5, Number.NaN, Infinity))) },
  { requiredKeys: [] },
);
const multicluster = fc.record(
  {
    role: maybe(fc.constantFrom('control-plane', 'data-plane', 'hub', '')),
    clusterName: maybe(name),
    credentials: maybe(
      fc.record(
        { secretName: maybe(fc.constantFrom('cluster-credentials', 'cluster_credentials', 'Creds', 'a'.repeat(300), 'x')), mountPath: maybe(path) },
        { requiredKeys: [] },
      ),
    ),
    clusters: maybe(
      fc.record(
        {
          clusterConfigs: maybe(fc.array(cluster, { maxLength: 4 })),
          labelClusterMap: maybe(fc.dictionary(name, fc.oneof(fc.array(route, { maxLength: 3 }), any), { maxKeys: 3 })),
          defaultExecutionLabel: maybe(name),
        },
        { requiredKeys: [] },
      ),
    ),
    credentialProxy: maybe(fc.record({ image: maybe(fc.constantFrom('kubectl:1.32', '')) }, { requiredKeys: [] })),
    dataPlane: maybe(fc.record({ tokenSecretName: maybe(name), longLivedToken: maybe(fc.boolean()) }, { requiredKeys: [] })),
  },
  { requiredKeys: [] },
);
const strip = (v: unknown): unknown => JSON.parse(JSON.stringify(v ?? null, (_k, x) => (typeof x === 'number' && !Number.isFinite(x) ? 0.5 : x)));

test('random `multicluster` blocks: FlytemcError or a checked config; validate and post-render agree', () => {
  fc.assert(
    fc.property(multicluster, (mc) => checkValues(dumpYaml({ multicluster: strip(mc) }))),
    params(2500),
  );
});

test('random flyte-core-form values (configmap.clusters + flyteadmin volumes): same properties', () => {
  const volume = fc.record(
    {
      name: maybe(fc.constantFrom('cluster-credentials', 'cluster_credentials', 'creds')),
      secret: maybe(fc.record({ secretName: maybe(fc.constantFrom('cluster-credentials', 'x', 'bad_name')) }, { requiredKeys: [] })),
    },
    { requiredKeys: [] },
  );
  const mount = fc.record(
    { name: maybe(fc.constantFrom('cluster-credentials', 'cluster_credentials', 'creds')), mountPath: maybe(path) },
    { requiredKeys: [] },
  );
  const values = fc.record(
    {
      configmap: maybe(
        fc.record(
          {
            clusters: maybe(
              fc.record(
                {
                  clusterConfigs: maybe(fc.array(cluster, { maxLength: 3 })),
                  labelClusterMap: maybe(fc.dictionary(name, fc.array(route, { maxLength: 2 }), { maxKeys: 2 })),
                  defaultExecutionLabel: maybe(name),
                },
                { requiredKeys: [] },
              ),
            ),
          },
          { requiredKeys: [] },
        ),
      ),
      flyteadmin: maybe(
        fc.record(
          { additionalVolumes: maybe(fc.array(volume, { maxLength: 2 })), additionalVolumeMounts: maybe(fc.array(mount, { maxLength: 2 })) },
          { requiredKeys: [] },
        ),
      ),
    },
    { requiredKeys: [] },
  );
  fc.assert(
    fc.property(values, fc.boolean(), (v, nested) => checkValues(dumpYaml(strip(nested ? { 'flyte-core': v } : v)))),
    params(1500),
  );
});

test('mutations of test/fixtures/three-clusters.yaml (keys deleted, values replaced, entries duplicated): same properties', () => {
  const op = fc.record({ kind: fc.constantFrom('delete', 'set', 'dup'), at: fc.nat(), value: any });
  fc.assert(
    fc.property(fc.array(op, { minLength: 1, maxLength: 4 }), (ops) => {
      const v = structuredClone(THREE);
      for (const o of ops) {
        const all: Array<[Record<string | number, unknown>, string | number]> = [];
        const walk = (x: unknown) => {
          if (Array.isArray(x))
            x.forEach((c, i) => {
              all.push([x as unknown as Record<number, unknown>, i]);
              walk(c);
            });
          else if (x && typeof x === 'object')
            for (const [k, c] of Object.entries(x)) {
              all.push([x as Record<string, unknown>, k]);
              walk(c);
            }
        };
        walk(v);
        if (all.length === 0) break;
        const [parent, key] = all[o.at % all.length]!;
        if (o.kind === 'delete') {
          if (Array.isArray(parent)) parent.splice(Number(key), 1);
          else delete parent[key];
        } else if (o.kind === 'set') parent[key] = structuredClone(o.value);
        else if (Array.isArray(parent)) parent.push(structuredClone(parent[key as number]));
      }
      checkValues(dumpYaml(v));
    }),
    params(2500),
  );
});

test('text mutations of the values file (truncated, bytes injected, lines dropped): FlytemcError or the same properties', () => {
  const lines = THREE_TEXT.split('\n');
  fc.assert(
    fc.property(
      fc.nat(),
      fc.nat(),
      fc.oneof(fc.constantFrom('\t', '{{ x }}', ': ', '- ', '&a ', '*a', '"', '\r', '\u0000', '%', '---\n'), fc.string({ maxLength: 6 })),
      fc.constantFrom('truncate', 'inject', 'drop-line'),
      (a, b, bytes, kind) => {
        const text =
          kind === 'truncate'
            ? THREE_TEXT.slice(0, a % THREE_TEXT.length)
            : kind === 'inject'
              ? THREE_TEXT.slice(0, a % THREE_TEXT.length) + bytes + THREE_TEXT.slice(a % THREE_TEXT.length)
              : lines.filter((_l, i) => i !== a % lines.length && i !== b % lines.length).join('\n');
        checkValues(text);
      },
    ),
    params(1500),
  );
});

test('`helm flytemc validate` (validateFiles) on a sample of files: reports, never throws anything but a FlytemcError', () => {
  fc.assert(
    fc.property(multicluster, (mc) => {
      const f = join(tmp, 'v.yaml');
      writeFileSync(f, dumpYaml({ multicluster: strip(mc) }));
      try {
        const [report] = validateFiles([f]);
        assert.ok(['ok', 'invalid', 'no-config'].includes(report!.status));
      } catch (e) {
        if (!(e instanceof FlytemcError)) throw e;
      }
    }),
    params(300),
  );
});

test('the cut control plane has the four objects', () => {
  assert.is(CP.match(/^kind: (ConfigMap|Deployment)$/gm)?.length, 4);
});

test('figures', () => {
  console.log(
    `\n  fuzz (config): ${counted.cases} cases, ${counted.accepted} accepted, ${counted.refused} refused, ${counted.rendered} post-rendered (each twice more), ${counted.dataPlane} data-plane files judged as control planes too`,
  );
  assert.ok(counted.cases >= runs(7500));
  assert.ok(counted.rendered > 0, 'some random configs are valid');
  assert.ok(counted.dataPlane > 0, 'the data-plane rule was exercised');
  rmSync(tmp, { recursive: true, force: true });
});

test.run();
