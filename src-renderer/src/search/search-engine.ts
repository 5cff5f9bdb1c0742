/**
 * Answers a query against the section index: evaluates the parsed query (OR-ed clauses of
 * AND-ed words and phrases, exclusions, filters), groups the matching sections by letter,
 * counts facets over all of them and cuts snippets for the ones returned. Pure apart from
 * the clock: runs in the search worker, and in Node tests over a SectionIndex.
 *
 * Matching is MiniSearch's: the same terms (exact, prefix, fuzzy within a fifth of the
 * word's letters), the same BM25+ scoring and field boosts. But it scores the index's
 * compact postings into typed arrays by short document id, because MiniSearch's `search`
 * builds and sorts an object per result, which is too slow when a common word matches most
 * of 80,000 sections; and phrases are checked on each section's word stream, not its text.
 */
import { ANNUAL_RATING_LABELS, APA_LABELS, isGradeValue, rating, type GradeScale, type GradeValue, type Rating } from '../../../src-shared/letters/letter';
import { hasFilters, parseQuery } from '../../../src-shared/search/query';
import type { ParsedQuery, QueryFilters } from '../../../src-shared/search/query-types';
import { isStopWord, normaliseWord, wordsOf } from '../../../src-shared/search/words';
import { FIELD_BOOST, SEARCH_FIELDS, type FieldTermData, type SectionIndex, type SnippetHits, type StoredSection } from './search-index';
import type { Postings, StreamPhrase, WordsInField } from './postings';
import type { Facets, FacetValue, LetterResult, SearchResponse, SectionResult } from './search-types';

/** Letters returned when the caller does not say. */
export const DEFAULT_LETTER_LIMIT = 50;
/** Near spellings allowed for fuzzy words: a fifth of the word's letters, at most MAX_FUZZY edits. */
export const FUZZINESS = 0.2;
const MAX_FUZZY = 6;
/** How much a prefix or near-spelling match counts against an exact one (MiniSearch's defaults). */
const PREFIX_WEIGHT = 0.375;
const FUZZY_WEIGHT = 0.45;
/** BM25+ parameters (MiniSearch's defaults). */
const BM25_K = 1.2;
const BM25_B = 0.7;
const BM25_D = 0.5;
/** Words listed in `highlight` at most: a three-letter prefix can stand for hundreds. */
const MAX_HIGHLIGHT_WORDS = 1000;

export interface RunOptions {
  /** Letters to return at most (sections are all counted and faceted anyway). */
  letters?: number;
  /** Letters to pass over first, best first: the next page starts where the last one ended. */
  offset?: number;
}

/** An index term a query word stands for, and how much it counts. */
interface Derived {
  term: string;
  data: FieldTermData;
  weight: number;
}

/** A query word or phrase ready to score: the index terms it stands for. */
interface Plan {
  derived: Derived[];
  /** Postings in all, to start with the rarest. */
  size: number;
}

/** What a Phrase knows of a section: not checked yet (0), there, not there, not in the text (its names not checked yet). */
const THERE = 1;
const NOT_THERE = 2;
const NOT_IN_TEXT = 3;

/**
 * Whether a phrase is in a section: in its text (on the word stream), else in its heading or
 * council's name (few and often repeated, so remembered). Answers for the text are kept in
 * `status` across queries.
 */
class Phrase {
  /** By a heading's or council name's code (SectionIndex.nameOf): whether the phrase is in it. */
  private readonly names = new Map<number, boolean>();
  private readonly normalised: string[];

  constructor(
    readonly words: string[],
    /** For the text: null when a word of the phrase is in no text. */
    private readonly inText: StreamPhrase | null,
    /** What is known of each short id: 0 or THERE, NOT_THERE, NOT_IN_TEXT. */
    private readonly status: Uint8Array,
    /** Whether the heading, and the council's name, may hold it: read them only then. */
    private readonly inHeading: WordsInField,
    private readonly inCouncilName: WordsInField,
  ) {
    this.normalised = words.map(normaliseWord);
  }

  /** Works out, for the first `count` of `docs`, whether the phrase is in their text: `holds` then need not read it. */
  markEach(docs: Int32Array, count: number): void {
    if (this.inText) {
      this.inText.markEach(docs, count, this.status, NOT_IN_TEXT);
      return;
    }
    for (let i = 0; i < count; i++) if (this.status[docs[i]!] === 0) this.status[docs[i]!] = NOT_IN_TEXT;
  }

  holds(index: SectionIndex, doc: number): boolean {
    const known = this.status[doc];
    if (known === THERE) return true;
    if (known === NOT_THERE) return false;
    let there = known !== NOT_IN_TEXT && this.inText !== null && this.inText.has(doc);
    // The heading and council's name only where the postings say the phrase may be there,
    // and by their codes: each name is read once per phrase, not each section's stored fields.
    // A removed section keeps its codes (and its postings, until the index is vacuumed): it holds nothing.
    if (!there && index.isLive(doc)) {
      if (this.inHeading.mayHold(doc)) there = this.inName(index, index.headingCodes[doc]!);
      if (!there && this.inCouncilName.mayHold(doc)) there = this.inName(index, index.councilNameCodes[doc]!);
    }
    this.status[doc] = there ? THERE : NOT_THERE;
    return there;
  }

