/**
 * The search index over letter sections: what a section's document is, how its words
 * become index terms, the index itself and its saved form. No Dexie, no Worker: the worker
 * (`search-service.ts`) wires these to the archive, `search-engine.ts` answers queries, and
 * tests call them in Node.
 *
 * Terms are MiniSearch's: the same tokenizer, term processing, field lengths and BM25+ as
 * a MiniSearch built with INDEX_OPTIONS (a test holds the two to the same results). But the
 * postings are kept in typed arrays beside MiniSearch's term tree, and saved as one binary
 * buffer beside a JSON header: MiniSearch's own Map-per-posting index took 540 MB and its
 * JSON six seconds to load at 10,000 letters.
 */
import type { Options } from 'minisearch';
import SearchableMap from 'minisearch/SearchableMap';
import { councilKeyOf, type ApaOutcome, type Block, type GradeScale, type Letter, type Section } from '../../../src-shared/letters/letter';
import { LEAD_WORDS, SNIPPET_WORDS, type MarkedText } from '../../../src-shared/search/snippet';
import { isStopWord, normaliseWord, possessiveBase, wordsOf } from '../../../src-shared/search/words';
import { Postings, StreamPhrase, WordsInField, type PlacedWord, type WordStream } from './postings';
import { TextCodec } from './text-codec';
import { WordTable } from './word-table';
import type { SearchIndexRow } from '../archive/db';
import type { StoredLetter } from '../archive/types';

/** Bump when the documents or the options change: a snapshot with another version is rebuilt. (4: council keys became names.) */
export const INDEX_VERSION = 4;

/** Key of the snapshot's row in the `searchIndex` table. */
export const SNAPSHOT_KEY = 'sections';

/** What the index stores for each section: everything a result needs, so a result needs no database read. */
export interface StoredSection {
  letterId: string;
  sectionIndex: number;
  councilKey: string;
  /** The council's short name ("Coventry"). */
  councilName: string;
  region: string | null;
  date: string;
  year: number;
  kind: StoredLetter['kind'];
  heading: string;
  /** The section's grade, on `gradeScale`. */
  grade: number | null;
  gradeScale: GradeScale | null;
  outcome: ApaOutcome | null;
  /** The letter's overall grade, on `overallScale`. */
  overall: number | null;
  overallScale: GradeScale | null;
}

export interface SectionDocument extends StoredSection {
  /** `letterId#sectionIndex`. */
  id: string;
  text: string;
}

export const STORED_FIELDS: readonly (keyof StoredSection)[] = [
  'letterId',
  'sectionIndex',
  'councilKey',
  'councilName',
  'region',
  'date',
  'year',
  'kind',
  'heading',
  'grade',
  'gradeScale',
  'outcome',
  'overall',
  'overallScale',
];

/** Fields searched for words, and how much a hit in each counts. */
export const SEARCH_FIELDS = ['heading', 'text', 'councilName'] as const;
export const FIELD_BOOST = { heading: 2 };
/** The text field's place in SEARCH_FIELDS: its postings also say where each term first is. */
const TEXT_FIELD = SEARCH_FIELDS.indexOf('text');

/**
 * A word as indexed: lower-cased, never a stop word; a possessive is indexed both as
 * written and without its "'s", so "children" finds "children's".
 */
export function indexTerm(term: string): string | string[] | null {
  const word = normaliseWord(term);
  if (isStopWord(word)) return null;
  const base = possessiveBase(word);
  return base !== null && !isStopWord(base) ? [word, base] : word;
}

/** A query word as searched: the same as indexing, without the possessive's second form. */
export function queryTerm(term: string): string | null {
  const word = normaliseWord(term);
  return isStopWord(word) ? null : word;
}

/** The MiniSearch options this index is equivalent to (tests build a MiniSearch with them to compare). */
export const INDEX_OPTIONS: Options<SectionDocument> = {
  idField: 'id',
  // The service vacuums after each batch of removals; no vacuuming behind its back.
  autoVacuum: false,
  fields: [...SEARCH_FIELDS],
  storeFields: [...STORED_FIELDS],
  tokenize: wordsOf,
  processTerm: indexTerm,
  searchOptions: {
    tokenize: wordsOf,
    processTerm: queryTerm,
    boost: FIELD_BOOST,
    combineWith: 'AND',
    prefix: false,
    fuzzy: false,
  },
};

export function sectionDocId(letterId: string, sectionIndex: number): string {
  return `${letterId}#${sectionIndex}`;
}

function blockText(block: Block): string {
  return block.type === 'paragraph' ? block.text : block.items.join('\n');
}

/** Everything a section says below its heading, as one string. */
export function sectionText(section: Section): string {
  return [
    ...section.paragraphs.map(blockText),
    ...section.recommendations.flatMap((r) => [r.text, ...r.items]),
    ...section.areasForDevelopment,
  ].join('\n');
}

/** What the index reads of a letter: a stored letter, or one a parse worker has just read. */
export type IndexedLetter = Pick<StoredLetter, 'id' | 'councilKey' | 'council' | 'date' | 'year' | 'kind' | 'overall' | 'sections'>;

/** What the index reads of a letter, as the archive will store it (its council's key worked out as the archive does). */
export function indexedLetter(letter: Letter): IndexedLetter {
  const { id, council, date, year, kind, overall, sections } = letter;
  return { id, councilKey: councilKeyOf(council), council, date, year, kind, overall, sections };
}

/** One search document per section of the letter. */
export function sectionDocuments(letter: IndexedLetter): SectionDocument[] {
  return letter.sections.map((section, sectionIndex) => ({
    id: sectionDocId(letter.id, sectionIndex),
    letterId: letter.id,
    sectionIndex,
    councilKey: letter.councilKey,
    councilName: letter.council.displayName,
    region: letter.council.region,
    date: letter.date,
    year: letter.year,
    kind: letter.kind,
    heading: section.heading,
    grade: section.grade?.grade ?? null,
    gradeScale: section.grade?.scale ?? null,
    outcome: section.outcome ?? null,
    overall: letter.overall?.grade ?? null,
    overallScale: letter.overall?.scale ?? null,
    text: sectionText(section),
  }));
}

