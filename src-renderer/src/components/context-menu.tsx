import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { nextIndex } from '../ui/list-keys';

export interface MenuAction {
  label: string;
  run: () => void;
  /** Drawn in the error colour: it takes something out of the archive. */
  danger?: boolean;
}

/** Where the menu opens, in the window's coordinates, and what it offers. */
export interface MenuRequest {
  x: number;
  y: number;
  actions: MenuAction[];
}

interface ContextMenuProps extends MenuRequest {
  /** Closes the menu; focus goes back to where it was when the menu opened. */
  onClose: () => void;
}

/** Keeps a box of this size at (x, y) inside the window. */
function within(x: number, y: number, width: number, height: number): { left: number; top: number } {
  return { left: Math.max(4, Math.min(x, window.innerWidth - width - 4)), top: Math.max(4, Math.min(y, window.innerHeight - height - 4)) };
}

/**
 * A menu of actions on what was right-clicked (or chosen with the Menu key or Shift+F10): the
 * arrow keys move, Enter or a click runs an action, Escape, Tab or a click elsewhere closes it.
 */
export function ContextMenu({ x, y, actions, onClose }: ContextMenuProps) {
  const menuRef = useRef<HTMLDivElement>(null);
  const returnTo = useRef<Element | null>(document.activeElement);
  const [place, setPlace] = useState({ left: x, top: y });

  useLayoutEffect(() => {
    const menu = menuRef.current;
    if (!menu) return;
    setPlace(within(x, y, menu.offsetWidth, menu.offsetHeight));
    menu.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
  }, [x, y]);

  useEffect(() => {
    const closeOutside = (event: PointerEvent) => {
      if (!menuRef.current?.contains(event.target as Node)) onClose();
    };
    window.addEventListener('pointerdown', closeOutside, true);
    window.addEventListener('blur', onClose);
    return () => {
      window.removeEventListener('pointerdown', closeOutside, true);
      window.removeEventListener('blur', onClose);
    };
  }, [onClose]);

  function close(): void {
    onClose();
    if (returnTo.current instanceof HTMLElement) returnTo.current.focus();
  }

  function handleKeyDown(event: KeyboardEvent<HTMLDivElement>): void {
    const items = [...(menuRef.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
    const to = nextIndex(event.key, items.indexOf(document.activeElement as HTMLElement), items.length);
    if (to !== null) {
      event.preventDefault();
      items[to]?.focus();
    } else if (event.key === 'Escape' || event.key === 'Tab') {
      event.preventDefault();
      event.stopPropagation();
      close();
    }
  }

  return (
    <div ref={menuRef} className="context-menu" role="menu" style={place} onKeyDown={handleKeyDown}>
      {actions.map((action) => (
        <button
          key={action.label}
          type="button"
          role="menuitem"
          tabIndex={-1}
          className={action.danger ? 'context-menu-item context-menu-item--danger' : 'context-menu-item'}
          onClick={() => {
            close();
            action.run();
          }}
        >
          {action.label}
        </button>
      ))}
    </div>
  );
}
