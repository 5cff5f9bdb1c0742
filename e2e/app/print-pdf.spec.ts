import { mkdir, readdir } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import type { PaperSize } from '../../src-shared/bridge';
import { expect, test, type FakeShell } from '../support/app-fixture';
import { expectPdf, pdfToolsMissing } from '../support/pdf-text';

type Summary = 'Letter' | 'Council' | 'Archive';

/** A fresh folder for this test's PDFs, under its Playwright output folder. */
async function pdfFolder(): Promise<string> {
  const folder = test.info().outputPath('pdfs');
  await mkdir(folder, { recursive: true });
  return folder;
}

/** Opens the sample archive at Coventry's latest letter, then the print preview from the menu. */
async function openPreview(page: Page, shell: FakeShell, appUrl: string, command: 'print' | 'save-pdf' = 'print') {
  await page.goto(appUrl);
  const councils = page.getByRole('listbox', { name: 'Councils' });
  await expect(councils.getByRole('option')).toHaveCount(4);
  await councils.getByRole('option', { name: /Coventry/ }).click();
  await expect(page.getByRole('listbox', { name: 'Letters' }).getByRole('option', { selected: true })).toBeVisible();
  // The menu opens the summary of what is shown: wait for the letter itself, not just its selection.
  await expect(page.getByRole('article', { name: 'Letter' })).toContainText('Coventry City Council');
  await shell.menu(page, command);
  const preview = page.getByRole('dialog', { name: 'Print preview' });
  await expect(preview).toBeVisible();
  return preview;
}

test.beforeEach(() => {
  if (pdfToolsMissing) console.log(`Print spec skipped: ${pdfToolsMissing}`);
  test.skip(Boolean(pdfToolsMissing), pdfToolsMissing);
});

test('Save as PDF… writes each summary with the footer: title, date printed and page numbers', async ({ page, shell, appUrl }) => {
  const preview = await openPreview(page, shell, appUrl);
  const folder = await pdfFolder();
  const runs: { summary: Summary; paperSize: PaperSize }[] = [
    { summary: 'Letter', paperSize: 'A4' },
    { summary: 'Council', paperSize: 'Letter' },
    { summary: 'Archive', paperSize: 'A4' },
  ];
  // The menu opened the preview on the most specific thing selected: the letter.
  await expect(preview.getByRole('radiogroup', { name: 'Summary' }).getByRole('radio', { name: 'Letter' })).toBeChecked();

  const titles: string[] = [];
  for (const [i, { summary, paperSize }] of runs.entries()) {
    await preview.getByRole('radiogroup', { name: 'Summary' }).getByRole('radio', { name: summary }).check();
    await preview.getByRole('combobox', { name: 'Paper size' }).selectOption(paperSize);
    const file = path.join(folder, `${summary} summary.pdf`);
    shell.choosePdfPath(file);
    await preview.getByRole('button', { name: 'Save as PDF…' }).click();
    await expect(preview.getByRole('status')).toContainText(`Saved to ${file}`);

    expect(shell.pdfRequests).toHaveLength(i + 1);
    const request = shell.pdfRequests[i]!;
    expect(request.paperSize).toBe(paperSize);
    expect(request.title.trim()).not.toBe('');
    titles.push(request.title);
    // The dialog offered a file name the renderer suggested, made safe.
    expect(shell.offeredPdfNames[i]).toMatch(/^[^/\\]+\.pdf$/);

    const pages = await expectPdf(file, paperSize, request.title);
    const body = pages.join('\n');
    // Only the summary prints: not the preview's buttons, not the app's panes.
    expect(body).not.toContain('Save as PDF…');
    expect(body).not.toContain('Import folder');
    if (summary !== 'Archive') expect(body).toContain('Coventry');
  }
  expect(new Set(titles).size, 'each summary has its own title').toBe(3);
  expect(titles[1]).toContain('Coventry');
  expect((await readdir(folder)).sort()).toEqual(['Archive summary.pdf', 'Council summary.pdf', 'Letter summary.pdf']);
});

test('Print… hands the summary to the system print dialog', async ({ page, shell, appUrl }) => {
  const preview = await openPreview(page, shell, appUrl);
  await preview.getByRole('combobox', { name: 'Paper size' }).selectOption('Letter');
  await preview.getByRole('button', { name: 'Print…' }).click();
  await expect.poll(() => shell.printRequests.length).toBe(1);
  expect(shell.printRequests[0]?.paperSize).toBe('Letter');
  expect(shell.printRequests[0]?.title.trim()).not.toBe('');
  await expect(preview.getByRole('status')).not.toContainText(/fail|error|could not/i);
});

test('a cancelled save dialog writes nothing and says nothing alarming', async ({ page, shell, appUrl }) => {
  const preview = await openPreview(page, shell, appUrl);
  const folder = await pdfFolder();
  shell.choosePdfPath(null);
  await preview.getByRole('button', { name: 'Save as PDF…' }).click();
  await expect.poll(() => shell.offeredPdfNames.length).toBe(1);
  expect(shell.offeredPdfNames[0]).toMatch(/\.pdf$/);
  await expect(preview.getByRole('status')).not.toContainText(/fail|error|could not|saved/i);
  await expect(preview).toBeVisible();
  expect(await readdir(folder)).toEqual([]);

  // The preview still works after a cancel.
  const file = path.join(folder, 'after cancel.pdf');
  shell.choosePdfPath(file);
  await preview.getByRole('button', { name: 'Save as PDF…' }).click();
  await expect(preview.getByRole('status')).toContainText(`Saved to ${file}`);
  expect(await readdir(folder)).toEqual(['after cancel.pdf']);
});

test('File → Save as PDF… opens the preview on the letter and saves at once', async ({ page, shell, appUrl }) => {
  const folder = await pdfFolder();
  const file = path.join(folder, 'from the menu.pdf');
  shell.choosePdfPath(file);
  const preview = await openPreview(page, shell, appUrl, 'save-pdf');
  await expect(preview.getByRole('status')).toContainText(`Saved to ${file}`);
  expect(shell.pdfRequests).toHaveLength(1);
  await expect(preview.getByRole('radiogroup', { name: 'Summary' }).getByRole('radio', { name: 'Letter' })).toBeChecked();
  const request = shell.pdfRequests[0]!;
  const pages = await expectPdf(file, request.paperSize, request.title);
  expect(pages.join('\n')).toContain('Coventry');
});
