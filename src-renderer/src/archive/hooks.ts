/**
 * Live views of the archive for React: each re-renders when the rows it read change,
 * so an import in progress fills the panes as it goes. `undefined` means still loading.
 *
 * The panes' lists change with every batch an import writes; they are redrawn at most
 * every PANE_REFRESH_MS (the first answer and the last change are never held back), so a
 * fast import does not keep the main thread busy redrawing.
 */
import Dexie, { liveQuery } from 'dexie';
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import type { LetterGrades } from '../../../src-shared/analysis/letter-grades';
import { getDb } from './db';
import { readLetter } from './letter-paragraphs';
import { queryAllGrades, queryCouncils, queryCounts, queryGradesOf, queryLettersOf, queryReports, queryTicksOf, type ArchiveCounts } from './queries';
import type { CouncilRow, ReportRow, StoredLetter, TickRow } from './types';

export const PANE_REFRESH_MS = 250;

/**
 * Like useLiveQuery, but a new answer is shown at most every `intervalMs`: the first at
 * once, then the latest one when the interval is up. A query that fails throws when drawn.
 */
export function useThrottledLiveQuery<T>(query: () => Promise<T>, deps: readonly unknown[], intervalMs = PANE_REFRESH_MS): T | undefined {
  const [state, setState] = useState<{ deps: readonly unknown[]; value: T | undefined; error?: unknown }>({ deps, value: undefined });
  useEffect(() => {
    let shownAt = -Infinity;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let latest: T | undefined;
    const show = () => {
      timer = undefined;
      shownAt = performance.now();
      const value = latest;
      setState({ deps, value });
    };
    const subscription = liveQuery(query).subscribe({
      next: (value) => {
        latest = value;
        const wait = shownAt + intervalMs - performance.now();
        if (wait <= 0) show();
        else timer ??= setTimeout(show, wait);
      },
      // Thrown where the view is drawn, as useLiveQuery does, for the error boundary to show.
      error: (error: unknown) => setState({ deps, value: undefined, error }),
    });
    return () => {
      subscription.unsubscribe();
      if (timer !== undefined) clearTimeout(timer);
    };
    // The query is a new function each render: deps say when it asks something else.
  }, deps);
  if (!sameDeps(state.deps, deps)) return undefined;
  if (state.error !== undefined) throw state.error;
  return state.value;
}

function sameDeps(a: readonly unknown[], b: readonly unknown[]): boolean {
  return a.length === b.length && a.every((value, i) => Object.is(value, b[i]));
}

/** Every council, by display name. */
export function useCouncils(): CouncilRow[] | undefined {
  return useThrottledLiveQuery(queryCouncils, []);
}

/** A council's letters, newest first; empty when no council is selected. */
export function useLettersOf(councilKey: string | null): StoredLetter[] | undefined {
  return useThrottledLiveQuery(() => (councilKey === null ? Promise.resolve([]) : queryLettersOf(councilKey)), [councilKey]);
}

/**
 * The letter open, read whole. Its paragraphs are read from its text's pack, which a change to
 * another letter of that pack (removed, or read again) writes anew: the letter is then read
 * again, and given back as the same object when nothing in it changed, so that the reader
 * keeps its search hit and place.
 */
export function useLetter(id: string | null): StoredLetter | undefined {
  const read = useLiveQuery(() => (id === null ? undefined : readLetter(getDb(), id)), [id]);
  const json = useMemo(() => (read === undefined ? undefined : JSON.stringify(read)), [read]);
  const [kept, setKept] = useState<{ json: string; letter: StoredLetter } | undefined>(undefined);
  if (read === undefined || json === undefined) return undefined;
  if (kept?.json === json) return kept.letter;
  setKept({ json, letter: read });
  return read;
}

/** Import reports, newest first (their counts); the one still running has an empty `finishedAt`. */
export function useReports(): ReportRow[] | undefined {
  return useThrottledLiveQuery(queryReports, []);
}

export function useArchiveCounts(): ArchiveCounts | undefined {
  return useThrottledLiveQuery(queryCounts, []);
}

/**
 * Every letter's grades as last read, and the count of changes to the grades table they were
 * read at: a view that opens again with nothing changed since shows them as they are, without
 * reading 10,000 rows again.
 */
let gradesRead: { at: number; grades: LetterGrades[] } | undefined;
let gradeChanges = 0;
const gradeListeners = new Set<() => void>();
let watchingGrades = false;

/** Counts the changes written to the grades table (Dexie says which tables each write touched). */
function watchGrades(): void {
  if (watchingGrades) return;
  watchingGrades = true;
  Dexie.on('storagemutated', (parts) => {
    const prefix = `idb://${getDb().name}/grades/`;
    if (!Object.keys(parts).some((part) => part.startsWith(prefix))) return;
    gradeChanges++;
    for (const listener of gradeListeners) listener();
  });
}

function onGradeChange(listener: () => void): () => void {
  watchGrades();
  gradeListeners.add(listener);
  return () => gradeListeners.delete(listener);
}

/**
 * Every letter's grades while `active`: read the first time, then again only when the grades
 * table has changed since (at most every PANE_REFRESH_MS during an import). A view kept hidden
 * for its next opening passes false and reads nothing; opened again, it shows the grades at once.
 */
export function useAllGrades(active = true): LetterGrades[] | undefined {
  const changes = useSyncExternalStore(onGradeChange, () => gradeChanges);
  const [, setShown] = useState(0);
  const stale = active && gradesRead?.at !== changes;
  useEffect(() => {
    if (!stale) return;
    let cancelled = false;
    const at = changes;
    const timer = setTimeout(
      () =>
        void queryAllGrades().then((grades) => {
          if (cancelled) return;
          gradesRead = { at, grades };
          setShown(at + 1);
        }),
      gradesRead ? PANE_REFRESH_MS : 0,
    );
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [stale, changes]);
  return gradesRead?.grades;
}

/** One council's letters' grades; empty when no council is chosen. */
export function useGradesOf(councilKey: string | null): LetterGrades[] | undefined {
  return useThrottledLiveQuery(() => (councilKey === null ? Promise.resolve([]) : queryGradesOf(councilKey)), [councilKey]);
}

/** The person's ticks on the points of these letters; undefined while they load, or for none asked. */
export function useTicksOf(letterIds: readonly string[] | undefined): TickRow[] | undefined {
  const key = letterIds?.join('\n');
  // Not held back like the panes: a tick shows as soon as it is kept.
  return useLiveQuery(() => (letterIds === undefined ? undefined : queryTicksOf(letterIds)), [key]);
}
