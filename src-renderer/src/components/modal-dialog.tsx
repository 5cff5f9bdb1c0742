import { useEffect, useRef, type ReactNode } from 'react';

interface ModalDialogProps {
  /** The dialog's accessible name. */
  label: string;
  onClose: () => void;
  className?: string;
  /** While true, Esc does not close the dialog: work is under way that the person should see end. */
  busy?: boolean;
  children: (close: () => void) => ReactNode;
}

/**
 * A native modal `<dialog>`: the browser keeps focus inside it, Esc closes it, and focus
 * goes back where it was. Mounting opens it; its content gets a `close` to call.
 */
export function ModalDialog({ label, onClose, className, busy = false, children }: ModalDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const latestOnClose = useRef(onClose);
  latestOnClose.current = onClose;
  const busyNow = useRef(busy);
  busyNow.current = busy;

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (!dialog.open) dialog.showModal();
    const closed = (): void => latestOnClose.current();
    const cancel = (event: Event): void => {
      if (busyNow.current) event.preventDefault();
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
  return (
    <dialog ref={ref} aria-label={label} className={className ? `dialog ${className}` : 'dialog'}>
      {children(close)}
    </dialog>
  );
}
