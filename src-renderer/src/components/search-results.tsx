import { useEffect, useMemo, useRef } from 'react';
import type { SearchState } from '../app/use-search';
import { errorInWords } from '../../../src-shared/error-words';
import type { FacetValue, SearchResponse } from '../search/search-types';
import { makeHitMatcher } from '../ui/highlight';
import { elapsedText, flattenResults, resultCountText, showMoreText } from '../ui/search-display';
import { FacetPanel } from './facet-panel';
import { ResultList, type ResultChoice } from './result-list';
import { SaveSearch } from './save-search';

interface SearchResultsProps {
  search: SearchState;
  /** Letters each "Show more" adds. */
  pageLetters: number;
  /** Fetch the next page of letters. */
  onShowMore: () => void;
  selectedKey: string | null;
  onSelect: (choice: ResultChoice) => void;
  /** Enter on a result: open it and go on to read it. */
  onActivate: (choice: ResultChoice) => void;
  /** Esc on the list, or "Back to letters": leave the search. */
  onBack: () => void;
  onFacet: (value: FacetValue) => void;
  onSave: (name: string) => void;
}

function summary(search: SearchState): string {
  const { response } = search;
  if (search.status === 'error') return `The search did not work: ${errorInWords(search.error)}. Try again, or change the search.`;
  if (!response) return 'Searching…';
  if (response.letters.length === 0) return search.status === 'searching' ? 'Searching…' : `No sections match “${search.query.trim()}”.`;
  return resultCountText(response.totalSections, response.totalLetters, response.letters.length);
}

/** Takes the place of the letters pane while a search is on: facets, then the results by letter. */
export function SearchResults({ search, pageLetters, onShowMore, selectedKey, onSelect, onActivate, onBack, onFacet, onSave }: SearchResultsProps) {
  const { response } = search;
  const matcher = useMemo(() => (response ? makeHitMatcher(response.highlight) : null), [response]);
  const time = response && search.status === 'done' ? elapsedText(response.elapsedMs) : '';
  const rows = useMemo(() => flattenResults(response?.letters ?? []), [response]);
  const bodyRef = useRef<HTMLDivElement>(null);
  /**
   * Rows listed when "Show more" was pressed, and the answer they belong to: the first new row
   * takes the focus when it comes, unless another search (or a failure) came first.
   */
  const moreFrom = useRef<{ rows: number; answer: SearchResponse['highlight'] } | null>(null);
  const more = response && search.status === 'done' && response.letters.length < response.totalLetters;

  useEffect(() => {
    const from = moreFrom.current;
    if (from === null) return;
    if (response?.highlight !== from.answer || search.moreError) {
      moreFrom.current = null;
      return;
    }
    if (rows.length <= from.rows) return;
    moreFrom.current = null;
    const row = rows[from.rows];
    if (row) onSelect(row);
    bodyRef.current?.querySelectorAll<HTMLElement>('[role="option"]')[from.rows]?.focus();
  }, [rows, response, search.moreError, onSelect]);

  function showMore(): void {
    if (response) moreFrom.current = { rows: rows.length, answer: response.highlight };
    onShowMore();
  }

  return (
    <div className="pane pane--results" aria-busy={search.status === 'searching'}>
      <div className="pane-head">
        <div className="pane-tools pane-tools--row">
          <h2 className="pane-title">Search results</h2>
          <button type="button" className="link-button" onClick={onBack}>
            Back to letters
          </button>
        </div>
        <p className="results-summary" role="status">
          {summary(search)}
          {time && <span className="results-time"> · {time}</span>}
        </p>
        {response && response.letters.length > 0 && <SaveSearch key={search.query.trim()} query={search.query} onSave={onSave} />}
      </div>
      <div className="pane-body" ref={bodyRef}>
        {response && response.letters.length > 0 && (
          <>
            <FacetPanel facets={response.facets} query={search.query} onToggle={onFacet} />
            <ResultList
              letters={response.letters}
              matcher={matcher}
              selectedKey={selectedKey}
              onSelect={onSelect}
              onActivate={onActivate}
              onEscape={onBack}
            />
            {response && more && (
              <div className="results-more">
                <button type="button" className="button" onClick={showMore} disabled={search.loadingMore} aria-describedby="results-more-count">
                  {search.loadingMore ? 'Fetching more letters…' : showMoreText(response.letters.length, response.totalLetters, pageLetters)}
                </button>
                <span id="results-more-count" className="item-meta">
                  {response.letters.length.toLocaleString('en-GB')} of {response.totalLetters.toLocaleString('en-GB')} letters shown
                </span>
                {search.moreError && (
                  <p className="results-more-error" role="alert">
                    More letters could not be fetched: {errorInWords(search.moreError)}. Try again.
                  </p>
                )}
              </div>
            )}
          </>
        )}
      </div>
    </div>
  );
}
