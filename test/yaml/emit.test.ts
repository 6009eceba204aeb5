// plugin/yaml/emit.ts writes exactly js-yaml's dump: on flyte-core's real renders, the post-renderer's outputs and random values.
import { test } from '../helpers/uvu.ts';
import * as assert from 'uvu/assert';
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { configFromValues } from '../../plugin/config/from-values.ts';
import { postRender } from '../../plugin/postrender/index.ts';
import { parseStream } from '../../plugin/postrender/stream.ts';
import { NotPlain, emitYaml } from '../../plugin/yaml/emit.ts';
import { dumpYaml, jsYamlDump } from '../../plugin/yaml/dialect.ts';
import { params } from '../helpers/fuzz.ts';
import { RENDERED, fixture } from '../helpers/manifests.ts';

/** Our writer, or undefined when it hands the whole value to js-yaml. */
function ours(v: unknown): string | undefined {
  try {
    return emitYaml(v, jsYamlDump);
  } catch (e) {
    if (e instanceof NotPlain) return undefined;
    throw e;
  }
}

test("every document of flyte-core's renders, and of the post-renderer's outputs: js-yaml's bytes", () => {
  const three = configFromValues(fixture('three-clusters.yaml'), readFileSync(fixture('three-clusters.yaml'), 'utf8'));
  let docs = 0;
  let fast = 0;
  for (const f of readdirSync(RENDERED).filter((x) => x.endsWith('.yaml'))) {
    const text = readFileSync(join(RENDERED, f), 'utf8');
    const streams = [text];
    try {
      streams.push(postRender(text, { config: three }).output);
    } catch {
      // a data plane with --config: refused; its documents are still compared
    }
    for (const s of streams)
      for (const d of parseStream(s)) {
        if (d.body === '') continue;
        docs++;
        const o = ours(d.value);
        if (o !== undefined) fast++;
        assert.is(o ?? jsYamlDump(d.value), jsYamlDump(d.value), d.body.slice(0, 80));
        assert.is(dumpYaml(d.value), jsYamlDump(d.value));
      }
  }
  assert.ok(docs > 100, `${docs} documents`);
  assert.ok(fast / docs > 0.9, `only ${fast} of ${docs} documents written without js-yaml`);
});

const TRICKY = [
  ...[
    'yes',
    'No',
    'ON',
    'off',
    'y',
    'N',
    'true',
    'False',
    'null',
    'NULL',
    '~',
    '',
    ' ',
    'a: b',
    'a #b',
    '#x',
    '- x',
    '? x',
    ': x',
    '&a',
    '*a',
    '!x',
    '%x',
    '@x',
    '`x',
  ],
  ...['0755', '0x1F', '1e3', '1_000', '.5', '.inf', '-.Inf', '.NaN', '12:30:00', '190:20:30', '2026-12-02', '2026-12-02T00:00:00Z', '+1', '-0', '1.16.8'],
  ...[
    'a:',
    'a:b',
    'key:',
    '_:0',
    '_1',
    '_a',
    'app.kubernetes.io/name',
    'checksum/config',
    'x=y',
    'a+b',
    'a@b',
    'dns:///flyte.example.com:443',
    'é',
    'a\tb',
    'a\u0085b',
    '\uFEFFa',
  ],
  ...['line1\nline2', 'line1\nline2\n', '\nlead', '  indented\nx', 'trail\n\n', 'x'.repeat(1100), '{a}', '[a]', 'a,b', "it's", '"q"', 'a\\b'],
];
const scalarArb = fc.oneof(
  fc.constantFrom(...TRICKY),
  fc.mixedCase(fc.constantFrom('yes', 'no', 'on', 'off', 'y', 'n', 'true', 'false', 'null', 'nan', 'inf')),
  fc.string({ maxLength: 12 }),
  fc.string({ unit: fc.constantFrom(...'aZ_09.:/-+@ #\n\'"'.split('')), maxLength: 10 }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
);
const keyArb = fc.oneof(
  fc.constantFrom(...TRICKY),
  fc.mixedCase(fc.constantFrom('yes', 'on', 'true', 'null')),
  fc.string({ unit: fc.constantFrom(...'aZ_09.:/-'.split('')), maxLength: 8 }),
);
const { tree } = fc.letrec((tie) => ({
  tree: fc.oneof({ depthSize: 'small', withCrossShrink: true }, scalarArb, tie('list'), tie('map')),
  list: fc.array(tie('tree'), { maxLength: 4 }),
  map: fc.dictionary(keyArb, tie('tree'), { maxKeys: 4 }),
}));

test('property: random values with tricky strings, at every depth: js-yaml bytes, or handed to js-yaml whole', () => {
  let fast = 0;
  fc.assert(
    fc.property(tree, (v) => {
      const o = ours(v);
      if (o === undefined) return;
      fast++;
      assert.is(o, jsYamlDump(v));
    }),
    params(4000),
  );
  assert.ok(fast > 1000, `only ${fast} values written without js-yaml`);
});

test.run();
