import { describe, expect, it } from 'vitest';
import { lettersOfSameOccasion } from './same-occasion';

describe('lettersOfSameOccasion', () => {
  it('counts the letters of the same kind and date, and no others', () => {
    const counts = lettersOfSameOccasion([
      { id: 'a', kind: 'annual-rating', date: '2009-12-09' },
      { id: 'b', kind: 'annual-rating', date: '2009-12-09' },
      { id: 'c', kind: 'apa', date: '2009-12-09' },
      { id: 'd', kind: 'apa', date: '2007-11-26' },
    ]);
    expect([...counts]).toEqual([
      ['a', 2],
      ['b', 2],
      ['c', 1],
      ['d', 1],
    ]);
  });
});
