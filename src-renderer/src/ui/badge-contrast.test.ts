import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { contrastRatio } from './contrast';
import { paletteOf, type Scheme } from './css-palette';

const css = readFileSync(fileURLToPath(new URL('../styles/badges.css', import.meta.url)), 'utf8');
const GRADES = ['none', '1', '2', '3', '4'];
const SCHEMES: Scheme[] = ['light', 'dark'];

function colours(scheme: Scheme, grade: string): { fg: string; bg: string; edge: string } {
  const palette = paletteOf(css, scheme);
  const pick = (part: string): string => {
    const value = palette.get(`--grade-${grade}-${part}`);
    if (!value) throw new Error(`badges.css has no ${part} colour for grade ${grade} in the ${scheme} palette`);
    return value;
  };
  return { fg: pick('fg'), bg: pick('bg'), edge: pick('edge') };
}

describe('rating badge colours', () => {
  for (const scheme of SCHEMES) {
    it.each(GRADES)(`grade %s keeps WCAG AA contrast for its text in the ${scheme} palette`, (grade) => {
      const { fg, bg } = colours(scheme, grade);
      expect(contrastRatio(fg, bg)).toBeGreaterThanOrEqual(4.5);
    });

    it(`gives every grade its own background in the ${scheme} palette, and a border that stands out from it`, () => {
      const backgrounds = GRADES.map((g) => colours(scheme, g).bg);
      expect(new Set(backgrounds).size).toBe(GRADES.length);
      // The border and meter are graphics: WCAG asks 3:1 of them against the badge.
      for (const g of GRADES) expect(contrastRatio(colours(scheme, g).edge, colours(scheme, g).bg)).toBeGreaterThanOrEqual(3);
    });
  }

  it('uses the palette for every grade, and a border style of its own for each', () => {
    for (const g of ['1', '2', '3', '4']) {
      const block = new RegExp(`\\.rating-badge\\[data-grade='${g}'\\]\\s*\\{([^}]*)\\}`).exec(css)?.[1] ?? '';
      expect(block).toContain(`var(--grade-${g}-fg)`);
      expect(block).toContain(`var(--grade-${g}-bg)`);
    }
    const styles = ['1', '2', '3', '4'].map(
      (g) => new RegExp(`\\.rating-badge\\[data-grade='${g}'\\]\\s*\\{[^}]*border-style:\\s*(\\w+)`).exec(css)?.[1],
    );
    expect(new Set(styles).size).toBe(4);
  });

  it('keeps the light colours on the print preview’s sheet and on paper', () => {
    expect(css).toMatch(/:root,\s*\.print-paper\s*\{\s*--grade-none-fg/);
    expect(css).toMatch(/@media screen and \(prefers-color-scheme: dark\)/);
    expect(css).not.toMatch(/@media[^{]*print[^{]*dark|@media \(prefers-color-scheme: dark\)/);
  });
});