/**
 * A section's stored fields as one object literal, the only place the index makes them, so
 * that a section indexed from a letter and one loaded from a snapshot share V8's hidden class.
 * Made two ways (the one by setting each of STORED_FIELDS on an empty object), they did not,
 * and the search worker that ran an import, then loaded the snapshot saved after it, read
 * sections of both kinds at the same places in the engine.
 */
function storedSection(
  letterId: string,
  sectionIndex: number,
  councilKey: string,
  councilName: string,
  region: string | null,
  date: string,
  year: number,
  kind: StoredSection['kind'],
  heading: string,
  grade: number | null,
  gradeScale: GradeScale | null,
  outcome: ApaOutcome | null,
  overall: number | null,
  overallScale: GradeScale | null,
): StoredSection {
  return { letterId, sectionIndex, councilKey, councilName, region, date, year, kind, heading, grade, gradeScale, outcome, overall, overallScale };
}

/** White space collapsed to one space; most separators are one space already. */
function oneSpace(separator: string): string {
  return separator === ' ' ? separator : separator.replace(/\s+/g, ' ');
}

/** The code of `value`: its place in `list`, where it is added when new and `list` is shorter than `limit`; undefined when full. */
function codeOf(list: string[], codes: Map<string, number>, value: string, limit = Infinity): number | undefined {
  let code = codes.get(value);
  if (code === undefined && list.length < limit) {
    code = list.length;
    list.push(value);
    codes.set(value, code);
  }
  return code;
}

/**
 * A date of the form YYYY-MM-DD as the number YYYYMMDD, which sorts as the text does; -1 for a
 * date of another form, which only the text can order.
 */
export function dateKey(date: string): number {
  return /^\d{4}-\d{2}-\d{2}$/.test(date) ? Number(date.slice(0, 4)) * 10_000 + Number(date.slice(5, 7)) * 100 + Number(date.slice(8, 10)) : -1;
}

function grown<T extends Int32Array | Uint32Array | Uint16Array | Uint8Array>(array: T, size: number, make: (n: number) => T): T {
  if (array.length >= size) return array;
  const next = make(Math.max(size, Math.ceil(array.length * 1.5), 1024));
  next.set(array);
  return next;
}

/** A term's postings, by search field (its index in SEARCH_FIELDS). */
export type FieldTermData = Map<number, Postings>;

/** Hits looked at to choose a snippet's place, and how many words a stretch of hits may span. */
const SNIPPET_HITS = 32;
const SNIPPET_SPAN = 20;
/** SnippetHits.words flags. */
const HIT_WORD = 1;
const HIT_PHRASE = 2;

/** What a snippet looks for (see SectionIndex.snippetHits). */
export interface SnippetHits {
  /** By word number: HIT_WORD for a word to find, plus HIT_PHRASE when a phrase to find begins with it. */
  words: Uint8Array;
  /** Runs of word numbers to find. */
  phrases: number[][];
}

/** A letter's place in the index: its sections are the short ids `first` to `first + count - 1`. */
interface LetterEntry {
  first: number;
  count: number;
  /** What its sections share, kept here too so a letter without sections still saves. */
  shared: SnapshotHeader['letters'][number];
}

/** The saved form's header: everything but the arrays, which travel as one binary buffer beside it. */
interface SnapshotHeader {
  format: 1;
  nextId: number;
  documentCount: number;
  totalLengths: number[];
  /** Per letter: id, first short id, then the stored fields its sections share. */
  letters: [string, number, string, string, string | null, string, number, StoredLetter['kind'], number | null, GradeScale | null][];
  /** Per letter, per section: heading, grade, grade scale, outcome. */
  sections: [string, number | null, GradeScale | null, ApaOutcome | null][][];
  terms: string[];
  /** Per term, per search field: how many postings (0: none). */
  termSizes: number[];
  words: string[];
  separators: string[];
  /** By short id: what a text's layout could not say. */
  extras: [number, string[]][];
  /** Where each array starts in the binary buffer, in bytes. */
  layout: Record<BinaryPart, number>;
  /** Number of elements of each part. */
  lengths: Record<BinaryPart, number>;
}

type BinaryPart = 'docs' | 'tfs' | 'firsts' | 'lasts' | 'fieldLengths' | 'streamLengths' | 'narrow' | 'wide' | 'isWide' | 'layouts';

/**
 * The index: a term tree (MiniSearch's SearchableMap: exact, prefix and fuzzy lookups) whose
 * values are compact postings; and each section's stored fields, field lengths (for BM25),
 * and text as a word stream (phrases are checked on it) with a layout that gives the text
 * back for snippets (see text-codec.ts). Short ids are never reused, so postings stay in
 * ascending order.
 */
