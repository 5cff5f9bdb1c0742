import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import type { Section } from '../../src-shared/letters/letter';
import { parseLetter } from '../../src-shared/letters/parse-letter';
import { expect, test } from '../support/app-fixture';
import { importCorpusAlone } from '../support/corpus-archive';
import { apaLetterAbout, letterAbout, tempFolder } from '../support/letter-folders';

/** The app with the sample letters imported; returns the search box and the results list. */
async function openApp(page: Page, appUrl: string): Promise<{ box: Locator; results: Locator }> {
  await page.goto(appUrl);
  await expect(page.getByRole('listbox', { name: 'Councils' }).getByRole('option')).toHaveCount(4);
  return {
    box: page.getByRole('searchbox', { name: 'Search letters' }),
    results: page.getByRole('listbox', { name: 'Search results' }),
  };
}

/** The letters a search lists, by their group names ("Coventry City Council, 26 November 2007, APA…"). */
async function letterGroups(results: Locator): Promise<string> {
  const names = await results.getByRole('group').evaluateAll((groups) => groups.map((g) => g.getAttribute('aria-label') ?? ''));
  return names.join('\n');
}

/** "12 sections in 5 letters" → [12, 5]. */
async function counts(page: Page): Promise<[number, number]> {
  const summary = page.locator('.pane--results .results-summary');
  await expect(summary).toHaveText(/\d+ sections? in \d+ letters?/);
  const m = /(\d+) sections? in (\d+) letters?/.exec(await summary.innerText());
  return [Number(m?.[1]), Number(m?.[2])];
}

test('"fostering" finds Leicester and Coventry', async ({ page, shell, appUrl }) => {
  void shell;
  const { box, results } = await openApp(page, appUrl);
  await box.fill('fostering');
  await expect(results.getByRole('group', { name: /^Leicester/ })).toHaveCount(1);
  await expect(results.getByRole('group', { name: /^Coventry/ })).toHaveCount(2);
  await expect(results.getByRole('option').first()).toContainText(/fostering/i);
  // The time the search took is shown with the counts.
  await expect(page.locator('.pane--results .results-summary')).toContainText(/ms|s$/);
});

for (const [misspelt, found] of [
  ['fosterring', [/^Leicester/, /^Coventry.*2009/, /^Coventry.*2007/]],
  // Only the Coventry APA of 2007 says "safeguarding".
  ['safegaurding', [/^Coventry.*2007/]],
] as const) {
  test(`a misspelt word ("${misspelt}") still finds its letters`, async ({ page, shell, appUrl }) => {
    void shell;
    const { box, results } = await openApp(page, appUrl);
    await box.fill(misspelt);
    for (const name of found) await expect(results.getByRole('group', { name })).toHaveCount(1);
  });
}

test('council:coventry grade:2 finds the Staying safe section of the 2007 letter', async ({ page, shell, appUrl }) => {
  void shell;
  const { box, results } = await openApp(page, appUrl);
  await box.fill('council:coventry grade:2');
  const letter2007 = results.getByRole('group', { name: /^Coventry.*2007/ });
  await expect(letter2007.getByRole('option', { name: /Staying safe/ })).toBeVisible();
  expect(await letterGroups(results)).not.toMatch(/Leicester|Stoke|Worcestershire/);
});

test('a phrase finds only the letters with those words together', async ({ page, shell, appUrl }) => {
  void shell;
  const { box, results } = await openApp(page, appUrl);
  // Both words apart: Worcestershire writes of "similar local authorities".
  await box.fill('similar authorities');
  await expect(results.getByRole('group', { name: /^Worcestershire/ })).toHaveCount(1);

  await box.fill('"similar authorities"');
  await expect(results.getByRole('group', { name: /^Leicester/ })).toHaveCount(1);
  await expect(results.getByRole('group', { name: /^Stoke/ })).toHaveCount(1);
  await expect(results.getByRole('group')).toHaveCount(2);
  expect(await letterGroups(results)).not.toMatch(/Worcestershire|Coventry/);
});

