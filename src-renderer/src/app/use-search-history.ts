import { useCallback, useEffect, useRef, useState } from 'react';
import { getSetting, setSetting } from '../archive/repository';
import { addRecent, addSaved, parseRecent, parseSaved, removeSaved, type SavedSearch } from '../ui/search-history';

const RECENT_KEY = 'recentSearches';
const SAVED_KEY = 'savedSearches';

/** Recent and saved searches, loaded from settings and written back when they change. */
export function useSearchHistory() {
  const [recent, setRecent] = useState<string[]>([]);
  const [saved, setSaved] = useState<SavedSearch[]>([]);
  // A change made before the settings load must not be overwritten by them, and only a change is written.
  const touched = useRef({ recent: false, saved: false });

  useEffect(() => {
    let live = true;
    Promise.all([getSetting<unknown>(RECENT_KEY), getSetting<unknown>(SAVED_KEY)])
      .then(([r, s]) => {
        if (!live) return;
        if (!touched.current.recent) setRecent(parseRecent(r));
        if (!touched.current.saved) setSaved(parseSaved(s));
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, []);

  useEffect(() => {
    if (touched.current.recent) void setSetting(RECENT_KEY, recent).catch(() => undefined);
  }, [recent]);
  useEffect(() => {
    if (touched.current.saved) void setSetting(SAVED_KEY, saved).catch(() => undefined);
  }, [saved]);

  const remember = useCallback((query: string) => {
    touched.current.recent = true;
    setRecent((list) => (list[0] === query.trim() ? list : addRecent(list, query)));
  }, []);
  const save = useCallback((name: string, query: string) => {
    touched.current.saved = true;
    setSaved((list) => addSaved(list, name, query));
  }, []);
  const remove = useCallback((name: string) => {
    touched.current.saved = true;
    setSaved((list) => removeSaved(list, name));
  }, []);

  return { recent, saved, remember, save, remove };
}
