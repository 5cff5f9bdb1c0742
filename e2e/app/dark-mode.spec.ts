/**
 * Dark mode (issue 14, point 5): with the system (or View → Appearance) asking for dark, the
 * window is dark with light text, every rating badge keeps AA contrast as drawn, the print
 * preview's sheet stays paper-white, and printing is light. Screenshots at 1280×800 of the
 * panes, a letter, search results, Compare, a dialog and the print preview.
 */
import path from 'node:path';
import type { Locator, Page, TestInfo } from '@playwright/test';
import { contrastRatio, relativeLuminance } from '../../src-renderer/src/ui/contrast';
import { expect, SAMPLE_FOLDER, test } from '../support/app-fixture';

const SHOTS = process.env.LETTER_ARCHIVE_SHOTS;

async function shot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  await page.screenshot({ path: SHOTS ? path.join(SHOTS, `${name}.png`) : testInfo.outputPath(`${name}.png`) });
}

/** "rgb(12, 34, 56)" or "rgba(…, 1)" as #rrggbb; null for a colour that is not opaque. */
function hex(css: string): string | null {
  const m = /^rgba?\((\d+),\s*(\d+),\s*(\d+)(?:,\s*([\d.]+))?\)$/.exec(css.trim());
  if (!m || (m[4] !== undefined && Number(m[4]) < 1)) return null;
  return `#${[m[1], m[2], m[3]].map((n) => Number(n).toString(16).padStart(2, '0')).join('')}`;
}

/** The element's text colour, and the background it is drawn on: its own, or the nearest painted one around it. */
async function colours(target: Locator): Promise<{ color: string; background: string }> {
  const { color, background } = await target.evaluate((el) => {
    let box: Element | null = el;
    let painted = 'rgba(0, 0, 0, 0)';
    while (box) {
      painted = getComputedStyle(box).backgroundColor;
      if (!/rgba\(.*,\s*0\)$/.test(painted)) break;
      box = box.parentElement;
    }
    return { color: getComputedStyle(el).color, background: painted };
  });
  const fg = hex(color);
  const bg = hex(background);
  if (!fg || !bg) throw new Error(`not opaque: ${color} on ${background}`);
  return { color: fg, background: bg };
}

/** Each rating badge shown, with the contrast of its text on its background as the browser draws them. */
async function badgeContrasts(scope: Locator): Promise<{ grade: string; ratio: number }[]> {
  const badges = await scope.locator('.rating-badge').all();
  const found: { grade: string; ratio: number }[] = [];
  for (const badge of badges) {
    if (!(await badge.isVisible())) continue;
    const { color, background } = await colours(badge);
    found.push({ grade: (await badge.getAttribute('data-grade')) ?? 'none', ratio: contrastRatio(color, background) });
  }
  return found;
}

async function expectDark(target: Locator): Promise<void> {
  const { color, background } = await colours(target);
  expect(relativeLuminance(background), `${background} is not dark`).toBeLessThan(0.05);
  expect(relativeLuminance(color), `${color} is not light`).toBeGreaterThan(0.6);
}

test.beforeEach(async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
});

test('the window follows the system into dark: dark panes, light text, badges with AA contrast', async ({ page, shell, appUrl }, testInfo) => {
  void shell;
  await page.goto(appUrl);
  const councils = page.getByRole('listbox', { name: 'Councils' });
  await expect(councils.getByRole('option')).toHaveCount(4);
  await expectDark(page.locator('body'));
  await expectDark(page.locator('.app-header'));
  await expectDark(page.locator('.pane--councils'));
  await expectDark(page.locator('.pane--letters'));
  expect(await page.evaluate(() => getComputedStyle(document.documentElement).colorScheme)).toBe('dark');
  await shot(page, testInfo, 'dark-1280x800-panes');

  await councils.getByRole('option', { name: /Coventry/ }).click();
  await page.getByRole('listbox', { name: 'Letters' }).getByRole('option', { name: /2007/ }).click();
  const letter = page.getByRole('article', { name: 'Letter' });
  await expect(letter).toContainText('Staying safe');
  await expectDark(page.locator('.letter-page'));
  await expectDark(letter.getByRole('heading', { level: 3 }).first());
  const contrasts = await badgeContrasts(page.locator('.app-views'));
  expect(new Set(contrasts.map((c) => c.grade))).toEqual(new Set(['2', '3', '4']));
  for (const { grade, ratio } of contrasts) expect(ratio, `grade ${grade}`).toBeGreaterThanOrEqual(4.5);
  await shot(page, testInfo, 'dark-1280x800-letter');

  // The system turns light again: so does the window, at once.
  await page.emulateMedia({ colorScheme: 'light' });
  expect(relativeLuminance((await colours(page.locator('body'))).background)).toBeGreaterThan(0.8);
  await page.emulateMedia({ colorScheme: 'dark' });
  await expectDark(page.locator('body'));
});

