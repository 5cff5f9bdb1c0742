/**
 * Backing the archive up to one file, and restoring it, with dexie-export-import.
 *
 * What a backup holds, and why:
 * - `letters`, `texts` and `textPacks`: every letter as the archive keeps it, and the text it
 *   was read from (so a later version of the app can read it again, as it does the letters it
 *   imported), the texts many to a pack as the archive keeps them (text-packs.ts). A pack's
 *   bytes are written as base64 text: dexie-export-import writes bytes a character at a time,
 *   which for fifty packs of a megabyte took gigabytes of memory.
 * - `ticks`: the person's ticks and notes on points raised.
 * - `settings`: saved and recent searches, the selection, pane widths, notices dismissed.
 * - `reports` and `reportEntries`: the import log, so a restored archive still says where its
 *   letters came from and what was not imported.
 * Not `councils`, `grades`, `searchIndex` or `pendingIndex`: each is worked out from the letters
 * (council-rows.ts, letterGrades, the search worker), so a restore makes them again rather
 * than trusting a file for them; the search index alone would double the backup's size.
 *
 * The file is dexie-export-import's JSON with one more member in front,
 * `"letterArchiveBackup": { format, version, appVersion, createdAt, ... }`, so what it holds
 * is read from its first few kilobytes, and dexie-export-import still reads the rest.
 *
 * Memory: exportDB makes the file a chunk of rows at a time, each chunk a Blob the browser may
 * keep on disk, and the file goes out to main a piece at a time (save-streamed.ts). A restore
 * reads the file the person picked (a File, which the browser reads from disk as asked) a
 * megabyte at a time into a staging database, then copies it into the archive a page of rows at
 * a time. So the archive is never held in memory, let alone twice.
 *
 * Backups of the archive before packs (version 5) are restored too: their texts are rows of
 * their own, as the archive still reads them.
 *
 * A restore is all or nothing (see restoreBackup): the whole file is read and checked first,
 * every row's shape and each table's count against the file's header, and only then is the
 * archive changed, wiped for Replace included, in one IndexedDB transaction. What can be
 * checked without reading the whole file (the format, the versions, the tables, that it ends
 * as a backup ends) is checked before the person is asked anything.
 */
import Dexie from 'dexie';
import { exportDB, importInto, peakImportFile } from 'dexie-export-import';
import { letterGrades, type LetterGrades } from '../../../src-shared/analysis/letter-grades';
import { errorInWords } from '../../../src-shared/error-words';
import { parseSaved } from '../ui/search-history';
import { recomputeCouncils } from './council-rows';
import { LetterArchiveDb, getDb, versionAdding, type TextPackRow, type TextPlace, type TextRow } from './db';
import { keepsParagraphsApart } from './letter-paragraphs';
import { keepTexts, ownText, placedBytes, placedParagraphs } from './text-packs';
import { archiveRestored } from './removals';

/** The name of the file format, in the file's first member. */
export const BACKUP_FORMAT = 'letter-archive-backup';

/** The version of that format this app writes, and the newest it reads. */
export const BACKUP_FORMAT_VERSION = 1;

/** The archive's tables a backup holds (see above). */
export const BACKED_UP_TABLES = ['letters', 'texts', 'textPacks', 'ticks', 'settings', 'reports', 'reportEntries'] as const;
export type BackedUpTable = (typeof BACKED_UP_TABLES)[number];

/** The oldest archive version whose backups this one restores. */
const OLDEST_RESTORED_VERSION = 5;

/** Tables worked out from the letters, made again by a restore rather than backed up. */
export const DERIVED_TABLES = ['councils', 'grades', 'searchIndex', 'pendingIndex'] as const;

/** The setting whose value is the saved searches (use-search-history.ts). */
const SAVED_SEARCHES_KEY = 'savedSearches';
/** The setting that says the first run is over (use-first-run.ts): a restored archive never gets the samples on top. */
const FIRST_RUN_KEY = 'firstRunDone';

