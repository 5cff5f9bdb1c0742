import v8 from 'node:v8';
import { describe, expect, it } from 'vitest';
import { letterFromJson, letterJson, lettersFromJson, lettersJson } from './letter-json';
import { parseLetterText } from './parse-letter';
import { SAMPLE_FILES, sampleText } from './test-support/sample-letters';

describe('letters sent as JSON', () => {
  it('come back exactly, and in far fewer bytes when one curly apostrophe made their text two bytes a character', async () => {
    const sent: string[] = [];
    const letters = [];
    for (const file of SAMPLE_FILES) {
      const text = sampleText(file);
      const oneCurly = text.replace("'", '\u2019');
      expect(oneCurly, file).not.toBe(text);
      const outcome = await parseLetterText(oneCurly);
      if (!outcome.ok) throw new Error(outcome.reason);
      const { letter } = outcome;
      const json = letterJson(letter);
      const received = letterFromJson(json);
      expect(received, file).toStrictEqual(letter);
      // v8.serialize writes strings as structured clone and IndexedDB do.
      const before = v8.serialize(letter).byteLength;
      const after = v8.serialize(received).byteLength;
      expect(after, file).toBeLessThan(before * 0.7);
      sent.push(json);
      letters.push(letter);
    }
    expect(lettersFromJson(lettersJson(sent))).toStrictEqual(letters);
    expect(lettersFromJson(lettersJson([]))).toEqual([]);
    expect(lettersFromJson('{"id":"x"}')).toEqual([]);
  });
});
