// plugin/cli/shell.ts: the command line as Helm and kubectl users type it, its usage errors, "did you mean", exit codes, error files, progress.
import { test } from '../helpers/uvu.ts';
import * as assert from 'uvu/assert';
import { spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  ProgressLine,
  StoppedPartWay,
  commandLine,
  debug,
  debugOn,
  errorFileDir,
  guard,
  nearest,
  newErrorFilePath,
  partWay,
  printWarnings,
  progressEnabled,
  running,
  self,
} from '../../plugin/cli/shell.ts';
import { EXIT, FlytemcError, UsageError, error, warning } from '../../plugin/problems/problems.ts';

const dir = mkdtempSync(join(tmpdir(), 'flytemc-shell-'));
test.after(() => rmSync(dir, { recursive: true, force: true }));

const OPTIONS = {
  values: { type: 'string', short: 'f', multiple: true },
  output: { type: 'string', short: 'o' },
  'dry-run': { type: 'boolean' },
  name: { type: 'string' },
  kubeconfig: { type: 'string' },
  verbose: { type: 'boolean', short: 'v' },
} as const;

/** Runs fn with these environment variables (undefined: unset), then puts them back. */
function withEnv<T>(vars: Record<string, string | undefined>, fn: () => T): T {
  const old = Object.fromEntries(Object.keys(vars).map((k) => [k, process.env[k]]));
  const set = (vs: Record<string, string | undefined>) => {
    for (const [k, v] of Object.entries(vs)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  };
  set(vars);
  let result: T;
  try {
    result = fn();
  } catch (e) {
    set(old);
    throw e;
  }
  // an async fn reads the environment until it settles
  if (result instanceof Promise) return result.finally(() => set(old)) as T;
  set(old);
  return result;
}

/** What fn writes to process.stderr (through its write method), and fn's result. */
async function stderrOf<T>(fn: () => Promise<T> | T): Promise<{ err: string; result: T }> {
  const write = process.stderr.write;
  let err = '';
  process.stderr.write = ((chunk: string | Uint8Array) => {
    err += String(chunk);
    return true;
  }) as typeof process.stderr.write;
  try {
    const result = await fn();
    return { err, result };
  } finally {
    process.stderr.write = write;
  }
}

/** The UsageError commandLine throws for these arguments, as [message, fix]. */
function usage(argv: string[], positionals = false): [string, string | undefined] {
  try {
    commandLine(argv, OPTIONS, positionals);
  } catch (e) {
    assert.instance(e, UsageError);
    return [(e as UsageError).message, (e as UsageError).fix];
  }
  throw new Error(`${argv.join(' ')} was accepted`);
}

test('nearest: the same word but for case, else the closest within a third of its length; nothing when none is close', () => {
  assert.is(nearest('VALUES', ['values', 'output']), 'values');
  assert.is(nearest('valuez', ['values', 'output']), 'values');
  assert.is(nearest('outptu', ['values', 'output']), 'output');
  assert.is(nearest('ab', ['a', 'abc']), 'a', 'the first of equally close candidates');
  assert.is(nearest('x', ['y']), 'y', 'one edit is always allowed');
  assert.is(nearest('zzzzzz', ['values', 'output']), undefined);
  assert.is(nearest('anything', []), undefined);
  assert.is(nearest('kubeconfg', new Set(['kubeconfig', 'context'])), 'kubeconfig');
});

test('commandLine: Helm and kubectl spellings (-o=json, -ojson, --values=FILE, repeated -f), -h/--help added, -- ends the options', () => {
  const r = commandLine(['-o=json', '-f', 'a.yaml', '--values=b.yaml', '-f=c.yaml', '--dry-run'], OPTIONS);
  assert.equal({ ...r.values }, { output: 'json', values: ['a.yaml', 'b.yaml', 'c.yaml'], 'dry-run': true, help: false });
  assert.is(commandLine(['-oyaml'], OPTIONS).values.output, 'yaml');
  assert.is(commandLine(['-h'], OPTIONS).values.help, true);
  assert.is(commandLine(['--help'], OPTIONS).values.help, true);
  assert.is(commandLine(['--name=-dash'], OPTIONS).values.name, '-dash');
  const p = commandLine(['x', '--', '-o=json', '--name'], OPTIONS, true);
  assert.equal(p.positionals, ['x', '-o=json', '--name']);
  assert.is(p.values.output, undefined);
  // a boolean's short option with '=' is left to parseArgs, which reads it as a cluster of short options
  assert.equal(usage(['-v=1']), ['unknown option -=', 'run `flytemc --help` for the options']);
});

test('commandLine: an unknown option, with "did you mean" (short and long spelling) or the help hint', () => {
  running.command = 'validate';
  try {
    assert.equal(usage(['--valuez', 'x']), ['unknown option --valuez', 'did you mean -f, --values? (run `flytemc validate --help` for the options)']);
    assert.equal(usage(['--kubeconfg=k']), ['unknown option --kubeconfg', 'did you mean --kubeconfig? (run `flytemc validate --help` for the options)']);
    assert.equal(usage(['--zzzzzzzz']), ['unknown option --zzzzzzzz', 'run `flytemc validate --help` for the options']);
    withEnv({ HELM_PLUGIN_NAME: 'flytemc' }, () => {
      assert.equal(usage(['-z']), ['unknown option -z', 'run `helm flytemc validate --help` for the options']);
    });
  } finally {
    running.command = '';
  }
});

test('commandLine: a value given to a flag, a missing value (FILE, json or VALUE), a value that looks like an option', () => {
  assert.equal(usage(['--dry-run=yes']), ['--dry-run is a flag and takes no value', 'write --dry-run alone']);
  assert.equal(usage(['-v=']), ['unknown option -=', 'run `flytemc --help` for the options']);
  assert.equal(usage(['--verbose=1']), ['--verbose is a flag and takes no value', 'write --verbose alone']);
  assert.equal(usage(['-f']), ['-f, --values needs a value', 'e.g. --values FILE (run `flytemc --help` for the options)']);
  assert.equal(usage(['--kubeconfig']), ['--kubeconfig needs a value', 'e.g. --kubeconfig FILE (run `flytemc --help` for the options)']);
  assert.equal(usage(['-o']), ['-o, --output needs a value', 'e.g. --output json (run `flytemc --help` for the options)']);
  assert.equal(usage(['--name']), ['--name needs a value', 'e.g. --name VALUE (run `flytemc --help` for the options)']);
  assert.equal(usage(['--name', '-x']), [
    "--name needs a value, but the next word starts with '-'",
    'if that word is the value, write --name=VALUE; otherwise put the value right after the option',
  ]);
  // parseArgs names a short option alone here; its long name comes from the message's own advice
  assert.equal(usage(['-o', '--dry-run']), [
    "-o, --output needs a value, but the next word starts with '-'",
    'if that word is the value, write --output=VALUE; otherwise put the value right after the option',
  ]);
});

test('commandLine: a positional argument where none is taken; a values file is pointed to -f', () => {
  assert.equal(usage(['values.yaml']), [
    'unexpected argument "values.yaml": this command takes no positional arguments',
    'pass values files with -f: -f values.yaml',
  ]);
  running.command = 'check';
  try {
    assert.equal(usage(['extra']), ['unexpected argument "extra": check takes no positional arguments', 'run `flytemc check --help` for the options']);
  } finally {
    running.command = '';
  }
});

test('commandLine: any other parseArgs error is passed on as a usage error, without its final period', () => {
  try {
    commandLine([], { n: { type: 'number' } } as never);
    assert.unreachable('accepted');
  } catch (e) {
    assert.instance(e, UsageError);
    assert.match((e as UsageError).message, /^The "options\.n\.type" property must be/);
    assert.not.match((e as UsageError).message, /\.$/);
    assert.is((e as UsageError).fix, 'run `flytemc --help` for the options');
  }
});

test('self, debugOn, debug, progressEnabled read the environment', async () => {
  withEnv({ HELM_PLUGIN_NAME: 'flytemc' }, () => assert.is(self(), 'helm flytemc'));
  withEnv({ HELM_PLUGIN_NAME: 'other' }, () => assert.is(self(), 'flytemc'));
  withEnv({ HELM_PLUGIN_NAME: undefined }, () => assert.is(self(), 'flytemc'));
  const cases: Array<[string | undefined, string | undefined, boolean]> = [
    ['1', undefined, true],
    [undefined, 'true', true],
    [undefined, 'TRUE', true],
    [undefined, '1', true],
    ['0', 'false', false],
    [undefined, undefined, false],
  ];
  for (const [f, h, want] of cases) withEnv({ FLYTEMC_DEBUG: f, HELM_DEBUG: h }, () => assert.is(debugOn(), want, `${f} ${h}`));
  const on = await stderrOf(() => withEnv({ FLYTEMC_DEBUG: '1' }, () => debug('hello')));
  assert.is(on.err, 'flytemc: debug: hello\n');
  const off = await stderrOf(() => withEnv({ FLYTEMC_DEBUG: undefined, HELM_DEBUG: undefined }, () => debug('hello')));
  assert.is(off.err, '');
  withEnv({ FLYTEMC_PROGRESS: '1' }, () => assert.is(progressEnabled(), true));
  withEnv({ FLYTEMC_PROGRESS: '0' }, () => assert.is(progressEnabled(), false));
  withEnv({ FLYTEMC_PROGRESS: undefined }, () => assert.is(progressEnabled(), !!process.stderr.isTTY));
});

test('guard: the body’s exit code when it succeeds', async () => {
  const { err, result } = await stderrOf(() => guard(async () => 0));
  assert.equal([result, err], [0, '']);
});

test('guard: a FlytemcError prints its problems with its exit code; read-only and part-way commands do not say nothing was written', async () => {
  const e = new FlytemcError([error({ file: 'v.yaml', line: 3 }, 'bad', 'fix it'), warning('context kind-a', 'odd')], EXIT.failed);
  const wrote = await stderrOf(() =>
    guard(async () => {
      throw e;
    }),
  );
  assert.is(wrote.result, EXIT.failed);
  assert.is(wrote.err, 'error: v.yaml:3: bad\n  fix: fix it\nwarning: context kind-a: odd\n1 error, 1 warning: nothing was written.\n');
  running.readOnly = true;
  try {
    const ro = await stderrOf(() =>
      guard(async () => {
        throw e;
      }),
    );
    assert.is(ro.err, 'error: v.yaml:3: bad\n  fix: fix it\nwarning: context kind-a: odd\n1 error, 1 warning.\n');
  } finally {
    running.readOnly = false;
  }
  const stopped = await stderrOf(() =>
    guard(async () => {
      throw new StoppedPartWay([error('x', 'half done')], EXIT.failed);
    }),
  );
  assert.equal([stopped.result, stopped.err], [EXIT.failed, 'error: x: half done\n1 error.\n']);
});

test('guard: a UsageError is exit 2 with its fix or the help hint, masked', async () => {
  const withFix = await stderrOf(() =>
    guard(async () => {
      throw new UsageError('bad --token Bearer abc123', 'use Bearer xyz789');
    }),
  );
  assert.equal([withFix.result, withFix.err], [EXIT.usage, 'error: bad --token Bearer <token, masked>\n  fix: use Bearer <token, masked>\n']);
  const noFix = await stderrOf(() =>
    guard(async () => {
      throw new UsageError('no such thing');
    }),
  );
  assert.equal([noFix.result, noFix.err], [EXIT.usage, 'error: no such thing\n  fix: run `flytemc --help` for the options\n']);
});

test('guard: anything else is a bug (exit 70), its message masked; the stack only with debug on; a thrown non-Error said as text', async () => {
  const bug = await stderrOf(() =>
    withEnv({ FLYTEMC_DEBUG: undefined, HELM_DEBUG: undefined }, () =>
      guard(async () => {
        throw new Error('boom Bearer abc123');
      }),
    ),
  );
  assert.is(bug.result, EXIT.internal);
  assert.is(
    bug.err,
    'error: flytemc failed unexpectedly: boom Bearer <token, masked>\nthis is a bug in flytemc; rerun with --debug (or FLYTEMC_DEBUG=1) for details and report it\n',
  );
  const debugged = await stderrOf(() =>
    withEnv({ FLYTEMC_DEBUG: '1' }, () =>
      guard(async () => {
        throw new Error('boom');
      }),
    ),
  );
  assert.match(debugged.err, /report it\nError: boom\n\s+at /, debugged.err);
  const noStack = await stderrOf(() =>
    withEnv({ FLYTEMC_DEBUG: '1' }, () =>
      guard(async () => {
        throw Object.assign(new Error('no stack'), { stack: undefined });
      }),
    ),
  );
  assert.ok(noStack.err.endsWith('report it\n'), noStack.err);
  const text = await stderrOf(() =>
    guard(async () => {
      throw 'a string';
    }),
  );
  assert.match(text.err, /^error: flytemc failed unexpectedly: a string\n/);
  const nothing = await stderrOf(() =>
    guard(async () => {
      throw null;
    }),
  );
  assert.match(nothing.err, /^error: flytemc failed unexpectedly: null\n/);
});

test('guard: the message also goes to the error file (0600, a planted link replaced), named now or picked only on failure', async () => {
  const file = join(dir, 'errors', 'e.txt');
  const r = await stderrOf(() =>
    guard(async () => {
      throw new UsageError('bad');
    }, file),
  );
  assert.is(r.err, `error: bad\n  fix: run \`flytemc --help\` for the options\n(this message is also in ${file})\n`);
  assert.is(readFileSync(file, 'utf8'), 'error: bad\n  fix: run `flytemc --help` for the options\n');
  assert.is(statSync(file).mode & 0o777, 0o600);
  const target = join(dir, 'target.txt');
  writeFileSync(target, 'keep');
  rmSync(file);
  symlinkSync(target, file);
  let picked = 0;
  await stderrOf(() =>
    guard(
      async () => {
        throw new UsageError('again');
      },
      () => {
        picked++;
        return file;
      },
    ),
  );
  assert.is(picked, 1);
  assert.is(readFileSync(target, 'utf8'), 'keep');
  assert.match(readFileSync(file, 'utf8'), /^error: again\n/);
  let asked = 0;
  await guard(
    async () => 0,
    () => String(++asked),
  );
  assert.is(asked, 0, 'no file is picked when the command succeeds');
});

test('guard: no error file to be had (picking one throws, or it cannot be written): the message is on stderr alone', async () => {
  const thrown = await stderrOf(() =>
    guard(
      async () => {
        throw new UsageError('bad');
      },
      () => {
        throw new Error('no folder');
      },
    ),
  );
  assert.equal([thrown.result, thrown.err], [EXIT.usage, 'error: bad\n  fix: run `flytemc --help` for the options\n']);
  const aFile = join(dir, 'plain');
  writeFileSync(aFile, '');
  const unwritable = await stderrOf(() =>
    guard(
      async () => {
        throw new UsageError('bad');
      },
      join(aFile, 'sub', 'e.txt'),
    ),
  );
  assert.is(unwritable.err, 'error: bad\n  fix: run `flytemc --help` for the options\n');
});

test('guard: error files a week old in a flytemc- folder are removed; other files and other folders are left', async () => {
  const ours = join(dir, 'flytemc-test');
  mkdirSync(ours);
  const old = new Date(Date.now() - 8 * 24 * 3600 * 1000);
  for (const f of ['post-renderer-old.txt', 'other-old.txt', 'post-renderer-new.txt']) {
    writeFileSync(join(ours, f), '');
    if (f.includes('old')) utimesSync(join(ours, f), old, old);
  }
  await stderrOf(() =>
    guard(
      async () => {
        throw new UsageError('x');
      },
      join(ours, 'post-renderer-now.txt'),
    ),
  );
  assert.equal(readdirSync(ours).sort(), ['other-old.txt', 'post-renderer-new.txt', 'post-renderer-now.txt']);
  const elsewhere = join(dir, 'elsewhere');
  mkdirSync(elsewhere);
  writeFileSync(join(elsewhere, 'post-renderer-old.txt'), '');
  utimesSync(join(elsewhere, 'post-renderer-old.txt'), old, old);
  await stderrOf(() =>
    guard(
      async () => {
        throw new UsageError('x');
      },
      join(elsewhere, 'e.txt'),
    ),
  );
  assert.ok(existsSync(join(elsewhere, 'post-renderer-old.txt')));
  // a dangling link named like an error file cannot be looked at: pruning stops, the file is still written
  const odd = join(dir, 'flytemc-odd');
  mkdirSync(odd);
  symlinkSync(join(dir, 'none'), join(odd, 'post-renderer-dangling.txt'));
  const r = await stderrOf(() =>
    guard(
      async () => {
        throw new UsageError('x');
      },
      join(odd, 'e.txt'),
    ),
  );
  assert.match(r.err, /also in/);
});

test('errorFileDir: $TMPDIR/flytemc-<uid>, 0700, made once and tightened; a file, a link or another user’s folder of that name is not used', () => {
  const uid = process.getuid!();
  const base = join(dir, 'tmp-a');
  mkdirSync(base);
  withEnv({ TMPDIR: base }, () => {
    const d = errorFileDir();
    assert.is(d, join(base, `flytemc-${uid}`));
    assert.is(statSync(d).mode & 0o777, 0o700);
    assert.is(errorFileDir(), d, 'the same folder again');
    spawnSync('chmod', ['0755', d]);
    assert.is(errorFileDir(), d);
    assert.is(statSync(d).mode & 0o777, 0o700, 'tightened');
    const path = newErrorFilePath();
    assert.match(path, new RegExp(`^${d}/post-renderer-\\d{8}T\\d{6}Z-${process.pid}\\.txt$`));
  });
  const planted = (make: (p: string) => void) => {
    const b = mkdtempSync(join(dir, 'tmp-'));
    make(join(b, `flytemc-${uid}`));
    return withEnv({ TMPDIR: b }, () => {
      const d = errorFileDir();
      assert.ok(d.startsWith(join(b, 'flytemc-')) && d !== join(b, `flytemc-${uid}`), d);
      assert.ok(statSync(d).isDirectory());
    });
  };
  planted((p) => writeFileSync(p, ''));
  planted((p) => symlinkSync(dir, p));
  planted((p) => {
    mkdirSync(p, { mode: 0o700 });
    chownSync(p, uid + 4242, 0);
  });
  // no such $TMPDIR: the fresh private folder cannot be made either
  withEnv({ TMPDIR: join(dir, 'none', 'deeper') }, () => assert.throws(() => errorFileDir(), /ENOENT/));
});

test('partWay: a FlytemcError becomes StoppedPartWay with its problems and code; one already part way and anything else pass as they are', () => {
  const e = new FlytemcError([error('x', 'y')], EXIT.failed);
  try {
    partWay(e);
  } catch (got) {
    assert.instance(got, StoppedPartWay);
    assert.is((got as StoppedPartWay).problems, e.problems);
    assert.is((got as StoppedPartWay).exitCode, EXIT.failed);
  }
  const already = new StoppedPartWay([error('x', 'y')]);
  assert.throws(
    () => partWay(already),
    (got: unknown) => got === already,
  );
  const other = new Error('plain');
  assert.throws(
    () => partWay(other),
    (got: unknown) => got === other,
  );
});

test('printWarnings: one formatted problem a line on stderr', async () => {
  const { err } = await stderrOf(() => printWarnings([warning({ file: 'v.yaml', line: 2 }, 'odd', 'look'), warning('x', 'y')]));
  assert.is(err, 'warning: v.yaml:2: odd\n  fix: look\nwarning: x: y\n');
});

test('ProgressLine: silent when disabled, before afterMs, or done before shown; once shown, a percentage and an ETA, cleared when done', () => {
  // it writes to fd 2 directly: run in a child process and read its stderr
  const script = `
    import { ProgressLine } from ${JSON.stringify(join(import.meta.dirname, '../../plugin/cli/shell.ts'))};
    const wait = (ms) => { const t = Date.now() + ms; while (Date.now() < t); };
    new ProgressLine('off', 10, 0, false).update(5);
    const late = new ProgressLine('late', 10, 60_000, true); late.update(5); late.done();
    const p = new ProgressLine('work', 2000, 0, true);
    wait(2); p.update(0); p.update(1000); wait(210); p.update(1500); p.done();
    process.stderr.write('|end');
  `;
  const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8' });
  assert.is(r.status, 0, r.stderr);
  const [first, second, ...rest] = r.stderr.split('\r');
  assert.equal([first, second], ['', 'work: 0% (0 of 2,000), about 0 s left  ']);
  assert.match(rest[0]!, /^work: 75% \(1,500 of 2,000\), about \d+ s left {2}$/);
  assert.equal(rest.slice(1), ['\u001b[2K|end']);
  assert.ok(new ProgressLine('x', 1) instanceof ProgressLine, 'defaults from the environment');
});

test.run();
