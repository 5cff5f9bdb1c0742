/** The one-letter summary: what a committee needs from one letter on one or two pages. */
import type { Block, Council, Letter, Rating } from '../letters/letter';
import {
  areasForDevelopment,
  gradeRows,
  judgement,
  letterRef,
  recommendationGroups,
  type GradeRow,
  type LetterRef,
  type RecommendationGroup,
  type SourcedItem,
} from './letter-parts';
import { pdfFileName, personText } from './summary-words';

export interface LetterSummary {
  /** "Letter summary: Coventry, 26 November 2007": plain text, for the window and the page footer. */
  title: string;
  /** "Coventry - letter summary - 2007-11-26.pdf". */
  fileName: string;
  council: Council;
  letter: LetterRef;
  /** The letter's own title. */
  letterTitle: string;
  recipient: string | null;
  signatory: string | null;
  overall: Rating | null;
  /** The seven graded sections of an APA letter; the rating of an annual rating. */
  grades: GradeRow[];
  recommendations: RecommendationGroup[];
  areasForDevelopment: SourcedItem[];
  /** The rating paragraphs of an annual rating; null for an APA letter. */
  rating: { heading: string; blocks: Block[] } | null;
}

/** Builds the summary of one letter. */
export function letterSummary(letter: Letter): LetterSummary {
  const ref = letterRef(letter);
  const name = letter.council.displayName;
  return {
    title: `Letter summary: ${name}, ${ref.dateText}`,
    fileName: pdfFileName([name, 'letter summary', letter.date]),
    council: letter.council,
    letter: ref,
    letterTitle: letter.title,
    recipient: letter.recipient && personText(letter.recipient),
    signatory: letter.signatory && personText(letter.signatory),
    overall: letter.overall,
    grades: gradeRows(letter),
    recommendations: recommendationGroups(letter),
    areasForDevelopment: areasForDevelopment(letter),
    rating: letter.kind === 'annual-rating' ? judgement(letter) : null,
  };
}
