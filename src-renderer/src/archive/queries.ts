/** The archive's read queries, shared by the live hooks and the repository (and tested without React). */
import Dexie from 'dexie';
import type { LetterGrades } from '../../../src-shared/analysis/letter-grades';
import { getDb } from './db';
import { asListed, readLetters } from './letter-paragraphs';
import type { CouncilRow, DuplicateFile, ImportFailure, ImportReport, ReportRow, StoredLetter, TickRow } from './types';

export interface ArchiveCounts {
  letters: number;
  councils: number;
  samples: number;
}

/** Every council, by display name. */
export function queryCouncils(): Promise<CouncilRow[]> {
  return getDb().councils.orderBy('displayName').toArray();
}

/** A council's letters, newest first, as the panes list them (asListed). */
export async function queryLettersOf(councilKey: string): Promise<StoredLetter[]> {
  const rows = await getDb()
    .letters.where('[councilKey+date]')
    .between([councilKey, Dexie.minKey], [councilKey, Dexie.maxKey])
    .reverse()
    .toArray();
  return rows.map(asListed);
}

/** A council's newest letter, and its newest APA letter when that is an older one, as the summaries show them (asListed). */
async function latestOf(councilKey: string): Promise<StoredLetter[]> {
  const newestFirst = () =>
    getDb().letters.where('[councilKey+date]').between([councilKey, Dexie.minKey], [councilKey, Dexie.maxKey]).reverse();
  const newest = await newestFirst().first();
  if (!newest) return [];
  if (newest.kind === 'apa') return [asListed(newest)];
  const apa = await newestFirst()
    .filter((l) => l.kind === 'apa')
    .first();
  return apa ? [asListed(newest), asListed(apa)] : [asListed(newest)];
}

/**
 * Each given council's (or, for null, every council's) newest letter and newest APA letter:
 * all the archive summary needs, so a large archive is not read whole to print one table.
 * A council's letters come newest first; a key with no letters adds none.
 */
export async function queryLatestLetters(councilKeys: readonly string[] | null): Promise<StoredLetter[]> {
  const keys = councilKeys ?? (await getDb().councils.toCollection().primaryKeys());
  return (await Promise.all(keys.map(latestOf))).flat();
}

/** Import reports, newest first: their counts, not the files they name. */
export function queryReports(): Promise<ReportRow[]> {
  return getDb().reports.orderBy('startedAt').reverse().toArray();
}

/** A report with every file it names, in the order the import met them. */
export async function queryReport(id: number): Promise<ImportReport | undefined> {
  const db = getDb();
  return db.transaction('r', [db.reports, db.reportEntries], async () => {
    const row = await db.reports.get(id);
    if (!row) return undefined;
    const failures: ImportFailure[] = [];
    const sameLetters: DuplicateFile[] = [];
    // In one request: a cursor takes a round trip through this thread for every file named.
    const entries = await db.reportEntries.where('reportId').equals(id).toArray();
    for (const entry of entries) {
      if ('reason' in entry) failures.push({ file: entry.file, reason: entry.reason });
      else sameLetters.push(entry.letter ? { file: entry.file, sameAs: entry.sameAs, letter: entry.letter } : { file: entry.file, sameAs: entry.sameAs });
    }
    const { id: reportId, source, startedAt, finishedAt, total, added, duplicates, cancelled } = row;
    return { id: reportId, source, startedAt, finishedAt, total, added, duplicates, sameLetters, failures, cancelled };
  });
}

/**
 * How many letters, councils and sample letters the archive holds. Letters are counted from
 * the council rows, which count them in the same transactions that write them: counting the
 * letters themselves reads through every letter, and the header asks again with each batch
 * an import writes.
 */
export async function queryCounts(): Promise<ArchiveCounts> {
  const db = getDb();
  return db.transaction('r', [db.councils, db.letters], async () => {
    // Asked for together, and the councils in one request: a cursor over them took a round
    // trip through this thread for each council, while the next batch's write waited on it.
    const [rows, samples] = await Promise.all([db.councils.toArray(), db.letters.where('sampleFlag').equals(1).count()]);
    const letters = rows.reduce((sum, council) => sum + council.letterCount, 0);
    return { letters, councils: rows.length, samples };
  });
}

/** Every letter's grades: small rows, so the compare grid and the checks never read whole letters. */
export function queryAllGrades(): Promise<LetterGrades[]> {
  return getDb().grades.toArray();
}

/** One council's letters' grades. */
export function queryGradesOf(councilKey: string): Promise<LetterGrades[]> {
  return getDb().grades.where('councilKey').equals(councilKey).toArray();
}

/**
 * The person's ticks on the points of these letters: found by letter, not council, as a new
 * reading of a letter may file it under another council.
 */
export function queryTicksOf(letterIds: readonly string[]): Promise<TickRow[]> {
  return letterIds.length === 0 ? Promise.resolve([]) : getDb().ticks.where('letterId').anyOf([...letterIds]).toArray();
}

/** Every tick the person has made, for the archive's export. */
export function queryAllTicks(): Promise<TickRow[]> {
  return getDb().ticks.toArray();
}

/** Letters read a few hundred at a time, so a large archive is never held whole by one read. */
const LETTER_PAGE = 500;

/**
 * Gives `take` every letter, a page at a time: councils in name order, each council's letters
 * oldest first (ordered by their small grades rows, so the letters themselves are read once).
 */
export async function eachLetterPage(take: (letters: StoredLetter[]) => void | Promise<void>): Promise<void> {
  const db = getDb();
  const order = (await queryAllGrades()).sort((a, b) => a.council.localeCompare(b.council, 'en-GB') || a.date.localeCompare(b.date) || a.id.localeCompare(b.id));
  for (let i = 0; i < order.length; i += LETTER_PAGE) {
    const page = await readLetters(db, order.slice(i, i + LETTER_PAGE).map((g) => g.id));
    // Awaited, so a page written out one file at a time is written before the next is read.
    await take(page.filter((l): l is StoredLetter => l !== undefined));
  }
}
