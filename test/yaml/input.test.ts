// plugin/yaml/input.ts: every untrusted text through one door, in one order (the limits on the built program: limits.test.ts).
import { test } from '../helpers/uvu.ts';
import * as assert from 'uvu/assert';
import { FILE_INPUT, MAX_DEPTH, STREAM_INPUT } from '../../plugin/yaml/limits.ts';
import { FlytemcError, whereOf } from '../../plugin/problems/problems.ts';
import { checkText, parseUntrusted } from '../../plugin/yaml/input.ts';
import { isYamlError } from '../../plugin/yaml/dialect.ts';

const refusal = (fn: () => unknown): string => {
  try {
    fn();
  } catch (e) {
    if (isYamlError(e)) return `YAML: ${e.reason}`;
    assert.instance(e, FlytemcError);
    return (e as FlytemcError).problems.map((p) => `${whereOf(p)}: ${p.message}`).join('\n');
  }
  return 'accepted';
};
const small = { ...FILE_INPUT, maxBytes: 64 };

test("parseUntrusted: a value for good YAML, in flytemc's dialect (0755 octal, dates stay strings)", () => {
  assert.equal(parseUntrusted('a: [1, "x"]\nmode: 0755\nwhen: 2024-01-01\n', 'f.yaml', FILE_INPUT), { a: [1, 'x'], mode: 0o755, when: '2024-01-01' });
  assert.is(parseUntrusted('', 'f.yaml', FILE_INPUT), undefined);
});

test('the order: size before NUL before parsing before the tree limits, each naming where', () => {
  const big = `a: "\u0000"\n${'#'.repeat(100)}\n`;
  assert.match(
    refusal(() => parseUntrusted(big, 'f.yaml', small)),
    /^f\.yaml: the file is 0\.0 MiB, over the limit of 0\.0 MiB$/,
    'size first, even with a NUL byte in it',
  );
  assert.is(
    refusal(() => parseUntrusted('a: "\u0000": [', 'f.yaml', FILE_INPUT)),
    'f.yaml: the file contains NUL bytes: it is not YAML text',
    'NUL before a syntax error',
  );
  assert.match(
    refusal(() => parseUntrusted('a: [', 'f.yaml', FILE_INPUT)),
    /^YAML: /,
    "invalid YAML is the caller's to report",
  );
  const deep = `${'['.repeat(MAX_DEPTH + 1)}${']'.repeat(MAX_DEPTH + 1)}`;
  assert.match(
    refusal(() => parseUntrusted(deep, 'the rendered manifests: stream line 3', STREAM_INPUT)),
    /^the rendered manifests: stream line 3: mappings and lists nested more than 256 levels deep, the limit$/,
  );
  const bomb = [
    'a: &a ["x","x","x","x","x","x","x","x","x"]',
    ...Array.from(
      { length: 8 },
      (_, i) =>
        `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)}]`,
    ),
  ].join('\n');
  assert.match(
    refusal(() => parseUntrusted(bomb, 'values.yaml', FILE_INPUT)),
    /^values\.yaml: YAML aliases \(\*name\) expand this document past 1,048,576 units .*: an alias bomb$/,
  );
  assert.is(
    refusal(() => checkText('fine', 'f', FILE_INPUT)),
    'accepted',
  );
  assert.match(
    refusal(() => checkText('x\u0000', 'standard input', STREAM_INPUT)),
    /^standard input: the input contains NUL bytes/,
  );
});

test.run();
