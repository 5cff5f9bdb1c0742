import v8 from 'node:v8';
import { describe, expect, it } from 'vitest';
import { compactLetter } from './compact-letter';
import { parseLetterText } from './parse-letter';
import { SAMPLE_FILES, sampleText } from './test-support/sample-letters';

describe('compactLetter', () => {
  it('gives every sample letter back exactly, and in far fewer bytes when one curly apostrophe made its text two bytes a character', async () => {
    for (const file of SAMPLE_FILES) {
      const text = sampleText(file);
      const oneCurly = text.replace("'", '\u2019');
      expect(oneCurly, file).not.toBe(text);
      const outcome = await parseLetterText(oneCurly);
      if (!outcome.ok) throw new Error(outcome.reason);
      const { letter } = outcome;
      const compact = compactLetter(letter);
      expect(compact, file).toStrictEqual(letter);
      // v8.serialize writes strings as structured clone and IndexedDB do.
      const before = v8.serialize(letter).byteLength;
      const after = v8.serialize(compact).byteLength;
      expect(after, file).toBeLessThan(before * 0.7);
    }
  });
});
