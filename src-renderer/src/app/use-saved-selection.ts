import { useCallback, useEffect, useRef, useState } from 'react';
import { getSelection, saveSelection } from '../archive/repository';
import type { Selection } from '../archive/types';

export const EMPTY_SELECTION: Selection = { councilKey: null, letterId: null, sectionIndex: null };

/** Scrolling through sections saves after this pause; choosing a council or letter saves at once. */
const SECTION_SAVE_DELAY_MS = 400;

/**
 * The chosen council, letter and section, restored from the archive at start-up and saved
 * as they change. `restored` is the selection as it was loaded, once, for the first scroll.
 */
export function useSavedSelection() {
  const [selection, setSelectionState] = useState<Selection>(EMPTY_SELECTION);
  const [restored, setRestored] = useState<Selection | null>(null);
  const [loaded, setLoaded] = useState(false);
  const touched = useRef(false);
  const saved = useRef<Selection>(EMPTY_SELECTION);

  useEffect(() => {
    let live = true;
    getSelection()
      .then((s) => {
        if (!live) return;
        saved.current = s;
        // If the person has already chosen something, their choice wins over the old one.
        if (!touched.current) {
          setSelectionState(s);
          setRestored(s);
        }
      })
      .catch(() => undefined)
      .finally(() => {
        if (live) setLoaded(true);
      });
    return () => {
      live = false;
    };
  }, []);

  useEffect(() => {
    if (!loaded) return;
    const last = saved.current;
    if (last.councilKey === selection.councilKey && last.letterId === selection.letterId && last.sectionIndex === selection.sectionIndex) return;
    const write = (): void => {
      saved.current = selection;
      void saveSelection(selection).catch(() => undefined);
    };
    if (last.councilKey !== selection.councilKey || last.letterId !== selection.letterId) {
      write();
      return;
    }
    const timer = setTimeout(write, SECTION_SAVE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [selection, loaded]);

  const setSelection = useCallback((next: Selection | ((s: Selection) => Selection)) => {
    touched.current = true;
    setSelectionState(next);
  }, []);

  return { selection, setSelection, restored, loaded };
}
