/**
 * Small windows (issue 14, point 6): at 1024×700 and 800×600 nothing is cut off and the window
 * never scrolls sideways, with the sample letters, a letter open, search results and Compare;
 * the councils and letters panes collapse to a strip and open again, by mouse and keyboard,
 * and stay so after a reload; a double-click on a splitter puts its pane's width back; the
 * strip of a letter's sections shows that it scrolls.
 */
import path from 'node:path';
import type { Page, TestInfo } from '@playwright/test';
import { expect, test } from '../support/app-fixture';

const SHOTS = process.env.LETTER_ARCHIVE_SHOTS;
const SIZES = [
  { width: 1024, height: 700 },
  { width: 800, height: 600 },
];

async function shot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  await page.screenshot({ path: SHOTS ? path.join(SHOTS, `${name}.png`) : testInfo.outputPath(`${name}.png`) });
}

/**
 * The window does not scroll sideways, and every control of the header, the panes' headings,
 * the council's tabs and the letter's heading is wholly inside the window and not cut off by
 * a box around it. Answers the controls that are not, described, so a failure says which.
 */
async function cutOff(page: Page): Promise<{ scrollWidth: number; clientWidth: number; clipped: string[] }> {
  return page.evaluate(() => {
    const root = document.documentElement;
    const selectors = [
      '.app-header button',
      '.app-header input',
      '.pane-head button',
      '.pane-head input',
      '.pane-head select',
      '.pane-head h2',
      '.pane-collapse',
      '.pane-strip',
      '.council-tab',
      '.letter-head button',
      '.letter-title',
      '.letter-toc',
      '.hit-bar button',
      '.analysis-main button',
      '.analysis-main select',
      '.analysis-main h2',
    ];
    const clipped: string[] = [];
    for (const element of document.querySelectorAll<HTMLElement>(selectors.join(','))) {
      if (element.closest('.app-view--away, [hidden], dialog:not([open])')) continue;
      const rect = element.getBoundingClientRect();
      if (rect.width === 0 && rect.height === 0) continue;
      // Scrolled out of a box that scrolls (a pane, the compare grid) is not cut off: it is a scroll away.
      const scrollerOf = (axis: 'overflowX' | 'overflowY'): DOMRect | null => {
        for (let box = element.parentElement; box && box !== document.body; box = box.parentElement) {
          if (/auto|scroll/.test(getComputedStyle(box)[axis])) return box.getBoundingClientRect();
        }
        return null;
      };
      const across = scrollerOf('overflowX');
      const down = scrollerOf('overflowY');
      if (across && (rect.right <= across.left + 1 || rect.left >= across.right - 1 || rect.right > across.right)) continue;
      if (down && (rect.bottom <= down.top + 1 || rect.top >= down.bottom - 1)) continue;
      const name = `${element.tagName.toLowerCase()}.${element.className} “${(element.textContent || element.getAttribute('aria-label') || '').trim().slice(0, 30)}”`;
      if (rect.left < -0.5 || rect.right > window.innerWidth + 0.5 || rect.top < -0.5 || rect.bottom > window.innerHeight + 0.5) {
        clipped.push(`${name} outside the window (${Math.round(rect.left)}–${Math.round(rect.right)} × ${Math.round(rect.top)}–${Math.round(rect.bottom)})`);
        continue;
      }
      for (let box = element.parentElement; box && box !== document.body; box = box.parentElement) {
        const style = getComputedStyle(box);
        if (style.overflowX === 'visible' && style.overflowY === 'visible') continue;
        const outer = box.getBoundingClientRect();
        // Sideways, nothing may be cut; up and down, a scrolling box may hold what is scrolled away.
        const cut = rect.left < outer.left - 0.5 || rect.right > outer.right + 0.5;
        const hidden = style.overflowY === 'hidden' && (rect.top < outer.top - 0.5 || rect.bottom > outer.bottom + 0.5);
        if (cut || hidden) {
          clipped.push(`${name} cut off by ${box.tagName.toLowerCase()}.${box.className}`);
          break;
        }
      }
    }
    return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth, clipped };
  });
}

async function expectFits(page: Page): Promise<void> {
  const { scrollWidth, clientWidth, clipped } = await cutOff(page);
  expect(scrollWidth, 'the window scrolls sideways').toBeLessThanOrEqual(clientWidth);
  expect(clipped).toEqual([]);
}

