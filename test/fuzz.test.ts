// Property tests of the post-renderer over mutated Helm streams (fast-check): flyte-core's
// rendered control and data planes (with or without the chart's MultiClusterConfig of either
// role) with documents dropped, duplicated and reordered, keys deleted, values replaced by
// arbitrary ones, the text truncated, bytes injected.
// Properties, for every case:
//  - postRender() either returns or throws a FlytemcError with at least one error: never any
//    other exception (no TypeError from a `null` where a map was expected, no stack trace);
//  - a result is a fixed point: post-rendering the output again, with the same config and with
//    none, gives the output back byte for byte;
//  - every Deployment it patched is one the API server would take, in the fields flytemc reasons
//    about: unique volume names, every volumeMount naming one of them, unique mount paths per
//    container, unique container names (checked here independently of the post-renderer);
//  - through the built program (a sample): exit 0 with exactly the in-process output, or a
//    non-zero exit, nothing on stdout, and a message on stderr without a stack trace.
// Scale with FLYTEMC_FUZZ_SCALE (runs = default x scale; scripts/fuzz-long.mjs), replay with
// FLYTEMC_FUZZ_SEED (printed on failure).
import { test } from './helpers/uvu.ts';
import * as assert from 'uvu/assert';
import fc from 'fast-check';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { configFromValues } from '../plugin/config/from-values.ts';
import type { FoundConfig } from '../plugin/config/types.ts';
import { postRender } from '../plugin/postrender/index.ts';
import { FlytemcError } from '../plugin/problems/problems.ts';
import { dumpYaml, parseYaml } from '../plugin/yaml/dialect.ts';
import { params, runs } from './helpers/fuzz.ts';
import { RENDERED, fixture, podDefects, type Obj } from './helpers/manifests.ts';
import { parseStream } from '../plugin/postrender/stream.ts';
import { POST_RENDERER, runNodeSync } from './helpers/process.ts';

export const counted = { cases: 0, accepted: 0, refused: 0, patchedDeployments: 0, passedThroughUnparsable: 0 };

const FILES = readdirSync(RENDERED)
  .filter((f) => f.endsWith('.yaml'))
  .sort();
const STREAMS = new Map(FILES.map((f) => [f, readFileSync(join(RENDERED, f), 'utf8')]));
const configOf = (name: string): FoundConfig => configFromValues(fixture(name), readFileSync(fixture(name), 'utf8'));
const CONFIGS: Record<string, FoundConfig | undefined> = {
  none: undefined,
  three: configOf('three-clusters.yaml'),
  'flyte-core-form': configOf('guide/corrected-flyte-core-override.yaml'),
};
/** A data plane's MultiClusterConfig, as the chart emits it (the way back to the control plane). */
const DP_MCC_DOC = `# Source: flyte-multicluster/templates/multiclusterconfig.yaml\napiVersion: flytemc.io/v1alpha1\nkind: MultiClusterConfig\nmetadata:\n  name: flyte-multicluster\nspec:\n  role: data-plane\n  clusterName: dp1\n  controlPlane: {adminEndpoint: "dns:///flyte.example.com:443", catalogIngress: true, insecure: false}\n  dataPlane: {rbac: minimal}\nclusterResourceTemplates:\n  - {key: aa_namespace, value: "apiVersion: v1\\nkind: Namespace\\n"}\n`;
/** The chart's MultiClusterConfig document, as the flyte-multicluster chart emits it. */
const MCC_DOC = `# Source: flyte-multicluster/templates/multicluster-config.yaml\napiVersion: flytemc.io/v1alpha1\nkind: MultiClusterConfig\nmetadata:\n  name: flyte-multicluster\nspec:\n${readFileSync(
  fixture('three-clusters.yaml'),
  'utf8',
)
  .split('\n')
  .filter((l) => l.startsWith('  '))
  .join('\n')}\n`;

// ---- mutations: plain data, interpreted deterministically against the text, so they shrink
type Mutation =
  | { kind: 'drop' | 'dup' | 'delete-key' | 'delete-line' | 'dup-line' | 'indent' | 'truncate'; a: number; b: number }
  | { kind: 'swap' | 'swap-line'; a: number; b: number }
  | { kind: 'set'; a: number; b: number; value: unknown }
  | { kind: 'flip'; a: number; b: number; scalar: string }
  | { kind: 'inject'; a: number; bytes: string }
  | { kind: 'add-mcc' }
  | { kind: 'add-dp-mcc' };

