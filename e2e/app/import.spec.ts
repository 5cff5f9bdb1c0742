import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseLetterFile } from '../../src-shared/letters/parse-letter-file';
import { expect, SAMPLE_FOLDER, test } from '../support/app-fixture';
import { readArchive, readTexts } from '../support/archive-probe';
import { manyLettersFolder, mixedFolder } from '../support/letter-folders';

test.describe('importing a folder', () => {
  test.beforeEach(async ({ page, shell, appUrl }) => {
    void shell;
    await page.goto(appUrl);
    await expect(page.getByRole('listbox', { name: 'Councils' }).getByRole('option')).toHaveCount(4);
  });

  test('imports the letters and names every other file with its reason, reading nothing outside the folder', async ({ page, shell }) => {
    const { folder, outsideLetter } = mixedFolder();
    shell.chooseFolder(folder);
    await page.getByRole('button', { name: 'Import folder…' }).click();
    const report = page.getByRole('dialog', { name: 'Import report' });
    await expect(report).toBeVisible();
    await expect(report).toContainText(/2 letters? added/);
    const reasons: [string, RegExp][] = [
      ['empty.txt', /empty/],
      ['scan.pdf', /damaged or cut short/],
      ['minutes.txt', /Not an Ofsted .*\.$/],
      ['linked-letter.txt', /outside the chosen folder/],
    ];
    for (const [file, reason] of reasons) {
      const row = report.getByRole('listitem').filter({ hasText: file });
      await expect(row).toHaveCount(1);
      await expect(row).toContainText(reason);
    }
    if (process.env.LETTER_ARCHIVE_SHOTS) await page.screenshot({ path: `${process.env.LETTER_ARCHIVE_SHOTS}/import-report-reasons.png` });
    await report.getByRole('button', { name: 'Close' }).click();

    const councils = page.getByRole('listbox', { name: 'Councils' });
    await expect(councils.getByRole('option')).toHaveCount(6);
    await expect(councils).toContainText('Walsall');
    await expect(councils).toContainText('Kent');
    await expect(councils).not.toContainText('Cornwall');
    // Only files inside the folder were read; the link out was listed as skipped, never opened.
    const read = shell.readFrom(folder);
    expect(read.every((file) => ['walsall-2009.txt', 'more/kent-2009.txt', 'empty.txt', 'scan.pdf', 'minutes.txt'].includes(file))).toBe(true);
    expect(read).toContain('walsall-2009.txt');
    expect(read).not.toContain('linked-letter.txt');
    expect(readFileSync(outsideLetter, 'utf8')).toContain('Cornwall');
  });

  test('keeps each letter\'s text exactly as the parser read it (encoded in the parse worker)', async ({ page }) => {
    // The sample letters were imported through the parse worker at start-up; the parser in Node reads the same files.
    const expected: Record<string, string> = {};
    for (const name of readdirSync(SAMPLE_FOLDER).filter((f) => f.endsWith('.txt'))) {
      const outcome = await parseLetterFile(new Uint8Array(readFileSync(path.join(SAMPLE_FOLDER, name))), () => Promise.reject(new Error('no PDFs here')));
      if (!outcome.ok) throw new Error(`${name}: ${outcome.reason}`);
      expected[outcome.letter.id] = outcome.source.text;
    }
    expect(Object.keys(expected)).toHaveLength(5);
    expect(await readTexts(page)).toEqual(expected);
  });

  test('importing the same folder twice adds nothing, and a reload keeps the archive and the selection', async ({ page, shell }) => {
    shell.chooseFolder(SAMPLE_FOLDER);
    await page.getByRole('button', { name: 'Import folder…' }).click();
    const report = page.getByRole('dialog', { name: 'Import report' });
    await expect(report).toContainText(/0 letters added/);
    await expect(report).toContainText(/5 duplicates/);
    await report.getByRole('button', { name: 'Close' }).click();
    expect(await readArchive(page)).toEqual({ letters: 5, partial: 0, councils: 4 });

    await page.getByRole('listbox', { name: 'Councils' }).getByRole('option', { name: /Coventry/ }).click();
    await page.getByRole('listbox', { name: 'Letters' }).getByRole('option', { name: /2007/ }).click();
    await expect(page.getByRole('article', { name: 'Letter' })).toContainText('2007');
    await page.reload();
    await expect(page.getByRole('listbox', { name: 'Councils' }).getByRole('option')).toHaveCount(4);
    await expect(page.getByRole('article', { name: 'Letter' })).toContainText('annual performance assessment');
    expect(await readArchive(page)).toEqual({ letters: 5, partial: 0, councils: 4 });
  });

  test('cancelling half-way keeps only whole letters, and a second import completes it', async ({ page, shell }) => {
    // Enough letters for several reads however the import sizes its batches (by bytes, doubling),
    // each read slowed, so the import is surely still reading when Cancel is clicked.
    const files = 300;
    const total = files + 5;
    const folder = manyLettersFolder(files);
    shell.chooseFolder(folder);
    shell.slowReads(1500);
    await page.getByRole('button', { name: 'Import folder…' }).click();
    const progress = page.getByRole('progressbar', { name: 'Import progress' });
    await expect(progress).toBeVisible();
    await expect.poll(async () => Number(await progress.getAttribute('aria-valuenow')), { timeout: 30_000 }).toBeGreaterThan(0);
    await page.getByRole('button', { name: 'Cancel import' }).click();
    const report = page.getByRole('dialog', { name: 'Import report' });
    await expect(report).toContainText(/cancelled/i);
    const afterCancel = await readArchive(page);
    expect(afterCancel.partial).toBe(0);
    expect(afterCancel.letters).toBeGreaterThan(5);
    expect(afterCancel.letters).toBeLessThan(total);
    await report.getByRole('button', { name: 'Close' }).click();

    shell.slowReads(0);
    await page.getByRole('button', { name: 'Import folder…' }).click();
    await expect(page.getByRole('dialog', { name: 'Import report' })).toContainText(new RegExp(`${total - afterCancel.letters} letters? added`), { timeout: 60_000 });
    expect(await readArchive(page)).toMatchObject({ letters: total, partial: 0 });
  });
});
