import { useState, type FormEvent, type KeyboardEvent } from 'react';

interface SaveSearchProps {
  query: string;
  onSave: (name: string) => void;
}

/** "Save search", which opens a small field for its name. */
export function SaveSearch({ query, onSave }: SaveSearchProps) {
  const [naming, setNaming] = useState(false);
  const [name, setName] = useState('');
  const [savedAs, setSavedAs] = useState<{ name: string; query: string } | null>(null);

  function start(): void {
    setName(query.trim());
    setNaming(true);
  }
  function submit(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    const chosen = name.trim() || query.trim();
    onSave(chosen);
    setSavedAs({ name: chosen, query });
    setNaming(false);
  }
  function handleKeyDown(event: KeyboardEvent<HTMLFormElement>): void {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      setNaming(false);
    }
  }

  if (naming) {
    return (
      <form className="save-search" onSubmit={submit} onKeyDown={handleKeyDown}>
        <input
          type="text"
          aria-label="Name for this search"
          placeholder="Name"
          value={name}
          onChange={(e) => setName(e.target.value)}
          // Opening the form is asking to type the name.
          autoFocus
          onFocus={(e) => e.target.select()}
        />
        <button type="submit" className="button button--small button--primary">
          Save
        </button>
        <button type="button" className="button button--small" onClick={() => setNaming(false)}>
          Cancel
        </button>
      </form>
    );
  }
  return (
    <div className="save-search">
      <button type="button" className="button button--small" onClick={start}>
        Save search
      </button>
      <span className="save-search-done" role="status">
        {savedAs && savedAs.query === query && `Saved as “${savedAs.name}”.`}
      </span>
    </div>
  );
}
