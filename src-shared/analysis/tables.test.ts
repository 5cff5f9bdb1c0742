import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { toCsv } from '../export/csv';
import { councilKeyOf } from '../letters/letter';
import { allSampleLetters } from '../summaries/test-support/parsed-samples';
import { archiveChecks } from './checks';
import { compareGrid } from './compare-grid';
import { letterGrades } from './letter-grades';
import { checksTable, gridTable, lettersTable, pointsTable, sectionsTable, ticksTable, timelineTable, type Table } from './tables';
import { councilTimeline } from './timeline';
import { trackPoints } from './track-points';

const letters = (await allSampleLetters()).map((l) => ({ ...l, councilKey: councilKeyOf(l.council) }));
const grades = letters.map(letterGrades);
const councils = [...new Map(letters.map((l) => [l.councilKey, { key: l.councilKey, name: l.council.displayName, region: l.council.region, code: l.council.code }])).values()];
const coventry = letters.filter((l) => l.councilKey === 'coventry');

/** The table written as CSV and read back by a CSV parser. */
function roundTrip(table: Table): string[][] {
  const text = toCsv(table.header, table.rows);
  expect(text.startsWith('\uFEFF')).toBe(true);
  const parsed = Papa.parse<string[]>(text.slice(1), { skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  for (const row of parsed.data) expect(row).toHaveLength(table.header.length);
  return parsed.data;
}

describe('the tables out as CSV', () => {
  it('give every view and the whole archive rows as long as their headers, read back whole', () => {
    const points = trackPoints(coventry);
    const firstPoint = points[0]!.points[0]!;
    const tick = { pointId: firstPoint.pointId, letterId: firstPoint.letterId, text: firstPoint.text, note: 'Done – “in the plan”, £2m', doneOn: '2009-05-01' };
    const tables: [string, Table, number][] = [
      ['timeline', timelineTable('Coventry', councilTimeline(grades.filter((g) => g.councilKey === 'coventry'))), 9],
      ['grid', gridTable(compareGrid(grades, councils, { by: 'years' })), councils.length],
      ['checks', checksTable(archiveChecks(grades, councils)), archiveChecks(grades, councils).length],
      ['letters', lettersTable(letters), letters.length],
      ['sections', sectionsTable(letters), letters.reduce((n, l) => n + l.sections.length, 0)],
      ['points', pointsTable('Coventry', points, new Map([[tick.pointId, tick]])), points.reduce((n, g) => n + g.points.length, 0)],
      ['ticks', ticksTable([{ ...tick, councilKey: 'coventry', tickedAt: '2026-01-01T00:00:00Z' }], () => 'Coventry'), 1],
    ];
    for (const [name, table, rows] of tables) {
      const read = roundTrip(table);
      expect(read[0], name).toEqual(table.header);
      expect(read.length - 1, name).toBe(rows);
    }
    const pointRows = roundTrip(pointsTable('Coventry', points, new Map([[tick.pointId, tick]])));
    expect(pointRows.find((r) => r[5] === firstPoint.text)!.slice(8, 10)).toEqual(['2009-05-01', 'Done – “in the plan”, £2m']);
  });

  it("write a letter's grades as numbers beside their scale's words", () => {
    const read = roundTrip(lettersTable(coventry));
    const header = read[0]!;
    const apa = read.find((r) => r[header.indexOf('Kind')] === 'Annual performance assessment')!;
    expect(Number(apa[header.indexOf('Overall grade')])).toBe(coventry.find((l) => l.kind === 'apa')!.overall!.grade);
    expect(apa[header.indexOf('Overall grade words')]).toBe(coventry.find((l) => l.kind === 'apa')!.overall!.label);
  });
});
