import { expect, test } from '../support/app-fixture';

for (const size of [
  { width: 1280, height: 800 },
  { width: 1920, height: 1080 },
]) {
  test(`search results and an opened result read well at ${size.width}×${size.height}`, async ({ page, shell, appUrl }, testInfo) => {
    void shell;
    await page.setViewportSize(size);
    await page.goto(appUrl);
    await expect(page.getByRole('listbox', { name: 'Councils' }).getByRole('option')).toHaveCount(4);
    await page.getByRole('searchbox', { name: 'Search letters' }).fill('fostering');
    const results = page.getByRole('listbox', { name: 'Search results' });
    await expect(results.getByRole('group', { name: /^Leicester/ })).toBeVisible();
    await expect(page.getByRole('group', { name: 'Year' })).toBeInViewport();
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await page.screenshot({ path: testInfo.outputPath(`search-results-${size.width}x${size.height}.png`) });

    await results.getByRole('group', { name: /^Coventry.*2007/ }).getByRole('option').first().click();
    const letter = page.getByRole('article', { name: 'Letter' });
    await expect(letter.locator('mark[data-current]')).toBeInViewport();
    await page.getByRole('button', { name: 'Next hit' }).click();
    await expect(letter.locator('mark[data-current]')).toBeInViewport();
    await expect(page.getByRole('group', { name: 'Search hits in this letter' })).toBeInViewport();
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await page.screenshot({ path: testInfo.outputPath(`search-opened-${size.width}x${size.height}.png`) });
  });
}
