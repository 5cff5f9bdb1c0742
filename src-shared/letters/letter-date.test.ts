import { describe, expect, it } from 'vitest';
import { findLetterDate, isoDate } from './letter-date';

describe('findLetterDate', () => {
  it('reads dates written in words, abbreviated or not', () => {
    expect(findLetterDate('Sent 26 November 2007 to')).toBe('2007-11-26');
    expect(findLetterDate('9 Sept 2009')).toBe('2009-09-09');
    expect(findLetterDate('9 Sep. 2009')).toBe('2009-09-09');
    expect(findLetterDate('1st March, 2006')).toBe('2006-03-01');
  });

  it('reads British numeric dates, day first, when there is no date in words', () => {
    expect(findLetterDate('Date: 09/12/2009')).toBe('2009-12-09');
    expect(findLetterDate('9.12.2009')).toBe('2009-12-09');
    expect(findLetterDate('12/09/2009 and 3 March 2008')).toBe('2008-03-03');
  });

  it('skips days that do not exist', () => {
    expect(findLetterDate('31 February 2009, then 2 March 2009')).toBe('2009-03-02');
    expect(findLetterDate('31/13/2009')).toBeNull();
    expect(isoDate(29, 2, 2008)).toBe('2008-02-29');
    expect(isoDate(29, 2, 2009)).toBeNull();
  });
});
