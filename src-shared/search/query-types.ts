/**
 * The search query language, as data. `parseQuery` (query.ts) turns what a person types
 * into a ParsedQuery; the search engine evaluates it against the section index.
 *
 *   fostering adoption        both words (AND); the last word also matches as a prefix
 *   "initial assessments"     the words in that order
 *   -bullying  -"in care"     leave out sections with the word or phrase
 *   fostering OR adoption     either
 *   council:walsall  year:2009  year:2005..2008  kind:apa  kind:rating
 *   grade:2  grade:<=2  outcome:"staying safe"  region:"west midlands"
 */
import type { ApaOutcome, LetterKind } from '../letters/letter';

/** One word or phrase to match in a section's text. */
export interface QueryTerm {
  kind: 'word' | 'phrase';
  /** The word, or the phrase's words, lower-cased as typed. */
  words: string[];
  /** True for the last bare word of the query while it may still be being typed (matches as a prefix, from 3 letters). */
  prefix: boolean;
  /** True for words of 5 letters or more: they may match a near spelling. */
  fuzzy: boolean;
}

/** Terms that must all match (AND); a query is one or more of these, joined by OR. */
export interface QueryClause {
  terms: QueryTerm[];
}

export interface YearRange {
  from: number;
  to: number;
}

export type GradeComparison = '=' | '<' | '<=' | '>' | '>=';

export interface QueryFilters {
  /** council: prefixes of the short name, lower-cased (any of them). */
  councils: string[];
  years: YearRange[];
  kinds: LetterKind[];
  grades: { op: GradeComparison; value: number }[];
  outcomes: ApaOutcome[];
  /** region: names, lower-cased (any of them). */
  regions: string[];
}

export interface ParsedQuery {
  /** OR-ed clauses of AND-ed terms. Empty when the query is only filters. */
  clauses: QueryClause[];
  /** Words and phrases that exclude a section. */
  exclude: QueryTerm[];
  filters: QueryFilters;
  /** What could not be understood, in words for the person ("year:20x9 is not a year"); the rest still searches. */
  errors: string[];
}
