/**
 * `npm run bench [-- --letters N | --corpus <folder>]`: how search performs on a large archive.
 *
 * Makes a corpus (src-main/corpus), serves the built renderer and opens it in Debian's
 * Chromium with the same `window.archive` stand-in as the end-to-end tests, removes the
 * first run's sample letters, imports the corpus through "Import folder…", then measures:
 *
 *   - search-ready time: from the click to the import report, to the first search answered,
 *     and to the index snapshot being saved with every letter in it;
 *   - typed-query latency over 50 fixed queries, typed into the search box: the duration of
 *     the 'letter-archive:search' measure the search client records (query sent to answer
 *     back), the worker's own elapsedMs, and input event to the next frame after the answer;
 *     typed once after the import and once after each reload, the median pass judged (per-query
 *     lines give each query's median over the passes);
 *   - the same queries by brute force over every section's text in the same page;
 *   - the snapshot's size; the index load time over three reloads ('letter-archive:index-load');
 *   - the heaps of the main thread and of the search worker (CDP), after garbage collection.
 *
 * Prints one JSON object per line on stdout ({ metric, value, unit, ... }; targets carry
 * `target` and `pass`); progress goes to stderr. Targets are reported, never asserted.
 */
import { chromium, type Page } from '@playwright/test';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  bruteSearch,
  countLetters,
  dropBruteForce,
  installProbes,
  loadBruteForce,
  mainHeap,
  pageClock,
  readMeasures,
  readSnapshot,
  readImportState,
  readState,
  waitForIndexLoad,
  waitForSearch,
  type IndexLoad,
  type SearchTiming,
  timeViewOpen,
} from '../../e2e/bench/page-probes';
import { installArchiveStandIn } from '../../e2e/support/archive-stand-in';
import { CHROMIUM_ARGS, findChromium } from '../../e2e/support/browser-path';
import { serveFolder } from '../../e2e/support/static-server';
import { CONTENT_SECURITY_POLICY } from '../../src-shared/content-security-policy';
import { BENCH_USAGE, parseBenchArgs, type BenchOptions } from '../bench/bench-args';
import { importLines, type ImportMeasure, type IndexMeasure } from '../bench/import-figures';
import { measureParserFloor } from '../bench/parser-floor';
import { TraceProbe, threadTimes } from '../bench/trace-probe';
import { HeapProbe, busyMs, selfTimes, type CpuProfile, type HeapFigures } from '../bench/heap-probe';
import { BENCH_QUERIES, WARM_UP_QUERIES, naiveQuery } from '../bench/queries';
import { idbDiskLine, levelDbLogs, levelDbSettled } from '../bench/idb-disk';
import { median, percentile, round } from '../../src-shared/stats';
import { makeCorpus } from '../corpus/build-corpus';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const RENDERER = path.join(repoRoot, process.env.LETTER_ARCHIVE_OUT ?? 'out', 'renderer');
const SAMPLE_FOLDER = path.join(repoRoot, 'resources', 'sample-letters');
const MB = 1024 * 1024;
const RELOADS = 3;
const PROBE_QUERY = 'safeguarding';
/** The targets at 10,000 letters (issue 12); at 30,000 or more, searches may take twice as long and the worker twice the memory. */
const TARGETS = { p95Ms: 10, p50Ms: 10, bruteRatio: 20, loadMs: 1000, heapMB: 300 };
const LARGE_ARCHIVE = 30_000;
function scaleTargets(letters: number): void {
  if (letters < LARGE_ARCHIVE) return;
  TARGETS.p95Ms = 20;
  TARGETS.heapMB = 600;
}

type Line = { metric: string; value: number | string | null; unit: string } & Record<string, unknown>;

function emit(line: Line): void {
  process.stdout.write(`${JSON.stringify(line)}\n`);
}

/** A line with a target beside it: pass is null when the figure could not be measured. */
function emitTarget(line: Line, target: string, pass: (v: number) => boolean): void {
  emit({ ...line, target, pass: typeof line.value === 'number' ? pass(line.value) : null });
}

function log(message: string): void {
  process.stderr.write(`[bench] ${message}\n`);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Files under a folder and their total size. */
function measureFolder(folder: string): { files: number; bytes: number } {
  const total = { files: 0, bytes: 0 };
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) {
      const inner = measureFolder(full);
      total.files += inner.files;
      total.bytes += inner.bytes;
    } else if (entry.isFile()) {
      total.files++;
      total.bytes += statSync(full).size;
    }
  }
  return total;
}

