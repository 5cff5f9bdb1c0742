import { describe, expect, it } from 'vitest';
import { curlyQuotes, hardWrap, loseApostrophes } from '../../src-main/corpus/damage';
import { findCouncilName, replaceCouncil } from '../../src-main/corpus/vary-letter';
import type { Letter } from './letter';
import { parseLetterText } from './parse-letter';
import { SAME_LETTER_SIMILARITY, isSameLetter, letterWords, similarity, wordRuns } from './same-letter';
import { SAMPLE_FILES, sampleText } from './test-support/sample-letters';

async function read(text: string): Promise<Letter> {
  const outcome = await parseLetterText(text);
  if (!outcome.ok) throw new Error(outcome.reason);
  return outcome.letter;
}

describe('the same letter', () => {
  it('is the same letter with curly quotes, lost apostrophes or hard-wrapped, though its id differs', async () => {
    for (const file of SAMPLE_FILES) {
      const text = sampleText(file);
      const letter = await read(text);
      for (const copy of [curlyQuotes(text), loseApostrophes(text), hardWrap(curlyQuotes(text), 64)]) {
        expect(isSameLetter(letter, await read(copy)), file).toBe(true);
      }
      expect((await read(curlyQuotes(text))).id).not.toBe(letter.id);
    }
  });

  it('is two letters when a council had two different letters of the same kind and date', async () => {
    // Stoke-on-Trent's 2009 letter, said of Coventry on the day of Coventry's own: same occasion, other words.
    const stoke = sampleText('stoke-on-trent-2009-annual-rating.txt');
    const asCoventry = replaceCouncil(stoke, findCouncilName(stoke)!, { officialName: 'Coventry City Council', displayName: 'Coventry' });
    const coventry = await read(sampleText('coventry-2009-annual-rating.txt'));
    const other = await read(asCoventry);
    expect(other.date).toBe(coventry.date);
    expect(other.council.displayName).toBe('Coventry');
    expect(isSameLetter(coventry, other)).toBe(false);
  });

  it('is two letters when one paragraph of the reasons was rewritten', async () => {
    const text = sampleText('coventry-2009-annual-rating.txt');
    const paragraph = 'The quality of provision for children and young people whose circumstances make them vulnerable is very good';
    expect(text).toContain(paragraph);
    const rewritten = text.replace(
      /The quality of provision for children[^\n]*/,
      'Services for children whose circumstances make them vulnerable are inadequate: two of the eight special schools were judged inadequate, and the fostering service has not been inspected since the council reorganised it.',
    );
    const a = wordRuns(letterWords(await read(text)));
    const b = wordRuns(letterWords(await read(rewritten)));
    expect(similarity(a, b)).toBeLessThan(SAME_LETTER_SIMILARITY);
  });

  it('is not the same letter on another date or about another council', async () => {
    const text = sampleText('leicester-2009-annual-rating.txt');
    const letter = await read(text);
    expect(isSameLetter(letter, await read(text.replace('9 December 2009', '10 December 2009')))).toBe(false);
  });
});

describe('the same letter, continued', () => {
  it('is two letters when the same words give another rating', async () => {
    const text = sampleText('stoke-on-trent-2009-annual-rating.txt');
    const letter = await read(text);
    const poorly = await read(text.replace(/Performs? adequately \(2\)/i, 'Performs poorly (1)'));
    expect(poorly.overall?.grade).toBe(1);
    expect(similarity(wordRuns(letterWords(letter)), wordRuns(letterWords(poorly)))).toBeGreaterThan(SAME_LETTER_SIMILARITY);
    expect(isSameLetter(letter, poorly)).toBe(false);
  });

  it('is not the same letter about another council', async () => {
    const text = sampleText('leicester-2009-annual-rating.txt');
    const other = replaceCouncil(text, findCouncilName(text)!, { officialName: 'Walsall Metropolitan Borough Council', displayName: 'Walsall' });
    expect(isSameLetter(await read(text), await read(other))).toBe(false);
  });
});