export class SectionIndex {
  private readonly tree = new SearchableMap<FieldTermData>();
  private readonly letters = new Map<string, LetterEntry>();
  /** Stored fields by short id; undefined for removed documents. */
  private readonly docs: (StoredSection | undefined)[] = [];
  private readonly streams: (WordStream | undefined)[] = [];
  private readonly layouts: (Uint8Array | undefined)[] = [];
  private readonly extras = new Map<number, string[]>();
  private codec = new TextCodec();
  /** Every word of the texts, numbered: word streams hold these numbers. */
  private vocabulary = new WordTable();
  /**
   * By word number: the text field's terms it adds to (textTermsOf), once looked up, by the
   * numbers their postings have in `textPostings`. All three are forgotten when vacuuming,
   * which may drop postings from the tree.
   */
  private textTermsByWord: (readonly number[] | undefined)[] = [];
  private textPostings: Postings[] = [];
  private textPostingNumbers = new Map<Postings, number>();
  /** Counts by word number for the section being added; all zero between sections. */
  private readonly tally = { tf: new Int32Array(0), first: new Int32Array(0), last: new Int32Array(0) };
  /** The same by term number (textTermsOf). */
  private readonly termTally = { tf: new Int32Array(0), first: new Int32Array(0), last: new Int32Array(0) };
  private letterOfDoc = new Int32Array(0);
  /** 1 for a live document, by short id. */
  private live = new Uint8Array(0);
  private readonly letterOrdinals = new Map<string, number>();
  private readonly freeOrdinals: number[] = [];
  private lengths: Uint32Array[] = SEARCH_FIELDS.map(() => new Uint32Array(0));
  private readonly totalLengths = SEARCH_FIELDS.map(() => 0);
  private years = new Uint16Array(0);
  private kinds = new Uint8Array(0);
  private grades = new Uint8Array(0);
  private regionOfDoc = new Uint8Array(0);
  private readonly regionCodes = new Map<string, number>();
  private readonly regionList: string[] = [''];
  /** Councils by code, and each letter ordinal's council code: the councils of a search without reading its sections. */
  private readonly councilCodes = new Map<string, number>();
  private readonly councilList: string[] = [];
  private councilOfLetter = new Int32Array(0);
  /** Each letter ordinal's date as a number that sorts as the date does (see dateKey). */
  private dateOfLetter = new Int32Array(0);
  /**
   * Headings and councils' names by code, and each short id's heading and council name as
   * codes: a phrase that may be in them is looked for once per name, not once per section.
   */
  private readonly nameCodes = new Map<string, number>();
  private readonly nameList: string[] = [];
  private headingOfDoc = new Int32Array(0);
  private councilNameOfDoc = new Int32Array(0);
  private nextId = 0;
  private liveDocs = 0;
  /** Changes whenever a document is added or removed, so caches know to forget. */
  generation = 0;

  static empty(): SectionIndex {
    return new SectionIndex();
  }

  /**
   * The index saved in `row`, or null when it must be rebuilt: no snapshot, a snapshot
   * from another index version, or one that does not load.
   */
  static fromSnapshot(row: SearchIndexRow | undefined, version: number = INDEX_VERSION): SectionIndex | null {
    if (!snapshotUsable(row, version)) return null;
    try {
      return SectionIndex.load(JSON.parse(row.json) as SnapshotHeader, row.binary!);
    } catch {
      return null;
    }
  }

  get letterCount(): number {
    return this.letters.size;
  }

  get sectionCount(): number {
    return this.liveDocs;
  }

  hasLetter(letterId: string): boolean {
    return this.letters.has(letterId);
  }

  letterIds(): string[] {
    return [...this.letters.keys()];
  }

  /** Adds the letter's sections; false when the letter was already indexed. */
  addLetter(letter: IndexedLetter): boolean {
    if (this.letters.has(letter.id)) return false;
    const docs = sectionDocuments(letter);
    const shared: LetterEntry['shared'] = [
      letter.id,
      this.nextId,
      letter.councilKey,
      letter.council.displayName,
      letter.council.region,
      letter.date,
      letter.year,
      letter.kind,
      letter.overall?.grade ?? null,
      letter.overall?.scale ?? null,
    ];
    this.letters.set(letter.id, { first: this.nextId, count: docs.length, shared });
    for (const doc of docs) this.addDocument(doc);
    this.generation += 1;
    return true;
  }

  /** Discards the letter's sections; false when it was not indexed. Call `vacuum` after a batch of removals. */
  removeLetter(letterId: string): boolean {
    const entry = this.letters.get(letterId);
    if (entry === undefined) return false;
    for (let doc = entry.first; doc < entry.first + entry.count; doc++) {
      if (this.docs[doc] === undefined) continue;
      this.docs[doc] = undefined;
      this.live[doc] = 0;
      this.streams[doc] = undefined;
      this.layouts[doc] = undefined;
      this.extras.delete(doc);
      for (let f = 0; f < SEARCH_FIELDS.length; f++) this.totalLengths[f]! -= this.lengths[f]![doc]!;
      this.liveDocs -= 1;
    }
    const ordinal = this.letterOrdinals.get(letterId);
    if (ordinal !== undefined) {
      this.letterOrdinals.delete(letterId);
      this.freeOrdinals.push(ordinal);
    }
    this.letters.delete(letterId);
    this.generation += 1;
    return true;
  }

  /** Takes removed documents out of the postings, and terms left with none out of the tree. */
  vacuum(): Promise<void> {
    this.textTermsByWord = [];
    this.textPostings = [];
    this.textPostingNumbers = new Map();
    const alive = (doc: number) => this.docs[doc] !== undefined;
    const empty: string[] = [];
    for (const [term, data] of this.tree) {
      for (const [field, postings] of data) if (postings.keep(alive) === 0) data.delete(field);
      if (data.size === 0) empty.push(term);
    }
    for (const term of empty) this.tree.delete(term);
    return Promise.resolve();
  }

  private addDocument(doc: SectionDocument): void {
    const shortId = this.nextId++;
    this.liveDocs += 1;
    const { letterId, sectionIndex, councilKey, councilName, region, date, year, kind, heading, grade, gradeScale, outcome, overall, overallScale } = doc;
    this.track(shortId, storedSection(letterId, sectionIndex, councilKey, councilName, region, date, year, kind, heading, grade, gradeScale, outcome, overall, overallScale));
    SEARCH_FIELDS.forEach((field, f) => {
      if (f === TEXT_FIELD) this.addText(shortId, doc.text);
      else this.addField(shortId, f, doc[field]);
    });
  }

