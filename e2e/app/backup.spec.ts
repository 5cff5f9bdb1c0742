/**
 * Back up, wipe, restore: every letter comes back with the same id and the same JSON, with the
 * person's tick and saved search, and search finds words again. A file cut short and a JSON
 * file that is not a backup are refused, named with the reason, and the archive is unchanged.
 * The letters as JSON, one file and one per letter, read back and compared with the archive.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { generateCorpus, loadSampleTexts, writeCorpus } from '../../src-main/corpus/build-corpus';
import { loadCouncilPool } from '../../src-main/corpus/council-pool';
import { parseLetterFile } from '../../src-shared/letters/parse-letter-file';
import { expect, REPO, SAMPLE_FOLDER, test, type FakeShell } from '../support/app-fixture';
import { readTexts } from '../support/archive-probe';
import { seriousProblemsInBothSchemes } from '../support/axe';

const CORPUS_LETTERS = 150;
/** The samples the first run imports, and the corpus. */
const LETTERS = 5 + CORPUS_LETTERS;
const SHOT_FOLDERS = [process.env.LETTER_ARCHIVE_SHOTS, '/tmp/shots-b'].filter((f): f is string => Boolean(f));

let corpusFolder = '';
let out = '';
test.beforeAll(() => {
  corpusFolder = mkdtempSync(path.join(os.tmpdir(), 'letter-archive-backup-corpus-'));
  out = mkdtempSync(path.join(os.tmpdir(), 'letter-archive-backup-'));
  writeCorpus(corpusFolder, generateCorpus({ letters: CORPUS_LETTERS, seed: 21, samples: loadSampleTexts(REPO), councils: loadCouncilPool(REPO) }));
});
test.afterAll(() => {
  rmSync(corpusFolder, { recursive: true, force: true });
  rmSync(out, { recursive: true, force: true });
});

async function shot(page: Page, name: string): Promise<void> {
  for (const folder of SHOT_FOLDERS) {
    mkdirSync(folder, { recursive: true });
    await page.screenshot({ path: path.join(folder, `${name}.png`) });
  }
}

interface ArchiveDigest {
  /** Letter id → SHA-256 of the row's JSON. */
  letters: Record<string, string>;
  /** Letter id → its kept text, read through the pack it is in (a restore packs texts anew). */
  texts: Record<string, string>;
  ticks: unknown[];
  savedSearches: unknown;
  councils: number;
  grades: number;
}

/** Every letter's id and a hash of its JSON, straight from the page's IndexedDB, with the person's own rows. */
async function digest(page: Page): Promise<ArchiveDigest> {
  return { ...(await ownRows(page)), texts: await readTexts(page) };
}

function ownRows(page: Page): Promise<Omit<ArchiveDigest, 'texts'>> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('letter-archive');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const all = (store: string) =>
      new Promise<unknown[]>((resolve, reject) => {
        const request = db.transaction(store).objectStore(store).getAll();
        request.onsuccess = () => resolve(request.result as unknown[]);
        request.onerror = () => reject(request.error);
      });
    const hash = async (value: unknown): Promise<string> => {
      const json = JSON.stringify(value);
      const bytes = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(json)));
      return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
    };
    const byId = async (rows: unknown[]) => Object.fromEntries(await Promise.all(rows.map(async (row) => [(row as { id: string }).id, await hash(row)] as const)));
    const settings = (await all('settings')) as { key: string; value: unknown }[];
    const result = {
      letters: await byId(await all('letters')),
      ticks: await all('ticks'),
      savedSearches: settings.find((s) => s.key === 'savedSearches')?.value,
      councils: (await all('councils')).length,
      grades: (await all('grades')).length,
    };
    db.close();
    return result;
  });
}

/** The stored letters, whole, for comparing with the JSON export. */
function storedLetters(page: Page): Promise<Record<string, unknown>[]> {
  return page.evaluate(
    () =>
      new Promise<Record<string, unknown>[]>((resolve, reject) => {
        const open = indexedDB.open('letter-archive');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction('letters').objectStore('letters').getAll();
          request.onsuccess = () => {
            resolve(request.result as Record<string, unknown>[]);
            open.result.close();
          };
          request.onerror = () => reject(request.error);
        };
      }),
  );
}

