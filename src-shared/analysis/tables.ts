/**
 * The views' tables as rows for a CSV file: a header and one row per line, numbers as numbers,
 * grades as the number with the scale's words beside it, so a spreadsheet can sort them.
 */
import type { CsvCell } from '../export/csv';
import { APA_OUTCOMES, type Letter } from '../letters/letter';
import { kindName } from '../letters/letter-words';
import { gradeRows } from '../summaries/letter-parts';
import { CHECK_KINDS, type Check } from './checks';
import type { CompareGrid } from './compare-grid';
import { outcomeName } from './letter-grades';
import type { PointTick } from './ticks';
import type { CouncilTimeline, TimelineCell } from './timeline';
import type { PointGroup } from './track-points';

export interface Table {
  header: string[];
  rows: CsvCell[][];
}

/** What a timeline cell says in words when it has no grade. */
export function cellWords(cell: TimelineCell): string {
  switch (cell.status) {
    case 'graded':
      return `${cell.rating.grade} ${cell.rating.label}`;
    case 'no-letter':
      return 'No letter';
    case 'not-read':
      return 'Not read';
    case 'not-graded':
      return '';
  }
}

/** The grades-over-time table: a row per grade, a column per year, then the overall line's changes. */
export function timelineTable(council: string, timeline: CouncilTimeline): Table {
  const header = ['Council', 'Grade', ...timeline.columns.map((c) => String(c.year))];
  const rows: CsvCell[][] = timeline.rows.map((row) => [council, row.name, ...row.cells.map((cell) => (cell.status === 'graded' ? cell.rating.grade : cellWords(cell)))]);
  rows.push([council, 'Change in the overall grade', ...timeline.columns.map((c) => timeline.line.find((p) => p.year === c.year)?.change?.text ?? '')]);
  return { header, rows };
}

/**
 * The compare grid as shown: its rows in their order, a grade or nothing in each cell, and the
 * change. The counts under the columns stay on screen and paper: rows of them here would sort
 * in among the councils in a spreadsheet, which counts them again in a moment anyway.
 */
export function gridTable(grid: CompareGrid): Table {
  const change = grid.change ? [`Change ${grid.change.from} to ${grid.change.to}`] : [];
  const header = ['Council', 'Region', 'DfE code', ...grid.columns.map((c) => c.label), ...change];
  const rows: CsvCell[][] = grid.rows.map((row) => [
    row.council.name,
    row.council.region,
    row.council.code,
    ...row.cells.map((cell) => cell?.rating.grade ?? null),
    ...(grid.change ? [row.change] : []),
  ]);
  return { header, rows };
}

/** The person's ticks and notes on points raised, every one the archive keeps. */
export function ticksTable(ticks: readonly (PointTick & { councilKey: string; tickedAt: string })[], councilName: (key: string) => string): Table {
  return {
    header: ['Council', 'Point', 'Dealt with', 'Note', 'Ticked at', 'Letter id', 'Point id'],
    rows: [...ticks]
      .sort((a, b) => a.councilKey.localeCompare(b.councilKey) || a.doneOn.localeCompare(b.doneOn))
      .map((t) => [councilName(t.councilKey), t.text, t.doneOn, t.note, t.tickedAt, t.letterId, t.pointId]),
  };
}

export function checksTable(checks: readonly Check[]): Table {
  const names = new Map(CHECK_KINDS.map((k) => [k.kind, k.name]));
  return {
    header: ['Check', 'Council', 'What', 'Letter id'],
    rows: checks.map((c) => [names.get(c.kind) ?? c.kind, c.council, c.text, c.letterId]),
  };
}

type ArchivedLetter = Letter & { councilKey?: string; sourceFile?: string };

/** The whole archive, one row per letter: who, when, what kind, the overall grade and each APA outcome's. */
export function lettersTable(letters: readonly ArchivedLetter[]): Table {
  return {
    header: ['Letter id', 'Council', 'DfE code', 'Region', 'Kind', 'Date', 'Year', 'Title', 'Overall grade', 'Overall grade words', ...APA_OUTCOMES.map(outcomeName), 'Recommendations', 'Areas for development', 'File'],
    rows: letters.map((l) => [
      l.id,
      l.council.displayName,
      l.council.code,
      l.council.region,
      kindName(l.kind, l.year),
      l.date,
      l.year,
      l.title,
      l.overall?.grade ?? null,
      l.overall?.label ?? null,
      ...(l.kind === 'apa' ? gradeRows(l).map((row) => row.rating?.grade ?? null) : APA_OUTCOMES.map(() => null)),
      l.sections.reduce((n, s) => n + s.recommendations.length, 0),
      l.sections.reduce((n, s) => n + s.areasForDevelopment.length, 0),
      l.sourceFile ?? null,
    ]),
  };
}

/** The whole archive, one row per section: its heading, grade, page, and the points it raises, one per line. */
export function sectionsTable(letters: readonly ArchivedLetter[]): Table {
  return {
    header: ['Letter id', 'Council', 'Date', 'Kind', 'Section', 'Heading', 'Outcome', 'Grade', 'Grade words', 'Page', 'Words', 'Recommendations', 'Areas for development'],
    rows: letters.flatMap((l) =>
      l.sections.map((s, i): CsvCell[] => [
        l.id,
        l.council.displayName,
        l.date,
        kindName(l.kind, l.year),
        i + 1,
        s.heading,
        s.outcome ? outcomeName(s.outcome) : null,
        s.grade?.grade ?? null,
        s.grade?.label ?? null,
        s.page ?? null,
        s.paragraphs.reduce((n, b) => n + (b.type === 'paragraph' ? b.text : b.items.join(' ')).split(/\s+/).filter(Boolean).length, 0),
        s.recommendations.map((r) => [r.text, ...r.items.map((item) => `- ${item}`)].join('\n')).join('\n\n'),
        s.areasForDevelopment.join('\n\n'),
      ]),
    ),
  };
}

/** A council's points raised, as the view lists them, with the person's ticks and notes. */
export function pointsTable(council: string, groups: readonly PointGroup[], ticks: ReadonlyMap<string, PointTick>): Table {
  return {
    header: ['Council', 'Outcome', 'Kind', 'Letter date', 'Year', 'Point', 'Raised before', 'First raised', 'Dealt with', 'Note', 'Letter id'],
    rows: groups.flatMap((g) =>
      g.points.map((p): CsvCell[] => {
        const tick = ticks.get(p.pointId);
        return [
          council,
          g.group,
          p.kind === 'recommendation' ? 'Recommendation' : 'Area for development',
          p.date,
          p.year,
          p.text,
          p.repeats ? p.repeats.year : null,
          p.firstRaised ? p.firstRaised.year : null,
          tick ? tick.doneOn : null,
          tick ? tick.note : null,
          p.letterId,
        ];
      }),
    ),
  };
}