const NASTY = [
  '---\n',
  '\n---\n',
  '- ',
  ': ',
  '{',
  '}',
  '[',
  ']',
  '&a ',
  '*a',
  '<<: ',
  '!!binary ',
  '!custom ',
  '? ',
  '|',
  '>-',
  '#',
  '"',
  "'",
  '\t',
  '\r',
  '\r\n',
  '\u2028',
  '\ufeff',
  '\u00a0',
  '%YAML 1.2\n',
  '...\n',
  'null',
  '~',
  '0x1F',
  '0755',
  '.nan',
  '1e309',
  'é',
  '\u{1F600}',
  '\\',
];
const scalar = fc.constantFrom(
  'true',
  'false',
  'null',
  '~',
  '0',
  '-1',
  '0.5',
  '1e3',
  '.inf',
  '.nan',
  '""',
  "''",
  'yes',
  '0755',
  '{}',
  '[]',
  '"x"',
  'cluster-credentials',
  'flyteadmin',
  '/var/run/credentials',
  'flyte-admin-clusters-config',
);
const jsonish: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      null,
      [],
      {},
      '',
      'cluster-credentials',
      { name: 'cluster-secrets', secret: { secretName: 'cluster-credentials' } },
      [{ name: 'x', mountPath: '/var/run/credentials' }],
      { configMap: { name: 'flyte-admin-clusters-config' } },
    ),
  },
);
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constantFrom('drop', 'dup', 'delete-key', 'delete-line', 'dup-line', 'indent', 'truncate'), a: fc.nat(), b: fc.nat() }),
  fc.record({ kind: fc.constantFrom('swap', 'swap-line'), a: fc.nat(), b: fc.nat() }),
  fc.record({ kind: fc.constant('set'), a: fc.nat(), b: fc.nat(), value: jsonish }),
  fc.record({ kind: fc.constant('flip'), a: fc.nat(), b: fc.nat(), scalar }),
  fc.record({ kind: fc.constant('inject'), a: fc.nat(), bytes: fc.oneof(fc.constantFrom(...NASTY), fc.string({ maxLength: 8, unit: 'binary' })) }),
  fc.constant({ kind: 'add-mcc' } as Mutation),
  fc.constant({ kind: 'add-dp-mcc' } as Mutation),
) as fc.Arbitrary<Mutation>;

const splitDocs = (text: string) => text.split(/^---[ \t]*$/m);
const joinDocs = (docs: string[]) => docs.join('---');

/** Every path to a value in a parsed document, parents first. */
function paths(v: unknown, at: Array<string | number> = [], out: Array<Array<string | number>> = []): Array<Array<string | number>> {
  out.push(at);
  if (Array.isArray(v)) for (const [i, c] of v.entries()) paths(c, [...at, i], out);
  else if (v && typeof v === 'object') for (const [k, c] of Object.entries(v)) paths(c, [...at, k], out);
  return out;
}