  private inName(index: SectionIndex, code: number): boolean {
    let there = this.names.get(code);
    if (there === undefined) {
      // Its words as the text's are read, so a name and a text agree on what a phrase is.
      const written = wordsOf(index.nameOf(code)).map(normaliseWord);
      const run = this.normalised;
      there = written.some((_, start) => run.every((word, j) => written[start + j] === word));
      this.names.set(code, there);
    }
    return there;
  }
}

/** What to mark for a clause: the index terms its words stood for, and its phrases. */
interface Marking {
  terms: Set<string>;
  phrases: string[][];
}

interface CompiledClause {
  plans: Plan[];
  phrases: Phrase[];
  marking: Marking;
}

/** Arrays by short id, reused between queries; a stamp equal to the current generation means "set". */
class Workspace {
  score = new Float64Array(0);
  stamp = new Uint32Array(0);
  hit = new Uint32Array(0);
  unionScore = new Float64Array(0);
  unionStamp = new Uint32Array(0);
  excluded = new Uint32Array(0);
  /** Candidates of the clause being matched, then the matching sections: short ids. */
  candidates = new Int32Array(0);
  matches = new Int32Array(0);
  letterBest = new Float64Array(0);
  letterBestDoc = new Int32Array(0);
  letterSlot = new Int32Array(0);
  letterStamp = new Uint32Array(0);
  /** The letters of the matching sections, each once: letter ordinals. */
  letterList = new Int32Array(0);
  private generation = 0;

  fit(docs: number, letters: number): void {
    const moreDocs = this.score.length < docs;
    const moreLetters = this.letterBest.length < letters;
    if (!moreDocs && !moreLetters) return;
    if (moreDocs) {
      const n = Math.max(docs, Math.ceil(this.score.length * 1.5), 1024);
      this.score = new Float64Array(n);
      this.stamp = new Uint32Array(n);
      this.hit = new Uint32Array(n);
      this.unionScore = new Float64Array(n);
      this.unionStamp = new Uint32Array(n);
      this.excluded = new Uint32Array(n);
      this.candidates = new Int32Array(n);
      this.matches = new Int32Array(n);
    }
    if (moreLetters) {
      const n = Math.max(letters, Math.ceil(this.letterBest.length * 1.5), 256);
      this.letterBest = new Float64Array(n);
      this.letterBestDoc = new Int32Array(n);
      this.letterSlot = new Int32Array(n);
      this.letterStamp = new Uint32Array(n);
      this.letterList = new Int32Array(n);
    }
    this.clearStamps();
  }

  private clearStamps(): void {
    this.stamp.fill(0);
    this.hit.fill(0);
    this.unionStamp.fill(0);
    this.excluded.fill(0);
    this.letterStamp.fill(0);
    this.generation = 0;
  }

  /** A fresh stamp value. Wrapping around clears the stamps, so an old stamp is never mistaken for a new one. */
  next(): number {
    if (this.generation >= 0xfffffff0) this.clearStamps();
    this.generation += 1;
    return this.generation;
  }
}

const workspaces = new WeakMap<SectionIndex, Workspace>();
/** Per index: phrase → what is known of it per short id (see Phrase). Forgotten when the index changes. */
const phraseCaches = new WeakMap<SectionIndex, { generation: number; phrases: Map<string, Uint8Array> }>();
const PHRASE_CACHE_SIZE = 8;

function workspaceFor(index: SectionIndex): Workspace {
  let ws = workspaces.get(index);
  if (!ws) {
    ws = new Workspace();
    workspaces.set(index, ws);
  }
  ws.fit(index.capacity, index.letterCapacity);
  return ws;
}

/** Forgets what is known of phrases in this index: after searches whose phrases are not worth keeping, such as the warm-up's. */
export function forgetPhrases(index: SectionIndex): void {
  phraseCaches.delete(index);
}

function phraseStatus(index: SectionIndex, key: string): Uint8Array {
  let cache = phraseCaches.get(index);
  if (!cache || cache.generation !== index.generation) {
    cache = { generation: index.generation, phrases: new Map() };
    phraseCaches.set(index, cache);
  }
  let status = cache.phrases.get(key);
  if (status && status.length < index.capacity) status = undefined;
  if (status) {
    // Most recently used last.
    cache.phrases.delete(key);
  } else {
    status = new Uint8Array(index.capacity);
    if (cache.phrases.size >= PHRASE_CACHE_SIZE) cache.phrases.delete(cache.phrases.keys().next().value!);
  }
  cache.phrases.set(key, status);
  return status;
}

function quote(s: string): string {
  return `\u201c${s}\u201d`;
}

/** The words that are not stop words, without repeats. */
function indexWords(words: readonly string[]): string[] {
  return [...new Set(words.filter((w) => !isStopWord(w)))];
}

function planOf(derived: Derived[]): Plan {
  let size = 0;
  for (const d of derived) for (const postings of d.data.values()) size += postings.size;
  return { derived, size };
}

/**
 * The index terms a query word stands for: itself, words it begins (when a prefix), near
 * spellings (when fuzzy), each with MiniSearch's weight for that kind of match. A word that is
 * both (the last word, typed so far) takes no near spelling that it has typed past.
 */
