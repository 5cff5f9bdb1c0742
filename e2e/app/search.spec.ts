import { expect, test } from '../support/app-fixture';

test('searching "fostering" finds Leicester and Coventry, and opening a result highlights the word', async ({ page, shell, appUrl }) => {
  void shell;
  await page.goto(appUrl);
  await expect(page.getByRole('listbox', { name: 'Councils' }).getByRole('option')).toHaveCount(4);
  await page.getByRole('searchbox', { name: 'Search letters' }).fill('fostering');
  const results = page.getByRole('listbox', { name: 'Search results' });
  await expect(results).toContainText('Leicester');
  await expect(results).toContainText('Coventry');
  await results.getByText(/Leicester/).first().click();
  const letter = page.getByRole('article', { name: 'Letter' });
  await expect(letter).toContainText('Leicester City Council');
  const marks = letter.locator('mark');
  await expect(marks.first()).toBeVisible();
  expect((await marks.allInnerTexts()).every((t) => /^fostering$/i.test(t))).toBe(true);
});

test('the search index is saved in the archive and used again after a reload', async ({ page, shell, appUrl }) => {
  void shell;
  await page.goto(appUrl);
  await expect(page.getByRole('listbox', { name: 'Councils' }).getByRole('option')).toHaveCount(4);
  const search = page.getByRole('searchbox', { name: 'Search letters' });
  await search.fill('fostering');
  await expect(page.getByRole('listbox', { name: 'Search results' })).toContainText('Leicester');
  const snapshot = () =>
    page.evaluate(
      () =>
        new Promise<string>((resolve, reject) => {
          const open = indexedDB.open('letter-archive');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const request = open.result.transaction('searchIndex').objectStore('searchIndex').getAll();
            request.onsuccess = () => {
              resolve(JSON.stringify(request.result));
              open.result.close();
            };
          };
        }),
    );
  await expect.poll(snapshot, { timeout: 20_000 }).toContain('fostering');
  await page.reload();
  await page.getByRole('searchbox', { name: 'Search letters' }).fill('safeguarding');
  await expect(page.getByRole('listbox', { name: 'Search results' })).toContainText('Coventry');
});