/** Deletes the archive's database and reloads: the first run then imports the samples into an empty archive. */
async function wipe(page: Page): Promise<void> {
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const request = indexedDB.deleteDatabase('letter-archive');
        request.onsuccess = () => resolve();
        request.onerror = () => reject(request.error);
      }),
  );
  await page.reload();
  await expect(page.getByRole('listbox', { name: 'Councils' }).getByRole('option')).toHaveCount(4);
}

async function searchSummary(page: Page, query: string): Promise<string> {
  const box = page.getByRole('searchbox', { name: 'Search letters' });
  await box.fill(query);
  const summary = page.locator('.results-summary');
  await expect(summary).toContainText(/letters?/, { timeout: 30_000 });
  // Without the time the search took.
  const text = ((await summary.textContent()) ?? '').split(' · ')[0]!;
  await box.press('Escape');
  return text;
}

/** Saves the search `query` under `name`, as a person does, and clears the search box. */
async function saveSearch(page: Page, query: string, name: string): Promise<void> {
  const box = page.getByRole('searchbox', { name: 'Search letters' });
  await box.fill(query);
  await page.getByRole('button', { name: 'Save search' }).click();
  await page.getByRole('textbox', { name: 'Name for this search' }).fill(name);
  await page.getByRole('textbox', { name: 'Name for this search' }).press('Enter');
  await expect(page.locator('.pane--results')).toContainText(`Saved as “${name}”`);
  await box.press('Escape');
}

async function openRestore(page: Page, shell: FakeShell, file: string) {
  await shell.menu(page, 'restore-archive');
  const dialog = page.getByRole('dialog', { name: 'Restore from a backup' });
  await expect(dialog).toBeVisible();
  const chooser = page.waitForEvent('filechooser');
  await dialog.getByRole('button', { name: /^Choose (backup|another) file…$/ }).click();
  await (await chooser).setFiles(file);
  return dialog;
}

