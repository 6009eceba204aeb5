// Go's math/rand and hash/fnv, ported: golden values and 100,000 draws from real Go (bench/go-draws), BigInt arithmetic.
import { test } from '../helpers/uvu.ts';
import * as assert from 'uvu/assert';
import { spawnSync } from 'node:child_process';
import { goDraws } from '../../bench/go-draws.ts';
import { GoRand, fnv64a } from '../../plugin/config/go-rand.ts';

test('the first Float32 of a name-seeded generator is the one Go draws (golden values)', () => {
  assert.is(new GoRand(fnv64a('exec0')).float32(), Math.fround(0.12693086));
  assert.is(new GoRand(fnv64a('exec47514')).float32(), Math.fround(0.017228803));
});

test('100,000 draws are exactly what real Go computes (bench/go-draws)', () => {
  const r = spawnSync(goDraws(), ['draws', '100000'], { encoding: 'utf8', maxBuffer: 64 << 20 });
  assert.is(r.status, 0, r.stderr);
  const want = r.stdout.trimEnd().split('\n');
  assert.is(want.length, 100_000);
  const bits = new Uint32Array(1);
  const f32 = new Float32Array(bits.buffer);
  let differ = 0;
  for (let i = 0; i < want.length; i++) {
    f32[0] = new GoRand(fnv64a(`exec${i}`)).float32();
    if (bits[0]!.toString(16).padStart(8, '0') !== want[i]) differ++;
  }
  assert.is(differ, 0, `${differ} of 100000 draws differ from Go's`);
});

test("fnv64a and Int63 agree with a BigInt computation of Go's arithmetic", () => {
  const ref = (s: string) => {
    let h = 0xcbf29ce484222325n;
    for (const b of Buffer.from(s, 'utf8')) h = BigInt.asUintN(64, (h ^ BigInt(b)) * 0x100000001b3n);
    return BigInt.asIntN(64, h);
  };
  for (const s of ['', 'a', 'exec0', 'flytemc', 'é€😀', 'x'.repeat(300)]) {
    const { hi, lo } = fnv64a(s);
    assert.is((BigInt(hi) << 32n) | BigInt(lo), ref(s), s);
  }
  // Go: rand.New(rand.NewSource(1)).Int63() = 5577006791947779410
  assert.is(new GoRand({ hi: 0, lo: 1 }).int63(), 5577006791947779410n);
});

test("a generator seeded again draws as a new one: every entry of the state, read lazily, is the new seed's", () => {
  const reused = new GoRand(fnv64a('first'));
  for (let i = 0; i < 700; i++) reused.int63(); // past the first wrap of the 607-entry state
  for (const name of ['exec0', 'exec47514', 'flytemc', '']) {
    reused.reseed(fnv64a(name));
    const fresh = new GoRand(fnv64a(name));
    for (let i = 0; i < 1500; i++) assert.is(reused.int63(), fresh.int63(), `${name} draw ${i}`);
  }
});

test('Float64 stays in [0, 1)', () => {
  const g = new GoRand(fnv64a('float64'));
  for (let i = 0; i < 10_000; i++) {
    const x = g.float64();
    assert.ok(x >= 0 && x < 1, String(x));
  }
});

test.run();