test('opening a result marks every hit in the letter, and next moves from hit to hit', async ({ page, shell, appUrl }) => {
  void shell;
  const { box, results } = await openApp(page, appUrl);
  await box.fill('fostering');
  await results.getByRole('group', { name: /^Coventry.*2007/ }).getByRole('option').first().click();
  const letter = page.getByRole('article', { name: 'Letter' });
  await expect(letter).toContainText('Colin Green');

  // Every "fostering" in every section is marked, not only in the section opened.
  const marks = letter.locator('mark');
  await expect(marks.first()).toBeVisible();
  const sectionText = (await letter.locator('.letter-section').allInnerTexts()).join('\n');
  const times = sectionText.match(/\bfostering\b/gi)?.length ?? 0;
  expect(times).toBeGreaterThanOrEqual(4);
  const marked = await marks.allInnerTexts();
  expect(marked.filter((t) => /^fostering$/i.test(t))).toHaveLength(times);
  expect(marked.every((t) => /^foster/i.test(t))).toBe(true);
  expect(await letter.locator('.letter-section:has(mark)').count()).toBeGreaterThanOrEqual(2);

  const hits = page.getByRole('group', { name: 'Search hits in this letter' });
  const counter = hits.locator('.hit-count');
  await expect(counter).toHaveText(new RegExp(`^Hit \\d+ of ${marked.length}$`));
  const position = async (): Promise<number> => Number(/^Hit (\d+)/.exec(await counter.innerText())?.[1]);
  const currentMark = (): Promise<number> =>
    letter.evaluate((article) => [...article.querySelectorAll('mark')].findIndex((m) => m.hasAttribute('data-current')));
  await expect(letter.locator('mark[data-current]')).toHaveCount(1);
  const first = await position();
  expect(await currentMark()).toBe(first - 1);

  await hits.getByRole('button', { name: 'Next hit' }).click();
  await expect(counter).toHaveText(`Hit ${(first % marked.length) + 1} of ${marked.length}`);
  expect(await currentMark()).toBe(first % marked.length);
  await expect(letter.locator('mark[data-current]')).toBeInViewport();

  // F3 and Shift+F3 anywhere, Enter and Shift+Enter in the search box.
  await page.keyboard.press('F3');
  await expect(counter).toHaveText(`Hit ${((first + 1) % marked.length) + 1} of ${marked.length}`);
  await page.keyboard.press('Shift+F3');
  await page.keyboard.press('Shift+F3');
  await expect(counter).toHaveText(`Hit ${first} of ${marked.length}`);
  await box.focus();
  await page.keyboard.press('Enter');
  await expect(counter).toHaveText(`Hit ${(first % marked.length) + 1} of ${marked.length}`);
  await hits.getByRole('button', { name: 'Previous hit' }).click();
  await expect(counter).toHaveText(`Hit ${first} of ${marked.length}`);
  expect(await currentMark()).toBe(first - 1);
});

test('clicking a facet narrows the results and adds its filter to the query', async ({ page, shell, appUrl }) => {
  void shell;
  const { box, results } = await openApp(page, appUrl);
  await box.fill('fostering');
  await expect(results.getByRole('group', { name: /^Leicester/ })).toHaveCount(1);
  const [sections, letters] = await counts(page);
  const year = page.getByRole('group', { name: 'Year' });
  await expect(year.getByRole('button', { name: /^2009 \d+ sections?$/ })).toBeVisible();
  await year.getByRole('button', { name: /^2007 / }).click();
  await expect(box).toHaveValue(/^fostering year:2007$/);
  await expect(results.getByRole('group', { name: /^Leicester/ })).toHaveCount(0);
  const [fewerSections, fewerLetters] = await counts(page);
  expect(fewerSections).toBeLessThan(sections);
  expect(fewerLetters).toBeLessThan(letters);
  expect(await letterGroups(results)).toMatch(/^Coventry.*2007/);
  await expect(year.getByRole('button', { name: /^2007 / })).toHaveAttribute('aria-pressed', 'true');
});

test('a query that cannot be fully understood says what is wrong and still lists results', async ({ page, shell, appUrl }) => {
  void shell;
  const { box, results } = await openApp(page, appUrl);
  await box.fill('fostering year:20x9');
  const problem = page.locator('#search-errors');
  await expect(problem).toHaveAttribute('role', 'status');
  await expect(problem).toContainText('year:20x9');
  // Each message is a sentence of its own.
  await expect(problem).toHaveText(/^\u201cyear:20x9\u201d was ignored: [^]*\)\. The rest of the query was searched\.$/);
  if (process.env.LETTER_ARCHIVE_SHOTS) await page.screenshot({ path: `${process.env.LETTER_ARCHIVE_SHOTS}/search-not-understood.png` });
  await expect(results.getByRole('group', { name: /^Leicester/ })).toHaveCount(1);
  await box.fill('fostering');
  await expect(problem).toBeEmpty();
});

test('year:2007 OR year:2009 finds the letters of either year, with no warning, and a warning comes only when an OR was ignored', async ({ page, shell, appUrl }) => {
  void shell;
  const { box, results } = await openApp(page, appUrl);
  const problem = page.locator('#search-errors');
  await box.fill('year:2007');
  await expect(results.getByRole('group', { name: /^Leicester/ })).toHaveCount(0);
  await expect(results.getByRole('group', { name: /^Coventry.*2007/ })).toHaveCount(1);
  const [, of2007] = await counts(page);
  await box.fill('year:2009');
  await expect(results.getByRole('group', { name: /^Coventry.*2007/ })).toHaveCount(0);
  await expect(results.getByRole('group', { name: /^Leicester/ })).toHaveCount(1);
  const [, of2009] = await counts(page);

  await box.fill('year:2007 OR year:2009');
  await expect(results.getByRole('group', { name: /^Coventry.*2007/ })).toHaveCount(1);
  await expect(results.getByRole('group', { name: /^Leicester/ })).toHaveCount(1);
  const [, either] = await counts(page);
  expect(either).toBe(of2007 + of2009);
  await expect(problem).toBeEmpty();

  // Filters of different kinds cannot be alternatives: that OR is ignored, and the box says so.
  await box.fill('council:coventry OR year:2009');
  await expect(problem).toContainText('was ignored: filters of different kinds always apply together');
  await expect(results.getByRole('group', { name: /^Coventry.*2009/ })).toHaveCount(1);
  await expect(results.getByRole('group', { name: /^Leicester/ })).toHaveCount(0);
});