test('back up, wipe, restore: every letter, tick and saved search comes back, and search finds words again', async ({ page, shell, appUrl }) => {
  test.setTimeout(240_000);
  await page.goto(appUrl);
  await expect(page.getByRole('listbox', { name: 'Councils' }).getByRole('option')).toHaveCount(4);
  shell.chooseFolder(corpusFolder);
  await page.getByRole('button', { name: 'Import folder…' }).click();
  const report = page.getByRole('dialog', { name: 'Import report' });
  await expect(report).toContainText(`${CORPUS_LETTERS} letters added`, { timeout: 60_000 });
  await report.getByRole('button', { name: 'Close' }).click();

  // A tick with a note, and a saved search.
  await page.getByRole('listbox', { name: 'Councils' }).getByRole('option', { name: /^Coventry\b/ }).click();
  await page.getByRole('tab', { name: 'Points raised' }).click();
  const point = page.locator('.points-list > li').first();
  await point.getByRole('checkbox', { name: 'Dealt with' }).check();
  await point.getByRole('textbox', { name: 'Note' }).fill('Covered by the 2010 plan – “done”');
  await point.getByRole('textbox', { name: 'Note' }).press('Enter');
  await expect(point).toHaveClass(/point--done/);
  await page.getByRole('tab', { name: 'Letter' }).click();
  await saveSearch(page, 'fostering', 'Fostering everywhere');

  const before = await digest(page);
  expect(Object.keys(before.letters)).toHaveLength(LETTERS);
  expect(before.ticks).toHaveLength(1);
  expect(before.savedSearches).toEqual([{ name: 'Fostering everywhere', query: 'fostering' }]);
  const searchedBefore = await searchSummary(page, 'fostering adoption');

  // Back up, from the File menu.
  const backup = path.join(out, 'backup.json');
  shell.chooseSavePath(backup);
  const started = Date.now();
  await shell.menu(page, 'backup-archive');
  const backupDialog = page.getByRole('dialog', { name: 'Back up the archive' });
  await expect(backupDialog.getByRole('status')).toContainText(`Backed up ${LETTERS} letters and 1 tick`, { timeout: 60_000 });
  const backupMs = Date.now() - started;
  await expect(backupDialog).toContainText(backup);
  expect(shell.offeredSaveNames.at(-1)).toEqual({ kind: 'backup', name: expect.stringMatching(/^Letter Archive backup \d{4}-\d{2}-\d{2}\.json$/) as unknown as string });
  await shot(page, 'backup-done');
  await backupDialog.getByRole('button', { name: 'Close' }).click();
  await expect(backupDialog).toHaveCount(0);
  // Nothing left beside it.
  expect(readdirSync(out)).toEqual(['backup.json']);
  console.log(`backup of ${LETTERS} letters: ${(statSync(backup).size / 1024 / 1024).toFixed(1)} MB in ${backupMs} ms`);

  // Wipe: the database deleted; the first run brings the samples back, and nothing else.
  await wipe(page);
  const wiped = await digest(page);
  expect(Object.keys(wiped.letters)).toHaveLength(5);
  expect(wiped.ticks).toHaveLength(0);

  // Restore, replacing the archive.
  const dialog = await openRestore(page, shell, backup);
  const contents = dialog.getByRole('definition');
  await expect(dialog.getByLabel('What the backup holds')).toContainText(`Letters${LETTERS}`);
  await expect(dialog.getByLabel('What the backup holds')).toContainText('Ticks and notes1');
  await expect(dialog.getByLabel('What the backup holds')).toContainText('Saved searches1');
  await expect(dialog.getByLabel('What the backup holds')).toContainText(/Letter Archive \d+\.\d+\.\d+/);
  await expect(contents.first()).toContainText('backup.json');
  // Merge, which loses nothing, is offered first; Replace is chosen.
  await expect(dialog.getByRole('radio', { name: /Merge into the archive/ })).toBeChecked();
  await dialog.getByRole('radio', { name: /Replace the archive/ }).check();
  await shot(page, 'restore-what-it-holds');
  const restoring = Date.now();
  await dialog.getByRole('button', { name: 'Replace the archive' }).click();
  await expect(dialog.getByRole('status')).toContainText(`The archive is now the backup’s: ${LETTERS} letters, 1 tick.`, { timeout: 60_000 });
  const restoreMs = Date.now() - restoring;
  console.log(`restore of ${LETTERS} letters: ${restoreMs} ms`);
  await shot(page, 'restore-done');
  // Reading the archive waits for the reloaded page, not the one going away.
  await Promise.all([page.waitForEvent('load'), dialog.getByRole('button', { name: 'Reload' }).click()]);
  await expect(page.getByRole('listbox', { name: 'Councils' }).getByRole('option').first()).toBeVisible();

  const after = await digest(page);
  expect(Object.keys(after.letters).sort()).toEqual(Object.keys(before.letters).sort());
  expect(after.letters).toEqual(before.letters);
  // Every letter's text, word for word.
  expect(Object.keys(before.texts).sort()).toEqual(Object.keys(before.letters).sort());
  expect(after.texts).toEqual(before.texts);
  expect(after.ticks).toEqual(before.ticks);
  expect(after.savedSearches).toEqual(before.savedSearches);
  expect(after.councils).toBe(before.councils);
  expect(after.grades).toBe(before.grades);
  expect(await searchSummary(page, 'fostering adoption')).toBe(searchedBefore);
  await page.getByRole('searchbox', { name: 'Search letters' }).focus();
  await expect(page.getByRole('region', { name: 'Saved searches' }).getByRole('button', { name: /^Fostering everywhere/ })).toBeVisible();
  await page.getByRole('searchbox', { name: 'Search letters' }).press('Escape');

  // A file cut short, and a JSON file that is not a backup: refused, named, the archive as it was.
  const cut = path.join(out, 'cut short.json');
  const whole = readFileSync(backup);
  writeFileSync(cut, whole.subarray(0, Math.floor(whole.length * 0.6)));
  const refused = await openRestore(page, shell, cut);
  await expect(refused.getByRole('alert')).toHaveText(
    '“cut short.json” cannot be restored: the file is cut short: it ends part-way through, so it was not saved or copied whole. The archive has not been changed.',
  );
  await shot(page, 'restore-refused-cut-short');
  const foreign = path.join(out, 'letters.json');
  writeFileSync(foreign, JSON.stringify([{ file: 'a.txt', letter: { id: 'x' } }]));
  const chooser = page.waitForEvent('filechooser');
  await refused.getByRole('button', { name: 'Choose another file…' }).click();
  await (await chooser).setFiles(foreign);
  await expect(refused.getByRole('alert')).toHaveText(
    '“letters.json” cannot be restored: it is a JSON file, but not a Letter Archive backup (it does not begin as a backup does). The archive has not been changed.',
  );
  await shot(page, 'restore-refused-foreign');
  await refused.getByRole('button', { name: 'Cancel' }).click();
  expect(await digest(page)).toEqual(after);
});

