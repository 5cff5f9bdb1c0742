import { describe, expect, it } from 'vitest';
import { findTermRanges, queryWords, splitByRanges } from './highlight';

const marked = (text: string, terms: string[]): string[] =>
  splitByRanges(text, findTermRanges(text, terms))
    .filter((s) => s.marked)
    .map((s) => s.text);

describe('findTermRanges', () => {
  it('finds a term in any case', () => {
    expect(findTermRanges('Staying safe is judged adequate. SAFE.', ['safe'])).toEqual([
      [8, 12],
      [33, 37],
    ]);
  });

  it('matches the start of words only, and marks the whole word', () => {
    expect(marked('Safeguarding is unsafe when not safe', ['safe'])).toEqual(['Safeguarding', 'safe']);
  });

  it("stops at an apostrophe, so \"children\" marks children's without the s", () => {
    expect(marked("the children's services", ['children'])).toEqual(['children']);
  });

  it('merges overlapping matches and keeps separate ones apart', () => {
    expect(findTermRanges('looked after children', ['looked after', 'after', 'children'])).toEqual([
      [0, 12],
      [13, 21],
    ]);
  });

  it('treats terms as text, not patterns', () => {
    expect(marked('a (CAMHS) b.c', ['(camhs)', 'b.c'])).toEqual(['(CAMHS)', 'b.c']);
    expect(marked('abc', ['.'])).toEqual([]);
  });

  it('works on letters beyond ASCII', () => {
    expect(marked('Ésprit and ésprit, naïve', ['ésprit', 'naï'])).toEqual(['Ésprit', 'ésprit', 'naïve']);
  });

  it('gives nothing for no terms or blank terms', () => {
    expect(findTermRanges('text', [])).toEqual([]);
    expect(findTermRanges('text', ['  ', ''])).toEqual([]);
  });
});

describe('splitByRanges', () => {
  it('keeps every character, in order', () => {
    const text = 'Being healthy: good outcomes for being healthy';
    const segments = splitByRanges(text, findTermRanges(text, ['healthy']));
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

describe('queryWords', () => {
  it('leaves out field filters, exclusions and operators', () => {
    expect(queryWords('looked after grade:1 -adoption OR "care leavers"')).toEqual(['looked', 'after', 'care', 'leavers']);
  });
});