/** Rows read at a time when backing up: about a megabyte of letters (and fifty of texts' packs). */
const ROWS_PER_CHUNK = 50;
/** The longest a restore may take before it is given up (and the archive left as it was). */
const RESTORE_TIMEOUT_MS = 60 * 60 * 1000;
/** Bytes of the file read at a time when restoring. */
const READ_CHUNK_BYTES = 1024 * 1024;

/** The first member of a backup file. */
export interface BackupHeader {
  format: typeof BACKUP_FORMAT;
  version: number;
  /** The version of Letter Archive that made it. */
  appVersion: string;
  /** When it was made, ISO. */
  createdAt: string;
  /** The archive's database version when it was made. */
  databaseVersion: number;
  /** What the tables said then; letters and ticks are also counted in the dexie part. */
  councils: number;
  savedSearches: number;
}

/** What a backup file holds, shown before restoring it. */
export interface BackupSummary {
  fileName: string;
  bytes: number;
  appVersion: string;
  createdAt: string;
  letters: number;
  councils: number;
  ticks: number;
  savedSearches: number;
  /** Rows of each table in the file. */
  rows: Record<BackedUpTable, number>;
}

/** A file that cannot be restored, with the reason in words a person understands. */
export class BackupRefused extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'BackupRefused';
  }
}

/** Errors that say something about this computer, not about the file: said as they are. */
const NOT_THE_FILE = new Set(['QuotaExceededError', 'NotReadableError', 'NotFoundError', 'NotAllowedError', 'SecurityError', 'DatabaseClosedError', 'OpenFailedError', 'TimeoutError']);

/**
 * What went wrong reading or restoring a file, as a reason: a full disk or a file that went
 * away in words of their own; anything else the file's fault (a parser's or reviver's
 * complaint about bytes that are not a backup's), with its words where they are words.
 */
function refusalOf(error: unknown): BackupRefused {
  if (error instanceof BackupRefused) return error;
  // Dexie wraps what went wrong inside a transaction; the reason is the innermost.
  const inner = (error as { inner?: unknown } | null)?.inner;
  if (inner instanceof BackupRefused) return inner;
  const cause = inner ?? error;
  const words = errorInWords(cause);
  if (NOT_THE_FILE.has((cause as { name?: string } | null)?.name ?? '')) return new BackupRefused(words);
  return new BackupRefused(/^something unexpected/.test(words) ? 'the file is damaged: it is not a backup all the way through' : `the file is damaged: ${words}`);
}

export interface BackupProgress {
  done: number;
  total: number;
}

/**
 * Makes a backup of the archive as a Blob (see above: built from Blobs the browser may keep on
 * disk, so not held in memory). The rows are read in one transaction, so the backup is the
 * archive at one moment even while an import runs.
 */
export async function makeBackup(options: {
  appVersion: string;
  now?: Date;
  onProgress?: (progress: BackupProgress) => void;
}): Promise<{ blob: Blob; header: BackupHeader; rows: Record<BackedUpTable, number> }> {
  const db = getDb();
  const [councils, saved] = await Promise.all([db.councils.count(), db.settings.get(SAVED_SEARCHES_KEY)]);
  const header: BackupHeader = {
    format: BACKUP_FORMAT,
    version: BACKUP_FORMAT_VERSION,
    appVersion: options.appVersion,
    createdAt: (options.now ?? new Date()).toISOString(),
    databaseVersion: db.verno,
    councils,
    savedSearches: parseSaved(saved?.value).length,
  };
  // Rows counted as they are written, in the export's own transaction.
  const rows = Object.fromEntries(BACKED_UP_TABLES.map((t) => [t, 0])) as Record<BackedUpTable, number>;
  const exported = await exportDB(db, {
    // Every table but those named: a table added later is left out until it is named above.
    skipTables: db.tables.map((t) => t.name).filter((name) => !(BACKED_UP_TABLES as readonly string[]).includes(name)),
    filter: (table) => {
      rows[table as BackedUpTable] += 1;
      return true;
    },
    transform: (table, value: unknown) => ({ value: table === 'textPacks' ? packToFile(value as TextPackRow) : value }),
    numRowsPerChunk: ROWS_PER_CHUNK,
    progressCallback: ({ completedRows, totalRows }) => {
      options.onProgress?.({ done: completedRows, total: totalRows ?? 0 });
      return true;
    },
  });
  // dexie-export-import's JSON begins '{"formatName"': the header goes in as the first member.
  const blob = new Blob([`{"letterArchiveBackup":${JSON.stringify(header)},\n`, exported.slice(1)], { type: 'application/json' });
  return { blob, header, rows };
}