/** Clears the search box, types the query key by key, and waits for its answer. */
async function typeQuery(page: Page, query: string): Promise<SearchTiming> {
  // Found by CSS, not by role: Playwright finds a role by walking the whole page and working out
  // each element's role and whether it is hidden, some 24 ms a look-up over a page that keeps the
  // compare grid, on the same two cores as the app (2.5 s of the page's thread in a pass of 50).
  const box = page.locator('input[type="search"][aria-label="Search letters"]');
  await box.fill('');
  await box.pressSequentially(query);
  return page.evaluate(waitForSearch, { query, timeoutMs: 120_000 });
}

/**
 * One pass over the benchmark's queries: the warm-up queries, then the 50, each typed and
 * answered. With `profileTo`, the search worker's CPU is profiled over the 50 and the profile
 * written there. A search that never answers ends the pass with what was measured.
 */
async function typePass(page: Page, heap: HeapProbe | null, profileTo: string | null): Promise<SearchTiming[]> {
  log(`typing ${BENCH_QUERIES.length} queries (after ${WARM_UP_QUERIES.length} to warm up)`);
  const timings: SearchTiming[] = [];
  try {
    for (const query of WARM_UP_QUERIES) await typeQuery(page, query);
    const profiling = heap && profileTo ? await heap.startProfiling(/search/i) : 0;
    for (const { query } of BENCH_QUERIES) timings.push(await typeQuery(page, query));
    if (heap && profileTo && profiling > 0) {
      const [taken] = await heap.stopProfiling(/search/i);
      if (taken) {
        writeFileSync(profileTo, JSON.stringify(taken.profile));
        emit({ metric: 'cpu_profile', value: profileTo, unit: 'file', worker: taken.url, selfTimeMs: selfTimes(taken.profile) });
      }
    }
  } catch (error) {
    log(`typing stopped after ${timings.length} of ${BENCH_QUERIES.length} queries: ${error instanceof Error ? error.message : String(error)}`);
  }
  return timings;
}

/**
 * The typed-query figures. Each pass (after the import, then after each reload: a new worker
 * with empty caches, the index loaded from its snapshot) gives its own figures; the targets
 * are judged on the median pass by p95 (of an even number, the slower of the middle two), so
 * one pass unsettled by the machine does not decide them. Every pass's figures are printed
 * beside it, and how many passes were cut short by a search that never answered.
 */
function emitLatencies(passes: readonly SearchTiming[][], method: 'measure' | 'dom', brute: readonly { ms: number; count: number }[]): void {
  const latency = (t: SearchTiming | undefined) => (t === undefined ? null : method === 'measure' ? t.measureMs : t.inputToResultsMs);
  const numbers = (values: readonly (number | null | undefined)[]) => values.filter((v): v is number => typeof v === 'number');
  const measured = passes.filter((pass) => pass.length > 0);
  const cutShort = passes.filter((pass) => pass.length < BENCH_QUERIES.length).length;
  const figures = measured.map((pass) => {
    const times = numbers(pass.map(latency));
    const workers = numbers(pass.map((t) => t.workerMs));
    const drawn = numbers(pass.map((t) => t.inputToResultsMs));
    return {
      p50: percentile(times, 50),
      p95: percentile(times, 95),
      workerP50: workers.length ? percentile(workers, 50) : null,
      workerP95: workers.length ? percentile(workers, 95) : null,
      drawnP50: drawn.length ? percentile(drawn, 50) : null,
      drawnP95: drawn.length ? percentile(drawn, 95) : null,
    };
  });
  const byP95 = [...figures].sort((a, b) => a.p95 - b.p95);
  const judged = byP95[Math.floor(byP95.length / 2)];
  const bruteP95 = percentile(brute.map((b) => b.ms), 95);
  const how =
    method === 'measure'
      ? "duration of the client's 'letter-archive:search' performance measure (query sent to answer back), per query typed into the search box"
      : "from the last keystroke to the results summary (the app records no 'letter-archive:search' measures)";
  const source = figures.length > 1 ? `${how}; the median of ${figures.length} passes by p95 (after the import, then after each reload)` : how;
  const common = { unit: 'ms', queries: BENCH_QUERIES.length, passesCutShort: cutShort, source };
  emitTarget({ metric: 'query_latency_p50', value: round(judged?.p50), ...common, passes: figures.map((f) => round(f.p50)) }, `<= ${TARGETS.p50Ms} ms`, (v) => v <= TARGETS.p50Ms);
  emitTarget({ metric: 'query_latency_p95', value: round(judged?.p95), ...common, passes: figures.map((f) => round(f.p95)) }, `<= ${TARGETS.p95Ms} ms`, (v) => v <= TARGETS.p95Ms);
  if (judged?.workerP95 != null) {
    emit({
      metric: 'query_worker_ms',
      value: round(judged.workerP95),
      unit: 'ms',
      p50: round(judged.workerP50),
      p95: round(judged.workerP95),
      passesP95: figures.map((f) => round(f.workerP95)),
      source: "detail.elapsedMs of the 'letter-archive:search' measures, in the judged pass (passesP95: each pass's p95, to set beside query_latency_p95's: the rest of a measure is the message there and back and the page's thread)",
    });
  }
  emit({
    metric: 'input_to_results_ms',
    value: round(judged?.drawnP95),
    unit: 'ms',
    p50: round(judged?.drawnP50),
    p95: round(judged?.drawnP95),
    source: "last keystroke's input event to the first animation frame after the answer; includes the search box's debounce; in the judged pass",
  });
  // Judged on every pass, not only the median one: the slowest pass's ratio.
  const ratios = figures.map((f) => bruteP95 / f.p95);
  emitTarget(
    { metric: 'brute_vs_indexed_p95', value: ratios.length ? round(Math.min(...ratios), 1) : null, unit: 'x', judged: 'the lowest of the passes', passes: ratios.map((r) => round(r, 1)) },
    `>= ${TARGETS.bruteRatio}x in every pass`,
    (v) => v >= TARGETS.bruteRatio,
  );
  BENCH_QUERIES.forEach((q, i) => {
    const times = numbers(measured.map((pass) => latency(pass[i])));
    const workers = numbers(measured.map((pass) => pass[i]?.workerMs));
    const drawn = numbers(measured.map((pass) => pass[i]?.inputToResultsMs));
    perQueryLines.push({
      metric: 'query',
      value: q.query,
      unit: 'query',
      group: q.group,
      indexedMs: times.length ? round(median(times)) : null,
      passesMs: times.map((v) => round(v)),
      workerMs: workers.length ? round(median(workers)) : null,
      workerPassesMs: workers.map((v) => round(v)),
      inputToResultsMs: drawn.length ? round(median(drawn)) : null,
      bruteMs: round(brute[i]?.ms),
      bruteSections: brute[i]?.count ?? null,
    });
  });
}

