import { useCallback, useEffect, useRef, useState } from 'react';
import { getSetting, setSetting } from '../archive/repository';
import { DEFAULT_PANE_WIDTHS, PANE_WIDTHS_KEY, parsePaneWidths, type PaneWidths } from '../ui/pane-widths';

const SAVE_DELAY_MS = 300;

/** The two left panes' widths, loaded from settings and saved shortly after a resize ends. */
export function usePaneWidths() {
  const [widths, setWidths] = useState<PaneWidths>(DEFAULT_PANE_WIDTHS);
  const changed = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  useEffect(() => {
    let live = true;
    getSetting<unknown>(PANE_WIDTHS_KEY)
      .then((value) => {
        if (live && !changed.current && value !== undefined) setWidths(parsePaneWidths(value));
      })
      .catch(() => undefined);
    return () => {
      live = false;
      clearTimeout(timer.current);
    };
  }, []);

  const resize = useCallback((pane: keyof PaneWidths, width: number) => {
    changed.current = true;
    setWidths((w) => {
      const next = { ...w, [pane]: width };
      clearTimeout(timer.current);
      timer.current = setTimeout(() => void setSetting(PANE_WIDTHS_KEY, next).catch(() => undefined), SAVE_DELAY_MS);
      return next;
    });
  }, []);

  return { widths, resize };
}
