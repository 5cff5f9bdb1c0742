import type { KeyboardEvent, Ref } from 'react';

interface SearchBoxProps {
  value: string;
  onChange: (value: string) => void;
  /** Esc: clear the search and go back to the letters. */
  onClear: () => void;
  /** Down arrow or Enter: go into the results. */
  onEnterResults: () => void;
  inputRef?: Ref<HTMLInputElement>;
}

/** The search box in the header; Ctrl+F (Cmd+F on a Mac) comes here. */
export function SearchBox({ value, onChange, onClear, onEnterResults, inputRef }: SearchBoxProps) {
  function handleKeyDown(event: KeyboardEvent<HTMLInputElement>): void {
    if (event.key === 'Escape') {
      event.preventDefault();
      onClear();
    } else if ((event.key === 'ArrowDown' || event.key === 'Enter') && value.trim() !== '') {
      event.preventDefault();
      onEnterResults();
    }
  }

  return (
    <div className="search-box" role="search">
      <svg className="search-icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
        <circle cx="6.5" cy="6.5" r="4.5" />
        <path d="M10 10l4 4" />
      </svg>
      <input
        ref={inputRef}
        type="search"
        aria-label="Search letters"
        placeholder="Search letters (Ctrl+F)"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        onKeyDown={handleKeyDown}
        spellCheck={false}
        autoComplete="off"
      />
    </div>
  );
}
