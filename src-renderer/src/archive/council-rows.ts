/** Council rows are derived from the letters: recomputed whenever a council's letters change. */
import Dexie from 'dexie';
import type { Council } from '../../../src-shared/letters/letter';
import type { LetterArchiveDb } from './db';

/** A council's key: its DfE code, or its lower-cased display name when it has none. */
export function councilKeyOf(council: Council): string {
  return council.code ?? council.displayName.toLowerCase();
}

/**
 * Rewrites the rows of these councils from their letters, deleting councils that have none
 * left. Call inside a `rw` transaction over `letters` and `councils`.
 */
export async function recomputeCouncils(db: LetterArchiveDb, keys: Iterable<string>): Promise<void> {
  for (const key of new Set(keys)) {
    const letterCount = await db.letters.where('councilKey').equals(key).count();
    const latest =
      letterCount === 0
        ? undefined
        : await db.letters.where('[councilKey+date]').between([key, Dexie.minKey], [key, Dexie.maxKey]).last();
    if (!latest) {
      await db.councils.delete(key);
      continue;
    }
    const { name, displayName, code, region } = latest.council;
    await db.councils.put({ key, displayName, name, region, code, letterCount, latest: latest.overall, latestDate: latest.date });
  }
}
