import { expect, test } from '../support/app-fixture';
import { readArchive } from '../support/archive-probe';

test.describe('the sample archive', () => {
  test.beforeEach(async ({ page, shell, appUrl }) => {
    void shell;
    await page.goto(appUrl);
    await expect(page.getByRole('listbox', { name: 'Councils' }).getByRole('option')).toHaveCount(4);
  });

  test('first run imports the five sample letters of four councils', async ({ page }) => {
    const councils = page.getByRole('listbox', { name: 'Councils' });
    const names = await councils.getByRole('option').allInnerTexts();
    expect(names.join(' ')).toMatch(/Coventry/);
    for (const name of ['Leicester', 'Stoke-on-Trent', 'Worcestershire']) expect(names.join(' ')).toContain(name);
    expect(await readArchive(page)).toEqual({ letters: 5, partial: 0, councils: 4 });

    await councils.getByRole('option', { name: /Coventry/ }).click();
    const letters = page.getByRole('listbox', { name: 'Letters' }).getByRole('option');
    await expect(letters).toHaveCount(2);
    await expect(letters.nth(0)).toContainText('9 December 2009');
    await expect(letters.nth(1)).toContainText('26 November 2007');

    // The note beside the samples on where they come from is not a letter, and not a failure either.
    await page.getByRole('button', { name: 'Reports' }).click();
    const reports = page.getByRole('dialog', { name: 'Import reports' });
    await expect(reports.getByRole('button', { name: /Sample letters/ })).toContainText('5 letters added');
    await expect(reports.getByRole('button', { name: /Sample letters/ })).toContainText('0 files not imported');
  });

  test('the Coventry 2007 letter shows its seven graded sections', async ({ page }) => {
    await page.getByRole('listbox', { name: 'Councils' }).getByRole('option', { name: /Coventry/ }).click();
    await page.getByRole('listbox', { name: 'Letters' }).getByRole('option', { name: /2007/ }).click();
    const letter = page.getByRole('article', { name: 'Letter' });
    await expect(letter).toContainText('Colin Green');
    const expected: [RegExp, string][] = [
      [/^Overall effectiveness/, '3 · Good'],
      [/^Being healthy/, '3 · Good'],
      [/^Staying safe/, '2 · Adequate'],
      [/^Enjoying and achieving/, '3 · Good'],
      [/^Making a positive contribution/, '4 · Outstanding'],
      [/^Achieving economic well-being/, '3 · Good'],
      [/^Capacity to improve/, '3 · Good'],
    ];
    for (const [heading, badge] of expected) {
      const section = letter.locator('section').filter({ has: page.getByRole('heading', { name: heading }) });
      await expect(section).toHaveCount(1);
      await expect(section.locator('[data-grade]').first()).toHaveText(badge);
    }
    await expect(letter).toContainText('Improve the numbers and timeliness of initial and core assessments.');
  });

  test("Leicester's rating badge reads 2", async ({ page }) => {
    const leicester = page.getByRole('listbox', { name: 'Councils' }).getByRole('option', { name: /Leicester/ });
    const badge = leicester.locator('[data-grade]');
    await expect(badge).toHaveAttribute('data-grade', '2');
    await expect(badge).toHaveText('2 · Performs adequately');
  });

  test('the sample letters can be removed, and do not come back', async ({ page }) => {
    await page.getByRole('button', { name: 'Remove sample letters' }).click();
    await expect(page.getByRole('listbox', { name: 'Councils' }).getByRole('option')).toHaveCount(0);
    await expect(page.getByText(/No letters yet/)).toBeVisible();
    expect(await readArchive(page)).toEqual({ letters: 0, partial: 0, councils: 0 });
    await page.reload();
    await expect(page.getByText(/No letters yet/)).toBeVisible();
    expect(await readArchive(page)).toEqual({ letters: 0, partial: 0, councils: 0 });
  });
});
