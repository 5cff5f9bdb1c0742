import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { STOP_WORDS, WORD_PATTERN, isStopWord, normaliseApostrophes, normaliseWord, possessiveBase, wordSpans, wordsOf } from './words';

describe('words', () => {
  it('splits text into words of letters and digits, apostrophes kept inside', () => {
    expect(wordsOf("The children's services (CAA) scored 3, well-being: good.")).toEqual(['The', "children's", 'services', 'CAA', 'scored', '3', 'well', 'being', 'good']);
    expect(wordsOf('Children\u2019s \u2018care\u2019')).toEqual(["Children's", 'care']);
    expect(wordsOf('Ofsted’s')).toEqual(["Ofsted's"]);
    expect(wordsOf('')).toEqual([]);
    expect(wordsOf('— … ()')).toEqual([]);
  });

  it('keeps letters of any alphabet', () => {
    expect(wordsOf('café naïve Zürich')).toEqual(['café', 'naïve', 'Zürich']);
  });

  it('normalises apostrophes one for one, so offsets stay valid', () => {
    const text = 'a\u2019b \u02bcc `d \u00b4e';
    expect(normaliseApostrophes(text)).toBe("a'b 'c 'd 'e");
    expect(normaliseApostrophes(text)).toHaveLength(text.length);
    expect(normaliseWord('Children\u2019S')).toBe("children's");
  });

  it('gives each word with its place in the original text', () => {
    const text = 'Looked\u2019s  after, children';
    const spans = wordSpans(text);
    expect(spans.map((s) => s.word)).toEqual(["looked's", 'after', 'children']);
    for (const span of spans) expect(normaliseWord(text.slice(span.start, span.end))).toBe(span.word);
  });

  it("finds a possessive's base", () => {
    expect(possessiveBase("children's")).toBe('children');
    expect(possessiveBase('children')).toBeNull();
    expect(possessiveBase("'s")).toBeNull();
    expect(possessiveBase("don't")).toBeNull();
  });

  it('has a short list of lower-case function words, and not words that matter in these letters', () => {
    expect(isStopWord('the')).toBe(true);
    expect(isStopWord('and')).toBe(true);
    expect(isStopWord('of')).toBe(true);
    for (const word of ['not', 'well', 'being', 'upon', 'all', 'no', 'good', 'children', 'care', 'safe']) expect(isStopWord(word), word).toBe(false);
    for (const word of STOP_WORDS) expect(word).toBe(word.toLowerCase());
    expect(STOP_WORDS.size).toBeLessThan(100);
  });
});

describe('the ASCII fast path for finding words', () => {
  it('finds exactly the words the full pattern finds, whatever the text holds', () => {
    const pieces = ['care', 'Leaver', "children's", '2009', ' ', '\n', '-', "'", '’', '£', '–', '—', '“', '”', '…', '•', '\u00a0', 'é', 'Ça', 'naïve', '½', '٣', 'x²', 'ﬁ', '.', ',', '\t', '\r\n', '\u0001', '\u007f'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 30 }), (parts) => {
        const text = parts.join('');
        const full = normaliseApostrophes(text).match(WORD_PATTERN) ?? [];
        expect(wordsOf(text)).toEqual(full);
        expect(wordSpans(text).map((s) => s.word)).toEqual(full.map((w) => w.toLowerCase()));
      }),
      { numRuns: 2000 },
    );
  });
});