test('a backup damaged inside is refused when restoring, and the archive is unchanged', async ({ page, shell, appUrl }) => {
  await page.goto(appUrl);
  await expect(page.getByRole('listbox', { name: 'Councils' }).getByRole('option')).toHaveCount(4);
  const backup = path.join(out, 'samples.json');
  shell.chooseSavePath(backup);
  await page.getByRole('button', { name: 'Export…' }).click();
  await page.getByRole('dialog', { name: 'Export the archive' }).getByRole('button', { name: 'Back up archive…' }).click();
  const backupDialog = page.getByRole('dialog', { name: 'Back up the archive' });
  await expect(backupDialog.getByRole('status')).toContainText('Backed up 5 letters', { timeout: 30_000 });
  expect(await seriousProblemsInBothSchemes(page)).toEqual([]);
  await backupDialog.getByRole('button', { name: 'Close' }).click();
  // The export dialog is still open beneath; close it too.
  await page.getByRole('dialog', { name: 'Export the archive' }).getByRole('button', { name: 'Close' }).click();

  // The last letter's rows cut out but the file closed again: it looks whole until it is read.
  const text = readFileSync(backup, 'utf8');
  const lettersAt = text.indexOf('"tableName":"letters"');
  const lastLetter = text.lastIndexOf('{"id":', text.indexOf('"tableName"', lettersAt + 1));
  const damaged = path.join(out, 'damaged.json');
  writeFileSync(damaged, `${text.slice(0, lastLetter - 1)}]}]}}`);
  const before = await digest(page);

  const dialog = await openRestore(page, shell, damaged);
  await expect(dialog.getByLabel('What the backup holds')).toContainText('Letters5');
  expect(await seriousProblemsInBothSchemes(page)).toEqual([]);
  await dialog.getByRole('radio', { name: /Replace the archive/ }).check();
  await dialog.getByRole('button', { name: 'Replace the archive' }).click();
  await expect(dialog.getByRole('alert')).toHaveText(
    '“damaged.json” cannot be restored: the file is damaged or cut short: its header says 5 rows of letters, but it holds 4. The archive has not been changed.',
  );
  expect(await seriousProblemsInBothSchemes(page)).toEqual([]);
  expect(await digest(page)).toEqual(before);
});