/** A pack of texts as a backup file holds it: its bytes as base64. */
interface PackInFile {
  id: string;
  base64: string;
}

function packToFile({ id, utf8 }: TextPackRow): PackInFile {
  let binary = '';
  for (let at = 0; at < utf8.length; at += 0x8000) binary += String.fromCharCode(...utf8.subarray(at, at + 0x8000));
  return { id, base64: btoa(binary) };
}

function packFromFile({ id, base64 }: PackInFile): TextPackRow {
  const binary = atob(base64);
  const utf8 = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) utf8[i] = binary.charCodeAt(i);
  return { id, utf8 };
}

/**
 * Whether text is base64 as packToFile writes it: whole groups of four, padding only at the
 * end. Checked without a pattern over the whole text, which overflows the stack on a pack of
 * a few megabytes (one long letter has a pack of its own).
 */
function isBase64(text: string): boolean {
  if (text.length % 4 !== 0 || /[^A-Za-z0-9+/=]/.test(text)) return false;
  const padding = text.indexOf('=');
  return padding === -1 || (padding >= text.length - 2 && text.slice(padding) === '='.repeat(text.length - padding));
}

/** The start every backup file has. */
const BACKUP_START = '{"letterArchiveBackup":';

/** The dexie part's header, as peakImportFile reads it. */
interface DexieHeader {
  letterArchiveBackup?: unknown;
  formatName?: unknown;
  formatVersion?: unknown;
  data?: { databaseName?: unknown; databaseVersion?: unknown; tables?: unknown };
}

/**
 * Reads what a backup holds from its start and its end, without reading the rest; throws
 * BackupRefused with the reason when it is not a backup this version can restore.
 */
export async function readBackupSummary(file: Blob, fileName: string): Promise<BackupSummary> {
  if (file.size === 0) throw new BackupRefused('the file is empty');
  const start = new TextDecoder().decode(await file.slice(0, 512).arrayBuffer()).replace(/^\uFEFF/, '');
  if (!start.startsWith(BACKUP_START)) {
    const trimmed = start.trimStart();
    throw new BackupRefused(
      trimmed.startsWith('{') || trimmed.startsWith('[')
        ? 'it is a JSON file, but not a Letter Archive backup (it does not begin as a backup does)'
        : 'it is not a Letter Archive backup (it is not JSON)',
    );
  }
  const end = new TextDecoder().decode(await file.slice(Math.max(0, file.size - 64)).arrayBuffer()).trimEnd();
  if (!end.endsWith('}')) throw new BackupRefused('the file is cut short: it ends part-way through, so it was not saved or copied whole');

  let head: DexieHeader;
  try {
    head = (await peakImportFile(file)) as unknown as DexieHeader;
  } catch (error) {
    throw refusalOf(error);
  }
  return checkHeader(head, fileName, file.size, getDb());
}