function expandWord(index: SectionIndex, word: string, prefix: boolean, fuzzy: boolean): Derived[] {
  const derived = new Map<string, Derived>();
  const exact = index.term(word);
  if (exact) derived.set(word, { term: word, data: exact, weight: 1 });
  if (prefix) {
    for (const [term, data] of index.termsWithPrefix(word)) {
      if (term === word) continue;
      const extra = term.length - word.length;
      derived.set(term, { term, data, weight: (PREFIX_WEIGHT * term.length) / (term.length + 0.3 * extra) });
    }
  }
  if (fuzzy) {
    // A word the archive holds is meant as written: its near spellings are only its own other
    // endings ("adoption", "adoptions"), never another word the archive also holds ("addition").
    // A word it does not hold is a misspelling, and takes every near spelling.
    const known = exact !== undefined;
    const distance = known ? Math.min(1, Math.round(word.length * FUZZINESS)) : Math.min(MAX_FUZZY, Math.round(word.length * FUZZINESS));
    if (distance > 0) {
      for (const [term, [data, edits]] of index.termsNear(word, distance)) {
        if (edits === 0 || derived.has(term)) continue;
        if (known && !otherEnding(word, term)) continue;
        // A word still being typed is a beginning: "safeg" should not find "safe", which it has
        // typed past; but a misspelling with a letter too many ("fosterring") still finds its word.
        if (prefix && term.length < word.length && word.startsWith(term)) continue;
        derived.set(term, { term, data, weight: (FUZZY_WEIGHT * term.length) / (term.length + edits) });
      }
    }
  }
  return [...derived.values()];
}

/**
 * Whether `term` is `word` with another ending: the two differ only in the last letter of the
 * shorter, or past it ("adoption", "adoptions"; "service", "services"), and share at least
 * KNOWN_WORD_STEM letters before that.
 */
export function otherEnding(word: string, term: string): boolean {
  const shorter = Math.min(word.length, term.length);
  let common = 0;
  while (common < shorter && word[common] === term[common]) common++;
  return common >= shorter - 1 && common >= KNOWN_WORD_STEM;
}

/** Letters a word and another ending of it must share from the start. */
const KNOWN_WORD_STEM = 4;

/** Field boosts in SEARCH_FIELDS order. */
const BOOSTS = SEARCH_FIELDS.map((f) => (FIELD_BOOST as Record<string, number>)[f] ?? 1);

/** What scoring a term's postings in field `f` needs: its weight times boost and idf, and the length norm. */
function fieldScoring(index: SectionIndex, matching: number, weight: number, f: number): { factor: number; norm: number } {
  const n = index.documentCount;
  const idf = Math.log(1 + (n - matching + 0.5) / (matching + 0.5));
  return { factor: weight * BOOSTS[f]! * idf, norm: BM25_B / index.averageFieldLength(f) };
}

/** BM25+ of a term seen `tf` times in a field `length` words long. */
function termScore(factor: number, norm: number, tf: number, length: number): number {
  return factor * (BM25_D + (tf * (BM25_K + 1)) / (tf + BM25_K * (1 - BM25_B + norm * length)));
}

/**
 * Adds the plan's scores to `ws.score` for documents whose `ws.stamp` is `onlyStamp`, or
 * for every live document when `onlyStamp` is 0; marks each scored document in `mark` with
 * `markStamp`. When `collect`, documents marked for the first time are appended to
 * `ws.candidates` (their score set rather than added to); returns how many candidates there are.
 */
function scorePlan(index: SectionIndex, ws: Workspace, plan: Plan, onlyStamp: number, mark: Uint32Array, markStamp: number, collect: boolean): number {
  let count = 0;
  for (const { data, weight } of plan.derived) {
    for (let f = 0; f < SEARCH_FIELDS.length; f++) {
      const postings = data.get(f);
      if (!postings) continue;
      const { factor, norm } = fieldScoring(index, postings.size, weight, f);
      count = scorePostings(index, ws, postings, factor, norm, index.fieldLengths[f]!, onlyStamp, mark, markStamp, collect, count);
    }
  }
  return count;
}

/**
 * `scorePlan` over one term's postings in one field; returns the candidates' new count. Its own
 * function, so that the engine's hottest loop is compiled as a whole function once it has run a
 * few times: as a loop nested in scorePlan's, it was compiled on its own while it ran, and
 * thrown away again each time it ended (24 to 83 times in a pass of the bench's 50 queries).
 */
function scorePostings(
  index: SectionIndex,
  ws: Workspace,
  postings: Postings,
  factor: number,
  norm: number,
  lengthOf: Uint32Array,
  onlyStamp: number,
  mark: Uint32Array,
  markStamp: number,
  collect: boolean,
  count: number,
): number {
  const { score, stamp, candidates } = ws;
  const { docs, tfs, size } = postings;
  for (let i = 0; i < size; i++) {
    const doc = docs[i]!;
    if (onlyStamp !== 0 ? stamp[doc] !== onlyStamp : !index.isLive(doc)) continue;
    const s = termScore(factor, norm, tfs[i]!, lengthOf[doc]!);
    if (mark[doc] !== markStamp) {
      mark[doc] = markStamp;
      if (collect) {
        score[doc] = s;
        candidates[count++] = doc;
        continue;
      }
    }
    score[doc]! += s;
  }
  return count;
}

