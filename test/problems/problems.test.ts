// plugin/problems/problems.ts: problems are data; where they are is formatted only when printed.
import { test } from '../helpers/uvu.ts';
import * as assert from 'uvu/assert';
import { EXIT, FlytemcError, error, errorsIn, formatProblem, formatProblems, warning, whereOf } from '../../plugin/problems/problems.ts';

test('each kind of location, as people read it', () => {
  assert.is(whereOf({ file: 'values.yaml', line: 12, pointer: '/multicluster/clusters' }), 'values.yaml:12 (/multicluster/clusters)');
  assert.is(whereOf({ file: 'values.yaml', line: 3, pointer: '' }), 'values.yaml:3 (/)');
  assert.is(whereOf({ file: 'values.yaml', pointer: '/a' }), 'values.yaml /a');
  assert.is(whereOf({ file: 'values.yaml', line: 7 }), 'values.yaml:7');
  assert.is(whereOf({ file: 'values.yaml' }), 'values.yaml');
  assert.is(
    whereOf({ object: 'Deployment/flyteadmin', source: 'flyte-core/templates/admin/deployment.yaml', streamLine: 40, pointer: '/spec' }),
    'Deployment/flyteadmin (flyte-core/templates/admin/deployment.yaml, stream line 40) /spec',
  );
  assert.is(whereOf({ object: 'Secret/x', streamLine: 2 }), 'Secret/x (stream line 2)');
  assert.is(whereOf({ object: 'Secret/x' }), 'Secret/x');
  assert.is(whereOf({ subject: 'context kind-a' }), 'context kind-a');
  assert.is(whereOf({}), 'flytemc');
});

test('constructors keep the fields and the code; a string is a subject', () => {
  const p = error({ code: 'values.schema', file: 'v.yaml', line: 2, pointer: '/x' }, 'must be a string', 'quote it');
  assert.equal(p, { code: 'values.schema', file: 'v.yaml', line: 2, pointer: '/x', severity: 'error', message: 'must be a string', fix: 'quote it' });
  assert.equal(warning('cluster east', 'slow'), { subject: 'cluster east', severity: 'warning', code: 'flytemc', message: 'slow' });
  assert.equal(errorsIn([p, warning('a', 'b')]), [p]);
});

test('formatting: where, what, fix, masked; a count that says nothing was written', () => {
  const p = error({ file: 'v.yaml', line: 2, pointer: '/token' }, 'token: "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.sig" is not allowed', 'remove it');
  assert.is(formatProblem(p), 'error: v.yaml:2 (/token): token: <masked> is not allowed\n  fix: remove it');
  assert.is(formatProblems([p, warning('x', 'y')]), `${formatProblem(p)}\nwarning: x: y\n1 error, 1 warning: nothing was written.`);
  assert.is(formatProblems([warning('x', 'y')]), 'warning: x: y');
  assert.is(formatProblems([p], false).split('\n').at(-1), '1 error.');
});

test('FlytemcError carries the problems and an exit code; a string is one problem', () => {
  const e = new FlytemcError('broken');
  assert.is(e.exitCode, EXIT.invalid);
  assert.is(e.problems[0]!.message, 'broken');
  assert.is(e.message, 'error: flytemc: broken\n1 error: nothing was written.');
  assert.is(new FlytemcError([warning('a', 'b')], EXIT.failed).exitCode, 3);
});
test.run();
