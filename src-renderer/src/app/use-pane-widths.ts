import { useCallback, useEffect, useRef, useState } from 'react';
import { getSetting, setSetting } from '../archive/repository';
import {
  DEFAULT_PANE_WIDTHS,
  NONE_COLLAPSED,
  PANE_COLLAPSE_KEY,
  PANE_WIDTHS_KEY,
  parsePaneCollapse,
  parsePaneWidths,
  type PaneCollapse,
  type PaneWidths,
} from '../ui/pane-widths';

const SAVE_DELAY_MS = 300;

/** The two left panes' widths and whether each is collapsed, loaded from settings and saved shortly after a change. */
export function usePaneWidths() {
  const [widths, setWidths] = useState<PaneWidths>(DEFAULT_PANE_WIDTHS);
  const [collapsed, setCollapsedState] = useState<PaneCollapse>(NONE_COLLAPSED);
  const changed = useRef({ widths: false, collapsed: false });
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  useEffect(() => {
    let live = true;
    getSetting<unknown>(PANE_WIDTHS_KEY)
      .then((value) => {
        if (live && !changed.current.widths && value !== undefined) setWidths(parsePaneWidths(value));
      })
      .catch(() => undefined);
    getSetting<unknown>(PANE_COLLAPSE_KEY)
      .then((value) => {
        if (live && !changed.current.collapsed && value !== undefined) setCollapsedState(parsePaneCollapse(value));
      })
      .catch(() => undefined);
    return () => {
      live = false;
      clearTimeout(timer.current);
    };
  }, []);

  const resize = useCallback((pane: keyof PaneWidths, width: number) => {
    changed.current.widths = true;
    setWidths((w) => {
      const next = { ...w, [pane]: width };
      clearTimeout(timer.current);
      timer.current = setTimeout(() => void setSetting(PANE_WIDTHS_KEY, next).catch(() => undefined), SAVE_DELAY_MS);
      return next;
    });
  }, []);

  /** Collapses a pane to a strip, or opens it again at the width it had. */
  const setCollapsed = useCallback((pane: keyof PaneCollapse, value: boolean) => {
    changed.current.collapsed = true;
    setCollapsedState((c) => {
      if (c[pane] === value) return c;
      const next = { ...c, [pane]: value };
      void setSetting(PANE_COLLAPSE_KEY, next).catch(() => undefined);
      return next;
    });
  }, []);

  /** A splitter double-clicked: its pane goes back to its first width, open. */
  const reset = useCallback(
    (pane: keyof PaneWidths) => {
      resize(pane, DEFAULT_PANE_WIDTHS[pane]);
      setCollapsed(pane, false);
    },
    [resize, setCollapsed],
  );

  return { widths, resize, collapsed, setCollapsed, reset };
}
