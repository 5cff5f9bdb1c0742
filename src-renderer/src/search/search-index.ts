/**
 * The search index over letter sections: what a section's document is, the MiniSearch
 * options, and when a saved snapshot may be used. No Dexie, no Worker: the worker
 * (`search-service.ts`) wires these to the archive, and tests call them in Node.
 */
import MiniSearch, { type Options, type SearchResult } from 'minisearch';
import type { Block, Rating, Section } from '../../../src-shared/letters/letter';
import type { SearchIndexRow } from '../archive/db';
import type { SearchHit, StoredLetter } from '../archive/types';

/** Bump when the documents or the options change: a snapshot with another version is rebuilt. */
export const INDEX_VERSION = 1;

/** Key of the snapshot's row in the `searchIndex` table. */
export const SNAPSHOT_KEY = 'sections';

export interface SectionDocument {
  /** `letterId#sectionIndex`. */
  id: string;
  letterId: string;
  sectionIndex: number;
  councilKey: string;
  councilName: string;
  date: string;
  year: number;
  kind: StoredLetter['kind'];
  heading: string;
  grade: Rating | null;
  text: string;
}

export const INDEX_OPTIONS: Options<SectionDocument> = {
  idField: 'id',
  fields: ['heading', 'text', 'councilName'],
  storeFields: ['letterId', 'sectionIndex', 'councilKey', 'councilName', 'date', 'year', 'kind', 'heading', 'grade'],
  searchOptions: { prefix: true, fuzzy: 0.2, boost: { heading: 2 }, combineWith: 'AND' },
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
    date: letter.date,
    year: letter.year,
    kind: letter.kind,
    heading: section.heading,
    grade: section.grade ?? null,
    text: sectionText(section),
  }));
}

function toHit(result: SearchResult): SearchHit {
  return {
    letterId: result.letterId as string,
    sectionIndex: result.sectionIndex as number,
    councilKey: result.councilKey as string,
    councilName: result.councilName as string,
    date: result.date as string,
    year: result.year as number,
    kind: result.kind as SearchHit['kind'],
    heading: result.heading as string,
    grade: (result.grade as Rating | null) ?? null,
    terms: [...new Set(result.terms)].sort(),
    score: result.score,
  };
}

/** The index and the letters in it (id → number of sections), kept together so they cannot disagree. */
export class SectionIndex {
  private constructor(
    private readonly mini: MiniSearch<SectionDocument>,
    private readonly letters: Map<string, number>,
  ) {}

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

  letterIds(): string[] {
    return [...this.letters.keys()];
  }

  /** Adds the letter's sections; false when the letter was already indexed. */
  addLetter(letter: StoredLetter): boolean {
    if (this.letters.has(letter.id)) return false;
    this.mini.addAll(sectionDocuments(letter));
    this.letters.set(letter.id, letter.sections.length);
    return true;
  }

  /** Discards the letter's sections; false when it was not indexed. Call `vacuum` after a batch of removals. */
  removeLetter(letterId: string): boolean {
    const count = this.letters.get(letterId);
    if (count === undefined) return false;
    for (let i = 0; i < count; i++) {
      const id = sectionDocId(letterId, i);
      if (this.mini.has(id)) this.mini.discard(id);
    }
    this.letters.delete(letterId);
    return true;
  }

  /** Cleans discarded documents out of the index's tree. */
  vacuum(): Promise<void> {
    return this.mini.vacuum();
  }

  /** The best `limit` sections for the query: every word must match (by prefix, or nearly). */
  search(query: string, limit = 50): SearchHit[] {
    if (!query.trim()) return [];
    return this.mini.search(query).slice(0, Math.max(0, limit)).map(toHit);
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

/** What a loaded snapshot lacks, and what it holds that the archive no longer has. */
export function reconcile(indexed: Iterable<string>, stored: Iterable<string>): { toAdd: string[]; toRemove: string[] } {
  const inIndex = new Set(indexed);
  const inArchive = new Set(stored);
  return {
    toAdd: [...inArchive].filter((id) => !inIndex.has(id)),
    toRemove: [...inIndex].filter((id) => !inArchive.has(id)),
  };
}
