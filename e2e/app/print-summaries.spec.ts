/**
 * The three printed summaries, rendered to PDF as Chromium prints them and read back with
 * pdftotext: what a committee gets on paper, with none of the app around it. Each PDF is
 * also turned into PNGs (pdftoppm) beside it in the test's output folder, to look at.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { Page, TestInfo } from '@playwright/test';
import { expect, test } from '../support/app-fixture';
import { letterWithMarkupFolder } from '../support/letter-folders';

const POPPLER = ['/usr/bin/pdftotext', '/usr/bin/pdftoppm'];
const missing = POPPLER.filter((tool) => !existsSync(tool));

/** What is on screen only: none of it may reach the paper. */
const CHROME = ['Print preview', 'Paper size', 'Save as PDF', 'Print summary', 'Import folder', 'Filter councils', 'Close'];

const COVENTRY_2007_GRADES: [string, string][] = [
  ['Overall effectiveness', '3 · Good'],
  ['Being healthy', '3 · Good'],
  ['Staying safe', '2 · Adequate'],
  ['Enjoying and achieving', '3 · Good'],
  ['Making a positive contribution', '4 · Outstanding'],
  ['Achieving economic well-being', '3 · Good'],
  ['Capacity to improve', '3 · Good'],
];

/** Prints the page to an A4 PDF, makes PNGs of it, and returns its text as laid out. */
async function printedText(page: Page, testInfo: TestInfo, name: string): Promise<string> {
  const pdf = testInfo.outputPath(`${name}.pdf`);
  await page.pdf({ path: pdf, format: 'A4', printBackground: true });
  execFileSync('/usr/bin/pdftoppm', ['-png', '-r', '60', pdf, testInfo.outputPath(name)]);
  return execFileSync('/usr/bin/pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
}

/** The lines of the text, each with its runs of spaces made one. */
function lines(text: string): string[] {
  return text.split('\n').map((line) => line.replace(/\s+/g, ' ').trim());
}

function expectNoChrome(text: string): void {
  for (const words of CHROME) expect(text, `"${words}" is on the paper`).not.toContain(words);
}

async function openCoventry2007(page: Page): Promise<void> {
  await page.getByRole('listbox', { name: 'Councils' }).getByRole('option', { name: /Coventry/ }).click();
  await page.getByRole('listbox', { name: 'Letters' }).getByRole('option', { name: /2007/ }).click();
  await expect(page.getByRole('article', { name: 'Letter' })).toContainText('Staying safe');
}

test.describe('printed summaries', () => {
  test.beforeEach(async ({ page, shell, appUrl }) => {
    void shell;
    test.skip(missing.length > 0, `needs poppler-utils: ${missing.join(', ')} not found`);
    await page.goto(appUrl);
    await expect(page.getByRole('listbox', { name: 'Councils' }).getByRole('option')).toHaveCount(4);
  });

  test('the letter summary of the Coventry 2007 APA prints its council, date, rating and seven grades', async ({ page }, testInfo) => {
    await openCoventry2007(page);
    await page.getByRole('article', { name: 'Letter' }).getByRole('button', { name: 'Print summary' }).click();
    const preview = page.getByRole('dialog', { name: 'Print preview' });
    await expect(preview.getByRole('radio', { name: 'Letter' })).toBeChecked();
    await expect(preview.getByRole('document', { name: 'Summary' })).toContainText('Capacity to improve');

    const text = await printedText(page, testInfo, 'letter-summary');
    const rows = lines(text);
    expect(text).toContain('Letter summary');
    expect(text).toContain('Coventry City Council');
    expect(text).toContain('Annual performance assessment, 26 November 2007');
    expect(text).toContain('Colin Green');
    expect(rows.some((l) => /^Overall rating 3 · Good on the APA scale/.test(l))).toBe(true);
    for (const [judgement, grade] of COVENTRY_2007_GRADES) {
      expect(rows, `${judgement} ${grade}`).toContain(`${judgement} ${grade}`);
    }
    expect(text).toContain('In the next six months');
    expect(text).toContain('In the longer term');
    expect(text).toContain('Develop a strategy for CAMHS');
    expect(text).toContain('Improve the numbers and timeliness of initial and core');
    expectNoChrome(text);
  });

  test('the letter summary of an annual rating prints the rating in words and its paragraphs', async ({ page }, testInfo) => {
    await page.getByRole('listbox', { name: 'Councils' }).getByRole('option', { name: /Leicester/ }).click();
    await expect(page.getByRole('article', { name: 'Letter' })).toContainText('Leicester City Council');
    await page.getByRole('article', { name: 'Letter' }).getByRole('button', { name: 'Print summary' }).click();
    await expect(page.getByRole('dialog', { name: 'Print preview' }).getByRole('document', { name: 'Summary' })).toContainText('Leicester');

    const text = await printedText(page, testInfo, 'letter-summary-annual-rating');
    expect(text).toContain('Annual rating, 9 December 2009');
    expect(lines(text).some((l) => /^Overall rating 2 · Performs adequately on the annual rating scale/.test(l))).toBe(true);
    expect(text).toContain("Children's services in Leicester City Council perform adequately.");
    expectNoChrome(text);
  });

  test('the council summary of Coventry prints both letters in date order with their ratings and the APA grades', async ({ page }, testInfo) => {
    await page.getByRole('listbox', { name: 'Councils' }).getByRole('option', { name: /Coventry/ }).click();
    await page.locator('.pane--councils').getByRole('button', { name: 'Print summary' }).click();
    const preview = page.getByRole('dialog', { name: 'Print preview' });
    await expect(preview.getByRole('radio', { name: 'Council' })).toBeChecked();
    await expect(preview.getByRole('document', { name: 'Summary' })).toContainText('Grades over time');

    const text = await printedText(page, testInfo, 'council-summary');
    const rows = lines(text);
    expect(text).toContain('Council summary');
    expect(text).toContain('Coventry City Council');
    expect(text).toContain('2 letters, 2007 to 2009');
    // The letters table: oldest first, each with its overall rating in words.
    const first = rows.findIndex((l) => /^26 November 2007 Annual .*3 · Good$/.test(l));
    const second = rows.findIndex((l) => /^9 December 2009 Annual rating .*3 · Performs well$/.test(l));
    expect(first).toBeGreaterThan(-1);
    expect(second).toBeGreaterThan(first);
    for (const [judgement, grade] of COVENTRY_2007_GRADES) expect(rows).toContain(`${judgement} ${grade}`);
    expect(rows).toContain('2009 9 December 2009 3 · Performs well');
    expect(text).toContain('From the letter of 26 November 2007');
    expect(text).toContain('Improve the numbers and timeliness of initial and core');
    expect(text).toContain("Children's services in Coventry City Council perform well.");
    expectNoChrome(text);
  });

  test('the archive summary lists every council of the sample archive, sorted as chosen', async ({ page }, testInfo) => {
    await page.keyboard.press('Control+p');
    const preview = page.getByRole('dialog', { name: 'Print preview' });
    await expect(preview.getByRole('radio', { name: 'Archive' })).toBeChecked();
    const summary = preview.getByRole('document', { name: 'Summary' });
    await expect(summary).toContainText('Worcestershire');
    // Weakest first: the three councils that perform adequately come before Coventry.
    const latest = summary.getByRole('columnheader', { name: /Latest overall rating/ });
    await latest.getByRole('button').click();
    await expect(latest).toHaveAttribute('aria-sort', 'descending');
    await latest.getByRole('button').click();
    await expect(latest).toHaveAttribute('aria-sort', 'ascending');

    const text = await printedText(page, testInfo, 'archive-summary');
    expect(text).toContain('Archive summary');
    expect(text).toContain('4 councils');
    expect(text).toContain('Sorted by latest overall rating, weakest first.');
    const at = (name: string): number => text.indexOf(name, text.indexOf('Sorted by'));
    for (const name of ['Coventry', 'Leicester', 'Stoke-on-Trent', 'Worcestershire']) expect(at(name), name).toBeGreaterThan(-1);
    expect(at('Leicester')).toBeLessThan(at('Stoke-on-Trent'));
    expect(at('Worcestershire')).toBeLessThan(at('Coventry'));
    expect(text).toContain('Performs adequately');
    expect(text).toMatch(/Leicester +East/);
    // Coventry's 2007 APA grades sit in its row.
    // Coventry's row carries its 2007 APA grades, as numbers under the judgements' initials.
    expect(lines(text)).toContainEqual(expect.stringMatching(/^Coventry West 3 · Performs well 2007 3 3 2 3 4 3 3$/));
    expect(text).toContain('OE overall effectiveness, BH being healthy, SS staying safe');
    expectNoChrome(text);
  });

  test('during a search, the archive summary can cover the councils found or all of them', async ({ page }, testInfo) => {
    // Only the letters of Coventry (2009) and Leicester speak of childminder.
    await page.getByRole('searchbox', { name: 'Search letters' }).fill('childminder');
    await expect(page.getByRole('listbox', { name: 'Search results' })).toContainText('Leicester');
    await page.locator('.pane--councils').getByRole('button', { name: 'Print summary' }).click();
    const preview = page.getByRole('dialog', { name: 'Print preview' });
    await preview.getByRole('radio', { name: 'Archive' }).check();
    const scope = preview.getByRole('radiogroup', { name: 'Councils' });
    await expect(scope.getByRole('radio', { name: 'Councils in the current search' })).toBeChecked();
    const summary = preview.getByRole('document', { name: 'Summary' });
    await expect(summary).toContainText('Councils with letters matching the search “childminder”');
    await expect(summary.getByRole('rowheader')).toHaveText(['Coventry', 'Leicester']);

    const text = await printedText(page, testInfo, 'archive-summary-search');
    expect(text).toContain('2 councils');
    expect(text).toContain('Councils with letters matching the search “childminder”');
    expect(text).not.toContain('Worcestershire');

    await scope.getByRole('radio', { name: 'All councils' }).check();
    await expect(summary.getByRole('rowheader')).toHaveCount(4);
    await expect(summary).toContainText('All councils in the archive');
  });

  test('a letter carrying HTML prints it as text, and none of it runs', async ({ page, shell }, testInfo) => {
    const markup = '<script>window.__pwned=1</script><b>bold</b>';
    shell.chooseFolder(letterWithMarkupFolder({ officialName: 'Walsall Metropolitan Borough Council', displayName: 'Walsall' }, markup));
    await page.getByRole('button', { name: 'Import folder…' }).click();
    const report = page.getByRole('dialog', { name: 'Import report' });
    await expect(report).toContainText(/1 letter added/);
    await report.getByRole('button', { name: 'Close' }).click();

    await page.getByRole('listbox', { name: 'Councils' }).getByRole('option', { name: /Walsall/ }).click();
    await expect(page.getByRole('article', { name: 'Letter' })).toContainText('Walsall');
    await page.getByRole('article', { name: 'Letter' }).getByRole('button', { name: 'Print summary' }).click();
    const summary = page.getByRole('dialog', { name: 'Print preview' }).getByRole('document', { name: 'Summary' });
    await expect(summary).toContainText(markup);
    await expect(summary.locator('script, b')).toHaveCount(0);

    const text = await printedText(page, testInfo, 'letter-summary-markup');
    // Long runs without spaces may wrap anywhere: compare without the white space.
    expect(text.replace(/\s+/g, '')).toContain(markup);
    expect(text).toContain('<script>');
    expect(text).toContain('Walsall');
    expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
  });
});
