/**
 * The council summary: every letter of one council in date order, how its grades moved, and
 * what the latest letters asked of it, each item with the letter it came from.
 */
import type { ApaOutcome, Block, Council, Letter, Rating } from '../letters/letter';
import {
  areasForDevelopment,
  byDate,
  judgement,
  letterRef,
  recommendationGroups,
  type LetterRef,
  type RecommendationGroup,
  type SourcedItem,
} from './letter-parts';
import { APA_OUTCOMES, countText, pdfFileName, personText } from './summary-words';

export interface CouncilLetterEntry {
  letter: LetterRef;
  letterTitle: string;
  recipient: string | null;
  overall: Rating | null;
  /** The paragraphs giving the letter's overall judgement, with their section's heading. */
  judgement: { heading: string; blocks: Block[] } | null;
}

/** APA grades by year: one column per APA letter, one row per outcome. */
export interface ApaGradesTable {
  columns: LetterRef[];
  rows: { outcome: ApaOutcome; name: string; ratings: (Rating | null)[] }[];
}

/** Something the latest letter that has any of it says, and which letter that is. */
export interface Latest<T> {
  from: LetterRef;
  items: T[];
}

export interface CouncilSummary {
  /** "Council summary: Coventry". */
  title: string;
  /** "Coventry - council summary.pdf". */
  fileName: string;
  /** As the latest letter names it. */
  council: Council;
  /** "2 letters, 2007 to 2009". */
  extent: string;
  /** Oldest first. */
  letters: CouncilLetterEntry[];
  /** Null when the council has no APA letter. */
  apaGrades: ApaGradesTable | null;
  /** The annual ratings, oldest first. */
  annualRatings: { letter: LetterRef; rating: Rating | null }[];
  areasForDevelopment: Latest<SourcedItem> | null;
  recommendations: Latest<RecommendationGroup> | null;
}

/** The newest letter for which `pick` finds something, with what it found. */
function latestWith<T>(oldestFirst: readonly Letter[], pick: (letter: Letter) => T[]): Latest<T> | null {
  for (let i = oldestFirst.length - 1; i >= 0; i--) {
    const letter = oldestFirst[i]!;
    const items = pick(letter);
    if (items.length > 0) return { from: letterRef(letter), items };
  }
  return null;
}

/** Builds the summary of one council from its letters (in any order); null when there are none. */
export function councilSummary(letters: readonly Letter[]): CouncilSummary | null {
  const sorted = [...letters].sort(byDate);
  const newest = sorted[sorted.length - 1];
  if (!newest) return null;
  const name = newest.council.displayName;
  const first = sorted[0]!.year;
  const years = first === newest.year ? String(first) : `${first} to ${newest.year}`;

  const apa = sorted.filter((l) => l.kind === 'apa');
  const apaGrades: ApaGradesTable | null =
    apa.length === 0
      ? null
      : {
          columns: apa.map(letterRef),
          rows: APA_OUTCOMES.map(({ outcome, name: outcomeName }) => ({
            outcome,
            name: outcomeName,
            ratings: apa.map((l) => l.sections.find((s) => s.outcome === outcome)?.grade ?? null),
          })),
        };

  return {
    title: `Council summary: ${name}`,
    fileName: pdfFileName([name, 'council summary']),
    council: newest.council,
    extent: `${countText(sorted.length, 'letter')}, ${years}`,
    letters: sorted.map((l) => ({
      letter: letterRef(l),
      letterTitle: l.title,
      recipient: l.recipient && personText(l.recipient),
      overall: l.overall,
      judgement: judgement(l),
    })),
    apaGrades,
    annualRatings: sorted.filter((l) => l.kind === 'annual-rating').map((l) => ({ letter: letterRef(l), rating: l.overall })),
    areasForDevelopment: latestWith(sorted, areasForDevelopment),
    recommendations: latestWith(sorted, recommendationGroups),
  };
}
