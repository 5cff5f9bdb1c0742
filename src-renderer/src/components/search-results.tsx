import { useMemo } from 'react';
import type { SearchState } from '../app/use-search';
import type { FacetValue } from '../search/search-types';
import { makeHitMatcher } from '../ui/highlight';
import { elapsedText, resultCountText } from '../ui/search-display';
import { FacetPanel } from './facet-panel';
import { ResultList, type ResultChoice } from './result-list';
import { SaveSearch } from './save-search';

interface SearchResultsProps {
  search: SearchState;
  /** Letters listed at most. */
  letterLimit: number;
  selectedKey: string | null;
  onSelect: (choice: ResultChoice) => void;
  /** Enter on a result: open it and go on to read it. */
  onActivate: (choice: ResultChoice) => void;
  /** Esc on the list, or "Back to letters": leave the search. */
  onBack: () => void;
  onFacet: (value: FacetValue) => void;
  onSave: (name: string) => void;
}

function summary(search: SearchState, letterLimit: number): string {
  const { response } = search;
  if (search.status === 'error') return `The search did not work: ${search.error ?? 'unknown error'}`;
  if (!response) return 'Searching…';
  if (response.letters.length === 0) return search.status === 'searching' ? 'Searching…' : `No sections match “${search.query.trim()}”.`;
  return resultCountText(response.totalSections, response.letters.length, letterLimit);
}

/** Takes the place of the letters pane while a search is on: facets, then the results by letter. */
export function SearchResults({ search, letterLimit, selectedKey, onSelect, onActivate, onBack, onFacet, onSave }: SearchResultsProps) {
  const { response } = search;
  const matcher = useMemo(() => (response ? makeHitMatcher(response.highlight) : null), [response]);
  const time = response && search.status === 'done' ? elapsedText(response.elapsedMs) : '';
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
          {summary(search, letterLimit)}
          {time && <span className="results-time"> · {time}</span>}
        </p>
        {response && response.letters.length > 0 && <SaveSearch key={search.query.trim()} query={search.query} onSave={onSave} />}
      </div>
      <div className="pane-body">
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
          </>
        )}
      </div>
    </div>
  );
}