for (const size of SIZES) {
  const at = `${size.width}x${size.height}`;

  test(`at ${size.width}×${size.height} nothing is cut off: the panes, a letter, search results and Compare`, async ({ page, shell, appUrl }, testInfo) => {
    void shell;
    await page.setViewportSize(size);
    await page.goto(appUrl);
    const councils = page.getByRole('listbox', { name: 'Councils' });
    await expect(councils.getByRole('option')).toHaveCount(4);
    for (const name of ['Import folder…', 'Reports', 'Export…', 'Compare', 'Checks']) await expect(page.getByRole('button', { name, exact: true })).toBeInViewport({ ratio: 1 });
    await expect(page.getByRole('searchbox', { name: 'Search letters' })).toBeInViewport({ ratio: 1 });
    await expectFits(page);
    await shot(page, testInfo, `small-${at}-panes`);

    await councils.getByRole('option', { name: /Coventry/ }).click();
    await page.getByRole('listbox', { name: 'Letters' }).getByRole('option', { name: /2007/ }).click();
    const letter = page.getByRole('article', { name: 'Letter' });
    await expect(letter).toContainText('Staying safe');
    await expect(letter.getByRole('button', { name: 'Print summary' })).toBeInViewport({ ratio: 1 });
    await expectFits(page);
    await shot(page, testInfo, `small-${at}-letter`);

    await page.getByRole('searchbox', { name: 'Search letters' }).fill('fostering');
    const results = page.getByRole('listbox', { name: 'Search results' });
    await expect(results.getByRole('group', { name: /^Leicester/ })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Back to letters' })).toBeInViewport({ ratio: 1 });
    await expectFits(page);
    await shot(page, testInfo, `small-${at}-search`);

    await results.getByRole('group', { name: /^Coventry.*2007/ }).getByRole('option').first().click();
    await expect(letter.locator('mark[data-current]')).toBeInViewport();
    await expect(page.getByRole('button', { name: 'Next hit' })).toBeInViewport({ ratio: 1 });
    await expectFits(page);
    await shot(page, testInfo, `small-${at}-search-opened`);

    await page.getByRole('button', { name: 'Compare', exact: true }).click();
    await expect(page.getByRole('table').first()).toBeVisible();
    await expectFits(page);
    await shot(page, testInfo, `small-${at}-compare`);
  });
}

test('the councils and letters panes collapse to a strip and open again, by mouse and keyboard, and stay so after a reload', async ({ page, shell, appUrl }, testInfo) => {
  void shell;
  await page.setViewportSize({ width: 800, height: 600 });
  await page.goto(appUrl);
  const councils = page.getByRole('listbox', { name: 'Councils' });
  await councils.getByRole('option', { name: /Coventry/ }).click();
  await page.getByRole('listbox', { name: 'Letters' }).getByRole('option', { name: /2007/ }).click();
  const letter = page.getByRole('article', { name: 'Letter' });
  await expect(letter).toContainText('Staying safe');
  const letterWidth = async (): Promise<number> => (await page.locator('#pane-letter').boundingBox())?.width ?? 0;
  const before = await letterWidth();

  // By mouse: the button at the pane's heading, then the strip.
  const collapse = page.getByRole('button', { name: 'Collapse the councils pane' });
  await expect(collapse).toHaveAttribute('aria-expanded', 'true');
  await collapse.click();
  await expect(councils).toBeHidden();
  const strip = page.getByRole('button', { name: 'Expand the councils pane' });
  await expect(strip).toHaveAttribute('aria-expanded', 'false');
  await expect(strip).toBeFocused();
  expect((await page.locator('#pane-councils').boundingBox())?.width).toBeLessThan(40);
  expect(await letterWidth()).toBeGreaterThan(before + 100);

  // Both collapsed: the letter has the window.
  await page.getByRole('button', { name: 'Collapse the letters pane' }).click();
  await expect(page.getByRole('listbox', { name: 'Letters' })).toBeHidden();
  await expectFits(page);
  await shot(page, testInfo, 'small-800x600-both-collapsed');

  // Remembered, as the widths are.
  await page.reload();
  await expect(letter).toContainText('Staying safe');
  await expect(page.getByRole('button', { name: 'Expand the councils pane' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Expand the letters pane' })).toBeVisible();

  // A search opens the letters pane for its results.
  await page.getByRole('searchbox', { name: 'Search letters' }).fill('fostering');
  await expect(page.getByRole('listbox', { name: 'Search results' })).toBeVisible();
  await page.getByRole('searchbox', { name: 'Search letters' }).press('Escape');
  await expect(page.getByRole('listbox', { name: 'Letters' })).toBeVisible();

  // By keyboard: the strip is a button; Enter on a splitter collapses its pane and opens it again.
  await page.getByRole('button', { name: 'Expand the councils pane' }).focus();
  await page.keyboard.press('Enter');
  await expect(councils).toBeVisible();
  await expect(page.getByRole('button', { name: 'Collapse the councils pane' })).toBeFocused();
  const splitter = page.getByRole('separator', { name: 'Resize the letters pane' });
  await splitter.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('listbox', { name: 'Letters' })).toBeHidden();
  await expect(splitter).toHaveAttribute('aria-valuetext', 'collapsed');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('listbox', { name: 'Letters' })).toBeVisible();
  await expectFits(page);
});

test('a double-click on a splitter puts its pane back to its first width', async ({ page, shell, appUrl }) => {
  void shell;
  await page.goto(appUrl);
  await expect(page.getByRole('listbox', { name: 'Councils' }).getByRole('option')).toHaveCount(4);
  const pane = page.locator('#pane-councils');
  const splitter = page.getByRole('separator', { name: 'Resize the councils pane' });
  const first = (await pane.boundingBox())!.width;
  const box = (await splitter.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 + 120, box.y + box.height / 2, { steps: 5 });
  await page.mouse.up();
  await expect.poll(async () => (await pane.boundingBox())!.width).toBeGreaterThan(first + 100);
  await splitter.dblclick();
  await expect.poll(async () => (await pane.boundingBox())!.width).toBeCloseTo(first, 0);
  await expect(splitter).toHaveAttribute('aria-valuenow', '290');
});

test('the strip of a letter’s sections shows that it scrolls, and its buttons scroll it', async ({ page, shell, appUrl }, testInfo) => {
  void shell;
  await page.setViewportSize({ width: 800, height: 600 });
  await page.goto(appUrl);
  await page.getByRole('listbox', { name: 'Councils' }).getByRole('option', { name: /Coventry/ }).click();
  await page.getByRole('listbox', { name: 'Letters' }).getByRole('option', { name: /2007/ }).click();
  const strip = page.getByRole('navigation', { name: 'Sections of this letter' });
  await expect(strip).toHaveAttribute('data-more-after', 'true');
  await expect(strip).not.toHaveAttribute('data-more-before', /.*/);
  const back = strip.getByRole('button', { name: 'Scroll the sections back' });
  const on = strip.getByRole('button', { name: 'Scroll the sections on' });
  await expect(back).toBeDisabled();
  await expect(on).toBeEnabled();
  // The fade at the edge with more beyond it.
  expect(await strip.locator('ol').evaluate((ol) => getComputedStyle(ol).maskImage)).toContain('linear-gradient');
  await shot(page, testInfo, 'small-800x600-sections-start');

  // Brought into sight first: scrolling the letter changes the current section, whose entry the strip keeps in sight.
  await strip.scrollIntoViewIfNeeded();
  await page.waitForTimeout(300);
  await on.click();
  await expect(strip).toHaveAttribute('data-more-before', 'true');
  await expect(back).toBeEnabled();
  await shot(page, testInfo, 'small-800x600-sections-scrolled');
  // Tab reaches every section, scrolled into sight as it is focused.
  const last = strip.getByRole('listitem').last().getByRole('button');
  await last.focus();
  await expect(last).toBeInViewport({ ratio: 0.95 });
  await expect(strip).not.toHaveAttribute('data-more-after', /.*/);
  await expect(on).toBeDisabled();

  // A window wide enough for every section: no fade, no buttons.
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.getByRole('button', { name: 'Collapse the councils pane' }).click();
  await page.getByRole('button', { name: 'Collapse the letters pane' }).click();
  const fits = await strip.locator('ol').evaluate((ol) => ol.scrollWidth <= ol.clientWidth);
  if (fits) {
    await expect(on).toHaveCount(0);
    expect(await strip.locator('ol').evaluate((ol) => getComputedStyle(ol).maskImage)).toBe('none');
  }
});
