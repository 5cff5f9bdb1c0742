import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { contrastRatio } from './contrast';
import { paletteOf, type Scheme } from './css-palette';

const css = readFileSync(fileURLToPath(new URL('../styles/base.css', import.meta.url)), 'utf8');

/** Text colours and the backgrounds they are shown on, as the stylesheets pair them. */
const TEXT_PAIRS: [string, string][] = [
  ['--text', '--bg'],
  ['--text', '--surface'],
  ['--text', '--surface-sunken'],
  ['--text', '--panel'],
  ['--text', '--accent-soft'],
  ['--text', '--info-soft'],
  ['--text', '--mark-bg'],
  ['--text', '--mark-current-bg'],
  ['--text', '--hit-bar-bg'],
  ['--text', '--warning-soft'],
  ['--text-soft', '--surface'],
  ['--text-soft', '--accent-soft'],
  ['--text-muted', '--bg'],
  ['--text-muted', '--surface'],
  ['--text-muted', '--surface-sunken'],
  ['--text-muted', '--panel'],
  ['--placeholder', '--surface-sunken'],
  ['--accent', '--surface'],
  ['--accent', '--bg'],
  ['--accent-strong', '--surface'],
  ['--accent-strong', '--accent-soft'],
  ['--on-accent', '--accent'],
  ['--on-accent', '--accent-strong'],
  ['--error', '--surface'],
  ['--error', '--error-soft'],
  ['--warning-text', '--surface'],
  ['--warning-text', '--warning-soft'],
];

/** Lines and focus rings, which WCAG asks 3:1 of. */
const GRAPHIC_PAIRS: [string, string][] = [
  ['--focus', '--surface'],
  ['--focus', '--bg'],
  ['--mark-current-edge', '--mark-current-bg'],
];

function colour(palette: Map<string, string>, name: string, scheme: Scheme): string {
  const value = palette.get(name);
  if (!value?.startsWith('#')) throw new Error(`base.css has no hex colour ${name} in the ${scheme} palette`);
  return value;
}

describe('the window’s palettes', () => {
  for (const scheme of ['light', 'dark'] as const) {
    const palette = paletteOf(css, scheme);

    it.each(TEXT_PAIRS)(`${scheme}: %s on %s keeps 4.5:1`, (fg, bg) => {
      expect(contrastRatio(colour(palette, fg, scheme), colour(palette, bg, scheme))).toBeGreaterThanOrEqual(4.5);
    });

    it.each(GRAPHIC_PAIRS)(`${scheme}: %s on %s keeps 3:1`, (fg, bg) => {
      expect(contrastRatio(colour(palette, fg, scheme), colour(palette, bg, scheme))).toBeGreaterThanOrEqual(3);
    });
  }

  it('is dark in the dark palette: light text on dark surfaces', () => {
    const dark = paletteOf(css, 'dark');
    const light = paletteOf(css, 'light');
    expect(contrastRatio(colour(dark, '--surface', 'dark'), '#000000')).toBeLessThan(2);
    expect(contrastRatio(colour(dark, '--text', 'dark'), '#ffffff')).toBeLessThan(1.5);
    // Every colour of the light palette has its dark counterpart.
    const missing = [...light.keys()].filter((name) => !/^--(font|radius)/.test(name) && dark.get(name) === light.get(name));
    expect(missing).toEqual([]);
  });
});
