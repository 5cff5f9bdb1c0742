import { describe, expect, it } from 'vitest';
import { makeHitMatcher, splitByRanges, type HitTerms } from './highlight';

describe('splitByRanges', () => {
  it('keeps every character, in order', () => {
    const text = 'Being healthy: good outcomes for being healthy';
    const segments = splitByRanges(text, [[6, 13], [39, 46]]);
    expect(segments.map((s) => s.text).join('')).toBe(text);
    expect(segments.filter((s) => s.marked)).toHaveLength(2);
  });

  it('returns the whole text unmarked when there is nothing to mark', () => {
    expect(splitByRanges('plain', [])).toEqual([{ text: 'plain', marked: false }]);
    expect(splitByRanges('', [])).toEqual([{ text: '', marked: false }]);
  });

  it('ignores ranges out of bounds or out of order', () => {
    expect(splitByRanges('abcdef', [[4, 99], [1, 2]])).toEqual([
      { text: 'abcd', marked: false },
      { text: 'ef', marked: true },
    ]);
  });
});

describe('makeHitMatcher', () => {
  const hits = (text: string, terms: Partial<HitTerms>): string[] => {
    const match = makeHitMatcher({ words: [], phrases: [], ...terms });
    return match ? match(text).map(([a, b]) => text.slice(a, b)) : [];
  };

  it('marks whole words only, in any case', () => {
    expect(hits('Safe, unsafe, SAFE and safeguarding', { words: ['safe'] })).toEqual(['Safe', 'SAFE']);
  });

  it('marks every form the search gives', () => {
    expect(hits('Fostering: fostered carers foster', { words: ['fostering', 'foster'] })).toEqual(['Fostering', 'foster']);
  });

  it('marks a phrase as one hit across spaces, line breaks and punctuation', () => {
    expect(hits('similar authorities; similar local authorities; Similar\nAuthorities', { phrases: [['similar', 'authorities']] })).toEqual([
      'similar authorities',
      'Similar\nAuthorities',
    ]);
  });

  it('prefers the longer phrase, and a phrase over its own words', () => {
    expect(
      hits('looked after children are looked after', { words: ['looked'], phrases: [['looked', 'after'], ['looked', 'after', 'children']] }),
    ).toEqual(['looked after children', 'looked after']);
  });

  it("marks a possessive with its word, and a curly apostrophe like a straight one", () => {
    expect(hits('the children\u2019s services and children', { words: ['children'] })).toEqual(['children\u2019s', 'children']);
    expect(hits("the children's services", { phrases: [["children's", 'services']] })).toEqual(["children's services"]);
  });

  it('is null when there is nothing to mark', () => {
    expect(makeHitMatcher({ words: [], phrases: [] })).toBeNull();
    expect(makeHitMatcher({ words: ['', '  '], phrases: [[]] })).toBeNull();
  });

  it('takes words as given in any case', () => {
    expect(hits('Fostering', { words: ['FOSTERING'] })).toEqual(['Fostering']);
  });
});