/** Checks the file's header against the archive it would go into; the summary, or BackupRefused. */
function checkHeader(head: DexieHeader, fileName: string, bytes: number, db: LetterArchiveDb): BackupSummary {
  const ours = head.letterArchiveBackup as Partial<BackupHeader> | undefined;
  if (typeof ours !== 'object' || ours === null || ours.format !== BACKUP_FORMAT) throw new BackupRefused('it is not a Letter Archive backup');
  if (typeof ours.version !== 'number' || !Number.isInteger(ours.version) || ours.version < 1) throw new BackupRefused('the file is damaged: its format version is missing');
  if (ours.version > BACKUP_FORMAT_VERSION) {
    throw new BackupRefused(`it was made by a newer version of Letter Archive (${String(ours.appVersion)}); update the app to restore it`);
  }
  if (head.formatName !== 'dexie' || head.formatVersion !== 1 || typeof head.data !== 'object' || head.data === null) {
    throw new BackupRefused('the file is damaged: the archive’s part of it is missing or of an unknown format');
  }
  const { databaseVersion, tables } = head.data;
  if (typeof databaseVersion !== 'number' || databaseVersion > db.verno) {
    throw new BackupRefused(`it was made by a newer version of Letter Archive (${String(ours.appVersion)}), whose archive this one cannot read; update the app to restore it`);
  }
  // A later version that changes the tables must read older backups, or refuse them here.
  if (databaseVersion < OLDEST_RESTORED_VERSION) throw new BackupRefused(`it was made by a version of Letter Archive whose archive this one cannot read (archive version ${databaseVersion})`);
  if (!Array.isArray(tables)) throw new BackupRefused('the file is damaged: it does not list its tables');

  const rows = {} as Record<BackedUpTable, number>;
  for (const entry of tables as unknown[]) {
    const { name, schema, rowCount } = (entry ?? {}) as { name?: unknown; schema?: unknown; rowCount?: unknown };
    if (typeof name !== 'string' || !(BACKED_UP_TABLES as readonly string[]).includes(name)) {
      throw new BackupRefused(`the file is damaged: it holds a table this archive does not back up (${String(name)})`);
    }
    if (name in rows) throw new BackupRefused(`the file is damaged: it lists the table ${name} twice`);
    if (!isCount(rowCount)) throw new BackupRefused(`the file is damaged: the table ${name} has no row count`);
    // Rows are put by their keys: the key must be the archive's key for that table.
    const key = typeof schema === 'string' ? schema.split(',')[0] : undefined;
    if (key !== db.table(name).schema.primKey.src) throw new BackupRefused(`the file is damaged: the table ${name} is keyed by ${String(key)}, not as the archive keys it`);
    rows[name as BackedUpTable] = rowCount;
  }
  // A table added to the archive after the backup was made has no rows in it.
  for (const name of BACKED_UP_TABLES) if (databaseVersion < (versionAdding(name) ?? 0) && !(name in rows)) rows[name] = 0;
  const missing = BACKED_UP_TABLES.filter((name) => !(name in rows));
  if (missing.length) throw new BackupRefused(`the file is damaged: it has no ${missing.join(', ')} table`);
  const count = (value: unknown): number => (isCount(value) ? value : 0);
  return {
    fileName,
    bytes,
    appVersion: typeof ours.appVersion === 'string' ? ours.appVersion : 'unknown',
    createdAt: typeof ours.createdAt === 'string' ? ours.createdAt : '',
    letters: rows.letters,
    councils: count(ours.councils),
    ticks: rows.ticks,
    savedSearches: count(ours.savedSearches),
    rows,
  };
}

const isString = (value: unknown): value is string => typeof value === 'string';
const isCount = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value) && value >= 0;
const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** What is wrong with a row of a backed-up table, or null: enough that the archive's code can rely on its shape. */
export function rowProblem(table: BackedUpTable, row: unknown): string | null {
  if (!isObject(row)) return 'it is not an object';
  switch (table) {
    case 'letters': {
      if (!isString(row.id) || row.id === '') return 'it has no id';
      if (!isString(row.councilKey) || !isString(row.date) || !isString(row.kind) || !isString(row.sourceFile)) return 'its council, date, kind or file is missing';
      if (typeof row.year !== 'number' || typeof row.parserVersion !== 'number') return 'its year or reader version is missing';
      if (!isObject(row.council) || !isString(row.council.displayName)) return 'its council is missing';
      if (!Array.isArray(row.sections) || !row.sections.every(isObject)) return 'its sections are missing';
      if (!Array.isArray(row.files) || !row.files.every(isString)) return 'its list of files is missing';
      return null;
    }
    case 'texts':
      if (!isString(row.id)) return 'it has no id';
      if ('pack' in row) {
        const paragraphs = row.paragraphBytes === undefined || (isCount(row.paragraphBytes) && row.paragraphBytes > 0);
        const placed = isString(row.pack) && isCount(row.at) && isCount(row.length) && paragraphs;
        return placed ? null : 'it does not say where its text is';
      }
      return row.utf8 instanceof Uint8Array || isString(row.text) ? null : 'it holds no text';
    case 'textPacks':
      if (!isString(row.id)) return 'it has no id';
      return isString(row.base64) && isBase64(row.base64) ? null : 'it holds no text';
    case 'ticks':
      return ['pointId', 'councilKey', 'letterId', 'text', 'note', 'doneOn', 'tickedAt'].every((k) => isString(row[k])) ? null : 'a part of the tick is missing';
    case 'settings':
      return isString(row.key) ? null : 'it has no key';
    case 'reports':
      return typeof row.id === 'number' && isString(row.source) && isString(row.startedAt) ? null : 'a part of the import report is missing';
    case 'reportEntries':
      return typeof row.seq === 'number' && typeof row.reportId === 'number' && isString(row.file) ? null : 'a part of the import report is missing';
  }
}

