/**
 * The search box's query language: what a person types, turned into a ParsedQuery
 * (query-types.ts). Pure and forgiving: whatever cannot be understood is explained in
 * `errors` and left out, and the rest still searches.
 */
import { APA_OUTCOMES, type LetterKind } from '../letters/letter';
import type { GradeComparison, ParsedQuery, QueryClause, QueryFilters, QueryTerm } from './query-types';
import { WORD_PATTERN, normaliseApostrophes } from './words';

/** The last bare word matches as a prefix from this many letters. */
export const PREFIX_MIN_LENGTH = 3;
/** Words of this many letters or more may match a near spelling. */
export const FUZZY_MIN_LENGTH = 5;
/** Words and phrases beyond this many are left out: a pasted paragraph is not a query. */
export const MAX_TERMS = 32;

export const FILTER_FIELDS = ['council', 'year', 'kind', 'grade', 'outcome', 'region'] as const;
export type FilterField = (typeof FILTER_FIELDS)[number];

/** England's nine regions, as the council reference data writes them. */
export const REGIONS = [
  'East Midlands',
  'East of England',
  'London',
  'North East',
  'North West',
  'South East',
  'South West',
  'West Midlands',
  'Yorkshire and the Humber',
] as const;


/** Names a person may give a kind of letter, each with the kind it means. */
const KIND_NAMES: readonly [string, LetterKind][] = [
  ['apa', 'apa'],
  ['annual-performance-assessment', 'apa'],
  ['performance-assessment', 'apa'],
  ['annual-rating', 'annual-rating'],
  ['rating', 'annual-rating'],
];

/** The words of both scales, each with its grade. */
const GRADE_WORDS: Record<string, number> = {
  outstanding: 4,
  excellent: 4,
  excellently: 4,
  good: 3,
  well: 3,
  adequate: 2,
  adequately: 2,
  inadequate: 1,
  poor: 1,
  poorly: 1,
};

/** Quotation marks people paste from word processors. */
const DOUBLE_QUOTES = /[\u201c\u201d\u201e\u201f\u00ab\u00bb]/g;
const FIELD_TOKEN = /^([A-Za-z]+):(.*)$/s;
const SPACE = /\s/;

type Token = { at: number } & (
  | { type: 'or'; raw: string }
  | { type: 'text'; negate: boolean; quoted: boolean; text: string; raw: string }
  | { type: 'filter'; negate: boolean; field: string; value: string; raw: string }
);

/** Messages with where in the query they arose, so they can be given in the query's order. */
type Notes = [at: number, message: string][];

function quote(s: string): string {
  return `\u201c${s}\u201d`;
}

/** The words of a piece of query text, lower-cased, punctuation around them dropped. */
function queryWords(text: string): string[] {
  return (text.match(WORD_PATTERN) ?? []).map((w) => w.toLowerCase());
}

