import type { SearchHit } from '../archive/types';
import { countOf, formatLetterDate, kindLabel } from '../ui/format';
import type { Snippet } from '../ui/snippet';
import { HighlightedText } from './highlighted-text';
import { RatingBadge } from './rating-badge';
import { SelectableList } from './selectable-list';

export interface SearchState {
  query: string;
  status: 'searching' | 'done' | 'error';
  hits: SearchHit[];
  error?: string;
}

interface SearchResultsProps {
  search: SearchState;
  /** Excerpts around the words found, by `hitKey`, as they load. */
  snippets: Map<string, Snippet>;
  limit: number;
  selectedKey: string | null;
  onOpen: (hit: SearchHit) => void;
  /** Enter on a result: open it and go on to read it. */
  onActivate: (hit: SearchHit) => void;
  /** Esc on the list: back to the search box. */
  onEscape: () => void;
  onBack: () => void;
}

export function hitKey(hit: Pick<SearchHit, 'letterId' | 'sectionIndex'>): string {
  return `${hit.letterId}#${hit.sectionIndex}`;
}

function summary(search: SearchState, limit: number): string {
  if (search.status === 'searching' && search.hits.length === 0) return 'Searching…';
  if (search.status === 'error') return `The search did not work: ${search.error ?? 'unknown error'}`;
  if (search.hits.length === 0) return `No sections match “${search.query.trim()}”.`;
  const found = countOf(search.hits.length, 'section');
  return search.hits.length >= limit ? `The first ${found} that match` : `${found} match`;
}

/** Takes the place of the letters pane while a search is on: one item per matching section. */
export function SearchResults({ search, snippets, limit, selectedKey, onOpen, onActivate, onEscape, onBack }: SearchResultsProps) {
  return (
    <div className="pane pane--results">
      <div className="pane-head">
        <h2 className="pane-title">Search results</h2>
        <div className="pane-tools pane-tools--row">
          <p className="results-summary" role="status">
            {summary(search, limit)}
          </p>
          <button type="button" className="link-button" onClick={onBack}>
            Back to letters
          </button>
        </div>
      </div>
      <div className="pane-body">
        {search.hits.length > 0 && (
          <SelectableList
            label="Search results"
            className="results-list"
            items={search.hits}
            itemKey={hitKey}
            selectedKey={selectedKey}
            onSelect={onOpen}
            onActivate={onActivate}
            onEscape={onEscape}
            renderItem={(hit) => {
              const snippet = snippets.get(hitKey(hit));
              return (
                <div className="hit-item">
                  <span className="hit-council">{hit.councilName}</span>
                  <span className="item-meta">
                    {formatLetterDate(hit.date)} · {kindLabel(hit.kind)}
                  </span>
                  <span className="hit-section">
                    <HighlightedText text={hit.heading} terms={hit.terms} />
                    {hit.grade && <RatingBadge rating={hit.grade} compact />}
                  </span>
                  {snippet && (
                    <span className="hit-snippet">
                      <HighlightedText text={snippet.text} ranges={snippet.ranges} />
                    </span>
                  )}
                </div>
              );
            }}
          />
        )}
      </div>
    </div>
  );
}