  /** A short field (the heading, the council's name): its words counted as they come. */
  private addField(shortId: number, f: number, value: string): void {
    const tokens = wordsOf(value);
    // As MiniSearch counts a field's length: its distinct words as written.
    this.setLength(f, shortId, new Set(tokens).size);
    const counts = new Map<string, number>();
    for (const token of tokens) {
      const terms = indexTerm(token);
      if (terms === null) continue;
      for (const term of typeof terms === 'string' ? [terms] : terms) counts.set(term, (counts.get(term) ?? 0) + 1);
    }
    for (const [term, tf] of counts) this.postingsOf(term, f).push(shortId, tf);
  }

  /**
   * The text: read once, into its word stream and layout; its postings are then counted by
   * word number, in arrays kept for the purpose, and each word's postings are looked up once
   * for the whole index, not word by word.
   */
  private addText(shortId: number, text: string): void {
    const encoded = this.codec.encode(text, this.vocabulary);
    const ids = encoded.ids;
    this.streams[shortId] = ids;
    this.layouts[shortId] = encoded.layout;
    if (encoded.extras) this.extras.set(shortId, encoded.extras);
    this.setLength(TEXT_FIELD, shortId, encoded.distinctWritten);
    // Each distinct word's count and first and last place, in the order first met.
    const tally = this.tally;
    if (tally.tf.length < this.vocabulary.size) {
      const size = Math.max(this.vocabulary.size, tally.tf.length * 2, 1024);
      tally.tf = new Int32Array(size);
      tally.first = new Int32Array(size);
      tally.last = new Int32Array(size);
    }
    const { tf, first, last } = tally;
    const met: number[] = [];
    for (let at = 0; at < ids.length; at++) {
      const id = ids[at]!;
      if (tf[id] === 0) {
        met.push(id);
        first[id] = at;
      }
      tf[id]! += 1;
      last[id] = at;
    }
    // A term may come from more than one word ("children" from "children" and "children's"):
    // its count and places are summed by the term's number, in arrays like the words'.
    const terms = this.termTally;
    const termsMet: number[] = [];
    for (const id of met) {
      for (const term of this.textTermsOf(id)) {
        if (terms.tf[term] === 0) {
          termsMet.push(term);
          terms.first[term] = first[id]!;
          terms.last[term] = last[id]!;
        } else {
          if (first[id]! < terms.first[term]!) terms.first[term] = first[id]!;
          if (last[id]! > terms.last[term]!) terms.last[term] = last[id]!;
        }
        terms.tf[term]! += tf[id]!;
      }
      tf[id] = 0;
    }
    for (const term of termsMet) {
      this.textPostings[term]!.push(shortId, terms.tf[term]!, terms.first[term]!, terms.last[term]!);
      terms.tf[term] = 0;
    }
  }

  /**
   * The terms a word (by number) is indexed under in the text field, by the numbers their
   * postings have in `textPostings`: none for a stop word, two for a possessive.
   */
  private textTermsOf(id: number): readonly number[] {
    let terms = this.textTermsByWord[id];
    if (terms === undefined) {
      const found = indexTerm(this.vocabulary.words[id]!);
      const names = found === null ? [] : typeof found === 'string' ? [found] : found;
      terms = names.map((name) => {
        const postings = this.postingsOf(name, TEXT_FIELD);
        let number = this.textPostingNumbers.get(postings);
        if (number === undefined) {
          number = this.textPostings.length;
          this.textPostings.push(postings);
          this.textPostingNumbers.set(postings, number);
        }
        return number;
      });
      this.textTermsByWord[id] = terms;
      // Perhaps in the middle of a section: grown copies, so its terms met so far keep their counts.
      const tally = this.termTally;
      const size = this.textPostings.length;
      for (const key of ['tf', 'first', 'last'] as const) tally[key] = grown(tally[key], size, (n) => new Int32Array(n));
    }
    return terms;
  }

  private setLength(f: number, shortId: number, length: number): void {
    this.lengths[f]![shortId] = length;
    this.totalLengths[f]! += length;
  }

  /** A term's postings in field `f`, made when new. */
  private postingsOf(term: string, f: number): Postings {
    let data = this.tree.get(term);
    if (!data) {
      data = new Map();
      this.tree.set(term, data);
    }
    let postings = data.get(f);
    if (!postings) {
      postings = new Postings();
      data.set(f, postings);
    }
    return postings;
  }

  private track(shortId: number, stored: StoredSection): void {
    this.docs[shortId] = stored;
    let ordinal = this.letterOrdinals.get(stored.letterId);
    if (ordinal === undefined) {
      ordinal = this.freeOrdinals.pop() ?? this.letterOrdinals.size;
      this.letterOrdinals.set(stored.letterId, ordinal);
      // Worked out once per letter, at its first section: its sections share its date.
      this.dateOfLetter = grown(this.dateOfLetter, ordinal + 1, (n) => new Int32Array(n));
      this.dateOfLetter[ordinal] = dateKey(stored.date);
    }
    const size = shortId + 1;
    this.live = grown(this.live, size, (n) => new Uint8Array(n));
    this.live[shortId] = 1;
    this.letterOfDoc = grown(this.letterOfDoc, size, (n) => new Int32Array(n));
    this.letterOfDoc[shortId] = ordinal;
    this.councilOfLetter = grown(this.councilOfLetter, ordinal + 1, (n) => new Int32Array(n));
    this.councilOfLetter[ordinal] = codeOf(this.councilList, this.councilCodes, stored.councilKey)!;
    this.years = grown(this.years, size, (n) => new Uint16Array(n));
    this.years[shortId] = stored.year;
    this.kinds = grown(this.kinds, size, (n) => new Uint8Array(n));
    this.kinds[shortId] = stored.kind === 'apa' ? 0 : 1;
    this.grades = grown(this.grades, size, (n) => new Uint8Array(n));
    this.grades[shortId] = stored.grade ?? 0;
    this.regionOfDoc = grown(this.regionOfDoc, size, (n) => new Uint8Array(n));
    // Code 0 is no region; a byte holds the others, as many as there are.
    this.regionOfDoc[shortId] = stored.region === null ? 0 : (codeOf(this.regionList, this.regionCodes, stored.region, 256) ?? 0);
    this.headingOfDoc = grown(this.headingOfDoc, size, (n) => new Int32Array(n));
    this.headingOfDoc[shortId] = codeOf(this.nameList, this.nameCodes, stored.heading)!;
    this.councilNameOfDoc = grown(this.councilNameOfDoc, size, (n) => new Int32Array(n));
    this.councilNameOfDoc[shortId] = codeOf(this.nameList, this.nameCodes, stored.councilName)!;
    for (let f = 0; f < this.lengths.length; f++) this.lengths[f] = grown(this.lengths[f]!, size, (n) => new Uint32Array(n));
  }