/** Per-query lines, printed with --per-query. */
const perQueryLines: Line[] = [];

/** The first run loads the five samples; they are taken out again so only the corpus is measured. */
async function removeSamples(page: Page): Promise<void> {
  const remove = page.getByRole('button', { name: 'Remove sample letters' });
  try {
    await remove.waitFor({ timeout: 60_000 });
    await remove.click();
  } catch {
    log('no "Remove sample letters" button appeared; the samples (if any) stay in the archive');
    return;
  }
  for (let i = 0; i < 200 && (await page.evaluate(countLetters)) > 0; i++) await sleep(100);
  // The councils pane must show the emptied archive too: a council of the samples still listed
  // when the import starts would be taken for the first council the import shows.
  const listed = page.locator('.pane--councils [role="option"]');
  for (let i = 0; i < 200 && (await listed.count()) > 0; i++) await sleep(50);
  log(`sample letters removed; ${await page.evaluate(countLetters)} letters in the archive, ${await listed.count()} councils listed`);
}

interface ImportOutcome {
  /** Searches typed while the import ran (at a quarter, a half and three quarters of the files): their latency. */
  during: { atFiles: number; measureMs: number | null; workerMs: number | null }[];
  finished: boolean;
  ms: number | null;
  clickAt: number;
  added: number | null;
  duplicates: number | null;
  notImported: number | null;
}

/** Writes each thread's profile of the import into `folder`, and prints how busy each thread was and on what. */
function writeImportProfiles(profiles: { url: string; thread: string; profile: CpuProfile }[], folder: string): void {
  mkdirSync(folder, { recursive: true });
  const seen = new Map<string, number>();
  for (const { url, thread, profile } of profiles) {
    const script = thread === 'main' ? 'main' : (url.split('/').pop() ?? 'worker');
    // "parse-worker-D2bK56pq.js" is written as "parse.cpuprofile".
    const name = script.replace(/[-.][\w-]*\.js$|\.\w+$/, '');
    const n = (seen.get(name) ?? 0) + 1;
    seen.set(name, n);
    const file = path.join(folder, `${name}${n > 1 ? `-${n}` : ''}.cpuprofile`);
    writeFileSync(file, JSON.stringify(profile));
    emit({ metric: 'import_cpu_profile', value: round(busyMs(profile), 0), unit: 'ms busy', thread: script, file, selfTimeMs: selfTimes(profile, 12) });
  }
}

