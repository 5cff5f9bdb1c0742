/**
 * The archive's IndexedDB database. Components never touch it: they go through
 * `repository.ts` and `hooks.ts`. The search worker opens the same database by name.
 */
import Dexie, { type Table, type Transaction } from 'dexie';
import { letterGrades, type LetterGrades } from '../../../src-shared/analysis/letter-grades';
import { councilKeyOf, type Block, type Letter, type LetterText, type Section } from '../../../src-shared/letters/letter';
import { recomputeCouncils } from './council-rows';
import type { CouncilRow, ImportReport, ReportEntryRow, ReportRow, Selection, StoredLetter, TickRow } from './types';

export const DB_NAME = 'letter-archive';

/**
 * A letter row. IndexedDB cannot index booleans, so sample letters also carry
 * `sampleFlag: 1`; other letters have no such property and stay out of that index.
 */
export interface LetterRow extends StoredLetter {
  sampleFlag?: 1;
}

/**
 * A section as a letter's row keeps it. An import keeps most sections' paragraphs beside the
 * letter's text, in its pack (letter-paragraphs.ts): the paragraphs are most of a letter, and
 * in the row they made IndexedDB's store rewrite itself some nine times over during an import.
 * A section without `paragraphs` has them there; rows written otherwise keep them all.
 */
export type KeptSection = Omit<Section, 'paragraphs'> & { paragraphs?: Block[] };

/** A letter as its row keeps it: what reads it gets its paragraphs with letter-paragraphs.ts. */
export type KeptLetterRow = Omit<LetterRow, 'sections'> & { sections: KeptSection[] };

/** A letter read as its row will keep it: the parse worker sends it so, with the paragraphs apart (parse-messages.ts). */
export type KeptLetter = Omit<Letter, 'sections'> & { sections: KeptSection[] };

/**
 * The text a letter was read from, kept so a later parser can read it again: apart from the
 * letter, as it is seldom needed. Kept as UTF-8 bytes: a string with a single dash or bullet
 * in it is kept two bytes a character, so bytes halve what most letters' texts cost to write.
 * An import keeps its texts many to a row of `textPacks` (text-packs.ts), and the letter's
 * row here says where in which pack its bytes are. Rows written before, with the bytes
 * (`utf8`) or the string (`text`) in them, are still read.
 */
export type TextRow = WholeTextRow | (TextRowBase & TextPlace);

type TextRowBase = { id: string; pdf?: LetterText['pdf'] };

/** A row of `texts` that holds its text itself: as UTF-8, or (rows of version 2 only) as a string. */
export type WholeTextRow = TextRowBase & ({ utf8: Uint8Array } | { text: string });

/**
 * Where in a pack a letter's text is: `length` bytes from `at`; then, for a letter whose row
 * keeps sections without their paragraphs, `paragraphBytes` more bytes holding them (letter-paragraphs.ts).
 */
export interface TextPlace {
  pack: string;
  at: number;
  length: number;
  paragraphBytes?: number;
}

/**
 * Many letters' texts as UTF-8, end to end. Never changed once written: a transaction that
 * takes texts out of it deletes it, and writes what is left in a new pack.
 */
export interface TextPackRow {
  id: string;
  utf8: Uint8Array;
}

/** A letter's text as a row of `texts` that holds it; `utf8` is the text already encoded, when it is. */
export function toTextRow(id: string, { text, pdf }: LetterText, utf8?: Uint8Array): TextRow & { utf8: Uint8Array } {
  const row: TextRow & { utf8: Uint8Array } = { id, utf8: utf8 ?? new TextEncoder().encode(text) };
  if (pdf) row.pdf = pdf;
  return row;
}

/** The text a row that holds it keeps (text-packs.ts reads a row that points into a pack). */
export function fromTextRow(row: WholeTextRow): LetterText {
  const text: LetterText = { text: 'text' in row ? row.text : new TextDecoder().decode(row.utf8) };
  if (row.pdf) text.pdf = row.pdf;
  return text;
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
  /** Where `binary` is kept instead, when it is kept in a file of its own (search/snapshot-files.ts). */
  binaryFile?: { name: string; bytes: number };
  /** Letter id → number of sections indexed, so removals and reconciling need no scan of the index. */
  letters: Record<string, number>;
  savedAt: string;
}

