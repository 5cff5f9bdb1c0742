import { describe, expect, it } from 'vitest';
import { addRecent, addSaved, parseRecent, parseSaved, RECENT_LIMIT, removeSaved } from './search-history';

describe('recent searches', () => {
  it('puts the newest first and drops an older copy, ignoring case and spaces', () => {
    expect(addRecent(['adoption', 'Fostering', 'grade:1'], ' fostering ')).toEqual(['fostering', 'adoption', 'grade:1']);
  });

  it(`keeps no more than ${RECENT_LIMIT}`, () => {
    let recent: string[] = [];
    for (let i = 0; i < 15; i += 1) recent = addRecent(recent, `query ${i}`);
    expect(recent).toHaveLength(RECENT_LIMIT);
    expect(recent[0]).toBe('query 14');
  });

  it('ignores a blank search', () => {
    expect(addRecent(['a'], '  ')).toEqual(['a']);
  });

  it('reads only a list of strings from settings', () => {
    expect(parseRecent(undefined)).toEqual([]);
    expect(parseRecent('fostering')).toEqual([]);
    expect(parseRecent(['fostering', 3, '', null, 'adoption'])).toEqual(['fostering', 'adoption']);
  });
});

describe('saved searches', () => {
  it('keeps them in name order and replaces one saved under the same name', () => {
    let saved = addSaved([], 'Safety', 'outcome:"staying safe" grade:<=2');
    saved = addSaved(saved, 'adoption', 'adoption');
    saved = addSaved(saved, 'safety', 'staying safe');
    expect(saved).toEqual([
      { name: 'adoption', query: 'adoption' },
      { name: 'safety', query: 'staying safe' },
    ]);
  });

  it('names a search by its query when no name is given', () => {
    expect(addSaved([], ' ', 'fostering')).toEqual([{ name: 'fostering', query: 'fostering' }]);
  });

  it('removes by name', () => {
    expect(removeSaved([{ name: 'a', query: 'x' }, { name: 'b', query: 'y' }], 'a')).toEqual([{ name: 'b', query: 'y' }]);
  });

  it('reads only well-formed entries from settings', () => {
    expect(parseSaved([{ name: 'a', query: 'x' }, { name: 1 }, 'b', null])).toEqual([{ name: 'a', query: 'x' }]);
    expect(parseSaved({})).toEqual([]);
  });
});
