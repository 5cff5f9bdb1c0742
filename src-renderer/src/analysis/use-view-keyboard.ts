/** The keyboard of a view over the archive: opening it takes focus into it, and Esc closes it. */
import { useEffect, useRef, type KeyboardEvent, type RefObject } from 'react';

export function useViewKeyboard(active: boolean, onClose: () => void): { ref: RefObject<HTMLElement | null>; onKeyDown: (event: KeyboardEvent<HTMLElement>) => void } {
  const ref = useRef<HTMLElement>(null);
  useEffect(() => {
    if (active) ref.current?.focus();
  }, [active]);
  function onKeyDown(event: KeyboardEvent<HTMLElement>): void {
    // Esc in an open drop-down list closes the list, not the view.
    if (event.key === 'Escape' && !(event.target instanceof HTMLSelectElement)) {
      event.preventDefault();
      onClose();
    }
  }
  return { ref, onKeyDown };
}
