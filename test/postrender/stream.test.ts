// Stage 1 and 7: the stream split into documents, each parsed only when a stage asks for it
// (plugin/postrender/stream.ts). The text's kind must never disagree with the parsed one: a
// document that is skipped because its text says "Service" must not be a ConfigMap.
import { test } from '../helpers/uvu.ts';
import * as assert from 'uvu/assert';
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findTargets } from '../../plugin/postrender/find.ts';
import { emitStream, isNamed, kindOf, mayMention, nameOf, objectAt, objectName, parseStream, resourceId, textKind } from '../../plugin/postrender/stream.ts';
import { FlytemcError, whereOf } from '../../plugin/problems/problems.ts';
import { parseYaml } from '../../plugin/yaml/dialect.ts';
import { params } from '../helpers/fuzz.ts';
import { RENDERED, rendered } from '../helpers/manifests.ts';

test('textKind: the kind a plain top-level `kind:` line gives, else undefined', () => {
  const cases: Array<[string, string | undefined]> = [
    ['apiVersion: v1\nkind: Service\nmetadata:\n  name: a\n', 'Service'],
    ['# a comment\nkind: ConfigMap # trailing\ndata:\n  kind: Deployment\n', 'ConfigMap'],
    ['spec:\n- a\n-\nkind: Secret\n', 'Secret'],
    ['metadata:\n  name: a\n', undefined],
    ['"kind": Service\n', undefined],
    ["kind: 'Service'\n", undefined],
    ['kind: !!str Service\n', undefined],
    ['kind: &k Service\n', undefined],
    ['kind:\n  Service\n', undefined],
    ['{apiVersion: v1, kind: Service}\n', undefined],
    ['kind: Service\nkind: ConfigMap\n', undefined],
    ['<<: {kind: ConfigMap}\nkind: Service\n', undefined],
    ['? kind\n: ConfigMap\nkind: Service\n', undefined],
    ['note: {a: 1,\nkind: Service}\n', undefined],
    ['note: "a\nkind: Service\nb"\n', undefined],
    ['kind: Service\r\n', undefined],
    ['kind: Serv#ice\n', undefined],
    ['kind: ClusterRole\n    - get\nmetadata: {}\n', undefined],
    ['kind: ClusterRole\n\n  more\n', undefined],
    ['kind: ClusterRole\n  \nmetadata: {}\n', 'ClusterRole'],
    ['kind: Service #x\n', 'Service'],
    ['a: b\rkind: ConfigMap\nkind: Service\n', undefined],
    ['%YAML 1.2\n---\nkind: Service\n', undefined],
    ['- kind: Service\n', undefined],
  ];
  for (const [body, want] of cases) assert.is(textKind(body), want, JSON.stringify(body));
});

const REAL_DOCS = readdirSync(RENDERED)
  .filter((f) => f.endsWith('.yaml'))
  .sort()
  .flatMap((f) => parseStream(readFileSync(join(RENDERED, f), 'utf8')).map((d) => d.body))
  .filter((b) => b !== '');

/** The parsed document's kind, 'unparsable', or undefined (no kind, or not a mapping). */
function parsedKind(body: string): string | undefined {
  let v: unknown;
  try {
    v = parseYaml(body);
  } catch {
    return 'unparsable';
  }
  return v !== null && typeof v === 'object' && !Array.isArray(v) && typeof (v as { kind?: unknown }).kind === 'string'
    ? (v as { kind: string }).kind
    : undefined;
}

const TOKENS = [
  'kind: ConfigMap',
  'kind: Service',
  '"',
  "'",
  '{',
  '}',
  '[',
  ']',
  '\\',
  '\r',
  '&a ',
  '*a',
  '!!str ',
  '? ',
  ': ',
  '- ',
  '|',
  '>',
  '#',
  '<<: ',
  '%',
  '...',
  '\t',
  '  ',
  '\n',
];

test('property: the text says K -> the parsed document has kind K, or none, or does not parse (real documents, mutated)', () => {
  let said = 0;
  fc.assert(
    fc.property(
      fc.constantFrom(...REAL_DOCS),
      fc.array(fc.tuple(fc.nat(), fc.nat(), fc.constantFrom(...TOKENS), fc.boolean()), { maxLength: 6 }),
      (body, edits) => {
        let text = body;
        for (const [a, b, token, atLineStart] of edits) {
          const lines = text.split('\n');
          const i = a % lines.length;
          const line = lines[i]!;
          // insert a token at a line start or inside a line, or swap two lines
          if (token === '\n') [lines[i], lines[b % lines.length]] = [lines[b % lines.length]!, line];
          else lines[i] = atLineStart ? token + line.trimStart() : line.slice(0, b % (line.length + 1)) + token + line.slice(b % (line.length + 1));
          text = lines.join('\n');
        }
        const k = textKind(text);
        if (k === undefined) return;
        said++;
        const p = parsedKind(text);
        assert.ok(p === k || p === undefined || p === 'unparsable', `text says ${k}, parsed: ${p}\n${text}`);
      },
    ),
    params(3000),
  );
  assert.ok(said > 100, `the text said a kind only ${said} times`);
});

