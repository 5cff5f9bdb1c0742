/**
 * What a search answers: sections grouped by letter, facet counts, and what the query
 * could not understand. Everything a result row needs is here, so rendering a result
 * needs no further database read.
 */
import type { Rating } from '../../../src-shared/letters/letter';
import type { ParsedQuery } from '../../../src-shared/search/query-types';

/** A stretch of text with the ranges ([start, end) in UTF-16 units) to mark. */
export interface MarkedText {
  text: string;
  marks: [number, number][];
}

export interface SectionResult {
  sectionIndex: number;
  heading: string;
  grade: Rating | null;
  /** About 25 words around the best hit, hits marked; starts/ends with "…" when cut. */
  snippet: MarkedText;
  score: number;
}

export interface LetterResult {
  letterId: string;
  councilKey: string;
  councilName: string;
  region: string | null;
  date: string;
  year: number;
  kind: 'apa' | 'annual-rating';
  overall: Rating | null;
  /** Matching sections, best first. */
  sections: SectionResult[];
  score: number;
}

export interface FacetValue {
  /** The value as shown: "2009", "Annual rating", "2 · Adequate / Performs adequately", "West Midlands". */
  label: string;
  /** Sections among the results with this value. */
  count: number;
  /** The filter that narrows the query to this value, ready to append: `year:2009`, `region:"west midlands"`. */
  filter: string;
}

export interface Facets {
  year: FacetValue[];
  kind: FacetValue[];
  grade: FacetValue[];
  region: FacetValue[];
}

export interface SearchResponse {
  query: string;
  parsed: ParsedQuery;
  /** Letters with matching sections, best first: those from place `offset` on, as many as were asked for. */
  letters: LetterResult[];
  /** Letters passed over before `letters` (0 for the first page). */
  offset: number;
  /** Matching sections in all, before the letter limit. */
  totalSections: number;
  /** Letters with matching sections in all. */
  totalLetters: number;
  /** Every council with a matching letter, by key, sorted. */
  councilKeys: string[];
  facets: Facets;
  /**
   * What to highlight in an opened letter: the words as they may appear (stems, prefixes and
   * near spellings the index matched) and the phrases, lower-cased.
   */
  highlight: { words: string[]; phrases: string[][] };
  /** Time the worker spent answering, in milliseconds. */
  elapsedMs: number;
}
