/**
 * The app in Chromium, with `window.archive` backed by the real main-process services
 * running in this Node process (see archive-stand-in.ts). Only Electron's IPC transport and
 * dialogs are stood in for: page.exposeFunction carries the calls, and files' bytes come over HTTP.
 */
import { test as base, expect, type Page } from '@playwright/test';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { MenuCommand, PdfRequest, PrintRequest, StreamedFileKind } from '../../src-shared/bridge';
import { CONTENT_SECURITY_POLICY } from '../../src-shared/content-security-policy';
import { installArchiveStandIn } from './archive-stand-in';
import { CHROMIUM_ARGS, findChromium } from './browser-path';
import { serveFolder, type RunningServer } from './static-server';

export const REPO = fileURLToPath(new URL('../../', import.meta.url));
export const SAMPLE_FOLDER = path.join(REPO, 'resources', 'sample-letters');
const RENDERER = path.join(REPO, process.env.LETTER_ARCHIVE_OUT ?? 'out', 'renderer');
const browser = findChromium();

/** The stand-in for Electron's side of the bridge, steered by the test. */
export interface FakeShell {
  /** What the folder dialog answers next (null: the person cancelled). */
  chooseFolder(folder: string | null): void;
  /** Slows each readFiles call, so a test can cancel an import half-way. */
  slowReads(ms: number): void;
  /** Every folder the service was asked to list. */
  readonly listed: string[];
  /** The files it returned bytes for, relative to the folder they were read from. */
  readFrom(folder: string): string[];
  /** What the Save as PDF dialog answers next (null: the person cancelled). Cancels until told. */
  choosePdfPath(file: string | null): void;
  /** The file names the Save as PDF dialog offered, one per time it opened. */
  readonly offeredPdfNames: string[];
  /** What the save dialog of saveCsv answers next (null: the person cancelled). Cancels until told. */
  chooseCsvPath(file: string | null): void;
  /** The file names the CSV save dialog offered, one per time it opened. */
  readonly offeredCsvNames: string[];
  /** What the save dialog of a backup or JSON file answers next (null: the person cancelled). Cancels until told. */
  chooseSavePath(file: string | null): void;
  /** The file names that save dialog offered, with the kind of file, one per time it opened. */
  readonly offeredSaveNames: { name: string; kind: StreamedFileKind }[];
  /** What the folder dialog for one JSON file per letter answers next (null: cancelled). Cancels until told. */
  chooseJsonFolder(folder: string | null): void;
  /** Every request print() was given; the stand-in answers each with "printed". */
  readonly printRequests: PrintRequest[];
  /** Every request saveAsPdf() was given, cancelled or not. */
  readonly pdfRequests: PdfRequest[];
  /** Every file the app asked the system to open with Open original. */
  readonly openedOriginals: string[];
  /** Sends a menu command to the window, as the application menu does. */
  menu(page: Page, command: MenuCommand): Promise<void>;
}

type Fixtures = { shell: FakeShell; appUrl: string };
type WorkerFixtures = { server: RunningServer };

export const test = base.extend<Fixtures, WorkerFixtures>({
  server: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      // The same policy the app:// protocol sends, so the tests run under it.
      const server = await serveFolder(RENDERER, { 'Content-Security-Policy': CONTENT_SECURITY_POLICY });
      await use(server);
      await server.close();
    },
    { scope: 'worker' },
  ],
  appUrl: async ({ server }, use) => use(server.url),
  launchOptions: async ({ launchOptions }, use) => {
    await use({ ...launchOptions, executablePath: browser.path, args: [...CHROMIUM_ARGS, ...(launchOptions.args ?? [])] });
  },
  shell: async ({ page }, use) => {
    let chosen: string | null = null;
    let delay = 0;
    const listed: string[] = [];
    const read: { root: string; file: string }[] = [];
    let pdfPath: string | null = null;
    const offeredPdfNames: string[] = [];
    let csvPath: string | null = null;
    const offeredCsvNames: string[] = [];
    let savePath: string | null = null;
    const offeredSaveNames: { name: string; kind: StreamedFileKind }[] = [];
    let jsonFolder: string | null = null;
    const printRequests: PrintRequest[] = [];
    const pdfRequests: PdfRequest[] = [];
    const openedOriginals: string[] = [];
    await installArchiveStandIn(page, {
      sampleFolder: SAMPLE_FOLDER,
      chosenFolder: () => chosen,
      readDelayMs: () => delay,
      onList: (root) => listed.push(root),
      onRead: (root, file) => read.push({ root, file }),
      choosePdfPath: (offered) => {
        offeredPdfNames.push(offered);
        return pdfPath;
      },
      chooseCsvPath: (offered) => {
        offeredCsvNames.push(offered);
        return csvPath;
      },
      chooseStreamedPath: (name, kind) => {
        offeredSaveNames.push({ name, kind });
        return savePath;
      },
      chooseJsonFolder: () => jsonFolder,
      onPrint: (request) => printRequests.push(request),
      onSaveAsPdf: (request) => pdfRequests.push(request),
      onOpenOriginal: (file) => openedOriginals.push(file),
    });
    await use({
      chooseFolder: (folder) => (chosen = folder),
      slowReads: (ms) => (delay = ms),
      listed,
      readFrom: (folder) => read.filter((r) => r.root === folder).map((r) => r.file),
      choosePdfPath: (file) => (pdfPath = file),
      offeredPdfNames,
      chooseCsvPath: (file) => (csvPath = file),
      offeredCsvNames,
      chooseSavePath: (file) => (savePath = file),
      offeredSaveNames,
      chooseJsonFolder: (folder) => (jsonFolder = folder),
      printRequests,
      pdfRequests,
      openedOriginals,
      menu: (p, command) => p.evaluate((c) => (window as unknown as { __menu: (c: string) => void }).__menu(c), command),
    });
  },
});

test.beforeEach(() => {
  if (!browser.path) console.log(`Chromium spec skipped: ${browser.reason}`);
  test.skip(!browser.path, browser.reason);
});

export { expect };