test('search results, Compare and a dialog are dark too, their badges and marks readable', async ({ page, shell, appUrl }, testInfo) => {
  await page.goto(appUrl);
  await expect(page.getByRole('listbox', { name: 'Councils' }).getByRole('option')).toHaveCount(4);
  await page.getByRole('searchbox', { name: 'Search letters' }).fill('fostering');
  const results = page.getByRole('listbox', { name: 'Search results' });
  await results.getByRole('group', { name: /^Coventry.*2007/ }).getByRole('option').first().click();
  const letter = page.getByRole('article', { name: 'Letter' });
  await expect(letter.locator('mark[data-current]')).toBeInViewport();
  await expectDark(page.locator('.pane--results'));
  const mark = await colours(letter.locator('mark').first());
  expect(contrastRatio(mark.color, mark.background)).toBeGreaterThanOrEqual(4.5);
  const current = await colours(letter.locator('mark[data-current]'));
  expect(contrastRatio(current.color, current.background)).toBeGreaterThanOrEqual(4.5);
  for (const { grade, ratio } of await badgeContrasts(page.locator('.app-views'))) expect(ratio, `grade ${grade}`).toBeGreaterThanOrEqual(4.5);
  await shot(page, testInfo, 'dark-1280x800-search');

  await page.getByRole('button', { name: 'Compare', exact: true }).click();
  const grid = page.getByRole('table').first();
  await expect(grid).toBeVisible();
  await expectDark(page.locator('.analysis-view'));
  const gridBadges = await badgeContrasts(grid);
  expect(gridBadges.length).toBeGreaterThan(0);
  for (const { grade, ratio } of gridBadges) expect(ratio, `grade ${grade}`).toBeGreaterThanOrEqual(4.5);
  await shot(page, testInfo, 'dark-1280x800-compare');
  await page.getByRole('button', { name: 'Back to letters' }).click();

  shell.chooseFolder(SAMPLE_FOLDER);
  await shell.menu(page, 'import-folder');
  const report = page.getByRole('dialog', { name: 'Import report' });
  await expect(report).toContainText(/5 duplicates/);
  await expectDark(report);
  await shot(page, testInfo, 'dark-1280x800-dialog');
});

test('the print preview’s sheet stays paper-white in dark mode, and printing is always light', async ({ page, shell, appUrl }, testInfo) => {
  void shell;
  await page.goto(appUrl);
  await page.getByRole('listbox', { name: 'Councils' }).getByRole('option', { name: /Coventry/ }).click();
  await page.getByRole('listbox', { name: 'Letters' }).getByRole('option', { name: /2007/ }).click();
  await page.getByRole('article', { name: 'Letter' }).getByRole('button', { name: 'Print summary' }).click();
  const preview = page.getByRole('dialog', { name: 'Print preview' });
  const summary = preview.getByRole('document', { name: 'Summary' });
  await expect(summary.getByRole('heading', { level: 1 })).toHaveText('Coventry');
  // The dialog around the sheet is dark; the sheet is paper.
  await expectDark(preview);
  const sheet = await colours(page.locator('.print-paper'));
  expect(sheet.background).toBe('#ffffff');
  expect(relativeLuminance((await colours(summary)).color)).toBeLessThan(0.02);
  // Badges on the sheet take the light palette, as they print.
  const onSheet = await summary.locator('.rating-badge').all();
  expect(onSheet.length).toBeGreaterThan(0);
  for (const badge of onSheet) {
    const { color, background } = await colours(badge);
    expect(relativeLuminance(background), `badge background ${background}`).toBeGreaterThan(0.6);
    expect(contrastRatio(color, background)).toBeGreaterThanOrEqual(4.5);
  }
  await shot(page, testInfo, 'dark-1280x800-print-preview');

  // Printed, with the system still dark: light, black on white.
  await page.emulateMedia({ media: 'print', colorScheme: 'dark' });
  expect((await colours(page.locator('body'))).background).toBe('#ffffff');
  expect(await page.evaluate(() => getComputedStyle(document.documentElement).colorScheme)).toBe('light');
  for (const badge of await summary.locator('.rating-badge').all()) {
    expect(relativeLuminance((await colours(badge)).background)).toBeGreaterThan(0.6);
  }
  await page.emulateMedia({ media: 'screen', colorScheme: 'dark' });
});
