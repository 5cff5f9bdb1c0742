import { describe, expect, it } from 'vitest';
import { rating } from '../../../src-shared/letters/letter';
import { filterCouncils, sortCouncils } from './council-order';

const rows = [
  { displayName: 'Worcestershire', name: 'Worcestershire County Council', region: 'West Midlands', code: '885', latest: rating('annual-rating', 2) },
  { displayName: 'Coventry', name: 'Coventry City Council', region: 'West Midlands', code: '331', latest: rating('annual-rating', 3) },
  { displayName: 'Leicester', name: 'Leicester City Council', region: 'East Midlands', code: '856', latest: rating('annual-rating', 2) },
  { displayName: 'Somewhere', name: 'Somewhere Council', region: null, code: null, latest: null },
  { displayName: 'Stoke-on-Trent', name: 'Stoke-on-Trent City Council', region: 'West Midlands', code: '861', latest: rating('apa', 4) },
];
const names = (r: { displayName: string }[]): string[] => r.map((x) => x.displayName);

describe('filterCouncils', () => {
  it('matches every word against name, region and code, ignoring case', () => {
    expect(names(filterCouncils(rows, 'west'))).toEqual(['Worcestershire', 'Coventry', 'Stoke-on-Trent']);
    expect(names(filterCouncils(rows, 'CITY west'))).toEqual(['Coventry', 'Stoke-on-Trent']);
    expect(names(filterCouncils(rows, '856'))).toEqual(['Leicester']);
    expect(filterCouncils(rows, '  ')).toHaveLength(rows.length);
  });

  it('ignores accents', () => {
    expect(names(filterCouncils(rows, 'Coventrý'))).toEqual(['Coventry']);
  });
});

describe('sortCouncils', () => {
  it('sorts by name', () => {
    expect(names(sortCouncils(rows, 'name'))).toEqual(['Coventry', 'Leicester', 'Somewhere', 'Stoke-on-Trent', 'Worcestershire']);
  });

  it('sorts by rating either way, with unrated councils last', () => {
    expect(names(sortCouncils(rows, 'rating-best'))).toEqual(['Stoke-on-Trent', 'Coventry', 'Leicester', 'Worcestershire', 'Somewhere']);
    expect(names(sortCouncils(rows, 'rating-weakest'))).toEqual(['Leicester', 'Worcestershire', 'Coventry', 'Stoke-on-Trent', 'Somewhere']);
  });

  it('leaves its input alone', () => {
    const before = names(rows);
    sortCouncils(rows, 'rating-best');
    expect(names(rows)).toEqual(before);
  });
});
