/**
 * `window.archive` in plain Chromium, backed by the real main-process services running in
 * this Node process (folder walking, file reading, PDF writing). Only Electron's IPC
 * transport and dialogs are stood in for: page.exposeFunction carries the calls, bytes
 * travel as base64, and PDFs are rendered by Playwright's page.pdf with the options
 * printToPDF gets in the app.
 *
 * Shared by the Playwright fixture (app-fixture.ts) and the search benchmark
 * (src-main/cli/bench-search.ts), so both drive the app through the same bridge.
 * Written without DOM types, as the benchmark is compiled without them.
 */
import type { Page } from '@playwright/test';
import type { OpenOutcome, PdfRequest, PrintOutcome, PrintRequest } from '../../src-shared/bridge';
import { createFolderService } from '../../src-main/services/folder-service';
import { findOriginal } from '../../src-main/services/original-file';
import { writePdfFile } from '../../src-main/services/pdf-file';
import { parsePdfRequest, parsePrintRequest, playwrightPdfOptions, safePdfFileName } from '../../src-main/services/print-options';

export interface StandInOptions {
  /** What `sampleFolder()` answers. */
  sampleFolder: string;
  /** What the folder dialog answers now (null: the person cancelled). */
  chosenFolder(): string | null;
  /** Milliseconds to wait before each readFiles call (0: none). */
  readDelayMs?(): number;
  /** Told of every folder the service is asked to list, before it lists it. */
  onList?(root: string): void;
  /** Told of every file whose bytes are handed over, relative to the folder read from. */
  onRead?(root: string, relativePath: string): void;
  /**
   * Told of every readFiles call's cost on this side: the real service reading the files
   * (what main does in the app), and the base64 encoding only this stand-in needs.
   */
  onReadTimed?(figures: { serviceMs: number; encodeMs: number; bytes: number; files: number }): void;
  /**
   * What the save dialog of saveAsPdf answers, given the file name it offers (null: the
   * person cancelled). Without it, every save is cancelled.
   */
  choosePdfPath?(offeredName: string): string | null;
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
  await page.exposeFunction('__archiveCall', async (method: string, args: unknown[]) => {
    switch (method) {
      case 'chooseFolder':
        return options.chosenFolder();
      case 'sampleFolder':
        return options.sampleFolder;
      case 'listFolder': {
        options.onList?.(String(args[0]));
        return service.listFolder(String(args[0]));
      }
      case 'readFiles': {
        const delay = options.readDelayMs?.() ?? 0;
        if (delay) await new Promise((resolve) => setTimeout(resolve, delay));
        const reading = performance.now();
        const results = await service.readFiles(String(args[0]), args[1] as string[]);
        const encoding = performance.now();
        let bytes = 0;
        const encoded = results.map((r) => {
          if ('error' in r) return r;
          options.onRead?.(String(args[0]), r.relativePath);
          bytes += r.bytes.byteLength;
          return { relativePath: r.relativePath, base64: Buffer.from(r.bytes).toString('base64') };
        });
        options.onReadTimed?.({ serviceMs: encoding - reading, encodeMs: performance.now() - encoding, bytes, files: results.length });
        return encoded;
      }
      case 'print': {
        // The same checks as main: a bad request rejects, as it would over IPC.
        const request = parsePrintRequest(args[0]);
        options.onPrint?.(request);
        return { status: 'printed' } satisfies PrintOutcome;
      }
      case 'saveAsPdf':
        return saveAsPdf(page, parsePdfRequest(args[0]), options);
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
    const fromBase64 = (text: string) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
    Object.defineProperty(page, 'archive', {
      value: Object.freeze({
        chooseFolder: () => call('chooseFolder', []),
        sampleFolder: () => call('sampleFolder', []),
        listFolder: (root: string) => call('listFolder', [root]),
        readFiles: async (root: string, paths: string[]) =>
          ((await call('readFiles', [root, paths])) as { relativePath: string; base64?: string; error?: string }[]).map((r) =>
            r.base64 === undefined ? r : { relativePath: r.relativePath, bytes: fromBase64(r.base64) },
          ),
        print: (request: unknown) => call('print', [request]),
        saveAsPdf: (request: unknown) => call('saveAsPdf', [request]),
        openOriginal: (root: string, relativePath: string) => call('openOriginal', [root, relativePath]),
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
