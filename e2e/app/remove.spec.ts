import type { Page } from '@playwright/test';
import path from 'node:path';
import { expect, test } from '../support/app-fixture';
import { readArchiveState, readTexts, unreferencedPacks, type ArchiveState } from '../support/archive-probe';
import { manyLettersFolder, mixedFolder } from '../support/letter-folders';

const councilsList = (page: Page) => page.getByRole('listbox', { name: 'Councils' });
const lettersList = (page: Page) => page.getByRole('listbox', { name: 'Letters' });
const toast = (page: Page) => page.locator('.undo-toast');

/** Screenshots to look at, when LETTER_ARCHIVE_SHOTS names a folder. */
async function shoot(page: Page, name: string): Promise<void> {
  const shots = process.env.LETTER_ARCHIVE_SHOTS;
  if (shots) await page.screenshot({ path: path.join(shots, `${name}.png`) });
}

async function openApp(page: Page, appUrl: string): Promise<void> {
  await page.goto(appUrl);
  await expect(councilsList(page).getByRole('option')).toHaveCount(4);
}

/** Every council row agrees with the letters it is made from. */
function expectCouncilsMatchLetters(state: ArchiveState): void {
  expect(state.councils.map((c) => c.key).sort()).toEqual(Object.keys(state.fromLetters).sort());
  for (const council of state.councils) {
    expect(council.letterCount).toBe(state.fromLetters[council.key]!.count);
    expect(council.latestDate).toBe(state.fromLetters[council.key]!.latestDate);
  }
}

/** How many letters a search for `words` finds, once its answer is in. */
async function lettersFound(page: Page, words: string): Promise<number> {
  const box = page.getByRole('searchbox', { name: 'Search letters' });
  await box.fill(words);
  const results = page.locator('.pane--results[aria-busy="false"]');
  await expect(results.locator('.results-summary')).toHaveText(/No sections match|\d/);
  const found = await results.getByRole('listbox', { name: 'Search results' }).getByRole('group').count();
  await box.fill('');
  return found;
}

