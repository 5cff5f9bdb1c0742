/**
 * Live views of the archive for React: each re-renders when the rows it read change,
 * so an import in progress fills the panes as it goes. `undefined` means still loading.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { getDb } from './db';
import { queryCouncils, queryCounts, queryLettersOf, queryReports, type ArchiveCounts } from './queries';
import type { CouncilRow, ImportReport, StoredLetter } from './types';

/** Every council, by display name. */
export function useCouncils(): CouncilRow[] | undefined {
  return useLiveQuery(queryCouncils, []);
}

/** A council's letters, newest first; empty when no council is selected. */
export function useLettersOf(councilKey: string | null): StoredLetter[] | undefined {
  return useLiveQuery(() => (councilKey === null ? [] : queryLettersOf(councilKey)), [councilKey]);
}

export function useLetter(id: string | null): StoredLetter | undefined {
  return useLiveQuery(() => (id === null ? undefined : getDb().letters.get(id)), [id]);
}

/** Import reports, newest first; the one still running has an empty `finishedAt`. */
export function useReports(): ImportReport[] | undefined {
  return useLiveQuery(queryReports, []);
}

export function useArchiveCounts(): ArchiveCounts | undefined {
  return useLiveQuery(queryCounts, []);
}
