import type { Page } from '@playwright/test';
import { expect, test } from '../support/app-fixture';

async function openApp(page: Page, appUrl: string) {
  await page.goto(appUrl);
  await expect(page.getByRole('listbox', { name: 'Councils' }).getByRole('option')).toHaveCount(4);
  return {
    box: page.getByRole('searchbox', { name: 'Search letters' }),
    results: page.getByRole('listbox', { name: 'Search results' }),
    letter: page.getByRole('article', { name: 'Letter' }),
  };
}

test('searching "fostering" finds Leicester and Coventry, and opening a result highlights the word', async ({ page, shell, appUrl }) => {
  void shell;
  const { box, results, letter } = await openApp(page, appUrl);
  await box.fill('fostering');
  await expect(results).toContainText('Leicester');
  await expect(results).toContainText('Coventry');
  await results.getByRole('option', { name: /^Leicester/ }).first().click();
  await expect(letter).toContainText('Leicester City Council');
  const marks = letter.locator('mark');
  await expect(marks.first()).toBeVisible();
  expect((await marks.allInnerTexts()).every((t) => /^foster/i.test(t))).toBe(true);
  // The council and letter are chosen in the panes too.
  await expect(page.getByRole('listbox', { name: 'Councils' }).getByRole('option', { name: /Leicester/ })).toHaveAttribute('aria-selected', 'true');
});

test('a word with an accented letter is found and marked as written ("café" in Coventry\'s letter)', async ({ page, shell, appUrl }) => {
  void shell;
  const { box, results, letter } = await openApp(page, appUrl);
  await box.fill('CAFÉ');
  await expect(results.getByRole('option')).toHaveCount(1);
  await expect(results).toContainText('Coventry');
  await results.getByRole('option').first().click();
  const marks = letter.locator('mark');
  await expect(marks.first()).toBeVisible();
  expect(await marks.allInnerTexts()).toEqual(['café']);
});

test('the keyboard goes into the results, opens one, and Esc comes back step by step', async ({ page, shell, appUrl }) => {
  void shell;
  const { box, results, letter } = await openApp(page, appUrl);
  await page.getByRole('listbox', { name: 'Councils' }).getByRole('option', { name: /Stoke/ }).click();
  await page.keyboard.press('/');
  await expect(box).toBeFocused();
  await page.keyboard.type('fostering');
  await expect(results.getByRole('option').nth(1)).toBeVisible();

  await page.keyboard.press('ArrowDown');
  const options = results.getByRole('option');
  await expect(options.nth(0)).toBeFocused();
  await expect(options.nth(0)).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('ArrowDown');
  await expect(options.nth(1)).toBeFocused();
  await expect(options.nth(1)).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Enter');
  await expect(letter).toBeFocused();
  await expect(letter.locator('mark').first()).toBeVisible();

  await page.keyboard.press('Escape');
  await expect(options.nth(1)).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(results).toHaveCount(0);
  await expect(box).toHaveValue('');
  await expect(page.getByRole('listbox', { name: 'Letters' }).getByRole('option', { selected: true })).toBeFocused();
});

test('recent searches are offered in the empty box, and a search can be saved, rerun and removed', async ({ page, shell, appUrl }) => {
  void shell;
  const { box, results } = await openApp(page, appUrl);
  await box.fill('adoption');
  await box.press('Enter');
  await expect(page.getByRole('article', { name: 'Letter' }).locator('mark').first()).toBeVisible();
  await box.fill('fostering');
  await expect(results).toContainText('Leicester');

  await page.getByRole('button', { name: 'Save search' }).click();
  const name = page.getByRole('textbox', { name: 'Name for this search' });
  await expect(name).toBeFocused();
  await name.fill('Fostering everywhere');
  await name.press('Enter');
  await expect(page.locator('.pane--results')).toContainText('Saved as “Fostering everywhere”');

  await box.press('Escape');
  await expect(box).toHaveValue('');
  await box.focus();
  const recent = page.getByRole('region', { name: 'Recent searches' });
  await expect(recent.getByRole('button', { name: 'adoption' })).toBeVisible();
  const saved = page.getByRole('region', { name: 'Saved searches' });
  await saved.getByRole('button', { name: /^Fostering everywhere/ }).click();
  await expect(box).toHaveValue('fostering');
  await expect(results).toContainText('Leicester');

  // Kept in the archive's settings: still there after a reload.
  await page.reload();
  await page.getByRole('searchbox', { name: 'Search letters' }).focus();
  await expect(page.getByRole('region', { name: 'Recent searches' }).getByRole('button', { name: 'fostering' })).toBeVisible();
  await page.getByRole('button', { name: 'Remove saved search Fostering everywhere' }).click();
  await expect(page.getByRole('region', { name: 'Saved searches' })).toHaveCount(0);
});

