import { useCallback, useEffect, useRef, useState } from 'react';
import { RemovalOutdated, undoRemoval, type Removal } from '../archive/repository';
import { errorInWords } from '../../../src-shared/error-words';
import { countOf } from '../ui/format';
import { asSentence } from '../ui/report-words';

/** Removals this window can undo, newest last: at least the last ten, as the issue asks. */
export const UNDO_DEPTH = 20;

/** What the toast says after a removal or an undo, and whether its Undo button is offered. */
export interface RemovalToast {
  text: string;
  canUndo: boolean;
  /** Counts toasts, so a new one is announced and shown afresh though its text is the same. */
  serial: number;
}

/**
 * Removing letters and undoing it: each removal keeps what it took (see removals.ts) on a
 * stack in this window, newest last; Undo (the toast's button, or Ctrl/Cmd+Z outside a text
 * field) puts back the newest. Removals and undos run one at a time, in order.
 */
export function useRemovals() {
  const stack = useRef<Removal[]>([]);
  const [toast, setToast] = useState<RemovalToast | null>(null);
  const serial = useRef(0);
  /** The last removal or undo asked for: the next waits for it, so the stack keeps their order. */
  const queue = useRef<Promise<unknown>>(Promise.resolve());

  const show = useCallback((text: string, canUndo: boolean) => {
    serial.current += 1;
    setToast({ text, canUndo, serial: serial.current });
  }, []);

  const enqueue = useCallback((work: () => Promise<void>) => {
    queue.current = queue.current.then(work, work);
  }, []);

  /** Runs a removal; `take` returns what it took out. Nothing found is said so, not pushed. */
  const remove = useCallback(
    (take: () => Promise<Removal>) =>
      enqueue(async () => {
        try {
          const removal = await take();
          if (removal.letters.length === 0 && !removal.report) {
            show('Nothing was removed: those letters are no longer in the archive.', false);
            return;
          }
          stack.current = [...stack.current, removal].slice(-UNDO_DEPTH);
          show(`Removed ${removal.label}.`, true);
        } catch (error) {
          show(`The letters could not be removed: ${errorInWords(error)}. The archive is as it was.`, false);
        }
      }),
    [enqueue, show],
  );

  /** Puts back the newest removal still on the stack. */
  const undo = useCallback(
    () =>
      enqueue(async () => {
        const removal = stack.current.at(-1);
        if (!removal) {
          show('There is no removal to undo.', false);
          return;
        }
        try {
          const back = await undoRemoval(removal);
          stack.current = stack.current.slice(0, -1);
          const kept = removal.letters.length - back;
          const more = kept > 0 ? ` (${countOf(kept, 'letter')} had been imported again and ${kept === 1 ? 'was' : 'were'} left as ${kept === 1 ? 'it is' : 'they are'})` : '';
          show(`Put back ${removal.label}${more}.`, stack.current.length > 0);
        } catch (error) {
          if (error instanceof RemovalOutdated) {
            // Every removal on the stack is older still.
            stack.current = [];
            show(asSentence(`${removal.label} cannot be put back: ${error.message}`), false);
          } else {
            show(`The removal could not be undone: ${errorInWords(error)}. Try again.`, true);
          }
        }
      }),
    [enqueue, show],
  );

  const dismiss = useCallback(() => setToast(null), []);

  // A toast goes after a while, unless the person is on it.
  useEffect(() => {
    if (!toast) return;
    const timer = window.setTimeout(() => {
      if (!document.querySelector('.undo-toast:hover, .undo-toast:focus-within')) setToast(null);
    }, 10_000);
    return () => window.clearTimeout(timer);
  }, [toast]);

  return { remove, undo, toast, dismiss };
}