test.describe('removing letters, and undoing it', () => {
  test('one letter removed from its view is gone from the panes, the archive and search; Undo puts back the same letter', async ({ page, shell, appUrl }) => {
    void shell;
    await openApp(page, appUrl);
    const before = await readArchiveState(page);
    await councilsList(page).getByRole('option', { name: /Coventry/ }).click();
    await lettersList(page).getByRole('option', { name: /2007/ }).click();
    await expect(page.getByRole('article', { name: 'Letter' })).toContainText('Colin Green');
    await expect.poll(() => lettersFound(page, '"Youth Inclusion Project"')).toBe(1);

    await page.getByRole('button', { name: 'Remove letter' }).click();
    await expect(toast(page)).toContainText("Removed Coventry's letter of 26 November 2007.");
    await shoot(page, 'remove-letter-toast');
    await expect(lettersList(page).getByRole('option')).toHaveCount(1);
    // The letter beside it opens instead.
    await expect(page.getByRole('article', { name: 'Letter' })).toContainText('2009');
    const after = await readArchiveState(page);
    expect(after.ids.length).toBe(before.ids.length - 1);
    expectCouncilsMatchLetters(after);
    await expect.poll(() => lettersFound(page, '"Youth Inclusion Project"')).toBe(0);

    // By the keyboard: the Undo button goes with the last removal, and the focus stays in the toast.
    await toast(page).getByRole('button', { name: 'Undo' }).press('Enter');
    await expect(toast(page)).toContainText("Put back Coventry's letter of 26 November 2007.");
    await expect(toast(page).getByRole('button', { name: 'Dismiss' })).toBeFocused();
    await expect(lettersList(page).getByRole('option')).toHaveCount(2);
    const undone = await readArchiveState(page);
    expect(undone.ids).toEqual(before.ids);
    expect(undone.councils).toEqual(expect.arrayContaining(before.councils));
    await expect.poll(() => lettersFound(page, '"Youth Inclusion Project"')).toBe(1);
  });

  test("Delete in the letters list removes the letter; Ctrl+Z puts it back; a council's letters go from its context menu", async ({ page, shell, appUrl }) => {
    void shell;
    await openApp(page, appUrl);
    const before = await readArchiveState(page);
    await councilsList(page).getByRole('option', { name: /Coventry/ }).click();
    const first = lettersList(page).getByRole('option').first();
    await first.click();
    await page.keyboard.press('Delete');
    await expect(lettersList(page).getByRole('option')).toHaveCount(1);
    // The focus stays in the list, on the letter now chosen.
    await expect(lettersList(page).getByRole('option').first()).toBeFocused();
    // Delete on the council's last letter: the next council's letters take the focus.
    await page.keyboard.press('Delete');
    await expect(councilsList(page).getByRole('option')).toHaveCount(3);
    await expect(lettersList(page).getByRole('option').first()).toBeFocused();
    await page.keyboard.press('Control+z');
    await expect(councilsList(page).getByRole('option')).toHaveCount(4);
    await page.keyboard.press('Control+z');
    await expect.poll(async () => (await readArchiveState(page)).ids).toEqual(before.ids);
    await councilsList(page).getByRole('option', { name: /Coventry/ }).click();
    await expect(lettersList(page).getByRole('option')).toHaveCount(2);
    // The councils pane reads its rows apart from the letters pane, and may draw the undone
    // count a moment later: its menu names the count the pane shows.
    await expect(councilsList(page).getByRole('option', { name: /Coventry/ })).toContainText('2 letters');

    await councilsList(page).getByRole('option', { name: /Coventry/ }).click({ button: 'right' });
    const menu = page.getByRole('menu');
    await expect(menu.getByRole('menuitem').first()).toBeFocused();
    await shoot(page, 'remove-council-menu');
    await menu.getByRole('menuitem', { name: 'Remove all 2 letters of Coventry' }).click();
    await expect(councilsList(page).getByRole('option')).toHaveCount(3);
    const after = await readArchiveState(page);
    expect(after.ids.length).toBe(before.ids.length - 2);
    expectCouncilsMatchLetters(after);

    // The context menu by the keyboard: Shift+F10 on a council, Escape closes it.
    await councilsList(page).getByRole('option').first().focus();
    await page.keyboard.press('Shift+F10');
    await expect(page.getByRole('menu')).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(page.getByRole('menu')).toHaveCount(0);

    await page.keyboard.press('Control+z');
    await expect(councilsList(page).getByRole('option')).toHaveCount(4);
    const undone = await readArchiveState(page);
    expect(undone.ids).toEqual(before.ids);
    expectCouncilsMatchLetters(undone);
  });

  test('several letters chosen with Ctrl+click are removed together', async ({ page, shell, appUrl }) => {
    void shell;
    await openApp(page, appUrl);
    await councilsList(page).getByRole('option', { name: /Coventry/ }).click();
    const options = lettersList(page).getByRole('option');
    await options.nth(0).click();
    await options.nth(1).click({ modifiers: ['ControlOrMeta'] });
    await expect(options.nth(0)).toHaveAttribute('aria-selected', 'true');
    await expect(options.nth(1)).toHaveAttribute('aria-selected', 'true');
    const bar = page.getByRole('group', { name: 'Chosen letters' });
    await expect(bar).toContainText('2 letters chosen');
    await options.nth(0).click({ button: 'right' });
    await expect(page.getByRole('menu')).toBeVisible();
    await shoot(page, 'remove-chosen-letters');
    await page.keyboard.press('Escape');
    await bar.getByRole('button', { name: 'Remove 2' }).click();
    await expect(toast(page)).toContainText('Removed 2 letters of Coventry.');
    await expect(councilsList(page).getByRole('option')).toHaveCount(3);
    // The council went with its last letters: the next one is chosen, and its newest letter opens.
    await expect(councilsList(page).getByRole('option', { name: /Leicester/ })).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByRole('article', { name: 'Letter' })).toContainText('Leicester');
  });

  test('a whole import is removed from its report, leaving the letters of other imports; Undo brings back its letters and report', async ({ page, shell, appUrl }) => {
    await openApp(page, appUrl);
    const before = await readArchiveState(page);
    shell.chooseFolder(mixedFolder().folder);
    await page.getByRole('button', { name: 'Import folder…' }).click();
    const report = page.getByRole('dialog', { name: 'Import report' });
    await expect(report).toContainText('2 letters added');
    const imported = await readArchiveState(page);
    expect(imported.ids.length).toBe(before.ids.length + 2);
    const importedTexts = await readTexts(page);

    await shoot(page, 'remove-import-report');
    await report.getByRole('button', { name: 'Remove this import' }).click();
    await expect(toast(page)).toContainText(/Removed the import of .* \(2 letters\)\./);
    const removed = await readArchiveState(page);
    expect(removed.ids).toEqual(before.ids);
    expect(removed.reports.map((r) => r.id)).toEqual(before.reports.map((r) => r.id));
    expectCouncilsMatchLetters(removed);
    // The import's texts go with its letters, and the pack they were kept in with them.
    expect(Object.keys(await readTexts(page)).sort()).toEqual(before.ids);
    expect(await unreferencedPacks(page)).toBe(0);

    // Ctrl+Z waits while a dialog is open over the window.
    await page.getByRole('button', { name: 'Reports' }).click();
    await expect(page.getByRole('dialog', { name: 'Import reports' })).toBeVisible();
    await page.keyboard.press('Control+z');
    await page.waitForTimeout(500);
    expect((await readArchiveState(page)).ids).toEqual(before.ids);
    await page.keyboard.press('Escape');

    await toast(page).getByRole('button', { name: 'Undo' }).click();
    await expect(toast(page)).toContainText('Put back the import of');
    const undone = await readArchiveState(page);
    expect(undone.ids).toEqual(imported.ids);
    expect(undone.reports).toEqual(imported.reports);
    expect(await readTexts(page)).toEqual(importedTexts);
    await page.getByRole('button', { name: 'Reports' }).click();
    await expect(page.getByRole('dialog', { name: 'Import reports' }).getByRole('button')).toHaveCount(imported.reports.length + 1);
  });

  test('removing the sample letters offers Undo', async ({ page, shell, appUrl }) => {
    void shell;
    await openApp(page, appUrl);
    const before = await readArchiveState(page);
    await page.getByRole('button', { name: 'Remove sample letters' }).click();
    await expect(toast(page)).toContainText('Removed the sample letters.');
    await expect(councilsList(page)).toHaveCount(0);
    await toast(page).getByRole('button', { name: 'Undo' }).click();
    await expect(councilsList(page).getByRole('option')).toHaveCount(4);
    expect((await readArchiveState(page)).ids).toEqual(before.ids);
  });

  test('twelve removals in a row are undone in the reverse order, to the same archive', async ({ page, shell, appUrl }) => {
    await openApp(page, appUrl);
    shell.chooseFolder(manyLettersFolder(12));
    await page.getByRole('button', { name: 'Import folder…' }).click();
    const report = page.getByRole('dialog', { name: 'Import report' });
    await expect(report).toContainText('12 letters added');
    await report.getByRole('button', { name: 'Close' }).click();
    const before = await readArchiveState(page);
    for (let i = 0; i < 12; i++) {
      const council = councilsList(page).getByRole('option').first();
      await council.click();
      const option = lettersList(page).getByRole('option').first();
      await option.click();
      const count = (await readArchiveState(page)).ids.length;
      await page.keyboard.press('Delete');
      await expect.poll(async () => (await readArchiveState(page)).ids.length).toBe(count - 1);
      // The councils pane reads its rows apart from the letters pane: the council just emptied
      // may be listed a moment longer, and clicking it would open no letters.
      await expect(councilsList(page).getByRole('option')).toHaveCount((await readArchiveState(page)).councils.length);
    }
    expect((await readArchiveState(page)).ids.length).toBe(before.ids.length - 12);
    await page.locator('body').click({ position: { x: 5, y: 300 } });
    for (let i = 0; i < 12; i++) {
      const count = (await readArchiveState(page)).ids.length;
      await page.keyboard.press('Control+z');
      await expect.poll(async () => (await readArchiveState(page)).ids.length).toBe(count + 1);
    }
    const undone = await readArchiveState(page);
    expect(undone.ids).toEqual(before.ids);
    expectCouncilsMatchLetters(undone);
    await page.keyboard.press('Control+z');
    await expect(toast(page)).toContainText('There is no removal to undo.');
  });
});