export type RestoreMode = 'replace' | 'merge';

export interface RestoreOutcome {
  mode: RestoreMode;
  /** Letters put in the archive from the backup. */
  lettersAdded: number;
  /** Letters of the backup the archive already had (merge). */
  lettersKept: number;
  ticksAdded: number;
  savedSearchesAdded: number;
}

export interface RestoreProgress extends BackupProgress {
  /** 'reading': the file is read and checked; 'writing': its rows go into the archive. */
  stage: 'reading' | 'writing';
}

/** Rows copied from the staging database at a time: fewer of the texts' packs, a megabyte each. */
const COPY_PAGE = 200;
const COPY_PAGE_OF_PACKS = 8;

/**
 * Restores a backup whose summary readBackupSummary gave. Replace: the archive becomes the
 * backup's (letters, ticks and notes, settings, import reports). Merge: letters the archive
 * does not have are added, with their texts, and ticks and saved searches it does not have;
 * what it has is kept. Either way councils and grades are made again from the letters, and the
 * search index takes the changes in when the window reloads (it compares its snapshot with the
 * archive's letters at start; letters that may differ under the same id go in pendingIndex).
 *
 * Two steps, so that the archive changes all at once or not at all:
 * 1. The file goes into a staging database of its own (dexie-export-import's importInto, in
 *    its own transaction, reading the file a megabyte at a time), every row checked, and each
 *    table's rows counted against the file's header. A damaged or cut-short file stops here.
 * 2. One transaction over the archive wipes it (Replace) and copies the staging rows in, a page
 *    at a time, with councils and grades. The library cannot write into that transaction
 *    itself: it reads the file's first megabyte before its first write, and IndexedDB commits
 *    a transaction left idle meanwhile. The staging database is deleted at the end.
 *
 * @throws BackupRefused when the file turns out damaged, cut short or of the wrong shape; the
 *   archive is then as it was.
 */
export async function restoreBackup(
  file: Blob,
  summary: BackupSummary,
  mode: RestoreMode,
  onProgress?: (progress: RestoreProgress) => void,
): Promise<RestoreOutcome> {
  const db = getDb();
  const stagingName = `${db.name}-restore-${Date.now().toString(36)}`;
  const staging = new LetterArchiveDb(stagingName);
  try {
    await readIntoStaging(staging, file, summary, onProgress);
    return await copyIntoArchive(db, staging, summary, mode, onProgress);
  } catch (error) {
    throw refusalOf(error);
  } finally {
    staging.close();
    await Dexie.delete(stagingName).catch(() => undefined);
  }
}

