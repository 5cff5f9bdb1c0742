import { describe, expect, it } from 'vitest';
import { countOf, formatLetterDate, kindLabel, kindShortLabel, personLine } from './format';

describe('format', () => {
  it('writes dates as the letters do', () => {
    expect(formatLetterDate('2009-12-09')).toBe('9 December 2009');
    expect(formatLetterDate('2007-11-26')).toBe('26 November 2007');
    expect(formatLetterDate('not a date')).toBe('not a date');
    expect(formatLetterDate('2009-13-01')).toBe('2009-13-01');
  });

  it('names the kinds', () => {
    expect(kindLabel('apa')).toBe('Annual performance assessment');
    expect(kindLabel('annual-rating')).toBe('Annual rating');
    expect(kindShortLabel('apa')).toBe('APA');
    expect(kindShortLabel('annual-rating')).toBe('Annual rating');
  });

  it('counts in words', () => {
    expect(countOf(1, 'letter')).toBe('1 letter');
    expect(countOf(2, 'letter')).toBe('2 letters');
    expect(countOf(0, 'letter')).toBe('0 letters');
    expect(countOf(12000, 'file')).toBe('12,000 files');
  });

  it('writes a person with their role', () => {
    expect(personLine({ name: 'Colin Green', role: 'Director of Children, Learning and Young People' })).toBe(
      'Colin Green, Director of Children, Learning and Young People',
    );
    expect(personLine({ name: 'Ged Rowney', role: '' })).toBe('Ged Rowney');
  });
});
