/**
 * Long printed summaries, from an archive the size of a real one: 350 letters about some 140
 * councils, made by the corpus generator and imported through Import folder…. The archive
 * summary then runs over several pages, and one council has seven letters from 2005 to 2010.
 * Both are saved as A4 PDFs the way Save as PDF… makes them, read back page by page with
 * poppler, and kept as PNGs beside the PDFs (pdftoppm) to look at.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { Locator, TestInfo } from '@playwright/test';
import { generateCorpus, loadSampleTexts, writeCorpus, type CorpusLetter } from '../../src-main/corpus/build-corpus';
import { loadCouncilPool } from '../../src-main/corpus/council-pool';
import { PAGE_MARGINS_INCHES } from '../../src-main/services/print-options';
import { dateInWords } from '../../src-shared/summaries/summary-words';
import { expect, REPO, test, type FakeShell } from '../support/app-fixture';
import { importCorpusAlone } from '../support/corpus-archive';
import { expectPdf, pdfPageText, pdfPageWords, pdfToolsMissing } from '../support/pdf-text';

// Seed 3 gives 144 councils, one of them (East Sussex) with seven letters from 2005 to 2010.
const LETTERS = 350;
const SEED = 3;
const PDFTOPPM = '/usr/bin/pdftoppm';

/** The archive table's header: its two rows, as pdftotext lays them out with spaces made one. */
const ARCHIVE_HEADER = ['Latest APA grades', 'Council Region Latest overall rating Year OE BH SS EA PC EW CI'];
const LETTERS_HEADER = 'Date Kind Sent to Overall rating';
/**
 * A row's first line, spaces made one: the council and region (or their first words), the
 * latest rating, then the year of the latest APA and its seven grades, or "—" for none.
 */
const ARCHIVE_ROW = /(?:· [A-Z][a-z]+(?: [a-z]+)?|Not rated) (?:20\d\d(?: [1-4]){7}|—)$/;

/** A line with its runs of white space made one. */
const squeeze = (line: string): string => line.replace(/\s+/g, ' ').trim();

/**
 * A page's lines above its footer, as laid out (not squeezed), without the empty ones. The
 * footer is the last two lines: the title, then the date printed and the page number.
 */
function bodyLines(pageText: string): string[] {
  return pageText
    .split('\n')
    .filter((line) => line.trim() !== '')
    .slice(0, -2);
}

/**
 * How far down its printable area a page's text reaches, from 0 to 1. The footer is left
 * out: it is drawn in the bottom margin.
 */
async function filled(file: string, page: number): Promise<number> {
  const { height, words } = await pdfPageWords(file, page);
  const top = PAGE_MARGINS_INCHES.top * 72;
  const bottom = height - PAGE_MARGINS_INCHES.bottom * 72;
  const lowest = Math.max(top, ...words.filter((w) => w.yMax <= bottom).map((w) => w.yMax));
  return (lowest - top) / (bottom - top);
}

/** Checks that every page but the last is filled at least `least` of the way down. */
async function expectPagesFilled(file: string, pages: number, least: number, why: string): Promise<void> {
  for (let n = 1; n < pages; n++) expect(await filled(file, n), `page ${n} of ${pages}: ${why}`).toBeGreaterThan(least);
}

/** The corpus's councils, each with its letters' dates (ISO), oldest first. */
function councilsOf(letters: readonly CorpusLetter[]): Map<string, string[]> {
  const councils = new Map<string, string[]>();
  for (const { expected } of letters) councils.set(expected.council, [...(councils.get(expected.council) ?? []), expected.date]);
  for (const dates of councils.values()) dates.sort();
  return councils;
}