/** Step 1: the file into the staging database, every row checked and counted. */
async function readIntoStaging(staging: LetterArchiveDb, file: Blob, summary: BackupSummary, onProgress?: (progress: RestoreProgress) => void): Promise<void> {
  const read = Object.fromEntries(BACKED_UP_TABLES.map((t) => [t, 0])) as Record<BackedUpTable, number>;
  await importInto(staging, file, {
    acceptNameDiff: true,
    // checkHeader has said which versions are restored.
    acceptVersionDiff: true,
    chunkSizeBytes: READ_CHUNK_BYTES,
    filter: (table, value) => {
      if (!(BACKED_UP_TABLES as readonly string[]).includes(table)) throw new BackupRefused(`the file is damaged: it holds rows of a table it does not list (${table})`);
      const name = table as BackedUpTable;
      read[name] += 1;
      const problem = rowProblem(name, value);
      if (problem) throw new BackupRefused(`the file is damaged: row ${read[name]} of ${name} is not as a backup has it (${problem})`);
      return true;
    },
    transform: (table, value: unknown) => ({ value: table === 'textPacks' ? packFromFile(value as PackInFile) : value }),
    progressCallback: ({ completedRows, totalRows }) => {
      onProgress?.({ stage: 'reading', done: completedRows, total: totalRows ?? 0 });
      return true;
    },
  });
  // A file cut short, or damaged so that the reader stopped early, holds fewer rows than its header says.
  for (const table of BACKED_UP_TABLES) {
    if (read[table] !== summary.rows[table]) {
      throw new BackupRefused(`the file is damaged or cut short: its header says ${summary.rows[table]} rows of ${table}, but it holds ${read[table]}`);
    }
  }
  await checkTextPlaces(staging);
}

/**
 * Refuses a file in which a letter's text is said to be in a pack the file does not hold whole,
 * or a letter whose row keeps paragraphs apart has none beside its text.
 */
async function checkTextPlaces(staging: LetterArchiveDb): Promise<void> {
  const apart: string[] = [];
  await staging.letters.each((row) => {
    if (keepsParagraphsApart(row)) apart.push(row.id);
  });
  const texts = await staging.texts.bulkGet(apart);
  const missing = apart.find((id, i) => {
    const text = texts[i];
    return !text || !('pack' in text) || text.paragraphBytes === undefined;
  });
  if (missing) throw new BackupRefused(`the file is damaged: the paragraphs of letter ${missing} are not in it`);
  // Only rows that point into a pack are in the index of packs; they come in pack order.
  const places = (await staging.texts.orderBy('pack').toArray()) as (TextRow & TextPlace)[];
  let pack: TextPackRow | undefined;
  for (const place of places) {
    if (pack?.id !== place.pack) pack = await staging.textPacks.get(place.pack);
    if (!placedBytes(place, pack?.utf8) || (place.paragraphBytes !== undefined && !placedParagraphs(place, pack?.utf8))) {
      throw new BackupRefused(`the file is damaged: the text of letter ${place.id} is not in it whole`);
    }
  }
}