async function importCorpus(page: Page, files: number, timeoutMin: number): Promise<ImportOutcome> {
  await page.getByRole('button', { name: 'Import folder…' }).click();
  const began = Date.now();
  const deadline = began + timeoutMin * 60_000;
  let lastLog = began;
  let finished = false;
  const during: ImportOutcome['during'] = [];
  const probesAt = [0.25, 0.5, 0.75].map((f) => Math.round(files * f));
  for (;;) {
    const { state, done } = await page.evaluate(readImportState);
    if (state?.reportAt !== null && state?.reportAt !== undefined) {
      finished = true;
      break;
    }
    if (Date.now() > deadline) break;
    if (probesAt.length > 0 && done >= probesAt[0]!) {
      probesAt.shift();
      const timing = await typeQuery(page, PROBE_QUERY).catch(() => null);
      during.push({ atFiles: done, measureMs: timing?.measureMs ?? null, workerMs: timing?.workerMs ?? null });
      await page.getByRole('searchbox', { name: 'Search letters' }).fill('');
    }
    if (Date.now() - lastLog > 15_000) {
      lastLog = Date.now();
      log(`importing: ${done} of ${files} files after ${Math.round((Date.now() - began) / 1000)} s`);
    }
    await sleep(250);
  }
  if (!finished) {
    log(`the import did not finish within ${timeoutMin} min: cancelling it and measuring the letters imported so far`);
    await page.getByRole('button', { name: 'Cancel import' }).click();
  }
  const report = page.locator('dialog[aria-label="Import report"]');
  await report.waitFor({ timeout: 300_000 });
  const text = (await report.innerText()).replace(/,/g, '');
  const figure = (pattern: RegExp) => {
    const m = pattern.exec(text);
    return m ? Number(m[1]) : null;
  };
  const state = await page.evaluate(readState);
  await report.getByRole('button', { name: 'Close' }).click();
  const clickAt = state?.importClickAt ?? 0;
  return {
    during,
    finished,
    ms: finished && state?.reportAt ? state.reportAt - clickAt : null,
    clickAt,
    added: figure(/(\d+)\s+letters?\s+added/i),
    duplicates: figure(/(\d+)\s+duplicates?\s+skipped/i),
    notImported: figure(/(\d+)\s+files?\s+not\s+imported/i),
  };
}

/** Waits until the saved snapshot holds every stored letter; when it was saved, in page time, or null. */
async function waitForSnapshot(page: Page, letters: number, after: number, timeoutMs: number): Promise<number | null> {
  const began = Date.now();
  let lastLog = began;
  const { timeOrigin } = await page.evaluate(pageClock);
  while (Date.now() < began + timeoutMs) {
    const snapshot = await page.evaluate(readSnapshot, { bytes: false });
    const savedAt = snapshot.savedAt ? Date.parse(snapshot.savedAt) - timeOrigin : null;
    const complete = snapshot.letters !== null ? snapshot.letters >= letters : savedAt !== null && savedAt > after;
    if (complete && savedAt !== null) return savedAt;
    if (Date.now() - lastLog > 30_000) {
      lastLog = Date.now();
      log(`waiting for the index snapshot: it holds ${snapshot.letters ?? '?'} of ${letters} letters after ${Math.round((Date.now() - began) / 1000)} s`);
    }
    await sleep(2000);
  }
  log(`the index snapshot was not saved with every letter within ${Math.round(timeoutMs / 60_000)} min`);
  return null;
}

function searchWorker(figures: HeapFigures): HeapFigures['workers'][number] | undefined {
  return figures.workers.find((w) => /search/i.test(w.url));
}

/** Issue 13's target: each view opens within this after the first time. */
const VIEW_OPEN_TARGET_MS = 200;
const VIEW_REOPENINGS = 5;

/**
 * Opens each view over the archive or a council (Compare over every council, Checks, a
 * council's grades over time and its points raised) once, then again VIEW_REOPENINGS times,
 * closing it between: the time to the first frame drawn with it, first and again.
 */
async function measureViews(page: Page): Promise<void> {
  const views = [
    { view: 'compare (all councils)', open: '.view-nav button:nth-child(1)', ready: '.analysis-main:not([inert]) .compare-table tbody tr', close: '.view-nav button:nth-child(1)' },
    { view: 'checks', open: '.view-nav button:nth-child(2)', ready: '.analysis-main:not([inert]) .checks-group', close: '.view-nav button:nth-child(2)' },
    { view: 'grades over time', open: '#council-tab-grades', ready: '.timeline-table', close: '#council-tab-letter', council: true },
    { view: 'points raised', open: '#council-tab-points', ready: '.points-list, .pane--analysis .pane-empty:not(:first-child)', close: '#council-tab-letter', council: true },
  ];
  for (const v of views) {
    if (v.council) {
      // The first council: a made corpus spreads its letters evenly over the councils.
      await page.getByRole('listbox', { name: 'Councils' }).getByRole('option').first().click();
    }
    const times: (number | null)[] = [];
    for (let i = 0; i <= VIEW_REOPENINGS; i++) {
      times.push(await page.evaluate(timeViewOpen, { open: v.open, ready: v.ready, timeoutMs: 60_000 }));
      await page.locator(v.close).click();
      await page.locator(v.ready).first().waitFor({ state: 'detached', timeout: 60_000 });
    }
    const again = times.slice(1).filter((t): t is number => t !== null);
    emitTarget(
      {
        metric: 'view_open',
        value: again.length > 0 ? round(median(again), 0) : null,
        unit: 'ms',
        view: v.view,
        firstMs: round(times[0] ?? null, 0),
        againMs: times.slice(1).map((t) => round(t, 0)),
        source: 'click to the first frame drawn with the view, median of the openings after the first',
      },
      `≤ ${VIEW_OPEN_TARGET_MS} ms`,
      (ms) => ms <= VIEW_OPEN_TARGET_MS,
    );
  }
}

