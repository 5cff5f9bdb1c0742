/** Council rows are derived from the letters: recomputed whenever a council's letters change. */
import Dexie, { type Table } from 'dexie';
import type { CouncilRow, StoredLetter } from './types';

/** The tables a council row is made from and kept in. */
export interface CouncilTables {
  letters: Table<StoredLetter, string>;
  councils: Table<CouncilRow, string>;
}

/**
 * Rewrites the rows of these councils from their letters, deleting councils that have none
 * left. Call inside a `rw` transaction over `letters` and `councils`.
 */
export async function recomputeCouncils(tables: CouncilTables, keys: Iterable<string>): Promise<void> {
  for (const key of new Set(keys)) {
    const letterCount = await tables.letters.where('councilKey').equals(key).count();
    const latest =
      letterCount === 0
        ? undefined
        : await tables.letters.where('[councilKey+date]').between([key, Dexie.minKey], [key, Dexie.maxKey]).last();
    if (!latest) {
      await tables.councils.delete(key);
      continue;
    }
    const { name, displayName, code, region } = latest.council;
    await tables.councils.put({ key, displayName, name, region, code, letterCount, latest: latest.overall, latestDate: latest.date });
  }
}
