/**
 * A council's grades over the years: one column a year from 2005 to 2011, a row for the APA
 * overall grade, one for each other APA outcome, and one for the annual rating; and the line
 * of its overall grade across all years, with each rise and fall in words.
 */
import { APA_OUTCOMES, LETTER_YEARS, type GradeScale, type Rating } from '../letters/letter';
import { newestFirst, outcomeName, ratingOf, scaleOf, type GradeAt, type LetterGrades } from './letter-grades';

/** The years the letters cover: the first APA year to the last annual assessment. */
export const TIMELINE_YEARS: readonly number[] = Array.from(
  { length: LETTER_YEARS['annual-rating'][1] - LETTER_YEARS.apa[0] + 1 },
  (_, i) => LETTER_YEARS.apa[0] + i,
);

/** The first year graded on the annual-rating scale. */
export const NEW_SCALE_YEAR = LETTER_YEARS['annual-rating'][0];

/** A graded cell, and the letter and section that give the grade. */
export interface GradedCell {
  status: 'graded';
  rating: Rating;
  letterId: string;
  sectionIndex: number | null;
  date: string;
}

/**
 * Why a cell has no grade: no letter that year; the letter gives none that could be read;
 * or letters of that year do not grade this row (APA outcomes after 2008, ratings before 2009).
 */
export type TimelineCell = GradedCell | { status: 'no-letter' } | { status: 'not-read'; letterId: string } | { status: 'not-graded' };

export interface TimelineColumn {
  year: number;
  /** The letter the column's grades come from: the latest of the year. */
  letterId: string | null;
  date: string | null;
  /** How many letters of the council are dated that year. */
  letters: number;
}

export interface TimelineRow {
  /** 'overall', an APA outcome, or 'rating'. */
  key: string;
  name: string;
  scale: GradeScale;
  cells: TimelineCell[];
}

export type Direction = 'up' | 'down' | 'same';

/** A point of the overall line: the year's overall grade, with how it moved from the year before that had one. */
export interface TimelinePoint {
  year: number;
  scale: GradeScale;
  grade: number;
  label: string;
  letterId: string;
  sectionIndex: number | null;
  change: { direction: Direction; from: number; fromYear: number; acrossScales: boolean; text: string } | null;
}

export interface CouncilTimeline {
  columns: TimelineColumn[];
  rows: TimelineRow[];
  /** The overall grade across all years, oldest first: APA overall effectiveness, then the annual rating. */
  line: TimelinePoint[];
}

function graded(letter: LetterGrades, at: GradeAt | null): TimelineCell {
  return at
    ? { status: 'graded', rating: ratingOf(letter.kind, at.grade), letterId: letter.id, sectionIndex: at.sectionIndex, date: letter.date }
    : { status: 'not-read', letterId: letter.id };
}

/** "up from 2 to 3", "down from 3 in 2006 to 2", "the same, 3"; marked when the scale changed between. */
export function changeText(direction: Direction, from: number, to: number, fromYear: number, year: number, acrossScales: boolean): string {
  const since = year - fromYear > 1 ? ` in ${fromYear}` : '';
  const words = direction === 'same' ? `the same as${since === '' ? ' the year before' : since}, ${to}` : `${direction} from ${from}${since} to ${to}`;
  return acrossScales ? `${words} (on the new scale)` : words;
}

/**
 * The timeline of one council from its letters' grades (any order). A year with two letters
 * takes its grades from the later one; the column says how many there were.
 */
export function councilTimeline(letters: readonly LetterGrades[], years: readonly number[] = TIMELINE_YEARS): CouncilTimeline {
  const latest = new Map<number, LetterGrades>();
  const counts = new Map<number, number>();
  for (const letter of [...letters].sort(newestFirst)) {
    counts.set(letter.year, (counts.get(letter.year) ?? 0) + 1);
    if (!latest.has(letter.year)) latest.set(letter.year, letter);
  }
  const columns = years.map((year): TimelineColumn => {
    const letter = latest.get(year);
    return { year, letterId: letter?.id ?? null, date: letter?.date ?? null, letters: counts.get(year) ?? 0 };
  });
  const cellFor = (year: number, kind: LetterGrades['kind'], at: (letter: LetterGrades) => GradeAt | null): TimelineCell => {
    const letter = latest.get(year);
    if (!letter) return { status: 'no-letter' };
    if (letter.kind !== kind) return { status: 'not-graded' };
    return graded(letter, at(letter));
  };
  const rows: TimelineRow[] = [
    { key: 'overall', name: 'Overall effectiveness', scale: 'apa', cells: years.map((y) => cellFor(y, 'apa', (l) => l.overall)) },
    ...APA_OUTCOMES.slice(1).map((outcome, i) => ({
      key: outcome,
      name: outcomeName(outcome),
      scale: 'apa' as const,
      cells: years.map((y) => cellFor(y, 'apa', (l) => l.outcomes[i + 1] ?? null)),
    })),
    { key: 'rating', name: 'Annual rating', scale: 'annual-rating', cells: years.map((y) => cellFor(y, 'annual-rating', (l) => l.overall)) },
  ];

  const line: TimelinePoint[] = [];
  for (const year of years) {
    const letter = latest.get(year);
    if (!letter?.overall) continue;
    const rating = ratingOf(letter.kind, letter.overall.grade);
    const before = line[line.length - 1];
    const point: TimelinePoint = {
      year,
      scale: scaleOf(letter.kind),
      grade: rating.grade,
      label: rating.label,
      letterId: letter.id,
      sectionIndex: letter.overall.sectionIndex,
      change: null,
    };
    if (before) {
      const direction: Direction = point.grade > before.grade ? 'up' : point.grade < before.grade ? 'down' : 'same';
      const acrossScales = before.scale !== point.scale;
      point.change = { direction, from: before.grade, fromYear: before.year, acrossScales, text: changeText(direction, before.grade, point.grade, before.year, year, acrossScales) };
    }
    line.push(point);
  }
  return { columns, rows, line };
}
