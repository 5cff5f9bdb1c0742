import { useEffect, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { nextIndex, typeAheadIndex } from '../ui/list-keys';

interface SelectableListProps<T> {
  /** The list's accessible name ("Councils"). */
  label: string;
  items: readonly T[];
  itemKey: (item: T) => string;
  /** Text to match when the person types letters on the list. */
  itemLabel?: (item: T) => string;
  selectedKey: string | null;
  onSelect: (item: T) => void;
  /** Enter on an item; moving on to the next pane, for instance. */
  onActivate?: (item: T) => void;
  onEscape?: () => void;
  renderItem: (item: T, selected: boolean) => ReactNode;
  className?: string;
}

const TYPE_AHEAD_PAUSE_MS = 700;

/**
 * A single-select listbox with a roving tab stop: the list is one Tab stop, the arrow keys,
 * Home, End and Page keys move and select, and typing jumps to an item by its first letters.
 */
export function SelectableList<T>({
  label,
  items,
  itemKey,
  itemLabel,
  selectedKey,
  onSelect,
  onActivate,
  onEscape,
  renderItem,
  className,
}: SelectableListProps<T>) {
  const listRef = useRef<HTMLUListElement>(null);
  const typed = useRef({ text: '', at: 0 });
  const selectedIndex = items.findIndex((item) => itemKey(item) === selectedKey);
  const tabStop = selectedIndex >= 0 ? selectedIndex : 0;

  // A selection made elsewhere (a search result, a restored session) is scrolled into view.
  useEffect(() => {
    if (selectedIndex < 0) return;
    const option = listRef.current?.children[selectedIndex];
    if (option instanceof HTMLElement) option.scrollIntoView({ block: 'nearest' });
  }, [selectedIndex]);

  function optionAt(index: number): HTMLElement | null {
    const option = listRef.current?.children[index];
    return option instanceof HTMLElement ? option : null;
  }

  function moveTo(index: number): void {
    const item = items[index];
    if (item === undefined) return;
    onSelect(item);
    optionAt(index)?.focus();
  }

  function focusedIndex(): number {
    const children = listRef.current ? [...listRef.current.children] : [];
    const i = children.findIndex((child) => child === document.activeElement);
    return i >= 0 ? i : selectedIndex;
  }

  function handleKeyDown(event: KeyboardEvent<HTMLUListElement>): void {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const current = focusedIndex();
    const to = nextIndex(event.key, current, items.length);
    if (to !== null) {
      event.preventDefault();
      moveTo(to);
      return;
    }
    const item = items[current];
    if (event.key === 'Enter' && item !== undefined) {
      event.preventDefault();
      if (onActivate) onActivate(item);
      else onSelect(item);
    } else if (event.key === ' ' && item !== undefined) {
      event.preventDefault();
      onSelect(item);
    } else if (event.key === 'Escape' && onEscape) {
      event.preventDefault();
      onEscape();
    } else if (itemLabel && event.key.length === 1 && /\S/u.test(event.key)) {
      const now = Date.now();
      const text = now - typed.current.at > TYPE_AHEAD_PAUSE_MS ? event.key : typed.current.text + event.key;
      typed.current = { text, at: now };
      const found = typeAheadIndex(items.map(itemLabel), current, text);
      if (found !== null) {
        event.preventDefault();
        moveTo(found);
      }
    }
  }

  return (
    <ul ref={listRef} role="listbox" aria-label={label} className={className ? `list ${className}` : 'list'} onKeyDown={handleKeyDown}>
      {items.map((item, index) => {
        const key = itemKey(item);
        const selected = key === selectedKey;
        return (
          <li
            key={key}
            role="option"
            aria-selected={selected}
            tabIndex={index === tabStop ? 0 : -1}
            className="list-option"
            onClick={() => onSelect(item)}
          >
            {renderItem(item, selected)}
          </li>
        );
      })}
    </ul>
  );
}
