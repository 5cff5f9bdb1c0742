/** The print preview itself: how it opens, what it offers, how it closes, and printing without the desktop app. */
import { expect, SAMPLE_FOLDER, test } from '../support/app-fixture';

test('the letter pane’s Print summary opens the preview on the letter; Esc closes it and gives focus back', async ({ page, shell, appUrl }, testInfo) => {
  void shell;
  await page.goto(appUrl);
  await page.getByRole('listbox', { name: 'Councils' }).getByRole('option', { name: /Coventry/ }).click();
  await page.getByRole('listbox', { name: 'Letters' }).getByRole('option', { name: /2007/ }).click();
  const button = page.getByRole('article', { name: 'Letter' }).getByRole('button', { name: 'Print summary' });
  await button.click();

  const preview = page.getByRole('dialog', { name: 'Print preview' });
  await expect(preview).toBeVisible();
  const choice = preview.getByRole('radiogroup', { name: 'Summary' });
  await expect(choice.getByRole('radio', { name: 'Letter' })).toBeChecked();
  for (const name of ['Letter', 'Council', 'Archive']) await expect(choice.getByRole('radio', { name })).toBeEnabled();
  await expect(preview.getByRole('combobox', { name: 'Paper size' })).toHaveValue('A4');
  await expect(preview.getByRole('button', { name: 'Print…' })).toBeFocused();
  await expect(preview.getByRole('button', { name: 'Save as PDF…' })).toBeVisible();
  await expect(preview.getByRole('status')).toBeAttached();
  const summary = preview.getByRole('document', { name: 'Summary' });
  await expect(summary).toContainText('Letter summary');
  await expect(summary.getByRole('heading', { level: 1 })).toHaveText('Coventry');
  await page.screenshot({ path: testInfo.outputPath('preview-letter.png') });

  // Letter paper makes the sheet on screen wider than A4.
  const sheet = preview.locator('.print-paper');
  const a4 = (await sheet.boundingBox())?.width ?? 0;
  await preview.getByRole('combobox', { name: 'Paper size' }).selectOption('Letter');
  await expect.poll(async () => (await sheet.boundingBox())?.width ?? 0).toBeGreaterThan(a4);

  await choice.getByRole('radio', { name: 'Council' }).check();
  await expect(summary).toContainText('Council summary');
  await expect(summary).toContainText('2 letters, 2007 to 2009');
  await page.screenshot({ path: testInfo.outputPath('preview-council.png') });

  await page.keyboard.press('Escape');
  await expect(preview).toBeHidden();
  await expect(button).toBeFocused();
});

test('with nothing chosen, Ctrl+P opens the archive summary, and Letter and Council cannot be chosen', async ({ page, shell, appUrl }, testInfo) => {
  void shell;
  await page.goto(appUrl);
  await expect(page.getByRole('listbox', { name: 'Councils' }).getByRole('option')).toHaveCount(4);
  await page.keyboard.press('Control+p');
  const preview = page.getByRole('dialog', { name: 'Print preview' });
  const choice = preview.getByRole('radiogroup', { name: 'Summary' });
  await expect(choice.getByRole('radio', { name: 'Archive' })).toBeChecked();
  await expect(choice.getByRole('radio', { name: 'Letter' })).toBeDisabled();
  await expect(choice.getByRole('radio', { name: 'Council' })).toBeDisabled();
  const summary = preview.getByRole('document', { name: 'Summary' });
  await expect(summary.getByRole('rowheader')).toHaveText(['Coventry', 'Leicester', 'Stoke-on-Trent', 'Worcestershire']);

  // The column headers sort the table, and say how.
  const region = summary.getByRole('columnheader', { name: 'Region' });
  await region.getByRole('button').click();
  await expect(region).toHaveAttribute('aria-sort', 'ascending');
  await expect(summary.getByRole('rowheader').first()).toHaveText('Leicester');
  const safe = summary.getByRole('columnheader', { name: /Staying safe/ });
  await safe.getByRole('button').click();
  await expect(safe).toHaveAttribute('aria-sort', 'descending');
  await expect(region).not.toHaveAttribute('aria-sort', /./);
  await page.screenshot({ path: testInfo.outputPath('preview-archive.png') });

  await preview.getByRole('button', { name: 'Close' }).click();
  await expect(preview).toBeHidden();
});

test('with the councils filtered, the archive summary can cover just the councils shown', async ({ page, shell, appUrl }) => {
  void shell;
  await page.goto(appUrl);
  await expect(page.getByRole('listbox', { name: 'Councils' }).getByRole('option')).toHaveCount(4);
  await page.getByRole('searchbox', { name: 'Filter councils' }).fill('east');
  await expect(page.getByRole('listbox', { name: 'Councils' }).getByRole('option')).toHaveCount(1);
  await page.keyboard.press('Control+p');
  const preview = page.getByRole('dialog', { name: 'Print preview' });
  const scope = preview.getByRole('radiogroup', { name: 'Councils' });
  await expect(scope.getByRole('radio', { name: 'Councils in the council filter' })).toBeChecked();
  const summary = preview.getByRole('document', { name: 'Summary' });
  await expect(summary).toContainText('Councils matching the filter “east”');
  await expect(summary.getByRole('rowheader')).toHaveText(['Leicester']);
  await scope.getByRole('radio', { name: 'All councils' }).check();
  await expect(summary.getByRole('rowheader')).toHaveCount(4);
});

// No `shell` fixture: the page has no window.archive, as in a plain browser.
test('in a plain browser the preview prints with window.print(), from its button or Ctrl+P', async ({ page, appUrl }) => {
  await page.addInitScript(() => {
    const w = window as unknown as { __printed: number; print: () => void };
    w.__printed = 0;
    w.print = () => {
      w.__printed += 1;
    };
  });
  await page.goto(appUrl);
  await page.getByLabel('Choose a folder of letters').setInputFiles(SAMPLE_FOLDER);
  await page.getByRole('dialog', { name: 'Import report' }).getByRole('button', { name: 'Close' }).click();
  await page.getByRole('listbox', { name: 'Councils' }).getByRole('option', { name: /Leicester/ }).click();
  await expect(page.getByRole('article', { name: 'Letter' })).toContainText('Leicester City Council');

  await page.keyboard.press('Control+p');
  const preview = page.getByRole('dialog', { name: 'Print preview' });
  await expect(preview.getByRole('radio', { name: 'Letter' })).toBeChecked();
  await expect(preview.getByRole('document', { name: 'Summary' })).toContainText('Performs adequately');
  await expect(preview.getByRole('button', { name: 'Save as PDF…' })).toHaveCount(0);
  const printed = () => page.evaluate(() => (window as unknown as { __printed: number }).__printed);

  await preview.getByRole('button', { name: 'Print…' }).click();
  expect(await printed()).toBe(1);
  await page.keyboard.press('Control+p');
  expect(await printed()).toBe(2);
  await expect(preview).toBeVisible();
});
