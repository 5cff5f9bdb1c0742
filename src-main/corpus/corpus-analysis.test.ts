/**
 * The analysis views over a generated corpus whose grades are known: each letter is parsed as
 * the app would, and the timeline, the compare grid and the checks must give back the grades
 * the generator wrote.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { archiveChecks } from '../../src-shared/analysis/checks';
import { chooseCouncils, compareGrid, sortGridRows, type GridCouncil } from '../../src-shared/analysis/compare-grid';
import { letterGrades, type LetterGrades } from '../../src-shared/analysis/letter-grades';
import { councilTimeline, TIMELINE_YEARS } from '../../src-shared/analysis/timeline';
import { councilKeyOf } from '../../src-shared/letters/letter';
import { parseLetterText } from '../../src-shared/letters/parse-letter';
import { generateCorpus, loadSampleTexts, type CorpusLetter } from './build-corpus';
import { loadCouncilPool } from './council-pool';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const corpus: CorpusLetter[] = [...generateCorpus({ letters: 400, seed: 7, samples: loadSampleTexts(REPO), councils: loadCouncilPool(REPO) })];

const grades: LetterGrades[] = [];
const expectedOf = new Map<string, CorpusLetter['expected']>();
const councils = new Map<string, GridCouncil>();
for (const item of corpus) {
  const outcome = await parseLetterText(item.text);
  if (!outcome.ok) throw new Error(`${item.relativePath}: ${outcome.reason}`);
  const letter = { ...outcome.letter, councilKey: councilKeyOf(outcome.letter.council) };
  grades.push(letterGrades(letter));
  expectedOf.set(letter.id, item.expected);
  councils.set(letter.councilKey, { key: letter.councilKey, name: letter.council.displayName, region: letter.council.region, code: letter.council.code });
}
const allCouncils = [...councils.values()];

/** The council with letters in the most years. */
const busiest = allCouncils
  .map((c) => ({ council: c, years: new Set(grades.filter((g) => g.councilKey === c.key).map((g) => g.year)).size }))
  .sort((a, b) => b.years - a.years || a.council.name.localeCompare(b.council.name))[0]!.council;

describe('a generated corpus', () => {
  it('reads back every grade the generator gave', () => {
    for (const g of grades) {
      const expected = expectedOf.get(g.id)!;
      expect(g.overall?.grade).toBe(expected.grade);
      if (g.kind === 'apa') expect(g.outcomes.map((o) => o?.grade)).toEqual(expected.grades);
      expect(g.missing).toEqual([]);
    }
  });

  it("shows a council's grades over time as the generator gave them, the latest letter of a year", () => {
    const own = grades.filter((g) => g.councilKey === busiest.key);
    expect(new Set(own.map((g) => g.year)).size).toBeGreaterThanOrEqual(4);
    const timeline = councilTimeline(own);
    expect(timeline.columns.map((c) => c.year)).toEqual(TIMELINE_YEARS);
    for (const [i, column] of timeline.columns.entries()) {
      const ofYear = own.filter((g) => g.year === column.year).sort((a, b) => (a.date < b.date ? 1 : -1));
      expect(column.letters).toBe(ofYear.length);
      const latest = ofYear[0];
      const expected = latest && expectedOf.get(latest.id)!;
      const overall = timeline.rows[0]!.cells[i]!;
      const rating = timeline.rows[timeline.rows.length - 1]!.cells[i]!;
      if (!expected) {
        expect([overall.status, rating.status]).toEqual(['no-letter', 'no-letter']);
      } else if (expected.kind === 'apa') {
        expect(timeline.rows.slice(0, 7).map((row) => (row.cells[i]!.status === 'graded' ? row.cells[i]!.rating.grade : null))).toEqual(expected.grades);
        expect(rating.status).toBe('not-graded');
      } else {
        expect(rating.status === 'graded' && rating.rating.grade).toBe(expected.grade);
        expect(rating.status === 'graded' && rating.rating.scale).toBe('annual-rating');
        expect(overall.status).toBe('not-graded');
      }
    }
    expect(timeline.line.map((p) => p.grade)).toEqual(
      timeline.columns.filter((c) => c.letterId).map((c) => expectedOf.get(c.letterId!)!.grade),
    );
  });

  it('lists in the compare grid every statistical neighbour the corpus has letters of, and sorts by change', () => {
    const neighbours = (code: string | null) =>
      code === null ? [] : allCouncils.filter((c) => c.code !== null && c.code !== code).slice(0, 10).map((c) => ({ displayName: c.name, code: c.code }));
    const chosen = chooseCouncils({ by: 'neighbours', councilKey: busiest.key }, allCouncils, neighbours);
    expect(chosen.councils[0]).toBe(busiest);
    expect(chosen.councils).toHaveLength(11);

    const grid = compareGrid(grades, allCouncils, { by: 'years' }, { from: 2005, to: 2009 });
    const sorted = sortGridRows(grid.rows, { by: 'change', descending: true });
    const changes = sorted.map((r) => r.change);
    const known = changes.filter((c): c is number => c !== null);
    expect(known.length).toBeGreaterThan(5);
    expect(known).toEqual([...known].sort((a, b) => b - a));
    expect(changes.slice(known.length).every((c) => c === null)).toBe(true);
    for (const [i, counts] of grid.counts.entries()) {
      expect(counts.grades[1] + counts.grades[2] + counts.grades[3] + counts.grades[4] + counts.none).toBe(allCouncils.length);
      const year = grid.columns[i]!.year;
      expect(counts.none).toBe(allCouncils.filter((c) => !grades.some((g) => g.councilKey === c.key && g.year === year)).length);
    }
  });

  it('finds the years with no letter between a council’s first and last', () => {
    const checks = archiveChecks(grades, allCouncils);
    const gaps = checks.filter((c) => c.kind === 'missing-year');
    for (const council of allCouncils) {
      const years = new Set(grades.filter((g) => g.councilKey === council.key).map((g) => g.year));
      const hasGap = [...years].some((y) => !years.has(y + 1) && y < Math.max(...years));
      expect(gaps.some((c) => c.councilKey === council.key)).toBe(hasGap);
    }
    expect(checks.filter((c) => c.kind === 'grades-not-read')).toEqual([]);
  });
});
