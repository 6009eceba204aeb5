// The post-renderer's own SHA-256 (it saves loading node:crypto for small configChecksum inputs)
// must give exactly what node:crypto gives, for any text, split into any parts.
import { test } from '../helpers/uvu.ts';
import * as assert from 'uvu/assert';
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { jsSha256Hex, sha256Hex } from '../../plugin/yaml/sha256.ts';

const reference = (parts: string[]) => {
  const h = createHash('sha256');
  for (const p of parts) h.update(p);
  return h.digest('hex');
};

test('known vectors (FIPS 180-4 examples, empty input)', () => {
  assert.is(jsSha256Hex(['']), 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  assert.is(jsSha256Hex(['abc']), 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  assert.is(jsSha256Hex(['abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq']), '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1');
});

test('every length around the 64-byte block and padding boundaries', () => {
  for (let n = 0; n <= 200; n++) {
    const s = 'x'.repeat(n);
    assert.is(jsSha256Hex([s]), reference([s]), `length ${n}`);
  }
});

test('random unicode text in random parts equals node:crypto (2,000 cases)', () => {
  fc.assert(
    fc.property(fc.array(fc.string({ unit: 'binary', maxLength: 300 }), { maxLength: 6 }), (parts) => {
      assert.is(jsSha256Hex(parts), reference(parts));
      assert.is(sha256Hex(parts), reference(parts));
    }),
    { numRuns: 2000, ...(process.env.CI === 'true' ? { seed: 20261122 } : {}) },
  );
});

test('large input (node:crypto path) equals the JS path', () => {
  const big = ['a'.repeat(5000), 'é'.repeat(3000)];
  assert.is(sha256Hex(big), jsSha256Hex(big));
});

test.run();
