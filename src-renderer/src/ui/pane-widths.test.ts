import { describe, expect, it } from 'vitest';
import { clampWidth, DEFAULT_PANE_WIDTHS, KEYBOARD_STEP, MAX_PANE_WIDTH, MIN_PANE_WIDTH, parsePaneWidths, widthAfterKey } from './pane-widths';

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
});