/** Like `scorePlan` over candidates, looking each up in the postings: cheaper when there are few candidates. */
function scorePlanByLookup(index: SectionIndex, ws: Workspace, plan: Plan, count: number, mark: Uint32Array, markStamp: number): void {
  const candidates = ws.candidates;
  const lengths = index.fieldLengths;
  for (const { data, weight } of plan.derived) {
    for (let f = 0; f < SEARCH_FIELDS.length; f++) {
      const postings = data.get(f);
      if (!postings) continue;
      const { factor, norm } = fieldScoring(index, postings.size, weight, f);
      const lengthOf = lengths[f]!;
      for (let i = 0; i < count; i++) {
        const doc = candidates[i]!;
        const tf = postings.get(doc);
        if (tf === undefined) continue;
        ws.score[doc]! += termScore(factor, norm, tf, lengthOf[doc]!);
        mark[doc] = markStamp;
      }
    }
  }
}

/** Live documents with every plan's terms, into `ws.candidates` (returns how many), scores summed in `ws.score`. */
function matchAll(index: SectionIndex, ws: Workspace, plans: readonly Plan[]): number {
  const ordered = [...plans].sort((a, b) => a.size - b.size);
  const first = ordered[0];
  if (!first || first.size === 0) return 0;
  let current = ws.next();
  let count = scorePlan(index, ws, first, 0, ws.stamp, current, true);
  const candidates = ws.candidates;
  for (const plan of ordered.slice(1)) {
    if (count === 0) break;
    const seen = ws.next();
    const lookups = count * plan.derived.length * SEARCH_FIELDS.length;
    if (lookups * 4 < plan.size) scorePlanByLookup(index, ws, plan, count, ws.hit, seen);
    else scorePlan(index, ws, plan, current, ws.hit, seen, false);
    // The survivors, kept in place; they become the set the next plan may add to.
    current = ws.next();
    let kept = 0;
    for (let i = 0; i < count; i++) {
      const doc = candidates[i]!;
      if (ws.hit[doc] === seen) {
        candidates[kept++] = doc;
        ws.stamp[doc] = current;
      }
    }
    count = kept;
  }
  return count;
}

/** Whether `filters` allow a section; null when there are no filters. */
export function filterTest(filters: QueryFilters): ((section: StoredSection) => boolean) | null {
  if (!hasFilters(filters)) return null;
  const flat = (s: string) => ` ${s.toLowerCase().replace(/[^\p{L}\p{N}']+/gu, ' ').trim()}`;
  const councils = filters.councils.map(flat);
  const councilSeen = new Map<string, boolean>();
  const councilMatches = (name: string): boolean => {
    let ok = councilSeen.get(name);
    if (ok === undefined) {
      // The start of the name, or of any word in it: council:hull finds Kingston upon Hull.
      const words = flat(name);
      ok = councils.some((c) => words.includes(c));
      councilSeen.set(name, ok);
    }
    return ok;
  };
  const regions = new Set(filters.regions);
  const regionSeen = new Map<string, boolean>();
  const equalGrades = filters.grades.filter((g) => g.op === '=').map((g) => g.value);
  const compared = filters.grades.filter((g) => g.op !== '=');
  return (s) => {
    if (filters.years.length && !filters.years.some((r) => s.year >= r.from && s.year <= r.to)) return false;
    if (filters.kinds.length && !filters.kinds.includes(s.kind)) return false;
    if (filters.outcomes.length && (s.outcome === null || !filters.outcomes.includes(s.outcome))) return false;
    if (filters.grades.length) {
      const g = s.grade;
      if (g === null) return false;
      if (equalGrades.length && !equalGrades.includes(g)) return false;
      for (const { op, value } of compared) {
        if (op === '<' ? !(g < value) : op === '<=' ? !(g <= value) : op === '>' ? !(g > value) : !(g >= value)) return false;
      }
    }
    if (regions.size) {
      if (s.region === null) return false;
      let ok = regionSeen.get(s.region);
      if (ok === undefined) {
        ok = regions.has(s.region.toLowerCase());
        regionSeen.set(s.region, ok);
      }
      if (!ok) return false;
    }
    if (councils.length && !councilMatches(s.councilName)) return false;
    return true;
  };
}

/** Years a DocFilter remembers its answer for, from this one on. */
const YEAR_BASE = 1990;
const YEARS_KEPT = 128;

/**
 * `filterTest` by short id: years, kinds, grades and regions are looked up in the index's
 * typed arrays, councils once per council's name (by its code), and only outcomes need the
 * section's stored fields.
 * A class rather than a closure, so the loops that call it stay compiled from one query to the next.
 */
class DocFilter {
  private readonly codes: SectionIndex['facetCodes'];
  private readonly yearTest: ((section: StoredSection) => boolean) | null;
  /** By year - YEAR_BASE: 0 not known yet, 1 allowed, 2 not. */
  private readonly yearOk = new Uint8Array(YEARS_KEPT);
  private readonly kindOk: boolean[] | null;
  private readonly gradeOk: boolean[] | null;
  private readonly regionOk: boolean[] | null;
  private readonly councilTest: ((section: StoredSection) => boolean) | null;
  /** By council name's code (SectionIndex.councilNameCodes): 0 not known yet, 1 the council is allowed, 2 not. */
  private readonly councilOk: Uint8Array;
  private readonly outcomeTest: ((section: StoredSection) => boolean) | null;