test("flyte-core's control plane: only the documents a patch can touch are parsed; the rest come back byte for byte", () => {
  const text = rendered('controlplane.yaml');
  const docs = parseStream(text);
  const t = findTargets(docs);
  assert.equal(
    t.configMaps.map((d) => (d.value as { metadata: { name: string } }).metadata.name),
    ['flyte-admin-clusters-config', 'flyte-clusterresourcesync-config'],
  );
  assert.equal(t.deployments.map((x) => (x.doc.value as { metadata: { name: string } }).metadata.name).sort(), ['flyteadmin', 'syncresources']);
  const parsed = docs.filter((d) => d.parsed && d.body !== '').map((d) => `${kindOf(d)}/${(d.value as { metadata: { name: string } }).metadata.name}`);
  // the two clusters ConfigMaps and the two Deployments that mount them; no Secret (only the credentials Secret is read, and flyte-core has none)
  assert.equal(parsed.sort(), [
    'ConfigMap/flyte-admin-clusters-config',
    'ConfigMap/flyte-clusterresourcesync-config',
    'Deployment/flyteadmin',
    'Deployment/syncresources',
  ]);
  assert.ok(docs.filter((d) => !d.parsed).length >= 10);
  assert.is(emitStream(docs), text.startsWith('---\n') ? text : `---\n${text}`);
});

test('a document is parsed, and refused, when a stage asks for it: the error names its stream line', () => {
  const docs = parseStream('---\napiVersion: v1\nkind: Service\nmetadata: {name: x\n---\nkind: ConfigMap\ndata: [\n');
  assert.is(kindOf(docs[0]!), 'Service');
  assert.not.ok(docs[0]!.parsed);
  try {
    void docs[1]!.value;
    assert.unreachable('parsed');
  } catch (e) {
    assert.instance(e, FlytemcError);
    assert.match((e as Error).message, /stream line \d+: invalid YAML/);
  }
});

test('objectAt: the object, its template and stream line, and a pointer in it; objectName says it as whereOf does', () => {
  const [cm, bare, list] = parseStream(
    '---\n# Source: t/cm.yaml\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: c, namespace: n}\n---\nkind: Secret\n---\n# only a comment\n',
  );
  assert.equal(objectAt(cm!, 'x.y', '/data'), { object: 'ConfigMap/c', streamLine: 3, code: 'x.y', source: 't/cm.yaml', pointer: '/data' });
  assert.is(objectName(cm!), 'ConfigMap/c (t/cm.yaml, stream line 3)');
  assert.is(whereOf(objectAt(cm!, undefined, '/data')), 'ConfigMap/c (t/cm.yaml, stream line 3) /data');
  assert.is(objectName(bare!), 'Secret/? (stream line 7)');
  assert.is(objectName(list!), 'document (stream line 11)');
  assert.equal(resourceId(cm!.value), { apiVersion: 'v1', kind: 'ConfigMap', name: 'c', namespace: 'n' });
  assert.equal([resourceId(bare!.value), resourceId(null), nameOf(bare!), nameOf(cm!)], [undefined, undefined, undefined, 'c']);
  assert.ok(isNamed(cm!, 'ConfigMap', 'c'));
  assert.not.ok(isNamed(cm!, 'ConfigMap', 'd'));
  // a kind the text does not say plainly comes from the parsed document
  const [quoted, none] = parseStream('---\n"kind": Service\n---\n"a": 1\n');
  assert.equal([kindOf(quoted!), kindOf(none!)], ['Service', undefined]);
  cm!.value = { kind: 'Other' };
  assert.ok(cm!.parsed);
});

test('a document that is not a mapping, or not YAML: refused with a stream.* code naming the stream line', () => {
  const codeOf = (text: string) => {
    try {
      void parseStream(text)[0]!.value;
    } catch (e) {
      return (e as FlytemcError).problems.map((p) => [p.code, whereOf(p), p.message]);
    }
    return [];
  };
  assert.equal(codeOf('---\n- a\n'), [
    ['stream.document', 'the rendered manifests: stream line 2', 'a document must be a Kubernetes object (a mapping), not a list'],
  ]);
  assert.equal(codeOf('---\nplain text\n')[0]![2], 'a document must be a Kubernetes object (a mapping), not the string "plain text"');
  assert.equal(codeOf('---\na: 1\nb: [\n')[0]!.slice(0, 2), ['stream.yaml', 'the rendered manifests: stream line 4']);
});

test('mayMention: false only when the text cannot hold the name (a backslash escape could spell it)', () => {
  const [plain, escaped] = parseStream('---\nkind: ConfigMap\ndata:\n  a: b\n---\nkind: ConfigMap\ndata:\n  "clusters\\u002eyaml": x\n');
  assert.not.ok(mayMention(plain!, 'clusters.yaml'));
  assert.ok(mayMention(escaped!, 'clusters.yaml'));
  assert.ok('clusters.yaml' in ((escaped!.value as { data: object }).data ?? {}));
});

test.run();
