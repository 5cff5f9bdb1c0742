/**
 * Printing and saving the summary on screen: through the desktop bridge when there is one,
 * else the browser's own print. Reports the outcome in words for the preview's status line.
 */
import { useCallback, useRef, useState } from 'react';
import type { PaperSize, PrintOutcome } from '../../../src-shared/bridge';
import { errorInWords } from '../../../src-shared/error-words';
import { getBridge } from '../ui/get-bridge';
import { asSentence } from '../ui/report-words';

export interface PrintJob {
  title: string;
  fileName: string;
  paperSize: PaperSize;
  /** Pages turned sideways, for a wide table. */
  landscape?: boolean;
}

export interface PrintActions {
  /** True while the bridge prints or saves; the preview's buttons wait. */
  busy: boolean;
  /** The last outcome in words; empty when there is nothing to say. */
  status: string;
  print(job: PrintJob): Promise<void>;
  saveAsPdf(job: PrintJob): Promise<void>;
}

function describe(outcome: PrintOutcome, cancelled: string): string {
  switch (outcome.status) {
    case 'printed':
      return 'Sent to the printer.';
    case 'saved':
      return `Saved to ${outcome.path}.`;
    case 'cancelled':
      return cancelled;
    case 'failed':
      return asSentence(outcome.message);
  }
}

function failure(what: string, error: unknown): string {
  return `Could not ${what}: ${errorInWords(error)}.`;
}

export function usePrintActions(): PrintActions {
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState('');
  // A ref as well as state: a second click before the re-render must not start a second job.
  const running = useRef(false);

  const run = useCallback(async (what: string, cancelled: string, job: () => Promise<PrintOutcome>) => {
    if (running.current) return;
    running.current = true;
    setBusy(true);
    setStatus('');
    try {
      setStatus(describe(await job(), cancelled));
    } catch (error) {
      setStatus(failure(what, error));
    } finally {
      running.current = false;
      setBusy(false);
    }
  }, []);

  const print = useCallback(
    async ({ title, paperSize, landscape }: PrintJob) => {
      const bridge = getBridge();
      if (!bridge) {
        setStatus('');
        window.print();
        return;
      }
      await run('print', 'Printing was cancelled.', () => bridge.print({ title, paperSize, ...(landscape ? { landscape } : {}) }));
    },
    [run],
  );

  const saveAsPdf = useCallback(
    async ({ title, paperSize, fileName, landscape }: PrintJob) => {
      const bridge = getBridge();
      if (!bridge) return;
      await run('save the PDF', '', () => bridge.saveAsPdf({ title, paperSize, suggestedName: fileName, ...(landscape ? { landscape } : {}) }));
    },
    [run],
  );

  return { busy, status, print, saveAsPdf };
}