  constructor(
    private readonly index: SectionIndex,
    filters: QueryFilters,
  ) {
    this.codes = index.facetCodes;
    // What each code allows, worked out once through filterTest itself.
    const only = (part: Partial<QueryFilters>) => filterTest({ councils: [], years: [], kinds: [], grades: [], outcomes: [], regions: [], ...part });
    this.yearTest = filters.years.length ? only({ years: filters.years }) : null;
    this.kindOk = filters.kinds.length ? [filters.kinds.includes('apa'), filters.kinds.includes('annual-rating')] : null;
    const gradeTest = filters.grades.length ? only({ grades: filters.grades }) : null;
    this.gradeOk = gradeTest ? [0, 1, 2, 3, 4].map((g) => gradeTest({ grade: g === 0 ? null : g } as StoredSection)) : null;
    const regionTest = filters.regions.length ? only({ regions: filters.regions }) : null;
    this.regionOk = regionTest ? this.codes.regionNames.map((name, code) => code > 0 && regionTest({ region: name } as StoredSection)) : null;
    this.councilTest = filters.councils.length ? only({ councils: filters.councils }) : null;
    this.councilOk = new Uint8Array(this.councilTest ? index.nameCount : 0);
    this.outcomeTest = filters.outcomes.length ? only({ outcomes: filters.outcomes }) : null;
  }

  passes(doc: number): boolean {
    const codes = this.codes;
    if (this.yearTest && !this.yearAllowed(codes.years[doc]!)) return false;
    if (this.kindOk && !this.kindOk[codes.kinds[doc]!]) return false;
    if (this.gradeOk && !this.gradeOk[codes.grades[doc]!]) return false;
    if (this.regionOk && !this.regionOk[codes.regions[doc]!]) return false;
    if (this.councilTest) {
      // A council's name is tested once, and the section's stored fields are not read.
      // A removed section keeps its code: it passes no council filter (as it passes no outcome's).
      if (!this.index.isLive(doc)) return false;
      const name = this.index.councilNameCodes[doc]!;
      let ok = this.councilOk[name];
      if (ok === 0) {
        ok = this.councilTest({ councilName: this.index.nameOf(name) } as StoredSection) ? 1 : 2;
        this.councilOk[name] = ok;
      }
      if (ok !== 1) return false;
    }
    if (this.outcomeTest) {
      const section = this.index.doc(doc);
      return section !== undefined && this.outcomeTest(section);
    }
    return true;
  }

  private yearAllowed(year: number): boolean {
    const slot = year - YEAR_BASE;
    if (slot < 0 || slot >= YEARS_KEPT) return this.yearTest!({ year } as StoredSection);
    if (this.yearOk[slot] === 0) this.yearOk[slot] = this.yearTest!({ year } as StoredSection) ? 1 : 2;
    return this.yearOk[slot] === 1;
  }
}

function docFilter(index: SectionIndex, filters: QueryFilters): DocFilter | null {
  return hasFilters(filters) ? new DocFilter(index, filters) : null;
}

function compilePhrase(index: SectionIndex, words: string[]): Phrase {
  return new Phrase(
    words,
    index.phraseInText(words),
    phraseStatus(index, words.join(' ')),
    index.wordsInField(words, SEARCH_FIELDS.indexOf('heading')),
    index.wordsInField(words, SEARCH_FIELDS.indexOf('councilName')),
  );
}

function gradeOf(value: number | null, scale: GradeScale | null): Rating | null {
  return value !== null && scale !== null && isGradeValue(value) ? rating(scale, value) : null;
}

function byCountThenLabel(a: FacetValue, b: FacetValue): number {
  return b.count - a.count || a.label.localeCompare(b.label);
}

/** The filter that narrows a query to a region, ready to append. */
export function regionFilter(region: string): string {
  const lower = region.toLowerCase();
  return /\s/.test(lower) ? `region:"${lower}"` : `region:${lower}`;
}

export const KIND_FACET_LABELS: Record<StoredSection['kind'], string> = {
  apa: 'Annual performance assessment',
  'annual-rating': 'Annual rating',
};

/** A grade's facet label names both scales' words: "2 · Adequate / Performs adequately". */
export function gradeFacetLabel(grade: GradeValue): string {
  return `${grade} \u00b7 ${APA_LABELS[grade]} / ${ANNUAL_RATING_LABELS[grade]}`;
}

/** Counts of years, kinds, grades and regions over every matching section: one pass over typed arrays. */
function facetsOf(index: SectionIndex, docs: Int32Array): Facets {
  const codes = index.facetCodes;
  const kinds = [0, 0];
  const grades = [0, 0, 0, 0, 0];
  const regions = new Array<number>(codes.regionNames.length).fill(0);
  const yearCounts = countFacets(codes, docs, kinds, grades, regions);
  const grade: FacetValue[] = [];
  for (const g of [4, 3, 2, 1] as const) {
    if (grades[g]) grade.push({ label: gradeFacetLabel(g), count: grades[g]!, filter: `grade:${g}` });
  }
  const kind: FacetValue[] = [];
  if (kinds[0]) kind.push({ label: KIND_FACET_LABELS.apa, count: kinds[0], filter: 'kind:apa' });
  if (kinds[1]) kind.push({ label: KIND_FACET_LABELS['annual-rating'], count: kinds[1], filter: 'kind:rating' });
  const region: FacetValue[] = [];
  regions.forEach((count, code) => {
    const name = codes.regionNames[code];
    if (code > 0 && count > 0 && name) region.push({ label: name, count, filter: regionFilter(name) });
  });
  return {
    year: [...yearCounts].sort((a, b) => b[0] - a[0]).map(([year, count]) => ({ label: String(year), count, filter: `year:${year}` })),
    kind: kind.sort(byCountThenLabel),
    grade,
    region: region.sort(byCountThenLabel),
  };
}