export class LetterArchiveDb extends Dexie {
  letters!: Table<KeptLetterRow, string>;
  councils!: Table<CouncilRow, string>;
  reports!: Table<ReportRow, number>;
  /** The files a report names (not imported, or the same letter as another), one row each, in the order met. */
  reportEntries!: Table<ReportEntryRow, number>;
  settings!: Table<SettingRow, string>;
  searchIndex!: Table<SearchIndexRow, string>;
  texts!: Table<TextRow, string>;
  /** Texts of letters, many to a row: see TextRow. */
  textPacks!: Table<TextPackRow, string>;
  /** Letters changed in the archive (read again) that the saved search index may not have taken in yet. */
  pendingIndex!: Table<{ id: string }, string>;
  /** Each letter's grades alone, kept with the letter, so views over every letter never read whole letters. */
  grades!: Table<LetterGrades, string>;
  /** The person's ticks on recommendations and areas for development: their own data, never touched by imports. */
  ticks!: Table<TickRow, string>;

  constructor(name: string = DB_NAME) {
    super(name);
    declareVersions(this, ARCHIVE_VERSIONS.length);
  }
}

/**
 * The archive's versions, oldest first: the tables each declares anew (Dexie keeps what
 * earlier versions declared), and how rows of the version before are brought up to it.
 */
const ARCHIVE_VERSIONS: readonly { stores: Record<string, string>; upgrade?: (tx: Transaction) => Promise<void> }[] = [
  {
    // 1: one row per letter with its sections inside: IndexedDB's cost is per row.
    stores: { letters: 'id, councilKey, date, [councilKey+date], sampleFlag', councils: 'key, displayName', reports: '++id, startedAt', settings: 'key', searchIndex: 'key' },
  },
  {
    // 2: the parser's version and the files each letter was found in are kept with it, its
    // text beside it, and a council's key is its name, not its code.
    stores: { letters: 'id, councilKey, date, [councilKey+date], sampleFlag, parserVersion', texts: 'id', pendingIndex: 'id' },
    upgrade: upgradeToVersion2,
  },
  {
    // 3: a report's files are rows of their own, so an import adds to its report as it goes
    // instead of rewriting a list that grows with every batch.
    stores: { reportEntries: '++seq, reportId' },
    upgrade: upgradeToVersion3,
  },
  {
    // 4: each letter's grades beside it, for the compare grid and the checks; and the person's ticks.
    stores: { grades: 'id, councilKey', ticks: 'pointId, councilKey, letterId' },
    upgrade: upgradeToVersion4,
  },
  {
    // 5: letters found by when they were imported, so the letters of one import can be removed.
    stores: { letters: 'id, councilKey, date, [councilKey+date], sampleFlag, parserVersion, importedAt' },
  },
  {
    // 6: an import keeps its letters' texts many to a row: one row of some 25 KB for each
    // letter cost IndexedDB more than the letter itself. Rows found by their pack, so that a
    // pack can be written anew without the texts taken out of it. Texts kept before stay as they are.
    stores: { texts: 'id, pack', textPacks: 'id' },
  },
  {
    // 7: an import keeps most of a letter's paragraphs beside its text, in its pack (KeptSection).
    // No index changes: rows of before keep their paragraphs and are read as they are. The new
    // version is so that an older app refuses a backup of this archive, which it could not read.
    stores: {},
  },
  {
    // 8: an import keeps most paragraphs as their places in the letter's text (paragraph-bytes.ts).
    // No index changes: paragraphs kept as JSON before are read as they are. The new version is
    // so that an older app refuses a backup of this archive, whose paragraphs it could not read.
    stores: {},
  },
];

/** The version of the archive that first has `table`; undefined for a table it never had. */
export function versionAdding(table: string): number | undefined {
  const at = ARCHIVE_VERSIONS.findIndex(({ stores }) => table in stores);
  return at === -1 ? undefined : at + 1;
}

/** Declares the archive's versions up to `last` on `db`, with their upgrades. */
function declareVersions(db: Dexie, last: number): void {
  ARCHIVE_VERSIONS.slice(0, last).forEach(({ stores, upgrade }, i) => {
    const version = db.version(i + 1).stores(stores);
    if (upgrade) version.upgrade(upgrade);
  });
}

/**
 * For tests of upgrades: a database named `name` as the archive of `version` declared it,
 * to fill with rows of that version before the archive of today opens it.
 */
export function archiveOfVersion(name: string, version: number): Dexie {
  const db = new Dexie(name);
  declareVersions(db, version);
  return db;
}

/** Every letter's grades, read from the letters a few hundred at a time. */
async function upgradeToVersion4(tx: Transaction): Promise<void> {
  const grades = tx.table<LetterGrades, string>('grades');
  const letters = tx.table<KeptLetterRow, string>('letters');
  const keys = (await letters.toCollection().primaryKeys()) as string[];
  for (let i = 0; i < keys.length; i += 500) {
    const rows = (await letters.bulkGet(keys.slice(i, i + 500))).filter((row): row is KeptLetterRow => row !== undefined);
    await grades.bulkPut(rows.map(letterGrades));
  }
}

