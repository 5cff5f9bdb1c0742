import path from 'node:path';
import { expect, test } from '../support/app-fixture';
import { readArchive } from '../support/archive-probe';
import { PDF_FOLDER_LETTERS, pdfFolder } from '../support/letter-folders';

test.describe('importing letters as Ofsted published them, as PDFs', () => {
  test.beforeEach(async ({ page, shell, appUrl }) => {
    void shell;
    await page.goto(appUrl);
    await expect(page.getByRole('listbox', { name: 'Councils' }).getByRole('option')).toHaveCount(4);
  });

  test('PDFs and text files are read alike; a scan, a PDF cut short and a locked PDF are named with their reasons', async ({ page, shell }) => {
    const folder = await pdfFolder();
    shell.chooseFolder(folder);
    await page.getByRole('button', { name: 'Import folder…' }).click();
    const report = page.getByRole('dialog', { name: 'Import report' });
    await expect(report).toContainText('5 letters added', { timeout: 30_000 });
    const reasons: [string, RegExp][] = [
      ['scanned-letter.pdf', /only images of pages, no text: it needs OCR/],
      ['cut-short.pdf', /damaged or cut short/],
      ['locked.pdf', /protected by a password/],
    ];
    const failures = report.getByRole('list', { name: 'Files not imported' }).getByRole('listitem');
    await expect(failures).toHaveCount(reasons.length);
    for (const [file, reason] of reasons) {
      const row = failures.filter({ hasText: file });
      await expect(row).toHaveCount(1);
      await expect(row).toContainText(reason);
    }
    await page.screenshot({ path: 'test-results/pdf-import-report.png' });
    await report.getByRole('button', { name: 'Close' }).click();

    const councils = page.getByRole('listbox', { name: 'Councils' });
    await expect(councils.getByRole('option')).toHaveCount(4 + Object.keys(PDF_FOLDER_LETTERS).length);
    for (const council of Object.values(PDF_FOLDER_LETTERS)) await expect(councils).toContainText(council);
    expect(await readArchive(page)).toEqual({ letters: 5 + 5, partial: 0, councils: 9 });
  });

  test('a letter read from a PDF shows the page each section starts on, and opens its original', async ({ page, shell }) => {
    const folder = await pdfFolder();
    shell.chooseFolder(folder);
    await page.getByRole('button', { name: 'Import folder…' }).click();
    await page.getByRole('dialog', { name: 'Import report' }).getByRole('button', { name: 'Close' }).click();

    await page.getByRole('listbox', { name: 'Councils' }).getByRole('option', { name: /Kirklees/ }).click();
    await page.getByRole('listbox', { name: 'Letters' }).getByRole('option').first().click();
    const letter = page.getByRole('article', { name: 'Letter' });
    await expect(letter).toContainText('Kirklees');
    const staying = letter.locator('section').filter({ has: page.getByRole('heading', { name: /^Staying safe/ }) });
    await expect(staying.locator('[data-grade]').first()).toHaveText('2 · Adequate');
    await expect(staying.getByText(/^page \d+$/)).toHaveText(/page [2-9]/);
    const overall = letter.locator('section').filter({ has: page.getByRole('heading', { name: /^Overall effectiveness/ }) });
    await expect(overall.getByText(/^page \d+$/)).toHaveText('page 1');
    await expect(letter).toContainText(/Imported from kirklees-2007\.pdf \(a PDF of \d+ pages\)/);
    await page.screenshot({ path: 'test-results/pdf-letter-view.png' });

    await letter.getByRole('button', { name: 'Open original' }).click();
    await expect.poll(() => shell.openedOriginals).toEqual([path.join(folder, 'kirklees-2007.pdf')]);

    // A text letter has no pages; the sample letters open from the sample folder.
    await page.getByRole('listbox', { name: 'Councils' }).getByRole('option', { name: /Norfolk/ }).click();
    await page.getByRole('listbox', { name: 'Letters' }).getByRole('option').first().click();
    await expect(letter).toContainText('Norfolk');
    await expect(letter).not.toContainText(/page \d/);
  });
});
