import { useRef, useState, type FocusEvent, type KeyboardEvent, type Ref } from 'react';
import { asSentence } from '../ui/report-words';
import type { SavedSearch } from '../ui/search-history';
import { SearchHelp } from './search-help';
import { SearchSuggestions } from './search-suggestions';

interface SearchBoxProps {
  value: string;
  onChange: (value: string) => void;
  /** Esc: clear the search and go back to the letters. */
  onClear: () => void;
  /** Down arrow: go into the results. */
  onEnterResults: () => void;
  /** Enter (forwards) or Shift+Enter (backwards): open the first result, then step through its hits. */
  onEnter: (backwards: boolean) => void;
  /** What the query could not understand; the rest of it still searches. */
  errors: readonly string[];
  recent: readonly string[];
  saved: readonly SavedSearch[];
  /** A recent or saved search chosen: search for it again. */
  onRun: (query: string) => void;
  onRemoveSaved: (name: string) => void;
  inputRef?: Ref<HTMLInputElement>;
}

/**
 * The search box in the header; Ctrl+F (Cmd+F on a Mac) or "/" comes here. While it is
 * empty and focused it offers recent and saved searches; what it could not understand of
 * a query shows under it.
 */
export function SearchBox(props: SearchBoxProps) {
  const { value, onChange, onClear, onEnterResults, onEnter, errors, recent, saved, onRun, onRemoveSaved, inputRef } = props;
  const [focused, setFocused] = useState(false);
  const boxRef = useRef<HTMLDivElement>(null);
  const offering = focused && value.trim() === '' && (recent.length > 0 || saved.length > 0);

  function focusInput(): void {
    boxRef.current?.querySelector('input')?.focus();
  }

  function handleKeyDown(event: KeyboardEvent<HTMLInputElement>): void {
    if (event.key === 'Escape') {
      event.preventDefault();
      if (value === '') setFocused(false);
      onClear();
    } else if (event.key === 'ArrowDown' && value.trim() === '' && offering) {
      event.preventDefault();
      boxRef.current?.querySelector<HTMLElement>('.suggestion')?.focus();
    } else if (event.key === 'ArrowDown' && value.trim() !== '') {
      event.preventDefault();
      onEnterResults();
    } else if (event.key === 'Enter' && value.trim() !== '') {
      event.preventDefault();
      onEnter(event.shiftKey);
    }
  }

  function handleBlur(event: FocusEvent<HTMLDivElement>): void {
    if (!boxRef.current?.contains(event.relatedTarget)) setFocused(false);
  }

  return (
    <div className="search-area">
      <div className="search-row">
        <div ref={boxRef} className="search-box" role="search" onFocus={() => setFocused(true)} onBlur={handleBlur}>
          <svg className="search-icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
            <circle cx="6.5" cy="6.5" r="4.5" />
            <path d="M10 10l4 4" />
          </svg>
          <input
            ref={inputRef}
            type="search"
            aria-label="Search letters"
            aria-describedby="search-errors"
            placeholder="Search letters (Ctrl+F or /)"
            value={value}
            onChange={(e) => onChange(e.target.value)}
            onKeyDown={handleKeyDown}
            spellCheck={false}
            autoComplete="off"
          />
          {offering && (
            <SearchSuggestions
              recent={recent}
              saved={saved}
              onRun={(query) => {
                onRun(query);
                focusInput();
              }}
              onRemoveSaved={(name) => {
                onRemoveSaved(name);
                focusInput();
              }}
              onLeave={() => {
                setFocused(false);
                focusInput();
              }}
            />
          )}
        </div>
        <SearchHelp />
      </div>
      <p id="search-errors" className="search-errors" role="status">
        {errors.length > 0 && `${errors.map(asSentence).join(' ')} The rest of the query was searched.`}
      </p>
    </div>
  );
}
