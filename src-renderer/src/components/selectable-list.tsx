import { useCallback, useEffect, useRef, useState, type KeyboardEvent, type MouseEvent, type ReactNode } from 'react';
import { keysBetween, nextIndex, toggledKey, typeAheadIndex } from '../ui/list-keys';
import { ContextMenu, type MenuAction, type MenuRequest } from './context-menu';

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
  /**
   * Several items chosen at once (Ctrl/Cmd+click, Shift+click, Shift+arrows, Ctrl/Cmd+A), apart
   * from the one selected; given with `onMark`, the list lets the person choose several.
   */
  marked?: ReadonlySet<string>;
  onMark?: (keys: Set<string>) => void;
  /** The Delete key on an item. */
  onDelete?: (item: T) => void;
  /** What the item's context menu offers (right-click, the Menu key, Shift+F10). */
  menuFor?: (item: T) => MenuAction[];
}

const NONE: ReadonlySet<string> = new Set();

const TYPE_AHEAD_PAUSE_MS = 700;

/**
 * A listbox with a roving tab stop: the list is one Tab stop, the arrow keys,
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
  marked = NONE,
  onMark,
  onDelete,
  menuFor,
}: SelectableListProps<T>) {
  const listRef = useRef<HTMLUListElement>(null);
  const typed = useRef({ text: '', at: 0 });
  const [menu, setMenu] = useState<MenuRequest | null>(null);
  const closeMenu = useCallback(() => setMenu(null), []);
  const selectedIndex = items.findIndex((item) => itemKey(item) === selectedKey);
  const tabStop = selectedIndex >= 0 ? selectedIndex : 0;
  const marking = onMark !== undefined && marked.size > 0;

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
    if (marking) onMark?.(new Set());
    onSelect(item);
    optionAt(index)?.focus();
  }

  /** Marks the items from the selected one to this one, and moves the focus there. */
  function markTo(index: number): void {
    onMark?.(keysBetween(items.map(itemKey), selectedIndex >= 0 ? selectedIndex : index, index));
    optionAt(index)?.focus();
  }

  function openMenu(item: T, x: number, y: number): void {
    const actions = menuFor?.(item) ?? [];
    if (actions.length > 0) setMenu({ x, y, actions });
  }

  function handleClick(event: MouseEvent<HTMLLIElement>, item: T, index: number): void {
    if (onMark && (event.ctrlKey || event.metaKey)) {
      onMark(toggledKey(marked, itemKey(item), selectedKey));
      optionAt(index)?.focus();
    } else if (onMark && event.shiftKey) {
      markTo(index);
    } else {
      if (marking) onMark?.(new Set());
      onSelect(item);
    }
  }

  function handleContextMenu(event: MouseEvent<HTMLLIElement>, item: T): void {
    if (!menuFor) return;
    event.preventDefault();
    // A right-click on an item not among those marked is about that item alone.
    if (marking && !marked.has(itemKey(item))) onMark?.(new Set());
    openMenu(item, event.clientX, event.clientY);
  }

  function focusedIndex(): number {
    const children = listRef.current ? [...listRef.current.children] : [];
    const i = children.findIndex((child) => child === document.activeElement);
    return i >= 0 ? i : selectedIndex;
  }

  function handleKeyDown(event: KeyboardEvent<HTMLUListElement>): void {
    const current = focusedIndex();
    const item = items[current];
    if (onMark && (event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'a') {
      event.preventDefault();
      onMark(new Set(items.map(itemKey)));
      return;
    }
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    if (item !== undefined && menuFor && (event.key === 'ContextMenu' || (event.key === 'F10' && event.shiftKey))) {
      event.preventDefault();
      const box = optionAt(current)?.getBoundingClientRect();
      openMenu(item, box ? box.left + 16 : 0, box ? box.bottom : 0);
      return;
    }
    const to = nextIndex(event.key, current, items.length);
    if (to !== null) {
      event.preventDefault();
      if (onMark && event.shiftKey) markTo(to);
      else moveTo(to);
      return;
    }
    if (event.key === 'Delete' && item !== undefined && onDelete) {
      event.preventDefault();
      onDelete(item);
    } else if (event.key === 'Escape' && marking) {
      event.preventDefault();
      onMark?.(new Set());
    } else if (event.key === 'Enter' && item !== undefined) {
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
    <>
      <ul
        ref={listRef}
        role="listbox"
        aria-label={label}
        aria-multiselectable={onMark ? true : undefined}
        className={className ? `list ${className}` : 'list'}
        onKeyDown={handleKeyDown}
      >
        {items.map((item, index) => {
          const key = itemKey(item);
          const selected = key === selectedKey;
          return (
            <li
              key={key}
              role="option"
              aria-selected={marking ? marked.has(key) : selected}
              tabIndex={index === tabStop ? 0 : -1}
              className={marking && selected ? 'list-option list-option--current' : 'list-option'}
              onClick={(event) => handleClick(event, item, index)}
              onContextMenu={(event) => handleContextMenu(event, item)}
            >
              {renderItem(item, selected)}
            </li>
          );
        })}
      </ul>
      {menu && <ContextMenu {...menu} onClose={closeMenu} />}
    </>
  );
}
