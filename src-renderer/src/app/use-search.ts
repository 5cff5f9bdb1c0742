import { useCallback, useEffect, useRef, useState } from 'react';
import { runSearch } from '../search/search-client';
import type { SearchResponse } from '../search/search-types';

/** Letters a search lists at first, and adds with each "Show more"; the counts still cover every match. */
export const RESULT_PAGE_LETTERS = 30;
const DEBOUNCE_MS = 150;

export interface SearchState {
  /** The query as typed. */
  query: string;
  status: 'searching' | 'done' | 'error';
  /** The answer to this query, or to the one before while this one runs; its letters grow with each page shown. */
  response: SearchResponse | null;
  error?: string;
  /** Whether more letters are being fetched. */
  loadingMore?: boolean;
  /** Why the last "Show more" failed, if it did. */
  moreError?: string;
}

export interface Search {
  /** Null while the box is empty. */
  search: SearchState | null;
  /** Fetches the next RESULT_PAGE_LETTERS letters of the answer shown and adds them to it. */
  showMore: () => void;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Searches as the person types, a moment after they pause; an answer to an older query
 * never replaces a newer one. `refresh` changes (an import adding letters) search again,
 * keeping as many letters listed as "Show more" had brought.
 */
export function useSearch(query: string, refresh: unknown): Search {
  const [state, setState] = useState<SearchState | null>(null);
  const asked = useRef(0);
  const current = useRef<SearchState | null>(null);
  current.current = state;

  useEffect(() => {
    const q = query.trim();
    const ticket = ++asked.current;
    if (q === '') {
      setState(null);
      return;
    }
    // Asked again for the same query (the archive changed): as many letters as are listed now.
    const listed = current.current?.query.trim() === q ? (current.current.response?.letters.length ?? 0) : 0;
    const letters = Math.max(RESULT_PAGE_LETTERS, listed);
    setState((s) => ({ query, status: 'searching', response: s?.response ?? null }));
    const timer = setTimeout(() => {
      runSearch(q, { letters })
        .then((response) => {
          if (ticket === asked.current) setState({ query, status: 'done', response });
        })
        .catch((error: unknown) => {
          if (ticket === asked.current) setState({ query, status: 'error', response: null, error: describe(error) });
        });
    }, DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [query, refresh]);

  const showMore = useCallback(() => {
    const shown = current.current;
    const response = shown?.response;
    if (!shown || shown.status !== 'done' || shown.loadingMore || !response || response.letters.length >= response.totalLetters) return;
    // A new query (or an import) while the page comes makes it stale.
    const ticket = asked.current;
    const stillShown = (s: SearchState | null): s is SearchState => ticket === asked.current && s?.response === response;
    setState((s) => (stillShown(s) ? { ...s, loadingMore: true, moreError: undefined } : s));
    runSearch(response.query, { letters: RESULT_PAGE_LETTERS, offset: response.letters.length })
      .then((page) => {
        // Should the archive have changed between the pages, a letter is still listed once.
        const listed = new Set(response.letters.map((l) => l.letterId));
        const added = page.letters.filter((l) => !listed.has(l.letterId));
        setState((s) => (stillShown(s) ? { ...s, loadingMore: false, response: { ...response, letters: [...response.letters, ...added], totalLetters: page.totalLetters } } : s));
      })
      .catch((error: unknown) => {
        setState((s) => (stillShown(s) ? { ...s, loadingMore: false, moreError: describe(error) } : s));
      });
  }, []);

  return { search: state, showMore };
}
