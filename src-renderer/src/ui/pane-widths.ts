/** The widths of the two left panes, kept between sessions. The letter pane takes the rest. */

export interface PaneWidths {
  councils: number;
  letters: number;
}

export const PANE_WIDTHS_KEY = 'paneWidths';
export const DEFAULT_PANE_WIDTHS: PaneWidths = { councils: 290, letters: 300 };
export const MIN_PANE_WIDTH = 180;
export const MAX_PANE_WIDTH = 560;
/** Arrow keys on a splitter move it this far; with Shift, four times as far. */
export const KEYBOARD_STEP = 16;

export function clampWidth(width: number): number {
  if (!Number.isFinite(width)) return MIN_PANE_WIDTH;
  return Math.round(Math.min(MAX_PANE_WIDTH, Math.max(MIN_PANE_WIDTH, width)));
}

/** Reads a stored value defensively: settings may be missing or from an older version. */
export function parsePaneWidths(value: unknown): PaneWidths {
  const v = (typeof value === 'object' && value !== null ? value : {}) as Partial<Record<keyof PaneWidths, unknown>>;
  const pick = (x: unknown, fallback: number): number => (typeof x === 'number' ? clampWidth(x) : fallback);
  return {
    councils: pick(v.councils, DEFAULT_PANE_WIDTHS.councils),
    letters: pick(v.letters, DEFAULT_PANE_WIDTHS.letters),
  };
}

/** The width a splitter key gives, or null when the key does not move splitters. */
export function widthAfterKey(width: number, key: string, shift: boolean): number | null {
  const step = shift ? KEYBOARD_STEP * 4 : KEYBOARD_STEP;
  switch (key) {
    case 'ArrowLeft':
      return clampWidth(width - step);
    case 'ArrowRight':
      return clampWidth(width + step);
    case 'Home':
      return MIN_PANE_WIDTH;
    case 'End':
      return MAX_PANE_WIDTH;
    default:
      return null;
  }
}
