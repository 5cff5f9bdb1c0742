/**
 * The main process's side of the bridge: one `ipcMain.handle` per capability. Each
 * handler checks who is asking and what it was sent before doing anything.
 */
import path from 'node:path';
import { app, dialog, ipcMain, shell, type BrowserWindow, type IpcMainInvokeEvent, type PrintToPDFOptions, type WebContentsPrintOptions } from 'electron';
import { CHANNELS, type ArchiveBridge, type OpenOutcome, type PrintOutcome } from '../../src-shared/bridge';
import { parseCsvRequest, safeCsvFileName, writeCsvFile } from '../services/csv-file';
import type { FolderGrants } from '../services/folder-grants';
import type { FolderService } from '../services/folder-service';
import { findOriginal } from '../services/original-file';
import { writePdfFile } from '../services/pdf-file';
import { electronPdfOptions, electronPrintOptions, parsePdfRequest, parsePrintRequest, safePdfFileName } from '../services/print-options';
import { STREAMED_FILES, createStreamedFiles, expectChunk, expectHandle, parseStreamedSaveRequest, safeStreamedFileName } from '../services/streamed-file';
import { REFUSED, expectArgCount, expectBoolean, expectString, expectStringArray, isTrustedSender } from './ipc-guards';

export interface IpcContext {
  getMainWindow(): BrowserWindow | null;
  folderService: FolderService;
  /** Folders the renderer may list: those picked in the dialog, and the sample folder. */
  grants: FolderGrants;
  sampleFolder: string;
  /** The dev server's URL, only when the app is not packaged. */
  devServerUrl?: string;
}

/** The bridge's methods that are calls to main; onMenuCommand is an event the other way. */
type Invoked = Exclude<keyof ArchiveBridge, 'onMenuCommand'>;
type Handler<K extends Invoked> = (window: BrowserWindow, args: unknown[]) => ReturnType<ArchiveBridge[K]>;

