import { useEffect, useRef, useState } from 'react';
import { runSearch } from '../search/search-client';
import type { SearchResponse } from '../search/search-types';

/** Letters a search lists at most; the counts still cover every match. */
export const RESULT_LETTER_LIMIT = 100;
const DEBOUNCE_MS = 150;

export interface SearchState {
  /** The query as typed. */
  query: string;
  status: 'searching' | 'done' | 'error';
  /** The answer to this query, or to the one before while this one runs. */
  response: SearchResponse | null;
  error?: string;
}

/**
 * Searches as the person types, a moment after they pause; an answer to an older query
 * never replaces a newer one. `refresh` changes (an import adding letters) search again.
 * Null while the box is empty.
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
    setState((s) => ({ query, status: 'searching', response: s?.response ?? null }));
    const timer = setTimeout(() => {
      runSearch(q, { letters: RESULT_LETTER_LIMIT })
        .then((response) => {
          if (ticket === asked.current) setState({ query, status: 'done', response });
        })
        .catch((error: unknown) => {
          if (ticket === asked.current) {
            setState({ query, status: 'error', response: null, error: error instanceof Error ? error.message : String(error) });
          }
        });
    }, DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [query, refresh]);

  return state;
}
