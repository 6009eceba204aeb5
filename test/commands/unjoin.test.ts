// plugin/commands/unjoin.ts: its refusals of the command line (exit 2, before any cluster); the whole command on harness clusters: test/day2.test.ts, test/join.test.ts.
import { test } from '../helpers/uvu.ts';
import * as assert from 'uvu/assert';
import { run } from '../../plugin/commands/unjoin.ts';

/** Runs unjoin with `argv`; its exit code and what it wrote to stderr. */
async function unjoin(argv: string[]): Promise<{ code: number; stderr: string }> {
  const err: string[] = [];
  const real = process.stderr.write.bind(process.stderr);
  process.stderr.write = ((s: string) => err.push(String(s)) > 0) as typeof process.stderr.write;
  try {
    return { code: await run(argv), stderr: err.join('') };
  } finally {
    process.stderr.write = real;
  }
}

test('each refusal of the command line: exit 2, what is wrong and the fix, before any cluster is contacted', async () => {
  const cases: Array<[string[], RegExp]> = [
    [[], /name exactly one data-plane CONTEXT \(with --force it may be one that no longer answers\)/],
    [['a', '--rollout-timeout', 'soon'], /--rollout-timeout/],
    [['a', '--client-id', 'x'], /--client-id and --client-secret-file go with --admin URL/],
  ];
  for (const [argv, message] of cases) {
    const r = await unjoin(argv);
    assert.is(r.code, 2, `${argv.join(' ')}: ${r.stderr}`);
    assert.match(r.stderr, message, argv.join(' '));
    assert.match(r.stderr, /\n {2}fix: /, argv.join(' '));
  }
});

test.run();