/** Registers the handler of every channel but menuCommand. Call once, when the app is ready. */
export function registerIpcHandlers(context: IpcContext): void {
  const { folderService, grants } = context;
  // Where the last PDF went, so the next save dialog opens there; for this session only.
  let lastPdfFolder: string | undefined;
  // Where the last CSV file went, likewise.
  let lastCsvFolder: string | undefined;
  // Where the last backup or JSON file went, likewise.
  let lastStreamedFolder: string | undefined;
  // Backups and JSON files being saved a piece at a time, and folders chosen for letters' JSON.
  const streamed = createStreamedFiles();
  // A save the window never finished (it closed or reloaded) leaves no temporary file behind.
  app.on('will-quit', () => void streamed.abandonAll());
  // A window that reloads or navigates has dropped its saves and its folder: they go at once,
  // so neither a temporary file nor a folder the new page never chose outlives the page.
  app.on('web-contents-created', (_event, contents) => contents.on('did-navigate', () => void streamed.abandonAll()));

  const handlers: { [K in Invoked]: Handler<K> } = {
    async chooseFolder(window, args) {
      expectArgCount(args, 0);
      const result = await dialog.showOpenDialog(window, { properties: ['openDirectory'] });
      const folder = result.canceled ? undefined : result.filePaths[0];
      if (!folder) return null;
      grants.grant(folder);
      return folder;
    },
    async sampleFolder(_window, args) {
      expectArgCount(args, 0);
      return context.sampleFolder;
    },
    async listFolder(_window, args) {
      expectArgCount(args, 1);
      const root = expectString(args[0], 'The folder');
      if (!grants.allows(root)) throw new Error('Only a folder chosen in the folder dialog, or the sample folder, can be listed.');
      return folderService.listFolder(root);
    },
    async readFiles(_window, args) {
      expectArgCount(args, 2);
      // The service checks the batch size and reads only what its listing of this root returned.
      return folderService.readFiles(expectString(args[0], 'The folder'), expectStringArray(args[1], 'The files to read'));
    },
    async print(window, args) {
      expectArgCount(args, 1);
      const options: WebContentsPrintOptions = electronPrintOptions(parsePrintRequest(args[0]), new Date());
      return printPage(window, options);
    },
    async saveAsPdf(window, args) {
      expectArgCount(args, 1);
      const request = parsePdfRequest(args[0]);
      const target = await askWhereToSave(window, 'Save as PDF', path.join(lastPdfFolder ?? documentsFolder(), safePdfFileName(request.suggestedName)), 'PDF');
      if (!target) return { status: 'cancelled' };
      let data: Uint8Array;
      try {
        const options: PrintToPDFOptions = electronPdfOptions(request, new Date());
        data = await window.webContents.printToPDF(options);
      } catch (error) {
        return { status: 'failed', message: `Could not make the PDF for "${target}": ${messageOf(error)}` };
      }
      try {
        // pdf-file's errors already name the file and the reason.
        await writePdfFile(target, data);
      } catch (error) {
        return { status: 'failed', message: messageOf(error) };
      }
      lastPdfFolder = path.dirname(target);
      return { status: 'saved', path: target };
    },
    async saveCsv(window, args) {
      expectArgCount(args, 1);
      const request = parseCsvRequest(args[0]);
      const target = await askWhereToSave(window, 'Save as CSV', path.join(lastCsvFolder ?? documentsFolder(), safeCsvFileName(request.suggestedName)), 'CSV');
      if (!target) return { status: 'cancelled' };
      try {
        // csv-file's errors already name the file and the reason.
        await writeCsvFile(target, request.content);
      } catch (error) {
        return { status: 'failed', message: messageOf(error) };
      }
      lastCsvFolder = path.dirname(target);
      return { status: 'saved', path: target };
    },
    async beginSave(window, args) {
      expectArgCount(args, 1);
      const request = parseStreamedSaveRequest(args[0]);
      const { filter } = STREAMED_FILES[request.kind];
      const target = await askWhereToSave(
        window,
        request.kind === 'backup' ? 'Back up the archive' : 'Export letters as JSON',
        path.join(lastStreamedFolder ?? documentsFolder(), safeStreamedFileName(request)),
        filter,
        'json',
      );
      if (!target) return { status: 'cancelled' };
      try {
        // streamed-file's errors already name the file and the reason.
        const handle = await streamed.begin(target, request.kind);
        lastStreamedFolder = path.dirname(target);
        return { status: 'started', handle, path: target };
      } catch (error) {
        return { status: 'failed', message: messageOf(error) };
      }
    },
    async appendSave(_window, args) {
      expectArgCount(args, 2);
      await streamed.append(expectHandle(args[0]), expectChunk(args[1]));
    },
    async finishSave(_window, args) {
      expectArgCount(args, 2);
      return streamed.finish(expectHandle(args[0]), expectBoolean(args[1], 'Whether to keep the file'));
    },
    async chooseJsonFolder(window, args) {
      expectArgCount(args, 0);
      const result = await dialog.showOpenDialog(window, {
        title: 'Choose a folder for the letters’ JSON files',
        defaultPath: lastStreamedFolder ?? documentsFolder(),
        properties: ['openDirectory', 'createDirectory'],
      });
      const folder = result.canceled ? undefined : result.filePaths[0];
      if (!folder) return { status: 'cancelled' };
      lastStreamedFolder = folder;
      return { status: 'started', handle: streamed.grantFolder(folder), path: folder };
    },
    async saveJsonInFolder(_window, args) {
      expectArgCount(args, 3);
      return streamed.writeInFolder(expectHandle(args[0]), expectString(args[1], 'The file name'), expectString(args[2], 'The JSON text'));
    },
    async openOriginal(_window, args) {
      expectArgCount(args, 2);
      const root = expectString(args[0], 'The folder');
      if (!grants.remembers(root)) {
        return failed('The file is not opened: its folder was not chosen in the folder dialog. Import the folder again to open its files from here.');
      }
      const found = await findOriginal(root, args[1]);
      if ('error' in found) return failed(found.error);
      // openPath answers with an error message, or with nothing when the file was opened.
      const problem = await shell.openPath(found.path);
      return problem ? failed(`The system could not open "${found.path}": ${problem}`) : { status: 'opened' };
    },
  };

  const trustedWindow = (event: IpcMainInvokeEvent): BrowserWindow => {
    const window = context.getMainWindow();
    const trusted =
      window !== null &&
      event.sender.id === window.webContents.id &&
      isTrustedSender(event.senderFrame, window.webContents.mainFrame, context.devServerUrl);
    if (!trusted) throw new Error(REFUSED);
    return window;
  };

  for (const name of Object.keys(handlers) as Invoked[]) {
    const handler = handlers[name] as (window: BrowserWindow, args: unknown[]) => Promise<unknown>;
    ipcMain.handle(CHANNELS[name], (event, ...args: unknown[]) => handler(trustedWindow(event), args));
  }
}

/**
 * Opens the system print dialog for the window's page. Electron reports a cancelled dialog
 * as a failure whose reason has been spelt "cancelled", "canceled" and "Print job canceled"
 * over the years, so any mention of cancelling counts as the person changing their mind.
 */
function printPage(window: BrowserWindow, options: WebContentsPrintOptions): Promise<PrintOutcome> {
  return new Promise((resolve) => {
    try {
      window.webContents.print(options, (success, failureReason) => {
        if (success) resolve({ status: 'printed' });
        else if (/cancel/i.test(failureReason)) resolve({ status: 'cancelled' });
        else resolve({ status: 'failed', message: `Could not print: ${failureReason || 'the printer reported an error'}.` });
      });
    } catch (error) {
      resolve({ status: 'failed', message: `Could not print: ${messageOf(error)}` });
    }
  });
}

/**
 * The system's save dialog for one kind of file ("PDF", "CSV"; its extension the kind in lower
 * case unless given); the path chosen, or undefined when cancelled.
 */
async function askWhereToSave(window: BrowserWindow, title: string, defaultPath: string, kind: string, extension = kind.toLowerCase()): Promise<string | undefined> {
  const choice = await dialog.showSaveDialog(window, {
    title,
    defaultPath,
    filters: [{ name: kind, extensions: [extension] }],
    properties: ['createDirectory', 'showOverwriteConfirmation'],
  });
  return choice.canceled ? undefined : choice.filePath;
}

/** The person's Documents folder; their home folder on a system that has none (getPath throws there). */
function documentsFolder(): string {
  try {
    return app.getPath('documents');
  } catch {
    return app.getPath('home');
  }
}

function failed(message: string): OpenOutcome {
  return { status: 'failed', message };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
