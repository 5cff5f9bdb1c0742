/**
 * Follow and compare, on an archive of a generated corpus whose grades are known: a council's
 * grades over the years and its chart, the compare grid with statistical neighbours and
 * sorted by change, the checks, and every table out as CSV.
 */
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Papa from 'papaparse';
import type { Page } from '@playwright/test';
import { generateCorpus, loadSampleTexts, writeCorpus, type CorpusLetter } from '../../src-main/corpus/build-corpus';
import { loadCouncilPool } from '../../src-main/corpus/council-pool';
import { trackPoints } from '../../src-shared/analysis/track-points';
import { councilByCode, directoryCouncils, statNeighboursOf } from '../../src-shared/letters/councils';
import type { Letter } from '../../src-shared/letters/letter';
import { parseLetterText } from '../../src-shared/letters/parse-letter';
import { expect, REPO, test, type FakeShell } from '../support/app-fixture';
import { importCorpusAlone } from '../support/corpus-archive';

const LETTERS = 320;
const YEARS = [2005, 2006, 2007, 2008, 2009, 2010, 2011];
const SHOTS = process.env.LETTER_ARCHIVE_SHOTS;

const corpus: CorpusLetter[] = [...generateCorpus({ letters: LETTERS, seed: 13, samples: loadSampleTexts(REPO), councils: loadCouncilPool(REPO) })];
const byCouncil = new Map<string, CorpusLetter[]>();
for (const letter of corpus) byCouncil.set(letter.expected.council, [...(byCouncil.get(letter.expected.council) ?? []), letter]);
/** The council with letters in the most years, and among those one with statistical neighbours in the corpus. */
const council = [...byCouncil.entries()]
  .map(([name, letters]) => ({ name, letters, years: new Set(letters.map((l) => l.expected.date.slice(0, 4))).size }))
  .filter(({ name }) => directoryCouncils().find((c) => c.displayName === name)?.code)
  .sort((a, b) => b.years - a.years || a.name.localeCompare(b.name))[0]!;
const code = directoryCouncils().find((c) => c.displayName === council.name)!.code!;

/** The latest letter of each year: the one whose grades the timeline shows. */
function latestOf(year: number): CorpusLetter | undefined {
  return council.letters.filter((l) => l.expected.date.startsWith(String(year))).sort((a, b) => (a.expected.date < b.expected.date ? 1 : -1))[0];
}

let folder = '';
let downloads = '';
test.beforeAll(() => {
  folder = mkdtempSync(path.join(os.tmpdir(), 'letter-archive-compare-'));
  downloads = mkdtempSync(path.join(os.tmpdir(), 'letter-archive-csv-'));
  writeCorpus(folder, corpus);
});
test.afterAll(() => {
  rmSync(folder, { recursive: true, force: true });
  rmSync(downloads, { recursive: true, force: true });
});

async function shot(page: Page, name: string): Promise<void> {
  if (SHOTS) await page.screenshot({ path: path.join(SHOTS, `${name}.png`) });
}

