import { describe, expect, it } from 'vitest';
import { councilKeyOf, type Letter } from '../letters/letter';
import { allSampleLetters, COVENTRY_2007, COVENTRY_2009, parseSample } from '../summaries/test-support/parsed-samples';
import { archiveChecks } from './checks';
import { chooseCouncils, compareGrid, sortGridRows, type GridCouncil } from './compare-grid';
import { letterGrades, type LetterGrades } from './letter-grades';
import { changeText, councilTimeline } from './timeline';

const stored = (letter: Letter) => ({ ...letter, councilKey: councilKeyOf(letter.council) });
const coventry2007 = letterGrades(stored(await parseSample(COVENTRY_2007)));
const coventry2009 = letterGrades(stored(await parseSample(COVENTRY_2009)));
const samples = (await allSampleLetters()).map((l) => letterGrades(stored(l)));
const councilsOf = (letters: readonly LetterGrades[]): GridCouncil[] => [
  ...new Map(letters.map((l) => [l.councilKey, { key: l.councilKey, name: l.council, region: 'West Midlands', code: l.councilKey.slice(0, 3) }])).values(),
];

/** A copy of a letter's grades as another letter of another year. */
function copyOf(letter: LetterGrades, id: string, date: string, overall: 1 | 2 | 3 | 4): LetterGrades {
  return { ...letter, id, date, year: Number(date.slice(0, 4)), overall: { grade: overall, sectionIndex: letter.overall?.sectionIndex ?? null } };
}

describe('letterGrades', () => {
  it("keeps an APA letter's seven grades with the sections that give them", async () => {
    expect(coventry2007.kind).toBe('apa');
    expect(coventry2007.outcomes).toHaveLength(7);
    expect(coventry2007.outcomes.every((o) => o !== null)).toBe(true);
    expect(coventry2007.overall).toEqual(coventry2007.outcomes[0]);
    const letter = await parseSample(COVENTRY_2007);
    for (const at of coventry2007.outcomes) expect(letter.sections[at!.sectionIndex!]!.grade?.grade).toBe(at!.grade);
    expect(coventry2007.missing).toEqual([]);
  });

  it("keeps an annual rating's grade with its section", async () => {
    const letter = await parseSample(COVENTRY_2009);
    expect(coventry2009.outcomes).toEqual([]);
    expect(coventry2009.overall?.grade).toBe(letter.overall?.grade);
    expect(letter.sections[coventry2009.overall!.sectionIndex!]!.grade?.grade).toBe(letter.overall?.grade);
  });

  it('names the grades that could not be read', async () => {
    const letter = await parseSample(COVENTRY_2007);
    const damaged = { ...letter, overall: null, sections: letter.sections.map((s) => (s.outcome === 'staying-safe' || s.outcome === 'overall-effectiveness' ? { ...s, grade: undefined } : s)) };
    expect(letterGrades(stored(damaged)).missing).toEqual(['Overall effectiveness', 'Staying safe']);
    expect(letterGrades(stored({ ...(await parseSample(COVENTRY_2009)), overall: null })).missing).toEqual(['Annual rating']);
  });
});

describe('councilTimeline', () => {
  it("puts Coventry's APA grades under 2007 and its rating under 2009, and says the other years have no letter", () => {
    const timeline = councilTimeline([coventry2009, coventry2007]);
    expect(timeline.columns.map((c) => c.letters)).toEqual([0, 0, 1, 0, 1, 0, 0]);
    const byKey = new Map(timeline.rows.map((r) => [r.key, r]));
    expect(byKey.get('staying-safe')!.cells[2]).toMatchObject({ status: 'graded', letterId: coventry2007.id, rating: { grade: coventry2007.outcomes[2]!.grade, scale: 'apa' } });
    expect(byKey.get('staying-safe')!.cells[4]).toEqual({ status: 'not-graded' });
    expect(byKey.get('rating')!.cells[4]).toMatchObject({ status: 'graded', rating: { scale: 'annual-rating', grade: coventry2009.overall!.grade } });
    expect(byKey.get('rating')!.cells[2]).toEqual({ status: 'not-graded' });
    expect(byKey.get('overall')!.cells[0]).toEqual({ status: 'no-letter' });
    expect(timeline.line.map((p) => [p.year, p.scale])).toEqual([
      [2007, 'apa'],
      [2009, 'annual-rating'],
    ]);
    expect(timeline.line[1]!.change).toMatchObject({ fromYear: 2007, acrossScales: true });
  });

  it('marks each rise and fall from the year before that has a grade', () => {
    const letters = [copyOf(coventry2007, 'a', '2005-10-01', 2), copyOf(coventry2007, 'b', '2006-10-01', 3), copyOf(coventry2007, 'c', '2008-10-01', 3), copyOf(coventry2009, 'd', '2009-12-01', 1)];
    const changes = councilTimeline(letters).line.map((p) => p.change?.text ?? null);
    expect(changes).toEqual([null, 'up from 2 to 3', 'the same as in 2006, 3', 'down from 3 to 1 (on the new scale)']);
    expect(changeText('down', 4, 2, 2005, 2007, false)).toBe('down from 4 in 2005 to 2');
  });

  it('takes the grades of a year with two letters from the later one, and counts both', () => {
    const timeline = councilTimeline([copyOf(coventry2007, 'early', '2007-01-10', 1), copyOf(coventry2007, 'late', '2007-11-30', 4)]);
    expect(timeline.columns[2]).toMatchObject({ letters: 2, letterId: 'late' });
    expect(timeline.line).toHaveLength(1);
    expect(timeline.line[0]!.grade).toBe(4);
  });
});

