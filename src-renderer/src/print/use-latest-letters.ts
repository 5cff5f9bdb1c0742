/** The letters the archive summary needs, live: an import in progress adds its councils to the summary. */
import { useLiveQuery } from 'dexie-react-hooks';
import { queryLatestLetters } from '../archive/queries';
import type { StoredLetter } from '../archive/types';

/**
 * Each given council's (or every council's, for null) newest letter and newest APA letter.
 * Undefined while loading, or when not wanted.
 */
export function useLatestLetters(keys: readonly string[] | null, wanted: boolean): StoredLetter[] | undefined {
  const dependency = keys === null ? null : keys.join('\n');
  return useLiveQuery(() => (wanted ? queryLatestLetters(keys) : undefined), [dependency, wanted]);
}