/**
 * Counts `docs` by kind, grade and region into the arrays given (indexed by code), and returns
 * their counts by year. The loop over every matching section is its own function, apart from
 * the facets' objects made after it: code those make that a query had not run before would
 * otherwise throw the loop's compiled code away with the rest.
 */
function countFacets(codes: SectionIndex['facetCodes'], docs: Int32Array, kinds: number[], grades: number[], regions: number[]): Map<number, number> {
  const yearCounts = new Map<number, number>();
  let lastYear = -1;
  let lastYearCount = 0;
  for (const doc of docs) {
    const year = codes.years[doc]!;
    if (year !== lastYear) {
      if (lastYear !== -1) yearCounts.set(lastYear, (yearCounts.get(lastYear) ?? 0) + lastYearCount);
      lastYear = year;
      lastYearCount = 0;
    }
    lastYearCount += 1;
    kinds[codes.kinds[doc]!]! += 1;
    grades[codes.grades[doc]!]! += 1;
    regions[codes.regions[doc]!]! += 1;
  }
  if (lastYear !== -1) yearCounts.set(lastYear, (yearCounts.get(lastYear) ?? 0) + lastYearCount);
  return yearCounts;
}

/** Newest first, then by council, letter and section: the order of sections that have no score. */
function byDateThenPlace(x: StoredSection, y: StoredSection): number {
  if (x.date !== y.date) return x.date < y.date ? 1 : -1;
  if (x.councilName !== y.councilName) return x.councilName < y.councilName ? -1 : 1;
  if (x.letterId !== y.letterId) return x.letterId < y.letterId ? -1 : 1;
  return x.sectionIndex - y.sectionIndex;
}

/**
 * Evaluates `parsed` against the index. Returns everything a SearchResponse has except the
 * query text and the time taken.
 */
export function evaluate(index: SectionIndex, parsed: ParsedQuery, options: RunOptions = {}): Omit<SearchResponse, 'query' | 'elapsedMs'> {
  const errors = [...parsed.errors];
  const limit = Math.max(0, Math.floor(options.letters ?? DEFAULT_LETTER_LIMIT));
  const offset = Math.max(0, Math.floor(options.offset ?? 0));
  const passes = docFilter(index, parsed.filters);
  const ws = workspaceFor(index);

  // What to leave out: words through the index, phrases by reading the text.
  const excludePlans: Plan[] = [];
  const excludePhrases: Phrase[] = [];
  for (const term of parsed.exclude) {
    const words = indexWords(term.words);
    if (words.length === 0) {
      errors.push(`-${quote(term.words.join(' '))} was ignored: it is made only of words too common to search for.`);
    } else if (term.kind === 'word' || (term.words.length === 1 && words[0] === term.words[0])) {
      excludePlans.push(planOf(expandWord(index, words[0]!, false, false)));
    } else {
      excludePhrases.push(compilePhrase(index, term.words));
    }
  }

  // What to find: each clause's words as plans of index terms; phrases also checked against the text.
  const clauses: CompiledClause[] = [];
  for (const clause of parsed.clauses) {
    const plans: Plan[] = [];
    const phrases: Phrase[] = [];
    const marking: Marking = { terms: new Set(), phrases: [] };
    const common: string[] = [];
    for (const term of clause.terms) {
      const words = indexWords(term.words);
      if (words.length === 0) {
        if (term.kind === 'phrase') errors.push(`${quote(term.words.join(' '))} was left out: it is made only of words too common to search for.`);
        else common.push(term.words[0]!);
        continue;
      }
      if (term.kind === 'word' || (term.words.length === 1 && words[0] === term.words[0])) {
        // A quoted single word is that word exactly: no prefix, no near spellings.
        const word = words[0]!;
        const prefix = term.kind === 'word' && term.prefix;
        const derived = expandWord(index, word, prefix, term.kind === 'word' && term.fuzzy);
        plans.push(planOf(derived));
        for (const d of derived) marking.terms.add(d.term);
      } else {
        for (const word of words) plans.push(planOf(expandWord(index, word, false, false)));
        phrases.push(compilePhrase(index, term.words));
        marking.phrases.push(term.words);
      }
    }
    if (plans.length === 0) {
      if (common.length) errors.push(`${quote(common.join(' '))} ${common.length === 1 ? 'is too common a word' : 'are too common words'} to search for.`);
      continue;
    }
    clauses.push({ plans, phrases, marking });
  }

  let excludedStamp = 0;
  if (excludePlans.length) {
    excludedStamp = ws.next();
    for (const plan of excludePlans) {
      for (const { data } of plan.derived) {
        for (const postings of data.values()) for (let i = 0; i < postings.size; i++) ws.excluded[postings.docs[i]!] = excludedStamp;
      }
    }
  }
  const sieve = new Sieve(index, ws, excludedStamp, passes, excludePhrases);

  let total = 0;
  const marked: Marking = { terms: new Set(), phrases: [] };
  let scored = true;
  if (clauses.length > 0) {
    const union = ws.next();
    for (const clause of clauses) {
      const count = sift(index, ws.candidates, matchAll(index, ws, clause.plans), sieve, clause.phrases);
      total = addToUnion(ws, count, union, total);
      // Only what found something is worth marking.
      if (count === 0) continue;
      for (const t of clause.marking.terms) marked.terms.add(t);
      for (const p of clause.marking.phrases) if (!marked.phrases.some((q) => q.join(' ') === p.join(' '))) marked.phrases.push(p);
    }
  } else if (passes !== null) {
    // Filters alone: every section that passes them.
    scored = false;
    total = siftAll(index, ws, sieve);
  } else if (parsed.clauses.length === 0 && parsed.exclude.length > 0) {
    errors.push('Say what to search for as well as what to leave out, or add a filter such as year:2009.');
  }
  const matches = ws.matches;
  const docs = matches.subarray(0, total);

  const words = [...marked.terms].sort().slice(0, MAX_HIGHLIGHT_WORDS);
  const phrases = marked.phrases;
  const grouped = groupByLetter(index, ws, docs, scored, offset, limit, index.snippetHits(marked.terms, marked.phrases));
  return {
    parsed: { ...parsed, errors },
    letters: grouped.letters,
    offset,
    totalSections: total,
    totalLetters: grouped.totalLetters,
    councilKeys: grouped.councilKeys,
    facets: facetsOf(index, docs),
    highlight: { words, phrases },
  };
}

