import { expect, test } from '../support/app-fixture';

for (const size of [
  { width: 1280, height: 800 },
  { width: 1920, height: 1080 },
]) {
  test(`three panes with a letter open read well at ${size.width}×${size.height}`, async ({ page, shell, appUrl }, testInfo) => {
    void shell;
    await page.setViewportSize(size);
    await page.goto(appUrl);
    await page.getByRole('listbox', { name: 'Councils' }).getByRole('option', { name: /Coventry/ }).click();
    await page.getByRole('listbox', { name: 'Letters' }).getByRole('option', { name: /2007/ }).click();
    const letter = page.getByRole('article', { name: 'Letter' });
    await expect(letter).toContainText('Staying safe');
    // Nothing spills sideways: the window never scrolls horizontally.
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    for (const name of ['Councils', 'Letters']) await expect(page.getByRole('listbox', { name })).toBeInViewport();
    await expect(letter).toBeInViewport();
    await page.screenshot({ path: testInfo.outputPath(`three-panes-${size.width}x${size.height}.png`) });
  });
}
