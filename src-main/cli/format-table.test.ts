import { describe, expect, it } from 'vitest';
import { rating, type Letter, type Section } from '../../src-shared/letters/letter';
import { cleanCell, formatRating, formatSectionGrades, formatSummary, formatTable, truncate, type FileResult } from './format-table';

function section(outcome: Section['outcome'], grade?: 1 | 2 | 3 | 4): Section {
  return {
    heading: outcome ?? 'Introduction',
    outcome,
    grade: grade ? rating('apa', grade) : undefined,
    paragraphs: [],
    recommendations: [],
    areasForDevelopment: [],
  };
}

const apaLetter: Letter = {
  id: 'abc',
  kind: 'apa',
  date: '2007-11-26',
  year: 2007,
  title: '2007 annual performance assessment',
  council: { name: 'Coventry City Council', displayName: 'Coventry', code: '331', region: 'West Midlands' },
  recipient: null,
  signatory: null,
  overall: rating('apa', 3),
  sections: [
    section(undefined),
    section('overall-effectiveness', 3),
    section('being-healthy', 3),
    section('staying-safe', 2),
    section('enjoying-and-achieving', 3),
    section('making-a-positive-contribution', 4),
    section('achieving-economic-well-being', 3),
    section('capacity-to-improve', 3),
  ],
  warnings: ['the date is written twice', 'a grade was on its own line'],
};

const ratingLetter: Letter = {
  ...apaLetter,
  id: 'def',
  kind: 'annual-rating',
  date: '2009-12-09',
  council: { ...apaLetter.council, name: 'Stoke-on-Trent City Council', displayName: 'Stoke-on-Trent' },
  overall: rating('annual-rating', 2),
  sections: [],
  warnings: [],
};

describe('cell formatting', () => {
  it('writes a rating with its number and words', () => {
    expect(formatRating(rating('apa', 3))).toBe('3 · Good');
    expect(formatRating(rating('annual-rating', 2))).toBe('2 · Performs adequately');
    expect(formatRating(null)).toBe('');
  });

  it('writes the APA outcome grades compactly, leaving out the overall one', () => {
    expect(formatSectionGrades(apaLetter.sections)).toBe('BH3 SS2 EA3 PC4 EW3 CI3');
    expect(formatSectionGrades([section('staying-safe')])).toBe('SS?');
  });

  it('cuts long text with an ellipsis and blanks out control characters', () => {
    expect(truncate('abcdef', 4)).toBe('abc…');
    expect(truncate('abc', 4)).toBe('abc');
    expect(cleanCell('a\u001b[31mb\nc\u202e')).toBe('a [31mb c ');
  });
});

describe('formatTable', () => {
  const rows: FileResult[] = [
    { file: 'coventry-2007.txt', letter: apaLetter },
    { file: 'stoke-2009.txt', letter: ratingLetter },
    { file: 'notes/shopping-list.txt', error: 'not an Ofsted letter: no date line' },
    { file: `${'very-long-folder-name/'.repeat(4)}x.txt`, error: 'x'.repeat(300) },
  ];
  const lines = formatTable(rows).split('\n');

  it('prints a header, a rule and one line per file', () => {
    expect(lines).toHaveLength(6);
    expect(lines[0]).toMatch(/^File\s+Kind\s+Date\s+Council\s+Overall\s+Sections\s+Warnings \/ reason$/);
    expect(lines[1]).toMatch(/^-+( {2}-+){6}$/);
  });

  it('lines up the columns and fits 160 columns', () => {
    for (const line of lines) expect([...line].length).toBeLessThanOrEqual(160);
    const dateColumn = lines[0]?.indexOf('Date');
    expect(lines[2]?.indexOf('2007-11-26')).toBe(dateColumn);
    expect(lines[3]?.indexOf('2009-12-09')).toBe(dateColumn);
    expect(lines[4]?.indexOf('not an Ofsted')).toBe(lines[0]?.indexOf('Kind'));
  });

  it('shows each letter and each reason', () => {
    expect(lines[2]).toMatch(/coventry-2007\.txt\s+APA\s+2007-11-26\s+Coventry\s+3 · Good\s+BH3 SS2 EA3 PC4 EW3 CI3\s+the date is written twice; a gr/);
    expect(lines[3]).toMatch(/stoke-2009\.txt\s+rating\s+2009-12-09\s+Stoke-on-Trent\s+2 · Performs adequately$/);
    expect(lines[4]).toMatch(/^notes\/shopping-list\.txt\s+not an Ofsted letter: no date line$/);
    expect(lines[5]).toMatch(/^very-long-folder-name\/.*…\s+x+…$/);
  });

  it('sums up', () => {
    expect(formatSummary(rows)).toBe('4 files: 2 letters, 2 not read as letters.');
  });
});
