/** The archive summary and its sorting, built from all the sample letters. */
import { describe, expect, it } from 'vitest';
import { archiveSummary, sortArchiveRows, type ArchiveRow } from './archive-summary';
import { allSampleLetters } from './test-support/parsed-samples';

const names = (rows: readonly ArchiveRow[]): string[] => rows.map((r) => r.council);

describe('the archive summary of the sample letters', async () => {
  const letters = await allSampleLetters();
  const summary = archiveSummary(letters);

  it('has one row per council, by name', () => {
    expect(letters).toHaveLength(5);
    expect(summary.title).toBe('Archive summary: 4 councils');
    expect(summary.fileName).toBe('Archive summary - 4 councils.pdf');
    expect(names(summary.rows)).toEqual(['Coventry', 'Leicester', 'Stoke-on-Trent', 'Worcestershire']);
    expect(summary.rows.map((r) => r.region)).toEqual(['West Midlands', 'East Midlands', 'West Midlands', 'West Midlands']);
  });

  it('gives each council’s latest overall rating and, where known, its latest APA grades', () => {
    const [coventry, leicester] = summary.rows;
    expect(coventry?.latest.letter.dateText).toBe('9 December 2009');
    expect(coventry?.latest.rating).toEqual({ scale: 'annual-rating', grade: 3, label: 'Performs well' });
    expect(coventry?.apa?.letter.dateText).toBe('26 November 2007');
    expect(coventry?.apa?.ratings.map((r) => r?.label)).toEqual(['Good', 'Good', 'Adequate', 'Good', 'Outstanding', 'Good', 'Good']);
    expect(leicester?.latest.rating?.label).toBe('Performs adequately');
    expect(leicester?.apa).toBeNull();
  });

  it('keeps a council on one row when only some of its letters carry its DfE code, as the archive does', () => {
    const withoutCode = letters.map((l) => (l.council.displayName === 'Coventry' && l.kind === 'apa' ? { ...l, council: { ...l.council, code: null } } : l));
    expect(withoutCode.some((l) => l.council.displayName === 'Coventry' && l.council.code === null)).toBe(true);
    expect(names(archiveSummary(withoutCode).rows)).toEqual(names(summary.rows));
  });

  it('does not depend on the order of the letters', () => {
    expect(archiveSummary([...letters].reverse())).toEqual(summary);
  });

  it('sorts by a grade best first or weakest first, with ungraded councils last either way', () => {
    expect(names(sortArchiveRows(summary.rows, { key: 'latest', direction: 'descending' }))).toEqual([
      'Coventry', 'Leicester', 'Stoke-on-Trent', 'Worcestershire',
    ]);
    expect(names(sortArchiveRows(summary.rows, { key: 'latest', direction: 'ascending' }))).toEqual([
      'Leicester', 'Stoke-on-Trent', 'Worcestershire', 'Coventry',
    ]);
    for (const direction of ['ascending', 'descending'] as const) {
      expect(names(sortArchiveRows(summary.rows, { key: 'staying-safe', direction }))[0]).toBe('Coventry');
    }
  });

  it('sorts by region and by name either way', () => {
    expect(names(sortArchiveRows(summary.rows, { key: 'region', direction: 'ascending' }))).toEqual([
      'Leicester', 'Coventry', 'Stoke-on-Trent', 'Worcestershire',
    ]);
    expect(names(sortArchiveRows(summary.rows, { key: 'region', direction: 'descending' }))).toEqual([
      'Coventry', 'Stoke-on-Trent', 'Worcestershire', 'Leicester',
    ]);
    expect(names(sortArchiveRows(summary.rows, { key: 'council', direction: 'descending' }))).toEqual([
      'Worcestershire', 'Stoke-on-Trent', 'Leicester', 'Coventry',
    ]);
  });

  it('summarises only the councils it is given', () => {
    const east = archiveSummary(letters.filter((l) => l.council.region === 'East Midlands'));
    expect(east.title).toBe('Archive summary: 1 council');
    expect(names(east.rows)).toEqual(['Leicester']);
  });
});
