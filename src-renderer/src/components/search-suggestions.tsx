import type { KeyboardEvent } from 'react';
import type { SavedSearch } from '../ui/search-history';
import { CrossButton } from './cross-button';

interface SearchSuggestionsProps {
  recent: readonly string[];
  saved: readonly SavedSearch[];
  onRun: (query: string) => void;
  onRemoveSaved: (name: string) => void;
  /** Esc: back to the search box, without choosing. */
  onLeave: () => void;
}

/** Under the empty search box: the last searches, and the saved ones (each removable). */
export function SearchSuggestions({ recent, saved, onRun, onRemoveSaved, onLeave }: SearchSuggestionsProps) {
  // Up and down move between the searches to run; Tab also reaches the remove buttons.
  function handleKeyDown(event: KeyboardEvent<HTMLDivElement>): void {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      onLeave();
      return;
    }
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    event.preventDefault();
    const buttons = [...event.currentTarget.querySelectorAll<HTMLElement>('.suggestion')];
    const at = buttons.indexOf(document.activeElement as HTMLElement);
    const to = event.key === 'ArrowDown' ? at + 1 : at - 1;
    if (to < 0) onLeave();
    else buttons[Math.min(to, buttons.length - 1)]?.focus();
  }

  return (
    <div className="search-suggestions" onKeyDown={handleKeyDown}>
      {recent.length > 0 && (
        <section aria-labelledby="recent-searches-title">
          <h2 id="recent-searches-title" className="suggestions-title">
            Recent searches
          </h2>
          <ul>
            {recent.map((query) => (
              <li key={query}>
                <button type="button" className="suggestion" onClick={() => onRun(query)}>
                  {query}
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
      {saved.length > 0 && (
        <section aria-labelledby="saved-searches-title">
          <h2 id="saved-searches-title" className="suggestions-title">
            Saved searches
          </h2>
          <ul>
            {saved.map((s) => (
              <li key={s.name} className="saved-search">
                <button type="button" className="suggestion" onClick={() => onRun(s.query)}>
                  <span className="saved-name">{s.name}</span>
                  {s.name !== s.query && <span className="saved-query">{s.query}</span>}
                </button>
                <CrossButton label={`Remove saved search ${s.name}`} title="Remove this saved search" onClick={() => onRemoveSaved(s.name)} />
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
