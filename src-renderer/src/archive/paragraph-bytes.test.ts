// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Block } from '../../../src-shared/letters/letter';
import { parseLetter } from '../../../src-shared/letters/parse-letter';
import { judgementSection } from '../../../src-shared/summaries/letter-parts';
import { decodeParagraphs, encodeParagraphs, type ParagraphsApart } from './paragraph-bytes';
import { sampleFiles } from './test-support/memory-source';

const encoder = new TextEncoder();

/** The paragraphs of every section of `sections` but one, as a row keeps them apart. */
function apartOf(sections: readonly { paragraphs: Block[] }[], kept: number): ParagraphsApart {
  return sections.map((section, i) => (i === kept ? null : section.paragraphs));
}

describe('paragraphs kept as places in the letter’s text', () => {
  it('gives back every sample letter’s paragraphs as read, in a small part of their bytes as JSON', async () => {
    let keptBytes = 0;
    let jsonBytes = 0;
    for (const [name, bytes] of sampleFiles()) {
      const outcome = await parseLetter(bytes);
      if (!outcome.ok) throw new Error(`${name}: ${outcome.reason}`);
      const { letter, source } = outcome;
      const apart = apartOf(letter.sections, judgementSection(letter));
      const kept = encodeParagraphs(apart, source.text);
      expect(decodeParagraphs(kept, encoder.encode(source.text)), name).toEqual(apart);
      const json = encoder.encode(JSON.stringify(apart)).byteLength;
      expect(kept.byteLength, name).toBeLessThan(json / 2);
      keptBytes += kept.byteLength;
      jsonBytes += json;
    }
    // Most of the words are places in the text. A paragraph the parser changed is kept as written:
    // in these letters, those with words in *emphasis*, and the rows of the table of ratings.
    expect(keptBytes).toBeLessThan(jsonBytes / 6);
  });

  it('keeps as written a paragraph that is not a stretch of the text, or too short to be worth a place', () => {
    const text = 'Dear Director\n\nThe council has made good\nprogress in   reducing the num-\nber of young people who are not in education.\n';
    const apart: ParagraphsApart = [
      [
        { type: 'paragraph', text: 'The council has made good progress in reducing the num- ber of young people' },
        { type: 'paragraph', text: 'The council has made good progress in reducing the number of young people' },
        { type: 'list', items: ['Dear Director', 'who are not in education.', 'The council has made  good progress'] },
      ],
      null,
    ];
    const kept = encodeParagraphs(apart, text);
    const json = new TextDecoder().decode(kept.subarray(1));
    expect(JSON.parse(json)).toEqual([
      [[15, 92], 'The council has made good progress in reducing the number of young people', { l: ['Dear Director', [93, 118], 'The council has made  good progress'] }],
      null,
    ]);
    expect(decodeParagraphs(kept, encoder.encode(text))).toEqual(apart);
  });

  it('reads paragraphs kept as JSON, as archives kept them before', () => {
    const apart: ParagraphsApart = [null, [{ type: 'paragraph', text: 'Services for children are good.' }, { type: 'list', items: ['one', 'two'] }]];
    expect(decodeParagraphs(encoder.encode(JSON.stringify(apart)), undefined)).toEqual(apart);
  });

  it('reads nothing rather than wrong words from damaged bytes or a text that does not hold the places', () => {
    const text = 'The council has made good progress in reducing the number of young people.';
    const apart: ParagraphsApart = [[{ type: 'paragraph', text }]];
    const kept = encodeParagraphs(apart, text);
    expect(decodeParagraphs(kept, encoder.encode(text))).toEqual(apart);
    expect(decodeParagraphs(kept, undefined)).toBeNull();
    expect(decodeParagraphs(kept, encoder.encode(text.slice(0, 20)))).toBeNull();
    expect(decodeParagraphs(kept.subarray(0, kept.byteLength - 2), encoder.encode(text))).toBeNull();
    for (const bad of ['[[[5,2]]]', '[[[-1,4]]]', '[[[0.5,4]]]', '[[[1,2,3]]]', '[[{"l":3}]]', '[3]', '{}']) {
      const bytes = new Uint8Array([kept[0]!, ...encoder.encode(bad)]);
      expect(decodeParagraphs(bytes, encoder.encode(text)), bad).toBeNull();
    }
  });

  it('gives back any paragraphs exactly, whether stretches of the text or not', () => {
    // Texts of words, white space of every kind, and characters beyond ASCII; paragraphs cut from
    // them as a parser would (white space made one space), or mended, or made up.
    const piece = fc.constantFrom('children', 'Council', 'good', '’s', 'café', '£5', '𝒜', 'num-', 'ber', ' ', '  ', '\n', '\r\n', '\t', '\v', '\u00a0', '\f', '.', '"', '\\', '\uD800', '\uDC00', '\uFEFF');
    const textOf = fc.array(piece, { minLength: 1, maxLength: 60 }).map((pieces) => pieces.join(''));
    const spans = fc.array(fc.tuple(fc.nat(), fc.nat(), fc.constantFrom('cut', 'raw', 'mended', 'other')), { maxLength: 12 });
    fc.assert(
      fc.property(textOf, spans, textOf, (text, cuts, other) => {
        const blocks: Block[] = cuts.map(([a, b, how]) => {
          const [start, end] = [a % (text.length + 1), b % (text.length + 1)].sort((x, y) => x - y) as [number, number];
          // As a parser makes a paragraph of lines: each run of white space one space.
          const words = text.slice(start, end).replace(/[ \t\n\v\f\r]+/g, ' ').trim();
          const paragraph = how === 'cut' ? words : how === 'raw' ? text.slice(start, end) : how === 'mended' ? words.replace('num- ber', 'number') : other;
          return a % 3 === 0 ? { type: 'list', items: [paragraph, words] } : { type: 'paragraph', text: paragraph };
        });
        const apart: ParagraphsApart = [blocks, null, []];
        expect(decodeParagraphs(encodeParagraphs(apart, text), encoder.encode(text))).toEqual(apart);
      }),
      { numRuns: 2000, seed: 31 },
    );
  });
});
