import { useEffect, useRef, type ReactNode } from 'react';
import { createPortal } from 'react-dom';

interface PreviewDialogProps {
  label: string;
  /** While true, Esc does not close the dialog: the page is being printed as it is. */
  busy: boolean;
  onClose: () => void;
  children: (close: () => void) => ReactNode;
}

/**
 * The preview's native modal dialog: the browser keeps focus inside, Esc closes it and
 * focus goes back where it was. It sits straight under <body>, outside the app's root, so
 * the print stylesheet can leave the whole app out and print the dialog's summary alone.
 */
export function PreviewDialog({ label, busy, onClose, children }: PreviewDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const latest = useRef({ onClose, busy });
  latest.current = { onClose, busy };

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (!dialog.open) dialog.showModal();
    // The main action, when it is ready; otherwise the browser's choice, the first control.
    dialog.querySelector<HTMLElement>('[data-initial-focus]:not(:disabled)')?.focus();
    const closed = (): void => latest.current.onClose();
    const cancel = (event: Event): void => {
      if (latest.current.busy) event.preventDefault();
    };
    dialog.addEventListener('close', closed);
    dialog.addEventListener('cancel', cancel);
    return () => {
      dialog.removeEventListener('close', closed);
      dialog.removeEventListener('cancel', cancel);
      if (dialog.open) dialog.close();
    };
  }, []);

  const close = (): void => ref.current?.close();
  return createPortal(
    <dialog ref={ref} aria-label={label} className="dialog print-preview">
      {children(close)}
    </dialog>,
    document.body,
  );
}