test('the "?" beside the box lists the query syntax', async ({ page, shell, appUrl }) => {
  void shell;
  await openApp(page, appUrl);
  await page.locator('.search-help summary').click();
  const help = page.locator('.search-help-panel');
  await expect(help).toBeVisible();
  for (const example of ['"initial assessments"', '-bullying', 'OR', 'council:', 'year:2009', 'kind:apa', 'grade:<=2', 'outcome:"staying safe"', 'region:"west midlands"']) {
    await expect(help).toContainText(example);
  }
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();
});

test('the search index is saved in the archive and used again after a reload', async ({ page, shell, appUrl }) => {
  void shell;
  await page.goto(appUrl);
  await expect(page.getByRole('listbox', { name: 'Councils' }).getByRole('option')).toHaveCount(4);
  const search = page.getByRole('searchbox', { name: 'Search letters' });
  await search.fill('fostering');
  await expect(page.getByRole('listbox', { name: 'Search results' })).toContainText('Leicester');
  const snapshot = () =>
    page.evaluate(
      () =>
        new Promise<string>((resolve, reject) => {
          const open = indexedDB.open('letter-archive');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const request = open.result.transaction('searchIndex').objectStore('searchIndex').getAll();
            request.onsuccess = () => {
              resolve(JSON.stringify(request.result));
              open.result.close();
            };
          };
        }),
    );
  await expect.poll(snapshot, { timeout: 20_000 }).toContain('fostering');
  // The index's binary is kept in a file of the origin's private file system, which the row names.
  const [row] = JSON.parse(await snapshot()) as { binaryFile?: { name: string; bytes: number } }[];
  expect(row?.binaryFile?.bytes).toBeGreaterThan(0);
  const fileBytes = await page.evaluate(async (name) => {
    const folder = await (await navigator.storage.getDirectory()).getDirectoryHandle('search-index');
    return (await (await folder.getFileHandle(name)).getFile()).size;
  }, row!.binaryFile!.name);
  expect(fileBytes).toBe(row!.binaryFile!.bytes);
  await page.reload();
  await page.getByRole('searchbox', { name: 'Search letters' }).fill('safeguarding');
  await expect(page.getByRole('listbox', { name: 'Search results' })).toContainText('Coventry');
  // Loaded from that snapshot, not built again from the letters.
  const loads = await page.evaluate(() => performance.getEntriesByName('letter-archive:index-load').map((entry) => (entry as PerformanceMeasure).detail as { source: string }));
  expect(loads.map((load) => load.source)).toEqual(['snapshot']);
});

test('a view put away is not drawn again while searching, and shows the search when it comes back', async ({ page, shell, appUrl }) => {
  void shell;
  await openApp(page, appUrl);
  const compare = page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Compare' });
  await compare.click();
  await expect(page.locator('.analysis-main:not([inert]) .compare-table tbody tr').first()).toBeVisible();
  await compare.click();
  const away = page.locator('.analysis-main.app-view--away');
  await expect(away).toHaveCount(1);
  // Every change made to the compare grid, kept while it is away.
  await away.evaluate((view) => {
    (window as unknown as { __awayChanges: number }).__awayChanges = 0;
    new MutationObserver((records) => ((window as unknown as { __awayChanges: number }).__awayChanges += records.length)).observe(view, { subtree: true, childList: true, attributes: true, characterData: true });
  });
  await page.getByRole('searchbox', { name: 'Search letters' }).fill('fostering');
  await expect(page.getByRole('listbox', { name: 'Search results' })).toContainText('Leicester');
  await page.getByRole('searchbox', { name: 'Search letters' }).fill('safeguarding children');
  await expect(page.getByRole('listbox', { name: 'Search results' })).toContainText('Coventry');
  expect(await page.evaluate(() => (window as unknown as { __awayChanges: number }).__awayChanges)).toBe(0);
  // Shown again, it is drawn with the window as it is now: the search's councils can be compared.
  await compare.click();
  await expect(page.locator('.analysis-main:not([inert]) option[value="keys"]')).toHaveCount(1);
});