/** Saves the summary in the preview as an A4 PDF, as Save as PDF… does; returns each page's text. */
async function savePdf(preview: Locator, shell: FakeShell, testInfo: TestInfo, name: string): Promise<{ file: string; pages: string[] }> {
  const file = testInfo.outputPath(`${name}.pdf`);
  shell.choosePdfPath(file);
  await preview.getByRole('combobox', { name: 'Paper size' }).selectOption('A4');
  await preview.getByRole('button', { name: 'Save as PDF…' }).click();
  await expect(preview.getByRole('status')).toContainText(`Saved to ${file}`, { timeout: 30_000 });
  // Every page's footer: the title, the date printed, "Page i of N".
  const whole = await expectPdf(file, 'A4', shell.pdfRequests.at(-1)?.title);
  const pages: string[] = [];
  for (let n = 1; n <= whole.length; n++) pages.push(await pdfPageText(file, n));
  execFileSync(PDFTOPPM, ['-png', '-r', '60', file, testInfo.outputPath(name)]);
  return { file, pages };
}

/** The summary's headings, as on screen. */
async function headingsOf(summary: Locator): Promise<Set<string>> {
  return new Set((await summary.locator('h1, h2, h3, h4').allInnerTexts()).map(squeeze));
}

/** No page ends with a heading: its last line above the footer is never one of the summary's headings. */
function expectNoHeadingAtFoot(pages: readonly string[], headings: ReadonlySet<string>): void {
  expect(headings.size).toBeGreaterThan(0);
  pages.forEach((text, i) => {
    const last = squeeze(bodyLines(text).at(-1) ?? '');
    expect(headings.has(last), `page ${i + 1} ends with the heading "${last}"`).toBe(false);
  });
}

/** Checks the archive summary's pages: header on each page of the table, whole rows, every council. */
function expectArchivePages(pages: readonly string[], councils: readonly string[]): void {
  // The text at the left edge of each line below the table's header: the council column.
  const councilColumn: string[] = [];
  pages.forEach((text, i) => {
    const where = `page ${i + 1}`;
    const lines = bodyLines(text);
    const squeezed = lines.map(squeeze);
    const header = squeezed.indexOf(ARCHIVE_HEADER[1]!);
    if (!squeezed.some((line) => ARCHIVE_ROW.test(line))) return;
    expect(header, `${where}: the table's header row`).toBeGreaterThan(-1);
    expect(squeezed[header - 1], `${where}: the header's first row`).toBe(ARCHIVE_HEADER[0]);
    if (i > 0) {
      // On a later page the header comes first, and the row after it is a whole row: it
      // starts with its first line, not with the rest of a row cut in two.
      expect(header, `${where}: the header row at the top`).toBe(1);
      expect(squeezed[header + 1], `${where}: the first row is whole`).toMatch(ARCHIVE_ROW);
    }
    for (const line of lines.slice(header + 1)) {
      const cell = /^(\S+(?: \S+)*)/.exec(line);
      if (cell) councilColumn.push(cell[1]!);
    }
  });
  // One first line per council: no year or grade wrapped onto a line of its own.
  const rowLines = pages.flatMap((text) => bodyLines(text).map(squeeze)).filter((line) => ARCHIVE_ROW.test(line));
  expect(rowLines, 'rows with their rating, APA year and grades on one line').toHaveLength(councils.length);
  // A name wrapped over two lines reads whole again; one broken mid-word ("Buckinghamshir e") does not.
  const column = ` ${councilColumn.join(' ')} `;
  const missing = councils.filter((c) => !column.includes(` ${c} `));
  expect(missing, 'councils missing from the printed table, or broken mid-word').toEqual([]);
}

test.beforeEach(() => {
  const missing = pdfToolsMissing ?? (existsSync(PDFTOPPM) ? undefined : 'pdftoppm (poppler-utils) is not installed');
  if (missing) console.log(`Print spec skipped: ${missing}`);
  test.skip(Boolean(missing), missing);
});

