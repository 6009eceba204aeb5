// plugin/postrender/plane.ts: the stages run in order, an error stops the run at its stage, the result carries the patches.
import { test } from '../helpers/uvu.ts';
import * as assert from 'uvu/assert';
import { runPlane, type Plane } from '../../plugin/postrender/plane.ts';
import { parseStream, type Doc } from '../../plugin/postrender/stream.ts';
import { FlytemcError, error, warning, type Problem } from '../../plugin/problems/problems.ts';

const STREAM =
  '---\n# Source: a.yaml\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\ndata:\n  k: v\n---\napiVersion: v1\nkind: Service\nmetadata:\n  name: b\n';

/** A plane that records its stages and returns what it is told to. */
function fake(out: { validate?: Problem[]; verify?: Problem[] } = {}) {
  const calls: string[] = [];
  const plane: Plane<{ docs: Doc[] }> = {
    find(docs, config) {
      calls.push(`find ${config === undefined ? 'none' : 'config'}`);
      return { docs };
    },
    validate() {
      calls.push('validate');
      return out.validate ?? [];
    },
    patch(state) {
      calls.push('patch');
      return [{ doc: state.docs[0]!, ops: [{ op: 'replace', path: '/data/k', value: 'w' }] }];
    },
    verify() {
      calls.push('verify');
      return out.verify ?? [];
    },
  };
  return { plane, calls };
}

function refusal(fn: () => unknown): FlytemcError {
  try {
    fn();
  } catch (e) {
    assert.instance(e, FlytemcError);
    return e as FlytemcError;
  }
  throw new Error('accepted');
}

test('find, validate, patch, verify, emit: the patched document written again, the other byte for byte, warnings kept', () => {
  const { plane, calls } = fake({ validate: [warning('w', 'a warning')] });
  const r = runPlane(plane, parseStream(STREAM), undefined);
  assert.equal(calls, ['find none', 'validate', 'patch', 'verify']);
  assert.match(r.output, 'k: w');
  assert.ok(r.output.endsWith('---\napiVersion: v1\nkind: Service\nmetadata:\n  name: b\n'));
  assert.equal(
    r.warnings.map((p) => p.message),
    ['a warning'],
  );
  assert.equal(r.patches, [
    {
      object: 'ConfigMap/a (a.yaml, stream line 3)',
      target: { apiVersion: 'v1', kind: 'ConfigMap', name: 'a' },
      ops: [{ op: 'replace', path: '/data/k', value: 'w' }],
    },
  ]);
});

test('an error in validate stops before patch; one in verify is refused with the warnings found before', () => {
  const stopped = fake({ validate: [warning('w', 'a warning'), error('e', 'wrong')] });
  const e = refusal(() => runPlane(stopped.plane, parseStream(STREAM), undefined));
  assert.equal(stopped.calls, ['find none', 'validate']);
  assert.is(e.problems.length, 2);
  const late = fake({ validate: [warning('w', 'a warning')], verify: [error('e', 'not wired')] });
  const v = refusal(() => runPlane(late.plane, parseStream(STREAM), undefined));
  assert.equal(late.calls, ['find none', 'validate', 'patch', 'verify']);
  assert.equal(
    v.problems.map((p) => p.message),
    ['a warning', 'not wired'],
  );
  // warnings alone in verify do not refuse
  const ok = fake({ verify: [warning('w', 'fine')] });
  assert.ok(runPlane(ok.plane, parseStream(STREAM), { source: { label: 'f', base: '' }, form: 'multicluster', raw: {} }).output);
  assert.equal(ok.calls[0], 'find config');
});

test.run();