/** Step 2: the staging rows into the archive, in one transaction. */
async function copyIntoArchive(
  db: LetterArchiveDb,
  staging: LetterArchiveDb,
  summary: BackupSummary,
  mode: RestoreMode,
  onProgress?: (progress: RestoreProgress) => void,
): Promise<RestoreOutcome> {
  const outcome: RestoreOutcome = { mode, lettersAdded: 0, lettersKept: 0, ticksAdded: 0, savedSearchesAdded: 0 };
  const tables = [db.letters, db.texts, db.textPacks, db.ticks, db.settings, db.reports, db.reportEntries, db.councils, db.grades, db.pendingIndex];
  const total = BACKED_UP_TABLES.reduce((sum, t) => sum + summary.rows[t], 0);
  let done = 0;

  await db.transaction('rw', tables, async () => {
    // Removals made before cannot be undone into the archive the backup makes.
    archiveRestored();
    // Merge keeps what the archive has; Replace needs what it had only to tell the index
    // which letters may have changed under the same id (read by another version of the reader).
    const oldVersions = new Map<string, number>();
    await db.letters.orderBy('parserVersion').eachKey((version, cursor) => oldVersions.set(cursor.primaryKey as string, version as number));
    const haveTexts = mode === 'merge' ? new Set((await db.texts.toCollection().primaryKeys()) as string[]) : new Set<string>();
    const haveTicks = mode === 'merge' ? new Set((await db.ticks.toCollection().primaryKeys()) as string[]) : new Set<string>();
    const savedHere = parseSaved((await db.settings.get(SAVED_SEARCHES_KEY))?.value);
    let savedThere: unknown;
    // pendingIndex is kept: letters the index has yet to take in again may come back from the backup.
    if (mode === 'replace') {
      for (const table of tables) if (table !== db.pendingIndex) await table.clear();
    }

    const grades: LetterGrades[] = [];
    const councilKeys = new Set<string>();
    const changed: string[] = [];
    const take = (table: BackedUpTable, row: Record<string, unknown>): boolean => {
      switch (table) {
        case 'letters': {
          const id = row.id as string;
          const version = oldVersions.get(id);
          if (mode === 'merge' && version !== undefined) {
            outcome.lettersKept += 1;
            return false;
          }
          // The same text read by the same version of the reader is the same letter; any other is indexed afresh.
          if (version !== undefined && version !== row.parserVersion) changed.push(id);
          grades.push(letterGrades(row as unknown as Parameters<typeof letterGrades>[0]));
          councilKeys.add(row.councilKey as string);
          outcome.lettersAdded += 1;
          return true;
        }
        // A text kept in a pack is taken with its pack (keepFromPacks).
        case 'texts':
          return !haveTexts.has(row.id as string) && !('pack' in row);
        case 'textPacks':
          return false;
        case 'ticks':
          if (haveTicks.has(row.pointId as string)) return false;
          outcome.ticksAdded += 1;
          return true;
        case 'settings':
          if (mode === 'replace') return true;
          if (row.key === SAVED_SEARCHES_KEY) savedThere = row.value;
          return false;
        // The import log of a merge stays the archive's own.
        case 'reports':
        case 'reportEntries':
          return mode === 'replace';
      }
    };

    /**
     * The texts in these packs of the file that the archive takes, packed anew: the archive
     * never gets a pack with the words of a letter it does not take, nor one it has already.
     */
    const keepFromPacks = async (packs: TextPackRow[]) => {
      for (const pack of packs) {
        const places = await Dexie.waitFor(Dexie.ignoreTransaction(() => staging.texts.where('pack').equals(pack.id).toArray()), RESTORE_TIMEOUT_MS);
        await keepTexts(db, places.flatMap((row) => (haveTexts.has(row.id) ? [] : (ownText(row, pack.utf8) ?? []))));
      }
    };

    for (const name of BACKED_UP_TABLES) {
      const from = staging.table(name);
      const pageSize = name === 'textPacks' ? COPY_PAGE_OF_PACKS : COPY_PAGE;
      let last: unknown;
      for (;;) {
        // Another database: read outside this transaction, which waitFor keeps open meanwhile.
        const page = (await Dexie.waitFor(
          Dexie.ignoreTransaction(() => (last === undefined ? from.orderBy(':id') : from.where(':id').above(last)).limit(pageSize).toArray()),
          RESTORE_TIMEOUT_MS,
        )) as Record<string, unknown>[];
        if (page.length === 0) break;
        if (name === 'textPacks') await keepFromPacks(page as unknown as TextPackRow[]);
        const kept = page.filter((row) => take(name, row));
        if (kept.length) await db.table(name).bulkAdd(kept);
        done += page.length;
        Dexie.ignoreTransaction(() => onProgress?.({ stage: 'writing', done, total }));
        last = Dexie.getByKeyPath(page[page.length - 1]!, from.schema.primKey.keyPath as string);
        if (page.length < pageSize) break;
      }
    }

    await db.grades.bulkPut(grades);
    await recomputeCouncils(db, councilKeys);
    if (changed.length) await db.pendingIndex.bulkPut(changed.map((id) => ({ id })));

    const savedAdded = parseSaved(savedThere).filter((s) => !savedHere.some((h) => h.name === s.name));
    if (mode === 'merge' && savedAdded.length) await db.settings.put({ key: SAVED_SEARCHES_KEY, value: [...savedHere, ...savedAdded] });
    outcome.savedSearchesAdded = mode === 'merge' ? savedAdded.length : summary.savedSearches;
    await db.settings.put({ key: FIRST_RUN_KEY, value: true });
  });
  return outcome;
}
