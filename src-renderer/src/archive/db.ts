/**
 * The archive's IndexedDB database. Components never touch it: they go through
 * `repository.ts` and `hooks.ts`. The search worker opens the same database by name.
 */
import Dexie, { type Table } from 'dexie';
import type { CouncilRow, ImportReport, StoredLetter } from './types';

export const DB_NAME = 'letter-archive';

/**
 * A letter row. IndexedDB cannot index booleans, so sample letters also carry
 * `sampleFlag: 1`; other letters have no such property and stay out of that index.
 */
export interface LetterRow extends StoredLetter {
  sampleFlag?: 1;
}

export interface SettingRow {
  key: string;
  value: unknown;
}

/** The search index's snapshot: one JSON string, so saving and loading it is one row, not thousands. */
export interface SearchIndexRow {
  key: string;
  /** The index's options version when it was saved; a different version means rebuild. */
  version: number;
  /** The index's header as JSON: terms, words, stored fields, and where each array is in `binary`. */
  json: string;
  /** The postings, field lengths and word streams, as typed arrays laid end to end. */
  binary?: ArrayBuffer;
  /** Letter id → number of sections indexed, so removals and reconciling need no scan of the index. */
  letters: Record<string, number>;
  savedAt: string;
}

export class LetterArchiveDb extends Dexie {
  letters!: Table<LetterRow, string>;
  councils!: Table<CouncilRow, string>;
  reports!: Table<ImportReport, number>;
  settings!: Table<SettingRow, string>;
  searchIndex!: Table<SearchIndexRow, string>;

  constructor(name: string = DB_NAME) {
    super(name);
    this.version(1).stores({
      // One row per letter with its sections inside: IndexedDB's cost is per row.
      letters: 'id, councilKey, date, [councilKey+date], sampleFlag',
      councils: 'key, displayName',
      reports: '++id, startedAt',
      settings: 'key',
      searchIndex: 'key',
    });
  }
}

let current: LetterArchiveDb | null = null;

/** The app's database, opened on first use. */
export function getDb(): LetterArchiveDb {
  current ??= closingInterruptedImports(new LetterArchiveDb());
  return current;
}

/** Said of an import whose window closed or reloaded before it finished. */
export const INTERRUPTED_REASON =
  'the import was interrupted: the app closed or reloaded before it finished; import the folder again to complete it';

/**
 * An import's report is written as it goes and finished at the end; one still open when
 * the archive is opened belonged to a window that closed or reloaded mid-import. Closing
 * such reports before any other query runs keeps them from reading "still running" for ever.
 * Only the window's own database does this: the search worker opens another connection.
 */
function closingInterruptedImports(db: LetterArchiveDb): LetterArchiveDb {
  db.on('ready', () =>
    db.reports
      .filter((report) => report.finishedAt === '')
      .modify((report) => {
        report.finishedAt = new Date().toISOString();
        report.cancelled = true;
        report.failures.push({ file: report.source, reason: INTERRUPTED_REASON });
      }),
  );
  return db;
}

/**
 * For tests: closes the current database and makes a fresh one under `name` the
 * singleton, so each test can start from an empty archive.
 */
export function openFreshDbForTests(name: string): LetterArchiveDb {
  current?.close();
  current = closingInterruptedImports(new LetterArchiveDb(name));
  return current;
}
