// plugin/config/credentials.ts: the Secret and folder of the token files, read from FlyteAdmin's volumes and mounts.
import { test } from '../helpers/uvu.ts';
import * as assert from 'uvu/assert';
import { credentialsFromVolumes } from '../../plugin/config/credentials.ts';
import type { Problem } from '../../plugin/problems/problems.ts';

const located = (value: unknown, base: string) => ({ value, where: (p: string) => ({ file: 'v.yaml', pointer: `${base}${p}` }) });
const east = { name: 'east', auth: { tokenPath: '/var/run/creds/east_token', certPath: '/var/run/creds/east_cacert' } };

function run(clusters: unknown, volumes: unknown, mounts: unknown) {
  const problems: Problem[] = [];
  const creds = credentialsFromVolumes(clusters, located(volumes, '/vol'), located(mounts, '/mnt'), problems, { file: 'v.yaml', pointer: '/clusters' });
  return { creds, problems };
}

test('the mount that holds the most token files, and its Secret volume', () => {
  const { creds, problems } = run(
    [east, { name: 'west', inCluster: true, auth: { tokenPath: '/other/west_token' } }],
    [{ name: 'creds', secret: { secretName: 'my-creds' } }],
    [{ name: 'other', mountPath: '/other' }, { mountPath: 3 }, 'junk', { name: 'creds', mountPath: '/var/run/creds/' }],
  );
  assert.equal(creds, { secretName: 'my-creds', mountPath: '/var/run/creds' });
  assert.equal(problems, []);
});

test('no mount holds the files: the default Secret, said once as a warning where the mounts are (or the clusters)', () => {
  const some = run([east], [], [{ name: 'x', mountPath: '/elsewhere' }]);
  assert.is(some.creds, undefined);
  assert.equal(
    some.problems.map((p) => [p.severity, p.code, p.pointer]),
    [['warning', 'config.credentials', '/mnt']],
  );
  assert.match(some.problems[0]!.message, 'flytemc mounts Secret cluster-credentials at /var/run/credentials');
  const none = run([east], undefined, undefined);
  assert.is(none.problems[0]!.pointer, '/clusters');
  assert.equal(run([{ name: 'in', inCluster: true }], [], []).problems, [], 'in-cluster only: nothing to mount');
  assert.equal(run('not a list', [], []).problems, []);
});

test('the mount names no volume', () => {
  const { creds, problems } = run([east], [{ name: 'other', secret: { secretName: 's' } }], [{ name: 'creds', mountPath: '/var/run/creds' }]);
  assert.is(creds, undefined);
  assert.equal(
    problems.map((p) => [p.code, p.pointer, p.message]),
    [['config.credentials', '/mnt/0/name', 'the mount names volume "creds", but there is no volume of that name']],
  );
});

test('the volume is not a Secret volume', () => {
  const { creds, problems } = run([east], [{ name: 'creds', configMap: { name: 'c' } }], [{ name: 'creds', mountPath: '/var/run/creds' }]);
  assert.is(creds, undefined);
  assert.equal(
    problems.map((p) => [p.pointer, p.message, p.fix]),
    [['/vol/0', 'volume "creds" is not a Secret volume, so it cannot carry the tokens', 'give it `secret: {secretName: cluster-credentials}`']],
  );
});

test('invalid names of the mount, the volume and the Secret are each said where they are', () => {
  const { creds, problems } = run([east], [{ name: 'Creds_1', secret: { secretName: 'My_Secret' } }], [{ name: 'Creds_1', mountPath: '/var/run/creds' }]);
  assert.equal(creds, { secretName: 'My_Secret', mountPath: '/var/run/creds' });
  assert.equal(
    problems.map((p) => [p.code, p.pointer]),
    [
      ['config.name', '/mnt/0/name'],
      ['config.name', '/vol/0/name'],
      ['config.name', '/vol/0/secret/secretName'],
    ],
  );
});

test.run();
