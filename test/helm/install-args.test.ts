// plugin/helm/install-args.ts: install's own options taken out, every other word kept for Helm in
// order; stray words, the guide's mistakes and what a role forbids refused with the fix (exit 2).
import { test } from '../helpers/uvu.ts';
import * as assert from 'uvu/assert';
import { checkCloud, parseInstallArgs, valuesFilesOf } from '../../plugin/helm/install-args.ts';
import { UsageError } from '../../plugin/problems/problems.ts';

const usage = (fn: () => unknown): string => {
  try {
    fn();
  } catch (e) {
    if (e instanceof UsageError) return `${e.message} | ${e.fix}`;
    throw e;
  }
  return 'accepted';
};

test('what is install’s and what is Helm’s: own options out, every other word to Helm in order; stray words and the guide’s --create-namespace flyte refused (exit 2)', () => {
  const p = parseInstallArgs([
    'data-plane',
    '--name',
    'dp1',
    '-f',
    'a.yaml',
    '--rollback-on-failure',
    '--print',
    '--set',
    'x=--print',
    '--timeout=5m',
    '--wait',
  ]);
  assert.is(p.name, 'dp1');
  assert.is(p.print, true);
  assert.equal(p.pass, ['-f', 'a.yaml', '--rollback-on-failure', '--set', 'x=--print', '--timeout=5m', '--wait']);
  // after a Helm option a word may be its value: Helm judges it
  assert.equal(parseInstallArgs(['control-plane', '--force-conflicts', 'x', '--template']).pass, ['--force-conflicts', 'x']);
  // where no option can claim it, a bare word is stray
  assert.match(
    usage(() => parseInstallArgs(['control-plane', 'values.yaml'])),
    /stray argument "values\.yaml".*\| pass values files with -f: -f values\.yaml/,
  );
  assert.match(
    usage(() => parseInstallArgs(['control-plane', '--print', 'values.yaml'])),
    /stray argument/,
  );
  assert.match(
    usage(() => parseInstallArgs(['control-plane', '--timeout=5m', 'values.yaml'])),
    /stray argument/,
  );
  assert.match(
    usage(() => parseInstallArgs(['control-plane', '-n', 'flyte', '--create-namespace', 'flyte'])),
    /the upstream guide's mistake.*\| use --namespace flyte --create-namespace/,
  );
  assert.match(
    usage(() => parseInstallArgs(['data-plane', '--cloud', 'aws', '--name', 'dp1'])),
    /there is no values-aws\.yaml.*\| use --cloud eks/,
  );
  assert.match(
    usage(() => parseInstallArgs(['data-plane'])),
    /needs its cluster name.*\| add --name NAME/,
  );
  assert.match(
    usage(() => parseInstallArgs(['control-plane', '--post-renderer', 'x'])),
    /sets --post-renderer itself/,
  );
});

test('each own option sets its field, inline or not; `--` passes the rest; a value that starts with - is missing', () => {
  const p = parseInstallArgs([
    'data-plane',
    '--cloud=gcp',
    '--name',
    'dp1',
    '--admin-endpoint',
    'dns:///cp.example.com:443',
    '--release=r',
    '-n',
    'ns',
    '--kube-context',
    'ctx',
    '--chart',
    'c',
    '--template',
    '--debug',
    '--',
    'x',
    '--print',
  ]);
  assert.equal(p, {
    role: 'data-plane',
    cloud: 'gcp',
    name: 'dp1',
    adminEndpoint: 'dns:///cp.example.com:443',
    release: 'r',
    namespace: 'ns',
    kubeContext: 'ctx',
    chart: 'c',
    template: true,
    print: false,
    debug: true,
    pass: ['x', '--print'],
  });
  assert.match(
    usage(() => parseInstallArgs(['control-plane', '--release'])),
    /--release needs a value/,
  );
  assert.match(
    usage(() => parseInstallArgs(['control-plane', '--release', '--print'])),
    /--release needs a value/,
  );
  assert.match(
    usage(() => parseInstallArgs([])),
    /say what to install/,
  );
  assert.match(
    usage(() => parseInstallArgs(['hub'])),
    /unknown role "hub"/,
  );
  assert.match(
    usage(() => parseInstallArgs(['control-plane', 'x'])),
    /\| remove it, or use --release NAME/,
  );
  assert.match(
    usage(() => parseInstallArgs(['control-plane', '--post-renderer=x'])),
    /sets --post-renderer itself/,
  );
  // -fFILE carries its value: the next bare word is stray
  assert.match(
    usage(() => parseInstallArgs(['control-plane', '-fa.yaml', 'b'])),
    /stray argument "b"/,
  );
});

test('what a role forbids or needs; endpoints and names Helm and flytepropeller can take', () => {
  assert.match(
    usage(() => parseInstallArgs(['control-plane', '--name', 'dp1'])),
    /--name is for data planes/,
  );
  assert.match(
    usage(() => parseInstallArgs(['control-plane', '--admin-endpoint', 'dns:///x:443'])),
    /--admin-endpoint is for data planes/,
  );
  assert.match(
    usage(() => parseInstallArgs(['data-plane', '--name', 'dp1', '--admin-endpoint', 'https://x'])),
    /not a gRPC address.*\| write it as dns:\/\/\/HOST:PORT/,
  );
  assert.match(
    usage(() => parseInstallArgs(['data-plane', '--name', 'a,b'])),
    /cannot contain ','/,
  );
  assert.is(parseInstallArgs(['data-plane', '--name', 'dp1', '--admin-endpoint', 'cp.example.com:443']).adminEndpoint, 'cp.example.com:443');
  assert.is(checkCloud('eks'), 'eks');
  assert.match(
    usage(() => checkCloud('azure')),
    /--cloud "azure": use eks or gcp/,
  );
});

test("values files among Helm's words: -f FILE, -fFILE, --values FILE, --values=FILE, comma lists; not standard input or URLs", () => {
  assert.equal(
    valuesFilesOf(['-f', 'a.yaml', '-fb.yaml', '--values', 'c.yaml,d.yaml', '--values=e.yaml', '--set', 'x=1', '-f', '-', '-f', 'https://x/v.yaml']),
    ['a.yaml', 'b.yaml', 'c.yaml', 'd.yaml', 'e.yaml'],
  );
});

test.run();
