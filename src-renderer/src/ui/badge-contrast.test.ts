import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { contrastRatio } from './contrast';

const css = readFileSync(fileURLToPath(new URL('../styles/badges.css', import.meta.url)), 'utf8');

function colours(grade: string): { fg: string; bg: string } {
  const block = new RegExp(`\\.rating-badge\\[data-grade='${grade}'\\]\\s*\\{([^}]*)\\}`).exec(css)?.[1] ?? '';
  const fg = /--badge-fg:\s*(#[0-9a-f]{3,6})/i.exec(block)?.[1];
  const bg = /--badge-bg:\s*(#[0-9a-f]{3,6})/i.exec(block)?.[1];
  if (!fg || !bg) throw new Error(`badges.css has no colours for grade ${grade}`);
  return { fg, bg };
}

describe('rating badge colours', () => {
  it.each(['1', '2', '3', '4'])('grade %s keeps WCAG AA contrast for its text', (grade) => {
    const { fg, bg } = colours(grade);
    expect(contrastRatio(fg, bg)).toBeGreaterThanOrEqual(4.5);
  });

  it('gives every grade its own background and border style', () => {
    const backgrounds = ['1', '2', '3', '4'].map((g) => colours(g).bg);
    expect(new Set(backgrounds).size).toBe(4);
    const styles = ['1', '2', '3', '4'].map(
      (g) => new RegExp(`\\.rating-badge\\[data-grade='${g}'\\]\\s*\\{[^}]*border-style:\\s*(\\w+)`).exec(css)?.[1],
    );
    expect(new Set(styles).size).toBe(4);
  });
});