/** Letters of the first council opened one after another, after the one its choosing opened. */
const LETTER_OPENINGS = 6;

/**
 * Opens letters of the first council in turn, as a person reading through them does: the time
 * from the click to the first frame drawn with the letter, whose paragraphs are read from
 * beside its text (letter-paragraphs.ts). Reported, with no target of its own.
 */
async function measureLetterOpens(page: Page): Promise<void> {
  // A search left in the box (the one typed during the import) shows its results in place of the letters.
  await page.getByRole('searchbox', { name: 'Search letters' }).fill('');
  await page.getByRole('listbox', { name: 'Councils' }).getByRole('option').first().click();
  const letters = page.locator('.pane--letters [role="option"]');
  await letters.first().waitFor({ timeout: 60_000 });
  await page.locator('.letter-scroll').waitFor({ timeout: 60_000 });
  const times: (number | null)[] = [];
  const last = Math.min(LETTER_OPENINGS, (await letters.count()) - 1);
  for (let i = 1; i <= last; i++) {
    times.push(await page.evaluate(timeViewOpen, { open: '.pane--letters [role="option"]', nth: i, ready: '.letter-scroll', anew: true, timeoutMs: 60_000 }));
  }
  const opened = times.filter((t): t is number => t !== null);
  emit({
    metric: 'letter_open',
    value: opened.length > 0 ? round(median(opened), 0) : null,
    unit: 'ms',
    openedMs: times.map((t) => round(t, 0)),
    source: 'click on a letter of the first council to the first frame drawn with it, median of the letters after the first',
  });
}

