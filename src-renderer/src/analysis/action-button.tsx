/** A button that starts some saving work, with a line beside it saying how it goes and how it ended. */
import { useState } from 'react';

interface ActionButtonProps {
  label: string;
  disabled?: boolean;
  /** Said in place of the status: why the button cannot be used here, for instance. */
  note?: string;
  /** Said as the work begins. */
  starting?: string;
  /** Does the work, saying how it goes through `say`; returns what to say once it is done. */
  run: (say: (text: string) => void) => Promise<string>;
  /** What to say when the work fails. */
  failed: (error: unknown) => string;
}

export function ActionButton({ label, disabled = false, note, starting = '', run, failed }: ActionButtonProps) {
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState('');
  async function start(): Promise<void> {
    setBusy(true);
    setStatus(starting);
    try {
      setStatus(await run(setStatus));
    } catch (error) {
      setStatus(failed(error));
    } finally {
      setBusy(false);
    }
  }
  return (
    <span className="export-csv">
      <button type="button" className="button" disabled={disabled || busy} onClick={() => void start()}>
        {label}
      </button>
      <span role="status" className="export-status">
        {note ?? status}
      </span>
    </span>
  );
}
