import { expect, SAMPLE_FOLDER, test } from '../support/app-fixture';

test('arrow keys move within a pane, Tab moves between panes, Ctrl+F and the menu focus search', async ({ page, shell, appUrl }) => {
  await page.goto(appUrl);
  const councils = page.getByRole('listbox', { name: 'Councils' });
  await expect(councils.getByRole('option')).toHaveCount(4);

  await councils.getByRole('option', { name: /Coventry/ }).click();
  await expect(councils.getByRole('option', { name: /Coventry/ })).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('ArrowDown');
  await expect(councils.getByRole('option', { name: /Leicester/ })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('article', { name: 'Letter' })).toContainText('Leicester City Council');

  // Between two panes sits the splitter that resizes them, itself a tab stop.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('separator', { name: 'Resize the councils pane' })).toBeFocused();
  await page.keyboard.press('Tab');
  // Each of the two left panes starts with its button to collapse it to a strip.
  await expect(page.getByRole('button', { name: 'Collapse the letters pane' })).toBeFocused();
  await page.keyboard.press('Tab');
  const letters = page.getByRole('listbox', { name: 'Letters' });
  await expect(letters.getByRole('option', { selected: true })).toBeFocused();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  // Above the letter, the council's tabs: one stop, the arrows move between them.
  const tab = page.getByRole('tab', { name: 'Letter' });
  await expect(tab).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('tab', { name: 'Grades over time' })).toBeFocused();
  await expect(page.getByRole('tab', { name: 'Grades over time' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('tabpanel', { name: 'Grades over time' })).toContainText('Leicester');
  await page.keyboard.press('ArrowLeft');
  await expect(tab).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('article', { name: 'Letter' })).toBeFocused();

  await page.keyboard.press('Control+f');
  await expect(page.getByRole('searchbox', { name: 'Search letters' })).toBeFocused();

  await councils.getByRole('option', { name: /Stoke/ }).click();
  await shell.menu(page, 'focus-search');
  await expect(page.getByRole('searchbox', { name: 'Search letters' })).toBeFocused();

  // File → Import folder… from the application menu.
  shell.chooseFolder(SAMPLE_FOLDER);
  await shell.menu(page, 'import-folder');
  await expect(page.getByRole('dialog', { name: 'Import report' })).toContainText(/5 duplicates/);
});
