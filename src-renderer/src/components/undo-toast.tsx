import type { RemovalToast } from '../app/use-removals';
import { CrossButton } from './cross-button';

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
          <CrossButton label="Dismiss" title="Dismiss" onClick={onDismiss} />
        </div>
      )}
    </div>
  );
}
