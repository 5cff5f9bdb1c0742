/**
 * axe-core over every view and dialog, in the light and the dark colour scheme: no serious or
 * critical problem anywhere (missing names, contrast below AA, keyboard traps, ARIA misuse).
 */
import type { Locator } from '@playwright/test';
import { expect, test } from '../support/app-fixture';
import { seriousProblems } from '../support/axe';
import { mixedFolder } from '../support/letter-folders';

test('axe reports a problem planted in the page (the check can fail)', async ({ page, shell, appUrl }) => {
  void shell;
  await page.goto(appUrl);
  await expect(page.getByRole('listbox', { name: 'Councils' }).getByRole('option')).toHaveCount(4);
  await page.evaluate(() => {
    const button = document.createElement('button');
    const faint = document.createElement('p');
    faint.textContent = 'Faint text';
    faint.style.cssText = 'position: fixed; top: 0; left: 0; z-index: 1000; color: #eeeeee; background: #ffffff;';
    document.body.append(button, faint);
  });
  const problems = await seriousProblems(page);
  expect(problems.some((p) => p.startsWith('button-name'))).toBe(true);
  expect(problems.some((p) => p.startsWith('color-contrast'))).toBe(true);
});

for (const scheme of ['light', 'dark'] as const) {
  test(`axe finds no serious problem in any view or dialog (${scheme})`, async ({ page, shell, appUrl }) => {
    test.setTimeout(180_000);
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(appUrl);
    const councils = page.getByRole('listbox', { name: 'Councils' });
    await expect(councils.getByRole('option')).toHaveCount(4);
    const found: Record<string, string[]> = {};
    const check = async (state: string) => {
      // Transitions and fades settle first, so colours are measured as they end up.
      await page.waitForTimeout(300);
      found[state] = await seriousProblems(page);
    };
    const dialog = (name: string): Locator => page.getByRole('dialog', { name });

    await check('main view');
    await councils.getByRole('option', { name: /Coventry/ }).click();
    await page.getByRole('listbox', { name: 'Letters' }).getByRole('option', { name: /2007/ }).click();
    await expect(page.getByRole('article', { name: 'Letter' })).toContainText('Colin Green');
    await check('a letter');
    await page.getByRole('tab', { name: 'Grades over time' }).click();
    await check('grades over time');
    await page.getByRole('tab', { name: 'Points raised' }).click();
    await check('points raised');
    await page.getByRole('tab', { name: 'Letter' }).click();

    await page.getByRole('listbox', { name: 'Letters' }).getByRole('option').first().click({ button: 'right' });
    await expect(page.getByRole('menu')).toBeVisible();
    await check('a context menu');
    await page.keyboard.press('Escape');

    await page.getByRole('searchbox', { name: 'Search letters' }).fill('fostering');
    await expect(page.getByRole('listbox', { name: 'Search results' })).toContainText('Leicester');
    await check('search results');
    await page.getByRole('searchbox', { name: 'Search letters' }).fill('');

    await page.getByRole('article', { name: 'Letter' }).getByRole('button', { name: 'Print summary' }).click();
    await expect(dialog('Print preview')).toBeVisible();
    await check('the print preview');
    await dialog('Print preview').getByRole('button', { name: /Close|Cancel/ }).first().click();

    await page.getByRole('button', { name: 'Compare' }).click();
    await expect(page.locator('.compare-table, table').first()).toBeVisible();
    await check('compare');
    await page.getByRole('button', { name: 'Checks' }).click();
    await check('checks');
    await page.keyboard.press('Escape');

    await page.getByRole('button', { name: 'Export…' }).click();
    await expect(dialog('Export the archive')).toBeVisible();
    await check('the export dialog');
    await page.keyboard.press('Escape');

    shell.chooseFolder(mixedFolder().folder);
    await page.getByRole('button', { name: 'Import folder…' }).click();
    await expect(dialog('Import report')).toContainText('2 letters added');
    await check('an import report');
    await dialog('Import report').getByRole('button', { name: 'Remove this import' }).click();
    await expect(page.locator('.undo-toast')).toContainText('Removed the import');
    await check('the undo toast');

    await page.getByRole('button', { name: 'Reports' }).click();
    await expect(dialog('Import reports')).toBeVisible();
    await check('the reports list');
    await page.keyboard.press('Escape');

    for (const [state, problems] of Object.entries(found)) expect(problems, `${state} (${scheme})`).toEqual([]);
  });
}
