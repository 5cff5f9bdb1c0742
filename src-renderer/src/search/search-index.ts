/**
 * The search index over letter sections: what a section's document is, the MiniSearch
 * options, the section texts kept beside the index (for phrases and snippets), and when
 * a saved snapshot may be used. No Dexie, no Worker: the worker (`search-service.ts`)
 * wires these to the archive, `search-engine.ts` answers queries, and tests call them in Node.
 */
import MiniSearch, { type Options } from 'minisearch';
import type { ApaOutcome, Block, GradeScale, Section } from '../../../src-shared/letters/letter';
import { isStopWord, normaliseWord, possessiveBase, wordsOf } from '../../../src-shared/search/words';
import type { SearchIndexRow } from '../archive/db';
import type { StoredLetter } from '../archive/types';

/** Bump when the documents or the options change: a snapshot with another version is rebuilt. */
export const INDEX_VERSION = 2;

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

/** One search document per section of the letter. */
export function sectionDocuments(letter: StoredLetter): SectionDocument[] {
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

/** A term's postings: field id → (document short id → times the term is in that field). */
export type FieldTermData = Map<number, Map<number, number>>;

/** The parts of MiniSearch's term tree the engine reads. */
interface TermTree {
  get(term: string): FieldTermData | undefined;
  atPrefix(prefix: string): Iterable<[string, FieldTermData]>;
  fuzzyGet(term: string, maxEditDistance: number): Map<string, [FieldTermData, number]>;
}

/**
 * MiniSearch's own `search` builds an object per matching document and sorts them all:
 * about 1.5 µs a result, far too slow when a common word matches most of 80,000 sections.
 * So the engine reads the index MiniSearch keeps (its term tree and postings, documented
 * in its source as protected members) and scores with typed arrays. These are those members;
 * `internalsOf` checks they are there, so a MiniSearch upgrade that moves them fails loudly.
 */
interface MiniSearchInternals {
  _index: TermTree;
  _idToShortId: Map<string, number>;
  _fieldIds: Record<string, number>;
  _fieldLength: Map<number, number[]>;
  _avgFieldLength: number[];
  _storedFields: Map<number, Record<string, unknown>>;
  _documentCount: number;
  _nextId: number;
}

function internalsOf(mini: MiniSearch<SectionDocument>): MiniSearchInternals {
  const x = mini as unknown as Partial<MiniSearchInternals>;
  const ok =
    typeof x._index?.get === 'function' &&
    typeof x._index.atPrefix === 'function' &&
    typeof x._index.fuzzyGet === 'function' &&
    x._idToShortId instanceof Map &&
    x._fieldLength instanceof Map &&
    x._storedFields instanceof Map &&
    Array.isArray(x._avgFieldLength) &&
    typeof x._fieldIds === 'object' &&
    typeof x._nextId === 'number';
  if (!ok) throw new Error('This MiniSearch keeps its index differently from version 7: search-index.ts must be updated.');
  return x as MiniSearchInternals;
}

function grown<T extends Int32Array | Float32Array | Uint16Array | Uint8Array>(array: T, size: number, make: (n: number) => T): T {
  if (array.length >= size) return array;
  const next = make(Math.max(size, Math.ceil(array.length * 1.5), 1024));
  next.set(array);
  return next;
}

/**
 * The index, the letters in it (id → number of sections) and their section texts, kept
 * together so they cannot disagree. Texts are not in the snapshot: after loading one,
 * `attachTexts` gives each letter's texts back (the service reads the letters anyway to
 * catch up with the archive).
 *
 * Beside MiniSearch it keeps, by MiniSearch's short document id: the stored fields, the
 * letter's ordinal (for grouping) and each field's length (for scoring), in arrays.
 */
export class SectionIndex {
  private readonly texts = new Map<string, string[]>();
  private readonly internals: MiniSearchInternals;
  /** Stored fields by short id; undefined for discarded documents. */
  private readonly docs: (StoredSection | undefined)[] = [];
  private letterOfDoc = new Int32Array(0);
  private readonly letterOrdinals = new Map<string, number>();
  private readonly freeOrdinals: number[] = [];
  private lengths: Float32Array[];
  private years = new Uint16Array(0);
  private kinds = new Uint8Array(0);
  private grades = new Uint8Array(0);
  private regionOfDoc = new Uint8Array(0);
  private readonly regionCodes = new Map<string, number>();
  private readonly regionList: string[] = [''];
  /** The search fields' MiniSearch ids, in SEARCH_FIELDS order. */
  readonly fieldIds: readonly number[];
  /** Changes whenever a document is added or removed, so caches know to forget. */
  generation = 0;

  private constructor(
    readonly mini: MiniSearch<SectionDocument>,
    private readonly letters: Map<string, number>,
  ) {
    this.internals = internalsOf(mini);
    this.fieldIds = SEARCH_FIELDS.map((f) => this.internals._fieldIds[f]!);
    this.lengths = SEARCH_FIELDS.map(() => new Float32Array(0));
    for (const [shortId, fields] of this.internals._storedFields) this.track(shortId, fields as unknown as StoredSection);
  }

  static empty(): SectionIndex {
    return new SectionIndex(new MiniSearch(INDEX_OPTIONS), new Map());
  }

  /**
   * The index saved in `row`, or null when it must be rebuilt: no snapshot, a snapshot
   * from another index version, or one that does not load.
   */
  static fromSnapshot(row: SearchIndexRow | undefined, version: number = INDEX_VERSION): SectionIndex | null {
    if (!snapshotUsable(row, version)) return null;
    try {
      const mini = MiniSearch.loadJSON<SectionDocument>(row.json, INDEX_OPTIONS);
      return new SectionIndex(mini, new Map(Object.entries(row.letters)));
    } catch {
      return null;
    }
  }

  get letterCount(): number {
    return this.letters.size;
  }

  get sectionCount(): number {
    return this.mini.documentCount;
  }

  hasLetter(letterId: string): boolean {
    return this.letters.has(letterId);
  }

  /** True when the letter is indexed but its texts were not given back yet. */
  needsTexts(letterId: string): boolean {
    return this.letters.has(letterId) && !this.texts.has(letterId);
  }

  letterIds(): string[] {
    return [...this.letters.keys()];
  }

  /** Adds the letter's sections; false when the letter was already indexed. */
  addLetter(letter: StoredLetter): boolean {
    if (this.letters.has(letter.id)) return false;
    const docs = sectionDocuments(letter);
    this.mini.addAll(docs);
    for (const doc of docs) {
      const shortId = this.internals._idToShortId.get(doc.id);
      const stored = shortId === undefined ? undefined : this.internals._storedFields.get(shortId);
      if (shortId !== undefined && stored) this.track(shortId, stored as unknown as StoredSection);
    }
    this.letters.set(letter.id, letter.sections.length);
    this.texts.set(
      letter.id,
      docs.map((d) => d.text),
    );
    this.generation += 1;
    return true;
  }

  /** Keeps the section texts of a letter the index already holds (after loading a snapshot). */
  attachTexts(letter: StoredLetter): void {
    if (this.letters.has(letter.id)) this.texts.set(letter.id, letter.sections.map(sectionText));
  }

  /** Discards the letter's sections; false when it was not indexed. Call `vacuum` after a batch of removals. */
  removeLetter(letterId: string): boolean {
    const count = this.letters.get(letterId);
    if (count === undefined) return false;
    for (let i = 0; i < count; i++) {
      const id = sectionDocId(letterId, i);
      const shortId = this.internals._idToShortId.get(id);
      if (shortId !== undefined) this.docs[shortId] = undefined;
      if (this.mini.has(id)) this.mini.discard(id);
    }
    const ordinal = this.letterOrdinals.get(letterId);
    if (ordinal !== undefined) {
      this.letterOrdinals.delete(letterId);
      this.freeOrdinals.push(ordinal);
    }
    this.letters.delete(letterId);
    this.texts.delete(letterId);
    this.generation += 1;
    return true;
  }

  /** Cleans discarded documents out of the index's tree. */
  vacuum(): Promise<void> {
    return this.mini.vacuum();
  }

  private track(shortId: number, stored: StoredSection): void {
    this.docs[shortId] = stored;
    let ordinal = this.letterOrdinals.get(stored.letterId);
    if (ordinal === undefined) {
      ordinal = this.freeOrdinals.pop() ?? this.letterOrdinals.size;
      this.letterOrdinals.set(stored.letterId, ordinal);
    }
    const size = shortId + 1;
    this.letterOfDoc = grown(this.letterOfDoc, size, (n) => new Int32Array(n));
    this.letterOfDoc[shortId] = ordinal;
    this.years = grown(this.years, size, (n) => new Uint16Array(n));
    this.years[shortId] = stored.year;
    this.kinds = grown(this.kinds, size, (n) => new Uint8Array(n));
    this.kinds[shortId] = stored.kind === 'apa' ? 0 : 1;
    this.grades = grown(this.grades, size, (n) => new Uint8Array(n));
    this.grades[shortId] = stored.grade ?? 0;
    this.regionOfDoc = grown(this.regionOfDoc, size, (n) => new Uint8Array(n));
    let region = 0;
    if (stored.region !== null) {
      region = this.regionCodes.get(stored.region) ?? 0;
      if (region === 0 && this.regionList.length < 256) {
        region = this.regionList.length;
        this.regionList.push(stored.region);
        this.regionCodes.set(stored.region, region);
      }
    }
    this.regionOfDoc[shortId] = region;
    const lengths = this.internals._fieldLength.get(shortId) ?? [];
    for (let f = 0; f < this.lengths.length; f++) {
      const array = grown(this.lengths[f]!, size, (n) => new Float32Array(n));
      array[shortId] = lengths[this.fieldIds[f]!] ?? 0;
      this.lengths[f] = array;
    }
  }

  // ---- What the engine reads. Short ids run from 0 to `capacity` - 1. ----

  /** One more than the largest short id ever given. */
  get capacity(): number {
    return this.internals._nextId;
  }

  /** Letter ordinals run from 0 to `letterCapacity` - 1. */
  get letterCapacity(): number {
    return this.letterOrdinals.size + this.freeOrdinals.length;
  }

  /** The stored fields of a live document, by short id. */
  doc(shortId: number): StoredSection | undefined {
    return this.docs[shortId];
  }

  /** Short id → letter ordinal. */
  get letterOrdinalOf(): Int32Array {
    return this.letterOfDoc;
  }

  /**
   * What facets count, by short id: year; kind (0 APA, 1 annual rating); section grade (0 none);
   * region (0 none, else an index into `regions`).
   */
  get facetCodes(): { years: Uint16Array; kinds: Uint8Array; grades: Uint8Array; regions: Uint8Array; regionNames: readonly string[] } {
    return { years: this.years, kinds: this.kinds, grades: this.grades, regions: this.regionOfDoc, regionNames: this.regionList };
  }

  /** Each search field's lengths by short id, in SEARCH_FIELDS order. */
  get fieldLengths(): readonly Float32Array[] {
    return this.lengths;
  }

  /** Each search field's average length, in SEARCH_FIELDS order. */
  averageFieldLength(field: number): number {
    return this.internals._avgFieldLength[this.fieldIds[field]!] ?? 1;
  }

  get documentCount(): number {
    return this.internals._documentCount;
  }

  /** The postings of an exact index term. */
  term(term: string): FieldTermData | undefined {
    return this.internals._index.get(term);
  }

  /** Index terms starting with `prefix` (the prefix itself included), with their postings. */
  termsWithPrefix(prefix: string): Iterable<[string, FieldTermData]> {
    return this.internals._index.atPrefix(prefix);
  }

  /** Index terms within `distance` edits of `term`, with their postings and distance. */
  termsNear(term: string, distance: number): Map<string, [FieldTermData, number]> {
    return this.internals._index.fuzzyGet(term, distance);
  }

  /** The text of a section below its heading; '' when it is not known. */
  text(letterId: string, sectionIndex: number): string {
    return this.texts.get(letterId)?.[sectionIndex] ?? '';
  }

  stored(letterId: string, sectionIndex: number): StoredSection | undefined {
    return this.mini.getStoredFields(sectionDocId(letterId, sectionIndex)) as StoredSection | undefined;
  }

  toSnapshot(version: number = INDEX_VERSION, now: Date = new Date()): SearchIndexRow {
    return {
      key: SNAPSHOT_KEY,
      version,
      json: JSON.stringify(this.mini),
      letters: Object.fromEntries(this.letters),
      savedAt: now.toISOString(),
    };
  }
}

/** Whether a saved snapshot was made with this version of the index. */
export function snapshotUsable(row: SearchIndexRow | undefined, version: number = INDEX_VERSION): row is SearchIndexRow {
  return row !== undefined && row.version === version && typeof row.json === 'string' && row.letters !== null && typeof row.letters === 'object';
}
