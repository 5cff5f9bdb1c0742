/** The archive's read queries, shared by the live hooks and the repository (and tested without React). */
import Dexie from 'dexie';
import { getDb } from './db';
import type { CouncilRow, ImportReport, StoredLetter } from './types';

export interface ArchiveCounts {
  letters: number;
  councils: number;
  samples: number;
}

/** Every council, by display name. */
export function queryCouncils(): Promise<CouncilRow[]> {
  return getDb().councils.orderBy('displayName').toArray();
}

/** A council's letters, newest first. */
export function queryLettersOf(councilKey: string): Promise<StoredLetter[]> {
  return getDb()
    .letters.where('[councilKey+date]')
    .between([councilKey, Dexie.minKey], [councilKey, Dexie.maxKey])
    .reverse()
    .toArray();
}

/** Import reports, newest first. */
export function queryReports(): Promise<ImportReport[]> {
  return getDb().reports.orderBy('startedAt').reverse().toArray();
}

export async function queryCounts(): Promise<ArchiveCounts> {
  const db = getDb();
  const [letters, councils, samples] = await Promise.all([
    db.letters.count(),
    db.councils.count(),
    db.letters.where('sampleFlag').equals(1).count(),
  ]);
  return { letters, councils, samples };
}