function letterCount(word: string): number {
  return word.replace(/'/g, '').length;
}

/** Splits the query into words, phrases, filters and ORs, noting what is malformed. */
function scan(input: string, notes: Notes): Token[] {
  const s = normaliseApostrophes(input).replace(DOUBLE_QUOTES, '"');
  const tokens: Token[] = [];
  const n = s.length;
  let i = 0;

  /** Reads a quoted stretch starting at the quote at `i`; an unclosed quote takes the rest. */
  function readQuoted(what: string, at: number): string {
    const close = s.indexOf('"', i + 1);
    if (close === -1) {
      const text = s.slice(i + 1);
      notes.push([at, `The quotation mark in ${quote(what)} is not closed, so the rest of the query was taken as the phrase.`]);
      i = n;
      return text;
    }
    const text = s.slice(i + 1, close);
    i = close + 1;
    return text;
  }

  while (i < n) {
    while (i < n && SPACE.test(s.charAt(i))) i += 1;
    if (i >= n) break;
    const start = i;
    let negate = false;
    if (s.charAt(i) === '-') {
      negate = true;
      i += 1;
      if (i >= n || SPACE.test(s.charAt(i))) {
        notes.push([start, 'A \u201c-\u201d on its own was ignored: put the word or phrase to leave out right after it, as in -adoption or -"in care".']);
        continue;
      }
    }
    if (s.charAt(i) === '"') {
      const text = readQuoted(s.slice(start).trim(), start);
      tokens.push({ at: start, type: 'text', negate, quoted: true, text, raw: s.slice(start, i).trim() });
      continue;
    }
    let end = i;
    while (end < n && !SPACE.test(s.charAt(end)) && s.charAt(end) !== '"') end += 1;
    const word = s.slice(i, end);
    i = end;
    const field = FIELD_TOKEN.exec(word);
    if (field) {
      let value = field[2]!;
      if (value === '' && s.charAt(i) === '"') value = readQuoted(s.slice(start).trim(), start);
      tokens.push({ at: start, type: 'filter', negate, field: field[1]!.toLowerCase(), value, raw: s.slice(start, i).trim() });
      continue;
    }
    if (!negate && word === 'OR') {
      tokens.push({ at: start, type: 'or', raw: word });
      continue;
    }
    // AND is what words do anyway.
    if (!negate && word === 'AND') continue;
    tokens.push({ at: start, type: 'text', negate, quoted: false, text: word, raw: s.slice(start, i) });
  }
  return tokens;
}

function emptyFilters(): QueryFilters {
  return { councils: [], years: [], kinds: [], grades: [], outcomes: [], regions: [] };
}

function pushUnique<T>(list: T[], value: T, same: (a: T, b: T) => boolean = (a, b) => a === b): void {
  if (!list.some((v) => same(v, value))) list.push(value);
}

function cleanValue(value: string): string {
  return value.trim().replace(/\s+/g, ' ').toLowerCase();
}

/** "Staying safe", "staying_safe", "Staying-Safe" → "staying-safe". */
function slug(value: string): string {
  return value
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
}

function applyFilter(token: Extract<Token, { type: 'filter' }>, filters: QueryFilters, notes: Notes): void {
  const errors = { push: (message: string) => notes.push([token.at, message]) };
  const { field, raw } = token;
  if (!(FILTER_FIELDS as readonly string[]).includes(field)) {
    errors.push(`${quote(raw)} was ignored: there is no filter called ${quote(`${field}:`)}. The filters are ${FILTER_FIELDS.map((f) => `${f}:`).join(', ')}.`);
    return;
  }
  if (token.negate) {
    errors.push(`${quote(raw)} was ignored: a filter cannot be left out with \u201c-\u201d.`);
    return;
  }
  const value = cleanValue(token.value);
  if (value === '') {
    errors.push(`${quote(raw)} was ignored: ${field}: needs a value, as in ${exampleOf(field as FilterField)}.`);
    return;
  }
  switch (field as FilterField) {
    case 'council':
      pushUnique(filters.councils, value);
      return;
    case 'year': {
      const m = /^(\d{4})(?:(?:\.\.|-|\u2013)(\d{4}))?$/.exec(value);
      if (!m) {
        errors.push(`${quote(raw)} was ignored: ${quote(token.value.trim())} is not a year or a range of years (year:2009, year:2005..2008).`);
        return;
      }
      const a = Number(m[1]);
      const b = m[2] === undefined ? a : Number(m[2]);
      pushUnique(filters.years, { from: Math.min(a, b), to: Math.max(a, b) }, (x, y) => x.from === y.from && x.to === y.to);
      return;
    }
    case 'kind': {
      const wanted = slug(value);
      const kinds = new Set(KIND_NAMES.filter(([name]) => name.startsWith(wanted)).map(([, kind]) => kind));
      if (kinds.size !== 1) {
        errors.push(
          `${quote(raw)} was ignored: ${kinds.size === 0 ? 'there is no kind of letter called' : 'it is not clear which kind of letter is meant by'} ${quote(token.value.trim())}. Use kind:apa or kind:rating.`,
        );
        return;
      }
      pushUnique(filters.kinds, [...kinds][0]!);
      return;
    }
    case 'grade': {
      const m = /^(<=|>=|<|>|=)?\s*([1-4])$/.exec(value);
      const op = (m?.[1] ?? '=') as GradeComparison;
      const byWord = m ? undefined : /^(<=|>=|<|>|=)?\s*([a-z]+)$/.exec(value);
      const grade = m ? Number(m[2]) : byWord ? GRADE_WORDS[byWord[2]!] : undefined;
      if (grade === undefined) {
        errors.push(
          `${quote(raw)} was ignored: grades go from 1 (inadequate, performs poorly) to 4 (outstanding, performs excellently), as in grade:2 or grade:<=2.`,
        );
        return;
      }
      const comparison = m ? op : ((byWord?.[1] ?? '=') as GradeComparison);
      pushUnique(filters.grades, { op: comparison, value: grade }, (x, y) => x.op === y.op && x.value === y.value);
      return;
    }
    case 'outcome': {
      const wanted = slug(value);
      let found = APA_OUTCOMES.filter((o) => o.startsWith(wanted));
      if (found.length === 0) found = APA_OUTCOMES.filter((o) => o.includes(`-${wanted}`));
      if (found.length === 0 || wanted === '') {
        errors.push(`${quote(raw)} was ignored: there is no outcome called ${quote(token.value.trim())}. The outcomes are ${APA_OUTCOMES.map((o) => o.replace(/-/g, ' ')).join(', ')}.`);
        return;
      }
      for (const outcome of found) pushUnique(filters.outcomes, outcome);
      return;
    }
    case 'region': {
      const wanted = value.replace(/[-_]+/g, ' ');
      const lower = REGIONS.map((r) => r.toLowerCase());
      let found = lower.filter((r) => r.startsWith(wanted));
      if (found.length === 0) found = lower.filter((r) => r.includes(` ${wanted}`));
      if (found.length === 0) {
        errors.push(`${quote(raw)} was ignored: there is no English region called ${quote(token.value.trim())}. The regions are ${REGIONS.join(', ')}.`);
        return;
      }
      for (const region of found) pushUnique(filters.regions, region);
      return;
    }
  }
}

function exampleOf(field: FilterField): string {
  const examples: Record<FilterField, string> = {
    council: 'council:walsall',
    year: 'year:2009',
    kind: 'kind:apa',
    grade: 'grade:2',
    outcome: 'outcome:"staying safe"',
    region: 'region:"west midlands"',
  };
  return examples[field];
}

/**
 * Reads a query:
 *
 *   fostering adoption          both words; the last bare word also matches as a prefix (3+ letters)
 *   "initial assessments"       those words in that order
 *   -bullying  -"in care"       leave out sections with the word or phrase
 *   fostering adoption OR care  (fostering AND adoption) OR care
 *   council:walsall  council:"stoke-on"  year:2009  year:2005..2008  kind:apa  kind:rating
 *   grade:2  grade:<=2  outcome:"staying safe"  region:"west midlands"
 *
 * Filters apply to the whole query wherever they stand. Words are lower-cased, with the
 * punctuation around them dropped and apostrophes inside them kept ("children's"); a word
 * with punctuation inside it ("well-being") is read as a phrase.
 */
export function parseQuery(input: string): ParsedQuery {
  const notes: Notes = [];
  const filters = emptyFilters();
  const exclude: QueryTerm[] = [];
  const clauses: QueryClause[] = [];
  let current: QueryTerm[] = [];
  let lastBareWord: QueryTerm | null = null;
  /** Where the first OR without words on both sides is; false when there is none. */
  let dangling: number | false = false;
  let termCount = 0;
  let tooMany: number | false = false;

  const tokens = scan(input, notes);
  for (const [i, token] of tokens.entries()) {
    if (token.type === 'filter') {
      applyFilter(token, filters, notes);
      continue;
    }
    if (token.type === 'or') {
      const between = filtersAround(tokens, i);
      if (between) {
        // year:2009 OR year:2010: values of one filter are alternatives already, so the OR is what happens.
        if (!joinsAlternatives(between[0], between[1])) {
          notes.push([token.at, `The \u201cOR\u201d between ${quote(between[0].raw)} and ${quote(between[1].raw)} was ignored: ${orIgnoredBecause(between[0], between[1])}`]);
        }
        continue;
      }
      if (current.length === 0) dangling = dangling || token.at;
      else {
        clauses.push({ terms: current });
        current = [];
      }
      continue;
    }
    const words = queryWords(token.text);
    if (words.length === 0) {
      if (token.quoted) notes.push([token.at, `${quote(token.raw)} was ignored: there are no words between the quotation marks.`]);
      else if (token.negate) notes.push([token.at, `${quote(token.raw)} was ignored: there is no word after the \u201c-\u201d.`]);
      continue;
    }
    if (termCount >= MAX_TERMS) {
      tooMany = tooMany || token.at;
      continue;
    }
    termCount += 1;
    const isPhrase = token.quoted || words.length > 1;
    const term: QueryTerm = { kind: isPhrase ? 'phrase' : 'word', words, prefix: false, fuzzy: false };
    if (token.negate) {
      pushUnique(exclude, term, sameTerm);
      continue;
    }
    if (!isPhrase) {
      const letters = letterCount(words[0]!);
      term.fuzzy = letters >= FUZZY_MIN_LENGTH && !/\p{N}/u.test(words[0]!);
      lastBareWord = term;
    }
    current.push(term);
  }
  if (current.length > 0) clauses.push({ terms: current });
  else if (clauses.length > 0) dangling = dangling || ([...tokens].reverse().find((t) => t.type === 'or')?.at ?? 0);
  if (dangling !== false) notes.push([dangling, 'An \u201cOR\u201d without words or phrases on both sides was ignored.']);
  if (tooMany !== false) notes.push([tooMany, `Only the first ${MAX_TERMS} words and phrases were searched for.`]);
  if (lastBareWord) {
    const word = lastBareWord as QueryTerm;
    word.prefix = letterCount(word.words[0]!) >= PREFIX_MIN_LENGTH;
  }
  // Sorting is stable: messages about one place keep the order they were made in.
  const errors = notes.sort((a, b) => a[0] - b[0]).map(([, message]) => message);
  return { clauses, exclude, filters, errors };
}

type FilterToken = Extract<Token, { type: 'filter' }>;

/** The filters on either side of the OR at `i`, when there is a filter on both sides. */
function filtersAround(tokens: readonly Token[], i: number): [FilterToken, FilterToken] | null {
  const before = tokens[i - 1];
  const after = tokens[i + 1];
  return before?.type === 'filter' && after?.type === 'filter' ? [before, after] : null;
}

/** A grade filter that compares (grade:<=2), rather than naming a grade. */
function comparesGrade(token: FilterToken): boolean {
  return /^\s*[<>]/.test(token.value);
}

/**
 * Whether two filters joined by OR are alternatives as they stand: two values of one filter
 * (year:2009 OR year:2010, council:walsall OR council:dudley) find sections with either,
 * except grade comparisons, which all apply together (grade:>=2 grade:<=3 is a range).
 */
function joinsAlternatives(a: FilterToken, b: FilterToken): boolean {
  // A filter that was itself ignored has said so; the OR beside it changes nothing more.
  const ignored = (t: FilterToken) => t.negate || !(FILTER_FIELDS as readonly string[]).includes(t.field) || cleanValue(t.value) === '';
  if (ignored(a) || ignored(b)) return true;
  if (a.field !== b.field) return false;
  return a.field !== 'grade' || (!comparesGrade(a) && !comparesGrade(b));
}

function orIgnoredBecause(a: FilterToken, b: FilterToken): string {
  if (a.field === b.field) return 'grade comparisons always apply together. Search for one range at a time, as in grade:<=2.';
  return 'filters of different kinds always apply together, so the sections found match both.';
}

function sameTerm(a: QueryTerm, b: QueryTerm): boolean {
  return a.kind === b.kind && a.words.join(' ') === b.words.join(' ');
}

/** True when the query asks for nothing: no words, no phrases, no filters. */
export function isEmptyQuery(query: ParsedQuery): boolean {
  return query.clauses.length === 0 && query.exclude.length === 0 && !hasFilters(query.filters);
}

export function hasFilters(filters: QueryFilters): boolean {
  return (
    filters.councils.length > 0 ||
    filters.years.length > 0 ||
    filters.kinds.length > 0 ||
    filters.grades.length > 0 ||
    filters.outcomes.length > 0 ||
    filters.regions.length > 0
  );
}
