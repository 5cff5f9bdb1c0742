/**
 * `window.archive` in plain Chromium, backed by the real main-process services running in
 * this Node process (folder walking, file reading, PDF and CSV writing). Only Electron's IPC
 * transport and dialogs are stood in for: page.exposeFunction carries the calls, the bytes
 * of files read come over HTTP from the server the page was loaded from (static-server.ts),
 * and PDFs are rendered by Playwright's page.pdf with the options printToPDF gets in the app.
 *
 * Shared by the Playwright fixture (app-fixture.ts) and the search benchmark
 * (src-main/cli/bench-search.ts), so both drive the app through the same bridge.
 * Written without DOM types, as the benchmark is compiled without them.
 */
import type { Page } from '@playwright/test';
import type { CsvRequest, OpenOutcome, PdfRequest, PrintOutcome, PrintRequest, SaveOutcome, SaveStart, StreamedFileKind } from '../../src-shared/bridge';
import { parseCsvRequest, safeCsvFileName, writeCsvFile } from '../../src-main/services/csv-file';
import { createFolderService } from '../../src-main/services/folder-service';
import { findOriginal } from '../../src-main/services/original-file';
import { writePdfFile } from '../../src-main/services/pdf-file';
import { parsePdfRequest, parsePrintRequest, playwrightPdfOptions, safePdfFileName } from '../../src-main/services/print-options';
import { createStreamedFiles, expectChunk, expectHandle, parseStreamedSaveRequest, safeStreamedFileName } from '../../src-main/services/streamed-file';
import { offerBytes } from './static-server';

export interface StandInOptions {
  /** What `sampleFolder()` answers. */
  sampleFolder: string;
  /** What the folder dialog answers now (null: the person cancelled). */
  chosenFolder(): string | null;
  /** Milliseconds to wait before each readFiles call (0: none). */
  readDelayMs?(): number;
  /**
   * Whether a readFiles call for these files is never answered, as a disk that stopped
   * would leave it (a test closing the window mid-import uses it so the import cannot end first).
   */
  holdRead?(relativePaths: readonly string[]): boolean;
  /** Told of every folder the service is asked to list, before it lists it. */
  onList?(root: string): void;
  /** Told of every file whose bytes are handed over, relative to the folder read from. */
  onRead?(root: string, relativePath: string): void;
  /**
   * Told of every readFiles call's cost on this side: the real service reading the files
   * (what main does in the app), and laying them end to end for the page to fetch.
   */
  onReadTimed?(figures: { serviceMs: number; encodeMs: number; bytes: number; files: number }): void;
  /**
   * What the save dialog of saveAsPdf answers, given the file name it offers (null: the
   * person cancelled). Without it, every save is cancelled.
   */
  choosePdfPath?(offeredName: string): string | null;
  /**
   * What the save dialog of saveCsv answers, given the file name it offers (null: the person
   * cancelled). Without it, every save is cancelled.
   */
  chooseCsvPath?(offeredName: string): string | null;
  /**
   * What the save dialog of beginSave (a backup, the letters as JSON) answers, given the file
   * name it offers and the kind of file (null: the person cancelled). Without it, every save is cancelled.
   */
  chooseStreamedPath?(offeredName: string, kind: StreamedFileKind): string | null;
  /** What the folder dialog of chooseJsonFolder answers (null: cancelled). Without it, cancelled. */
  chooseJsonFolder?(): string | null;
  /** Told of every print request; print() then answers that it printed. */
  onPrint?(request: PrintRequest): void;
  /** Told of every save-as-PDF request, before the save dialog is asked. */
  onSaveAsPdf?(request: PdfRequest): void;
  /** Told of every file openOriginal would hand to the system's viewer (the stand-in opens nothing). */
  onOpenOriginal?(file: string): void;
}

