/**
 * Councils side by side: one row a council, one column a year (its overall grade) or, for
 * one APA year, one column an outcome; how many councils have each grade under every column;
 * the change between two years; and the sets of councils worth comparing.
 */
import { APA_OUTCOMES, LETTER_YEARS, type GradeScale, type GradeValue, type Rating } from '../letters/letter';
import { newestFirst, outcomeName, ratingOf, scaleOf, type GradeAt, type LetterGrades } from './letter-grades';
import { TIMELINE_YEARS } from './timeline';

/** A council as the grid needs it: the archive's council row, or a reference record. */
export interface GridCouncil {
  key: string;
  name: string;
  region: string | null;
  /** The DfE three-digit code, where known. */
  code: string | null;
}

export type GridMode = { by: 'years' } | { by: 'outcomes'; year: number };

/** The years whose letters grade the APA outcomes. */
export const OUTCOME_YEARS: readonly number[] = TIMELINE_YEARS.filter((y) => y <= LETTER_YEARS.apa[1]);

export interface GridColumn {
  key: string;
  /** "2007", or "Staying safe". */
  label: string;
  /** The scale of the column's grades. */
  scale: GradeScale;
  year: number;
}

export interface GridCell {
  rating: Rating;
  letterId: string;
  sectionIndex: number | null;
}

export interface GridRow {
  council: GridCouncil;
  cells: (GridCell | null)[];
  /** The grade in the change's second year less that in its first; null when either is missing. */
  change: number | null;
}

/** How many of the grid's councils have each grade under a column, and how many have none. */
export interface ColumnCounts {
  grades: Record<GradeValue, number>;
  none: number;
}

export interface CompareGrid {
  columns: GridColumn[];
  rows: GridRow[];
  counts: ColumnCounts[];
  /** The two years the change is measured between, in years mode; null otherwise. */
  change: { from: number; to: number } | null;
}

export type GridSort =
  /** As chosen: by name, or a council then its neighbours in the reference data's order. */
  | { by: 'order'; descending?: boolean }
  | { by: 'council' | 'region' | 'change'; descending?: boolean }
  | { by: 'column'; index: number; descending?: boolean };

function cellOf(letter: LetterGrades | undefined, at: (letter: LetterGrades) => GradeAt | null): GridCell | null {
  const grade = letter && at(letter);
  return letter && grade ? { rating: ratingOf(letter.kind, grade.grade), letterId: letter.id, sectionIndex: grade.sectionIndex } : null;
}

/**
 * The grid for the given councils (in the order given) from every letter's grades. A
 * council with two letters in a year shows the later one's grades.
 */
export function compareGrid(
  letters: readonly LetterGrades[],
  councils: readonly GridCouncil[],
  mode: GridMode,
  change: { from: number; to: number } = { from: LETTER_YEARS.apa[0], to: LETTER_YEARS['annual-rating'][1] },
): CompareGrid {
  const wanted = new Set(councils.map((c) => c.key));
  /** Council key → year → the year's latest letter. */
  const latest = new Map<string, Map<number, LetterGrades>>();
  for (const letter of [...letters].filter((l) => wanted.has(l.councilKey)).sort(newestFirst)) {
    let years = latest.get(letter.councilKey);
    if (!years) latest.set(letter.councilKey, (years = new Map()));
    if (!years.has(letter.year)) years.set(letter.year, letter);
  }
  const columns: GridColumn[] =
    mode.by === 'years'
      ? TIMELINE_YEARS.map((year) => ({ key: String(year), label: String(year), scale: scaleOf(year <= LETTER_YEARS.apa[1] ? 'apa' : 'annual-rating'), year }))
      : APA_OUTCOMES.map((outcome) => ({ key: outcome, label: outcomeName(outcome), scale: 'apa' as const, year: mode.year }));
  const rows = councils.map((council): GridRow => {
    const years = latest.get(council.key);
    const cells =
      mode.by === 'years'
        ? TIMELINE_YEARS.map((year) => cellOf(years?.get(year), (l) => l.overall))
        : APA_OUTCOMES.map((_, i) => {
            const letter = years?.get(mode.year);
            return cellOf(letter?.kind === 'apa' ? letter : undefined, (l) => l.outcomes[i] ?? null);
          });
    const gradeIn = (year: number) => cellOf(years?.get(year), (l) => l.overall)?.rating.grade;
    const from = gradeIn(change.from);
    const to = gradeIn(change.to);
    return { council, cells, change: mode.by === 'years' && from !== undefined && to !== undefined ? to - from : null };
  });
  const counts = columns.map((_, i): ColumnCounts => {
    const tally: ColumnCounts = { grades: { 1: 0, 2: 0, 3: 0, 4: 0 }, none: 0 };
    for (const row of rows) {
      const cell = row.cells[i];
      if (cell) tally.grades[cell.rating.grade]++;
      else tally.none++;
    }
    return tally;
  });
  return { columns, rows, counts, change: mode.by === 'years' ? change : null };
}