/** Exports through the stand-in's save dialog and reads the file back with a CSV parser. */
async function exportCsv(page: Page, shell: FakeShell, button: ReturnType<Page['getByRole']>, name: string): Promise<{ header: string[]; rows: string[][]; raw: Buffer }> {
  const target = path.join(downloads, `${name}.csv`);
  shell.chooseCsvPath(target);
  await button.click();
  await expect(page.getByRole('status').filter({ hasText: `to ${target}` })).toBeVisible({ timeout: 30_000 });
  const raw = readFileSync(target);
  const parsed = Papa.parse<string[]>(raw.toString('utf8').replace(/^\uFEFF/, ''), { skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  const [header, ...rows] = parsed.data;
  for (const row of rows) expect(row).toHaveLength(header!.length);
  return { header: header!, rows, raw };
}

test.describe.configure({ timeout: 180_000 });

test("a council's grades over time, the compare grid with its neighbours, the checks, and each as CSV", async ({ page, appUrl, shell }) => {
  // Errors in the page, and anything the Content-Security-Policy refused (the chart draws under it).
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && /Content.Security.Policy|Refused to/i.test(m.text()) && errors.push(m.text()));
  await page.goto(appUrl);
  await importCorpusAlone(page, shell, folder, LETTERS);

  // Grades over time: the table holds what the generator gave, the chart carries the numbers.
  await page.getByRole('listbox', { name: 'Councils' }).getByRole('option', { name: new RegExp(`^${council.name}\\b`) }).click();
  await page.getByRole('tab', { name: 'Grades over time' }).click();
  const table = page.locator('.timeline-table');
  await expect(table).toBeVisible();
  const line: string[] = [];
  for (const [i, year] of YEARS.entries()) {
    const latest = latestOf(year);
    const cellsOf = (row: string) => table.locator(`tr[data-row="${row}"] td`).nth(i);
    if (!latest) {
      await expect(cellsOf('overall')).toHaveText('No letter');
      continue;
    }
    line.push(`${year}:${latest.expected.grade}`);
    if (latest.expected.kind === 'apa') {
      const rows = ['overall', 'being-healthy', 'staying-safe', 'enjoying-and-achieving', 'making-a-positive-contribution', 'achieving-economic-well-being', 'capacity-to-improve'];
      for (const [r, row] of rows.entries()) await expect(cellsOf(row)).toHaveAttribute('data-grade', String(latest.expected.grades[r]));
    } else {
      await expect(cellsOf('rating')).toHaveAttribute('data-grade', String(latest.expected.grade));
    }
  }
  const chart = page.locator('svg.grade-chart');
  await expect(chart).toHaveAttribute('data-points', line.join(' '));
  await expect(chart.locator('.grade-chart-point')).toHaveCount(line.length);
  const first = line[0]!.split(':');
  await expect(chart.locator('desc')).toContainText(`${first[0]}: ${first[1]}`);
  await shot(page, 'grades-over-time');

  const timelineCsv = await exportCsv(page, shell, page.getByRole('button', { name: 'Export CSV…' }), 'timeline');
  expect([...timelineCsv.raw.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  expect(timelineCsv.header).toEqual(['Council', 'Grade', ...YEARS.map(String)]);
  expect(timelineCsv.rows).toHaveLength(9);

  // A badge opens its letter at the section.
  await table.locator('tr[data-row="overall"] td[data-grade] button, tr[data-row="rating"] td[data-grade] button').first().click();
  await expect(page.getByRole('tab', { name: 'Letter' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('article', { name: 'Letter' })).toBeVisible();

  // Compare with the statistical neighbours: the council and its neighbours that are in the archive.
  await page.getByRole('button', { name: 'Compare' }).click();
  const view = page.getByRole('region', { name: 'Compare councils' });
  await view.getByLabel('Councils').selectOption('neighbours');
  await view.getByLabel('Council', { exact: true }).selectOption({ label: council.name });
  const inCorpus = new Set(corpus.map((l) => l.expected.council));
  const neighbours = statNeighboursOf(code).filter((c) => inCorpus.has(c.displayName));
  expect(neighbours.length).toBeGreaterThan(0);
  const grid = view.locator('.compare-table');
  await expect(grid.locator('tbody tr')).toHaveCount(1 + neighbours.length);
  await expect(grid.locator('tbody tr').first()).toHaveAttribute('aria-current', 'true');
  expect(await grid.locator('tbody tr th').allTextContents()).toEqual([`${council.name} (chosen)`, ...neighbours.map((n) => n.displayName)]);
  await shot(page, 'compare-neighbours');
  const neighbourCsv = await exportCsv(page, shell, view.getByRole('button', { name: 'Export CSV…' }), 'neighbours');
  expect(neighbourCsv.header).toEqual(['Council', 'Region', 'DfE code', ...YEARS.map(String), 'Change 2005 to 2011']);
  expect(neighbourCsv.rows.slice(0, 1 + neighbours.length).map((r) => r[0])).toEqual([council.name, ...neighbours.map((n) => n.displayName)]);
  expect(neighbourCsv.rows.slice(0, 1 + neighbours.length).map((r) => r[2])).toEqual([code, ...neighbours.map((n) => councilByCode(n.code!)!.code)]);

  // Every council, sorted by the change from 2005 to 2009: the changes run from the largest down, the unknown last.
  await view.getByLabel('Councils').selectOption('all');
  await view.getByLabel('to', { exact: true }).selectOption('2009');
  await view.getByRole('button', { name: /Change 2005–2009/ }).click();
  await expect(view.getByRole('columnheader', { name: /Change 2005–2009/ })).toHaveAttribute('aria-sort', 'descending');
  const changes = (await grid.locator('tbody td.compare-change').allTextContents()).map((t) => (t === '–' ? null : Number(t)));
  const known = changes.filter((c): c is number => c !== null);
  expect(known.length).toBeGreaterThan(3);
  expect(known).toEqual([...known].sort((a, b) => b - a));
  expect(changes.slice(known.length).every((c) => c === null)).toBe(true);
  await shot(page, 'compare-by-change');

  // Print the grid: a fourth summary, on paper turned sideways.
  await view.getByRole('button', { name: 'Print…' }).click();
  const preview = page.getByRole('dialog', { name: 'Print preview' });
  await expect(preview.getByRole('radio', { name: 'Compare grid' })).toBeChecked();
  await expect(preview.locator('.print-paper')).toHaveAttribute('data-landscape', 'true');
  await expect(preview.locator('.compare-table tbody tr')).toHaveCount(await grid.locator('tbody tr').count());
  await shot(page, 'compare-print-preview');
  const pdf = path.join(downloads, 'compare.pdf');
  shell.choosePdfPath(pdf);
  await preview.getByRole('button', { name: 'Save as PDF…' }).click();
  await expect(preview.getByRole('status')).toContainText(`Saved to ${pdf}`, { timeout: 60_000 });
  expect(shell.pdfRequests.at(-1)).toMatchObject({ landscape: true });
  // Every page of the PDF is wider than it is tall.
  const boxes = [...readFileSync(pdf, 'latin1').matchAll(/\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/g)].map((m) => [Number(m[1]), Number(m[2])] as const);
  expect(boxes.length).toBeGreaterThan(0);
  for (const [width, height] of boxes) expect(width).toBeGreaterThan(height);
  if (SHOTS) copyFileSync(pdf, path.join(SHOTS, 'compare.pdf'));
  await preview.getByRole('button', { name: 'Close' }).click();

  // Checks: each line opens what it is about; the list exports.
  await page.getByRole('button', { name: 'Checks' }).click();
  const checks = page.getByRole('region', { name: 'Checks' });
  const lines = checks.locator('.checks-line');
  await expect(lines.first()).toBeVisible();
  const count = await lines.count();
  await shot(page, 'checks');
  const checksCsv = await exportCsv(page, shell, checks.getByRole('button', { name: 'Export CSV…' }), 'checks');
  expect(checksCsv.header).toEqual(['Check', 'Council', 'What', 'Letter id']);
  expect(checksCsv.rows).toHaveLength(count);
  const gap = checks.locator('.checks-line', { hasText: 'no letter for' }).first();
  const gapCouncil = await gap.locator('.checks-council').textContent();
  await gap.click();
  await expect(page.getByRole('tab', { name: 'Grades over time' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.locator('.analysis-title .pane-subtitle')).toHaveText(gapCouncil!);

  // The whole archive: a row per letter, a row per section.
  await page.getByRole('button', { name: 'Export…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export the archive' });
  const letters = await exportCsv(page, shell, dialog.getByRole('button', { name: 'One row per letter…' }), 'letters');
  expect(letters.rows).toHaveLength(LETTERS);
  expect(letters.header.slice(0, 6)).toEqual(['Letter id', 'Council', 'DfE code', 'Region', 'Kind', 'Date']);
  const sections = await exportCsv(page, shell, dialog.getByRole('button', { name: 'One row per section…' }), 'sections');
  expect(new Set(sections.rows.map((r) => r[0])).size).toBe(LETTERS);
  expect(sections.rows.length).toBeGreaterThan(LETTERS * 3);
  expect(errors).toEqual([]);
});

test('points raised: a repeated recommendation is flagged, and a tick with its note survives a reload and a re-import', async ({ page, appUrl, shell }) => {
  // The council whose letters repeat a point most, by the same measure the app uses.
  const parsed = await Promise.all(corpus.map(async (l) => ({ name: l.expected.council, outcome: await parseLetterText(l.text) })));
  const lettersOf = new Map<string, Letter[]>();
  for (const { name, outcome } of parsed) if (outcome.ok) lettersOf.set(name, [...(lettersOf.get(name) ?? []), outcome.letter]);
  const [name, letters] = [...lettersOf.entries()]
    .map(([n, ls]) => [n, ls, trackPoints(ls).flatMap((g) => g.points).filter((p) => p.repeats).length] as const)
    .sort((a, b) => b[2] - a[2] || a[0].localeCompare(b[0]))[0]!;
  const points = trackPoints(letters).flatMap((g) => g.points);
  const repeated = points.filter((p) => p.repeats);
  expect(repeated.length).toBeGreaterThan(0);

  await page.goto(appUrl);
  await importCorpusAlone(page, shell, folder, LETTERS);
  await page.getByRole('listbox', { name: 'Councils' }).getByRole('option', { name: new RegExp(`^${name}\\b`) }).click();
  await page.getByRole('tab', { name: 'Points raised' }).click();
  const list = page.locator('.points-list > li');
  await expect(list).toHaveCount(points.length);
  await expect(page.locator('.point-repeat')).toHaveCount(repeated.length);
  const again = repeated[0]!;
  await expect(page.locator(`li[data-point="${again.pointId}"] .point-repeat`)).toHaveText(
    again.firstRaised!.year === again.year ? new RegExp(`^Raised again in ${again.year}`) : `Raised again in ${again.year}, first raised ${again.firstRaised!.year}`,
  );

  // Tick it off with a date and a note.
  const item = page.locator(`li[data-point="${again.pointId}"]`);
  await item.getByRole('checkbox', { name: 'Dealt with' }).check();
  await item.getByLabel('on').fill('2010-06-30');
  await item.getByRole('textbox', { name: 'Note' }).fill('Covered by the 2010 improvement plan, £2m – “done”');
  await item.getByRole('textbox', { name: 'Note' }).press('Enter');
  await expect(item).toHaveClass(/point--done/);
  await shot(page, 'points-raised');

  const check = async () => {
    await page.getByRole('listbox', { name: 'Councils' }).getByRole('option', { name: new RegExp(`^${name}\\b`) }).click();
    await page.getByRole('tab', { name: 'Points raised' }).click();
    const ticked = page.locator(`li[data-point="${again.pointId}"]`);
    await expect(ticked.getByRole('checkbox', { name: 'Dealt with' })).toBeChecked();
    await expect(ticked.getByLabel('on')).toHaveValue('2010-06-30');
    await expect(ticked.getByRole('textbox', { name: 'Note' })).toHaveValue('Covered by the 2010 improvement plan, £2m – “done”');
  };
  await page.reload();
  await check();
  shell.chooseFolder(folder);
  await page.getByRole('button', { name: 'Import folder…' }).click();
  const report = page.getByRole('dialog', { name: 'Import report' });
  await expect(report).toContainText('0 letters added', { timeout: 60_000 });
  await report.getByRole('button', { name: 'Close' }).click();
  await check();

  // The list out as CSV, the note with its pound sign and curly quotes intact.
  const csv = await exportCsv(page, shell, page.getByRole('button', { name: 'Export CSV…' }), 'points');
  expect(csv.rows).toHaveLength(points.length);
  const row = csv.rows.find((r) => r[10] === again.letterId && r[5] === again.text)!;
  expect(row.slice(8, 10)).toEqual(['2010-06-30', 'Covered by the 2010 improvement plan, £2m – “done”']);
  expect(row[6]).toBe(String(again.repeats!.year));

  // And with every other tick in the archive's export of the person's own data.
  await page.getByRole('button', { name: 'Export…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export the archive' });
  const ticks = await exportCsv(page, shell, dialog.getByRole('button', { name: 'Your ticks and notes…' }), 'ticks');
  expect(ticks.rows.map((r) => r.slice(0, 4))).toEqual([[name, again.text, '2010-06-30', 'Covered by the 2010 improvement plan, £2m – “done”']]);
});

test('a view kept for its next opening shows what changed in the archive meanwhile', async ({ page, appUrl, shell }) => {
  void shell; // The stand-in for the desktop shell, which brings in the sample letters on first run.
  await page.goto(appUrl);
  await expect(page.getByRole('listbox', { name: 'Councils' }).getByRole('option')).toHaveCount(4);
  await page.getByRole('button', { name: 'Compare' }).click();
  const view = page.getByRole('region', { name: 'Compare councils' });
  await view.getByLabel('Councils').selectOption('all');
  await expect(view.locator('.compare-table tbody tr')).toHaveCount(4);
  await view.getByRole('button', { name: 'Back to letters' }).click();
  await page.getByRole('button', { name: 'Remove sample letters' }).click();
  await expect(page.getByRole('listbox', { name: 'Councils' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Compare' }).click();
  await expect(view.getByText('No councils to compare.')).toBeVisible();
});