  // ---- What the engine reads. Short ids run from 0 to `capacity` - 1. ----

  /** One more than the largest short id ever given. */
  get capacity(): number {
    return this.nextId;
  }

  /** Letter ordinals run from 0 to `letterCapacity` - 1. */
  get letterCapacity(): number {
    return this.letterOrdinals.size + this.freeOrdinals.length;
  }

  /** Whether a short id is a live document (not removed): a look-up in a byte array, for hot loops. */
  isLive(shortId: number): boolean {
    return this.live[shortId] === 1;
  }

  /** The stored fields of a live document, by short id. */
  doc(shortId: number): StoredSection | undefined {
    return this.docs[shortId];
  }

  /** Short id → the code of its heading (`nameOf` gives it back), for a phrase to be looked for once per heading. */
  get headingCodes(): Int32Array {
    return this.headingOfDoc;
  }

  /** Short id → the code of its council's name (`nameOf` gives it back). */
  get councilNameCodes(): Int32Array {
    return this.councilNameOfDoc;
  }

  /** How many headings and councils' names have codes. */
  get nameCount(): number {
    return this.nameList.length;
  }

  /** A heading or council's name by its code. */
  nameOf(code: number): string {
    return this.nameList[code]!;
  }

  /** Short id → letter ordinal. */
  get letterOrdinalOf(): Int32Array {
    return this.letterOfDoc;
  }

  /** Letter ordinal → its date as a number (dateKey): compared without reading its sections. */
  get letterDates(): Int32Array {
    return this.dateOfLetter;
  }

  /** The council key of a letter, by ordinal. */
  councilOf(letterOrdinal: number): string {
    return this.councilList[this.councilOfLetter[letterOrdinal]!]!;
  }

  /**
   * What facets count, by short id: year; kind (0 APA, 1 annual rating); section grade (0 none);
   * region (0 none, else an index into `regions`).
   */
  get facetCodes(): { years: Uint16Array; kinds: Uint8Array; grades: Uint8Array; regions: Uint8Array; regionNames: readonly string[] } {
    return { years: this.years, kinds: this.kinds, grades: this.grades, regions: this.regionOfDoc, regionNames: this.regionList };
  }

  /** Each search field's lengths by short id, in SEARCH_FIELDS order. */
  get fieldLengths(): readonly Uint32Array[] {
    return this.lengths;
  }

  /** Each search field's average length over the live documents, in SEARCH_FIELDS order. */
  averageFieldLength(field: number): number {
    return this.liveDocs > 0 ? this.totalLengths[field]! / this.liveDocs || 1 : 1;
  }

  get documentCount(): number {
    return this.liveDocs;
  }

  /** The postings of an exact index term. */
  term(term: string): FieldTermData | undefined {
    return this.tree.get(term);
  }

  /** Index terms starting with `prefix` (the prefix itself included), with their postings. */
  termsWithPrefix(prefix: string): Iterable<[string, FieldTermData]> {
    return this.tree.atPrefix(prefix);
  }

  /** Index terms within `distance` edits of `term`, with their postings and distance. */
  termsNear(term: string, distance: number): Map<string, [FieldTermData, number]> {
    return this.tree.fuzzyGet(term, distance);
  }

  /**
   * A test of whether `words` (normalised, stop words included) come one after another in a
   * section's text, or null when one of them is in no text at all.
   */
  phraseInText(words: readonly string[]): StreamPhrase | null {
    const ids: number[] = [];
    const placed: PlacedWord[] = [];
    let exact = true;
    words.forEach((written, offset) => {
      const word = normaliseWord(written);
      const id = this.vocabulary.get(word);
      if (id !== undefined) ids.push(id);
      const postings = isStopWord(word) ? undefined : this.tree.get(word)?.get(TEXT_FIELD);
      if (postings?.firsts && postings.lasts) placed.push({ postings, offset });
      // A stop word has no postings; those of "children" also hold the places of "children's".
      else exact = false;
      if (this.vocabulary.has(`${word}'s`)) exact = false;
    });
    if (ids.length < words.length) return null;
    placed.sort((a, b) => a.postings.size - b.postings.size);
    return new StreamPhrase(this.streams, Int32Array.from(ids), placed, exact);
  }

  /** Whether a section may hold every indexed word of `words` (normalised) in field `f`: see WordsInField. */
  wordsInField(words: readonly string[], f: number): WordsInField {
    const postings: Postings[] = [];
    for (const written of words) {
      const word = normaliseWord(written);
      if (isStopWord(word)) continue;
      const found = this.tree.get(word)?.get(f);
      if (!found) return new WordsInField(null);
      postings.push(found);
    }
    return new WordsInField(postings);
  }

  /** A section's short id; -1 when the index does not hold it. */
  private shortId(letterId: string, sectionIndex: number): number {
    const entry = this.letters.get(letterId);
    return entry && sectionIndex >= 0 && sectionIndex < entry.count ? entry.first + sectionIndex : -1;
  }