/** Keeps the grades of these letters, as they are now, beside them: call in the transaction that writes the letters. */
export function putGrades(db: LetterArchiveDb, letters: readonly KeptLetterRow[]): Promise<unknown> {
  return letters.length === 0 ? Promise.resolve() : db.grades.bulkPut(letters.map(letterGrades));
}

/** A report of version 2 or before, with its files inside it. */
type ReportWithFiles = ReportRow & Partial<Pick<ImportReport, 'failures' | 'sameLetters'>>;

/** The files each report names move to their own rows; the report keeps how many there are. */
async function upgradeToVersion3(tx: Transaction): Promise<void> {
  const entries = tx.table<ReportEntryRow, number>('reportEntries');
  const reports = (await tx.table<ReportWithFiles, number>('reports').toArray()) as ReportWithFiles[];
  for (const report of reports) {
    const { failures = [], sameLetters = [], ...row } = report;
    await entries.bulkAdd(reportEntriesOf(report.id!, failures, sameLetters));
    await tx.table<ReportRow, number>('reports').put({ ...row, failed: failures.length, same: sameLetters.length });
  }
}

/**
 * Adds files to a report and sets its counts, in one transaction (or in the caller's, when
 * it covers both tables): so the counts a report keeps are always those of the files it names.
 */
export function appendToReport(db: LetterArchiveDb, reportId: number, entries: readonly ReportEntryRow[], changes: Partial<ReportRow>): Promise<void> {
  return db.transaction('rw', [db.reports, db.reportEntries], async () => {
    if (entries.length > 0) await db.reportEntries.bulkAdd([...entries]);
    await db.reports.update(reportId, changes);
  });
}

/** A report's files as rows. */
export function reportEntriesOf(reportId: number, failures: ImportReport['failures'], sameLetters: ImportReport['sameLetters'] = []): ReportEntryRow[] {
  return [
    ...failures.map(({ file, reason }) => ({ reportId, file, reason })),
    ...sameLetters.map(({ file, sameAs, letter }) => (letter ? { reportId, file, sameAs, letter } : { reportId, file, sameAs })),
  ];
}

/**
 * Letters read before versions were kept are version 1, found in the one file they name,
 * with no text to read again from. Council keys were DfE codes where there was one: a
 * council that gained a code later would have split in two, so keys become names, and the
 * council rows and the saved selection follow.
 */
async function upgradeToVersion2(tx: Transaction): Promise<void> {
  const letters = tx.table<KeptLetterRow, string>('letters');
  const renamed = new Map<string, string>();
  await letters.toCollection().modify((row) => {
    const key = councilKeyOf(row.council);
    if (row.councilKey !== key) renamed.set(row.councilKey, key);
    row.councilKey = key;
    row.parserVersion ??= 1;
    row.files ??= [row.sourceFile];
  });
  const councils = tx.table<CouncilRow, string>('councils');
  await councils.clear();
  const keys = (await letters.orderBy('councilKey').uniqueKeys()) as string[];
  await recomputeCouncils({ letters, councils }, keys);
  const settings = tx.table<SettingRow, string>('settings');
  const selection = (await settings.get('selection'))?.value as Selection | undefined;
  const key = selection?.councilKey;
  if (selection && key && renamed.has(key)) await settings.put({ key: 'selection', value: { ...selection, councilKey: renamed.get(key) } });
}

let current: LetterArchiveDb | null = null;

/** The app's database, opened on first use. */
export function getDb(): LetterArchiveDb {
  current ??= closingInterruptedImports(new LetterArchiveDb());
  return current;
}

/** Said of an import whose window closed or reloaded before it finished. */
export const INTERRUPTED_REASON =
  'the import was interrupted: the app closed or reloaded before it finished. The letters read before then are kept; import the folder again to complete it';

/**
 * An import's report is written as it goes and finished at the end; one still open when
 * the archive is opened belonged to a window that closed or reloaded mid-import. Closing
 * such reports before any other query runs keeps them from reading "still running" for ever.
 * Only the window's own database does this: the search worker opens another connection.
 */
function closingInterruptedImports(db: LetterArchiveDb): LetterArchiveDb {
  db.on('ready', () =>
    db.transaction('rw', [db.reports, db.reportEntries], async () => {
      const open = await db.reports.filter((report) => report.finishedAt === '').toArray();
      for (const report of open) {
        await appendToReport(db, report.id!, reportEntriesOf(report.id!, [{ file: report.source, reason: INTERRUPTED_REASON }]), {
          finishedAt: new Date().toISOString(),
          cancelled: true,
          failed: report.failed + 1,
        });
      }
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
