// plugin/commands/cluster-flags.ts: the flags of join, unjoin, rotate and check, parsed the same
// way for all; every mistake a UsageError (exit 2) that says the fix.
import { test } from '../helpers/uvu.ts';
import * as assert from 'uvu/assert';
import {
  checkName,
  kubeOptions,
  namespaceLine,
  namespaceOf,
  oneMember,
  parseDuration,
  parseRoute,
  sessionOptions,
  timeoutOption,
} from '../../plugin/commands/cluster-flags.ts';
import { UsageError } from '../../plugin/problems/problems.ts';

const usage = (fn: () => unknown): string => {
  try {
    fn();
  } catch (e) {
    assert.instance(e, UsageError);
    return (e as Error).message;
  }
  throw new Error('no UsageError');
};

test('parseDuration: s, m, ms and plain seconds; anything else is not a duration', () => {
  assert.is(parseDuration('30s'), 30_000);
  assert.is(parseDuration('2m'), 120_000);
  assert.is(parseDuration('500ms'), 500);
  assert.is(parseDuration('5'), 5_000);
  assert.is(parseDuration(' 1.5s '), 1_500);
  for (const bad of ['', 'x', '-1s', '1h', '1 s', '1e3']) assert.is(parseDuration(bad), undefined, bad);
});

test('timeoutOption: the default when unset; a duration; zero or junk refused, naming the flag', () => {
  assert.is(timeoutOption(undefined, '--timeout', 15_000), 15_000);
  assert.is(timeoutOption('2m', '--timeout', 15_000), 120_000);
  assert.match(
    usage(() => timeoutOption('0s', '--revoke-timeout', 1)),
    /^--revoke-timeout "0s": use a duration such as 30s, 2m or 500ms$/,
  );
  assert.match(
    usage(() => timeoutOption('soon', '--timeout', 1)),
    /--timeout "soon"/,
  );
});

test('parseRoute: LABEL or LABEL=WEIGHT with a weight from 0 to 1', () => {
  assert.equal(parseRoute('team1'), { label: 'team1', weight: 1 });
  assert.equal(parseRoute('team1=0.5'), { label: 'team1', weight: 0.5 });
  assert.equal(parseRoute('a.b_c-d=0'), { label: 'a.b_c-d', weight: 0 });
  assert.match(
    usage(() => parseRoute('team1=2')),
    /the weight must be a number from 0 to 1, e.g. --label team1=0.5/,
  );
  assert.match(
    usage(() => parseRoute('team1=')),
    /the weight must be a number/,
  );
  assert.match(
    usage(() => parseRoute('team1=x')),
    /the weight must be a number/,
  );
  assert.match(
    usage(() => parseRoute('=1')),
    /the label must use letters, digits/,
  );
  assert.match(
    usage(() => parseRoute('-team')),
    /the label must use letters/,
  );
});

test('checkName and oneMember: a cluster name from --name or the context, at most 63 characters', () => {
  assert.is(checkName('dp-1.eu_west', '--name'), 'dp-1.eu_west');
  assert.match(
    usage(() => checkName('gke/proj', 'context')),
    /context "gke\/proj" is not a valid cluster name: .* \(pass --name NAME\)$/,
  );
  assert.not.match(
    usage(() => checkName('-x', '--name')),
    /pass --name/,
  );
  assert.match(
    usage(() => checkName('a'.repeat(64), '--name')),
    /at most 63 characters/,
  );
  assert.equal(oneMember(['ctx'], undefined), { context: 'ctx', name: 'ctx' });
  assert.equal(oneMember(['gke/proj'], 'dp1'), { context: 'gke/proj', name: 'dp1' });
  assert.match(
    usage(() => oneMember([], undefined, ' (hint)')),
    /^name exactly one data-plane CONTEXT \(hint\)$/,
  );
  assert.match(
    usage(() => oneMember(['a', 'b'], undefined)),
    /exactly one/,
  );
});

test("kubeOptions, namespaceOf and sessionOptions: flags over Helm's variables over the defaults", () => {
  assert.equal(kubeOptions({}, 10_000), { warned: new Set(), timeoutMs: 10_000 });
  assert.equal(kubeOptions({ kubeconfig: 'k', timeout: '3s', 'insecure-skip-tls-verify': true }, 10_000), {
    warned: new Set(),
    kubeconfig: 'k',
    timeoutMs: 3_000,
    allowUnverifiedTls: true,
  });
  const saved = process.env.HELM_NAMESPACE;
  try {
    delete process.env.HELM_NAMESPACE;
    assert.is(namespaceOf(undefined), 'flyte');
    process.env.HELM_NAMESPACE = 'from-helm';
    assert.is(namespaceOf(undefined), 'from-helm');
    assert.is(namespaceOf('flag'), 'flag');
    // the first line of join, unjoin, rotate and check
    assert.is(namespaceLine('flyte', '--namespace', 'cp'), 'namespace flyte (from --namespace), hub cp\n');
    assert.is(namespaceLine('flyte', '--namespace', 'cp [TLS NOT VERIFIED]'), 'namespace flyte (from --namespace), hub cp [TLS NOT VERIFIED]\n');
    assert.is(namespaceLine('default', "flytemc's default", undefined), "namespace default (from flytemc's default; -n NAMESPACE for another)\n");
    assert.equal(sessionOptions({ 'kube-context': 'cp', 'dry-run': true, 'token-timeout': '5s' }, { members: ['dp1'], withHub: false }), {
      kube: { warned: new Set(), timeoutMs: 15_000 },
      kubeContext: 'cp',
      namespace: 'from-helm',
      namespaceFrom: "HELM_NAMESPACE (Helm's -n, else the context's namespace, else default)",
      secretName: 'cluster-credentials',
      dryRun: true,
      tokenTimeoutMs: 5_000,
      members: ['dp1'],
      withHub: false,
    });
    assert.is(sessionOptions({}, { secretName: 's', members: [] }).secretName, 's');
  } finally {
    if (saved === undefined) delete process.env.HELM_NAMESPACE;
    else process.env.HELM_NAMESPACE = saved;
  }
});

test.run();