function structural(text: string, m: { a: number; b: number }, change: (parent: Record<string | number, unknown>, key: string | number) => void): string {
  const docs = splitDocs(text);
  const i = m.a % docs.length;
  const chunk = docs[i]!;
  const headerEnd = chunk.search(/^[^#\s\n]/m);
  if (headerEnd < 0) return text;
  let value: unknown;
  try {
    value = parseYaml(chunk.slice(headerEnd));
  } catch {
    return text;
  }
  const ps = paths(value).filter((p) => p.length > 0);
  if (!ps.length) return text;
  const p = ps[m.b % ps.length]!;
  let parent = value as Record<string | number, unknown>;
  for (const k of p.slice(0, -1)) parent = parent[k] as Record<string | number, unknown>;
  change(parent, p[p.length - 1]!);
  docs[i] = `${chunk.slice(0, headerEnd)}${dumpYaml(value)}`;
  return joinDocs(docs);
}

export function mutate(text: string, ms: Mutation[]): string {
  for (const m of ms) {
    const docs = splitDocs(text);
    const lines = text.split('\n');
    switch (m.kind) {
      case 'drop':
        docs.splice(m.a % docs.length, 1);
        text = joinDocs(docs);
        break;
      case 'dup': {
        const i = m.a % docs.length;
        docs.splice(m.b % (docs.length + 1), 0, docs[i]!);
        text = joinDocs(docs);
        break;
      }
      case 'swap': {
        const i = m.a % docs.length,
          j = m.b % docs.length;
        [docs[i], docs[j]] = [docs[j]!, docs[i]!];
        text = joinDocs(docs);
        break;
      }
      case 'delete-key':
        text = structural(text, m, (parent, key) => {
          if (Array.isArray(parent)) parent.splice(Number(key), 1);
          else delete parent[key];
        });
        break;
      case 'set':
        text = structural(text, m, (parent, key) => {
          parent[key] = structuredClone(m.value);
        });
        break;
      case 'flip': {
        const i = m.a % lines.length;
        lines[i] = lines[i]!.replace(/(:\s+|-\s+)\S.*$/, `$1${m.scalar}`);
        text = lines.join('\n');
        break;
      }
      case 'delete-line':
        lines.splice(m.a % lines.length, 1 + (m.b % 3));
        text = lines.join('\n');
        break;
      case 'dup-line': {
        const i = m.a % lines.length;
        lines.splice(i, 0, lines[i]!);
        text = lines.join('\n');
        break;
      }
      case 'swap-line': {
        const i = m.a % lines.length,
          j = m.b % lines.length;
        [lines[i], lines[j]] = [lines[j]!, lines[i]!];
        text = lines.join('\n');
        break;
      }
      case 'indent': {
        const i = m.a % lines.length;
        lines[i] = m.b % 2 ? ` ${lines[i]}` : lines[i]!.replace(/^ /, '');
        text = lines.join('\n');
        break;
      }
      case 'truncate':
        text = text.slice(0, m.a % (text.length + 1));
        break;
      case 'inject': {
        const at = m.a % (text.length + 1);
        text = text.slice(0, at) + m.bytes + text.slice(at);
        break;
      }
      case 'add-mcc':
        docs.push(`\n${MCC_DOC}`);
        text = joinDocs(docs);
        break;
      case 'add-dp-mcc':
        docs.push(`\n${DP_MCC_DOC}`);
        text = joinDocs(docs);
        break;
    }
  }
  return text;
}

/**
 * The output's objects. A document of the output that does not parse must be one of the input's,
 * byte for byte: one that no patch could touch, passed through unparsed (docs/benchmarks.md).
 */
function outputObjects(input: string, output: string): Obj[] {
  const out: Obj[] = [];
  for (const d of parseStream(output)) {
    let v: unknown;
    try {
      v = d.value;
    } catch (e) {
      if (!(e instanceof FlytemcError)) throw e;
      // (the last document of the stream gets the newline it lacked)
      assert.ok(
        input.includes(d.body.replace(/\n$/, '')),
        `the output has a document that does not parse and is not the input's: ${JSON.stringify(d.body.slice(0, 200))}`,
      );
      counted.passedThroughUnparsable++;
      continue;
    }
    if (v && typeof v === 'object') out.push(v as Obj);
  }
  return out;
}

export type Outcome = { accepted: true; output: string } | { accepted: false; message: string };

/** The in-process properties; returns what happened, to compare with the program. */
export function checkPostRender(input: string, config: FoundConfig | undefined): Outcome {
  counted.cases++;
  let result: ReturnType<typeof postRender>;
  try {
    result = postRender(input, config ? { config } : {});
  } catch (e) {
    if (!(e instanceof FlytemcError)) throw new Error(`not a FlytemcError: ${(e as Error)?.stack ?? String(e)}`);
    assert.ok(
      e.problems.some((p) => p.severity === 'error'),
      'a refusal names at least one error',
    );
    assert.match(e.message, /nothing was written/);
    counted.refused++;
    return { accepted: false, message: e.message };
  }
  const { output } = result;
  counted.accepted++;
  const patched = outputObjects(input, output).filter(
    (o) => o.kind === 'Deployment' && result.patches.some((p) => p.target.kind === 'Deployment' && p.target.name === o.metadata?.name),
  );
  for (const d of patched) assert.equal(podDefects(d), [], `Deployment/${d.metadata?.name} as patched`);
  counted.patchedDeployments += patched.length;
  let again: string, bare: string;
  try {
    again = postRender(output, config ? { config } : {}).output;
    bare = postRender(output).output;
  } catch (e) {
    throw new Error(`the output of an accepted run is refused when post-rendered again: ${(e as Error).message}`);
  }
  assert.is(again, output, 'post-render twice = once (same config)');
  assert.is(bare, output, 'post-render of the output without --config = the output');
  return { accepted: true, output };
}

const streamCase = fc.record({
  file: fc.constantFrom(...FILES),
  config: fc.constantFrom(...Object.keys(CONFIGS)),
  mutations: fc.array(mutation, { minLength: 0, maxLength: 4 }),
});

test('mutated flyte-core streams: a FlytemcError or a fixed point, nothing else', () => {
  fc.assert(
    fc.property(streamCase, ({ file, config, mutations }) => {
      checkPostRender(mutate(STREAMS.get(file)!, mutations), CONFIGS[config]);
    }),
    params(1400),
  );
});

test('structural mutations only (valid YAML, objects changed): a FlytemcError or a fixed point', () => {
  const structuralOnly = fc.array(
    fc.oneof(
      fc.record({ kind: fc.constantFrom('drop', 'dup', 'delete-key', 'swap'), a: fc.nat(), b: fc.nat() }),
      fc.record({ kind: fc.constant('set'), a: fc.nat(), b: fc.nat(), value: jsonish }),
    ) as fc.Arbitrary<Mutation>,
    { minLength: 1, maxLength: 3 },
  );
  fc.assert(
    fc.property(
      fc.constantFrom('controlplane.yaml', 'controlplane-multicluster.yaml'),
      fc.constantFrom('none', 'three'),
      structuralOnly,
      (file, config, mutations) => {
        checkPostRender(mutate(STREAMS.get(file)!, mutations), CONFIGS[config]);
      },
    ),
    params(800),
  );
});

test("mutated data planes with the chart's MultiClusterConfig (the way back): a FlytemcError or a fixed point", () => {
  const before = counted.accepted;
  fc.assert(
    fc.property(
      fc.constantFrom('dataplane.yaml', 'dataplane-eks.yaml', 'dataplane-gcp.yaml'),
      fc.array(mutation, { minLength: 0, maxLength: 3 }),
      (file, mutations) => {
        checkPostRender(mutate(`${STREAMS.get(file)!}---\n${DP_MCC_DOC}`, mutations), undefined);
      },
    ),
    params(400),
  );
  assert.ok(counted.accepted - before >= runs(400) / 20, `only ${counted.accepted - before} data planes accepted`);
});

test('line-level mutations of the real renders (lines duplicated, deleted, re-indented, swapped): a FlytemcError or a fixed point whose patched Deployments the API server takes', () => {
  const lineLevel = fc.array(
    fc.record({ kind: fc.constantFrom('dup-line', 'delete-line', 'indent', 'swap-line'), a: fc.nat(), b: fc.nat() }) as fc.Arbitrary<Mutation>,
    { minLength: 1, maxLength: 3 },
  );
  const before = counted.patchedDeployments;
  fc.assert(
    fc.property(fc.constantFrom(...FILES), fc.constantFrom(...Object.keys(CONFIGS)), lineLevel, (file, config, mutations) => {
      const input = /^dataplane/.test(file) && config === 'none' ? `${STREAMS.get(file)!}---\n${DP_MCC_DOC}` : STREAMS.get(file)!;
      checkPostRender(mutate(input, mutations), CONFIGS[config]);
    }),
    params(300),
  );
  // most line-level mutations break the YAML or the objects; enough of them still post-render
  assert.ok(counted.patchedDeployments - before >= runs(300) / 10, `only ${counted.patchedDeployments - before} patched Deployments checked`);
});

// Cases fuzzing found, kept:
//  - a ClusterRoleBinding whose subjects are not a list of objects, in the data-plane path: the
//    objects it patches are schema-checked first, so it is refused, not a TypeError;
//  - seed 1105213420: flyteadmin's `- name: cluster-credentials` volume line duplicated: two
//    volumes of that name (the API server refuses it) must be refused, naming the second volume,
//    with and without --config (else the output is no fixed point).
//  - seed -153137467: syncresources twice in the stream, the copy with a volumeMount without a
//    name, so it mounts no clusters config and gets no credentials (a Deployment the API server
//    refuses, and an unwired copy): two documents of one object that flytemc wires are refused.
const FOUND: Array<{ file: string; config: keyof typeof CONFIGS; mutations: Mutation[]; refused?: RegExp }> = [
  {
    file: 'controlplane.yaml',
    config: 'three',
    mutations: [
      { kind: 'dup', a: 620452409, b: 340453455 },
      { kind: 'delete-key', a: 362012878, b: 484445349 },
    ],
    refused: /Deployment\/syncresources .*the stream holds this object twice/,
  },
  {
    file: 'dataplane-eks.yaml',
    config: 'none',
    mutations: [
      { kind: 'add-dp-mcc' },
      { kind: 'set', a: 278330967, b: 1093123093, value: { name: 'cluster-secrets', secret: { secretName: 'cluster-credentials' } } },
    ],
  },
  { file: 'dataplane.yaml', config: 'none', mutations: [{ kind: 'add-dp-mcc' }, { kind: 'set', a: 1111811706, b: 61619143, value: [null] }] },
  ...(['three', 'flyte-core-form', 'none'] as const).map((config) => ({
    file: 'controlplane-multicluster.yaml',
    config,
    mutations: [
      {
        kind: 'dup-line',
        a: STREAMS.get('controlplane-multicluster.yaml')!
          .split('\n')
          .findIndex((l, i, ls) => l === '      - name: cluster-credentials' && ls[i - 1]!.includes('secretName: flyte-admin-secrets')),
        b: 0,
      },
    ] as Mutation[],
    refused:
      config === 'none'
        ? /volume "cluster-credentials" is not a Secret volume/
        : /volumes\/7\/name: the pod has two volumes named "cluster-credentials" \(volumes\/6 and volumes\/7\); the API server refuses such a Deployment/,
  })),
];
test('cases fuzzing found: still a FlytemcError or a fixed point', () => {
  for (const f of FOUND) {
    const input = mutate(STREAMS.get(f.file)!, f.mutations);
    const r = checkPostRender(input, CONFIGS[f.config]);
    if (f.refused) {
      assert.not.ok(r.accepted, `${f.file} with config ${f.config} was accepted`);
      if (!r.accepted) assert.match(r.message, f.refused);
    }
  }
});

test('random YAML-ish streams (pieces of Helm output glued at random): a FlytemcError or a fixed point', () => {
  const lines = [...new Set([...STREAMS.values()].flatMap((s) => s.split('\n')))];
  fc.assert(
    fc.property(fc.array(fc.oneof(fc.constantFrom(...lines), fc.constantFrom(...NASTY), fc.string({ maxLength: 12 })), { maxLength: 40 }), (ls) => {
      checkPostRender(ls.join('\n'), CONFIGS.three);
    }),
    params(800),
  );
});

test('line endings and encodings: CRLF, a BOM, a trailing `...`: still a FlytemcError or a fixed point', () => {
  for (const [file, text] of STREAMS) {
    for (const variant of [text.replace(/\n/g, '\r\n'), `\ufeff${text}`, `${text}...\n`, text.replace(/^---$/gm, '--- ')]) {
      for (const config of Object.values(CONFIGS)) checkPostRender(variant, config);
    }
    assert.ok(file);
  }
});

test('the built program on a sample: exit 0 with the in-process output, or non-zero, empty stdout and a message', () => {
  let processes = 0;
  fc.assert(
    fc.property(streamCase, ({ file, config, mutations }) => {
      const input = mutate(STREAMS.get(file)!, mutations);
      const expected = checkPostRender(input, CONFIGS[config]);
      const args = config === 'none' ? [] : ['--config', CONFIGS[config]!.source.label];
      const r = runNodeSync(POST_RENDERER, args, { input });
      processes++;
      const { stdout, stderr } = r;
      assert.is(r.signal, null);
      if (expected.accepted) {
        assert.is(r.code, 0, stderr);
        assert.is(stdout, expected.output);
      } else {
        assert.is(r.code, 1, stderr);
        assert.is(stdout, '', 'no partial stdout');
        assert.match(stderr, /^error: /m);
        assert.not.match(stderr, /\n\s+at .*:\d+:\d+|failed unexpectedly/);
      }
    }),
    params(40),
  );
  assert.ok(processes >= runs(40));
});

test('figures', () => {
  console.log(
    `\n  fuzz (streams): ${counted.cases} post-render cases, ${counted.accepted} accepted (each post-rendered twice more, ${counted.patchedDeployments} patched Deployments checked; ${counted.passedThroughUnparsable} documents that do not parse passed through untouched), ${counted.refused} refused`,
  );
  assert.ok(counted.cases >= runs(3000));
});

if (!process.env.FLYTEMC_FUZZ_IMPORT) test.run();
