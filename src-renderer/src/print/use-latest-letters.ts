/**
 * The letters the archive summary needs: each council's newest letter and its newest APA
 * letter, no more, so a large archive is not read whole to print one table.
 */
import Dexie from 'dexie';
import { useLiveQuery } from 'dexie-react-hooks';
import { getDb } from '../archive/db';
import type { StoredLetter } from '../archive/types';

async function latestOf(key: string): Promise<StoredLetter[]> {
  const newestFirst = () =>
    getDb().letters.where('[councilKey+date]').between([key, Dexie.minKey], [key, Dexie.maxKey]).reverse();
  const newest = await newestFirst().first();
  if (!newest) return [];
  if (newest.kind === 'apa') return [newest];
  const apa = await newestFirst()
    .filter((l) => l.kind === 'apa')
    .first();
  return apa ? [newest, apa] : [newest];
}

/** Each given council's (or every council's, for null) newest letter and newest APA letter. */
export async function queryLatestLetters(keys: readonly string[] | null): Promise<StoredLetter[]> {
  const all = keys ?? (await getDb().councils.toCollection().primaryKeys());
  return (await Promise.all(all.map(latestOf))).flat();
}

/** Live: an import in progress adds its councils to the summary. Undefined while loading or when not wanted. */
export function useLatestLetters(keys: readonly string[] | null, wanted: boolean): StoredLetter[] | undefined {
  const dependency = keys === null ? null : keys.join('\n');
  return useLiveQuery(() => (wanted ? queryLatestLetters(keys) : undefined), [dependency, wanted]);
}