async function run(options: BenchOptions): Promise<void> {
  const startedAt = Date.now();
  let corpusDir: string;
  let madeDir: string | null = null;
  if (options.corpus) {
    corpusDir = path.resolve(options.corpus);
    if (!existsSync(corpusDir) || !statSync(corpusDir).isDirectory()) throw new UsageError(`${corpusDir} is not a folder.`);
  } else {
    madeDir = mkdtempSync(path.join(os.tmpdir(), 'letter-archive-bench-'));
    corpusDir = path.join(madeDir, 'corpus');
    log(`making ${options.letters} letters in ${corpusDir}`);
  }
  try {
    const made = madeDir ? makeCorpus(repoRoot, corpusDir, options.letters, options.seed) : null;
    const found = made ? { files: made.letters, bytes: made.bytes } : measureFolder(corpusDir);
    const files = found.files;
    emit({
      metric: 'corpus',
      value: files,
      unit: made ? 'letters' : 'files',
      folder: corpusDir,
      MB: round(found.bytes / MB, 1),
      seed: made ? options.seed : null,
      apa: made?.byKind.apa ?? null,
      annualRating: made?.byKind['annual-rating'] ?? null,
    });

    const browserChoice = findChromium();
    if (!browserChoice.path) throw new Error(browserChoice.reason);
    // The policy the app:// protocol sends, as the end-to-end tests serve it.
    const server = await serveFolder(options.renderer ? path.resolve(options.renderer) : RENDERER, { 'Content-Security-Policy': CONTENT_SECURITY_POLICY });
    const launch = { executablePath: browserChoice.path, args: [...CHROMIUM_ARGS, '--enable-precise-memory-info'], headless: true };
    const viewport = { width: 1280, height: 800 };
    // By default the archive lives in a profile on disk, as in Electron's default session. An
    // off-the-record context (--incognito, as the end-to-end tests use) keeps IndexedDB in memory,
    // where Chromium refuses any one value over about 127 MB: a 10,000-letter snapshot is that big.
    const profile = options.incognito ? null : mkdtempSync(path.join(os.tmpdir(), 'letter-archive-bench-profile-'));
    const browser = profile ? null : await chromium.launch(launch);
    const context = profile ? await chromium.launchPersistentContext(profile, { ...launch, viewport }) : await browser!.newContext({ viewport });
    try {
      emit({
        metric: 'environment',
        value: context.browser()?.version() ?? browser?.version() ?? null,
        unit: 'chromium',
        profile: profile ? 'on disk (persistent context)' : 'in memory (incognito context)',
        node: process.version,
        cpus: os.cpus().length,
        memoryMB: Math.round(os.totalmem() / MB),
      });
      const page = context.pages()[0] ?? (await context.newPage());
      // What the app reports of its own troubles (the search worker's included) goes with the progress.
      page.on('pageerror', (error) => log(`page error: ${error.message}`));
      page.on('crash', () => log('the page crashed'));
      page.on('console', (message) => {
        // Chromium asks for a favicon the app does not have.
        if (message.location().url.endsWith('/favicon.ico')) return;
        if (message.type() === 'error' || message.type() === 'warning') log(`console ${message.type()}${message.worker() ? ' (worker)' : ''}: ${message.text().slice(0, 400)}`);
      });
      // A worker that ends other than by a reload or at the end has failed (the client restarts it).
      let expectWorkersToEnd = false;
      page.on('worker', (worker) => worker.on('close', () => expectWorkersToEnd || log(`worker ended: ${worker.url()}`)));
      // tsx compiles this file with esbuild's keepNames, which wraps named functions in __name():
      // functions sent into the page need it defined there.
      await page.addInitScript({ content: 'globalThis.__name ??= (fn) => fn;' });
      const standIn = { serviceMs: 0, encodeMs: 0, bytes: 0, calls: 0 };
      await installArchiveStandIn(page, {
        sampleFolder: SAMPLE_FOLDER,
        chosenFolder: () => corpusDir,
        onReadTimed: (figures) => {
          standIn.serviceMs += figures.serviceMs;
          standIn.encodeMs += figures.encodeMs;
          standIn.bytes += figures.bytes;
          standIn.calls += 1;
        },
      });
      await page.addInitScript(installProbes);
      const heap = await HeapProbe.attach(page);
      await page.goto(server.url);
      await removeSamples(page);
      Object.assign(standIn, { serviceMs: 0, encodeMs: 0, bytes: 0, calls: 0 });

      // Import, and search-ready time.
      log(`importing ${files} files through "Import folder…"`);
      if (options.importProfile) await heap.profileEverything();
      const logsBefore = profile ? levelDbLogs(profile) : null;
      const trace = options.importTrace ? await TraceProbe.start(page) : null;
      const imported = await importCorpus(page, files, options.importTimeoutMin);
      if (options.importProfile) writeImportProfiles(await heap.stopEverything(), options.importProfile);
      if (trace && options.importTrace) {
        const events = await trace.stop();
        writeFileSync(options.importTrace, JSON.stringify({ traceEvents: events }));
        for (const thread of threadTimes(events).slice(0, 8)) emit({ metric: 'import_trace_thread', value: thread.busyMs, unit: 'ms busy', cpuMs: thread.cpuMs, thread: thread.thread, selfMs: thread.selfMs, file: options.importTrace });
      }
      // The first search is typed as soon as the report shows, as a person would: counting the
      // letters first (a walk over every row) held it back by as long as the count took.
      const probe = await typeQuery(page, PROBE_QUERY).catch((error: unknown) => {
        log(`the first search after the import failed: ${error instanceof Error ? error.message : String(error)}`);
        return null;
      });
      const letters = await page.evaluate(countLetters);
      scaleTargets(letters);
      log(`import ${imported.finished ? 'finished' : 'cancelled'}: ${letters} letters in the archive`);
      emit({
        metric: 'import_finished',
        value: round(imported.ms, 0),
        unit: 'ms',
        finished: imported.finished,
        letters,
        added: imported.added,
        duplicates: imported.duplicates,
        notImported: imported.notImported,
        lettersPerSecond: imported.ms ? round(letters / (imported.ms / 1000), 1) : null,
      });
      const searchableMs = probe ? probe.answeredAt - imported.clickAt : null;
      const savedAt = await waitForSnapshot(page, letters, imported.clickAt + (imported.ms ?? 0), 10 * 60_000);
      const savedMs = savedAt === null ? null : savedAt - imported.clickAt;
      emit({
        metric: 'search_ready',
        value: savedMs === null || searchableMs === null ? null : round(Math.max(searchableMs, savedMs, imported.ms ?? 0), 0),
        unit: 'ms',
        from: 'the "Import folder…" click',
        importFinishedMs: round(imported.ms, 0),
        firstSearchAnsweredMs: round(searchableMs, 0),
        firstSearchMeasureMs: round(probe?.measureMs ?? null, 0),
        firstSearchInputToResultsMs: round(probe?.inputToResultsMs ?? null, 0),
        snapshotSavedMs: round(savedMs, 0),
        note: 'the later of: import report shown, first search answered after it, snapshot saved with every letter (when its taking began); the first search\'s measure is from the query sent to its answer, its input-to-results from the last keystroke to the results drawn',
      });
      emit({
        metric: 'import_query_latency',
        value: imported.during.some((d) => d.measureMs !== null) ? round(Math.max(...imported.during.flatMap((d) => (d.measureMs === null ? [] : [d.measureMs]))), 0) : null,
        unit: 'ms',
        queries: imported.during.map((d) => ({ atFiles: d.atFiles, ms: round(d.measureMs, 0), workerMs: round(d.workerMs, 1) })),
        source: `"${PROBE_QUERY}" typed while the import ran, at a quarter, a half and three quarters of the files: the slowest, query sent to answer back`,
      });
      const state = await page.evaluate(readState);
      const lastImport = (await page.evaluate(readMeasures, 'letter-archive:import')).at(-1) ?? null;
      log('measuring the parser alone in Node on the same files');
      const parserFloor = await measureParserFloor(corpusDir).catch((error: unknown) => {
        log(`the parser could not be measured: ${error instanceof Error ? error.message : String(error)}`);
        return null;
      });
      for (const line of importLines({
        clickAt: imported.clickAt,
        letters,
        importMs: imported.ms,
        firstCouncilAt: state?.firstCouncilAt ?? null,
        counts: state?.counts ?? [],
        longFrames: state?.longFrames ?? [],
        importMeasure: lastImport as ImportMeasure | null,
        indexAdds: (await page.evaluate(readMeasures, 'letter-archive:index-add')).filter((m) => m.startTime >= imported.clickAt) as IndexMeasure[],
        indexSaves: (await page.evaluate(readMeasures, 'letter-archive:index-save')).filter((m) => m.startTime >= imported.clickAt) as IndexMeasure[],
        standIn,
        parserFloor,
      })) {
        emit(line);
      }
      if (profile && logsBefore) {
        // LevelDB compacts for some seconds after the last write.
        await levelDbSettled(profile);
        emit(idbDiskLine(profile, logsBefore));
      }
      await measureViews(page);
      await measureLetterOpens(page);
      if (options.importOnly) {
        expectWorkersToEnd = true;
        emit({ metric: 'bench_total', value: round((Date.now() - startedAt) / 1000, 0), unit: 's' });
        await heap.detach();
        return;
      }

      const snapshot = await page.evaluate(readSnapshot, { bytes: true });
      emit({
        metric: 'index_snapshot_size',
        value: round((snapshot.bytes ?? 0) / MB, 1),
        unit: 'MB',
        chars: snapshot.chars,
        bytesUtf8: snapshot.bytes,
        rows: snapshot.rows,
        lettersInSnapshot: snapshot.letters,
        holdsEveryLetter: snapshot.letters === null ? null : snapshot.letters >= letters,
      });

      // Typed queries, answered by the index: a first pass now, one more after each reload.
      const passes: SearchTiming[][] = [];
      /** The probe for the pass the CPU profile is taken over (passes counted from 1), else null. */
      const profiling = (pass: number) => (options.cpuProfile && options.cpuProfilePass === pass ? heap : null);
      const firstPass = await typePass(page, profiling(1), options.cpuProfile);
      passes.push(firstPass);
      const method = firstPass.every((t) => t.method === 'measure') ? 'measure' : 'dom';

      const afterImport = await heap.measure();

      // The same queries by brute force, in the same page.
      log('brute force: reading every letter from IndexedDB');
      const loaded = await page.evaluate(loadBruteForce);
      const naive = BENCH_QUERIES.map((q) => naiveQuery(q.query));
      await page.evaluate(bruteSearch, naive);
      const brute = await page.evaluate(bruteSearch, naive);
      await page.evaluate(dropBruteForce);
      const bruteP95 = percentile(brute.map((b) => b.ms), 95);
      emit({
        metric: 'brute_force_latency',
        value: round(bruteP95),
        unit: 'ms',
        p50: round(percentile(brute.map((b) => b.ms), 50)),
        p95: round(bruteP95),
        sections: loaded.sections,
        textMB: round(loaded.chars / MB, 1),
        loadMs: round(loaded.ms, 0),
        source: 'every section lower-cased once, then per query: substring test per word and phrase, field tests per filter (second of two passes)',
      });
      // Index load at start-up, over reloads.
      const loads: { ms: number; workerMs: number | null; workerPhasesMs?: IndexLoad['workerPhasesMs']; source: string | null; documents: number | null; how: string }[] = [];
      let afterReload: HeapFigures | null = null;
      let mainAfterReload: { used: number; total: number } | null = null;
      // The client's measures were seen while typing: the index-load measure should be there too.
      const measured = method === 'measure';
      /** Reloads the page and waits for the index: its load measure, else the answer to a search typed at once. */
      const reloadForIndex = async () => {
        expectWorkersToEnd = true;
        await page.reload();
        expectWorkersToEnd = false;
        await heap.watch();
        const load = measured ? await page.evaluate(waitForIndexLoad, { timeoutMs: 180_000 }) : null;
        // A search typed at once waits for the index to load (or be rebuilt).
        const first = load ? null : await typeQuery(page, PROBE_QUERY).catch(() => null);
        return { load, first };
      };
      for (let i = 0; i < RELOADS; i++) {
        const { load, first } = await reloadForIndex();
        if (load) loads.push({ ...load, how: "duration of the 'letter-archive:index-load' measure (search worker started to index ready)" });
        else if (first) loads.push({ ms: first.answeredAt, workerMs: null, source: null, documents: null, how: 'no index-load measure: first search typed after the reload answered, from navigation start' });
        else {
          log(`reload ${i + 1}: the index did not load, and a search got no answer`);
          continue;
        }
        log(`reload ${i + 1}: index loaded in ${Math.round(loads[loads.length - 1]!.ms)} ms`);
        if (measured) passes.push(await typePass(page, profiling(passes.length + 1), options.cpuProfile));
      }
      emitLatencies(passes, method, brute);
      if (options.perQuery) for (const line of perQueryLines) emit(line);
      // The heaps with the index just loaded, after one more reload, so that no pass follows the
      // probe's garbage collection through the debugger (suspected, not shown, of slowing one).
      await reloadForIndex();
      // Let the worker finish what it does after loading (the warm-up) first.
      await sleep(3000);
      afterReload = await heap.measure();
      mainAfterReload = await page.evaluate(mainHeap);
      const loadMs = median(loads.map((l) => l.ms));
      emitTarget(
        {
          metric: 'index_load',
          value: round(loadMs, 0),
          unit: 'ms',
          runs: loads.map((l) => round(l.ms, 0)),
          workerLoadMs: loads.map((l) => round(l.workerMs, 0)),
          workerLoadPhasesMs: loads.map((l) => (l.workerPhasesMs ? { readMs: round(l.workerPhasesMs.readMs, 0), buildMs: round(l.workerPhasesMs.buildMs, 0), catchUpMs: round(l.workerPhasesMs.catchUpMs, 0) } : null)),
          source: loads[0]?.source ?? null,
          documents: loads[0]?.documents ?? null,
          how: loads[0]?.how ?? null,
        },
        `<= ${TARGETS.loadMs} ms`,
        (v) => v <= TARGETS.loadMs,
      );

      const worker = searchWorker(afterReload);
      emitTarget(
        {
          metric: 'heap_search_worker',
          value: worker ? round(worker.used / MB, 1) : null,
          unit: 'MB',
          jsHeapMB: worker ? round(worker.jsHeap / MB, 1) : null,
          arrayBuffersMB: worker ? round(worker.arrayBuffers / MB, 1) : null,
          afterImportMB: round((searchWorker(afterImport)?.used ?? Number.NaN) / MB, 1),
          source: worker
            ? "CDP Runtime.getHeapUsage in the search worker after collectGarbage, after a reload (index loaded from its snapshot): usedSize plus backingStorageSize (typed arrays' memory)"
            : 'the search worker could not be reached through CDP',
        },
        `<= ${TARGETS.heapMB} MB`,
        (v) => v <= TARGETS.heapMB,
      );
      emit({
        metric: 'heap_main',
        value: round(afterReload.mainUsed / MB, 1),
        unit: 'MB',
        afterImportMB: round(afterImport.mainUsed / MB, 1),
        performanceMemoryMB: mainAfterReload ? round(mainAfterReload.used / MB, 1) : null,
        source: 'CDP Runtime.getHeapUsage on the page after collectGarbage (and performance.memory.usedJSHeapSize with --enable-precise-memory-info), after a reload',
      });
      expectWorkersToEnd = true;
      emit({ metric: 'bench_total', value: round((Date.now() - startedAt) / 1000, 0), unit: 's' });
      await heap.detach();
    } finally {
      await context.close();
      await browser?.close();
      await server.close();
      if (profile) rmSync(profile, { recursive: true, force: true });
    }
  } finally {
    if (madeDir && !options.keepCorpus) rmSync(madeDir, { recursive: true, force: true });
    else if (madeDir) log(`corpus kept in ${corpusDir}`);
  }
}

class UsageError extends Error {}

async function main(): Promise<void> {
  const args = parseBenchArgs(process.argv.slice(2));
  if (args.kind === 'help') {
    process.stdout.write(`${BENCH_USAGE}\n`);
    return;
  }
  if (args.kind === 'error') {
    process.stderr.write(`${args.message}\n\n${BENCH_USAGE}\n`);
    process.exitCode = 2;
    return;
  }
  await run(args.options);
}

main().catch((error: unknown) => {
  if (error instanceof UsageError) {
    process.stderr.write(`${error.message}\n`);
    process.exitCode = 2;
    return;
  }
  process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