  /** The text of a section below its heading; '' when the index does not hold it. */
  text(letterId: string, sectionIndex: number): string {
    const doc = this.shortId(letterId, sectionIndex);
    const stream = this.streams[doc];
    const layout = this.layouts[doc];
    return stream && layout ? this.codec.decode(stream, this.vocabulary.words, layout, this.extras.get(doc)) : '';
  }

  /**
   * What a snippet looks for, by word number: these index terms and their possessives, and
   * these phrases (those whose words are all in some text).
   */
  snippetHits(terms: Iterable<string>, phrases: readonly (readonly string[])[] = []): SnippetHits {
    const words = new Uint8Array(this.vocabulary.size);
    for (const term of terms) {
      for (const word of [term, `${term}'s`]) {
        const id = this.vocabulary.get(word);
        if (id !== undefined) words[id]! |= HIT_WORD;
      }
    }
    const runs: number[][] = [];
    for (const phrase of phrases) {
      const ids = phrase.map((w) => this.vocabulary.get(normaliseWord(w)));
      if (ids.length > 0 && ids.every((id) => id !== undefined)) runs.push(ids as number[]);
    }
    // Longer phrases first, as the hit pattern tries them.
    runs.sort((a, b) => b.length - a.length);
    for (const run of runs) words[run[0]!]! |= HIT_PHRASE;
    return { words, phrases: runs };
  }

  /**
   * About SNIPPET_WORDS words of a section's text around its best stretch of hits (the most
   * different words or phrases of `hits` close together), a few words before it for context,
   * every hit in it marked, white space collapsed, with "…" where the text was cut; its start
   * when there are no hits. As `makeSnippet` cuts them from the text, but worked out on the
   * word stream and decoding only the words shown: no regular expression over the text.
   */
  snippet(letterId: string, sectionIndex: number, hits: SnippetHits): MarkedText {
    const doc = this.shortId(letterId, sectionIndex);
    const stream = this.streams[doc];
    const layout = this.layouts[doc];
    if (!stream || !layout) return { text: '', marks: [] };
    const n = stream.length;
    if (n === 0) {
      const whole = this.codec.decode(stream, this.vocabulary.words, layout, this.extras.get(doc));
      return { text: whole.trim().replace(/\s+/g, ' ').slice(0, 200), marks: [] };
    }
    // Hits as [first word, last word + 1) and what they are (a word's number, or a phrase's place).
    const flags = hits.words;
    // The hit starting at word i: where it ends (0: no hit there), and in `spanKey` what it is.
    let spanKey = 0;
    const spanEnd = (i: number): number => {
      const flag = flags[stream[i]!]!;
      if (flag === 0) return 0;
      for (let p = 0; flag & HIT_PHRASE && p < hits.phrases.length; p++) {
        const run = hits.phrases[p]!;
        if (run[0] !== stream[i] || i + run.length > n) continue;
        let j = 1;
        while (j < run.length && stream[i + j] === run[j]) j += 1;
        if (j === run.length) {
          spanKey = -1 - p;
          return i + run.length;
        }
      }
      spanKey = stream[i]!;
      return flag & HIT_WORD ? i + 1 : 0;
    };
    const starts: number[] = [];
    const keys: number[] = [];
    for (let i = 0; i < n && starts.length < SNIPPET_HITS; i++) {
      // Most words are no hit: a look at their flag, before any call.
      if (flags[stream[i]!] === 0) continue;
      const end = spanEnd(i);
      if (end === 0) continue;
      starts.push(i);
      keys.push(spanKey);
      i = end - 1;
    }
    let anchor = starts[0] ?? 0;
    let most = 0;
    const different: number[] = [];
    for (let h = 0; h < starts.length; h++) {
      different.length = 0;
      for (let k = h; k < starts.length && starts[k]! < starts[h]! + SNIPPET_SPAN; k++) if (!different.includes(keys[k]!)) different.push(keys[k]!);
      if (different.length > most) {
        most = different.length;
        anchor = starts[h]!;
      }
    }
    let first = Math.max(0, anchor - LEAD_WORDS);
    if (first + SNIPPET_WORDS > n) first = Math.max(0, n - SNIPPET_WORDS);
    const last = Math.min(n, first + SNIPPET_WORDS);
    const { separators, written } = this.codec.pieces(stream, this.vocabulary.words, layout, this.extras.get(doc), first, last);
    // The text from the first word (or the text's start) to the punctuation closing the last word.
    const lead = first === 0 ? separators[0]!.replace(/^\s+/, '').replace(/\s+/g, ' ') : '';
    const after = separators[separators.length - 1]!;
    const closing = /^[^\s]*/.exec(after)![0];
    const cutBefore = first > 0;
    const cutAfter = last < n || /\S/.test(after.slice(closing.length));
    let text = (cutBefore ? '\u2026' : '') + lead;
    const startOf: number[] = [];
    const endOf: number[] = [];
    for (let i = 0; i < written.length; i++) {
      if (i > 0) text += oneSpace(separators[i]!);
      startOf.push(text.length);
      text += written[i]!;
      endOf.push(text.length);
    }
    text += closing;
    // Marks, from a phrase that began before the first word shown onwards.
    const marks: [number, number][] = [];
    for (let i = Math.max(0, first - (hits.phrases[0]?.length ?? 1) + 1); i < last; i++) {
      const end = spanEnd(i);
      if (end === 0) continue;
      if (end > first) marks.push([startOf[Math.max(i, first) - first]!, endOf[Math.min(end, last) - 1 - first]!]);
      i = end - 1;
    }
    return { text: text + (cutAfter ? '\u2026' : ''), marks };
  }

