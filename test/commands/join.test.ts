// plugin/commands/join.ts: its flags as a user types them; each combination that cannot work is refused with exit 2 before any kubeconfig is read. The whole command on harness clusters: test/join.test.ts.
import { test } from '../helpers/uvu.ts';
import * as assert from 'uvu/assert';
import { run } from '../../plugin/commands/join.ts';

/** Runs join with `argv`; its exit code and what it wrote to stderr. */
async function join(argv: string[]): Promise<{ code: number; stderr: string }> {
  const written: string[] = [];
  const real = process.stderr.write.bind(process.stderr);
  process.stderr.write = ((s: string) => written.push(String(s)) > 0) as typeof process.stderr.write;
  try {
    return { code: await run(argv), stderr: written.join('') };
  } finally {
    process.stderr.write = real;
  }
}

test('each refusal of the command line: exit 2, what is wrong, before any cluster is contacted', async () => {
  const cases: Array<[string[], RegExp]> = [
    [[], /name at least one data-plane CONTEXT/],
    [['a', 'a'], /a CONTEXT is named twice/],
    [['a', 'b', '--name', 'x'], /--name applies to one CONTEXT/],
    [['a', 'b', '--endpoint', 'https://x'], /--endpoint applies to one CONTEXT/],
    [['a', '--parallel', '0'], /--parallel must be a whole number from 1/],
    [['a', '--rbac', 'admin'], /--rbac "admin": use flyte-core or minimal/],
    [['a', '--merge'], /--merge goes with --secret-out FILE/],
    [['a', '--secret-out', 'f.yaml', '--restart'], /--restart restarts FlyteAdmin in the hub, which --secret-out never contacts/],
    [['a', 'b', '--proxy-port', '17101'], /--proxy-port applies to one CONTEXT/],
    [['a', '--kube-context', 'cp', '--label', 'x=2'], /--label "x=2": the weight must be a number from 0 to 1/],
  ];
  for (const [argv, message] of cases) {
    const r = await join(argv);
    assert.is(r.code, 2, `${argv.join(' ')}: ${r.stderr}`);
    assert.match(r.stderr, message, argv.join(' '));
    assert.match(r.stderr, /\n {2}fix: /, argv.join(' '));
  }
});

test.run();
