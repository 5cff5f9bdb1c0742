import type { RemovalToast } from '../app/use-removals';

interface UndoToastProps {
  toast: RemovalToast | null;
  onUndo: () => void;
  onDismiss: () => void;
}

/**
 * Says what was removed or put back, with the button that undoes the last removal. The live
 * region is always there, so screen readers announce each new message put into it.
 */
export function UndoToast({ toast, onUndo, onDismiss }: UndoToastProps) {
  return (
    <div className="undo-toast-region" role="status">
      {toast && (
        <div className="undo-toast" key={toast.serial}>
          <p className="undo-toast-text">{toast.text}</p>
          {toast.canUndo && (
            <button type="button" className="button undo-toast-undo" onClick={onUndo} aria-keyshortcuts="Control+Z Meta+Z" title="Undo (Ctrl+Z)">
              Undo
            </button>
          )}
          <button type="button" className="icon-button" aria-label="Dismiss" title="Dismiss" onClick={onDismiss}>
            <svg viewBox="0 0 16 16" aria-hidden="true" focusable="false">
              <path d="M4 4l8 8M12 4l-8 8" />
            </svg>
          </button>
        </div>
      )}
    </div>
  );
}