test('a long archive summary and a council with seven letters print whole: headers on every page, no heading left alone', async ({
  page,
  shell,
  appUrl,
}, testInfo) => {
  const letters = [...generateCorpus({ letters: LETTERS, seed: SEED, samples: loadSampleTexts(REPO), councils: loadCouncilPool(REPO) })];
  const folder = testInfo.outputPath('corpus');
  writeCorpus(folder, letters);
  const councils = councilsOf(letters);
  const names = [...councils.keys()];

  await page.goto(appUrl);
  await importCorpusAlone(page, shell, folder, LETTERS);
  const councilList = page.getByRole('listbox', { name: 'Councils' });
  await expect(councilList.getByRole('option')).toHaveCount(councils.size);

  await test.step('the archive summary', async () => {
    await page.keyboard.press('Control+p');
    const preview = page.getByRole('dialog', { name: 'Print preview' });
    await preview.getByRole('radiogroup', { name: 'Summary' }).getByRole('radio', { name: 'Archive' }).check();
    const summary = preview.getByRole('document', { name: 'Summary' });
    await expect(summary).toContainText(`${councils.size} councils`);
    // Two header rows and one row per council.
    await expect(summary.getByRole('row')).toHaveCount(councils.size + 2);
    const headings = await headingsOf(summary);
    const { file, pages } = await savePdf(preview, shell, testInfo, 'archive-summary');

    expect(pages.length, 'the archive summary runs over several pages').toBeGreaterThanOrEqual(4);
    expect(squeeze(pages[0]!)).toContain(`Archive summary ${councils.size} councils All councils in the archive`);
    expectArchivePages(pages, names);
    expectNoHeadingAtFoot(pages, headings);
    await expectPagesFilled(file, pages.length, 0.9, 'a row is kept whole, so a page ends at most a row short');
    await preview.getByRole('button', { name: 'Close' }).click();
    await expect(preview).toBeHidden();
  });

  await test.step('the council summary of the council with the most letters', async () => {
    const [council, dates] = [...councils].sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]))[0]!;
    expect(dates.length, `${council}'s letters`).toBeGreaterThanOrEqual(6);
    // An option is named by all it shows (region, letters, rating), so it is found by its name's own text.
    await councilList.getByRole('option').filter({ has: page.getByText(council, { exact: true }) }).click();
    await page.locator('.pane--councils').getByRole('button', { name: 'Print summary' }).click();
    const preview = page.getByRole('dialog', { name: 'Print preview' });
    await expect(preview.getByRole('radio', { name: 'Council' })).toBeChecked();
    const summary = preview.getByRole('document', { name: 'Summary' });
    await expect(summary).toContainText(`${dates.length} letters, ${dates[0]!.slice(0, 4)} to ${dates.at(-1)!.slice(0, 4)}`);
    const headings = await headingsOf(summary);
    const { file, pages } = await savePdf(preview, shell, testInfo, 'council-summary');

    expect(pages.length, 'seven letters take more than a page').toBeGreaterThanOrEqual(2);
    const lines = pages.flatMap((text) => bodyLines(text).map(squeeze));
    const inWords = dates.map(dateInWords);
    // The table of letters: oldest first, each with its kind and overall rating.
    const header = lines.indexOf(LETTERS_HEADER);
    expect(header).toBeGreaterThan(-1);
    const listed = lines.slice(header + 1, lines.indexOf('Grades over time')).flatMap((line) => {
      // A row's first line: its date, then its kind (which may wrap onto the row's second line).
      const row = /^(\d{1,2} [A-Z][a-z]+ \d{4}) Annual/.exec(line);
      return row ? [row[1]] : [];
    });
    expect(listed, 'the letters table, in date order').toEqual(inWords);
    // "What each letter says": each letter under its own heading, in the same order.
    const told = lines.slice(lines.indexOf('What each letter says') + 1).flatMap((line) => {
      const heading = /^(?:Annual performance assessment|Annual rating|Annual assessment), (\d{1,2} \w+ \d{4})$/.exec(line);
      return heading ? [heading[1]] : [];
    });
    expect(told, 'what each letter says, in date order').toEqual(inWords);
    expectNoHeadingAtFoot(pages, headings);
    await expectPagesFilled(file, pages.length, 0.75, 'a letter, or a short table, moves to a new page only when its start will not fit');
    await preview.getByRole('button', { name: 'Close' }).click();
  });
});