  stored(letterId: string, sectionIndex: number): StoredSection | undefined {
    const doc = this.docs[this.shortId(letterId, sectionIndex)];
    return doc ? { ...doc } : undefined;
  }

  toSnapshot(version: number = INDEX_VERSION, now: Date = new Date()): SearchIndexRow {
    const saving = this.save();
    let step = saving.next();
    while (!step.done) step = saving.next();
    return this.snapshotRow(step.value, version, now);
  }

  /**
   * `toSnapshot`, taken a slice at a time: `between` is awaited whenever a slice has taken
   * `sliceMs`, so the thread can answer searches meanwhile (at 10,000 letters the whole
   * takes seconds). Nothing may change the index until it settles.
   */
  async toSnapshotInSlices(between: () => Promise<void>, version: number = INDEX_VERSION, now: Date = new Date(), sliceMs = 20): Promise<SearchIndexRow> {
    const saving = this.save();
    let sliceStart = performance.now();
    let step = saving.next();
    while (!step.done) {
      if (performance.now() - sliceStart >= sliceMs) {
        await between();
        sliceStart = performance.now();
      }
      step = saving.next();
    }
    return this.snapshotRow(step.value, version, now);
  }

  private snapshotRow({ header, binary }: { header: SnapshotHeader; binary: ArrayBuffer }, version: number, now: Date): SearchIndexRow {
    return {
      key: SNAPSHOT_KEY,
      version,
      json: JSON.stringify(header),
      binary,
      letters: Object.fromEntries([...this.letters].map(([id, entry]) => [id, entry.count])),
      savedAt: now.toISOString(),
    };
  }

  /**
   * The snapshot's header and binary. The parts are counted first and copied once, straight
   * into the one buffer they travel in. Yields every so often (about a megabyte copied), so
   * a caller may let other work run between; the index must not change meanwhile.
   */
  private *save(): Generator<void, { header: SnapshotHeader; binary: ArrayBuffer }> {
    const letters: SnapshotHeader['letters'] = [];
    const sections: SnapshotHeader['sections'] = [];
    for (const entry of this.letters.values()) {
      letters.push(entry.shared);
      const list: SnapshotHeader['sections'][number] = [];
      for (let i = 0; i < entry.count; i++) {
        const d = this.docs[entry.first + i]!;
        list.push([d.heading, d.grade, d.gradeScale, d.outcome]);
      }
      sections.push(list);
    }
    yield;
    const terms: string[] = [];
    const termSizes: number[] = [];
    let postingCount = 0;
    let placedCount = 0;
    for (const [term, data] of this.tree) {
      terms.push(term);
      for (let f = 0; f < SEARCH_FIELDS.length; f++) {
        const postings = data.get(f);
        const size = postings?.size ?? 0;
        termSizes.push(size);
        postingCount += size;
        if (f === TEXT_FIELD && postings?.firsts && postings.lasts) placedCount += size;
      }
    }
    const capacity = this.nextId;
    let narrowCount = 0;
    let wideCount = 0;
    let layoutCount = 0;
    for (let doc = 0; doc < capacity; doc++) {
      const stream = this.streams[doc];
      if (!stream) continue;
      if (stream instanceof Uint32Array) wideCount += stream.length;
      else narrowCount += stream.length;
      layoutCount += stream.length + 1;
    }
    yield;
    const { buffer, layout, lengths, parts } = allocateParts({
      docs: postingCount,
      fieldLengths: capacity * SEARCH_FIELDS.length,
      streamLengths: capacity,
      wide: wideCount,
      narrow: narrowCount,
      firsts: placedCount,
      lasts: placedCount,
      tfs: postingCount,
      isWide: capacity,
      layouts: layoutCount,
    });
    const { docs, tfs, firsts, lasts, fieldLengths, streamLengths, isWide, narrow, wide, layouts } = parts;
    /** Elements copied since the last yield. */
    let copied = 0;
    const YIELD_EVERY = 1 << 18;
    let at = 0;
    let textAt = 0;
    for (const data of this.tree.values()) {
      for (let f = 0; f < SEARCH_FIELDS.length; f++) {
        const postings = data.get(f);
        if (!postings) continue;
        docs.set(postings.docs.subarray(0, postings.size), at);
        tfs.set(postings.tfs.subarray(0, postings.size), at);
        at += postings.size;
        if (f === TEXT_FIELD && postings.firsts && postings.lasts) {
          firsts.set(postings.firsts.subarray(0, postings.size), textAt);
          lasts.set(postings.lasts.subarray(0, postings.size), textAt);
          textAt += postings.size;
        }
        copied += postings.size;
      }
      if (copied >= YIELD_EVERY) {
        copied = 0;
        yield;
      }
    }
    this.lengths.forEach((array, f) => fieldLengths.set(array.subarray(0, capacity), f * capacity));
    let n = 0;
    let w = 0;
    let l = 0;
    for (let doc = 0; doc < capacity; doc++) {
      const stream = this.streams[doc];
      if (!stream) continue;
      streamLengths[doc] = stream.length;
      layouts.set(this.layouts[doc]!, l);
      l += stream.length + 1;
      if (stream instanceof Uint32Array) {
        isWide[doc] = 1;
        wide.set(stream, w);
        w += stream.length;
      } else {
        narrow.set(stream, n);
        n += stream.length;
      }
      copied += stream.length;
      if (copied >= YIELD_EVERY) {
        copied = 0;
        yield;
      }
    }
    const header: SnapshotHeader = {
      format: 1,
      nextId: this.nextId,
      documentCount: this.liveDocs,
      totalLengths: [...this.totalLengths],
      letters,
      sections,
      terms,
      termSizes,
      words: [...this.vocabulary.words],
      separators: [...this.codec.separators],
      extras: [...this.extras],
      layout,
      lengths,
    };
    return { header, binary: buffer };
  }