describe('compareGrid', () => {
  const letters = [
    copyOf(coventry2007, 'a05', '2005-10-01', 2),
    copyOf(coventry2009, 'a09', '2009-12-01', 3),
    { ...copyOf(coventry2007, 'b05', '2005-10-01', 4), councilKey: 'b', council: 'B' },
    { ...copyOf(coventry2009, 'b09', '2009-12-01', 1), councilKey: 'b', council: 'B' },
    { ...copyOf(coventry2007, 'c05', '2005-10-01', 3), councilKey: 'c', council: 'C' },
  ];
  const councils: GridCouncil[] = [
    { key: 'coventry', name: 'Coventry', region: 'West Midlands', code: '331' },
    { key: 'b', name: 'B', region: 'London', code: '301' },
    { key: 'c', name: 'C', region: 'London', code: null },
  ];

  it('gives each council its overall grade a year, the change between two years, and the counts under each column', () => {
    const grid = compareGrid(letters, councils, { by: 'years' }, { from: 2005, to: 2009 });
    expect(grid.columns.map((c) => c.label)).toEqual(['2005', '2006', '2007', '2008', '2009', '2010', '2011']);
    expect(grid.rows.map((r) => [r.council.key, r.cells[0]?.rating.grade ?? null, r.cells[4]?.rating.grade ?? null, r.change])).toEqual([
      ['coventry', 2, 3, 1],
      ['b', 4, 1, -3],
      ['c', 3, null, null],
    ]);
    expect(grid.counts[0]).toEqual({ grades: { 1: 0, 2: 1, 3: 1, 4: 1 }, none: 0 });
    expect(grid.counts[4]).toEqual({ grades: { 1: 1, 2: 0, 3: 1, 4: 0 }, none: 1 });
    expect(grid.columns[4]!.scale).toBe('annual-rating');
  });

  it("gives one APA year's outcomes", () => {
    const grid = compareGrid(letters, councils, { by: 'outcomes', year: 2005 });
    expect(grid.columns).toHaveLength(7);
    expect(grid.rows[0]!.cells.map((c) => c?.rating.grade)).toEqual(coventry2007.outcomes.map((o) => o!.grade));
    expect(grid.change).toBeNull();
    expect(grid.rows.every((r) => r.change === null)).toBe(true);
  });

  it('sorts by any column or by change, either way, with the rows that have nothing last', () => {
    const grid = compareGrid(letters, councils, { by: 'years' }, { from: 2005, to: 2009 });
    const keys = (rows: typeof grid.rows) => rows.map((r) => r.council.key);
    expect(keys(sortGridRows(grid.rows, { by: 'change' }))).toEqual(['b', 'coventry', 'c']);
    expect(keys(sortGridRows(grid.rows, { by: 'change', descending: true }))).toEqual(['coventry', 'b', 'c']);
    expect(keys(sortGridRows(grid.rows, { by: 'column', index: 4, descending: true }))).toEqual(['coventry', 'b', 'c']);
    expect(keys(sortGridRows(grid.rows, { by: 'column', index: 0 }))).toEqual(['coventry', 'c', 'b']);
    expect(keys(sortGridRows(grid.rows, { by: 'council' }))).toEqual(['b', 'c', 'coventry']);
    expect(keys(sortGridRows(grid.rows, { by: 'region' }))).toEqual(['b', 'c', 'coventry']);
    expect(keys(sortGridRows(grid.rows, { by: 'order' }))).toEqual(['coventry', 'b', 'c']);
  });

  it('chooses all councils, a region, a list, or a council and its neighbours in the archive', () => {
    const neighbours = (code: string | null) => (code === '331' ? [{ displayName: 'C', code: null }, { displayName: 'Nowhere', code: '999' }, { displayName: 'B', code: '301' }] : []);
    const names = (choice: Parameters<typeof chooseCouncils>[0]) => chooseCouncils(choice, councils, neighbours).councils.map((c) => c.name);
    expect(names({ by: 'all' })).toEqual(['B', 'C', 'Coventry']);
    expect(names({ by: 'region', region: 'London' })).toEqual(['B', 'C']);
    expect(names({ by: 'keys', keys: ['coventry', 'c'] })).toEqual(['C', 'Coventry']);
    expect(chooseCouncils({ by: 'neighbours', councilKey: 'coventry' }, councils, neighbours)).toEqual({
      councils: [councils[0], councils[2], councils[1]],
      notInArchive: ['Nowhere'],
    });
  });
});

describe('archiveChecks', () => {
  it('says what the sample archive does not know: nothing missing in the letters, and no years missing', () => {
    const checks = archiveChecks(samples, councilsOf(samples));
    expect(checks.filter((c) => c.kind === 'grades-not-read')).toEqual([]);
    expect(checks.filter((c) => c.kind === 'missing-year').map((c) => c.text)).toEqual(['no letter for 2008, between 2007 and 2009']);
  });

  it('finds unread grades, gaps, differing letters of one date, and unknown councils, each pointing at what it is about', () => {
    const damaged: LetterGrades = { ...copyOf(coventry2007, 'x', '2005-06-01', 3), missing: ['Staying safe'] };
    const twin = copyOf(coventry2009, 'y', coventry2009.date, 2);
    const letters = [coventry2007, coventry2009, damaged, twin];
    const checks = archiveChecks(letters, [{ key: 'coventry', name: 'Coventry', region: null, code: null }]);
    expect(checks.map((c) => [c.kind, c.letterId, c.text])).toEqual([
      ['grades-not-read', 'x', 'Annual performance assessment of 1 June 2005: no grade read for Staying safe'],
      ['missing-year', null, 'no letter for 2006 and 2008, between 2005 and 2009'],
      ['differing-letters', expect.any(String), `2 different letters dated ${'9 December 2009'} (annual rating)`],
      ['unknown-council', null, 'not in the reference data: no DfE code or region, so no statistical neighbours'],
    ]);
  });
});
