/**
 * The widths of the two left panes, and whether each is collapsed to a strip, kept between
 * sessions. The letter pane takes the rest.
 */

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

/** Which of the two left panes are collapsed to a narrow strip. */
export interface PaneCollapse {
  councils: boolean;
  letters: boolean;
}

export const PANE_COLLAPSE_KEY = 'paneCollapsed';
export const NONE_COLLAPSED: PaneCollapse = { councils: false, letters: false };

/** Reads stored collapse states defensively: anything but `true` is an open pane. */
export function parsePaneCollapse(value: unknown): PaneCollapse {
  const v = (typeof value === 'object' && value !== null ? value : {}) as Partial<Record<keyof PaneCollapse, unknown>>;
  return { councils: v.councils === true, letters: v.letters === true };
}

/** The width of a collapsed pane's strip. */
export const STRIP_WIDTH = '2.25rem';
/** The letter pane never gets narrower than this; the left panes give way first, down to their least width. */
export const LETTER_PANE_MIN = '24rem';

/**
 * The panes' grid columns: councils | splitter | letters | splitter | letter. A pane is its
 * chosen width when the window has room, and gives way down to the least width when it has not
 * (an 800-pixel window), so the window never scrolls sideways; a collapsed pane is a strip.
 */
export function paneColumns(widths: PaneWidths, collapsed: PaneCollapse): string {
  const column = (pane: keyof PaneWidths): string =>
    collapsed[pane] ? STRIP_WIDTH : `minmax(${Math.min(MIN_PANE_WIDTH, widths[pane])}px, ${widths[pane]}px)`;
  return `${column('councils')} auto ${column('letters')} auto minmax(${LETTER_PANE_MIN}, 1fr)`;
}