test('the letters as JSON, in one file and one per letter, read back as the archive holds them', async ({ page, shell, appUrl }) => {
  await page.goto(appUrl);
  await expect(page.getByRole('listbox', { name: 'Councils' }).getByRole('option')).toHaveCount(4);
  const stored = await storedLetters(page);
  // Each letter whole, as the parser reads its file: the archive keeps most of its paragraphs apart from its row.
  const expected = new Map<string, { file: unknown; letter: unknown }>();
  for (const row of stored) {
    const outcome = await parseLetterFile(new Uint8Array(readFileSync(path.join(SAMPLE_FOLDER, String(row.sourceFile)))), () => Promise.reject(new Error('no PDFs here')));
    if (!outcome.ok) throw new Error(`${String(row.sourceFile)}: ${outcome.reason}`);
    expect(outcome.letter.id).toBe(row.id);
    expected.set(outcome.letter.id, { file: row.sourceFile, letter: outcome.letter });
  }
  expect(expected.size).toBe(5);

  const oneFile = path.join(out, 'letters.json');
  shell.chooseSavePath(oneFile);
  await shell.menu(page, 'export-json');
  const dialog = page.getByRole('dialog', { name: 'Export the archive' });
  await expect(dialog.getByRole('button', { name: 'All letters in one file…' })).toBeFocused();
  await shot(page, 'export-json-choices');
  await dialog.getByRole('button', { name: 'All letters in one file…' }).click();
  await expect(dialog.getByRole('status').filter({ hasText: `Saved 5 letters to ${oneFile}` })).toBeVisible({ timeout: 30_000 });
  expect(shell.offeredSaveNames.at(-1)?.kind).toBe('json');
  const entries = JSON.parse(readFileSync(oneFile, 'utf8')) as { file: string; letter: { id: string } }[];
  expect(entries).toHaveLength(5);
  for (const entry of entries) expect(entry).toEqual(expected.get(entry.letter.id));
  // Laid out as `npm run parse --json` lays it out.
  expect(readFileSync(oneFile, 'utf8')).toBe(`${JSON.stringify(entries, null, 2)}\n`);

  const folder = path.join(out, 'one per letter');
  mkdirSync(folder);
  shell.chooseJsonFolder(folder);
  await dialog.getByRole('button', { name: 'One file per letter…' }).click();
  await expect(dialog.getByRole('status').filter({ hasText: `Saved 5 files, one per letter, in ${folder}` })).toBeVisible({ timeout: 30_000 });
  await shot(page, 'export-json-done');
  expect(await seriousProblemsInBothSchemes(page)).toEqual([]);
  const files = readdirSync(folder).sort();
  expect(files).toHaveLength(5);
  for (const file of files) {
    expect(file).toMatch(/^.+ \d{4}-\d{2}-\d{2} (apa|annual-rating) [0-9a-f]{12}\.json$/);
    const entry = JSON.parse(readFileSync(path.join(folder, file), 'utf8')) as { letter: { id: string } };
    expect(entry).toEqual(expected.get(entry.letter.id));
    expect(file).toContain(entry.letter.id.slice(0, 12));
  }
  expect(existsSync(path.join(folder, '..', 'one per letter'))).toBe(true);
});

test('merge adds the letters and saved searches the archive lacks and keeps what it has', async ({ page, shell, appUrl }) => {
  await page.goto(appUrl);
  const councils = page.getByRole('listbox', { name: 'Councils' });
  await expect(councils.getByRole('option')).toHaveCount(4);
  await saveSearch(page, 'adoption', 'Adoption');
  const before = await digest(page);
  const backup = path.join(out, 'merge.json');
  shell.chooseSavePath(backup);
  await shell.menu(page, 'backup-archive');
  const backupDialog = page.getByRole('dialog', { name: 'Back up the archive' });
  await expect(backupDialog.getByRole('status')).toContainText('Backed up 5 letters', { timeout: 30_000 });
  await expect(backupDialog.getByRole('button', { name: 'Close' })).toBeFocused();
  await backupDialog.getByRole('button', { name: 'Close' }).click();

  // The samples removed; a saved search of the same name kept here with another query.
  await page.getByRole('button', { name: 'Remove sample letters' }).click();
  await expect(councils).toHaveCount(0);
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('letter-archive');
        open.onsuccess = () => {
          const tx = open.result.transaction('settings', 'readwrite');
          tx.objectStore('settings').put({ key: 'savedSearches', value: [{ name: 'Adoption', query: 'adoption -private' }, { name: 'Mine', query: 'fostering' }] });
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
  );

  const dialog = await openRestore(page, shell, backup);
  await dialog.getByRole('radio', { name: /Merge into the archive/ }).check();
  await dialog.getByRole('button', { name: 'Merge into the archive' }).click();
  await expect(dialog.getByRole('status')).toContainText('Added 5 letters (0 letters already here), 0 ticks and 0 saved searches.', { timeout: 30_000 });
  await expect(dialog.getByRole('button', { name: 'Reload' })).toBeFocused();
  // Reading the archive waits for the reloaded page, not the one going away.
  await Promise.all([page.waitForEvent('load'), dialog.getByRole('button', { name: 'Reload' }).click()]);
  await expect(councils.getByRole('option')).toHaveCount(4);
  const after = await digest(page);
  expect(after.letters).toEqual(before.letters);
  expect(after.savedSearches).toEqual([
    { name: 'Adoption', query: 'adoption -private' },
    { name: 'Mine', query: 'fostering' },
  ]);
});