/** Installs the bridge on every page the `page` loads from now on. */
export async function installArchiveStandIn(page: Page, options: StandInOptions): Promise<void> {
  const service = createFolderService();
  // The same service main uses for files saved a piece at a time.
  const streamed = createStreamedFiles();
  await page.exposeFunction('__archiveCall', async (method: string, args: unknown[]) => {
    switch (method) {
      case 'chooseFolder':
        return options.chosenFolder();
      case 'sampleFolder':
        return options.sampleFolder;
      case 'listFolder': {
        options.onList?.(String(args[0]));
        // As JSON text: Playwright carries a returned object value by value, wrapped, and a
        // listing of 10,000 files took it about 0.6 s more than Electron's IPC, which clones it in milliseconds.
        return JSON.stringify(await service.listFolder(String(args[0])));
      }
      case 'readFiles': {
        const delay = options.readDelayMs?.() ?? 0;
        if (delay) await new Promise((resolve) => setTimeout(resolve, delay));
        if (options.holdRead?.(args[1] as string[])) await new Promise<never>(() => {});
        const reading = performance.now();
        const results = await service.readFiles(String(args[0]), args[1] as string[]);
        const encoding = performance.now();
        // The files' bytes end to end, fetched by the page in one request; each file says where it is.
        let bytes = 0;
        const chunks: Buffer[] = [];
        const placed = results.map((r) => {
          if ('error' in r) return r;
          options.onRead?.(String(args[0]), r.relativePath);
          const at = { relativePath: r.relativePath, offset: bytes, length: r.bytes.byteLength };
          chunks.push(Buffer.from(r.bytes.buffer, r.bytes.byteOffset, r.bytes.byteLength));
          bytes += r.bytes.byteLength;
          return at;
        });
        const url = offerBytes(Buffer.concat(chunks, bytes));
        options.onReadTimed?.({ serviceMs: encoding - reading, encodeMs: performance.now() - encoding, bytes, files: results.length });
        return { url, files: placed };
      }
      case 'print': {
        // The same checks as main: a bad request rejects, as it would over IPC.
        const request = parsePrintRequest(args[0]);
        options.onPrint?.(request);
        return { status: 'printed' } satisfies PrintOutcome;
      }
      case 'saveAsPdf':
        return saveAsPdf(page, parsePdfRequest(args[0]), options);
      case 'saveCsv':
        return saveCsv(parseCsvRequest(args[0]), options);
      case 'beginSave': {
        const request = parseStreamedSaveRequest(args[0]);
        const target = options.chooseStreamedPath?.(safeStreamedFileName(request), request.kind) ?? null;
        if (!target) return { status: 'cancelled' } satisfies SaveStart;
        try {
          return { status: 'started', handle: await streamed.begin(target, request.kind), path: target } satisfies SaveStart;
        } catch (error) {
          return { status: 'failed', message: (error as Error).message } satisfies SaveStart;
        }
      }
      case 'appendSave':
        // The bytes come as base64: exposeFunction carries JSON, not typed arrays.
        return streamed.append(expectHandle(args[0]), expectChunk(new Uint8Array(Buffer.from(String(args[1]), 'base64'))));
      case 'finishSave':
        return streamed.finish(expectHandle(args[0]), args[1] === true);
      case 'chooseJsonFolder': {
        const folder = options.chooseJsonFolder?.() ?? null;
        if (!folder) return { status: 'cancelled' } satisfies SaveStart;
        return { status: 'started', handle: streamed.grantFolder(folder), path: folder } satisfies SaveStart;
      }
      case 'saveJsonInFolder':
        return streamed.writeInFolder(expectHandle(args[0]), String(args[1]), String(args[2]));
      case 'openOriginal': {
        // The same checks as main; only the system's viewer is left out.
        const found = await findOriginal(String(args[0]), args[1]);
        if ('error' in found) return { status: 'failed', message: found.error } satisfies OpenOutcome;
        options.onOpenOriginal?.(found.path);
        return { status: 'opened' } satisfies OpenOutcome;
      }
      default:
        throw new Error(`no such bridge method: ${method}`);
    }
  });
  await page.addInitScript(() => {
    type Call = (method: string, args: unknown[]) => Promise<unknown>;
    // The page's window, typed for just what is used here.
    const page = globalThis as unknown as { __archiveCall: Call; __menu: (c: string) => void };
    const call = page.__archiveCall;
    const listeners = new Set<(command: string) => void>();
    page.__menu = (command) => listeners.forEach((l) => l(command));
    type Placed = { relativePath: string; offset?: number; length?: number; error?: string };
    const readFiles = async (root: string, paths: string[]) => {
      const { url, files } = (await call('readFiles', [root, paths])) as { url: string; files: Placed[] };
      const response = await fetch(url);
      if (!response.ok) throw new Error(`the files' bytes could not be fetched (HTTP ${response.status})`);
      const buffer = await response.arrayBuffer();
      return files.map((r) => (r.error !== undefined ? r : { relativePath: r.relativePath, bytes: new Uint8Array(buffer, r.offset, r.length) }));
    };
    /** Bytes as base64, a piece at a time (String.fromCharCode takes only so many arguments). */
    const toBase64 = (bytes: Uint8Array): string => {
      let binary = '';
      for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
      return btoa(binary);
    };
    Object.defineProperty(page, 'archive', {
      value: Object.freeze({
        chooseFolder: () => call('chooseFolder', []),
        sampleFolder: () => call('sampleFolder', []),
        listFolder: async (root: string) => JSON.parse((await call('listFolder', [root])) as string) as unknown,
        readFiles,
        print: (request: unknown) => call('print', [request]),
        saveAsPdf: (request: unknown) => call('saveAsPdf', [request]),
        openOriginal: (root: string, relativePath: string) => call('openOriginal', [root, relativePath]),
        saveCsv: (request: unknown) => call('saveCsv', [request]),
        beginSave: (request: unknown) => call('beginSave', [request]),
        appendSave: (handle: string, bytes: Uint8Array) => call('appendSave', [handle, toBase64(bytes)]),
        finishSave: (handle: string, keep: boolean) => call('finishSave', [handle, keep]),
        chooseJsonFolder: () => call('chooseJsonFolder', []),
        saveJsonInFolder: (handle: string, fileName: string, content: string) => call('saveJsonInFolder', [handle, fileName, content]),
        onMenuCommand: (listener: (command: string) => void) => {
          listeners.add(listener);
          return () => listeners.delete(listener);
        },
      }),
    });
  });
}

