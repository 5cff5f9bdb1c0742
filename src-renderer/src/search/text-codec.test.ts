// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normaliseApostrophes, wordPatternFor } from '../../../src-shared/search/words';
import { TextCodec } from './text-codec';

/** Encodes and decodes with a vocabulary of its own, as the index does. */
function roundTrip(codec: TextCodec, text: string, words: string[] = [], ids = new Map<string, number>()): string {
  const wordId = (word: string) => {
    let id = ids.get(word);
    if (id === undefined) {
      id = words.length;
      words.push(word);
      ids.set(word, id);
    }
    return id;
  };
  const encoded = codec.encode(text, wordId);
  return codec.decode(encoded.ids, words, encoded.layout, encoded.extras);
}

describe('TextCodec', () => {
  it('gives back texts exactly: case, apostrophes, punctuation, line breaks, leading and trailing space', () => {
    const codec = new TextCodec();
    for (const text of [
      '',
      '   ',
      'Children’s services in COVENTRY are good.',
      "  The council's work\nwith iPhone users – and McDonald's – e.g. 3.5%!  ",
      'İstanbul ǅemal Straße ß',
      'emoji 🙂 between words 🙂',
    ]) {
      expect(roundTrip(codec, text)).toBe(text);
    }
  });

  it('numbers words by their normalised form, so phrases and the index agree', () => {
    const words: string[] = [];
    const encoded = new TextCodec().encode('Looked after CHILDREN’s homes', (w) => words.push(w) - 1);
    expect(words).toEqual(['looked', 'after', "children's", 'homes']);
    expect(encoded.ids).toEqual([0, 1, 2, 3]);
    expect(encoded.layout).toHaveLength(5);
  });

  it('keeps separators beyond the 63 it numbers as extras', () => {
    const codec = new TextCodec();
    const words: string[] = [];
    const ids = new Map<string, number>();
    const text = Array.from({ length: 100 }, (_, i) => `word${'.'.repeat(i + 1)}`).join('');
    expect(roundTrip(codec, text, words, ids)).toBe(text);
    expect(codec.separators.length).toBe(63);
    // A codec made from the saved separators reads what the first one wrote.
    const again = new TextCodec(codec.separators);
    const encoded = codec.encode(text, (w) => ids.get(w)!);
    expect(again.decode(encoded.ids, words, encoded.layout, encoded.extras)).toBe(text);
  });

  it('gives back any stretch of words, with the separators around it', () => {
    const codec = new TextCodec();
    const words: string[] = [];
    const text = '  One, TWO three’s Four  (five).\n';
    const encoded = codec.encode(text, (w) => (words.includes(w) ? words.indexOf(w) : words.push(w) - 1));
    const range = (from: number, to: number) => codec.decodeRange(encoded.ids, words, encoded.layout, encoded.extras, from, to);
    expect(range(0, 5)).toBe(text);
    expect(range(0, 2)).toBe('  One, TWO');
    expect(range(2, 4)).toBe(' three’s Four');
    expect(range(3, 99)).toBe(' Four  (five).\n');
    expect(range(5, 5)).toBe(').\n');
    expect(range(-3, 1)).toBe('  One');
  });

  it('gives back any text exactly (property)', () => {
    const codec = new TextCodec();
    const words: string[] = [];
    const ids = new Map<string, number>();
    const pieces = fc.oneof(
      fc.constantFrom('Fostering', 'CHILDREN', 'children’s', "it's", 'McDonald', 'ß', 'İ', 'ǅ', '2009', ' ', '  ', '\n', ', ', '. ', '–', '’', "'", '-', '🙂'),
      fc.string({ unit: 'grapheme', maxLength: 6 }),
      fc.string({ unit: 'binary', maxLength: 4 }),
    );
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 30 }), (parts) => {
        const text = parts.join('');
        expect(roundTrip(codec, text, words, ids)).toBe(text);
      }),
      { seed: 20091209, numRuns: 1000 },
    );
  });

  it('reads plain text by its scan exactly as by the word pattern (property)', () => {
    // Text of ASCII and the punctuation letters use, where encode takes the scan.
    const pieces = fc.oneof(
      fc.constantFrom('Fostering', 'CHILDREN', 'children’s', 'CHILDREN’S', "it's", "IT'S", 'McDonald', 'A', 'a1', 'A1', '1A', '2009', "o'", "'s", '‘quoted’', ' ', '  ', '\n', '\t', ', ', '. ', '–', '£', '’', "'", "''", '-', '“', '”', '•'),
      fc.stringMatching(/^[A-Za-z0-9' .,’]{0,6}$/),
    );
    const vocabulary = () => {
      const ids = new Map<string, number>();
      return (word: string) => ids.get(word) ?? (ids.set(word, ids.size), ids.size - 1);
    };
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 30 }), (parts) => {
        const text = parts.join('');
        const normalised = normaliseApostrophes(text);
        const pattern = wordPatternFor(normalised);
        expect(pattern.unicode).toBe(false);
        const [byScan, byPattern] = [new Set<string>(), new Set<string>()];
        const scanned = new TextCodec().encodePlain(text, normalised, vocabulary(), byScan);
        const matched = new TextCodec().encodeByPattern(text, normalised, pattern, vocabulary(), byPattern);
        expect(scanned).toEqual(matched);
        expect([...byScan]).toEqual([...byPattern]);
      }),
      { seed: 20100301, numRuns: 2000 },
    );
  });
});
