/**
 * Save as PDF in the real app: File → Save as PDF… opens the print preview and saves the
 * letter's summary through webContents.printToPDF, and the PDF's text carries the footer.
 * Only the save dialog is stood in for, as a test cannot click in a system dialog. Needs
 * the Electron binary and poppler's pdftotext; says so and skips where either is missing.
 */
import { expect, test, type ElectronApplication } from '@playwright/test';
import { mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { PAPER_SIZES, type PaperSize } from '../../src-shared/bridge';
import { expectPdf, footerOf, pdfToolsMissing } from '../support/pdf-text';
import { skipWithoutElectron, withApp } from './electron-app';

/** Makes the save dialog answer `file` (null: cancelled), in the app's main process. */
async function answerSaveDialog(app: ElectronApplication, file: string | null): Promise<void> {
  await app.evaluate(({ dialog }, chosen) => {
    dialog.showSaveDialog = (async () => ({ canceled: chosen === null, filePath: chosen ?? '' })) as typeof dialog.showSaveDialog;
  }, file);
}

/** Clicks File → Save as PDF… in the application menu. */
async function clickSaveAsPdf(app: ElectronApplication): Promise<void> {
  await app.evaluate(({ Menu }) => {
    const file = Menu.getApplicationMenu()?.items.find((item) => item.label === 'File');
    const item = file?.submenu?.items.find((i) => i.label === 'Save as PDF…');
    if (!item) throw new Error('File → Save as PDF… is not in the menu');
    (item.click as () => void)();
  });
}

test('File → Save as PDF… writes the letter summary with printToPDF, footer and all', async () => {
  skipWithoutElectron();
  if (pdfToolsMissing) console.log(`Electron print spec skipped: ${pdfToolsMissing}`);
  test.skip(Boolean(pdfToolsMissing), pdfToolsMissing);
  const folder = test.info().outputPath('pdfs');
  mkdirSync(folder, { recursive: true });

  await withApp(async (app) => {
    const window = await app.firstWindow();
    const councils = window.getByRole('listbox', { name: 'Councils' });
    await expect(councils.getByRole('option')).toHaveCount(4);
    await councils.getByRole('option', { name: /Coventry/ }).click();
    await expect(window.getByRole('listbox', { name: 'Letters' }).getByRole('option', { selected: true })).toBeVisible();

    const file = path.join(folder, 'Coventry letter.pdf');
    await answerSaveDialog(app, file);
    await clickSaveAsPdf(app);
    const preview = window.getByRole('dialog', { name: 'Print preview' });
    await expect(preview).toBeVisible();
    await expect(preview.getByRole('status')).toContainText(`Saved to ${file}`);

    const paperSize = await preview.getByRole('combobox', { name: 'Paper size' }).inputValue();
    expect(PAPER_SIZES).toContain(paperSize);
    const pages = await expectPdf(file, paperSize as PaperSize);
    expect(footerOf(pages[0] ?? '').title).not.toBe('Letter Archive');
    expect(pages.join('\n')).toContain('Coventry');
    expect(pages.join('\n')).not.toContain('Save as PDF…');

    // A cancelled dialog writes nothing and raises no alarm.
    await answerSaveDialog(app, null);
    await preview.getByRole('button', { name: 'Save as PDF…' }).click();
    await expect(preview.getByRole('status')).not.toContainText(/fail|error|could not/i);
    expect(readdirSync(folder)).toEqual(['Coventry letter.pdf']);
  });
});
