// plugin/generated/validators.cjs (compiled by scripts/build.mjs from schemas/*.json): the same
// answers in-process (tsx, as the tests and `flytemc` from source run it) and bundled (dist/, as
// users run it). A maxLength error needs ajv's runtime helper ucs2length, which the generated code
// require()s: an ESM default import of it resolved differently under tsx and in the bundle.
import { test } from '../helpers/uvu.ts';
import * as assert from 'uvu/assert';
import { validateDeployment } from '../../plugin/generated/validators.cjs';
import { postRender } from '../../plugin/postrender/index.ts';
import { FlytemcError } from '../../plugin/problems/problems.ts';
import { rendered } from '../helpers/manifests.ts';
import { POST_RENDERER, runNodeSync } from '../helpers/process.ts';

const LONG = `v${'x'.repeat(69)}`; // 70 characters: a volume name is a DNS-1123 label, at most 63

test('maxLength (ucs2length) in-process: the validator counts characters, not UTF-16 units', () => {
  const deployment = (name: string) => ({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'd' },
    spec: { template: { spec: { containers: [{ name: 'c', image: 'i' }], volumes: [{ name, emptyDir: {} }] } } },
  });
  assert.ok(validateDeployment(deployment('ok')), JSON.stringify(validateDeployment.errors));
  assert.not.ok(validateDeployment(deployment(LONG)));
  assert.ok(
    validateDeployment.errors?.some((e) => e.keyword === 'maxLength' && e.instancePath === '/spec/template/spec/volumes/0/name'),
    JSON.stringify(validateDeployment.errors),
  );
});

test('a maxLength error reads the same in-process and from the bundled post-renderer', () => {
  const input = rendered('controlplane-multicluster.yaml').replace(/name: shared-data$/gm, `name: ${LONG}`);
  assert.ok(input.includes(LONG));
  let inProcess = '';
  try {
    postRender(input);
  } catch (e) {
    if (!(e instanceof FlytemcError)) throw e;
    inProcess = e.message;
  }
  assert.match(inProcess, /\(longer than 63 characters\)/);
  const r = runNodeSync(POST_RENDERER, [], { input });
  assert.is(r.code, 1, r.stderr);
  assert.is(r.stdout, '');
  assert.is(r.stderr.trim(), inProcess.trim());
});

test.run();