/**
 * The rows in the order asked for. Rows with nothing to sort by (no grade, no change) go last
 * whichever way the sort runs; ties keep the councils in name order.
 */
export function sortGridRows(rows: readonly GridRow[], sort: GridSort): GridRow[] {
  if (sort.by === 'order') return [...rows];
  const byName = (a: GridRow, b: GridRow) => a.council.name.localeCompare(b.council.name, 'en-GB');
  const valueOf = (row: GridRow): number | string | null => {
    // 'order' has returned above.
    switch (sort.by) {
      case 'council':
        return row.council.name;
      case 'region':
        return row.council.region;
      case 'change':
        return row.change;
      case 'column':
        return row.cells[sort.index]?.rating.grade ?? null;
    }
  };
  const sign = sort.descending ? -1 : 1;
  return [...rows].sort((a, b) => {
    const x = valueOf(a);
    const y = valueOf(b);
    if (x === null || y === null) return x === y ? byName(a, b) : x === null ? 1 : -1;
    const order = typeof x === 'string' ? x.localeCompare(String(y), 'en-GB') : x - (y as number);
    return order !== 0 ? sign * order : byName(a, b);
  });
}

/** Which councils the grid shows. */
export type CouncilChoice =
  | { by: 'all' }
  | { by: 'region'; region: string }
  /** The councils of the current search, or any other list. */
  | { by: 'keys'; keys: readonly string[] }
  | { by: 'neighbours'; councilKey: string };

/** A council of the reference data, as statistical neighbours are given. */
export interface ReferenceCouncil {
  displayName: string;
  code: string | null;
}

export interface ChosenCouncils {
  councils: GridCouncil[];
  /** Statistical neighbours the archive has no letters of, by name, in the reference data's order. */
  notInArchive: string[];
}

/**
 * The councils a choice names, from the archive's councils (by name, or for neighbours the
 * council first and then its neighbours in the reference data's order).
 */
export function chooseCouncils(
  choice: CouncilChoice,
  councils: readonly GridCouncil[],
  neighboursOf: (code: string | null) => readonly ReferenceCouncil[],
): ChosenCouncils {
  const byName = [...councils].sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
  switch (choice.by) {
    case 'all':
      return { councils: byName, notInArchive: [] };
    case 'region':
      return { councils: byName.filter((c) => c.region === choice.region), notInArchive: [] };
    case 'keys': {
      const keys = new Set(choice.keys);
      return { councils: byName.filter((c) => keys.has(c.key)), notInArchive: [] };
    }
    case 'neighbours': {
      const council = councils.find((c) => c.key === choice.councilKey);
      if (!council) return { councils: [], notInArchive: [] };
      const chosen: GridCouncil[] = [council];
      const notInArchive: string[] = [];
      for (const neighbour of neighboursOf(council.code)) {
        const found =
          councils.find((c) => neighbour.code !== null && c.code === neighbour.code) ??
          councils.find((c) => c.name.toLowerCase() === neighbour.displayName.toLowerCase());
        if (found && !chosen.includes(found)) chosen.push(found);
        else if (!found) notInArchive.push(neighbour.displayName);
      }
      return { councils: chosen, notInArchive };
    }
  }
}

/** The regions the councils are in, by name. */
export function regionsOf(councils: readonly GridCouncil[]): string[] {
  return [...new Set(councils.map((c) => c.region).filter((r): r is string => r !== null))].sort((a, b) => a.localeCompare(b, 'en-GB'));
}
