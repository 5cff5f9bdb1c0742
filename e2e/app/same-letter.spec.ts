import { expect, test } from '../support/app-fixture';
import { ageArchive, letterIds, readArchive } from '../support/archive-probe';
import { sameLetterFolder } from '../support/letter-folders';

test.beforeEach(async ({ page, shell, appUrl }) => {
  void shell;
  await page.goto(appUrl);
  await expect(page.getByRole('listbox', { name: 'Councils' }).getByRole('option')).toHaveCount(4);
});

test('a letter, its curly-quoted copy and its PDF are one letter, and the report names the copies', async ({ page, shell }) => {
  shell.chooseFolder(await sameLetterFolder());
  await page.getByRole('button', { name: 'Import folder…' }).click();
  const report = page.getByRole('dialog', { name: 'Import report' });
  await expect(report).toContainText('1 letter added');
  await expect(report).toContainText('2 duplicates skipped');
  const copies = report.getByRole('list', { name: 'Duplicates skipped' }).getByRole('listitem');
  // The folder is read in name order, so the curly-quoted copy comes first and the others are its copies.
  await expect(copies).toHaveText([
    'walsall-2009.pdfThe same letter as walsall-2009-curly.txt: Walsall, annual rating 2009, 9 December 2009.',
    'walsall-2009.txtThe same letter as walsall-2009-curly.txt: Walsall, annual rating 2009, 9 December 2009.',
  ]);
  await report.getByRole('button', { name: 'Close' }).click();

  expect(await readArchive(page)).toEqual({ letters: 6, partial: 0, councils: 5 });
  await page.getByRole('listbox', { name: 'Councils' }).getByRole('option', { name: /Walsall/ }).click();
  await expect(page.getByRole('listbox', { name: 'Letters' }).getByRole('option')).toHaveCount(1);
  await expect(page.getByRole('article', { name: 'Letter' })).toContainText(/The same letter is also in .*walsall-2009/);
});

test('an archive an older parser read is read again when it opens, ids kept, and a saved search finds what it should', async ({ page }) => {
  const box = page.getByRole('searchbox', { name: 'Search letters' });
  await box.fill('fostering');
  const results = page.locator('.pane--results');
  await expect(results).toContainText('Leicester');
  await page.getByRole('button', { name: 'Save search' }).click();
  await page.getByRole('textbox', { name: 'Name for this search' }).fill('Fostering');
  await page.getByRole('textbox', { name: 'Name for this search' }).press('Enter');
  await box.press('Escape');

  // As an older version left it: other readings, no paragraph about fostering, an index built from them.
  const ids = await ageArchive(page, 'fostering');
  await page.reload();
  await expect(page.getByText('5 letters read again by this version of the app.')).toBeVisible({ timeout: 30_000 });
  expect(await letterIds(page)).toEqual(ids);

  await page.getByRole('searchbox', { name: 'Search letters' }).focus();
  await page.getByRole('region', { name: 'Saved searches' }).getByRole('button', { name: /^Fostering/ }).click();
  await expect(results).toContainText('Leicester');
  await expect(results).toContainText('Coventry');
  await results.getByRole('option').first().click();
  await expect(page.getByRole('article', { name: 'Letter' })).toContainText('fostering');
  await expect(page.getByRole('article', { name: 'Letter' })).not.toContainText('Read by an older version');
  await page.screenshot({ path: 'test-results/reread-saved-search.png' });
});