  private static load(header: SnapshotHeader, binary: ArrayBuffer): SectionIndex {
    if (header.format !== 1) throw new Error('unknown snapshot format');
    const part = <T>(name: BinaryPart, make: (buffer: ArrayBuffer, offset: number, length: number) => T): T => make(binary, header.layout[name], header.lengths[name]);
    const docs = part('docs', (b, o, l) => new Int32Array(b, o, l));
    const tfs = part('tfs', (b, o, l) => new Uint8Array(b, o, l));
    const firsts = part('firsts', (b, o, l) => new Uint16Array(b, o, l));
    const lasts = part('lasts', (b, o, l) => new Uint16Array(b, o, l));
    const fieldLengths = part('fieldLengths', (b, o, l) => new Uint32Array(b, o, l));
    const streamLengths = part('streamLengths', (b, o, l) => new Uint32Array(b, o, l));
    const isWide = part('isWide', (b, o, l) => new Uint8Array(b, o, l));
    const narrow = part('narrow', (b, o, l) => new Uint16Array(b, o, l));
    const wide = part('wide', (b, o, l) => new Uint32Array(b, o, l));
    const layouts = part('layouts', (b, o, l) => new Uint8Array(b, o, l));

    const index = new SectionIndex();
    const capacity = header.nextId;
    index.nextId = capacity;
    header.letters.forEach((shared, i) => {
      const [id, first, councilKey, councilName, region, date, year, kind, overall, overallScale] = shared;
      const list = header.sections[i]!;
      if (first + list.length > capacity) throw new Error('a letter lies beyond the saved sections');
      index.letters.set(id, { first, count: list.length, shared });
      list.forEach(([heading, grade, gradeScale, outcome], sectionIndex) => {
        index.liveDocs += 1;
        index.track(first + sectionIndex, storedSection(id, sectionIndex, councilKey, councilName, region, date, year, kind, heading, grade, gradeScale, outcome, overall, overallScale));
      });
    });
    for (let f = 0; f < SEARCH_FIELDS.length; f++) {
      const array = grown(new Uint32Array(0), capacity, (n) => new Uint32Array(n));
      array.set(fieldLengths.subarray(f * capacity, (f + 1) * capacity));
      index.lengths[f] = array;
      index.totalLengths[f] = header.totalLengths[f] ?? 0;
    }
    let at = 0;
    let textAt = 0;
    header.terms.forEach((term, t) => {
      const data: FieldTermData = new Map();
      for (let f = 0; f < SEARCH_FIELDS.length; f++) {
        const size = header.termSizes[t * SEARCH_FIELDS.length + f]!;
        if (size === 0) continue;
        let first: Uint16Array | null = null;
        let last: Uint16Array | null = null;
        if (f === TEXT_FIELD) {
          first = firsts.subarray(textAt, textAt + size);
          last = lasts.subarray(textAt, textAt + size);
          textAt += size;
        }
        data.set(f, new Postings(docs.subarray(at, at + size), tfs.subarray(at, at + size), size, first, last));
        at += size;
      }
      index.tree.set(term, data);
    });
    index.vocabulary = WordTable.of(header.words);
    index.codec = new TextCodec(header.separators);
    for (const [doc, extras] of header.extras) index.extras.set(doc, extras);
    let n = 0;
    let w = 0;
    let l = 0;
    for (let doc = 0; doc < capacity; doc++) {
      const length = streamLengths[doc]!;
      if (index.docs[doc] === undefined) continue;
      index.layouts[doc] = layouts.subarray(l, l + length + 1);
      l += length + 1;
      if (isWide[doc]) {
        index.streams[doc] = wide.subarray(w, w + length);
        w += length;
      } else {
        index.streams[doc] = narrow.subarray(n, n + length);
        n += length;
      }
    }
    if (index.liveDocs !== header.documentCount || l !== layouts.length || textAt !== firsts.length || at !== docs.length || n !== narrow.length || w !== wide.length) throw new Error('the snapshot does not add up');
    return index;
  }
}

/** The typed array each binary part is, in the order the parts lie in the buffer. */
const PART_ARRAYS = {
  docs: Int32Array,
  fieldLengths: Uint32Array,
  streamLengths: Uint32Array,
  wide: Uint32Array,
  narrow: Uint16Array,
  firsts: Uint16Array,
  lasts: Uint16Array,
  tfs: Uint8Array,
  isWide: Uint8Array,
  layouts: Uint8Array,
} as const;

type PartArrays = { [K in BinaryPart]: InstanceType<(typeof PART_ARRAYS)[K]> };

/** One buffer with room for every part, each at an offset its element size divides, and a view of each. */
function allocateParts(lengths: Record<BinaryPart, number>): { buffer: ArrayBuffer; layout: Record<BinaryPart, number>; lengths: Record<BinaryPart, number>; parts: PartArrays } {
  const names = Object.keys(PART_ARRAYS) as BinaryPart[];
  const layout = {} as Record<BinaryPart, number>;
  let size = 0;
  for (const name of names) {
    const bytes = PART_ARRAYS[name].BYTES_PER_ELEMENT;
    size = Math.ceil(size / bytes) * bytes;
    layout[name] = size;
    size += lengths[name] * bytes;
  }
  const buffer = new ArrayBuffer(size);
  const parts = {} as Record<BinaryPart, unknown>;
  for (const name of names) parts[name] = new PART_ARRAYS[name](buffer, layout[name], lengths[name]);
  return { buffer, layout, lengths: { ...lengths }, parts: parts as PartArrays };
}

/** Whether a saved snapshot was made with this version of the index. */
export function snapshotUsable(row: SearchIndexRow | undefined, version: number = INDEX_VERSION): row is SearchIndexRow {
  return row !== undefined && row.version === version && typeof row.json === 'string' && row.binary instanceof ArrayBuffer && row.letters !== null && typeof row.letters === 'object';
}
