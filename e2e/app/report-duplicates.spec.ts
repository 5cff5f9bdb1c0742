/**
 * The import report names every duplicate file with the letter it holds: a folder imported
 * twice, and a folder holding one letter in two files.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from '../support/app-fixture';
import { letterAbout, tempFolder } from '../support/letter-folders';

const WALSALL = 'Walsall, annual rating 2009, 9 December 2009';
const KENT = 'Kent, annual rating 2009, 10 December 2009';

/** Two letters, one of them in two files, one file in a folder of its own. */
function folderWithACopy(): string {
  const folder = tempFolder('duplicates');
  const walsall = letterAbout({ officialName: 'Walsall Metropolitan Borough Council', displayName: 'Walsall' }, 9);
  writeFileSync(path.join(folder, 'a-walsall.txt'), walsall);
  writeFileSync(path.join(folder, 'b-walsall-copy.txt'), walsall);
  mkdirSync(path.join(folder, 'more'));
  writeFileSync(path.join(folder, 'more', 'kent-2009.txt'), letterAbout({ officialName: 'Kent County Council', displayName: 'Kent' }, 10));
  return folder;
}

async function importFolder(page: Page): Promise<Locator> {
  await page.getByRole('button', { name: 'Import folder…' }).click();
  const report = page.getByRole('dialog', { name: 'Import report' });
  await expect(report).toBeVisible();
  return report;
}

/** Each duplicate the report lists, as "file | what it duplicates", in name order. */
async function duplicatesOf(report: Locator): Promise<string[]> {
  const list = report.getByRole('list', { name: 'Duplicates skipped' });
  const rows = await list.getByRole('listitem').evaluateAll((items) =>
    items.map((li) => `${li.querySelector('.failure-file')?.textContent ?? ''} | ${li.querySelector('.failure-reason')?.textContent ?? ''}`),
  );
  return rows.sort();
}

async function shoot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `test-results/${name}.png` });
  const shots = process.env.LETTER_ARCHIVE_SHOTS;
  if (shots) await page.screenshot({ path: path.join(shots, `${name}.png`) });
}

test.beforeEach(async ({ page, shell, appUrl }) => {
  void shell;
  await page.goto(appUrl);
  await expect(page.getByRole('listbox', { name: 'Councils' }).getByRole('option')).toHaveCount(4);
});

test('a folder holding one letter in two files names the second, with the letter and the file it was first read from', async ({ page, shell }) => {
  shell.chooseFolder(folderWithACopy());
  const report = await importFolder(page);
  await expect(report).toContainText('2 letters added');
  await expect(report).toContainText('1 duplicate skipped');
  expect(await duplicatesOf(report)).toEqual([`b-walsall-copy.txt | The same letter as a-walsall.txt: ${WALSALL}.`]);
});

test('a folder imported twice: the second report names every file, with the letter it duplicates, and keeps naming them under Reports', async ({ page, shell }) => {
  const folder = folderWithACopy();
  shell.chooseFolder(folder);
  let report = await importFolder(page);
  await expect(report).toContainText('2 letters added');
  await report.getByRole('button', { name: 'Close' }).click();

  shell.chooseFolder(folder);
  report = await importFolder(page);
  await expect(report).toContainText('0 letters added');
  await expect(report).toContainText('3 duplicates skipped');
  const expected = [
    `a-walsall.txt | Already in the archive from this file: ${WALSALL}.`,
    // The copy is the same letter as the file the letter was first read from.
    `b-walsall-copy.txt | The same letter as a-walsall.txt: ${WALSALL}.`,
    `more/kent-2009.txt | Already in the archive from this file: ${KENT}.`,
  ];
  expect(await duplicatesOf(report)).toEqual(expected);
  // The list scrolls with the keyboard: it takes the focus, by name.
  const list = report.getByRole('list', { name: 'Duplicates skipped' });
  await list.focus();
  await expect(list).toBeFocused();
  await shoot(page, 'report-duplicates');
  await report.getByRole('button', { name: 'Close' }).click();

  // The report the archive keeps says the same.
  await page.getByRole('button', { name: 'Reports' }).click();
  const reports = page.getByRole('dialog', { name: 'Import reports' });
  await expect(reports).toContainText('3 duplicates skipped');
  await reports.getByRole('button', { name: /3 duplicates skipped/ }).click();
  report = page.getByRole('dialog', { name: 'Import report' });
  await expect(report.getByRole('list', { name: 'Duplicates skipped' }).getByRole('listitem')).toHaveCount(3);
  expect(await duplicatesOf(report)).toEqual(expected);
});
