/**
 * What the UI may do with the archive. Components call these and the hooks in `hooks.ts`,
 * never the Dexie tables.
 */
import { getDb } from './db';
import { readLetter } from './letter-paragraphs';
import { queryReport, queryReports } from './queries';
import type { ImportReport, Selection, StoredLetter, TickRow } from './types';

export { importLetters, DEFAULT_BATCH_SIZE, type ImportOptions } from './import-letters';
export {
  lettersOfCouncil,
  lettersOfImport,
  RemovalOutdated,
  removeCouncilLetters,
  removeImport,
  removeLetters,
  removeSampleLetters,
  sampleLetterIds,
  undoRemoval,
  type Removal,
} from './removals';

const SELECTION_KEY = 'selection';
const NO_SELECTION: Selection = { councilKey: null, letterId: null, sectionIndex: null };

export async function isArchiveEmpty(): Promise<boolean> {
  return (await getDb().letters.limit(1).count()) === 0;
}

export async function getSetting<T>(key: string): Promise<T | undefined> {
  return (await getDb().settings.get(key))?.value as T | undefined;
}

export async function setSetting(key: string, value: unknown): Promise<void> {
  await getDb().settings.put({ key, value });
}

/** The selection saved last time, or nothing selected. */
export async function getSelection(): Promise<Selection> {
  return { ...NO_SELECTION, ...(await getSetting<Selection>(SELECTION_KEY)) };
}

export async function saveSelection(selection: Selection): Promise<void> {
  await setSetting(SELECTION_KEY, selection);
}

/** Every import report, newest first, with the files each names. */
export async function getReports(): Promise<ImportReport[]> {
  const reports = await Promise.all((await queryReports()).map((row) => queryReport(row.id!)));
  return reports.filter((report): report is ImportReport => report !== undefined);
}

/** One import report with the files it names. */
export function getReport(id: number): Promise<ImportReport | undefined> {
  return queryReport(id);
}

export async function getLetter(id: string): Promise<StoredLetter | undefined> {
  return readLetter(getDb(), id);
}

/**
 * Ticks a point off, or changes its note or date: `changes` go over the tick as the archive
 * has it now (or over `fresh`, for a point not yet ticked), so a change never undoes another.
 */
export async function saveTick(fresh: TickRow, changes: Partial<Pick<TickRow, 'note' | 'doneOn'>> = {}): Promise<void> {
  const db = getDb();
  await db.transaction('rw', db.ticks, async () => {
    const now = await db.ticks.get(fresh.pointId);
    await db.ticks.put({ ...(now ?? fresh), ...changes });
  });
}

/** Takes a point's tick away. */
export async function removeTick(pointId: string): Promise<void> {
  await getDb().ticks.delete(pointId);
}