/**
 * saveAsPdf as main does it: ask where, render, write with the real PDF file service. Only
 * the renderer differs: Playwright's page.pdf in place of webContents.printToPDF, with the
 * same paper, margins and footer.
 */
async function saveAsPdf(page: Page, request: PdfRequest, options: StandInOptions): Promise<PrintOutcome> {
  options.onSaveAsPdf?.(request);
  const target = options.choosePdfPath?.(safePdfFileName(request.suggestedName)) ?? null;
  if (!target) return { status: 'cancelled' };
  let data: Uint8Array;
  try {
    data = await page.pdf(playwrightPdfOptions(request, new Date()));
  } catch (error) {
    return { status: 'failed', message: `Could not make the PDF for "${target}": ${(error as Error).message}` };
  }
  try {
    await writePdfFile(target, data);
  } catch (error) {
    return { status: 'failed', message: (error as Error).message };
  }
  return { status: 'saved', path: target };
}

/** saveCsv as main does it: ask where, then write the text with the real CSV file service. */
async function saveCsv(request: CsvRequest, options: StandInOptions): Promise<SaveOutcome> {
  const target = options.chooseCsvPath?.(safeCsvFileName(request.suggestedName)) ?? null;
  if (!target) return { status: 'cancelled' };
  try {
    await writeCsvFile(target, request.content);
  } catch (error) {
    return { status: 'failed', message: (error as Error).message };
  }
  return { status: 'saved', path: target };
}
