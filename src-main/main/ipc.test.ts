/**
 * The print and PDF handlers, run against stand-ins for ipcMain, dialog, app and the window:
 * vi.mock replaces the 'electron' module, so the real one (which needs the binary) is never loaded.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { BrowserWindow } from 'electron';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { CHANNELS, type PrintOutcome, type SaveOutcome, type SaveStart } from '../../src-shared/bridge';
import { createFolderGrants } from '../services/folder-grants';
import type { FolderService } from '../services/folder-service';
import type { FrameLike } from './ipc-guards';

type Handler = (event: unknown, ...args: unknown[]) => Promise<unknown>;

const fake = vi.hoisted(() => ({
  handlers: new Map<string, Handler>(),
  showSaveDialog: vi.fn(),
  showOpenDialog: vi.fn(),
  openPath: vi.fn<(file: string) => Promise<string>>(async () => ''),
  documents: '',
}));

vi.mock('electron', () => ({
  ipcMain: { handle: (channel: string, handler: Handler) => fake.handlers.set(channel, handler) },
  dialog: { showSaveDialog: fake.showSaveDialog, showOpenDialog: fake.showOpenDialog },
  shell: { openPath: fake.openPath },
  app: { getPath: (name: string) => (name === 'documents' ? fake.documents : '/nowhere'), on: vi.fn() },
}));

const { registerIpcHandlers } = await import('./ipc');

const mainFrame: FrameLike = { processId: 7, frameToken: 'main', url: 'app://letter-archive/index.html' };
const PDF = new TextEncoder().encode('%PDF-1.7\nsummary\n%%EOF\n');

let base: string;
let letters: string;
const grants = createFolderGrants();
const window = {
  webContents: {
    id: 1,
    mainFrame,
    print: vi.fn(),
    printToPDF: vi.fn(),
  },
};
const trusted = { sender: { id: 1 }, senderFrame: mainFrame };

async function call(channel: string, ...args: unknown[]): Promise<unknown> {
  const handler = fake.handlers.get(channel);
  if (!handler) throw new Error(`no handler for ${channel}`);
  return handler(trusted, ...args);
}

const pdfRequest = { title: 'Coventry 2007 <b>', paperSize: 'Letter', suggestedName: '../Coventry: 2007' };

beforeAll(async () => {
  base = await fs.realpath(await fs.mkdtemp(path.join(os.tmpdir(), 'ipc-print-')));
  fake.documents = path.join(base, 'Documents');
  await fs.mkdir(fake.documents);
  letters = path.join(base, 'letters');
  await fs.mkdir(path.join(letters, '2009'), { recursive: true });
  await fs.writeFile(path.join(letters, '2009', 'walsall.pdf'), PDF);
  await fs.writeFile(path.join(letters, 'run-me.sh'), '#!/bin/sh\n');
  grants.grant(letters);
  registerIpcHandlers({
    getMainWindow: () => window as unknown as BrowserWindow,
    folderService: {} as FolderService,
    grants,
    sampleFolder: '/samples',
  });
});

afterAll(async () => {
  await fs.rm(base, { recursive: true, force: true });
});

beforeEach(() => {
  fake.showSaveDialog.mockReset();
  window.webContents.print.mockReset();
  window.webContents.printToPDF.mockReset();
});

describe('print', () => {
  const answer = (success: boolean, reason: string) =>
    window.webContents.print.mockImplementationOnce((_options: unknown, callback: (s: boolean, r: string) => void) => callback(success, reason));

  it('opens the print dialog with a plain-text header and footer, and says it printed', async () => {
    answer(true, '');
    expect(await call(CHANNELS.print, { title: 'Walsall\n2009', paperSize: 'A4' })).toEqual({ status: 'printed' });
    const [options] = window.webContents.print.mock.calls[0] as [Record<string, unknown>];
    expect(options).toMatchObject({ silent: false, pageSize: 'A4', header: 'Walsall 2009' });
    expect(options.footer).toMatch(/^Printed \d{1,2} [A-Z][a-z]+ \d{4}$/);
  });

  it('tells a cancelled dialog from a failure', async () => {
    for (const reason of ['cancelled', 'canceled', 'Print job canceled']) {
      answer(false, reason);
      expect(await call(CHANNELS.print, { title: 't', paperSize: 'A4' })).toEqual({ status: 'cancelled' });
    }
    answer(false, 'Print job failed');
    expect(await call(CHANNELS.print, { title: 't', paperSize: 'A4' })).toEqual({
      status: 'failed',
      message: 'Could not print: Print job failed.',
    });
  });

  it('refuses bad arguments and untrusted senders before printing', async () => {
    await expect(call(CHANNELS.print, { title: 't', paperSize: 'A3' })).rejects.toThrow(/A4 or Letter/);
    await expect(call(CHANNELS.print)).rejects.toThrow(/Expected 1 argument/);
    const handler = fake.handlers.get(CHANNELS.print) as Handler;
    const frame = { ...mainFrame, frameToken: 'child' };
    // Electron turns a handler's throw into a rejection in the renderer, whether it throws at once or later.
    const untrusted = async () => handler({ sender: { id: 1 }, senderFrame: frame }, { title: 't', paperSize: 'A4' });
    await expect(untrusted()).rejects.toThrow('refused');
    expect(window.webContents.print).not.toHaveBeenCalled();
  });
});

describe('saveAsPdf', () => {
  it('offers a safe name in Documents, renders with the footer and writes the file', async () => {
    const target = path.join(base, 'chosen', 'Coventry.pdf');
    await fs.mkdir(path.dirname(target));
    fake.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: target });
    window.webContents.printToPDF.mockResolvedValueOnce(Buffer.from(PDF));

    const outcome = (await call(CHANNELS.saveAsPdf, pdfRequest)) as PrintOutcome;
    expect(outcome).toEqual({ status: 'saved', path: target });
    expect(await fs.readFile(target, 'utf8')).toContain('summary');

    const [parent, dialogOptions] = fake.showSaveDialog.mock.calls[0] as [unknown, { defaultPath: string; filters: unknown }];
    expect(parent).toBe(window);
    expect(dialogOptions.defaultPath).toBe(path.join(fake.documents, 'Coventry 2007.pdf'));
    expect(dialogOptions.filters).toEqual([{ name: 'PDF', extensions: ['pdf'] }]);

    const [pdfOptions] = window.webContents.printToPDF.mock.calls[0] as [Record<string, unknown>];
    expect(pdfOptions).toMatchObject({ pageSize: 'Letter', displayHeaderFooter: true, printBackground: true, preferCSSPageSize: false });
    expect(pdfOptions.footerTemplate).toContain('Coventry 2007 &#60;b&#62;');

    // The next dialog opens where this PDF went.
    fake.showSaveDialog.mockResolvedValueOnce({ canceled: true, filePath: '' });
    await call(CHANNELS.saveAsPdf, pdfRequest);
    expect((fake.showSaveDialog.mock.calls[1] as [unknown, { defaultPath: string }])[1].defaultPath).toBe(
      path.join(base, 'chosen', 'Coventry 2007.pdf'),
    );
  });

  it('does nothing more when the dialog is cancelled', async () => {
    fake.showSaveDialog.mockResolvedValueOnce({ canceled: true, filePath: '' });
    expect(await call(CHANNELS.saveAsPdf, pdfRequest)).toEqual({ status: 'cancelled' });
    expect(window.webContents.printToPDF).not.toHaveBeenCalled();
  });

  it('names the file when rendering or writing fails', async () => {
    const target = path.join(base, 'missing-folder', 'x.pdf');
    fake.showSaveDialog.mockResolvedValue({ canceled: false, filePath: target });
    window.webContents.printToPDF.mockRejectedValueOnce(new Error('renderer gone'));
    expect(await call(CHANNELS.saveAsPdf, pdfRequest)).toEqual({
      status: 'failed',
      message: `Could not make the PDF for "${target}": renderer gone`,
    });
    window.webContents.printToPDF.mockResolvedValueOnce(Buffer.from(PDF));
    expect(await call(CHANNELS.saveAsPdf, pdfRequest)).toEqual({
      status: 'failed',
      message: `Could not save "${target}": the folder does not exist.`,
    });
  });

  it('refuses a request without a suggested name', async () => {
    await expect(call(CHANNELS.saveAsPdf, { title: 't', paperSize: 'A4' })).rejects.toThrow(/suggested file name/);
    expect(fake.showSaveDialog).not.toHaveBeenCalled();
  });
});

describe('saveCsv', () => {
  const content = '\uFEFFCouncil,Fee\r\nCoventry,"£1,200 – “weekly”"';
  const csvRequest = { suggestedName: '../Coventry: letters.csv', content };

  it('offers a safe name in Documents with a CSV filter, and writes the text as UTF-8 with its byte order mark', async () => {
    const target = path.join(base, 'tables', 'Coventry.csv');
    await fs.mkdir(path.dirname(target));
    fake.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: target });

    const outcome = (await call(CHANNELS.saveCsv, csvRequest)) as SaveOutcome;
    expect(outcome).toEqual({ status: 'saved', path: target });
    const bytes = await fs.readFile(target);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.equals(Buffer.from(content, 'utf8'))).toBe(true);

    const [parent, dialogOptions] = fake.showSaveDialog.mock.calls[0] as [unknown, { defaultPath: string; filters: unknown }];
    expect(parent).toBe(window);
    expect(dialogOptions.defaultPath).toBe(path.join(fake.documents, 'Coventry letters.csv'));
    expect(dialogOptions.filters).toEqual([{ name: 'CSV', extensions: ['csv'] }]);

    // The next dialog opens where this file went.
    fake.showSaveDialog.mockResolvedValueOnce({ canceled: true, filePath: '' });
    await call(CHANNELS.saveCsv, csvRequest);
    expect((fake.showSaveDialog.mock.calls[1] as [unknown, { defaultPath: string }])[1].defaultPath).toBe(
      path.join(base, 'tables', 'Coventry letters.csv'),
    );
  });

  it('writes nothing when the dialog is cancelled', async () => {
    fake.showSaveDialog.mockResolvedValueOnce({ canceled: true, filePath: '' });
    expect(await call(CHANNELS.saveCsv, csvRequest)).toEqual({ status: 'cancelled' });
    fake.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: undefined });
    expect(await call(CHANNELS.saveCsv, csvRequest)).toEqual({ status: 'cancelled' });
  });

  it('names the file and the reason when writing fails', async () => {
    const target = path.join(base, 'missing-folder', 'x.csv');
    fake.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: target });
    expect(await call(CHANNELS.saveCsv, csvRequest)).toEqual({
      status: 'failed',
      message: `Could not save "${target}": the folder does not exist.`,
    });
  });

  it('refuses bad arguments and untrusted senders before asking where to save', async () => {
    await expect(call(CHANNELS.saveCsv, { content })).rejects.toThrow(/suggested file name/);
    await expect(call(CHANNELS.saveCsv, { suggestedName: 'x.csv', content: 42 })).rejects.toThrow(/CSV text must be a string/);
    await expect(call(CHANNELS.saveCsv, 'x.csv')).rejects.toThrow(/must be an object/);
    await expect(call(CHANNELS.saveCsv)).rejects.toThrow(/Expected 1 argument/);
    const handler = fake.handlers.get(CHANNELS.saveCsv) as Handler;
    const untrusted = async () => handler({ sender: { id: 2 }, senderFrame: mainFrame }, csvRequest);
    await expect(untrusted()).rejects.toThrow('refused');
    expect(fake.showSaveDialog).not.toHaveBeenCalled();
  });
});

describe('beginSave, appendSave and finishSave', () => {
  const backupRequest = { kind: 'backup', suggestedName: 'Letter Archive backup 2026-12-06' };

  it('asks where with a JSON filter, then writes the pieces and puts the file in place', async () => {
    const target = path.join(base, 'backups', 'backup.json');
    await fs.mkdir(path.dirname(target));
    fake.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: target });
    const start = (await call(CHANNELS.beginSave, backupRequest)) as SaveStart;
    expect(start).toMatchObject({ status: 'started', path: target });
    const [, options] = fake.showSaveDialog.mock.calls[0] as [unknown, { defaultPath: string; filters: unknown; title: string }];
    expect(options.defaultPath).toBe(path.join(fake.documents, 'Letter Archive backup 2026-12-06.json'));
    expect(options.filters).toEqual([{ name: 'Letter Archive backup', extensions: ['json'] }]);
    expect(options.title).toBe('Back up the archive');
    if (start.status !== 'started') return;
    await call(CHANNELS.appendSave, start.handle, new TextEncoder().encode('{"a":'));
    await call(CHANNELS.appendSave, start.handle, new TextEncoder().encode('1}'));
    expect(await call(CHANNELS.finishSave, start.handle, true)).toEqual({ status: 'saved', path: target });
    expect(await fs.readFile(target, 'utf8')).toBe('{"a":1}');
    await expect(call(CHANNELS.appendSave, start.handle, new Uint8Array(1))).rejects.toThrow(/not open/);
  });

  it('says cancelled when the dialog is, and names the file when it cannot be opened', async () => {
    fake.showSaveDialog.mockResolvedValueOnce({ canceled: true, filePath: '' });
    expect(await call(CHANNELS.beginSave, backupRequest)).toEqual({ status: 'cancelled' });
    const target = path.join(base, 'missing-folder', 'b.json');
    fake.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: target });
    expect(await call(CHANNELS.beginSave, backupRequest)).toEqual({ status: 'failed', message: `Could not save "${target}": the folder does not exist.` });
  });

  it('refuses bad arguments and untrusted senders', async () => {
    await expect(call(CHANNELS.beginSave, { kind: 'exe', suggestedName: 'x' })).rejects.toThrow(/kind of file/);
    await expect(call(CHANNELS.appendSave, '/etc/passwd', new Uint8Array(1))).rejects.toThrow(/not one this app made/);
    await expect(call(CHANNELS.appendSave, '0'.repeat(32), 'text')).rejects.toThrow(/must be bytes/);
    await expect(call(CHANNELS.finishSave, '0'.repeat(32), 'yes')).rejects.toThrow(/true or false/);
    await expect(call(CHANNELS.finishSave, '0'.repeat(32))).rejects.toThrow(/Expected 2 argument/);
    const handler = fake.handlers.get(CHANNELS.beginSave) as Handler;
    const untrusted = async () => handler({ sender: { id: 2 }, senderFrame: mainFrame }, backupRequest);
    await expect(untrusted()).rejects.toThrow('refused');
    expect(fake.showSaveDialog).not.toHaveBeenCalled();
  });
});

describe('chooseJsonFolder and saveJsonInFolder', () => {
  it('writes one file per letter only into the folder chosen', async () => {
    const folder = path.join(base, 'json-letters');
    await fs.mkdir(folder);
    fake.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [folder] });
    const chosen = (await call(CHANNELS.chooseJsonFolder)) as SaveStart;
    expect(chosen).toMatchObject({ status: 'started', path: folder });
    if (chosen.status !== 'started') return;
    expect(await call(CHANNELS.saveJsonInFolder, chosen.handle, 'Coventry/2009', '{}')).toEqual({ status: 'saved', path: path.join(folder, 'Coventry 2009.json') });
    await expect(call(CHANNELS.saveJsonInFolder, 'a'.repeat(32), 'x', '{}')).rejects.toThrow(/not chosen/);
    fake.showOpenDialog.mockResolvedValueOnce({ canceled: true, filePaths: [] });
    expect(await call(CHANNELS.chooseJsonFolder)).toEqual({ status: 'cancelled' });
  });
});

describe('openOriginal', () => {
  beforeEach(() => fake.openPath.mockClear());

  it('opens a PDF a granted folder holds, in the system viewer', async () => {
    expect(await call(CHANNELS.openOriginal, letters, '2009/walsall.pdf')).toEqual({ status: 'opened' });
    expect(fake.openPath).toHaveBeenCalledWith(path.join(letters, '2009', 'walsall.pdf'));
  });

  it('says why when the system cannot open it', async () => {
    fake.openPath.mockResolvedValueOnce('no application is set to open PDF files');
    expect(await call(CHANNELS.openOriginal, letters, '2009/walsall.pdf')).toEqual({
      status: 'failed',
      message: expect.stringMatching(/could not open .*walsall\.pdf.*no application/),
    });
  });

  it('hands nothing to the system from a folder never chosen, outside the folder, or that is not a PDF or text file', async () => {
    const refused = [
      [fake.documents, 'x.pdf', /not chosen in the folder dialog/],
      [letters, '../Documents/x.pdf', /not a path inside the folder/],
      [letters, 'run-me.sh', /only PDF and text files/],
      [letters, '2009/gone.pdf', /no longer in/],
    ] as const;
    for (const [root, file, reason] of refused) {
      expect(await call(CHANNELS.openOriginal, root, file)).toEqual({ status: 'failed', message: expect.stringMatching(reason) });
    }
    await expect(call(CHANNELS.openOriginal, letters)).rejects.toThrow(/Expected 2 argument/);
    expect(fake.openPath).not.toHaveBeenCalled();
  });
});
