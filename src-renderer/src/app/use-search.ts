import { useEffect, useRef, useState } from 'react';
import { searchSections } from '../search/search-client';
import type { SearchState } from '../components/search-results';

export const SEARCH_LIMIT = 200;
const DEBOUNCE_MS = 150;

/**
 * Searches as the person types, a moment after they pause; an answer to an older query
 * never replaces a newer one. `refresh` changes (an import adding letters) search again.
 */
export function useSearch(query: string, refresh: unknown): SearchState | null {
  const [state, setState] = useState<SearchState | null>(null);
  const asked = useRef(0);

  useEffect(() => {
    const q = query.trim();
    const ticket = ++asked.current;
    if (q === '') {
      setState(null);
      return;
    }
    setState((s) => ({ query, status: 'searching', hits: s?.hits ?? [] }));
    const timer = setTimeout(() => {
      searchSections(q, SEARCH_LIMIT)
        .then((hits) => {
          if (ticket === asked.current) setState({ query, status: 'done', hits });
        })
        .catch((error: unknown) => {
          if (ticket === asked.current) {
            setState({ query, status: 'error', hits: [], error: error instanceof Error ? error.message : String(error) });
          }
        });
    }, DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [query, refresh]);

  return state;
}
