import { describe, expect, it } from 'vitest';
import { appendFilter, hasFilter, removeFilter } from './query-edit';

describe('appendFilter', () => {
  it('adds the filter after the query, with one space', () => {
    expect(appendFilter('fostering  ', 'year:2009')).toBe('fostering year:2009');
    expect(appendFilter('', 'kind:apa')).toBe('kind:apa');
  });

  it('does not add a filter twice', () => {
    expect(appendFilter('fostering Year:2009', 'year:2009')).toBe('fostering Year:2009');
    expect(appendFilter('region:"west midlands" care', 'region:"West Midlands"')).toBe('region:"west midlands" care');
  });
});

describe('hasFilter and removeFilter', () => {
  it('treat a quoted value as part of its filter', () => {
    expect(hasFilter('care region:"west midlands"', 'region:"west midlands"')).toBe(true);
    expect(hasFilter('care region:"west"', 'region:"west midlands"')).toBe(false);
    expect(removeFilter('care region:"west midlands" grade:2', 'region:"west midlands"')).toBe('care grade:2');
  });

  it('leaves a query without the filter as it was', () => {
    expect(removeFilter('"private fostering" -adoption', 'year:2009')).toBe('"private fostering" -adoption');
  });
});