/** What every match must pass besides its clause's words and phrases: exclusions, liveness, filters. */
class Sieve {
  /** Whether anything beyond liveness is to be checked. */
  readonly checks: boolean;

  constructor(
    private readonly index: SectionIndex,
    private readonly ws: Workspace,
    /** Sections stamped with this in `ws.excluded` are left out; 0: none are. */
    private readonly excludedStamp: number,
    private readonly filter: DocFilter | null,
    /** Phrases that leave a section out. */
    readonly excludePhrases: readonly Phrase[],
  ) {
    this.checks = excludedStamp !== 0 || filter !== null;
  }

  keeps(doc: number): boolean {
    if (this.excludedStamp !== 0 && this.ws.excluded[doc] === this.excludedStamp) return false;
    if (!this.index.isLive(doc)) return false;
    return this.filter === null || this.filter.passes(doc);
  }
}

/**
 * Keeps, in place, the first `count` of `docs` that the sieve lets through and that have
 * every one of `phrases` and none of the sieve's excluded phrases; returns how many. The cheap
 * tests go first, and each phrase is then checked over all that is left in one pass.
 */
function sift(index: SectionIndex, docs: Int32Array, count: number, sieve: Sieve, phrases: readonly Phrase[]): number {
  let kept = count;
  if (sieve.checks) {
    kept = 0;
    for (let i = 0; i < count; i++) {
      const doc = docs[i]!;
      if (sieve.keeps(doc)) docs[kept++] = doc;
    }
  }
  for (const phrase of phrases) kept = siftPhrase(index, docs, kept, phrase, true);
  for (const phrase of sieve.excludePhrases) kept = siftPhrase(index, docs, kept, phrase, false);
  return kept;
}

/** Keeps, in place, the first `count` of `docs` that have `phrase` (or, when not `wanted`, do not); returns how many. */
function siftPhrase(index: SectionIndex, docs: Int32Array, count: number, phrase: Phrase, wanted: boolean): number {
  phrase.markEach(docs, count);
  let kept = 0;
  for (let i = 0; i < count; i++) {
    const doc = docs[i]!;
    if (phrase.holds(index, doc) === wanted) docs[kept++] = doc;
  }
  return kept;
}

/** Every section the sieve lets through (a query of filters alone), into `ws.matches`; returns how many. */
function siftAll(index: SectionIndex, ws: Workspace, sieve: Sieve): number {
  const matches = ws.matches;
  let total = 0;
  for (let doc = 0; doc < index.capacity; doc++) if (sieve.keeps(doc)) matches[total++] = doc;
  for (const phrase of sieve.excludePhrases) total = siftPhrase(index, matches, total, phrase, false);
  return total;
}

/** Adds the first `count` candidates to `ws.matches` (the clauses' union), each with its best score; returns the new total. */
function addToUnion(ws: Workspace, count: number, union: number, total: number): number {
  const { candidates, score, unionScore, unionStamp, matches } = ws;
  for (let i = 0; i < count; i++) {
    const doc = candidates[i]!;
    const s = score[doc]!;
    if (unionStamp[doc] !== union) {
      unionStamp[doc] = union;
      unionScore[doc] = s;
      matches[total++] = doc;
    } else if (s > unionScore[doc]!) {
      unionScore[doc] = s;
    }
  }
  return total;
}

/**
 * The letters (by their best section) from place `offset` to `offset + limit`, best first, with
 * all their matching sections, snippets cut; and how many letters there are, and of which councils.
 */
