// plugin/cluster/util.ts: masking, the plan's line diff, bounded parallelism, timeouts, one write
// at a time per key. Pure helpers: nothing here talks to a cluster.
import { test } from '../helpers/uvu.ts';
import * as assert from 'uvu/assert';
import { createHash } from 'node:crypto';
import { TimeoutError, lineDiff, mapLimit, maskSecret, oneAtATime, sleep, withTimeout } from '../../plugin/cluster/util.ts';

test('maskSecret: size and a short sha256, never the value', () => {
  const token = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.signature-of-the-token';
  const m = maskSecret('token', token);
  assert.is(m, `<token: ${token.length} B, sha256:${createHash('sha256').update(token).digest('hex').slice(0, 8)}…>`);
  assert.not.ok(m.includes('eyJ'));
  assert.is(maskSecret('ca', Buffer.alloc(2048)), `<ca: 2.0 KB, sha256:${createHash('sha256').update(Buffer.alloc(2048)).digest('hex').slice(0, 8)}…>`);
  assert.is(maskSecret('token', undefined), '<token: none>');
});

test('lineDiff: unchanged, added and removed lines, in order (LCS)', () => {
  assert.equal(lineDiff('', ''), []);
  assert.equal(lineDiff('', 'a\nb\n'), ['+ a', '+ b']);
  assert.equal(lineDiff('a\nb\n', ''), ['- a', '- b']);
  assert.equal(lineDiff('a\nb\nc\n', 'a\nb\nc\n'), ['  a', '  b', '  c']);
  assert.equal(lineDiff('a\nb\nc', 'a\nx\nc'), ['  a', '+ x', '- b', '  c']);
  assert.equal(lineDiff('k: 1\nl: 2\n', 'j: 0\nk: 1\nl: 2\nm: 3\n'), ['+ j: 0', '  k: 1', '  l: 2', '+ m: 3']);
});

test('mapLimit: results in input order, at most `limit` at once, failures kept', async () => {
  let running = 0;
  let most = 0;
  const r = await mapLimit([5, 1, 3, 2, 4], 2, async (n, i) => {
    running++;
    most = Math.max(most, running);
    await sleep(n * 3);
    running--;
    if (n === 3) throw new Error('three');
    return n * 10 + i;
  });
  assert.is(most, 2);
  assert.equal(
    r.map((x) => (x.status === 'fulfilled' ? x.value : (x.reason as Error).message)),
    [50, 11, 'three', 23, 44],
  );
  assert.equal(await mapLimit([], 4, async () => 1), []);
});

test('withTimeout: the value in time, a TimeoutError naming what took too long otherwise', async () => {
  assert.is(await withTimeout(Promise.resolve(7), 50, 'x'), 7);
  try {
    await withTimeout(sleep(200), 20, 'reading Secret flyte/x');
    assert.unreachable();
  } catch (e) {
    assert.instance(e, TimeoutError);
    assert.is((e as Error).message, 'reading Secret flyte/x: no answer within 0.02 s');
  }
});

test('oneAtATime: calls with one key run one after the other, a failure does not block the next, other keys run alongside', async () => {
  const log: string[] = [];
  const job =
    (name: string, ms: number, fail = false) =>
    async () => {
      log.push(`${name} start`);
      await sleep(ms);
      log.push(`${name} end`);
      if (fail) throw new Error(name);
      return name;
    };
  const a = oneAtATime('k', job('a', 20, true));
  const b = oneAtATime('k', job('b', 5));
  const c = oneAtATime('other', job('c', 1));
  assert.equal(await Promise.allSettled([a, b, c]).then((r) => r.map((x) => x.status)), ['rejected', 'fulfilled', 'fulfilled']);
  assert.ok(log.indexOf('a end') < log.indexOf('b start'), log.join(', '));
  assert.ok(log.indexOf('c end') < log.indexOf('a end'), log.join(', '));
});

test.run();
