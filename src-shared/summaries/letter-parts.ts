/**
 * The pieces of a letter the summaries are built from: which letter it is, its grades, its
 * recommendations and areas for development (each with the section it came from), and the
 * paragraphs that give its overall judgement.
 */
import type { ApaOutcome, Block, Letter, LetterKind, Rating, Section, Timescale } from '../letters/letter';
import { APA_OUTCOMES, TIMESCALE_NAMES, dateInWords, kindName } from './summary-words';

/** Which letter something came from, in words a reader can check against the paper. */
export interface LetterRef {
  letterId: string;
  /** ISO date. */
  date: string;
  year: number;
  kind: LetterKind;
  /** "26 November 2007". */
  dateText: string;
  /** "Annual performance assessment". */
  kindText: string;
  /** "letter of 26 November 2007". */
  source: string;
}

/** A recommendation or area for development, with the section it sits in. */
export interface SourcedItem {
  text: string;
  /** A recommendation's own bullets; empty for areas for development. */
  items: string[];
  /** The section's heading: "Staying safe". */
  section: string;
}

export interface RecommendationGroup {
  timescale: Timescale;
  /** "In the next six months". */
  name: string;
  items: SourcedItem[];
}

/** A line of a grades table: a section's name and its grade, or null where the letter gives none. */
export interface GradeRow {
  name: string;
  outcome?: ApaOutcome;
  rating: Rating | null;
}

export function letterRef(letter: Letter): LetterRef {
  const dateText = dateInWords(letter.date);
  return {
    letterId: letter.id,
    date: letter.date,
    year: letter.year,
    kind: letter.kind,
    dateText,
    kindText: kindName(letter.kind, letter.year),
    source: `letter of ${dateText}`,
  };
}

/** Oldest first; letters of the same day keep a stable order by id. */
export function byDate(a: Letter, b: Letter): number {
  return a.date < b.date ? -1 : a.date > b.date ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * The graded sections: for an APA letter always the seven outcomes in order (null where the
 * letter has no grade for one), for an annual rating the sections that carry a grade.
 */
export function gradeRows(letter: Letter): GradeRow[] {
  if (letter.kind === 'apa') {
    return APA_OUTCOMES.map(({ outcome, name }) => ({
      name,
      outcome,
      rating: letter.sections.find((s) => s.outcome === outcome)?.grade ?? null,
    }));
  }
  return letter.sections.filter((s) => s.grade).map((s) => ({ name: s.heading, rating: s.grade ?? null }));
}

/** The letter's recommendations grouped by when they are due; empty groups are left out. */
export function recommendationGroups(letter: Letter): RecommendationGroup[] {
  return TIMESCALE_NAMES.map(({ timescale, name }) => ({
    timescale,
    name,
    items: letter.sections.flatMap((s) =>
      s.recommendations.filter((r) => r.timescale === timescale).map((r) => ({ text: r.text, items: [...r.items], section: s.heading })),
    ),
  })).filter((g) => g.items.length > 0);
}

export function areasForDevelopment(letter: Letter): SourcedItem[] {
  return letter.sections.flatMap((s) => s.areasForDevelopment.map((text) => ({ text, items: [], section: s.heading })));
}

/** Which of a letter's sections carries its overall judgement (see judgement); -1 when none does. */
export function judgementSection(letter: { kind: LetterKind; sections: readonly Pick<Section, 'outcome' | 'grade'>[] }): number {
  return letter.kind === 'apa' ? letter.sections.findIndex((s) => s.outcome === 'overall-effectiveness') : letter.sections.findIndex((s) => s.grade);
}

/**
 * The paragraphs that carry the letter's overall judgement: the rating section of an annual
 * rating, the overall effectiveness section of an APA letter. Null when the letter has none.
 */
export function judgement(letter: Letter): { heading: string; blocks: Block[] } | null {
  const section = letter.sections[judgementSection(letter)];
  if (!section || section.paragraphs.length === 0) return null;
  return { heading: section.heading, blocks: section.paragraphs };
}
