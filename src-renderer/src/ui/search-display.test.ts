import { describe, expect, it } from 'vitest';
import { elapsedText, flattenResults, hitCountText, resultCountText, resultKey, showMoreText, stepHit } from './search-display';

describe('flattenResults', () => {
  it('lists sections letter by letter, keyed by letter and section', () => {
    const rows = flattenResults([
      { letterId: 'a', sections: [{ sectionIndex: 3 }, { sectionIndex: 1 }] },
      { letterId: 'b', sections: [{ sectionIndex: 0 }] },
    ]);
    expect(rows.map((r) => r.key)).toEqual([resultKey('a', 3), resultKey('a', 1), resultKey('b', 0)]);
    expect(rows[2]?.letter.letterId).toBe('b');
  });
});

describe('wording', () => {
  it('counts sections and letters', () => {
    expect(resultCountText(1, 1, 1)).toBe('1 section in 1 letter');
    expect(resultCountText(12345, 4321, 30)).toBe('12,345 sections in 4,321 letters; 30 shown');
    expect(resultCountText(12, 5, 5)).toBe('12 sections in 5 letters');
  });

  it('says what "Show more" will add', () => {
    expect(showMoreText(30, 4321, 30)).toBe('Show 30 more letters');
    expect(showMoreText(30, 37, 30)).toBe('Show the last 7 letters');
    expect(showMoreText(30, 31, 30)).toBe('Show the last letter');
  });

  it('gives the time in ms, or seconds when long', () => {
    expect(elapsedText(7.6)).toBe('8 ms');
    expect(elapsedText(0.2)).toBe('under 1 ms');
    expect(elapsedText(1530)).toBe('1.5 s');
  });

  it('says which hit is current', () => {
    expect(hitCountText(2, 12)).toBe('Hit 3 of 12');
    expect(hitCountText(-1, 12)).toBe('12 hits');
    expect(hitCountText(-1, 0)).toBe('No hits in this letter');
  });
});

describe('stepHit', () => {
  it('goes round at either end', () => {
    expect(stepHit(11, 12, 1)).toBe(0);
    expect(stepHit(0, 12, -1)).toBe(11);
    expect(stepHit(4, 12, 1)).toBe(5);
  });

  it('starts at the first or last hit when none is current', () => {
    expect(stepHit(-1, 5, 1)).toBe(0);
    expect(stepHit(-1, 5, -1)).toBe(4);
    expect(stepHit(-1, 0, 1)).toBe(-1);
  });
});
