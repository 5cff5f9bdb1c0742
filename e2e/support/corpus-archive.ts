/** An archive of a made corpus alone: the first run's sample letters taken out, the corpus imported through Import folder…. */
import type { Page } from '@playwright/test';
import { expect, type FakeShell } from './app-fixture';

export async function importCorpusAlone(page: Page, shell: FakeShell, folder: string, letters: number): Promise<void> {
  await expect(page.getByRole('listbox', { name: 'Councils' }).getByRole('option')).toHaveCount(4);
  await page.getByRole('button', { name: 'Remove sample letters' }).click();
  await expect(page.getByRole('listbox', { name: 'Councils' })).toHaveCount(0);
  shell.chooseFolder(folder);
  await page.getByRole('button', { name: 'Import folder…' }).click();
  const report = page.getByRole('dialog', { name: 'Import report' });
  await expect(report).toContainText(`${letters} letters added`, { timeout: 45_000 });
  await report.getByRole('button', { name: 'Close' }).click();
}
