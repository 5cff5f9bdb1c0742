import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseLetterText, digestIdsWith } from './parse-letter';
import { digestHex, sha256Hex, webSha256Hex } from './sha256';
import { SAMPLE_FILES, sampleText } from './test-support/sample-letters';

describe('sha256', () => {
  it('matches the FIPS 180-4 examples', () => {
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha256Hex('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')).toBe(
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    );
  });

  it('agrees with Node for any text, hashing its UTF-8 (lone surrogates as U+FFFD), one text after another', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: fc.oneof(fc.constantFrom('a', ' ', '’', '–', '🙂', '\ud800', '\udc00'), fc.string({ unit: 'binary', maxLength: 1 })), maxLength: 200 }), { maxLength: 4 }), (texts) => {
        // Texts long and short in turn: what a longer one left in the kept bytes must not count.
        for (const text of texts) expect(sha256Hex(text)).toBe(createHash('sha256').update(new TextEncoder().encode(text)).digest('hex'));
      }),
      { numRuns: 500, seed: 2 },
    );
    const long = 'x'.repeat(2_000_000);
    expect(sha256Hex(long)).toBe(createHash('sha256').update(long).digest('hex'));
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('agrees with Node for any bytes, across block boundaries', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        expect(digestHex(bytes)).toBe(createHash('sha256').update(bytes).digest('hex'));
      }),
      { numRuns: 1000, seed: 1 },
    );
  });

  it('gives the same digest by Web Crypto, and so the same letter ids when the parser uses it', async () => {
    const texts = ['', 'abc', '’ – 🙂 \ud800 x', 'x'.repeat(100_000)];
    for (const text of texts) expect(await webSha256Hex(text)).toBe(sha256Hex(text));
    // Texts are encoded into the same kept bytes: digests asked for together must not see each other's.
    const together = [...texts].reverse().concat(texts);
    expect(await Promise.all(together.map(webSha256Hex))).toEqual(together.map(sha256Hex));
    const ids = async () => {
      const found: string[] = [];
      for (const file of SAMPLE_FILES) {
        const outcome = await parseLetterText(sampleText(file));
        if (!outcome.ok) throw new Error(outcome.reason);
        found.push(outcome.letter.id);
      }
      return found;
    };
    const byDefault = await ids();
    digestIdsWith(webSha256Hex);
    try {
      expect(await ids()).toEqual(byDefault);
    } finally {
      digestIdsWith(sha256Hex);
    }
  });
});
