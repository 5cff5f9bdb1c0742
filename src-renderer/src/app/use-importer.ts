import { useCallback, useEffect, useRef, useState } from 'react';
import { errorInWords } from '../../../src-shared/error-words';
import { importLetters } from '../archive/repository';
import type { ImportProgress, ImportReport, LetterSource } from '../archive/types';

/** The import under way: what it reads and how far it has got (null until the files are listed). */
export interface ImportRun {
  label: string;
  progress: ImportProgress | null;
}

export interface ImportOutcome {
  report: ImportReport;
  sample: boolean;
}

interface ImporterCallbacks {
  onFinished: (outcome: ImportOutcome) => void;
  /** The import did not finish: `cancelled` when the person stopped it. */
  onFailed: (message: string, cancelled: boolean) => void;
}

/** Progress is shown at most this often, so a fast import of many small files does not re-render per file. */
const PROGRESS_INTERVAL_MS = 80;

function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

/**
 * Runs one import at a time and keeps its progress for the progress bar. `start` takes a
 * function that finds the source (which may open a folder dialog and come back with nothing).
 */
export function useImporter(callbacks: ImporterCallbacks) {
  const [run, setRun] = useState<ImportRun | null>(null);
  const controller = useRef<AbortController | null>(null);
  const latest = useRef(callbacks);
  latest.current = callbacks;

  useEffect(() => () => controller.current?.abort(), []);

  const start = useCallback(
    async (findSource: () => Promise<LetterSource | null>, options: { sample?: boolean } = {}): Promise<ImportReport | null> => {
      if (controller.current) return null;
      const abort = new AbortController();
      controller.current = abort;
      let timer: ReturnType<typeof setTimeout> | undefined;
      try {
        const source = await findSource();
        if (!source || abort.signal.aborted) return null;
        setRun({ label: source.label, progress: null });
        let pending: ImportProgress | null = null;
        const report = await importLetters(source, {
          signal: abort.signal,
          sample: options.sample === true,
          onProgress: (p) => {
            pending = p;
            timer ??= setTimeout(() => {
              timer = undefined;
              const shown = pending;
              setRun((r) => (r ? { ...r, progress: shown } : r));
            }, PROGRESS_INTERVAL_MS);
          },
        });
        latest.current.onFinished({ report, sample: options.sample === true });
        return report;
      } catch (error) {
        if (isAbort(error) || abort.signal.aborted) latest.current.onFailed('The import was cancelled. Letters read before then are kept.', true);
        else latest.current.onFailed(`The import stopped: ${errorInWords(error)}. Letters read before then are kept; import the folder again to finish it.`, false);
        return null;
      } finally {
        if (timer !== undefined) clearTimeout(timer);
        controller.current = null;
        setRun(null);
      }
    },
    [],
  );

  const cancel = useCallback(() => controller.current?.abort(), []);

  return { run, start, cancel };
}

export type StartImport = ReturnType<typeof useImporter>['start'];
