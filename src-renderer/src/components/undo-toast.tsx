import { useLayoutEffect, useRef } from 'react';
import type { RemovalToast } from '../app/use-removals';
import { CrossButton } from './cross-button';

interface UndoToastProps {
  toast: RemovalToast | null;
  onUndo: () => void;
  onDismiss: () => void;
}

/**
 * Says what was removed or put back, with the button that undoes the last removal. The live
 * region is always there, so screen readers announce each new message put into it. A button
 * pressed in the toast that goes with the next message (Undo, once nothing is left to undo)
 * hands the focus to the toast's other button rather than dropping it.
 */
export function UndoToast({ toast, onUndo, onDismiss }: UndoToastProps) {
  const region = useRef<HTMLDivElement>(null);
  const hadFocus = useRef(false);

  useLayoutEffect(() => {
    if (!hadFocus.current) return;
    hadFocus.current = false;
    if (document.activeElement === document.body || document.activeElement === null) region.current?.querySelector<HTMLElement>('button')?.focus();
  }, [toast]);

  return (
    <div
      className="undo-toast-region"
      role="status"
      ref={region}
      onFocus={() => (hadFocus.current = true)}
      onBlur={(event) => (hadFocus.current = event.relatedTarget === null)}
    >
      {toast && (
        <div className="undo-toast">
          <p className="undo-toast-text">{toast.text}</p>
          {toast.canUndo && (
            <button type="button" className="button undo-toast-undo" onClick={onUndo} aria-keyshortcuts="Control+Z Meta+Z" title="Undo (Ctrl+Z)">
              Undo
            </button>
          )}
          <CrossButton label="Dismiss" title="Dismiss" onClick={onDismiss} />
        </div>
      )}
    </div>
  );
}