/** Letters in which "adoption", "adoptions" and "addition" stand in different sections, each made from a sample letter. */
function adoptionLetters(): Record<string, string> {
  const apa = (officialName: string, displayName: string) => apaLetterAbout({ officialName, displayName }, [3, 3, 2, 3, 3, 3, 3]);
  const rating = (officialName: string, displayName: string, day: number) => letterAbout({ officialName, displayName }, day);
  return {
    // As the samples have it: "adoption" in some sections, "addition" in another.
    'kent-2007.txt': apa('Kent County Council', 'Kent'),
    // Every "adoption" written "addition": sections that hold only "addition".
    'norfolk-2007.txt': apa('Norfolk County Council', 'Norfolk').replace(/\badoption\b/g, 'addition'),
    // Its other ending.
    'devon-2007.txt': apa('Devon County Council', 'Devon').replace(/\badoption\b/g, 'adoptions'),
    'cumbria-2009.txt': rating('Cumbria County Council', 'Cumbria', 10),
    'walsall-2009.txt': rating('Walsall Metropolitan Borough Council', 'Walsall', 11).replace(/\badoption\b/g, 'addition'),
  };
}

/** The words of a section as the search reads them: its heading and everything below it, lower-cased. */
function sectionWords(section: Section): string[] {
  const text = [
    section.heading,
    ...section.paragraphs.map((b) => (b.type === 'paragraph' ? b.text : b.items.join('\n'))),
    ...section.recommendations.flatMap((r) => [r.text, ...r.items]),
    ...section.areasForDevelopment,
  ].join('\n');
  return (text.toLowerCase().replace(/[\u2018\u2019]/g, "'").match(/[\p{L}\p{N}]+(?:'[\p{L}\p{N}]+)*/gu) ?? []).map((w) => w.replace(/'s$/, ''));
}

/** Edits (insert, delete, change a letter) between two words. */
function editDistance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) next[j] = Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    row = next;
  }
  return row[b.length]!;
}

/**
 * What "adoption", typed as the last word, finds: words it begins, and the word with another
 * ending, one edit away and alike up to the last letter of the shorter ("adoptio", "adoptiom").
 */
function nearAdoption(word: string): boolean {
  if (word.startsWith('adoption')) return true;
  let common = 0;
  while (common < Math.min(word.length, 8) && word[common] === 'adoption'[common]) common++;
  return editDistance(word, 'adoption') <= 1 && common >= Math.min(word.length, 8) - 1;
}

test('"adoption" finds exactly the sections with "adoption" or its other endings, and none with only "addition"', async ({ page, shell, appUrl }) => {
  const letters = adoptionLetters();
  const folder = tempFolder('adoption');
  const expected = new Set<string>();
  let additionOnly = 0;
  for (const [name, text] of Object.entries(letters)) {
    writeFileSync(path.join(folder, name), text);
    const read = await parseLetter(new TextEncoder().encode(text));
    if (!read.ok) throw new Error(`${name} is not read as a letter: ${read.reason}`);
    for (const section of read.letter.sections) {
      const words = sectionWords(section);
      if (words.some(nearAdoption)) expected.add(`${read.letter.council.displayName} | ${section.heading}`);
      else if (words.includes('addition')) additionOnly++;
    }
  }
  // The test means something only if both kinds of section are there.
  expect(expected.size).toBeGreaterThanOrEqual(3);
  expect(additionOnly).toBeGreaterThanOrEqual(3);

  await page.goto(appUrl);
  await importCorpusAlone(page, shell, folder, Object.keys(letters).length);
  const box = page.getByRole('searchbox', { name: 'Search letters' });
  const results = page.getByRole('listbox', { name: 'Search results' });
  await box.fill('adoption');
  await expect(results.getByRole('group', { name: /^Devon/ })).toHaveCount(1);
  const [sections] = await counts(page);
  const found = await results.getByRole('group').evaluateAll((groups) =>
    groups.flatMap((g) => {
      const council = g.querySelector('.result-council')?.textContent ?? '';
      return [...g.querySelectorAll('[role="option"] .result-heading-text')].map((h) => `${council} | ${h.textContent ?? ''}`);
    }),
  );
  expect(found.sort()).toEqual([...expected].sort());
  expect(sections).toBe(expected.size);
  expect(await letterGroups(results)).not.toMatch(/^Norfolk/m);
});
