import { expect, test } from '../support/app-fixture';
import { letterAbout } from '../support/letter-folders';

test('dropping letter files on the window imports them', async ({ page, shell, appUrl }) => {
  void shell;
  await page.goto(appUrl);
  await expect(page.getByRole('listbox', { name: 'Councils' }).getByRole('option')).toHaveCount(4);
  const files = [
    { name: 'dudley-2009.txt', text: letterAbout({ officialName: 'Dudley Metropolitan Borough Council', displayName: 'Dudley' }, 9) },
    { name: 'notes.txt', text: 'Questions for the scrutiny meeting' },
  ];
  const dataTransfer = await page.evaluateHandle((list) => {
    const transfer = new DataTransfer();
    for (const file of list) transfer.items.add(new File([file.text], file.name, { type: 'text/plain' }));
    return transfer;
  }, files);
  await page.dispatchEvent('body', 'dragenter', { dataTransfer });
  await page.dispatchEvent('body', 'dragover', { dataTransfer });
  await page.dispatchEvent('body', 'drop', { dataTransfer });
  const report = page.getByRole('dialog', { name: 'Import report' });
  await expect(report).toContainText(/1 letter added/);
  await expect(report.getByRole('list', { name: 'Files not imported' })).toContainText('notes.txt');
  await report.getByRole('button', { name: 'Close' }).click();
  await expect(page.getByRole('listbox', { name: 'Councils' })).toContainText('Dudley');
});
