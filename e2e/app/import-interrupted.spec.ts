/**
 * An import is written batch by batch, each batch with its councils and its report in one
 * transaction. Closing the window at any moment must leave whole letters, councils whose
 * counts match their letters and a report that says it was interrupted; importing the
 * folder again must give exactly the archive one clean import gives.
 *
 * The archive lives in a browser profile on disk (a persistent context), so what was written
 * before the window closed is there when it opens again, as in the app.
 */
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { generateCorpus, loadSampleTexts, writeCorpus } from '../../src-main/corpus/build-corpus';
import { loadCouncilPool } from '../../src-main/corpus/council-pool';
import { createFolderService } from '../../src-main/services/folder-service';
import { expect, REPO, SAMPLE_FOLDER, test } from '../support/app-fixture';
import { installArchiveStandIn } from '../support/archive-stand-in';
import { readArchiveState, readTexts, unreferencedPacks, type ArchiveState } from '../support/archive-probe';
import { CHROMIUM_ARGS, findChromium } from '../support/browser-path';

const LETTERS = 2000;
const KILLS = 3;

/** A small seeded generator, so a failing run can be repeated from the seed it prints. */
function seeded(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 0x1_0000_0000;
  };
}

interface Stall {
  /** Milliseconds before each read answers. */
  readDelayMs: number;
  /** A read that asks for this file is never answered. */
  neverRead: string;
}

async function openWindow(profile: string, appUrl: string, folder: string, stall?: Stall): Promise<{ context: BrowserContext; page: Page }> {
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: findChromium().path,
    args: CHROMIUM_ARGS,
    headless: true,
    viewport: { width: 1280, height: 800 },
  });
  const page = context.pages()[0] ?? (await context.newPage());
  await installArchiveStandIn(page, {
    sampleFolder: SAMPLE_FOLDER,
    chosenFolder: () => folder,
    readDelayMs: () => stall?.readDelayMs ?? 0,
    holdRead: (paths) => stall !== undefined && paths.includes(stall.neverRead),
  });
  await page.goto(appUrl);
  return { context, page };
}

/** The first run brings in the samples; they are taken out, so the archive holds the corpus alone. */
async function removeSamples(page: Page): Promise<void> {
  await expect(page.getByRole('listbox', { name: 'Councils' }).getByRole('option')).toHaveCount(4, { timeout: 30_000 });
  await page.getByRole('button', { name: 'Remove sample letters' }).click();
  await expect(page.getByRole('listbox', { name: 'Councils' })).toHaveCount(0);
}

async function importToTheEnd(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Import folder…' }).click();
  const report = page.getByRole('dialog', { name: 'Import report' });
  await expect(report).toBeVisible({ timeout: 120_000 });
  await report.getByRole('button', { name: 'Close' }).click();
}

/** Every council row counts its letters and names its newest date, as the letters themselves say. */
function expectCouncilsTrue(state: ArchiveState): void {
  expect(state.partial).toBe(0);
  const rows = Object.fromEntries(state.councils.map((c) => [c.key, { count: c.letterCount, latestDate: c.latestDate }]));
  expect(rows).toEqual(state.fromLetters);
}

test('an import closed at random moments, then run again, gives the archive of one clean import', async ({ appUrl }, testInfo) => {
  test.setTimeout(420_000);
  const corpus = [...generateCorpus({ letters: LETTERS, seed: 11, samples: loadSampleTexts(REPO), councils: loadCouncilPool(REPO) })];
  const folder = testInfo.outputPath('corpus');
  writeCorpus(folder, corpus);

  // One clean import, in a profile of its own.
  const clean = await openWindow(testInfo.outputPath('clean-profile'), appUrl, folder);
  await removeSamples(clean.page);
  await importToTheEnd(clean.page);
  const expected = await readArchiveState(clean.page);
  const expectedTexts = await readTexts(clean.page);
  await clean.context.close();
  expect(expected.ids.length).toBeGreaterThan(LETTERS * 0.95);
  expectCouncilsTrue(expected);

  // The folder's last file is never read in the windows that are closed: batches are read
  // ahead of the one being written, and without this the import could end before the window closes.
  const listed = await createFolderService().listFolder(folder);
  const stall: Stall = { readDelayMs: 150, neverRead: listed.files.at(-1)!.relativePath };

  const seed = Date.now() % 100_000;
  testInfo.annotations.push({ type: 'seed', description: String(seed) });
  const random = seeded(seed);
  const profile = testInfo.outputPath('killed-profile');
  let first = true;
  let before = 0;
  for (let kill = 0; kill < KILLS; kill++) {
    // Reads slowed a little, so that batches are still to come when the window closes.
    const { context, page } = await openWindow(profile, appUrl, folder, stall);
    if (first) await removeSamples(page);
    first = false;
    // Close the window when the import has got somewhere at random: from its first batch
    // written to well before its end (the last batches are a few hundred files each).
    const at = 1 + Math.floor(random() * LETTERS * 0.7);
    await page.getByRole('button', { name: 'Import folder…' }).click();
    await page.waitForFunction(
      (n) => Number(document.querySelector('[role="progressbar"][aria-label="Import progress"]')?.getAttribute('aria-valuenow') ?? 0) >= n,
      at,
      { polling: 20, timeout: 120_000 },
    );
    await context.close();

    const reopened = await openWindow(profile, appUrl, folder);
    // The window closes the interrupted import's report as it opens the archive.
    await expect.poll(async () => (await readArchiveState(reopened.page)).reports.at(-1)?.finishedAt, { timeout: 30_000 }).not.toBe('');
    const state = await readArchiveState(reopened.page);
    expectCouncilsTrue(state);
    // Whole letters only, all of the clean import's, and never fewer than before.
    expect(state.ids.every((id) => expected.ids.includes(id))).toBe(true);
    expect(state.ids.length).toBeGreaterThanOrEqual(before);
    before = state.ids.length;
    const last = state.reports.at(-1)!;
    expect(last.finishedAt).not.toBe('');
    expect(last.cancelled).toBe(true);
    expect(last.reasons.some((reason) => /interrupted/.test(reason))).toBe(true);
    // What the report counts is what it names.
    expect(last.failed).toBe(last.reasons.length);
    await reopened.context.close();
  }

  const { context, page } = await openWindow(profile, appUrl, folder);
  await importToTheEnd(page);
  const final = await readArchiveState(page);
  expect(final.ids).toEqual(expected.ids);
  expect(final.councils).toEqual(expected.councils);
  expectCouncilsTrue(final);
  expect(final.reports.at(-1)).toMatchObject({ cancelled: false, failed: 0 });
  // Each letter's text is kept, as the clean import kept it, and no pack of texts is left over.
  expect(await readTexts(page)).toEqual(expectedTexts);
  expect(await unreferencedPacks(page)).toBe(0);
  await context.close();
});
