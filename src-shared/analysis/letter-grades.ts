/**
 * A letter's grades and nothing else: the small record the archive keeps beside each letter
 * so that views over every letter (the compare grid, the checks) never read whole letters.
 */
import { APA_OUTCOMES, rating, type ApaOutcome, type GradeScale, type GradeValue, type Letter, type LetterKind, type Rating, type Section } from '../letters/letter';
import { APA_OUTCOMES as OUTCOME_NAMES } from '../summaries/summary-words';

/** One grade and the section of the letter that gives it. */
export interface GradeAt {
  grade: GradeValue;
  /** Index into the letter's sections; null where the grade is given outside any section. */
  sectionIndex: number | null;
}

export interface LetterGrades {
  /** The letter's id. */
  id: string;
  councilKey: string;
  /** The council's short name, as the letter gives it. */
  council: string;
  kind: LetterKind;
  /** ISO date. */
  date: string;
  year: number;
  /** The letter's overall grade: overall effectiveness in an APA letter, the rating in an annual rating. */
  overall: GradeAt | null;
  /** An APA letter's seven outcomes in APA_OUTCOMES order, null where none was read; empty for an annual rating. */
  outcomes: (GradeAt | null)[];
  /** The grades the letter should give that could not be read, by name ("Staying safe"). */
  missing: string[];
  sample: boolean;
}

/** The scale a kind of letter grades on. */
export function scaleOf(kind: LetterKind): GradeScale {
  return kind === 'apa' ? 'apa' : 'annual-rating';
}

/** A grade of a letter of this kind, with its scale's words. */
export function ratingOf(kind: LetterKind, grade: GradeValue): Rating {
  return rating(scaleOf(kind), grade);
}

/** The name of an APA outcome as the tables write it ("Staying safe"). */
export function outcomeName(outcome: ApaOutcome): string {
  return OUTCOME_NAMES.find((o) => o.outcome === outcome)!.name;
}

/** The grades of a letter as the archive keeps it (with its council key and whether it is a sample). */
export function letterGrades(
  letter: Omit<Letter, 'sections'> & { sections: readonly Pick<Section, 'grade' | 'outcome'>[]; councilKey: string; sample?: boolean },
): LetterGrades {
  const sectionWith = (grade: GradeValue, pick: (i: number) => boolean): number | null => {
    const index = letter.sections.findIndex((s, i) => s.grade?.grade === grade && pick(i));
    return index < 0 ? null : index;
  };
  const outcomes =
    letter.kind === 'apa'
      ? APA_OUTCOMES.map((outcome): GradeAt | null => {
          const index = letter.sections.findIndex((s) => s.outcome === outcome && s.grade);
          return index < 0 ? null : { grade: letter.sections[index]!.grade!.grade, sectionIndex: index };
        })
      : [];
  let overall: GradeAt | null = null;
  if (letter.overall) {
    const grade = letter.overall.grade;
    const effectiveness = outcomes[0];
    overall =
      letter.kind === 'apa' && effectiveness?.grade === grade
        ? effectiveness
        : { grade, sectionIndex: sectionWith(grade, (i) => letter.kind !== 'apa' || letter.sections[i]!.outcome === undefined) };
  }
  const missing: string[] = [];
  if (!overall) missing.push(letter.kind === 'apa' ? 'Overall effectiveness' : 'Annual rating');
  if (letter.kind === 'apa') {
    APA_OUTCOMES.forEach((outcome, i) => {
      if (!outcomes[i] && !(i === 0 && overall)) missing.push(outcomeName(outcome));
    });
  }
  return {
    id: letter.id,
    councilKey: letter.councilKey,
    council: letter.council.displayName,
    kind: letter.kind,
    date: letter.date,
    year: letter.year,
    overall,
    outcomes,
    missing: [...new Set(missing)],
    sample: letter.sample ?? false,
  };
}

/** Newest first; letters of one day in a stable order by id. */
export function newestFirst(a: Pick<LetterGrades, 'date' | 'id'>, b: Pick<LetterGrades, 'date' | 'id'>): number {
  return a.date > b.date ? -1 : a.date < b.date ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
