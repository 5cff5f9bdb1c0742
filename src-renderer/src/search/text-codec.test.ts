// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { WORD_PATTERN, normaliseApostrophes } from '../../../src-shared/search/words';
import { TextCodec, scannable } from './text-codec';
import { WordTable } from './word-table';

/** Encodes and decodes with a vocabulary of its own, as the index does. */
function roundTrip(codec: TextCodec, text: string, words = new WordTable()): string {
  const encoded = codec.encode(text, words);
  return codec.decode(encoded.ids, words.words, encoded.layout, encoded.extras);
}

/**
 * Encodes texts made of `pieces` as the index does, and by the Unicode word pattern: each must
 * be scannable, and give the same words, layout, extras and count of words as written. One
 * codec and one vocabulary a side for every text, as an index keeps them: words met before,
 * the table growing, and the count of words as written starting afresh each text.
 */
function expectScanAsPattern(pieces: fc.Arbitrary<string>, seed: number): void {
  const [scanCodec, patternCodec] = [new TextCodec(), new TextCodec()];
  const [byScan, byPattern] = [new WordTable(), new WordTable()];
  fc.assert(
    fc.property(fc.array(pieces, { maxLength: 30 }), (parts) => {
      const text = parts.join('');
      const normalised = normaliseApostrophes(text);
      expect(scannable(normalised)).toBe(true);
      const scanned = scanCodec.encode(text, byScan);
      expect(scanned).toEqual(patternCodec.encodeByPattern(text, normalised, WORD_PATTERN, byPattern));
      expect(byScan.words).toEqual(byPattern.words);
      expect(scanCodec.decode(scanned.ids, byScan.words, scanned.layout, scanned.extras)).toBe(text);
    }),
    { seed, numRuns: 2000 },
  );
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
    const words = new WordTable();
    const encoded = new TextCodec().encode('Looked after CHILDREN’s homes', words);
    expect(words.words).toEqual(['looked', 'after', "children's", 'homes']);
    expect([...encoded.ids]).toEqual([0, 1, 2, 3]);
    expect(encoded.layout).toHaveLength(5);
  });

  it('keeps separators beyond the 63 it numbers as extras', () => {
    const codec = new TextCodec();
    const words = new WordTable();
    const text = Array.from({ length: 100 }, (_, i) => `word${'.'.repeat(i + 1)}`).join('');
    expect(roundTrip(codec, text, words)).toBe(text);
    expect(codec.separators.length).toBe(63);
    // A codec made from the saved separators reads what the first one wrote.
    const again = new TextCodec(codec.separators);
    const encoded = codec.encode(text, words);
    expect(again.decode(encoded.ids, words.words, encoded.layout, encoded.extras)).toBe(text);
  });

  it('gives back any stretch of words, with the separators around it', () => {
    const codec = new TextCodec();
    const words = new WordTable();
    const text = '  One, TWO three’s Four  (five).\n';
    const encoded = codec.encode(text, words);
    const range = (from: number, to: number) => codec.decodeRange(encoded.ids, words.words, encoded.layout, encoded.extras, from, to);
    expect(range(0, 5)).toBe(text);
    expect(range(0, 2)).toBe('  One, TWO');
    expect(range(2, 4)).toBe(' three’s Four');
    expect(range(3, 99)).toBe(' Four  (five).\n');
    expect(range(5, 5)).toBe(').\n');
    expect(range(-3, 1)).toBe('  One');
  });

  it('gives back any text exactly (property)', () => {
    const codec = new TextCodec();
    const words = new WordTable();
    const pieces = fc.oneof(
      fc.constantFrom('Fostering', 'CHILDREN', 'children’s', "it's", 'McDonald', 'ß', 'İ', 'ǅ', '2009', ' ', '  ', '\n', ', ', '. ', '–', '’', "'", '-', '🙂'),
      fc.string({ unit: 'grapheme', maxLength: 6 }),
      fc.string({ unit: 'binary', maxLength: 4 }),
    );
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 30 }), (parts) => {
        const text = parts.join('');
        expect(roundTrip(codec, text, words)).toBe(text);
      }),
      { seed: 20091209, numRuns: 1000 },
    );
  });

  it('reads plain text by its scan exactly as by the word pattern (property)', () => {
    // Text of ASCII and the punctuation letters use, where encode takes the scan.
    const pieces = fc.oneof(
      fc.constantFrom('Fostering', 'CHILDREN', 'children’s', 'CHILDREN’S', 'children`s', 'Council´s', 'IT`S', "it's", "IT'S", 'McDonald', "O'Neil", 'O’NEIL', 'A', 'a1', 'A1', '1A', '2009', "o'", "'s", '‘quoted’', ' ', '  ', '\n', '\t', ', ', '. ', '–', '£', '’', "'", "''", '-', '“', '”', '•'),
      fc.stringMatching(/^[A-Za-z0-9' .,’]{0,6}$/),
    );
    expectScanAsPattern(pieces, 20100301);
  });

  it('reads text with Latin-1 letters by its scan exactly as by the word pattern (property)', () => {
    // Accented letters, ß, µ and ÿ (whose upper cases are not one char of Latin-1), letters
    // and digits without case (ª, º, ², ½), Latin-1's signs, which are not word chars, and the
    // punctuation beyond Latin-1 that the scan reads (dashes, curly quotes, ellipsis, bullet).
    const pieces = fc.oneof(
      fc.constantFrom('École', 'ÉCOLE', 'école', 'café', 'CAFÉ', 'Café', 'cAfÉ', 'Straße', 'STRAßE', 'µg', 'Gµ', 'GµG', 'ÿes', 'Nº', 'nº', 'ª', '2²', '½', 'Øresund', 'ØRESUND', 'þorn', 'Þorn', "d'Été", 'D’ÉTÉ', "É'", 'É', 'é', '×', '÷', '«', '»', '\u00ad', '\u00a0', '°', '£', ' ', '\n', ', ', '’', "'", 'McDonald', 'CHILDREN', '–', '—', '“', '”', '…', '•', 'É—é'),
      fc.stringMatching(/^[A-Za-z0-9' .,’\u00a0-\u00ff]{0,6}$/),
    );
    expectScanAsPattern(pieces, 20100302);
  });

  it('leaves to the word pattern text with letters of other scripts or beyond the first plane', () => {
    expect(scannable('Café £5 – “fine” • 2½')).toBe(true);
    expect(scannable('Ÿ')).toBe(false);
    expect(scannable('Ελλάδα')).toBe(false);
    expect(scannable('🙂')).toBe(false);
  });
});
