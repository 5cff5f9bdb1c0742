/**
 * Taking letters out of the archive, and putting them back. A removal keeps every row it
 * took away (the letters, the texts they were read from, and, for a whole import, its report
 * and the files the report names), so that undoing it restores exactly those rows, ids
 * included; the texts come back word for word, packed anew (text-packs.ts). The rows derived
 * from letters (council rows, grades) are worked out again, and the search index is told.
 * The person's ticks stay: they are their own notes, never touched by the archive's own
 * work, and return to view with the letter.
 */
import { notifyLettersAdded, notifyLettersRemoved } from '../search/search-client';
import { recomputeCouncils } from './council-rows';
import { getDb, putGrades, type LetterArchiveDb, type KeptLetterRow } from './db';
import { keepTexts, takeTexts, type TextToKeep } from './text-packs';
import type { ReportEntryRow, ReportRow } from './types';

/**
 * Counts the times a backup was restored into the archive in this window. A removal made
 * before cannot be undone after: its rows (a report's id, above all) belong to the archive as
 * it was, and would overwrite or add to what the backup brought.
 */
let restores = 0;

/** Said by a restore, inside its transaction, so that an undo queued behind it sees it. */
export function archiveRestored(): void {
  restores += 1;
}

/** An undo refused, as the archive was restored from a backup after the removal. */
export class RemovalOutdated extends Error {
  constructor() {
    super('the archive was restored from a backup after the removal, so what was removed cannot be put back into it');
    this.name = 'RemovalOutdated';
  }
}

/** What one removal took out of the archive: enough to put it all back. */
export interface Removal {
  /** What was removed, in words: "the letter of 28 November 2007", "12 letters of Coventry". */
  label: string;
  /** How many restores the archive had seen when the rows were taken. */
  restores: number;
  /** The letters' rows, as the archive kept them (their paragraphs, where kept apart, are in their texts). */
  letters: KeptLetterRow[];
  /** Their texts, each with its bytes of its own. */
  texts: TextToKeep[];
  /** The import removed, with the files its report names; none when letters alone were removed. */
  report?: { row: ReportRow; entries: ReportEntryRow[] };
}

/** The tables a removal writes. */
function removalTables(db: LetterArchiveDb) {
  return [db.letters, db.texts, db.textPacks, db.grades, db.councils, db.pendingIndex, db.reports, db.reportEntries];
}

/** Deletes these letters, their texts and grades, and brings their councils' rows up to date, in one transaction. */
async function deleteLetters(db: LetterArchiveDb, ids: readonly string[]): Promise<Pick<Removal, 'letters' | 'texts'>> {
  const letters = (await db.letters.bulkGet([...ids])).filter((row): row is KeptLetterRow => row !== undefined);
  const found = letters.map((letter) => letter.id);
  const texts = await takeTexts(db, found);
  await db.letters.bulkDelete(found);
  await db.grades.bulkDelete(found);
  await db.pendingIndex.bulkDelete(found);
  await recomputeCouncils(db, letters.map((letter) => letter.councilKey));
  return { letters, texts };
}

/**
 * Removes the letters `pick` finds, in the transaction that removes them; `label` names them,
 * given how many. `takeReport`, in the same transaction, takes out a report with them.
 */
async function takeOut(
  pick: () => Promise<readonly string[]>,
  label: (letters: number) => string,
  takeReport?: () => Promise<Removal['report']>,
): Promise<Removal> {
  const db = getDb();
  const removal = await db.transaction('rw', removalTables(db), async () => {
    const letters = await deleteLetters(db, await pick());
    const taken: Removal = { label: label(letters.letters.length), restores, ...letters };
    const report = await takeReport?.();
    if (report) taken.report = report;
    return taken;
  });
  notifyLettersRemoved(removal.letters.map((letter) => letter.id));
  return removal;
}

/** Removes these letters (ids the archive does not hold are passed over). */
export function removeLetters(ids: readonly string[], label: string): Promise<Removal> {
  return takeOut(async () => ids, () => label);
}

/** Removes every letter of a council, as the archive holds them when the removal runs (an import may be adding some). */
export function removeCouncilLetters(councilKey: string, label: (letters: number) => string): Promise<Removal> {
  return takeOut(() => lettersOfCouncil(councilKey), label);
}

/** The ids of a council's letters. */
export async function lettersOfCouncil(councilKey: string): Promise<string[]> {
  return (await getDb().letters.where('councilKey').equals(councilKey).primaryKeys()) as string[];
}

/** The ids of the sample letters. */
export async function sampleLetterIds(): Promise<string[]> {
  return (await getDb().letters.where('sampleFlag').equals(1).primaryKeys()) as string[];
}

/** Deletes the sample letters (and councils left without letters), as the archive holds them when the removal runs; what it took, to undo it. */
export function removeSampleLetters(): Promise<Removal> {
  // Found inside the removal's transaction: an import may meanwhile make a sample letter the person's own.
  return takeOut(sampleLetterIds, () => 'the sample letters');
}

/**
 * The ids of the letters an import added: those imported while it ran. Imports run one at a
 * time, and a letter keeps the time it was first imported (or taken over from the samples),
 * so the letters of one import are those whose time falls between its start and its end.
 */
export async function lettersOfImport(reportId: number): Promise<string[]> {
  const db = getDb();
  const report = await db.reports.get(reportId);
  if (!report) return [];
  // An import still running (or closed unfinished) has no end yet: every later letter is its.
  const until = report.finishedAt || '\uffff';
  return (await db.letters.where('importedAt').between(report.startedAt, until, true, true).primaryKeys()) as string[];
}

/** Removes an import: the letters it added, and its report; `label` names it, given how many letters it added. */
export function removeImport(reportId: number, label: (letters: number) => string): Promise<Removal> {
  const db = getDb();
  return takeOut(() => lettersOfImport(reportId), label, async () => {
    const row = await db.reports.get(reportId);
    if (!row) return undefined;
    const entries = await db.reportEntries.where('reportId').equals(reportId).toArray();
    await db.reportEntries.where('reportId').equals(reportId).delete();
    await db.reports.delete(reportId);
    return { row, entries };
  });
}

/**
 * Puts back what a removal took out, with the same ids. A letter imported again since it was
 * removed is left as the archive now has it; the rest come back as they were. Returns how
 * many letters came back.
 */
export async function undoRemoval(removal: Removal): Promise<number> {
  const db = getDb();
  const restored = await db.transaction('rw', removalTables(db), async () => {
    if (removal.restores !== restores) throw new RemovalOutdated();
    const there = await db.letters.bulkGet(removal.letters.map((letter) => letter.id));
    const letters = removal.letters.filter((_, i) => !there[i]);
    const back = new Set(letters.map((letter) => letter.id));
    await db.letters.bulkAdd(letters);
    await keepTexts(db, removal.texts.filter((text) => back.has(text.id)));
    await putGrades(db, letters);
    await recomputeCouncils(db, letters.map((letter) => letter.councilKey));
    if (removal.report) {
      await db.reports.put(removal.report.row);
      await db.reportEntries.bulkPut(removal.report.entries);
    }
    return letters;
  });
  notifyLettersAdded(restored);
  return restored.length;
}
