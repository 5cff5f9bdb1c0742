/**
 * The Letter model: what the parser reads out of one Ofsted letter file.
 *
 * Two kinds of letter exist. Both grade on a 4-point scale where 4 is best, but the
 * scales use different words, so a grade never travels without its scale.
 */

/**
 * Annual performance assessment (2005 to 2008) or children's services annual rating (2009,
 * 2010; and the annual children's services assessment of 2011, on the same scale).
 */
export type LetterKind = 'apa' | 'annual-rating';

/** The years each kind of letter was written in, first and last. */
export const LETTER_YEARS: Record<LetterKind, readonly [first: number, last: number]> = { apa: [2005, 2008], 'annual-rating': [2009, 2011] };

/** True for an annual rating of 2011 or later: given then as the annual children's services assessment, on the same scale in the same words. */
export function isAnnualAssessment(year: number): boolean {
  return year >= 2011;
}

/** The scale a grade is on. */
export type GradeScale = 'apa' | 'annual-rating';

export type GradeValue = 1 | 2 | 3 | 4;

/** A grade with its scale and the scale's words for it ("Good", "Performs adequately"). */
export interface Rating {
  scale: GradeScale;
  grade: GradeValue;
  label: string;
}

export interface Council {
  /** As written in the letter: "Coventry City Council". */
  name: string;
  /** The short form people use: "Coventry". */
  displayName: string;
  /** The DfE three-digit local authority code ("331"), or null when the council is not in the reference data. */
  code: string | null;
  /** The English region ("West Midlands"), or null when the council is not in the reference data. */
  region: string | null;
}

export interface Person {
  name: string;
  role: string;
}

/** The graded sections of an APA letter, in the order the letters give them. */
export const APA_OUTCOMES = [
  'overall-effectiveness',
  'being-healthy',
  'staying-safe',
  'enjoying-and-achieving',
  'making-a-positive-contribution',
  'achieving-economic-well-being',
  'capacity-to-improve',
] as const;

export type ApaOutcome = (typeof APA_OUTCOMES)[number];

export type Timescale = 'immediate' | 'next-six-months' | 'longer-term';

export interface Recommendation {
  timescale: Timescale;
  text: string;
  /** A bulleted list that belongs to the recommendation ("... by:" followed by bullets). */
  items: string[];
}

/** A run of body text: a paragraph, or a bulleted list kept as a list. */
export type Block = { type: 'paragraph'; text: string } | { type: 'list'; items: string[] };

export interface Section {
  heading: string;
  /** For APA letters: which graded section this is. */
  outcome?: ApaOutcome;
  grade?: Rating;
  paragraphs: Block[];
  recommendations: Recommendation[];
  areasForDevelopment: string[];
  /** For a letter read from a PDF: the page the section starts on, 1-based. */
  page?: number;
}

/**
 * The key a council's letters are kept and grouped under: its display name, lower-cased.
 * Not its DfE code: the reference data may give a council a code later (five have none
 * today), and its letters must stay together.
 */
export function councilKeyOf(council: Pick<Council, 'displayName'>): string {
  return council.displayName.toLowerCase();
}

export interface Letter {
  /** SHA-256 (hex) of the normalised text: the same letter in another encoding has the same id. */
  id: string;
  kind: LetterKind;
  /** ISO date, YYYY-MM-DD. */
  date: string;
  year: number;
  title: string;
  council: Council;
  recipient: Person | null;
  signatory: Person | null;
  overall: Rating | null;
  sections: Section[];
  /** What was odd but survivable, in words a person understands. */
  warnings: string[];
  /** For a letter read from a PDF: how many pages it has. Text files have no pages. */
  pageCount?: number;
}

/**
 * What a letter was read from, kept so that a later version of the parser can read it
 * again without the file: the normalised text, and for a PDF what its layout knew.
 */
export interface LetterText {
  text: string;
  pdf?: {
    /** The page each paragraph of the text (the runs between blank lines) starts on. */
    pages: number[];
    pageCount: number;
    /** What went wrong reading the PDF but still left a letter ("page 3 could not be read"). */
    notes: string[];
  };
}

/**
 * What parsing one file gives: a letter and the text it was read from, or the reason it is not
 * one. `fileUtf8`, when there, is that text as UTF-8: the file's own bytes (a view of them), when
 * they are that already (decode.ts), so that they need not be encoded again.
 */
export type ParseOutcome = { ok: true; letter: Letter; source: LetterText; fileUtf8?: Uint8Array } | { ok: false; reason: string };

export const APA_LABELS: Record<GradeValue, string> = {
  4: 'Outstanding',
  3: 'Good',
  2: 'Adequate',
  1: 'Inadequate',
};

export const ANNUAL_RATING_LABELS: Record<GradeValue, string> = {
  4: 'Performs excellently',
  3: 'Performs well',
  2: 'Performs adequately',
  1: 'Performs poorly',
};

/** Builds a Rating, taking the label from the scale so the same grade always reads the same. */
export function rating(scale: GradeScale, grade: GradeValue): Rating {
  const labels = scale === 'apa' ? APA_LABELS : ANNUAL_RATING_LABELS;
  return { scale, grade, label: labels[grade] };
}

export function isGradeValue(n: number): n is GradeValue {
  return n === 1 || n === 2 || n === 3 || n === 4;
}