function groupByLetter(
  index: SectionIndex,
  ws: Workspace,
  docs: Int32Array,
  scored: boolean,
  offset: number,
  limit: number,
  hits: SnippetHits,
): { letters: LetterResult[]; totalLetters: number; councilKeys: string[] } {
  if (docs.length === 0) return { letters: [], totalLetters: 0, councilKeys: [] };
  const letterOf = index.letterOrdinalOf;
  const score = scored ? ws.unionScore : null;
  const best = ws.letterBest;
  const bestDoc = ws.letterBestDoc;
  const letters = ws.letterList;
  const letterCount = bestOfEachLetter(ws, letterOf, docs, score);
  const councils = new Set<string>();
  for (let i = 0; i < letterCount; i++) councils.add(index.councilOf(letters[i]!));
  const councilKeys = [...councils].sort();
  // The best `offset + limit` of them, kept in order as they come: most fall below the worst kept at once.
  const dates = index.letterDates;
  const before = (a: number, b: number): boolean => {
    if (best[a] !== best[b]) return best[a]! > best[b]!;
    // Newest first; the stored fields are read only for letters of the same date (or of a date of another form).
    const da = dates[a]!;
    const db = dates[b]!;
    if (da !== db && da !== -1 && db !== -1) return da > db;
    return byDateThenPlace(index.doc(bestDoc[a]!)!, index.doc(bestDoc[b]!)!) < 0;
  };
  const wanted = offset + limit;
  const ranked: number[] = [];
  for (let i = 0; i < (limit === 0 ? 0 : letterCount); i++) {
    const letter = letters[i]!;
    if (ranked.length >= wanted && !before(letter, ranked[ranked.length - 1]!)) continue;
    let at = ranked.length;
    while (at > 0 && before(letter, ranked[at - 1]!)) at -= 1;
    ranked.splice(at, 0, letter);
    if (ranked.length > wanted) ranked.pop();
  }
  const top = ranked.slice(offset);
  const chosen = ws.next();
  const results: LetterResult[] = [];
  const sectionDocs: number[][] = [];
  for (const letter of top) {
    const s = index.doc(bestDoc[letter]!)!;
    ws.letterStamp[letter] = chosen;
    ws.letterSlot[letter] = results.length;
    sectionDocs.push([]);
    results.push({
      letterId: s.letterId,
      councilKey: s.councilKey,
      councilName: s.councilName,
      region: s.region,
      date: s.date,
      year: s.year,
      kind: s.kind,
      overall: gradeOf(s.overall, s.overallScale),
      sections: [],
      score: best[letter]!,
    });
  }
  sectionsOfChosen(ws, letterOf, docs, chosen, sectionDocs);
  results.forEach((letter, slot) => {
    const list = sectionDocs[slot]!;
    const scoreOf = (doc: number) => (score ? score[doc]! : 0);
    list.sort((a, b) => scoreOf(b) - scoreOf(a) || index.doc(a)!.sectionIndex - index.doc(b)!.sectionIndex);
    letter.sections = list.map((doc): SectionResult => {
      const s = index.doc(doc)!;
      return {
        sectionIndex: s.sectionIndex,
        heading: s.heading,
        grade: gradeOf(s.grade, s.gradeScale),
        snippet: index.snippet(s.letterId, s.sectionIndex, hits),
        score: scoreOf(doc),
      };
    });
  });
  return { letters: results, totalLetters: letterCount, councilKeys };
}

/**
 * Each letter's best section of `docs`, in one pass: into `ws.letterBest` and `ws.letterBestDoc`
 * by letter ordinal, the letters (each once) into `ws.letterList`; returns how many letters.
 * The loops over every matching section are functions of their own, apart from the results'
 * objects made around them (see countFacets).
 */
function bestOfEachLetter(ws: Workspace, letterOf: Int32Array, docs: Int32Array, score: Float64Array | null): number {
  const { letterBest: best, letterBestDoc: bestDoc, letterList: letters, letterStamp } = ws;
  const seen = ws.next();
  let letterCount = 0;
  for (const doc of docs) {
    const letter = letterOf[doc]!;
    const s = score ? score[doc]! : 0;
    if (letterStamp[letter] !== seen) {
      letterStamp[letter] = seen;
      best[letter] = s;
      bestDoc[letter] = doc;
      letters[letterCount++] = letter;
    } else if (s > best[letter]!) {
      best[letter] = s;
      bestDoc[letter] = doc;
    }
  }
  return letterCount;
}

/** Appends each of `docs` whose letter is stamped `chosen` to its letter's list in `sectionDocs` (by `ws.letterSlot`). */
function sectionsOfChosen(ws: Workspace, letterOf: Int32Array, docs: Int32Array, chosen: number, sectionDocs: number[][]): void {
  const { letterStamp, letterSlot } = ws;
  for (const doc of docs) {
    const letter = letterOf[doc]!;
    if (letterStamp[letter] === chosen) sectionDocs[letterSlot[letter]!]!.push(doc);
  }
}

/** Parses and answers `query`, timing it. */
export function runQuery(index: SectionIndex, query: string, options: RunOptions = {}): SearchResponse {
  const started = performance.now();
  const parsed = parseQuery(query);
  const answer = evaluate(index, parsed, options);
  return { query, ...answer, elapsedMs: performance.now() - started };
}
