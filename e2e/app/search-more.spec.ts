/**
 * A search that matches more letters than the first page lists: the count says how many there
 * are and how many are shown, "Show more" adds the next page (by mouse or keyboard) and takes
 * the focus to the first letter it added, letters imported meanwhile search again without
 * losing the pages shown, and the archive summary of the search still covers every council
 * found, not only those listed.
 */
import { generateCorpus, loadSampleTexts, writeCorpus } from '../../src-main/corpus/build-corpus';
import { loadCouncilPool } from '../../src-main/corpus/council-pool';
import { expect, REPO, test } from '../support/app-fixture';
import { importCorpusAlone } from '../support/corpus-archive';

const LETTERS = 75;
const LATER = 3;
const SEED = 5;

test('"Show more" lists the next letters of a long search, and the summary of the search covers every council found', async ({ page, shell, appUrl }, testInfo) => {
  const letters = [...generateCorpus({ letters: LETTERS, seed: SEED, samples: loadSampleTexts(REPO), councils: loadCouncilPool(REPO) })];
  const folder = testInfo.outputPath('corpus');
  writeCorpus(folder, letters);
  // Three more, imported while the search is on.
  const later = [...generateCorpus({ letters: LATER, seed: SEED + 1, samples: loadSampleTexts(REPO), councils: loadCouncilPool(REPO) })];
  const laterFolder = testInfo.outputPath('later');
  writeCorpus(laterFolder, later);
  const councils = new Set([...letters, ...later].map((l) => l.expected.council));
  expect(councils.size).toBeGreaterThan(30);
  const all = LETTERS + LATER;

  await page.goto(appUrl);
  await importCorpusAlone(page, shell, folder, LETTERS);

  // Every letter was written between 2005 and 2011.
  await page.getByRole('searchbox', { name: 'Search letters' }).fill('year:2005..2011');
  const pane = page.locator('.pane--results');
  const results = page.getByRole('listbox', { name: 'Search results' });
  const groups = results.getByRole('group');
  await expect(pane.locator('.results-summary')).toContainText(new RegExp(`sections in ${LETTERS} letters; 30 shown`));
  await expect(groups).toHaveCount(30);
  await page.screenshot({ path: testInfo.outputPath('search-more-first-page.png') });

  const more = pane.getByRole('button', { name: 'Show 30 more letters' });
  await expect(more).toHaveAccessibleDescription(`30 of ${LETTERS} letters shown`);
  const firstPage = await groups.evaluateAll((gs) => gs.map((g) => g.getAttribute('aria-label')));
  await more.click();
  await expect(groups).toHaveCount(60);
  // The first page stays as it was, and the focus goes to the first letter added, which opens.
  expect((await groups.evaluateAll((gs) => gs.map((g) => g.getAttribute('aria-label')))).slice(0, 30)).toEqual(firstPage);
  const firstAdded = groups.nth(30).getByRole('option').first();
  await expect(firstAdded).toBeFocused();
  await expect(firstAdded).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('article', { name: 'Letter' })).toContainText((await groups.nth(30).getAttribute('aria-label'))!.split(',')[0]!);
  await expect(pane.locator('.results-summary')).toContainText('; 60 shown');
  await page.screenshot({ path: testInfo.outputPath('search-more-second-page.png') });

  // Letters imported meanwhile search again, and the letters listed stay listed.
  shell.chooseFolder(laterFolder);
  await page.getByRole('button', { name: 'Import folder…' }).click();
  const report = page.getByRole('dialog', { name: 'Import report' });
  await expect(report).toContainText(`${LATER} letters added`);
  await report.getByRole('button', { name: 'Close' }).click();
  await expect(pane.locator('.results-summary')).toContainText(new RegExp(`sections in ${all} letters; 60 shown`));
  await expect(groups).toHaveCount(60);

  // The last page, from the keyboard.
  const last = pane.getByRole('button', { name: `Show the last ${all - 60} letters` });
  await last.scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('search-more-button.png') });
  await last.focus();
  await page.keyboard.press('Enter');
  await expect(groups).toHaveCount(all);
  await expect(groups.nth(60).getByRole('option').first()).toBeFocused();
  await expect(pane.getByRole('button', { name: /^Show / })).toHaveCount(0);
  await expect(pane.locator('.results-summary')).not.toContainText('shown');
  // The arrow keys go on through the letters added.
  await page.keyboard.press('ArrowDown');
  await expect(results.getByRole('option', { selected: true })).toBeFocused();

  // A new search starts again at the first page.
  await page.getByRole('searchbox', { name: 'Search letters' }).fill('year:2005..2010 kind:apa');
  await expect(pane.locator('.results-summary')).toContainText(/; 30 shown/);
  await expect(groups).toHaveCount(30);
  await page.getByRole('searchbox', { name: 'Search letters' }).fill('year:2005..2011');
  await expect(groups).toHaveCount(30);

  // The archive summary of the search: every council with a matching letter, though 30 letters are listed.
  await page.locator('.pane--councils').getByRole('button', { name: 'Print summary' }).click();
  const preview = page.getByRole('dialog', { name: 'Print preview' });
  await preview.getByRole('radio', { name: 'Archive' }).check();
  await expect(preview.getByRole('radiogroup', { name: 'Councils' }).getByRole('radio', { name: 'Councils in the current search' })).toBeChecked();
  const summary = preview.getByRole('document', { name: 'Summary' });
  await expect(summary).toContainText('Councils with letters matching the search “year:2005..2011”');
  await expect(summary.getByRole('rowheader')).toHaveCount(councils.size);
});
