/** Council rows are derived from the letters: recomputed whenever a council's letters change. */
import Dexie, { type Table } from 'dexie';
import type { KeptLetterRow } from './db';
import type { CouncilRow, StoredLetter } from './types';

/** The tables a council row is made from and kept in. */
export interface CouncilTables {
  letters: Table<KeptLetterRow, string>;
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

/** What a council's row is made from of a letter: never its words. */
type CouncilLetter = Pick<StoredLetter, 'id' | 'councilKey' | 'council' | 'date' | 'overall'>;

/**
 * Updates council rows for letters just added, from the rows as they stand and the new
 * letters alone: a council's count grows by its new letters, and its latest letter changes
 * only for a newer one. So an import's cost per batch does not grow with the archive. A new
 * letter dated the same day as a council's latest is settled by `recomputeCouncils`, which
 * breaks such ties as the archive's index orders them. Call inside a `rw` transaction over
 * `letters` and `councils`, after the letters are written.
 */
export async function addToCouncils(tables: CouncilTables, added: readonly CouncilLetter[]): Promise<void> {
  const byKey = new Map<string, CouncilLetter[]>();
  for (const letter of added) {
    const list = byKey.get(letter.councilKey);
    if (list) list.push(letter);
    else byKey.set(letter.councilKey, [letter]);
  }
  const keys = [...byKey.keys()];
  const rows = await tables.councils.bulkGet(keys);
  const put: CouncilRow[] = [];
  const tied: string[] = [];
  keys.forEach((key, i) => {
    const letters = byKey.get(key)!;
    const newest = letters.reduce((a, b) => (b.date > a.date || (b.date === a.date && b.id > a.id) ? b : a));
    const row = rows[i];
    if (row && newest.date === row.latestDate) {
      tied.push(key);
      return;
    }
    const latest = !row || newest.date > row.latestDate ? newest : null;
    const base: CouncilRow = row ?? { key, displayName: '', name: '', region: null, code: null, letterCount: 0, latest: null, latestDate: '' };
    const next: CouncilRow = { ...base, letterCount: base.letterCount + letters.length };
    if (latest) {
      const { name, displayName, code, region } = latest.council;
      Object.assign(next, { displayName, name, region, code, latest: latest.overall, latestDate: latest.date });
    }
    put.push(next);
  });
  await tables.councils.bulkPut(put);
  if (tied.length > 0) await recomputeCouncils(tables, tied);
}
