import { useEffect, useState } from 'react';
import type { StoredLetter } from '../archive/types';
import { getBridge } from '../ui/get-bridge';

/**
 * Opens the file a letter was imported from in the system's own viewer: the PDF as Ofsted
 * published it, say. Offered only where the app knows the file's folder (a folder chosen
 * in the app, not files dropped on the window) and runs with the desktop shell.
 */
export function OpenOriginal({ letter }: { letter: StoredLetter }) {
  const [problem, setProblem] = useState('');
  const [busy, setBusy] = useState(false);
  const bridge = getBridge();
  const folder = letter.sourceFolder;

  useEffect(() => setProblem(''), [letter.id]);

  if (!bridge || !folder) return null;

  async function open(): Promise<void> {
    if (!bridge || !folder) return;
    setBusy(true);
    setProblem('');
    try {
      const outcome = await bridge.openOriginal(folder, letter.sourceFile);
      if (outcome.status === 'failed') setProblem(outcome.message);
    } catch (error) {
      setProblem(`The file could not be opened: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <button
        type="button"
        className="button letter-head-button"
        onClick={() => void open()}
        disabled={busy}
        title={`Open ${letter.sourceFile} in the system's viewer`}
      >
        Open original
      </button>
      {problem && (
        <p className="letter-open-problem" role="alert">
          {problem}
        </p>
      )}
    </>
  );
}
