import { describe, expect, it } from 'vitest';
import {
  clampWidth,
  DEFAULT_PANE_WIDTHS,
  KEYBOARD_STEP,
  MAX_PANE_WIDTH,
  MIN_PANE_WIDTH,
  NONE_COLLAPSED,
  paneColumns,
  parsePaneCollapse,
  parsePaneWidths,
  widthAfterKey,
} from './pane-widths';

describe('pane widths', () => {
  it('keeps widths within bounds', () => {
    expect(clampWidth(10)).toBe(MIN_PANE_WIDTH);
    expect(clampWidth(5000)).toBe(MAX_PANE_WIDTH);
    expect(clampWidth(300.4)).toBe(300);
    expect(clampWidth(Number.NaN)).toBe(MIN_PANE_WIDTH);
  });

  it('reads stored widths defensively', () => {
    expect(parsePaneWidths(undefined)).toEqual(DEFAULT_PANE_WIDTHS);
    expect(parsePaneWidths({ councils: 250, letters: 'wide' })).toEqual({ councils: 250, letters: DEFAULT_PANE_WIDTHS.letters });
    expect(parsePaneWidths({ councils: 9999 })).toEqual({ councils: MAX_PANE_WIDTH, letters: DEFAULT_PANE_WIDTHS.letters });
  });

  it('moves with the arrow keys, further with Shift', () => {
    expect(widthAfterKey(300, 'ArrowRight', false)).toBe(300 + KEYBOARD_STEP);
    expect(widthAfterKey(300, 'ArrowLeft', true)).toBe(300 - 4 * KEYBOARD_STEP);
    expect(widthAfterKey(300, 'Home', false)).toBe(MIN_PANE_WIDTH);
    expect(widthAfterKey(300, 'Enter', false)).toBeNull();
  });

  it('reads stored collapse states defensively', () => {
    expect(parsePaneCollapse(undefined)).toEqual(NONE_COLLAPSED);
    expect(parsePaneCollapse({ councils: true, letters: 'yes' })).toEqual({ councils: true, letters: false });
    expect(parsePaneCollapse(null)).toEqual(NONE_COLLAPSED);
  });

  it('lays out the columns: chosen widths that give way to the least width, a strip when collapsed, the letter the rest', () => {
    expect(paneColumns({ councils: 290, letters: 300 }, NONE_COLLAPSED)).toBe(
      `minmax(${MIN_PANE_WIDTH}px, 290px) auto minmax(${MIN_PANE_WIDTH}px, 300px) auto minmax(24rem, 1fr)`,
    );
    expect(paneColumns({ councils: 290, letters: 300 }, { councils: true, letters: false })).toMatch(/^2\.25rem auto minmax\(180px, 300px\)/);
    expect(paneColumns({ councils: 290, letters: 300 }, { councils: true, letters: true })).toBe('2.25rem auto 2.25rem auto minmax(24rem, 1fr)');
  });
});
