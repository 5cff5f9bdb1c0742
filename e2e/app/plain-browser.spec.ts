import { expect, SAMPLE_FOLDER, test } from '../support/app-fixture';

// No `shell` fixture here: the page has no window.archive, as in a plain browser.
test('without window.archive, the file input imports a chosen folder', async ({ page, appUrl }) => {
  await page.goto(appUrl);
  expect(await page.evaluate(() => 'archive' in window)).toBe(false);
  await expect(page.getByText(/No letters yet/)).toBeVisible();
  await page.getByLabel('Choose a folder of letters').setInputFiles(SAMPLE_FOLDER);
  await expect(page.getByRole('listbox', { name: 'Councils' }).getByRole('option')).toHaveCount(4);
  const report = page.getByRole('dialog', { name: 'Import report' });
  await expect(report).toContainText(/5 letters added/);
  // SOURCE.md travels with the samples and is reported as not a letter.
  await expect(report.getByRole('list', { name: 'Files not imported' })).toContainText('SOURCE.md');
  await report.getByRole('button', { name: 'Close' }).click();
  await page.getByRole('button', { name: 'Reports' }).click();
  await expect(page.getByRole('dialog', { name: 'Import reports' })).toContainText('sample-letters');
});
